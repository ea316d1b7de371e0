"""The adoption part of the site: school checklists, network dashboards, the overview.

Most tests read the site that ``conftest.site_build`` built once for the session: the
bundled content and example adoption data plus the adoption test files of ``conftest``
(a published network ``toets-open``, an unpublished ``toets-besloten``, an example network,
a school whose texts try to inject HTML, a stale school). The rest render a small project
in-process (``conftest.klein_project``) or test the parts (git history, XLSX) directly.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import git
import openpyxl
import pytest
import yaml
from conftest import (
    EXAMPLE_NETWORK,
    EXAMPLE_SCHOOL,
    HIDDEN_NETWORK,
    HIDDEN_SCHOOL,
    OPEN_NETWORK,
    STALE_SCHOOL,
    XSS_SCHOOL,
    SiteBuild,
    klein_project,
)
from test_site_html import Element, article, parse

from leerdoelen.adoptie.staleness import commit_dates, is_stale, last_change
from leerdoelen.adoptie.view import adoptie_view
from leerdoelen.commands.build import generate
from leerdoelen.commands.check import check
from leerdoelen.core.adoptie import School, samenvatting
from leerdoelen.export.tables import csv_bytes, csv_records, csv_row, groepen_tekst
from leerdoelen.export.xlsx import xlsx_bytes
from leerdoelen.export.xlsx_packed import packed_sheet, read_packed
from leerdoelen.export.xlsx_sheet import Formulier
from leerdoelen.render.adoptie import _Renderer, render_adoptie
from leerdoelen.render.checklist import (
    NETWERK_GROEPEN,
    NETWERK_KOLOMMEN,
    NETWERK_TEKST,
    ONGEPUBLICEERD,
    SCHOOL_FORMULIER,
    checklist_koppen,
    school_rijen,
)
from leerdoelen.render.site import Site
from leerdoelen.versions.log import read_history

VANDAAG = dt.date(2026, 11, 29)
SCHOOL_CSV = [
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
]

# ---------------------------------------------------------------------------------------
# Reading the site


@pytest.fixture(scope="module")
def content(site_build: SiteBuild) -> dict:
    """The session's content as plain YAML data: goals, networks and schools."""
    root = site_build.root
    goals = {}
    for path in sorted((root / "goals").glob("*/*.yaml")):
        if path.name != "kader.yaml":
            goal = yaml.safe_load(path.read_text(encoding="utf-8"))
            goals[goal["code"]] = goal
    netwerken = {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((root / "adoptie" / "netwerken").glob("*.yaml"))
    }
    scholen = {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((root / "adoptie" / "scholen").glob("*.yaml"))
    }
    kaders = {
        p.parent.name: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((root / "goals").glob("*/kader.yaml"))
    }
    return {"goals": goals, "netwerken": netwerken, "scholen": scholen, "kaders": kaders}


def page(site: Path, path: str) -> tuple[str, Element]:
    source = (site / path).read_text(encoding="utf-8")
    return source, parse(source)


class _Rows(HTMLParser):
    """The rows of the checklist tables: lean HTML without end tags for cells and rows,
    which a browser closes implicitly; so does this."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[tuple[str, list[str], list[str]]] = []  # (tr class, cells, hrefs)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append((dict(attrs).get("class") or "", [], []))
        elif tag in ("td", "th") and self.rows:
            self.rows[-1][1].append("")
        elif tag == "a" and self.rows:
            self.rows[-1][2].append(dict(attrs).get("href") or "")

    def handle_data(self, data: str) -> None:
        if self.rows and self.rows[-1][1]:
            self.rows[-1][1][-1] += data


def checklist(source: str) -> list[tuple[str, list[str], list[str]]]:
    """Every row of every checklist table on a school page, in order."""
    parser = _Rows()
    for table in re.findall(r'<div class="ld-checklist">.*?</table></div>', source, re.S):
        parser.feed(table)
    return [(cls, [" ".join(c.split()) for c in cells], hrefs) for cls, cells, hrefs in parser.rows]


def checklist_goals(content: dict) -> list[str]:
    """The goals a school's checklist shows, in frame order: vastgesteld and ter consultatie."""
    order = []
    for domein in sorted(content["kaders"]):
        for sub in content["kaders"][domein]["subdomeinen"]:
            for kern in sub["kerndoelen"]:
                zinnen = {z["code"] for z in kern["doelzinnen"]}
                order += sorted(
                    code
                    for code, g in content["goals"].items()
                    if g["doelzin"] in zinnen and g["status"] in ("vastgesteld", "ter consultatie")
                )
    return order


def records(content: dict, brin: str) -> dict[str, dict]:
    return {r["code"]: r for r in content["scholen"][brin].get("doelen") or []}


def published(content: dict) -> set[str]:
    return {slug for slug, n in content["netwerken"].items() if n["publiceren"]}


def admonitions(tree: Element) -> dict[str, Element]:
    return {
        box.find("p", "admonition-title").text(): box
        for box in article(tree).find_all("div", "admonition")
    }


# ---------------------------------------------------------------------------------------
# 1. Which schools and networks are on the site


def test_only_schools_in_a_published_network_get_a_page(site: Path, content: dict) -> None:
    open_networks = published(content)
    expected = {
        brin
        for brin, school in content["scholen"].items()
        if set(school["netwerken"]) & open_networks
    }
    pages = {p.name for p in (site / "scholen").iterdir() if (p / "index.html").is_file()}
    assert pages == expected
    assert HIDDEN_SCHOOL not in pages and {XSS_SCHOOL, STALE_SCHOOL, EXAMPLE_SCHOOL} <= pages
    dashboards = {p.name for p in (site / "netwerken").iterdir() if p.is_dir()}
    assert dashboards == open_networks
    assert HIDDEN_NETWORK not in dashboards


def test_unpublished_networks_and_their_schools_are_nowhere(site: Path, content: dict) -> None:
    hidden_networks = {
        slug: n["naam"] for slug, n in content["netwerken"].items() if not n["publiceren"]
    }
    assert HIDDEN_NETWORK in hidden_networks
    hidden_schools = {
        brin: s["naam"]
        for brin, s in content["scholen"].items()
        if not set(s["netwerken"]) & published(content)
    }
    words = [*hidden_networks, *hidden_networks.values(), *hidden_schools.values()]
    words += [n["contact"] for slug, n in content["netwerken"].items() if slug in hidden_networks]
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".csv", ".json", ".xml"):
            text = path.read_text(encoding="utf-8-sig")
        elif path.suffix == ".xlsx":
            workbook = openpyxl.load_workbook(path, read_only=True)
            text = json.dumps([list(ws.values) for ws in workbook.worksheets], default=str)
        else:
            continue
        found += [f"{path.relative_to(site)}: {w}" for w in words if w in text]
    assert found == []


def test_a_school_page_stands_alone_with_a_way_back(site: Path) -> None:
    """School pages are written as HTML and copied: no site nav, but a breadcrumb."""
    _, tree = page(site, "scholen/99ZA/index.html")
    assert not [n for n in tree.find_all("nav") if "md-nav--primary" in n.classes]
    [crumbs] = [n for n in tree.find_all("nav") if n.attrs.get("aria-label") == "Kruimelpad"]
    hrefs = [a.attrs.get("href", "") for a in crumbs.find_all("a")]
    assert hrefs[:2] == ["../../", "../../netwerken/"]
    assert f"../../netwerken/{OPEN_NETWORK}/" in hrefs


def test_network_pages_are_not_in_the_nav(site: Path) -> None:
    for name in (f"netwerken/{OPEN_NETWORK}/index.html",):
        _, tree = page(site, name)
        nav = next(n for n in tree.find_all("nav") if "md-nav--primary" in n.classes)
        hrefs = [a.attrs.get("href", "") for a in nav.find_all("a")]
        assert not any(re.search(r"scholen/|netwerken/[a-z]", h) for h in hrefs), name
        assert "Scholen en netwerken" in [a.text() for a in nav.find_all("a")]


def test_school_and_network_pages_are_left_out_of_the_search_index(
    site: Path, content: dict
) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [d["location"] for d in index["docs"]]
    assert not [loc for loc in locations if loc.startswith("scholen/")]
    # A dashboard lists every school of its network: at national scale that cost MkDocs'
    # search index more than the rest of the page (measured). A network is found through
    # the overview, which names each one; no chart is indexed as text.
    assert not [loc for loc in locations if re.match(r"netwerken/[a-z]", loc)]
    overview = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("netwerken/"))
    assert html.escape(content["netwerken"][OPEN_NETWORK]["naam"], quote=False) in overview
    assert not [d for d in index["docs"] if "ingevoerd (" in d["text"]]


# ---------------------------------------------------------------------------------------
# 2. A school's checklist


def test_school_checklist_lists_every_checklist_goal_grouped_by_frame(
    site: Path, content: dict
) -> None:
    source, tree = page(site, f"scholen/{XSS_SCHOOL}/index.html")
    rows = checklist(source)
    goal_rows = [r for r in rows if r[0] == "" and len(r[1]) == 6 and r[1][1] != "Code"]
    codes = [cells[1] for _, cells, _ in goal_rows]
    assert codes == checklist_goals(content)
    assert not {c for c in codes if content["goals"][c]["status"] in ("concept", "vervallen")}
    # Each kerndoel heads its own goals; the domains and subdomains are headings, in order.
    kerndoel = None
    for cls, cells, hrefs in rows:
        if cls == "ld-kerndoel":
            kerndoel = cells[0].split()[0]
            assert hrefs == [f"../../kerndoelen/{kerndoel}/"]
        elif cells[1] != "Code":
            goal = content["goals"][cells[1]]
            assert goal["doelzin"].startswith(kerndoel), (cells[1], kerndoel)
            assert hrefs[0] == f"../../doelen/{cells[1]}/"
    h2 = [h.text() for h in article(tree).find_all("h2")]
    assert h2 == [content["kaders"][d]["titel"] for d in sorted(content["kaders"])]
    h3 = [h.text() for h in article(tree).find_all("h3")]
    assert h3 == [
        s["titel"] for d in sorted(content["kaders"]) for s in content["kaders"][d]["subdomeinen"]
    ]


def test_school_checklist_shows_each_goals_status_groepen_and_date(
    site: Path, content: dict
) -> None:
    source, _ = page(site, f"scholen/{XSS_SCHOOL}/index.html")
    mine = records(content, XSS_SCHOOL)
    for _, cells, _ in checklist(source):
        if len(cells) != 6 or cells[1] == "Code":
            continue
        vink, code, titel, groepen, status, datum = cells
        goal, record = content["goals"][code], mine.get(code)
        assert titel.startswith(" ".join(goal["titel"].split()))
        assert status == (record["status"] if record else "niet gestart")
        assert vink == ("☑" if status == "ingevoerd" else "☐")
        if record and record.get("groepen"):
            assert groepen == ", ".join(record["groepen"])
        else:  # the goal's own groepen, in brackets
            assert groepen == f"({', '.join(goal['groepen'])})"
        expected = record["datum"].strftime("%d-%m-%Y") if record and record.get("datum") else ""
        assert datum == expected


def test_ter_consultatie_goals_are_marked_and_do_not_count(site: Path, content: dict) -> None:
    source, tree = page(site, f"scholen/{XSS_SCHOOL}/index.html")
    consultatie = {c for c, g in content["goals"].items() if g["status"] == "ter consultatie"}
    assert consultatie
    for _, cells, _ in checklist(source):
        if len(cells) == 6 and cells[1] in consultatie:
            assert cells[2].endswith("ter consultatie"), cells
    counted = sum(g["status"] == "vastgesteld" for g in content["goals"].values())
    ingevoerd = sum(
        r["status"] == "ingevoerd" and content["goals"][c]["status"] == "vastgesteld"
        for c, r in records(content, XSS_SCHOOL).items()
    )
    total = article(tree).find("p", "ld-totaal").text()
    assert f"{ingevoerd} van {counted} vastgestelde leerdoelen ingevoerd" in total


def test_school_page_names_its_published_networks_only(site: Path, content: dict) -> None:
    _, tree = page(site, f"scholen/{XSS_SCHOOL}/index.html")
    info = article(tree).find("div", "ld-gegevens")
    links = {a.attrs["href"]: a.text() for a in info.find_all("a")}
    assert links == {f"../../netwerken/{OPEN_NETWORK}/": content["netwerken"][OPEN_NETWORK]["naam"]}


def test_a_school_page_holds_nothing_about_other_schools(site: Path, content: dict) -> None:
    """A school page does not grow with the number of schools."""
    source, _ = page(site, f"scholen/{STALE_SCHOOL}/index.html")
    others = [s["naam"] for brin, s in content["scholen"].items() if brin != STALE_SCHOOL]
    assert [n for n in others if n in source] == []
    assert "/scholen/" not in source


def test_a_stale_school_is_flagged_on_its_page_and_the_dashboard(site: Path) -> None:
    _, tree = page(site, f"scholen/{STALE_SCHOOL}/index.html")
    boxes = admonitions(tree)
    assert "Verouderd" in boxes
    assert "1 juni 2025" in boxes["Verouderd"].text()
    _, fresh = page(site, f"scholen/{XSS_SCHOOL}/index.html")
    assert "Verouderd" not in admonitions(fresh)
    _, dashboard = page(site, f"netwerken/{OPEN_NETWORK}/index.html")
    assert "Verouderde gegevens" in admonitions(dashboard)
    rows = {
        tr.find("a").attrs["href"]: tr
        for tr in article(dashboard).find("div", "ld-scholen").find_all("tr")[1:]
    }
    assert "verouderd" in rows[f"../../scholen/{STALE_SCHOOL}/"].text()
    assert "ld-oud" in rows[f"../../scholen/{STALE_SCHOOL}/"].classes
    assert "verouderd" not in rows[f"../../scholen/{XSS_SCHOOL}/"].text()


def test_example_data_says_so(site: Path, content: dict) -> None:
    notice = "Voorbeeldgegevens"
    for name in (f"scholen/{EXAMPLE_SCHOOL}/index.html", f"netwerken/{EXAMPLE_NETWORK}/index.html"):
        _, tree = page(site, name)
        boxes = admonitions(tree)
        assert notice in boxes and "verzonnen" in boxes[notice].text(), name
        # At the top: the first thing after the heading.
        first = next(e for e in article(tree).children if isinstance(e, Element) and e.tag != "h1")
        assert "admonition" in first.classes, name
    for name in (f"scholen/{XSS_SCHOOL}/index.html", f"netwerken/{OPEN_NETWORK}/index.html"):
        assert notice not in admonitions(page(site, name)[1]), name
    assert notice in admonitions(page(site, "netwerken/index.html")[1])
    # The school says whether it is made up: labelled in its network's list of schools.
    for network, school, label in (
        (EXAMPLE_NETWORK, EXAMPLE_SCHOOL, True),
        (OPEN_NETWORK, XSS_SCHOOL, False),
    ):
        table = article(page(site, f"netwerken/{network}/index.html")[1]).find("div", "ld-scholen")
        rows = {tr.find("a").attrs["href"]: tr for tr in table.find_all("tr")[1:]}
        assert ("voorbeeld" in rows[f"../../scholen/{school}/"].text()) is label, network


# ---------------------------------------------------------------------------------------
# 3. Text from the adoption files is data


def _no_injection(source: str, tree: Element) -> None:
    assert not re.search(r"<\s*script[^>]*>\s*alert", source, re.I)
    content = article(tree)
    for element in content.iter():
        handlers = [(element.tag, a, v) for a, v in element.attrs.items() if a.startswith("on")]
        assert handlers == [], handlers
    assert not content.find_all("img") and not content.find_all("script")
    assert not content.find_all("b") and not content.find_all("i")


def test_school_texts_are_escaped(site: Path) -> None:
    source, tree = page(site, f"scholen/{XSS_SCHOOL}/index.html")
    _no_injection(source, tree)
    text = article(tree).text()
    assert "OBS <script>alert('school')</script> De Toets" in text
    assert "Toets<img src=x onerror=alert('plaats')>dorp" in text
    assert "Met <img src=x onerror=alert('toelichting')> en [een link](javascript:alert(1))" in text
    assert "<script>alert('school')</script>" in tree.find("title").text()
    bewijs = [a for a in article(tree).find_all("a") if a.text() == "bewijs"]
    assert [a.attrs["href"] for a in bewijs] == [
        'https://example.org/les?a=1&b=<x>"onmouseover=alert(1)'
    ]
    assert "javascript:" not in " ".join(a.attrs.get("href", "") for a in article(tree).iter())


def test_network_texts_are_escaped(site: Path, content: dict) -> None:
    naam = content["netwerken"][OPEN_NETWORK]["naam"]
    for name in (
        f"netwerken/{OPEN_NETWORK}/index.html",
        "netwerken/index.html",
        f"scholen/{XSS_SCHOOL}/index.html",
    ):
        source, tree = page(site, name)
        _no_injection(source, tree)
        assert naam in article(tree).text(), name
    source, tree = page(site, f"netwerken/{OPEN_NETWORK}/index.html")
    assert naam in tree.find("title").text()
    assert "Programmeren <i>voor</i> iedereen" in article(tree).text()
    assert "OBS <script>alert('school')</script> De Toets" in article(tree).text()


# ---------------------------------------------------------------------------------------
# 4. A network's dashboard


def test_dashboard_lists_its_schools_with_their_progress(site: Path, content: dict) -> None:
    _, tree = page(site, f"netwerken/{OPEN_NETWORK}/index.html")
    members = sorted(
        (s["naam"], brin)
        for brin, s in content["scholen"].items()
        if OPEN_NETWORK in s["netwerken"]
    )
    rows = article(tree).find("div", "ld-scholen").find_all("tr")[1:]
    assert [r.find("a").attrs["href"] for r in rows] == [f"../../scholen/{b}/" for _, b in members]
    counted = sum(g["status"] == "vastgesteld" for g in content["goals"].values())
    for row, (_, brin) in zip(rows, members, strict=True):
        ingevoerd = sum(
            r["status"] == "ingevoerd" and content["goals"][c]["status"] == "vastgesteld"
            for c, r in records(content, brin).items()
        )
        assert f"{ingevoerd} van {counted} (" in row.text()
        bar = row.find("svg")
        assert (
            bar.attrs["role"] == "img"
            and f"{ingevoerd} van {counted} ingevoerd" in (bar.attrs["aria-label"])
        )
    mail = [a for a in article(tree).find_all("a") if a.attrs["href"].startswith("mailto:")]
    assert mail[0].attrs["href"] == "mailto:info@toets-open.example"


def test_dashboard_shows_each_target_with_its_verdict(site: Path) -> None:
    _, tree = page(site, f"netwerken/{OPEN_NETWORK}/index.html")
    rows = article(tree).find("div", "ld-doelstellingen").find_all("tr", "ld-doelstelling")
    by_title = {r.find("strong").text(): r for r in rows}
    # DG-po-23 all ingevoerd: neither school; the deadline (31 July 2026) has passed.
    programmeren = by_title["Programmeren <i>voor</i> iedereen"].text()
    assert "0 van 2 scholen" in programmeren and "doel 50%" in programmeren
    assert "niet gehaald" in programmeren and "31 juli 2026 verlopen" in programmeren
    # DG-001 at least bezig: both schools (ingevoerd and bezig); deadline to come.
    basis = by_title["Eerst de basis"].text()
    assert "2 van 2 scholen" in basis and "gehaald" in basis and "niet gehaald" not in basis
    assert "verlopen" not in basis and "31 juli 2027" in basis
    bar = by_title["Eerst de basis"].find("svg")
    assert bar.find("line") and bar.find("title").text() == bar.attrs["aria-label"]


def test_dashboard_charts_are_inline_svg_that_load_nothing(site: Path) -> None:
    _, tree = page(site, f"netwerken/{OPEN_NETWORK}/index.html")
    svgs = article(tree).find_all("svg")
    assert len(svgs) > 5
    charts = [s for s in svgs if s.attrs.get("role") == "img"]
    assert article(tree).find("svg", "ld-grafiek") in charts
    for svg in charts:
        assert svg.attrs["aria-label"] and svg.find("title").text() == svg.attrs["aria-label"]
        assert "data-search-exclude" in svg.attrs
    for svg in svgs:
        for element in svg.iter():
            assert element.tag not in ("image", "use", "foreignobject", "script", "a")
            assert not [a for a in element.attrs if a.endswith("href")]
            assert "url(" not in element.attrs.get("style", "")
    chart = article(tree).find("svg", "ld-grafiek")
    labels = [t.text() for t in chart.find_all("text")]
    assert "DG-po-23" in labels and any(label.endswith("%") for label in labels)


def test_dashboard_names_the_goals_that_lag(site: Path, content: dict) -> None:
    _, tree = page(site, f"netwerken/{OPEN_NETWORK}/index.html")
    rows = article(tree).find("div", "ld-achterblijvers").find_all("tr")[1:]
    assert len(rows) == 10
    for row in rows:
        code = row.find("a").text()
        done = sum(
            records(content, brin).get(code, {}).get("status") == "ingevoerd"
            for brin, s in content["scholen"].items()
            if OPEN_NETWORK in s["netwerken"]
        )
        assert row.text().endswith(f"{done} van 2 scholen")
        # A lagging goal leads to how other schools put it into practice.
        links = [a.attrs["href"] for a in row.find_all("a")]
        assert links[1] == f"../../doelen/{code}/#leer-van-elkaar", links


# ---------------------------------------------------------------------------------------
# 5. The overview


def test_overview_lists_published_networks_and_who_is_ahead(site: Path, content: dict) -> None:
    _, tree = page(site, "netwerken/index.html")
    table = article(tree).find("div", "ld-netwerken")
    hrefs = [
        a.attrs["href"] for a in table.find_all("a") if not a.attrs["href"].startswith("mailto")
    ]
    assert sorted(hrefs) == sorted(f"../netwerken/{slug}/" for slug in published(content))
    mails = {a.attrs["href"] for a in table.find_all("a") if a.attrs["href"].startswith("mailto")}
    assert mails == {f"mailto:{content['netwerken'][s]['contact']}" for s in published(content)}
    leer = article(tree).find("div", "ld-leer")
    rows = leer.find_all("tr")[1:]
    assert "DG-po-23" in [tr.find("a").text() for tr in rows]
    named = 0
    for tr in rows:
        for item in tr.find_all("li"):  # a network that is ahead: its dashboard and contact
            links = [a.attrs["href"] for a in item.find_all("a")]
            assert links[0].removeprefix("../netwerken/").strip("/") in published(content)
            assert links[1].startswith("mailto:")
            assert re.search(r"\d+% van de scholen alles, gemiddeld \d+% ingevoerd", item.text())
            named += 1
    assert named > 0


# ---------------------------------------------------------------------------------------
# 6. Downloads


def _csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_school_csv_and_xlsx_match_the_checklist(site: Path) -> None:
    folder = site / "scholen" / XSS_SCHOOL
    source, tree = page(site, f"scholen/{XSS_SCHOOL}/index.html")
    links = [a.attrs["href"] for a in article(tree).find_all("a", "md-button")]
    assert links == [f"checklist-{XSS_SCHOOL}.csv", f"checklist-{XSS_SCHOOL}.xlsx"]
    on_page = [
        (cells[1], cells[4])
        for _, cells, _ in checklist(source)
        if len(cells) == 6 and cells[1] != "Code"
    ]
    rows = _csv((folder / f"checklist-{XSS_SCHOOL}.csv").read_bytes())
    assert list(rows[0]) == SCHOOL_CSV
    assert [(r["code"], r["status"]) for r in rows] == on_page
    dg001 = (
        rows[0] if rows[0]["code"] == "DG-001" else next(r for r in rows if r["code"] == "DG-001")
    )
    # "groep 1-2", not "1-2": a spreadsheet would read a bare band as a date.
    assert dg001["datum"] == "2026-10-01" and dg001["groepen"] == "groep 1-2"
    assert dg001["toelichting"].startswith("Met <img src=x")
    workbook = openpyxl.load_workbook(folder / f"checklist-{XSS_SCHOOL}.xlsx")
    assert workbook.sheetnames == [XSS_SCHOOL, "Info"]
    sheet = list(workbook[XSS_SCHOOL].values)
    assert list(sheet[0]) == SCHOOL_CSV
    assert [(r[0], r[6]) for r in sheet[1:]] == on_page
    # The datum is a date cell in the XLSX, ISO text in the CSV.
    as_text = [
        [v.date().isoformat() if isinstance(v, dt.datetime) else v or "" for v in r]
        for r in sheet[1:]
    ]
    # The groepen: "1-2" in the XLSX (a text cell), "groep 1-2" in the CSV.
    for r in as_text:
        r[SCHOOL_CSV.index("groepen")] = groepen_tekst(r[SCHOOL_CSV.index("groepen")])
    assert as_text == [list(r.values()) for r in rows]
    assert isinstance(sheet[1 + [r["code"] for r in rows].index("DG-001")][8], dt.datetime)


def test_school_csv_keeps_formulas_as_text(site: Path) -> None:
    rows = _csv((site / "scholen" / STALE_SCHOOL / f"checklist-{STALE_SCHOOL}.csv").read_bytes())
    dg001 = next(r for r in rows if r["code"] == "DG-001")
    assert dg001["toelichting"] == '\'=HYPERLINK("https://example.org")'
    sheet = openpyxl.load_workbook(
        site / "scholen" / STALE_SCHOOL / f"checklist-{STALE_SCHOOL}.xlsx"
    )
    cell = next(r for r in sheet[STALE_SCHOOL].values if r[0] == "DG-001")[9]
    assert cell == '=HYPERLINK("https://example.org")'  # a string cell in XLSX, not a formula
    assert sheet[STALE_SCHOOL]["J2"].data_type == "s"


def test_network_downloads_cover_every_school_and_goal(site: Path, content: dict) -> None:
    folder = site / "netwerken" / OPEN_NETWORK
    _, tree = page(site, f"netwerken/{OPEN_NETWORK}/index.html")
    links = [a.attrs["href"] for a in article(tree).find_all("a", "md-button")]
    assert links == [f"netwerk-{OPEN_NETWORK}.csv", f"netwerk-{OPEN_NETWORK}.xlsx"]
    members = sorted(
        (s["naam"], brin)
        for brin, s in content["scholen"].items()
        if OPEN_NETWORK in s["netwerken"]
    )
    goals = checklist_goals(content)
    rows = _csv((folder / f"netwerk-{OPEN_NETWORK}.csv").read_bytes())
    assert list(rows[0])[:3] == ["brin", "school", "plaats"]
    assert [(r["brin"], r["code"]) for r in rows] == [(b, g) for _, b in members for g in goals]
    workbook = openpyxl.load_workbook(folder / f"netwerk-{OPEN_NETWORK}.xlsx")
    assert workbook.sheetnames == ["Scholen", "Leerdoelen", *(b for _, b in members), "Info"]
    scholen = list(workbook["Scholen"].values)
    assert [r[0] for r in scholen[1:]] == [b for _, b in members]
    header = scholen[0]
    stale = dict(zip(header, next(r for r in scholen if r[0] == STALE_SCHOOL), strict=True))
    assert stale["verouderd"] == "ja" and stale["laatste wijziging"] == "2025-06-01"
    assert stale["bezig"] == 1 and stale["ingevoerd"] == 0
    matrix = list(workbook["Leerdoelen"].values)
    assert list(matrix[0]) == ["brin", "school", *goals]
    xss = dict(zip(matrix[0], next(r for r in matrix if r[0] == XSS_SCHOOL), strict=True))
    assert (xss["DG-001"], xss["DG-002"], xss["DG-017"]) == ("ingevoerd", "bezig", "gepland")


# ---------------------------------------------------------------------------------------
# 7. Rendering in-process: no data, determinism, write_tree


def test_the_overview_is_there_without_adoption_data() -> None:
    result = check(Path(__file__).parent / "golden" / "geldig")
    pages = render_adoptie(result.project.corpus)
    assert list(pages) == ["netwerken/index.md"]
    assert "nog geen netwerken" in str(pages["netwerken/index.md"])


def test_xlsx_is_the_same_bytes_for_the_same_data() -> None:
    rows = [("DG-001", "Een <titel> & meer", 3, ""), ("DG-002", " spatie ", 0, "x")]
    first = xlsx_bytes([("Blad", ("code", "titel", "n", "x"), rows)])
    assert first == xlsx_bytes([("Blad", ("code", "titel", "n", "x"), rows)])
    sheet = openpyxl.load_workbook(io.BytesIO(first))["Blad"]
    assert list(sheet.values) == [
        ("code", "titel", "n", "x"),
        ("DG-001", "Een <titel> & meer", 3, None),
        ("DG-002", " spatie ", 0, "x"),
    ]
    assert sheet["A1"].font.b and sheet.freeze_panes == "A2"


def test_a_sheet_copied_packed_is_the_bytes_of_one_written_anew() -> None:
    form = ("Form", ("code", "status", "datum"), [("DG-001", "bezig", VANDAAG), ("DG-002", "", "")])
    info = ("Info", ("veld", "waarde"), [("versie", "v2026.1")])
    forms = {"Form": SCHOOL_FORMULIER, "Info": Formulier()}
    own = xlsx_bytes([form, info], forms)
    packed = packed_sheet(own, 1, "Form")
    voor = ("Scholen", ("brin",), [("12AB",)])
    assert xlsx_bytes([voor, packed, info], forms) == xlsx_bytes([voor, form, info], forms)
    sheets = openpyxl.load_workbook(io.BytesIO(xlsx_bytes([voor, packed, info], forms)))
    assert sheets.sheetnames == ["Scholen", "Form", "Info"]
    assert list(sheets["Form"].values)[1][:2] == ("DG-001", "bezig")


def test_a_workbook_read_back_cut_short_gives_no_sheet() -> None:
    """A network's workbook copies its schools' forms from their workbooks as build/static
    holds them; one that is not a whole workbook is made again instead."""
    form = ("Form", ("code", "status"), [("DG-001", "bezig")] * 50)
    own = xlsx_bytes([form], {"Form": SCHOOL_FORMULIER})
    assert read_packed(own, 1, "Form") is not None
    sheet = packed_sheet(own, 1, "Form")
    end = bytes(sheet.data)
    cut = own[: own.index(end) + len(end) // 2]
    assert [read_packed(data, 1, "Form") for data in (b"", b"PK\x03\x04", cut)] == [None] * 3
    assert read_packed(own, 2, "Form") is None


def test_network_workbooks_reuse_their_schools_forms_byte_for_byte() -> None:
    """The build copies each school's form from its own workbook into its networks'; a
    network's workbook written from scratch is the same bytes."""
    corpus = check(Path(__file__).parent.parent).project.corpus
    pages = render_adoptie(corpus, vandaag=VANDAAG)
    view = adoptie_view(corpus, {}, VANDAAG)
    assert any(len(leden) > 1 for leden in view.leden.values())
    paden = {brin: corpus.adoptie_sources[brin].path for brin in view.scholen}
    anew = _Renderer(view, {}, Site(), paden, ONGEPUBLICEERD)  # no school written before
    for slug in view.netwerken:
        files = dict(anew.netwerk_files(slug))
        path = f"netwerken/{slug}/netwerk-{slug}.xlsx"
        assert pages[path] == files[path], slug


def test_network_csvs_are_the_bytes_of_one_written_whole() -> None:
    """A network's CSV puts each school's cells before the rows of the school's own CSV;
    written whole, row by row, it is the same bytes."""
    corpus = check(Path(__file__).parent.parent).project.corpus
    pages = render_adoptie(corpus, vandaag=VANDAAG)
    view = adoptie_view(corpus, {}, VANDAAG)
    for slug in view.netwerken:
        lang = [
            (s.brin, s.school.naam, s.school.plaats, *rij)
            for s in view.netwerk(slug).scholen
            for rij in school_rijen(checklist_koppen(view.indeling), s)
        ]
        whole = csv_bytes(NETWERK_KOLOMMEN, lang, NETWERK_TEKST, NETWERK_GROEPEN)
        path = f"netwerken/{slug}/netwerk-{slug}.csv"
        assert pages[path] == whole, slug
        # A school CSV whose lines are not its rows (a field with a line end): written whole.
        anew = _Renderer(view, {}, Site(), {}, ONGEPUBLICEERD)
        brin = lang[0][0]
        anew.own[f"scholen/{brin}/checklist-{brin}.csv"] = csv_bytes(("x",), [("a\r\nb",)])
        assert dict(anew.netwerk_files(slug))[path] == whole, slug


@pytest.mark.parametrize(
    "cells",
    [
        ("12AB", "De Klimop", "Assen"),
        ("12AB", "=1+1", "-Assen"),
        ("12AB", 'School "De; Ster"', " Emmen "),
        ("12AB", "Een\nregel", "twee\rregels"),
        ("12AB", "", ""),
    ],
)
def test_a_row_before_the_rows_of_a_csv_is_what_writing_them_whole_gives(
    cells: tuple[str, str, str],
) -> None:
    rows = [
        ("DG-001", "=titel", "5-6, 7-8", dt.date(2026, 1, 2), 'a "b"; c'),
        ("DG-002", "", "", "", "\n"),
    ]
    own = csv_bytes(("code", "titel", "groepen", "datum", "tekst"), rows, (1, 4), (2,))
    records = csv_records(own, len(rows))
    assert records is not None
    joined = b"".join(b"%s;%s\r\n" % (csv_row(cells, (1, 2)), r) for r in records)
    header = ("brin", "school", "plaats", "code", "titel", "groepen", "datum", "tekst")
    whole = csv_bytes(header, [(*cells, *r) for r in rows], (1, 2, 4, 7), (5,))
    assert csv_bytes(header, []) + joined == whole


def test_a_field_with_a_line_end_in_it_is_no_row_of_its_own() -> None:
    own = csv_bytes(("code", "tekst"), [("DG-001", "een\r\ntwee"), ("DG-002", "")])
    assert csv_records(own, 2) is None
    assert csv_records(csv_bytes(("code",), [("DG-001",)]), 1) == [b"DG-001"]


def test_generate_twice_writes_nothing_the_second_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEERDOELEN_VANDAAG", VANDAAG.isoformat())
    root = klein_project(tmp_path / "project")
    result, changed = generate(root)
    assert result.ok, [str(d) for d in result.diagnostics]
    assert {"scholen/11AA/checklist-11AA.xlsx", "netwerken/techniek-noord/index.md"} <= set(changed)
    assert "scholen/33CC/index.md" not in changed
    assert generate(root)[1] == []
    # Checklists wait beside MkDocs' input (build/static), except for `serve`, whose MkDocs
    # serves only its own docs: then they move in with the pages, and back.
    page = Path("scholen/11AA/index.html")
    assert (root / "build/static" / page).is_file() and not (root / "build/pages/scholen").exists()
    assert page.as_posix() in generate(root, apart=False)[1]
    assert (root / "build/pages" / page).is_file() and not (root / "build/static/scholen").exists()
    assert page.as_posix() in generate(root)[1]
    assert (root / "build/static" / page).is_file() and not (root / "build/pages/scholen").exists()


# ---------------------------------------------------------------------------------------
# 8. The last change of a school file: git and datum


def _school(**fields: object) -> School:
    data = {"brin": "11AA", "naam": "S", "plaats": "P", "soort": "bao", **fields}
    return School.model_validate(data, strict=False)


def test_last_change_is_the_later_of_commit_and_newest_datum() -> None:
    school = _school(
        doelen=[
            {"code": "DG-001", "status": "bezig", "datum": "2025-01-01"},
            {"code": "DG-002", "status": "bezig", "datum": "2025-03-01"},
        ]
    )
    gezien = samenvatting(school)
    assert last_change(gezien, {}) == dt.date(2025, 3, 1)
    assert last_change(gezien, {"11AA": dt.date(2026, 1, 1)}) == dt.date(2026, 1, 1)
    assert last_change(gezien, {"11AA": dt.date(2024, 1, 1)}) == dt.date(2025, 3, 1)
    assert last_change(samenvatting(_school()), {}) is None


def test_stale_means_more_than_a_school_year() -> None:
    assert not is_stale(VANDAAG - dt.timedelta(days=365), VANDAAG)
    assert is_stale(VANDAAG - dt.timedelta(days=366), VANDAAG)
    assert not is_stale(None, VANDAAG)  # unknown is not stale


def test_commit_dates_come_from_one_git_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The project is a folder inside the checkout: paths are relative to the project."""
    root = klein_project(tmp_path / "project")
    repo = git.Repo.init(tmp_path)
    with repo.config_writer() as config:
        config.set_value("user", "name", "Toets")
        config.set_value("user", "email", "toets@example.org")

    def commit(paths: list[str], when: str) -> None:
        monkeypatch.setenv("GIT_AUTHOR_DATE", when)
        monkeypatch.setenv("GIT_COMMITTER_DATE", when)
        repo.git.add(*paths)
        repo.git.commit("-m", f"op {when}")

    commit(["project"], "2024-05-01T12:00:00+00:00")
    school = root / "adoptie" / "scholen" / "22BB.yaml"
    school.write_text(school.read_text() + "\n", encoding="utf-8")
    commit(["project/adoptie/scholen/22BB.yaml"], "2026-02-03T12:00:00+00:00")
    (root / "README.md").write_text("anders\n", encoding="utf-8")
    commit(["project/README.md"], "2026-11-01T12:00:00+00:00")  # not a school file
    assert commit_dates(read_history(root, ["goals", "adoptie/scholen"])) == {
        "11AA": dt.date(2024, 5, 1),
        "22BB": dt.date(2026, 2, 3),
        "33CC": dt.date(2024, 5, 1),
    }


def test_commit_dates_outside_git_are_unknown(tmp_path: Path) -> None:
    root = klein_project(tmp_path / "project")
    assert commit_dates(read_history(root, ["adoptie/scholen"])) == {}
    assert commit_dates(read_history(tmp_path / "bestaat-niet", ["adoptie/scholen"])) == {}


STALE = '<p class="admonition-title">Verouderd</p>'


def test_a_stale_commit_date_flags_the_school(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With git, a school whose records carry no dates is judged by its last commit."""
    monkeypatch.setenv("LEERDOELEN_VANDAAG", VANDAAG.isoformat())
    root = klein_project(tmp_path / "project")
    netwerk = root / "adoptie" / "netwerken" / "techniek-noord.yaml"  # a real network here
    netwerk.write_text(netwerk.read_text().replace("voorbeeld: true", "voorbeeld: false"))
    corpus = check(root).project.corpus
    pages = render_adoptie(corpus, {"11AA": dt.date(2020, 1, 1)})
    assert STALE not in str(pages["scholen/11AA/index.html"])  # datum 2026
    school = root / "adoptie" / "scholen" / "11AA.yaml"
    school.write_text(re.sub(r"\n    datum: .*", "", school.read_text()), encoding="utf-8")
    corpus = check(root).project.corpus
    stale = str(render_adoptie(corpus, {"11AA": dt.date(2020, 1, 1)})["scholen/11AA/index.html"])
    assert STALE in stale and "1 januari 2020" in stale
    unknown = str(render_adoptie(corpus, {})["scholen/11AA/index.html"])
    assert "Verouderd" not in unknown and "Laatste wijziging: onbekend" in unknown


def test_the_session_build_copied_the_bundled_example_data(site_build: SiteBuild) -> None:
    bundled = Path(__file__).parents[1] / "adoptie"
    if not bundled.is_dir():
        pytest.skip("geen adoptie/ in het project")
    copied = {p.name for p in (site_build.root / "adoptie" / "scholen").glob("*.yaml")}
    assert {p.name for p in (bundled / "scholen").glob("*.yaml")} <= copied


def test_the_later_of_commit_and_datum_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """22BB's newest datum is 1 June 2025: a later commit makes it current again."""
    monkeypatch.setenv("LEERDOELEN_VANDAAG", VANDAAG.isoformat())
    root = klein_project(tmp_path / "project")
    corpus = check(root).project.corpus
    old = str(render_adoptie(corpus, {"22BB": dt.date(2024, 1, 1)})["scholen/22BB/index.html"])
    assert STALE in old and "1 juni 2025" in old
    new = str(render_adoptie(corpus, {"22BB": VANDAAG})["scholen/22BB/index.html"])
    assert "Verouderd" not in new
