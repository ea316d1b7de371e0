"""Benchmark: does ``leerdoelen build`` stay fast with thousands of schools?

For each size N (schools) the script writes a temporary project, which is not timed:

- ``--goals`` synthetic but valid leerdoelen with their frames (``bench_check.generate``)
  and a copy of this project's ``site/``, ``schemas/`` and ``mkdocs.yml``;
- about N / 100 networks (``adoptie/netwerken/netwerk-0001.yaml`` …), all
  ``publiceren: true``, with a role address (``info@netwerk-0001.example``) and one or two
  ``doelstellingen``, each scoped to a kerndoel or domein of the synthetic frame;
- N schools (``adoptie/scholen/<BRIN>.yaml``, BRINs 10AA … 99ZZ drawn at random), each in
  one network, with a record for every goal on the checklist (vastgesteld and ter
  consultatie): a status spread over niet gestart … ingevoerd, groepen a subset of the
  goal's groepen, a datum in 2025-2026 and not after ``LEERDOELEN_VANDAAG``, which the
  script sets to 2026-11-29. Now and then a toelichting or a bewijs link.

The files look like the bundled example in ``adoptie/`` and the random seed is fixed, so
every run measures the same content. ``leerdoelen check`` must pass on it before anything
is timed (its time is shown too, as "check alleen": measured apart, once).

Then it times, in the same run, with the CPU+wall clock and the helpers of
``tools/bench_site.py``:

1. ``leerdoelen build``: in-process ``build_site(root, root / "public")`` from a clean
   slate, split into *check+genereren* (``generate``: check, render every page and
   download, write ``build/pages`` and ``build/static``) and *mkdocs* (``run_mkdocs``);
   the rest (linking the school files into the site, swapping it in, counting pages) is
   only in the total.
2. Bare MkDocs ("kale MkDocs"), the baseline: material (``nl``) with the search plugin
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
  by more than ``bench_site.SUPERLINEAR``; otherwise look for an O(n²) trap (something
  per school that walks all schools, such as a network lookup per school).

Absolute times depend on the machine; a busy machine inflates wall time more than CPU
time (the report warns). ``--profile`` runs cProfile on one build (generate + run_mkdocs)
at the smallest N: the top 30 by cumulative time, the cumulative time of the main steps,
and the self time grouped by area (loading and checking, our rendering, YAML, pydantic,
Jinja2, Python-Markdown, the HTML parser, the search index, MkDocs, …).

This is a tool for the maintainer, not a test: it is not run in CI. It is slow: at the
default sizes (some 3 million school records in all) expect about a quarter of an hour,
of which generating and checking the content is a good part.

    python tools/bench_adoptie.py [--sizes 1000 3000 7000] [--goals 400] [--repeat 1]
                                  [--profile]
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import gc
import io
import itertools
import logging
import os
import pstats
import random
import shutil
import string
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))
import bench_check  # noqa: E402  (sibling scripts, not a package)
import bench_site  # noqa: E402
from bench_site import Ours, Seconds, clock  # noqa: E402

from leerdoelen.adoptie.progress import checklist_goals, counted_goals  # noqa: E402
from leerdoelen.commands.build import generate, run_mkdocs  # noqa: E402
from leerdoelen.commands.check import CheckResult, check  # noqa: E402
from leerdoelen.core.adoptie import ADOPTIE_STATUSSEN  # noqa: E402
from leerdoelen.core.clock import ENV as VANDAAG_ENV  # noqa: E402
from leerdoelen.core.corpus import Corpus  # noqa: E402

SEED = 20261129
VANDAAG = dt.date(2026, 11, 29)
EERSTE_DATUM = dt.date(2025, 1, 1)
SCHOLEN_PER_NETWERK = 100
TARGET = 3.0  # ons / kaal: at most
LIMIT_SCHOOLS = 7000  # about the number of primary schools in the Netherlands
LIMIT_SECONDS = 120.0  # sanity limit for a build with LIMIT_SCHOOLS schools
FLAT = 1.05  # bytes per school page, largest N / smallest N: at most
WARM_UP = (40, 20)  # goals, schools of the warm-up build
SCHOOL_HINT = "# yaml-language-server: $schema=../../schemas/school.schema.json"
NETWERK_HINT = "# yaml-language-server: $schema=../../schemas/netwerk.schema.json"

BRINS = [
    f"{d:02d}{a}{b}"
    for d in range(10, 100)
    for a in string.ascii_uppercase
    for b in string.ascii_uppercase
]
RIO_LETTERS = string.ascii_uppercase.replace("E", "")  # 123E456 would read as a number
STATUS_GEWICHTEN = (20, 15, 15, 20, 30)  # niet gestart, verkend, gepland, bezig, ingevoerd
SOORTEN = (("bao", 85), ("sbo", 10), ("so", 5))
NETWERK_SOORTEN = ("regionaal netwerk", "schoolbestuur", "samenwerkingsverband")
VOORVOEGSELS = ("OBS", "CBS", "KBS", "PCBS", "IKC", "Basisschool")
NAMEN = (
    "De Klimboom",
    "Het Kompas",
    "De Vlieger",
    "De Regenboog",
    "Het Anker",
    "De Wilgenhoek",
    "De Zonnewijzer",
    "Sint-Jozef",
    "De Springplank",
    "Het Palet",
    "De Windroos",
    "De Horizon",
    "Het Mozaïek",
    "De Toermalijn",
    "De Fontein",
    "Het Startpunt",
)
PLAATSEN = (
    "Maasoever",
    "Wilgendaal",
    "Zandvoorde",
    "Beekveld",
    "Hoogwoud",
    "Lindenhout",
    "Brugkerk",
    "Kleidijk",
    "Oosterweide",
    "Molenrade",
)
REGIO_S = ("Maasdelta", "Veenland", "Kustregio", "Heuvelland", "Rivierenland", "Stedendriehoek")
TOELICHTINGEN = (
    "Verkend tijdens een studiedag; we kijken welke methode hierbij past.",
    "Gekoppeld aan het thema van de onderbouw, samen met de bibliotheek.",
    "Loopt als project in de techniekweek, met ouders als begeleiders.",
    "Eerst in een groep geprobeerd, daarna schoolbreed ingevoerd.",
)


# --- the project --------------------------------------------------------------------------


@dataclass(frozen=True)
class Frame:
    """What the adoption generator needs to know of the synthetic goals."""

    checklist: list[tuple[str, tuple[str, ...]]]  # (code, groepen) per checklist goal
    kerndoelen: list[str]  # kerndoelen with at least one counted goal
    domeinen: list[tuple[str, str]]  # (naam, titel)


def frame_of(corpus: Corpus) -> Frame:
    kerndoelen: dict[str, None] = {}
    for goal in counted_goals(corpus):
        if (plek := corpus.plek(goal)) is not None:
            kerndoelen[plek.kerndoel.code] = None
    return Frame(
        [(d.code, tuple(d.groepen)) for d in checklist_goals(corpus)],
        sorted(kerndoelen),
        sorted((naam, kader.titel) for naam, kader in corpus.kaders.items()),
    )


def netwerk_slugs(schools: int) -> list[str]:
    count = max(1, round(schools / SCHOLEN_PER_NETWERK))
    return [f"netwerk-{i:04d}" for i in range(1, count + 1)]


def datum(rng: random.Random) -> dt.date:
    return EERSTE_DATUM + dt.timedelta(days=rng.randrange((VANDAAG - EERSTE_DATUM).days + 1))


def netwerk_text(rng: random.Random, slug: str, frame: Frame) -> str:
    soort = rng.choice(NETWERK_SOORTEN)
    lines = [
        NETWERK_HINT,
        f"naam: {soort.capitalize()} {rng.choice(REGIO_S)} {slug.rpartition('-')[2]}",
        f"soort: {soort}",
        f"contact: info@{slug}.example",
        "publiceren: true",
        "doelstellingen:",
    ]
    for _ in range(rng.choice((1, 2))):
        status = rng.choice(ADOPTIE_STATUSSEN[1:])
        if frame.kerndoelen and rng.random() < 0.6:
            kerndoel = rng.choice(frame.kerndoelen)
            lines += [f"  - titel: Kerndoel {kerndoel} {status}", f"    kerndoel: {kerndoel}"]
        else:
            naam, titel = rng.choice(frame.domeinen)
            lines += [f"  - titel: {titel} {status} op alle scholen", f"    domein: {naam}"]
        lines += [
            f"    status: {status}",
            f"    aandeel: {rng.choice((25, 40, 50, 75, 90))}",
            f"    uiterlijk: {rng.choice(('2026-07-17', '2027-01-29', '2027-07-16'))}",
        ]
    return "\n".join(lines) + "\n"


def record_lines(rng: random.Random, brin: str, code: str, groepen: tuple[str, ...]) -> list[str]:
    status = rng.choices(ADOPTIE_STATUSSEN, STATUS_GEWICHTEN)[0]
    if status == "niet gestart":
        chosen: list[str] = []
    else:
        low = 0 if status == "verkend" else 1
        picked = set(rng.sample(groepen, rng.randint(low, len(groepen))))
        chosen = [g for g in groepen if g in picked]
    lines = [
        f"  - code: {code}",
        f"    status: {status}",
        f"    groepen: [{', '.join(chosen)}]",
        f"    datum: {datum(rng).isoformat()}",
    ]
    if status != "niet gestart" and rng.random() < 0.05:
        lines.append(f"    toelichting: {rng.choice(TOELICHTINGEN)}")
    if status in ("bezig", "ingevoerd") and rng.random() < 0.03:
        lines.append(f"    bewijs: https://school-{brin.lower()}.example/lesplannen/{code.lower()}")
    return lines


def school_text(rng: random.Random, brin: str, netwerk: str, frame: Frame) -> str:
    soorten, gewichten = zip(*SOORTEN, strict=True)
    lines = [
        SCHOOL_HINT,
        f"brin: {brin}",
        f"rio: {rng.randrange(100, 1000)}{rng.choice(RIO_LETTERS)}{rng.randrange(100, 1000)}",
        f"naam: {rng.choice(VOORVOEGSELS)} {rng.choice(NAMEN)}",
        f"plaats: {rng.choice(PLAATSEN)}",
        f"soort: {rng.choices(soorten, gewichten)[0]}",
        f"netwerken: [{netwerk}]",
        "doelen:",
    ]
    for code, groepen in frame.checklist:
        lines += record_lines(rng, brin, code, groepen)
    return "\n".join(lines) + "\n"


def make_project(root: Path, goals: int, schools: int, seed: int = SEED) -> Frame:
    """Goals, site set-up, networks and schools; the frame the schools were written for."""
    bench_check.generate(root, goals)  # goals + frames
    for name in bench_site.COPIED:  # site/, schemas/
        shutil.copytree(bench_site.PROJECT / name, root / name)
    shutil.copy(bench_site.PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    goals_only = check(root)
    if not goals_only.ok:
        sys.exit(f"check vond {goals_only.errors} fout(en) in de synthetische leerdoelen")
    frame = frame_of(goals_only.project.corpus)
    del goals_only
    rng = random.Random(seed)
    slugs = netwerk_slugs(schools)
    netwerken = root / "adoptie" / "netwerken"
    netwerken.mkdir(parents=True)
    for slug in slugs:
        (netwerken / f"{slug}.yaml").write_text(netwerk_text(rng, slug, frame), encoding="utf-8")
    scholen = root / "adoptie" / "scholen"
    scholen.mkdir(parents=True)
    for i, brin in enumerate(rng.sample(BRINS, schools)):
        text = school_text(rng, brin, slugs[i % len(slugs)], frame)
        (scholen / f"{brin}.yaml").write_text(text, encoding="utf-8")
    return frame


def assert_valid(root: Path) -> tuple[CheckResult, Seconds]:
    """``check`` on the whole project, timed once; exit when it finds an error."""
    times: list[Seconds] = []
    gc.collect()
    with clock(times.append):
        result = check(root)
    if not result.ok:
        print(f"check vond {result.errors} fout(en) in de gegenereerde bestanden:")
        for d in result.diagnostics[:10]:
            print(f"  {d.path}:{d.line}:{d.column}: {d.code} {d.message}")
        sys.exit(1)
    return result, times[0]


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
    ours: Ours
    bare: Seconds
    school_pages: int
    school_bytes: float

    @property
    def rest(self) -> Seconds:
        o = self.ours
        return Seconds(
            o.total.wall - o.generate.wall - o.mkdocs.wall,
            o.total.cpu - o.generate.cpu - o.mkdocs.cpu,
        )


def progress(n: int, what: str) -> None:
    print(f"N={n}: {what}…", flush=True)


def warm_up(folder: Path) -> None:
    """One small build of each kind, with schools, so that imports and first-use caches
    (Markdown extensions, templates, the XLSX skeleton) are not charged to the smallest N."""
    print("opwarmen…", flush=True)
    root = folder / "project"
    goals, schools = WARM_UP
    make_project(root, goals, schools)
    with contextlib.redirect_stdout(io.StringIO()):
        bench_site.build_ours(root, "opwarmen")
    config = bench_site.make_bare_site(folder / "kaal", built_pages(root / "public"))
    bench_site.build_bare(config, folder / "site")


def bench(folder: Path, n: int, goals: int, repeat: int) -> Result:
    """Measure ``n`` schools in ``folder``: the project in ``project/``, the baseline in
    ``kaal/``."""
    root, bare = folder / "project", folder / "kaal"
    progress(n, f"project maken: {goals} leerdoelen, {n} scholen (niet getimed)")
    frame = make_project(root, goals, n)
    progress(n, "check vooraf (moet slagen)")
    result, check_alone = assert_valid(root)
    del result
    bare_config: Path | None = None
    best_ours: Ours | None = None
    best_bare: Seconds | None = None
    pages = md_pages = 0
    for run in range(1, repeat + 1):
        label = f" (ronde {run}/{repeat})" if repeat > 1 else ""
        ours = bench_site.build_ours(root, f"N={n}", label)
        if best_ours is None or ours.total.wall < best_ours.total.wall:
            best_ours = ours
        if bare_config is None:
            progress(n, "kale mkdocs-site maken (niet getimed)")
            site_pages = built_pages(root / "public")
            pages = len(site_pages)
            md_pages = len(bench_site.markdown_pages(root / bench_site.PAGES))
            bare_config = bench_site.make_bare_site(bare, site_pages)
        progress(n, f"kale mkdocs bouwen{label}")
        seconds = bench_site.build_bare(bare_config, bare / "site")
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
        best_ours,
        best_bare,
        school_pages,
        school_bytes,
    )


# --- the report ---------------------------------------------------------------------------


def row(label: str, value: str, note: str = "") -> None:
    print(f"  {label:<34}{value:>22}  {note}".rstrip())


def secs(t: Seconds) -> str:
    return f"{t.wall:.2f} s (cpu {t.cpu:.2f})"


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
    row("leerdoelen build (totaal)", secs(o.total), f"{r.pages / o.total.wall:.0f} pagina's/s")
    row("  check + genereren", secs(o.generate), share(o.generate, o.total))
    row("  mkdocs", secs(o.mkdocs), share(o.mkdocs, o.total))
    row("  rest (scholen koppelen, wisselen)", secs(r.rest), share(r.rest, o.total))
    row("check alleen (apart, vooraf)", secs(r.check_alone))
    row(
        f"kale mkdocs ({r.pages} pagina's)", secs(r.bare), f"{r.pages / r.bare.wall:.0f} pagina's/s"
    )
    ratio = o.total.wall / r.bare.wall
    row(
        "ons / kaal",
        f"{ratio:.2f}x",
        f"cpu {o.total.cpu / r.bare.cpu:.2f}x; doel ≤ {TARGET:.1f}: {gehaald(ratio <= TARGET)}",
    )
    row("ons mkdocs / kaal", f"{o.mkdocs.wall / r.bare.wall:.2f}x")
    row(
        "per school (ons totaal)",
        f"{o.total.wall / r.n * 1000:.1f} ms",
        f"cpu {o.total.cpu / r.n * 1000:.1f} ms",
    )
    row("bytes per schoolpagina", f"{r.school_bytes:,.0f}", f"{r.school_pages} schoolpagina's")
    busy = min(o.total.cpu / o.total.wall, r.bare.cpu / r.bare.wall)
    if busy < bench_site.BUSY:
        print(f"  let op: cpu/wand = {busy:.0%}, de machine is druk; vertrouw op de cpu-tijden")


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
        a, b = value(small), value(large)
        print(f"  {label:<34}{a:>10,.2f} → {b:>10,.2f}   groei {b / a:.2f}x")
    growth = large.school_bytes / small.school_bytes
    if growth <= FLAT:
        print(f"  schoolpagina vlak: groeit {growth:.2f}x (grens {FLAT}x)")
    else:
        print(
            f"  !! schoolpagina groeit {growth:.2f}x (grens {FLAT}x): er staat iets op dat "
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
        growth, what = costs[-1] / costs[0], "marginale cpu-tijd per school"
    else:
        small, large = ordered[0], ordered[-1]
        growth = (large.ours.total.cpu / large.n) / (small.ours.total.cpu / small.n)
        what = "cpu-tijd per school"
    if growth > bench_site.SUPERLINEAR:
        print(
            f"\n!! Superlineair: {what} groeit {growth:.2f}x (> {bench_site.SUPERLINEAR}x). "
            "Zoek een O(n²)-val: iets per school dat alle scholen doorloopt."
        )
    else:
        print(f"\nLineair: {what} groeit {growth:.2f}x (grens {bench_site.SUPERLINEAR}x).")


# --- the profile --------------------------------------------------------------------------

# Main steps: (label, file path ending, function); their cumulative time is shown.
STEPS = (
    ("generate (check + renderen + schrijven)", "leerdoelen/commands/build.py", "generate"),
    ("  check (laden, valideren, regels)", "leerdoelen/commands/check.py", "check"),
    ("  render_pages (leerdoelpagina's)", "leerdoelen/render/pages.py", "render_pages"),
    ("  render_adoptie (scholen, netwerken)", "leerdoelen/render/adoptie.py", "render_adoptie"),
    ("    csv_bytes", "leerdoelen/export/tables.py", "csv_bytes"),
    ("    xlsx_bytes", "leerdoelen/export/tables.py", "xlsx_bytes"),
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
    bench_site.clean(root)

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
    if not 1 <= args.goals <= bench_site.MAX_N:
        parser.error(f"--goals: tussen 1 en {bench_site.MAX_N}")
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
