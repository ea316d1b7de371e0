"""``leerdoelen release`` and the "Wat is er veranderd" page, on real git repositories."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import git
import pytest
from conftest import ROOT, commit_all, committed_goals, git_repo

from leerdoelen.cli import main
from leerdoelen.commands.check import check
from leerdoelen.render.changelog import PAGE, render_changelog
from leerdoelen.versions.release import ReleaseError, changelog, create_tag

pytestmark = pytest.mark.slow  # a git repository per test

DG = "goals/digitale-geletterdheid"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return committed_goals(tmp_path)


def run(root: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["-C", str(root), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def edit(root: Path, code: str, old: str, new: str) -> None:
    path = root / DG / f"{code}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def tag_message(root: Path, name: str) -> str:
    tag = git.Repo(root).tags[name].tag
    assert tag is not None, "an annotated tag"
    return tag.message


def test_first_release_lists_everything_since_the_start(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(project, capsys, "release", "v2026.1")
    assert (code, err) == (0, ""), out + err
    message = tag_message(project, "v2026.1")
    assert message.startswith("Leerdoelen v2026.1\n\nbegin → v2026.1 (")
    corpus = check(project).project.corpus
    added = len(corpus.leerdoelen) + len(corpus.kerndoelen) + len(corpus.doelzinnen)
    assert f"\n## Toegevoegd ({added})\n" in message
    assert git.Repo(project).tags["v2026.1"].commit == git.Repo(project).head.commit
    assert "release v2026.1 gemaakt op" in out


def test_next_release_summarises_since_the_previous(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(project, capsys, "release", "v2026.1")[0] == 0
    edit(project, "DG-003", "status: vastgesteld", "status: vervallen\nvervangen_door: [DG-005]")
    commit_all(git.Repo(project), "DG-003 vervalt", day=2)
    code, out, err = run(project, capsys, "release", "v2026.2")
    assert code == 0, out + err
    message = tag_message(project, "v2026.2")
    # The whole Markdown is kept (git would strip '#' lines as comments by default).
    assert "v2026.1 (" in message and "→ v2026.2 (" in message
    assert "\n## Vervallen (1)\n" in message
    assert (
        "- **DG-003** Invoer, verwerking en uitvoer bij apparaten herkennen: vervangen door "
        "DG-005" in message
    )
    assert "Toegevoegd" not in message


@pytest.mark.parametrize("name", ["2026.1", "v26.1", "v2026.0", "v2026.1-rc", "-v2026.1", "v2026"])
def test_bad_release_names_are_refused(project: Path, capsys, name: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(project, capsys, "release", "--", name)
    assert code == 2
    assert "is geen releasenaam; gebruik vJJJJ.N" in err
    assert not git.Repo(project).tags


def test_release_refuses_an_existing_or_lower_tag(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(project, capsys, "release", "v2026.2")[0] == 0
    code, _, err = run(project, capsys, "release", "v2026.2")
    assert (code, "tag v2026.2 bestaat al" in err) == (2, True)
    code, _, err = run(project, capsys, "release", "v2026.1")
    assert (code, "moet hoger zijn dan de laatste release, v2026.2" in err) == (2, True)


def test_release_refuses_uncommitted_goals(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (project / DG / "DG-046.yaml").write_text("code: DG-046\n", encoding="utf-8")
    code, _, err = run(project, capsys, "release", "v2026.1")
    assert code == 2
    assert f"niet vastgelegde wijzigingen in goals/ ({DG}/DG-046.yaml)" in err
    assert not git.Repo(project).tags


def test_release_refuses_content_errors_and_broken_identity(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(project, capsys, "release", "v2026.1")[0] == 0
    (project / DG / "DG-012.yaml").unlink()
    commit_all(git.Repo(project), "DG-012 weg", day=2)
    code, out, err = run(project, capsys, "release", "v2026.2")
    assert code == 1
    assert f"{DG}/DG-012.yaml:1:1: LD501: leerdoel DG-012" in out
    assert "geen release v2026.2: los eerst de fouten op" in err
    assert [t.name for t in git.Repo(project).tags] == ["v2026.1"]


def test_release_without_commits(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    shutil.copytree(ROOT / "goals", tmp_path / "goals")
    git_repo(tmp_path)
    code, _, err = run(tmp_path, capsys, "release", "v2026.1")
    assert (code, "nog geen commits" in err) == (2, True)


# --- Which branch a release tags -----------------------------------------------------------


def test_release_refuses_a_feature_branch(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    git.Repo(project).git.switch("--create", "nieuwe-doelen")
    code, out, err = run(project, capsys, "release", "v2026.1")
    assert (code, out) == (2, "")
    assert err == (
        "leerdoelen: fout: de huidige branch is 'nieuwe-doelen'; een release tagt de "
        "standaardbranch 'main'. Wissel naar 'main', of geef '--branch nieuwe-doelen' als je "
        "deze branch bewust wilt taggen\n"
    )
    assert not git.Repo(project).tags


def test_release_tags_the_branch_that_branch_names(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    repo = git.Repo(project)
    repo.git.switch("--create", "hotfix")
    code, _, err = run(project, capsys, "release", "v2026.1", "--branch", "main")
    assert code == 2
    assert "--branch noemt 'main', maar de huidige branch is 'hotfix'" in err
    code, out, err = run(project, capsys, "release", "v2026.1", "--branch", "hotfix")
    assert (code, err) == (0, ""), out + err
    assert f"gemaakt op {repo.head.commit.hexsha[:7]} (hotfix)" in out
    assert repo.tags["v2026.1"].commit == repo.head.commit


def test_release_refuses_a_detached_head(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    git.Repo(project).git.switch("--detach")
    for extra in ([], ["--branch", "main"]):
        code, _, err = run(project, capsys, "release", "v2026.1", *extra)
        assert code == 2
        assert "HEAD hangt niet aan een branch (detached HEAD)" in err
    assert not git.Repo(project).tags


def test_release_tags_the_branch_origin_head_names(project: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    git.Repo(project).git.branch("--move", "main", "trunk")
    clone = git.Repo.clone_from(project, tmp_path / "kloon")
    root = Path(clone.working_tree_dir or "")
    clone.git.switch("--create", "main")  # named main, but origin/HEAD is trunk
    code, _, err = run(root, capsys, "release", "v2026.1")
    assert (code, "een release tagt de standaardbranch 'trunk'" in err) == (2, True)
    clone.git.switch("trunk")
    with clone.config_writer() as config:
        config.set_value("user", "name", "Redactie")
        config.set_value("user", "email", "redactie@example.org")
        config.set_value("tag", "gpgsign", "false")
    code, out, err = run(root, capsys, "release", "v2026.1")
    assert (code, err) == (0, ""), out + err
    assert "(trunk)" in out


def test_create_tag_refuses_what_is_no_release_name_or_commit(project: Path) -> None:
    repo = git.Repo(project)
    sha = repo.head.commit.hexsha
    with pytest.raises(ReleaseError, match="'--force' is geen releasenaam"):
        create_tag(repo, "--force", sha, "bericht")
    with pytest.raises(ReleaseError, match="'HEAD' is geen volledige commit-SHA"):
        create_tag(repo, "v2026.1", "HEAD", "bericht")
    assert not repo.tags


def test_create_tag_refuses_under_python_O_too(project: Path) -> None:
    """The guard is no ``assert``: ``python -O`` drops those."""
    code = (
        "import sys, git\n"
        "from leerdoelen.versions.release import ReleaseError, create_tag\n"
        "repo = git.Repo(sys.argv[1])\n"
        "try:\n"
        "    create_tag(repo, 'v2026.1', '--force', 'bericht')\n"
        "except ReleaseError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run(
        [sys.executable, "-O", "-c", code, str(project)], capture_output=True, text=True
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "'--force' is geen volledige commit-SHA (40 hexadecimale tekens)\n"
    assert not git.Repo(project).tags


# --- The "Wat is er veranderd" page ----------------------------------------------------------


def page(root: Path) -> str:
    result = check(root)
    assert result.ok
    corpus = result.project.corpus
    return str(render_changelog(changelog(root, corpus), corpus)[PAGE])


def test_page_outside_git(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "goals", tmp_path / "goals")
    text = page(tmp_path)
    assert text.startswith("---\ntitle: Wat is er veranderd\n---\n")
    assert "niet gebouwd vanuit een git-repository" in text


def test_page_without_releases(project: Path) -> None:
    assert "Er is nog geen uitgebrachte versie van de leerdoelen." in page(project)


def test_page_per_release_newest_first_with_unreleased(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(project, capsys, "release", "v2026.1")[0] == 0
    edit(project, "DG-007", "status: concept", "status: ter consultatie")
    commit_all(git.Repo(project), "DG-007 ter consultatie", day=2)
    assert run(project, capsys, "release", "v2026.2")[0] == 0
    edit(project, "DG-041", "status: concept", "status: ter consultatie")  # not released
    text = page(project)
    unreleased = text.index("## Nog niet in een release")
    second, first = text.index("## v2026.2 ("), text.index("## v2026.1 (")
    assert unreleased < second < first
    assert "DG-041" in text[unreleased:second] and "DG-007" not in text[unreleased:second]
    assert "[DG-007](../doelen/DG-007/index.md)" in text[second:first]
    assert "concept → ter consultatie" in text[second:first]
    assert "Fouten" not in text


def test_page_marks_the_changed_words_of_a_text(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """The page shows a reworded uitwerking once, its words in ``<del>`` and ``<ins>``; the
    tag message of the same release marks them as ``~~oud~~ **nieuw**``."""
    assert run(project, capsys, "release", "v2026.1")[0] == 0
    edit(project, "DG-010", "minstens één andere bron.", "minstens twee andere bronnen.")
    commit_all(git.Repo(project), "DG-010 twee bronnen", day=2)
    assert run(project, capsys, "release", "v2026.2")[0] == 0
    words = "Controleert informatie in minstens"
    assert (
        f"- gewijzigd: {words} <del>één</del> <ins>twee</ins> andere <del>bron.</del> "
        "<ins>bronnen.</ins>\n" in page(project)
    )
    message = tag_message(project, "v2026.2")
    assert message.endswith(f"- gewijzigd: {words} ~~één~~ **twee** andere ~~bron.~~ **bronnen.**")


def test_before_the_first_release_new_changed_and_vervallen_goals_with_dates() -> None:
    """Rendered from the goals' history alone: plain Dutch, newest first, no git words."""
    import datetime as dt

    from conftest import GELDIG

    from leerdoelen.render.changelog import changelog_page
    from leerdoelen.versions.log import Change, Commit, FileHistory, History, Version
    from leerdoelen.versions.release import Changelog

    corpus = check(GELDIG).project.corpus

    def commit(day: int) -> Commit:
        when = dt.datetime(2026, 3, day, 10, tzinfo=dt.UTC)
        return Commit(f"{day:040x}", when, "Redactie", "bericht")

    def path(code: str) -> str:
        return corpus.sources[code].path

    history = History(
        "full",
        {
            path("DG-001"): FileHistory((Change(commit(1), "A"),)),
            path("DG-002"): FileHistory((Change(commit(9), "A"),)),  # new since
            path("DG-003"): FileHistory((Change(commit(5), "M"), Change(commit(1), "A"))),
        },
    )
    sha = "ab" * 20
    text = changelog_page(Changelog(missing="releases"), corpus, history, Version("abc", sha, None))
    teacher, editors = text.split("## Voor redacteuren")
    assert "Op 1 maart 2026 verscheen de eerste inhoud: 2 leerdoelen." in teacher
    assert "### Nieuwe leerdoelen\n\n- 9 maart 2026: [DG-002](../doelen/DG-002/index.md)" in teacher
    assert "### Vervallen leerdoelen\n\n- 5 maart 2026: [DG-003](" in teacher  # vervallen
    assert "Gewijzigde leerdoelen" not in teacher  # DG-003 is vervallen, not changed
    for word in ("tag", "commit", "HEAD", "release"):
        assert word.lower() not in teacher.lower(), word
    assert sha in editors
