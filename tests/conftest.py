"""Shared fixtures: the site is built once per test session, for real, and shared.

``site_build`` runs ``leerdoelen build`` (real MkDocs) on a copy of the bundled content
with one extra goal whose text tries to inject HTML, so every test can check that goal
text is published as text. The copy is a git repository with a short history (``HISTORY``),
whose commit message and author try to inject HTML too. ``site_url`` serves the built site
on localhost, and ``browser`` is Debian's headless Chromium driven by Playwright.

``zensical_build`` builds the same project with ``--engine zensical``. ``site_url`` is
parametrized by engine, so every browser test (and with them the accessibility audit)
runs on both sites; the other tests read the MkDocs site (``site``) only.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
CHROMIUM = Path("/usr/bin/chromium")
XSS_CODE = "DG-999"
XSS_GOAL = f"""\
# yaml-language-server: $schema=../../schemas/leerdoel.schema.json
code: {XSS_CODE}
titel: Veilig omgaan met <script>alert('titel')</script> in tekst
omschrijving: >-
  De leerling ziet dat <script>alert('omschrijving')</script> gewoon tekst is, net als
  <img src=x onerror=alert('img')> en [een link](javascript:alert('link')).
doelzin: DG-po-24A
groepen: [7-8]
uitwerkingen:
  - "<b onmouseover=alert('uitwerking')>vet</b> blijft tekst"
voorbeelden:
  - "Een *echte* nadruk en [een echte link](https://example.org/) mogen wel."
status: concept
trefwoorden: [veiligheid]
"""


# --- Adoption (scholen/, netwerken/) ------------------------------------------------------
# The session build also holds the bundled example adoption data (adoptie/, when present)
# plus the files below: a published network that is not an example, an unpublished one, an
# example network, a school whose texts try to inject HTML, a school that has not changed
# for over a school year, and one that is only in the unpublished network. The build runs
# with "today" fixed (LEERDOELEN_VANDAAG), as the example data assumes.
VANDAAG = "2026-11-29"
SCHOOL_HEADER = "# yaml-language-server: $schema=../../schemas/school.schema.json\n"
NETWERK_HEADER = "# yaml-language-server: $schema=../../schemas/netwerk.schema.json\n"
XSS_SCHOOL = "99ZA"  # published, texts that try to inject HTML
STALE_SCHOOL = "99ZB"  # published, last change 2025-06-01: more than a school year ago
HIDDEN_SCHOOL = "99ZC"  # only in the unpublished network
EXAMPLE_SCHOOL = "99ZD"  # a voorbeeld school, only in a voorbeeld network
OPEN_NETWORK, HIDDEN_NETWORK, EXAMPLE_NETWORK = "toets-open", "toets-besloten", "toets-voorbeeld"
ADOPTIE_TOETS = {
    f"adoptie/netwerken/{OPEN_NETWORK}.yaml": NETWERK_HEADER
    + """\
naam: "Toetsnetwerk <b onmouseover=alert('netwerk')>Open</b> & Co"
soort: regionaal netwerk
contact: info@toets-open.example
publiceren: true
doelstellingen:
  - titel: "Programmeren <i>voor</i> iedereen"
    kerndoel: DG-po-23
    aandeel: 50
    uiterlijk: 2026-07-31
  - titel: Eerst de basis
    leerdoelen: [DG-001]
    status: bezig
    aandeel: 100
    uiterlijk: 2027-07-31
""",
    f"adoptie/netwerken/{HIDDEN_NETWORK}.yaml": NETWERK_HEADER
    + """\
naam: Geheim Toetsbestuur
soort: schoolbestuur
contact: bestuur@toets-besloten.example
publiceren: false
""",
    f"adoptie/netwerken/{EXAMPLE_NETWORK}.yaml": NETWERK_HEADER
    + """\
naam: Toets Voorbeeldregio
soort: samenwerkingsverband
contact: info@toets-voorbeeld.example
publiceren: true
voorbeeld: true
""",
    f"adoptie/scholen/{XSS_SCHOOL}.yaml": SCHOOL_HEADER
    + f"""\
brin: {XSS_SCHOOL}
naam: "OBS <script>alert('school')</script> De Toets"
plaats: "Toets<img src=x onerror=alert('plaats')>dorp"
soort: bao
netwerken: [{OPEN_NETWORK}, {HIDDEN_NETWORK}]
doelen:
  - code: DG-001
    status: ingevoerd
    groepen: [1-2]
    datum: 2026-10-01
    toelichting: "Met <img src=x onerror=alert('toelichting')> en [een link](javascript:alert(1))"
    bewijs: "https://example.org/les?a=1&b=<x>\\"onmouseover=alert(1)"
  - code: DG-002
    status: bezig
    groepen: [3-4]
    datum: 2026-09-15
  - code: DG-017
    status: gepland
""",
    f"adoptie/scholen/{STALE_SCHOOL}.yaml": SCHOOL_HEADER
    + f"""\
brin: {STALE_SCHOOL}
naam: Stilstaande Toetsschool
plaats: Toetsstad
soort: sbo
netwerken: [{OPEN_NETWORK}]
doelen:
  - code: DG-001
    status: bezig
    datum: 2025-06-01
    toelichting: "=HYPERLINK(\\"https://example.org\\")"
""",
    f"adoptie/scholen/{HIDDEN_SCHOOL}.yaml": SCHOOL_HEADER
    + f"""\
brin: {HIDDEN_SCHOOL}
naam: Verborgen Toetsschool
plaats: Nergens
soort: so
netwerken: [{HIDDEN_NETWORK}]
doelen:
  - code: DG-001
    status: ingevoerd
    datum: 2026-11-01
""",
    f"adoptie/scholen/{EXAMPLE_SCHOOL}.yaml": SCHOOL_HEADER
    + f"""\
brin: {EXAMPLE_SCHOOL}
naam: Voorbeeldige Toetsschool
plaats: Toetsdorp
soort: bao
netwerken: [{EXAMPLE_NETWORK}]
voorbeeld: true
""",
}


def add_adoptie(root: Path) -> None:
    """The bundled adoptie/ (if any) plus the adoption test files, into a project copy."""
    if (ROOT / "adoptie").is_dir():
        shutil.copytree(ROOT / "adoptie", root / "adoptie")
    for relative, text in ADOPTIE_TOETS.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


# --- Git history ---------------------------------------------------------------------------
# The session build is a git checkout: the whole content in a first commit, an edit of
# DG-001, an edit of the injection goal DG-999 whose message and author try to inject HTML
# (git itself strips < and > from names), and a release tag. Goal pages show this history,
# the footer the tag and commit. A school's last change is the later of its file's last
# commit and its own dates: the first commit is older than the stale school's newest datum
# (1 June 2025), so the adoption tests keep their meaning.
@dataclass(frozen=True)
class CommitPlan:
    paths: tuple[str, ...]  # what the commit adds; "." is everything
    author: str
    date: str  # the author date, ISO 8601
    message: str


XSS_COMMIT = (
    "<script>alert('commit')</script> <img src=x onerror=alert('bericht')> *geen nadruk*"
    " [link](javascript:alert('link')) | # `code`\n\nMet een tweede alinea."
)
HISTORY = (
    CommitPlan((".",), "Redactie SLO", "2025-05-01T10:00:00+02:00", "Eerste versie van de inhoud"),
    CommitPlan(
        ("goals/digitale-geletterdheid/DG-001.yaml",),
        "Fatima Redacteur",
        "2026-11-03T09:30:00+01:00",
        "DG-001: omschrijving verduidelijkt",
    ),
    CommitPlan(
        (f"goals/digitale-geletterdheid/{XSS_CODE}.yaml",),
        "Mallory & *Co* [x](javascript:alert('auteur'))",
        "2026-11-20T23:45:00+01:00",
        XSS_COMMIT,
    ),
)
VERSIE = "v2026.1"


def commit_history(root: Path, history: tuple[CommitPlan, ...] = HISTORY, tag: str = VERSIE) -> str:
    """Make ``root`` a git repository with ``history``, tag the last commit; its hash.

    Each commit after the first appends a YAML comment to its files, a change that leaves
    the pages' content as it was.
    """
    import git

    repo = git.Repo.init(root)
    with repo.config_writer() as config:
        config.set_value("user", "name", "Toets")
        config.set_value("user", "email", "toets@example.org")
        config.set_value("commit", "gpgsign", "false")
        config.set_value("tag", "gpgsign", "false")
    for number, commit in enumerate(history):
        if number:
            for relative in commit.paths:
                with (root / relative).open("a", encoding="utf-8") as file:
                    file.write(f"# wijziging {number}\n")
        repo.git.add("--", *commit.paths)
        repo.git.commit(
            "--quiet",
            f"--author={commit.author} <auteur@example.org>",
            f"--date={commit.date}",
            f"--message={commit.message}",
        )
    repo.git.tag("--annotate", f"--message=Release {tag}", tag)
    return repo.head.commit.hexsha


def copy_project(root: Path) -> Path:
    """A copy of this repository's content project (goals, site, schemas, mkdocs.yml)."""
    for name in ("goals", "site", "schemas"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


@dataclass(frozen=True)
class SiteBuild:
    root: Path  # the content project that was built
    out: Path  # the built site
    exit_code: int
    stdout: str
    stderr: str


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that uses the session's site build is ``slow`` (it waits for a real MkDocs
    build), one that uses ``browser`` is a ``browser`` test: marked here, so that no test
    that asks for them can miss its mark. (A pytest-bdd step asks for its fixtures only
    while it runs: such a module marks itself, as test_leraar.py does, and names
    ``site_url`` in usefixtures, so that its scenarios run on both engines' sites.)"""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if {"site_build", "zensical_build", "engine_site"} & set(fixtures):
            item.add_marker(pytest.mark.slow)
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """The bundled content plus an injection goal, built once with ``leerdoelen build``."""
    from leerdoelen.cli import main

    root = copy_project(tmp_path_factory.mktemp("inhoud"))
    (root / "goals" / "digitale-geletterdheid" / f"{XSS_CODE}.yaml").write_text(
        XSS_GOAL, encoding="utf-8"
    )
    add_adoptie(root)
    commit_history(root)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LEERDOELEN_VANDAAG", VANDAAG)
        out, err = _capture(main, ["-C", str(root), "build"])
    return SiteBuild(root, root / "public", out[0], out[1], err)


def _capture(main, argv: list[str]) -> tuple[tuple[int, str], str]:
    import io

    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(argv)
    return (code, stdout.getvalue()), stderr.getvalue()


@pytest.fixture(scope="session")
def zensical_build(site_build: SiteBuild, tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """The session's project (the same commit, so the same version) built with Zensical,
    into a folder of its own."""
    from leerdoelen.cli import main

    out = tmp_path_factory.mktemp("zensical") / "public"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LEERDOELEN_VANDAAG", VANDAAG)
        argv = ["-C", str(site_build.root), "build", "--engine", "zensical", "--out", str(out)]
        result, err = _capture(main, argv)
    return SiteBuild(site_build.root, out, result[0], result[1], err)


@pytest.fixture(scope="session")
def site(site_build: SiteBuild) -> Path:
    assert site_build.exit_code == 0, site_build.stderr + site_build.stdout
    return site_build.out


ENGINES = ("mkdocs", "zensical")


@pytest.fixture(scope="session", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """Each site generator in turn, for the browser tests (through ``site_url``)."""
    return str(request.param)


@pytest.fixture(scope="session")
def engine_site(engine: str, request: pytest.FixtureRequest) -> Path:
    """The session's site as built by ``engine``."""
    built: SiteBuild = request.getfixturevalue(
        "site_build" if engine == "mkdocs" else "zensical_build"
    )
    assert built.exit_code == 0, built.stderr + built.stdout
    return built.out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(engine_site: Path) -> Iterator[str]:
    """The built site, of each engine in turn, served on localhost (an ephemeral port)."""
    handler = functools.partial(_QuietHandler, directory=str(engine_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Headless Chromium from Debian, driven by Playwright (no browser download)."""
    if not CHROMIUM.exists():
        pytest.fail("Chromium ontbreekt: installeer het Debian-pakket 'chromium' (zie .ci/run)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_url: str):  # type: ignore[no-untyped-def]
    """A fresh page that fails the test on any request that leaves localhost, and on
    any JavaScript dialog (an injected alert() would open one)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.external_requests = []  # type: ignore[attr-defined]
    page.dialogs = []  # type: ignore[attr-defined]

    def on_request(request) -> None:  # type: ignore[no-untyped-def]
        if not request.url.startswith((site_url, "data:", "blob:", "about:")):
            page.external_requests.append(request.url)  # type: ignore[attr-defined]

    def on_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        page.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()

    page.on("request", on_request)
    page.on("dialog", on_dialog)
    yield page
    assert page.external_requests == [], "de site laadt iets van een andere host"  # type: ignore[attr-defined]
    assert page.dialogs == [], "er draaide ingevoegde JavaScript"  # type: ignore[attr-defined]
    context.close()


# --- A small adoption project, for tests that render in-process ---------------------------
GELDIG = Path(__file__).parent / "golden" / "geldig"
KLEIN_PROJECT = {
    "goals/digitale-geletterdheid/DG-004.yaml": """\
# yaml-language-server: $schema=../../schemas/leerdoel.schema.json
code: DG-004
titel: Een eigen spel ontwerpen
omschrijving: De leerling ontwerpt een eenvoudig spel.
doelzin: DG-po-23B
groepen: [5-6, 7-8]
status: ter consultatie
""",
    "adoptie/netwerken/techniek-noord.yaml": NETWERK_HEADER
    + """\
naam: Techniek Noord
soort: regionaal netwerk
contact: info@techniek-noord.example
publiceren: true
voorbeeld: true
doelstellingen:
  - titel: Iedereen programmeert
    kerndoel: DG-po-23
    aandeel: 50
    uiterlijk: 2027-07-31
""",
    "adoptie/netwerken/besloten.yaml": NETWERK_HEADER
    + """\
naam: Besloten Bestuur
soort: schoolbestuur
contact: bestuur@besloten.example
publiceren: false
""",
    "adoptie/scholen/11AA.yaml": SCHOOL_HEADER
    + """\
brin: 11AA
naam: OBS De Vlieger
plaats: Groningen
soort: bao
netwerken: [techniek-noord, besloten]
doelen:
  - code: DG-001
    status: ingevoerd
    groepen: [1-2]
    datum: 2026-10-01
  - code: DG-002
    status: bezig
    datum: 2026-09-01
""",
    "adoptie/scholen/22BB.yaml": SCHOOL_HEADER
    + """\
brin: 22BB
naam: CBS Het Kompas
plaats: Assen
soort: sbo
netwerken: [techniek-noord]
doelen:
  - code: DG-001
    status: gepland
    datum: 2025-06-01
""",
    "adoptie/scholen/33CC.yaml": SCHOOL_HEADER
    + """\
brin: 33CC
naam: Geheime School
plaats: Ergens
soort: so
netwerken: [besloten]
""",
}


def klein_project(root: Path) -> Path:
    """``tests/golden/geldig`` plus a ter consultatie goal, a published example network
    (techniek-noord: 11AA, 22BB), an unpublished one (besloten: 11AA, 33CC)."""
    shutil.copytree(GELDIG, root, dirs_exist_ok=True)
    for relative, text in KLEIN_PROJECT.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


# --- Real git repositories in temporary folders (GitPython) -------------------------------
GIT_AUTHOR = ("Redactie SLO", "redactie@example.org")


def git_repo(root: Path):  # type: ignore[no-untyped-def]
    """A new git repository in ``root`` (which may hold files already), with an identity."""
    import git

    repo = git.Repo.init(root, initial_branch="main")
    with repo.config_writer() as config:
        config.set_value("user", "name", GIT_AUTHOR[0])
        config.set_value("user", "email", GIT_AUTHOR[1])
        config.set_value("commit", "gpgsign", "false")
        config.set_value("tag", "gpgsign", "false")
    return repo


def commit_all(repo, message: str, day: int = 1) -> str:  # type: ignore[no-untyped-def]
    """Stage everything (deletions too) and commit with a fixed date; returns the SHA."""
    repo.git.add("--all")
    when = f"2026-03-{day:02d}T12:00:00"
    return repo.index.commit(message, author_date=when, commit_date=when).hexsha


def committed_goals(tmp_path: Path) -> Path:
    """The bundled goals, committed in a fresh repository (for diff and release)."""
    root = tmp_path / "inhoud"
    shutil.copytree(ROOT / "goals", root / "goals")
    commit_all(git_repo(root), "Leerdoelen uit het voorbeeld")
    return root


@dataclass(frozen=True)
class Uitvoer:
    """What a CLI run printed, for the BDD steps."""

    afsluitcode: int
    stdout: str
    stderr: str

    def __str__(self) -> str:
        return f"afsluitcode {self.afsluitcode}\n--- stdout\n{self.stdout}--- stderr\n{self.stderr}"
