"""Benchmark: how fast is ``leerdoelen build``, and does it stay linear in the content?

For each size N the script writes a temporary project: N synthetic but valid leerdoelen
from the generator in ``tools/bench_check.py`` (plus one ``kader.yaml`` per domain), and a
copy of this project's ``site/``, ``schemas/`` and ``mkdocs.yml``. Over that project it
times, in the same run:

1. ``leerdoelen build``: in-process ``leerdoelen.commands.build.build_site(root, root / "public")``,
   from a clean slate (no ``build/``, no ``public/``). The time is split into
   *check+generate* (``generate``: check, render the pages, write ``build/pages``) and
   *mkdocs* (``run_mkdocs``: the MkDocs-material build), by wrapping both functions;
   the small rest (swapping the site in, counting pages) is only in the total.
2. Bare MkDocs ("kale MkDocs"), the baseline: a site with the same theme (material, ``nl``)
   and the same plugin (search), one one-line Markdown file at the path of every ``.md``
   file our build generated, and the same ``nav`` as ours, so that, as in ours, the
   goal pages are not in the nav. Built with MkDocs' Python API
   (``load_config`` + ``commands.build.build``) into a temporary folder.

Every timing is taken as wall-clock time (``time.perf_counter``) and as the CPU time of this
process and of its finished child processes (``cpu_seconds``) over the same stretch. The
build hands school files and downloads to worker processes (``leerdoelen.util.parallel``) only
for large adoption data, so on a quiet machine the two agree here. Other work on the machine
inflates wall-clock time but hardly CPU time, so the script warns when cpu / wall drops
below ``BUSY`` and judges the trend on CPU time. Each timing is the best (by wall-clock
time) of ``--repeat`` runs, the two builds taking turns, with a full garbage collection
before each. One small warm-up build of each kind runs first, so imports and first-use
caches are not charged to the smallest N. MkDocs' INFO logging is silenced.

How to read the output. Per N: the number of Markdown pages, seconds for ours (total, and
split into check+generate and mkdocs), seconds for the baseline, ``ons / kaal`` (what our
content, templates, Markdown extensions, overrides and CSS cost on top of MkDocs itself),
pages per second, and bytes per page (all ``*.html`` files / their number, the 404 page
included; the search index per page is shown beside it). Absolute times depend on the
machine; the trends matter. At the end, the change from the smallest to the largest N:
time per page should stay roughly flat or fall (fixed start-up costs are spread over more
pages) and bytes per page should stay flat. If ours costs clearly more CPU time per page
at the largest N (more than ``SUPERLINEAR`` times the smallest), the script flags it: that
points at an O(n²) trap, such as a nav or an index that every page repeats. The marginal
CPU time per extra page between consecutive sizes is printed too; it has no start-up cost
in it. ``--profile`` runs cProfile on ``generate`` + ``run_mkdocs`` at the largest N.

This is a tool for the maintainer, not a test: it is not run in CI.

    python tools/bench_site.py [--sizes 300 1000 3000] [--repeat 1] [--profile]
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import io
import itertools
import logging
import os
import pstats
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import yaml

import leerdoelen.commands.build as build_module
from leerdoelen.commands.build import PAGES, build_site, generate, run_mkdocs
from leerdoelen.commands.check import CheckResult
from leerdoelen.versions.log import Version

TOOLS = Path(__file__).resolve().parent
PROJECT = TOOLS.parent
sys.path.insert(0, str(TOOLS))
import bench_check  # noqa: E402  (a sibling script, not a package)

COPIED = ("site", "schemas")  # folders of the real project that the build needs
SUPERLINEAR = 1.5  # time per page at the largest N / at the smallest: flag above this
BUSY = 0.8  # cpu / wall below this: the machine is busy with other work
WARM_UP = 10  # goals in the warm-up build
MAX_N = bench_check.MAX_PER_DOMEIN * len(bench_check.DOMEINEN)

# --- the projects -------------------------------------------------------------------------


def make_project(root: Path, n: int) -> None:
    """A content project with ``n`` synthetic goals and this project's site set-up."""
    bench_check.generate(root, n)
    for name in COPIED:
        shutil.copytree(PROJECT / name, root / name)
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")


def clean(root: Path) -> None:
    """Remove what a build leaves behind, so the next build starts from nothing."""
    for name in ("build", "public"):
        shutil.rmtree(root / name, ignore_errors=True)


def markdown_pages(docs: Path) -> list[str]:
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))


def our_nav() -> object:
    with (PROJECT / "mkdocs.yml").open(encoding="utf-8") as file:
        return yaml.safe_load(file)["nav"]


def make_bare_site(folder: Path, pages: Sequence[str]) -> Path:
    """A bare MkDocs-material site with one one-line page per path; its mkdocs.yml."""
    docs = folder / "docs"
    for i, relative in enumerate(pages):
        path = docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Pagina {i}.\n", encoding="utf-8")
    config = {
        "site_name": "Kale MkDocs",
        "docs_dir": "docs",
        "use_directory_urls": True,
        "theme": {"name": "material", "language": "nl", "font": False},
        "plugins": [{"search": {"lang": "nl"}}],
        "nav": our_nav(),
        "validation": {"nav": {"omitted_files": "ignore"}},
    }
    config_file = folder / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return config_file


# --- the measurements ---------------------------------------------------------------------


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


@dataclass
class Ours:
    total: Seconds = ZERO
    generate: Seconds = ZERO  # check + render + write build/pages
    mkdocs: Seconds = ZERO


@contextlib.contextmanager
def split_timing(ours: Ours, prefix: str, label: str) -> Iterator[None]:
    """Time ``generate`` and ``run_mkdocs`` as ``build_site`` calls them, then restore.

    Each announces itself (``prefix: genereren…``) before its clock starts.
    """

    def timed_generate(root: Path) -> tuple[CheckResult, list[str]]:
        print(f"{prefix}: genereren{label}…", flush=True)
        with clock(lambda t: setattr(ours, "generate", t)):
            return generate(root)

    def timed_mkdocs(root: Path, site_dir: Path, version: Version | None = None) -> None:
        print(f"{prefix}: mkdocs bouwen{label}…", flush=True)
        with clock(lambda t: setattr(ours, "mkdocs", t)):
            run_mkdocs(root, site_dir, version)

    saved = build_module.generate, build_module.run_mkdocs
    build_module.generate, build_module.run_mkdocs = timed_generate, timed_mkdocs
    try:
        yield
    finally:
        build_module.generate, build_module.run_mkdocs = saved


def build_ours(root: Path, prefix: str, label: str = "") -> Ours:
    """One clean ``build_site``; fails loudly when check refuses the content."""
    clean(root)
    ours = Ours()
    gc.collect()
    with split_timing(ours, prefix, label), clock(lambda t: setattr(ours, "total", t)):
        result = build_site(root, root / "public")
    if result.out is None:
        sys.exit(f"check vond {result.check.errors} fout(en); de generator is stuk")
    return ours


def build_bare(config_file: Path, site_dir: Path) -> Seconds:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    shutil.rmtree(site_dir, ignore_errors=True)
    times: list[Seconds] = []
    gc.collect()
    with clock(times.append):
        build(load_config(str(config_file), site_dir=str(site_dir)))
    return times[0]


def warm_up(folder: Path) -> None:
    """One small build of each kind, so that imports and first-use caches (Markdown
    extensions, regexes) are not charged to the smallest N."""
    print("opwarmen…", flush=True)
    root = folder / "project"
    make_project(root, WARM_UP)
    with contextlib.redirect_stdout(io.StringIO()):
        build_ours(root, "opwarmen")
    build_bare(make_bare_site(folder / "kaal", markdown_pages(root / PAGES)), folder / "site")


@dataclass(frozen=True)
class Size:
    """Bytes of a built site: ``html`` over ``pages`` HTML files, and the search index."""

    pages: int
    html: int
    search: int

    @property
    def per_page(self) -> float:
        return self.html / self.pages

    @property
    def search_per_page(self) -> float:
        return self.search / self.pages


def site_size(site: Path) -> Size:
    html = [p.stat().st_size for p in site.rglob("*.html")]
    index = site / "search" / "search_index.json"
    return Size(len(html), sum(html), index.stat().st_size if index.is_file() else 0)


@dataclass(frozen=True)
class Result:
    n: int
    md_pages: int
    ours: Ours
    bare: Seconds
    ours_size: Size
    bare_size: Size


def progress(n: int, what: str) -> None:
    print(f"N={n}: {what}…", flush=True)


def bench(folder: Path, n: int, repeat: int) -> Result:
    """Measure size ``n`` in ``folder``: the project in ``project/``, the baseline in ``kaal/``."""
    root, bare = folder / "project", folder / "kaal"
    progress(n, "project maken")
    make_project(root, n)
    bare_config: Path | None = None
    best_ours: Ours | None = None
    best_bare: Seconds | None = None
    for run in range(1, repeat + 1):
        label = f" (ronde {run}/{repeat})" if repeat > 1 else ""
        ours = build_ours(root, f"N={n}", label)
        if best_ours is None or ours.total.wall < best_ours.total.wall:
            best_ours = ours
        if bare_config is None:
            bare_config = make_bare_site(bare, markdown_pages(root / PAGES))
        progress(n, f"kale mkdocs{label}")
        seconds = build_bare(bare_config, bare / "site")
        if best_bare is None or seconds.wall < best_bare.wall:
            best_bare = seconds
    assert best_ours is not None and best_bare is not None
    return Result(
        n,
        len(markdown_pages(root / PAGES)),
        best_ours,
        best_bare,
        site_size(root / "public"),
        site_size(bare / "site"),
    )


# --- the report ---------------------------------------------------------------------------


def row(label: str, value: str, note: str = "") -> None:
    print(f"  {label:<30}{value:>20}  {note}".rstrip())


def secs(t: Seconds) -> str:
    return f"{t.wall:.2f} s (cpu {t.cpu:.2f})"


def report(r: Result, repeat: int) -> None:
    o, s, bare = r.ours, r.ours_size, r.bare
    print(f"\nN = {r.n} leerdoelen: {r.md_pages} Markdown-pagina's, beste van {repeat}")
    row("leerdoelen build (totaal)", secs(o.total), f"{s.pages / o.total.wall:.0f} pagina's/s")
    row("  check + genereren", secs(o.generate), f"{o.generate.wall / o.total.wall:.0%}")
    row("  mkdocs", secs(o.mkdocs), f"{o.mkdocs.wall / o.total.wall:.0%}")
    row("kale mkdocs", secs(bare), f"{r.bare_size.pages / bare.wall:.0f} pagina's/s")
    row(
        "ons / kaal (totaal)",
        f"{o.total.wall / bare.wall:.2f}x",
        f"cpu {o.total.cpu / bare.cpu:.2f}x",
    )
    row(
        "ons mkdocs / kaal",
        f"{o.mkdocs.wall / bare.wall:.2f}x",
        f"cpu {o.mkdocs.cpu / bare.cpu:.2f}x",
    )
    for name, size in (("ons", s), ("kaal", r.bare_size)):
        row(
            f"bytes per pagina, {name}",
            f"{size.per_page:,.0f}",
            f"{size.pages} html, zoekindex {size.search_per_page:,.0f} B/pagina",
        )
    busy = min(o.total.cpu / o.total.wall, bare.cpu / bare.wall)
    if busy < BUSY:
        print(f"  let op: cpu/wand = {busy:.0%}, de machine is druk; vertrouw op de cpu-tijden")


def ms_per_page(seconds: float, pages: int) -> float:
    return seconds / pages * 1000


def trend(results: Sequence[Result]) -> None:
    """From the smallest to the largest N: time and bytes per page, and a verdict."""
    small, large = min(results, key=lambda r: r.n), max(results, key=lambda r: r.n)
    print(f"\nVan N = {small.n} naar N = {large.n} (per pagina; groei = groot / klein):")
    series: list[tuple[str, Callable[[Result], float]]] = []
    for kind in ("wall", "cpu"):
        series += [
            (f"ons totaal, {kind} (ms)", lambda r, k=kind: per_page(r, r.ours.total, k)),
            (f"  check+genereren, {kind} (ms)", lambda r, k=kind: per_page(r, r.ours.generate, k)),
            (f"  mkdocs, {kind} (ms)", lambda r, k=kind: per_page(r, r.ours.mkdocs, k)),
            (f"kale mkdocs, {kind} (ms)", lambda r, k=kind: per_page(r, r.bare, k)),
        ]
    series += [
        ("bytes per pagina, ons", lambda r: r.ours_size.per_page),
        ("bytes per pagina, kaal", lambda r: r.bare_size.per_page),
        ("zoekindex B/pagina, ons", lambda r: r.ours_size.search_per_page),
    ]
    for label, value in series:
        a, b = value(small), value(large)
        print(f"  {label:<32}{a:>10,.2f} → {b:>10,.2f}   groei {b / a:.2f}x")
    marginal(sorted(results, key=lambda r: r.n))
    if large.n != small.n:
        verdict(per_page(large, large.ours.total, "cpu") / per_page(small, small.ours.total, "cpu"))


def per_page(r: Result, t: Seconds, kind: str) -> float:
    return ms_per_page(getattr(t, kind), r.md_pages)


def verdict(growth: float) -> None:
    """Judge on cpu time, which a busy machine disturbs far less than wall-clock time."""
    if growth > SUPERLINEAR:
        print(
            f"\n!! Superlineair: cpu-tijd per pagina groeit {growth:.2f}x (> {SUPERLINEAR}x). "
            "Zoek een O(n²)-val, bijvoorbeeld een nav of index die elke pagina herhaalt."
        )
    else:
        print(f"\nLineair genoeg: cpu-tijd per pagina groeit {growth:.2f}x (grens {SUPERLINEAR}x).")


def marginal(results: Sequence[Result]) -> None:
    """Extra cpu time per extra page between consecutive sizes: no start-up cost in it."""
    if len(results) < 2:
        return
    print("  marginale cpu-tijd per extra pagina (ms), ons totaal / ons mkdocs / kaal:")
    for a, b in itertools.pairwise(results):
        pages = b.md_pages - a.md_pages
        if pages <= 0:
            continue
        cost = [
            (b.ours.total.cpu - a.ours.total.cpu) / pages * 1000,
            (b.ours.mkdocs.cpu - a.ours.mkdocs.cpu) / pages * 1000,
            (b.bare.cpu - a.bare.cpu) / pages * 1000,
        ]
        print(f"    N {a.n} → {b.n}: " + " / ".join(f"{c:.2f}" for c in cost))


def profile(root: Path, n: int, top: int = 30) -> None:
    """cProfile one clean generate + run_mkdocs: overall, and only our own code."""
    clean(root)

    def both() -> None:
        generate(root)
        run_mkdocs(root, root / "public")

    profiler = cProfile.Profile()
    profiler.runcall(both)
    print(f"\ncProfile van generate + run_mkdocs bij N = {n} (top {top}, cumulatief):")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(top)
    print(f"Alleen leerdoelen/ (top {top}, eigen tijd):")
    stats = pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime")
    stats.print_stats(r"leerdoelen[/\\]", top)


# --- the command --------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 1000, 3000], metavar="N")
    parser.add_argument("--repeat", type=int, default=1, help="runs per timing; the best counts")
    parser.add_argument(
        "--profile", action="store_true", help="cProfile one build at the largest N"
    )
    args = parser.parse_args(argv)
    if any(not 1 <= n <= MAX_N for n in args.sizes):
        parser.error(f"--sizes: elke N moet tussen 1 en {MAX_N} liggen")
    if args.repeat < 1:
        parser.error("--repeat: minstens 1")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    largest = max(args.sizes)
    with tempfile.TemporaryDirectory(prefix="bench-site-warm-") as folder:
        warm_up(Path(folder))
    results = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix="bench-site-") as folder:
            result = bench(Path(folder), n, args.repeat)
            report(result, args.repeat)
            if args.profile and n == largest:
                progress(n, "profileren")
                profile(Path(folder) / "project", n)
        results.append(result)
    trend(results)


if __name__ == "__main__":
    main()
