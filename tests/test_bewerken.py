"""Edit in the browser: goal pages and school checklists link to their YAML file in the
repository's web editor, from mkdocs.yml's ``extra.bewerken``; no link without it, and a
value that is not a plain https URL stops the build with a Dutch message that names its
line."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from conftest import klein_project

from leerdoelen.commands.build import BuildError, docs_tree
from leerdoelen.commands.check import check
from leerdoelen.commands.settings import site_settings

EDITOR = "https://github.com/voorbeeld/leerdoelen/edit/main/"
GOAL_LINK = "Bewerk dit leerdoel op GitHub"
SCHOOL_LINK = "Werk deze checklist bij op GitHub"


def _project(tmp_path: Path, extra: str | None) -> Path:
    root = klein_project(tmp_path / "project")
    config = "site_name: Toets\nsite_url: https://toets.example/\n"
    if extra is not None:
        config += f"extra:\n  generator: false\n{extra}"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def _tree(root: Path) -> dict[str, str | bytes]:
    result = check(root)
    assert result.ok, [str(d) for d in result.diagnostics]
    return docs_tree(root, result)


def _a_goal(files: dict[str, str | bytes]) -> tuple[str, str]:
    """A goal page's code and text."""
    page = min(p for p in files if p.startswith("doelen/") and p.count("/") == 2)
    return page.split("/")[1], str(files[page])


@pytest.fixture
def vandaag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEERDOELEN_VANDAAG", "2026-11-29")


@pytest.mark.usefixtures("vandaag")
def test_goal_and_school_pages_link_to_their_file_in_the_web_editor(tmp_path: Path) -> None:
    root = _project(tmp_path, f"  bewerken: {EDITOR}\n")
    files = _tree(root)
    code, goal = _a_goal(files)
    goal_file = next(root.glob(f"goals/*/{code}.yaml")).relative_to(root).as_posix()
    assert f"[{GOAL_LINK}]({EDITOR}{goal_file})" in goal
    school = html.unescape(str(files["scholen/11AA/index.html"]))
    assert f'href="{EDITOR}adoptie/scholen/11AA.yaml">{SCHOOL_LINK}</a>' in school


@pytest.mark.usefixtures("vandaag")
def test_a_url_without_its_last_slash_gets_one(tmp_path: Path) -> None:
    root = _project(tmp_path, f"  bewerken: {EDITOR.rstrip('/')}\n")
    code, goal = _a_goal(_tree(root))
    assert f"({EDITOR}goals/" in goal and code in goal


@pytest.mark.usefixtures("vandaag")
@pytest.mark.parametrize("extra", [None, "", "  bewerken:\n", "  bewerken: ''\n"])
def test_no_setting_no_edit_link(tmp_path: Path, extra: str | None) -> None:
    files = _tree(_project(tmp_path, extra))
    assert GOAL_LINK not in _a_goal(files)[1]
    assert SCHOOL_LINK not in str(files["scholen/11AA/index.html"])


@pytest.mark.usefixtures("vandaag")
@pytest.mark.parametrize(
    "value",
    [
        "http://github.com/voorbeeld/leerdoelen/edit/main/",
        "javascript:alert(1)",
        "//github.com/voorbeeld/leerdoelen/edit/main/",
        "github.com/voorbeeld/leerdoelen/edit/main/",
        "'https://github.com/x/y/edit/main/\"><script>'",
        "'https://github.com/x/y/edit/main/) [x](https://kwaad.example/'",
        "https://github.com/x/y/edit/main/?a=b",
        "[https://github.com/x/y/edit/main/]",
        "12",
    ],
)
def test_a_bad_setting_stops_the_build_with_its_line(tmp_path: Path, value: str) -> None:
    root = _project(tmp_path, f"  bewerken: {value}\n")
    said = r"^mkdocs\.yml:5:13: extra\.bewerken moet een https-adres"
    with pytest.raises(BuildError, match=said):
        _tree(root)


def test_export_does_not_read_the_setting_as_a_check(tmp_path: Path) -> None:
    """Open data does not use the editor URL: a bad one does not stop ``export``."""
    root = _project(tmp_path, "  bewerken: http://voorbeeld.example/\n")
    assert site_settings(root).url == "https://toets.example/"


def test_the_bundled_site_sets_no_editor_until_a_repository_is_known() -> None:
    root = Path(__file__).parent.parent
    assert site_settings(root).bewerken == ""
