"""The adoption part of the site: school checklists, network dashboards, an overview.

Only networks with ``publiceren: true`` are shown, and a school only when it is in at least
one of them; an unpublished network is not even named. There is nothing about individual
teachers or pupils to show: the model has none.

Pages (all generated, none in the nav except the overview):

- ``netwerken/index.md``: the national overview ("leer van elkaar"), always there,
- ``netwerken/<slug>/index.md``: a network's dashboard, with a CSV and an XLSX,
- ``scholen/<BRIN>/index.html``: a school's implementation checklist (standalone HTML, published
  beside the MkDocs site: ``build.STANDALONE``), with a CSV and an XLSX.

Scale: there are ~7,000 schools. A school page holds its own checklist and links to its
networks, nothing that grows with the number of schools. It is left out of the search
index (``search: exclude``; Material's search plugin then does not even parse it), and its
tables are raw HTML written here (``Checklist``), every value escaped, one line per table,
which Python-Markdown passes through without parsing it as Markdown. That is not free:
MkDocs and Python-Markdown each run a pure-Python HTML parser over raw HTML, at a cost per
tag, so the table is as lean as HTML allows (see ``Checklist``). Links in raw HTML are not
rewritten by MkDocs, so they are written as the final relative directory URLs.

Stale records: a school's last change is the later of its file's last commit and its
newest ``datum`` (``adoptie.history``), except for schools that are only in example
networks: fictional data was committed whenever, so only its own dates count.

The templates use a Jinja environment with autoescaping (HTML is the default here). Every
text from the files goes through ``render.text`` as on the goal pages: ``inline`` (emphasis
and links), ``label`` (the text of a link), ``plain`` (page titles, attributes) and
``title`` (front matter); the results
are safe in raw HTML and in Markdown alike. Every value is put on one line (a blank line
would end a raw HTML block).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property

import jinja2
from markupsafe import Markup

from leerdoelen.adoptie.progress import (
    DoelstellingStand,
    KerndoelStand,
    NetwerkStand,
    Voortgang,
    checklist_goals,
    counted_goals,
    kerndoel_standen,
    records,
    voortgang,
)
from leerdoelen.adoptie.staleness import is_stale, last_change
from leerdoelen.core.adoptie import ADOPTIE_STATUSSEN, Netwerk, Registratie, School
from leerdoelen.core.clock import today
from leerdoelen.core.corpus import Corpus
from leerdoelen.core.model import Kader, Kerndoel, Leerdoel, Subdomein
from leerdoelen.export.tables import Blad, Waarde, csv_bytes, xlsx_bytes
from leerdoelen.render import charts
from leerdoelen.render.dates import datum_nl
from leerdoelen.render.text import inline, label, plain
from leerdoelen.util import parallel

SOORT = {"bao": "basisonderwijs", "sbo": "speciaal basisonderwijs", "so": "speciaal onderwijs"}
SCHOOL_KOLOMMEN = (
    "code",
    "titel",
    "domein",
    "subdomein",
    "kerndoel",
    "leerdoelstatus",
    "status",
    "groepen",
    "datum",
    "toelichting",
    "bewijs",
)
# The columns with free text (titles, names, toelichting, bewijs): the CSV's formula guard.
SCHOOL_TEKST = tuple(
    SCHOOL_KOLOMMEN.index(k) for k in ("titel", "domein", "subdomein", "toelichting", "bewijs")
)
NETWERK_KOLOMMEN = ("brin", "school", "plaats", *SCHOOL_KOLOMMEN)
NETWERK_TEKST = (1, 2, *(i + 3 for i in SCHOOL_TEKST))
SCHOLEN_KOLOMMEN = (
    "brin",
    "school",
    "plaats",
    "soort",
    *reversed(ADOPTIE_STATUSSEN),
    "vastgestelde leerdoelen",
    "percentage ingevoerd",
    "laatste wijziging",
    "verouderd",
)
VOORLOPERS = 3  # networks named per kerndoel in the overview


@dataclass(frozen=True)
class Site:
    """What a standalone page needs from mkdocs.yml."""

    naam: str = "Leerdoelen"
    copyright: str = ""
    # mkdocs.yml's site_url: the base of the URIs in the open data (CASE). A placeholder
    # until the site has its address.
    url: str = "https://leerdoelen.example/"


def _theme_stylesheets() -> tuple[str, ...]:
    """Material's own stylesheets, by their (hashed) names, as MkDocs copies them."""
    try:
        from importlib.resources import files

        folder = files("material") / "templates" / "assets" / "stylesheets"
        names = sorted(p.name for p in folder.iterdir())
    except (ImportError, OSError):  # another theme or generator: our stylesheet still works
        return ()
    return tuple(
        f"assets/stylesheets/{name}"
        for name in names
        if name.endswith(".min.css") and name.startswith(("main.", "palette."))
    )


STYLESHEETS = (*_theme_stylesheets(), "assets/leerdoelen.css")


def _html_link(page: str) -> Callable[[str], str]:
    """Relative directory URLs from ``page`` (``…/index.md``), for links in raw HTML."""
    up = "../" * page.count("/")
    return lambda target: f"{up}{target}/"


def _one_line(value: object) -> object:
    """Every text from the data on one line: a blank line would end a raw HTML block."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return " ".join(value.split())
    return value


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("leerdoelen.render", "templates"),
        autoescape=True,  # raw HTML is the default here; Markdown text uses the filters
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # templates ship with the package: no stat per render
        finalize=_one_line,
    )
    env.filters.update(
        inline=inline,
        label=label,
        plain=plain,
        title=lambda text: Markup(json.dumps(str(plain(text)), ensure_ascii=False)),
        datum=datum_nl,
        kort=lambda datum: datum.strftime("%d-%m-%Y"),
    )
    env.globals.update(
        statusbalk=lambda *a: Markup(charts.statusbalk(*a)),
        doelstellingbalk=lambda *a: Markup(charts.doelstellingbalk(*a)),
        legenda=lambda: Markup(charts.legenda()),
        SOORT=SOORT,
    )
    return env


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
    per_kerndoel: dict[str, list[Leerdoel]] = {}
    for doel in checklist_goals(corpus):
        plek = corpus.plek(doel)
        if plek is not None:
            per_kerndoel.setdefault(plek.kerndoel.code, []).append(doel)
    blokken = []
    for domein in sorted(corpus.kaders):
        kader = corpus.kaders[domein]
        subs = []
        for subdomein in kader.subdomeinen:
            kerns = [
                KerndoelBlok(k, per_kerndoel[k.code])
                for k in subdomein.kerndoelen
                if k.code in per_kerndoel
            ]
            if kerns:
                subs.append(SubdomeinBlok(subdomein, kerns))
        if subs:
            blokken.append(DomeinBlok(kader, subs))
    return blokken


# --- the checklist table -----------------------------------------------------------------


CHECKLIST_KOP = "<thead><tr><th>Klaar<th>Code<th>Leerdoel<th>Groepen<th>Status<th>Datum</thead>"


class Checklist:
    """The checklist tables of school pages, as lean one-line HTML.

    A school page is ~90 rows, and MkDocs and Python-Markdown each run a pure-Python HTML
    parser over raw HTML: the cost is per tag and per line. So the table is one line, with
    the end tags that HTML lets out (``</td>``, ``</tr>``, ``</th>``, ``</thead>``) left
    out and no attributes on the rows; the CSS finds the columns by position. The part of
    a row that is the same for every school (code link, titel) is made once per corpus.
    """

    def __init__(self, indeling: list[DomeinBlok], up: str) -> None:
        self.kerndoel: dict[str, str] = {}
        self.doel: dict[str, str] = {}
        for domein in indeling:
            for sub in domein.subdomeinen:
                for kern in sub.kerndoelen:
                    k = kern.kerndoel
                    self.kerndoel[k.code] = (
                        f'<tbody><tr class="ld-kerndoel"><th colspan="6">'
                        f'<a href="{up}kerndoelen/{k.code}/">{k.code}</a> {inline(k.titel)}'
                    )
                    for doel in kern.doelen:
                        mark = f" <em>{doel.status}</em>" if doel.status != "vastgesteld" else ""
                        self.doel[doel.code] = (
                            f'<td><a href="{up}doelen/{doel.code}/">{doel.code}</a>'
                            f"<td>{inline(doel.titel)}{mark}"
                        )

    def tabel(self, sub: SubdomeinBlok, recs: dict[str, Registratie]) -> str:
        parts = ['<div class="ld-checklist"><table>', CHECKLIST_KOP]
        for kern in sub.kerndoelen:
            parts.append(self.kerndoel[kern.kerndoel.code])
            for doel in kern.doelen:
                r = recs.get(doel.code)
                if r is None:
                    groepen = ", ".join(doel.groepen)
                    parts.append(
                        f"<tr><td>☐{self.doel[doel.code]}<td>({groepen})<td>niet gestart<td>"
                    )
                    continue
                extra = ""
                if r.toelichting:
                    extra += f'<br><small class="ld-toelichting">{inline(r.toelichting)}</small>'
                if r.bewijs:
                    extra += (
                        f'<br><a class="ld-bewijs" href="{plain(r.bewijs)}" '
                        'rel="nofollow noopener">bewijs</a>'
                    )
                groepen = ", ".join(r.groepen) if r.groepen else f"({', '.join(doel.groepen)})"
                datum = r.datum.strftime("%d-%m-%Y") if r.datum else ""
                vink = "☑" if r.status == "ingevoerd" else "☐"
                parts.append(
                    f"<tr><td>{vink}{self.doel[doel.code]}{extra}<td>{groepen}<td>{r.status}"
                    f"<td>{datum}"
                )
        parts.append("</table></div>")
        return "".join(parts)


# --- schools ------------------------------------------------------------------------------


@dataclass
class SchoolStand:
    """A published school: its records, its published networks and its progress."""

    school: School
    records: dict[str, Registratie]
    netwerken: list[tuple[str, Netwerk]]  # the published ones only
    laatst: dt.date | None  # last change: git commit or newest datum
    verouderd: bool
    voortgang: Voortgang  # over the counted goals

    @property
    def brin(self) -> str:
        return self.school.brin

    @property
    def voorbeeld(self) -> bool:
        return any(n.voorbeeld for _, n in self.netwerken)


def school_rij(
    doel: Leerdoel, blok: tuple[Kader, Subdomein, Kerndoel], record: Registratie | None
) -> tuple[Waarde, ...]:
    """One goal of a school's checklist, as the downloads have it."""
    kader, subdomein, kerndoel = blok
    return (
        doel.code,
        doel.titel,
        kader.titel,
        subdomein.titel,
        kerndoel.code,
        doel.status,
        record.status if record else "niet gestart",
        ", ".join(record.groepen) if record else "",
        record.datum.isoformat() if record and record.datum else "",
        " ".join(record.toelichting.split()) if record and record.toelichting else "",
        (record.bewijs or "") if record else "",
    )


class _Renderer:
    def __init__(
        self, corpus: Corpus, commits: dict[str, dt.date], vandaag: dt.date | None, site: Site
    ) -> None:
        self.corpus = corpus
        self.site = site
        self.env = _environment()
        self.vandaag = vandaag or today()
        self.indeling = indeling(corpus)
        self.geteld = counted_goals(corpus)
        self.netwerken = {
            slug: corpus.netwerken[slug]
            for slug in sorted(corpus.netwerken)
            if corpus.netwerken[slug].publiceren
        }
        self.scholen: dict[str, SchoolStand] = {}
        for brin in sorted(corpus.scholen):
            school = corpus.scholen[brin]
            mine = [(s, self.netwerken[s]) for s in school.netwerken if s in self.netwerken]
            if not mine:
                continue
            recs = records(school)
            laatst = last_change(school, commits)
            self.scholen[brin] = SchoolStand(
                school,
                recs,
                mine,
                laatst,
                is_stale(laatst, self.vandaag),
                voortgang(recs, self.geteld),
            )
        self.standen = {slug: NetwerkStand(corpus, slug) for slug in self.netwerken}
        self.checklist = Checklist(self.indeling, "../../")  # school pages: scholen/<BRIN>/

    def render(self, template: str, page: str, **context: object) -> str:
        body = self.env.get_template(f"adoptie/{template}").render(
            href=_html_link(page),
            vandaag=self.vandaag,
            **context,
        )
        return body.lstrip("\n")

    def school_rijen(self, stand: SchoolStand) -> Iterable[tuple[Waarde, ...]]:
        for domein in self.indeling:
            for sub in domein.subdomeinen:
                for kern in sub.kerndoelen:
                    for doel in kern.doelen:
                        yield school_rij(
                            doel,
                            (domein.kader, sub.subdomein, kern.kerndoel),
                            stand.records.get(doel.code),
                        )

    def school_pages(self) -> Iterable[tuple[str, str | bytes]]:
        # Each school's files are made in a worker process (see leerdoelen.util.parallel).
        for files in parallel.pmap(self.school_files, ((brin,) for brin in self.scholen)):
            yield from files

    def school_files(self, brin: str) -> list[tuple[str, str | bytes]]:
        """A school's checklist page, CSV and XLSX."""
        stand = self.scholen[brin]
        folder = f"scholen/{brin}"
        page = f"{folder}/index.html"
        naam = f"checklist-{brin}"
        rijen = list(self.school_rijen(stand))
        return [
            (f"{folder}/{naam}.csv", csv_bytes(SCHOOL_KOLOMMEN, rijen, SCHOOL_TEKST)),
            (f"{folder}/{naam}.xlsx", xlsx_bytes([("Checklist", SCHOOL_KOLOMMEN, rijen)])),
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
                    indeling=self.indeling,
                    bestand=naam,
                    voortgang_van=lambda doelen, s=stand: voortgang(s.records, doelen),
                    tabel=lambda sub, s=stand: Markup(self.checklist.tabel(sub, s.records)),
                ),
            ),
        ]

    # --- networks ---------------------------------------------------------------------

    def netwerk_scholen(self, slug: str) -> list[SchoolStand]:
        return [self.scholen[s.brin] for s in self.standen[slug].scholen]

    def netwerk_pages(self) -> Iterable[tuple[str, str | bytes]]:
        # A network's downloads hold all its schools' records: worth a worker sooner.
        slugs = ((slug,) for slug in self.netwerken)
        for files in parallel.pmap(self.netwerk_files, slugs, parallel.MIN_ITEMS // 8):
            yield from files

    def netwerk_files(self, slug: str) -> list[tuple[str, str | bytes]]:
        """A network's dashboard; its CSV (every record of every school) and XLSX (its
        schools, and their status per checklist goal)."""
        netwerk = self.netwerken[slug]
        folder = f"netwerken/{slug}"
        page = f"{folder}/index.md"
        naam = f"netwerk-{slug}"
        stand = self.standen[slug]
        scholen = self.netwerk_scholen(slug)
        lang = [
            (s.brin, s.school.naam, s.school.plaats, *rij)
            for s in scholen
            for rij in self.school_rijen(s)
        ]
        codes = tuple(self.checklist.doel)
        sheets: list[Blad] = [
            ("Scholen", SCHOLEN_KOLOMMEN, [self.scholen_rij(s) for s in scholen]),
            ("Leerdoelen", ("brin", "school", *codes), self.matrix(scholen)),
        ]
        return [
            (f"{folder}/{naam}.csv", csv_bytes(NETWERK_KOLOMMEN, lang, NETWERK_TEKST)),
            (f"{folder}/{naam}.xlsx", xlsx_bytes(sheets)),
            (
                page,
                self.render(
                    "netwerk.md.j2",
                    page,
                    slug=slug,
                    netwerk=netwerk,
                    scholen=scholen,
                    bestand=naam,
                    doelstellingen=[(d, self.bereik(d)) for d in stand.doelstellingen()],
                    kerndoelen=stand.per_kerndoel,
                    grafiek=Markup(
                        charts.staafdiagram(
                            [
                                charts.Rij(k.kerndoel.code, k.counts, k.doelen * k.scholen)
                                for k in stand.per_kerndoel
                            ],
                            "Status van de vastgestelde leerdoelen per kerndoel, over alle "
                            "scholen van het netwerk",
                        )
                    ),
                    achterblijvers=stand.achterblijvers() if scholen else [],
                    totaal=self.samen(scholen),
                ),
            ),
        ]

    def matrix(self, scholen: Sequence[SchoolStand]) -> Iterable[tuple[Waarde, ...]]:
        """One row per school: its status for every checklist goal (a column each)."""
        codes = self.checklist.doel  # every checklist goal, in checklist order
        for s in scholen:
            recs = s.records
            yield (
                s.brin,
                s.school.naam,
                *(r.status if (r := recs.get(code)) else "niet gestart" for code in codes),
            )

    def scholen_rij(self, s: SchoolStand) -> tuple[Waarde, ...]:
        v = s.voortgang
        return (
            s.brin,
            s.school.naam,
            s.school.plaats,
            SOORT[s.school.soort],
            *(v.counts[status] for status in reversed(ADOPTIE_STATUSSEN)),
            v.total,
            v.percentage,
            s.laatst.isoformat() if s.laatst else "",
            "ja" if s.verouderd else "nee",
        )

    def samen(self, scholen: Sequence[SchoolStand]) -> Voortgang:
        """The statuses of all school × counted goal pairs of a group of schools."""
        counts: Counter[str] = Counter()
        for s in scholen:
            counts.update(s.voortgang.counts)
        return Voortgang(counts, len(self.geteld) * len(scholen))

    def bereik(self, stand: DoelstellingStand) -> dict[str, object]:
        """What a target is about, for its row on the dashboard."""
        doel = stand.doelstelling
        if doel.kerndoel:
            kerndoel = self.corpus.kerndoelen.get(doel.kerndoel)
            return {"soort": "kerndoel", "code": doel.kerndoel, "kerndoel": kerndoel}
        if doel.domein:
            kader = self.corpus.kaders.get(doel.domein)
            return {"soort": "domein", "kader": kader, "code": doel.domein}
        return {"soort": "leerdoelen", "codes": list(doel.leerdoelen)}

    # --- the overview -----------------------------------------------------------------

    def overview(self) -> tuple[str, str]:
        page = "netwerken/index.md"
        rijen = []
        voorlopers: dict[str, list[tuple[str, Netwerk, KerndoelStand]]] = {}
        for slug, netwerk in self.netwerken.items():
            stand = self.standen[slug]
            scholen = self.netwerk_scholen(slug)
            doelen = stand.doelstellingen()
            rijen.append(
                {
                    "slug": slug,
                    "netwerk": netwerk,
                    "scholen": len(scholen),
                    "totaal": self.samen(scholen),
                    "gehaald": sum(d.bereikt for d in doelen),
                    "doelstellingen": len(doelen),
                }
            )
            for k in stand.per_kerndoel:
                if k.percentage > 0:
                    voorlopers.setdefault(k.kerndoel.code, []).append((slug, netwerk, k))
        per_kerndoel = []
        for leeg in kerndoel_standen(self.corpus, []):  # the kerndoelen with counted goals
            code = leeg.kerndoel.code
            beste = sorted(
                voorlopers.get(code, []),
                key=lambda v: (-v[2].aandeel_volledig, -v[2].percentage, v[1].naam),
            )[:VOORLOPERS]
            per_kerndoel.append((leeg.kerndoel, beste))
        return page, self.render(
            "overzicht.md.j2",
            page,
            netwerken=rijen,
            per_kerndoel=per_kerndoel,
            voorbeeld=any(n.voorbeeld for n in self.netwerken.values()),
        )


def render_adoptie(
    corpus: Corpus,
    commits: dict[str, dt.date] | None = None,
    vandaag: dt.date | None = None,
    site: Site | None = None,
) -> dict[str, str | bytes]:
    """The adoption pages and downloads, for a corpus that passed ``check``.

    ``commits`` maps a BRIN to its file's last commit date (``adoptie.history.commit_dates``);
    ``vandaag`` defaults to ``clock.today()``. The overview is there even without data.
    """
    renderer = _Renderer(corpus, commits or {}, vandaag, site or Site())
    pages: dict[str, str | bytes] = dict([renderer.overview()])
    pages.update(renderer.netwerk_pages())
    pages.update(renderer.school_pages())
    return pages
