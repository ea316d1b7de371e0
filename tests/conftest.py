"""Shared fixtures: the site is built once per test session, for real, and shared.

``site_build`` runs ``leerdoelen build`` (real MkDocs) on a copy of the bundled content
with one extra goal whose text tries to inject HTML, so every test can check that goal
text is published as text. ``site_url`` serves the built site on localhost, and
``browser`` is Debian's headless Chromium driven by Playwright.
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


@dataclass(frozen=True)
class SiteBuild:
    root: Path  # the content project that was built
    out: Path  # the built site
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """The bundled content plus an injection goal, built once with ``leerdoelen build``."""
    from leerdoelen.cli import main

    root = tmp_path_factory.mktemp("inhoud")
    for name in ("goals", "site", "schemas"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "goals" / "digitale-geletterdheid" / f"{XSS_CODE}.yaml").write_text(
        XSS_GOAL, encoding="utf-8"
    )
    out, err = _capture(main, ["-C", str(root), "build"])
    return SiteBuild(root, root / "public", out[0], out[1], err)


def _capture(main, argv: list[str]) -> tuple[tuple[int, str], str]:
    import io

    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(argv)
    return (code, stdout.getvalue()), stderr.getvalue()


@pytest.fixture(scope="session")
def site(site_build: SiteBuild) -> Path:
    assert site_build.exit_code == 0, site_build.stderr + site_build.stdout
    return site_build.out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    """The built site served on localhost (an ephemeral port)."""
    handler = functools.partial(_QuietHandler, directory=str(site))
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
