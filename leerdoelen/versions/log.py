"""The content's history from git: who changed which file when, and the content's version.

One ``git log`` pass over the given folders gives every file's commits (date, author,
message), following renames, so that a goal whose file moved keeps its history. Asking git
per file would cost a process and a history walk per goal (``tools/bench_history.py``).

Git runs with fixed arguments only; the folders come from the code, never from a user, and
follow ``--`` with ``--literal-pathspecs``. Nothing here ever fails a build: outside a git
checkout, with git missing or failing, the history is simply unknown and says why. In a
shallow clone the cut-off commits (git's "shallow" list) look as if they added every file;
their changes are left out, so what remains is true, only incomplete.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

# Why the history is (in)complete. "full": everything; "shallow": only the newest commits
# are in the clone; "outside git": not a git checkout; "no git": git could not be run;
# "unreadable": git ran in a checkout but could not read its history.
Availability = Literal["full", "shallow", "outside git", "no git", "unreadable"]

# One commit: a record separator, then hash, author date (strict ISO 8601), author (as
# .mailmap says) and subject, separated by NUL. With -z, git ends the header with a NUL
# and gives each changed file as status NUL path NUL (NUL old NUL new for a rename).
_FORMAT = "--format=%x1e%H%x00%aI%x00%aN%x00%s"
LOG = (
    "log",
    "-z",
    _FORMAT,
    "--encoding=UTF-8",
    "--name-status",
    "-M",  # follow renames, whatever diff.renames says
    "--root",  # the first commit adds its files
    "--date-order",  # children before parents, then by date
    "--relative",  # paths from the root, also when it is a folder in the checkout
    "--no-color",
    "--no-show-signature",
)
_HEADER = re.compile(r"\n?\x1e([0-9a-f]{40}|[0-9a-f]{64})")
_STATUS = re.compile(r"\n?([ACDMRTUXB])\d*")


@dataclass(frozen=True, slots=True)
class Commit:
    sha: str
    when: dt.datetime  # the author date, in the author's own time zone
    author: str
    subject: str  # the message's first paragraph on one line (git's %s)


@dataclass(frozen=True, slots=True)
class Change:
    commit: Commit
    status: str  # git's letter: A added (or copied), M modified, D deleted, R moved here, …


@dataclass(frozen=True)
class FileHistory:
    """One file's changes, newest first."""

    changes: tuple[Change, ...] = ()

    @property
    def last_changed(self) -> Commit | None:
        return max((c.commit for c in self.changes), key=_when, default=None)

    @property
    def added(self) -> Commit | None:
        """The commit that created the file, if that is in the history we have."""
        if self.changes and self.changes[-1].status == "A":
            return self.changes[-1].commit
        return None


def _when(commit: Commit) -> dt.datetime:
    return commit.when


@dataclass(frozen=True)
class History:
    availability: Availability
    files: dict[str, FileHistory] = field(default_factory=dict)  # path from the root → …
    commits: int | None = None  # how many commits a shallow clone holds

    def of(self, path: str) -> FileHistory:
        return self.files.get(path, FileHistory())


@dataclass(frozen=True)
class Version:
    """The content's version: ``git describe`` and the commit; None when unknown. For the
    footer in words: the date of the commit (``datum``), and the newest release tag
    (``vJJJJ.N``) it contains with that tag's date."""

    describe: str | None = None
    commit: str | None = None
    datum: dt.date | None = None
    release: str | None = None
    release_datum: dt.date | None = None

    @property
    def at_release(self) -> bool:
        """The content is exactly its release: the commit is tagged, nothing changed."""
        return self.release is not None and self.describe == self.release


def parse_log(output: str, cut_off: Iterable[str] = ()) -> dict[str, FileHistory]:
    """Per file, its changes from ``git log -z --name-status`` output in ``_FORMAT``.

    Commits come newest first; a rename ``old → new`` makes the older changes of ``old``
    part of the history of the path that ``new`` has now. Merges list no files (git shows
    no merge diffs by default). Changes in ``cut_off`` commits (the boundary of a shallow
    clone) are skipped. Tokens that fit nowhere are skipped up to the next commit.
    """
    cut = set(cut_off)
    tokens = output.split("\x00")
    changes: dict[str, list[Change]] = {}
    current: dict[str, str] = {}  # an older path → the path its file has now
    commit: Commit | None = None
    i, n = 0, len(tokens)
    while i < n:
        if header := _HEADER.fullmatch(tokens[i]):
            if i + 3 >= n:
                break
            commit = _commit(header[1], tokens[i + 1], tokens[i + 2], tokens[i + 3])
            if commit is not None and commit.sha in cut:
                commit = None
            i += 4
            continue
        status = _STATUS.fullmatch(tokens[i])
        if status is None:  # the empty end of the output, or a token that fits nowhere
            if tokens[i].lstrip("\n").startswith("\x1e"):  # a commit we can't read
                commit = None
            i += 1
            continue
        letter = status[1]
        paths = 2 if letter in "RC" else 1
        if i + paths >= n:
            break
        old, new = tokens[i + 1], tokens[i + paths]
        i += 1 + paths
        if commit is None:
            continue
        now = current.get(new, new)
        if letter in "ARC":  # the file at `new` begins here: older `new`s were other files
            current.pop(new, None)
        if letter == "R":
            current[old] = now
        changes.setdefault(now, []).append(Change(commit, "A" if letter == "C" else letter))
    return {path: FileHistory(tuple(found)) for path, found in changes.items()}


def _commit(sha: str, when: str, author: str, subject: str) -> Commit | None:
    try:
        moment = dt.datetime.fromisoformat(when)
    except ValueError:
        return None
    return Commit(sha, moment, author, subject)


def _git(root: Path, *args: str) -> str:
    """Run git in ``root`` with fixed arguments; raises when git is missing or fails."""
    import git  # GitPython raises ImportError when no git executable is found

    output = git.Git(str(root)).execute(
        ["git", "--literal-pathspecs", "-c", "core.quotePath=false", *args],
        stdout_as_string=False,
    )
    assert isinstance(output, bytes)
    return output.decode("utf-8", errors="replace")


def _is_missing(error: BaseException) -> bool:
    """Git itself could not run (as opposed to: git ran and said no)."""
    try:
        import git
    except ImportError:
        return True
    return isinstance(error, git.GitCommandNotFound | OSError)


def read_history(root: Path, folders: Sequence[str]) -> History:
    """Every file's history under ``folders`` (relative to ``root``), in one ``git log``."""
    if not root.is_dir():  # git would run in the current folder instead
        return History("outside git")
    root = root.resolve()
    try:
        shallow, shallow_file = _git(
            root, "rev-parse", "--is-shallow-repository", "--git-path", "shallow"
        ).splitlines()[:2]
    except Exception as error:  # not a checkout, or no git at all
        return History("no git" if _is_missing(error) else "outside git")
    cut_off: list[str] = []
    commits = None
    try:
        if shallow == "true":
            commits = int(_git(root, "rev-list", "--count", "HEAD").strip())
            cut_off = _read_lines(root / shallow_file)
        output = _git(root, *LOG, "--", *folders)
    except Exception as error:  # a repository without commits, or a broken one
        if _is_missing(error):
            return History("no git")
        return History("full") if _has_no_commits(root) else History("unreadable")
    files = parse_log(output, cut_off)
    return History("shallow", files, commits) if commits is not None else History("full", files)


def _read_lines(path: Path) -> list[str]:
    """The commits in git's "shallow" file; none if it can't be read."""
    try:
        return path.read_text(encoding="ascii").split()
    except (OSError, UnicodeDecodeError):
        return []


def _has_no_commits(root: Path) -> bool:
    try:
        _git(root, "rev-parse", "--verify", "--quiet", "HEAD")
    except Exception:
        return True
    return False


def read_version(root: Path) -> Version:
    """``git describe --tags --always --dirty`` and the commit of HEAD, when known."""
    if not root.is_dir():
        return Version()
    try:
        commit = _git(root.resolve(), "rev-parse", "--verify", "HEAD").strip()
        describe = _git(root.resolve(), "describe", "--tags", "--always", "--dirty").strip()
        datum = _date(_git(root.resolve(), "show", "-s", "--format=%cs", "HEAD"))
    except Exception:  # outside git, no git, no commits yet
        return Version()
    release, released = _newest_release(root.resolve())
    return Version(describe or None, commit or None, datum, release, released)


_RELEASE = re.compile(r"v20[0-9]{2}\.[1-9][0-9]{0,3}")  # as versions.release.RELEASE


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def _newest_release(root: Path) -> tuple[str | None, dt.date | None]:
    """The nearest release tag that HEAD contains, and its date (the tagger's for an
    annotated tag, else the commit's); ``(None, None)`` without one."""
    try:
        name = _git(
            root, "describe", "--tags", "--abbrev=0", "--match=v20[0-9][0-9].[1-9]*", "HEAD"
        ).strip()
        if not _RELEASE.fullmatch(name):
            return None, None
        when = _git(root, "for-each-ref", "--format=%(creatordate:short)", f"refs/tags/{name}")
    except Exception:  # no release tag
        return None, None
    return name, _date(when)


def names_ever(root: Path, folder: str) -> list[str] | None:
    """The path of every file that was ever in ``folder`` (relative to ``root``) on any
    local ref, deleted and renamed ones too; None outside git, without git, or when git
    cannot read the history. A repository without commits has none."""
    if not root.is_dir():
        return None
    try:
        output = _git(
            root.resolve(),
            "log",
            "--all",
            "--no-renames",
            "-z",
            "--name-only",
            "--format=",
            "--",
            folder,
        )
    except Exception:
        return [] if _inside_git(root) and _has_no_commits(root) else None
    return [path for path in output.split("\0") if path.strip()]


def _inside_git(root: Path) -> bool:
    try:
        return _git(root, "rev-parse", "--is-inside-work-tree").strip() == "true"
    except Exception:
        return False
