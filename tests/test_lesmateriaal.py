"""Lesmateriaal per leerdoel: the field and its schema, the rules (LD317, LD318), the goal
page's section and the groep page's macro, the open data (JSON, CSV) and the bundled goals.

Longer than 350 lines: one field's tests from the schema to the built site, read together.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
from playwright.sync_api import Page, expect
from pydantic import ValidationError

from leerdoelen.commands.check import CheckResult, check
from leerdoelen.core.model import SOORTEN, Leerdoel, Lesmateriaal
from leerdoelen.export.opendata import corpus_csv, corpus_json
from leerdoelen.render.pages import render_pages
from leerdoelen.versions.diff import compare
from leerdoelen.versions.log import History

GELDIG = Path(__file__).parent / "golden" / "geldig"
DG001 = Path("goals") / "digitale-geletterdheid" / "DG-001.yaml"
HEAD = """\
# yaml-language-server: $schema=../../schemas/leerdoel.schema.json
code: DG-001
titel: Stappen in de goede volgorde zetten
omschrijving: De leerling zet de stappen van een dagelijkse handeling in de goede volgorde.
doelzin: DG-po-23A
groepen: [1-2]
status: vastgesteld
"""


def _project(tmp_path: Path, lesmateriaal: str) -> CheckResult:
    """The golden project with DG-001's lesmateriaal replaced by ``lesmateriaal`` (YAML)."""
    root = Path(shutil.copytree(GELDIG, tmp_path / "project"))
    (root / DG001).write_text(HEAD + lesmateriaal, encoding="utf-8")
    return check(root)


def _found(result: CheckResult) -> list[tuple[str, int, int, str]]:
    return [(d.code, d.line, d.column, d.message) for d in result.diagnostics]


# --- the model and its schema --------------------------------------------------------------


def test_an_item_needs_titel_url_and_soort_and_groepen_are_optional() -> None:
    item = Lesmateriaal.model_validate(
        {"titel": "Scratch", "url": "https://scratch.mit.edu/", "soort": "app"}
    )
    assert item.groepen == []
    assert SOORTEN == ("les", "lessenserie", "leskist", "video", "app", "website", "methode")
    with pytest.raises(ValidationError):
        Lesmateriaal.model_validate({"titel": "Scratch", "url": "https://scratch.mit.edu/"})


@pytest.mark.parametrize(
    "url",
    [
        "http://scratch.mit.edu/",
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//scratch.mit.edu/",
        "https://scratch.mit.edu/ met spatie",
        "https://",
        " https://scratch.mit.edu/",
    ],
)
def test_only_https_links_are_accepted(url: str) -> None:
    with pytest.raises(ValidationError):
        Lesmateriaal.model_validate({"titel": "x", "url": url, "soort": "app"})


def test_the_schema_knows_the_field() -> None:
    schema = json.loads(
        (Path(__file__).parents[1] / "schemas" / "leerdoel.schema.json").read_text()
    )
    item = schema["$defs"]["Lesmateriaal"]
    assert item["properties"]["url"]["pattern"] == r"^https://[^\s]+$"
    assert item["properties"]["soort"]["enum"] == list(SOORTEN)
    assert item["required"] == ["titel", "url", "soort"]
    assert "lesmateriaal" not in schema["required"]
    assert Leerdoel.model_fields["lesmateriaal"].default_factory is not None


def test_a_link_that_is_not_https_is_a_schema_error_in_dutch(tmp_path: Path) -> None:
    result = _project(
        tmp_path,
        "lesmateriaal:\n"
        "  - titel: Oud\n    url: http://example.org/\n    soort: les\n"
        "  - titel: Kwaad\n    url: javascript:alert(1)\n    soort: les\n",
    )
    assert not result.ok
    assert _found(result) == [
        (
            "LD204",
            10,
            10,
            "'lesmateriaal[0].url': 'http://example.org/' is niet toegestaan; verwacht een "
            "link die begint met https://, zonder spaties",
        ),
        (
            "LD204",
            13,
            10,
            "'lesmateriaal[1].url': 'javascript:alert(1)' is niet toegestaan; verwacht een "
            "link die begint met https://, zonder spaties",
        ),
    ]


def test_an_unknown_soort_names_the_allowed_ones(tmp_path: Path) -> None:
    result = _project(
        tmp_path, "lesmateriaal:\n  - titel: Boek\n    url: https://example.org/\n    soort: boek\n"
    )
    [(code, line, column, message)] = _found(result)
    assert (code, line, column) == ("LD204", 11, 12)
    assert message.startswith("'lesmateriaal[0].soort': 'boek' is niet toegestaan; toegestaan: ")
    assert all(soort in message for soort in SOORTEN)


# --- the rules -----------------------------------------------------------------------------


def test_groepen_of_an_item_lie_within_the_goal_s_groepen(tmp_path: Path) -> None:
    result = _project(
        tmp_path,
        "lesmateriaal:\n"
        "  - titel: Leskist robots\n    url: https://example.org/kist\n    soort: leskist\n"
        "    groepen: [1-2, 5-6, 1-2]\n",
    )
    assert not result.ok
    assert _found(result) == [
        (
            "LD317",
            12,
            20,
            "DG-001: lesmateriaal 'Leskist robots' noemt groep 5-6, maar het leerdoel is voor "
            "groep 1-2",
        ),
        ("LD206", 12, 25, "'lesmateriaal[0].groepen' bevat '1-2' meer dan eens"),
    ]


def test_the_same_link_twice_in_one_goal_is_a_warning(tmp_path: Path) -> None:
    result = _project(
        tmp_path,
        "lesmateriaal:\n"
        "  - titel: Scratch\n    url: https://scratch.mit.edu/\n    soort: app\n"
        "  - titel: Scratch lessen\n    url: https://scratch.mit.edu/\n    soort: lessenserie\n",
    )
    assert result.ok and result.warnings == 1
    assert _found(result) == [
        (
            "LD318",
            13,
            10,
            "DG-001: lesmateriaal 'Scratch lessen' linkt naar https://scratch.mit.edu/, net als "
            "'Scratch' (regel 10)",
        )
    ]


def test_items_within_the_goal_s_groepen_pass(tmp_path: Path) -> None:
    result = _project(
        tmp_path,
        "lesmateriaal:\n"
        "  - titel: Plaatjes\n    url: https://example.org/a\n    soort: les\n"
        "    groepen: [1-2]\n"
        "  - titel: Video\n    url: https://example.org/b\n    soort: video\n",
    )
    assert _found(result) == []


# --- the goal page and the groep page's macro ------------------------------------------------

HOSTILE_TITEL = "<script>alert('titel')</script> *echt* [kaap](https://evil.example/) | x"
HOSTILE_URL = "https://example.org/les?a=1&b=<x>\"onmouseover=alert(1)'`)"


class _Links(HTMLParser):
    """The elements and the links of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.links: list[dict[str, str | None]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "a":
            self.links.append(dict(attrs))

    def handle_data(self, data: str) -> None:
        self.text += data


def _html(page: str) -> _Links:
    """The Markdown page as MkDocs would read it (Python-Markdown with attr_list)."""
    parser = _Links()
    parser.feed(markdown.markdown(page, extensions=["attr_list", "tables"]))
    return parser


def _pages(tmp_path: Path, lesmateriaal: str) -> dict[str, str | bytes]:
    result = _project(tmp_path, lesmateriaal)
    assert result.ok, _found(result)
    return render_pages(result.project.corpus, History("outside git"))


def test_the_goal_page_links_each_item_with_its_soort_and_groepen() -> None:
    result = check(GELDIG)
    page = render_pages(result.project.corpus, History("outside git"))["doelen/DG-001/index.md"]
    assert isinstance(page, str)
    section = page.split("## Lesmateriaal", 1)[1].split("\n## ", 1)[0]
    html = _html(section)
    assert html.links == [
        {
            "href": "https://example.org/lessen/volgorde",
            "rel": "external noopener",
            "class": "ld-lesmateriaal",
        },
        {
            "href": "https://example.org/leskist?groep=1-2&vak=dg",
            "rel": "external noopener",
            "class": "ld-lesmateriaal",
        },
    ]
    assert "Plaatjes op volgorde (les)" in html.text
    assert "Leskist volgorde (leskist)" in html.text
    # After the goal's own uitwerkingen and voorbeelden, before its leerlijn.
    assert page.index("## Voorbeelden") < page.index("## Lesmateriaal") < page.index("## Bouwt")


def test_a_goal_without_lesmateriaal_has_no_section(tmp_path: Path) -> None:
    page = _pages(tmp_path, "")["doelen/DG-001/index.md"]
    assert isinstance(page, str) and "Lesmateriaal" not in page


def test_hostile_titles_and_links_stay_text(tmp_path: Path) -> None:
    titel = json.dumps(HOSTILE_TITEL)
    url = json.dumps(HOSTILE_URL)
    page = _pages(
        tmp_path, f"lesmateriaal:\n  - titel: {titel}\n    url: {url}\n    soort: website\n"
    )["doelen/DG-001/index.md"]
    assert isinstance(page, str)
    section = page.split("## Lesmateriaal", 1)[1].split("\n## ", 1)[0]
    html = _html(section)
    assert [link["href"] for link in html.links] == [HOSTILE_URL]  # one link, as typed
    assert "script" not in html.tags
    assert [link.get("onmouseover") for link in html.links] == [None]
    # Emphasis in a title is kept; a link in it is its text (the item is the one link).
    assert "<script>alert('titel')</script> echt kaap | x (website)" in html.text
    assert html.tags.count("em") == 1


def test_a_groep_page_lists_the_material_that_fits_the_groep(tmp_path: Path) -> None:
    pages = _pages(
        tmp_path,
        "lesmateriaal:\n"
        "  - titel: Voor allen\n    url: https://example.org/a\n    soort: video\n"
        "  - titel: Alleen 1-2\n    url: https://example.org/b\n    soort: les\n"
        "    groepen: [1-2]\n",
    )
    page = pages["groepen/1-2/index.md"]
    assert isinstance(page, str)
    row = next(line for line in page.splitlines() if "doelen/DG-001" in line)
    html = _html(page)
    hrefs = [link["href"] for link in html.links]
    assert "https://example.org/a" in hrefs and "https://example.org/b" in hrefs
    assert "Alleen 1-2 (les, groep 1-2)" in html.text
    assert row.count("|") == 5  # the items stay inside the goal's cell of the table
    # DG-001 is a goal of groep 1-2 only; the golden project has it on no other groep page.
    assert all("example.org/a" not in str(p) for n, p in pages.items() if n.startswith("groepen/3"))


# --- open data -----------------------------------------------------------------------------


def test_the_json_holds_each_goal_s_lesmateriaal_as_objects(tmp_path: Path) -> None:
    result = _project(
        tmp_path,
        "lesmateriaal:\n"
        "  - titel: Plaatjes\n    url: https://example.org/a\n    soort: les\n"
        "    groepen: [1-2]\n",
    )
    document: dict[str, Any] = json.loads(corpus_json(result.project.corpus))
    goals = {g["code"]: g for g in document["leerdoelen"]}
    assert goals["DG-001"]["lesmateriaal"] == [
        {"titel": "Plaatjes", "url": "https://example.org/a", "soort": "les", "groepen": ["1-2"]}
    ]
    assert goals["DG-002"]["lesmateriaal"] == []


def test_the_csv_has_one_lesmateriaal_column_guarded_against_formulas(tmp_path: Path) -> None:
    result = _project(
        tmp_path,
        "lesmateriaal:\n"
        '  - titel: "=HYPERLINK(\\"https://evil.example\\")"\n'
        "    url: https://example.org/a\n    soort: les\n"
        '  - titel: "Tweede\\n  les"\n    url: https://example.org/b?x=1;y=2\n    soort: les\n',
    )
    text = corpus_csv(result.project.corpus).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0][-1] == "lesmateriaal"
    cells = {row[0]: row[-1] for row in rows[1:]}
    assert cells["DG-001"] == (
        '\'=HYPERLINK("https://evil.example") (https://example.org/a) | '
        "Tweede les (https://example.org/b?x=1;y=2)"
    )
    assert cells["DG-002"] == ""


# --- the bundled goals, on the session's site ---------------------------------------------


def test_a_bundled_goal_page_shows_its_lesmateriaal(site: Path) -> None:
    source = (site / "doelen" / "DG-027" / "index.html").read_text(encoding="utf-8")
    assert 'id="lesmateriaal"' in source
    links = _Links()
    links.feed(source)
    scratch = [a for a in links.links if a.get("href") == "https://scratch.mit.edu/"]
    assert scratch and all("noopener" in (a.get("rel") or "") for a in scratch)
    assert "Scratch (app)" in " ".join(links.text.split())


def test_bundled_lesmateriaal_links_only_to_home_pages() -> None:
    result = check(Path(__file__).parents[1])
    assert result.ok
    items = [m for d in result.project.corpus.leerdoelen.values() for m in d.lesmateriaal]
    goals = [d for d in result.project.corpus.leerdoelen.values() if d.lesmateriaal]
    assert 8 <= len(goals) <= 15
    for item in items:
        assert item.url.count("/") == 3 and item.url.endswith("/"), item.url


# --- diff ----------------------------------------------------------------------------------


def test_diff_names_lesmateriaal_that_came_and_went(tmp_path: Path) -> None:
    old = _project(
        tmp_path / "oud",
        "lesmateriaal:\n  - titel: Plaatjes\n    url: https://example.org/a\n    soort: les\n",
    )
    new = _project(
        tmp_path / "nieuw",
        "lesmateriaal:\n  - titel: Video\n    url: https://example.org/b\n    soort: video\n"
        "    groepen: [1-2]\n",
    )
    [change] = compare(old.project.corpus, new.project.corpus).changed
    [veld] = [f for f in change.fields if f.field == "lesmateriaal"]
    assert veld.old == ["Plaatjes (https://example.org/a, les)"]
    assert veld.new == ["Video (https://example.org/b, video, groep 1-2)"]


def test_lesmateriaal_is_for_the_screen_not_for_paper(page: Page, site_url: str) -> None:
    """On paper a goal keeps one sheet for the class; the links are for the teacher."""
    page.goto(f"{site_url}/doelen/DG-027/")
    link = page.locator("a.ld-lesmateriaal")
    expect(link).to_be_visible()
    assert link.get_attribute("href") == "https://scratch.mit.edu/"
    page.emulate_media(media="print")
    expect(link).to_be_hidden()
    expect(page.locator("h2#lesmateriaal")).to_be_hidden()
    expect(page.locator("h2#bouwt-voort-op")).to_be_visible()
