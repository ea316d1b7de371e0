"""argparse in Dutch: its own words (usage, sections, errors) through its gettext hook.

argparse looks its words up with ``gettext`` at the moment it needs them. While
:func:`in_dutch` is active, that lookup answers from the table below; any word that is not
in it stays as argparse wrote it. Only argparse's module is touched, only for that while.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

# argparse's message ids (Python 3.11-3.13) that a user of the command line can see.
DUTCH = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ongeldige waarde voor %(type)s: %(value)r",
    "expected one argument": "verwacht één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "ignored explicit argument %r": "neemt geen waarde; %r is te veel",
    "not allowed with argument %s": "mag niet samen met argument %s",
    "one of the arguments %s is required": "een van deze argumenten is nodig: %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "onduidelijke optie: %(option)s kan zijn: %(matches)s"
    ),
    "unexpected option string: %s": "onverwachte optie: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
}
DUTCH_PLURAL = {("expected %s argument", "expected %s arguments"): "verwacht %s waarde(n)"}


def _gettext(message: str) -> str:
    return DUTCH.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return DUTCH_PLURAL.get((singular, plural), singular if n == 1 else plural)


@contextmanager
def in_dutch() -> Iterator[None]:
    """argparse speaks Dutch inside this block (parsing, help, usage and errors)."""
    module = vars(argparse)
    saved = module["_"], module["ngettext"]
    module["_"], module["ngettext"] = _gettext, _ngettext
    try:
        yield
    finally:
        module["_"], module["ngettext"] = saved
