"""The adoption part of the site: school checklists, network dashboards, an overview.

What they show is computed before anything is rendered (``adoptie.view``: only published
networks and their schools); this module turns it into pages, and into downloads with the
rows of ``render.checklist``.

Pages (all generated, none in the nav except the overview):

- ``netwerken/index.md``: the national overview ("leer van elkaar"), always there,
- ``netwerken/<slug>/index.md``: a network's dashboard, with a CSV and an XLSX,
- ``scholen/<BRIN>/index.html``: a school's implementation checklist (standalone HTML, published
  beside the MkDocs site: ``build.site_parts``), with a CSV and an XLSX.

Scale: there are ~7,000 schools. A school page holds its own checklist and links to its
networks, nothing that grows with the number of schools. It is left out of the search
index (``search: exclude``; Material's search plugin then does not even parse it), and its
tables are raw HTML (``render.checklist.Checklist``), every value escaped, one line per table,
which Python-Markdown passes through without parsing it as Markdown. That is not free:
MkDocs and Python-Markdown each run a pure-Python HTML parser over raw HTML, at a cost per
tag, so the table is as lean as HTML allows (see ``Checklist``). Links in raw HTML are not
rewritten by MkDocs, so they are written as the final relative directory URLs.

The templates use a Jinja environment with autoescaping (HTML is the default here). Every
text from the files goes through ``render.text`` as on the goal pages: ``inline`` (emphasis
and links), ``label`` (the text of a link), ``plain`` (page titles, attributes) and
``title`` (front matter); the results are safe in raw HTML and in Markdown alike. Every
value is put on one line (a blank line would end a raw HTML block).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import chain

from markupsafe import Markup

from leerdoelen.adoptie.staleness import SCHOLEN
from leerdoelen.adoptie.view import (
    AdoptieView,
    NetwerkCijfers,
    SchoolStand,
    adoptie_view,
    netwerk_cijfers,
    voorlopers,
)
from leerdoelen.core.clock import today
from leerdoelen.core.corpus import Corpus
from leerdoelen.export.xlsx import Blad, Waarde
from leerdoelen.export.xlsx_packed import read_packed
from leerdoelen.render import charts
from leerdoelen.render.adoptie_env import environment, html_link
from leerdoelen.render.checklist import (
    ONGEPUBLICEERD,
    SCHOLEN_KOLOMMEN,
    Checklist,
    checklist_koppen,
    checklist_workbook,
    matrix,
    netwerk_csv,
    scholen_rij,
    school_csv,
    school_rijen,
)
from leerdoelen.render.site import Reuse, Sink, Site, bewerk_url
from leerdoelen.render.slots import Slots, cell_placeholder, inline_slots, placeholder
from leerdoelen.render.theme import STYLESHEETS
from leerdoelen.util import parallel, progress
from leerdoelen.util.files import Written, contents

Files = list[tuple[str, str | bytes]]
Made = list[tuple[str, str | bytes | Written]]  # files, or where a sink has them
INHOUD = "inhoud"  # the slot of a dashboard: all but its title


class _Renderer:
    def __init__(
        self,
        view: AdoptieView,
        cijfers: dict[str, NetwerkCijfers],
        site: Site,
        paden: dict[str, str],
        versie: str,
        reuse: Reuse | None = None,
        sink: Sink | None = None,
    ) -> None:
        self.view = view
        self.cijfers = cijfers  # per published network: the overview's figures
        self.site = site
        self.paden = paden  # BRIN → its school file: the edit link, the workbook's Info
        self.versie = versie  # the goals' version, for the workbook's Info
        self.reuse = reuse
        self.sink = sink  # where the workers write the schools' and networks' files
        self.env = environment()
        self.checklist = Checklist(view.indeling, "../../")  # school pages: scholen/<BRIN>/
        self.koppen = checklist_koppen(view.indeling)  # the goals' cells of the downloads
        # Without a sink, the downloads of schools in a network, for its downloads, which
        # hold their rows too (``school_pages`` first: the network workers are forked
        # with these); with one, they are read back from it.
        self.own: dict[str, bytes] = {}
        self.slots: Slots = {}  # what counts schools on the dashboards and the overview

    def render(self, template: str, page: str, **context: object) -> str:
        body = self.env.get_template(f"adoptie/{template}").render(
            href=html_link(page),
            vandaag=self.view.vandaag,
            **context,
        )
        return body.lstrip("\n")

    def school_pages(self) -> Iterator[tuple[str, str | bytes | Written]]:
        """Every school's files, made in worker processes; its downloads, which its
        networks' downloads hold too, are kept in ``own`` when there is no sink. With a
        sink, the workers start now, and make them while this process goes on."""
        brins = [b for b, s in self.view.scholen.items() if not self._kept(f"scholen/{b}", [s])]
        todo = ((b,) for b in brins)
        made = parallel.pmap(self.school_files, todo, start=bool(self.sink), chunk=parallel.CHUNK)
        return self._school_results(brins, made)

    def _school_results(
        self, brins: list[str], made: Iterator[Made]
    ) -> Iterator[tuple[str, str | bytes | Written]]:
        in_network = {s.brin for leden in self.view.leden.values() for s in leden}
        counted = progress.counted(made, "Schoolpagina's maken", len(brins))
        for brin, files in zip(brins, counted, strict=True):
            if brin in in_network and self.sink is None:
                self.own.update((p, c) for p, c in files if isinstance(c, bytes))
            self._wrote(f"scholen/{brin}", files)
            yield from files

    def _kept(self, name: str, scholen: list[SchoolStand]) -> bool:
        """Whether an earlier build's files of ``name`` may stay: made from the same
        schools, with the same last change and staleness, and the same settings."""
        if self.reuse is None:
            return False
        standen = [(s.laatst, s.verouderd) for s in scholen]
        return self.reuse.kept(name, [s.brin for s in scholen], standen, self.versie, self.site)

    def _wrote(self, name: str, files: Made) -> None:
        if self.reuse is not None:
            self.reuse.wrote(name, [path for path, _ in files])

    def school_files(self, brin: str) -> Made:
        """A school's checklist page, CSV and XLSX; with a sink, written there."""
        stand = self.view.scholen[brin]
        folder = f"scholen/{brin}"
        page = f"{folder}/index.html"
        naam = f"checklist-{brin}"
        rijen = school_rijen(self.koppen, stand)
        if self.reuse is not None:
            self.reuse.keep_records(stand.school)
        files: Files = [
            (f"{folder}/{naam}.csv", school_csv(rijen)),
            (
                f"{folder}/{naam}.xlsx",
                checklist_workbook([stand], {brin: rijen}, self.versie, self.paden),
            ),
            (
                page,
                self.render(
                    "school.html.j2",
                    page,
                    up="../../",
                    stylesheets=STYLESHEETS,
                    site_naam=self.site.naam,
                    copyright=self.site.copyright,
                    stand=stand,
                    school=stand.school,
                    per_domein=self.view.per_domein(stand),
                    bestand=naam,
                    bewerken=bewerk_url(self.site, self.paden.get(brin, "")),
                    tabel=lambda sub, s=stand: Markup(self.checklist.tabel(sub, s.records)),
                ),
            ),
        ]
        return self._put(files)

    def netwerk_downloads(self) -> Iterable[tuple[str, str | bytes | Written]]:
        # A network's downloads hold all its schools' records: worth a worker sooner.
        slugs = [
            s for s in self.view.netwerken if not self._kept(f"netwerken/{s}", self.view.leden[s])
        ]
        for slug in slugs:  # here, once, not in each worker
            self.view.netwerk(slug)
        made = parallel.pmap(self.netwerk_files, ((s,) for s in slugs), parallel.MIN_ITEMS // 8)
        counted = progress.counted(made, "Netwerkpagina's maken", len(slugs))
        for slug, files in zip(slugs, counted, strict=True):
            self._wrote(f"netwerken/{slug}", files)
            yield from files

    def netwerk_files(self, slug: str) -> Made:
        """A network's CSV (every record of every school) and XLSX (its schools, and their
        status per checklist goal); what the schools' own downloads hold is taken from them."""
        stand = self.view.netwerk(slug)
        naam = f"netwerken/{slug}/netwerk-{slug}"
        scholen = stand.scholen
        per_school: dict[str, list[tuple[Waarde, ...]]] = {}

        def rijen(school: SchoolStand) -> list[tuple[Waarde, ...]]:
            """A school's checklist rows: only for what was not kept from its own files."""
            if school.brin not in per_school:
                per_school[school.brin] = school_rijen(self.koppen, school)
            return per_school[school.brin]

        codes = tuple(self.checklist.doel)  # every checklist goal, in checklist order
        sheets: tuple[Blad, ...] = (
            ("Scholen", SCHOLEN_KOLOMMEN, [scholen_rij(s) for s in scholen]),
            ("Leerdoelen", ("brin", "school", *codes), matrix(codes, scholen)),
        )
        packed = {
            s.brin: sheet
            for s in scholen
            if (xlsx := self._own(s.brin, "xlsx")) and (sheet := read_packed(xlsx, 1, s.brin))
        }
        forms = {s.brin: rijen(s) for s in scholen if s.brin not in packed}
        own_csv = partial(self._own, soort="csv")
        files: Files = [
            (f"{naam}.csv", netwerk_csv(scholen, rijen, own_csv, len(codes))),
            (
                f"{naam}.xlsx",
                checklist_workbook(list(scholen), forms, self.versie, self.paden, sheets, packed),
            ),
        ]
        return self._put(files)

    def _own(self, brin: str, soort: str) -> bytes | None:
        """A school's download as this build made it, or an earlier one that it kept."""
        path = f"scholen/{brin}/checklist-{brin}.{soort}"
        return self.own.get(path) if self.sink is None else self.sink.get(path)

    def _put(self, files: Files) -> Made:
        """``files``, written to the sink if there is one (in the worker that made them)."""
        if self.sink is None:
            return list(files)
        return [(path, self.sink.put(path, content)) for path, content in files]

    def netwerk_page(self, slug: str) -> tuple[str, str]:
        """A network's dashboard."""
        page = f"netwerken/{slug}/index.md"
        leden = self.view.leden[slug]
        standen = [(s.laatst, s.verouderd) for s in leden]
        name, inhoud = f"netwerken/{slug}/inhoud", None
        if self.reuse is not None:
            kept = self.reuse.recall(name, [s.brin for s in leden], standen, self.view.vandaag)
            inhoud = kept if isinstance(kept, str) else None
        if inhoud is None:
            inhoud = self._dashboard(slug, page)
            if self.reuse is not None:
                self.reuse.remember(name, inhoud)
        self.slots[page] = {INHOUD: inhoud}
        netwerk = self.view.netwerken[slug]
        return page, self.render(
            "netwerk.md.j2", page, netwerk=netwerk, inhoud=Markup(placeholder(INHOUD)[:-1])
        )

    def _dashboard(self, slug: str, page: str) -> str:
        """A network's dashboard below its title: what counts its schools."""
        stand = self.view.netwerk(slug)
        grafiek = charts.staafdiagram(
            [
                charts.Rij(k.kerndoel.code, k.counts, k.doelen * k.scholen)
                for k in stand.per_kerndoel
            ],
            "Status van de vastgestelde leerdoelen per kerndoel, over alle scholen van het netwerk",
        )
        return self.render(
            "netwerk_inhoud.md.j2",
            page,
            slug=slug,
            netwerk=stand.netwerk,
            scholen=stand.scholen,
            bestand=f"netwerk-{slug}",
            doelstellingen=stand.doelstellingen,
            kerndoelen=stand.per_kerndoel,
            grafiek=Markup(grafiek),
            achterblijvers=stand.achterblijvers,
            totaal=stand.totaal,
        )

    def overview(self) -> tuple[str, str]:
        page = "netwerken/index.md"
        cells: dict[str, str] = {}

        def slot(name: str, html: str) -> Markup:
            cells[name] = Markup(html)
            return cell_placeholder(name)

        text = self.render(
            "overzicht.md.j2",
            page,
            slot=slot,
            netwerken=list(self.cijfers.values()),
            per_kerndoel=voorlopers(self.view.corpus, self.cijfers.values()),
            voorbeeld=self.view.voorbeeld,
            doelen={  # per kerndoel its checklist goals, each linked to its leer van elkaar
                k.kerndoel.code: [d.code for d in k.doelen]
                for domein in self.view.indeling
                for sub in domein.subdomeinen
                for k in sub.kerndoelen
            },
        )
        self.slots[page] = cells
        return page, text


def render_adoptie(
    corpus: Corpus,
    commits: dict[str, dt.date] | None = None,
    vandaag: dt.date | None = None,
    site: Site | None = None,
    versie: str = ONGEPUBLICEERD,
) -> dict[str, str | bytes]:
    """The adoption pages and downloads, for a corpus that passed ``check``.

    ``commits`` maps a BRIN to its file's last commit date (``adoptie.staleness.commit_dates``);
    ``vandaag`` defaults to ``clock.today()``; ``versie`` is the goals' version (the newest
    release tag), for the workbooks. The overview is there even without data."""
    view = adoptie_view(corpus, commits or {}, vandaag or today())
    cijfers = {slug: netwerk_cijfers(view.netwerk(slug)) for slug in view.netwerken}
    pages, scholen, slots = adoptie_parts(view, cijfers, site, versie)
    inline_slots(pages, slots)
    pages.update(contents(scholen))
    return pages


def adoptie_parts(
    view: AdoptieView,
    cijfers: dict[str, NetwerkCijfers] | Callable[[], dict[str, NetwerkCijfers]],
    site: Site | None = None,
    versie: str = ONGEPUBLICEERD,
    reuse: Reuse | None = None,
    sink: Sink | None = None,
) -> tuple[dict[str, str | bytes], Iterator[tuple[str, str | bytes | Written]], Slots]:
    """``render_adoptie`` of ``view`` with every published network's figures, in three
    parts: the overview and the networks' dashboards (for the site generator), the
    downloads and school pages that skip it, made in worker processes as they are read, and
    the pages' slots (``render.slots``). With ``reuse``, the second part leaves out the
    files of an earlier build that may stay, and a dashboard's text that it kept is used.
    With ``sink``, the workers write the second part's files there as they make them: the
    stream then carries ``Written`` in their place, and the schools' workers start at once,
    before ``cijfers`` (which may be a function that counts them) is asked for."""
    site = site or Site()
    paden = {brin: f"{SCHOLEN}/{brin}.yaml" for brin in view.scholen}
    renderer = _Renderer(view, {}, site, paden, versie, reuse, sink)
    scholen = renderer.school_pages()  # first: the networks' workbooks reuse their forms
    renderer.cijfers = cijfers() if callable(cijfers) else cijfers
    pages: dict[str, str | bytes] = dict([renderer.overview()])
    pages.update(renderer.netwerk_page(slug) for slug in view.netwerken)
    return pages, chain(scholen, renderer.netwerk_downloads()), renderer.slots
