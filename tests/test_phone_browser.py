"""Every kind of page fits a phone: at 390 px wide the document does not scroll sideways.
A wide table may scroll inside its own box; text wraps. Real Chromium on the session's
site (the ``page`` fixture in ``conftest.py``)."""

from __future__ import annotations

import pytest
from conftest import OPEN_NETWORK, XSS_SCHOOL
from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]  # Chromium on the session's site build

PHONE = 390  # an iPhone 12 to 15, in CSS pixels

KINDS = {
    "home": "",
    "domein": "domeinen/digitale-geletterdheid/",
    "kerndoel": "kerndoelen/DG-po-24/",
    "leerdoel": "doelen/DG-027/",
    "leerlijn": "leerlijnen/mens-en-natuur/",
    "groep": "groepen/5-6/",
    "school": f"scholen/{XSS_SCHOOL}/",
    "netwerk": f"netwerken/{OPEN_NETWORK}/",
    "doelen": "doelen/",
    "kerndoelen": "kerndoelen/",
    "netwerken": "netwerken/",
    "open data": "open-data/",
    "veranderd": "veranderd/",
    "bijdragen": "bijdragen/",
    "dekking": "dekking/",
    "meldingen": "meldingen/",
    "404": "404.html",
}


@pytest.mark.parametrize("path", list(KINDS.values()), ids=list(KINDS))
def test_every_kind_of_page_fits_a_phone(page: Page, site_url: str, path: str) -> None:
    page.set_viewport_size({"width": PHONE, "height": 844})
    page.goto(f"{site_url}/{path}")
    page.wait_for_load_state("load")
    width = page.evaluate("document.scrollingElement.scrollWidth")
    wider = page.evaluate(
        """(phone) => [...document.querySelectorAll('p, li, h1, h2, h3, td, th')]
            .filter(e => e.getBoundingClientRect().right > phone + 1
                && !e.closest('table, .md-typeset__scrollwrap, .md-sidebar, nav'))
            .slice(0, 5).map(e => e.tagName + ': ' + e.textContent.trim().slice(0, 60))""",
        PHONE,
    )
    assert width <= PHONE, f"{path or 'home'} is {width} px breed: {wider}"
    assert wider == [], f"{path or 'home'}: tekst loopt buiten beeld: {wider}"
