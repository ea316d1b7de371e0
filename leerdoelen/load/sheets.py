"""Spreadsheets as rows of cells with their place: what ``school import`` reads.

An XLSX is read with openpyxl (read-only, the values Excel last calculated; protection and
data validation play no part in reading); a CSV is sniffed for ``;`` or ``,``, may start
with a BOM, and may be Windows-1252 (Dutch Excel's "CSV (gescheiden door
lijstscheidingsteken)") when it is not UTF-8. Each sheet keeps its header by name, so
that the reader finds columns by name, never by position. Nothing here knows what a
school or a leerdoel is, and nothing is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from leerdoelen.util.files import describe
from leerdoelen.util.progress import counted

Waarde = str | int | float | bool | dt.datetime | dt.date | dt.time | None
XLSX = (".xlsx", ".xlsm")
CSV = ".csv"
# The download's CSV keeps a cell that looks like a formula as text with a leading "'".
_DMY = re.compile(r"^([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})$")
_ISO = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_GUARDED = ("'=", "'+", "'-", "'@", "'\t", "'\r")


class SheetError(Exception):
    """A file that cannot be read as a spreadsheet; the message says why, in Dutch."""


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


@dataclass(frozen=True)
class Rij:
    """One row that is not empty: its number (1-based, as the spreadsheet shows it)."""

    nummer: int
    cellen: tuple[Waarde, ...]


@dataclass
class Blad:
    """One sheet (a CSV is one sheet named after its file): header names → column index."""

    titel: str
    kop: dict[str, int] = field(default_factory=dict)
    rijen: list[Rij] = field(default_factory=list)

    def plek(self, rij: int, kolom: int) -> str:
        """A cell's place as a spreadsheet names it: ``99AA!F14``."""
        return f"{self.titel}!{column_letter(kolom)}{rij}"

    def waarde(self, rij: Rij, naam: str) -> Waarde:
        index = self.kop.get(naam)
        if index is None or index >= len(rij.cellen):
            return None
        return rij.cellen[index]


def _empty(value: Waarde) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _sheet(titel: str, rows: list[tuple[int, tuple[Waarde, ...]]]) -> Blad:
    blad = Blad(titel)
    if not rows:
        return blad
    _nummer, header = rows[0]
    for i, name in enumerate(header):
        if isinstance(name, str) and name.strip():
            blad.kop.setdefault(name.strip().lower(), i)
    blad.rijen = [Rij(n, cells) for n, cells in rows[1:] if not all(map(_empty, cells))]
    return blad


def read(path: Path) -> list[Blad]:
    """Every sheet of an .xlsx, or the one sheet of a .csv; SheetError when it is neither
    or cannot be read."""
    suffix = path.suffix.lower()
    if suffix in XLSX:
        return _read_xlsx(path)
    if suffix == CSV:
        return [_read_csv(path)]
    raise SheetError(f"{path.name}: geen .xlsx- of .csv-bestand")


def _read_xlsx(path: Path) -> list[Blad]:
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except OSError as error:
        raise SheetError(f"{path.name}: niet te lezen: {describe(error)}") from None
    except Exception:  # openpyxl's many ways to say "not a workbook"
        raise SheetError(f"{path.name}: geen geldig XLSX-bestand (Excel-werkmap)") from None
    try:
        sheets = []
        for sheet in counted(workbook.worksheets, "Bladen lezen", len(workbook.worksheets)):
            rows = [
                (n, tuple(row))
                for n, row in enumerate(sheet.iter_rows(values_only=True), start=1)
                if row
            ]
            sheets.append(_sheet(sheet.title, rows))  # type: ignore[arg-type]
        return sheets
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError) as error:
        raise SheetError(f"{path.name}: werkmap beschadigd ({error})") from None
    finally:
        workbook.close()


def decode(data: bytes) -> str:
    """A CSV's text: UTF-8 (a BOM dropped), else Windows-1252."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise ValueError("geen UTF-8 en geen Windows-1252-tekst") from None


def _read_csv(path: Path) -> Blad:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SheetError(f"{path.name}: niet te lezen: {describe(error)}") from None
    try:
        text = decode(data)
    except ValueError as error:
        raise SheetError(f"{path.name}: {error}") from None
    if "\x00" in text:
        raise SheetError(f"{path.name}: geen tekstbestand (CSV)")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") and ";" in first else ","
    try:
        rows = [
            (n, tuple(_unguard(cell) for cell in row))
            for n, row in enumerate(
                csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), 1
            )
        ]
    except csv.Error as error:
        raise SheetError(f"{path.name}: geen geldige CSV ({error})") from None
    return _sheet(path.name, rows)  # type: ignore[arg-type]


def _unguard(cell: str) -> str:
    return cell[1:] if cell.startswith(_GUARDED) else cell


def cell_text(value: Waarde) -> str:
    """A cell's value as text, without surrounding spaces (a whole number without ".0")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()


def cell_date(value: Waarde) -> dt.date | bool | None:
    """A cell's date (a date cell, a datetime at midnight, ``2025-03-01`` or
    ``1-3-2025``); None for an empty cell; False when it is none."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time() else False
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return False
    text = value.strip()
    try:
        if match := _DMY.fullmatch(text):
            day, month, year = map(int, match.groups())
            return dt.date(year, month, day)
        if _ISO.fullmatch(text):
            return dt.date.fromisoformat(text)
    except ValueError:
        return False
    return False
