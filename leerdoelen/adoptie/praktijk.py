"""Leer van elkaar per leerdoel: how far published networks are with a goal, and their
schools' own words about it (toelichting, bewijs) as examples of practice.

``netwerk_praktijk`` makes one network's part, in one pass over its schools' records (a
build keeps it with the network's figures, ``view.NetwerkCijfers``); ``per_leerdoel``
merges the networks' parts into the index goal → networks, and each goal page reads its
own entry. An entry is bounded: per network a count and at most ``VOORBEELDEN`` examples,
newest ``datum`` first, and the number of the rest; a goal page shows the first
``NETWERKEN`` networks (at national scale there are some 70) and counts the others. Only
networks with ``publiceren: true`` are in it; a network is listed for a goal when one of
its schools has ingevoerd it or wrote about it.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field

from leerdoelen.adoptie.progress import ingevoerd_per_goal
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


def netwerk_praktijk(
    slug: str, netwerk: Netwerk, scholen: list[Samenvatting]
) -> dict[str, NetwerkPraktijk]:
    """Per goal code, where one published network with these schools stands with it: the
    goals one of them has ingevoerd or wrote about."""
    ingevoerd = ingevoerd_per_goal(school.records for school in scholen)
    kandidaten: dict[str, list[Praktijkvoorbeeld]] = {}
    for school in scholen:  # 2 million records at national scale: a comprehension each
        records = school.records.items()
        for code, record in [(c, r) for c, r in records if r.toelichting or r.bewijs]:
            kandidaten.setdefault(code, []).append(_voorbeeld(school, record))
    return {
        code: NetwerkPraktijk(
            slug,
            netwerk,
            len(scholen),
            ingevoerd.get(code, 0),
            heapq.nsmallest(VOORBEELDEN, kandidaten.get(code, []), key=_nieuwste),
            max(0, len(kandidaten.get(code, [])) - VOORBEELDEN),
        )
        for code in sorted(ingevoerd.keys() | kandidaten.keys())
    }


def per_leerdoel(
    netwerken: Iterable[dict[str, NetwerkPraktijk]],
) -> dict[str, list[NetwerkPraktijk]]:
    """The networks' ``netwerk_praktijk`` per goal code: most schools with it ingevoerd
    first, then by name."""
    index: dict[str, list[NetwerkPraktijk]] = {}
    for praktijk in netwerken:
        for code, stand in praktijk.items():
            index.setdefault(code, []).append(stand)
    for stands in index.values():
        stands.sort(key=lambda p: (-p.ingevoerd, p.netwerk.naam, p.slug))
    return index


def leer_van_elkaar(corpus: Corpus) -> dict[str, list[NetwerkPraktijk]]:
    """Per goal code, the published networks that have something to show for it."""
    leden: dict[str, list[Samenvatting]] = {
        s: [] for s, n in sorted(corpus.netwerken.items()) if n.publiceren
    }
    for school in corpus.samenvattingen.values():
        for slug in school.netwerken:
            if slug in leden:
                leden[slug].append(school)
    return per_leerdoel(
        netwerk_praktijk(slug, corpus.netwerken[slug], scholen) for slug, scholen in leden.items()
    )
