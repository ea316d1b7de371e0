"""How long does ``leerdoelen import slo`` take? On the fixture, and on a scaled copy.

    python -m tools.bench_import [FIXTURE] [--sets N]     (from the project root)

The scaled input replicates the fixture's set N times (new UUIDs, titles "… 2", "… 3"),
so that with N=160 it holds about as many doelzinnen as SLO's whole curriculum-fo
(2,860). Each measurement imports into a fresh empty project; not run in CI.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import uuid
from pathlib import Path

from leerdoelen.commands.import_slo import import_slo
from tools.synthetic import PROJECT
from tools.timing import Seconds, clock

FIXTURE = PROJECT / "tests" / "fixtures" / "slo-curriculum-fo-dg"
FILES = [
    "sets",
    "domeinen",
    "subdomeinen",
    "kernzinnen",
    "doelzinnen",
    "uitwerkingen",
    "illustraties",
]


def _name(n: int) -> str:
    """Distinct words per copy whose initials differ too (own slug and afkorting)."""
    letters = "".join(chr(97 + (n // 26**i) % 26) for i in (2, 1, 0))
    return " ".join(f"{letter}vak" for letter in letters)


def scaled(source: Path, target: Path, copies: int) -> int:
    shutil.copytree(source, target)
    for path in target.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    data = {n: json.loads((source / "data" / f"{n}.json").read_text()) for n in FILES}
    out: dict[str, list] = {n: [] for n in FILES}
    for copy in range(copies):
        ids: dict[str, str] = {}

        def new(old: str, ids: dict[str, str] = ids, copy: int = copy) -> str:
            return ids.setdefault(old, str(uuid.uuid4()) if copy else old)

        for name, items in data.items():
            for item in items:
                item = json.loads(json.dumps(item))
                item["id"] = new(item["id"])
                for key, value in item.items():
                    if key.startswith("fo_") and key.endswith("_id"):
                        item[key] = [new(v) for v in value]
                if name == "sets" and copy:
                    item["title"] = f"Kerndoelen {_name(copy)} kunde"
                out[name].append(item)
    for name, items in out.items():
        (target / "data" / f"{name}.json").write_text(json.dumps(items, ensure_ascii=False))
    return len(out["doelzinnen"])


def measure(source: Path, sets: list[str]) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        (project / "goals").mkdir()
        times: list[Seconds] = []
        with clock(times.append):
            result = import_slo(project, source, sets, ["po"])
        assert not result.problems, result.problems[:5]
        return times[0].wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("fixture", nargs="?", type=Path, default=FIXTURE)
    parser.add_argument("--sets", type=int, default=160)
    args = parser.parse_args()
    print(f"fixture (18 doelzinnen): {measure(args.fixture, []):.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "groot"
        doelzinnen = scaled(args.fixture, big, args.sets)
        titles = [s["title"] for s in json.loads((big / "data" / "sets.json").read_text())]
        print(f"{args.sets} sets ({doelzinnen} doelzinnen): {measure(big, titles):.2f} s")


if __name__ == "__main__":
    main()
