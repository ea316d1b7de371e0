"""Diagnostics: the one type that every check produces, and nothing prints."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from leerdoelen.core.catalogue import CATALOGUE


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """One problem in one file. Paths are relative to the project root, POSIX style.

    Line and column are 1-based; 0 means "the file as a whole".
    """

    path: str
    line: int
    column: int
    code: str
    message: str
    # Other files that share the fault (a cycle, a duplicate): a check of just one of
    # them still reports it.
    related: tuple[str, ...] = field(default=(), compare=False)

    @property
    def severity(self) -> Severity:
        return Severity(CATALOGUE[self.code].severity)

    @property
    def title(self) -> str:
        return CATALOGUE[self.code].titel


# A message stays readable: a list names a few items, and any one part (a key, a value from
# the content) is cut at this many characters.
SHOWN = 5
MAX_FIELD = 300


def number(n: int) -> str:
    """``2990`` as Dutch writes it: ``2.990``."""
    return f"{n:,}".replace(",", ".")


def listing(items: Sequence[str], shown: int = SHOWN, sep: str = ", ") -> str:
    """``a, b, c``; a long list names its first few: ``a, b, c, d, e en 2.990 meer``."""
    if len(items) <= shown + 1:
        return sep.join(items)
    return f"{sep.join(items[:shown])} en {number(len(items) - shown)} meer"


def suggest(name: str, known: Iterable[str], cutoff: float) -> str:
    """``; bedoelde je 'X'?`` for the one name in ``known`` closest to ``name``, if it is
    at least ``cutoff`` alike (difflib's ratio); otherwise nothing."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=cutoff)
    return f"; bedoelde je '{close[0]}'?" if close else ""


def printable(value: str) -> str:
    """``value`` with every character that a terminal acts on or hides escaped (``\\n``,
    ``\\x1b``, ``\\u202e``), so that a file name or a value from the content can neither
    forge a line nor restyle or reorder the output. Spaces stay."""
    if value.isprintable():
        return value
    return "".join(
        char if char.isprintable() or unicodedata.category(char) == "Zs" else repr(char)[1:-1]
        for char in value
    )


def _bounded(value: object) -> object:
    if isinstance(value, str) and len(value) > MAX_FIELD:
        return value[:MAX_FIELD] + "… (ingekort)"
    return value


def diagnostic(
    code: str,
    path: str,
    line: int = 0,
    column: int = 0,
    /,
    related: tuple[str, ...] = (),
    **fields: object,
) -> Diagnostic:
    """Build a diagnostic whose message is the catalogue's Dutch template for ``code``."""
    bounded = {name: _bounded(value) for name, value in fields.items()}
    return Diagnostic(path, line, column, code, CATALOGUE[code].bericht.format(**bounded), related)


def diagnostic_json(d: Diagnostic) -> dict[str, object]:
    """One diagnostic as the JSON reports (``check``, ``diff``) have it."""
    return {
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "code": d.code,
        "severity": str(d.severity),
        "title": d.title,
        "message": d.message,
    }
