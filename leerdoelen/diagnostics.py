"""Diagnostics: the one type that every check produces, and nothing prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from leerdoelen.catalogue import CATALOGUE


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
    return Diagnostic(path, line, column, code, CATALOGUE[code].bericht.format(**fields), related)
