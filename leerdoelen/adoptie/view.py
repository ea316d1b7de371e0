"""What the adoption pages show, as data: computed from the corpus in one pass, before
anything is rendered. ``render.adoptie`` turns it into pages and downloads.

Only networks with ``publiceren: true`` are in it, and a school only when it is in at least
one of them; an unpublished network is not even named. There is nothing about individual
teachers or pupils: the model has none.

Stale records: a school's last change is the later of its file's last commit and its
newest ``datum`` (``adoptie.staleness``).

A school's progress per subdomein is the one part made per page (``AdoptieView.per_domein``),
where the page is rendered: kept for all ~7,000 schools at once it would cost memory that
nothing else needs.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

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
    records: dict[str, Stand]  # its current records
    netwerken: list[tuple[str, Netwerk]]  # the published ones only
    laatst: dt.date | None  # last change: git commit or newest datum
    verouderd: bool
    voortgang: Voortgang  # over the counted goals

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


Voorloper = tuple[str, Netwerk, KerndoelStand]  # slug, network, where it stands


def _voorlopers(
    corpus: Corpus, netwerken: dict[str, NetwerkStand]
) -> list[tuple[Kerndoel, list[Voorloper]]]:
    """Per kerndoel with counted goals, the networks furthest ahead on it."""
    voorlopers: dict[str, list[Voorloper]] = {}
    for slug, stand in netwerken.items():
        for k in stand.per_kerndoel:
            if k.percentage > 0:
                voorlopers.setdefault(k.kerndoel.code, []).append((slug, stand.netwerk, k))
    per_kerndoel = []
    for leeg in kerndoel_standen(corpus, []):  # the kerndoelen with counted goals
        code = leeg.kerndoel.code
        beste = sorted(
            voorlopers.get(code, []),
            key=lambda v: (-v[2].aandeel_volledig, -v[2].percentage, v[1].naam),
        )[:VOORLOPERS]
        per_kerndoel.append((leeg.kerndoel, beste))
    return per_kerndoel


# --- all of it ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AdoptieView:
    """Everything the adoption pages and downloads show."""

    vandaag: dt.date
    indeling: list[DomeinBlok]  # the checklist
    scholen: dict[str, SchoolStand]  # published schools, by BRIN in BRIN order
    netwerken: dict[str, NetwerkStand]  # published networks, by slug in slug order
    voorlopers: list[tuple[Kerndoel, list[Voorloper]]]  # the overview's "leer van elkaar"

    @property
    def voorbeeld(self) -> bool:
        """Some published network or school is made up."""
        return any(n.netwerk.voorbeeld for n in self.netwerken.values()) or any(
            s.voorbeeld for s in self.scholen.values()
        )

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
        recs = school.records
        laatst = last_change(school, commits)
        scholen[brin] = SchoolStand(
            school, recs, mine, laatst, is_stale(laatst, vandaag), voortgang(recs, geteld)
        )
    # A network's schools by name; the same name keeps BRIN order.
    leden: dict[str, list[SchoolStand]] = {slug: [] for slug in published}
    for school in samenvattingen.values():
        for slug in school.netwerken:
            if slug in leden:
                leden[slug].append(scholen[school.brin])
    netwerken = {
        slug: _netwerk(
            corpus, slug, sorted(leden[slug], key=lambda s: s.school.naam), geteld, vandaag
        )
        for slug in published
    }
    return AdoptieView(
        vandaag, indeling(corpus), scholen, netwerken, _voorlopers(corpus, netwerken)
    )
