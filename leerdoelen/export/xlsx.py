"""XLSX as bytes, for the site's checklist workbooks: in the shape openpyxl's write-only
mode writes, but fast and byte-for-byte reproducible.

- openpyxl writing a workbook costs about 15 ms (measured: 90 rows of 9 text cells, pure
  Python XML); for ~7,000 school checklists that alone would be almost two minutes. So
  openpyxl makes the package once (styles, theme, workbook, relations: ``_skeleton``),
  and each download only adds its sheets, written here in the same XML that openpyxl's
  write-only mode writes (inline strings, a bold header row).
- The zip entries get a fixed timestamp and ``docProps/core.xml`` fixed dates, so an
  unchanged checklist gives the same bytes and ``write_tree`` leaves the file alone. The
  parts are compressed with ISA-L (``xlsx_packed.deflated``), the skeleton's once.
- The skeleton is made per number of sheets, with placeholder names that ``xlsx_bytes``
  replaces in ``xl/workbook.xml``: a network's workbook (a sheet per school) costs no
  openpyxl run of its own. Its styles are the header's and the form's (``S_…``).
- A sheet can be a form (``Formulier``): protected without a password, its open columns
  unlocked (the column and each of its cells), with drop-down lists, date checks and
  input messages (``Controle``). A ``datetime.date`` becomes a date cell (a serial number
  with the number format ``yyyy-mm-dd``).
- xlsxwriter writing the same form was 2.2× (90 rows) to 6.6× (296 rows) slower.
- A sheet that is in more than one workbook (a school's form is in its own workbook and in
  each of its networks') is written and compressed once: ``xlsx_packed.packed_sheet``
  takes it from the first workbook as its zip holds it, and ``xlsx_bytes`` copies that
  into the next one, in the very bytes that writing it again would give.

Text in an XLSX cell is a string, never a formula, so it needs no guard; characters that
XML 1.0 forbids (control characters) are dropped.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from leerdoelen.export.xlsx_packed import PackedSheet, deflated, sheet_name, write_packed
from leerdoelen.load.sheets import column_letter

Waarde = str | int | dt.date
Blad = tuple[str, Sequence[str], Iterable[Sequence[Waarde]]]  # title, header, rows

DATUM = "yyyy-mm-dd"  # the number format of date cells
# The cell styles (cellXfs) of the skeleton, made once by openpyxl (``_skeleton``); the
# default style 0 is locked, as every cell is unless its style says otherwise.
S_KOP, S_OPEN, S_OPEN_DATUM, S_DATUM = 1, 2, 3, 4  # bold header; unlocked text and date; date
_EPOCH = dt.date(1899, 12, 30)
_WORKBOOK = "xl/workbook.xml"
FIXED = dt.datetime(2020, 1, 1)  # the workbook's created/modified: content, not clock
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SHEET_HEAD = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetPr><outlinePr summaryBelow="1" summaryRight="1" /><pageSetUpPr /></sheetPr>'
    '<dimension ref="A1:{end}" /><sheetViews><sheetView workbookViewId="0">'
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen" />'
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2" />'
    "</sheetView></sheetViews>"
    '<sheetFormatPr baseColWidth="8" defaultRowHeight="15" />'
)
# Protected without a password: the open columns take input, the rest is read-only; widening
# columns and rows, formatting, sorting and filtering stay allowed.
_PROTECTION = (
    '<sheetProtection sheet="1" formatCells="0" formatColumns="0" formatRows="0" '
    'sort="0" autoFilter="0" />'
)
_SHEET_TAIL = (
    '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5" />'
    "</worksheet>"
)


@dataclass(frozen=True)
class Controle:
    """Input help and a check on a form's column: a drop-down list, a date, or only a
    message shown when a cell is selected."""

    kolom: str
    lijst: tuple[str, ...] = ()  # the allowed values (a drop-down)
    datum: bool = False  # a date (2000-2099)
    fout: str = ""  # shown when a value is refused (Dutch)
    uitleg: str = ""  # shown when a cell is selected (Dutch)


@dataclass(frozen=True)
class Formulier:
    """A sheet as a form: protected, with the columns ``open`` editable (unlocked, the
    whole column) and ``controles`` on them."""

    open: tuple[str, ...] = ()
    controles: tuple[Controle, ...] = ()


def _serial(day: dt.date) -> int:
    """A date as the number a spreadsheet keeps (days since 1899-12-30)."""
    return (day - _EPOCH).days


def _attr(text: str) -> str:
    return escape(text[:255], {'"': "&quot;"})


def _controle_xml(c: Controle, letter: str, last: int) -> str:
    sqref = f"{letter}2:{letter}{last}"
    messages = ""
    if c.fout:
        messages += f' showErrorMessage="1" errorTitle="Niet toegestaan" error="{_attr(c.fout)}"'
    if c.uitleg:
        messages += f' showInputMessage="1" prompt="{_attr(c.uitleg)}"'
    if c.lijst:
        items = escape(",".join(c.lijst))
        return (
            f'<dataValidation type="list" allowBlank="1"{messages} sqref="{sqref}">'
            f'<formula1>"{items}"</formula1></dataValidation>'
        )
    if c.datum:
        low, high = _serial(dt.date(2000, 1, 1)), _serial(dt.date(2099, 12, 31))
        return (
            f'<dataValidation type="date" operator="between" allowBlank="1"{messages} '
            f'sqref="{sqref}"><formula1>{low}</formula1><formula2>{high}</formula2>'
            "</dataValidation>"
        )
    return f'<dataValidation allowBlank="1"{messages} sqref="{sqref}" />'


# A cell's XML before and after its row number, and the width it asks for, per column
# (letter, style, date style) and value (a text itself, anything else with its type: 1 and
# True are equal keys): goal codes, titles, statuses and dates repeat in every school's
# sheet, so most cells are two strings joined around the row number.
_CELLS: dict[tuple[str, str, str], dict[object, tuple[str, str, int]]] = {}
_CELLS_MAX = 50_000  # per column
_NONE = ("", "", 0)  # a cell left out


def _cell(
    letter: str, style: str, date_style: str, kind: type, value: Waarde
) -> tuple[str, str, int] | None:
    head = f'<c r="{letter}'
    if kind is int:
        return head, f'"{style} t="n"><v>{value}</v></c>', 0
    if kind is dt.date:
        assert isinstance(value, dt.date)
        return head, f'"{date_style} t="n"><v>{_serial(value)}</v></c>', 10
    if isinstance(value, str) and value:
        text = _NOT_XML.sub("", value).replace("&", "&amp;").replace("<", "&lt;")
        text = text.replace(">", "&gt;")
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return head, f'"{style} t="inlineStr"><is><t{space}>{text}</t></is></c>', len(value)
    if style:  # an empty cell of an open column: there to be filled in
        return head, f'"{style} />', 0
    return None


# Per kind of sheet, per row of values: its cells, their widths, and per row number the cells.
_LEADS: dict[tuple[object, int], dict[object, tuple[str, tuple[int, ...], dict[str, str]]]] = {}
_ROW = "\x00"  # the row number, left open (XML text never holds it: _NOT_XML)


def _lead(
    values: Sequence[Waarde], kinds: list[tuple[str, str, str]]
) -> tuple[str, tuple[int, ...]]:
    """The cells of ``values`` in the first columns, with ``_ROW`` for the row number, and
    the widths they ask for."""
    made = [
        _cell(*kind, value.__class__, value) or _NONE
        for kind, value in zip(kinds, values, strict=True)
    ]
    xml = "".join(head + _ROW + tail for head, tail, _width in made if head)
    return xml, tuple(width for _head, _tail, width in made)


def _sheet_xml(
    header: Sequence[str], rows: Iterable[Sequence[Waarde]], formulier: Formulier | None = None
) -> bytes:
    """A worksheet as openpyxl's write-only mode writes it (inline strings, a bold
    header), plus a frozen header row and column widths. Empty cells are left out, except
    in a form's open columns, whose every cell carries the unlocked style."""
    letters = [column_letter(i) for i in range(len(header))]
    form = formulier or Formulier()
    datums = {c.kolom for c in form.controles if c.datum}
    # Per column: the style of its cells ("" is the default, locked), and of a date in it.
    style = [
        f' s="{S_OPEN_DATUM if h in datums else S_OPEN}"' if h in form.open else "" for h in header
    ]
    date_style = [f' s="{S_OPEN_DATUM}"' if h in form.open else f' s="{S_DATUM}"' for h in header]
    parts = ['<row r="1">']
    parts += [
        f'<c r="{c}1" s="{S_KOP}" t="inlineStr"><is><t>{escape(_NOT_XML.sub("", h))}</t></is></c>'
        for c, h in zip(letters, header, strict=True)
    ]
    parts.append("</row>")
    widths = [len(h) for h in header]
    for c in form.controles:
        if c.kolom in header:
            i = header.index(c.kolom)
            widths[i] = max(widths[i], 10 if c.datum else 0, *(len(v) for v in c.lijst))
    kinds = list(zip(letters, style, date_style, strict=True))
    columns = [_CELLS.setdefault(kind, {}) for kind in kinds]
    # A form's leading locked columns (a school's form: the goal's own cells) are the same
    # in every school's sheet: made once, per row of values, with the row number left open.
    # A goal is on the same row in every school's form: its cells are kept per row number.
    lead = next((i for i, h in enumerate(header) if h in form.open), 0)
    leads = _LEADS.setdefault((tuple(kinds), lead), {}) if lead else {}
    lead_widths: list[tuple[int, ...]] = []
    r = 1
    for row in rows:
        r += 1
        number = str(r)
        cells = []
        if lead:
            values = row[:lead]
            made_lead = leads.get(values)
            if made_lead is None:
                made_lead = (*_lead(values, kinds[:lead]), {})
                # Texts only: a key of numbers would take 1 and True for the same.
                if len(leads) < _CELLS_MAX and all(v.__class__ is str for v in values):
                    leads[values] = made_lead
            lead_xml, widths_asked, at_row = made_lead
            lead_widths.append(widths_asked)
            if (filled := at_row.get(number)) is None:
                filled = lead_xml.replace(_ROW, number)
                if len(at_row) < _CELLS_MAX:
                    at_row[number] = filled
            cells.append(filled)
        for i in range(lead, len(row)):
            value = row[i]
            column = columns[i]
            kind = value.__class__
            key = value if kind is str or kind is dt.date else (kind, value)
            made = column.get(key)
            if made is None:
                made = _cell(letters[i], style[i], date_style[i], value.__class__, value) or _NONE
                if len(column) < _CELLS_MAX:
                    column[key] = made
            head, tail, width = made
            if head:
                cells.append(head + number + tail)
                if width > widths[i]:
                    widths[i] = width
        parts.append(f'<row r="{number}">{"".join(cells)}</row>')
    if lead_widths:  # per column, in one pass
        widths[:lead] = map(max, widths[:lead], map(max, zip(*lead_widths, strict=True)))
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{min(w, 60) + 2}" customWidth="1"{s} />'
        for i, (w, s) in enumerate(
            zip(widths, (s.replace("s=", "style=") for s in style), strict=True), start=1
        )
    )
    head = _SHEET_HEAD.replace("{end}", f"{letters[-1]}{r}")
    tail = _SHEET_TAIL
    if formulier is not None:
        checks = [
            _controle_xml(c, letters[header.index(c.kolom)], r)
            for c in form.controles
            if c.kolom in header and r > 1
        ]
        valid = _NOT_XML.sub(
            "", f'<dataValidations count="{len(checks)}">{"".join(checks)}</dataValidations>'
        )
        tail = _PROTECTION + (valid if checks else "") + tail
    body = f"{head}<cols>{cols}</cols><sheetData>{''.join(parts)}</sheetData>{tail}"
    return body.encode()  # text is cleaned of what XML forbids where it goes in (_cell)


@cache
def _skeleton(count: int) -> tuple[tuple[str, bytes], ...]:
    """Every part of an openpyxl workbook with ``count`` sheets, in openpyxl's order; the
    worksheets themselves are left empty (``b""``) for ``xlsx_bytes`` to fill in, and
    the sheet names in ``xl/workbook.xml`` are placeholders (``_placeholder``)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.packaging.core import DocumentProperties
    from openpyxl.styles import Font, Protection
    from openpyxl.xml.functions import tostring

    workbook = Workbook(write_only=True)
    for i in range(count):
        sheet = workbook.create_sheet(_placeholder(i))
        if i:
            continue
        # The styles, numbered in the order of first use: S_KOP, S_OPEN, S_OPEN_DATUM, S_DATUM.
        header = WriteOnlyCell(sheet, value="kop")
        header.font = Font(bold=True)
        cells = [header]
        for locked, number_format in ((False, "General"), (False, DATUM), (True, DATUM)):
            cell = WriteOnlyCell(sheet, value="x")
            cell.protection = Protection(locked=locked)
            cell.number_format = number_format
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    properties = DocumentProperties(creator="leerdoelen", created=FIXED, modified=FIXED)
    parts = []
    with zipfile.ZipFile(buffer) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                data = b""
            elif name == "docProps/core.xml":
                # The stubs say str, but openpyxl's tostring is ElementTree's with
                # encoding="utf-8", which returns bytes.
                data = tostring(properties.to_tree())  # type: ignore[assignment]
            else:
                data = archive.read(name)
            parts.append((name, data))
    return tuple(parts)


def _placeholder(index: int) -> str:
    return f"ldblad{index:05d}"


def _workbook_xml(data: bytes, titles: Sequence[str]) -> bytes:
    """The skeleton's ``xl/workbook.xml`` with the real sheet names."""
    text = data.decode()
    for i, title in enumerate(titles):
        quoted = escape(title, {'"': "&quot;"})
        text = text.replace(f'name="{_placeholder(i)}"', f'name="{quoted}"', 1)
    return text.encode()


def xlsx_bytes(
    sheets: Sequence[Blad | PackedSheet], formulieren: Mapping[str, Formulier] | None = None
) -> bytes:
    """An XLSX with one sheet per ``(title, header, rows)``; the same input, the same bytes.
    A ``PackedSheet`` (from ``packed_sheet``) goes in as it is, as it was written.

    ``formulieren``: per sheet title, what makes that sheet a form (``Formulier``)."""
    formulieren = formulieren or {}
    titles = [s.title if isinstance(s, PackedSheet) else s[0] for s in sheets]
    written: dict[str, PackedSheet] = {
        sheet_name(i): s
        if isinstance(s, PackedSheet)
        else deflated(_sheet_xml(s[1], s[2], formulieren.get(s[0])))
        for i, s in enumerate(sheets, start=1)
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, part in _packed_skeleton(len(sheets)):
            if name in written:
                part = written[name]
            elif isinstance(part, bytes):  # the workbook part, which names the sheets
                part = deflated(_workbook_xml(part, titles))
            write_packed(archive, name, part)
    return buffer.getvalue()


@cache
def _packed_skeleton(count: int) -> tuple[tuple[str, bytes | PackedSheet], ...]:
    """The skeleton's parts compressed once, but for the worksheets (empty) and the
    workbook part, which names them."""
    return tuple(
        (name, data if not data or name == _WORKBOOK else deflated(data))
        for name, data in _skeleton(count)
    )
