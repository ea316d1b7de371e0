"""Progress on long work (leerdoelen.util.progress): shown on a terminal, never elsewhere.

The console script runs as a real process with stderr on a real pseudo-terminal (80 by 24
columns, as ``pty.openpty`` and TIOCSWINSZ give it), on a copy of the bundled project. A
terminal shows the phases; a pipe, ``--quiet``, CI and ``TERM=dumb`` show nothing, and
standard output is the same byte for byte whether the bar was shown or not.
"""

from __future__ import annotations

import fcntl
import os
import pty
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from conftest import ROOT, copy_project

from leerdoelen.util import progress

EXE = Path(sys.executable).with_name("leerdoelen")
SLO = ROOT / "tests" / "fixtures" / "slo-curriculum-fo-dg"
# What a person's shell has: no CI variables, a real terminal type.
TERMINAL = {
    **{k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")},
    "TERM": "xterm",
}


def _on_terminal(*argv: str, env: dict[str, str] | None = None) -> tuple[int, bytes, bytes]:
    """Run the console script with stderr on a pseudo-terminal: (exit, stdout, stderr)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    with subprocess.Popen(
        [str(EXE), *argv],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=follower,
        env=env or TERMINAL,
    ) as process:
        os.close(follower)
        err = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the process closed the terminal
                break
            if not chunk:
                break
            err += chunk
        os.close(leader)
        assert process.stdout is not None
        out = process.stdout.read()
        code = process.wait(timeout=300)
    return code, out, err


def _piped(*argv: str) -> tuple[int, bytes, bytes]:
    done = subprocess.run([str(EXE), *argv], capture_output=True, env=TERMINAL, timeout=300)
    return done.returncode, done.stdout, done.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The bundled goals, site and schools."""
    root = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "adoptie", root / "adoptie")
    return root


# --- The module: quiet by default, and the decision ---------------------------------------


def test_steps_show_nothing_unless_enabled(capsys: pytest.CaptureFixture[str]) -> None:
    assert list(progress.counted(range(5), "Scholen lezen", 5)) == [0, 1, 2, 3, 4]
    with progress.step("Bouwen", total=4) as bar:
        bar.label("Bouwen: controleren")
        bar.advance()
    assert capsys.readouterr() == ("", "")


def test_only_a_terminal_outside_ci_and_not_quiet_wants_progress() -> None:
    leader, follower = pty.openpty()
    read, write = os.pipe()
    with open(follower, "w") as terminal, open(write, "w") as pipe:
        assert progress.wanted(False, terminal, {"TERM": "xterm"})
        assert progress.wanted(False, terminal, {"CI": "", "GITHUB_ACTIONS": ""})
        assert not progress.wanted(True, terminal, {})
        assert not progress.wanted(False, terminal, {"CI": "true"})
        assert not progress.wanted(False, terminal, {"GITHUB_ACTIONS": "true"})
        assert not progress.wanted(False, terminal, {"TERM": "dumb"})
        assert not progress.wanted(False, pipe, {})
    os.close(leader)
    os.close(read)


# --- The console script -------------------------------------------------------------------


@pytest.mark.slow
def test_check_shows_what_it_reads_on_a_terminal_and_nothing_in_a_pipe(project: Path) -> None:
    code, out, err = _on_terminal("-C", str(project), "check")
    assert code == 0, err
    shown = err.decode()
    for label in ("Leerdoelen lezen (digitale-geletterdheid)", "Netwerken lezen"):
        assert label in shown
    assert "Scholen lezen" in shown and "/34" in shown  # a count of the bundled schools
    # In a pipe: no progress at all, and the report the same byte for byte.
    assert _piped("-C", str(project), "check") == (0, out, b"")
    assert out.startswith(b"148 bestanden gecontroleerd")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("option", "env"),
    [
        (["--quiet"], {}),
        (["-q"], {}),
        ([], {"CI": "true"}),
        ([], {"GITHUB_ACTIONS": "true"}),
        ([], {"TERM": "dumb"}),
    ],
)
def test_quiet_ci_and_a_dumb_terminal_show_no_progress(
    project: Path, option: list[str], env: dict[str, str]
) -> None:
    code, out, err = _on_terminal(*option, "-C", str(project), "check", env={**TERMINAL, **env})
    assert (code, err) == (0, b"")
    assert out.startswith(b"148 bestanden gecontroleerd")


@pytest.mark.slow
def test_quiet_hides_no_error(project: Path) -> None:
    (project / "goals" / "digitale-geletterdheid" / "DG-001.yaml").write_text("code: [\n")
    code, out, err = _on_terminal("--quiet", "-C", str(project), "build")
    assert code == 1
    assert b"LD" in out
    assert err == b"leerdoelen: niet gepubliceerd: los eerst de fouten op\r\n"


@pytest.mark.slow
def test_build_and_school_import_show_their_phases(project: Path) -> None:
    code, out, err = _on_terminal("-C", str(project), "build")
    assert code == 0, err
    shown = err.decode()
    for phase in (
        "controleren",
        "pagina's maken",
        "site bouwen (MkDocs) en schoolpagina's maken",
        "publiceren",
    ):
        assert f"Bouwen: {phase}" in shown
    for label in ("Scholen lezen", "Regels controleren", "Schoolpagina's maken"):
        assert label in shown
    assert out.startswith(b"site gebouwd: ")

    workbook = project / "public" / "scholen" / "99AA" / "checklist-99AA.xlsx"
    code, out, err = _on_terminal("-C", str(project), "school", "import", str(workbook))
    assert code == 0, err
    shown = err.decode()
    for label in ("Bladen lezen", "Rijen lezen", "Scholen bijwerken"):
        assert label in shown
    assert _piped("-C", str(project), "school", "import", str(workbook)) == (0, out, b"")


@pytest.mark.slow
def test_import_slo_shows_what_it_reads(project: Path) -> None:
    piped = copy_project(project.parent / "piped")
    code, out, err = _on_terminal("-C", str(project), "import", "slo", str(SLO))
    assert code == 0, err
    shown = err.decode()
    for label in ("SLO lezen", "Kaders maken", "Kaders schrijven", "Leerdoelen lezen"):
        assert label in shown
    assert _piped("-C", str(piped), "import", "slo", str(SLO)) == (0, out, b"")
