"""Changing schools' records: what ``school set`` and ``school import`` do to a school file.

The planning says, per school, which fields of which goal's record change (old → new);
only records whose values differ change. The school file is then edited in place by
``load.yamledit`` (comments, other records, quoting and flow or block style stay) and read
back: the new text must be exactly the old school with the planned records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leerdoelen.core.adoptie import Registratie, School
from leerdoelen.core.corpus import Corpus
from leerdoelen.core.model import GROEPEN
from leerdoelen.load import schoolfile, yamledit
from leerdoelen.load.project import ADOPTIE
from leerdoelen.load.yamlfile import compose
from leerdoelen.util.files import describe, write_atomic
from leerdoelen.util.progress import counted

SCHOLEN = f"{ADOPTIE}/scholen"
VELDEN = ("status", "groepen", "datum", "toelichting", "bewijs")


class ChangeError(Exception):
    """A school file that cannot be changed safely; nothing is written."""


@dataclass(frozen=True)
class Invoer:
    """What one goal's record should be: its status, and the optional fields that the
    sheet or the command names (a field named with None is removed; one not named stays)."""

    code: str
    status: str
    velden: Mapping[str, Any] = field(default_factory=dict)
    datum_vast: bool = False  # the datum was given on purpose (``set --datum``)


@dataclass(frozen=True)
class Wijziging:
    veld: str
    oud: Any
    nieuw: Any

    def tekst(self) -> str:
        return f"{self.veld}: {_show(self.oud)} → {_show(self.nieuw)}"


@dataclass(frozen=True)
class DoelWijziging:
    code: str
    wijzigingen: tuple[Wijziging, ...]
    nieuw: bool = False  # the school had no record for this goal yet

    def tekst(self) -> str:
        return f"{self.code}{' (nieuw record)' if self.nieuw else ''}: " + "; ".join(
            w.tekst() for w in self.wijzigingen
        )


@dataclass
class SchoolPlan:
    """What changes in one school: the records, by index in ``doelen`` (None: appended)."""

    brin: str
    naam: str
    doelen: list[DoelWijziging] = field(default_factory=list)
    records: dict[int | None, list[Registratie]] = field(default_factory=dict)
    notities: list[str] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"{SCHOLEN}/{self.brin}.yaml"

    @property
    def changed(self) -> bool:
        return bool(self.doelen)


def _show(value: Any) -> str:
    if value is None or value == ():
        return "(leeg)"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(value)
    return f"'{value}'"


def _same_text(a: str | None, b: str | None) -> bool:
    """Texts alike but for their white space (the download joins a wrapped text's lines)."""
    return (a is None and b is None) or (a is not None and b is not None and a.split() == b.split())


def new_record(old: Registratie | None, invoer: Invoer, vandaag: dt.date) -> Registratie:
    """The record that ``invoer`` asks for, on top of ``old`` (or a new one). A status
    that changes gets today's date unless another date was given: a datum that is the
    old one, or none, is not a new date."""
    values: dict[str, Any] = old.model_dump(exclude_defaults=True) if old else {"code": invoer.code}
    values["status"] = invoer.status
    for veld in ("groepen", "datum", "toelichting", "bewijs"):
        if veld not in invoer.velden:
            continue
        value = invoer.velden[veld]
        if veld == "groepen":
            value = [g for g in GROEPEN if g in (value or ())]
            if old and set(value) == set(old.groepen):
                value = list(old.groepen)
        elif veld == "toelichting" and old and _same_text(value, old.toelichting):
            value = old.toelichting
        if value is None or value == []:
            values.pop(veld, None)
        else:
            values[veld] = value
    old_status = old.status if old else schoolfile.NIET_GESTART
    if invoer.status != old_status and not invoer.datum_vast:
        given = invoer.velden.get("datum")
        if given is None or (old is not None and given == old.datum):
            values["datum"] = vandaag
    return Registratie(**values)


def differences(old: Registratie | None, new: Registratie) -> tuple[Wijziging, ...]:
    base = old or Registratie(code=new.code, status=schoolfile.NIET_GESTART)  # type: ignore[arg-type]
    found = []
    for veld in VELDEN:
        a, b = getattr(base, veld), getattr(new, veld)
        if veld == "groepen":
            a, b = tuple(a), tuple(b)
        if a != b:
            found.append(Wijziging(veld, a, b))
    return tuple(found)


def record_index(school: School, code: str) -> int | None:
    return next((i for i, r in enumerate(school.doelen) if r.code == code), None)


def plan_change(plan: SchoolPlan, school: School, record: Registratie) -> DoelWijziging | None:
    """Add ``record`` (the goal's record as it should be) to ``plan`` if it differs."""
    index = record_index(school, record.code)
    old = school.doelen[index] if index is not None else None
    if old is None and record == Registratie(code=record.code, status=schoolfile.NIET_GESTART):  # type: ignore[arg-type]
        return None  # not there, and as it would be: nothing to write
    wijzigingen = differences(old, record)
    if old is not None and not wijzigingen and record == old:
        return None
    change = DoelWijziging(record.code, wijzigingen, old is None)
    plan.doelen.append(change)
    plan.records.setdefault(index, []).append(record)
    return change


# --- Writing ---------------------------------------------------------------------------


def expected(school: School, plan: SchoolPlan) -> School:
    doelen = [plan.records.get(i, [r])[0] for i, r in enumerate(school.doelen)]
    return school.model_copy(update={"doelen": doelen + plan.records.get(None, [])})


def _raw(record: Registratie) -> dict[str, Any]:
    return record.model_dump(exclude_defaults=True, exclude={"gearchiveerd"}) | (
        {"gearchiveerd": True} if record.gearchiveerd else {}
    )


def edited_text(text: str, school: School, plan: SchoolPlan) -> str:
    """The school file's text with the plan's records, every other byte kept; read back
    and compared with what it should be."""
    root = compose(text)
    data = yamledit.data_of(root) if root is not None else None
    if not isinstance(data, dict) or not isinstance(data.get("doelen", []), list):
        raise ChangeError(f"{plan.path}: onverwachte opmaak; er is niets geschreven")
    doelen = list(data.get("doelen") or [])
    for index, records in plan.records.items():
        if index is None:
            doelen.extend(_raw(r) for r in records)
            continue
        raw = dict(doelen[index])
        wanted = _raw(records[0])
        for veld in VELDEN:  # in place: keys keep their order, new keys go last
            if veld in wanted:
                raw[veld] = wanted[veld]
            else:
                raw.pop(veld, None)
        doelen[index] = raw
    data["doelen"] = doelen
    try:
        new = yamledit.edit(text, data)
    except yamledit.EditError as error:
        raise ChangeError(
            f"{plan.path}: kon het bestand niet veilig bijwerken ({error}); er is niets "
            "geschreven: pas het met de hand aan"
        ) from None
    if schoolfile.read_back(new, plan.path) != expected(school, plan):
        raise ChangeError(
            f"{plan.path}: kon het bestand niet veilig bijwerken (onverwachte opmaak); "
            "er is niets geschreven: pas het met de hand aan"
        )
    return new


def describe_plans(plans: Sequence[SchoolPlan]) -> list[str]:
    """What changes, per school and per goal, in Dutch."""
    lines = []
    for plan in plans:
        if not plan.changed and not plan.notities:
            continue
        lines.append(f"{plan.path} ({plan.naam}):")
        lines += [f"  {change.tekst()}" for change in plan.doelen]
        lines += [f"  {note}" for note in plan.notities]
        if not plan.changed:
            lines.append("  niets veranderd")
    return lines


def write_plans(root: Path, corpus: Corpus, plans: Sequence[SchoolPlan], write: bool) -> None:
    """Edit every changed school's text and verify it; only when all are ready (and
    ``write``), write each atomically. ChangeError when any cannot be done."""
    ready: list[tuple[Path, str]] = []
    for plan in counted(plans, "Scholen bijwerken", len(plans)):
        if not plan.changed:
            continue
        path = root / plan.path
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            wat = describe(error) if isinstance(error, OSError) else "geen UTF-8"
            raise ChangeError(f"{plan.path}: niet te lezen: {wat}") from None
        if text != corpus.adoptie_sources[plan.brin].text:
            raise ChangeError(f"{plan.path} is veranderd tijdens het bijwerken; probeer opnieuw")
        ready.append((path, edited_text(text, corpus.scholen[plan.brin], plan)))
    if write:
        for path, text in counted(ready, "Bestanden schrijven", len(ready)):
            try:
                write_atomic(path, text.encode("utf-8"))
            except OSError as error:
                raise ChangeError(describe(error)) from None
