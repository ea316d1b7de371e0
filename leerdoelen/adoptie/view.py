"""What the adoption pages show, as data: computed from the corpus in one pass, before
anything is rendered. ``render.adoptie`` turns it into pages and downloads.

Only networks with ``publiceren: true`` are in it, and a school only when it is in at least
one of them; an unpublished network is not even named. There is nothing about individual
teachers or pupils: the model has none.

Stale records: a school's last change is the later of its file's last commit and its
newest ``datum`` (``adoptie.staleness``).

A school's progress per subdomein is made per page (``AdoptieView.per_domein``), where the
page is rendered: kept for all ~7,000 schools at once it would cost memory that nothing
else needs. A school's progress and a network's dashboard data are made when first asked
for: a rebuild that keeps a network's figures (``NetwerkCijfers``) and its dashboard from
the build before asks for the changed ones only.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from leerdoelen.adoptie.praktijk import NetwerkPraktijk, netwerk_praktijk
from leerdoelen.adoptie.progress import (
    CHECKLIST_STATUSSEN,
    DoelstellingStand,
    KerndoelStand,
    Voortgang,
    achterblijvers,
    counted_goals,
    doelstelling_standen,
    kerndoel_standen,
    voortgang,
)
from leerdoelen.adoptie.staleness import is_stale, last_change
from leerdoelen.core.adoptie import Doelstelling, Netwerk, Samenvatting, Stand
from leerdoelen.core.corpus import Corpus
from leerdoelen.core.model import Kader, Kerndoel, Leerdoel, Subdomein

VOORLOPERS = 3  # networks named per kerndoel in the overview

# --- the checklist's frame ----------------------------------------------------------------


@dataclass(frozen=True)
class KerndoelBlok:
    kerndoel: Kerndoel
    doelen: list[Leerdoel]


@dataclass(frozen=True)
class SubdomeinBlok:
    subdomein: Subdomein
    kerndoelen: list[KerndoelBlok]

    @cached_property
    def geteld(self) -> list[Leerdoel]:
        """The counted goals (vastgesteld) in it: what its progress bar is of."""
        return [d for k in self.kerndoelen for d in k.doelen if d.status == "vastgesteld"]


@dataclass(frozen=True)
class DomeinBlok:
    kader: Kader
    subdomeinen: list[SubdomeinBlok]


def indeling(corpus: Corpus) -> list[DomeinBlok]:
    """The checklist goals grouped by domein → subdomein → kerndoel, in frame order."""
    blokken = []
    for domein in sorted(corpus.kaders):
        kader = corpus.kaders[domein]
        subs = []
        for subdomein in kader.subdomeinen:
            kerns = []
            for kerndoel in subdomein.kerndoelen:
                goals = corpus.per_kerndoel.get(kerndoel.code, ())
                doelen = [d for d in goals if d.status in CHECKLIST_STATUSSEN]
                if doelen:
                    kerns.append(KerndoelBlok(kerndoel, doelen))
            if kerns:
                subs.append(SubdomeinBlok(subdomein, kerns))
        if subs:
            blokken.append(DomeinBlok(kader, subs))
    return blokken


# --- schools and networks -----------------------------------------------------------------


@dataclass
class SchoolStand:
    """A published school: its records, its published networks and its progress."""

    school: Samenvatting
    netwerken: list[tuple[str, Netwerk]]  # the published ones only
    laatst: dt.date | None  # last change: git commit or newest datum
    verouderd: bool
    geteld: list[Leerdoel] = field(repr=False)  # the counted goals

    @property
    def records(self) -> dict[str, Stand]:
        """Its current records (read from a build's cache when first asked for)."""
        return self.school.records

    @cached_property
    def voortgang(self) -> Voortgang:
        """Its progress over the counted goals."""
        return voortgang(self.records, self.geteld)

    @property
    def brin(self) -> str:
        return self.school.brin

    @property
    def voorbeeld(self) -> bool:
        """The school is made up (``voorbeeld: true`` in its own file): a real school
        in an example network is real."""
        return self.school.voorbeeld


@dataclass(frozen=True)
class Bereik:
    """What a target is about: a kerndoel or a domein (``code``), or some goals (``codes``)."""

    soort: str  # "kerndoel", "domein" or "leerdoelen"
    code: str = ""
    kader: Kader | None = None  # a domein's, when it has one
    codes: tuple[str, ...] = ()


def bereik(corpus: Corpus, doel: Doelstelling) -> Bereik:
    if doel.kerndoel:
        return Bereik("kerndoel", doel.kerndoel)
    if doel.domein:
        return Bereik("domein", doel.domein, corpus.kaders.get(doel.domein))
    return Bereik("leerdoelen", codes=tuple(doel.leerdoelen))


@dataclass(frozen=True)
class NetwerkStand:
    """A published network's dashboard, as data."""

    slug: str
    netwerk: Netwerk
    scholen: list[SchoolStand]  # by name
    totaal: Voortgang  # all school × counted goal pairs
    doelstellingen: list[tuple[DoelstellingStand, Bereik]]
    per_kerndoel: list[KerndoelStand]  # the kerndoelen with counted goals, frame order
    achterblijvers: list[tuple[Leerdoel, int]]  # (goal, schools that have ingevoerd it)

    @property
    def gehaald(self) -> int:
        """How many of its targets the network has reached."""
        return sum(d.bereikt for d, _ in self.doelstellingen)


def _netwerk(
    corpus: Corpus,
    slug: str,
    scholen: list[SchoolStand],
    geteld: list[Leerdoel],
    vandaag: dt.date,
) -> NetwerkStand:
    netwerk = corpus.netwerken[slug]
    recs = [s.records for s in scholen]
    counts: Counter[str] = Counter()
    for s in scholen:
        counts.update(s.voortgang.counts)
    return NetwerkStand(
        slug,
        netwerk,
        scholen,
        Voortgang(counts, len(geteld) * len(scholen)),
        [
            (stand, bereik(corpus, stand.doelstelling))
            for stand in doelstelling_standen(corpus, netwerk.doelstellingen, recs, vandaag)
        ],
        kerndoel_standen(corpus, recs),
        achterblijvers(corpus, recs) if scholen else [],
    )


class Voorop(NamedTuple):
    """Where a network stands on one kerndoel, as the overview ranks it."""

    aandeel_volledig: int  # % of its schools with every counted goal of it ingevoerd
    percentage: int  # % of its goals ingevoerd, on average


@dataclass(frozen=True)
class NetwerkCijfers:
    """What the pages that combine networks show of one: the overview's row, where it is
    ahead, and leer van elkaar per goal. Small, so that a build can keep it between runs
    (computed from the records of all its schools, it is most of a rebuild's work)."""

    slug: str
    netwerk: Netwerk
    scholen: int  # its published schools
    totaal: Voortgang
    gehaald: int  # targets reached
    voorop: dict[str, Voorop]  # per kerndoel with some of it ingevoerd
    praktijk: dict[str, NetwerkPraktijk]  # per goal it has ingevoerd or written about


def netwerk_cijfers(stand: NetwerkStand) -> NetwerkCijfers:
    return NetwerkCijfers(
        stand.slug,
        stand.netwerk,
        len(stand.scholen),
        stand.totaal,
        stand.gehaald,
        {
            k.kerndoel.code: Voorop(k.aandeel_volledig, k.percentage)
            for k in stand.per_kerndoel
            if k.percentage > 0
        },
        netwerk_praktijk(stand.slug, stand.netwerk, [s.school for s in stand.scholen]),
    )


Voorloper = tuple[str, Netwerk, Voorop]  # slug, network, where it stands


def voorlopers(
    corpus: Corpus, cijfers: Iterable[NetwerkCijfers]
) -> list[tuple[Kerndoel, list[Voorloper]]]:
    """Per kerndoel with counted goals, the networks furthest ahead on it."""
    voorop: dict[str, list[Voorloper]] = {}
    for c in cijfers:
        for code, stand in c.voorop.items():
            voorop.setdefault(code, []).append((c.slug, c.netwerk, stand))
    per_kerndoel = []
    for leeg in kerndoel_standen(corpus, []):  # the kerndoelen with counted goals
        code = leeg.kerndoel.code
        beste = sorted(
            voorop.get(code, []),
            key=lambda v: (-v[2].aandeel_volledig, -v[2].percentage, v[1].naam),
        )[:VOORLOPERS]
        per_kerndoel.append((leeg.kerndoel, beste))
    return per_kerndoel


# --- all of it ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AdoptieView:
    """Everything the adoption pages and downloads show. A network's dashboard, as data,
    is made when first asked for (``netwerk``): a rebuild asks for the changed ones only."""

    corpus: Corpus = field(repr=False)
    vandaag: dt.date
    indeling: list[DomeinBlok]  # the checklist
    scholen: dict[str, SchoolStand]  # published schools, by BRIN in BRIN order
    netwerken: dict[str, Netwerk]  # published networks, by slug in slug order
    leden: dict[str, list[SchoolStand]]  # their schools by name; the same name in BRIN order
    geteld: list[Leerdoel] = field(repr=False)  # the counted goals
    _standen: dict[str, NetwerkStand] = field(default_factory=dict, repr=False)

    @property
    def voorbeeld(self) -> bool:
        """Some published network or school is made up."""
        return any(n.voorbeeld for n in self.netwerken.values()) or any(
            s.voorbeeld for s in self.scholen.values()
        )

    def netwerk(self, slug: str) -> NetwerkStand:
        """A published network's dashboard, as data."""
        if slug not in self._standen:
            members = self.leden[slug]
            self._standen[slug] = _netwerk(self.corpus, slug, members, self.geteld, self.vandaag)
        return self._standen[slug]

    def per_domein(
        self, stand: SchoolStand
    ) -> list[tuple[DomeinBlok, list[tuple[SubdomeinBlok, Voortgang]]]]:
        """A school's checklist by domein, with its progress per subdomein."""
        return [
            (domein, [(sub, voortgang(stand.records, sub.geteld)) for sub in domein.subdomeinen])
            for domein in self.indeling
        ]


def adoptie_view(corpus: Corpus, commits: dict[str, dt.date], vandaag: dt.date) -> AdoptieView:
    """What the adoption pages show, for a corpus that passed ``check``.

    ``commits`` maps a BRIN to its file's last commit date (``staleness.commit_dates``).
    """
    geteld = counted_goals(corpus)
    published = {
        slug: corpus.netwerken[slug]
        for slug in sorted(corpus.netwerken)
        if corpus.netwerken[slug].publiceren
    }
    scholen: dict[str, SchoolStand] = {}
    samenvattingen = corpus.samenvattingen
    for brin, school in samenvattingen.items():
        mine = [(s, published[s]) for s in school.netwerken if s in published]
        if not mine:
            continue
        laatst = last_change(school, commits)
        scholen[brin] = SchoolStand(school, mine, laatst, is_stale(laatst, vandaag), geteld)
    leden: dict[str, list[SchoolStand]] = {slug: [] for slug in published}
    for school in samenvattingen.values():
        for slug in school.netwerken:
            if slug in leden:
                leden[slug].append(scholen[school.brin])
    for members in leden.values():
        members.sort(key=lambda s: s.school.naam)
    return AdoptieView(corpus, vandaag, indeling(corpus), scholen, published, leden, geteld)
