"""Golden tests: the exact CLI output over the example projects in tests/golden/.

Each case is a small project (``goals/…``) with one ``expected-<format>.txt`` per output
format: what ``leerdoelen check`` prints, then ``exit N``. To accept a deliberate change
of output, run ``UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest

from leerdoelen.cli import main

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(
    (expected.parent.name, expected.stem.removeprefix("expected-"))
    for expected in GOLDEN.glob("*/expected-*.txt")
)


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(argv))
    return code, out.getvalue()


@pytest.mark.parametrize(("case", "fmt"), CASES, ids=[f"{c}-{f}" for c, f in CASES])
def test_golden_output(case: str, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("LEERDOELEN_VANDAAG", "2026-11-29")  # dates keep their meaning
    code, out = run("-C", str(GOLDEN / case), "check", "--format", fmt)
    actual = f"{out}exit {code}\n"
    expected_file = GOLDEN / case / f"expected-{fmt}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.write_text(actual, encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8")


def test_every_case_has_text_output() -> None:
    cases = {p.name for p in GOLDEN.iterdir() if (p / "goals").is_dir()}
    assert cases == {case for case, fmt in CASES if fmt == "text"}
    assert {"geldig", "yaml-fouten", "schema-fouten", "regels", "kader-fouten"} <= cases
    assert "adoptie-fouten" in cases
