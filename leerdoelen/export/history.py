"""When was each content file last changed? One ``git log`` over ``goals/``.

Kept in one small function so that a shared history module can replace it. Outside a git
checkout, with git missing, or for a file git does not know, the date is unknown; exports
then use ``FALLBACK``, a fixed moment, so that they stay reproducible.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

FALLBACK = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # documented in the README


def last_commits(root: Path, folder: str = "goals") -> dict[str, dt.datetime]:
    """Path relative to ``root`` → author date of the newest commit that touched it."""
    if not root.is_dir():  # git would run in the current folder instead
        return {}
    try:
        import git  # GitPython raises ImportError when no git executable is found

        repo = git.Git(str(root.resolve()))
        prefix = repo.rev_parse("--show-prefix").strip()
        output = repo.log("--format=%x00%at", "--name-only", "--", folder)
    except Exception:  # no git, not a checkout, a broken repository: dates unknown
        return {}
    dates: dict[str, dt.datetime] = {}
    when: dt.datetime | None = None
    for line in output.splitlines():
        if line.startswith("\x00"):
            try:
                when = dt.datetime.fromtimestamp(int(line[1:]), dt.UTC)
            except ValueError:
                when = None
        elif line and when is not None:
            name = line.strip().removeprefix(prefix)
            dates.setdefault(name, when)  # git log lists the newest commit first
    return dates


def timestamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
