"""The command line: project discovery, -C, --version, exit codes and formats."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from leerdoelen import __version__
from leerdoelen.cli import main

GELDIG = Path(__file__).parent / "golden" / "geldig"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(GELDIG, tmp_path / "inhoud")
    return tmp_path / "inhoud"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"leerdoelen {__version__}\n"


def test_root_is_found_upward_from_a_subfolder(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-C", str(project / "goals" / "digitale-geletterdheid"), "check"]) == 0
    assert capsys.readouterr().out.endswith("0 fouten, 0 waarschuwingen\n")


def test_runs_in_the_current_folder_without_C(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project)
    assert main(["check", "goals/digitale-geletterdheid/DG-001.yaml"]) == 0
    assert capsys.readouterr().out == "1 bestand gecontroleerd: 0 fouten, 0 waarschuwingen\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "--format", "xml"], "invalid choice"),
        (["bestaat-niet"], "invalid choice"),
        ([], "required"),
    ],
)
def test_bad_arguments_exit_2(
    argv: list[str], message: str, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["-C", str(project), *argv])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_folder_without_goals_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-C", str(tmp_path), "check"]) == 2
    assert "geen project gevonden" in capsys.readouterr().err


def test_missing_path_is_a_usage_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-C", str(project), "check", "goals/nergens.yaml"]) == 2
    assert "'goals/nergens.yaml' bestaat niet" in capsys.readouterr().err


def test_path_outside_the_project_is_a_usage_error(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-C", str(project), "check", str(tmp_path)]) == 2
    assert "buiten het project" in capsys.readouterr().err


def test_github_format_is_the_default_in_github_actions(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "goals" / "digitale-geletterdheid" / "DG-001.yaml").write_text(
        "# yaml-language-server: $schema=../../schemas/leerdoel.schema.json\ntitel: no\n"
    )
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["-C", str(project), "check"]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("::error file=goals/digitale-geletterdheid/DG-001.yaml,line=2,col=8")
    assert ",title=LD111 dubbelzinnige waarde::" in first


def test_console_script_runs_as_a_real_process(project: Path) -> None:
    """The installed entry point, as an editor or CI calls it."""
    env = {**os.environ, "GITHUB_ACTIONS": ""}
    exe = Path(sys.executable).with_name("leerdoelen")
    done = subprocess.run(
        [str(exe), "-C", str(project), "check"], capture_output=True, text=True, env=env
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "4 bestanden gecontroleerd: 0 fouten, 0 waarschuwingen\n"


def test_schemas_check_reports_drift(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-C", str(project), "schemas", "--check"]) == 1
    assert main(["-C", str(project), "schemas"]) == 0
    assert main(["-C", str(project), "schemas", "--check"]) == 0
    assert "bijgewerkt: schemas/leerdoel.schema.json" in capsys.readouterr().out


def test_codes_lists_the_whole_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    from leerdoelen.catalogue import CATALOGUE

    assert main(["codes"]) == 0
    out = capsys.readouterr().out
    assert all(f"{code} (" in out for code in CATALOGUE)


def test_a_bad_today_is_a_usage_error(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LEERDOELEN_VANDAAG", "29-11-2026")
    assert main(["-C", str(project), "check"]) == 2
    assert "LEERDOELEN_VANDAAG='29-11-2026' is geen datum als JJJJ-MM-DD" in capsys.readouterr().err
