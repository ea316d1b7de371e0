"""Goal history and the content's version on the built site.

The session build (``conftest.site_build``) is a git checkout with a short history
(``conftest.HISTORY``) and a release tag. The cases without (full) history each build a
small project of their own, for real: a shallow clone, a copy without ``.git``, and a
machine without git. None of them may fail; each says what is missing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import git
import pytest
from conftest import (
    GELDIG,
    ROOT,
    VERSIE,
    XSS_CODE,
    XSS_COMMIT,
    CommitPlan,
    SiteBuild,
    commit_history,
)
from test_site_html import Element, article, parse

pytestmark = pytest.mark.slow  # real site builds in git repositories


def _page(site: Path, code: str) -> tuple[str, Element]:
    source = (site / "doelen" / code / "index.html").read_text(encoding="utf-8")
    return source, parse(source)


def _section(tree: Element, heading: str) -> list[Element]:
    """The elements after the h2 ``heading`` up to the next h2, in the page content."""
    found: list[Element] = []
    inside = False
    for child in article(tree).children:
        if not isinstance(child, Element):
            continue
        if child.tag == "h2":
            inside = child.text() == heading
        elif inside:
            found.append(child)
    return found


def _history(tree: Element) -> tuple[str, list[list[str]]]:
    """The Geschiedenis section: its text before the table, and the table's rows."""
    section = _section(tree, "Geschiedenis")
    assert section, "geen kop Geschiedenis"
    text = " ".join(e.text() for e in section if e.tag != "table")
    rows = [
        [cell.text() for cell in row.find_all("td")]
        for table in section
        if table.tag == "table"
        for row in table.find("tbody").find_all("tr")
    ]
    return text, rows


def _footer_version(tree: Element) -> str:
    return tree.find("footer").find("div", "ld-versie").text()


# --- the session build: a real checkout ---------------------------------------------------


def test_the_session_build_is_a_git_checkout_with_history(site_build: SiteBuild) -> None:
    repo = git.Repo(site_build.root)
    assert len(list(repo.iter_commits())) == 3
    assert not repo.is_dirty()


def test_a_goal_page_shows_when_it_was_added_and_changed(site: Path) -> None:
    _, tree = _page(site, "DG-001")
    text, rows = _history(tree)
    assert "Toegevoegd: 1 mei 2025" in text
    assert "Laatst veranderd: 3 november 2026" in text
    assert rows == [
        ["3 november 2026", "gewijzigd", "Fatima Redacteur", "DG-001: omschrijving verduidelijkt"],
        ["1 mei 2025", "toegevoegd", "Redactie SLO", "Eerste versie van de inhoud"],
    ]


def test_a_goal_untouched_since_the_first_commit(site: Path) -> None:
    _, tree = _page(site, "MN-048")
    text, rows = _history(tree)
    assert "Toegevoegd: 1 mei 2025" in text and "Laatst veranderd: 1 mei 2025" in text
    assert rows == [["1 mei 2025", "toegevoegd", "Redactie SLO", "Eerste versie van de inhoud"]]


def test_commit_message_and_author_are_shown_as_text(site: Path) -> None:
    """A commit is untrusted input: not even emphasis or a link comes through."""
    source, tree = _page(site, XSS_CODE)
    _, rows = _history(tree)
    date, kind, author, message = rows[0]
    assert (date, kind) == ("20 november 2026", "gewijzigd")
    assert author == "Mallory & *Co* [x](javascript:alert('auteur'))"
    assert message == XSS_COMMIT.split("\n")[0]  # the title, exactly as written
    history = [e for part in _section(tree, "Geschiedenis") for e in part.iter()]
    assert {e.tag for e in history} <= {"ul", "li", "table", "thead", "tbody", "tr", "th", "td"}
    assert "alert('commit')</script>" not in source and "<img src=x" not in source


def test_every_page_footer_shows_the_version_and_commit(site_build: SiteBuild, site: Path) -> None:
    commit = git.Repo(site_build.root).head.commit.hexsha
    expected = f"Versie van de inhoud: {VERSIE}, commit {commit[:12]}"
    pages = sorted(site.glob("**/index.html"))
    themed = [p for p in pages if "/scholen/" not in p.as_posix()]  # standalone pages
    assert len(themed) > 100
    for path in themed:
        assert _footer_version(parse(path.read_text(encoding="utf-8"))) == expected, path


# --- builds without (full) history --------------------------------------------------------


def _small_project(root: Path) -> Path:
    """``tests/golden/geldig`` (three goals) with the site settings of this repository."""
    shutil.copytree(GELDIG, root)
    for name in ("site", "schemas"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


SMALL_HISTORY = (
    CommitPlan((".",), "Redactie", "2026-01-05T10:00:00+01:00", "Begin"),
    CommitPlan(
        ("goals/digitale-geletterdheid/DG-002.yaml",),
        "Redactie",
        "2026-03-02T10:00:00+01:00",
        "DG-002",
    ),
    CommitPlan(
        ("goals/digitale-geletterdheid/DG-003.yaml",),
        "Redactie",
        "2026-06-15T10:00:00+02:00",
        "DG-003",
    ),
)


def _build(root: Path) -> Path:
    from leerdoelen.commands.build import build_site

    result = build_site(root, root / "public")
    assert result.out is not None, "de site is niet gebouwd"
    return result.out


@pytest.fixture
def small_repo(tmp_path: Path) -> Path:
    root = _small_project(tmp_path / "bron")
    commit_history(root, SMALL_HISTORY, tag="v2026.2")
    return root


def test_a_shallow_clone_builds_and_says_what_it_misses(small_repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "ondiep"
    git.Repo.clone_from(small_repo.as_uri(), clone, multi_options=["--depth=2"])
    site = _build(clone)
    text, rows = _history(_page(site, "DG-003")[1])
    assert (
        "Geschiedenis onvolledig: alleen de laatste 2 commits zijn bekend (ondiepe kloon)." in text
    )
    assert "Toegevoegd: onbekend" in text and "Laatst veranderd: 15 juni 2026" in text
    assert rows == [["15 juni 2026", "gewijzigd", "Redactie", "DG-003"]]
    text, rows = _history(_page(site, "DG-001")[1])
    assert text == (
        "Geschiedenis onbekend: alleen de laatste 2 commits zijn bekend (ondiepe kloon), "
        "en daarin is dit leerdoel niet veranderd."
    )
    assert rows == []
    commit = git.Repo(clone).head.commit.hexsha
    footer = _footer_version(_page(site, "DG-001")[1])
    assert footer == f"Versie van de inhoud: v2026.2, commit {commit[:12]}"


def test_a_copy_without_git_builds_and_says_so(small_repo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "kopie"
    shutil.copytree(small_repo, copy, ignore=shutil.ignore_patterns(".git"))
    site = _build(copy)
    tree = _page(site, "DG-001")[1]
    assert _history(tree) == ("Geschiedenis onbekend: deze site is gebouwd buiten git.", [])
    assert _footer_version(tree) == "Versie van de inhoud: onbekend (gebouwd zonder git)"


def test_without_git_the_site_builds_and_says_so(
    small_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "leeg-pad"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # no git executable to be found
    monkeypatch.delenv("GIT_PYTHON_GIT_EXECUTABLE", raising=False)
    site = _build(small_repo)
    tree = _page(site, "DG-001")[1]
    text = "Geschiedenis onbekend: git was niet beschikbaar toen deze site werd gebouwd."
    assert _history(tree) == (text, [])
    assert _footer_version(tree) == "Versie van de inhoud: onbekend (gebouwd zonder git)"


def test_an_unreadable_history_is_named_as_such() -> None:
    """A checkout whose history git can't read (see test_history): rendered in-process."""
    from leerdoelen.commands.check import check
    from leerdoelen.render.pages import render_pages
    from leerdoelen.versions.log import History

    pages = render_pages(check(GELDIG).project.corpus, History("unreadable"))
    page = pages["doelen/DG-001/index.md"]
    assert isinstance(page, str)
    assert page.endswith(
        "## Geschiedenis\n\n"
        "Geschiedenis onbekend: git kon de geschiedenis niet lezen toen deze site werd gebouwd.\n"
    )
