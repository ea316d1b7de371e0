"""Progress: how far a school, a network or a target is, computed from the corpus.

Progress counts the current goals: vastgesteld ones. Goals ter consultatie appear on a
school's checklist (marked as such) but do not count yet; concept goals do not appear.

A target is judged by date (``DoelstellingStand.oordeel``): "gehaald" as soon as it is met;
before its deadline "op koers" or "achter", from a linear projection (the schools that
reached it, spread evenly from the first record date in scope to today, carried on to the
deadline); "niet gehaald" only after the deadline.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from leerdoelen.core.adoptie import ADOPTIE_STATUSSEN, Doelstelling, Stand
from leerdoelen.core.corpus import Corpus
from leerdoelen.core.model import Kerndoel, Leerdoel

CHECKLIST_STATUSSEN = ("vastgesteld", "ter consultatie")
RANK = {status: rank for rank, status in enumerate(ADOPTIE_STATUSSEN)}


def checklist_key(code: str) -> str:
    """Where a goal stands in a school's checklist (and its records in the school file):
    by code, which puts the domeinen in order too (DG before MN)."""
    return code


def checklist_goals(corpus: Corpus) -> list[Leerdoel]:
    """The goals a school's checklist lists, in checklist order."""
    return sorted(
        (d for d in corpus.leerdoelen.values() if d.status in CHECKLIST_STATUSSEN),
        key=lambda d: checklist_key(d.code),
    )


def counted_goals(corpus: Corpus) -> list[Leerdoel]:
    """The goals that progress and targets count: the vastgesteld ones."""
    return [d for d in checklist_goals(corpus) if d.status == "vastgesteld"]


def counted_of(corpus: Corpus, kerndoel: str) -> list[Leerdoel]:
    """The counted goals of one kerndoel, in code order."""
    return [d for d in corpus.per_kerndoel.get(kerndoel, ()) if d.status == "vastgesteld"]


NIET_GESTART = ADOPTIE_STATUSSEN[0]  # the status of a goal that a school has no record of


def statuses(school_records: dict[str, Stand], codes: Iterable[str]) -> list[str]:
    """The status of each goal at one school. The counts of a national build ask this
    of millions of school × goal pairs: one comprehension, no call per pair."""
    get = school_records.get
    return [r.status if (r := get(code)) else NIET_GESTART for code in codes]


@dataclass(frozen=True)
class Voortgang:
    """How many of ``total`` goals a school has ingevoerd, and the spread of statuses."""

    counts: Counter[str]
    total: int

    @property
    def ingevoerd(self) -> int:
        return self.counts["ingevoerd"]

    @property
    def percentage(self) -> int:
        return round(100 * self.ingevoerd / self.total) if self.total else 0


def voortgang(school_records: dict[str, Stand], goals: list[Leerdoel]) -> Voortgang:
    return Voortgang(Counter(statuses(school_records, [d.code for d in goals])), len(goals))


def scope(corpus: Corpus, doel: Doelstelling) -> list[Leerdoel]:
    """The counted goals a target is about."""
    if doel.kerndoel:
        return counted_of(corpus, doel.kerndoel)
    goals = counted_goals(corpus)
    if doel.domein:
        return [d for d in goals if corpus.domein_van[d.code] == doel.domein]
    wanted = set(doel.leerdoelen)
    return [d for d in goals if d.code in wanted]


Oordeel = Literal["gehaald", "op koers", "achter", "niet gehaald"]


@dataclass(frozen=True)
class DoelstellingStand:
    """Where a network stands on one target, on ``vandaag``."""

    doelstelling: Doelstelling
    scholen: int  # schools in the network
    gehaald: int  # schools that reached the target's status on every goal in scope
    doelen: int  # goals in scope
    vandaag: dt.date
    begin: dt.date | None = None  # the first record date in scope (up to today), if any

    @property
    def percentage(self) -> int:
        return _percentage(self.gehaald, self.scholen)

    @property
    def bereikt(self) -> bool:
        return self.scholen > 0 and self.percentage >= self.doelstelling.aandeel

    @property
    def nodig(self) -> int:
        """How many schools the target asks for: the fewest whose share reaches it."""
        aandeel = self.doelstelling.aandeel
        return next(
            (n for n in range(self.scholen + 1) if _percentage(n, self.scholen) >= aandeel),
            self.scholen,
        )

    @property
    def tekort(self) -> int:
        """How many more schools still have to reach it."""
        return max(self.nodig - self.gehaald, 0) if self.scholen else 0

    @property
    def verwacht(self) -> float:
        """Schools expected by the deadline at the rate so far (from ``begin`` to today);
        without a rate (no dated records, or none before today) the count stays as it is."""
        if self.begin is None or self.begin >= self.vandaag:
            return float(self.gehaald)
        verstreken = (self.vandaag - self.begin).days
        tot_uiterlijk = (self.doelstelling.uiterlijk - self.begin).days
        return self.gehaald * max(tot_uiterlijk, verstreken) / verstreken

    @property
    def oordeel(self) -> Oordeel:
        if self.bereikt:
            return "gehaald"
        if self.vandaag > self.doelstelling.uiterlijk:
            return "niet gehaald"
        return "op koers" if self.scholen and self.verwacht >= self.nodig else "achter"


def _percentage(deel: int, geheel: int) -> int:
    return round(100 * deel / geheel) if geheel else 0


def _begin(
    school_records: list[dict[str, Stand]], goals: list[Leerdoel], vandaag: dt.date
) -> dt.date | None:
    """The first record date for these goals at these schools, leaving out future ones."""
    datums = [
        r.datum
        for school in school_records
        for g in goals
        if (r := school.get(g.code)) and r.datum and r.datum <= vandaag
    ]
    return min(datums, default=None)


def doelstelling_standen(
    corpus: Corpus,
    doelen: list[Doelstelling],
    school_records: list[dict[str, Stand]],
    vandaag: dt.date,
) -> list[DoelstellingStand]:
    """Where a group of schools (a network's) stands on each of its targets on ``vandaag``."""
    stands = []
    for doel in doelen:
        goals = scope(corpus, doel)
        codes, rank = [g.code for g in goals], RANK[doel.status]
        reached = {status for status, r in RANK.items() if r >= rank}
        gehaald = sum(reached.issuperset(statuses(school, codes)) for school in school_records)
        begin = _begin(school_records, goals, vandaag)
        stands.append(
            DoelstellingStand(doel, len(school_records), gehaald, len(goals), vandaag, begin)
        )
    return stands


def ingevoerd_per_goal(school_records: Iterable[dict[str, Stand]]) -> Counter[str]:
    """Per goal code, how many of these schools have it ingevoerd."""
    ingevoerd: Counter[str] = Counter()
    for school in school_records:  # a list per school: no generator step per record
        ingevoerd.update([code for code, record in school.items() if record.status == "ingevoerd"])
    return ingevoerd


def achterblijvers(
    corpus: Corpus, school_records: list[dict[str, Stand]], limit: int = 10
) -> list[tuple[Leerdoel, int]]:
    """The counted goals that the fewest of these schools have ingevoerd: (goal, schools)."""
    ingevoerd = ingevoerd_per_goal(school_records)
    rows = [(g, ingevoerd[g.code]) for g in counted_goals(corpus)]
    return sorted(rows, key=lambda row: (row[1], row[0].code))[:limit]


@dataclass(frozen=True)
class KerndoelStand:
    """Where a group of schools stands on the counted goals of one kerndoel."""

    kerndoel: Kerndoel
    doelen: int  # counted goals of the kerndoel
    scholen: int
    counts: Counter[str]  # statuses over all school × goal pairs
    volledig: int  # schools that have ingevoerd every counted goal of the kerndoel

    @property
    def percentage(self) -> int:
        """The average share of the kerndoel's goals ingevoerd, in %."""
        pairs = self.doelen * self.scholen
        return round(100 * self.counts["ingevoerd"] / pairs) if pairs else 0

    @property
    def aandeel_volledig(self) -> int:
        """The share of schools that have ingevoerd the whole kerndoel, in %."""
        return round(100 * self.volledig / self.scholen) if self.scholen else 0


def kerndoel_standen(corpus: Corpus, school_records: list[dict[str, Stand]]) -> list[KerndoelStand]:
    """Per kerndoel (frame order) with at least one counted goal, for these schools: the
    spread of statuses over all school × goal pairs, and how many schools have ingevoerd
    every goal in it."""
    stands = []
    for code, kerndoel in corpus.kerndoelen.items():
        goals = counted_of(corpus, code)
        if not goals:
            continue
        counts: Counter[str] = Counter()
        volledig = 0
        codes = [g.code for g in goals]
        for school in school_records:
            found = statuses(school, codes)
            counts.update(found)
            volledig += found.count("ingevoerd") == len(found)
        stands.append(KerndoelStand(kerndoel, len(goals), len(school_records), counts, volledig))
    return stands
