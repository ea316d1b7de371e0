"""Goal history and the content's version on the built site.

The session build (``conftest.site_build``) is a git checkout with a short history
(``conftest.HISTORY``) and a release tag. The cases without (full) history each build a
small project of their own, for real: a shallow clone, a copy without ``.git``, and a
machine without git. None of them may fail; each says what is missing.
"""

from __future__ import annotations

import datetime as dt
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

from leerdoelen.render.dates import datum_nl

pytestmark = pytest.mark.slow  # real site builds in git repositories


def _page(site: Path, code: str) -> tuple[str, Element]:
    source = (site / "doelen" / code / "index.html").read_text(encoding="utf-8")
    return source, parse(source)


def _fold(tree: Element) -> list[Element]:
    """What the folded Geschiedenis holds: the last element of the page, a <details>."""
    children = [c for c in article(tree).children if isinstance(c, Element)]
    last = children[-1]
    assert last.tag == "details" and "ld-geschiedenis" in last.classes, "geen Geschiedenis"
    assert "open" not in last.attrs, "Geschiedenis is niet dichtgeklapt"
    summary, *inside = [c for c in last.children if isinstance(c, Element)]
    assert (summary.tag, summary.text()) == ("summary", "Geschiedenis")
    return inside


def _history(tree: Element) -> tuple[str, list[list[str]]]:
    """The Geschiedenis fold: its text before the table, and the table's rows."""
    section = _fold(tree)
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
    history = [e for part in _fold(tree) for e in part.iter()]
    assert {e.tag for e in history} <= {"ul", "li", "table", "thead", "tbody", "tr", "th", "td"}
    assert "alert('commit')</script>" not in source and "<img src=x" not in source


def _tag_date(repo: git.Repo, name: str) -> str:
    tag = repo.tags[name].tag
    assert tag is not None
    return datum_nl(dt.datetime.fromtimestamp(tag.tagged_date).date())


def test_every_page_footer_shows_the_version_in_words(site_build: SiteBuild, site: Path) -> None:
    """At a release: its name and date; no commit hash on any page but the changelog."""
    repo = git.Repo(site_build.root)
    commit = repo.head.commit.hexsha
    expected = f"Inhoud: versie {VERSIE} ({_tag_date(repo, VERSIE)})"
    pages = sorted(site.glob("**/index.html"))
    themed = [p for p in pages if "/scholen/" not in p.as_posix()]  # standalone pages
    assert len(themed) > 100
    for path in themed:
        source = path.read_text(encoding="utf-8")
        assert _footer_version(parse(source)) == expected, path
        if path.parent.name != "veranderd":
            assert commit[:7] not in source, path
    changelog = (site / "veranderd" / "index.html").read_text(encoding="utf-8")
    assert f"Deze site is gebouwd van commit <code>{commit}</code>" in changelog


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
    footer = _footer_version(_page(site, "DG-001")[1])
    assert footer == f"Inhoud: versie v2026.2 ({_tag_date(git.Repo(clone), 'v2026.2')})"


def test_a_copy_without_git_builds_and_says_so(small_repo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "kopie"
    shutil.copytree(small_repo, copy, ignore=shutil.ignore_patterns(".git"))
    site = _build(copy)
    tree = _page(site, "DG-001")[1]
    assert _history(tree) == ("Geschiedenis onbekend: deze site is gebouwd buiten git.", [])
    assert _footer_version(tree) == "Inhoud: versie onbekend (gebouwd zonder git)"


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
    assert _footer_version(tree) == "Inhoud: versie onbekend (gebouwd zonder git)"


def test_an_unreadable_history_is_named_as_such() -> None:
    """A checkout whose history git can't read (see test_history): rendered in-process."""
    from leerdoelen.commands.check import check
    from leerdoelen.render.pages import render_pages
    from leerdoelen.versions.log import History

    pages = render_pages(check(GELDIG).project.corpus, History("unreadable"))
    page = pages["doelen/DG-001/index.md"]
    assert isinstance(page, str)
    assert page.endswith(
        '??? abstract ld-geschiedenis "Geschiedenis"\n\n'
        "    Geschiedenis onbekend: git kon de geschiedenis niet lezen toen deze site werd "
        "gebouwd.\n"
    )


# --- the version in words, before and after a release -------------------------------------


def test_after_a_release_the_footer_says_changes_until_the_last_date(small_repo: Path) -> None:
    repo = git.Repo(small_repo)
    (small_repo / "goals" / "digitale-geletterdheid" / "DG-001.yaml").open("a").write("# na\n")
    repo.git.commit("--quiet", "--all", "--message=Na de release")
    site = _build(small_repo)
    changed = datum_nl(repo.head.commit.committed_datetime.date())
    footer = _footer_version(_page(site, "DG-001")[1])
    assert footer == f"Inhoud: versie v2026.2 met wijzigingen tot {changed}"


def test_before_the_first_release_the_site_says_what_changed_since_the_beginning(
    small_repo: Path,
) -> None:
    """No release tag: the footer gives the date, the changelog the changes in plain Dutch,
    with no git words for the teacher; the commit only in the part for editors."""
    repo = git.Repo(small_repo)
    repo.delete_tag(repo.tags["v2026.2"])
    site = _build(small_repo)
    changed = datum_nl(repo.head.commit.committed_datetime.date())
    assert _footer_version(_page(site, "DG-001")[1]) == f"Inhoud: stand van {changed}"
    tree = parse((site / "veranderd" / "index.html").read_text(encoding="utf-8"))
    text = article(tree).text()
    teacher, editors = text.split("Voor redacteuren")
    assert "Op 5 januari 2026 verscheen de eerste inhoud: 3 leerdoelen." in teacher
    changed_part, retired_part = teacher.split("Gewijzigde leerdoelen")[1].split(
        "Vervallen leerdoelen"
    )
    assert "2 maart 2026: DG-002" in changed_part and "DG-003" not in changed_part
    assert "15 juni 2026: DG-003" in retired_part  # DG-003 is vervallen
    for word in ("tag", "commit", "HEAD", "release"):
        assert word not in teacher, word
    assert repo.head.commit.hexsha in editors


def test_the_changelog_marks_the_changed_words_of_a_text(small_repo: Path) -> None:
    """An unreleased reworded omschrijving: once, its changed words in <del> and <ins>."""
    path = small_repo / "goals" / "digitale-geletterdheid" / "DG-002.yaml"
    path.write_text(path.read_text("utf-8").replace("een route", "een parcours"), "utf-8")
    git.Repo(small_repo).git.commit("--quiet", "--all", "--message=Parcours")
    site = _build(small_repo)
    page = article(parse((site / "veranderd" / "index.html").read_text(encoding="utf-8")))
    [line] = [li for li in page.find_all("li") if li.text().startswith("omschrijving:")]
    assert [(e.tag, e.text()) for e in line.children if isinstance(e, Element)] == [
        ("del", "route"),
        ("ins", "parcours"),
    ]
    assert line.text() == (
        "omschrijving: De leerling geeft een reeks instructies om een vloerrobot een "
        "route parcours te laten rijden."
    )
