"""When was each content file last changed: from the one git history pass.

Outside a git checkout, with git missing, or for a file git does not know, the date is
unknown; exports then use ``FALLBACK``, a fixed moment, so that they stay reproducible.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from leerdoelen.load.project import GOALS
from leerdoelen.versions.log import History, read_history

FALLBACK = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # documented in the README


def last_commits(root: Path, history: History | None = None) -> dict[str, dt.datetime]:
    """Path relative to ``root`` → author date of the newest commit that touched it.

    ``history``: what the build already read (``read_history``); read here if not given.
    """
    if history is None:
        history = read_history(root, (GOALS,))
    return {
        path: last.when
        for path, file in history.files.items()
        if (last := file.last_changed) is not None
    }


def timestamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
