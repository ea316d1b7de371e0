"""Acceptatietests: een redacteur past leerdoelen aan en draait ``leerdoelen check``.

De scenario's staan in ``tests/features/redacteur.feature``. Elk scenario kopieert het
voorbeeldproject (``tests/golden/geldig``) naar een tijdelijke map, schrijft daar de
bestanden die de redacteur wijzigt, en draait de CLI in hetzelfde proces.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

from leerdoelen.cli import main

VOORBEELDPROJECT = Path(__file__).parent / "golden" / "geldig"
DOMEIN = "goals/digitale-geletterdheid"
MELDING = re.compile(
    r"^(?P<pad>[^:]+):(?P<regel>\d+):(?P<kolom>\d+): (?P<code>LD\d{3}): (?P<bericht>.*)$"
)

scenarios("redacteur.feature")


@dataclass(frozen=True)
class Uitvoer:
    afsluitcode: int
    stdout: str
    stderr: str

    @property
    def regels(self) -> list[str]:
        return self.stdout.splitlines()

    @property
    def meldingen(self) -> list[re.Match[str]]:
        """De meldingen in tekstvorm: ``pad:regel:kolom: CODE: bericht``."""
        return [m for regel in self.regels if (m := MELDING.match(regel))]

    def __str__(self) -> str:
        return f"afsluitcode {self.afsluitcode}\n--- stdout\n{self.stdout}--- stderr\n{self.stderr}"


@given("het voorbeeldproject", target_fixture="project")
def voorbeeldproject(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(VOORBEELDPROJECT / "goals", project / "goals")
    return project


@given(parsers.parse('het bestand "{naam}" met:'))
def bestand_met(project: Path, naam: str, docstring: str) -> None:
    (project / DOMEIN / naam).write_text(docstring + "\n", encoding="utf-8")


def _controleer(project: Path, capsys: pytest.CaptureFixture[str], *opties: str) -> Uitvoer:
    capsys.readouterr()  # alles wat eerder geschreven is, hoort niet bij deze controle
    afsluitcode = main(["-C", str(project), "check", *opties])
    uit = capsys.readouterr()
    return Uitvoer(afsluitcode, uit.out, uit.err)


@when("ik de controle draai", target_fixture="uitvoer")
def controle(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Uitvoer:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)  # anders is github de standaard
    return _controleer(project, capsys)


@when(parsers.parse('ik de controle draai met het formaat "{formaat}"'), target_fixture="uitvoer")
def controle_met_formaat(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    formaat: str,
) -> Uitvoer:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return _controleer(project, capsys, "--format", formaat)


@when(
    parsers.parse('ik een nieuw leerdoel maak onder doelzin "{doelzin}" voor groep "{groep}"'),
    target_fixture="uitvoer",
)
def nieuw_leerdoel(
    project: Path, capsys: pytest.CaptureFixture[str], doelzin: str, groep: str
) -> Uitvoer:
    capsys.readouterr()
    afsluitcode = main(["-C", str(project), "new", "--doelzin", doelzin, "--groepen", groep])
    uit = capsys.readouterr()
    return Uitvoer(afsluitcode, uit.out, uit.err)


@then(parsers.parse('toont de opdracht het pad "{pad}"'))
def toont_pad(uitvoer: Uitvoer, pad: str) -> None:
    assert uitvoer.regels == [pad], uitvoer


@then(parsers.parse('zegt de opdracht "{tekst}"'))
def zegt(uitvoer: Uitvoer, tekst: str) -> None:
    assert uitvoer.stderr.splitlines() == [tekst], uitvoer


@then(parsers.parse("is de afsluitcode {code:d}"))
def afsluitcode(uitvoer: Uitvoer, code: int) -> None:
    assert uitvoer.afsluitcode == code, uitvoer


@then(parsers.parse('is de samenvatting "{samenvatting}"'))
def samenvatting(uitvoer: Uitvoer, samenvatting: str) -> None:
    assert uitvoer.regels, uitvoer
    assert uitvoer.regels[-1] == samenvatting, uitvoer


@then("meldt de controle niets")
def geen_meldingen(uitvoer: Uitvoer) -> None:
    # alleen de samenvatting, en niets op stderr
    assert len(uitvoer.regels) == 1, uitvoer
    assert uitvoer.meldingen == [], uitvoer
    assert uitvoer.stderr == "", uitvoer


@then(
    parsers.parse('meldt de controle "{code}" op regel {regel:d} kolom {kolom:d} van "{naam}"'),
    target_fixture="melding",
)
def melding_op(uitvoer: Uitvoer, code: str, regel: int, kolom: int, naam: str) -> str:
    gevonden = [
        m
        for m in uitvoer.meldingen
        if (m["pad"], int(m["regel"]), int(m["kolom"]), m["code"])
        == (f"{DOMEIN}/{naam}", regel, kolom, code)
    ]
    assert len(gevonden) == 1, f"verwacht precies één {code} op {naam}:{regel}:{kolom}\n{uitvoer}"
    return gevonden[0]["bericht"]


@then(parsers.parse('bevat die melding "{tekst}"'))
def melding_bevat(melding: str, tekst: str) -> None:
    assert tekst in melding


@then(parsers.parse('meldt de controle geen "{code}"'))
def geen_melding(uitvoer: Uitvoer, code: str) -> None:
    assert all(m["code"] != code for m in uitvoer.meldingen), uitvoer


@then(parsers.parse('bevat de uitvoer de regel "{regel}"'))
def uitvoer_bevat_regel(uitvoer: Uitvoer, regel: str) -> None:
    assert regel in uitvoer.regels, uitvoer


@then(parsers.parse('luidt die melding "{tekst}"'))
def melding_luidt(melding: str, tekst: str) -> None:
    assert melding == tekst
