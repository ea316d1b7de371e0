"""The checklist workbook as a form (issue 13): the layout ``leerdoelen school import``
reads back (a sheet per school titled with its BRIN, an ``Info`` sheet), the form's
protection, drop-down and date checks, date cells, and the same bytes for the same data.

Read with openpyxl, as a spreadsheet program would: its validation and protection
objects, and the cells' styles. The site is the one ``conftest.site_build`` built once.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import openpyxl
import pytest
from conftest import OPEN_NETWORK, STALE_SCHOOL, VERSIE, XSS_SCHOOL, klein_project
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.worksheet.worksheet import Worksheet

from leerdoelen.commands.build import newest_release
from leerdoelen.commands.check import check
from leerdoelen.core.adoptie import ADOPTIE_STATUSSEN
from leerdoelen.export import xlsx_sheet
from leerdoelen.export.xlsx import xlsx_bytes
from leerdoelen.export.xlsx_sheet import Controle, Formulier
from leerdoelen.render.adoptie import render_adoptie
from leerdoelen.render.checklist import SCHOOL_KOLOMMEN
from leerdoelen.versions.release import Changelog

OPEN = ("status", "groepen", "datum", "toelichting", "bewijs")
VANDAAG = dt.date(2026, 11, 29)


def _letter(kolom: str) -> str:
    return "ABCDEFGHIJK"[SCHOOL_KOLOMMEN.index(kolom)]


def _validations(sheet: Worksheet) -> dict[str, object]:
    """Per column letter: its one data validation."""
    found = {}
    for v in sheet.data_validations.dataValidation:
        (cells,) = v.sqref.ranges
        assert cells.min_col == cells.max_col
        found[_letter(SCHOOL_KOLOMMEN[cells.min_col - 1])] = v
    return found


def _assert_school_form(sheet: Worksheet) -> None:
    """The school sheet of the contract: headers, locked goal columns, an open form."""
    rows = sheet.max_row
    assert [c.value for c in sheet[1]] == list(SCHOOL_KOLOMMEN)
    assert rows > 1
    assert sheet.protection.sheet
    # People may widen columns and rows, and sort and filter (False: not protected).
    p = sheet.protection
    assert not (p.formatColumns or p.formatRows or p.formatCells or p.sort or p.autoFilter)
    assert p.password is None
    for row in sheet.iter_rows(min_row=2, max_row=rows):
        by_name = dict(zip(SCHOOL_KOLOMMEN, row, strict=True))
        for kolom, cell in by_name.items():
            assert cell.protection.locked is (kolom not in OPEN), (kolom, cell.coordinate)
        assert by_name["datum"].number_format == "yyyy-mm-dd"
    for kolom in SCHOOL_KOLOMMEN:  # the whole column, also below the rows there are
        style = sheet.column_dimensions[_letter(kolom)]
        assert (style.style_id != 0) is (kolom in OPEN), kolom
    assert all(c.protection.locked for c in sheet[1])
    checks = _validations(sheet)
    assert set(checks) == {_letter(k) for k in ("status", "groepen", "datum", "bewijs")}
    status = checks[_letter("status")]
    assert status.type == "list" and status.showErrorMessage and status.allow_blank
    assert status.formula1 == '"' + ",".join(ADOPTIE_STATUSSEN) + '"'
    assert str(status.sqref) == f"G2:G{rows}"
    assert "Kies een status" in status.error
    datum = checks[_letter("datum")]
    assert datum.type == "date" and datum.showErrorMessage and str(datum.sqref) == f"I2:I{rows}"
    assert "2025-03-01" in datum.error
    groepen = checks[_letter("groepen")]
    assert groepen.type is None and groepen.showInputMessage
    assert "bijvoorbeeld 1-2, 3-4" in groepen.prompt


def _info(workbook: openpyxl.Workbook) -> list[tuple[object, ...]]:
    sheet = workbook["Info"]
    assert sheet.protection.sheet
    values = list(sheet.values)
    assert values[0] == ("veld", "waarde")
    return values[1:]


# --- the downloads of the built site ----------------------------------------------------


def test_the_school_workbook_is_a_form_on_a_sheet_named_after_the_school(site: Path) -> None:
    path = site / "scholen" / XSS_SCHOOL / f"checklist-{XSS_SCHOOL}.xlsx"
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [XSS_SCHOOL, "Info"]
    sheet = workbook[XSS_SCHOOL]
    _assert_school_form(sheet)
    header = [c.value for c in sheet[1]]
    dg001 = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "DG-001")
    datum = dg001[header.index("datum")]
    assert datum.is_date and datum.value == dt.datetime(2026, 10, 1)
    assert dg001[header.index("status")].value in ADOPTIE_STATUSSEN


def test_the_school_workbook_says_which_school_file_and_version(site: Path) -> None:
    workbook = openpyxl.load_workbook(
        site / "scholen" / STALE_SCHOOL / f"checklist-{STALE_SCHOOL}.xlsx"
    )
    info = dict(_info(workbook))
    assert info["school"] == STALE_SCHOOL
    assert info["bestand"] == f"adoptie/scholen/{STALE_SCHOOL}.yaml"
    assert info["leerdoelen"] == VERSIE  # the release tag of the built repository
    assert info["gemaakt"] == "2025-06-01"  # the school's last change, not the build's clock
    assert info["naam"]


def test_the_network_workbook_has_a_form_per_school_and_one_info(site: Path) -> None:
    workbook = openpyxl.load_workbook(
        site / "netwerken" / OPEN_NETWORK / f"netwerk-{OPEN_NETWORK}.xlsx"
    )
    names = workbook.sheetnames
    assert names[:2] == ["Scholen", "Leerdoelen"] and names[-1] == "Info"
    brins = [r[0] for r in list(workbook["Scholen"].values)[1:]]
    assert names[2:-1] == brins and {XSS_SCHOOL, STALE_SCHOOL} <= set(brins)
    for brin in brins:
        _assert_school_form(workbook[brin])
    assert not workbook["Scholen"].protection.sheet  # the overviews stay as they were
    info = _info(workbook)
    assert [w for v, w in info if v == "school"] == brins
    assert [v for v, _ in info].count("leerdoelen") == 1


def test_the_pages_say_how_to_hand_in_a_filled_in_workbook(site: Path) -> None:
    school = (site / "scholen" / XSS_SCHOOL / "index.html").read_text(encoding="utf-8")
    assert f"leerdoelen school import checklist-{XSS_SCHOOL}.xlsx" in school
    assert "wie de repository beheert" in school
    netwerk = (site / "netwerken" / OPEN_NETWORK / "index.html").read_text(encoding="utf-8")
    assert f"leerdoelen school import netwerk-{OPEN_NETWORK}.xlsx" in netwerk
    bijdragen = (site / "bijdragen" / "index.html").read_text(encoding="utf-8")
    assert "Met een spreadsheet" in bijdragen and "In de browser" in bijdragen


# --- rendering in-process: the version, the same bytes -----------------------------------


@pytest.fixture(scope="module")
def klein(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    result = check(klein_project(tmp_path_factory.mktemp("klein") / "project"))
    assert result.ok
    return result.project.corpus


def test_the_workbooks_name_the_release_they_were_made_from(klein) -> None:  # type: ignore[no-untyped-def]
    pages = render_adoptie(klein, vandaag=VANDAAG, versie="v2026.2")
    for path in (
        "scholen/11AA/checklist-11AA.xlsx",
        "netwerken/techniek-noord/netwerk-techniek-noord.xlsx",
    ):
        workbook = openpyxl.load_workbook(io.BytesIO(pages[path]))  # type: ignore[arg-type]
        assert ("leerdoelen", "v2026.2") in _info(workbook)
    unreleased = render_adoptie(klein, vandaag=VANDAAG)["scholen/11AA/checklist-11AA.xlsx"]
    info = _info(openpyxl.load_workbook(io.BytesIO(unreleased)))  # type: ignore[arg-type]
    assert ("leerdoelen", "ongepubliceerd") in info


def test_an_unchanged_checklist_gives_the_same_bytes_on_another_day(klein) -> None:  # type: ignore[no-untyped-def]
    first = render_adoptie(klein, vandaag=VANDAAG)
    later = render_adoptie(klein, vandaag=VANDAAG + dt.timedelta(days=30))
    for path in (
        "scholen/11AA/checklist-11AA.xlsx",
        "netwerken/techniek-noord/netwerk-techniek-noord.xlsx",
    ):
        assert first[path] == later[path]


def test_the_newest_release_is_the_highest_version_readable_or_not() -> None:
    assert newest_release(Changelog(missing="releases")) == "ongepubliceerd"
    assert newest_release(Changelog(unavailable=("v2025.9", "v2026.10", "v2026.2"))) == "v2026.10"


# --- the writer ----------------------------------------------------------------------------


def test_a_form_sheet_has_date_cells_checks_and_open_columns() -> None:
    form = Formulier(
        open=("keuze", "dag"),
        controles=(
            Controle("keuze", lijst=("ja", "nee"), fout="Kies ja of nee."),
            Controle("dag", datum=True, uitleg="Een datum"),
        ),
    )
    rows = [("A", "ja", dt.date(2025, 3, 1)), ("B", "", "")]
    sheets = [("Blad", ("code", "keuze", "dag"), rows), ("Info", ("veld", "waarde"), [("x", "y")])]
    data = xlsx_bytes(sheets, {"Blad": form, "Info": Formulier()})
    assert data == xlsx_bytes(sheets, {"Blad": form, "Info": Formulier()})
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook["Blad"]
    assert list(sheet.values)[1:] == [("A", "ja", dt.datetime(2025, 3, 1)), ("B", None, None)]
    assert sheet["C2"].is_date and sheet["C2"].number_format == "yyyy-mm-dd"
    assert [sheet[c].protection.locked for c in ("A3", "B3", "C3")] == [True, False, False]
    assert sheet["C3"].number_format == "yyyy-mm-dd"  # an empty date cell: ready for a date
    keuze, dag = sheet.data_validations.dataValidation
    assert (keuze.formula1, str(keuze.sqref), keuze.error) == (
        '"ja,nee"',
        "B2:B3",
        "Kies ja of nee.",
    )
    assert (dag.type, str(dag.sqref), dag.prompt) == ("date", "C2:C3", "Een datum")
    assert sheet.protection.sheet and workbook["Info"].protection.sheet
    assert workbook["Info"]["B2"].protection.locked


def test_a_sheet_without_a_form_is_as_before() -> None:
    data = xlsx_bytes([("Blad", ("code", "dag"), [("A", dt.date(2025, 3, 1))])])
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Blad"]
    assert not sheet.protection.sheet and not sheet.data_validations.dataValidation
    assert sheet["B2"].value == dt.datetime(2025, 3, 1) and sheet["B2"].protection.locked


# --- a workbook as LibreOffice saved it (tests/fixtures/libreoffice) --------------------

LIBREOFFICE = Path(__file__).parent / "fixtures" / "libreoffice"
EDITED = {
    "DG-001": ("ingevoerd", "1-2, 3-4", dt.datetime(2026, 3, 1)),
    "DG-002": ("bezig", "5-6", dt.datetime(2026, 2, 15)),
    "DG-003": ("verkend", "7-8", dt.datetime(2026, 1, 10)),
}


def test_the_libreoffice_workbook_keeps_the_form_and_the_edits() -> None:
    workbook = openpyxl.load_workbook(LIBREOFFICE / "checklist-99AA.xlsx")
    assert workbook.sheetnames == ["99AA", "Info"]
    sheet = workbook["99AA"]
    rows = list(sheet.values)
    assert list(rows[0]) == list(SCHOOL_KOLOMMEN)
    by_code = {r[0]: dict(zip(SCHOOL_KOLOMMEN, r, strict=True)) for r in rows[1:]}
    for code, (status, groepen, datum) in EDITED.items():
        found = by_code[code]
        assert (found["status"], found["groepen"], found["datum"]) == (status, groepen, datum)
    assert sheet["I2"].is_date
    assert sheet.protection.sheet and not sheet["G2"].protection.locked
    assert sheet["A2"].protection.locked
    types = {str(v.sqref)[0]: v.type for v in sheet.data_validations.dataValidation}
    assert types["G"] == "list" and types["I"] == "date"
    assert dict(list(workbook["Info"].values)[1:])["school"] == "99AA"


def test_the_libreoffice_csv_has_the_columns_and_the_edits() -> None:
    text = (LIBREOFFICE / "checklist-99AA.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0] == list(SCHOOL_KOLOMMEN)
    by_code = {r[0]: dict(zip(SCHOOL_KOLOMMEN, r, strict=True)) for r in rows[1:]}
    for code, (status, groepen, datum) in EDITED.items():
        found = by_code[code]
        assert (found["status"], found["groepen"]) == (status, groepen)
        assert found["datum"] == datum.date().isoformat()


def test_text_that_xml_forbids_is_dropped_and_the_rest_kept() -> None:
    """Control characters (which XML 1.0 forbids) go, in a header, a cell and a repeated
    cell alike; spaces around a text stay (xml:space); the workbook opens."""
    header = ("code", "toe\x01lichting")
    rows = [("A\x0b1", " rond \x1f "), ("A\x0b1", "<b>&"), ("B2", dt.date(2026, 3, 1))]
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes([("Blad", header, rows)])))
    sheet = book["Blad"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["code", "toelichting"],
        ["A1", " rond  "],
        ["A1", "<b>&"],
        ["B2", dt.datetime(2026, 3, 1)],
    ]


_CELL = st.one_of(
    st.sampled_from(["", " ", "a", "x" * 70, "é <&>"]), st.integers(0, 1), st.booleans()
)
_ROWS = st.lists(st.lists(_CELL, min_size=3, max_size=3).map(tuple), max_size=5)


def _width(value: object) -> int:
    return len(value) if isinstance(value, str) else 0


@settings(max_examples=200, deadline=None)
@given(st.lists(_ROWS, min_size=2, max_size=4), st.integers(1, 3))
def test_a_sheet_is_the_same_whatever_sheets_were_made_before(
    sheets: list[list[tuple[object, ...]]], first_open: int
) -> None:
    """Cells and a form's leading locked cells are kept between sheets (xlsx_sheet._CELLS,
    xlsx_sheet._LEADS): what a sheet holds never depends on them, and its columns are as wide
    as their widest text."""
    header = ("a", "b", "c")
    form = Formulier(open=header[first_open:])
    last = sheets[-1]
    made = [xlsx_sheet.sheet_xml(header, rows, form) for rows in sheets]  # type: ignore[arg-type]
    xlsx_sheet._CELLS.clear()
    xlsx_sheet._LEADS.clear()
    assert made[-1] == xlsx_sheet.sheet_xml(header, last, form)  # type: ignore[arg-type]
    widths = [max([1, *(_width(row[i]) for row in last)]) for i in range(3)]
    found = re.findall(rb'<col min="\d" max="\d" width="(\d+)"', made[-1])
    assert [int(w) for w in found] == [min(w, 60) + 2 for w in widths]
