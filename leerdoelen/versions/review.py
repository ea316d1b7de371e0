"""What a reviewer sees: the diff between two revisions, with the identity rules applied.

``review`` resolves the revisions (``revisions.py``), loads both versions through the same
loader, compares them (``diff.py``) and runs the identity rules (``validate/identity.py``).
``diff``, ``release`` and the site's "Wat is er veranderd" page all go through ``summarize``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from leerdoelen.core.corpus import Corpus
from leerdoelen.core.diagnostics import Diagnostic, Severity
from leerdoelen.load.project import Project, load_project
from leerdoelen.versions.diff import Diff, compare
from leerdoelen.versions.identity import identity_rules
from leerdoelen.versions.revisions import WORKTREE, Revision, load_revision, open_repo, revision

START = Revision("begin", None)  # before the first release: nothing


@dataclass(frozen=True)
class Summary:
    diff: Diff
    diagnostics: list[Diagnostic]
    base: Revision
    head: Revision

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors


def empty(root: Path) -> Project:
    return Project(root, Corpus())


def summarize(
    old: Project, new: Project, base: Revision, head: Revision, scholen: bool = False
) -> Summary:
    """The diff from ``old`` to ``new``, the identity rules, and the new side's file problems
    (a goal whose file is broken is missing from the diff: the problem says why). With
    ``scholen`` (both loaded with their adoption files) the schools' changes too."""
    diff = compare(old.corpus, new.corpus, scholen)
    found = [*new.diagnostics, *(d for f in new.files for d in f.problems)]
    found += identity_rules(diff, old.corpus, new.corpus)
    return Summary(diff, sorted(set(found)), base, head)


def review(root: Path, base: str, head: str | None = None) -> Summary:
    """Compare revision ``base`` with ``head``, or with the working tree when it is None.

    Both sides are loaded with their schools, so the summary shows what changed in them
    (an imported sheet, say). Raises ``revisions.RevisionError`` for a revision that
    cannot be used.
    """
    with open_repo(root) as repo:
        old_rev = revision(repo, base)
        new_rev = revision(repo, head) if head is not None else Revision(WORKTREE, None)
        assert old_rev.sha is not None
        old = load_revision(root, repo, old_rev.sha, adoptie=True)
        new = (
            load_revision(root, repo, new_rev.sha, adoptie=True)
            if new_rev.sha
            else load_project(root)
        )
    return summarize(old, new, old_rev, new_rev, scholen=True)
