"""SLO's uitwerkingen: each belongs to one doelzin, once, and a leerdoel names only those
of its own doelzin or of its ``ook_bij`` doelzinnen (LD314-LD316)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from leerdoelen.core.corpus import Corpus
from leerdoelen.core.diagnostics import Diagnostic, diagnostic, listing, suggest
from leerdoelen.load.project import at

CLOSE = 0.75  # how alike an unknown id must be to a known one to be suggested


@dataclass(frozen=True, slots=True)
class Thuis:
    """Where an uitwerking sits in the frame: its doelzin, and its ``slo_id`` in the file."""

    doelzin: str
    path: str
    line: int
    column: int


def uitwerking_plekken(corpus: Corpus) -> tuple[dict[str, Thuis], list[Diagnostic]]:
    """slo_id → the doelzin that holds it (the first, when the frame holds it twice), and
    an LD316 for every second place."""
    index: dict[str, Thuis] = {}
    found: list[Diagnostic] = []
    for domein in sorted(corpus.kaders):
        kader, file = corpus.kaders[domein], corpus.sources[domein]
        for s, sub in enumerate(kader.subdomeinen):
            for k, kern in enumerate(sub.kerndoelen):
                for d, zin in enumerate(kern.doelzinnen):
                    for u, uitwerking in enumerate(zin.slo_uitwerkingen):
                        loc = ("subdomeinen", s, "kerndoelen", k, "doelzinnen", d)
                        where = at(file, *loc, "slo_uitwerkingen", u, "slo_id")
                        eerder = index.get(uitwerking.slo_id)
                        if eerder is None:
                            index[uitwerking.slo_id] = Thuis(zin.code, *where)
                            continue
                        related = (eerder.path,) if eerder.path != where[0] else ()
                        found.append(
                            diagnostic(
                                "LD316",
                                *where,
                                related=related,
                                id=uitwerking.slo_id,
                                elders=eerder.doelzin,
                                regel=eerder.line,
                            )
                        )
    return index, found


def slo_uitwerkingen(corpus: Corpus) -> Iterator[Diagnostic]:
    """The frame holds each uitwerking once; a leerdoel's ``slo_uitwerkingen`` are
    uitwerkingen of its doelzin or its ``ook_bij``. Leerdoelen are judged only when every
    kader loaded: an id in a kader that did not load is not unknown."""
    index, found = uitwerking_plekken(corpus)
    yield from found
    if not corpus.frame_complete:
        return
    for code in sorted(corpus.leerdoelen):
        doel = corpus.leerdoelen[code]
        if not doel.slo_uitwerkingen:
            continue
        file = corpus.sources[code]
        eigen = [doel.doelzin, *doel.ook_bij]
        for i, slo_id in enumerate(doel.slo_uitwerkingen):
            thuis = index.get(slo_id)
            if thuis is None:
                yield diagnostic(
                    "LD315",
                    *at(file, "slo_uitwerkingen", i),
                    id=slo_id,
                    suggestie=suggest(slo_id, index, CLOSE),
                )
            elif thuis.doelzin not in eigen:
                yield diagnostic(
                    "LD314",
                    *at(file, "slo_uitwerkingen", i),
                    id=slo_id,
                    elders=thuis.doelzin,
                    doelzinnen=listing(eigen, sep=" of "),
                )
