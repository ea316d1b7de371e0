"""SLO's niveaus as the data names them, and what a frame keeps of ``curriculum-basis`` and
``deprecated.json``.

Kernzinnen and doelzinnen carry no niveau: which niveaus they serve shows only in the
``niveau_id`` of their uitwerkingen and illustraties (``po`` and ``so`` for a po kerndoel,
``so zml/mb`` … for the functionele kerndoelen). Niveaus are always listed in the order of
``niveaus.json``, and named by their title there.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from leerdoelen.slo.source import Dataset

DETAILS = ("fo_uitwerking", "fo_illustratie")  # the entities that name niveaus


def slug(text: str) -> str:
    """'so zml/mb' → 'so-zml-mb'; 'Kerndoelen mens en natuur' → 'kerndoelen-mens-en-natuur'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def ordered(data: Dataset, titles: Iterable[str]) -> list[str]:
    """``titles`` once each, in the order of ``niveaus.json``."""
    found: list[Any] = data.of("niveau")  # a broken file may hold anything: the schema says so
    order = {str(n.get("title")): i for i, n in enumerate(found) if isinstance(n, dict)}
    return sorted(set(titles), key=lambda t: (order.get(t, len(order)), t))


def of_entity(data: Dataset, entity: dict[str, Any]) -> list[str]:
    """The titles of the niveaus that ``entity`` names in ``niveau_id``."""
    titles = []
    for niveau in data.children(entity, "niveau"):
        titles.append(str(niveau.get("title", "")))
    return ordered(data, titles)


def of_doelzin(data: Dataset, doelzin: dict[str, Any]) -> list[str]:
    """The niveaus that a doelzin's uitwerkingen and illustraties name."""
    titles: list[str] = []
    for kind in DETAILS:
        for detail in data.children(doelzin, kind):
            titles += of_entity(data, detail)
    return ordered(data, titles)


def of_kernzin(data: Dataset, kernzin: dict[str, Any]) -> list[str]:
    titles: list[str] = []
    for doelzin in data.children(kernzin, "fo_doelzin"):
        titles += of_doelzin(data, doelzin)
    return ordered(data, titles)


def of_set(data: Dataset, set_: dict[str, Any]) -> list[str]:
    """Every niveau that a set's kerndoelen serve."""
    titles: list[str] = []
    for domein in data.children(set_, "fo_domein"):
        for kernzin in data.children(domein, "fo_kernzin"):
            titles += of_kernzin(data, kernzin)
    return ordered(data, titles)


def basis(data: Dataset, entities: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The curriculum-basis entities that ``entities`` refer to, whole: the niveaus (also
    those of the vakleergebieden referred to) in ``niveaus.json`` order, then the
    vakleergebieden in the order of ``vakleergebieden.json``."""
    ids: set[str] = set()
    for entity in entities:
        for kind in ("niveau", "vakleergebied"):
            ids.update(e["id"] for e in data.children(entity, kind))
    for kind in ("vakleergebied",):
        for entity in data.of(kind):
            if entity.get("id") in ids:
                ids.update(e["id"] for e in data.children(entity, "niveau"))
    return [data.by_id[i] for kind in ("niveau", "vakleergebied") for i in _ids(data, kind, ids)]


def _ids(data: Dataset, kind: str, wanted: set[str]) -> list[str]:
    """The ids in ``wanted`` of the entities of ``kind``, in their file's order."""
    return [i for i, k in data.type_of.items() if k == kind and i in wanted]


def replaced(data: Dataset, entities: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entities of ``deprecated.json`` that ``replaces`` in ``entities`` points to,
    whole, in that file's order."""
    ids: set[str] = set()
    for entity in entities:
        value = entity.get("replaces")
        if isinstance(value, list):
            ids.update(v for v in value if isinstance(v, str))
    return [entity for entity_id, entity in data.deprecated.items() if entity_id in ids]
