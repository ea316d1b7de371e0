"""``school sync`` adds a record where its goal belongs in checklist order, keeping every
byte that was there, and on a fresh clone of the project it changes nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from test_school_cli import NETWERK, SCHOOL, assert_clean, project, run, school, write_goal

from leerdoelen.cli import main
from leerdoelen.load.schoolfile import NewRecord, apply, merged, places, read_back

__all__ = ["project"]  # the fixture, shared with test_school_cli

HEAD = "brin: 12AB\nnaam: OBS De Regenboog\nplaats: Groningen\nsoort: bao\nnetwerken: [noord]\n"


def _new(*codes: str) -> list[NewRecord]:
    return [NewRecord(code) for code in codes]


def _codes(text: str) -> list[str]:
    school = read_back(text, "12AB.yaml")
    assert school is not None
    return [r.code for r in school.doelen]


def test_places_after_the_nearest_earlier_goal() -> None:
    codes = ["DG-001", "DG-004", "MN-002"]
    assert places(codes, ["DG-002", "DG-003", "DG-005", "MN-001", "MN-003"]) == [0, 0, 1, 1, 2]
    assert places(codes, ["AA-001"]) == [-1]


def test_places_never_reorders_and_skips_records_without_code() -> None:
    # Out of order already: after the nearest earlier goal the school has, wherever it is.
    assert places(["MN-001", "DG-003", None, "DG-001"], ["DG-002", "DG-004", "MN-002"]) == [
        3,
        1,
        0,
    ]
    assert merged(["a", "b"], ["x", "y", "z"], [-1, 0, 0]) == ["x", "a", "y", "z", "b"]


def test_a_new_record_lands_in_code_order_with_comments_kept() -> None:
    text = (
        HEAD + "doelen:\n"
        "  # Onderbouw\n"
        "  - code: DG-001\n"
        "    status: ingevoerd   # klaar\n"
        "    # nagekeken in juni\n"
        "\n"
        "  # Middenbouw\n"
        "  - code: DG-003\n"
        "    status: bezig\n"
        "  - code: MN-001\n"
        "    status: verkend\n"
    )
    new = apply(text, "12AB.yaml", [], _new("DG-002", "DG-004", "MN-002"))
    assert new == (
        HEAD + "doelen:\n"
        "  # Onderbouw\n"
        "  - code: DG-001\n"
        "    status: ingevoerd   # klaar\n"
        "    # nagekeken in juni\n"
        "  - code: DG-002\n"
        "    status: niet gestart\n"
        "\n"
        "  # Middenbouw\n"
        "  - code: DG-003\n"
        "    status: bezig\n"
        "  - code: DG-004\n"
        "    status: niet gestart\n"
        "  - code: MN-001\n"
        "    status: verkend\n"
        "  - code: MN-002\n"
        "    status: niet gestart\n"
    )


def test_before_the_first_record_goes_above_its_comment() -> None:
    text = HEAD + "doelen:\n# eerst\n- code: DG-002\n  status: bezig\n"
    new = apply(text, "12AB.yaml", [], _new("DG-001"))
    assert new == HEAD + "doelen:\n- code: DG-001\n  status: niet gestart\n# eerst\n" + (
        "- code: DG-002\n  status: bezig\n"
    )


def test_flow_styles_stay_flow() -> None:
    text = HEAD + "doelen: [{code: DG-002, status: bezig}, {code: DG-004, status: bezig}]\n"
    new = apply(text, "12AB.yaml", [], _new("DG-001", "DG-003", "DG-005"))
    assert new == HEAD + (
        "doelen: [{code: DG-001, status: niet gestart}, {code: DG-002, status: bezig}, "
        "{code: DG-003, status: niet gestart}, {code: DG-004, status: bezig}, "
        "{code: DG-005, status: niet gestart}]\n"
    )
    text = HEAD + "doelen:\n  - {code: DG-002, status: bezig}\n"
    new = apply(text, "12AB.yaml", [], _new("DG-001", "DG-003"))
    assert _codes(new) == ["DG-001", "DG-002", "DG-003"]
    assert "  - {code: DG-001, status: niet gestart}\n  - {code: DG-002" in new


def test_out_of_order_records_stay_where_they_are() -> None:
    text = (
        HEAD + "doelen:\n  - code: DG-003\n    status: bezig\n  - code: DG-001\n    status: bezig\n"
    )
    new = apply(text, "12AB.yaml", [], _new("DG-002", "DG-004"))
    assert new == HEAD + (
        "doelen:\n  - code: DG-003\n    status: bezig\n  - code: DG-004\n    status: niet gestart\n"
        "  - code: DG-001\n    status: bezig\n  - code: DG-002\n    status: niet gestart\n"
    )


def test_archiving_and_inserting_after_the_same_record() -> None:
    text = (
        HEAD + "doelen:\n  - code: DG-001\n    status: bezig\n  - code: DG-005\n    status: bezig\n"
    )
    new = apply(text, "12AB.yaml", [0], _new("DG-002"))
    assert new == HEAD + (
        "doelen:\n  - code: DG-001\n    status: bezig\n    gearchiveerd: true\n"
        "  - code: DG-002\n    status: niet gestart\n  - code: DG-005\n    status: bezig\n"
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is niet geïnstalleerd")
def test_sync_on_a_fresh_clone_changes_nothing(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("geen git-checkout")
    clone = tmp_path / "kloon"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    run = subprocess.run(
        [sys.executable, "-m", "leerdoelen", "school", "sync"],
        cwd=clone,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "niets te doen" in run.stdout
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=clone, capture_output=True, text=True, check=True
    )
    assert status.stdout == ""


# --- school sync --netwerk ---------------------------------------------------------------

ANDER = NETWERK.replace("Techniekregio Noord", "Bestuur Zuid").replace("noord", "zuid")


@pytest.fixture
def twee_netwerken(project: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """12AB in techniek-noord, 12AC in bestuur-zuid, 12AD in both; DG-004 is new."""
    (project / "adoptie" / "netwerken" / "bestuur-zuid.yaml").write_text(ANDER, "utf-8")
    base = ("--plaats", "Ee", "--netwerk")
    assert run(project, capsys, "add", "12AC", "--naam", "Zuid", *base, "bestuur-zuid")[0] == 0
    both = (*base, "bestuur-zuid", "--netwerk", "techniek-noord")
    assert run(project, capsys, "add", "12AD", "--naam", "Beide", *both)[0] == 0
    write_goal(project, "DG-004")
    return project


def test_sync_netwerk_touches_only_that_networks_schools(
    twee_netwerken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = school(twee_netwerken, "12AC")
    code, out, err = run(twee_netwerken, capsys, "sync", "--netwerk", "techniek-noord")
    assert (code, err) == (0, "")
    assert "12AB.yaml" in out and "12AD.yaml" in out and "12AC" not in out
    assert out.endswith("2 scholen bijgewerkt, 0 ongewijzigd\n")
    assert school(twee_netwerken, "12AC") == before
    assert "DG-004" in school(twee_netwerken, "12AD")
    assert_clean(twee_netwerken)


def test_sync_netwerk_with_brins_syncs_those_if_they_are_in_it(
    twee_netwerken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(twee_netwerken, capsys, "sync", "12AD", "--netwerk", "bestuur-zuid")
    assert code == 0
    assert out.startswith("adoptie/scholen/12AD.yaml (Beide): 1 doel toegevoegd\n")
    assert "12AC" not in out and school(twee_netwerken) == SCHOOL
    before = school(twee_netwerken, "12AC")
    code, out, err = run(
        twee_netwerken, capsys, "sync", "12AB", "12AC", "--netwerk", "bestuur-zuid"
    )
    assert (code, out) == (2, "")
    assert err == (
        "leerdoelen: fout: school 12AB hoort niet bij netwerk bestuur-zuid: geef alleen "
        "scholen van die netwerken, of laat --netwerk weg\n"
    )
    assert school(twee_netwerken) == SCHOOL and school(twee_netwerken, "12AC") == before


def test_sync_refuses_an_unknown_netwerk(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_goal(project, "DG-004")
    code, out, err = run(project, capsys, "sync", "--netwerk", "techniek-nord")
    assert (code, out) == (2, "")
    assert err == (
        "leerdoelen: fout: onbekend netwerk 'techniek-nord': geen adoptie/netwerken/"
        "techniek-nord.yaml; bedoelde je 'techniek-noord'? (bekend: techniek-noord)\n"
    )
    assert school(project) == SCHOOL


def test_sync_netwerk_without_schools(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "adoptie" / "netwerken" / "bestuur-zuid.yaml").write_text(ANDER, "utf-8")
    write_goal(project, "DG-004")
    code, out, _ = run(project, capsys, "sync", "--netwerk", "bestuur-zuid")
    assert (code, out) == (0, "niets te doen: geen scholen in netwerk bestuur-zuid\n")
    assert school(project) == SCHOOL


def test_sync_help_names_netwerk(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["school", "sync", "--help"])
    assert "alleen de scholen van dit netwerk" in capsys.readouterr().out
