"""Progress on long work: a phase label and a count on stderr, for a person at a terminal.

The work reports its steps::

    with step("Scholen lezen", total=len(files)) as bar:
        for file in files:
            ...
            bar.advance()

or, for a loop, ``for file in counted(files, "Scholen lezen", len(files))``. Nothing is
shown unless the command line has called ``enable()``, which it does only when stderr is a
terminal, not in CI and not with ``--quiet`` (``wanted``). Tests and library use see
nothing: by default ``step`` hands out one shared step that does nothing.

Count files or schools, never records. ``advance`` only adds to a counter; the bar
(tqdm, imported when it is first shown) hears of it at most some 100 times a step, so a
national check (7,000 schools) pays a few microseconds in all. Measured with 2 million
updates: tqdm's own ``update`` costs 0.38 µs each, rich's ``advance`` 1.65 µs; through
this throttle both cost what the bare loop costs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import TextIO, TypeVar

STEPS = 100  # updates handed to the bar at most, per step with a total
PHASES = 10  # a total this small counts phases (build's four), which show no time left

T = TypeVar("T")

_enabled = False
_open: list[_Shown] = []  # shown steps not yet closed, innermost last


def wanted(quiet: bool, stream: TextIO, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether to show progress on ``stream``: a terminal (and not a dumb one), not in CI
    (``CI`` or ``GITHUB_ACTIONS`` set), and not asked to be quiet."""
    if quiet or environ.get("CI") or environ.get("GITHUB_ACTIONS"):
        return False
    if environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # not a real file, or closed
        return False


def enable(on: bool = True) -> None:
    """Show the steps from now on (the command line's decision; see ``wanted``).

    ``enable(False)`` also clears any bar still shown (work stopped by an error), so that
    what the command line says next stands alone."""
    global _enabled
    _enabled = on
    while not on and _open:
        _open[-1].close()


class Step:
    """A step of the work, as the work sees it; this one shows nothing."""

    def advance(self, n: int = 1) -> None:
        """``n`` more items done."""

    def label(self, text: str) -> None:
        """Say what the step is doing now (a new phase of it)."""


NOTHING = Step()  # what ``step`` hands out when nothing is shown


class _Shown(Step):
    """A step on a tqdm bar; ``advance`` counts here and updates the bar in strides."""

    def __init__(self, text: str, total: int | None) -> None:
        from tqdm import tqdm

        sized = _sized()
        tqdm.monitor_interval = 0  # no monitor thread: pmap forks workers while we show
        if not total:
            shape = "{desc} …"  # nothing to count: what it does, until it is done
        elif total <= PHASES:  # phases, not alike: no time left to guess
            shape = "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt}"
        else:
            shape = "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}]"
        self.bar = tqdm(
            desc=text,
            total=total,
            file=sys.stderr,
            leave=False,
            # A terminal that gives no size (a bare pseudo-terminal) gets 80 by 24.
            dynamic_ncols=sized,
            ncols=None if sized else 80,
            nrows=None if sized else 24,
            mininterval=0.1,
            bar_format=shape,
        )
        self.stride = max(1, (total or 0) // STEPS)
        self.pending = 0

    def advance(self, n: int = 1) -> None:
        self.pending += n
        if self.pending >= self.stride:
            self.bar.update(self.pending)
            self.pending = 0

    def label(self, text: str) -> None:
        self.bar.set_description_str(text)

    def close(self) -> None:
        if self in _open:
            _open.remove(self)
            if self.pending:
                self.bar.update(self.pending)
            self.bar.close()


def _sized() -> bool:
    """Whether stderr's terminal says how big it is."""
    try:
        return min(os.get_terminal_size(sys.stderr.fileno())) > 0
    except (AttributeError, OSError, ValueError):
        return False


@contextmanager
def step(text: str, total: int | None = None) -> Iterator[Step]:
    """A step of the work labelled ``text`` (Dutch), of ``total`` items if known."""
    if not _enabled:
        yield NOTHING
        return
    shown = _Shown(text, total)
    _open.append(shown)
    try:
        yield shown
    finally:
        shown.close()


def counted(items: Iterable[T], text: str, total: int | None = None) -> Iterator[T]:
    """``items``, one by one, each counted as done when the next is asked for (the last
    when the loop ends): a ``step`` for a loop."""
    if not _enabled:
        yield from items
        return
    with step(text, total) as bar:
        for item in items:
            yield item
            bar.advance()
