"""A rebuild from the cache gives the site a build from scratch gives, byte for byte: after
no change, after one school changed, after a goal changed, and with a cache that is spoiled."""

from __future__ import annotations

import filecmp
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import add_adoptie, commit_all, copy_project, git_repo
from markupsafe import Markup

from leerdoelen.commands.build import build_site, site_parts
from leerdoelen.commands.buildcache import FILE_NAME, RECORDS
from leerdoelen.commands.cachedata import (
    records_from_json,
    samenvatting_from_json,
    samenvatting_json,
)
from leerdoelen.commands.check import check
from leerdoelen.commands.publish import STATIC
from leerdoelen.commands.settings import markdown_extensions
from leerdoelen.load.cachefile import CACHE
from leerdoelen.render.slots import _TABLE, convert, slot_converter

SCHOOL = "adoptie/scholen/99AA.yaml"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled content with its schools, committed (so schools have a last commit)."""
    root = copy_project(tmp_path_factory.mktemp("bron") / "project")
    add_adoptie(root)
    commit_all(git_repo(root), "Inhoud")
    return root


def _copy(project: Path, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(project, root, symlinks=True)
    return root


def _built(root: Path) -> Path:
    result = build_site(root, root / "public")
    assert result.out is not None, [d.message for d in result.check.diagnostics]
    return result.out


def _differences(a: Path, b: Path) -> list[str]:
    """Every file that is in one tree and not the other, or differs (byte for byte)."""
    found = []
    compared = filecmp.dircmp(a, b)
    pending = [("", compared)]
    while pending:
        prefix, here = pending.pop()
        found += [f"{prefix}{name}" for name in here.left_only + here.right_only]
        _, mismatch, errors = filecmp.cmpfiles(
            here.left, here.right, here.common_files, shallow=False
        )
        found += [f"{prefix}{name}" for name in mismatch + errors]
        pending += [(f"{prefix}{name}/", sub) for name, sub in here.subdirs.items()]
    return sorted(found)


def _cold(root: Path, tmp_path: Path) -> Path:
    """The same content built from scratch, in a copy without build/."""
    fresh = tmp_path / "vers"
    shutil.copytree(root, fresh, symlinks=True, ignore=shutil.ignore_patterns("build", "public"))
    return _built(fresh)


def _mtimes(root: Path) -> dict[str, int]:
    static = root / STATIC
    return {p.relative_to(static).as_posix(): p.stat().st_mtime_ns for p in static.rglob("*.*")}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_rebuild_without_changes_makes_nothing_again(project: Path, tmp_path: Path) -> None:
    root = _copy(project, tmp_path)
    first = _built(root)
    kept = tmp_path / "eerste"
    shutil.copytree(first, kept)
    before = _mtimes(root)
    assert before
    again = _built(root)
    assert _mtimes(root) == before  # no school's or network's file written again
    assert _differences(kept, again) == []
    assert _differences(again, _cold(root, tmp_path)) == []


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(
            lambda root: _edit(root / SCHOOL, "status: bezig", "status: ingevoerd"),
            id="one school's record",
        ),
        pytest.param(
            lambda root: (root / SCHOOL).unlink(),
            id="one school removed",
        ),
        pytest.param(
            lambda root: _edit(
                root / "goals/digitale-geletterdheid/DG-002.yaml",
                "titel: ",
                "titel: Herzien ",
            ),
            id="a goal's titel",
        ),
        pytest.param(
            lambda root: _edit(
                root / "adoptie/netwerken/techniekregio-maasdelta.yaml", "naam: ", "naam: Regio "
            ),
            id="a network's name",
        ),
    ],
)
def test_a_rebuild_after_a_change_is_the_build_from_scratch(
    project: Path, tmp_path: Path, change: Callable[[Path], None]
) -> None:
    root = _copy(project, tmp_path)
    _built(root)
    change(root)
    assert _differences(_built(root), _cold(root, tmp_path)) == []


def test_a_changed_school_alone_is_made_again(project: Path, tmp_path: Path) -> None:
    root = _copy(project, tmp_path)
    _built(root)
    before = _mtimes(root)
    _edit(root / SCHOOL, "status: bezig", "status: ingevoerd")
    _built(root)
    after = _mtimes(root)
    again = {path for path in before if after.get(path) != before[path]}
    assert again, "the school's own files are made again"
    assert {path.split("/")[0] + "/" + path.split("/")[1] for path in again} <= {
        "scholen/99AA",
        *(f"netwerken/{slug}" for slug in _networks(root, "99AA")),
    }


def _networks(root: Path, brin: str) -> list[str]:
    school = check(root).project.corpus.scholen[brin]
    return list(school.netwerken)


def _records_file(root: Path, brin: str) -> Path:
    data = json.loads((root / CACHE / FILE_NAME).read_text(encoding="utf-8"))
    return root / CACHE / RECORDS / f"{data['schools'][brin][0]}.json"


def _malformed_records(root: Path) -> None:
    """The school's kept records, for its blob, with a status that does not exist."""
    records = _records_file(root, "99AA")
    key = json.loads(records.read_text(encoding="utf-8"))[0]
    records.write_text(json.dumps([key, "DG-001\t99\t\t", {}]), encoding="utf-8")


def _used(spoil: Callable[[Path], None]) -> Callable[[Path], None]:
    """``spoil``, and the networks' figures and dashboards gone, so that they are counted
    again: the school's records are read."""

    def spoiled(root: Path) -> None:
        spoil(root)
        data = json.loads((root / CACHE / FILE_NAME).read_text(encoding="utf-8"))
        assert any(name.endswith("/cijfers") for name in data["data"])
        data["data"] = {}
        (root / CACHE / FILE_NAME).write_text(json.dumps(data), encoding="utf-8")

    return spoiled


def _foreign_records(root: Path) -> None:
    """The school's kept records, made under another key (another version or content)."""
    records = _records_file(root, "99AA")
    _, *kept = json.loads(records.read_text(encoding="utf-8"))
    records.write_text(json.dumps(["0" * 64, *kept]), encoding="utf-8")


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(
            lambda root: (root / CACHE / FILE_NAME).write_bytes(b"{niet: json"), id="garbage"
        ),
        pytest.param(
            lambda root: (root / CACHE / FILE_NAME).write_text(
                json.dumps({**json.loads((root / CACHE / FILE_NAME).read_text()), "key": "x"})
            ),
            id="foreign key",
        ),
        pytest.param(
            lambda root: (root / STATIC / "scholen/99AA/index.html").write_text("vervalst"),
            id="a kept file changed",
        ),
        pytest.param(
            lambda root: (root / STATIC / "scholen/99AA/index.html").unlink(),
            id="a kept file gone",
        ),
        pytest.param(lambda root: _malformed_records(root), id="malformed records"),
        pytest.param(_used(_malformed_records), id="malformed records, counted again"),
        pytest.param(_used(_foreign_records), id="foreign records, counted again"),
        pytest.param(_used(lambda root: _records_file(root, "99AA").unlink()), id="records gone"),
        pytest.param(
            _used(lambda root: _records_file(root, "99AA").write_text("5")), id="records a number"
        ),
        pytest.param(
            _used(lambda root: _records_file(root, "99AA").write_text("[" * 100_000)),
            id="records nested too deep",
        ),
        pytest.param(
            lambda root: (root / CACHE / FILE_NAME).write_text("[" * 100_000),
            id="build.json nested too deep",
        ),
        pytest.param(
            lambda root: (root / CACHE / "slots.json").write_text('{"html": [1]}'),
            id="the slots' HTML",
        ),
        pytest.param(
            lambda root: (root / CACHE / "engine.json").write_text("[]"), id="the engine's record"
        ),
    ],
)
def test_a_spoiled_cache_is_not_trusted(
    project: Path, tmp_path: Path, spoil: Callable[[Path], None]
) -> None:
    root = _copy(project, tmp_path)
    _built(root)
    spoil(root)
    assert _differences(_built(root), _cold(root, tmp_path)) == []


def test_the_cache_is_not_used_through_a_symlink(project: Path, tmp_path: Path) -> None:
    root = _copy(project, tmp_path)
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (root / "build").mkdir(exist_ok=True)
    os.symlink(elsewhere, root / CACHE)
    _built(root)
    assert list(elsewhere.iterdir()) == []


def test_school_records_are_not_kept_in_a_cache_that_came_with_a_commit(
    project: Path, tmp_path: Path
) -> None:
    """build/ committed (a pull request can bring it in despite .gitignore) is the
    stranger's: the workers that make the school files keep no records there."""
    import git

    root = _copy(project, tmp_path)
    folder = root / CACHE / RECORDS
    folder.mkdir(parents=True)
    (folder / "vreemd.json").write_text("[]", encoding="utf-8")
    repo = git.Repo(root)
    repo.git.add("--force", "build")
    repo.index.commit("build/ meegekomen")
    _built(root)
    assert sorted(p.name for p in folder.iterdir()) == ["vreemd.json"]


def test_school_records_are_not_kept_through_a_symlink(project: Path, tmp_path: Path) -> None:
    """The records folder replaced by a symlink: nothing is written or removed there, and
    the records that the rebuild needs (the changed school's networks count all their
    schools again) are read from the school files."""
    root = _copy(project, tmp_path)
    _built(root)
    elsewhere = tmp_path / "elders"
    shutil.move(root / CACHE / RECORDS, elsewhere)
    kept = sorted(p.name for p in elsewhere.iterdir())
    (elsewhere / "vreemd.json").write_text("[]", encoding="utf-8")
    os.symlink(elsewhere, root / CACHE / RECORDS)
    _edit(root / SCHOOL, "status: ingevoerd", "status: bezig")
    _built(root)
    assert sorted(p.name for p in elsewhere.iterdir()) == sorted([*kept, "vreemd.json"])
    assert _differences(_built(root), _cold(root, tmp_path)) == []


def test_school_records_cut_short_are_read_from_the_school_files(
    project: Path, tmp_path: Path
) -> None:
    """The records are written in place (no temporary file): a file cut short, by a crash
    say, is not read as records, and the rebuild reads those from the school files."""
    root = _copy(project, tmp_path)
    _built(root)
    kept = list((root / CACHE / RECORDS).iterdir())
    assert kept
    for path in kept:
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    _edit(root / SCHOOL, "status: ingevoerd", "status: bezig")
    assert _differences(_built(root), _cold(root, tmp_path)) == []


def test_every_school_summary_survives_json(project: Path) -> None:
    summaries = check(project).project.corpus.samenvattingen
    assert summaries
    for summary in summaries.values():
        head = json.loads(json.dumps(samenvatting_json(summary)))
        records = json.loads(json.dumps(summary.text))
        assert samenvatting_from_json(head, lambda r=records: records_from_json(r)) == summary


@pytest.mark.parametrize(
    "spoil",
    [
        lambda d: d[:-1],
        lambda d: [*d[:4], "ja", *d[5:]],
        lambda d: [*d[:6], "gisteren"],
        lambda d: [*d[:5], "n", d[6]],
        lambda d: [*d[:3], "mbo", *d[4:]],
        lambda d: [*d, None],
        lambda d: None,
    ],
)
def test_a_malformed_summary_is_none(project: Path, spoil: Callable[[list], object]) -> None:
    summary = next(iter(check(project).project.corpus.samenvattingen.values()))
    assert samenvatting_from_json(spoil(samenvatting_json(summary)), dict) is None


@pytest.mark.parametrize(
    "data",
    [
        ["DG-001\t17\t\t", {}],
        ["DG-001\tbezig\t\t", {}],
        ["DG-001\t0\t5-6\t2026-02-30", {}],
        ["DG-001\t0\t5-6", {}],
        ["DG-001\t0\t\t", {"DG-002": [None, None]}],
        ["DG-001\t0\t\t", {"DG-001": "ab"}],
        ["DG-001\t0\t9-10\t", {}],
        ["DG-001\t0\t\t", {"DG-001": [None, "javascript:alert(1)"]}],
        ["DG-001\t0\t\t"],
        [None, {}],
        "DG-001\t0\t\t",
    ],
)
def test_malformed_records_are_none(data: object) -> None:
    assert records_from_json(data) is None


def _inode(path: Path) -> int:
    return path.stat().st_ino


def test_the_generator_runs_only_when_its_input_changes(project: Path, tmp_path: Path) -> None:
    """A page without slots is the generator's file, kept in build/cache/engine: after a
    school changed, the new site links the same file; after a goal changed, it is new."""
    root = _copy(project, tmp_path)
    page = "kerndoelen/index.html"
    first = _inode(_built(root) / page)
    assert _inode(root / CACHE / "engine" / page) == first
    _edit(root / SCHOOL, "status: bezig", "status: ingevoerd")
    assert _inode(_built(root) / page) == first
    _edit(root / "goals/digitale-geletterdheid/DG-002.yaml", "titel: ", "titel: Herzien ")
    assert _inode(_built(root) / page) != first


def test_no_placeholder_is_left_and_the_slots_are_filled(project: Path, tmp_path: Path) -> None:
    root = _copy(project, tmp_path)
    site = _built(root)
    for html in site.rglob("*.html"):
        assert 'class="ld-slot"' not in html.read_text(encoding="utf-8"), html
    goal = (site / "doelen/DG-001/index.html").read_text(encoding="utf-8")
    assert 'id="leer-van-elkaar"' in goal
    assert "Techniekregio Maasdelta" in goal or "Nog geen scholen" in goal
    dashboard = (site / "netwerken/techniekregio-maasdelta/index.html").read_text(encoding="utf-8")
    assert '<h2 id="doelstellingen">Doelstellingen</h2>' in dashboard


def test_a_slot_converts_as_markdown_does_with_its_tables_set_aside(project: Path) -> None:
    _, _, slots = site_parts(project, check(project))
    converter = slot_converter(markdown_extensions(project))
    texts = [t for parts in slots.values() for t in parts.values() if not isinstance(t, Markup)]
    assert sum(len(_TABLE.findall(text)) for text in texts) >= 4  # the dashboards' tables
    for text in texts:
        assert convert(converter, text) == converter.reset().convert(text)


def test_a_spoiled_engine_cache_is_not_used(project: Path, tmp_path: Path) -> None:
    root = _copy(project, tmp_path)
    _built(root)
    kept = root / CACHE / "engine" / "kerndoelen/index.html"
    kept.unlink()
    kept.write_text("vervalst", encoding="utf-8")
    assert _differences(_built(root), _cold(root, tmp_path)) == []
