"""Leer van elkaar per leerdoel (adoptie/praktijk.py): the index goal → network, its goal
page section, and the national overview's links to it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import SiteBuild
from test_site_html import Element, article, parse

from leerdoelen.adoptie.praktijk import NETWERKEN, VOORBEELDEN, leer_van_elkaar
from leerdoelen.core.adoptie import Netwerk, Registratie, School
from leerdoelen.core.corpus import Corpus
from leerdoelen.load.project import load_project
from leerdoelen.render.pages import render_pages
from leerdoelen.versions.log import History

GELDIG = Path(__file__).parent / "golden" / "geldig"
CODE = "DG-001"


def netwerk(naam: str, publiceren: bool = True, voorbeeld: bool = False) -> Netwerk:
    return Netwerk(
        naam=naam,
        soort="regionaal netwerk",
        contact="info@netwerk.example",
        publiceren=publiceren,
        voorbeeld=voorbeeld,
    )


def school(
    brin: str,
    netwerken: list[str],
    *doelen: Registratie,
    naam: str = "",
    voorbeeld: bool = False,
) -> School:
    return School(
        voorbeeld=voorbeeld,
        brin=brin,
        naam=naam or f"School {brin}",
        plaats="Ergens",
        soort="bao",
        netwerken=netwerken,
        doelen=list(doelen),
    )


def record(
    status: str = "ingevoerd",
    datum: dt.date | None = None,
    toelichting: str | None = None,
    bewijs: str | None = None,
    code: str = CODE,
    gearchiveerd: bool = False,
) -> Registratie:
    return Registratie.model_validate(
        {
            "code": code,
            "status": status,
            "datum": datum,
            "toelichting": toelichting,
            "bewijs": bewijs,
            "gearchiveerd": gearchiveerd,
        }
    )


def corpus_with(
    netwerken: dict[str, Netwerk], *scholen: School, base: Corpus | None = None
) -> Corpus:
    corpus = base or Corpus()
    corpus.netwerken.update(netwerken)
    corpus.scholen.update({s.brin: s for s in scholen})
    return corpus


# --- the index ----------------------------------------------------------------------------


def test_only_published_networks_count_and_are_named() -> None:
    corpus = corpus_with(
        {"open": netwerk("Open"), "dicht": netwerk("Dicht", publiceren=False)},
        school("11AA", ["open"], record()),
        school("11AB", ["open"], record(status="bezig")),
        school("11AC", ["dicht"], record(toelichting="Geheim")),
        school("11AD", ["open", "dicht"], record(toelichting="Wel te zien")),
    )
    [open_] = leer_van_elkaar(corpus)[CODE]
    assert (open_.slug, open_.scholen, open_.ingevoerd) == ("open", 3, 2)
    assert [v.brin for v in open_.voorbeelden] == ["11AD"]


def test_examples_are_bounded_newest_first_with_the_count_of_the_rest() -> None:
    dagen = [dt.date(2026, 1, d) for d in (3, 9, 1, 7)]
    scholen = [
        school(f"12A{chr(65 + i)}", ["n"], record(datum=d, toelichting=f"Tekst {i}"))
        for i, d in enumerate(dagen)
    ]
    scholen.append(school("12AZ", ["n"], record(status="bezig", bewijs="https://x.example/a")))
    scholen.append(school("12AY", ["n"], record(status="niet gestart")))  # nothing to show
    [stand] = leer_van_elkaar(corpus_with({"n": netwerk("N")}, *scholen))[CODE]
    assert len(stand.voorbeelden) == VOORBEELDEN == 3
    assert [v.datum for v in stand.voorbeelden] == sorted(dagen, reverse=True)[:3]
    assert stand.overige == 2  # one older, one without a datum
    assert (stand.scholen, stand.ingevoerd) == (6, 4)


def test_archived_records_and_goals_without_anything_to_show_are_left_out() -> None:
    corpus = corpus_with(
        {"n": netwerk("N")},
        school("13AA", ["n"], record(toelichting="Oud", gearchiveerd=True)),
        school("13AB", ["n"], record(status="verkend", code="DG-002")),
    )
    assert leer_van_elkaar(corpus) == {}


def test_networks_with_most_schools_ingevoerd_come_first() -> None:
    corpus = corpus_with(
        {"a": netwerk("Aap"), "b": netwerk("Beer")},
        school("14AA", ["a"], record(toelichting="x", status="bezig")),
        school("14AB", ["b"], record()),
    )
    assert [p.slug for p in leer_van_elkaar(corpus)[CODE]] == ["b", "a"]


def test_a_school_is_example_data_when_it_says_so_itself() -> None:
    netwerken = {"echt": netwerk("Echt"), "nep": netwerk("Nep", voorbeeld=True)}
    corpus = corpus_with(
        netwerken,
        school("15AA", ["nep"], record(toelichting="echt", datum=dt.date(2026, 2, 1))),
        school("15AB", ["echt"], record(toelichting="nep"), voorbeeld=True),
    )
    gezien = {v.brin: v.voorbeeld for p in leer_van_elkaar(corpus)[CODE] for v in p.voorbeelden}
    # A real school in an example network is real; a made-up one in a real network is not.
    assert gezien == {"15AA": False, "15AB": True}


# --- the goal page ------------------------------------------------------------------------

HOSTILE = "<script>alert(1)</script> [klik](javascript:alert(2)) <img src=x onerror=alert(3)>"


def goal_page(*scholen: School, netwerken: dict[str, Netwerk] | None = None) -> str:
    corpus = load_project(GELDIG, adoptie=False).corpus
    corpus_with(netwerken or {"n": netwerk("Netwerk <b>N</b>")}, *scholen, base=corpus)
    pages = render_pages(corpus, History("outside git"))
    text = str(pages[f"doelen/{CODE}/index.md"])
    return text[text.index("## Leer van elkaar") : text.index("??? abstract ld-geschiedenis")]


def test_the_goal_page_shows_counts_examples_and_the_rest() -> None:
    scholen = [
        school(
            f"16A{chr(65 + i)}", ["n"], record(datum=dt.date(2026, 2, 1 + i), toelichting=f"T{i}")
        )
        for i in range(5)
    ]
    section = goal_page(*scholen)
    assert "{ #leer-van-elkaar }" in section
    assert "5 van de 5 scholen hebben dit leerdoel ingevoerd" in section
    assert section.index("T4") < section.index("T3") < section.index("T2")
    assert "T1" not in section and "T0" not in section
    assert "en 2 andere scholen met een toelichting of bewijs" in section
    assert '<a href="../../scholen/16AE/">School 16AE</a>' in section


def test_hostile_school_text_stays_text() -> None:
    hostile = school(
        "17AA",
        ["n"],
        record(toelichting=HOSTILE, bewijs='https://x.example/"><script>x</script>'),
        naam="<script>naam</script>",
    )
    section = goal_page(hostile)
    assert "<script" not in section and "<img" not in section and "<b>" not in section
    assert 'href="javascript' not in section
    assert 'href="https://x.example/&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in section


def test_example_data_is_labelled() -> None:
    nep = {"nep": netwerk("Nep", voorbeeld=True)}
    section = goal_page(
        school("18AA", ["nep"], record(toelichting="x"), voorbeeld=True), netwerken=nep
    )
    assert section.count('<em class="ld-label">voorbeeld</em>') == 2  # network and school


def test_a_goal_page_names_a_bounded_number_of_networks() -> None:
    netwerken = {f"n{i:02d}": netwerk(f"Netwerk {i:02d}") for i in range(NETWERKEN + 2)}
    scholen = [school(f"20A{chr(65 + i)}", [slug], record()) for i, slug in enumerate(netwerken)]
    section = goal_page(*scholen, netwerken=netwerken)
    assert section.count("1 van de 1 school heeft dit leerdoel ingevoerd") == NETWERKEN
    assert "En 2 andere netwerken met scholen" in section


def test_without_published_schools_the_section_says_so() -> None:
    dicht = {"d": netwerk("D", publiceren=False)}
    section = goal_page(school("19AA", ["d"], record(toelichting="geheim")), netwerken=dicht)
    assert "Nog geen scholen" in section and "geheim" not in section


# --- the built site -----------------------------------------------------------------------


def _section(tree: Element) -> list[Element]:
    """The elements under the goal page's "Leer van elkaar" heading, up to the next one."""
    body = article(tree)
    [kop] = [h for h in body.find_all("h2") if h.attrs.get("id") == "leer-van-elkaar"]
    assert kop.parent is not None
    siblings = [c for c in kop.parent.children if isinstance(c, Element)]
    after = siblings[siblings.index(kop) + 1 :]
    return after[: next((i for i, e in enumerate(after) if e.tag == "h2"), len(after))]


@pytest.mark.usefixtures("site")
def test_a_goal_page_of_the_site_shows_leer_van_elkaar(site_build: SiteBuild) -> None:
    site = site_build.out
    overzicht = parse((site / "netwerken" / "index.html").read_text(encoding="utf-8"))
    links = [
        a.attrs["href"]
        for a in article(overzicht).find("div", "ld-leer").find_all("a")
        if a.attrs["href"].endswith("#leer-van-elkaar")
    ]
    assert links, "the overview links goals to their leer van elkaar"
    shown = 0
    for href in links:
        target = (site / "netwerken" / href.split("#")[0] / "index.html").resolve()
        section = _section(parse(target.read_text(encoding="utf-8")))
        items = [li for e in section for li in e.find_all("li")]
        for li in items:
            for a in li.find_all("a"):
                if a.attrs["href"].startswith("../../scholen/"):
                    school_page = target.parent / a.attrs["href"] / "index.html"
                    assert school_page.resolve().is_file()
                    shown += 1
    assert shown > 0


def test_each_network_is_its_own_paragraph_after_the_list_before() -> None:
    """Without a 'en N andere' line, the next network must not run into the last example."""
    import markdown

    section = goal_page(
        school("19AA", ["a"], record(toelichting="x")),
        school("19AB", ["b"], record(toelichting="y")),
        netwerken={"a": netwerk("A"), "b": netwerk("B")},
    )
    html = markdown.markdown(section, extensions=["attr_list", "md_in_html"])
    assert html.count("<ul>") == 2
    assert "<li><strong>" not in html and "x\n<strong>" not in html
