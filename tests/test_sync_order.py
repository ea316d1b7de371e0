"""``school sync`` adds a record where its goal belongs in checklist order, keeping every
byte that was there, and on a fresh clone of the project it changes nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from leerdoelen.load.schoolfile import NewRecord, apply, merged, places, read_back

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
