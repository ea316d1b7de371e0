"""One SLO doelzin as our Doelzin, and what frame.py needs to match SLO's entities to the
existing frame.

A doelzin keeps SLO's entity (minus id) in ``slo``, with its illustraties whole under
``fo_illustratie``, and each of its uitwerkingen as a ``SloUitwerking``: the id, the titles of
its niveaus, our own label (kept from the existing frame when the id, or an id it
``replaces``, matches: never made from SLO's text) and SLO's entity minus id. All uitwerkingen
of the doelzin are kept, whatever niveaus were imported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from leerdoelen.core.model import Doelzin, SloUitwerking
from leerdoelen.slo import niveaus as niveau
from leerdoelen.slo.source import Dataset

ILLUSTRATIES = "fo_illustratie"  # kept whole inside their doelzin's `slo`


def slo(entity: dict[str, Any]) -> dict[str, Any]:
    """SLO's entity without its id (which is ``slo_id``)."""
    return {k: v for k, v in entity.items() if k != "id"}


def replaces(entity: dict[str, Any]) -> list[str]:
    value = entity.get("replaces")
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def omschrijving(entity: dict[str, Any]) -> str:
    """Our text for a new entity: SLO's description, or the first full paragraph of a
    set's karakteristiek, or its title."""
    if text := " ".join(str(entity.get("description") or "").split()):
        return text
    for paragraph in re.split(r"[\r\n]+", str(entity.get("karakteristiek") or "")):
        if paragraph.strip().endswith(".") and len(paragraph.split()) >= 8:
            return " ".join(paragraph.split())
    return " ".join(str(entity.get("title") or "").split()) or "(zonder titel)"


class Existing:
    """Index of one existing frame's entities: by SLO id, and by code or title."""

    def __init__(self, entities: Iterable[Any], key: str) -> None:
        self.by_id: dict[str, Any] = {}
        self.by_key: dict[str, Any] = {}
        for entity in entities:
            if entity.slo_id:
                self.by_id[entity.slo_id] = entity
            else:
                self.by_key[getattr(entity, key)] = entity

    def match(self, entity: dict[str, Any], key: str) -> Any:
        found = self.by_id.get(entity["id"])
        if found is None:
            found = next((self.by_id[r] for r in replaces(entity) if r in self.by_id), None)
        return found if found is not None else self.by_key.get(key)


def doelzin(data: Dataset, zin: dict[str, Any], code: str, match: Doelzin | None) -> Doelzin:
    """The Doelzin for SLO's ``zin``; ``match`` is the existing one it stands for."""
    entity = slo(zin)
    entity[ILLUSTRATIES] = list(data.children(zin, ILLUSTRATIES))
    labels = {u.slo_id: u.label for u in (match.slo_uitwerkingen if match else ()) if u.label}
    uitwerkingen = []
    for uitwerking in data.children(zin, "fo_uitwerking"):
        titles = niveau.of_entity(data, uitwerking)
        if not titles:
            continue  # no niveau that resolves: reported as a dangling niveau_id
        ids = [uitwerking["id"], *replaces(uitwerking)]
        label = next((labels[i] for i in ids if i in labels), None)
        uitwerkingen.append(
            SloUitwerking(slo_id=uitwerking["id"], niveaus=titles, label=label, slo=slo(uitwerking))
        )
    return Doelzin(
        code=code,
        titel=match.titel if match else str(zin.get("title") or code),
        omschrijving=match.omschrijving if match else omschrijving(zin),
        slo_id=zin["id"],
        slo=entity,
        slo_uitwerkingen=uitwerkingen,
    )
