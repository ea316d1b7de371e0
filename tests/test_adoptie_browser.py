"""The adoption pages in a real browser: a school's checklist on screen and on paper, its
CSV download, from the overview to a dashboard to a school, and an accessibility audit.

Every test uses the ``page`` fixture from ``conftest.py`` (headless Chromium on the session's
site; a request that leaves localhost or a JavaScript dialog fails the test). The school
``XSS_SCHOOL`` has texts that try to inject HTML; an injected ``alert()`` would open a dialog.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from conftest import OPEN_NETWORK, STALE_SCHOOL, XSS_SCHOOL
from playwright.sync_api import Locator, Page, expect
from test_site_browser import _axe

pytestmark = [pytest.mark.browser, pytest.mark.slow]  # Chromium on the session's site build

CODE = re.compile(r"^[A-Z]{2}-\d{3}$")
# A school page stands alone (written as HTML): its chrome is a breadcrumb and a footer.
CHROME = [".ld-los__kop", ".ld-los__voet"]


def content(page: Page) -> Locator:
    return page.locator("article.md-content__inner")


def goal_rows(page: Page) -> Locator:
    """The checklist rows of goals (not the kerndoel rows that head them)."""
    return content(page).locator(".ld-checklist tbody tr:not(.ld-kerndoel)")


def codes_on_page(page: Page) -> list[str]:
    return [c.strip() for c in goal_rows(page).locator("td:nth-child(2)").all_inner_texts()]


def test_school_checklist_on_screen(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/scholen/{XSS_SCHOOL}/")
    expect(content(page).get_by_role("heading", level=1)).to_have_text(
        "OBS <script>alert('school')</script> De Toets"
    )
    codes = codes_on_page(page)
    assert len(codes) > 50 and all(CODE.match(c) for c in codes)
    # The box column is for paper: on screen it is not there.
    expect(goal_rows(page).first.locator("td").first).to_be_hidden()
    row = goal_rows(page).filter(has=page.get_by_role("link", name="DG-001", exact=True))
    expect(row.locator("td").nth(4)).to_have_text("ingevoerd")
    expect(row).to_contain_text("<img src=x onerror=alert('toelichting')>")
    # The code leads to the goal.
    row.get_by_role("link", name="DG-001", exact=True).click()
    expect(page).to_have_url(f"{site_url}/doelen/DG-001/")


def test_school_checklist_prints_as_a_checklist(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/scholen/{XSS_SCHOOL}/")
    for selector in CHROME:
        expect(page.locator(selector)).to_be_visible()
    page.emulate_media(media="print")
    for selector in [*CHROME, ".md-button", ".leerdoelen-print"]:
        for element in page.locator(selector).all():
            expect(element).to_be_hidden()
    expect(content(page).get_by_role("heading", level=1)).to_be_visible()
    table = content(page).locator(".ld-checklist table").first
    expect(table).to_be_visible()
    expect(table.locator("thead th").first).to_have_text("Klaar")
    expect(table.locator("thead th").first).to_be_visible()
    first = goal_rows(page).first.locator("td").first
    expect(first).to_be_visible()
    expect(first).to_have_text(re.compile("^[☐☑]$"))
    box = content(page).bounding_box()
    assert box is not None and box["width"] >= 0.95 * page.viewport_size["width"]  # type: ignore[index]
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert 2 <= pages <= 12, f"de checklist beslaat {pages} A4-pagina's"


def test_school_csv_downloads_with_the_rows_of_the_page(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/scholen/{XSS_SCHOOL}/")
    codes = codes_on_page(page)
    statuses = [s.strip() for s in goal_rows(page).locator("td:nth-child(5)").all_inner_texts()]
    link = content(page).get_by_role("link", name="Download als CSV", exact=True)
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == f"checklist-{XSS_SCHOOL}.csv"
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbfcode;titel;")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert [(r["code"], r["status"]) for r in rows] == list(zip(codes, statuses, strict=True))
    excel = content(page).get_by_role("link", name="Download als Excel", exact=True)
    response = page.request.get(page.url + (excel.get_attribute("href") or ""))
    assert response.status == 200 and response.body().startswith(b"PK")


def test_from_the_overview_to_a_dashboard_to_a_school(page: Page, site_url: str) -> None:
    page.goto(site_url + "/")
    nav = page.get_by_role("navigation", name="Navigatie")
    nav.get_by_role("link", name="Scholen en netwerken", exact=True).click()
    expect(page).to_have_url(f"{site_url}/netwerken/")
    content(page).locator(".ld-netwerken").get_by_role(
        "link", name=re.compile("^Toetsnetwerk")
    ).click()
    expect(page).to_have_url(f"{site_url}/netwerken/{OPEN_NETWORK}/")
    expect(content(page).get_by_role("heading", level=1)).to_have_text(
        "Toetsnetwerk <b onmouseover=alert('netwerk')>Open</b> & Co"
    )
    content(page).get_by_role("heading", level=1).hover()  # no handler runs
    stale = content(page).locator(".ld-scholen tr", has_text="Stilstaande Toetsschool")
    expect(stale).to_contain_text("verouderd")
    stale.get_by_role("link").click()
    expect(page).to_have_url(f"{site_url}/scholen/{STALE_SCHOOL}/")
    expect(content(page).locator(".admonition-title", has_text="Verouderd")).to_be_visible()


@pytest.mark.parametrize(
    "path",
    [
        "netwerken/",
        f"netwerken/{OPEN_NETWORK}/",
        f"scholen/{XSS_SCHOOL}/",
        f"scholen/{STALE_SCHOOL}/",
    ],
)
def test_no_serious_accessibility_violations(page: Page, site_url: str, path: str) -> None:
    page.goto(f"{site_url}/{path}")
    violations = _axe(page)
    assert violations == [], "\n".join(violations)
