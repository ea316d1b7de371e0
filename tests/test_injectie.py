"""Hostile content: payloads in every free-text field publish nothing but text.

The site: a copy of the bundled content (with the test adoption files) gets a payload
corpus (scripts, event handlers through ``{: }`` on emphasis, code, links and images,
``javascript:``/``data:``/``vbscript:`` URLs, raw and entity-encoded HTML, comments,
reference definitions, autolinks) in every free-text field, and in its commit messages and
author. The fields are enumerated from the JSON Schemas in ``schemas/`` (every string
property without enum, pattern, format or const, through arrays, nested objects and
``$ref``), and each YAML file names its schema in its first line, so a field or a file kind
added later gets payloads without a change here. A twin copy gets plain words in the same
fields. Both are built with ``leerdoelen build``, once for this module, and every HTML page
and the search index are parsed (not grepped):

- no ``on*`` attribute anywhere;
- no ``<script>`` but the ones the twin page has (the theme's and ours);
- no URL attribute with a scheme other than http, https or mailto;
- what the payloads add to a page, compared with its twin, is only the elements and
  attributes that goal texts may have (``render/text.py``).

The PR summary (``leerdoelen diff --format markdown``): a git repository whose goal paths,
titles and texts hold payloads, rendered by a CommonMark renderer with GitHub's extensions
(markdown-it-py, ``gfm-like`` with linkify): the tokens must be those of a twin repository
with plain words, and nothing in them a heading, link, emphasis, HTML, mention or issue
reference made by the content.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, VANDAAG, add_adoptie, commit_all, copy_project, git_repo

pytestmark = pytest.mark.slow  # two real site builds of its own and git repositories

SCHEMAS = ROOT / "schemas"
PAYLOADS = (
    "<script>alert('script')</script>",
    "<ScRiPt src=https://evil.example/x.js></ScRiPt>",
    "<img src=x onerror=alert('img')>",
    "<svg onload=alert('svg')><circle r=9></circle></svg>",
    "<iframe src=https://evil.example/></iframe><object data=javascript:alert(1)></object>",
    "<style>body{display:none}</style><link rel=stylesheet href=https://evil.example/x.css>",
    "<base href=https://evil.example/>",
    "<meta http-equiv=refresh content=\"0;url=javascript:alert('meta')\">",
    "<form action=javascript:alert(1)><input autofocus onfocus=alert('in')><button "
    "formaction=javascript:alert(2)>ok</button></form>",
    "[*klik*{: onmouseover=\"alert('em')\" }](https://ok.example/)",
    "`code`{: onclick=\"alert('code')\" }",
    "**vet**{: onfocus=alert('strong') autofocus tabindex=1 }",
    "_schuin_{: onmouseover=alert('u') style=\"position:fixed;inset:0\" }",
    "[link](https://ok.example/){: onclick=alert('a') .md-button #nav }",
    "![beeld](https://ok.example/x.png){: onerror=alert('beeld') }",
    "![beeld](javascript:alert('beeld2'))",
    "Alinea met een lijst van attributen.\n{: onclick=alert('p') }",
    "## kop {: onclick=alert('h') }",
    "[js](javascript:alert('js'))",
    "[JS](JaVaScRiPt:alert('JS'))",
    "[spatie]( javascript:alert('spatie'))",
    "[tab](java\tscript:alert('tab'))",
    "[entiteit](&#106;avascript:alert('ent'))",
    "[hex](&#x6A;avascript&#x3A;alert('hex'))",
    "[colon](javascript&colon;alert('colon'))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[vb](vbscript:msgbox('vb'))",
    "<a href=\"javascript:alert('a2')\">a2</a>",
    "<a href=\"https://ok.example/\" onclick=alert('a3')>a3</a>",
    "<a href=\"&#x6A;avascript:alert('a4')\">a4</a>",
    "&lt;script&gt;alert('ent1')&lt;/script&gt;",
    "&#60;img src=x onerror=alert('ent2')&#62;",
    "<!-- opmerking --><!--><img src=x onerror=alert('comment')>-->",
    "[ref][x]\n\n[x]: javascript:alert('ref')",
    "[ref2][y]\n\n[y]: https://ok.example/ \"titel\" {: onclick=alert('ref2') }",
    "<javascript:alert('auto')>",
    "<https://ok.example/?q=\"><img src=x onerror=alert('auto2')>",
    "<info@evil.example>",
    '[t](https://ok.example/ "x\\" onmouseover=alert(\'title\') \\"")',
    "[gt](https://ok.example/?a=> onmouseover=alert('gt'))",
    "| a | b |\n|---|---|\n| <b onclick=alert('td')>c</b> | d |",
    "> citaat <b onclick=alert('q')>x</b>",
    "    <script>alert('indent')</script>",
    "<div markdown=\"1\">*md* <span onclick=alert('div')>x</span></div>",
    "!!! note \"<img src=x onerror=alert('adm')>\"\n\n    tekst",
    "- lijst <i onclick=alert('li')>x</i>\n- [js](javascript:alert('li2'))\n1. genummerd",
    "\\<script\\>alert('backslash')\\</script\\>",
    "\u2028<script>alert('ls')</script>",
    "</title><script>alert('title')</script>",
    "\"><script>alert('attr')</script>",
    "'><svg onload=alert('attr2')>",
    "x\n===\n\n---\n\n# kop",
)
# What text from the content may add to a page (render/text.py): elements and attributes.
ALLOWED = {"p": set(), "ul": set(), "ol": set(), "li": set(), "br": set(), "em": set()}
ALLOWED |= {"strong": set(), "a": {"href", "title", "rel"}}
# The changelog marks a changed text's words (render/woorden.py): how many depends on the text.
CHANGELOG = "veranderd/index.html"
ALLOWED_CHANGELOG = ALLOWED | {"del": set(), "ins": set()}
URL_ATTRIBUTES = {
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "data",
    "cite",
    "background",
    "ping",
    "longdesc",
    "lowsrc",
    "dynsrc",
    "codebase",
    "manifest",
    "icon",
    "usemap",
    "profile",
    "archive",
    "classid",
}
SCHEMES = {"http", "https", "mailto"}
# What Material's search plugin keeps of a page's HTML; its UI inserts these as HTML.
SEARCH_TAGS = {"p", "ul", "ol", "li", "code", "em", "strong", "pre", "sub", "sup", "mark"}


# ---------------------------------------------------------------------------------------
# The fields, from the schemas


Path_ = tuple[str, ...]  # ("subdomeinen", "[]", "titel"); "[]" an array item, "{}" a value


def free_text_fields(schema: dict) -> set[Path_]:
    """The paths of the string properties that take any text: no enum, pattern, format or
    const; through $ref, anyOf/oneOf/allOf, arrays and nested objects."""
    defs = schema.get("$defs", {})
    found: set[Path_] = set()

    def walk(node: dict, path: Path_, seen: frozenset[str]) -> None:
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            if name not in seen:
                walk(defs[name], path, seen | {name})
            return
        for key in ("anyOf", "oneOf", "allOf"):
            for option in node.get(key, ()):
                walk(option, path, seen)
        types = node.get("type")
        if "string" in (types if isinstance(types, list) else [types]) and not (
            {"enum", "pattern", "format", "const"} & node.keys()
        ):
            found.add(path)
        for name, sub in node.get("properties", {}).items():
            walk(sub, (*path, name), seen)
        if isinstance(node.get("items"), dict):
            walk(node["items"], (*path, "[]"), seen)
        if isinstance(node.get("additionalProperties"), dict):
            walk(node["additionalProperties"], (*path, "{}"), seen)

    walk(schema, (), frozenset())
    return found


def test_the_fields_come_from_the_schemas() -> None:
    fields = {p.name: free_text_fields(json.loads(p.read_text())) for p in SCHEMAS.glob("*.json")}
    assert ("titel",) in fields["leerdoel.schema.json"]
    assert ("uitwerkingen", "[]") in fields["leerdoel.schema.json"]
    assert ("reden",) in fields["leerdoel.schema.json"]  # anyOf string/null
    assert ("subdomeinen", "[]", "kerndoelen", "[]", "doelzinnen", "[]", "omschrijving") in (
        fields["kader.schema.json"]
    )
    assert ("doelen", "[]", "toelichting") in fields["school.schema.json"]
    assert ("doelstellingen", "[]", "titel") in fields["netwerk.schema.json"]
    assert ("code",) not in fields["leerdoel.schema.json"]  # a pattern
    assert ("status",) not in fields["leerdoel.schema.json"]  # an enum
    assert ("doelen", "[]", "datum") not in fields["school.schema.json"]  # a format


def _fill(node: object, path: Path_, text: Callable[[], str]) -> int:
    """Put ``text()`` in every string at ``path`` under ``node``; how many there were."""
    key, rest = path[0], path[1:]
    if key in ("[]", "{}"):
        if not isinstance(node, list if key == "[]" else dict):
            return 0
        keys = range(len(node)) if isinstance(node, list) else list(node)
    elif isinstance(node, dict) and key in node:
        keys = [key]
    else:
        return 0
    count = 0
    for k in keys:
        if rest:
            count += _fill(node[k], rest, text)  # type: ignore[index]
        elif isinstance(node[k], str):  # type: ignore[index]
            node[k] = text()  # type: ignore[index]
            count += 1
    return count


def _add(node: object, path: Path_, text: Callable[[], str]) -> bool:
    """Give the first object that can hold ``path`` a value there (for a field that no
    content has yet); False if there is none."""
    key, rest = path[0], path[1:]
    if key in ("[]", "{}"):
        items = node if isinstance(node, list) else node.values() if isinstance(node, dict) else ()
        return any(_add(item, rest, text) for item in items) if rest else False
    if not isinstance(node, dict):
        return False
    if not rest:
        node[key] = text()
        return True
    if rest == ("[]",):
        node[key] = [text()]
        return True
    if key not in node and rest[0] not in ("[]", "{}"):  # an object no content has yet
        node[key] = {}
    return key in node and _add(node[key], rest, text)


@dataclass
class Corpus:
    """The fields that got text, per schema, and how often."""

    filled: dict[str, Counter[Path_]] = field(default_factory=dict)


def _schema_of(path: Path) -> str | None:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    found = re.fullmatch(r"# yaml-language-server: \$schema=(?:.*/)?([\w.-]+\.json)\s*", first)
    return found[1] if found else None


def put_texts(root: Path, text: Callable[[int, int], str]) -> Corpus:
    """Every free-text field of every content file in ``root`` gets ``text(n, k)``: ``n``
    counts all values, ``k`` the values of that field."""
    corpus = Corpus()
    number = iter(range(1, 1_000_000))
    files: dict[str, list[tuple[Path, str, object]]] = {}
    for path in sorted([*root.glob("goals/**/*.yaml"), *root.glob("adoptie/**/*.yaml")]):
        schema = _schema_of(path)
        assert schema and (SCHEMAS / schema).is_file(), f"{path}: geen schema-regel"
        header = path.read_text(encoding="utf-8").split("\n", 1)[0]
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        files.setdefault(schema, []).append((path, header, data))
    for schema, entries in files.items():
        fields = free_text_fields(json.loads((SCHEMAS / schema).read_text(encoding="utf-8")))
        filled = corpus.filled.setdefault(schema, Counter())
        for path_ in sorted(fields):
            of_field = iter(range(1_000_000))

            def make(of_field: Iterator[int] = of_field) -> str:
                return text(next(number), next(of_field))

            for _, _, data in entries:
                filled[path_] += _fill(data, path_, make)
            if not filled[path_] and any(_add(data, path_, make) for _, _, data in entries):
                filled[path_] += 1
        for path, header, data in entries:
            dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
            path.write_text(f"{header}\n{dumped}", encoding="utf-8")
    return corpus


ALL_IN = 2  # the first values of each field get every payload; the others one each


def payload(n: int, k: int = 0) -> str:
    """Value ``n`` (the ``k``-th of its field): every payload in one text, or one of them
    (so each comes first in some value), numbered to keep list items apart."""
    turn = n % len(PAYLOADS)
    chosen = PAYLOADS[turn:] + PAYLOADS[:turn] if k < ALL_IN else PAYLOADS[turn : turn + 1]
    return f"veld {n} " + "\n\n".join(chosen)


def neutral(n: int, k: int = 0) -> str:
    return f"veld {n} tekst"


# ---------------------------------------------------------------------------------------
# The two sites


@dataclass(frozen=True)
class Built:
    out: Path
    corpus: Corpus


def seed_slo(root: Path, text: Callable[[int, int], str]) -> None:
    """What an import of SLO's data leaves in a kader, for the fields that the bundled frames
    do not have: the source (``slo_bron``), an uitwerking of SLO under the first doelzin, and
    SLO's own texts (``slo``: no schema names them, so they get their payloads here)."""
    number = iter(range(900_000, 1_000_000))
    for i, path in enumerate(sorted(root.glob("goals/*/kader.yaml"))):
        header = path.read_text(encoding="utf-8").split("\n", 1)[0]
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data.setdefault("slo_bron", {"bron": "SLO curriculum-fo", "release": "2026.52"})
        kerndoel = data["subdomeinen"][0]["kerndoelen"][0]
        kerndoel.setdefault("slo", {}).update(
            title=text(next(number), 0), description=text(next(number), 0)
        )
        doelzin = kerndoel["doelzinnen"][0]
        doelzin.setdefault("slo", {"soort": "kerndoel", "status": "definitief concept"}).update(
            title=text(next(number), 0), description=text(next(number), 0)
        )
        doelzin.setdefault("slo_uitwerkingen", []).append(
            {
                "slo_id": f"{i:x}d0e1f20-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
                "niveaus": ["po"],
                "label": "eigen woorden",
                "slo": {
                    "title": "Het gaat hierbij om",
                    "description": text(next(number), 0),
                    "status": "definitief concept",  # as SLO's schema requires
                },
            }
        )
        dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
        path.write_text(f"{header}\n{dumped}", encoding="utf-8")


def _build(root: Path, text: Callable[[int, int], str]) -> Built:
    copy_project(root)
    add_adoptie(root)
    seed_slo(root, text)
    corpus = put_texts(root, text)
    repo = git_repo(root)
    with repo.config_writer() as config:  # the author of every commit: text from outside
        config.set_value("user", "name", re.sub("[<>]", "", one_line(text(0))))
    commit_all(repo, f"{one_line(text(1))}\n\n{text(2)}", day=1)
    repo.git.tag("--annotate", f"--message={text(3)}", "v2026.1")
    goal = root / "goals" / "digitale-geletterdheid" / "DG-001.yaml"
    data = yaml.safe_load(goal.read_text(encoding="utf-8"))
    data["omschrijving"] = text(4)
    header = goal.read_text(encoding="utf-8").split("\n", 1)[0]
    goal.write_text(f"{header}\n{yaml.safe_dump(data, allow_unicode=True)}", encoding="utf-8")
    commit_all(repo, one_line(text(5)), day=2)
    result = subprocess.run(
        [sys.executable, "-m", "leerdoelen", "-C", str(root), "build"],
        capture_output=True,
        text=True,
        env={**os.environ, "LEERDOELEN_VANDAAG": VANDAAG},
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return Built(root / "public", corpus)


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Built, Built]:
    """(the site with payloads, its twin with plain words), each built once."""
    hostile = _build(tmp_path_factory.mktemp("payloads"), payload)
    twin = _build(tmp_path_factory.mktemp("tweeling"), neutral)
    return hostile, twin


def test_every_free_text_field_got_payloads(sites: tuple[Built, Built]) -> None:
    hostile, _ = sites
    schemas = {p.name for p in SCHEMAS.glob("*.schema.json")}
    assert set(hostile.corpus.filled) == schemas, "een soort bestand zonder inhoud in de kopie"
    for schema, filled in hostile.corpus.filled.items():
        fields = free_text_fields(json.loads((SCHEMAS / schema).read_text(encoding="utf-8")))
        empty = sorted(p for p in fields if not filled[p])
        assert empty == [], f"{schema}: velden zonder payload: {empty}"


# ---------------------------------------------------------------------------------------
# Reading the pages


@dataclass
class Page:
    elements: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    scripts: list[tuple[str, str]] = field(default_factory=list)  # (src, text)
    nested_links: int = 0  # <a> inside <a>: invalid, and what a link in a title would make


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.script: list[str] | None = None
        self.links = 0  # open <a> elements

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.page.elements.append((tag, values))
        if tag == "script":
            self.script = [values.get("src", "")]
        elif tag == "a":
            self.page.nested_links += self.links > 0
            self.links += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.links = max(0, self.links - 1)
        elif tag == "script" and self.script is not None:
            self.page.scripts.append((self.script[0], "".join(self.script[1:])))
            self.script = None

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script.append(data)


def read(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    if reader.script is not None:  # a script left open swallows the rest of the page
        reader.page.scripts.append((reader.script[0], "".join(reader.script[1:])))
    return reader.page


def pages(site: Path) -> Iterator[tuple[str, Page]]:
    for path in sorted(site.rglob("*.html")):
        yield path.relative_to(site).as_posix(), read(path.read_text(encoding="utf-8"))


def _scheme(url: str) -> str | None:
    """The scheme a browser would see: it drops tabs and line ends, and trims controls."""
    url = re.sub(r"[\t\n\r]", "", url).strip("".join(map(chr, range(0x21))))
    found = re.match(r"([a-zA-Z][a-zA-Z0-9+.\-]*):", url)
    return found[1].lower() if found else None


def url_problems(tag: str, attrs: dict[str, str]) -> list[str]:
    problems = []
    for name, value in attrs.items():
        urls: list[str] = []
        if name in URL_ATTRIBUTES:
            urls = (
                [u.strip().split(" ")[0] for u in value.split(",")] if name == "srcset" else [value]
            )
        elif name == "content" and attrs.get("http-equiv", "").lower() == "refresh":
            found = re.search(r"url\s*=\s*(.*)", value, re.I)
            urls = [found[1].strip("'\" ")] if found else []
        elif name == "style" and re.search(r"url\s*\(|expression\s*\(", value, re.I):
            urls = re.findall(r"url\s*\(\s*['\"]?([^'\")]*)", value, re.I) or ["expression:"]
        problems += [
            f"<{tag} {name}={value!r}>" for u in urls if _scheme(u) not in {None, *SCHEMES}
        ]
    return problems


def _signature(tag: str, attrs: dict[str, str]) -> tuple[str, frozenset[str]]:
    return tag, frozenset(attrs)


# ---------------------------------------------------------------------------------------
# 1. The site


def test_no_page_has_an_event_handler_or_another_url_scheme(sites: tuple[Built, Built]) -> None:
    hostile, _ = sites
    problems = []
    count = 0
    for name, page in pages(hostile.out):
        count += 1
        for tag, attrs in page.elements:
            problems += [f"{name}: <{tag} {a}=…>" for a in attrs if a.lower().startswith("on")]
            problems += [f"{name}: {p}" for p in url_problems(tag, attrs)]
    assert count > 100, "de site lijkt niet volledig gebouwd"
    assert problems == []


def test_every_script_is_the_sites_own(sites: tuple[Built, Built]) -> None:
    hostile, twin = sites
    theirs = dict(pages(twin.out))
    problems = []
    for name, page in pages(hostile.out):
        if page.scripts != theirs[name].scripts:
            problems.append(f"{name}: {Counter(page.scripts) - Counter(theirs[name].scripts)}")
        for src, _ in page.scripts:  # the theme's bundle and ours, from this site
            if src and not re.fullmatch(r"(\.\./|/)*assets/[\w./-]+\.js", src):
                problems.append(f"{name}: <script src={src!r}>")
    assert problems == []


def test_payloads_add_only_the_elements_and_attributes_of_goal_text(
    sites: tuple[Built, Built],
) -> None:
    hostile, twin = sites
    theirs = dict(pages(twin.out))
    ours = dict(pages(hostile.out))
    assert set(ours) == set(theirs)
    problems = []
    for name, page in ours.items():
        added = Counter(_signature(*e) for e in page.elements) - Counter(
            _signature(*e) for e in theirs[name].elements
        )
        allowed = ALLOWED_CHANGELOG if name == CHANGELOG else ALLOWED
        for (tag, attrs), n in sorted(added.items(), key=str):
            if tag not in allowed or not attrs <= allowed[tag]:
                problems.append(f"{name}: {n}× <{tag} {' '.join(sorted(attrs))}>")
    assert problems == []


def test_a_link_in_a_title_does_not_end_up_inside_a_link(sites: tuple[Built, Built]) -> None:
    hostile, _ = sites
    nested = {name: page.nested_links for name, page in pages(hostile.out) if page.nested_links}
    assert nested == {}


def test_the_payloads_are_on_the_pages_as_text(sites: tuple[Built, Built]) -> None:
    """Not a hollow pass: the goal page shows the payloads, as the words they are."""
    hostile, _ = sites
    source = (hostile.out / "doelen" / "DG-001" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", _text_of(source))
    for shown in ("<script>alert('script')</script>", "{: onclick=\"alert('code')\" }"):
        assert shown in text
    # ... and the safe subset works: the link of the first payload with {: } in its text.
    assert 'href="https://ok.example/"' in source


def _text_of(html: str) -> str:
    parts: list[str] = []

    class Text(HTMLParser):
        def handle_data(self, data: str) -> None:
            parts.append(data)

    Text(convert_charrefs=True).feed(html)
    return "".join(parts)


def test_the_search_index_holds_only_bare_text_markup(sites: tuple[Built, Built]) -> None:
    hostile, _ = sites
    index = json.loads((hostile.out / "search" / "search_index.json").read_text("utf-8"))
    problems = []
    for doc in index["docs"]:
        for key in ("title", "text"):
            page = read(doc[key])
            for tag, attrs in page.elements:
                if tag not in SEARCH_TAGS or attrs:
                    problems.append(f"{doc['location']} {key}: <{tag} {attrs}>")
    assert problems == []
    assert any("alert('script')" in _text_of(d["text"]) for d in index["docs"])


# ---------------------------------------------------------------------------------------
# 2. The PR summary

HOSTILE_FOLDER = "x`\n# GOEDGEKEURD **@admin** #12"
HOSTILE_BRANCH = "__GOEDGEKEURD__/_x_"  # a revision may hold _ . / - ~ ^


@dataclass(frozen=True)
class Summary:
    markdown: str
    paths: set[str]


def _summary(root: Path, words: Callable[[str], str], folder: str, branch: str) -> Summary:
    """``diff branch HEAD`` over one commit that adds, changes, retires, moves and removes
    goals, whose texts are ``words(…)`` and whose moved goal lands in ``folder``."""
    shutil.copytree(ROOT / "goals", root / "goals")
    dg = root / "goals" / "digitale-geletterdheid"
    repo = git_repo(root)
    commit_all(repo, "Leerdoelen uit het voorbeeld", day=1)
    repo.create_head(branch)

    def edit(code: str, **changes: object) -> None:
        path = dg / f"{code}.yaml"
        header = path.read_text(encoding="utf-8").split("\n", 1)[0]
        data = yaml.safe_load(path.read_text(encoding="utf-8")) | changes
        path.write_text(f"{header}\n{yaml.safe_dump(data, allow_unicode=True)}", encoding="utf-8")

    added = (dg / "DG-001.yaml").read_text(encoding="utf-8").replace("DG-001", "DG-900")
    (dg / "DG-900.yaml").write_text(added, encoding="utf-8")
    edit("DG-900", titel=words("titel"))
    edit(
        "DG-002",
        titel=words("titel2"),
        omschrijving=words("omschrijving"),
        uitwerkingen=[words("uitwerking")],
        trefwoorden=[words("trefwoord")],
    )
    edit("DG-003", status="vervallen", vervangen_door=["DG-005"])
    edit("DG-004", status="vervallen", reden=words("reden"))
    edit("DG-006", status="ter consultatie")
    (dg / "DG-012.yaml").unlink()  # removed: LD501, with its title and path
    moved = root / "goals" / folder / "DG-007.yaml"
    moved.parent.mkdir()
    (dg / "DG-007.yaml").rename(moved)
    commit_all(repo, "Een PR", day=2)
    result = subprocess.run(
        [sys.executable, "-m", "leerdoelen", "-C", str(root), "diff", branch, "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1) and result.stdout, result.stderr
    paths = {f"goals/digitale-geletterdheid/{c}.yaml" for c in ("DG-007", "DG-012")}
    moved = f"goals/{one_line(folder)}/"  # LD309 names the folder, the move the file
    return Summary(result.stdout, paths | {moved, f"{moved}DG-007.yaml"})


def hostile_words(name: str) -> str:
    return (
        f"{name} @mallory #12 GH-12 **GOEDGEKEURD** __ook__ ~~weg~~ $x$ <img src=x "
        "onerror=alert(1)> <!-- c --> [x](javascript:alert(1)) [y][1] <https://evil.example> "
        "https://evil.example www.evil.example a@evil.example `code` `` ` `` \\* &lt; "
        "{: onclick=alert(1) } | a | b |\n# kop\n\n- lijst\n> citaat\n===\n---"
    )


@pytest.fixture(scope="module")
def summaries(tmp_path_factory: pytest.TempPathFactory) -> tuple[Summary, Summary]:
    hostile = _summary(tmp_path_factory.mktemp("pr"), hostile_words, HOSTILE_FOLDER, HOSTILE_BRANCH)
    twin = _summary(
        tmp_path_factory.mktemp("pr-tweeling"), lambda n: n + " tekst" * 80, "x", "basis"
    )
    return hostile, twin


def _tokens(markdown: str) -> list:  # type: ignore[type-arg]
    from markdown_it import MarkdownIt

    parser = MarkdownIt("gfm-like")  # GitHub's: tables, strikethrough, linkify, HTML
    out = []
    for token in parser.parse(markdown):
        out.append(token)
        out += token.children or []
    return out


def test_the_summary_has_the_structure_of_its_twin(summaries: tuple[Summary, Summary]) -> None:
    hostile, twin = summaries
    assert [t.type for t in _tokens(hostile.markdown) if t.type != "text"] == [
        t.type for t in _tokens(twin.markdown) if t.type != "text"
    ], hostile.markdown
    assert len(hostile.markdown.splitlines()) == len(twin.markdown.splitlines())


def test_content_makes_nothing_in_the_summary(summaries: tuple[Summary, Summary]) -> None:
    hostile, _ = summaries
    tokens = _tokens(hostile.markdown)
    kinds = {t.type for t in tokens}
    made = {"link_open", "image", "html_inline", "html_block", "em_open", "s_open", "table_open"}
    assert not made & kinds, hostile.markdown
    own = re.compile(
        r"(Wijzigingen in de leerdoelen|⛔ Fouten|⚠️ Let op|Toegevoegd|Vervallen|Andere status"
        r"|Gewijzigd|Verplaatst|Verwijderd)( \(\d+\))?"
    )
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings and all(own.fullmatch(h) for h in headings), headings
    strong = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "strong_open"]
    assert strong and all(re.fullmatch(r"LD\d{3}|[A-Z]{2,4}-\d{3,4}", s) for s in strong), strong
    codes = {t.content for t in tokens if t.type == "code_inline"}
    assert codes == hostile.paths, codes  # the hostile path whole, in one code span
    text = " ".join(t.content for t in tokens if t.type == "text")
    assert "GOEDGEKEURD" in text and "@" in text  # the words are there, as text
    for reference in (r"@\w", r"#\d", r"(?i)\bgh-\d", r"https?://", r"\bwww\.", r"\w@\w"):
        assert not re.search(reference, text), reference
