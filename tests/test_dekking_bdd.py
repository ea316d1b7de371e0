"""Acceptatietests: een redacteur bij SLO vraagt de dekking van SLO's uitwerkingen op.

De scenario's staan in ``tests/features/dekking.feature``; het project is dat van
``tests/dekking_project.py``, de CLI draait in hetzelfde proces.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from dekking_project import LEERDOELEN, U3, leerdoel, write_project
from pytest_bdd import given, parsers, scenarios, then, when

from leerdoelen.cli import main

scenarios("dekking.feature")


@dataclass(frozen=True)
class Uitvoer:
    afsluitcode: int
    stdout: str
    stderr: str


@given("een kader met vier uitwerkingen van SLO voor po", target_fixture="project")
def kader(tmp_path: Path) -> Path:
    return write_project(tmp_path / "project", {})


@given("leerdoelen die er twee van uitwerken")
def leerdoelen(project: Path) -> None:
    write_project(project, LEERDOELEN)


@given(
    parsers.parse(
        'een leerdoel bij doelzin "{doelzin}" dat een uitwerking van doelzin "{ander}" noemt'
    )
)
def verkeerd_leerdoel(project: Path, doelzin: str, ander: str) -> None:
    assert (doelzin, ander) == ("DG-po-23A", "DG-po-23B")  # U3 is van DG-po-23B
    write_project(project, {"DG-001": leerdoel("DG-001", f"slo_uitwerkingen: [{U3}]\n")})


@when("ik de dekking opvraag", target_fixture="uitvoer")
def dekking(project: Path, capsys: pytest.CaptureFixture[str]) -> Uitvoer:
    return _dekking(project, capsys)


@when(parsers.parse('ik de dekking opvraag met "{optie}"'), target_fixture="uitvoer")
def dekking_met(project: Path, capsys: pytest.CaptureFixture[str], optie: str) -> Uitvoer:
    return _dekking(project, capsys, optie)


def _dekking(project: Path, capsys: pytest.CaptureFixture[str], *opties: str) -> Uitvoer:
    capsys.readouterr()
    afsluitcode = main(["-C", str(project), "coverage", *opties])
    uit = capsys.readouterr()
    return Uitvoer(afsluitcode, uit.out, uit.err)


@then(parsers.parse("is de afsluitcode {code:d}"))
def afsluitcode(uitvoer: Uitvoer, code: int) -> None:
    assert uitvoer.afsluitcode == code, uitvoer


@then(parsers.parse('staat er "{tekst}"'))
def staat_er(uitvoer: Uitvoer, tekst: str) -> None:
    assert tekst in uitvoer.stdout.splitlines()[-1]


@then(
    parsers.parse('staan onder "{kop}" precies de uitwerkingen "{een}" en "{twee}"'),
)
def gaten(uitvoer: Uitvoer, kop: str, een: str, twee: str) -> None:
    na = uitvoer.stdout.split(f"{kop}:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(na) == 2
    assert sum(een in regel for regel in na) == 1 and sum(twee in regel for regel in na) == 1


@then("telt een vervallen leerdoel niet mee")
def vervallen(uitvoer: Uitvoer) -> None:
    assert "DG-003" not in uitvoer.stdout  # DG-003 is vervallen en noemt U2


@then(parsers.parse('zegt de foutuitvoer "{tekst}"'))
def foutuitvoer(uitvoer: Uitvoer, tekst: str) -> None:
    assert tekst in uitvoer.stderr


@then(parsers.parse('meldt de controle "{code}" met "{tekst}"'))
def melding(uitvoer: Uitvoer, code: str, tekst: str) -> None:
    assert any(f": {code}: " in r and tekst in r for r in uitvoer.stdout.splitlines()), uitvoer
