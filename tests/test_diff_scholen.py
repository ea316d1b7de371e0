"""``leerdoelen diff`` shows what changed in the schools (versions/scholen.py), for a
reviewer of an imported sheet: real git repositories made in tmp folders, as
``test_diff.py`` does."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import git
import pytest
from conftest import ROOT, commit_all, git_repo

from leerdoelen.cli import main

pytestmark = pytest.mark.slow  # a git repository per test

SCHOLEN = "adoptie/scholen"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The bundled goals and adoption files; 99AA without its DG-005 record, committed."""
    root = tmp_path / "inhoud"
    shutil.copytree(ROOT / "goals", root / "goals")
    shutil.copytree(ROOT / "adoptie", root / "adoptie")
    school = root / SCHOLEN / "99AA.yaml"
    original = school.read_text(encoding="utf-8")
    school.write_text(_drop(original, "DG-005"), encoding="utf-8")
    commit_all(git_repo(root), "Inhoud met scholen")
    school.write_text(original, encoding="utf-8")  # DG-005 comes back: a new record
    return root


def _drop(text: str, code: str) -> str:
    """A school file without the record of ``code``."""
    return re.sub(rf"(?m)^  - code: {code}\n(?:    .*\n)*", "", text)


def _record(text: str, code: str) -> tuple[int, int]:
    """Where the record of ``code`` is in a school file: (start, end) of its lines."""
    found = re.search(rf"(?m)^  - code: {code}\n(?:    .*\n)*", text)
    assert found, code
    return found.start(), found.end()


def edit_record(root: Path, brin: str, code: str, old: str, new: str) -> None:
    path = root / SCHOLEN / f"{brin}.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = _record(text, code)
    block = text[start:end]
    assert old in block, f"{old!r} staat niet in {brin} {code}"
    path.write_text(text[:start] + block.replace(old, new, 1) + text[end:], encoding="utf-8")


def run(root: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["-C", str(root), "diff", *argv])
    return code, capsys.readouterr().out


def an_import(root: Path) -> None:
    """What an imported sheet might change, plus a school that came and one that went."""
    edit_record(root, "99AA", "DG-001", "status: ingevoerd", "status: bezig")
    edit_record(root, "99AA", "DG-002", "groepen: [1-2, 3-4]", "groepen: [1-2, 3-4, 5-6]")
    edit_record(root, "99AA", "DG-004", "toelichting: ", "toelichting: Nu anders. ")
    edit_record(
        root, "99AA", "DG-003", "status: ingevoerd", "status: ingevoerd\n    gearchiveerd: true"
    )
    (root / SCHOLEN / "99AB.yaml").unlink()
    nieuw = (root / SCHOLEN / "99AC.yaml").read_text(encoding="utf-8")
    nieuw = nieuw.replace("brin: 99AC", "brin: 12AB").replace("rio: ", "# rio: ")
    (root / SCHOLEN / "12AB.yaml").write_text(nieuw, encoding="utf-8")


def test_json_lists_schools_and_their_records(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    an_import(project)
    commit_all(git.Repo(project), "Import", day=2)
    code, out = run(project, capsys, "HEAD~1", "HEAD", "--format", "json")
    assert code == 0, out
    scholen = {s["brin"]: s for s in json.loads(out)["scholen"]}
    assert {b: s["change"] for b, s in scholen.items()} == {
        "12AB": "added",
        "99AA": "changed",
        "99AB": "removed",
    }
    assert scholen["12AB"]["path"] == f"{SCHOLEN}/12AB.yaml" and scholen["12AB"]["aantal"] > 0
    records = {r["code"]: r for r in scholen["99AA"]["records"]}
    assert set(records) == {"DG-001", "DG-002", "DG-003", "DG-004", "DG-005"}
    assert records["DG-001"]["status"] == {"old": "ingevoerd", "new": "bezig"}
    assert records["DG-002"]["fields"] == [
        {"field": "groepen", "old": ["1-2", "3-4"], "new": ["1-2", "3-4", "5-6"]}
    ]
    assert records["DG-003"]["archived"] is True
    assert [f["field"] for f in records["DG-004"]["fields"]] == ["toelichting"]
    assert records["DG-005"]["change"] == "added"


def test_markdown_has_a_compact_scholen_section(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    an_import(project)
    code, out = run(project, capsys, "HEAD")  # against the working tree
    assert code == 0, out
    assert out.splitlines()[2].endswith("werkmap: wijzigingen bij 3 scholen.")
    section = out[out.index("### Scholen (3)") :]
    lines = section.splitlines()
    nieuw = r"- \*\*12AB\*\* .*: nieuw \(`adoptie/scholen/12AB.yaml`\)"
    assert any(re.match(nieuw, line) for line in lines)
    assert any(re.match(r"- \*\*99AB\*\* .*: verwijderd", line) for line in lines)
    school = lines.index(next(x for x in lines if x.startswith("- **99AA**")))
    assert lines[school].endswith("5 leerdoelen gewijzigd")
    assert lines[school + 1 : school + 6] == [
        "    - nieuw: DG-005 (ingevoerd)",
        "    - DG-001: ingevoerd → bezig",
        "    - DG-002: groepen 1-2, 3-4 → 1-2, 3-4, 5-6",
        "    - DG-004: toelichting gewijzigd",
        "    - gearchiveerd: DG-003",
    ]


def test_school_text_cannot_hijack_the_summary(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = project / SCHOLEN / "99AA.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("naam: OBS De Klimboom", 'naam: "<script>x</script> [a](b) @iemand #12"'),
        encoding="utf-8",
    )
    _, out = run(project, capsys, "HEAD")
    line = next(x for x in out.splitlines() if x.startswith("- **99AA**"))
    assert "<script>" not in line and "[a](b)" not in line and "@iemand" not in line
    assert "&lt;script&gt;" in line


def test_a_broken_school_file_is_not_removed(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (project / SCHOLEN / "99AB.yaml").write_text("brin: [\n", encoding="utf-8")
    code, out = run(project, capsys, "HEAD", "--format", "json")
    assert code != 0  # the loader's problem is an error of the summary
    assert "99AB" not in {s["brin"] for s in json.loads(out)["scholen"]}


def test_no_school_changes_no_section(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    commit_all(git.Repo(project), "DG-005 terug", day=2)
    _, out = run(project, capsys, "HEAD")
    assert "Scholen" not in out and "geen wijzigingen" in out
