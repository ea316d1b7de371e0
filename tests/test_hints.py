"""Hints that fit the fault: doelzin suggestions stay near the typo, LD302 proposes a free
code, and a goal file removed since HEAD is named as such (LD501) without --base."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, commit_all, git_repo

from leerdoelen.commands.check import check, corpus_at
from leerdoelen.core.diagnostics import Diagnostic

DG = "goals/digitale-geletterdheid"
DG001 = f"{DG}/DG-001.yaml"
LD501 = (
    "leerdoel DG-001 (Digitale apparaten in de eigen omgeving herkennen) is verwijderd; een "
    "code die bestond, blijft bestaan: zet het terug met status: vervallen en vervangen_door "
    "of reden"
)


def _copy(root: Path, adoptie: bool = False) -> Path:
    shutil.copytree(ROOT / "goals", root / "goals")
    if adoptie:
        shutil.copytree(ROOT / "adoptie", root / "adoptie")
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _found(root: Path, code: str) -> list[Diagnostic]:
    return [d for d in check(root).diagnostics if d.code == code]


# --- doelzin: the same kerndoel first, then the same domein ------------------------------


def test_unknown_doelzin_suggests_one_under_the_same_kerndoel(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _edit(root / DG001, "doelzin: DG-po-22A", "doelzin: DG-po-23C")
    [found] = _found(root, "LD303")
    assert (found.path, found.line, found.column) == (DG001, 8, 10)
    assert found.message == "doelzin: doelzin 'DG-po-23C' bestaat niet; bedoelde je 'DG-po-23B'?"


def test_unknown_kerndoel_suggests_a_doelzin_of_the_same_domein(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _edit(root / DG001, "doelzin: DG-po-22A", "ook_bij: [MN-po-22A]\ndoelzin: DG-po-22A")
    [found] = _found(root, "LD303")
    assert found.message.startswith("ook_bij: doelzin 'MN-po-22A' bestaat niet; bedoelde je 'MN-")


# --- LD302: a duplicate code gets a free one ----------------------------------------------


def test_duplicate_code_proposes_the_file_name_as_a_free_code(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    text = (root / DG / "DG-045.yaml").read_text(encoding="utf-8")
    (root / DG / "DG-046.yaml").write_text(text, encoding="utf-8")
    [found] = _found(root, "LD302")
    assert found.message == (
        "bestandsnaam 'DG-046.yaml' past niet bij code 'DG-045'; DG-045.yaml bestaat al: "
        "geef dit doel een vrije code, zoals 'DG-046'"
    )


def test_duplicate_code_in_an_odd_file_name_proposes_the_next_code(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    text = (root / DG / "DG-044.yaml").read_text(encoding="utf-8")
    (root / DG / "nieuw.yaml").write_text(text, encoding="utf-8")
    [found] = _found(root, "LD302")
    assert found.message == (
        "bestandsnaam 'nieuw.yaml' past niet bij code 'DG-044'; DG-044.yaml bestaat al: "
        "geef dit doel een vrije code, zoals 'DG-046'"
    )


def test_a_code_without_its_file_still_expects_the_rename(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / DG / "DG-045.yaml").rename(root / DG / "nieuw.yaml")
    [found] = _found(root, "LD302")
    assert found.message == (
        "bestandsnaam 'nieuw.yaml' past niet bij code 'DG-045'; verwacht 'DG-045.yaml'"
    )


# --- LD501 without --base: a goal that HEAD has and the working tree lost -----------------


def _committed(tmp_path: Path) -> Path:
    root = _copy(tmp_path / "inhoud", adoptie=True)
    commit_all(git_repo(root), "Inhoud")
    return root


def test_removed_goal_file_gives_ld501_at_its_first_line(tmp_path: Path) -> None:
    root = _committed(tmp_path)
    (root / DG001).unlink()
    [found] = _found(root, "LD501")
    assert (found.path, found.line, found.column, found.message) == (DG001, 1, 1, LD501)


def test_school_records_of_a_removed_goal_say_it_was_removed(tmp_path: Path) -> None:
    root = _committed(tmp_path)
    (root / DG001).unlink()
    records = [d for d in _found(root, "LD401") if "DG-001" in d.message]
    assert records
    brin = Path(records[0].path).stem
    assert records[0].message == (
        f"school {brin}, DG-001: registratie voor een leerdoel dat niet bestaat; het leerdoel "
        f"is verwijderd ({DG001}): zet het terug met status: vervallen, dan archiveert "
        "'leerdoelen school sync' deze registratie"
    )
    assert not any("bedoelde je" in d.message for d in records)


def test_a_goal_moved_to_another_file_is_not_removed(tmp_path: Path) -> None:
    root = _committed(tmp_path)
    (root / DG001).rename(root / DG / "apparaten.yaml")
    assert _found(root, "LD501") == []
    assert [d.path for d in _found(root, "LD302")] == [f"{DG}/apparaten.yaml"]


def test_with_base_a_removed_goal_is_reported_once(tmp_path: Path) -> None:
    root = _committed(tmp_path)
    (root / DG001).unlink()
    diagnostics = check(root, base=corpus_at(root, "HEAD")).diagnostics
    found = [d for d in diagnostics if d.code == "LD501"]
    assert [(d.path, d.line, d.column, d.message) for d in found] == [(DG001, 1, 1, LD501)]


def test_no_ld501_outside_git_or_without_changes(tmp_path: Path) -> None:
    outside = _copy(tmp_path / "los")
    (outside / DG001).unlink()
    assert _found(outside, "LD501") == []
    assert _found(_committed(tmp_path), "LD501") == []


def test_goals_that_point_at_a_removed_goal_say_it_was_removed(tmp_path: Path) -> None:
    root = _committed(tmp_path)
    (root / DG001).unlink()
    references = [d for d in _found(root, "LD303") if "'DG-001'" in d.message]
    assert references
    veld = references[0].message.partition(":")[0]
    assert references[0].message == (
        f"{veld}: leerdoel 'DG-001' bestaat niet; het leerdoel is verwijderd ({DG001}): zet "
        "het terug met status: vervallen"
    )


def test_with_base_a_committed_removal_is_named_in_the_records(tmp_path: Path) -> None:
    root = _committed(tmp_path)
    import git

    (root / DG001).unlink()
    commit_all(git.Repo(root), "DG-001 weg", day=2)
    base = corpus_at(root, "HEAD~1")
    diagnostics = check(root, base=base).diagnostics
    assert [(d.path, d.line) for d in diagnostics if d.code == "LD501"] == [(DG001, 1)]
    records = [d for d in diagnostics if d.code == "LD401" and "DG-001" in d.message]
    assert records and all(f"is verwijderd ({DG001})" in d.message for d in records)
