"""The command line: project discovery, -C, --version, exit codes and formats."""

from __future__ import annotations

import fcntl
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
        (["check", "--format", "xml"], "ongeldige keuze"),
        (["bestaat-niet"], "ongeldige keuze"),
        ([], "ontbreken"),
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
    from leerdoelen.core.catalogue import CATALOGUE

    assert main(["codes"]) == 0
    out = capsys.readouterr().out
    assert all(f"{code} (" in out for code in CATALOGUE)


def test_a_bad_today_is_a_usage_error(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LEERDOELEN_VANDAAG", "29-11-2026")
    assert main(["-C", str(project), "check"]) == 2
    assert "LEERDOELEN_VANDAAG='29-11-2026' is geen datum als JJJJ-MM-DD" in capsys.readouterr().err


# --- No traceback: a closed pipe, bytes that are not UTF-8, an unexpected error -----------


def _console(*argv: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("leerdoelen")
    env = {**os.environ, "GITHUB_ACTIONS": "", "PYTHONIOENCODING": "utf-8"}  # strict UTF-8
    return subprocess.run(
        [str(exe), *argv], capture_output=True, text=True, env=env, timeout=120, **kwargs
    )


@pytest.mark.skipif(not hasattr(fcntl, "F_SETPIPE_SZ"), reason="needs Linux pipes")
def test_a_reader_that_leaves_ends_the_output_quietly() -> None:
    """``leerdoelen codes | head -1``: exit 141 (128 + SIGPIPE), nothing on stderr. The
    pipe holds 4 KiB and the reader takes one read, so the writer surely meets its end."""
    exe = Path(sys.executable).with_name("leerdoelen")
    read, write = os.pipe()
    fcntl.fcntl(write, fcntl.F_SETPIPE_SZ, 4096)
    with subprocess.Popen([str(exe), "codes"], stdout=write, stderr=subprocess.PIPE) as codes:
        os.close(write)
        with open(read, "rb") as reader:
            first = reader.readline()
        err = codes.stderr.read()  # type: ignore[union-attr]
        code = codes.wait(timeout=120)
    assert first.startswith(b"LD101 (fout): ")
    assert (code, err) == (141, b"")


def test_a_file_name_that_is_not_utf8_is_printed_escaped(project: Path) -> None:
    goals = project / "goals" / "digitale-geletterdheid"
    shutil.copy(goals / "DG-001.yaml", goals / os.fsdecode(b"\xff.yaml"))
    done = _console("-C", str(project), "check")
    assert done.returncode == 1 and done.stderr == ""
    assert "goals/digitale-geletterdheid/\\udcff.yaml:2:7: LD302: " in done.stdout


def test_C_naming_a_file_says_so(project: Path) -> None:
    goal = project / "goals" / "digitale-geletterdheid" / "DG-001.yaml"
    done = _console("-C", str(goal), "check")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"leerdoelen: fout: map '{goal}' is geen map\n"


def test_an_unexpected_error_is_an_internal_error_in_dutch(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from leerdoelen import cli

    def broken(args: object) -> int:
        return {}["geen sleutel"]  # type: ignore[index]

    monkeypatch.setitem(cli.COMMANDS, "codes", broken)
    assert main(["codes"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("leerdoelen: interne fout (KeyError in test_cli.py:")
    assert "meld het aan de beheerders" in err


def test_an_os_error_elsewhere_names_the_path_in_dutch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from leerdoelen import cli

    def unreadable(args: object) -> int:
        return len(tmp_path.read_bytes())  # a folder: IsADirectoryError

    monkeypatch.setitem(cli.COMMANDS, "codes", unreadable)
    assert main(["codes"]) == 1
    err = capsys.readouterr().err
    assert err == f"leerdoelen: fout bij lezen of schrijven: '{tmp_path}': is een map\n"
