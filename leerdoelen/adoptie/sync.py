"""Schools' checklists: ``school add`` writes a new school, ``school sync`` keeps them current.

This module plans what changes; the school file's text is written and edited by
``load.schoolfile``, which keeps every byte that was there and only ever *inserts*: new
records in checklist order (after the record of the nearest goal before them), and
``gearchiveerd: true`` in the record of a goal that is now vervallen. The new text is
parsed, validated and compared with the plan before anything is written.

New records start at ``niet gestart`` without a date. A goal that replaces a vervallen
goal on its own takes over the old record's status, groepen and date, saying so in its
toelichting; a goal that replaces part of one (a split) starts at ``niet gestart`` and
points at the old record. Records are never changed or removed otherwise.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from leerdoelen.adoptie.progress import checklist_goals, checklist_key
from leerdoelen.core.adoptie import Registratie, School
from leerdoelen.core.clock import today
from leerdoelen.core.corpus import Corpus
from leerdoelen.load import schoolfile
from leerdoelen.load.project import ADOPTIE
from leerdoelen.load.schoolfile import NIET_GESTART, NewRecord
from leerdoelen.util.files import describe, write_atomic

SCHOLEN = f"{ADOPTIE}/scholen"
# Errors that sync itself resolves: they do not stop it.
FIXED_BY_SYNC = frozenset({"LD402"})


class SyncError(Exception):
    """A file that cannot be written safely: nothing is written, the message says why."""


# --- A new school ----------------------------------------------------------------------


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
    text = schoolfile.new_text(brin, naam, plaats, soort, netwerken, rio, records)
    expected = School(
        brin=brin,
        rio=rio,
        naam=naam,
        plaats=plaats,
        soort=soort,  # type: ignore[arg-type]
        netwerken=list(netwerken),
        doelen=[r.registratie() for r in records],
    )
    if schoolfile.read_back(text, f"{SCHOLEN}/{brin}.yaml") != expected:
        raise SyncError(f"kon {SCHOLEN}/{brin}.yaml niet veilig schrijven")
    return text, len(records)


def write_new(path: Path, text: str) -> None:
    """Create ``path`` whole or not at all; never overwrite (FileExistsError if it is
    there). Other failures raise a WriteError that names the file."""
    write_atomic(path, text.encode("utf-8"), new=True)


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


# --- Sync ------------------------------------------------------------------------------


def verify(old: School, plan: Plan, text: str) -> None:
    """The edited text reads back as the old school with exactly the planned changes."""
    archived = set(plan.archive)
    kept = [
        r.model_copy(update={"gearchiveerd": True}) if i in archived else r
        for i, r in enumerate(old.doelen)
    ]
    at = schoolfile.places([r.code for r in old.doelen], [r.code for r in plan.add], checklist_key)
    expected = old.model_copy(
        update={"doelen": schoolfile.merged(kept, [r.registratie() for r in plan.add], at)}
    )
    if schoolfile.read_back(text, plan.path) != expected:
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
    try:
        new = schoolfile.apply(text, result.path, result.archive, result.add, checklist_key)
    except schoolfile.EditError as error:
        raise SyncError(str(error)) from error
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
