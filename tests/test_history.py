"""Reading git history (``leerdoelen.versions.log``): real repositories in temporary folders.

Each test makes a small repository with GitPython, then reads it the way the site does:
one ``git log`` pass. Renames, merges, deletions, odd commit messages, a shallow clone, a
copy without ``.git`` and a machine without git.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import git
import pytest

from leerdoelen.versions.log import (
    Commit,
    History,
    Version,
    parse_log,
    read_history,
    read_version,
)

GOALS = ("goals",)


class Repo:
    """A git repository in a temporary folder, with commits at chosen dates."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.repo = git.Repo.init(root)
        with self.repo.config_writer() as config:
            config.set_value("user", "name", "Toets")
            config.set_value("user", "email", "toets@example.org")
            config.set_value("commit", "gpgsign", "false")
        self.day = 0

    def write(self, relative: str, text: str = "") -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as file:
            file.write(text or f"regel {self.day}\n")

    def commit(self, message: str, author: str = "Toets") -> str:
        """Commit everything; each commit one day after the previous one (2026-01-01 on)."""
        self.day += 1
        when = dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC) + dt.timedelta(days=self.day)
        self.repo.git.add("--all")
        self.repo.git.commit(
            "--quiet",
            "--allow-empty",
            "--allow-empty-message",
            f"--author={author} <a@example.org>",
            f"--date={when.isoformat()}",
            f"--message={message}",
            env={"GIT_COMMITTER_DATE": when.isoformat()},
        )
        return self.repo.head.commit.hexsha

    def history(self) -> History:
        return read_history(self.root, GOALS)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(tmp_path / "inhoud")


def _log(history: History, path: str) -> list[tuple[str, str]]:
    return [(c.status, c.commit.subject) for c in history.of(path).changes]


# --- the one pass -----------------------------------------------------------------------


def test_each_file_gets_its_commits_newest_first(repo: Repo) -> None:
    repo.write("goals/dg/DG-001.yaml")
    repo.write("goals/dg/DG-002.yaml")
    repo.write("README.md")
    first = repo.commit("Eerste versie", author="Anna")
    repo.write("goals/dg/DG-001.yaml")
    repo.commit("DG-001 verduidelijkt", author="Bram")
    repo.write("README.md")
    repo.commit("Alleen de README")  # outside goals/: in no goal's history
    history = repo.history()
    assert history.availability == "full"
    assert set(history.files) == {"goals/dg/DG-001.yaml", "goals/dg/DG-002.yaml"}
    assert _log(history, "goals/dg/DG-001.yaml") == [
        ("M", "DG-001 verduidelijkt"),
        ("A", "Eerste versie"),
    ]
    doel = history.of("goals/dg/DG-001.yaml")
    assert doel.added is not None and doel.added.sha == first and doel.added.author == "Anna"
    assert doel.last_changed is not None and doel.last_changed.author == "Bram"
    assert doel.last_changed.when == dt.datetime(2026, 1, 3, 12, tzinfo=dt.UTC)
    assert history.of("goals/dg/DG-003.yaml").changes == ()  # not in git: empty


def test_a_moved_goal_keeps_its_history(repo: Repo) -> None:
    repo.write("goals/dg/DG-001.yaml", "code: DG-001\n" * 20)
    repo.commit("Toegevoegd")
    repo.write("goals/dg/DG-001.yaml")
    repo.commit("Gewijzigd")
    (repo.root / "goals" / "mn").mkdir()
    repo.repo.git.mv("goals/dg/DG-001.yaml", "goals/mn/DG-001.yaml")
    repo.commit("Verplaatst naar mn")
    repo.write("goals/mn/DG-001.yaml")
    repo.commit("Daarna gewijzigd")
    history = repo.history()
    assert _log(history, "goals/mn/DG-001.yaml") == [
        ("M", "Daarna gewijzigd"),
        ("R", "Verplaatst naar mn"),
        ("M", "Gewijzigd"),
        ("A", "Toegevoegd"),
    ]
    assert "goals/dg/DG-001.yaml" not in history.files
    assert history.of("goals/mn/DG-001.yaml").added is not None


def test_a_path_used_again_after_a_move_is_another_file(repo: Repo) -> None:
    repo.write("goals/dg/X.yaml", "oud bestand\n" * 20)
    repo.commit("X toegevoegd")
    repo.repo.git.mv("goals/dg/X.yaml", "goals/dg/Y.yaml")
    repo.commit("X wordt Y")
    repo.write("goals/dg/X.yaml", "een heel ander bestand, met andere tekst\n")
    repo.commit("Nieuwe X")
    history = repo.history()
    assert _log(history, "goals/dg/X.yaml") == [("A", "Nieuwe X")]
    assert _log(history, "goals/dg/Y.yaml") == [("R", "X wordt Y"), ("A", "X toegevoegd")]


def test_a_deleted_goal_and_one_added_again(repo: Repo) -> None:
    repo.write("goals/dg/DG-001.yaml")
    repo.commit("Toegevoegd")
    (repo.root / "goals" / "dg" / "DG-001.yaml").unlink()
    repo.commit("Verwijderd")
    repo.write("goals/dg/DG-001.yaml")
    repo.commit("Terug")
    doel = repo.history().of("goals/dg/DG-001.yaml")
    assert [(c.status, c.commit.subject) for c in doel.changes] == [
        ("A", "Terug"),
        ("D", "Verwijderd"),
        ("A", "Toegevoegd"),
    ]
    assert doel.added is not None and doel.added.subject == "Toegevoegd"  # the first time


def test_merges_list_the_branch_commits_not_the_merge(repo: Repo) -> None:
    repo.write("goals/dg/DG-001.yaml")
    repo.write("goals/dg/DG-002.yaml")
    repo.commit("Begin")
    main = repo.repo.active_branch.name
    repo.repo.git.checkout("-b", "zijtak")
    repo.write("goals/dg/DG-001.yaml")
    repo.commit("Op de zijtak")
    repo.repo.git.checkout(main)
    repo.write("goals/dg/DG-002.yaml")
    repo.commit("Op de hoofdtak")
    repo.repo.git.merge("--no-ff", "--no-edit", "zijtak")
    history = repo.history()
    assert _log(history, "goals/dg/DG-001.yaml") == [("M", "Op de zijtak"), ("A", "Begin")]
    assert _log(history, "goals/dg/DG-002.yaml") == [("M", "Op de hoofdtak"), ("A", "Begin")]
    subjects = {c.commit.subject for f in history.files.values() for c in f.changes}
    assert not any(s.startswith("Merge") for s in subjects)


ODD_MESSAGES = [
    "Met \x1f scheidingstekens \x1e erin",
    "\x1e" + "a" * 40,  # looks like the start of a commit to a careless parser
    "Eerste regel\nTweede regel van de titel\n\nEn een body met\nM\ngoals/dg/nep.yaml",
    "Unicode: Één ☃ 𝄞 en een\u2028regelscheiding en \u0085 NEL",
    "<script>alert(1)</script> | `code` # kop *nadruk* [x](javascript:alert(1))",
    "",
]


@pytest.mark.parametrize("message", ODD_MESSAGES)
def test_odd_commit_messages_stay_with_their_commit(repo: Repo, message: str) -> None:
    repo.write("goals/dg/DG-001.yaml")
    repo.commit("Ervoor")
    repo.write("goals/dg/DG-001.yaml")
    repo.write("goals/dg/DG-002.yaml")
    repo.commit(message, author="Zoë d'Anjou-Ñúñez")
    repo.write("goals/dg/DG-002.yaml")
    repo.commit("Erna")
    history = repo.history()
    assert set(history.files) == {"goals/dg/DG-001.yaml", "goals/dg/DG-002.yaml"}
    odd = history.of("goals/dg/DG-001.yaml").changes[0].commit
    expected = subprocess.run(
        ["git", "log", "-1", "--skip=1", "--format=%s"],
        cwd=repo.root,
        capture_output=True,
        check=True,
        encoding="utf-8",
    ).stdout.removesuffix("\n")
    assert odd.subject == expected  # as git shows it: the title paragraph on one line
    assert odd.author == "Zoë d'Anjou-Ñúñez"
    assert [c.commit.subject for c in history.of("goals/dg/DG-002.yaml").changes] == [
        "Erna",
        expected,
    ]


def test_odd_file_names_are_paths_not_options(repo: Repo) -> None:
    for name in ("--output=gepakt.txt", "-rf.yaml", "R100", "met spatie en é.yaml"):
        repo.write(f"goals/dg/{name}")
    repo.commit("Vreemde namen")
    history = repo.history()
    assert set(history.files) == {
        "goals/dg/--output=gepakt.txt",
        "goals/dg/-rf.yaml",
        "goals/dg/R100",
        "goals/dg/met spatie en é.yaml",
    }
    assert not (repo.root / "gepakt.txt").exists()


def test_the_project_may_be_a_folder_in_the_checkout(repo: Repo) -> None:
    repo.write("inhoud/goals/dg/DG-001.yaml")
    repo.write("goals/dg/DG-009.yaml")  # the checkout's own goals/, not the project's
    repo.commit("Samen")
    history = read_history(repo.root / "inhoud", GOALS)
    assert set(history.files) == {"goals/dg/DG-001.yaml"}


# --- when history is missing ------------------------------------------------------------


def test_a_repository_without_commits_has_an_empty_full_history(repo: Repo) -> None:
    repo.write("goals/dg/DG-001.yaml")
    assert repo.history() == History("full")
    assert read_version(repo.root) == Version()


def test_outside_git_the_history_is_unknown(repo: Repo, tmp_path: Path) -> None:
    repo.write("goals/dg/DG-001.yaml")
    repo.commit("In git")
    copy = tmp_path / "kopie"
    shutil.copytree(repo.root, copy, ignore=shutil.ignore_patterns(".git"))
    assert read_history(copy, GOALS) == History("outside git")
    assert read_history(tmp_path / "bestaat-niet", GOALS) == History("outside git")
    assert read_version(copy) == Version()


def test_without_git_the_history_is_unknown(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.write("goals/dg/DG-001.yaml")
    repo.commit("In git")
    empty = tmp_path / "leeg-pad"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # no git executable to be found
    monkeypatch.delenv("GIT_PYTHON_GIT_EXECUTABLE", raising=False)
    assert read_history(repo.root, GOALS) == History("no git")
    assert read_version(repo.root) == Version()


def test_a_broken_repository_is_unreadable(repo: Repo) -> None:
    repo.write("goals/dg/DG-001.yaml")
    first = repo.commit("Begin")
    repo.write("goals/dg/DG-001.yaml")
    repo.commit("Verder")
    tree = repo.repo.commit(first).tree.hexsha  # the first commit's tree: git log needs it
    (repo.root / ".git" / "objects" / tree[:2] / tree[2:]).unlink()
    assert repo.history() == History("unreadable")


def _shallow_clone(repo: Repo, target: Path, depth: int) -> Path:
    git.Repo.clone_from(repo.root.as_uri(), target, multi_options=[f"--depth={depth}"])
    return target


def test_a_shallow_clone_knows_only_its_own_commits(repo: Repo, tmp_path: Path) -> None:
    repo.write("goals/dg/DG-001.yaml")
    repo.write("goals/dg/DG-002.yaml")
    repo.commit("Begin")
    repo.write("goals/dg/DG-001.yaml")
    repo.commit("Midden")
    repo.write("goals/dg/DG-002.yaml")
    repo.commit("Eind")
    one = read_history(_shallow_clone(repo, tmp_path / "diepte-1", 1), GOALS)
    # The one commit looks as if it added every file: that is not history, so nothing.
    assert one == History("shallow", {}, 1)
    two = read_history(_shallow_clone(repo, tmp_path / "diepte-2", 2), GOALS)
    assert two.availability == "shallow" and two.commits == 2
    assert _log(two, "goals/dg/DG-002.yaml") == [("M", "Eind")]
    assert two.files.keys() == {"goals/dg/DG-002.yaml"}
    assert two.of("goals/dg/DG-002.yaml").added is None  # before the known history


# --- the version ------------------------------------------------------------------------


def test_the_version_is_git_describe_and_the_commit(repo: Repo) -> None:
    """With, for the footer in words, the commit's date and the newest release and its date."""
    repo.write("goals/dg/DG-001.yaml")
    first = repo.commit("Begin")
    day = dt.date(2026, 1, 2)
    assert read_version(repo.root) == Version(first[:7], first, day)
    repo.repo.git.tag(
        "--annotate",
        "--message=Eerste release",
        "v2026.1",
        env={"GIT_COMMITTER_DATE": "2026-01-05T12:00:00+00:00"},
    )
    released = dt.date(2026, 1, 5)
    version = read_version(repo.root)
    assert version == Version("v2026.1", first, day, "v2026.1", released)
    assert version.at_release
    repo.write("goals/dg/DG-001.yaml")
    second = repo.commit("Verder")
    version = read_version(repo.root)
    later = dt.date(2026, 1, 3)
    assert version == Version(f"v2026.1-1-g{second[:7]}", second, later, "v2026.1", released)
    assert not version.at_release
    repo.write("goals/dg/DG-001.yaml")  # changed, not committed
    dirty = Version(f"v2026.1-1-g{second[:7]}-dirty", second, later, "v2026.1", released)
    assert read_version(repo.root) == dirty


def test_a_tag_that_is_no_release_is_no_release(repo: Repo) -> None:
    repo.write("goals/dg/DG-001.yaml")
    repo.commit("Begin")
    repo.repo.git.tag("--annotate", "--message=Release", "v2026.1")
    repo.write("goals/dg/DG-001.yaml")
    second = repo.commit("Verder")
    repo.repo.git.tag("v2026-probeer")  # newer, but not a release: v2026.1 stays the release
    version = read_version(repo.root)
    assert (version.commit, version.release, version.at_release) == (second, "v2026.1", False)


# --- the parser on its own --------------------------------------------------------------

SHA = ["1" * 40, "2" * 40, "3" * 40]


def _header(sha: str, subject: str) -> str:
    return f"\x1e{sha}\x002026-11-29T10:00:00+01:00\x00Toets\x00{subject}\x00"


def test_the_parser_skips_the_cut_off_commits_of_a_shallow_clone() -> None:
    output = (
        _header(SHA[0], "nieuw")
        + "\nM\x00goals/a.yaml\x00"
        + _header(SHA[1], "grens")
        + "\nA\x00goals/a.yaml\x00A\x00goals/b.yaml\x00"
    )
    files = parse_log(output, cut_off=[SHA[1]])
    assert list(files) == ["goals/a.yaml"]
    assert [c.status for c in files["goals/a.yaml"].changes] == ["M"]


def test_the_parser_resumes_at_the_next_commit_after_a_token_it_does_not_know() -> None:
    output = (
        _header(SHA[0], "eerst")
        + "\nM\x00goals/a.yaml\x00onzin\x00meer onzin\x00"
        + _header(SHA[1], "dan")
        + "\nA\x00goals/b.yaml\x00"
        + "\x1eniet-hex\x00x\x00y\x00z\x00"  # a broken header: its files have no commit
        + "\nM\x00goals/c.yaml\x00"
    )
    files = parse_log(output)
    assert {path: [c.commit.subject for c in f.changes] for path, f in files.items()} == {
        "goals/a.yaml": ["eerst"],
        "goals/b.yaml": ["dan"],
    }
    commit = files["goals/b.yaml"].changes[0].commit
    assert commit == Commit(
        SHA[1],
        dt.datetime(2026, 11, 29, 10, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        "Toets",
        "dan",
    )


def test_the_parser_takes_a_truncated_output_without_failing() -> None:
    assert parse_log(_header(SHA[0], "x") + "\nR100\x00goals/a.yaml") == {}
    assert parse_log("\x1e" + SHA[0] + "\x00datum") == {}
    assert parse_log("") == {}
