"""The check cache: a warm ``check`` reports exactly what a cold one does, reads only the
school files that changed, and never trusts a cache it did not make for this content."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import OPEN_NETWORK, add_adoptie, copy_project

from leerdoelen.cli.main import main
from leerdoelen.commands.check import CheckResult, check
from leerdoelen.load.cachefile import CACHE
from leerdoelen.load.checkcache import FILE_NAME
from leerdoelen.util.git import blob_id

SCHOLEN = "adoptie/scholen"
# A school with warnings only: no schema hint (LD113) and a folded line (LD117).
WARNED = f"""\
brin: 98ZZ
naam: Waarschuwingsschool
plaats: Ergens
soort: bao
netwerken: [{OPEN_NETWORK}]
doelen:
  - code: DG-001
    status: bezig
    toelichting: eerst
      - daarna
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = copy_project(tmp_path / "project")
    add_adoptie(root)
    (root / SCHOLEN / "98ZZ.yaml").write_text(WARNED, encoding="utf-8")
    return root


def _seen(result: CheckResult) -> list[tuple[str, int, int, str, str, tuple[str, ...]]]:
    return [(d.path, d.line, d.column, d.code, d.message, d.related) for d in result.diagnostics]


def _cache(root: Path) -> dict:
    return json.loads((root / CACHE / FILE_NAME).read_text(encoding="utf-8"))


def _schools(root: Path) -> int:
    return len(list((root / SCHOLEN).glob("*.yaml")))


def test_warm_check_reports_what_a_cold_one_does(project: Path) -> None:
    cold = check(project)
    assert {d.code for d in cold.diagnostics} >= {"LD113", "LD117"}
    first = check(project, cache=True)
    assert first.project.recalled == {}
    # The first time, every school passed alone where it was read: summarised, not loaded.
    assert len(first.project.passed) == _schools(project)
    assert first.project.corpus.scholen == {}
    assert first.project.corpus.samenvattingen == cold.project.corpus.samenvattingen
    warm = check(project, cache=True)
    assert _seen(warm) == _seen(cold) == _seen(first)
    assert warm.files == cold.files
    # Every school answered from the cache, none of them read or in the corpus.
    assert len(warm.project.recalled) == _schools(project)
    assert warm.project.corpus.scholen == {}


def test_a_changed_school_is_read_again(project: Path) -> None:
    check(project, cache=True)
    school = project / SCHOLEN / "98ZZ.yaml"
    school.write_text(WARNED.replace("status: bezig", "status: klaar"), encoding="utf-8")
    warm = check(project, cache=True)
    assert [d.code for d in warm.diagnostics if d.path.endswith("98ZZ.yaml")] == [
        "LD113",
        "LD204",
        "LD117",
    ]
    assert f"{SCHOLEN}/98ZZ.yaml" not in warm.project.recalled
    assert len(warm.project.recalled) == _schools(project) - 1
    # A file with an error is never kept: the next run reads it again.
    assert f"{SCHOLEN}/98ZZ.yaml" not in _cache(project)["files"]
    assert _seen(check(project, cache=True)) == _seen(check(project))


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(
            lambda root: _edit(
                root / "goals/digitale-geletterdheid/DG-001.yaml",
                "status: vastgesteld",
                "status: vervallen\nreden: Opgegaan in een ander doel.",
            ),
            id="a goal vervallen (LD402)",
        ),
        pytest.param(
            lambda root: (root / "goals/digitale-geletterdheid/DG-001.yaml").unlink(),
            id="a goal removed (LD401)",
        ),
        pytest.param(
            lambda root: (root / f"adoptie/netwerken/{OPEN_NETWORK}.yaml").unlink(),
            id="a network removed (LD404)",
        ),
    ],
)
def test_a_change_elsewhere_that_a_school_depends_on_reads_all_again(project: Path, change) -> None:
    check(project, cache=True)
    change(project)
    warm = check(project, cache=True)
    assert warm.project.recalled == {}
    assert _seen(warm) == _seen(check(project))
    assert warm.errors > 0


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda d: b"\x00\xff niet eens tekst", id="garbage"),
        pytest.param(lambda d: b"[1, 2, 3]", id="other JSON"),
        pytest.param(lambda d: json.dumps({**d, "format": "iets anders"}).encode(), id="format"),
        pytest.param(lambda d: json.dumps({**d, "key": "0" * 64}).encode(), id="foreign key"),
        pytest.param(
            lambda d: json.dumps({**d, "files": {p: {"warnings": 3} for p in d["files"]}}).encode(),
            id="entries of the wrong shape",
        ),
    ],
)
def test_a_spoiled_cache_is_ignored_and_replaced(project: Path, spoil) -> None:
    cold = check(project, cache=True)
    file = project / CACHE / FILE_NAME
    file.write_bytes(spoil(_cache(project)))
    warm = check(project, cache=True)
    assert warm.project.recalled == {}
    assert _seen(warm) == _seen(cold)
    assert len(check(project, cache=True).project.recalled) == _schools(project)


def test_a_forged_entry_cannot_hide_an_error(project: Path) -> None:
    """Only warnings are ever answered from the cache: an entry for a file as it is now,
    with an error's code among its 'warnings', is not trusted."""
    check(project, cache=True)
    school = project / SCHOLEN / "98ZZ.yaml"
    school.write_text(WARNED.replace("code: DG-001", "code: XX-999"), encoding="utf-8")
    data = _cache(project)
    data["files"][f"{SCHOLEN}/98ZZ.yaml"] = {
        "blob": blob_id(school.read_bytes()),
        "warnings": [[1, 1, "LD401", "niets aan de hand", []]],
    }
    (project / CACHE / FILE_NAME).write_text(json.dumps(data), encoding="utf-8")
    warm = check(project, cache=True)
    assert f"{SCHOLEN}/98ZZ.yaml" not in warm.project.recalled
    assert _seen(warm) == _seen(check(project))
    assert "niets aan de hand" not in {d.message for d in warm.diagnostics}


def test_the_cache_is_never_read_or_written_through_a_symlink(
    project: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (project / "build").mkdir()
    os.symlink(elsewhere, project / CACHE)
    check(project, cache=True)
    assert list(elsewhere.iterdir()) == []
    assert check(project, cache=True).project.recalled == {}


def test_the_blob_id_is_gits(project: Path) -> None:
    import git

    repo = git.Repo.init(project)
    school = project / SCHOLEN / "98ZZ.yaml"
    assert blob_id(school.read_bytes()) == repo.git.hash_object(str(school))


def test_the_command_uses_the_cache_unless_told_not_to(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-C", str(project), "check", "--no-cache"]) == 0
    assert not (project / CACHE).exists()
    cold = capsys.readouterr().out
    assert main(["-C", str(project), "check"]) == 0
    assert main(["-C", str(project), "check", f"{SCHOLEN}/98ZZ.yaml"]) == 0
    assert (project / CACHE / FILE_NAME).is_file()
    assert main(["-C", str(project), "check"]) == 0
    out = capsys.readouterr().out.splitlines(keepends=True)
    assert "".join(out[-len(cold.splitlines()) :]) == cold
    assert "1 bestand gecontroleerd" in "".join(out)


def test_a_cache_that_git_tracks_is_not_used(project: Path) -> None:
    """A pull request can commit build/cache (past .gitignore): a cache that claims a
    broken school passed. It is a stranger's file, not ours, and is not read."""
    import git

    check(project, cache=True)
    school = project / SCHOLEN / "98ZZ.yaml"
    school.write_text(WARNED.replace("code: DG-001", "code: XX-999"), encoding="utf-8")
    data = _cache(project)
    data["files"][f"{SCHOLEN}/98ZZ.yaml"]["blob"] = blob_id(school.read_bytes())
    (project / CACHE / FILE_NAME).write_text(json.dumps(data), encoding="utf-8")
    repo = git.Repo.init(project)
    repo.git.add("--force", "--", str(project / CACHE / FILE_NAME))
    warm = check(project, cache=True)
    assert warm.project.recalled == {}
    assert "LD401" in {d.code for d in warm.diagnostics if d.path.endswith("98ZZ.yaml")}
