"""Only regular files inside the project are content (issue 10, findings 3 and 11).

Symlinks, FIFOs, sockets and devices under goals/, adoptie/ and site/ are refused with one
LD114 each: never followed, opened or descended into, from the working tree as from git.
A build never publishes what a symlink points at.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import GELDIG, ROOT, SCHOOL_HEADER, git_repo

from leerdoelen.cli import main
from leerdoelen.commands.check import check
from leerdoelen.load.project import load_project
from leerdoelen.util import parallel
from leerdoelen.versions.revisions import TreeSource

DOMEIN = "goals/digitale-geletterdheid"
SECRET = "GEHEIM-b1f0c3-nooit-publiceren"
SCHOOL = SCHOOL_HEADER + "brin: 12AB\nnaam: OBS Echt\nplaats: Ergens\nsoort: bao\n"


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """Opening a FIFO waits for a writer for ever: fail the test instead of hanging."""

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError("bleef hangen: er werd een FIFO geopend")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(120)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """``tests/golden/geldig`` plus one school and the site, with a secret beside it."""
    root = tmp_path / "inhoud"
    shutil.copytree(GELDIG, root)
    (root / "expected-text.txt").unlink()
    for name in ("site", "schemas"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "adoptie/scholen").mkdir(parents=True)
    (root / "adoptie/scholen/12AB.yaml").write_text(SCHOOL, encoding="utf-8")
    outside = tmp_path / "buiten"
    outside.mkdir()
    (outside / "geheim.yaml").write_text(f"titel: {SECRET}\n", encoding="utf-8")
    (outside / "map").mkdir()
    (outside / "map" / "DG-077.yaml").write_text(f"titel: {SECRET}\n", encoding="utf-8")
    return root


def found(root: Path) -> list[tuple[str, str]]:
    return [(d.path, d.code) for d in check(root).diagnostics]


def fifo(path: Path) -> None:
    os.mkfifo(path)


def sock(path: Path) -> None:
    # A socket's path must be short: bind by name from inside its folder.
    here = Path.cwd()
    os.chdir(path.parent)
    try:
        server = socket.socket(socket.AF_UNIX)
        server.bind(path.name)
        server.close()  # the socket file stays
    finally:
        os.chdir(here)


def device(path: Path) -> None:
    try:
        os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 3))  # like /dev/null
    except PermissionError:
        pytest.skip("apparaatbestanden maken vraagt root")


PLACES = [
    f"{DOMEIN}/DG-050.yaml",  # a goal file
    "goals/los.yaml",  # beside the domains
    f"{DOMEIN}/oud/DG-051.yaml",  # in a folder inside a domain
    "adoptie/scholen/34CD.yaml",  # a school file
    "adoptie/netwerken/noord.yaml",  # a network file
    "adoptie/oud/lijst.yaml",  # a stray folder in adoptie/
    "site/pages/x.txt",  # a hand-written page
    "site/overrides/partials/y.html",  # a theme override (MkDocs reads it)
]
MAKERS: dict[str, Callable[[Path], None]] = {"fifo": fifo, "socket": sock, "device": device}


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("kind", ["symlink naar bestand", "symlink naar map", *MAKERS])
def test_each_non_regular_entry_is_one_LD114(project: Path, place: str, kind: str) -> None:
    path = project / place
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "symlink naar bestand":
        path.symlink_to(project.parent / "buiten" / "geheim.yaml")
    elif kind == "symlink naar map":
        path.symlink_to(project.parent / "buiten" / "map")
    else:
        MAKERS[kind](path)
    result = check(project)
    assert [(d.path, d.code) for d in result.diagnostics] == [(place, "LD114")]
    [refused] = result.diagnostics
    assert refused.severity == "error" and refused.message.startswith("dit is een ")
    assert SECRET not in repr(result.project.corpus)
    assert not any(SECRET in f.text for f in result.project.files)


@pytest.mark.parametrize("name", ["goals", "adoptie", "site", "site/pages", "site/overrides"])
def test_a_symlinked_content_folder_is_refused_whole(project: Path, name: str) -> None:
    folder = project / name
    moved = project.parent / "elders"
    shutil.move(folder, moved)
    folder.symlink_to(moved)
    assert found(project) == [(name, "LD114")]


def test_a_symlink_to_a_system_folder_gives_one_diagnostic(project: Path) -> None:
    # Seen: adoptie/usr -> /usr gave 124,714 warnings that listed host paths, and exit 0.
    (project / "adoptie/usr").symlink_to("/usr")
    code, out = cli(project, "check")
    assert code == 1
    [line, summary] = out.splitlines()
    assert line.startswith("adoptie/usr:0:0: LD114: dit is een symbolische koppeling")
    assert summary.endswith(": 1 fout, 0 waarschuwingen")


def test_a_symlinked_kader_is_not_also_reported_missing(project: Path) -> None:
    kader = project / DOMEIN / "kader.yaml"
    shutil.move(kader, project.parent / "kader.yaml")
    kader.symlink_to(project.parent / "kader.yaml")
    assert found(project) == [(f"{DOMEIN}/kader.yaml", "LD114")]


def cli(root: Path, *argv: str) -> tuple[int, str]:
    run = subprocess.run(
        [sys.executable, "-m", "leerdoelen", "-C", str(root), *argv],
        capture_output=True,
        text=True,
        timeout=120,  # a FIFO that is opened blocks for ever
        env={**os.environ, "GITHUB_ACTIONS": ""},
    )
    return run.returncode, run.stdout


def test_fifos_do_not_make_check_hang(project: Path) -> None:
    # Seen: a FIFO named *.yaml in goals/ made `check` wait for a writer for ever.
    places = [f"{DOMEIN}/DG-050.yaml", "adoptie/scholen/34CD.yaml", "site/overrides/z.html"]
    for place in places:
        os.mkfifo(project / place)
    code, out = cli(project, "check")
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == sorted(places)
    assert all(": LD114: dit is een named pipe (FIFO)" in line for line in out.splitlines()[:-1])


def test_working_tree_and_git_agree(project: Path) -> None:
    # Seen: a symlinked goal was read from outside the repository in the working tree, and
    # refused (LD107) when read from git.
    outside = project.parent / "buiten"
    (project / DOMEIN / "DG-050.yaml").symlink_to(outside / "geheim.yaml")
    (project / DOMEIN / "oud").symlink_to(outside / "map")
    (project / "adoptie/scholen/34CD.yaml").symlink_to(project / "adoptie/scholen/12AB.yaml")
    (project / "adoptie/usr").symlink_to("/usr")
    (project / "site/pages/config.txt").symlink_to("../../.git/config")
    repo = git_repo(project)
    repo.git.add("--all")
    repo.index.commit("met symlinks")
    assert repo.head.commit.tree[f"{DOMEIN}/DG-050.yaml"].mode == 0o120000
    on_disk = load_project(project)
    in_git = load_project(project, TreeSource(repo.head.commit.tree))
    assert on_disk.diagnostics == in_git.diagnostics
    assert sorted((d.path, d.code) for d in on_disk.diagnostics) == [
        ("adoptie/scholen/34CD.yaml", "LD114"),
        ("adoptie/usr", "LD114"),
        (f"{DOMEIN}/DG-050.yaml", "LD114"),
        (f"{DOMEIN}/oud", "LD114"),
        ("site/pages/config.txt", "LD114"),
    ]
    assert [f.path for f in on_disk.files] == [f.path for f in in_git.files]


def test_a_symlinked_goals_folder_agrees_with_git(project: Path) -> None:
    goals = project / "goals"
    shutil.move(goals, project / "echt")
    goals.symlink_to("echt")
    repo = git_repo(project)
    repo.git.add("--all")
    repo.index.commit("goals als symlink")
    on_disk = load_project(project)
    in_git = load_project(project, TreeSource(repo.head.commit.tree))
    assert [(d.path, d.code) for d in on_disk.diagnostics] == [("goals", "LD114")]
    assert on_disk.diagnostics == in_git.diagnostics
    assert (
        [f.path for f in on_disk.files]
        == [f.path for f in in_git.files]
        == ["adoptie/scholen/12AB.yaml"]
    )


def secrets_in(folder: Path) -> list[str]:
    """Every regular file below ``folder`` (links not followed) that holds the secret."""
    hits = []
    for where, _, names in os.walk(folder):
        for name in names:
            path = Path(where, name)
            if path.is_file() and not path.is_symlink() and SECRET.encode() in path.read_bytes():
                hits.append(str(path.relative_to(folder)))
    return hits


def build(root: Path) -> tuple[int, str]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(["-C", str(root), "build"])
    return code, out.getvalue()


def test_a_build_never_publishes_what_a_symlink_points_at(project: Path) -> None:
    # Seen: site/pages/x.txt -> ../../.git/config published the git config (in CI: the
    # checkout's token), site/pages/env.txt -> /proc/self/environ the environment.
    assert build(project)[0] == 0
    outside = project.parent / "buiten"
    links = {
        "site/pages/x.txt": outside / "geheim.yaml",
        "site/pages/map": outside / "map",
        "site/overrides/geheim.txt": outside / "geheim.yaml",  # MkDocs copies theme files
        "site/pages/env.txt": Path("/proc/self/environ"),
    }
    for place, target in links.items():
        (project / place).symlink_to(target)
    code, out = build(project)
    assert code == 1, out
    assert sorted(line.split(":")[0] for line in out.splitlines() if "LD114" in line) == sorted(
        links
    )
    assert secrets_in(project / "public") == []
    assert secrets_in(project / "build") == []
    assert SECRET not in out


def test_the_hand_pages_are_read_without_following_links(project: Path) -> None:
    # The belt behind check: docs_tree itself refuses a link it meets.
    from leerdoelen.commands.build import BuildError, docs_tree

    result = check(project)
    (project / "site/pages/x.txt").symlink_to(project.parent / "buiten" / "geheim.yaml")
    with pytest.raises(BuildError, match=r"site/pages/x\.txt is een symbolische koppeling"):
        docs_tree(project, result)


def test_a_symlink_left_in_build_is_removed_not_followed(project: Path) -> None:
    # build/ is ours and git-ignored, but a commit can still bring a symlink into it; MkDocs
    # would follow it into the published site, and pages would be written through it.
    outside = project.parent / "buiten"
    (project / "build/pages").mkdir(parents=True)
    (project / "build/pages/lek").symlink_to(outside / "map")
    (project / "build/pages/doelen").symlink_to(outside / "map")
    (project / "build/static").symlink_to(outside)
    code, out = build(project)
    assert code == 0, out
    assert secrets_in(project / "public") == []
    assert sorted(p.name for p in outside.iterdir()) == ["geheim.yaml", "map"]
    assert [p.name for p in (outside / "map").iterdir()] == ["DG-077.yaml"]
    assert not (project / "build/pages/lek").exists()
    assert (project / "public/doelen/index.html").is_file()


def test_the_schools_workers_never_write_through_a_symlink_in_build_static(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workers that make the school files write into build/static as soon as they
    start: a symlink there is gone before they do (70 schools: in worker processes)."""
    monkeypatch.setenv(parallel.ENV, "2")
    (project / "adoptie/netwerken").mkdir()
    (project / "adoptie/netwerken/noord.yaml").write_text(
        "# yaml-language-server: $schema=../../schemas/netwerk.schema.json\n"
        "naam: Noord\nsoort: schoolbestuur\ncontact: info@noord.example\npubliceren: true\n",
        encoding="utf-8",
    )
    for n in range(10, 80):
        school = SCHOOL.replace("12AB", f"{n}AB") + "netwerken: [noord]\n"
        (project / f"adoptie/scholen/{n}AB.yaml").write_text(school, encoding="utf-8")
    outside = project.parent / "buiten"
    (project / "build/static").mkdir(parents=True)
    (project / "build/static/scholen").symlink_to(outside / "map")
    (project / "build/static/netwerken").symlink_to(outside)
    code, out = build(project)
    assert code == 0, out
    assert sorted(p.name for p in outside.iterdir()) == ["geheim.yaml", "map"]
    assert [p.name for p in (outside / "map").iterdir()] == ["DG-077.yaml"]
    assert not (project / "build/static/scholen").is_symlink()
    assert len(list((project / "public/scholen").glob("*/index.html"))) == 70
    assert (project / "public/netwerken/noord/netwerk-noord.csv").is_file()
