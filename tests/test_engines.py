"""Two engines, one site: ``leerdoelen build --engine zensical`` builds the same site as
MkDocs (the default), and the differences that remain are exactly the ones the README
lists under "Zensical"."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE_SCHOOL, SiteBuild, copy_project

from leerdoelen.cli import main

# Files only one engine writes: each theme's own scripts and stylesheets, the search index
# (Material: search/search_index.json, Zensical: search.json) and MkDocs' gzipped sitemap.
ENGINE_ASSETS = ("assets/javascripts/", "assets/stylesheets/")
ONLY_MKDOCS = {"search/search_index.json", "sitemap.xml.gz"}
ONLY_ZENSICAL = {"search.json"}
VERSIE = re.compile(r'<div class="ld-versie">\s*(.*?)\s*</div>', re.S)


def _files(site: Path) -> set[str]:
    return {
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and not path.relative_to(site).as_posix().startswith(ENGINE_ASSETS)
    }


def _footer(page: Path) -> str:
    found = VERSIE.search(page.read_text(encoding="utf-8"))
    assert found, f"geen versie in de voettekst van {page}"
    return found.group(1)


def test_both_engines_build_the_same_site(site_build: SiteBuild, zensical_build: SiteBuild) -> None:
    assert zensical_build.exit_code == 0, zensical_build.stderr + zensical_build.stdout
    mkdocs, zensical = site_build.out, zensical_build.out
    # The same pages (the same count on stdout), and the same other files but for those
    # the README names.
    assert _files(mkdocs) - ONLY_MKDOCS == _files(zensical) - ONLY_ZENSICAL
    assert _files(mkdocs) >= ONLY_MKDOCS and _files(zensical) >= ONLY_ZENSICAL
    assert site_build.stdout.split(" pagina's")[0] == zensical_build.stdout.split(" pagina's")[0]
    # The footer's version line, on a generated page, a hand-written one and the 404 page.
    for page in ("index.html", "doelen/DG-001/index.html", "404.html"):
        assert _footer(zensical / page) == _footer(mkdocs / page) != ""
    # The school pages and their downloads, linked in after the engine ran.
    school = Path("scholen") / EXAMPLE_SCHOOL
    for name in ("index.html", f"checklist-{EXAMPLE_SCHOOL}.csv"):
        assert (zensical / school / name).read_bytes() == (mkdocs / school / name).read_bytes()
    # Our overrides: the Dutch 404 page and the search dialog's name.
    assert "Pagina niet gevonden" in (zensical / "404.html").read_text(encoding="utf-8")
    home = (zensical / "index.html").read_text(encoding="utf-8")
    assert 'role="dialog" aria-label="Zoeken"' in home
    assert "classic/main." in home  # Zensical's look that matches Material's


def _project(tmp_path: Path) -> Path:
    root = copy_project(tmp_path / "inhoud")
    return root


@pytest.mark.slow
def test_a_zensical_warning_fails_the_build_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path)
    index = root / "site" / "pages" / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8") + "\n[kapot](bestaat-niet.md)\n", encoding="utf-8"
    )
    assert main(["-C", str(root), "build", "--engine", "zensical"]) == 1
    err = capsys.readouterr().err
    assert "bouwen mislukt, de vorige site blijft staan: Zensical kon de site niet bouwen" in err
    assert re.search(r"index\.md:\d+:\d+: page does not exist", err), err
    assert "Traceback" not in err
    assert not (root / "public").exists()


def test_without_zensical_installed_it_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path)
    monkeypatch.setitem(sys.modules, "zensical", None)  # what find_spec sees without it
    assert main(["-C", str(root), "build", "--engine", "zensical"]) == 2
    err = capsys.readouterr().err
    assert "installeer leerdoelen[zensical]" in err
    assert not (root / "build").exists()  # refused before any work


@pytest.mark.slow
def test_the_engine_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path)
    monkeypatch.setenv("LEERDOELEN_ENGINE", "zensical")
    assert main(["-C", str(root), "build"]) == 0
    assert (root / "public" / "search.json").is_file()  # Zensical's index
    assert (root / "build" / "zensical.yml").is_file()
    assert "INHERIT: ../mkdocs.yml" in (root / "build" / "zensical.yml").read_text("utf-8")


def test_an_unknown_engine_in_the_environment_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path)
    monkeypatch.setenv("LEERDOELEN_ENGINE", "hugo")
    assert main(["-C", str(root), "build"]) == 2
    assert "LEERDOELEN_ENGINE='hugo' is geen bouwer" in capsys.readouterr().err
