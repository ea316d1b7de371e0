"""Revisions: resolve what the user names to a commit, and read the content at it.

Safety first (GitPython has had option-injection CVEs, with bypasses of earlier fixes):
- a revision is checked against a strict pattern, and one that starts with ``-`` is
  refused outright;
- it is resolved once, in Python: GitPython's ``rev_parse`` reads refs and the object
  database itself, without running a git command;
- from then on only full hex SHAs are used, and paths always follow ``--``;
- content at a commit is read from the object database (tree traversal, blob streams)
  and parsed by the same hardened loader as the working tree (``load_project``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from leerdoelen.core.diagnostics import diagnostic
from leerdoelen.load.project import GOALS, Project, load_project
from leerdoelen.load.regular import DIR, FILE, SOORT, SYMLINK
from leerdoelen.load.source import Entry
from leerdoelen.load.yamlfile import YamlFile, oversized, parse_yaml

if TYPE_CHECKING:
    import git

# Names, SHAs, and ~N/^N suffixes: what people type (main, origin/main, HEAD~2, v2026.1).
_REVISION = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./-]*(?:[~^][0-9]*)*")
_SYMLINK = 0o120000
WORKTREE = "werkmap"
# Git is asked only for these, with our own options: no user text is ever an option.
_ENV = {"GIT_LITERAL_PATHSPECS": "1", "GIT_TERMINAL_PROMPT": "0"}


class RevisionError(Exception):
    """A revision that cannot be used, or no git repository: a usage error (exit 2)."""


@dataclass(frozen=True)
class Revision:
    label: str  # what the user named, or WORKTREE
    sha: str | None  # the full commit SHA; None for the working tree

    @property
    def short(self) -> str:
        return self.sha[:7] if self.sha else WORKTREE

    def describe(self) -> str:
        """``v2026.1 (abc1234)``, ``abc1234``, or the label when there is no commit."""
        if self.sha is None:
            return self.label
        same = self.label in (self.sha, self.short)
        return self.short if same else f"{self.label} ({self.short})"


def open_repo(root: Path) -> git.Repo:
    """The git repository that holds the project root."""
    try:
        import git
    except ImportError:  # GitPython refuses to import without a git executable
        raise RevisionError("git is niet gevonden; installeer git") from None
    try:
        return git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise RevisionError(f"'{root}' ligt niet in een git-repository") from None


def resolve(repo: git.Repo, revision: str) -> git.Commit:
    """The commit that ``revision`` names, or a RevisionError that says why not."""
    if revision.startswith("-"):
        raise RevisionError(f"revisie '{revision}' begint met '-'; dat is geen revisie")
    if (
        not _REVISION.fullmatch(revision)
        or ".." in revision
        or "/." in revision
        or "//" in revision
        or revision.endswith((".", "/", ".lock"))
    ):
        raise RevisionError(
            f"'{revision}' is geen geldige revisie; gebruik een branch, tag of commit, "
            "zoals main, v2026.1 of HEAD~1"
        )
    try:
        found = repo.rev_parse(revision)
        while found.type == "tag":
            found = found.object
        repo.odb.info(found.binsha)  # a parent named in a shallow clone may be missing
    except Exception:  # BadName, BadObject, ValueError, IndexError: it does not resolve
        raise RevisionError(f"revisie '{revision}' bestaat niet{_hint(repo)}") from None
    if found.type != "commit":
        raise RevisionError(f"revisie '{revision}' is geen commit maar een {found.type}")
    return found


def _hint(repo: git.Repo) -> str:
    if not repo.head.is_valid():
        return " (de repository heeft nog geen commits)"
    if (Path(repo.git_dir) / "shallow").exists():
        return (
            " (dit is een ondiepe kloon: haal de geschiedenis op met 'git fetch --unshallow', "
            "of in GitHub Actions met 'fetch-depth: 0')"
        )
    return ""


def revision(repo: git.Repo, name: str) -> Revision:
    return Revision(name, resolve(repo, name).hexsha)


def prefix(repo: git.Repo, root: Path) -> str:
    """The project root relative to the repository's top folder: '' or 'a/b'."""
    top = Path(repo.working_tree_dir or "").resolve()
    relative = root.resolve().relative_to(top).as_posix()
    return "" if relative == "." else relative


class TreeSource:
    """The project's files as they are in one commit (a ``load.source.Source``).

    Git holds folders, files and symlinks; a symlink is reported as the working tree
    reports one (LD114), and never resolved. Submodules are not part of the content.
    """

    def __init__(self, tree: git.Tree | None) -> None:
        self.tree = tree  # the project root's tree; None if it did not exist then

    def _get(self, path: str) -> git.Object | None:
        if self.tree is None:
            return None
        try:
            return self.tree / path
        except KeyError:
            return None

    def kind(self, path: str) -> str | None:
        return _kind(self._get(path))

    def entries(self, folder: str) -> list[Entry]:
        found = self._get(folder)
        if found is None or found.type != "tree":
            return []
        listed = ((item.name, _kind(item)) for item in found)
        return sorted(
            (Entry(name, f"{folder}/{name}", kind) for name, kind in listed if kind),
            key=lambda entry: entry.name,
        )

    def load(self, path: str) -> YamlFile:
        blob = self._get(path)
        kind = _kind(blob)
        if kind in SOORT:  # listed as no content: never asked for by the loader
            return YamlFile(path, problems=[diagnostic("LD114", path, soort=SOORT[kind])])
        if blob is None or kind != FILE:
            problem = diagnostic("LD107", path, probleem="staat niet als bestand in deze commit")
            return YamlFile(path, problems=[problem])
        return oversized(path, blob.size) or parse_yaml(blob.data_stream.read(), path)

    def load_many(self, paths: Iterable[str]) -> Iterator[YamlFile]:
        # In this process: git's object reader is one pipe that workers must not share.
        return map(self.load, paths)


def _kind(found: git.Object | None) -> str | None:
    """What a tree entry is; None for nothing, and for a submodule (a commit)."""
    if found is None or found.type not in ("tree", "blob"):
        return None
    if found.type == "tree":
        return DIR
    return SYMLINK if found.mode == _SYMLINK else FILE


def load_revision(root: Path, repo: git.Repo, sha: str, adoptie: bool = False) -> Project:
    """The goals and frames as they were in commit ``sha``; with ``adoptie`` the networks
    and schools too."""
    from git import Tree  # loaded already: the repo is GitPython's

    top = repo.commit(sha).tree
    tree: git.Tree | None = top
    where = prefix(repo, root)
    if where:
        try:
            found = top / where
        except KeyError:
            found = None
        # A root that was then a file or a submodule holds no project either.
        tree = found if isinstance(found, Tree) else None
    return load_project(root, TreeSource(tree), adoptie=adoptie)


def dirty_goals(repo: git.Repo, root: Path) -> list[str]:
    """Uncommitted changes (untracked files too) under the project's goals/ folder."""
    where = prefix(repo, root)
    path = f"{where}/{GOALS}" if where else GOALS
    output = repo.git.status("--porcelain", "-z", "--untracked-files=all", "--", path, env=_ENV)
    return [entry[3:] for entry in output.split("\0") if len(entry) > 3]
