"""Generate the site's Markdown pages (and downloads) from the corpus.

Every page is a pure function of the corpus and the goals' git history: ``render_pages``
returns the whole docs tree as ``{relative path: content}``; the build writes only what
changed (``leerdoelen.commands.tree.write_tree``), so that a live preview does not rebuild
in a loop. Goal pages live at
``doelen/<CODE>/``, a URL made from the code alone.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import cache
from urllib.parse import quote

import jinja2

from leerdoelen.adoptie.praktijk import NETWERKEN, NetwerkPraktijk, leer_van_elkaar
from leerdoelen.core.catalogue import CATALOGUE
from leerdoelen.core.corpus import Corpus
from leerdoelen.core.model import GROEPEN, Kader, Leerdoel
from leerdoelen.export.tables import goals_csv
from leerdoelen.render.adoptie_env import html_link
from leerdoelen.render.dates import datum_nl
from leerdoelen.render.dekking import samenvatting
from leerdoelen.render.slo import per_niveau, slo_bron_tekst
from leerdoelen.render.slots import Slots, inline_slots, placeholder
from leerdoelen.render.text import block, inline, label, plain
from leerdoelen.slo.dekking import Dekking, dekking, omschrijving, slo_tekst
from leerdoelen.versions.log import History

SECTIONS = ("domeinen", "kerndoelen", "doelen", "leerlijnen", "groepen", "meldingen")
PRAKTIJK = "leer-van-elkaar"  # the slot of a goal page


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("leerdoelen.render", "templates"),
        autoescape=False,  # Markdown, not HTML: every text goes through a filter below
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # templates ship with the package: no stat per render
    )
    env.filters.update(
        md=block,
        inline=inline,
        label=label,  # the text of a link: no link in it
        title=lambda text: json.dumps(str(plain(text)), ensure_ascii=False),
        tooltip=plain,  # a link title: no quotes or parentheses that could end it
        literal=plain,
        datum=lambda moment: datum_nl(moment.date()),
    )
    env.globals.update(
        omschrijving=omschrijving,  # an uitwerking's words, and whether they are SLO's
        samenvatting=samenvatting,
        slo_tekst=slo_tekst,
        per_niveau=per_niveau,
        slo_bron_tekst=slo_bron_tekst,
        groepen=GROEPEN,
        datum_nl=datum_nl,
    )
    return env


def _linker(page: str) -> Callable[[str], str]:
    """Relative links from ``page`` (a generated ``…/index.md``) to a section or page folder.

    Every generated page sits a fixed number of folders below the docs root, so the
    way up is computed once per page.
    """
    up = "../" * page.count("/")
    return lambda target: f"{up}{target}/index.md"


def _school_url(brin: str) -> str:
    """From a goal page (``doelen/<CODE>/``) to a school's checklist: standalone HTML,
    linked as its final directory URL (MkDocs does not know it)."""
    return f"../../scholen/{brin}/"


class _Renderer:
    def __init__(
        self,
        corpus: Corpus,
        history: History,
        bewerken: str = "",
        versie: str = "",
        praktijk: dict[str, list[NetwerkPraktijk]] | None = None,
    ) -> None:
        self.corpus = corpus
        self.history = history
        self.bewerken = bewerken  # the web editor's URL, to which a file's path is added
        self.versie = versie  # the content's version in words, for the printed year plans
        self.env = _environment()
        # Leer van elkaar: once, for every goal page.
        self.praktijk = leer_van_elkaar(corpus) if praktijk is None else praktijk
        self.slots: Slots = {}
        goals = sorted(corpus.leerdoelen.values(), key=lambda d: d.code)
        self.current = [d for d in goals if d.status != "vervallen"]
        self.retired = [d for d in goals if d.status == "vervallen"]
        self.replaces: dict[str, list[str]] = {}  # new code → the vervallen goals it replaces
        for doel in self.retired:
            for code in doel.vervangen_door or ():
                self.replaces.setdefault(code, []).append(doel.code)
        self.by_doelzin: dict[str, list[Leerdoel]] = {}
        self.also_by_doelzin: dict[str, list[Leerdoel]] = {}
        for doel in self.current:
            self.by_doelzin.setdefault(doel.doelzin, []).append(doel)
            for code in doel.ook_bij:
                self.also_by_doelzin.setdefault(code, []).append(doel)

    def render(self, template: str, page: str, **context: object) -> str:
        body = self.env.get_template(template).render(
            {
                "url": _linker(page),
                "open_data": lambda name: "../" * page.count("/") + f"open-data/{name}",
                "corpus": self.corpus,
                "huidige": lambda code: self.by_doelzin.get(code, []),
                "ook_bij_doelen": lambda code: self.also_by_doelzin.get(code, []),
                **context,
            }
        )
        return body.lstrip("\n")

    def kaders(self) -> list[Kader]:
        return [self.corpus.kaders[d] for d in sorted(self.corpus.kaders)]

    def goal_pages(self) -> Iterable[tuple[str, str]]:
        corpus = self.corpus
        goals = corpus.leerdoelen
        for doel in sorted(goals.values(), key=lambda d: d.code):
            page = f"doelen/{doel.code}/index.md"
            praktijk = self.praktijk.get(doel.code, [])
            plek = corpus.plek(doel)
            assert plek is not None, "render only a corpus that passed check"
            path = corpus.sources[doel.code].path
            if doel.status != "vervallen":  # leer van elkaar counts schools: a slot
                self.slots[page] = {
                    PRAKTIJK: self.render(
                        "praktijk.md.j2",
                        page,
                        url=html_link(page),  # the build converts a slot itself
                        praktijk=praktijk[:NETWERKEN],
                        meer_netwerken=len(praktijk[NETWERKEN:]),
                        school_url=_school_url,
                    )
                }
            yield (
                page,
                self.render(
                    "leerdoel.md.j2",
                    page,
                    doel=doel,
                    plek=plek,
                    ook_bij=[corpus.doelzinnen[c] for c in doel.ook_bij],
                    voorkennis=[goals[c] for c in doel.voorkennis],
                    vervolg=sorted(
                        (goals[c] for c in corpus.voorkennis_voor.get(doel.code, [])),
                        key=lambda d: d.code,
                    ),
                    gerelateerd=[goals[c] for c in doel.gerelateerd],
                    vervangt=[goals[c] for c in self.replaces.get(doel.code, [])],
                    historie=self.history,
                    geschiedenis=self.history.of(path),
                    bewerken=self.bewerken and self.bewerken + quote(path),
                    leer_van_elkaar=placeholder(PRAKTIJK)[:-1],
                ),
            )

    def frame_pages(self) -> Iterable[tuple[str, str]]:
        for kader in self.kaders():
            page = f"domeinen/{kader.domein}/index.md"
            retired = [d for d in self.retired if self.corpus.domein_van[d.code] == kader.domein]
            yield page, self.render("domein.md.j2", page, kader=kader, vervallen=retired)
            page = f"leerlijnen/{kader.domein}/index.md"
            rows = [
                {
                    "doelzin": zin,
                    "cellen": [
                        [d for d in self.by_doelzin.get(zin.code, []) if groep in d.groepen]
                        for groep in GROEPEN
                    ],
                }
                for sub in kader.subdomeinen
                for kern in sub.kerndoelen
                for zin in kern.doelzinnen
            ]
            yield (
                page,
                self.render("leerlijn.md.j2", page, kader=kader, groepen=GROEPEN, rijen=rows),
            )
            for subdomein in kader.subdomeinen:
                for kerndoel in subdomein.kerndoelen:
                    page = f"kerndoelen/{kerndoel.code}/index.md"
                    yield (
                        page,
                        self.render(
                            "kerndoel.md.j2",
                            page,
                            kader=kader,
                            subdomein=subdomein,
                            kerndoel=kerndoel,
                        ),
                    )

    def groep_pages(self) -> Iterable[tuple[str, str | bytes]]:
        for groep in GROEPEN:
            doelen = [d for d in self.current if groep in d.groepen]
            csv_name = f"leerdoelen-groep-{groep}.csv"
            per_domein = []
            for kader in self.kaders():
                per_sub = []
                for subdomein in kader.subdomeinen:
                    rows = [
                        (d, plek)
                        for d in doelen
                        if (plek := self.corpus.plek(d)) and plek.subdomein is subdomein
                    ]
                    if rows:
                        per_sub.append((subdomein, rows))
                per_domein.append((kader, per_sub))
            # The download lists the goals in the page's order: by domein and subdomein.
            op_pagina = [d for _, per_sub in per_domein for _, rows in per_sub for d, _ in rows]
            shown = {d.code for d in op_pagina}  # not `in op_pagina`: n² model comparisons
            rest = [d for d in doelen if d.code not in shown]
            yield f"groepen/{groep}/{csv_name}", goals_csv(op_pagina + rest, self.corpus)
            page = f"groepen/{groep}/index.md"
            yield (
                page,
                self.render(
                    "groep.md.j2",
                    page,
                    groep=groep,
                    csv=csv_name,
                    per_domein=per_domein,
                    versie=self.versie,
                ),
            )

    def dekking_pages(self, overzicht: Dekking) -> Iterable[tuple[str, str]]:
        """``dekking/`` and a page per domein: SLO's po uitwerkingen and what covers them."""
        page = "dekking/index.md"
        yield page, self.render("dekking.md.j2", page, dekking=overzicht, domein=None)
        for domein in overzicht.domeinen:
            page = f"dekking/{domein.kader.domein}/index.md"
            zinnen = [zin.plek.doelzin.code for zin, _ in domein.gaten]
            yield (
                page,
                self.render(
                    "dekking.md.j2",
                    page,
                    dekking=overzicht,
                    domein=domein,
                    gat_doelzinnen=list(dict.fromkeys(zinnen)),
                ),
            )

    def section_pages(self) -> Iterable[tuple[str, str]]:
        kaders = self.kaders()
        per_domein = [
            (k, [d for d in self.current if self.corpus.domein_van[d.code] == k.domein])
            for k in kaders
        ]
        context = {
            "kaders": kaders,
            "per_domein": per_domein,
            "aantal": len(self.current),
            "groepen": GROEPEN,
            "aantallen": {g: sum(g in d.groepen for d in self.current) for g in GROEPEN},
            "catalogus": list(CATALOGUE.items()),
        }
        for section in SECTIONS:
            page = f"{section}/index.md"
            yield page, self.render("overzichten.md.j2", page, sectie=section, **context)


def render_pages(
    corpus: Corpus, history: History, bewerken: str = "", versie: str = ""
) -> dict[str, str | bytes]:
    """The generated part of the docs tree, for a corpus that passed ``check``.

    ``history`` is the git history of the goal files (``leerdoelen.versions.log``);
    ``bewerken`` the repository's web editor URL (``Site.bewerken``): with it, every goal
    page links to its file there. ``versie``: the content's version in words
    (``commands.build.version_text``), printed on the groep pages' year plans.
    """
    pages, slots = page_parts(corpus, history, bewerken, versie)
    inline_slots(pages, slots)
    return pages


def page_parts(
    corpus: Corpus,
    history: History,
    bewerken: str = "",
    versie: str = "",
    praktijk: dict[str, list[NetwerkPraktijk]] | None = None,
) -> tuple[dict[str, str | bytes], Slots]:
    """``render_pages`` with its slots apart (``render.slots``): leer van elkaar, per goal
    ``praktijk`` when given (``adoptie.praktijk.per_leerdoel``), else from the corpus."""
    renderer = _Renderer(corpus, history, bewerken, versie, praktijk)
    pages: dict[str, str | bytes] = {}
    for part in (
        renderer.section_pages(),
        renderer.frame_pages(),
        renderer.goal_pages(),
        renderer.groep_pages(),
        renderer.dekking_pages(dekking(corpus)),
    ):
        pages.update(part)
    return pages, renderer.slots
