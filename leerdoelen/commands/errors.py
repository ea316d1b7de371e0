"""How a command stops without its result. The CLI maps each to output and an exit code;
the commands themselves print nothing. (``Refused``, for a check that found errors, is
beside ``check.checked``.)"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from leerdoelen.core.diagnostics import Diagnostic


class UsageError(Exception):
    """Bad arguments or a project that cannot be found: exit 2 with a Dutch message."""


class Failed(Exception):
    """The command could not do its work (a file it could not write, an export that does
    not validate) and left things as they were: the CLI prints ``problems``, one line
    each, and ``leerdoelen: <message>`` on stderr, and exits 1."""

    def __init__(self, message: str, problems: Sequence[Diagnostic] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems


@contextlib.contextmanager
def git_usage() -> Iterator[None]:
    """A revision or release that cannot be used is a usage error."""
    from leerdoelen.versions.release import ReleaseError
    from leerdoelen.versions.revisions import RevisionError

    try:
        yield
    except (RevisionError, ReleaseError) as error:
        raise UsageError(str(error)) from None
