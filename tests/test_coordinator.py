"""Acceptatietests: een netwerkcoördinator volgt op het dashboard de invoering van de
leerdoelen op de scholen van zijn netwerk.

De scenario's staan in ``tests/features/coordinator.feature``. Elk scenario werkt in een
kopie van een klein project (``conftest.klein_project``: ``tests/golden/geldig`` met een
netwerk en scholen), en maakt de pagina's in hetzelfde proces met
``leerdoelen.render.adoptie``, voor en na een wijziging in het bestand van een school:
zonder MkDocs, want het gaat om de getallen op het dashboard.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
import yaml
from conftest import (
    NETWERK_HEADER,
    SCHOOL_HEADER,
    VANDAAG,
    commit_all,
    git_repo,
    klein_project,
)
from pytest_bdd import given, parsers, scenarios, then, when
from test_adoptie_site import checklist
from test_site_html import Element, parse

from leerdoelen.cli import main
from leerdoelen.commands.check import check
from leerdoelen.render.adoptie import render_adoptie

scenarios("coordinator.feature")


@dataclass(frozen=True)
class Dashboard:
    """Het dashboard van één netwerk, zoals de site het toont (en de checklists erbij)."""

    tree: Element
    pages: dict[str, str | bytes]

    def tabel(self, cls: str) -> list[Element]:
        div = next(d for d in self.tree.find_all("div") if cls in d.classes)
        return div.find_all("tr")[1:]

    def school(self, naam: str) -> Element:
        rijen = [r for r in self.tabel("ld-scholen") if r.find("a").text() == naam]
        assert len(rijen) == 1, f"{naam} staat niet (één keer) op het dashboard"
        return rijen[0]

    def doelstelling(self, titel: str) -> Element:
        rijen = [r for r in self.tabel("ld-doelstellingen") if r.find("strong").text() == titel]
        assert len(rijen) == 1, f"doelstelling {titel} staat niet (één keer) op het dashboard"
        return rijen[0]


@dataclass
class Project:
    root: Path
    netwerk: str
    gezien: list[Dashboard]

    def bestand(self, naam: str) -> Path:
        for path in sorted((self.root / "adoptie" / "scholen").glob("*.yaml")):
            if yaml.safe_load(path.read_text(encoding="utf-8"))["naam"] == naam:
                return path
        raise AssertionError(f"geen school {naam}")

    def bekijk(self) -> Dashboard:
        result = check(self.root)
        assert result.ok, [str(d) for d in result.diagnostics]
        pages = render_adoptie(result.project.corpus)
        markdown = pages[f"netwerken/{self.netwerk}/index.md"]
        assert isinstance(markdown, str)
        dashboard = Dashboard(parse(markdown), pages)
        self.gezien.append(dashboard)
        return dashboard


# --- Achtergrond -------------------------------------------------------------------------


@given(
    parsers.parse('het netwerk "{netwerk}" met de scholen "{een}" en "{twee}"'),
    target_fixture="project",
)
def netwerk_met_scholen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, netwerk: str, een: str, twee: str
) -> Project:
    monkeypatch.setenv("LEERDOELEN_VANDAAG", VANDAAG)
    project = Project(klein_project(tmp_path / "project"), netwerk, [])
    for naam in (een, twee):
        school = yaml.safe_load(project.bestand(naam).read_text(encoding="utf-8"))
        assert netwerk in school["netwerken"]
    return project


@given(
    parsers.parse(
        'de doelstelling "{titel}": {aandeel:d}% van de scholen heeft kerndoel "{kerndoel}" '
        "ingevoerd"
    )
)
def doelstelling(project: Project, titel: str, aandeel: int, kerndoel: str) -> None:
    path = project.root / "adoptie" / "netwerken" / f"{project.netwerk}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["doelstellingen"] = [
        {"titel": titel, "kerndoel": kerndoel, "aandeel": aandeel, "uiterlijk": "2027-07-31"}
    ]
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(NETWERK_HEADER + text.replace("'2027-07-31'", "2027-07-31"), "utf-8")


# --- Bekijken en wijzigen ----------------------------------------------------------------


@given(parsers.parse('ik bekijk het dashboard van "{netwerk}"'))
def bekijk_dashboard(project: Project, netwerk: str) -> None:
    assert netwerk == project.netwerk
    project.bekijk()


@when("ik het dashboard opnieuw bekijk")
def bekijk_opnieuw(project: Project) -> None:
    project.bekijk()


@when(parsers.parse('"{school}" leerdoel "{code}" op "{status}" zet'))
def zet_status(project: Project, school: str, code: str, status: str) -> None:
    """Zoals de school haar bestand bijwerkt: de status, met de datum van vandaag."""
    path = project.bestand(school)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    doelen = data.setdefault("doelen", [])
    record = next((r for r in doelen if r["code"] == code), None)
    if record is None:
        record = {"code": code}
        doelen.append(record)
    record["status"] = status
    record["datum"] = VANDAAG
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(SCHOOL_HEADER + re.sub(r"'(\d{4}-\d\d-\d\d)'", r"\1", text), "utf-8")


# --- Wat het dashboard laat zien ---------------------------------------------------------


def _nu(project: Project) -> Dashboard:
    assert project.gezien, "bekijk eerst het dashboard"
    return project.gezien[-1]


@given(parsers.parse('heeft "{school}" daar "{aantal}" vastgestelde leerdoelen ingevoerd'))
@then(parsers.parse('heeft "{school}" daar "{aantal}" vastgestelde leerdoelen ingevoerd'))
def school_ingevoerd(project: Project, school: str, aantal: str) -> None:
    rij = _nu(project).school(school)
    getal = next(td for td in rij.find_all("td") if "ld-getal" in td.classes).text()
    assert getal.startswith(f"{aantal} ("), getal
    balk = rij.find("svg")
    assert f"{aantal} ingevoerd" in balk.attrs["aria-label"]


@given(parsers.parse('hebben de scholen samen "{percentage}" ingevoerd'))
@then(parsers.parse('hebben de scholen samen "{percentage}" ingevoerd'))
def samen_ingevoerd(project: Project, percentage: str) -> None:
    totaal = next(p for p in _nu(project).tree.find_all("p") if "ld-totaal" in p.classes)
    assert totaal.find("strong").text() == percentage, totaal.text()


@given(parsers.parse('hebben bij kerndoel "{kerndoel}" "{aantal}" scholen alles ingevoerd'))
@then(parsers.parse('hebben bij kerndoel "{kerndoel}" "{aantal}" scholen alles ingevoerd'))
def kerndoel_volledig(project: Project, kerndoel: str, aantal: str) -> None:
    rij = next(r for r in _nu(project).tabel("ld-kerndoelen") if r.find("a").text() == kerndoel)
    assert rij.find_all("td")[-1].text() == aantal, rij.text()


@then(parsers.parse('staat "{code}" niet meer bij de leerdoelen die achterblijven als "{tekst}"'))
def niet_meer_achter(project: Project, code: str, tekst: str) -> None:
    voor, na = project.gezien[0], project.gezien[-1]

    def rij(dashboard: Dashboard) -> str | None:
        rijen = [r for r in dashboard.tabel("ld-achterblijvers") if r.find("a").text() == code]
        return rijen[0].find_all("td")[-1].text() if rijen else None

    assert rij(voor) == tekst
    assert rij(na) != tekst


@then(parsers.parse('staat op de checklist van "{school}" bij "{code}" de status "{status}"'))
def checklist_status(project: Project, school: str, code: str, status: str) -> None:
    brin = project.bestand(school).stem
    markdown = _nu(project).pages[f"scholen/{brin}/index.html"]
    assert isinstance(markdown, str)
    rijen = [cells for _, cells, _ in checklist(markdown) if len(cells) == 6 and cells[1] == code]
    assert len(rijen) == 1
    assert rijen[0][4] == status and rijen[0][0] == "☑"


@given(parsers.parse('is de doelstelling "{titel}" "{oordeel}" met "{aantal}"'))
@then(parsers.parse('is de doelstelling "{titel}" "{oordeel}" met "{aantal}"'))
def doelstelling_oordeel(project: Project, titel: str, oordeel: str, aantal: str) -> None:
    rij = _nu(project).doelstelling(titel)
    labels = [s.text() for s in rij.find_all("span") if "ld-label" in s.classes]
    assert labels == [oordeel], labels  # and not "verlopen": the deadline is still to come
    assert next(s for s in rij.find_all("span") if "ld-aantal" in s.classes).text() == aantal


@then(
    parsers.parse(
        "is de balk van de doelstelling gegroeid van {voor:d}% naar {na:d}% van de scholen, "
        "met de doellijn op {doel:d}%"
    )
)
def balk_gegroeid(project: Project, voor: int, na: int, doel: int) -> None:
    def balk(dashboard: Dashboard) -> tuple[str, float, float]:
        svg = dashboard.tree.find("svg", "ld-doelbalk")
        vulling = float(svg.find_all("rect")[1].attrs["width"])
        lijn = float(svg.find("line").attrs["x1"])
        return svg.attrs["aria-label"], vulling / 3, lijn / 3  # 300 wide: 3 per %

    eerst, daarna = balk(project.gezien[0]), balk(project.gezien[-1])
    assert eerst[1:] == (voor, doel) and f"{voor}% van de scholen, doel {doel}%" in eerst[0]
    assert daarna[1:] == (na, doel) and f"{na}% van de scholen, doel {doel}%" in daarna[0]


# --- De spreadsheet: downloaden, invullen, importeren ------------------------------------


@dataclass
class Blad:
    """De gedownloade checklist van één school, zoals de coördinator hem invult."""

    school: Path  # het bestand van de school
    voor: str  # de tekst van dat bestand bij het downloaden
    werkboek: openpyxl.Workbook
    pad: Path
    uitvoer: tuple[int, str, str] | None = None


@given("het project staat in git")
def in_git(project: Project) -> None:
    commit_all(git_repo(project.root), "De stand van de scholen")


@given(
    parsers.parse('ik download de checklist van "{school}" als spreadsheet'), target_fixture="blad"
)
def download(project: Project, school: str, tmp_path: Path) -> Blad:
    result = check(project.root)
    assert result.ok
    pad = project.bestand(school)
    brin = pad.stem
    data = render_adoptie(result.project.corpus)[f"scholen/{brin}/checklist-{brin}.xlsx"]
    assert isinstance(data, bytes)
    download = tmp_path / "downloads" / f"checklist-{brin}.xlsx"
    download.parent.mkdir()
    download.write_bytes(data)
    werkboek = openpyxl.load_workbook(download)
    return Blad(pad, pad.read_text(encoding="utf-8"), werkboek, download)


def _vul_in(blad: Blad, code: str, waarden: dict[str, object]) -> None:
    sheet = blad.werkboek[blad.school.stem]
    kop = {cell.value: cell.column for cell in sheet[1]}
    rij = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, kop["code"]).value == code)
    for kolom, waarde in waarden.items():
        sheet.cell(rij, kop[kolom]).value = waarde
    blad.werkboek.save(blad.pad)


@when(
    parsers.parse(
        'ik in het blad bij "{code}" de status "{status}", de groepen "{groepen}" en de datum '
        '"{datum}" invul'
    )
)
def vul_in(blad: Blad, code: str, status: str, groepen: str, datum: str) -> None:
    dag = dt.datetime.strptime(datum, "%d-%m-%Y")  # as a spreadsheet stores a typed date
    _vul_in(blad, code, {"status": status, "groepen": groepen, "datum": dag})


@when(parsers.parse('ik in het blad bij "{code}" de status "{status}" invul'))
def vul_status_in(blad: Blad, code: str, status: str) -> None:
    _vul_in(blad, code, {"status": status})


@when("ik het blad importeer")
def importeer(project: Project, blad: Blad, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    code = main(["-C", str(project.root), "school", "import", str(blad.pad)])
    out = capsys.readouterr()
    blad.uitvoer = (code, out.out, out.err)


@then(parsers.parse('is in het bestand van "{school}" alleen het record van "{code}" veranderd'))
def alleen_record(project: Project, blad: Blad, school: str, code: str) -> None:
    assert blad.uitvoer is not None and blad.uitvoer[0] == 0, blad.uitvoer
    voor = blad.voor.splitlines(keepends=True)
    na = project.bestand(school).read_text(encoding="utf-8").splitlines(keepends=True)
    begin = voor.index(f"  - code: {code}\n")
    einde = next((i for i in range(begin + 1, len(voor)) if "- code:" in voor[i]), len(voor))
    matcher = difflib.SequenceMatcher(None, voor, na, autojunk=False)
    veranderd = [(i1, i2) for tag, i1, i2, _, _ in matcher.get_opcodes() if tag != "equal"]
    assert veranderd and all(begin < i1 and i2 <= einde for i1, i2 in veranderd), veranderd


@then(
    parsers.parse(
        'noemt de samenvatting van de pull request bij "{school}" "{code}" van "{oud}" naar '
        '"{nieuw}"'
    )
)
def samenvatting(
    project: Project,
    school: str,
    code: str,
    oud: str,
    nieuw: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    capsys.readouterr()
    assert main(["-C", str(project.root), "diff", "main"]) == 0
    markdown = capsys.readouterr().out
    assert school in markdown, markdown
    regel = next(line for line in markdown.splitlines() if code in line and nieuw in line)
    assert oud in regel, regel


@then(
    parsers.parse('weigert de import met een melding die begint met "{begin}" en "{woord}" noemt')
)
def geweigerd(blad: Blad, begin: str, woord: str) -> None:
    assert blad.uitvoer is not None
    code, out, err = blad.uitvoer
    assert code == 1, blad.uitvoer
    meldingen = [line for line in (out + err).splitlines() if begin in line]
    assert len(meldingen) == 1 and woord in meldingen[0], out + err
    assert meldingen[0].split(": ", 2)[-1].startswith(begin), meldingen[0]


@then(parsers.parse('is het bestand van "{school}" niet veranderd'))
def niet_veranderd(project: Project, blad: Blad, school: str) -> None:
    assert project.bestand(school).read_text(encoding="utf-8") == blad.voor
