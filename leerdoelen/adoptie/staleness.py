"""When was a school's record last changed? From git, with the records' own dates.

A school file's last change is the later of two dates: the last commit that touched
``adoptie/scholen/<BRIN>.yaml`` and the newest ``datum`` in the file. The commits come from
the site's one ``git log`` pass (``leerdoelen.versions.log``), so the cost does not grow with a
process per school. Outside a git checkout, with git missing or failing, the commit dates
are simply unknown, and in a shallow clone only the commits it holds count: then the newest
``datum`` is what counts. This never fails a build.
"""

from __future__ import annotations

import datetime as dt

from leerdoelen.core.adoptie import Samenvatting
from leerdoelen.versions.log import History

SCHOLEN = "adoptie/scholen"
SCHOOLJAAR = dt.timedelta(days=365)


def commit_dates(history: History, folder: str = SCHOLEN) -> dict[str, dt.date]:
    """File stem (the BRIN) → date of the newest commit that touched ``folder/<stem>.yaml``.

    Empty when the history is unknown (outside git, no git).
    """
    dates: dict[str, dt.date] = {}
    for path, changes in history.files.items():
        parent, _, name = path.rpartition("/")
        last = changes.last_changed
        if parent == folder and name.endswith(".yaml") and last is not None:
            dates[name.removesuffix(".yaml")] = last.when.date()
    return dates


def last_change(school: Samenvatting, commits: dict[str, dt.date]) -> dt.date | None:
    """The later of the file's last commit and its newest ``datum``; None if neither."""
    known = [d for d in (commits.get(school.brin), school.nieuwste) if d is not None]
    return max(known, default=None)


def is_stale(last: dt.date | None, today: dt.date) -> bool:
    """More than a school year (365 days) without a change. Unknown is not stale."""
    return last is not None and today - last > SCHOOLJAAR
