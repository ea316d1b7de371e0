"""Acceptatietests: een redacteur wijzigt leerdoelen in git en bekijkt ``leerdoelen diff``.

De scenario's staan in ``tests/features/redacteur_git.feature``. Elk scenario zet de
voorbeeldleerdoelen in een nieuwe git-repository (GitPython) in een tijdelijke map, legt
ze vast, voert de wijziging van de redacteur uit en draait de CLI in hetzelfde proces.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import git
import pytest
from conftest import Uitvoer as Afdruk
from conftest import commit_all, committed_goals
from pytest_bdd import given, parsers, scenarios, then, when

from leerdoelen.cli import main

pytestmark = pytest.mark.slow  # a git repository per scenario

DOMEIN = "goals/digitale-geletterdheid"

scenarios("redacteur_git.feature")


@dataclass(frozen=True)
class Uitvoer(Afdruk):
    def sectie(self, titel: str) -> list[str]:
        """De regels onder een kopje ``### <titel> …`` tot het volgende kopje."""
        regels, binnen = [], False
        for regel in self.stdout.splitlines():
            if regel.startswith("#"):
                binnen = regel.startswith(f"### {titel}")
            elif binnen and regel:
                regels.append(regel)
        return regels


@given("de voorbeeldleerdoelen in een git-repository", target_fixture="project")
def project_in_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return committed_goals(tmp_path)


@when(parsers.parse('ik in "{naam}" "{oud}" vervang door:'))
def vervang(project: Path, naam: str, oud: str, docstring: str) -> None:
    pad = project / DOMEIN / naam
    tekst = pad.read_text(encoding="utf-8")
    assert oud in tekst, f"{oud!r} staat niet in {naam}"
    nieuw = docstring + "\n" if docstring else ""
    pad.write_text(tekst.replace(oud + "\n", nieuw, 1), encoding="utf-8")


@when(parsers.parse('ik "{naam}" verwijder'))
def verwijder(project: Path, naam: str) -> None:
    (project / DOMEIN / naam).unlink()


@when(parsers.parse('ik het bestand "{naam}" toevoeg met:'))
def voeg_toe(project: Path, naam: str, docstring: str) -> None:
    (project / DOMEIN / naam).write_text(docstring + "\n", encoding="utf-8")


@when("ik de wijziging vastleg")
def leg_vast(project: Path) -> None:
    commit_all(git.Repo(project), "Wijziging van de redacteur", day=2)


def _draai(capsys: pytest.CaptureFixture[str], project: Path, *argumenten: str) -> Uitvoer:
    capsys.readouterr()
    code = main(["-C", str(project), *argumenten])
    uit = capsys.readouterr()
    return Uitvoer(code, uit.out, uit.err)


@when(parsers.parse('ik de wijzigingen vergelijk met "{basis}"'), target_fixture="uitvoer")
def vergelijk(project: Path, capsys: pytest.CaptureFixture[str], basis: str) -> Uitvoer:
    return _draai(capsys, project, "diff", "--", basis)


@when(
    parsers.parse('ik de wijzigingen vergelijk met "{basis}" tot "{nieuw}"'),
    target_fixture="uitvoer",
)
def vergelijk_tot(
    project: Path, capsys: pytest.CaptureFixture[str], basis: str, nieuw: str
) -> Uitvoer:
    return _draai(capsys, project, "diff", basis, nieuw)


@when(parsers.parse('ik de controle draai met de basis "{basis}"'), target_fixture="uitvoer")
def controle_met_basis(project: Path, capsys: pytest.CaptureFixture[str], basis: str) -> Uitvoer:
    return _draai(capsys, project, "check", "--base", basis)


@when("ik de controle draai", target_fixture="uitvoer")
def controle(project: Path, capsys: pytest.CaptureFixture[str]) -> Uitvoer:
    return _draai(capsys, project, "check")


@then(parsers.parse("is de afsluitcode {code:d}"))
def afsluitcode(uitvoer: Uitvoer, code: int) -> None:
    assert uitvoer.afsluitcode == code, uitvoer


@then("noemt de samenvatting geen fouten")
def geen_fouten(uitvoer: Uitvoer) -> None:
    assert "Fouten" not in uitvoer.stdout, uitvoer
    assert uitvoer.stderr == "", uitvoer


@then(parsers.parse('noemt de samenvatting de fout "{code}" "{titel}"'))
def fout(uitvoer: Uitvoer, code: str, titel: str) -> None:
    assert any(r.startswith(f"- **{code}** {titel}: ") for r in uitvoer.sectie("⛔ Fouten")), (
        uitvoer
    )
    assert f"leerdoelen: {code} {titel}: " in uitvoer.stderr, uitvoer


@then(parsers.parse('staat in de samenvatting onder "{titel}" de regel "{regel}"'))
def regel_onder(uitvoer: Uitvoer, titel: str, regel: str) -> None:
    assert regel in uitvoer.sectie(titel), uitvoer


@then(parsers.parse('is de foutmelding "{melding}"'))
def foutmelding(uitvoer: Uitvoer, melding: str) -> None:
    assert uitvoer.stderr.splitlines() == [melding], uitvoer
    assert uitvoer.stdout == ""


@then(parsers.parse('bevat de uitvoer de regel "{regel}"'))
def uitvoer_bevat(uitvoer: Uitvoer, regel: str) -> None:
    assert regel in uitvoer.stdout.splitlines(), uitvoer
