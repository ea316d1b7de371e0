"""Cross-file rules: the cycle finder, and check() over small real projects."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from leerdoelen.commands.check import check
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


def test_knots_are_the_strongly_connected_components_with_a_cycle() -> None:
    from leerdoelen.validate.rules import knots

    graph = {"a": ["b"], "b": ["c", "a"], "c": ["b"], "d": ["a", "e"], "e": ["e"], "f": ["d"]}
    assert knots(graph) == [["a", "b", "c"], ["e"]]


def ring_with_spokes(n: int) -> dict[str, list[str]]:
    """Each goal builds on the next and on the first: n - 1 elementary cycles, one knot."""
    codes = [f"DG-{1000 + i}" for i in range(n)]
    spokes = {code: [codes[(i + 1) % n], codes[0]] for i, code in enumerate(codes)}
    return {code: sorted(set(builds_on) - {code}) for code, builds_on in spokes.items()}


def test_a_knot_is_named_by_one_shortest_cycle_however_many_it_holds() -> None:
    from leerdoelen.validate.rules import knots

    graph = ring_with_spokes(3000)
    assert knots(graph) == [sorted(graph)]
    assert find_cycles(graph) == [["DG-1000", "DG-1001", "DG-1000"]]


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


@pytest.mark.slow  # a second: 3000 goals
def test_3000_goals_in_one_knot_give_one_short_diagnostic(project: Path) -> None:
    # Seen: 2,999 diagnostics, each naming the whole cycle: 54 MB of output.
    template = (project / GOAL / "DG-002.yaml").read_text(encoding="utf-8")
    for code, voorkennis in ring_with_spokes(3000).items():
        text = template.replace("DG-002", code).replace("[DG-001]", f"[{', '.join(voorkennis)}]")
        (project / GOAL / f"{code}.yaml").write_text(text, encoding="utf-8")
    result = check(project)
    [found] = result.diagnostics
    assert (found.path, found.line, found.column, found.code) == (
        f"{GOAL}/DG-1000.yaml",
        8,
        14,
        "LD304",
    )
    assert found.message == (
        "voorkennis vormt een kring: DG-1000 → DG-1001 → DG-1000; ook DG-1002, DG-1003, "
        "DG-1004, DG-1005, DG-1006 en 2.993 meer zitten erin vast"
    )
    assert len(found.related) == 2999  # checking any one of its files shows it


def test_a_long_cycle_is_shown_with_its_first_few_goals(project: Path) -> None:
    template = (project / GOAL / "DG-002.yaml").read_text(encoding="utf-8")
    codes = [f"DG-{1000 + i}" for i in range(40)]
    for i, code in enumerate(codes):
        nxt = codes[(i + 1) % len(codes)]
        text = template.replace("DG-002", code).replace("[DG-001]", f"[{nxt}]")
        (project / GOAL / f"{code}.yaml").write_text(text, encoding="utf-8")
    [found] = check(project).diagnostics
    assert found.message == (
        "voorkennis vormt een kring: DG-1000 → DG-1001 → DG-1002 → DG-1003 → DG-1004 → "
        "… (en 35 meer) → DG-1000"
    )


def test_a_long_list_in_a_message_is_bounded(project: Path) -> None:
    target = project / GOAL / "DG-003.yaml"
    text = target.read_text(encoding="utf-8")
    assert "vervangen_door: [DG-002]" in text
    many = ", ".join(f"DG-{9000 + i}" for i in range(800))
    target.write_text(text.replace("[DG-002]", f"[DG-002, {many}]"), encoding="utf-8")
    user = project / GOAL / "DG-002.yaml"  # builds on the vervallen DG-003: LD311 names 801
    user.write_text(user.read_text().replace("[DG-001]", "[DG-001, DG-003]"), encoding="utf-8")
    found = check(project).diagnostics
    assert found and all(len(d.message) < 400 for d in found)
    [replaced] = [d.message for d in found if d.code == "LD311"]
    assert replaced.endswith("; gebruik DG-002, DG-9000, DG-9001, DG-9002, DG-9003 en 796 meer")
