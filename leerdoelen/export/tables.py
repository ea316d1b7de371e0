"""Tables for spreadsheets: CSV and XLSX as bytes, for the site's downloads and the open data.

CSV as the groep lists have it: semicolons, a BOM, and cells that a spreadsheet would run
as a formula kept as text (``_cell``). XLSX in the shape openpyxl's write-only mode
writes, but fast and byte-for-byte reproducible:

- openpyxl writing a workbook costs about 15 ms (measured: 90 rows of 9 text cells, pure
  Python XML); for ~7,000 school checklists that alone would be almost two minutes. So
  openpyxl makes the package once per set of sheet names (styles, theme, workbook,
  relations: ``_skeleton``), and each download only adds its sheets, written here in the
  same XML that openpyxl's write-only mode writes (inline strings, a bold header row).
- The zip entries get a fixed timestamp and ``docProps/core.xml`` fixed dates, so an
  unchanged checklist gives the same bytes and ``write_tree`` leaves the file alone.

Text in an XLSX cell is a string, never a formula, so it needs no guard; characters that
XML 1.0 forbids (control characters) are dropped.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from functools import cache
from xml.sax.saxutils import escape

from leerdoelen.core.corpus import Corpus
from leerdoelen.core.model import Leerdoel

Waarde = str | int
Blad = tuple[str, Sequence[str], Iterable[Sequence[Waarde]]]  # title, header, rows

FIXED = dt.datetime(2020, 1, 1)  # the workbook's created/modified: content, not clock
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
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
_SHEET_TAIL = (
    '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5" />'
    "</worksheet>"
)


def _cell(value: str) -> str:
    """A spreadsheet would run a cell that starts like a formula; keep it text."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def csv_bytes(
    header: Sequence[str], rows: Iterable[Sequence[Waarde]], text: Sequence[int] | None = None
) -> bytes:
    """A CSV for Dutch Excel: semicolons, CRLF, a BOM; formula-like cells kept as text.

    ``text``: the columns that can hold free text; only those need the formula guard (the
    others hold codes, statuses, dates and numbers). Default: every column.
    """
    guard = range(len(header)) if text is None else text
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        cells = list(row)
        for i in guard:
            value = cells[i]
            if value.__class__ is str:
                cells[i] = _cell(value)
        writer.writerow(cells)
    return out.getvalue().encode("utf-8-sig")


def _column(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _sheet_xml(header: Sequence[str], rows: Iterable[Sequence[Waarde]]) -> bytes:
    """A worksheet as openpyxl's write-only mode writes it (inline strings, a bold
    header), plus a frozen header row and column widths. Empty cells are left out."""
    letters = [_column(i) for i in range(len(header))]
    parts = ['<row r="1">']
    parts += [
        f'<c r="{c}1" s="1" t="inlineStr"><is><t>{escape(h)}</t></is></c>'
        for c, h in zip(letters, header, strict=True)
    ]
    parts.append("</row>")
    widths = [len(h) for h in header]
    r = 1
    for row in rows:
        r += 1
        cells = []
        for i, value in enumerate(row):
            if value.__class__ is int:
                cells.append(f'<c r="{letters[i]}{r}" t="n"><v>{value}</v></c>')
            elif isinstance(value, str) and value:
                text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                space = ' xml:space="preserve"' if value != value.strip() else ""
                cells.append(
                    f'<c r="{letters[i]}{r}" t="inlineStr"><is><t{space}>{text}</t></is></c>'
                )
                if len(value) > widths[i]:
                    widths[i] = len(value)
        parts.append(f'<row r="{r}">{"".join(cells)}</row>')
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{min(w, 60) + 2}" customWidth="1" />'
        for i, w in enumerate(widths, start=1)
    )
    head = _SHEET_HEAD.replace("{end}", f"{letters[-1]}{r}")
    body = f"{head}<cols>{cols}</cols><sheetData>{''.join(parts)}</sheetData>{_SHEET_TAIL}"
    return _NOT_XML.sub("", body).encode()


@cache
def _skeleton(titles: tuple[str, ...]) -> tuple[tuple[str, bytes], ...]:
    """Every part of an openpyxl workbook with these sheets, in openpyxl's order; the
    worksheets themselves are left empty (``b""``) for ``xlsx_bytes`` to fill in."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.packaging.core import DocumentProperties
    from openpyxl.styles import Font
    from openpyxl.xml.functions import tostring

    workbook = Workbook(write_only=True)
    for title in titles:
        sheet = workbook.create_sheet(title)
        header = WriteOnlyCell(sheet, value=title)
        header.font = Font(bold=True)  # becomes style 1, which the header rows use
        sheet.append([header])
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


def xlsx_bytes(sheets: Sequence[Blad]) -> bytes:
    """An XLSX with one sheet per ``(title, header, rows)``; the same input, the same bytes."""
    skeleton = _skeleton(tuple(title for title, _, _ in sheets))
    written = {
        f"xl/worksheets/sheet{i}.xml": _sheet_xml(header, rows)
        for i, (_, header, rows) in enumerate(sheets, start=1)
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in skeleton:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            # Level 1: twice as fast as the default, and only ~10% bigger here.
            archive.writestr(info, written.get(name, data), zipfile.ZIP_DEFLATED, compresslevel=1)
    return buffer.getvalue()


# The goals as one table: the groep lists' CSV and the open data's.
CSV_COLUMNS = (
    "code",
    "titel",
    "domein",
    "subdomein",
    "kerndoel",
    "doelzin",
    "groepen",
    "status",
    "omschrijving",
)


def goals_csv(doelen: Iterable[Leerdoel], corpus: Corpus) -> bytes:
    """A CSV for spreadsheets: semicolons and a BOM, as Dutch Excel expects."""
    rows = []
    for doel in doelen:
        plek = corpus.plek(doel)
        if plek is None:  # the check refuses a goal whose doelzin is unknown
            raise ValueError(f"{doel.code}: doelzin {doel.doelzin} staat niet in het kader")
        rows.append(
            (
                doel.code,
                doel.titel,
                plek.kader.titel,
                plek.subdomein.titel,
                plek.kerndoel.code,
                plek.doelzin.code,
                ", ".join(doel.groepen),
                doel.status,
                " ".join(doel.omschrijving.split()),
            )
        )
    return csv_bytes(CSV_COLUMNS, rows)
