"""Names that become URLs are checked (issue 10, finding 8).

A network file's name is its dashboard's folder on the site, a school file's its
checklist's: a name that does not follow the pattern, or that is a page the site makes
itself, is an error (LD410) that names the file.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest
from conftest import GELDIG, NETWERK_HEADER, ROOT, SCHOOL_HEADER

from leerdoelen.cli import main
from leerdoelen.commands.check import check

NETWERK = NETWERK_HEADER + (
    "naam: Noord\nsoort: regionaal netwerk\ncontact: info@noord.example\npubliceren: true\n"
)


def school(brin: str) -> str:
    return SCHOOL_HEADER + f"brin: {brin}\nnaam: OBS Echt\nplaats: Ergens\nsoort: bao\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "inhoud"
    shutil.copytree(GELDIG / "goals", root / "goals")
    (root / "adoptie/netwerken").mkdir(parents=True)
    (root / "adoptie/scholen").mkdir(parents=True)
    return root


def found(root: Path) -> list[tuple[str, str]]:
    return [(d.path, d.code) for d in check(root).diagnostics]


@pytest.mark.parametrize(
    "name",
    [
        ".yaml",  # slug '': seen passing check and breaking build
        "...yaml",  # slug '..': seen writing its dashboard over the home page
        "..yaml",
        "Noord.yaml",
        "noord_oost.yaml",
        "noord oost.yaml",
        "-noord.yaml",
        "noord-.yaml",
        "noord--oost.yaml",
        "noord.v2.yaml",
        "noörd.yaml",
        "noord\n.yaml",
        "index.yaml",  # netwerken/index.md is the overview
        "n" * 61 + ".yaml",  # a slug has at most 60 characters
    ],
)
def test_a_network_name_that_cannot_be_a_url_is_an_error(project: Path, name: str) -> None:
    path = f"adoptie/netwerken/{name}"
    (project / path).write_text(NETWERK, encoding="utf-8")
    [refused] = check(project).diagnostics
    assert (refused.path, refused.code, refused.severity) == (path, "LD410", "error")
    assert f"bestandsnaam '{name}'" in refused.message


@pytest.mark.parametrize(
    ("name", "brin"),
    [("12ab.yaml", "12AB"), (".yaml", "12AB"), ("12AB0.yaml", "12AB"), ("..yaml", "12AB")],
)
def test_a_school_name_that_is_no_brin_is_an_error(project: Path, name: str, brin: str) -> None:
    path = f"adoptie/scholen/{name}"
    (project / path).write_text(school(brin), encoding="utf-8")
    assert found(project) == [(path, "LD410")]  # not also LD406: one problem, one message


def test_a_lowercase_brin_gets_a_hint() -> None:
    from leerdoelen.load.names import name_problem

    problem = name_problem("scholen", "12ab.yaml")
    assert problem is not None and problem.endswith("bedoelde je '12AB.yaml'?")


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("adoptie/netwerken/noord.yaml", NETWERK),
        ("adoptie/netwerken/regio-2-noord.yaml", NETWERK),
        ("adoptie/netwerken/" + "n" * 60 + ".yaml", NETWERK),
        ("adoptie/scholen/12AB.yaml", school("12AB")),
        ("adoptie/scholen/12AB01.yaml", school("12AB01")),
    ],
)
def test_good_names_pass(project: Path, path: str, text: str) -> None:
    (project / path).write_text(text, encoding="utf-8")
    assert found(project) == []


def test_every_bundled_name_passes() -> None:
    from leerdoelen.load.names import name_problem

    for folder in ("netwerken", "scholen"):
        for path in (ROOT / "adoptie" / folder).glob("*.yaml"):
            assert name_problem(folder, path.name) is None, path


@pytest.mark.parametrize("name", [".yaml", "...yaml"])
def test_build_refuses_a_bad_network_name_and_keeps_the_home_page(project: Path, name: str) -> None:
    for part in ("site", "schemas"):
        shutil.copytree(ROOT / part, project / part)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "adoptie/netwerken" / name).write_text(NETWERK, encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(["-C", str(project), "build"])
    assert code == 1, out.getvalue()
    assert f"adoptie/netwerken/{name}:0:0: LD410: " in out.getvalue()
    assert not (project / "public").exists()
