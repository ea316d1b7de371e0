"""Reading or writing that fails: a Dutch message naming the path, a non-zero exit, and no
half-written file.

The failures are real: a file-size limit (``RLIMIT_FSIZE``: a write past it fails with
EFBIG, as on a full disk, and works the same for root), a folder that is a regular file,
and a full device. The tests run as root in CI, where permissions do not stop anything.
"""

from __future__ import annotations

import os
import resource
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GELDIG, ROOT, VANDAAG, klein_project

from leerdoelen.cli import main
from leerdoelen.util.files import WriteError, write_atomic

pytestmark = pytest.mark.slow  # whole commands on a simulated full disk

EXE = Path(sys.executable).with_name("leerdoelen")
SLO = ROOT / "tests" / "fixtures" / "slo-curriculum-fo-dg"
FULL = "het bestand wordt groter dan hier mag"  # EFBIG, in Dutch
NEW_GOAL = """\
# yaml-language-server: $schema=../../schemas/leerdoel.schema.json
code: DG-005
titel: Een nieuw leerdoel
omschrijving: Een leerdoel dat nog op geen enkele checklist staat.
doelzin: DG-po-23B
groepen: [3-4]
status: vastgesteld
"""


def console(root: Path, *argv: str, limit: int | None = None) -> subprocess.CompletedProcess[str]:
    """The real console script on ``root``; with ``limit``, no file may grow past it."""

    def set_limit() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [str(EXE), "-C", str(root), *argv],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=set_limit,
        env={**os.environ, "LEERDOELEN_VANDAAG": VANDAAG, "GITHUB_ACTIONS": ""},
    )


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def assert_said(run: subprocess.CompletedProcess[str], *parts: str) -> None:
    said = f"{run.returncode}\n--- stdout\n{run.stdout}\n--- stderr\n{run.stderr}"
    assert run.returncode == 1, said
    assert "Traceback" not in run.stderr, said
    for part in parts:
        assert part in run.stderr, said


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return klein_project(tmp_path / "inhoud")


def test_school_add_on_a_full_disk_writes_nothing(project: Path) -> None:
    before = files(project)
    argv = ("add", "44DD", "--naam", "OBS", "--plaats", "X", "--netwerk", "techniek-noord")
    run = console(project, "school", *argv, limit=64)
    target = project / "adoptie" / "scholen" / "44DD.yaml"
    assert_said(run, "school niet toegevoegd: ", f"'{target}': {FULL}")
    assert files(project) == before


def test_school_add_where_adoptie_scholen_is_a_file(tmp_path: Path) -> None:
    # The school's network must exist, so adoptie/ is a folder; adoptie/scholen is not.
    root = klein_project(tmp_path / "inhoud")
    shutil.rmtree(root / "adoptie" / "scholen")
    (root / "adoptie" / "scholen").write_text("geen map\n", encoding="utf-8")
    argv = ("add", "44DD", "--naam", "OBS", "--plaats", "X", "--netwerk", "techniek-noord")
    run = console(root, "school", *argv)
    target = root / "adoptie" / "scholen" / "44DD.yaml"
    assert_said(run, f"school niet toegevoegd: '{target}': een deel van het pad is geen map")
    assert (root / "adoptie" / "scholen").read_text(encoding="utf-8") == "geen map\n"


def test_school_sync_on_a_full_disk_keeps_every_school_as_it_was(project: Path) -> None:
    (project / "goals" / "digitale-geletterdheid" / "DG-005.yaml").write_text(NEW_GOAL, "utf-8")
    before = files(project)
    run = console(project, "school", "sync", limit=64)
    path = project / "adoptie" / "scholen" / "11AA.yaml"
    assert_said(run, f"school 11AA niet bijgewerkt: '{path}': {FULL}")
    assert files(project) == before  # no school changed, no temporary file left


def test_schemas_on_a_full_disk_keep_the_old_file(tmp_path: Path) -> None:
    root = Path(shutil.copytree(GELDIG, tmp_path / "inhoud"))
    shutil.copytree(ROOT / "schemas", root / "schemas")
    stale = root / "schemas" / "kader.schema.json"
    stale.write_text("{}\n", encoding="utf-8")
    before = files(root)
    run = console(root, "schemas", limit=64)
    assert_said(run, f"schemas niet bijgewerkt: '{stale}': {FULL}")
    assert files(root) == before


def test_a_schema_that_is_not_utf8_is_stale_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = Path(shutil.copytree(GELDIG, tmp_path / "inhoud"))
    shutil.copytree(ROOT / "schemas", root / "schemas")
    (root / "schemas" / "school.schema.json").write_bytes(b"\xff\xfe{}")
    assert main(["-C", str(root), "schemas", "--check"]) == 1
    assert (
        capsys.readouterr().out
        == "schemas/school.schema.json is verouderd; draai 'leerdoelen schemas'\n"
    )
    assert main(["-C", str(root), "schemas"]) == 0
    assert main(["-C", str(root), "schemas", "--check"]) == 0


def test_import_on_a_full_disk_writes_no_kader(tmp_path: Path) -> None:
    root = tmp_path / "leeg"
    (root / "goals").mkdir(parents=True)
    run = console(root, "import", "slo", str(SLO), limit=64)
    kader = root / "goals" / "digitale-geletterdheid" / "kader.yaml"
    assert_said(run, f"import mislukt: '{kader}': {FULL}")
    assert files(root) == {}


def test_export_on_a_full_disk_leaves_no_file(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "doelen.json"
    run = console(project, "export", "json", "--out", str(out), limit=64)
    assert_said(run, f"'{out}': {FULL}")
    assert not out.exists() and os.listdir(tmp_path) == ["inhoud"]


# --- write_atomic ------------------------------------------------------------------------


def test_write_atomic_replaces_only_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)  # opening it to write would block: it must not be touched at all
    folder = tmp_path / "map"
    folder.mkdir()
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "elders")
    for target, kind in ((fifo, "geen gewoon bestand"), (folder, "een map"), (link, "geen")):
        with pytest.raises(WriteError) as refused:
            write_atomic(target, b"data")
        assert str(refused.value).startswith(f"'{target}': is {kind}")
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and folder.is_dir() and link.is_symlink()
    assert sorted(os.listdir(tmp_path)) == ["link", "map", "pijp"]


def test_write_atomic_keeps_permissions_and_never_overwrites_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "bestand.yaml"
    path.write_bytes(b"oud")
    path.chmod(0o640)
    write_atomic(path, b"nieuw")
    assert path.read_bytes() == b"nieuw" and stat.S_IMODE(path.stat().st_mode) == 0o640
    with pytest.raises(FileExistsError):
        write_atomic(path, b"anders", new=True)
    assert path.read_bytes() == b"nieuw"
    fresh = tmp_path / "map" / "vers.yaml"
    write_atomic(fresh, b"vers", new=True)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["bestand.yaml", "map", "vers.yaml"]
