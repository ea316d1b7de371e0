"""SLO's uitwerkingen: a doelzin lists each once, and a leerdoel names only those of its
own doelzin or of its ``ook_bij`` doelzinnen (LD314-LD316). SLO's own data puts some
uitwerkingen under two doelzinnen (of two niveaus, say); the frame keeps that as SLO has it."""

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


def uitwerking_plekken(corpus: Corpus) -> tuple[dict[str, list[Thuis]], list[Diagnostic]]:
    """slo_id → the doelzinnen that hold it, and an LD316 for every second place of one
    uitwerking under the same doelzin."""
    index: dict[str, list[Thuis]] = {}
    found: list[Diagnostic] = []
    for domein in sorted(corpus.kaders):
        kader, file = corpus.kaders[domein], corpus.sources[domein]
        for s, sub in enumerate(kader.subdomeinen):
            for k, kern in enumerate(sub.kerndoelen):
                for d, zin in enumerate(kern.doelzinnen):
                    for u, uitwerking in enumerate(zin.slo_uitwerkingen):
                        loc = ("subdomeinen", s, "kerndoelen", k, "doelzinnen", d)
                        where = at(file, *loc, "slo_uitwerkingen", u, "slo_id")
                        plekken = index.setdefault(uitwerking.slo_id, [])
                        eerder = next((p for p in plekken if p.doelzin == zin.code), None)
                        if eerder is None:
                            plekken.append(Thuis(zin.code, *where))
                            continue
                        found.append(
                            diagnostic(
                                "LD316",
                                *where,
                                id=uitwerking.slo_id,
                                elders=eerder.doelzin,
                                regel=eerder.line,
                            )
                        )
    return index, found


def slo_uitwerkingen(corpus: Corpus) -> Iterator[Diagnostic]:
    """A doelzin holds each uitwerking once; a leerdoel's ``slo_uitwerkingen`` are
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
            plekken = index.get(slo_id)
            if plekken is None:
                yield diagnostic(
                    "LD315",
                    *at(file, "slo_uitwerkingen", i),
                    id=slo_id,
                    suggestie=suggest(slo_id, index, CLOSE),
                )
            elif not any(p.doelzin in eigen for p in plekken):
                yield diagnostic(
                    "LD314",
                    *at(file, "slo_uitwerkingen", i),
                    id=slo_id,
                    elders=listing([p.doelzin for p in plekken], sep=" of "),
                    doelzinnen=listing(eigen, sep=" of "),
                )
