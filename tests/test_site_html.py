"""The built site, read as HTML and files (no browser): privacy, escaping, URLs, downloads.

Everything here reads the site that ``conftest.site_build`` built once for the session (the
bundled content plus the injection goal DG-999), except the failed-build tests at the end,
which build a copy of the project of their own.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import EXAMPLE_SCHOOL, ROOT, XSS_CODE, SiteBuild, add_adoptie, copy_project

pytestmark = pytest.mark.slow  # the session's site build, and real builds of its own

# ---------------------------------------------------------------------------------------
# A tiny DOM, enough to ask "is this link in the site chrome or in the goal text?"

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [
            e
            for e in self.iter()
            if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)
        ]

    def find(self, tag: str | None = None, cls: str | None = None) -> Element:
        found = self.find_all(tag, cls)
        assert found, f"geen <{tag or '*'} class={cls}> gevonden"
        return found[0]

    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text() for c in self.children]
        return " ".join("".join(parts).split())

    def inside(self, tag: str, cls: str) -> bool:
        node = self.parent
        while node is not None:
            if node.tag == tag and cls in node.classes:
                return True
            node = node.parent
        return False


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}, self.stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


@pytest.fixture(scope="module")
def html_pages(site: Path) -> dict[str, tuple[str, Element]]:
    """Every HTML file of the site: relative path → (source, parsed tree)."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        source = path.read_text(encoding="utf-8")
        pages[path.relative_to(site).as_posix()] = (source, parse(source))
    assert len(pages) > 100, "de site lijkt niet volledig gebouwd"
    return pages


def article(tree: Element) -> Element:
    """The page content: what the Markdown became, as opposed to Material's chrome."""
    return tree.find("article", "md-content__inner")


# ---------------------------------------------------------------------------------------
# The content, read from the YAML the session built


@pytest.fixture(scope="module")
def goals(site_build: SiteBuild) -> dict[str, dict]:
    data = {}
    for path in sorted((site_build.root / "goals").glob("*/*.yaml")):
        if path.name != "kader.yaml":
            goal = yaml.safe_load(path.read_text(encoding="utf-8"))
            data[goal["code"]] = goal
    assert XSS_CODE in data and len(data) > 50
    return data


# ---------------------------------------------------------------------------------------
# 1. Privacy: nothing is loaded from another host

_LOADS = {  # element → attributes whose URL the browser fetches on its own
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "source": ("src", "srcset"),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "link": ("href",),
    "use": ("href", "xlink:href"),
    "image": ("href", "xlink:href"),
}
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")\s]+)", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"@import", re.IGNORECASE)
_FONT_HOSTS = re.compile(r"fonts\.(googleapis|gstatic)\.com", re.IGNORECASE)


def _remote(url: str) -> bool:
    """A URL that points at another host (or could: scheme-relative ``//host``)."""
    url = url.strip()
    if url.startswith(("data:", "#")):
        return False
    parts = urlsplit(url)
    return bool(parts.netloc) or parts.scheme not in ("", "data")


def _css_problems(css: str, where: str) -> list[str]:
    problems = [f"{where}: @import" for _ in _CSS_IMPORT.finditer(css)]
    problems += [f"{where}: url({u})" for u in _CSS_URL.findall(css) if _remote(u)]
    return problems


def test_no_page_loads_anything_from_another_host(
    html_pages: dict[str, tuple[str, Element]],
) -> None:
    problems = []
    content_links = 0
    site_url = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    for name, (_, tree) in html_pages.items():
        for element in tree.iter():
            if element.attrs.get("rel") == "canonical":
                # The page's own address on the published site: named, never loaded.
                assert element.attrs["href"] == site_url + name.removesuffix("index.html")
                continue
            for attribute in _LOADS.get(element.tag, ()):
                for url in element.attrs.get(attribute, "").split(","):
                    if url.strip() and _remote(url.split()[0]):
                        problems.append(f"{name}: <{element.tag} {attribute}={url.strip()!r}>")
            if element.tag == "a" and _remote(element.attrs.get("href", "")):
                # Links that editors wrote in goal text are theirs to make (only http(s)
                # and mailto pass the escaping); a link in the chrome is ours.
                if element.inside("article", "md-content__inner"):
                    content_links += 1
                else:
                    problems.append(f"{name}: link in de opmaak naar {element.attrs['href']}")
            if element.tag == "form" and _remote(element.attrs.get("action", "")):
                problems.append(f"{name}: <form action={element.attrs['action']!r}>")
            if element.tag == "meta" and element.attrs.get("http-equiv", "").lower() == "refresh":
                problems.append(f"{name}: <meta http-equiv=refresh>")
            if "style" in element.attrs:
                problems += _css_problems(element.attrs["style"], f"{name} style=")
            if element.tag == "style":
                problems += _css_problems(element.text(), f"{name} <style>")
    assert problems == []
    # The check can tell chrome from content: DG-999's example.org link is in its text.
    assert content_links >= 1


def test_site_css_loads_nothing_from_another_host(site: Path) -> None:
    sheets = sorted(site.rglob("*.css"))
    assert {p.name for p in sheets} >= {"leerdoelen.css"}
    assert any(p.name.startswith("main.") for p in sheets), "Material's stylesheet ontbreekt"
    problems = []
    for sheet in sheets:
        problems += _css_problems(sheet.read_text(encoding="utf-8"), sheet.relative_to(site))
    assert problems == []


def test_no_google_fonts_anywhere_in_pages_or_css(site: Path) -> None:
    """``theme.font: false``: Material neither links Google Fonts nor names them in CSS.

    Only HTML and CSS are scanned. Material's JavaScript bundle carries code paths for
    optional features that mention other hosts (a ResizeObserver polyfill and Mermaid from
    unpkg.com, repository facts from api.github.com); they are never executed on this site
    (see the next test), and the browser tests' ``page`` fixture fails any test in which a
    request actually leaves localhost, which covers what the scripts really do.
    """
    found = [
        path.relative_to(site).as_posix()
        for path in sorted(site.rglob("*"))
        if path.suffix in (".html", ".css") and _FONT_HOSTS.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_material_has_no_reason_to_fetch_its_optional_scripts(
    html_pages: dict[str, tuple[str, Element]],
) -> None:
    """Material loads Mermaid from unpkg.com for ``.mermaid`` blocks and asks GitHub's API
    for repository facts when ``repo_url`` is set. Neither may ever appear."""
    for name, (source, tree) in html_pages.items():
        assert not tree.find_all(cls="mermaid"), name
        assert not tree.find_all(cls="md-source"), name
        assert '"repo_url"' not in source
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "repo_url" not in config
    assert config["theme"]["font"] is False
    assert config["extra"]["generator"] is False


def test_no_link_to_material_or_mkdocs_in_the_footer(
    html_pages: dict[str, tuple[str, Element]],
) -> None:
    for name, (_, tree) in html_pages.items():
        footer = tree.find_all("footer")
        assert len(footer) <= 1, name
        for link in footer[0].find_all("a") if footer else []:
            assert not _remote(link.attrs.get("href", "")), f"{name}: {link.attrs}"


# ---------------------------------------------------------------------------------------
# 2. Goal text is data

XSS_PAGES = {  # every page that shows DG-999, and whether it shows its title there
    f"doelen/{XSS_CODE}/index.html": True,
    "domeinen/digitale-geletterdheid/index.html": True,
    "kerndoelen/DG-po-24/index.html": True,
    "groepen/7-8/index.html": True,
    "doelen/index.html": True,
    "leerlijnen/digitale-geletterdheid/index.html": True,  # code and title in each cell
    "veranderd/index.html": True,  # added since the test site's release tag
}
_SCRIPT_ALERT = re.compile(r"<\s*script[^>]*>\s*alert", re.IGNORECASE)
_JS_HREF = re.compile(r"""href\s*=\s*["']?\s*javascript:""", re.IGNORECASE)
# Event handler attributes the site has on purpose: none (the print buttons use a listener).
_ALLOWED_HANDLERS: set[tuple[str, str, str]] = set()


def test_every_page_that_shows_the_injection_goal_is_known(
    html_pages: dict[str, tuple[str, Element]],
) -> None:
    showing = {
        name
        for name, (_, tree) in html_pages.items()
        if any(
            a.attrs.get("href", "").rstrip("/").endswith(XSS_CODE) or XSS_CODE in a.text()
            for a in article(tree).find_all("a")
        )
        or name == f"doelen/{XSS_CODE}/index.html"
    }
    assert showing == set(XSS_PAGES)


@pytest.mark.parametrize(("name", "with_title"), XSS_PAGES.items())
def test_goal_text_is_shown_as_text(
    html_pages: dict[str, tuple[str, Element]], name: str, with_title: bool
) -> None:
    source, tree = html_pages[name]
    assert XSS_CODE in source
    assert not _SCRIPT_ALERT.search(source)
    assert not _JS_HREF.search(source)
    for element in tree.iter():
        for attribute, value in element.attrs.items():
            if attribute.startswith("on"):
                assert (element.tag, attribute, value) in _ALLOWED_HANDLERS, (
                    f"<{element.tag} {attribute}={value!r}>"
                )
    for script in tree.find_all("script"):
        assert "alert" not in script.text()
    content = article(tree)
    assert not content.find_all("img") and not content.find_all("b")
    assert not content.find_all("script") and not content.find_all("iframe")
    if with_title:
        assert "&lt;script&gt;" in source
        assert "<script>alert('titel')</script>" in content.text()


def test_the_goal_page_shows_all_its_text_as_text_and_keeps_the_safe_subset(
    html_pages: dict[str, tuple[str, Element]],
) -> None:
    tree = html_pages[f"doelen/{XSS_CODE}/index.html"][1]
    content = article(tree)
    text = content.text()
    assert "<script>alert('omschrijving')</script> gewoon tekst" in text
    assert "<img src=x onerror=alert('img')>" in text
    assert "[een link](javascript:alert('link'))" in text
    assert "<b onmouseover=alert('uitwerking')>vet</b> blijft tekst" in text
    # Head: the title and description are escaped too.
    assert "<script>alert('titel')</script>" in tree.find("title").text()
    description = [m for m in tree.find_all("meta") if m.attrs.get("name") == "description"]
    assert "<img src=x onerror=alert('img')>" in description[0].attrs["content"]
    # Not over-escaped: emphasis and an http(s) link written by the editor still work.
    assert [e.text() for e in content.find_all("em")] == ["echte"]
    assert [a.attrs["href"] for a in content.find_all("a") if _remote(a.attrs["href"])] == [
        "https://example.org/"
    ]


_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][^\s/>]*)([^>]*)>")
# What Material's search plugin keeps of the page HTML; the search UI renders these.
_SEARCH_TAGS = {"p", "ul", "ol", "li", "code", "em", "strong", "pre", "sub", "sup", "mark"}


def test_search_index_holds_goal_text_escaped(site: Path) -> None:
    """Material stores each section's text as HTML and the search UI inserts it as HTML:
    only bare structural tags may be in it, and goal text only with escaped ``<``."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    problems = []
    for doc in index["docs"]:
        for key in ("title", "text"):
            for closing, tag, rest in _TAG.findall(doc[key]):
                if tag.lower() not in _SEARCH_TAGS or rest.strip():
                    problems.append(f"{doc['location']} {key}: <{closing}{tag}{rest}>")
    assert problems == []
    docs = {d["location"]: d for d in index["docs"]}
    goal = docs[f"doelen/{XSS_CODE}/"]
    assert "&lt;script&gt;alert('titel')&lt;/script&gt;" in goal["title"]
    assert "&lt;img src=x onerror=alert('img')&gt;" in goal["text"]


# ---------------------------------------------------------------------------------------
# 3. Stable URLs, and retired goals that point onwards


def test_every_goal_has_a_page_at_its_code(
    goals: dict[str, dict], html_pages: dict[str, tuple[str, Element]]
) -> None:
    missing = [code for code in goals if f"doelen/{code}/index.html" not in html_pages]
    assert missing == []
    for code in goals:
        h1 = article(html_pages[f"doelen/{code}/index.html"][1]).find("h1")
        assert h1.text().startswith(f"{code} "), code


def _banner(tree: Element, title: str) -> Element | None:
    for box in article(tree).find_all("div", "admonition"):
        if box.find("p", "admonition-title").text() == title:
            return box
    return None


def test_retired_goals_show_a_banner_that_points_onwards(
    goals: dict[str, dict], html_pages: dict[str, tuple[str, Element]]
) -> None:
    retired = {code: goal for code, goal in goals.items() if goal["status"] == "vervallen"}
    assert {"DG-042", "MN-015"} <= set(retired)
    for code, goal in retired.items():
        banner = _banner(html_pages[f"doelen/{code}/index.html"][1], "Vervallen")
        assert banner is not None, code
        assert "warning" in banner.classes
        # One list item per replacement, each a link to the replacement's page.
        items = banner.find_all("li")
        replacements = goal.get("vervangen_door") or []
        assert [li.find("a").attrs["href"] for li in items] == [
            f"../{new}/" for new in replacements
        ], code
        for li, new in zip(items, replacements, strict=True):
            assert li.text().startswith(f"{new} {goals[new]['titel']}")
        if goal.get("reden"):
            assert " ".join(goal["reden"].split()) in banner.text()
    for code in set(goals) - set(retired):
        assert _banner(html_pages[f"doelen/{code}/index.html"][1], "Vervallen") is None


def test_retired_goals_are_not_listed_as_current(
    goals: dict[str, dict], html_pages: dict[str, tuple[str, Element]]
) -> None:
    for groep in ("1-2", "3-4", "5-6", "7-8"):
        tree = html_pages[f"groepen/{groep}/index.html"][1]
        linked = {a.text() for a in article(tree).find_all("a")}
        assert "DG-042" not in linked and "MN-015" not in linked


# ---------------------------------------------------------------------------------------
# 4. The nav holds the sections only, so pages do not grow with the number of goals

SECTIONS = [
    "Home",
    "Domeinen",
    "Kerndoelen",
    "Leerdoelen",
    "Leerlijnen",
    "Groepen",
    "Scholen en netwerken",
    "Wat is er veranderd",
    "Open data",
]
# Editor material, apart from the teachers' sections: one nested nav section.
EDITORS = "Voor redacteuren"
EDITOR_PAGES = ["Bijdragen", "Dekking", "Meldingen"]
_GOAL_URL = re.compile(r"doelen/[A-Z]{2}-\d{3}")


def _primary_nav(tree: Element) -> Element:
    return next(n for n in tree.find_all("nav") if "md-nav--primary" in n.classes)


def _nearest_nav(element: Element) -> Element | None:
    node = element.parent
    while node is not None and node.tag != "nav":
        node = node.parent
    return node


def _section_links(tree: Element) -> list[str]:
    """The nav's own entries (on a section page Material also nests that page's table of
    contents in the nav, in a nav of its own: those are headings, not pages)."""
    nav = _primary_nav(tree)
    return [a.text() for a in nav.find_all("a", "md-nav__link") if _nearest_nav(a) is nav]


def test_nav_on_a_goal_page_holds_only_the_section_pages(
    goals: dict[str, dict], html_pages: dict[str, tuple[str, Element]]
) -> None:
    navs = set()
    for code in goals:
        source, tree = html_pages[f"doelen/{code}/index.html"]
        nav = _primary_nav(tree)
        links = [a.text() for a in nav.find_all("a", "md-nav__link")]
        assert links == SECTIONS + EDITOR_PAGES, code
        assert not any(_GOAL_URL.search(a.attrs["href"]) for a in nav.find_all("a"))
        # The chrome around the article is the same on every goal page.
        start = source.index('<nav class="md-nav md-nav--primary"')
        navs.add(source[start : source.index("</nav>", start)])
    assert len(navs) == 1


def _editor_nav(tree: Element) -> Element:
    """The nested nav that the label "Voor redacteuren" names."""
    label = next(lb for lb in _primary_nav(tree).find_all("label") if lb.text() == EDITORS)
    return next(
        n for n in tree.find_all("nav") if n.attrs.get("aria-labelledby") == label.attrs["id"]
    )


def test_editor_pages_are_one_section_after_the_teachers_pages(
    html_pages: dict[str, tuple[str, Element]],
) -> None:
    for name in ("index.html", "doelen/DG-001/index.html", "meldingen/index.html"):
        nav = _editor_nav(html_pages[name][1])
        assert [a.text() for a in nav.find_all("a", "md-nav__link") if _nearest_nav(a) is nav] == (
            EDITOR_PAGES
        ), name


def test_no_page_lists_goals_in_its_nav(html_pages: dict[str, tuple[str, Element]]) -> None:
    for name, (_, tree) in html_pages.items():
        if name.startswith("scholen/"):
            continue  # standalone checklists have no site nav (tests/test_adoptie_site.py)
        assert _section_links(tree) == SECTIONS, name
        hrefs = [a.attrs.get("href", "") for a in _primary_nav(tree).find_all("a")]
        assert not any(_GOAL_URL.search(href) for href in hrefs), name


# ---------------------------------------------------------------------------------------
# 5. The groep CSV

CSV_HEADER = [
    "code",
    "titel",
    "domein",
    "subdomein",
    "kerndoel",
    "doelzin",
    "groepen",
    "status",
    "omschrijving",
    "lesmateriaal",
]


def test_groep_csv_has_one_row_per_current_goal(
    site: Path, goals: dict[str, dict], html_pages: dict[str, tuple[str, Element]]
) -> None:
    data = (site / "groepen" / "5-6" / "leerdoelen-groep-5-6.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "Excel herkent UTF-8 aan de BOM"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == CSV_HEADER
    body = [dict(zip(CSV_HEADER, row, strict=True)) for row in rows[1:]]
    expected = sorted(
        code for code, g in goals.items() if g["status"] != "vervallen" and "5-6" in g["groepen"]
    )
    codes = [row["code"] for row in body]
    assert sorted(codes) == expected
    # In the page's order (by domein and subdomein), as a teacher reads the page.
    tree = html_pages["groepen/5-6/index.html"][1]
    page = [r.find_all("td")[0].find("a").text() for r in tree.find_all("tr") if r.find_all("td")]
    assert codes == page
    for row in body:
        goal = goals[row["code"]]
        assert row["titel"] == goal["titel"]
        # "groep 5-6", never a bare "5-6", which a spreadsheet turns into a date
        assert row["groepen"] == ", ".join(f"groep {g}" for g in goal["groepen"])
        assert row["doelzin"] == goal["doelzin"]
        assert row["omschrijving"] == " ".join(goal["omschrijving"].split())
        lesmateriaal = goal.get("lesmateriaal", [])
        assert row["lesmateriaal"] == " | ".join(f"{m['titel']} ({m['url']})" for m in lesmateriaal)


def test_groep_page_links_to_its_csv(html_pages: dict[str, tuple[str, Element]]) -> None:
    for groep in ("1-2", "3-4", "5-6", "7-8"):
        tree = html_pages[f"groepen/{groep}/index.html"][1]
        links = [a for a in article(tree).find_all("a") if a.text() == "Download als CSV"]
        assert [a.attrs["href"] for a in links] == [f"leerdoelen-groep-{groep}.csv"]


# ---------------------------------------------------------------------------------------
# 6. A failed build never touches the published site


def _tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@dataclass
class Published:
    root: Path
    hash: str


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    """A copy of the project, built once (successfully)."""
    from leerdoelen.cli import main

    root = copy_project(tmp_path_factory.mktemp("gepubliceerd"))
    add_adoptie(root)
    assert main(["-C", str(root), "build"]) == 0
    assert (root / "public" / "doelen" / "DG-001" / "index.html").is_file()
    assert (root / "public" / "scholen" / EXAMPLE_SCHOOL / "index.html").is_file()
    return Published(root, _tree_hash(root / "public"))


def test_school_checklists_skip_mkdocs_and_are_linked_into_the_site(
    published: Published,
) -> None:
    """Standalone files are not MkDocs' input; the site holds them as hard links."""
    build = published.root / "build"
    assert not (build / "pages" / "scholen").exists()
    for name in ("index.html", f"checklist-{EXAMPLE_SCHOOL}.csv"):
        made = build / "static" / "scholen" / EXAMPLE_SCHOOL / name
        assert (published.root / "public" / "scholen" / EXAMPLE_SCHOOL / name).samefile(made)


def test_a_publish_that_cannot_link_copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from leerdoelen.commands.publish import STATIC, publish_static

    (tmp_path / STATIC / "scholen" / "99AA").mkdir(parents=True)
    (tmp_path / STATIC / "scholen" / "99AA" / "index.html").write_text("<p>x</p>", "utf-8")

    def no_links(source: object, target: object) -> None:
        raise OSError(18, "Invalid cross-device link")  # out/ on another file system

    monkeypatch.setattr("os.link", no_links)
    publish_static(tmp_path, tmp_path / "site")
    copied = tmp_path / "site" / "scholen" / "99AA" / "index.html"
    assert copied.read_text("utf-8") == "<p>x</p>"
    assert not copied.samefile(tmp_path / STATIC / "scholen" / "99AA" / "index.html")


def _leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".public"))


def test_content_error_leaves_the_site_untouched(
    published: Published, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from leerdoelen.cli import main

    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)  # plain text diagnostics
    capsys.readouterr()
    goal = published.root / "goals" / "digitale-geletterdheid" / "DG-014.yaml"
    original = goal.read_text(encoding="utf-8")
    goal.write_text(original.replace("groepen:", "groepen: [9-10]\nniet_bestaand:"), "utf-8")
    try:
        assert main(["-C", str(published.root), "build"]) == 1
    finally:
        goal.write_text(original, encoding="utf-8")
    out, err = capsys.readouterr()
    assert re.search(r"goals/digitale-geletterdheid/DG-014\.yaml:\d+:\d+: LD\d+: ", out), out
    assert "niet gepubliceerd" in err
    assert _tree_hash(published.root / "public") == published.hash
    assert _leftovers(published.root) == []


def test_mkdocs_error_leaves_the_site_untouched(
    published: Published, capsys: pytest.CaptureFixture[str]
) -> None:
    from leerdoelen.cli import main

    capsys.readouterr()
    page = published.root / "site" / "pages" / "kapot.md"
    page.write_text("# Kapot\n\nZie [deze pagina](bestaat-niet.md).\n", encoding="utf-8")
    # A school changed too: its new checklist is written before MkDocs fails, and must not
    # reach the published site through the hard link.
    school = published.root / "adoptie" / "scholen" / f"{EXAMPLE_SCHOOL}.yaml"
    original = school.read_text(encoding="utf-8")
    school.write_text(original.replace("naam: ", "naam: Nieuw ", 1), encoding="utf-8")
    try:
        assert main(["-C", str(published.root), "build"]) == 1
    finally:
        page.unlink()
        school.write_text(original, encoding="utf-8")
    made = published.root / "build" / "static" / "scholen" / EXAMPLE_SCHOOL / "index.html"
    assert "Nieuw " in made.read_text(encoding="utf-8")  # generated, then MkDocs failed
    _, err = capsys.readouterr()
    assert "leerdoelen: bouwen mislukt, de vorige site blijft staan" in err
    assert "MkDocs kon de site niet bouwen" in err
    assert "bestaat-niet.md" in err  # the message names what is broken
    assert _tree_hash(published.root / "public") == published.hash
    assert _leftovers(published.root) == []
    assert not (published.root / "public" / "kapot").exists()


@pytest.fixture(scope="module")
def page_ids(html_pages: dict[str, tuple[str, Element]]) -> dict[str, set[str | None]]:
    """Every HTML file of the site → the ids of its elements (link targets)."""
    return {
        name: {element.attrs.get("id") for element in tree.iter()}
        for name, (_, tree) in html_pages.items()
    }


def test_case_uris_lead_to_the_page_and_heading_of_each_item(
    site: Path, page_ids: dict[str, set[str | None]]
) -> None:
    """Every CFItem's ``uri`` is a page of this site (on its ``site_url``), and a ``#``
    part is the id of a heading there: a subdomein, a doelzin."""
    package = json.loads((site / "open-data" / "case.json").read_text(encoding="utf-8"))
    base = package["CFDocument"]["uri"]
    assert base == yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    fragments = 0
    for item in package["CFItems"]:
        assert item["uri"].startswith(base), item["uri"]
        path, _, fragment = item["uri"].removeprefix(base).partition("#")
        ids = page_ids[f"{path}index.html"]
        if fragment:
            fragments += 1
            assert fragment in ids, (item["humanCodingScheme"], fragment)
    assert fragments > 20  # subdomeinen and doelzinnen


def test_every_link_within_the_site_leads_to_a_page_and_heading_that_exist(
    site: Path,
    html_pages: dict[str, tuple[str, Element]],
    page_ids: dict[str, set[str | None]],
) -> None:
    """Relative links (the nav, goal pages, dashboards, school checklists) resolve to a
    file of the built site, and a ``#`` part to an id on that page."""
    broken, fragments = [], 0
    for name, (_, tree) in html_pages.items():
        for a in tree.find_all("a"):
            href = a.attrs.get("href", "")
            if not href or urlsplit(href).scheme or href.startswith(("//", "mailto:")):
                continue
            path, _, fragment = href.partition("#")
            if path.startswith("/"):  # the 404 page links from the site's root
                target = posixpath.normpath(path.lstrip("/") or ".")
            else:
                target = (PurePosixPath(name).parent / path).as_posix() if path else name
                target = posixpath.normpath(target)
            if path.endswith("/") or (site / target).is_dir():
                target = "index.html" if target == "." else f"{target}/index.html"
            if not (site / target).is_file():
                broken.append(f"{name}: {href}")
            elif fragment and target in page_ids:
                fragments += 1
                if fragment not in page_ids[target]:
                    broken.append(f"{name}: {href} (geen id {fragment!r})")
    assert broken == [], "\n".join(broken)
    assert fragments > 100  # the tables of contents and the doelzin links are checked too
