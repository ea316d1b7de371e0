"""Acceptatietests: een netwerkcoördinator meldt scholen aan en werkt hun checklists bij.

De scenario's staan in ``tests/features/coordinator_sync.feature``. Elk scenario kopieert
het voorbeeldproject (``tests/golden/geldig``) met één netwerk naar een tijdelijke map,
schrijft daar de bestanden uit het scenario, en draait de CLI in hetzelfde proces.
"""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest
from conftest import Uitvoer
from pytest_bdd import given, parsers, scenarios, then, when

from leerdoelen.cli import main
from leerdoelen.commands.check import check
from leerdoelen.core.clock import ENV

VOORBEELDPROJECT = Path(__file__).parent / "golden" / "geldig"
DOMEIN = "goals/digitale-geletterdheid"
SCHOLEN = "adoptie/scholen"
VANDAAG = "2026-06-01"

scenarios("coordinator_sync.feature")


@given(parsers.parse('het voorbeeldproject met het netwerk "{netwerk}"'), target_fixture="project")
def voorbeeldproject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, netwerk: str) -> Path:
    monkeypatch.setenv(ENV, VANDAAG)  # de datums in de scenario's liggen niet in de toekomst
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)  # anders is github de standaard
    project = tmp_path / "project"
    shutil.copytree(VOORBEELDPROJECT / "goals", project / "goals")
    (project / "adoptie" / "netwerken").mkdir(parents=True)
    (project / "adoptie" / "netwerken" / f"{netwerk}.yaml").write_text(
        "# yaml-language-server: $schema=../../schemas/netwerk.schema.json\n"
        "naam: Techniekregio Noord\n"
        "soort: regionaal netwerk\n"
        f"contact: info@{netwerk}.example\n"
        "publiceren: true\n",
        encoding="utf-8",
    )
    return project


@pytest.fixture
def geschreven() -> dict[str, str]:
    """Wat het scenario zelf in bestanden zette, per pad."""
    return {}


def _schrijf(project: Path, geschreven: dict[str, str], pad: str, tekst: str) -> None:
    (project / pad).parent.mkdir(parents=True, exist_ok=True)
    (project / pad).write_text(tekst + "\n", encoding="utf-8")
    geschreven[pad] = tekst + "\n"


@given(parsers.parse('de school "{brin}" met:'))
def school_met(project: Path, geschreven: dict[str, str], brin: str, docstring: str) -> None:
    _schrijf(project, geschreven, f"{SCHOLEN}/{brin}.yaml", docstring)


@given(parsers.parse('het netwerk "{slug}" met:'))
def netwerk_met(project: Path, geschreven: dict[str, str], slug: str, docstring: str) -> None:
    _schrijf(project, geschreven, f"adoptie/netwerken/{slug}.yaml", docstring)


@given(parsers.parse('het leerdoel "{code}" met:'))
def leerdoel_met(project: Path, geschreven: dict[str, str], code: str, docstring: str) -> None:
    _schrijf(project, geschreven, f"{DOMEIN}/{code}.yaml", docstring)


def _draai(project: Path, capsys: pytest.CaptureFixture[str], opdracht: str) -> Uitvoer:
    programma, *argumenten = shlex.split(opdracht)
    assert programma == "leerdoelen"
    capsys.readouterr()
    try:
        afsluitcode = main(["-C", str(project), *argumenten])
    except SystemExit as exit_:  # argparse
        afsluitcode = int(exit_.code or 0)
    uit = capsys.readouterr()
    return Uitvoer(afsluitcode, uit.out, uit.err)


@when(parsers.parse('ik "{opdracht}" draai'), target_fixture="uitvoer")
def draai(project: Path, capsys: pytest.CaptureFixture[str], opdracht: str) -> Uitvoer:
    return _draai(project, capsys, opdracht)


@then(parsers.parse("is de afsluitcode {code:d}"))
def afsluitcode(uitvoer: Uitvoer, code: int) -> None:
    assert uitvoer.afsluitcode == code, uitvoer


@then("is de uitvoer:")
def uitvoer_is(uitvoer: Uitvoer, docstring: str) -> None:
    assert uitvoer.stdout == docstring + "\n", uitvoer


@then(parsers.parse('meldt de uitvoer "{regel}"'))
def uitvoer_meldt(uitvoer: Uitvoer, regel: str) -> None:
    assert regel in uitvoer.stdout.splitlines(), uitvoer


@then(parsers.parse('meldt de fout "{tekst}"'))
def fout_meldt(uitvoer: Uitvoer, tekst: str) -> None:
    assert tekst in uitvoer.stderr, uitvoer


@then(parsers.parse('staat in "{pad}":'))
def staat_in(project: Path, pad: str, docstring: str) -> None:
    assert (project / pad).read_bytes().decode("utf-8") == docstring + "\n"


@then(parsers.parse('is "{pad}" ongewijzigd'))
def ongewijzigd(project: Path, geschreven: dict[str, str], pad: str) -> None:
    assert (project / pad).read_bytes().decode("utf-8") == geschreven[pad]


@then("keurt de controle het project goed")
def controle_goed(project: Path) -> None:
    resultaat = check(project)
    assert resultaat.diagnostics == [], [f"{d.path}: {d.message}" for d in resultaat.diagnostics]


@then("verandert een tweede sync niets")
def tweede_sync(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scholen = sorted((project / SCHOLEN).glob("*.yaml"))
    voor = {pad: pad.read_bytes() for pad in scholen}
    tweede = _draai(project, capsys, "leerdoelen school sync")
    assert tweede.afsluitcode == 0, tweede
    assert tweede.stdout.endswith("niets te doen: alle checklists zijn bij\n"), tweede
    assert {pad: pad.read_bytes() for pad in scholen} == voor
