"""Acceptatietests: een redacteur importeert een nieuwe release van SLO's kerndoelen.

De scenario's staan in ``tests/features/slo_import.feature``. Elk scenario kopieert het
project; een nieuwe release is een kopie van de echte SLO-fixture, bewerkt zoals SLO een
doelzin vervangt: een nieuwe UUID, met de oude in ``replaces``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
import slo_checkout
from conftest import ROOT, copy_project
from pytest_bdd import given, parsers, scenarios, then, when

from leerdoelen.cli import main
from leerdoelen.commands.check import check

pytestmark = pytest.mark.slow  # SLO imports of the real fixture

FIXTURE = ROOT / "tests" / "fixtures" / "slo-curriculum-fo-dg"
OUD_22C = "8d046216-3c30-4a99-8980-ea6a593d804a"
NIEUW_22C = "0b7f1d52-6a0c-4c8e-9f43-2d6e3c1a9b10"

scenarios("slo_import.feature")


@dataclass
class Uitvoer:
    afsluitcode: int
    stdout: str
    stderr: str


def _hashes(project: Path, leerdoelen_only: bool) -> dict[str, str]:
    return {
        p.relative_to(project).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted((project / "goals").rglob("*.yaml"))
        if not (leerdoelen_only and p.name == "kader.yaml")
    }


@pytest.fixture
def staat() -> dict[str, object]:
    return {}


@given("het project met de leerdoelen", target_fixture="project")
def project(tmp_path: Path, staat: dict[str, object]) -> Path:
    root = copy_project(tmp_path / "project")
    staat["leerdoelen"] = _hashes(root, True)
    staat["alles"] = _hashes(root, False)
    return root


@given("het project met de leerdoelen, bijgewerkt met de release van SLO", target_fixture="project")
def bijgewerkt_project(tmp_path: Path, staat: dict[str, object]) -> Path:
    root = project(tmp_path, staat)
    assert main(["-C", str(root), "import", "slo", str(FIXTURE)]) == 0
    staat["alles"] = _hashes(root, False)
    return root


def _release(tmp_path: Path) -> Path:
    folder = tmp_path / "release"
    if not folder.exists():
        shutil.copytree(FIXTURE, folder)
        for path in folder.rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)
    return folder


def _edit(folder: Path, name: str, change) -> None:  # type: ignore[no-untyped-def]
    path = folder / "data" / f"{name}.json"
    items = json.loads(path.read_text(encoding="utf-8"))
    change(items)
    path.write_text(json.dumps(items, ensure_ascii=False, indent="\t"), encoding="utf-8")


@given(
    parsers.parse(
        'een nieuwe release waarin doelzin "22C" een nieuwe versie krijgt met prefix "{letter}"'
    ),
    target_fixture="release",
)
def release_met_vervangen_doelzin(tmp_path: Path, letter: str) -> Path:
    folder = _release(tmp_path)

    def doelzinnen(items: list[dict]) -> None:  # type: ignore[type-arg]
        old = next(i for i in items if i["id"] == OUD_22C)
        new = dict(old, id=NIEUW_22C, replaces=[OUD_22C], prefix=letter)
        new["description"] = "De leerling werkt met data en beoordeelt de kwaliteit ervan."
        items.append(new)
        items.remove(old)

    def kernzinnen(items: list[dict]) -> None:  # type: ignore[type-arg]
        for item in items:
            item["fo_doelzin_id"] = [
                NIEUW_22C if i == OUD_22C else i for i in item["fo_doelzin_id"]
            ]

    _edit(folder, "doelzinnen", doelzinnen)
    _edit(folder, "kernzinnen", kernzinnen)
    assert uuid.UUID(NIEUW_22C).version == 4
    return folder


@given("een nieuwe release waarin een doelzin geen status heeft", target_fixture="release")
def kapotte_release(tmp_path: Path) -> Path:
    folder = _release(tmp_path)
    _edit(folder, "doelzinnen", lambda items: items[0].pop("status"))
    return folder


@given("een leeg project", target_fixture="project")
def leeg_project(tmp_path: Path, staat: dict[str, object]) -> Path:
    (tmp_path / "leeg" / "goals").mkdir(parents=True)
    return tmp_path / "leeg"


@given("een checkout van SLO zoals de hele release", target_fixture="release")
def hele_release(tmp_path: Path) -> Path:
    return slo_checkout.release(tmp_path / "curriculum-fo")


@when(
    parsers.parse('ik de set "{titel}" importeer op de niveaus "{niveaus}"'),
    target_fixture="uitvoer",
)
def importeer_set(
    project: Path, release: Path, titel: str, niveaus: str, capsys: pytest.CaptureFixture[str]
) -> Uitvoer:
    keuze = [a for n in niveaus.split(", ") for a in ("--niveau", n)]
    return _importeer(project, release, capsys, "--set", titel, *keuze)


@when(parsers.parse('ik de sets "{een}" en "{ander}" importeer'), target_fixture="uitvoer")
def importeer_sets(
    project: Path, release: Path, een: str, ander: str, capsys: pytest.CaptureFixture[str]
) -> Uitvoer:
    return _importeer(project, release, capsys, "--set", een, "--set", ander)


@then(parsers.parse('staat het kader "{domein}" naast "{ander}" met afkorting "{afkorting}"'))
def kader_naast(project: Path, domein: str, ander: str, afkorting: str) -> None:
    kaders = check(project).project.corpus.kaders
    assert kaders[domein].afkorting == afkorting
    assert kaders[ander].afkorting != afkorting and kaders[ander].slo_id != kaders[domein].slo_id


@then(parsers.parse('heeft het kader "{domein}" kerndoel "{een}" en kerndoel "{ander}"'))
def kader_heeft(project: Path, domein: str, een: str, ander: str) -> None:
    kader = check(project).project.corpus.kaders[domein]
    codes = {k.code for s in kader.subdomeinen for k in s.kerndoelen}
    assert {een, ander} <= codes


def _importeer(
    project: Path, bron: Path, capsys: pytest.CaptureFixture[str], *opties: str
) -> Uitvoer:
    capsys.readouterr()
    code = main(["-C", str(project), "import", "slo", str(bron), *opties])
    uit = capsys.readouterr()
    return Uitvoer(code, uit.out, uit.err)


@when("ik de release van SLO importeer", target_fixture="uitvoer")
def importeer_fixture(project: Path, capsys: pytest.CaptureFixture[str]) -> Uitvoer:
    return _importeer(project, FIXTURE, capsys)


@when("ik de nieuwe release importeer", target_fixture="uitvoer")
def importeer_release(project: Path, release: Path, capsys: pytest.CaptureFixture[str]) -> Uitvoer:
    return _importeer(project, release, capsys)


@then(parsers.parse("is de afsluitcode {code:d}"))
def afsluitcode(uitvoer: Uitvoer, code: int) -> None:
    assert uitvoer.afsluitcode == code, uitvoer
    assert "Traceback" not in uitvoer.stdout + uitvoer.stderr


@then(parsers.parse('meldt de import de regel "{regel}"'))
def import_meldt(uitvoer: Uitvoer, regel: str) -> None:
    assert regel in uitvoer.stdout.splitlines(), uitvoer


@then(parsers.parse('meldt de import "{code}" voor "{doel}" met "{tekst}"'))
def import_meldt_voor(uitvoer: Uitvoer, code: str, doel: str, tekst: str) -> None:
    regels = [r for r in uitvoer.stdout.splitlines() if f": {code}: {doel} " in r]
    assert regels and all(
        r.startswith(f"goals/digitale-geletterdheid/{doel}.yaml:") for r in regels
    )
    assert any(tekst in r for r in regels), uitvoer


@then(parsers.parse('meldt de import "{code}" in "{pad}" met "{tekst}"'))
def import_meldt_in(uitvoer: Uitvoer, code: str, pad: str, tekst: str) -> None:
    assert any(
        r.startswith(f"{pad}:") and f": {code}: " in r and tekst in r
        for r in uitvoer.stdout.splitlines()
    ), uitvoer


@then("zijn de leerdoelen zelf niet veranderd")
def leerdoelen_ongewijzigd(project: Path, staat: dict[str, object]) -> None:
    assert _hashes(project, True) == staat["leerdoelen"]


@then("is er niets veranderd in het project")
def niets_veranderd(project: Path, staat: dict[str, object]) -> None:
    assert _hashes(project, False) == staat["alles"]


@then("meldt de controle geen fouten")
def controle_zonder_fouten(project: Path) -> None:
    result = check(project)
    assert result.ok, [d.message for d in result.diagnostics]


@then(parsers.parse('meldt de controle "{code}" voor "{doel}"'))
def controle_meldt(project: Path, code: str, doel: str) -> None:
    result = check(project)
    assert any(d.code == code and d.path.endswith(f"/{doel}.yaml") for d in result.diagnostics)


def _doelzin(project: Path, code: str):  # type: ignore[no-untyped-def]
    return check(project).project.corpus.doelzinnen[code].doelzin


@then(parsers.parse('heeft doelzin "{code}" in het kader de nieuwe id'))
def nieuwe_id(project: Path, code: str) -> None:
    zin = _doelzin(project, code)
    assert zin.slo_id == NIEUW_22C
    assert zin.slo["replaces"] == [OUD_22C]


@then(parsers.parse('houdt doelzin "{code}" onze eigen titel'))
def eigen_titel(project: Path, code: str) -> None:
    assert _doelzin(project, code).titel == "Werken met data"
