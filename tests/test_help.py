"""The command line's help and usage errors are Dutch, with examples that work.

``tests/golden/help/`` holds the exact ``--help`` of every command (at 100 columns). To
accept a deliberate change, run ``UPDATE_GOLDEN=1 pytest tests/test_help.py`` and review
the diff.
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import io
import os
import shlex
from pathlib import Path

import pytest

from leerdoelen.cli import _parser, main
from leerdoelen.cli.dutch import DUTCH, DUTCH_PLURAL
from leerdoelen.cli.helptext import COMMANDS

GOLDEN = Path(__file__).parent / "golden" / "help"
ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "error:", "expected")


def _subcommands(parser: argparse.ArgumentParser, words: tuple[str, ...] = ()) -> list[str]:
    """Every command in the parser tree, as its words after "leerdoelen"."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append(" ".join((*words, name)))
                found += _subcommands(sub, (*words, name))
    return found


ALL = _subcommands(_parser())


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as stop:
            code = int(stop.code or 0)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def _fixed_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")


def test_every_command_has_a_line_and_examples() -> None:
    assert set(ALL) == set(COMMANDS), "a command without help, or help for no command"
    for command, (summary, examples) in COMMANDS.items():
        assert summary and not summary.endswith("."), command
        assert 2 <= len(examples) <= 4, command


@pytest.mark.parametrize("example", [e for _, es in COMMANDS.values() for _, e in es])
def test_every_example_parses(example: str) -> None:
    words = shlex.split(example)
    assert words[0] == "leerdoelen"
    _parser().parse_args(words[1:])  # a usage error would exit


@pytest.mark.parametrize("command", ["", *ALL])
def test_help_is_golden(command: str) -> None:
    code, out, err = run(*command.split(), "--help")
    assert (code, err) == (0, "")
    assert not any(word in out for word in ENGLISH), out
    golden = GOLDEN / f"{command.replace(' ', '-') or 'leerdoelen'}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_check_help_shows_one_file_a_pull_request_and_json() -> None:
    out = run("check", "--help")[1]
    assert "\nvoorbeelden:\n" in out
    assert "  leerdoelen check goals/digitale-geletterdheid/DG-001.yaml\n" in out
    assert "  leerdoelen check --base main\n" in out
    assert "  leerdoelen check --format json\n" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["check", "--format", "xml"],
            "leerdoelen check: fout: argument --format: ongeldige keuze: 'xml' "
            "(kies uit 'text', 'json', 'github')",
        ),
        (["new"], "leerdoelen new: fout: deze argumenten ontbreken: --doelzin"),
        (["check", "--bla"], "leerdoelen: fout: onbekende argumenten: --bla"),
        (["-C"], "leerdoelen: fout: argument -C: verwacht één waarde"),
        (["school"], "leerdoelen school: fout: deze argumenten ontbreken: OPDRACHT"),
        (
            ["bouw"],
            "leerdoelen: fout: argument OPDRACHT: ongeldige keuze: 'bouw' (kies uit 'check', "
            "'diff', 'release', 'schemas', 'codes', 'build', 'serve', 'school', 'import', "
            "'export', 'coverage', 'new')",
        ),
        (
            ["new", "--doelzin", "DG-po-23B", "--groepen"],
            "leerdoelen new: fout: argument --groepen: verwacht minstens één waarde",
        ),
        (["export", "json"], "leerdoelen export: fout: deze argumenten ontbreken: --out"),
    ],
)
def test_usage_errors_are_dutch(argv: list[str], message: str) -> None:
    code, out, err = run(*argv)
    assert (code, out) == (2, "")
    usage, said = err.splitlines()[0], err.splitlines()[-1]
    assert usage.startswith("gebruik: leerdoelen")
    assert said == message


def test_the_table_names_argparse_own_words() -> None:
    """A Python that rewords a message would silently bring English back: say so here."""
    source = inspect.getsource(argparse)
    for english in DUTCH:
        assert repr(english) in source or f'"{english}"' in source, english
    for singular, plural in DUTCH_PLURAL:
        assert repr(singular) in source and repr(plural) in source


def test_argparse_is_english_again_afterwards() -> None:
    run("check", "--help")
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]
