"""The text report shows what is in the content, but never acts on it (issue 10, finding 13).

A file name or a value can hold a newline, an escape sequence or a bidi override: the text
output escapes every such character, so one diagnostic is always one line.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import pytest
from conftest import GELDIG

from leerdoelen.cli import main
from leerdoelen.commands.check import check
from leerdoelen.core.catalogue import CATALOGUE

DOMEIN = "goals/digitale-geletterdheid"
FORGED = "vervalst.yaml:1:1: LD000: alles in orde"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(GELDIG / "goals", tmp_path / "goals")
    return tmp_path


def run(root: Path, fmt: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["-C", str(root), "check", "--format", fmt])
    return code, out.getvalue()


def test_a_file_name_with_a_newline_cannot_forge_a_line(project: Path) -> None:
    name = f"DG-050\n{FORGED}\x1b[2K\u202e.yaml"
    shutil.copy(project / DOMEIN / "DG-001.yaml", project / DOMEIN / name)
    result = check(project)
    code, out = run(project, "text")
    lines = out.splitlines()
    assert code == 1 and len(lines) == len(result.diagnostics) + 1 == 3
    assert all(
        line.startswith(f"{DOMEIN}/DG-050\\n{FORGED}\\x1b[2K\\u202e.yaml:") for line in lines[:-1]
    )
    assert not any(line.startswith(FORGED) for line in lines)
    assert "\x1b" not in out and "\u202e" not in out
    # The machine formats carry the name as it is (JSON escapes it itself).
    paths = {d["path"] for d in json.loads(run(project, "json")[1])["diagnostics"]}
    assert paths == {f"{DOMEIN}/{name}"}


def test_control_characters_from_a_value_are_escaped(project: Path) -> None:
    goal = project / DOMEIN / "DG-001.yaml"
    goal.write_text(goal.read_text() + '"kleur\\e[31m\\r\\nnep": ja\n', encoding="utf-8")
    [line, _] = run(project, "text")[1].splitlines()
    assert "LD201: onbekende sleutel 'kleur\\x1b[31m\\r\\nnep'" in line


def test_printable_text_and_spaces_stay_as_they_are() -> None:
    from leerdoelen.core.diagnostics import printable

    text = "bestand 'DG-001.yaml' (groep 1–2): é → … en\u00a0meer"
    assert printable(text) == text
    assert printable("a\tb\x00c\x7fd\u2028e\udcff") == "a\\tb\\x00c\\x7fd\\u2028e\\udcff"


def test_one_long_value_is_cut_in_the_message(project: Path) -> None:
    goal = project / DOMEIN / "DG-001.yaml"
    text = goal.read_text().replace("status: vastgesteld", f"status: {'x' * 5000}")
    goal.write_text(text, encoding="utf-8")
    [found] = check(project).diagnostics
    assert found.code == "LD204" and len(found.message) < 500
    assert "… (ingekort)" in found.message


def test_the_new_codes_are_in_the_code_reference(site: Path) -> None:
    page = (site / "meldingen" / "index.html").read_text(encoding="utf-8")
    for code in ("LD114", "LD410"):
        assert code in page and CATALOGUE[code].titel in page
