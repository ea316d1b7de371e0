"""Releases: tags named vJJJJ.N, each an annotated tag whose message is the summary of
what changed since the previous release. A release tags the default branch (``origin/HEAD``,
else ``main``); another branch only when ``--branch`` names it, never a detached HEAD.

The previous release of a tag is the release tag with the next lower version. The
"Wat is er veranderd" page and ``leerdoelen release`` use the same order.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from leerdoelen.core.corpus import Corpus
from leerdoelen.load.project import Project
from leerdoelen.versions.review import START, Summary, empty, summarize
from leerdoelen.versions.revisions import Revision, load_revision

if TYPE_CHECKING:
    import git

RELEASE = re.compile(r"v(20[0-9]{2})\.([1-9][0-9]{0,3})")


NOW = Revision("nu op de site", None)


class ReleaseError(Exception):
    """A release that cannot be made: a usage error (exit 2) with a Dutch message."""


@dataclass(frozen=True)
class Release:
    name: str
    version: tuple[int, int]
    sha: str  # the commit
    date: dt.date  # the tag's date (annotated) or the commit's

    @property
    def revision(self) -> Revision:
        return Revision(self.name, self.sha)


def version(name: str) -> tuple[int, int] | None:
    """``v2026.2`` → ``(2026, 2)``; None for a name that is not a release tag."""
    found = RELEASE.fullmatch(name)
    return (int(found[1]), int(found[2])) if found else None


def releases(repo: git.Repo) -> list[Release]:
    """The release tags, newest version first."""
    found = []
    for tag in repo.tags:
        number = version(tag.name)
        if number is None:
            continue
        try:
            commit = tag.commit  # peels annotated tags; fails for a tag on a tree or blob
        except ValueError:
            continue
        when = tag.tag.tagged_date if tag.tag is not None else commit.committed_date
        found.append(
            Release(tag.name, number, commit.hexsha, dt.datetime.fromtimestamp(when, dt.UTC).date())
        )
    return sorted(found, key=lambda release: release.version, reverse=True)


def summary_since(root: Path, repo: git.Repo, previous: Release | None, head: Revision) -> Summary:
    """What changed from ``previous`` (or from the start) to commit ``head``."""
    assert head.sha is not None
    old = load_revision(root, repo, previous.sha) if previous else empty(root)
    new = load_revision(root, repo, head.sha)
    return summarize(old, new, previous.revision if previous else START, head)


DEFAULT_BRANCH = "main"  # when there is no origin/HEAD


def default_branch(repo: git.Repo) -> str:
    """The branch that ``origin/HEAD`` points to; ``main`` without one."""
    import git

    origin_head = git.SymbolicReference(repo, "refs/remotes/origin/HEAD")
    try:
        target = origin_head.reference.path
    except (ValueError, TypeError):  # no origin/HEAD, or not a symbolic ref
        return DEFAULT_BRANCH
    return target.removeprefix("refs/remotes/origin/")


def release_branch(repo: git.Repo, named: str | None) -> str:
    """The branch checked out, if a release may tag it: the default branch, or the one
    that ``named`` (``--branch``) names. ReleaseError otherwise."""
    default = default_branch(repo)
    if repo.head.is_detached:
        raise ReleaseError(
            f"HEAD hangt niet aan een branch (detached HEAD); een release tagt de "
            f"standaardbranch: 'git switch {default}'"
        )
    current = repo.active_branch.name
    if named is not None and named != current:
        raise ReleaseError(f"--branch noemt '{named}', maar de huidige branch is '{current}'")
    if named is None and current != default:
        raise ReleaseError(
            f"de huidige branch is '{current}'; een release tagt de standaardbranch "
            f"'{default}'. Wissel naar '{default}', of geef '--branch {current}' als je "
            "deze branch bewust wilt taggen"
        )
    return current


def create_tag(repo: git.Repo, name: str, sha: str, message: str) -> None:
    """An annotated tag ``name`` on ``sha``. Only our own options reach git: the name is
    a checked vJJJJ.N, the commit a hex SHA after ``--``, and the message is the value
    of ``-m`` (kept verbatim, so that Markdown headings are not taken for comments).
    The guard is a raise, not an ``assert``: it holds under ``python -O`` too."""
    if version(name) is None:
        raise ReleaseError(f"'{name}' is geen releasenaam; gebruik vJJJJ.N, zoals v2026.1")
    if not re.fullmatch(r"[0-9a-f]{40}", sha):
        raise ReleaseError(f"'{sha}' is geen volledige commit-SHA (40 hexadecimale tekens)")
    import git

    try:
        repo.git.tag("--annotate", "--cleanup=verbatim", "-m", message, "--", name, sha)
    except git.GitCommandError as error:
        said = (error.stderr or "").strip().removeprefix("stderr:").strip(" '\n")
        raise ReleaseError(f"git kon de tag {name} niet maken: {said}") from None


@dataclass(frozen=True)
class Changelog:
    """What the "Wat is er veranderd" page shows. ``missing`` says why there is nothing
    (no git, no commits, no releases); ``unavailable`` names releases whose content
    could not be read (a shallow clone)."""

    unreleased: Summary | None = None
    per_release: tuple[tuple[Release, Summary], ...] = ()
    unavailable: tuple[str, ...] = ()
    missing: str | None = None


@functools.lru_cache(maxsize=256)
def _between(root: Path, previous: Release | None, release: Release) -> Summary | None:
    """Release to release: content that never changes, so ``serve`` computes it once."""
    from leerdoelen.versions.revisions import open_repo

    try:
        with open_repo(root) as repo:
            return summary_since(root, repo, previous, release.revision)
    except Exception:  # objects missing (shallow clone), a broken repository
        return None


def changelog(root: Path, current: Corpus) -> Changelog:
    """Per release (newest first) the changes since the release before it, and the
    changes in ``current`` (the content the site is built from) since the last one."""
    from git.exc import GitCommandNotFound

    from leerdoelen.versions.revisions import RevisionError, open_repo

    try:
        repo = open_repo(root)
    except RevisionError:
        return Changelog(missing="git")
    with repo:
        try:
            if not repo.head.is_valid():
                return Changelog(missing="commits")
        except GitCommandNotFound:  # a checkout, but no git program to read it with
            return Changelog(missing="programma")
        found = releases(repo)
        if not found:
            return Changelog(missing="releases")
        unreleased = None
        try:
            old = load_revision(root, repo, found[0].sha)
        except Exception:  # the last release's objects are missing (shallow clone)
            old = None
        if old is not None:
            summary = summarize(old, Project(root, current), found[0].revision, NOW)
            unreleased = summary if summary.diff else None
    root = root.resolve()
    per_release: list[tuple[Release, Summary]] = []
    unavailable: list[str] = []
    for i, release in enumerate(found):
        between = _between(root, found[i + 1] if i + 1 < len(found) else None, release)
        if between is None:
            unavailable.append(release.name)
        else:
            per_release.append((release, between))
    return Changelog(unreleased, tuple(per_release), tuple(unavailable))
