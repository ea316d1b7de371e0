"""Benchmark: how fast is the goals' git history (``leerdoelen.versions.log.read_history``)?

The script makes a synthetic content repository with ``git fast-import`` (committing one
by one through GitPython would take minutes): ``--goals`` goal files in two domains and
``--commits`` commits. The first commit adds half the goals; later commits change one to
three goals, now and then add a goal, move one to the other domain (a rename), delete
one, or change only a file outside ``goals/``. Then it times, on the same repository:

1. *ours*: ``read_history(root, ["goals"])``, the one ``git log`` pass the site makes,
   parsed into every file's history (renames followed);
2. *plain*: one ``git log --name-only`` pass over the whole repository, output read but
   not parsed: the baseline that no history from git can beat by much;
3. *ours without renames*: our ``git log`` with ``--no-renames``, to show what following
   renames costs (git only, no parsing);
4. *naive*: GitPython's ``repo.iter_commits(paths=file)`` per goal file, reading each
   commit's date, author and message. This takes long, so by default it runs on a
   sample of ``--sample`` files and is extrapolated to all goals (the output says so);
   ``--sample 0`` runs it on every goal file.

Each timing is the best of ``--repeat`` runs, round-robin, with a full garbage collection
before each (``tools/timing.py``). The machine may be noisy, so the ratios matter:
``ours / plain`` should be at most 2.0.

This is a tool for the maintainer, not a test: it is not run in CI. Run it from the
project root:

    python -m tools.bench_history [--goals 400] [--commits 5000] [--repeat 3] [--sample 40]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import git

from leerdoelen.versions.log import LOG, read_history
from tools.timing import best_of

SEED = 20261129
TARGET = 2.0  # ours / plain: at most
DOMEINEN = (("digitale-geletterdheid", "DG"), ("mens-en-natuur", "MN"))
AUTEURS = ("Anna de Vries", "Bram Jansen", "Chantal Bakker", "Daan Visser", "Eva Smit")
WOORDEN = (
    "omschrijving",
    "groepen",
    "voorbeelden",
    "uitwerkingen",
    "voorkennis",
    "trefwoorden",
    "verduidelijkt",
    "aangescherpt",
    "na consultatie",
    "taalfout",
    "kerndoel",
)
START = 1_700_000_000  # 14 November 2023; every commit some hours later


def goal_text(code: str, version: int, rng: random.Random) -> str:
    """A goal file of realistic size (~0.7 kB) that differs per version."""
    zinnen = " ".join(rng.choice(WOORDEN) for _ in range(40))
    return (
        "# yaml-language-server: $schema=../../schemas/leerdoel.schema.json\n"
        f"code: {code}\n"
        f"titel: Leerdoel {code}, versie {version}\n"
        f"omschrijving: >-\n  De leerling {zinnen}.\n"
        "groepen: [5-6, 7-8]\n"
        "uitwerkingen:\n"
        + "".join(f"  - {rng.choice(WOORDEN)} {rng.choice(WOORDEN)} {i}\n" for i in range(8))
        + "status: vastgesteld\n"
    )


class Stream:
    """A ``git fast-import`` stream, written to a file."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def data(self, text: str) -> None:
        raw = text.encode("utf-8")
        self.parts.append(b"data %d\n" % len(raw) + raw + b"\n")

    def line(self, text: str) -> None:
        self.parts.append(text.encode("utf-8") + b"\n")

    def bytes(self) -> bytes:
        return b"".join(self.parts)


def make_repository(root: Path, goals: int, commits: int) -> dict[str, int]:
    """A repository with ``commits`` commits on ``main``; returns counts of what it did."""
    rng = random.Random(SEED)
    stream = Stream()
    live: dict[str, str] = {}  # code → path
    version: dict[str, int] = {}
    counts = {"toegevoegd": 0, "gewijzigd": 0, "verplaatst": 0, "verwijderd": 0, "overig": 0}
    next_code = 1

    def path(code: str, domein: str) -> str:
        return f"goals/{domein}/{code}.yaml"

    def add(ops: list[str]) -> None:
        nonlocal next_code
        domein, prefix = DOMEINEN[next_code % 2]
        code = f"{prefix}-{next_code:03d}"
        next_code += 1
        live[code] = path(code, domein)
        version[code] = 1
        ops.append(f"M 100644 inline {live[code]}\n" + _data(goal_text(code, 1, rng)))
        counts["toegevoegd"] += 1

    for number in range(commits):
        ops: list[str] = []
        if number == 0:
            for _ in range(goals // 2):
                add(ops)
            for domein, _ in DOMEINEN:
                ops.append(f"M 100644 inline goals/{domein}/kader.yaml\n" + _data(domein))
            ops.append("M 100644 inline README.md\n" + _data("# Inhoud\n"))
        else:
            kind = rng.random()
            if kind < 0.06 and next_code <= goals:
                add(ops)
            elif kind < 0.07 and live:
                code = rng.choice(sorted(live))
                old = live[code]
                domein = next(d for d, _ in DOMEINEN if f"/{d}/" not in old)
                live[code] = path(code, domein)
                ops.append(f'R "{old}" "{live[code]}"')
                counts["verplaatst"] += 1
            elif kind < 0.072 and len(live) > goals // 2:
                code = rng.choice(sorted(live))
                ops.append(f"D {live.pop(code)}")
                counts["verwijderd"] += 1
            elif kind < 0.12:
                ops.append("M 100644 inline site/pages/index.md\n" + _data(f"# Versie {number}\n"))
                counts["overig"] += 1
            else:
                for code in rng.sample(sorted(live), rng.randint(1, 3)):
                    version[code] += 1
                    text = goal_text(code, version[code], rng)
                    ops.append(f"M 100644 inline {live[code]}\n" + _data(text))
                    counts["gewijzigd"] += 1
        auteur = rng.choice(AUTEURS)
        email = auteur.split()[0].lower() + "@example.org"
        when = START + number * 3 * 3600
        stream.line("commit refs/heads/main")
        stream.line(f"author {auteur} <{email}> {when} +0100")
        stream.line(f"committer {auteur} <{email}> {when} +0100")
        woorden = " ".join(rng.choice(WOORDEN) for _ in range(rng.randint(2, 8)))
        stream.data(f"Wijziging {number}: {woorden}\n")
        # fast-import continues the branch from its last commit: no "from" needed.
        for op in ops:
            stream.line(op)
        stream.line("")
    repo = git.Repo.init(root, initial_branch="main")
    subprocess.run(["git", "fast-import", "--quiet"], cwd=root, input=stream.bytes(), check=True)
    repo.git.checkout("--quiet", "main")
    return counts


def _data(text: str) -> str:
    return f"data {len(text.encode('utf-8'))}\n{text}"


def naive(repo: git.Repo, paths: Sequence[str]) -> int:
    """Per file, its commits through GitPython, reading what a goal page shows."""
    seen = 0
    for path in paths:
        for commit in repo.iter_commits(paths=path):
            _ = (commit.authored_datetime, commit.author.name, commit.message)
            seen += 1
    return seen


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--goals", type=int, default=400)
    parser.add_argument("--commits", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sample", type=int, default=40, help="0: every goal file")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-history-") as folder:
        root = Path(folder)
        start = time.perf_counter()
        counts = make_repository(root, args.goals, args.commits)
        made = time.perf_counter() - start
        repo = git.Repo(root)
        goal_files = sorted(p.relative_to(root).as_posix() for p in root.glob("goals/*/*-*.yaml"))
        print(
            f"repository: {args.commits} commits, {len(goal_files)} doelbestanden "
            f"({', '.join(f'{v} {k}' for k, v in counts.items())}), "
            f"gemaakt met git fast-import in {made:.1f} s"
        )

        history = read_history(root, ["goals"])
        assert history.availability == "full"
        assert set(goal_files) <= set(history.files), "niet elk doel heeft geschiedenis"
        changes = sum(len(f.changes) for f in history.files.values())

        def plain() -> None:
            subprocess.run(["git", "log", "--name-only"], cwd=root, capture_output=True, check=True)

        def no_renames() -> None:
            arguments = [a if a != "-M" else "--no-renames" for a in LOG]
            subprocess.run(
                ["git", *arguments, "--", "goals"], cwd=root, capture_output=True, check=True
            )

        def with_renames() -> None:
            subprocess.run(["git", *LOG, "--", "goals"], cwd=root, capture_output=True, check=True)

        ours_t, plain_t, bare_t, renames_t = best_of(  # round-robin: noise hits each alike
            args.repeat, (lambda: read_history(root, ["goals"]), plain, no_renames, with_renames)
        )

        sample = (
            goal_files
            if args.sample <= 0
            else random.Random(SEED).sample(goal_files, min(args.sample, len(goal_files)))
        )
        start = time.perf_counter()
        naive_commits = naive(repo, sample)
        naive_t = (time.perf_counter() - start) * len(goal_files) / len(sample)
        estimated = len(sample) < len(goal_files)

    ratio = ours_t / plain_t
    n = len(goal_files)
    how = f"geschat uit {len(sample)} van {n} bestanden, x{n / len(sample):.0f}"
    if not estimated:
        how = f"alle {n} bestanden"
    verdict = "OK" if ratio <= TARGET else "TE TRAAG"
    print(f"ours (read_history, {changes} wijzigingen):  {ours_t:8.3f} s")
    print(f"  alleen onze git log (met -M):           {renames_t:8.3f} s")
    print(f"  git log zonder hernoemingen:             {bare_t:8.3f} s")
    print(f"plain git log --name-only:                 {plain_t:8.3f} s")
    print(f"naive iter_commits per bestand:            {naive_t:8.3f} s  ({how})")
    print(f"  ({naive_commits} commits gelezen)")
    print(f"ours / plain:  {ratio:5.2f}  (doel: hoogstens {TARGET:.1f}) {verdict}")
    print(f"naive / ours:  {naive_t / ours_t:5.0f}")
    print(f"hernoemingen volgen kost {renames_t / bare_t:.2f}x de git log zonder")
    if ratio > TARGET:
        sys.exit(1)


if __name__ == "__main__":
    main()
