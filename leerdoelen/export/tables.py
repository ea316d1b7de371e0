"""Tables for spreadsheets as CSV bytes, for the site's downloads and the open data: as the
groep lists have it, semicolons, a BOM, and cells that a spreadsheet would run as a
formula kept as text (``_cell``); groep bands as "groep 5-6", never a bare "5-6" that a
spreadsheet turns into a date. XLSX is ``export.xlsx``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence

from leerdoelen.core.corpus import Corpus
from leerdoelen.core.model import GROEPEN, Leerdoel
from leerdoelen.export.xlsx_sheet import Waarde

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """A spreadsheet would run a cell that starts like a formula; keep it text."""
    return f"'{value}" if value[:1] in _FORMULA else value


def groepen_tekst(groepen: str | Iterable[str]) -> str:
    """Bands (or a cell ``"1-2, 5-6"``) as ``"groep 1-2, groep 5-6"``: text to a spreadsheet,
    where a bare ``5-6`` becomes a date (Dutch Excel, LibreOffice)."""
    bands = [g.strip() for g in groepen.split(",")] if isinstance(groepen, str) else groepen
    return ", ".join(g if g.lower().startswith("groep") else f"groep {g}" for g in bands if g)


_SEPARATORS = re.compile(r"[,;\s]+")
_GROEP = re.compile(r"\bgroep\s+(?=\d+-\d+)", re.IGNORECASE)  # the word before a band


class UnknownGroep(ValueError):
    """A band that is not a groep; ``str()`` is the Dutch message."""

    def __init__(self, groep: str) -> None:
        super().__init__(f"onbekende groep '{groep}' (kies uit: {', '.join(GROEPEN)})")
        self.groep = groep


def split_groepen(text: str) -> list[str]:
    """The bands in a cell or argument, the inverse of ``groepen_tekst``: ``"1-2,3-4"``,
    ``"1-2; 3-4"``, ``"5-6 7-8"``, ``"groep 5-6, groep 7-8"``; ``""`` is none. Raises
    ``UnknownGroep`` for the first one that is not a groep (``"groep 3"``: ``groep``)."""
    found = [g for g in _SEPARATORS.split(_GROEP.sub("", text)) if g]
    for groep in found:
        if groep not in GROEPEN:
            raise UnknownGroep(groep)
    return found


_GROEPEN_CELLS: dict[str, str] = {}  # a cell's groepen_tekst: a few dozen distinct cells
# Each distinct value's field, per what its column does to it (groep bands, formula guard):
# the codes, titles, statuses, groepen and dates of a checklist repeat in every school's.
_FIELDS: dict[tuple[bool, bool], dict[object, str]] = {}
_FIELDS_MAX = 100_000
_LEADS: dict[tuple[object, int], dict[object, str]] = {}  # the first fields, joined


def csv_bytes(
    header: Sequence[str],
    rows: Iterable[Sequence[Waarde]],
    text: Sequence[int] | None = None,
    groepen: Sequence[int] = (),
    lead: int = 0,
) -> bytes:
    """A CSV for Dutch Excel: semicolons, CRLF, a BOM; formula-like cells kept as text.

    ``text``: the columns that can hold free text; only those need the formula guard (the
    others hold codes, statuses, dates and numbers). Default: every column. ``groepen``:
    the columns that list groep bands, written as ``groepen_tekst`` writes them. ``lead``:
    how many first fields repeat together in many tables (a checklist's goal cells):
    those are joined once per row of values.

    Each field is quoted, or not, on its own (``csv``'s minimal quoting), so a value's
    field is made by ``csv`` once and then joined: a school's checklist in a third of the
    time of writing every row with ``csv.writer``.
    """
    guard = range(len(header)) if text is None else text
    kinds = [(i in groepen, i in guard) for i in range(len(header))]
    caches = [_FIELDS.setdefault(kind, {}) for kind in kinds]
    leads = _LEADS.setdefault((tuple(kinds), lead), {})
    lines = [_written(header)]
    for row in rows:
        if len(row) != len(kinds) or len(row) < 2:  # a lone field: the writer's own rules
            lines.append(_written(_cells(guard, groepen)(row)))
            continue
        fields = []
        if lead:
            values = row[:lead]
            joined = leads.get(values)
            if joined is None:
                joined = ";".join(map(_field_in, caches, kinds, values))
                # Texts only: a key of numbers would take 1 and True for the same.
                if len(leads) < _FIELDS_MAX and all(v.__class__ is str for v in values):
                    leads[values] = joined
            fields.append(joined)
        for i in range(lead, len(row)):  # _field_in's lookup inline: a call per field costs
            value = row[i]
            key = value if value.__class__ is str else (value.__class__, value)
            field = caches[i].get(key)
            fields.append(_field_in(caches[i], kinds[i], value) if field is None else field)
        lines.append(";".join(fields) + CRLF)
    return "".join(lines).encode("utf-8-sig")


def _field_in(cache: dict[object, str], kind: tuple[bool, bool], value: Waarde) -> str:
    """A value's field in a column of this kind, made once and kept (``_FIELDS``)."""
    key = value if value.__class__ is str else (value.__class__, value)
    field = cache.get(key)
    if field is None:
        field = _field(value, *kind)
        if len(cache) < _FIELDS_MAX:
            cache[key] = field
    return field


def _field(value: Waarde, groep: bool, guard: bool) -> str:
    """One value as ``csv_bytes`` writes it in a column of this kind."""
    cells = _cells((0,) if guard else (), (0,) if groep else ())([value, ""])
    return _written(cells).removesuffix(";" + CRLF)


def _written(cells: Sequence[Waarde]) -> str:
    """One row as ``csv.writer`` writes it for Dutch Excel, with its line end."""
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator=CRLF).writerow(cells)
    return out.getvalue()


CRLF = "\r\n"


def csv_row(row: Sequence[Waarde], text: Sequence[int] | None = None) -> bytes:
    """One row as ``csv_bytes`` writes it, without its line end: cells before the cells of
    another row (``csv_records``), each field quoted or not on its own."""
    cells = _cells(range(len(row)) if text is None else text, ())(row)
    return _written(cells).removesuffix(CRLF).encode("utf-8")


def csv_records(data: bytes, rows: int) -> list[bytes] | None:
    """The rows of a ``csv_bytes`` output (its BOM and header left off), each without its
    line end; None unless it holds ``rows`` of them, one a line (a field with a line
    break in it spans lines)."""
    lines = data.split(CRLF.encode())
    if len(lines) != rows + 2 or lines[-1]:
        return None
    return lines[1:-1]


def _cells(
    guard: Sequence[int], groepen: Sequence[int]
) -> Callable[[Sequence[Waarde]], list[Waarde]]:
    """A row's cells as written: groep bands as text, formula-like text guarded."""
    cells_of = _GROEPEN_CELLS

    def cells(row: Sequence[Waarde]) -> list[Waarde]:
        values = list(row)
        for i in groepen:
            value = values[i]
            if value.__class__ is str:
                tekst = cells_of.get(value)
                if tekst is None:
                    tekst = groepen_tekst(value)
                    if len(cells_of) < 10_000:
                        cells_of[value] = tekst
                values[i] = tekst
        for i in guard:
            value = values[i]
            if value.__class__ is str and value[:1] in _FORMULA:
                values[i] = f"'{value}"
        return values

    return cells


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
    "lesmateriaal",
)


def lesmateriaal_cel(doel: Leerdoel) -> str:
    """A goal's lesmateriaal in one cell: ``titel (url) | titel (url)``."""
    return " | ".join(f"{' '.join(m.titel.split())} ({m.url})" for m in doel.lesmateriaal)


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
                lesmateriaal_cel(doel),
            )
        )
    return csv_bytes(CSV_COLUMNS, rows, groepen=(CSV_COLUMNS.index("groepen"),))
