"""The diff engine: what changed between two versions of the content.

``compare(old, new)`` is a pure function of two corpora. It lists, for leerdoelen and for
the frame's kerndoelen and doelzinnen, what was added, removed or changed (field by field,
with old and new value), status changes, goals that became vervallen (with their
replacements), and codes that moved to another file; with ``scholen=True`` also what changed
in the schools (``versions/scholen.py``). Renderers (``render/diff.py``) and
the identity rules (``validate/identity.py``) read the result; neither reads YAML or git.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from leerdoelen.core.corpus import Corpus
from leerdoelen.core.model import Kerndoel, Leerdoel, Lesmateriaal

if TYPE_CHECKING:
    from leerdoelen.versions.scholen import SchoolChange

Kind = Literal["leerdoel", "kerndoel", "doelzin"]
KINDS: tuple[Kind, ...] = ("leerdoel", "kerndoel", "doelzin")
Value = str | list[str] | None

# Compared field by field, in file order. The code is the identity; the status is
# reported on its own.
GOAL_FIELDS = tuple(name for name in Leerdoel.model_fields if name not in ("code", "status"))
FRAME_FIELDS = ("titel", "omschrijving", "slo_id", "slo")
# A change to these in a vastgesteld goal is allowed, but flagged: schools act on them.
FLAGGED_FIELDS = ("omschrijving", "groepen")
VERVALLEN = "vervallen"


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: Value
    new: Value
    flagged: bool = False


@dataclass(frozen=True, slots=True)
class Change:
    """One code that differs between the two versions."""

    kind: Kind
    code: str
    change: Literal["added", "changed", "removed"]
    titel: str  # the newest title
    path: str | None  # its file in the new version (None when removed)
    old_path: str | None  # its file in the old version (None when added)
    fields: tuple[FieldChange, ...] = ()
    old_status: str | None = None  # leerdoelen only
    new_status: str | None = None
    vervangen_door: tuple[str, ...] = ()  # of a goal that is vervallen in the new version
    reden: str | None = None

    @property
    def status_changed(self) -> bool:
        return self.change == "changed" and self.old_status != self.new_status

    @property
    def retired(self) -> bool:
        """Became vervallen in this change."""
        return self.status_changed and self.new_status == VERVALLEN

    @property
    def moved(self) -> bool:
        return self.change == "changed" and self.path != self.old_path

    @property
    def flagged(self) -> tuple[FieldChange, ...]:
        return tuple(f for f in self.fields if f.flagged)


@dataclass(frozen=True)
class Diff:
    changes: list[Change] = field(default_factory=list)  # by kind, then code
    scholen: list[SchoolChange] = field(default_factory=list)  # by BRIN

    def __bool__(self) -> bool:
        return bool(self.changes or self.scholen)

    @property
    def added(self) -> list[Change]:
        return [c for c in self.changes if c.change == "added"]

    @property
    def removed(self) -> list[Change]:
        return [c for c in self.changes if c.change == "removed"]

    @property
    def retired(self) -> list[Change]:
        return [c for c in self.changes if c.retired]

    @property
    def status_changed(self) -> list[Change]:
        """Status changes other than becoming vervallen."""
        return [c for c in self.changes if c.status_changed and not c.retired]

    @property
    def changed(self) -> list[Change]:
        """Codes whose fields changed (their status may have changed too)."""
        return [c for c in self.changes if c.change == "changed" and c.fields]

    @property
    def moved(self) -> list[Change]:
        return [c for c in self.changes if c.moved]

    @property
    def flagged(self) -> list[Change]:
        return [c for c in self.changes if c.flagged]

    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "changed": len(self.changed),
            "status": len(self.status_changed),
            "retired": len(self.retired),
            "moved": len(self.moved),
            "removed": len(self.removed),
        }


def _item(item: Any) -> str:
    """A list item as text: lesmateriaal as its title, link, soort and groepen."""
    if isinstance(item, Lesmateriaal):
        groepen = f", groep {', '.join(item.groepen)}" if item.groepen else ""
        return f"{item.titel} ({item.url}, {item.soort}{groepen})"
    return str(item)


def _value(value: Any) -> Value:
    """A comparable, printable value: text with its whitespace collapsed, lists of text."""
    if value is None:
        return None
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [" ".join(_item(item).split()) for item in value]
    return json.dumps(value, ensure_ascii=False, sort_keys=True)  # the slo dict


def _fields(old: Any, new: Any, names: tuple[str, ...], flag: bool) -> tuple[FieldChange, ...]:
    found = []
    for name in names:
        before, after = _value(getattr(old, name)), _value(getattr(new, name))
        if before != after:
            found.append(FieldChange(name, before, after, flag and name in FLAGGED_FIELDS))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class _Frame:
    entity: Any  # Kerndoel or Doelzin
    parent: str  # the subdomein of a kerndoel, the kerndoel of a doelzin
    path: str  # the kader file


def _frame(corpus: Corpus) -> dict[tuple[Kind, str], _Frame]:
    entries: dict[tuple[Kind, str], _Frame] = {}
    for domein, kader in corpus.kaders.items():
        path = corpus.sources[domein].path
        for sub in kader.subdomeinen:
            for kern in sub.kerndoelen:
                entries.setdefault(("kerndoel", kern.code), _Frame(kern, sub.code, path))
                for zin in kern.doelzinnen:
                    entries.setdefault(("doelzin", zin.code), _Frame(zin, kern.code, path))
    return entries


def _compare_goals(old: Corpus, new: Corpus) -> list[Change]:
    changes = []
    for code in sorted(old.leerdoelen.keys() | new.leerdoelen.keys()):
        before, after = old.leerdoelen.get(code), new.leerdoelen.get(code)
        if after is None:
            if code in new.unloaded:
                continue  # its file is there but broken: reported by the loader, not here
            assert before is not None
            old_path = old.sources[code].path
            changes.append(
                Change(
                    "leerdoel",
                    code,
                    "removed",
                    before.titel,
                    None,
                    old_path,
                    old_status=before.status,
                )
            )
            continue
        path = new.sources[code].path
        if before is None:
            changes.append(
                Change("leerdoel", code, "added", after.titel, path, None, new_status=after.status)
            )
            continue
        fields = _fields(before, after, GOAL_FIELDS, before.status == "vastgesteld")
        retired = after.status == VERVALLEN and before.status != VERVALLEN
        if retired:  # replacements and reason are part of the retirement itself
            fields = tuple(f for f in fields if f.field not in ("vervangen_door", "reden"))
        old_path = old.sources[code].path
        if fields or before.status != after.status or path != old_path:
            changes.append(
                Change(
                    "leerdoel",
                    code,
                    "changed",
                    after.titel,
                    path,
                    old_path,
                    fields,
                    old_status=before.status,
                    new_status=after.status,
                    vervangen_door=tuple(after.vervangen_door or ()) if retired else (),
                    reden=after.reden if retired else None,
                )
            )
    return changes


def _compare_frame(old: Corpus, new: Corpus) -> list[Change]:
    before_all, after_all = _frame(old), _frame(new)
    changes = []
    for kind, code in sorted(before_all.keys() | after_all.keys(), key=_frame_order):
        before, after = before_all.get((kind, code)), after_all.get((kind, code))
        if after is None:
            if not new.frame_complete:
                continue  # a kader did not load: its entities are not gone, just unread
            assert before is not None
            changes.append(Change(kind, code, "removed", before.entity.titel, None, before.path))
        elif before is None:
            changes.append(Change(kind, code, "added", after.entity.titel, after.path, None))
        else:
            fields = _fields(before.entity, after.entity, FRAME_FIELDS, False)
            if before.parent != after.parent:
                parent = "subdomein" if isinstance(after.entity, Kerndoel) else "kerndoel"
                fields += (FieldChange(parent, before.parent, after.parent),)
            if fields or before.path != after.path:
                changes.append(
                    Change(
                        kind, code, "changed", after.entity.titel, after.path, before.path, fields
                    )
                )
    return changes


def _frame_order(key: tuple[Kind, str]) -> tuple[int, str]:
    return KINDS.index(key[0]), key[1]


def compare(old: Corpus, new: Corpus, scholen: bool = False) -> Diff:
    """Everything that differs from ``old`` to ``new``: goals first, then the frame; and
    with ``scholen`` (both versions were loaded with their adoption files) the schools."""
    from leerdoelen.versions.scholen import compare_scholen  # it builds on this module

    changes = _compare_goals(old, new) + _compare_frame(old, new)
    return Diff(changes, compare_scholen(old, new) if scholen else [])


def kerndoel_of(corpus: Corpus, doelzin: str) -> str:
    """The kerndoel a doelzin belongs to; from its code when the frame does not know it
    (a doelzin's code is its kerndoel's code plus SLO's prefix, see LD310)."""
    plek = corpus.doelzinnen.get(doelzin)
    if plek is not None:
        return plek.kerndoel.code
    found = re.match(r".*-[0-9]{1,2}(?=[A-Z])", doelzin)
    return found[0] if found else doelzin
