"""Cross-file rules: the cycle finder, and check() over small real projects."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from leerdoelen.check import check
from leerdoelen.validate.rules import find_cycles

GELDIG = Path(__file__).parent / "golden" / "geldig"
GOAL = "goals/digitale-geletterdheid"


def test_no_cycles_in_a_chain() -> None:
    assert find_cycles({"a": ["b"], "b": ["c"], "c": []}) == []


def test_self_reference_is_a_cycle() -> None:
    assert find_cycles({"a": ["a"]}) == [["a", "a"]]


def test_cycle_is_named_in_full_from_its_least_code() -> None:
    graph = {"DG-009": ["DG-004"], "DG-004": ["DG-007"], "DG-007": ["DG-009"], "DG-001": []}
    assert find_cycles(graph) == [["DG-004", "DG-007", "DG-009", "DG-004"]]


def test_two_separate_cycles_are_both_reported() -> None:
    graph = {"a": ["b"], "b": ["a"], "c": ["d"], "d": ["c"]}
    assert find_cycles(graph) == [["a", "b", "a"], ["c", "d", "c"]]


def test_long_chain_does_not_exhaust_the_stack() -> None:
    graph = {f"n{i:05}": [f"n{i + 1:05}"] for i in range(50_000)}
    graph["n50000"] = ["n00000"]
    [cycle] = find_cycles(graph)
    assert len(cycle) == 50_002


def test_unknown_targets_are_ignored_by_the_cycle_finder() -> None:
    assert find_cycles({"a": ["zz"]}) == []


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(GELDIG, tmp_path, dirs_exist_ok=True)
    return tmp_path


def codes(root: Path) -> list[str]:
    return [d.code for d in check(root).diagnostics]


def test_the_example_project_is_clean(project: Path) -> None:
    result = check(project)
    assert result.ok and result.diagnostics == [] and result.files == 4


def test_voorkennis_band_rule_uses_the_lowest_band(project: Path) -> None:
    target = project / GOAL / "DG-001.yaml"
    target.write_text(target.read_text().replace("groepen: [1-2]", "groepen: [5-6, 7-8]"))
    assert codes(project) == ["LD305"]  # DG-002 (3-4) builds on DG-001, which now starts in 5-6


def test_only_paths_limits_the_report_but_not_the_references(project: Path) -> None:
    target = project / GOAL / "DG-002.yaml"
    target.write_text(target.read_text().replace("voorkennis: [DG-001]", "voorkennis: [DG-404]"))
    assert [d.code for d in check(project, [f"{GOAL}/DG-001.yaml"]).diagnostics] == []
    assert [d.code for d in check(project, [f"{GOAL}/DG-002.yaml"]).diagnostics] == ["LD303"]
    assert check(project, [GOAL]).files == 4


def test_every_problem_in_one_run(project: Path) -> None:
    for name in ("DG-001.yaml", "DG-002.yaml"):
        target = project / GOAL / name
        target.write_text(target.read_text().replace("status: vastgesteld", "status: klaar"))
    assert codes(project) == ["LD204", "LD204"]


def test_a_cycle_shows_when_any_file_in_it_is_checked(project: Path) -> None:
    target = project / GOAL / "DG-001.yaml"
    target.write_text(
        target.read_text().replace("groepen: [1-2]", "groepen: [3-4]\nvoorkennis: [DG-002]")
    )
    for name in ("DG-001.yaml", "DG-002.yaml"):
        assert [d.code for d in check(project, [f"{GOAL}/{name}"]).diagnostics] == ["LD304"]
