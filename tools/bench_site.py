"""Benchmark: how fast is ``leerdoelen build``, and does it stay linear in the content?

For each size N the script writes a temporary project: N synthetic but valid leerdoelen
from the generator in ``tools/synthetic.py`` (plus one ``kader.yaml`` per domain), and a
copy of this project's ``site/``, ``schemas/`` and ``mkdocs.yml``. Over that project it
times, in the same run:

1. ``leerdoelen build``: ``python -m leerdoelen -C <project> -q build`` in a process of
   its own (``tools/timing.py``), from a clean slate (no ``build/``, no ``public/``). Its
   parts, *check+generate* (``generate``: check, render the pages, write ``build/pages``)
   and *mkdocs* (``run_mkdocs``: the MkDocs-material build), are then timed each alone;
   the small rest (swapping the site in, counting pages) is only in the total.
2. Bare MkDocs ("kale MkDocs"), the baseline: a site with the same theme (material, ``nl``)
   and the same plugin (search), one one-line Markdown file at the path of every ``.md``
   file our build generated, and the same ``nav`` as ours, so that, as in ours, the
   goal pages are not in the nav. Built with MkDocs' Python API
   (``load_config`` + ``commands.build.build``) into a temporary folder.

Every timing is taken as wall-clock time (``time.perf_counter``) and as the CPU time of this
process and of its finished child processes over the same stretch (``tools/timing.py``). The
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

This is a tool for the maintainer, not a test: it is not run in CI. Run it from the
project root:

    python -m tools.bench_site [--sizes 300 1000 3000] [--repeat 1] [--profile]
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import itertools
import logging
import pstats
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from leerdoelen.commands.build import PAGES, generate, run_mkdocs
from tools.synthetic import MAX_GOALS, make_bare_site, markdown_pages, site_project
from tools.timing import (
    SUPERLINEAR,
    Ours,
    Seconds,
    build_bare,
    build_ours,
    busy,
    clean,
    growth,
    progress,
    ratio,
    row,
    secs,
)

WARM_UP = 10  # goals in the warm-up build

# --- the measurements ---------------------------------------------------------------------


def warm_up(folder: Path) -> None:
    """One small build of each kind, so that imports and first-use caches (Markdown
    extensions, regexes) are not charged to the smallest N."""
    print("opwarmen…", flush=True)
    root = folder / "project"
    site_project(root, WARM_UP)
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


def bench(folder: Path, n: int, repeat: int) -> Result:
    """Measure size ``n`` in ``folder``: the project in ``project/``, the baseline in ``kaal/``."""
    root, bare = folder / "project", folder / "kaal"
    progress(n, "project maken")
    site_project(root, n)
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


def report(r: Result, repeat: int) -> None:
    o, s, bare = r.ours, r.ours_size, r.bare
    print(f"\nN = {r.n} leerdoelen: {r.md_pages} Markdown-pagina's, beste van {repeat}")
    row("leerdoelen build (totaal)", secs(o.total), f"{s.pages / o.total.wall:.0f} pagina's/s")
    row("  check + genereren", secs(o.generate), f"{o.generate.wall / o.total.wall:.0%}")
    row("  mkdocs", secs(o.mkdocs), f"{o.mkdocs.wall / o.total.wall:.0%}")
    row("kale mkdocs", secs(bare), f"{r.bare_size.pages / bare.wall:.0f} pagina's/s")
    row("ons / kaal (totaal)", *ratio(o.total, bare))
    row("ons mkdocs / kaal", *ratio(o.mkdocs, bare))
    for name, size in (("ons", s), ("kaal", r.bare_size)):
        row(
            f"bytes per pagina, {name}",
            f"{size.per_page:,.0f}",
            f"{size.pages} html, zoekindex {size.search_per_page:,.0f} B/pagina",
        )
    busy(o.total, bare)


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
        growth(label, value(small), value(large), width=32)
    marginal(sorted(results, key=lambda r: r.n))
    if large.n != small.n:
        verdict(per_page(large, large.ours.total, "cpu") / per_page(small, small.ours.total, "cpu"))


def per_page(r: Result, t: Seconds, kind: str) -> float:
    return ms_per_page(getattr(t, kind), r.md_pages)


def verdict(factor: float) -> None:
    """Judge on cpu time, which a busy machine disturbs far less than wall-clock time."""
    if factor > SUPERLINEAR:
        print(
            f"\n!! Superlineair: cpu-tijd per pagina groeit {factor:.2f}x (> {SUPERLINEAR}x). "
            "Zoek een O(n²)-val, bijvoorbeeld een nav of index die elke pagina herhaalt."
        )
    else:
        print(f"\nLineair genoeg: cpu-tijd per pagina groeit {factor:.2f}x (grens {SUPERLINEAR}x).")


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
    if any(not 1 <= n <= MAX_GOALS for n in args.sizes):
        parser.error(f"--sizes: elke N moet tussen 1 en {MAX_GOALS} liggen")
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
