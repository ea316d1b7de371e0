"""Benchmark: does ``leerdoelen build`` stay fast with thousands of schools?

(Longer than most files on purpose: one benchmark, read top to bottom; its report, its
trend verdicts and its profile's areas are its own, shared with no other script.)

For each size N (schools) the script writes a temporary project, which is not timed:

- ``--goals`` synthetic but valid leerdoelen with their frames and a copy of this
  project's ``site/``, ``schemas/`` and ``mkdocs.yml``;
- about N / 100 networks (``adoptie/netwerken/netwerk-0001.yaml`` …), all
  ``publiceren: true``, with a role address (``info@netwerk-0001.example``) and one or two
  ``doelstellingen``, each scoped to a kerndoel or domein of the synthetic frame;
- N schools (``adoptie/scholen/<BRIN>.yaml``, BRINs 10AA … 99ZZ drawn at random), each in
  one network, with a record for every goal on the checklist (vastgesteld and ter
  consultatie): a status spread over niet gestart … ingevoerd, groepen a subset of the
  goal's groepen, a datum in 2025-2026 and not after ``LEERDOELEN_VANDAAG``, which the
  script sets to 2026-11-29. Now and then a toelichting or a bewijs link.

The files look like the bundled example in ``adoptie/`` and the random seed is fixed, so
every run measures the same content (the generator is ``tools/synthetic.py``).
``leerdoelen check`` must pass on it before anything is timed (its time is shown too, as
"check alleen": measured apart, once, as the command runs on a fresh checkout, its cache
in ``build/cache`` empty). Then timed again after a comment was added to one school file
("check warm": only that school is read again).

Then it times, in the same run, with the CPU+wall clock and the build helpers of
``tools/timing.py``, as ``tools/bench_site.py`` does:

1. ``leerdoelen build``: ``python -m leerdoelen -C <project> -q build``, in a process of its
   own as a user or CI runs it, from a clean slate (cold; the last output moved aside and
   the disk cache written out first, as for the baseline: ``timing.put_aside``): MkDocs in a
   process of its own beside the school pages and downloads; its start-up (some 1.5 s)
   counts, as it does for them. Then again after one record of one school changed (warm:
   with the cache in ``build/cache`` that the first build left; at most ``WARM_TARGET``
   seconds at 7,000 schools). Then its parts, each alone on the same content:
   *check+genereren* (``generate``: check, render every page and download, write
   ``build/pages`` and ``build/static``) and *mkdocs* (``run_engine``); what they cost
   together beyond the total is what running them side by side saves. Then the same with
   ``--engine zensical`` (when installed), with its ratio against the baseline beside
   MkDocs'.
2. Bare MkDocs ("kale MkDocs"), the baseline, also in a process of its own
   (``python -m mkdocs build``): material (``nl``) with the search plugin
   and our nav, one one-line Markdown page for every ``index.html`` our build produced,
   at the same URL. School pages count, although ours skip MkDocs (ready HTML, linked
   into its output). Note that the baseline puts every page in its search index, while our
   school pages are left out of it.

How to read the output. Per N: schools, networks and pages; seconds (wall, with CPU time
beside it) for ours in total and split, and for the baseline; ``ons / kaal``, which should
be at most ``TARGET`` (3.0: what our content, downloads, templates and CSS may cost on top
of MkDocs itself); milliseconds per school; bytes per school page (the average size of
``public/scholen/*/index.html``). At the end, from the smallest to the largest N:

- the build time at 7,000 schools (measured, or extrapolated from the largest N) against
  the sanity limit of ``LIMIT_SECONDS`` (120 s);
- bytes per school page: must stay flat (growth at most ``FLAT``), because a school page
  may hold nothing that grows with the number of schools;
- time per school, and the marginal CPU time per extra school between consecutive sizes
  (no fixed start-up cost in it). The build is linear when that marginal cost does not grow
  by more than ``timing.SUPERLINEAR``; otherwise look for an O(n²) trap (something
  per school that walks all schools, such as a network lookup per school).

Absolute times depend on the machine; a busy machine inflates wall time more than CPU
time (the report warns). ``--profile`` runs cProfile on one build (generate + run_mkdocs)
at the smallest N: the top 30 by cumulative time, the cumulative time of the main steps,
and the self time grouped by area (loading and checking, our rendering, YAML, pydantic,
Jinja2, Python-Markdown, the HTML parser, the search index, MkDocs, …).

This is a tool for the maintainer, not a test: it is not run in CI. It is slow: at the
default sizes (some 3 million school records in all) expect about a quarter of an hour,
of which generating and checking the content is a good part. Run it from the project root:

    python -m tools.bench_adoptie [--sizes 1000 3000 7000] [--goals 400] [--repeat 1]
                                  [--profile]
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
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

from leerdoelen.commands.build import PAGES, generate, run_mkdocs
from leerdoelen.commands.check import CheckResult, check
from leerdoelen.core.clock import ENV as VANDAAG_ENV
from leerdoelen.load.cachefile import CACHE
from tools.synthetic import (
    BRINS,
    MAX_GOALS,
    VANDAAG,
    adoptie_project,
    make_bare_site,
    markdown_pages,
    netwerk_slugs,
)
from tools.timing import (
    SUPERLINEAR,
    Ours,
    Seconds,
    build_bare,
    build_ours,
    busy,
    clean,
    clock,
    growth,
    progress,
    ratio,
    row,
    secs,
)

TARGET = 3.0  # ons / kaal: at most
WARM_TARGET = 10.0  # seconds for a rebuild after one school changed, at 7,000 schools
LIMIT_SCHOOLS = 7000  # about the number of primary schools in the Netherlands
LIMIT_SECONDS = 120.0  # sanity limit for a build with LIMIT_SCHOOLS schools
FLAT = 1.05  # bytes per school page, largest N / smallest N: at most
WARM_UP = (40, 20)  # goals, schools of the warm-up build
WIDTHS = (34, 22)  # of a report row: label, value

# --- the project --------------------------------------------------------------------------


def assert_valid(root: Path) -> tuple[CheckResult, Seconds]:
    """``check`` on the whole project as ``leerdoelen check`` runs it on a fresh checkout
    (with its cache, which is empty), timed once; exit when it finds an error."""
    shutil.rmtree(root / CACHE, ignore_errors=True)
    times: list[Seconds] = []
    gc.collect()
    with clock(times.append):
        result = check(root, cache=True)
    if not result.ok:
        print(f"check vond {result.errors} fout(en) in de gegenereerde bestanden:")
        for d in result.diagnostics[:10]:
            print(f"  {d.path}:{d.line}:{d.column}: {d.code} {d.message}")
        sys.exit(1)
    return result, times[0]


def check_warm(root: Path) -> Seconds:
    """``check`` with its cache (``leerdoelen check``), after one school file changed: a
    first run fills the cache (not timed), then a comment is added to one school."""
    check(root, cache=True)
    school = min((root / "adoptie" / "scholen").glob("*.yaml"))
    with school.open("a", encoding="utf-8") as stream:
        stream.write("# gewijzigd\n")
    times: list[Seconds] = []
    gc.collect()
    with clock(times.append):
        result = check(root, cache=True)
    schools = sum(1 for _ in school.parent.glob("*.yaml"))
    if not result.ok or len(result.project.recalled) != schools - 1:
        print("de warme check las meer dan de ene gewijzigde school, of vond een fout")
        sys.exit(1)
    return times[0]


# --- the measurements ---------------------------------------------------------------------


def built_pages(site: Path) -> list[str]:
    """One Markdown path per ``index.html`` of a built site, at the same URL."""
    pages = []
    for html in site.rglob("index.html"):
        folder = html.parent.relative_to(site).as_posix()
        pages.append("index.md" if folder == "." else f"{folder}/index.md")
    return sorted(pages)


def school_page_bytes(site: Path) -> tuple[int, float]:
    """The number of school pages and their average size in bytes."""
    sizes = [p.stat().st_size for p in (site / "scholen").glob("*/index.html")]
    return len(sizes), (sum(sizes) / len(sizes) if sizes else 0.0)


@dataclass(frozen=True)
class Result:
    n: int
    netwerken: int
    checklist: int  # goals on every school's checklist
    pages: int  # index.html pages of our built site
    md_pages: int  # .md files in build/pages
    check_alone: Seconds
    check_warm: Seconds  # with its cache, one school changed
    ours: Ours
    bare: Seconds
    school_pages: int
    school_bytes: float
    zensical: Ours | None = None  # the same build with --engine zensical


def warm_up(folder: Path) -> None:
    """One small build of each kind, with schools, so that imports and first-use caches
    (Markdown extensions, templates, the XLSX skeleton) are not charged to the smallest N."""
    print("opwarmen…", flush=True)
    root = folder / "project"
    goals, schools = WARM_UP
    adoptie_project(root, goals, schools)
    with contextlib.redirect_stdout(io.StringIO()):
        build_ours(root, "opwarmen")
    config = make_bare_site(folder / "kaal", built_pages(root / "public"))
    build_bare(config, folder / "site")


def bench(folder: Path, n: int, goals: int, repeat: int) -> Result:
    """Measure ``n`` schools in ``folder``: the project in ``project/``, the baseline in
    ``kaal/``."""
    root, bare = folder / "project", folder / "kaal"
    progress(n, f"project maken: {goals} leerdoelen, {n} scholen (niet getimed)")
    frame = adoptie_project(root, goals, n)
    progress(n, "check vooraf (moet slagen)")
    result, check_alone = assert_valid(root)
    del result
    progress(n, "check met cache, na een gewijzigde school")
    warm = check_warm(root)
    bare_config: Path | None = None
    best_ours: Ours | None = None
    best_bare: Seconds | None = None
    best_zensical: Ours | None = None
    pages = md_pages = 0
    for run in range(1, repeat + 1):
        label = f" (ronde {run}/{repeat})" if repeat > 1 else ""
        ours = build_ours(root, f"N={n}", label)
        if best_ours is None or ours.total.wall < best_ours.total.wall:
            best_ours = ours
        if bare_config is None:
            progress(n, "kale mkdocs-site maken (niet getimed)")
            site_pages = built_pages(root / "public")
            pages = len(site_pages)
            md_pages = len(markdown_pages(root / PAGES))
            bare_config = make_bare_site(bare, site_pages)
        if find_spec("zensical") is not None:
            zensical = build_ours(root, f"N={n}", label, engine="zensical")
            if best_zensical is None or zensical.total.wall < best_zensical.total.wall:
                best_zensical = zensical
        progress(n, f"kale mkdocs bouwen{label}")
        seconds = build_bare(bare_config, bare / "site")
        if best_bare is None or seconds.wall < best_bare.wall:
            best_bare = seconds
    assert best_ours is not None and best_bare is not None
    school_pages, school_bytes = school_page_bytes(root / "public")
    return Result(
        n,
        len(netwerk_slugs(n)),
        len(frame.checklist),
        pages,
        md_pages,
        check_alone,
        warm,
        best_ours,
        best_bare,
        school_pages,
        school_bytes,
        best_zensical,
    )


# --- the report ---------------------------------------------------------------------------


def line(label: str, value: str, note: str = "") -> None:
    row(label, value, note, WIDTHS)


def share(part: Seconds, whole: Seconds) -> str:
    return f"{part.wall / whole.wall:.0%}" if whole.wall else ""


def gehaald(ok: bool) -> str:
    return "gehaald" if ok else "niet gehaald"


def report(r: Result, goals: int, repeat: int) -> None:
    o = r.ours
    print(
        f"\nN = {r.n} scholen ({r.netwerken} netwerken, {goals} leerdoelen, "
        f"{r.checklist} per checklist): {r.pages} pagina's (index.html; "
        f"{r.md_pages} .md in build/pages), beste van {repeat}"
    )
    line("leerdoelen build (totaal)", secs(o.total), f"{r.pages / o.total.wall:.0f} pagina's/s")
    line("  check + genereren (alleen)", secs(o.generate), share(o.generate, o.total))
    line("  mkdocs (alleen)", secs(o.mkdocs), share(o.mkdocs, o.total))
    line("  naast elkaar bespaard", secs(o.overlap), "mkdocs naast de schoolpagina's")
    line(
        "warm: na 1 gewijzigde school",
        secs(o.warm),
        f"{o.total.wall / o.warm.wall:.1f}x sneller; doel ≤ {WARM_TARGET:.0f} s: "
        f"{gehaald(o.warm.wall <= WARM_TARGET)}",
    )
    line("check alleen (apart, vooraf)", secs(r.check_alone))
    line(
        "check warm (1 school gewijzigd)",
        secs(r.check_warm),
        f"{r.check_alone.wall / r.check_warm.wall:.0f}x sneller",
    )
    line(
        f"kale mkdocs ({r.pages} pagina's)", secs(r.bare), f"{r.pages / r.bare.wall:.0f} pagina's/s"
    )
    value, cpu = ratio(o.total, r.bare)
    ok = o.total.wall / r.bare.wall <= TARGET
    line("ons / kaal", value, f"{cpu}; doel ≤ {TARGET:.1f}: {gehaald(ok)}")
    line("ons mkdocs / kaal", ratio(o.mkdocs, r.bare)[0])
    if r.zensical is not None:  # --engine zensical: the same pages, Zensical for MkDocs
        z = r.zensical
        line("leerdoelen build --engine zensical", secs(z.total))
        line("  warm: na 1 gewijzigde school", secs(z.warm))
        line("  zensical (alleen)", secs(z.mkdocs), share(z.mkdocs, z.total))
        value, cpu = ratio(z.total, r.bare)
        ok = z.total.wall / r.bare.wall <= TARGET
        line("ons (zensical) / kaal", value, f"{cpu}; doel ≤ {TARGET:.1f}: {gehaald(ok)}")
    line(
        "per school (ons totaal)",
        f"{o.total.wall / r.n * 1000:.1f} ms",
        f"cpu {o.total.cpu / r.n * 1000:.1f} ms",
    )
    line("bytes per schoolpagina", f"{r.school_bytes:,.0f}", f"{r.school_pages} schoolpagina's")
    busy(o.total, r.bare)


def sanity(results: Sequence[Result]) -> None:
    """The build time at LIMIT_SCHOOLS schools against LIMIT_SECONDS."""
    exact = [r for r in results if r.n == LIMIT_SCHOOLS]
    if exact:
        seconds, how = exact[0].ours.total.wall, "gemeten"
    else:
        ordered = sorted(results, key=lambda r: r.n)
        large = ordered[-1]
        if len(ordered) > 1:  # marginal cost of the last step, on top of the largest N
            small = ordered[-2]
            slope = (large.ours.total.wall - small.ours.total.wall) / (large.n - small.n)
        else:
            slope = large.ours.total.wall / large.n
        seconds = large.ours.total.wall + slope * (LIMIT_SCHOOLS - large.n)
        how = f"geëxtrapoleerd vanaf N = {large.n}"
    print(
        f"\n{LIMIT_SCHOOLS:,} scholen: {seconds:.1f} s ({how}); "
        f"grens {LIMIT_SECONDS:.0f} s: {gehaald(seconds <= LIMIT_SECONDS)}"
    )


def trend(results: Sequence[Result]) -> None:
    """From the smallest to the largest N: bytes and time per school, and verdicts."""
    ordered = sorted(results, key=lambda r: r.n)
    small, large = ordered[0], ordered[-1]
    sanity(ordered)
    if large.n == small.n:
        return
    print(f"\nVan N = {small.n} naar N = {large.n} scholen (groei = groot / klein):")
    series: list[tuple[str, Callable[[Result], float]]] = [
        ("bytes per schoolpagina", lambda r: r.school_bytes),
        ("ons totaal per school, wand (ms)", lambda r: r.ours.total.wall / r.n * 1000),
        ("ons totaal per school, cpu (ms)", lambda r: r.ours.total.cpu / r.n * 1000),
        ("  check+genereren, cpu (ms)", lambda r: r.ours.generate.cpu / r.n * 1000),
        ("  mkdocs, cpu (ms)", lambda r: r.ours.mkdocs.cpu / r.n * 1000),
        ("kale mkdocs per school, cpu (ms)", lambda r: r.bare.cpu / r.n * 1000),
        ("ons / kaal, wand", lambda r: r.ours.total.wall / r.bare.wall),
    ]
    for label, value in series:
        growth(label, value(small), value(large), width=WIDTHS[0])
    factor = large.school_bytes / small.school_bytes
    if factor <= FLAT:
        print(f"  schoolpagina vlak: groeit {factor:.2f}x (grens {FLAT}x)")
    else:
        print(
            f"  !! schoolpagina groeit {factor:.2f}x (grens {FLAT}x): er staat iets op dat "
            "meegroeit met het aantal scholen"
        )
    marginal(ordered)


def marginal(ordered: Sequence[Result]) -> None:
    """Extra cpu time per extra school between consecutive sizes, and a verdict."""
    print(
        "  marginale cpu-tijd per extra school (ms): ons totaal / check+genereren / mkdocs / kaal"
    )
    costs = []
    for a, b in itertools.pairwise(ordered):
        extra = b.n - a.n
        if extra <= 0:
            continue
        cost = [
            (b.ours.total.cpu - a.ours.total.cpu) / extra * 1000,
            (b.ours.generate.cpu - a.ours.generate.cpu) / extra * 1000,
            (b.ours.mkdocs.cpu - a.ours.mkdocs.cpu) / extra * 1000,
            (b.bare.cpu - a.bare.cpu) / extra * 1000,
        ]
        costs.append(cost[0])
        print(f"    N {a.n} → {b.n}: " + " / ".join(f"{c:.2f}" for c in cost))
    if len(costs) >= 2 and costs[0] > 0:
        factor, what = costs[-1] / costs[0], "marginale cpu-tijd per school"
    else:
        small, large = ordered[0], ordered[-1]
        factor = (large.ours.total.cpu / large.n) / (small.ours.total.cpu / small.n)
        what = "cpu-tijd per school"
    if factor > SUPERLINEAR:
        print(
            f"\n!! Superlineair: {what} groeit {factor:.2f}x (> {SUPERLINEAR}x). "
            "Zoek een O(n²)-val: iets per school dat alle scholen doorloopt."
        )
    else:
        print(f"\nLineair: {what} groeit {factor:.2f}x (grens {SUPERLINEAR}x).")


# --- the profile --------------------------------------------------------------------------

# Main steps: (label, file path ending, function); their cumulative time is shown.
STEPS = (
    ("generate (check + renderen + schrijven)", "leerdoelen/commands/build.py", "generate"),
    ("  check (laden, valideren, regels)", "leerdoelen/commands/check.py", "check"),
    ("  render_pages (leerdoelpagina's)", "leerdoelen/render/pages.py", "render_pages"),
    ("  render_adoptie (scholen, netwerken)", "leerdoelen/render/adoptie.py", "render_adoptie"),
    ("    csv_bytes", "leerdoelen/export/tables.py", "csv_bytes"),
    ("    xlsx_bytes", "leerdoelen/export/xlsx.py", "xlsx_bytes"),
    ("  write_tree (build/pages)", "leerdoelen/render/pages.py", "write_tree"),
    ("run_mkdocs", "leerdoelen/commands/build.py", "run_mkdocs"),
    ("  Markdown → HTML (_populate_page)", "mkdocs/commands/build.py", "_populate_page"),
    ("  thema per pagina (_build_page)", "mkdocs/commands/build.py", "_build_page"),
    ("    zoekindex: on_page_context", "material/plugins/search/plugin.py", "on_page_context"),
    ("  zoekindex: on_post_build", "material/plugins/search/plugin.py", "on_post_build"),
)
# Areas for self time, by file path; the first match wins. Built-in (C) functions count
# for the area of the Python function that called them.
AREAS = (
    ("zoekindex (search plugin)", ("/plugins/search/", "/contrib/search/")),
    (
        "leerdoelen: laden + check",
        (
            "leerdoelen/load/",
            "leerdoelen/validate/",
            "leerdoelen/commands/check.py",
            "leerdoelen/core/corpus.py",
            "leerdoelen/validate/adoptie.py",
            "leerdoelen/core/model.py",
            "leerdoelen/core/diagnostics.py",
        ),
    ),
    ("leerdoelen: renderen + downloads", ("leerdoelen/",)),
    ("YAML (PyYAML, ruamel)", ("/yaml/", "/ruamel/")),
    ("pydantic", ("/pydantic",)),
    ("Jinja2 (thema + onze templates)", ("/jinja2/", "<template>", "/markupsafe/")),
    ("Python-Markdown + extensies", ("/markdown/", "/pymdownx/", "/materialx/")),
    ("html.parser (ruwe HTML)", ("html/parser.py", "_markupbase.py")),
    ("MkDocs overig", ("/mkdocs/",)),
    ("Material overig", ("/material/",)),
    ("openpyxl, zipfile, zlib", ("/openpyxl/", "zipfile", "zlib")),
    ("bestanden (pathlib, shutil, os)", ("pathlib", "shutil", "/os.py", "genericpath")),
)


def area(filename: str) -> str:
    path = filename.replace("\\", "/")
    for label, needles in AREAS:
        if any(needle in path for needle in needles):
            return label
    return "overig (stdlib e.d.)"


def by_area(stats: pstats.Stats) -> dict[str, float]:
    """Self time per area; a built-in's self time goes to its callers' areas."""
    totals: dict[str, float] = defaultdict(float)
    raw = stats.stats  # type: ignore[attr-defined]
    for (filename, _, _), (_, _, tottime, _, callers) in raw.items():
        if filename != "~":
            totals[area(filename)] += tottime
            continue
        python_callers = {c: v for c, v in callers.items() if c[0] != "~"}
        spent = sum(v[2] for v in python_callers.values())
        if not python_callers or spent <= 0:
            totals["overig (stdlib e.d.)"] += tottime
            continue
        for caller, values in python_callers.items():
            totals[area(caller[0])] += tottime * values[2] / spent
    return dict(totals)


def step_times(stats: pstats.Stats) -> list[tuple[str, float | None]]:
    raw = stats.stats  # type: ignore[attr-defined]
    found: list[tuple[str, float | None]] = []
    for label, ending, function in STEPS:
        hits = [
            values[3]
            for (filename, _, name), values in raw.items()
            if name == function and filename.replace("\\", "/").endswith(ending)
        ]
        found.append((label, sum(hits) if hits else None))
    return found


def profile(root: Path, n: int, top: int = 30) -> None:
    """cProfile one clean generate + run_mkdocs."""
    clean(root)

    def both() -> None:
        generate(root)
        run_mkdocs(root, root / "public")

    profiler = cProfile.Profile()
    profiler.runcall(both)
    stats = pstats.Stats(profiler, stream=sys.stdout)
    total = max(stats.total_tt, 1e-9)  # type: ignore[attr-defined]
    print(f"\ncProfile van generate + run_mkdocs bij N = {n} scholen (top {top}, cumulatief):")
    stats.sort_stats("cumulative").print_stats(top)
    print(f"Hoofdstappen (cumulatief, van {total:.2f} s onder de profiler):")
    for label, seconds in step_times(stats):
        value = f"{seconds:.2f} s" if seconds is not None else "-"
        note = f"{seconds / total:.0%}" if seconds is not None else "niet aangeroepen"
        print(f"  {label:<44}{value:>10}  {note}")
    print("Eigen tijd per onderdeel (ingebouwde functies bij hun aanroeper):")
    for label, seconds in sorted(by_area(stats).items(), key=lambda kv: -kv[1]):
        print(f"  {label:<44}{seconds:>8.2f} s  {seconds / total:.0%}")


# --- the command --------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[1000, 3000, 7000], metavar="N", help="scholen"
    )
    parser.add_argument("--goals", type=int, default=400, help="synthetische leerdoelen")
    parser.add_argument("--repeat", type=int, default=1, help="runs per timing; the best counts")
    parser.add_argument(
        "--profile", action="store_true", help="cProfile one build at the smallest N"
    )
    args = parser.parse_args(argv)
    if any(not 1 <= n <= len(BRINS) for n in args.sizes):
        parser.error(f"--sizes: elke N moet tussen 1 en {len(BRINS)} liggen")
    if not 1 <= args.goals <= MAX_GOALS:
        parser.error(f"--goals: tussen 1 en {MAX_GOALS}")
    if args.repeat < 1:
        parser.error("--repeat: minstens 1")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    os.environ[VANDAAG_ENV] = VANDAAG.isoformat()
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="bench-adoptie-warm-") as folder:
        warm_up(Path(folder))
    smallest = min(args.sizes)
    results = []
    profiled = False
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix="bench-adoptie-") as folder:
            result = bench(Path(folder), n, args.goals, args.repeat)
            report(result, args.goals, args.repeat)
            if args.profile and n == smallest and not profiled:
                progress(n, "profileren")
                profile(Path(folder) / "project", n)
                profiled = True
        results.append(result)
        gc.collect()
    trend(results)


if __name__ == "__main__":
    main()
