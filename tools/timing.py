"""Timing for the benchmarks: clocks, best-of runs, timed builds, and the report lines.

- ``timed`` and ``best_of``: wall-clock seconds of a run, and the best of several runs of
  several candidates taking turns (round-robin), each after a full garbage collection;
- ``clock`` and ``Seconds``: wall-clock time together with the CPU time of this process
  and its finished child processes over the same stretch (a busy machine inflates wall
  time far more than CPU time);
- ``build_ours`` and ``build_bare``: one clean ``leerdoelen build`` in a process of its
  own (the site generator runs beside the school pages), then its *check+genereren* and
  *mkdocs* parts each timed alone, here, on the same content; and one build of a bare
  MkDocs site in a process of its own, the baseline;
- ``row``, ``secs``, ``ratio``, ``growth``, ``busy``: the lines the benchmarks print.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import gc
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from leerdoelen.commands.build import generate, run_engine
from leerdoelen.versions.log import read_version

BUSY = 0.8  # cpu / wall below this: the machine is busy with other work
SUPERLINEAR = 1.5  # time per unit at the largest N / at the smallest: flag above this

# --- wall-clock time ----------------------------------------------------------------------


def timed(run: Callable[[], object]) -> float:
    """One run of ``run``, in seconds, after a full garbage collection."""
    gc.collect()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def best_of(repeat: int, runs: Sequence[Callable[[], object]]) -> list[float]:
    """The fastest of ``repeat`` runs of each of ``runs``, in seconds.

    The runs take turns (round-robin), so that a slow spell of a noisy machine hits all
    of them alike and the ratios between them stay fair.
    """
    best = [float("inf")] * len(runs)
    for _ in range(repeat):
        best = [min(b, timed(run)) for b, run in zip(best, runs, strict=True)]
    return best


# --- wall-clock and CPU time --------------------------------------------------------------


class Seconds(NamedTuple):
    """Wall-clock time and the CPU time of this process over the same stretch."""

    wall: float
    cpu: float

    def __add__(self, other: object) -> Seconds:  # type: ignore[override]
        assert isinstance(other, Seconds)
        return Seconds(self.wall + other.wall, self.cpu + other.cpu)


ZERO = Seconds(0.0, 0.0)


@contextlib.contextmanager
def clock(record: Callable[[Seconds], None]) -> Iterator[None]:
    """Time the ``with`` body and hand the result to ``record``, also on an error."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    try:
        yield
    finally:
        record(Seconds(time.perf_counter() - wall, cpu_seconds() - cpu))


def cpu_seconds() -> float:
    """CPU time of this process and of its child processes that have ended."""
    times = os.times()
    return time.process_time() + times.children_user + times.children_system


# --- a build of ours, and one of a bare MkDocs site ---------------------------------------


@dataclass
class Ours:
    total: Seconds = ZERO  # the build as `leerdoelen build` runs it
    generate: Seconds = ZERO  # check + render + write, alone
    mkdocs: Seconds = ZERO  # the site generator, alone, on the same build/pages
    warm: Seconds = ZERO  # the build again, with its cache, after one school changed

    @property
    def overlap(self) -> Seconds:
        """What running the generator beside the school pages saves (and the rest of the
        build, linking and swapping, costs)."""
        return Seconds(
            self.generate.wall + self.mkdocs.wall - self.total.wall,
            self.generate.cpu + self.mkdocs.cpu - self.total.cpu,
        )


def clean(root: Path) -> None:
    """Take away what a build leaves behind, so the next build starts from nothing."""
    for name in ("build", "public"):
        put_aside(root / name)


def put_aside(folder: Path) -> None:
    """Move ``folder`` out of the way (into a folder that goes when the run ends), then
    write everything out to disk.

    Not deleted: ext4 does not hand out an inode freed less than a minute ago, so a build
    right after deleting the 30,000 files of the last one spends seconds of kernel time
    looking for inodes (measured: 3.7 % of a national build's CPU samples), which a fresh
    checkout in CI never does. The sync keeps the writeback of the last run out of the
    next one's clock. The same for ours and for bare MkDocs."""
    if folder.exists():
        folder.rename(_trash() / f"{folder.parent.name}-{folder.name}-{time.monotonic_ns()}")
    os.sync()


@functools.cache
def _trash() -> Path:
    """A folder for what ``put_aside`` moves, on the same disk, removed when the run ends."""
    trash = Path(tempfile.mkdtemp(prefix="bench-weg-"))
    atexit.register(shutil.rmtree, trash, ignore_errors=True)
    return trash


def change_one_school(root: Path) -> None:
    """One record of the first school moves on: ``bezig`` becomes ``ingevoerd`` (or back,
    the next time), as an edit in a pull request would."""
    school = min((root / "adoptie" / "scholen").glob("*.yaml"))
    text = school.read_text(encoding="utf-8")
    old, new = ("status: bezig", "status: ingevoerd")
    if old not in text:
        old, new = new, old
    school.write_text(text.replace(old, new, 1), encoding="utf-8")


def _timed_build(root: Path, engine: str, ours: Ours, field: str, said: str) -> None:
    """``leerdoelen build`` on the clock, into ``ours.<field>``, in a process of its own as
    a user or CI runs it, start-up included; exits when it fails."""
    gc.collect()
    os.sync()  # the writes before it (a changed school, the last build) are not its own
    print(f"{said}…", flush=True)
    command = [sys.executable, "-m", "leerdoelen", "-C", str(root), "-q", "build"]
    with clock(lambda t: setattr(ours, field, t)):
        done = subprocess.run([*command, "--engine", engine], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"leerdoelen build stopte ({done.returncode}):\n{done.stdout}{done.stderr}")


def build_ours(root: Path, prefix: str, label: str = "", engine: str = "mkdocs") -> Ours:
    """One clean ``leerdoelen build``, then the same after one school changed (warm: with the
    cache the first one left), then its parts alone; fails loudly when check refuses the
    content. Each part announces itself (``prefix: genereren…``) before its clock starts."""
    clean(root)
    ours = Ours()
    _timed_build(root, engine, ours, "total", f"{prefix}: bouwen met {engine}{label}")
    change_one_school(root)
    said = f"{prefix}: opnieuw bouwen na één gewijzigde school{label}"
    _timed_build(root, engine, ours, "warm", said)
    put_aside(root / "build")  # cold again; the site in public/ stays, for the report
    gc.collect()
    print(f"{prefix}: genereren alleen{label}…", flush=True)
    with clock(lambda t: setattr(ours, "generate", t)):
        generate(root)
    site = root / "build" / "engine-alone"
    site.mkdir(parents=True)
    print(f"{prefix}: {engine} alleen{label}…", flush=True)
    with clock(lambda t: setattr(ours, "mkdocs", t)):
        run_engine(engine, root, site, read_version(root))
    return ours


def build_bare(config_file: Path, site_dir: Path) -> Seconds:
    put_aside(site_dir)
    times: list[Seconds] = []
    gc.collect()
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file)]
    with clock(times.append):  # in a process of its own, as ours
        subprocess.run([*command, "-d", str(site_dir)], check=True, capture_output=True)
    return times[0]


# --- the report ---------------------------------------------------------------------------


def progress(n: int, what: str) -> None:
    print(f"N={n}: {what}…", flush=True)


def row(label: str, value: str, note: str = "", widths: tuple[int, int] = (30, 20)) -> None:
    """One line of a report: a label, a right-aligned value, and a note after it."""
    print(f"  {label:<{widths[0]}}{value:>{widths[1]}}  {note}".rstrip())


def secs(t: Seconds) -> str:
    return f"{t.wall:.2f} s (cpu {t.cpu:.2f})"


def ratio(ours: Seconds, base: Seconds) -> tuple[str, str]:
    """``ours / base`` in wall time as a value, and in CPU time as a note, for ``row``."""
    return f"{ours.wall / base.wall:.2f}x", f"cpu {ours.cpu / base.cpu:.2f}x"


def growth(label: str, small: float, large: float, width: int) -> None:
    """One line of a trend: the value at the smallest N, at the largest, and their ratio."""
    print(f"  {label:<{width}}{small:>10,.2f} → {large:>10,.2f}   groei {large / small:.2f}x")


def busy(*timings: Seconds) -> None:
    """Warn when the machine was busy during any of ``timings`` (cpu / wall low)."""
    share = min(t.cpu / t.wall for t in timings)
    if share < BUSY:
        print(f"  let op: cpu/wand = {share:.0%}, de machine is druk; vertrouw op de cpu-tijden")
