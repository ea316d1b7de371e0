"""Leer van elkaar per leerdoel: how far published networks are with a goal, and their
schools' own words about it (toelichting, bewijs) as examples of practice.

``leer_van_elkaar`` makes the index goal → network once per build, in one pass over the
records of the published schools; each goal page then reads its own entry. An entry is
bounded: per network a count and at most ``VOORBEELDEN`` examples, newest ``datum``
first, and the number of the rest; a goal page shows the first ``NETWERKEN`` networks
(at national scale there are some 70) and counts the others. Only networks with
``publiceren: true`` are in it; a network is listed for a goal when one of its schools has
ingevoerd it or wrote about it.
"""

from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import dataclass, field

from leerdoelen.core.adoptie import Netwerk, Samenvatting, Stand
from leerdoelen.core.corpus import Corpus

VOORBEELDEN = 3  # examples per network on a goal page
NETWERKEN = 10  # networks on a goal page: the ones with most schools that have ingevoerd it


@dataclass(frozen=True)
class Praktijkvoorbeeld:
    """One school's own words about a goal."""

    brin: str
    naam: str
    plaats: str
    status: str
    datum: dt.date | None
    toelichting: str | None
    bewijs: str | None  # https only (the model says so)
    voorbeeld: bool  # example data


@dataclass
class NetwerkPraktijk:
    """Where one published network stands with one goal."""

    slug: str
    netwerk: Netwerk
    scholen: int  # its published schools
    ingevoerd: int = 0  # of them, the ones that have ingevoerd the goal
    voorbeelden: list[Praktijkvoorbeeld] = field(default_factory=list)  # newest first
    overige: int = 0  # schools with words about the goal beyond ``voorbeelden``


def _nieuwste(v: Praktijkvoorbeeld) -> tuple[bool, int, str, str]:
    """Sort key: newest datum first, no datum last, then by name and BRIN."""
    return (v.datum is None, -(v.datum.toordinal() if v.datum else 0), v.naam, v.brin)


def _voorbeeld(school: Samenvatting, record: Stand) -> Praktijkvoorbeeld:
    return Praktijkvoorbeeld(
        school.brin,
        school.naam,
        school.plaats,
        record.status,
        record.datum,
        record.toelichting,
        record.bewijs,
        school.voorbeeld,
    )


def leer_van_elkaar(corpus: Corpus) -> dict[str, list[NetwerkPraktijk]]:
    """Per goal code, the published networks that have something to show for it: most
    schools with it ingevoerd first, then by name. One pass over the records."""
    published = {s: n for s, n in sorted(corpus.netwerken.items()) if n.publiceren}
    grootte = dict.fromkeys(published, 0)
    ingevoerd: dict[tuple[str, str], int] = {}  # (code, slug) → schools
    kandidaten: dict[tuple[str, str], list[Praktijkvoorbeeld]] = {}
    for school in corpus.samenvattingen.values():
        mine = [slug for slug in school.netwerken if slug in published]
        if not mine:
            continue
        for slug in mine:
            grootte[slug] += 1
        for code, record in school.records.items():
            klaar = record.status == "ingevoerd"
            tekst = record.toelichting or record.bewijs
            if not (klaar or tekst):
                continue
            gezien = _voorbeeld(school, record) if tekst else None
            for slug in mine:
                key = (code, slug)
                if klaar:
                    ingevoerd[key] = ingevoerd.get(key, 0) + 1
                if gezien:
                    kandidaten.setdefault(key, []).append(gezien)
    index: dict[str, list[NetwerkPraktijk]] = {}
    for code, slug in ingevoerd.keys() | kandidaten.keys():
        alle = kandidaten.get((code, slug), [])
        index.setdefault(code, []).append(
            NetwerkPraktijk(
                slug,
                published[slug],
                grootte[slug],
                ingevoerd.get((code, slug), 0),
                heapq.nsmallest(VOORBEELDEN, alle, key=_nieuwste),
                max(0, len(alle) - VOORBEELDEN),
            )
        )
    for netwerken in index.values():
        netwerken.sort(key=lambda p: (-p.ingevoerd, p.netwerk.naam, p.slug))
    return index
