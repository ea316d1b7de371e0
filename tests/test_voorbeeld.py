"""Real and example data are told apart per school: ``voorbeeld: true`` in a school's own
file makes it a made-up school; a real school in an example network is a real school."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, copy_project, klein_project
from test_adoptie_site import admonitions, article
from test_site_html import Element, parse

from leerdoelen.adoptie.view import adoptie_view
from leerdoelen.cli import main
from leerdoelen.commands.check import check
from leerdoelen.core.adoptie import School
from leerdoelen.load.yamlfile import parse_yaml
from leerdoelen.render.adoptie import render_adoptie

VANDAAG = dt.date(2026, 11, 29)
NOTICE = "Voorbeeldgegevens"
FICTIONAL = "Het is geen echte school"


def _rows(tree: Element) -> dict[str, Element]:
    table = article(tree).find("div", "ld-scholen")
    return {tr.find("a").attrs["href"]: tr for tr in table.find_all("tr")[1:]}


def _mark(root: Path, brin: str) -> None:
    path = root / "adoptie" / "scholen" / f"{brin}.yaml"
    path.write_text(path.read_text().replace("\ndoelen:", "\nvoorbeeld: true\ndoelen:", 1))


def test_the_school_not_its_network_says_whether_it_is_made_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEERDOELEN_VANDAAG", VANDAAG.isoformat())
    root = klein_project(tmp_path / "project")  # techniek-noord is a voorbeeld network
    _mark(root, "11AA")
    corpus = check(root).project.corpus
    assert corpus.scholen["11AA"].voorbeeld and not corpus.scholen["22BB"].voorbeeld
    view = adoptie_view(corpus, {}, VANDAAG)
    assert view.scholen["11AA"].voorbeeld and not view.scholen["22BB"].voorbeeld
    assert view.voorbeeld
    pages = render_adoptie(corpus, {}, VANDAAG)
    assert FICTIONAL in str(pages["scholen/11AA/index.html"])
    assert FICTIONAL not in str(pages["scholen/22BB/index.html"])
    dashboard = str(pages["netwerken/techniek-noord/index.md"])
    assert "Dit netwerk is een voorbeeld" in dashboard
    assert "De scholen met het label *voorbeeld*" in dashboard
    assert dashboard.count("ld-voorbeeld-label") == 1  # 11AA's row only


def test_nothing_made_up_means_no_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEERDOELEN_VANDAAG", VANDAAG.isoformat())
    root = klein_project(tmp_path / "project")
    netwerk = root / "adoptie" / "netwerken" / "techniek-noord.yaml"
    netwerk.write_text(netwerk.read_text().replace("voorbeeld: true", "voorbeeld: false"))
    view = adoptie_view(check(root).project.corpus, {}, VANDAAG)
    assert not view.voorbeeld
    _mark(root, "22BB")
    assert adoptie_view(check(root).project.corpus, {}, VANDAAG).voorbeeld


def test_every_bundled_school_is_marked_voorbeeld() -> None:
    folder = ROOT / "adoptie" / "scholen"
    if not folder.is_dir():
        pytest.skip("geen adoptie/ in het project")
    for path in sorted(folder.glob("*.yaml")):
        data = parse_yaml(path.read_bytes(), str(path)).data
        assert School.model_validate(data).voorbeeld, path.name


@pytest.mark.slow  # one real build
def test_the_readme_example_is_a_real_school(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's ``school add`` in a bundled (example) network: a real school's page."""
    if not (ROOT / "adoptie").is_dir():
        pytest.skip("geen adoptie/ in het project")
    monkeypatch.setenv("LEERDOELEN_VANDAAG", VANDAAG.isoformat())
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    root = copy_project(tmp_path / "inhoud")
    shutil.copytree(ROOT / "adoptie", root / "adoptie")
    argv = ["--naam", "OBS De Linde", "--plaats", "Utrecht", "--netwerk"]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        added = main(["-C", str(root), "school", "add", "12AB", *argv, "techniekregio-maasdelta"])
        built = main(["-C", str(root), "build"])
    assert (added, built) == (0, 0), err.getvalue() + out.getvalue()
    assert "voorbeeld" not in (root / "adoptie" / "scholen" / "12AB.yaml").read_text()
    site = root / "public"
    school = parse((site / "scholen" / "12AB" / "index.html").read_text("utf-8"))
    assert NOTICE not in admonitions(school)
    assert FICTIONAL not in (site / "scholen" / "12AB" / "index.html").read_text("utf-8")
    example = (site / "scholen" / "99AB" / "index.html").read_text("utf-8")
    assert FICTIONAL in example
    dashboard = parse((site / "netwerken" / "techniekregio-maasdelta" / "index.html").read_text())
    banner = admonitions(dashboard)[NOTICE].text()
    assert "Dit netwerk is een voorbeeld" in banner and "voorbeeld" in banner
    rows = _rows(dashboard)
    assert "voorbeeld" not in rows["../../scholen/12AB/"].text()
    assert "voorbeeld" in rows["../../scholen/99AB/"].text()


def test_school_add_writes_a_real_school_in_an_example_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEERDOELEN_VANDAAG", VANDAAG.isoformat())
    root = klein_project(tmp_path / "project")  # techniek-noord is a voorbeeld network
    argv = ["--naam", "OBS De Linde", "--plaats", "Utrecht", "--netwerk", "techniek-noord"]
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["-C", str(root), "school", "add", "44DD", *argv]) == 0
    corpus = check(root).project.corpus
    assert corpus.netwerken["techniek-noord"].voorbeeld
    assert not corpus.scholen["44DD"].voorbeeld
    pages = render_adoptie(corpus, {}, VANDAAG)
    assert FICTIONAL not in str(pages["scholen/44DD/index.html"])
