"""``split_groepen``: the one reader of a groepen cell or ``--groepen`` argument, for
``school import`` and ``school set`` alike; the inverse of ``groepen_tekst``."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest
from test_school_cli import assert_clean, run, school
from test_school_import import project

from leerdoelen.core.model import GROEPEN
from leerdoelen.export.tables import UnknownGroep, groepen_tekst, split_groepen

__all__ = ["project"]  # the fixture, shared


@pytest.mark.parametrize(
    ("text", "groepen"),
    [
        ("", []),
        ("   ", []),
        ("1-2,3-4", ["1-2", "3-4"]),
        ("1-2; 3-4", ["1-2", "3-4"]),
        ("5-6 7-8", ["5-6", "7-8"]),
        ("groep 5-6", ["5-6"]),
        ("groep 5-6, groep 7-8", ["5-6", "7-8"]),
        ("Groep 1-2;groep  3-4", ["1-2", "3-4"]),
        (" 7-8 ,\t1-2 ", ["7-8", "1-2"]),  # as written: the writer puts them in order
    ],
)
def test_every_way_of_writing_groepen(text: str, groepen: list[str]) -> None:
    assert split_groepen(text) == groepen


@pytest.mark.parametrize(
    ("text", "groep"),
    [("3", "3"), ("groep 3", "groep"), ("1-2, 9-10", "9-10"), ("1-2 5/6", "5/6")],
)
def test_the_first_unknown_groep_is_named(text: str, groep: str) -> None:
    with pytest.raises(UnknownGroep) as raised:
        split_groepen(text)
    assert raised.value.groep == groep
    assert str(raised.value) == f"onbekende groep '{groep}' (kies uit: 1-2, 3-4, 5-6, 7-8)"


def test_it_reads_back_what_groepen_tekst_writes() -> None:
    for n in range(len(GROEPEN) + 1):
        for bands in combinations(GROEPEN, n):
            assert split_groepen(groepen_tekst(bands)) == list(bands)


def test_set_takes_groepen_as_the_workbook_writes_them(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ("set", "12AB", "DG-001", "--status", "ingevoerd", "--groepen", "groep 1-2; groep 7-8")
    code, out, _ = run(project, capsys, *argv)
    assert code == 0, out
    assert "    groepen: [1-2, 7-8]\n" in school(project)
    assert_clean(project)
