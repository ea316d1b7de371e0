"""What changed in the schools (``adoptie/scholen``) between two versions of the content.

Part of the diff engine (``diff.compare(old, new, scholen=True)``): per school (by BRIN)
added or removed, its own fields (naam, plaats, …), and per record (by goal code) added,
removed, a status change, ``gearchiveerd`` becoming true, and the other fields that
changed. Pure: two corpora in, changes out; ``render/diff.py`` writes them down.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from leerdoelen.core.adoptie import Registratie, School
from leerdoelen.core.corpus import Corpus
from leerdoelen.versions.diff import FieldChange, Value

SCHOOL_FIELDS = ("naam", "plaats", "soort", "rio", "netwerken")
RECORD_FIELDS = ("groepen", "datum", "toelichting", "bewijs")

Soort = Literal["added", "changed", "removed"]


@dataclass(frozen=True, slots=True)
class RecordChange:
    """One goal's record of one school that differs."""

    code: str
    change: Soort
    old_status: str | None = None
    new_status: str | None = None
    fields: tuple[FieldChange, ...] = ()  # groepen, datum, toelichting, bewijs (and unarchived)
    archived: bool = False  # gearchiveerd became true

    @property
    def status_changed(self) -> bool:
        return self.change == "changed" and self.old_status != self.new_status


@dataclass(frozen=True, slots=True)
class SchoolChange:
    """One school that differs: added, removed, or changed (its fields or records)."""

    brin: str
    naam: str  # the newest
    change: Soort
    path: str | None  # its file in the new version (None when removed)
    old_path: str | None
    fields: tuple[FieldChange, ...] = ()
    records: tuple[RecordChange, ...] = ()  # by code; of an added school: all of them
    # of an added or removed school: how many records it has, how many ingevoerd
    aantal: int = 0
    ingevoerd: int = 0


def _value(value: Any) -> Value:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [" ".join(str(item).split()) for item in value]
    return " ".join(str(value).split())


def _fields(old: Any, new: Any, names: tuple[str, ...]) -> tuple[FieldChange, ...]:
    found = []
    for name in names:
        before, after = _value(getattr(old, name)), _value(getattr(new, name))
        if before != after:
            found.append(FieldChange(name, before, after))
    return tuple(found)


def _records(school: School) -> dict[str, Registratie]:
    found: dict[str, Registratie] = {}
    for record in school.doelen:
        found.setdefault(record.code, record)  # a duplicate is check's business
    return found


def _record_changes(old: School, new: School) -> tuple[RecordChange, ...]:
    before_all, after_all = _records(old), _records(new)
    changes = []
    for code in sorted(before_all.keys() | after_all.keys()):
        before, after = before_all.get(code), after_all.get(code)
        if before is None:
            assert after is not None
            changes.append(RecordChange(code, "added", new_status=after.status))
        elif after is None:
            changes.append(RecordChange(code, "removed", old_status=before.status))
        else:
            fields = _fields(before, after, RECORD_FIELDS)
            archived = after.gearchiveerd and not before.gearchiveerd
            if before.gearchiveerd and not after.gearchiveerd:
                fields += (FieldChange("gearchiveerd", "ja", "nee"),)
            if fields or archived or before.status != after.status:
                changes.append(
                    RecordChange(code, "changed", before.status, after.status, fields, archived)
                )
    return tuple(changes)


def _path(corpus: Corpus, brin: str) -> str | None:
    source = corpus.adoptie_sources.get(brin)
    return source.path if source else None


def _whole(
    school: School, brin: str, change: Soort, path: str | None, old: str | None
) -> SchoolChange:
    current = [r for r in school.doelen if not r.gearchiveerd]
    return SchoolChange(
        brin,
        school.naam,
        change,
        path,
        old,
        aantal=len(current),
        ingevoerd=sum(r.status == "ingevoerd" for r in current),
    )


def compare_scholen(old: Corpus, new: Corpus) -> list[SchoolChange]:
    """The schools that differ from ``old`` to ``new``, by BRIN. A school whose file no
    longer loads is not reported as removed: the loader says what is wrong with it."""
    changes = []
    for brin in sorted(old.scholen.keys() | new.scholen.keys()):
        before, after = old.scholen.get(brin), new.scholen.get(brin)
        if after is None:
            assert before is not None
            if brin not in new.unloaded:
                changes.append(_whole(before, brin, "removed", None, _path(old, brin)))
        elif before is None:
            changes.append(_whole(after, brin, "added", _path(new, brin), None))
        else:
            fields = _fields(before, after, SCHOOL_FIELDS)
            records = _record_changes(before, after)
            path, old_path = _path(new, brin), _path(old, brin)
            if fields or records or path != old_path:
                changes.append(
                    SchoolChange(brin, after.naam, "changed", path, old_path, fields, records)
                )
    return changes
