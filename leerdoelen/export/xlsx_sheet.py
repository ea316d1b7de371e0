"""A worksheet's XML, as openpyxl's write-only mode writes it (inline strings, a bold header
row), plus a frozen header row, column widths and, for a form (``Formulier``), protection and
input checks (``Controle``); ``leerdoelen.export.xlsx`` puts sheets into a workbook.

A school's form has 296 rows, and 7,000 schools' forms are written in a national build: the
cells that repeat (a goal's own, the statuses, the dates) are made once and kept (``_CELLS``,
``_LEADS``), so most of a row is strings joined around its number.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from leerdoelen.load.sheets import column_letter

Waarde = str | int | dt.date

DATUM = "yyyy-mm-dd"  # the number format of date cells
# The cell styles (cellXfs) of the skeleton, made once by openpyxl (``_skeleton``); the
# default style 0 is locked, as every cell is unless its style says otherwise.
S_KOP, S_OPEN, S_OPEN_DATUM, S_DATUM = 1, 2, 3, 4  # bold header; unlocked text and date; date
_EPOCH = dt.date(1899, 12, 30)
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


def sheet_xml(
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
