"""Leerlijn and groep pages for a teacher (issue 14): titles in every leerlijn cell, one
band under the other on a phone; a groep page per domein with each goal's omschrijving and
uitwerkingen, which prints as a year plan (a box per goal, the school and year to fill in,
the content's version and date; its words are ``render.versie``'s, tested in
test_versie.py).

HTML checks read the session's site build; browser checks use Chromium (``page``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import VERSIE, SiteBuild
from playwright.sync_api import Locator, Page, expect
from test_site_html import Element, article, parse

GROEPEN = ("1-2", "3-4", "5-6", "7-8")
# "versie v2026.1 (1 december 2026)": the session's site has its release tag on the last
# commit, and no change since.
VERSIE_IN_WOORDEN = re.compile(rf"versie {re.escape(VERSIE)} \(\d{{1,2}} [a-z]+ \d{{4}}\)")
PHONE = 390  # px, a phone's width


# --- the built pages ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def doelen(site_build: SiteBuild) -> dict[str, dict[str, Any]]:
    """The session build's goals as their YAML says them."""
    goals = {}
    for path in sorted((site_build.root / "goals").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "code" in data and "titel" in data:
            goals[data["code"]] = data
    return goals


def _page(site: Path, path: str) -> Element:
    return article(parse((site / path / "index.html").read_text(encoding="utf-8")))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_every_leerlijn_cell_shows_code_and_title(
    site: Path, doelen: dict[str, dict[str, Any]]
) -> None:
    for domein in ("digitale-geletterdheid", "mens-en-natuur"):
        table = _page(site, f"leerlijnen/{domein}").find("table")
        rows = [r for r in table.find_all("tr") if r.find_all("td")]
        assert rows
        goals_seen = 0
        for row in rows:
            for groep, cell in zip(GROEPEN, row.find_all("td")[1:], strict=True):
                entries = cell.find_all("span", "ld-cel-doel")
                if not entries:
                    assert cell.text().strip() == ""
                    continue
                assert cell.find("span", "ld-band").text() == f"Groep {groep}"
                for entry in entries:
                    code = entry.find("a").text()
                    goal = doelen[code]
                    assert groep in goal["groepen"]
                    assert _one_line(entry.text()) == _one_line(f"{code} {goal['titel']}")
                    goals_seen += 1
        assert goals_seen > 20, domein


@pytest.mark.parametrize("groep", GROEPEN)
def test_a_groep_page_shows_each_goal_with_its_text(
    site: Path, doelen: dict[str, dict[str, Any]], groep: str
) -> None:
    content = _page(site, f"groepen/{groep}")
    headings = [h.text() for h in content.find_all("h2")]
    assert headings == ["Digitale geletterdheid", "Mens en natuur"]
    expected = sorted(
        c for c, g in doelen.items() if g["status"] != "vervallen" and groep in g["groepen"]
    )
    rows = [r for r in content.find_all("tr") if r.find_all("td")]
    codes = []
    for row in rows:
        cells = row.find_all("td")
        code = cells[0].find("a").text()
        codes.append(code)
        goal = doelen[code]
        assert cells[0].find("a").attrs["href"] == f"../../doelen/{code}/"
        assert len(cells[0].find_all("span", "ld-vakje")) == 1  # the box to tick, on paper
        assert cells[1].find("strong", "ld-doeltitel").text() == goal["titel"]
        omschrijving = cells[1].find("span", "ld-omschrijving").text()
        assert _one_line(omschrijving) == _one_line(goal["omschrijving"])
        lijst = cells[1].find_all("ul", "ld-uitwerkingen")
        uitwerkingen = [_one_line(li.text()) for ul in lijst for li in ul.find_all("li")]
        assert uitwerkingen == [_one_line(u) for u in goal.get("uitwerkingen", [])], code
        # Then the lesmateriaal that fits this groep, linked.
        materiaal = cells[1].find_all("ul", "ld-lesmateriaal-lijst")
        fits = [
            m["url"] for m in goal.get("lesmateriaal", []) if groep in m.get("groepen", [groep])
        ]
        links = [a.attrs["href"] for ul in materiaal for a in ul.find_all("a")]
        assert links == fits, code
    assert sorted(codes) == expected
    assert sum(bool(doelen[c].get("uitwerkingen")) for c in codes) > len(codes) // 2


def test_a_groep_page_holds_the_year_plan_head(site: Path) -> None:
    head = _page(site, "groepen/5-6").find("div", "ld-jaarplan")
    fill_in = head.find("p", "ld-jaarplan__invullen").text()
    assert "School:" in fill_in and "Schooljaar:" in fill_in
    assert VERSIE_IN_WOORDEN.fullmatch(
        head.find("p", "ld-jaarplan__versie").text().removeprefix("Inhoud: ")
    )


# --- in the browser ----------------------------------------------------------------------


def _content(page: Page) -> Locator:
    return page.locator("article.md-content__inner")


def _fits(page: Page, width: int = PHONE) -> None:
    scroll = page.evaluate("document.scrollingElement.scrollWidth")
    assert scroll <= width, f"{page.url}: {scroll} px breed op een scherm van {width} px"


def test_the_leerlijn_on_a_phone_is_one_band_under_the_other(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": PHONE, "height": 844})
    page.goto(f"{site_url}/leerlijnen/digitale-geletterdheid/")
    _fits(page)
    table = _content(page).locator("table")
    expect(table.locator("thead")).to_be_hidden()
    row = table.locator("tbody tr").filter(has_text="DG-po-23B").first
    bands = row.locator(".ld-band")
    expect(bands).to_have_text(["Groep 1-2", "Groep 3-4", "Groep 5-6", "Groep 7-8"])
    # The bands are stacked: each below the one before, all within the screen.
    boxes = [b.bounding_box() for b in bands.all()]
    assert all(b is not None for b in boxes)
    tops = [b["y"] for b in boxes if b]
    assert tops == sorted(tops) and len(set(tops)) == 4
    assert all(b["x"] + b["width"] <= PHONE for b in boxes if b)
    entry = row.locator(".ld-cel-doel").filter(has=page.get_by_role("link", name="DG-030"))
    expect(entry).to_be_visible()
    expect(entry).to_have_text(re.compile(r"^DG-030 \w+"))  # its title, not only the code
    box = entry.bounding_box()
    assert box is not None and box["x"] + box["width"] <= PHONE


def test_the_leerlijn_on_a_wide_screen_keeps_the_matrix(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/leerlijnen/mens-en-natuur/")
    _fits(page, 1280)
    table = _content(page).locator("table")
    expect(table.locator("thead th")).to_have_text(
        ["Doelzin", "Groep 1-2", "Groep 3-4", "Groep 5-6", "Groep 7-8"]
    )
    for header in table.locator("thead th").all():  # no column scrolled out of sight
        box = header.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 1280
    expect(table.locator(".ld-band").first).to_be_hidden()
    expect(table.locator(".ld-cel-doel").first).to_have_text(re.compile(r"^MN-\d{3} \w+"))


def test_the_groep_page_fits_a_phone(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": PHONE, "height": 844})
    page.goto(f"{site_url}/groepen/5-6/")
    _fits(page)
    first = _content(page).locator("tbody tr").first
    expect(first.locator(".ld-omschrijving")).to_be_visible()
    box = first.bounding_box()
    assert box is not None and box["x"] + box["width"] <= PHONE


def test_the_groep_page_prints_as_a_year_plan(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/groepen/3-4/")
    content = _content(page)
    expect(content.locator(".ld-vakje").first).to_be_hidden()  # on screen: no boxes...
    expect(content.get_by_text("Schooljaar:")).to_be_hidden()
    page.emulate_media(media="print")
    rows = content.locator("tbody tr")
    boxes = content.locator(".ld-vakje")
    assert boxes.count() == rows.count() > 20  # ...on paper, one per goal
    for box in boxes.all():
        expect(box).to_be_visible()
        size = box.bounding_box()
        assert size is not None and size["width"] >= 10 and size["height"] >= 10
    fill_in = content.locator(".ld-jaarplan__invullen")
    expect(fill_in).to_be_visible()
    expect(fill_in).to_have_text(re.compile(r"^School:\s+Schooljaar:\s*$"))
    for line in fill_in.locator(".ld-invulregel").all():  # room to write on
        size = line.bounding_box()
        assert size is not None and size["width"] >= 100
    expect(content.locator(".ld-jaarplan__versie")).to_be_visible()
    expect(content.locator(".ld-jaarplan__versie")).to_have_text(
        re.compile(rf"^Inhoud: {VERSIE_IN_WOORDEN.pattern}$")
    )
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF-")
