"""``leerdoelen school import`` and ``school set``: real files in a copy of the golden project.

Both change records in place: besides what they change, these tests check what they leave
alone (comments, other records, quoting), byte for byte.
"""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
from pathlib import Path

import openpyxl
import pytest
from test_school_cli import GELDIG, NETWERK, SCHOOL, VANDAAG, assert_clean, run, school, write_goal

from leerdoelen.commands.check import check
from leerdoelen.core.clock import ENV
from leerdoelen.load.sheets import read

KOP = ["code", "titel", "domein", "subdomein", "kerndoel", "leerdoelstatus", "status"]
KOP += ["groepen", "datum", "toelichting", "bewijs"]
TOELICHTING = (
    "We leggen de plaatjes van het tandenpoetsen op volgorde, elke week een andere handeling."
)
# The two current goals as the download gives them for SCHOOL: unchanged.
RIJ_1 = [
    "DG-001",
    "Leerdoel 1",
    "",
    "",
    "",
    "vastgesteld",
    "ingevoerd",
    "1-2",
    dt.datetime(2026, 3, 1),
    TOELICHTING,
    "",
]
RIJ_2 = [
    "DG-002",
    "Leerdoel 2",
    "",
    "",
    "",
    "vastgesteld",
    "bezig",
    "3-4, 5-6",
    dt.datetime(2026, 1, 15),
    "",
    "https://example.org/lesplan-robot",
]
ANDER = """\
# yaml-language-server: $schema=../../schemas/school.schema.json
brin: 12AC
naam: CBS Het Kompas
plaats: Zwolle
soort: bao
netwerken: [techniek-noord]
doelen:
  - {code: DG-001, status: verkend}   # flow style
  - {code: DG-002, status: niet gestart}
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(ENV, VANDAAG)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    root = tmp_path / "inhoud"
    shutil.copytree(GELDIG, root)
    scholen = root / "adoptie" / "scholen"
    (root / "adoptie" / "netwerken").mkdir(parents=True)
    scholen.mkdir()
    (root / "adoptie" / "netwerken" / "techniek-noord.yaml").write_text(NETWERK, "utf-8")
    (scholen / "12AB.yaml").write_text(SCHOOL, "utf-8")
    (scholen / "12AC.yaml").write_text(ANDER, "utf-8")
    assert check(root).ok
    return root


def workbook(path: Path, sheets: dict[str, list[list[object]]], info: bool = True) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        sheet.append(KOP)
        for row in rows:
            sheet.append(row)
        sheet.protection.sheet = True
    if info:
        sheet = book.create_sheet("Info")
        sheet.append(["veld", "waarde"])
        sheet.append(["school", "12AB"])
    book.save(path)
    return path


def changed_lines(old: str, new: str) -> list[tuple[str, list[str], list[str]]]:
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    return [
        (tag, a[i1:i2], b[j1:j2])
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        if tag != "equal"
    ]


# --- reading ---------------------------------------------------------------------------


def test_reads_an_xlsx_by_header_name(tmp_path: Path) -> None:
    path = workbook(tmp_path / "a.xlsx", {"12AB": [RIJ_1]})
    blad, info = read(path)
    assert (blad.titel, info.titel) == ("12AB", "Info")
    assert blad.kop["status"] == 6
    (rij,) = blad.rijen
    assert rij.nummer == 2
    assert blad.waarde(rij, "datum") == dt.datetime(2026, 3, 1)
    assert blad.plek(2, 6) == "12AB!G2"


def test_reads_a_dutch_excel_csv(tmp_path: Path) -> None:
    path = tmp_path / "checklist-12AB.csv"
    text = "Code ;Status;datum;toelichting\r\nDG-001;bezig;01-03-2026;'=som\r\n;;;\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (blad,) = read(path)
    assert blad.titel == "checklist-12AB.csv"
    assert list(blad.kop) == ["code", "status", "datum", "toelichting"]
    (rij,) = blad.rijen
    assert rij.cellen == ("DG-001", "bezig", "01-03-2026", "=som")


def test_reads_a_comma_csv_and_windows_1252(tmp_path: Path) -> None:
    comma = tmp_path / "12AB.csv"
    comma.write_text('code,status,toelichting\nDG-001,bezig,"één, twee"\n', "utf-8")
    assert read(comma)[0].rijen[0].cellen == ("DG-001", "bezig", "één, twee")
    ansi = tmp_path / "oud.csv"
    ansi.write_bytes("code;toelichting\nDG-001;café\n".encode("cp1252"))
    assert read(ansi)[0].rijen[0].cellen == ("DG-001", "café")


# --- import ----------------------------------------------------------------------------


def test_an_unchanged_sheet_changes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook(project / "lijst.xlsx", {"12AB": [RIJ_1, RIJ_2]})
    code, out, err = run(project, capsys, "import", str(path))
    assert (code, err) == (0, "")
    assert out.endswith("niets veranderd\n")
    assert school(project) == SCHOOL


def test_import_changes_only_what_differs_and_keeps_every_other_byte(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rij_2 = list(RIJ_2)
    rij_2[6], rij_2[8], rij_2[10] = "ingevoerd", None, ""  # no datum: today; bewijs removed
    path = workbook(project / "lijst.xlsx", {"12AB": [RIJ_1, rij_2]})
    code, out, err = run(project, capsys, "import", str(path))
    assert (code, err) == (0, "")
    assert "DG-002: status: 'bezig' → 'ingevoerd'" in out
    assert "bewijs: 'https://example.org/lesplan-robot' → (leeg)" in out
    assert out.endswith("1 school bijgewerkt\n")
    assert school(project) == SCHOOL.replace(
        "    status: bezig   # sinds januari\n    groepen: [3-4, 5-6]\n    datum: 2026-01-15\n"
        "    bewijs: https://example.org/lesplan-robot\n",
        f"    status: ingevoerd   # sinds januari\n    groepen: [3-4, 5-6]\n    datum: {VANDAAG}\n",
    )
    assert school(project, "12AC") == ANDER  # not in the workbook: not written
    assert_clean(project)


def test_dry_run_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rij_1 = list(RIJ_1)
    rij_1[6] = "bezig"
    path = workbook(project / "lijst.xlsx", {"12AB": [rij_1, RIJ_2]})
    code, out, _ = run(project, capsys, "import", "--dry-run", str(path))
    assert code == 0
    assert "DG-001: status: 'ingevoerd' → 'bezig'" in out
    assert "proefdraai: 1 school zou veranderen" in out
    assert school(project) == SCHOOL


def test_a_network_workbook_changes_every_school_sheet(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ander = [["DG-001", "", "", "", "", "", "bezig", "", "2026-05-01", "", ""]]
    path = workbook(project / "netwerk.xlsx", {"12AB": [RIJ_1, RIJ_2], "12AC": ander})
    code, out, _ = run(project, capsys, "import", str(path))
    assert code == 0, out
    assert school(project) == SCHOOL
    new = school(project, "12AC")
    assert "  - {code: DG-001, status: bezig, datum: 2026-05-01}   # flow style\n" in new
    assert "DG-002: staat niet in het blad; ongewijzigd" in out
    assert_clean(project)


def test_every_bad_cell_is_reported_and_nothing_is_written(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        ["DG-001", "", "", "", "", "", "klaar", "1-2", "", "", ""],
        ["DG-002", "", "", "", "", "", "bezig", "groep 3", "31-02-2026", "", "lesplan.docx"],
        ["DG-002", "", "", "", "", "", "bezig", "", "", "", ""],
        ["DG-009", "", "", "", "", "", "bezig", "", "", "", ""],
    ]
    ander = [["DG-001", "", "", "", "", "", "ingevoerd", "", "2031-01-01", "", ""]]
    path = workbook(project / "lijst.xlsx", {"12AB": rows, "12AC": ander, "99ZZ": []})
    code, out, err = run(project, capsys, "import", str(path))
    assert code == 1
    lines = out.splitlines()
    assert lines == [
        "lijst.xlsx:2:7: LD423: 12AB!G2 DG-001: onbekende status 'klaar' (kies uit: "
        "niet gestart, verkend, gepland, bezig, ingevoerd)",
        "lijst.xlsx:3:8: LD424: 12AB!H3 DG-002: onbekende groep 'groep' (kies uit: 1-2, 3-4, "
        "5-6, 7-8; scheid met komma's)",
        "lijst.xlsx:3:9: LD425: 12AB!I3 DG-002: '31-02-2026' is geen datum; schrijf "
        "JJJJ-MM-DD of DD-MM-JJJJ",
        "lijst.xlsx:3:11: LD429: 12AB!K3 DG-002: bewijs 'lesplan.docx' is geen link die "
        "begint met https://",
        "lijst.xlsx:4:1: LD428: 12AB!A4 DG-002: staat al in 12AB!A3",
        "lijst.xlsx:5:1: LD427: 12AB!A5: onbekend leerdoel 'DG-009'; bedoelde je 'DG-003'?",
        "lijst.xlsx:2:9: LD426: 12AC!I2 DG-001: datum 2031-01-01 ligt na vandaag "
        f"({VANDAAG}); alleen bij status 'gepland' mag de datum in de toekomst liggen, niet "
        "bij 'ingevoerd'",
        "lijst.xlsx:1:1: LD422: 99ZZ!A1: geen school '99ZZ': adoptie/scholen/99ZZ.yaml "
        "bestaat niet",
    ]
    assert "niets ingelezen: 8 problemen; er is niets geschreven" in err
    assert (school(project), school(project, "12AC")) == (SCHOOL, ANDER)


def test_a_school_csv_from_dutch_excel(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "checklist-12AB.csv"
    text = (
        "code;status;groepen;datum;toelichting\r\n"
        f"DG-001;ingevoerd;1-2;01-03-2026;{TOELICHTING}\r\n"
        "DG-002;bezig;3-4, 5-6;15-1-2026;Robotlessen in groep 3\r\n"
    )
    path.write_bytes(text.encode("cp1252"))
    code, out, _ = run(project, capsys, "import", str(path))
    assert code == 0, out
    assert "DG-002: toelichting: (leeg) → 'Robotlessen in groep 3'" in out
    assert changed_lines(SCHOOL, school(project)) == [
        ("insert", [], ["    toelichting: Robotlessen in groep 3\n"])
    ]
    assert_clean(project)


def test_a_csv_without_a_school_needs_one(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project / "export.csv"
    path.write_text("code,status\nDG-001,bezig\n", "utf-8")
    assert run(project, capsys, "import", str(path))[0] == 2
    code, out, _ = run(project, capsys, "import", "--school", "12AB", "--dry-run", str(path))
    assert code == 0
    assert "DG-001: status: 'ingevoerd' → 'bezig'" in out


def test_a_network_csv_has_a_brin_column(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "netwerk.csv"
    path.write_text("brin;code;status\n12AB;DG-001;ingevoerd\n12AC;DG-002;verkend\n", "utf-8")
    code, out, _ = run(project, capsys, "import", str(path))
    assert code == 0, out
    assert school(project) == SCHOOL
    assert f"{{code: DG-002, status: verkend, datum: {VANDAAG}}}" in school(project, "12AC")


def test_a_file_that_is_no_spreadsheet(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nep = project / "lijst.xlsx"
    nep.write_text("geen werkmap", "utf-8")
    code, out, err = run(project, capsys, "import", str(nep))
    assert code == 1
    assert out == "lijst.xlsx:0:0: LD420: lijst.xlsx: geen geldig XLSX-bestand (Excel-werkmap)\n"
    assert "Traceback" not in err
    pdf = project / "lijst.pdf"
    pdf.write_bytes(b"%PDF")
    assert "geen .xlsx- of .csv-bestand" in run(project, capsys, "import", str(pdf))[1]


def test_a_missing_status_column(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "12AB.csv"
    path.write_text("code;groepen\nDG-001;1-2\n", "utf-8")
    code, out, _ = run(project, capsys, "import", str(path))
    assert code == 1
    assert "LD421: 12AB.csv!A1: kolom 'status' ontbreekt in de kopregel (rij 1)" in out


def test_an_older_sheet_with_a_vervallen_goal(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_goal(project, "DG-004")
    path = project / "12AB.csv"
    same = "code;status\nDG-001;ingevoerd\nDG-002;bezig\nDG-003;ingevoerd\n"
    path.write_text(same, "utf-8")
    code, out, _ = run(project, capsys, "import", str(path))
    assert code == 0, out
    assert "DG-003: vervallen; gelijk aan het record, overgeslagen" in out
    assert "DG-004: staat niet in het blad; ongewijzigd" in out
    path.write_text(same.replace("DG-003;ingevoerd", "DG-003;bezig"), "utf-8")
    code, out, _ = run(project, capsys, "import", str(path))
    assert code == 1
    assert (
        "12AB.csv!A4 DG-003: het leerdoel is vervallen en vervangen door DG-002; een "
        "wijziging wordt niet ingelezen" in out
    )
    assert school(project) == SCHOOL


def test_import_refuses_when_the_check_fails(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "adoptie" / "scholen" / "12AC.yaml").write_text(ANDER + "onzin: 1\n", "utf-8")
    path = project / "12AB.csv"
    path.write_text("code;status\nDG-001;bezig\n", "utf-8")
    code, _, err = run(project, capsys, "import", str(path))
    assert code == 1
    assert "niets ingelezen: los eerst de fouten op" in err
    assert school(project) == SCHOOL


def test_a_file_that_is_not_there_is_a_usage_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(project, capsys, "import", str(project / "weg.xlsx"))
    assert code == 2
    assert "bestaat niet" in err


def test_school_picks_one_school_from_a_network_csv(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project / "netwerk.csv"
    path.write_text("brin;code;status\n12AB;DG-001;bezig\n12AC;DG-002;verkend\n", "utf-8")
    code, out, _ = run(project, capsys, "import", "--school", "12AC", str(path))
    assert code == 0, out
    assert school(project) == SCHOOL
    assert "status: verkend" in school(project, "12AC")
    code, out, _ = run(project, capsys, "import", "--school", "12AD", str(path))
    assert code == 1
    assert "geen school '12AD'" in out


def test_a_status_is_read_whatever_its_case_and_named_as_written(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project / "12AB.csv"
    path.write_text("Code;STATUS\nDG-001; Ingevoerd \nDG-002;Klaar\n", "utf-8")
    code, out, _ = run(project, capsys, "import", str(path))
    assert code == 1
    assert out.startswith("12AB.csv:3:2: LD423: 12AB.csv!B3 DG-002: onbekende status 'Klaar'")
    assert "DG-001" not in out


def test_a_school_csv_names_its_groepen_as_the_download_writes_them(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The school CSV writes "groep 3-4, groep 5-6" (a spreadsheet keeps it as text); the
    import reads that as well as "3-4, 5-6"."""
    path = project / "checklist-12AB.csv"
    text = (
        "code;status;groepen\r\nDG-001;ingevoerd;groep 1-2\r\nDG-002;bezig;Groep 3-4, groep 5-6\r\n"
    )
    path.write_text(text, "utf-8")
    code, out, _ = run(project, capsys, "import", str(path))
    assert code == 0, out
    assert school(project) == SCHOOL  # the same groepen as the file has: nothing changed
    path.write_text("code;status;groepen\r\nDG-002;bezig;groep 5-6, 7-8\r\n", "utf-8")
    code, out, _ = run(project, capsys, "import", str(path))
    assert code == 0, out
    assert "DG-002: groepen: 3-4, 5-6 → 5-6, 7-8\n" in out
    assert "    groepen: [5-6, 7-8]\n" in school(project)
