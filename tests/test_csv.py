"""The CSV downloads: ``csv_bytes`` joins each value's field, made once, where the standard
library's writer writes every row; the bytes are the writer's, for any value."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from leerdoelen.export.tables import _cells, csv_bytes, csv_records, csv_row
from leerdoelen.export.xlsx_sheet import Waarde


def written(
    header: Sequence[str],
    rows: list[Sequence[Waarde]],
    text: Sequence[int] | None,
    groepen: Sequence[int],
) -> bytes:
    """The CSV as ``csv.writer`` writes it, row by row: what ``csv_bytes`` must give."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(map(_cells(range(len(header)) if text is None else text, groepen), rows))
    return out.getvalue().encode("utf-8-sig")


# Texts with everything that quoting and the guard look at: the delimiter, quotes, line
# ends, formula characters, spaces, and text beyond ASCII.
TEXT = st.text(alphabet=st.sampled_from(list(";\"'\r\n\t =+-@ab,5-6 groepé€")), max_size=12)
GROEPEN = st.sampled_from(["", "1-2", "5-6, 7-8", "groep 3-4", "1-2,3-4"])
VALUE = st.one_of(
    TEXT, st.integers(-5, 5), st.booleans(), st.dates(dt.date(2025, 1, 1), dt.date(2026, 12, 31))
)


@settings(max_examples=300, deadline=None)
@given(
    width=st.integers(1, 5),
    data=st.data(),
)
def test_the_bytes_are_the_writers(width: int, data: st.DataObject) -> None:
    header = [f"k{i}" for i in range(width)]
    groepen = data.draw(st.lists(st.integers(0, width - 1), max_size=1, unique=True))
    text = data.draw(st.one_of(st.none(), st.lists(st.integers(0, width - 1), unique=True)))
    row = st.tuples(*(GROEPEN if i in groepen else VALUE for i in range(width)))
    rows = data.draw(st.lists(row, max_size=6))
    lead = data.draw(st.integers(0, width))  # the first fields joined once (and kept)
    assert csv_bytes(header, rows, text, groepen, lead) == written(header, rows, text, groepen)


def test_a_value_is_written_as_its_column_asks_each_time() -> None:
    """The same value in a column with the guard and in one without; a number and the
    text of that number; True and 1: each its own field."""
    header = ("tekst", "code")
    rows: list[Sequence[Waarde]] = [("=1", "=1"), ("1", 1), ("+a", "+a")]
    assert csv_bytes(header, rows, (0,)) == written(header, rows, (0,), ())
    assert csv_bytes(header, rows, (0,)).splitlines()[1] == b"'=1;=1"
    rows = [(1, "a"), (True, "a"), (1, "a")]  # the first fields joined once: 1 is not True
    assert csv_bytes(header, rows, (0,), lead=1) == written(header, rows, (0,), ())


def test_a_row_before_a_csvs_rows_is_a_row_of_the_whole() -> None:
    rows = [("DG-001", "a;b"), ("DG-002", "")]
    records = csv_records(csv_bytes(("code", "tekst"), rows), 2)
    assert records is not None
    joined = b"".join(b"%s;%s\r\n" % (csv_row(("=x",)), r) for r in records)
    assert csv_bytes(("k", "code", "tekst"), []) + joined == csv_bytes(
        ("k", "code", "tekst"), [("=x", *r) for r in rows]
    )
