"""``leerdoelen new``: the next never-used code, the template, and its LD319 warnings."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest
import yaml

from leerdoelen.cli import main
from leerdoelen.commands.check import check
from leerdoelen.core.model import next_code
from tests.conftest import ROOT, commit_all, git_repo

DG = "goals/digitale-geletterdheid"
NO_HISTORY = (
    "leerdoelen: let op: geen git-geschiedenis gevonden; {code} is alleen vergeleken met de "
    "codes in de werkmap\n"
)


def run(root: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["-C", str(root), *argv])
    return code, out.getvalue(), err.getvalue()


def project(tmp_path: Path) -> Path:
    root = tmp_path / "inhoud"
    for name in ("goals", "schemas"):
        shutil.copytree(ROOT / name, root / name)
    return root


def test_new_twice_gives_two_new_codes_that_pass_check(tmp_path: Path) -> None:
    root = project(tmp_path)
    first = run(root, "new", "--doelzin", "DG-po-23B", "--groepen", "7-8", "5-6")
    second = run(root, "new", "--doelzin", "DG-po-23B")
    assert first == (0, f"{DG}/DG-046.yaml\n", NO_HISTORY.format(code="DG-046"))
    assert second == (0, f"{DG}/DG-047.yaml\n", NO_HISTORY.format(code="DG-047"))
    doel = yaml.safe_load((root / DG / "DG-046.yaml").read_text(encoding="utf-8"))
    assert (doel["code"], doel["doelzin"], doel["status"]) == ("DG-046", "DG-po-23B", "concept")
    assert doel["groepen"] == ["5-6", "7-8"]
    assert yaml.safe_load((root / DG / "DG-047.yaml").read_text())["groepen"] == [
        "1-2",
        "3-4",
        "5-6",
        "7-8",
    ]
    result = check(root)
    assert result.errors == 0
    assert {(d.code, d.path) for d in result.diagnostics} == {
        ("LD319", f"{DG}/DG-046.yaml"),
        ("LD319", f"{DG}/DG-047.yaml"),
    }


def test_the_template_is_the_file_an_editor_fills_in(tmp_path: Path) -> None:
    root = project(tmp_path)
    run(root, "new", "--doelzin", "DG-po-23B", "--groepen", "5-6")
    text = (root / DG / "DG-046.yaml").read_text(encoding="utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../../schemas/leerdoel.schema.json\n"
        "code: DG-046\n"
        "titel: INVULLEN – korte titel van het leerdoel\n"
    )
    assert "  #   - 859b1012-16af-4ebc-b04f-f96668d2fd36  # Herhalingen, keuzes" in text
    assert text.endswith(
        "groepen: [5-6]\n"
        "uitwerkingen:\n"
        "  - INVULLEN – wat de leerling laat zien, beginnend met een werkwoord.\n"
        "voorbeelden:\n"
        "  - INVULLEN – een activiteit in de klas bij dit leerdoel.\n"
        "voorkennis: []\n"
        "gerelateerd: []\n"
        "status: concept\n"
        "trefwoorden: []\n"
    )


def test_template_text_warns_until_replaced(tmp_path: Path) -> None:
    root = project(tmp_path)
    run(root, "new", "--doelzin", "DG-po-23B", "--titel", "Let op: stroom")
    path = f"{DG}/DG-046.yaml"
    code, out, _ = run(root, "check", path)
    told = (
        "bevat nog de sjabloontekst 'INVULLEN …' van 'leerdoelen new'; vervang die door eigen tekst"
    )
    assert (code, out) == (
        0,
        f"{path}:5:3: LD319: omschrijving {told}\n"
        f"{path}:17:5: LD319: uitwerkingen[1] {told}\n"
        f"{path}:19:5: LD319: voorbeelden[1] {told}\n"
        "1 bestand gecontroleerd: 0 fouten, 3 waarschuwingen\n",
    )
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert 'titel: "Let op: stroom"\n' in text
    for template, own in (
        (
            "INVULLEN – wat de leerling leert, in twee of drie zinnen die beginnen met\n"
            "  'De leerling'.",
            "De leerling leert een stroomkring veilig te bouwen.",
        ),
        ("INVULLEN – wat de leerling laat zien, beginnend met een werkwoord.", "Bouwt een kring."),
        ("INVULLEN – een activiteit in de klas bij dit leerdoel.", "Een lampje laten branden."),
    ):
        assert template in text
        text = text.replace(template, own)
    file.write_text(text, encoding="utf-8")
    assert [d.code for d in check(root, [path]).diagnostics] == []


def test_an_unknown_doelzin_is_refused_with_one_of_its_kerndoel(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert run(root, "new", "--doelzin", "DG-po-23C") == (
        2,
        "",
        "leerdoelen: fout: onbekende doelzin 'DG-po-23C': die staat in geen kader.yaml; "
        "bedoelde je 'DG-po-23B'? (kerndoel DG-po-23 heeft DG-po-23A, DG-po-23B)\n",
    )
    assert run(root, "new", "--doelzin", "XY-po-1A")[2] == (
        "leerdoelen: fout: onbekende doelzin 'XY-po-1A': die staat in geen kader.yaml\n"
    )
    assert not (root / DG / "DG-046.yaml").exists()


def test_a_code_in_the_history_of_any_ref_is_never_reused(tmp_path: Path) -> None:
    root = project(tmp_path)
    repo = git_repo(root)
    commit_all(repo, "Leerdoelen uit het voorbeeld", day=1)
    repo.git.checkout("-b", "ander-doel")
    shutil.copy(root / DG / "DG-040.yaml", root / DG / "DG-050.yaml")
    commit_all(repo, "Een doel op een andere branch", day=2)
    repo.git.checkout("main")
    (root / DG / "DG-045.yaml").unlink()  # removed, committed: only the history has it
    commit_all(repo, "DG-045 weg", day=3)
    assert run(root, "new", "--doelzin", "DG-po-23A") == (0, f"{DG}/DG-051.yaml\n", "")
    repo.git.branch("-D", "ander-doel")
    (root / DG / "DG-051.yaml").unlink()
    (root / DG / "DG-044.yaml").unlink()  # removed in the working tree only
    assert run(root, "new", "--doelzin", "DG-po-23A") == (0, f"{DG}/DG-046.yaml\n", "")


def test_a_code_that_a_goal_names_is_not_handed_out(tmp_path: Path) -> None:
    root = project(tmp_path)
    doel = root / DG / "DG-040.yaml"
    doel.write_text(
        doel.read_text(encoding="utf-8").replace("gerelateerd: []", "gerelateerd: [DG-060]"),
        encoding="utf-8",
    )
    assert run(root, "new", "--doelzin", "DG-po-23A")[:2] == (0, f"{DG}/DG-061.yaml\n")


@pytest.mark.parametrize(
    ("codes", "code"),
    [
        ([], "DG-001"),
        (["DG-009", "DG-045", "DG-010"], "DG-046"),
        (["DG-0999"], "DG-1000"),
        (["MN-050", "DGX-070", "XDG-080", "DG-12", "DG-045.yaml", "nieuw", "DG-002"], "DG-003"),
    ],
)
def test_next_code_counts_only_the_domeins_codes(codes: list[str], code: str) -> None:
    assert next_code("DG", codes) == code


def test_ld302_proposes_the_code_new_hands_out(tmp_path: Path) -> None:
    """Without history both count the same working tree: one numbering."""
    root = project(tmp_path)
    shutil.copy(root / DG / "DG-044.yaml", root / DG / "nieuw.yaml")
    [found] = [d for d in check(root).diagnostics if d.code == "LD302"]
    assert found.message.endswith("zoals 'DG-046'")
    (root / DG / "nieuw.yaml").unlink()
    assert run(root, "new", "--doelzin", "DG-po-23A")[:2] == (0, f"{DG}/DG-046.yaml\n")


def test_a_titel_with_a_line_break_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert run(root, "new", "--doelzin", "DG-po-23A", "--titel", "Twee\nregels") == (
        2,
        "",
        "leerdoelen: fout: --titel mag geen regeleinden, tabs of stuurtekens bevatten\n",
    )


def test_the_warning_points_at_the_marker(tmp_path: Path) -> None:
    root = project(tmp_path)
    run(root, "new", "--doelzin", "DG-po-23A", "--titel", "Eerst dit, dan INVULLEN")
    (found,) = [d for d in check(root).diagnostics if d.message.startswith("titel ")]
    assert (found.path, found.line, found.column) == (f"{DG}/DG-046.yaml", 3, 23)


def test_a_repository_without_commits_has_no_history_to_miss(tmp_path: Path) -> None:
    root = project(tmp_path)
    git_repo(root)
    assert run(root, "new", "--doelzin", "DG-po-23A") == (0, f"{DG}/DG-046.yaml\n", "")
