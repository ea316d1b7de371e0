"""Teacher pages without developer text, on the session's built site (issue 14): the home
page and its open-data page, search that shows a goal's own text, and a Dutch 404."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import XSS_CODE
from test_site_html import Element, article, parse

pytestmark = pytest.mark.slow  # the session's site build

OPEN_DATA = ["leerdoelen.json", "leerdoelen.csv", "case.json", "slo-curriculum-fo.zip"]


def _tree(site: Path, page: str) -> Element:
    return parse((site / page).read_text(encoding="utf-8"))


def test_home_page_has_no_developer_text_and_links_to_open_data(site: Path) -> None:
    home = article(_tree(site, "index.html"))
    assert "leerdoelen export" not in home.text()
    commands = [c.text() for c in home.find_all("code") if c.text().startswith("leerdoelen ")]
    assert commands == []
    hrefs = [a.attrs.get("href", "") for a in home.find_all("a")]
    assert "open-data/" in hrefs


def test_open_data_has_a_page_of_its_own_that_says_what_each_file_holds(site: Path) -> None:
    page = article(_tree(site, "open-data/index.html"))
    assert page.find("h1").text() == "Open data"
    rows = {
        row.find_all("td")[0].text(): row.find_all("td")[1].text()
        for row in page.find("tbody").find_all("tr")
    }
    assert list(rows) == OPEN_DATA
    assert all(len(what) > 40 for what in rows.values()), rows
    for name in OPEN_DATA:
        assert (site / "open-data" / name).is_file(), name
    assert "leerdoelen export" not in page.text()


def test_the_export_command_is_named_for_editors_only(site: Path) -> None:
    bijdragen = article(_tree(site, "bijdragen/index.html")).text()
    assert "leerdoelen export" in bijdragen


def _docs(site: Path) -> dict[str, dict[str, str]]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"]: doc for doc in index["docs"]}


def _omschrijving(site: Path, code: str) -> str:
    """The goal's own text: the first paragraph of the page body (not in a banner)."""
    body = article(_tree(site, f"doelen/{code}/index.html"))
    return next(c for c in body.children if isinstance(c, Element) and c.tag == "p").text()


@pytest.mark.parametrize("code", ["DG-001", "MN-007"])  # MN-007: concept, with a status note
def test_search_shows_the_goals_own_text_not_its_facts_table(site: Path, code: str) -> None:
    """The preview is the page's first text: the omschrijving, and no "Kenmerk Waarde"."""
    docs = _docs(site)
    text = docs[f"doelen/{code}/"]["text"]
    assert text.startswith("<p>" + _omschrijving(site, code)[:60]), text[:200]
    for words in ("Kenmerk", "Waarde", "Subdomein", "Trefwoorden"):
        assert words not in text, (code, words)


def test_a_vervallen_goal_warns_first_and_keeps_its_facts_out_of_search(site: Path) -> None:
    docs = _docs(site)
    text = docs["doelen/DG-042/"]["text"]
    assert "Dit leerdoel is vervallen" in text and _omschrijving(site, "DG-042")[:60] in text
    assert "Kenmerk" not in text
    for location, doc in docs.items():
        if location.startswith("doelen/"):
            assert "Kenmerk" not in doc["text"], location


def test_the_facts_table_is_still_on_the_page(site: Path) -> None:
    tree = article(_tree(site, f"doelen/{XSS_CODE}/index.html"))
    table = tree.find("div", "ld-kenmerken").find("table")
    assert [th.text() for th in table.find_all("th")] == ["Kenmerk", "Waarde"]


def test_the_404_page_is_dutch_with_a_way_home_and_to_the_goals(site: Path) -> None:
    source = (site / "404.html").read_text(encoding="utf-8")
    tree = parse(source)
    assert tree.find("html").attrs["lang"] == "nl"
    assert tree.find("title").text().startswith("Pagina niet gevonden")
    page = article(tree)
    assert page.find("h1").text() == "Pagina niet gevonden"
    links = {a.text(): a.attrs["href"] for a in page.find_all("a")}
    assert links == {"Naar de startpagina": "/", "Naar alle leerdoelen": "/doelen/"}
    assert not re.search(r"\bNot found\b", source, re.IGNORECASE)
