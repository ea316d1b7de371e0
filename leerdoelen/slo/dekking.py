"""Coverage: which of SLO's po uitwerkingen our leerdoelen elaborate, per groep band.

A po doelzin is a doelzin with at least one uitwerking whose niveaus include po; of it,
only the po uitwerkingen count. A leerdoel covers an uitwerking when it names it in
``slo_uitwerkingen``; vervallen leerdoelen do not count. Computed once from the corpus,
read by ``leerdoelen coverage`` and the site's ``/dekking/`` pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from leerdoelen.core.corpus import Corpus, Plek
from leerdoelen.core.model import GROEPEN, Kader, Leerdoel, SloUitwerking

PO = "po"
WOORDEN = 12  # SLO's text standing in for a missing label: this many words


@dataclass(frozen=True, slots=True)
class UitwerkingDekking:
    uitwerking: SloUitwerking
    per_groep: tuple[tuple[Leerdoel, ...], ...]  # in GROEPEN order, each in code order

    @property
    def gedekt(self) -> bool:
        return any(self.per_groep)


@dataclass(frozen=True, slots=True)
class DoelzinDekking:
    plek: Plek
    uitwerkingen: tuple[UitwerkingDekking, ...]

    @property
    def gedekt(self) -> int:
        return sum(u.gedekt for u in self.uitwerkingen)


@dataclass(frozen=True, slots=True)
class DomeinDekking:
    kader: Kader
    doelzinnen: tuple[DoelzinDekking, ...]

    @property
    def totaal(self) -> int:
        return sum(len(z.uitwerkingen) for z in self.doelzinnen)

    @property
    def gedekt(self) -> int:
        return sum(z.gedekt for z in self.doelzinnen)

    @property
    def gaten(self) -> list[tuple[DoelzinDekking, UitwerkingDekking]]:
        return [(z, u) for z in self.doelzinnen for u in z.uitwerkingen if not u.gedekt]


@dataclass(frozen=True, slots=True)
class Dekking:
    domeinen: tuple[DomeinDekking, ...]  # every kader, in domein order

    @property
    def totaal(self) -> int:
        return sum(d.totaal for d in self.domeinen)

    @property
    def gedekt(self) -> int:
        return sum(d.gedekt for d in self.domeinen)

    @property
    def gaten(self) -> list[tuple[DoelzinDekking, UitwerkingDekking]]:
        return [gat for d in self.domeinen for gat in d.gaten]


def is_po(uitwerking: SloUitwerking) -> bool:
    return PO in uitwerking.niveaus


def dekking(corpus: Corpus) -> Dekking:
    """The coverage of every po uitwerking in the corpus's frames."""
    covering: dict[str, list[Leerdoel]] = {}
    for code in sorted(corpus.leerdoelen):
        doel = corpus.leerdoelen[code]
        if doel.status != "vervallen":
            for slo_id in dict.fromkeys(doel.slo_uitwerkingen):
                covering.setdefault(slo_id, []).append(doel)
    domeinen = []
    for domein in sorted(corpus.kaders):
        kader = corpus.kaders[domein]
        zinnen = []
        for sub in kader.subdomeinen:
            for kern in sub.kerndoelen:
                for zin in kern.doelzinnen:
                    po = [u for u in zin.slo_uitwerkingen if is_po(u)]
                    if not po:
                        continue
                    rows = tuple(
                        UitwerkingDekking(u, _per_groep(covering.get(u.slo_id, []))) for u in po
                    )
                    zinnen.append(DoelzinDekking(Plek(kader, sub, kern, zin), rows))
        domeinen.append(DomeinDekking(kader, tuple(zinnen)))
    return Dekking(tuple(domeinen))


def _per_groep(doelen: list[Leerdoel]) -> tuple[tuple[Leerdoel, ...], ...]:
    return tuple(tuple(d for d in doelen if groep in d.groepen) for groep in GROEPEN)


def slo_tekst(slo: dict[str, Any] | None) -> str | None:
    """SLO's own sentence of an entity: its description, else its title; None if neither
    (or no SLO entity at all)."""
    if not slo:
        return None
    for key in ("description", "title"):
        value = slo.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def eerste_woorden(text: str, woorden: int = WOORDEN) -> str:
    """The first words of ``text`` on one line, with ``…`` when some were left out."""
    words = text.split()
    return " ".join(words[:woorden]) + (" …" if len(words) > woorden else "")


def omschrijving(uitwerking: SloUitwerking) -> tuple[str, bool]:
    """What an uitwerking is called: our label, else the first words of SLO's text, else
    its id; and whether the words are SLO's."""
    if uitwerking.label:
        return uitwerking.label, False
    tekst = slo_tekst(uitwerking.slo)
    if tekst:
        return eerste_woorden(tekst), True
    return uitwerking.slo_id, False
