"""``leerdoelen school set``: one quick change, through the writer that ``school import``
uses; real files in a copy of the golden project."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_school_cli import SCHOOL, VANDAAG, assert_clean, run, school, write_goal
from test_school_import import project

__all__ = ["project"]  # the fixture, shared


def test_set_changes_status_and_dates_it_today(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(project, capsys, "set", "12AB", "DG-002", "--status", "ingevoerd")
    assert (code, err) == (0, "")
    assert out == (
        "adoptie/scholen/12AB.yaml (OBS De Regenboog):\n"
        f"  DG-002: status: 'bezig' → 'ingevoerd'; datum: 2026-01-15 → {VANDAAG}\n"
    )
    assert school(project) == SCHOOL.replace(
        "    status: bezig   # sinds januari\n    groepen: [3-4, 5-6]\n    datum: 2026-01-15\n",
        f"    status: ingevoerd   # sinds januari\n    groepen: [3-4, 5-6]\n    datum: {VANDAAG}\n",
    )
    assert_clean(project)


def test_set_several_fields_and_remove_one(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ("set", "12AB", "DG-001", "--status", "ingevoerd", "--groepen", "1-2,3-4")
    code, out, _ = run(project, capsys, *argv, "--toelichting", "")
    assert code == 0, out
    new = school(project)
    assert "toelichting" not in new.split("# Middenbouw")[0]
    assert "    groepen: [1-2, 3-4]\n" in new
    assert "    datum: 2026-03-01\n" in new  # the status did not change
    assert_clean(project)


def test_set_nothing_changed(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(project, capsys, "set", "12AB", "DG-001", "--status", "ingevoerd")
    assert (code, out) == (0, "niets veranderd\n")
    assert school(project) == SCHOOL


def test_set_gepland_may_lie_ahead_others_not(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        project, capsys, "set", "12AC", "DG-002", "--status", "bezig", "--datum", "2031-01-01"
    )
    assert code == 2
    assert "alleen bij status 'gepland'" in err
    argv = ("set", "12AC", "DG-002", "--status", "gepland", "--datum", "2031-01-01")
    assert run(project, capsys, *argv)[0] == 0
    assert "{code: DG-002, status: gepland, datum: 2031-01-01}" in school(project, "12AC")
    assert_clean(project)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("12AD", "DG-001"),
            "onbekende school '12AD': geen adoptie/scholen/12AD.yaml; bedoelde je",
        ),
        (("12AB", "DG-009"), "onbekend leerdoel 'DG-009'; bedoelde je 'DG-003'?"),
        (("12AB", "DG-003"), "DG-003 is vervallen en vervangen door DG-002"),
        (("12AB", "DG-001", "--groepen", "3"), "onbekende groep '3'"),
        (("12AB", "DG-001", "--datum", "1-3-2026"), "is geen datum als JJJJ-MM-DD"),
    ],
)
def test_set_refuses_what_is_not_there(
    project: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    code, _, err = run(project, capsys, "set", *argv, "--status", "bezig")
    assert code == 2
    assert message in err
    assert school(project) == SCHOOL


def test_set_a_goal_without_a_record_adds_one(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_goal(project, "DG-004")
    code, out, _ = run(project, capsys, "set", "12AB", "DG-004", "--status", "verkend")
    assert code == 0, out
    assert "DG-004 (nieuw record): status: 'niet gestart' → 'verkend'" in out
    assert f"  - code: DG-004\n    status: verkend\n    datum: {VANDAAG}\n" in school(project)
    assert_clean(project)
