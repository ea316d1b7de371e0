"""Schools' checklists: ``school add`` writes a new school, ``school sync`` keeps them current.

A school file is the coordinators' own text: comments, blank lines, quoting, flow or
block lists, long lines wrapped by hand. So ``sync`` does not re-serialise it (a YAML
round trip, ruamel.yaml's included, re-flows a plain scalar that spans lines); it edits
the text in place and only ever *inserts*: new records after the last one in ``doelen``,
and ``gearchiveerd: true`` in the record of a goal that is now vervallen. Every byte that
was there stays where it was. The positions come from the parser that ``check`` uses, and
the new text is parsed, validated and compared with the plan before anything is written.

New records start at ``niet gestart`` without a date. A goal that replaces a vervallen
goal on its own takes over the old record's status, groepen and date, saying so in its
toelichting; a goal that replaces part of one (a split) starts at ``niet gestart`` and
points at the old record. Records are never changed or removed otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from leerdoelen.adoptie.progress import checklist_goals
from leerdoelen.core.adoptie import Brin, Registratie, Rio, School
from leerdoelen.core.clock import today
from leerdoelen.core.corpus import Corpus
from leerdoelen.load import yamledit
from leerdoelen.load.project import ADOPTIE, SCHEMA_HINT
from leerdoelen.load.yamlfile import StrictResolver, compose, parse_yaml
from leerdoelen.util.files import describe, write_atomic

SCHOLEN = f"{ADOPTIE}/scholen"
HINT = f"{SCHEMA_HINT}../../schemas/school.schema.json"
NIET_GESTART = "niet gestart"
# Errors that sync itself resolves: they do not stop it.
FIXED_BY_SYNC = frozenset({"LD402"})


class SyncError(Exception):
    """A file that cannot be written safely: nothing is written, the message says why."""


# --- Arguments -------------------------------------------------------------------------

_BRIN = TypeAdapter(Brin)
_RIO = TypeAdapter(Rio)


def _valid(adapter: TypeAdapter[str], value: str) -> bool:
    try:
        adapter.validate_python(value)
    except ValidationError:
        return False
    return True


def brin_problem(brin: str) -> str | None:
    """Why ``brin`` is not a BRIN code, in Dutch; None if it is one."""
    if _valid(_BRIN, brin):
        return None
    hint = f"; bedoelde je '{brin.upper()}'?" if _valid(_BRIN, brin.upper()) else ""
    return (
        f"'{brin}' is geen BRIN-code: verwacht 2 cijfers en 2 hoofdletters, eventueel "
        f"gevolgd door 2 cijfers voor de vestiging (zoals 12AB of 12AB01){hint}"
    )


def rio_problem(rio: str) -> str | None:
    if _valid(_RIO, rio):
        return None
    return f"'{rio}' is geen RIO-code: verwacht 3 cijfers, een hoofdletter en 3 cijfers"


def text_problem(veld: str, value: str) -> str | None:
    if not value.strip():
        return f"{veld} mag niet leeg zijn"
    if not value.isprintable():
        return f"{veld} mag geen regeleinden, tabs of stuurtekens bevatten"
    return None


# --- Writing YAML ----------------------------------------------------------------------

# A plain scalar that every YAML reader reads as this same text: starts with a letter or
# digit, no ': ', ' #', brackets or other indicators. The resolver then rules out what
# ``check`` would read as something else (true, null, 010, yes, dates).
_PLAIN = re.compile(r"[^\W_](?:[\w .,'()/&+-]*[\w.)])?")
_FLOW_INDICATORS = frozenset(",[]{}")
_RESOLVER = StrictResolver()


def scalar(value: object, flow: bool = False) -> str:
    """One value as YAML text, plain where that is safe, quoted otherwise."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(scalar(item, flow=True) for item in value) + "]"
    text = str(value)
    if (
        _PLAIN.fullmatch(text)
        and not (flow and _FLOW_INDICATORS & set(text))
        and _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str"
    ):
        return text
    if "'" in text and '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


@dataclass(frozen=True)
class NewRecord:
    """A record that sync or add writes: a Registratie, and where it came from."""

    code: str
    status: str = NIET_GESTART
    groepen: tuple[str, ...] = ()
    datum: dt.date | None = None
    toelichting: str | None = None
    overgenomen_van: str | None = None  # the vervallen goal whose status it took over
    vervangt: tuple[str, ...] = ()  # other vervallen goals it (partly) replaces

    def fields(self) -> list[tuple[str, Any]]:
        items: list[tuple[str, Any]] = [("code", self.code), ("status", self.status)]
        if self.groepen:
            items.append(("groepen", list(self.groepen)))  # a fresh list: no shared objects
        if self.datum is not None:
            items.append(("datum", self.datum))
        if self.toelichting is not None:
            items.append(("toelichting", self.toelichting))
        return items

    def registratie(self) -> Registratie:
        return Registratie(**dict(self.fields()))

    def block(self, dash: int, key: int, nl: str) -> str:
        """The record as a block mapping item: ``-`` at column ``dash``, keys at ``key``."""
        lines = []
        for i, (name, value) in enumerate(self.fields()):
            indent = " " * dash + "-" + " " * (key - dash - 1) if i == 0 else " " * key
            lines.append(f"{indent}{name}: {scalar(value)}")
        return nl.join(lines) + nl

    def flow(self) -> str:
        return "{" + ", ".join(f"{n}: {scalar(v, flow=True)}" for n, v in self.fields()) + "}"


def new_school_text(
    corpus: Corpus,
    brin: str,
    naam: str,
    plaats: str,
    soort: str,
    netwerken: Sequence[str],
    rio: str | None = None,
) -> tuple[str, int]:
    """A new school file with every current checklist goal at ``niet gestart``, and the
    number of goals on it. The text is checked to read back as exactly this school."""
    records = [NewRecord(goal.code) for goal in checklist_goals(corpus)]
    lines = [HINT, f"brin: {scalar(brin)}"]
    if rio:
        lines.append(f"rio: {scalar(rio)}")
    lines += [
        f"naam: {scalar(naam)}",
        f"plaats: {scalar(plaats)}",
        f"soort: {scalar(soort)}",
        f"netwerken: {scalar(list(netwerken))}",
        "doelen:" if records else "doelen: []",
    ]
    text = "\n".join(lines) + "\n" + "".join(r.block(2, 4, "\n") for r in records)
    expected = School(
        brin=brin,
        rio=rio,
        naam=naam,
        plaats=plaats,
        soort=soort,  # type: ignore[arg-type]
        netwerken=list(netwerken),
        doelen=[r.registratie() for r in records],
    )
    if _read_back(text, f"{SCHOLEN}/{brin}.yaml") != expected:
        raise SyncError(f"kon {SCHOLEN}/{brin}.yaml niet veilig schrijven")
    return text, len(records)


def write_new(path: Path, text: str) -> None:
    """Create ``path`` whole or not at all; never overwrite (FileExistsError if it is
    there). Other failures raise a WriteError that names the file."""
    write_atomic(path, text.encode("utf-8"), new=True)


def _read_back(text: str, path: str) -> School | None:
    file = parse_yaml(text.encode("utf-8"), path)
    if not file.ok:
        return None
    try:
        return School.model_validate(file.data)
    except ValidationError:
        return None


# --- Planning --------------------------------------------------------------------------


@dataclass
class Plan:
    """What sync does to one school."""

    brin: str
    naam: str
    archive: list[int] = field(default_factory=list)  # indexes in ``doelen``
    add: list[NewRecord] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # what it did, in Dutch

    @property
    def path(self) -> str:
        return f"{SCHOLEN}/{self.brin}.yaml"

    @property
    def changed(self) -> bool:
        return bool(self.archive or self.add)

    def summary(self) -> str:
        overgenomen = sum(r.overgenomen_van is not None for r in self.add)
        parts = [
            f"{len(self.add)} {'doel' if len(self.add) == 1 else 'doelen'} toegevoegd"
            if self.add
            else "",
            f"{len(self.archive)} {'record' if len(self.archive) == 1 else 'records'} gearchiveerd"
            if self.archive
            else "",
            f"{overgenomen} {'status' if overgenomen == 1 else 'statussen'} overgenomen"
            if overgenomen
            else "",
        ]
        return ", ".join(p for p in parts if p) or "niets te doen"


def successors(corpus: Corpus, code: str, recorded: Container[str] = ()) -> list[str]:
    """What replaces a vervallen goal now: its ``vervangen_door``, with a replacement that
    is itself vervallen followed to its own, unless the school has a record for it (that
    record carries the line on). In order, each once; iterative, so that a chain of any
    length is followed."""
    found: list[str] = []
    seen = {code}
    goal = corpus.leerdoelen.get(code)
    pending = [iter((goal.vervangen_door or []) if goal else [])]
    while pending:
        nxt = next(pending[-1], None)
        if nxt is None:
            pending.pop()
        elif nxt not in seen:
            seen.add(nxt)
            target = corpus.leerdoelen.get(nxt)
            if target is not None and target.status == "vervallen" and nxt not in recorded:
                pending.append(iter(target.vervangen_door or []))
            else:
                found.append(nxt)
    return found


def plan(corpus: Corpus, school: School) -> Plan:
    goals = corpus.leerdoelen
    result = Plan(school.brin, school.naam)
    own: dict[str, Registratie] = {}
    for record in school.doelen:
        own.setdefault(record.code, record)
    # Old records by the goal that replaces theirs, each with "it is the only replacement".
    predecessors: dict[str, list[tuple[Registratie, bool]]] = defaultdict(list)
    for i, record in enumerate(school.doelen):
        goal = goals.get(record.code)
        if goal is None or goal.status != "vervallen":
            continue
        if not record.gearchiveerd:
            result.archive.append(i)
            door = (
                f", vervangen door {', '.join(goal.vervangen_door)}" if goal.vervangen_door else ""
            )
            result.lines.append(f"{record.code} gearchiveerd (vervallen{door})")
        if own[record.code] is record:
            after = successors(corpus, record.code, own)
            for code in after:
                if code not in own:
                    predecessors[code].append((record, len(after) == 1))
    for goal in checklist_goals(corpus):
        if goal.code not in own:
            new = _new_record(goal.code, predecessors.get(goal.code, []))
            result.add.append(new)
            result.lines.append(_describe(new))
    return result


def _new_record(code: str, predecessors: list[tuple[Registratie, bool]]) -> NewRecord:
    whole = [old for old, only in predecessors if only]
    parts = [old for old, only in predecessors if not only]
    zinnen = []
    if len(whole) == 1:
        old = whole[0]
        zinnen.append(f"Overgenomen van {old.code} (vervallen, vervangen door {code}).")
    else:  # none, or several goals merged into this one: which status would be true?
        for old in whole:
            samen = ", ".join(o.code for o in whole if o is not old)
            zinnen.append(
                f"Vervangt {old.code} samen met {samen}; zie dat record (status: {old.status})."
            )
    for old in parts:
        zinnen.append(f"Vervangt deels {old.code}; zie dat record (status: {old.status}).")
    toelichting = " ".join(zinnen) or None
    if len(whole) == 1:
        old = whole[0]
        datum = old.datum if old.datum is not None and old.datum <= today() else None
        others = tuple(o.code for o in parts)
        return NewRecord(code, old.status, tuple(old.groepen), datum, toelichting, old.code, others)
    return NewRecord(code, toelichting=toelichting, vervangt=tuple(o.code for o in whole + parts))


def _describe(new: NewRecord) -> str:
    if new.overgenomen_van:
        line = (
            f"{new.code} toegevoegd met status '{new.status}', "
            f"overgenomen van {new.overgenomen_van}"
        )
        return line + (f"; vervangt ook deels {', '.join(new.vervangt)}" if new.vervangt else "")
    if new.vervangt:
        return f"{new.code} toegevoegd ({NIET_GESTART}), vervangt (deels) {', '.join(new.vervangt)}"
    return f"{new.code} toegevoegd ({NIET_GESTART})"


# --- Editing the text ------------------------------------------------------------------

Edit = tuple[int, int, int, str]  # start, order at the same start, end, new text


def apply(text: str, plan: Plan) -> str:
    """The school file's text with the plan carried out, by inserting text only."""
    root = compose(text)
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        raise SyncError(f"{plan.path}: verwacht een mapping op het hoogste niveau")
    nl = "\r\n" if "\r\n" in text else "\n"
    key, doelen = _lookup(root, "doelen")
    items = doelen.value if isinstance(doelen, yaml.SequenceNode) else []
    edits: list[Edit] = []
    for index in plan.archive:
        record = items[index] if index < len(items) else None
        if not isinstance(record, yaml.MappingNode):
            raise SyncError(f"{plan.path}: record {index + 1} in 'doelen' is geen mapping")
        edits.append(_archive(text, record, nl))
    if plan.add:
        edits.append(_append(text, root, key, doelen, plan.add, nl, plan.path))
    for start, _order, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _lookup(mapping: yaml.MappingNode, name: str) -> tuple[yaml.Node | None, yaml.Node | None]:
    for key, value in mapping.value:
        if isinstance(key, yaml.ScalarNode) and key.value == name:
            return key, value
    return None, None


def _archive(text: str, record: yaml.MappingNode, nl: str) -> Edit:
    _key, value = _lookup(record, "gearchiveerd")
    if value is not None:  # gearchiveerd: false
        return (value.start_mark.index, 0, value.end_mark.index, "true")
    if record.flow_style:
        pos = record.value[-1][1].end_mark.index
        return (pos, 0, pos, ", gearchiveerd: true")
    pos = yamledit.after(text, record)
    line = " " * record.start_mark.column + "gearchiveerd: true" + nl
    return (pos, 0, pos, yamledit.newline_before(text, pos, nl) + line)


def _append(
    text: str,
    root: yaml.MappingNode,
    key: yaml.Node | None,
    doelen: yaml.Node | None,
    records: list[NewRecord],
    nl: str,
    path: str,
) -> Edit:
    def blocks(dash: int, indent: int, flow: bool = False) -> str:
        if flow:
            return "".join(
                f"{' ' * dash}-{' ' * (indent - dash - 1)}{r.flow()}{nl}" for r in records
            )
        return "".join(r.block(dash, indent, nl) for r in records)

    if key is None:  # no doelen yet: add the key at the end
        top = root.start_mark.column
        pos = len(text)
        new = " " * top + "doelen:" + nl + blocks(top + 2, top + 4)
        return (pos, 1, pos, yamledit.newline_before(text, pos, nl) + new)
    if not isinstance(doelen, yaml.SequenceNode):
        raise SyncError(f"{path}: 'doelen' is geen lijst")
    items = doelen.value
    if doelen.flow_style:
        start, end = doelen.start_mark.index, doelen.end_mark.index
        if items:  # [{...}, {...}]: more of the same
            pos = items[-1].end_mark.index
            return (pos, 1, pos, "".join(", " + r.flow() for r in records))
        if text[start:end].replace(" ", "") != "[]":  # a comment inside the brackets
            return (start + 1, 1, start + 1, ", ".join(r.flow() for r in records))
        # doelen: [] becomes a block list; what follows the brackets on that line stays
        colon = text.index(":", key.end_mark.index)
        line_end = yamledit.line_end(text, end)
        tail = text[end:line_end]
        if not tail.endswith("\n"):
            tail += nl
        dash = key.start_mark.column + 2
        return (colon + 1, 1, line_end, tail + blocks(dash, dash + 2))
    dash = doelen.start_mark.column
    first = items[0]
    flow = all(isinstance(i, yaml.MappingNode) and i.flow_style for i in items)
    block_mapping = isinstance(first, yaml.MappingNode) and not first.flow_style
    indent = first.start_mark.column if block_mapping else dash + 2
    pos = yamledit.past_comments(text, yamledit.after(text, items[-1]), dash)
    return (pos, 1, pos, yamledit.newline_before(text, pos, nl) + blocks(dash, indent, flow))


# --- Sync ------------------------------------------------------------------------------


def verify(old: School, plan: Plan, text: str) -> None:
    """The edited text reads back as the old school with exactly the planned changes."""
    archived = set(plan.archive)
    expected = old.model_copy(
        update={
            "doelen": [
                r.model_copy(update={"gearchiveerd": True}) if i in archived else r
                for i, r in enumerate(old.doelen)
            ]
            + [r.registratie() for r in plan.add]
        }
    )
    if _read_back(text, plan.path) != expected:
        raise SyncError(
            f"{plan.path}: kon het bestand niet veilig bijwerken (onverwachte opmaak); "
            "er is niets geschreven: pas het met de hand aan"
        )


def sync_school(root: Path, corpus: Corpus, brin: str) -> Plan:
    """Plan, edit, verify and write one school; the file is untouched if nothing changes."""
    school = corpus.scholen[brin]
    result = plan(corpus, school)
    if not result.changed:
        return result
    path = root / result.path
    loaded = corpus.adoptie_sources[brin].text
    text = path.read_bytes().decode("utf-8")
    if text != loaded:
        raise SyncError(f"{result.path} is veranderd tijdens het bijwerken; draai sync opnieuw")
    new = apply(text, result)
    verify(school, result, new)
    write_atomic(path, new.encode("utf-8"))  # whole or not at all, permissions kept
    return result


def sync(root: Path, corpus: Corpus, brins: Iterable[str]) -> tuple[list[Plan], list[str]]:
    """Sync the given schools; returns the plans carried out and the errors (per school)."""
    plans, errors = [], []
    for brin in brins:
        try:
            plans.append(sync_school(root, corpus, brin))
        except SyncError as error:
            errors.append(str(error))
        except OSError as error:  # reading or writing: name the file, say why in Dutch
            errors.append(f"school {brin} niet bijgewerkt: {describe(error)}")
    return plans, errors
