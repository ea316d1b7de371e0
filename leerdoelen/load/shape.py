"""The shape of one file: validate its data against a model, report at the YAML position.

Valid files take the cheap route (one pydantic call). Only for an invalid file are the
nodes composed, to find the line and column of each offending key or value, and the
errors turned into Dutch diagnostics.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import types
from typing import Any, TypeVar, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from leerdoelen.core.diagnostics import Diagnostic, diagnostic
from leerdoelen.load.yamlfile import YamlFile

Loc = tuple[int | str, ...]
M = TypeVar("M", bound=BaseModel)

# What a pattern-checked field expects, in words an editor understands.
_PATTERN_WORDS = {
    "[0-9]{3,4}$": "verwacht een leerdoelcode zoals DG-014",
    "-SD[0-9]{1,2}$": "verwacht een subdomeincode zoals DG-SD1",
    "[0-9]{1,2}$": "verwacht een kerndoelcode zoals DG-po-23",
    "[0-9]{1,2}[A-Z][0-9A-Za-z]{0,7}$": "verwacht een doelzincode zoals DG-po-23A",
    "[0-9a-f]{12}$": "verwacht een UUID in kleine letters",
    "^[A-Z]{2,4}$": "verwacht 2 tot 4 hoofdletters, zoals DG",
    "^[a-z0-9]+(-[a-z0-9]+)*$": "verwacht kleine letters en streepjes, zoals "
    "digitale-geletterdheid",
    "^https://[^\\s]+$": "verwacht een link die begint met https://, zonder spaties",
}


def describe(value: object) -> str:
    """The kind of a YAML value, in Dutch."""
    match value:
        case None:
            return "leeg"
        case bool():
            return "een ja/nee-waarde"
        case int() | float():
            return "een getal"
        case str():
            return "tekst"
        case list():
            return "een lijst"
        case dict():
            return "een mapping (sleutel: waarde)"
        case dt.date():
            return "een datum"
    return type(value).__name__


def field_name(loc: Loc) -> str:
    """A location as an editor reads it: ``subdomeinen[0].kerndoelen[1].code``."""
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else f".{part}" if name else str(part)
    return name or "(bestand)"


def validate_shape(file: YamlFile, model: type[M]) -> M | None:
    """Validate a loaded file; on failure, append diagnostics to ``file.problems``."""
    try:
        return model.model_validate(file.data)
    except ValidationError as error:
        file.problems.extend(_diagnose(file, model, error))
        return None


def _diagnose(file: YamlFile, model: type[BaseModel], error: ValidationError) -> list[Diagnostic]:
    root = file.root_node()
    found = []
    details = error.errors(include_url=False)
    # "bedoelde je ...?" for each unknown key that is close to an allowed one.
    meant: dict[Loc, str] = {}
    for detail in details:
        if detail["type"] == "extra_forbidden":
            loc: Loc = tuple(detail["loc"])
            close = difflib.get_close_matches(str(loc[-1]), fields_at(model, loc[:-1]), 1, 0.6)
            if close:
                meant[loc] = close[0]
    # A missing key that an unknown key's suggestion already names is one problem, not two.
    suggested = {(*loc[:-1], key) for loc, key in meant.items()}
    for detail in details:
        loc = tuple(detail["loc"])
        kind = detail["type"]
        value = detail.get("input")
        if kind == "extra_forbidden":
            line, column = locate(root, loc, key=True)
            hint = f"; bedoelde je '{meant[loc]}'?" if loc in meant else ""
            found.append(
                diagnostic("LD201", file.path, line, column, sleutel=loc[-1], suggestie=hint)
            )
            continue
        if kind == "missing":
            if loc not in suggested:
                line, column = locate(root, loc[:-1])
                found.append(diagnostic("LD202", file.path, line, column, sleutel=loc[-1]))
            continue
        line, column = locate(root, loc)
        veld = field_name(loc)
        where = (file.path, line, column)
        if isinstance(value, dt.date) and kind in ("string_type", "literal_error"):
            found.append(diagnostic("LD112", *where, waarde=value.isoformat()))
        elif kind in ("string_too_short", "too_short") and not value:
            found.append(diagnostic("LD205", *where, veld=veld))
        elif kind == "literal_error":
            expected = detail["ctx"]["expected"].replace("'", "").replace(" or ", " of ")
            toegestaan = f"toegestaan: {expected}"
            found.append(
                diagnostic("LD204", *where, veld=veld, waarde=repr(value), toegestaan=toegestaan)
            )
        elif kind == "string_pattern_mismatch":
            pattern = detail["ctx"]["pattern"]
            words = next(
                (w for end, w in _PATTERN_WORDS.items() if pattern.endswith(end)),
                f"verwacht het patroon {pattern}",
            )
            found.append(
                diagnostic("LD204", *where, veld=veld, waarde=repr(value), toegestaan=words)
            )
        else:
            found.append(
                diagnostic(
                    "LD203", *where, veld=veld, verwacht=_expected(kind), gekregen=describe(value)
                )
            )
    return found


_EXPECTED = {
    "string_type": "tekst",
    "list_type": "een lijst",
    "dict_type": "een mapping (sleutel: waarde)",
    "model_type": "een mapping (sleutel: waarde)",
    "model_attributes_type": "een mapping (sleutel: waarde)",
    "bool_type": "een ja/nee-waarde (true of false)",
    "int_type": "een geheel getal",
    "float_type": "een getal",
    "date_type": "een datum (JJJJ-MM-DD)",
}


def _expected(kind: str) -> str:
    return _EXPECTED.get(kind, "een andere soort waarde")


def fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The keys allowed at ``loc`` inside ``model`` (for 'bedoelde je ...?')."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(part)
        if info is None:
            return []
        current = _inner_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner_model(annotation: Any) -> Any:
    """Unwrap ``list[X]``, ``X | None`` and friends down to X."""
    while get_origin(annotation) in (list, Union, types.UnionType):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        annotation = args[0] if args else None
    return annotation


def locate(root: yaml.Node | None, loc: Loc, key: bool = False) -> tuple[int, int]:
    """Line and column (1-based) of the node at ``loc``; with ``key``, of the last key.

    Where the path leaves the tree, the nearest node on the way is the answer.
    """
    if root is None:
        return 0, 0
    node = root
    target = node
    for depth, part in enumerate(loc):
        child = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == part or key_node.value == str(part):
                    child = key_node if key and depth == len(loc) - 1 else value_node
                    break
        elif (
            isinstance(node, yaml.SequenceNode)
            and isinstance(part, int)
            and 0 <= part < len(node.value)
        ):
            child = node.value[part]
        if child is None:
            break
        node = target = child
    mark = target.start_mark
    return mark.line + 1, mark.column + 1


def name_records(file: YamlFile, who: str, records: str) -> None:
    """Begin each of ``file``'s problems with whose file it is (``who``, as in ``school
    99AA``) and, for a problem inside one of the ``records`` list's items that has a
    readable ``code``, that code: ``school 99AA, DG-017: …``, as the cross-file rules
    say it, and its warnings likewise. Only for a file with problems or warnings; the codes
    and positions stay."""
    if not file.problems and not file.warnings:
        return
    spans: list[tuple[tuple[int, int], tuple[int, int], str]] = []
    try:
        root = file.root_node()
    except (yaml.YAMLError, RecursionError):  # not YAML that composes: no records
        root = None
    items = root.value if isinstance(root, yaml.MappingNode) else []
    for key, value in items:
        if isinstance(key, yaml.ScalarNode) and key.value == records:
            for item in value.value if isinstance(value, yaml.SequenceNode) else []:
                code = _code_of(item)
                if code is not None:
                    start, end = item.start_mark, item.end_mark
                    spans.append(((start.line, start.column), (end.line, end.column), code))
    for found in (file.problems, file.warnings):
        named = []
        for problem in found:
            at = (problem.line - 1, problem.column - 1)
            code = next((c for start, end, c in spans if start <= at < end), None)
            prefix = f"{who}, {code}: " if code else f"{who}: "
            named.append(dataclasses.replace(problem, message=prefix + problem.message))
        found[:] = named


def _code_of(item: yaml.Node) -> str | None:
    """The record's code, if it has one that reads as a plain piece of text."""
    if isinstance(item, yaml.MappingNode):
        for key, value in item.value:
            if key.value == "code" and isinstance(value, yaml.ScalarNode):
                text = str(value.value).strip()
                return text if text and text.isprintable() and len(text) <= 20 else None
    return None
