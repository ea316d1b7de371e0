"""Mutated YAML never escapes as an exception, from the loader or from a whole check.

Bounded so that it fits CI: a few hundred examples, no deadline.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leerdoelen.commands.check import check
from leerdoelen.core.catalogue import CATALOGUE
from leerdoelen.core.model import Kader, Leerdoel
from leerdoelen.load.shape import validate_shape
from leerdoelen.load.yamlfile import parse_yaml

pytestmark = pytest.mark.slow  # hypothesis fuzzing of the loader and of check

GELDIG = Path(__file__).parent / "golden" / "geldig"
GOAL = Path("goals/digitale-geletterdheid/DG-002.yaml")
KADER = Path("goals/digitale-geletterdheid/kader.yaml")
SEEDS = {GOAL: (GELDIG / GOAL).read_bytes(), KADER: (GELDIG / KADER).read_bytes()}

# Bytes that mean something to YAML, plus some that never should appear.
SPICY = [
    *(bytes([c]) for c in b":-[]{}&*!#|>'\"\t\n ?%@`,~"),
    b"no",
    b"on",
    b"010",
    b"1:30",
    b"2024-01-01",
    b"!!python/name:os.system",
    b"&a ",
    b"*a",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\x00",
    b"\r\n",
    b"---\n",
    b"...\n",
    b"<<: ",
    b"- - - ",
]


@st.composite
def mutated(draw: st.DrawFn, seed: bytes, spicy: list[bytes] = SPICY) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "delete", "swap", "random"]))
        if kind == "insert":
            data[at:at] = draw(st.sampled_from(spicy))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 20))]
        elif kind == "swap":
            lines = bytes(data).split(b"\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            data = bytearray(b"\n".join(lines))
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
    return bytes(data)


def _assert_clean(problems: list) -> None:
    for found in problems:
        assert found.code in CATALOGUE
        assert found.line >= 0 and found.column >= 0
        assert found.message


@settings(max_examples=400, deadline=None)
@given(data=st.data(), which=st.sampled_from([GOAL, KADER]))
def test_loader_and_shape_never_raise(data: st.DataObject, which: Path) -> None:
    raw = data.draw(mutated(SEEDS[which]))
    loaded = parse_yaml(raw, which.as_posix())
    if loaded.ok:
        validate_shape(loaded, Kader if which == KADER else Leerdoel)
    _assert_clean(loaded.problems)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(GELDIG, root, dirs_exist_ok=True)
    return root


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), which=st.sampled_from([GOAL, KADER]))
def test_check_never_raises(project: Path, data: st.DataObject, which: Path) -> None:
    raw = data.draw(mutated(SEEDS[which]))
    try:
        (project / which).write_bytes(raw)
        result = check(project)
    finally:
        (project / which).write_bytes(SEEDS[which])
    _assert_clean(result.diagnostics)
    assert result.files == 4
