"""A workbook that LibreOffice Calc opened and saved imports: ``school import`` reads the
package as LibreOffice rewrites it (its own styles, shared strings, dates as numbers), and
the CSV it saves.

The fixtures (``tests/fixtures/libreoffice``, made by ``python -m tools.libreoffice_roundtrip``)
hold 99AA's checklist from the bundled content with three goals edited; every other row is
the bundled record. If the bundled 99AA changes, these tests say so: make the fixtures again.
"""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, copy_project

from leerdoelen.cli import main
from leerdoelen.commands.check import check

FIXTURES = ROOT / "tests" / "fixtures" / "libreoffice"
SCHOOL = Path("adoptie/scholen/99AA.yaml")
EDITED = {
    "DG-001": ("ingevoerd", ["1-2", "3-4"], dt.date(2026, 3, 1)),
    "DG-002": ("bezig", ["5-6"], dt.date(2026, 2, 15)),
    "DG-003": ("verkend", ["7-8"], dt.date(2026, 1, 10)),
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = copy_project(tmp_path)
    shutil.copytree(ROOT / "adoptie", root / "adoptie")
    return root


def records(text: str) -> dict[str, dict[str, object]]:
    return {r["code"]: r for r in yaml.safe_load(text)["doelen"]}


@pytest.mark.parametrize("name", ["checklist-99AA.xlsx", "checklist-99AA.csv"])
def test_a_sheet_saved_by_libreoffice_changes_exactly_its_edited_records(
    project: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (project / SCHOOL).read_text(encoding="utf-8")
    code = main(["-C", str(project), "school", "import", str(FIXTURES / name)])
    out = capsys.readouterr()
    assert code == 0, out.err + out.out
    after = (project / SCHOOL).read_text(encoding="utf-8")

    old, new = records(before), records(after)
    changed = {c for c in new if new[c] != old.get(c)}
    assert changed == set(EDITED)
    for goal, (status, groepen, datum) in EDITED.items():
        assert (new[goal]["status"], new[goal]["groepen"], new[goal]["datum"]) == (
            status,
            groepen,
            datum,
        )
        # What the sheet did not touch stays: DG-003's bewijs link.
        assert {k: v for k, v in new[goal].items() if k not in ("status", "groepen", "datum")} == {
            k: v for k, v in old[goal].items() if k not in ("status", "groepen", "datum")
        }
    # Every changed line lies inside the three edited records; the rest is byte-identical.
    lines = before.splitlines(keepends=True)
    first = lines.index("  - code: DG-001\n")
    end = lines.index("  - code: DG-004\n")
    matcher = difflib.SequenceMatcher(None, lines, after.splitlines(keepends=True), autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag != "equal":
            assert first <= i1 and i2 <= end, (tag, lines[i1:i2])
    assert check(project).ok
    # The same sheet again changes nothing.
    assert main(["-C", str(project), "school", "import", str(FIXTURES / name)]) == 0
    assert "niets veranderd" in capsys.readouterr().out
    assert (project / SCHOOL).read_text(encoding="utf-8") == after
