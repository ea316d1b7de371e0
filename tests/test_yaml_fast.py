"""The loader's fast path (yaml-rs) gives exactly what the position-aware path gives.

For every YAML file the project and its tests hold, and for mutations of real goal, frame,
school and network files: the same data (types included), the same problems and the same
warnings with either path. And the fast path does answer for ordinary files, or it would
be no faster.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st
from test_fuzz import SPICY, mutated

from leerdoelen.load.yamlfast import Unsure, fast_data
from leerdoelen.load.yamlfile import YamlFile, parse_yaml, plain_tag

FILES = sorted(
    path
    for folder in ("goals", "adoptie", "tests", "site")
    for pattern in ("*.yaml", "*.yml")
    for path in (ROOT / folder).rglob(pattern)
)
SEEDS = [
    ROOT / "goals" / "digitale-geletterdheid" / "DG-002.yaml",
    ROOT / "goals" / "digitale-geletterdheid" / "kader.yaml",
    ROOT / "adoptie" / "scholen" / "99AA.yaml",
    ROOT / "adoptie" / "netwerken" / "swv-de-brug.yaml",
]
# Where YAML 1.1 (PyYAML) and 1.2 (yaml-rs) part ways, and what the warnings look for.
DIVIDING = [
    b"'2026-03-01'",
    b'"2026-03-01"',
    b"2026-03-01 10:00",
    b'"\\/"',
    b'"\\x41"',
    b"[a:]",
    b"[a:b]",
    b"{a:b}",
    "\u2028".encode(),
    "\x85".encode(),
    b"%YAML 1.2\n",
    b"0x1F",
    b"0o17",
    b"1_000",
    b"1e3",
    b".inf",
    b"Yes",
    b"=",
    b"? ",
    b"-   ",
    b"\n   - ",
    b"\n  titel:",
    b" - ",
    b">\n  ",
    b"|\n  ",
    b"\t",
]


def typed(value: Any) -> Any:
    """``value`` with every scalar's type beside it: True, 1 and 1.0 differ."""
    if isinstance(value, dict):
        return {typed(k): typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(item) for item in value]
    return (type(value).__name__, value)


def outcome(loaded: YamlFile) -> tuple[Any, ...]:
    said = [(d.code, d.path, d.line, d.column, d.message) for d in loaded.problems]
    warned = [(d.code, d.path, d.line, d.column, d.message) for d in loaded.warnings]
    return typed(loaded.data), said, warned, loaded.text


def assert_same(raw: bytes, path: str) -> None:
    assert outcome(parse_yaml(raw, path)) == outcome(parse_yaml(raw, path, fast=False))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_file_of_the_project_loads_the_same(path: Path) -> None:
    assert_same(path.read_bytes(), path.relative_to(ROOT).as_posix())


@pytest.mark.slow
@settings(max_examples=500, deadline=None)
@given(data=st.data(), seed=st.sampled_from(SEEDS))
def test_mutated_files_load_the_same(data: st.DataObject, seed: Path) -> None:
    raw = data.draw(mutated(seed.read_bytes(), [*SPICY, *DIVIDING]))
    assert_same(raw, seed.relative_to(ROOT).as_posix())


@pytest.mark.parametrize(
    "text",
    [
        "a: '2026-03-01'\n",
        "a: [b:]\n",
        "a: [b:c]\n",
        "a: '\\/'\n",
        'a: "\\/"\n',
        "a: no\n",
        "a: 010\n",
        "a: 1_000\n",
        "a: 12:30:00\n",
        "a: b\na: c\n",
        "--- a\n--- b\n",
        "a:\n  - b\n  -  c\n",
        "- code: A\n  x: 1\n-  code: B\n   x: 2\n",
        "a: eerste regel\n  - tweede\n",
        "a: >\n  tekst\n  titel:\n",
        "? [a]\n: b\n",
        "&: x\n",
        "a: b\u2028c: d\n",
    ],
)
def test_what_parts_yaml_11_and_12_loads_the_same(text: str) -> None:
    assert_same(text.encode(), "x.yaml")


def test_the_fast_path_answers_for_ordinary_files() -> None:
    scholen = sorted((ROOT / "adoptie" / "scholen").glob("*.yaml"))
    goals = sorted((ROOT / "goals").rglob("*-*.yaml"))
    answered = 0
    for path in [*scholen, *goals]:
        try:
            fast_data(path.read_text(encoding="utf-8"), plain_tag)
            answered += 1
        except Unsure:
            pass
    assert answered >= 0.9 * (len(scholen) + len(goals))
    data = fast_data("code: X\ndatum: 2026-03-01\ngroepen: [5-6]\nklaar: true\n", plain_tag)
    assert data == {"code": "X", "datum": dt.date(2026, 3, 1), "groepen": ["5-6"], "klaar": True}
