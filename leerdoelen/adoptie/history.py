"""When was a school's record last changed? From git, with the records' own dates.

A school file's last change is the later of two dates: the last commit that touched
``adoptie/scholen/<BRIN>.yaml`` and the newest ``datum`` in the file. Git is asked once
for all school files together (one ``git log`` over the folder), so the cost does not grow
with a process per school. Outside a git checkout, with git missing or failing, or in a
shallow clone that lacks the history, the commit dates are simply unknown (or too new)
and the newest ``datum`` is what counts: this never fails a build.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from leerdoelen.adoptie.model import School

SCHOLEN = "adoptie/scholen"
SCHOOLJAAR = dt.timedelta(days=365)


def commit_dates(root: Path, folder: str = SCHOLEN) -> dict[str, dt.date]:
    """File stem (the BRIN) → date of the newest commit that touched ``folder/<stem>.yaml``.

    Empty when ``root`` is not in a git checkout or git cannot be run.
    """
    if not root.is_dir():  # git would run in the current folder instead
        return {}
    try:
        import git  # GitPython raises ImportError when no git executable is found

        # %at, the author date: when the change was written (kept through rebases).
        output = git.Git(str(root.resolve())).log("--format=%x00%at", "--name-only", "--", folder)
    except Exception:  # no git, not a checkout, a broken repository: dates unknown
        return {}
    dates: dict[str, dt.date] = {}
    when: dt.date | None = None
    for line in output.splitlines():
        if line.startswith("\x00"):
            try:
                when = dt.datetime.fromtimestamp(int(line[1:]), dt.UTC).date()
            except ValueError:
                when = None
            continue
        name = line.strip().rpartition("/")[2]
        if when is None or not name.endswith(".yaml"):
            continue
        stem = name.removesuffix(".yaml")
        if stem not in dates or dates[stem] < when:
            dates[stem] = when
    return dates


def newest_datum(school: School) -> dt.date | None:
    """The newest ``datum`` among the school's records (archived ones too: an edit)."""
    return max((r.datum for r in school.doelen if r.datum is not None), default=None)


def last_change(school: School, commits: dict[str, dt.date]) -> dt.date | None:
    """The later of the file's last commit and its newest ``datum``; None if neither."""
    known = [d for d in (commits.get(school.brin), newest_datum(school)) if d is not None]
    return max(known, default=None)


def is_stale(last: dt.date | None, today: dt.date) -> bool:
    """More than a school year (365 days) without a change. Unknown is not stale."""
    return last is not None and today - last > SCHOOLJAAR
