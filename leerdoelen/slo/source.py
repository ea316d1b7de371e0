"""Read a checkout in SLO's ``curriculum-fo`` layout and validate what the chosen sets reach
against SLO's own schema.

The layout: ``context.json`` (draft-07) names, per collection, the data file that holds it
(its own ``#file`` keyword); ``data/<type>.json`` holds one JSON array per entity type;
``curriculum-basis/`` (a git submodule in SLO's repository) holds the niveaus and
vakleergebieden that ``niveau_id`` and ``vakleergebied_id`` point to. SLO's
``itemTypeReference`` keyword means: the id must exist and be an entity of the named type.
Ids in ``replaces`` point into SLO's ``data/deprecated.json``, which is read when it is
there (kept aside, never validated) and never required.

A real release holds 129 sets and some dangling references of SLO's own: only the entities
that the chosen sets reach are validated (``check_sets``). A reference that does not resolve
is an error where the frame is built from it (set → domein → kernzin → doelzin), and
otherwise a warning (a niveau, a vakleergebied, an uitwerking).

Everything that is wrong becomes a diagnostic (file, entity id, what is wrong); nothing here
raises on bad input.

Longer than 350 lines: reading the checkout, what the sets reach, the ``$ref`` inliner, the
``itemTypeReference`` keyword and the Dutch wording of schema errors serve this one
validation and nothing else.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema

from leerdoelen.core.diagnostics import Diagnostic, diagnostic
from leerdoelen.util.files import describe
from leerdoelen.util.progress import counted

CONTEXT = "context.json"
BASIS = "curriculum-basis"
BASIS_FILES = {"niveau": "data/niveaus.json", "vakleergebied": "data/vakleergebieden.json"}
REQUIRED_BASIS = ("niveau",)  # niveau_id decides which kerndoelen are po
BASIS_ID = "https://opendata.slo.nl/curriculum/schemas/curriculum-basis/context.json"
DEPRECATED = "deprecated"  # replaces' targets: kept aside, never validated
# Links without which a kerndoel is not whole: a kernzin's doelzinnen. One that does not
# resolve is an error. Any other reference that does not resolve is a warning: a domein
# naming a kernzin that is not there (of another niveau, left out of an export of ours), a
# niveau, a vakleergebied, an uitwerking; the frame is built from what is there.
STRUCTURE = frozenset({("fo_kernzin", "fo_doelzin_id")})
# The ``<type>_id`` lists that lead from a set to everything below it.
REACH = (
    "fo_domein",
    "fo_subdomein",
    "fo_kernzin",
    "fo_doelzin",
    "fo_uitwerking",
    "fo_illustratie",
    "niveau",
    "vakleergebied",
)
# SLO's files nest a few levels deep (a list of entities, a field, a list of ids); the JSON
# parser and the validator recurse per level, so deeper input is refused before parsing.
MAX_NESTING = 64
MAX_SCHEMA_DEPTH = 50  # the schema with every $ref inlined

# How an entity type is named in a message.
TYPE_NAMES = {
    "fo_set": "set",
    "fo_domein": "domein",
    "fo_subdomein": "subdomein",
    "fo_kernzin": "kernzin",
    "fo_doelzin": "doelzin",
    "fo_uitwerking": "uitwerking",
    "fo_illustratie": "illustratie",
    "niveau": "niveau",
    "vakleergebied": "vakleergebied",
    "ld_leerdoel": "leerdoel",
}
_JSON_TYPES = {
    "string": "tekst",
    "array": "een lijst",
    "integer": "een geheel getal",
    "number": "een getal",
    "boolean": "true of false",
    "object": "een object",
}


def bundled_schema(name: str) -> dict[str, Any]:
    """SLO's context.json as shipped with this package (``curriculum-fo`` or ``-basis``)."""
    text = (files("leerdoelen.slo") / "schema" / f"{name}.context.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@dataclass
class Dataset:
    """All entities of a checkout, by type and by id."""

    entities: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # type → in order
    files: dict[str, str] = field(default_factory=dict)  # type → path relative to the checkout
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    type_of: dict[str, str] = field(default_factory=dict)  # id → type
    lines: dict[str, int] = field(default_factory=dict)  # id → line of its "id" in its file
    deprecated: dict[str, dict[str, Any]] = field(default_factory=dict)  # id → entity, in order
    schemas: tuple[dict[str, Any], dict[str, Any]] = ({}, {})  # curriculum-fo, -basis

    def of(self, kind: str) -> list[dict[str, Any]]:
        return self.entities.get(kind, [])

    def children(self, entity: dict[str, Any], kind: str) -> Iterator[dict[str, Any]]:
        """The entities of ``kind`` that ``entity`` lists in ``<kind>_id``, in its order."""
        for child_id in entity.get(f"{kind}_id") or ():
            child = self.by_id.get(child_id)
            if child is not None and self.type_of[child_id] == kind:
                yield child

    def where(self, kind: str, entity_id: str) -> tuple[str, int]:
        return self.files.get(kind, ""), self.lines.get(entity_id, 0)


def _id_lines(text: str) -> dict[str, int]:
    """Line of each ``"id": "<uuid>"`` in a JSON text, for messages that point at it."""
    lines: dict[str, int] = {}
    line, position = 1, 0
    for match in re.finditer(r'"id"\s*:\s*"([^"]*)"', text):
        line += text.count("\n", position, match.start())  # one pass over the text
        position = match.start()
        lines.setdefault(match.group(1), line)
    return lines


# A JSON string (skipped whole, so that brackets inside it do not count) or a bracket.
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def _too_deep(text: str) -> tuple[int, int] | None:
    """Line and column of the first bracket nested deeper than MAX_NESTING, if any.
    One pass without recursion; the text need not be valid JSON."""
    depth = 0
    for token in _JSON_TOKEN.finditer(text):
        bracket = token.group()
        if bracket in ("[", "{"):
            depth += 1
            if depth > MAX_NESTING:
                start = token.start()
                line = text.count("\n", 0, start) + 1
                return line, start - text.rfind("\n", 0, start)
        elif bracket in ("]", "}"):
            depth -= 1
    return None


def _read_json(path: Path, relative: str, problems: list[Diagnostic]) -> tuple[Any, str] | None:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        problems.append(diagnostic("LD601", relative, bestand=relative))
        return None
    except UnicodeDecodeError as error:
        problems.append(diagnostic("LD602", relative, probleem=f"geen UTF-8 ({error.reason})"))
        return None
    except OSError as error:
        problems.append(diagnostic("LD602", relative, probleem=f"niet te lezen: {describe(error)}"))
        return None
    if where := _too_deep(text):
        problems.append(diagnostic("LD612", relative, *where, grens=MAX_NESTING))
        return None
    try:
        return json.loads(text), text
    except json.JSONDecodeError as error:
        where = (error.lineno, error.colno)
        problems.append(diagnostic("LD602", relative, *where, probleem=error.msg))
        return None


def _collections(schema: dict[str, Any]) -> dict[str, str]:
    """Collection name → data file, from the schema's ``#file`` keywords."""
    return {
        name: spec["#file"]
        for name, spec in (schema.get("properties") or {}).items()
        if isinstance(spec, dict) and isinstance(spec.get("#file"), str)
    }


def read_checkout(folder: Path) -> tuple[Dataset, list[Diagnostic]]:
    """Read ``folder`` and validate everything its sets reach. Any error means: do not use
    the dataset (warnings may be there too)."""
    data, problems = load_checkout(folder)
    if problems:
        return data, problems
    return data, check_sets(data, data.of("fo_set"))


def load_checkout(folder: Path) -> tuple[Dataset, list[Diagnostic]]:
    """Read ``folder``: every file, parsed, with each id once. Validation is left to
    ``check_sets``. Any diagnostic means: do not use the dataset."""
    problems: list[Diagnostic] = []
    data = Dataset()
    loaded = _read_json(folder / CONTEXT, CONTEXT, problems)
    if loaded is None:
        return data, problems
    fo_schema = loaded[0]
    basis = folder / BASIS
    if basis.is_dir() and not any(basis.iterdir()):
        problems.append(diagnostic("LD614", BASIS, map=BASIS))
        return data, problems
    basis_loaded = None
    if (basis / CONTEXT).is_file():
        basis_loaded = _read_json(basis / CONTEXT, f"{BASIS}/{CONTEXT}", problems)
    basis_schema = basis_loaded[0] if basis_loaded else bundled_schema("curriculum-basis")
    if not isinstance(fo_schema, dict) or not isinstance(basis_schema, dict):
        problems.append(diagnostic("LD602", CONTEXT, probleem="geen JSON Schema-object"))
        return data, problems
    if problems:
        return data, problems
    data.schemas = (fo_schema, basis_schema)

    collections = _collections(fo_schema)
    sources = {
        name: (relative, name in (fo_schema.get("required") or ()))
        for name, relative in collections.items()
        if name != DEPRECATED
    }
    sources.update(
        {
            name: (f"{BASIS}/{relative}", name in REQUIRED_BASIS)
            for name, relative in BASIS_FILES.items()
        }
    )
    for kind, (relative, required) in counted(sources.items(), "SLO lezen", len(sources)):
        path = folder / relative
        if not path.is_file():
            if required:
                problems.append(diagnostic("LD601", relative, bestand=relative))
            continue
        read = _read_json(path, relative, problems)
        if read is None:
            continue
        items, text = read
        if not isinstance(items, list):
            problems.append(diagnostic("LD602", relative, probleem="verwacht een JSON-lijst"))
            continue
        data.entities[kind] = items
        data.files[kind] = relative
        lines = _id_lines(text)
        for item in items:
            entity_id = item.get("id") if isinstance(item, dict) else None
            if not isinstance(entity_id, str):
                continue  # the schema reports it
            if entity_id in data.type_of:
                other = data.files[data.type_of[entity_id]]
                problems.append(
                    diagnostic(
                        "LD605",
                        relative,
                        lines.get(entity_id, 0),
                        soort=TYPE_NAMES.get(kind, kind),
                        id=entity_id,
                        elders=other,
                    )
                )
                continue
            data.by_id[entity_id] = item
            data.type_of[entity_id] = kind
            data.lines[entity_id] = lines.get(entity_id, 0)
    _read_deprecated(folder, collections.get(DEPRECATED), data, problems)
    return data, problems


def _read_deprecated(
    folder: Path, relative: str | None, data: Dataset, problems: list[Diagnostic]
) -> None:
    """SLO's replaced entities (over 4 MiB in a real release), when the file is there."""
    if relative is None or not (folder / relative).is_file():
        return
    read = _read_json(folder / relative, relative, problems)
    if read is None:
        return
    if not isinstance(read[0], list):
        problems.append(diagnostic("LD602", relative, probleem="verwacht een JSON-lijst"))
        return
    for item in read[0]:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            data.deprecated.setdefault(item["id"], item)


def reached(data: Dataset, sets: Iterable[dict[str, Any]]) -> set[str]:
    """The ids of ``sets`` and of every entity below them, basis entities included."""
    seen: set[str] = set()
    stack = [s["id"] for s in sets if isinstance(s.get("id"), str)]
    while stack:
        entity_id = stack.pop()
        if entity_id in seen or entity_id not in data.by_id:
            continue
        seen.add(entity_id)
        entity = data.by_id[entity_id]
        for kind in REACH:
            ids = entity.get(f"{kind}_id")
            if isinstance(ids, list):
                stack.extend(i for i in ids if isinstance(i, str))
    return seen


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _wanted(entity: dict[str, Any], ids: set[str]) -> bool:
    """Reached, or without a usable id: nothing can reach it, and the schema says why."""
    entity_id = entity.get("id")
    return entity_id in ids or not isinstance(entity_id, str) or not _UUID.fullmatch(entity_id)


def check_sets(data: Dataset, sets: Iterable[dict[str, Any]]) -> list[Diagnostic]:
    """Validate what ``sets`` reach (and entities without a usable id, which nothing can
    reach) against SLO's schemas: errors, and warnings for references to nothing."""
    ids = reached(data, sets)
    instance: dict[str, list[Any]] = {}
    for kind, items in data.entities.items():
        found: list[Any] = items  # a broken file may hold anything: the schema says so
        instance[kind] = [e for e in found if not isinstance(e, dict) or _wanted(e, ids)]
    fo_schema, basis_schema = data.schemas
    fo_instance = {k: v for k, v in instance.items() if k not in BASIS_FILES}
    basis_instance = {k: v for k, v in instance.items() if k in BASIS_FILES}
    problems = validate(data, fo_instance, fo_schema, basis_schema)
    wrapper = {
        "type": "object",
        "properties": {
            name: {"$ref": f"{basis_schema.get('$id', BASIS_ID)}#/properties/{name}"}
            for name in basis_instance
        },
    }
    problems.extend(validate(data, basis_instance, wrapper, basis_schema, fo_schema))
    return problems


def validate(
    data: Dataset, instance: dict[str, Any], schema: dict[str, Any], *others: dict[str, Any]
) -> list[Diagnostic]:
    """Validate ``instance`` (collection → entities) against ``schema``, with a format
    checker and SLO's ``itemTypeReference``; ``others`` are schemas that ``$ref`` reaches."""
    documents = {d["$id"]: d for d in (schema, *others) if isinstance(d.get("$id"), str)}
    try:
        inlined = _inline(schema, schema.get("$id", ""), documents, 0, {})
    except _TooDeep as too_deep:
        ref, uri = too_deep.args or ("#", schema.get("$id"))
        where = f"{BASIS}/{CONTEXT}" if uri == BASIS_ID else CONTEXT
        return [diagnostic("LD613", where, ref=ref, grens=MAX_SCHEMA_DEPTH)]
    validator = _validator_class(data)(inlined, format_checker=jsonschema.FormatChecker())
    found = []
    for error in validator.iter_errors(instance):
        found.append(_diagnose(data, instance, error))
    return found


class _TooDeep(Exception):
    """The inlined schema would nest deeper than MAX_SCHEMA_DEPTH (a recursive $ref)."""


def _inline(
    node: Any, base: str, documents: dict[str, Any], depth: int, done: dict[Any, Any]
) -> Any:
    """The schema with every ``$ref`` replaced by what it points to.

    SLO's schemas are not recursive; resolving each ``$ref`` once here, instead of on every
    entity, makes validation about ten times faster. Draft-07 ignores a ``$ref``'s
    siblings, and so does this. A ``$ref`` is inlined once per depth (``done``), so that
    refs that fan out cannot make the result grow exponentially; a recursive one reaches
    MAX_SCHEMA_DEPTH and is refused.
    """
    if depth > MAX_SCHEMA_DEPTH:
        raise _TooDeep()
    if isinstance(node, list):
        return [_inline(item, base, documents, depth + 1, done) for item in node]
    if not isinstance(node, dict):
        return node
    if isinstance(node.get("$ref"), str):
        uri, _, pointer = node["$ref"].partition("#")
        uri = uri or base
        key = (uri, pointer, depth)
        if key not in done:
            target: Any = documents.get(uri)
            for part in filter(None, pointer.split("/")):
                target = target.get(part) if isinstance(target, dict) else None
            if target is None:
                done[key] = {"not": {}, "$comment": f"onbekende $ref {node['$ref']}"}
            else:
                try:
                    done[key] = _inline(target, uri, documents, depth + 1, done)
                except _TooDeep as error:  # name the innermost $ref: the one that recurses
                    raise _TooDeep(*(error.args or (node["$ref"], uri))) from None
        return done[key]
    return {key: _inline(value, base, documents, depth + 1, done) for key, value in node.items()}


def _validator_class(data: Dataset) -> type[jsonschema.protocols.Validator]:
    def item_type_reference(
        validator: Any, reference: str, instance: Any, schema: dict[str, Any]
    ) -> Iterator[jsonschema.ValidationError]:
        if not isinstance(instance, str):
            return
        expected = reference.rpartition("/")[2]
        actual = data.type_of.get(instance)
        if actual is None:
            if expected in data.entities:  # a collection we have: the id must be in it
                yield jsonschema.ValidationError(
                    f"verwijst naar {TYPE_NAMES.get(expected, expected)} {instance}, "
                    "maar die bestaat niet"
                )
        elif actual != expected:
            yield jsonschema.ValidationError(
                f"verwijst naar {instance}, maar dat is een {TYPE_NAMES.get(actual, actual)}, "
                f"geen {TYPE_NAMES.get(expected, expected)}"
            )

    extended: type[jsonschema.protocols.Validator] = jsonschema.validators.extend(
        jsonschema.Draft7Validator, {"itemTypeReference": item_type_reference}
    )
    return extended


def _field(path: list[Any]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _describe(error: jsonschema.ValidationError) -> str:
    where = _field(list(error.relative_path)[2:])
    veld = f"'{where}'" if where else "de entiteit"
    kind = error.validator
    # The keyword's value in the schema: set on every error a keyword raises (the stubs
    # also allow "unset").
    expected: Any = error.validator_value
    if kind == "itemTypeReference":
        return f"{veld} {error.message}"
    if kind == "required":
        missing = str(error.message).split("'")[1]
        return f"verplicht veld '{missing}' ontbreekt"
    if kind == "anyOf":
        if any(sub.validator == "format" for sub in error.context or ()):
            return f"{veld}: '{error.instance}' is geen geldige UUID"
        required = sorted(
            str(sub.message).split("'")[1]
            for sub in error.context or ()
            if sub.validator == "required"
        )
        if required:
            return f"een van deze velden is verplicht: {', '.join(required)}"
    if kind == "type":
        wanted: list[str] = expected if isinstance(expected, list) else [expected]
        names = [_JSON_TYPES.get(t, t) for t in wanted]
        return f"{veld} moet {' of '.join(names)} zijn"
    if kind == "enum":
        allowed = ", ".join(f"'{v}'" for v in expected)
        value = json.dumps(error.instance, ensure_ascii=False)
        return f"{veld} heeft {value}; toegestaan: {allowed}"
    if kind == "uniqueItems":
        return f"{veld} bevat een waarde twee keer"
    if kind in ("minimum", "maximum"):
        bound = "minimaal" if kind == "minimum" else "maximaal"
        return f"{veld} is {error.instance}; {bound} {expected}"
    if kind == "format":
        return f"{veld}: '{error.instance}' is geen geldige {expected}"
    return f"{veld}: {error.message}"


def _diagnose(
    data: Dataset, instance: dict[str, Any], error: jsonschema.ValidationError
) -> Diagnostic:
    path = list(error.absolute_path)
    kind = str(path[0]) if path else ""  # a collection: the instance's keys are its names
    # The entity's index in its collection (each collection is a list).
    index = path[1] if len(path) > 1 and isinstance(path[1], int) else None
    relative = data.files.get(kind, CONTEXT)
    entity: Any = None if index is None else instance[kind][index]
    entity_id = entity.get("id") if isinstance(entity, dict) else None
    if isinstance(entity_id, str):
        subject = f"{TYPE_NAMES.get(kind, kind)} {entity_id}"
    elif index is not None:
        subject = f"{TYPE_NAMES.get(kind, kind)} nr. {index + 1} (zonder geldige id)"
    else:
        subject = relative
    line = data.lines.get(entity_id, 0) if isinstance(entity_id, str) else 0
    # A reference to nothing is a warning, unless the frame is built from it (STRUCTURE).
    reference = error.validator == "itemTypeReference"
    missing = isinstance(error.instance, str) and error.instance not in data.type_of
    structure = len(path) > 2 and (kind, path[2]) in STRUCTURE
    code = "LD603" if not reference else "LD615" if missing and not structure else "LD604"
    return diagnostic(code, relative, line, wat=subject, probleem=_describe(error))
