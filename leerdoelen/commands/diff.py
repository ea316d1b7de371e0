"""``diff``: what changed in the content between two revisions (or the working tree)."""

from __future__ import annotations

from pathlib import Path

from leerdoelen.commands.errors import git_usage
from leerdoelen.versions.review import Summary, review


def diff(root: Path, base: str, head: str | None) -> Summary:
    """The changes from ``base`` to ``head`` (the working tree when None); UsageError for
    a revision that git cannot give."""
    with git_usage():
        return review(root, base, head)
