"""The built site in a real browser: finding goals, searching, downloading, printing,
and an accessibility audit with axe-core.

Every test uses the ``page`` fixture from ``conftest.py``: a fresh headless Chromium page
on the session's site, which fails the test if a request leaves localhost or if any
JavaScript dialog opens (an injected ``alert()`` from the goal DG-999 would open one).
"""

from __future__ import annotations

import csv
import io
import re
from importlib.resources import files
from pathlib import Path

import pytest
from conftest import XSS_CODE, XSS_SCHOOL
from playwright.sync_api import Locator, Page, expect
from search_ui import SearchUI

pytestmark = [pytest.mark.browser, pytest.mark.slow]  # Chromium on the session's site build

# axe-core as bundled (with its MPL-2.0 licence header) by the test dependency
# axe-playwright-python: a pip install brings it, no npm.
AXE = files("axe_playwright_python") / "axe.min.js"
CODE = re.compile(r"^[A-Z]{2}-\d{3}$")


def content(page: Page) -> Locator:
    """The page's own text, without header, nav, table of contents or search."""
    return page.locator("article.md-content__inner")


def heading(page: Page) -> Locator:
    return content(page).get_by_role("heading", level=1)


def click(link: Locator) -> None:
    expect(link).to_be_visible()
    link.click()


def search(page: Page, engine: str, word: str) -> Locator:
    """Type ``word`` in the site's search like a person would; return the result links."""
    return SearchUI(engine).type(page, word)


def _no_injected_elements(where: Locator) -> None:
    for selector in ("script", "img", "iframe", "b", "[onerror]", "[onmouseover]"):
        expect(where.locator(selector)).to_have_count(0)


# --- 1. The home page -------------------------------------------------------------------


def test_home_page_is_dutch(page: Page, site_url: str, engine: str) -> None:
    response = page.goto(site_url + "/")
    assert response is not None and response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page).to_have_title(
        "Leerdoelen W&T en digitale geletterdheid - "
        "Leerdoelen wetenschap & technologie en digitale geletterdheid"
    )
    expect(heading(page)).to_have_text(
        "Leerdoelen wetenschap & technologie en digitale geletterdheid"
    )
    # The theme's own words are Dutch too (theme.language: nl).
    expect(SearchUI(engine).opener(page)).to_be_visible()
    expect(page.locator(".md-skip")).to_have_text("Ga naar inhoud")


# --- 2. From the home page to a goal, by clicking ---------------------------------------


def test_reach_a_goal_through_its_domain(page: Page, site_url: str) -> None:
    page.goto(site_url + "/")
    nav = page.get_by_role("navigation", name="Navigatie")
    click(nav.get_by_role("link", name="Domeinen", exact=True))
    expect(page).to_have_url(site_url + "/domeinen/")
    click(content(page).get_by_role("link", name="Digitale geletterdheid", exact=True))
    expect(page).to_have_url(site_url + "/domeinen/digitale-geletterdheid/")
    click(content(page).get_by_role("link", name="DG-027", exact=True))
    expect(page).to_have_url(site_url + "/doelen/DG-027/")
    expect(heading(page)).to_have_text(re.compile(r"^DG-027 "))


# --- 3. Search in Dutch -----------------------------------------------------------------


@pytest.mark.parametrize(("word", "code"), [("waterkringloop", "MN-048"), ("Scratch", "DG-027")])
def test_search_finds_the_goal_and_opens_it(
    page: Page, site_url: str, engine: str, word: str, code: str
) -> None:
    page.goto(site_url + "/")
    best = search(page, engine, word).first
    expect(best).to_have_attribute("href", re.compile(rf"/doelen/{code}/\?h="))
    # Material: the goal's title; Zensical lists sections, with the goal's title as the
    # path of a section ("Voorbeelden" of "DG-027 ...").
    expect(best).to_contain_text(f"{code} ")
    click(best)
    expect(page).to_have_url(re.compile(rf"/doelen/{code}/\?h="))
    expect(heading(page)).to_have_text(re.compile(rf"^{code} "))
    # search.highlight marks the word on the goal page.
    expect(content(page).locator("mark").first).to_have_text(re.compile(word, re.IGNORECASE))


def test_search_results_show_goal_text_as_text(page: Page, site_url: str, engine: str) -> None:
    ui = SearchUI(engine)
    page.goto(site_url + "/")
    # "script" may find nothing in the injection goal (Material's tokenizer keeps the
    # escaped tag glued to its neighbours), but the search itself must not run anything.
    search(page, engine, "script")
    _no_injected_elements(ui.area(page))
    # A plain word from DG-999's omschrijving does find it: its tags show as text.
    if ui.zensical:
        page.keyboard.press("Escape")
    results = search(page, engine, "gewoon")
    goal = results.and_(page.locator(f"[href*='/doelen/{XSS_CODE}/']")).first
    expect(goal).to_be_visible()
    expect(ui.title(goal)).to_contain_text("<script>alert('titel')</script>")
    expect(goal).to_contain_text("<script>alert('omschrijving')</script> gewoon tekst")
    expect(goal).to_contain_text("<img src=x onerror=alert('img')>")
    _no_injected_elements(ui.area(page))
    goal.hover()
    click(goal)
    expect(page).to_have_url(re.compile(rf"/doelen/{XSS_CODE}/\?h=gewoon"))
    expect(heading(page)).to_contain_text("<script>alert('titel')</script>")
    _no_injected_elements(content(page))


@pytest.mark.parametrize("word", ["script", "alert", "img", "onmouseover"])
def test_search_highlight_keeps_goal_text_as_text(page: Page, site_url: str, word: str) -> None:
    """search.highlight rewrites the goal page's text to mark the search word: the
    escaped tags it touches must stay text."""
    page.goto(f"{site_url}/doelen/{XSS_CODE}/?h={word}")
    expect(content(page).locator("mark").first).to_be_visible()  # the highlighter ran
    _no_injected_elements(content(page))
    expect(content(page)).to_contain_text("<script>alert('omschrijving')</script>")
    expect(content(page)).to_contain_text("<b onmouseover=alert('uitwerking')>vet</b>")
    content(page).locator("#uitwerkingen + ul li").first.hover()  # no onmouseover runs


# --- 4. Voorkennis, both ways -----------------------------------------------------------


def test_follow_voorkennis_and_back(page: Page, site_url: str) -> None:
    page.goto(site_url + "/doelen/DG-027/")
    click(content(page).locator("#bouwt-voort-op + ul").get_by_role("link", name="DG-025"))
    expect(page).to_have_url(site_url + "/doelen/DG-025/")
    expect(heading(page)).to_have_text(re.compile(r"^DG-025 "))
    click(content(page).locator("#is-voorkennis-voor + ul").get_by_role("link", name="DG-027"))
    expect(page).to_have_url(site_url + "/doelen/DG-027/")
    expect(heading(page)).to_have_text(re.compile(r"^DG-027 "))


# --- 5. A groep page and its CSV --------------------------------------------------------


def _csv_codes(data: bytes) -> list[str]:
    assert data.startswith(b"\xef\xbb\xbfcode;titel;"), data[:40]
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    return [row[0] for row in rows[1:]]


def test_groep_page_lists_goals_and_its_csv_downloads(page: Page, site_url: str) -> None:
    page.goto(site_url + "/groepen/5-6/")
    expect(heading(page)).to_have_text("Wat leren mijn leerlingen in groep 5-6?")
    codes = [c.strip() for c in content(page).locator("tbody tr td:first-child").all_inner_texts()]
    assert len(codes) > 20 and all(CODE.match(c) for c in codes), codes
    assert len(set(codes)) == len(codes)

    link = content(page).get_by_role("link", name="Download als CSV", exact=True)
    href = link.get_attribute("href")
    assert href
    response = page.request.get(page.url + href)
    assert response.status == 200
    content_type = response.headers["content-type"].split(";")[0].strip()
    assert content_type in ("text/csv", "application/octet-stream")
    assert sorted(_csv_codes(response.body())) == sorted(codes)

    with page.expect_download() as download:  # and a click on the link downloads it
        click(link)
    assert download.value.suggested_filename == "leerdoelen-groep-5-6.csv"
    assert _csv_codes(Path(download.value.path()).read_bytes()) == _csv_codes(response.body())


# --- 6. Printing ------------------------------------------------------------------------

CHROME = [".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"]


@pytest.mark.parametrize("path", ["groepen/7-8/", f"scholen/{XSS_SCHOOL}/"])
def test_the_print_button_prints(page: Page, site_url: str, path: str) -> None:
    """A listener in assets/leerdoelen.js, not an onclick attribute: the site has none."""
    page.goto(f"{site_url}/{path}")
    page.evaluate("window.print = () => { window.geprint = true }")
    page.locator(".leerdoelen-print").click()
    assert page.evaluate("window.geprint") is True


@pytest.mark.parametrize(
    ("path", "max_pages"),
    [
        ("doelen/DG-027/", 1),  # one goal on one sheet
        ("leerlijnen/digitale-geletterdheid/", 1),
        ("groepen/5-6/", None),
    ],
)
def test_print_shows_only_the_content(
    page: Page, site_url: str, path: str, max_pages: int | None
) -> None:
    page.goto(f"{site_url}/{path}")
    for selector in CHROME:  # on screen the chrome is there...
        expect(page.locator(selector)).to_be_visible()
    page.emulate_media(media="print")
    for selector in [*CHROME, ".md-sidebar", ".md-button", ".leerdoelen-print"]:
        for element in page.locator(selector).all():  # ...in print it is not
            expect(element).to_be_hidden()
    expect(content(page)).to_be_visible()
    expect(heading(page)).to_be_visible()
    expect(content(page).locator("table").first).to_be_visible()
    # The content gets the whole width of the paper, not the screen's middle column.
    box = content(page).bounding_box()
    assert box is not None and box["width"] >= 0.95 * page.viewport_size["width"]  # type: ignore[index]

    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert pages >= 1
    if max_pages is not None:
        assert pages <= max_pages, f"{path} beslaat {pages} A4-pagina's"


# --- 7. Accessibility -------------------------------------------------------------------

AUDIT = [
    "",
    "domeinen/digitale-geletterdheid/",
    "kerndoelen/DG-po-24/",
    "doelen/DG-027/",
    "doelen/DG-042/",  # a retired goal, with its warning banner
    "leerlijnen/digitale-geletterdheid/",
    "groepen/5-6/",
    "meldingen/",
]
SERIOUS = ("serious", "critical")


def _axe(page: Page) -> list[str]:
    """Run axe-core on the page as it is; return its serious and critical violations."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(
        """async () => (await axe.run(document)).violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary),
        }))"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"][:5])
        for v in violations
        if v["impact"] in SERIOUS
    ]


@pytest.mark.parametrize("path", AUDIT)
def test_no_serious_accessibility_violations(page: Page, site_url: str, path: str) -> None:
    page.goto(f"{site_url}/{path}")
    violations = _axe(page)
    assert violations == [], "\n".join(violations)


# Zensical 0.0.73's own search dialog (in its shadow root, out of reach of our CSS) fails
# these two axe rules with results on screen: the grey path under each result (3.4:1) and
# the result list, which scrolls but takes no keyboard focus. Documented in the README;
# the only accessibility difference between the two sites.
ZENSICAL_SEARCH_VIOLATIONS = ["color-contrast", "scrollable-region-focusable"]


def test_search_with_results_is_accessible(page: Page, site_url: str, engine: str) -> None:
    page.goto(site_url + "/")
    expect(search(page, engine, "programmeren").first).to_be_visible()
    violations = _axe(page)
    if engine == "zensical":
        assert [v.split(" ")[0] for v in violations] == ZENSICAL_SEARCH_VIOLATIONS, violations
        assert all(".focus-visible" in v.split("\n")[1] for v in violations), violations
        return
    assert violations == [], "\n".join(violations)
