"""SLO's words beside ours on a kerndoel page: where the source is named, and a doelzin's
uitwerkingen grouped per niveau, each with SLO's text where the frame holds it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from leerdoelen.core.model import Doelzin, Kader
from leerdoelen.slo.dekking import slo_tekst


def slo_bron_tekst(kader: Kader) -> str | None:
    """``SLO curriculum-fo, release 2026.52``, when the kader says where it came from."""
    if kader.slo_bron is None:
        return None
    return f"{kader.slo_bron.bron}, release {kader.slo_bron.release}"


@dataclass(frozen=True, slots=True)
class Item:
    tekst: str  # SLO's text, else our label, else empty
    van_slo: bool  # whether ``tekst`` is SLO's
    label: str | None  # our label, shown beside SLO's text
    slo_id: str


@dataclass(frozen=True, slots=True)
class Groep:
    niveaus: str  # "po, so"
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Uitwerkingen:
    groepen: tuple[Groep, ...]
    # "slo": every text is SLO's; "eigen": none is (our summary); "gemengd": some are
    soort: Literal["slo", "eigen", "gemengd"]


def per_niveau(doelzin: Doelzin) -> Uitwerkingen:
    """The doelzin's uitwerkingen grouped by their niveaus, in frame order."""
    groepen: dict[tuple[str, ...], list[Item]] = {}
    for u in doelzin.slo_uitwerkingen:
        tekst = slo_tekst(u.slo)
        item = (
            Item(tekst, True, u.label, u.slo_id)
            if tekst
            else Item(u.label or "", False, None, u.slo_id)
        )
        groepen.setdefault(tuple(u.niveaus), []).append(item)
    van_slo = {item.van_slo for items in groepen.values() for item in items}
    soort: Literal["slo", "eigen", "gemengd"] = (
        "gemengd" if len(van_slo) > 1 else "slo" if van_slo == {True} else "eigen"
    )
    return Uitwerkingen(
        tuple(Groep(", ".join(niveaus), tuple(items)) for niveaus, items in groepen.items()),
        soort,
    )
