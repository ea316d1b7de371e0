"""Benchmark: how fast is ``leerdoelen check`` on a large, valid content tree?

For each size N the script writes N synthetic but realistic leerdoelen (plus one
``kader.yaml`` per domain; ``tools/synthetic.py``) to a temporary folder, makes sure
``check`` finds no errors there (so the valid fast path is measured), and then times, over
the same files:

1. ``leerdoelen check``: in-process ``leerdoelen.commands.check.check(root)``, the whole project
   (load, validate every file, rules across files);
2. PyYAML C-loader parse: read every ``.yaml`` under ``goals/`` and parse it with
   ``yaml.CSafeLoader``, the raw baseline that no YAML-based check can beat;
3. ``check-jsonschema``: the CLI in a subprocess, once for the leerdoelen and once for
   the kaders, summed; its exit code must be 0, which also proves the files are valid
   against the JSON Schemas in ``schemas/``.

Each timing is the best of ``--repeat`` runs (``time.perf_counter``). The three take
turns, round-robin, with a full garbage collection before each run. The machine may be
noisy, so the ratios matter, not the absolute times: ``check / raw parse`` should be at
most 2.0 and ``check-jsonschema / check`` at least 5.0. ``--profile`` runs cProfile on one
check at the largest N, to find hot spots.

This is a tool for the maintainer, not a test: it is not run in CI. Run it from the
project root:

    python -m tools.bench_check [--sizes 2000 10000] [--repeat 3] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from leerdoelen.commands.check import check
from tools.synthetic import MAX_GOALS, PROJECT, write_goals
from tools.timing import best_of

SCHEMAS = PROJECT / "schemas"
TARGET_PARSE = 2.0  # check / raw parse: at most
TARGET_JSONSCHEMA = 5.0  # check-jsonschema / check: at least

# --- the measurements ---------------------------------------------------------------------


def yaml_files(root: Path) -> list[Path]:
    return sorted((root / "goals").rglob("*.yaml"))


def raw_parse(files: list[Path]) -> None:
    for file in files:
        yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def argv_chunks(fixed: list[str], files: list[str]) -> Iterator[list[str]]:
    """Command lines of ``fixed + files`` that each fit comfortably within ARG_MAX."""
    budget = os.sysconf("SC_ARG_MAX") // 2 - sum(len(k) + len(v) + 2 for k, v in os.environ.items())
    chunk: list[str] = []
    size = sum(len(arg) + 1 for arg in fixed)
    for file in files:
        if chunk and size + len(file) + 1 > budget:
            yield fixed + chunk
            chunk, size = [], sum(len(arg) + 1 for arg in fixed)
        chunk.append(file)
        size += len(file) + 1
    if chunk:
        yield fixed + chunk


def jsonschema_commands(root: Path) -> list[list[str]]:
    """check-jsonschema calls for the leerdoelen and for the kaders (paths relative to root)."""
    exe = str(Path(sys.executable).parent / "check-jsonschema")
    files = [f.relative_to(root).as_posix() for f in yaml_files(root)]
    kaders = [f for f in files if f.endswith("/kader.yaml")]
    doelen = [f for f in files if not f.endswith("/kader.yaml")]
    commands: list[list[str]] = []
    for schema, group in (("leerdoel", doelen), ("kader", kaders)):
        fixed = [exe, "--schemafile", str(SCHEMAS / f"{schema}.schema.json")]
        commands += argv_chunks(fixed, group)
    return commands


def run_jsonschema(root: Path, commands: list[list[str]]) -> None:
    for command in commands:
        done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            output = (done.stdout + done.stderr).strip().splitlines()
            sys.exit(
                f"check-jsonschema faalde (exit {done.returncode}):\n" + "\n".join(output[:20])
            )


def assert_valid(root: Path) -> int:
    """Exit 1 unless check finds no errors; the number of files it checked."""
    result = check(root)
    if not result.ok:
        print(f"check vond {result.errors} fout(en) in de gegenereerde bestanden:")
        for d in result.diagnostics[:10]:
            print(f"  {d.path}:{d.line}:{d.column}: {d.code} {d.message}")
        sys.exit(1)
    if result.warnings:
        print(f"let op: check gaf {result.warnings} waarschuwing(en)")
    return result.files


@dataclass(frozen=True)
class Timings:
    check: float
    parse: float
    jsonschema: float


def measure(root: Path, repeat: int) -> Timings:
    files = yaml_files(root)
    commands = jsonschema_commands(root)
    runs = (lambda: check(root), lambda: raw_parse(files), lambda: run_jsonschema(root, commands))
    return Timings(*best_of(repeat, runs))


def verdict(ratio: float, target: float, at_most: bool) -> str:
    met = ratio <= target if at_most else ratio >= target
    sign = "≤" if at_most else "≥"
    return f"doel {sign} {target:.1f}: {'gehaald' if met else 'niet gehaald'}"


def report(n: int, files: int, repeat: int, t: Timings) -> None:
    print(f"\nN = {n} leerdoelen ({files} bestanden), beste van {repeat}")
    print(f"  {'leerdoelen check':<28}{t.check:>9.3f} s")
    print(f"  {'PyYAML C-loader parse':<28}{t.parse:>9.3f} s")
    print(f"  {'check-jsonschema':<28}{t.jsonschema:>9.3f} s")
    parse_ratio = t.check / t.parse
    schema_ratio = t.jsonschema / t.check
    print(
        f"  {'check / raw parse':<28}{parse_ratio:>9.2f}    "
        + verdict(parse_ratio, TARGET_PARSE, at_most=True)
    )
    print(
        f"  {'check-jsonschema / check':<28}{schema_ratio:>9.2f}    "
        + verdict(schema_ratio, TARGET_JSONSCHEMA, at_most=False)
    )


def profile(root: Path, n: int, top: int = 25) -> None:
    print(f"\ncProfile van één check bij N = {n} (top {top}, cumulatief):")
    profiler = cProfile.Profile()
    profiler.runcall(check, root)
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(top)


def bench(n: int, repeat: int, with_profile: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-check-") as folder:
        root = Path(folder)
        write_goals(root, n)
        files = assert_valid(root)
        report(n, files, repeat, measure(root, repeat))
        if with_profile:
            profile(root, n)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000], metavar="N")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing; the best counts")
    parser.add_argument(
        "--profile", action="store_true", help="cProfile one check at the largest N"
    )
    args = parser.parse_args(argv)
    if any(not 1 <= n <= MAX_GOALS for n in args.sizes):
        parser.error(f"--sizes: elke N moet tussen 1 en {MAX_GOALS} liggen")
    if args.repeat < 1:
        parser.error("--repeat: minstens 1")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    for schema in ("leerdoel", "kader"):
        if not (SCHEMAS / f"{schema}.schema.json").is_file():
            sys.exit(f"schema ontbreekt: {SCHEMAS / schema}.schema.json (leerdoelen schemas)")
    largest = args.sizes.index(max(args.sizes))
    for i, n in enumerate(args.sizes):
        bench(n, args.repeat, with_profile=args.profile and i == largest)


if __name__ == "__main__":
    main()
