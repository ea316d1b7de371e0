"""The package's shape: imports point inward, and modules stay short.

- The layer contract in ``.importlinter`` (cli on top, util at the bottom) is kept: checked
  by the venv's ``lint-imports``, found next to the running Python.
- No module under ``leerdoelen/`` is longer than 350 lines unless its docstring says why,
  in a sentence that starts with the marker ``Longer than 350 lines:`` followed by the
  reason. One fixed phrase, so that ``grep -r "Longer than 350 lines"`` lists every
  exception.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
PACKAGE = ROOT / "leerdoelen"
MAX_LINES = 350
MARKER = f"Longer than {MAX_LINES} lines:"
MODULES = sorted(PACKAGE.rglob("*.py"))


def test_imports_keep_the_layer_contract() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    found = subprocess.run(
        [str(lint_imports), "--config", str(ROOT / ".importlinter")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert found.returncode == 0, found.stdout + found.stderr


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_a_long_module_says_why(path: Path) -> None:
    lines = _lines(path)
    if lines <= MAX_LINES:
        return
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    _, marker, reason = docstring.partition(MARKER)
    assert marker and reason.strip(), (
        f"{_name(path)} has {lines} lines: split it, or say why in its docstring "
        f"with '{MARKER} <reason>'"
    )
