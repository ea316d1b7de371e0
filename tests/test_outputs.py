"""Output folders and files: ``build`` and ``export`` never replace what leerdoelen did not make.

The tests run the real command (real MkDocs builds, a real ``kill -9``) on a small project
that is a real git repository (three goals, two networks, three schools), and check what is
on disk afterwards; a few test the swap itself.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, VANDAAG, commit_all, git_repo, klein_project

from leerdoelen.cli import main

pytestmark = pytest.mark.slow  # real builds (MkDocs) and processes

SITE_MARKER, SLO_MARKER = ".leerdoelen-site", ".leerdoelen-slo"


def mark(folder: Path) -> None:
    """Mark ``folder`` as a site of ours, as a build does."""
    (folder / SITE_MARKER).write_text("Gemaakt door leerdoelen: een site.\n", encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small content project, committed, with public/ and build/ git-ignored, and an
    untracked file of the user's."""
    monkeypatch.setenv("LEERDOELEN_VANDAAG", VANDAAG)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    root = klein_project(tmp_path / "boven" / "inhoud")
    for name in ("site", "schemas"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / ".gitignore").write_text("public/\nbuild/\n", encoding="utf-8")
    commit_all(git_repo(root), "Inhoud")
    (root / "aantekeningen.txt").write_text("nog niet vastgelegd\n", encoding="utf-8")
    return root


def tree(folder: Path) -> dict[str, str]:
    """Every path under ``folder`` with a digest of its content (folders: '/')."""
    return {
        p.relative_to(folder).as_posix(): "/"
        if p.is_dir() and not p.is_symlink()
        else hashlib.sha256(p.read_bytes() if p.is_file() else b"link").hexdigest()
        for p in folder.rglob("*")
    }


def run(root: Path, *argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["-C", str(root), *argv])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


# --- build: refused targets --------------------------------------------------------------


@pytest.mark.parametrize(
    ("out", "said"),
    [
        (".", "is de projectmap"),
        ("adoptie", "ligt in adoptie/"),
        ("adoptie/scholen", "ligt in adoptie/"),
        ("goals/x", "ligt in goals/"),
        ("site/../goals", "ligt in goals/"),
        ("schemas", "ligt in schemas/"),
        (".git", "ligt in .git/"),
        ("..", "ligt boven de projectmap"),
        ("../..", "ligt boven de projectmap"),
    ],
)
def test_build_refuses_the_project_its_folders_and_what_is_above_it(
    project: Path, out: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    above = project.parents[1]  # the folder of the whole test
    before = tree(above)
    code, output = run(project, "build", "--out", out, capsys=capsys)
    assert code == 2, output
    assert said in output and "geen site gebouwd" in output
    assert "Traceback" not in output
    assert tree(above) == before  # nothing lost, nothing added


def test_build_refuses_a_symlink_into_the_content(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project.parent / "kortere-weg").symlink_to(project / "adoptie")
    before = tree(project)
    code, output = run(project, "build", "--out", "../kortere-weg", capsys=capsys)
    assert code == 2 and "ligt in adoptie/" in output, output
    assert tree(project) == before


def test_build_refuses_a_folder_of_someone_else_and_says_what_is_in_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = project.parent / "documenten"
    elsewhere.mkdir()
    for name in ("brief.odt", "foto.jpg", "rapport.pdf"):
        (elsewhere / name).write_text(name, encoding="utf-8")
    (elsewhere / "archief").mkdir()
    before = tree(elsewhere)
    code, output = run(project, "build", "--out", str(elsewhere), capsys=capsys)
    assert code == 2, output
    assert "is niet leeg en is geen site van leerdoelen" in output
    assert "'archief/', 'brief.odt', 'foto.jpg', 'rapport.pdf'" in output
    assert tree(elsewhere) == before


def test_build_refuses_a_site_folder_that_holds_a_tracked_file(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder with our marker is still refused when git tracks a file in it."""
    docs = project / "docs"
    assert run(project, "build", "--out", "docs", capsys=capsys)[0] == 0
    (docs / "CNAME").write_text("leerdoelen.example\n", encoding="utf-8")
    repo = git_repo(project)
    repo.git.add("--", "docs/CNAME")
    repo.index.commit("Eigen domein")
    before = tree(docs)
    code, output = run(project, "build", "--out", "docs", capsys=capsys)
    assert code == 2, output
    assert "bevat bestanden die git bijhoudt ('CNAME')" in output
    assert tree(docs) == before


# --- build: what may be replaced -----------------------------------------------------------


def test_a_marked_site_is_replaced_whole(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = project.parent / "site-uit"
    assert run(project, "build", "--out", str(out), capsys=capsys)[0] == 0
    assert "leerdoelen" in (out / SITE_MARKER).read_text(encoding="utf-8")
    (out / "oud.html").write_text("van de vorige keer", encoding="utf-8")
    code, output = run(project, "build", "--out", str(out), capsys=capsys)
    assert code == 0, output
    assert not (out / "oud.html").exists()
    assert (out / SITE_MARKER).is_file() and (out / "doelen" / "DG-004" / "index.html").is_file()
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".")] == []


def test_the_projects_own_ignored_public_without_marker_is_replaced(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A site built before sites were marked."""
    public = project / "public"
    public.mkdir()
    (public / "index.html").write_text("een site van vroeger", encoding="utf-8")
    code, output = run(project, "build", capsys=capsys)
    assert code == 0, output
    assert "een site van vroeger" not in (public / "index.html").read_text(encoding="utf-8")
    assert (public / SITE_MARKER).is_file()


def test_a_public_folder_that_git_does_not_ignore_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / ".gitignore").write_text("build/\n", encoding="utf-8")
    public = project / "public"
    public.mkdir()
    (public / "index.html").write_text("met de hand gemaakt", encoding="utf-8")
    code, output = run(project, "build", capsys=capsys)
    assert code == 2 and "'index.html'" in output, output
    assert (public / "index.html").read_text(encoding="utf-8") == "met de hand gemaakt"


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_the_published_site_follows_the_umask(
    project: Path, umask: int, capsys: pytest.CaptureFixture[str]
) -> None:
    previous = os.umask(umask)
    try:
        code, output = run(project, "build", capsys=capsys)
    finally:
        os.umask(previous)
    assert code == 0, output
    public = project / "public"
    wrong = {
        p.relative_to(project).as_posix(): oct(p.stat().st_mode & 0o777)
        for p in [public, *public.rglob("*")]
        if p.stat().st_mode & 0o777 != (0o777 if p.is_dir() else 0o666) & ~umask
    }
    assert wrong == {}


# --- leftovers of killed builds, and the swap ----------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".public."))


def _dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout)


def test_a_killed_build_is_cleaned_up_by_the_next(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build = subprocess.Popen(
        [sys.executable, "-m", "leerdoelen", "build"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while not _leftovers(project) and build.poll() is None:  # MkDocs is running
            time.sleep(0.005)
    finally:
        build.send_signal(signal.SIGKILL)
        build.wait()
    assert _leftovers(project), "de build was klaar voordat hij werd gestopt"
    assert run(project, "build", capsys=capsys)[0] == 0
    assert _leftovers(project) == []
    assert (project / "public" / SITE_MARKER).is_file()


@pytest.fixture
def sleeper() -> Iterator[int]:
    """The pid of a process that runs while the test does."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield process.pid
    process.kill()
    process.wait()


def test_only_our_leftovers_of_finished_processes_are_removed(
    project: Path, sleeper: int, capsys: pytest.CaptureFixture[str]
) -> None:
    dead = _dead_pid()
    folders = {  # name: what is in it
        f".public.nieuw-{dead}-0a1b": [SITE_MARKER, "index.html"],  # ours, build gone: removed
        f".public.oud-{dead}-2c3d": [SITE_MARKER, "index.html"],
        f".public.nieuw-{dead}-3e4f": [],  # killed before its marker was written: removed
        f".public.nieuw-{sleeper}-4e5f": [SITE_MARKER],  # a build that still runs: kept
        f".public.nieuw-{dead}-6a7b": ["index.html"],  # no marker: not ours, kept
        f".andere.nieuw-{dead}-8c9d": [SITE_MARKER],  # another target's: kept
    }
    for name, files in folders.items():
        (project / name).mkdir()
        for file in files:
            (project / name / file).write_text("Gemaakt door leerdoelen\n", encoding="utf-8")
    (project / "public").mkdir()
    mark(project / "public")
    assert run(project, "build", capsys=capsys)[0] == 0
    kept = [f".public.nieuw-{sleeper}-4e5f", f".public.nieuw-{dead}-6a7b"]
    assert _leftovers(project) == sorted(kept)
    assert (project / f".andere.nieuw-{dead}-8c9d").is_dir()


def test_a_missing_site_is_put_back_from_an_interrupted_swap(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Where the swap takes two renames, a kill between them leaves no public/: the next
    build puts the old site back first, even when it then refuses to publish."""
    old = project / f".public.oud-{_dead_pid()}-0a1b"
    old.mkdir()
    mark(old)
    (old / "index.html").write_text("de vorige site", encoding="utf-8")
    goal = project / "goals" / "digitale-geletterdheid" / "DG-004.yaml"
    goal.write_text(goal.read_text(encoding="utf-8") + "onbekend_veld: 1\n", encoding="utf-8")
    assert run(project, "build", capsys=capsys)[0] == 1
    assert (project / "public" / "index.html").read_text(encoding="utf-8") == "de vorige site"
    assert _leftovers(project) == []


def test_the_swap_never_leaves_the_site_missing(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """After every rename during a rebuild, public/ is there."""
    assert run(project, "build", capsys=capsys)[0] == 0
    public, missing = project / "public", []
    real_rename = os.rename

    def watched(source: object, target: object, *args: object, **kwargs: object) -> None:
        real_rename(source, target, *args, **kwargs)  # type: ignore[arg-type]
        if not public.is_dir():
            missing.append(f"{source} -> {target}")

    monkeypatch.setattr(os, "rename", watched)
    assert run(project, "build", capsys=capsys)[0] == 0
    assert missing == []
    assert (public / SITE_MARKER).is_file() and _leftovers(project) == []


def test_exchange_swaps_two_folders_in_one_step(tmp_path: Path) -> None:
    from leerdoelen.commands import outputs

    a, b = tmp_path / "a", tmp_path / "b"
    for folder in (a, b):
        folder.mkdir()
        (folder / "naam").write_text(folder.name, encoding="utf-8")
    if not outputs.exchange(a, b):
        pytest.skip("dit platform of bestandssysteem kan geen mappen verwisselen")
    assert (a / "naam").read_text(encoding="utf-8") == "b"
    assert (b / "naam").read_text(encoding="utf-8") == "a"


def test_without_exchange_the_two_renames_publish_the_site(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from leerdoelen.commands import outputs

    assert run(project, "build", capsys=capsys)[0] == 0
    (project / "public" / "oud.html").write_text("weg ermee", encoding="utf-8")
    monkeypatch.setattr(outputs, "exchange", lambda a, b: False)
    assert run(project, "build", capsys=capsys)[0] == 0
    assert not (project / "public" / "oud.html").exists()
    assert (project / "public" / SITE_MARKER).is_file() and _leftovers(project) == []


# --- export -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (("slo", "--out", "."), "is de projectmap"),
        (("slo", "--out", "goals/slo"), "ligt in goals/"),
        (("slo", "--out", "adoptie"), "ligt in adoptie/"),
        (("slo", "--out", ".."), "ligt boven de projectmap"),
        (("slo", "--out", "public"), "is geen SLO-export van leerdoelen"),
        (("case", "--out", "mkdocs.yml"), "wordt bijgehouden door git"),
        (("case", "--out", "site/pages/case.json"), "ligt in site/"),
        (("json", "--out", "adoptie/scholen/11AA.yaml"), "ligt in adoptie/"),
        (("json", "--out", "aantekeningen.txt"), "'nog niet vastgelegd\\n'"),
        (("csv", "--out", "goals/digitale-geletterdheid/DG-001.yaml"), "ligt in goals/"),
        (("csv", "--out", "schemas/x.csv"), "ligt in schemas/"),
        (("csv", "--out", ".git/config"), "ligt in .git/"),
        (("csv", "--out", "public"), "is een map"),
        (("csv", "--out", "kortere-weg.csv"), "is een symbolische link"),
    ],
)
def test_export_refuses_protected_and_foreign_places(
    project: Path, argv: tuple[str, ...], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "public").mkdir()
    (project / "public" / "index.html").write_text("een site", encoding="utf-8")
    mark(project / "public")
    (project / "kortere-weg.csv").symlink_to(project / "aantekeningen.txt")
    above = project.parents[1]
    before = tree(above)
    code, output = run(project, "export", *argv, capsys=capsys)
    assert code == 2, output
    assert said in output and "niets geëxporteerd" in output
    assert tree(above) == before


@pytest.mark.parametrize("formaat", ["case", "json", "csv"])
def test_an_export_file_replaces_only_an_earlier_export_of_the_same_format(
    project: Path, formaat: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = project.parent / f"export.{formaat}"
    assert run(project, "export", formaat, "--out", str(out), capsys=capsys)[0] == 0
    first = out.read_bytes()
    out.write_bytes(first.replace(b"DG-004", b"DG-404"))  # an older export of ours
    assert run(project, "export", formaat, "--out", str(out), capsys=capsys)[0] == 0
    assert out.read_bytes() == first
    other = {"case": "json", "json": "csv", "csv": "case"}[formaat]
    code, output = run(project, "export", other, "--out", str(out), capsys=capsys)
    assert code == 2 and f"geen eerdere {other}-export" in output, output
    assert out.read_bytes() == first


def test_an_slo_export_is_marked_and_replaces_only_its_own_kind(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = project.parent / "slo"
    assert run(project, "export", "slo", "--out", str(out), capsys=capsys)[0] == 0
    assert (out / SLO_MARKER).is_file() and (out / "context.json").is_file()
    (out / "data" / "oud.json").write_text("[]", encoding="utf-8")
    assert run(project, "export", "slo", "--out", str(out), capsys=capsys)[0] == 0
    assert not (out / "data" / "oud.json").exists()
    code, output = run(project, "build", "--out", str(out), capsys=capsys)
    assert code == 2 and "is niet leeg en is geen site van leerdoelen" in output, output
