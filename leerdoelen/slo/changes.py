"""What an import changes for the leerdoelen: the doelzinnen of the old frame that the new
release replaced (``replaces``) or dropped."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from leerdoelen.core.model import Doelzin, Kader
from leerdoelen.slo.doelzin import replaces


@dataclass(frozen=True)
class Change:
    """A doelzin of the old frame that the new release replaced or dropped."""

    old_code: str
    old_id: str | None
    new_code: str | None = None  # None: dropped without a successor
    new_id: str | None = None


def _doelzinnen(kader: Kader) -> Iterable[Doelzin]:
    for subdomein in kader.subdomeinen:
        for kerndoel in subdomein.kerndoelen:
            yield from kerndoel.doelzinnen


def changes(old: Kader, new: Kader) -> dict[str, Change]:
    """Which doelzinnen of ``old`` the new frame replaced or dropped, by old code."""
    found: dict[str, Change] = {}
    by_id = {z.slo_id: z for z in _doelzinnen(new)}
    codes = {z.code for z in _doelzinnen(new)}
    successor: dict[str, Doelzin] = {}
    for zin in by_id.values():
        for old_id in replaces(zin.slo or {}):
            successor.setdefault(old_id, zin)
    for zin in _doelzinnen(old):
        if zin.slo_id is None:
            if zin.code not in codes:
                found[zin.code] = Change(zin.code, None)
        elif zin.slo_id not in by_id:
            new_zin = successor.get(zin.slo_id)
            found[zin.code] = Change(
                zin.code,
                zin.slo_id,
                new_zin.code if new_zin else None,
                new_zin.slo_id if new_zin else None,
            )
    return found
