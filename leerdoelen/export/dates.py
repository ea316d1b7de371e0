"""When was each content file last changed: from the git history that the caller read.

Outside a git checkout, with git missing, or for a file git does not know, the date is
unknown; exports then use ``FALLBACK``, a fixed moment, so that they stay reproducible.
The export itself never runs git.
"""

from __future__ import annotations

import datetime as dt

from leerdoelen.versions.log import History

FALLBACK = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # documented in the README


def last_commits(history: History | None) -> dict[str, dt.datetime]:
    """Path relative to the project root → author date of the newest commit that touched
    it, from ``history`` (``read_history``); None knows no dates."""
    if history is None:
        return {}
    return {
        path: last.when
        for path, file in history.files.items()
        if (last := file.last_changed) is not None
    }


def timestamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
