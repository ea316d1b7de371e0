"""``release``: check, then tag HEAD vJJJJ.N with what changed since the last release.

A release is refused (UsageError) for a name that is no vJJJJ.N, a repository without
commits, a branch that is not the one to tag, a tag that exists or is not higher than the
last release, or uncommitted changes in ``goals/``; and (Refused) when the check, with the
identity rules against the last release, finds errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from leerdoelen.commands.check import checked
from leerdoelen.commands.errors import UsageError, git_usage
from leerdoelen.load.project import GOALS
from leerdoelen.render.diff import tag_message
from leerdoelen.versions import release
from leerdoelen.versions.revisions import Revision, dirty_goals, load_revision, open_repo


@dataclass(frozen=True)
class Released:
    tag: str
    message: str  # the tag's message: the changes since ``previous``
    short: str  # the commit tagged, abbreviated
    branch: str
    previous: str | None  # the release before it; None for the first


def tag_version(tag: str) -> tuple[int, int]:
    """The version in a release name (``v2026.1`` → ``(2026, 1)``); UsageError for a name
    that is not one. Checked before the project is looked for."""
    number = release.version(tag)
    if number is None:
        raise UsageError(f"'{tag}' is geen releasenaam; gebruik vJJJJ.N, zoals v2026.1")
    return number


def make_release(root: Path, tag: str, branch: str | None) -> Released:
    """Tag the current commit ``tag``; ``branch`` is ``--branch`` (the branch the user
    means to tag, if not the default one)."""
    number = tag_version(tag)
    with git_usage(), open_repo(root) as repo:
        if not repo.head.is_valid():
            raise UsageError("de repository heeft nog geen commits")
        current = release.release_branch(repo, branch)
        if any(existing.name == tag for existing in repo.tags):
            raise UsageError(f"tag {tag} bestaat al")
        earlier = release.releases(repo)
        previous = earlier[0] if earlier else None
        if previous is not None and previous.version >= number:
            raise UsageError(f"{tag} moet hoger zijn dan de laatste release, {previous.name}")
        if dirty := dirty_goals(repo, root):
            raise UsageError(
                f"niet vastgelegde wijzigingen in {GOALS}/ ({', '.join(dirty[:5])}"
                f"{', …' if len(dirty) > 5 else ''}); commit ze eerst"
            )
        head = Revision("HEAD", repo.head.commit.hexsha)
        base = load_revision(root, repo, previous.sha).corpus if previous else None
        checked(root, f"geen release {tag}: los eerst de fouten op", base=base)
        summary = release.summary_since(root, repo, previous, Revision(tag, head.sha))
        message = tag_message(tag, summary)
        release.create_tag(repo, tag, head.sha or "", message)
    return Released(tag, message, head.short, current, previous.name if previous else None)
