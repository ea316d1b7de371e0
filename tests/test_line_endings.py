"""Windows line endings check as their LF twins (issue 10, finding 10).

With git's ``core.autocrlf=true`` every file in the working tree has CRLF line endings.
Each file must give the same diagnostics at the same line and column as with LF, and
no LD113 ("the schema line is missing") because of the ``\\r`` on the first line.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import GELDIG, ROOT, VANDAAG, git_repo
from hypothesis import given, settings
from hypothesis import strategies as st
from test_fuzz import GOAL, KADER, SEEDS, mutated

from leerdoelen.commands.check import check
from leerdoelen.core.model import Kader, Leerdoel
from leerdoelen.load.project import load_project
from leerdoelen.load.shape import validate_shape
from leerdoelen.load.yamlfile import parse_yaml
from leerdoelen.versions.revisions import TreeSource

GOLDEN = Path(__file__).parent / "golden"
# Every project of content in the repository: the golden cases (broken on purpose, every
# kind of YAML and schema error among them) and the bundled goals and adoption data.
PROJECTS = {p.name: p for p in sorted(GOLDEN.iterdir()) if (p / "goals").is_dir()}
PROJECTS["bundled"] = ROOT


def convert(source: Path, target: Path, ending: bytes) -> Path:
    """A copy of ``source``'s goals/ and adoptie/ with every line ending ``ending``."""
    for part in ("goals", "adoptie"):
        for path in sorted((source / part).rglob("*")) if (source / part).is_dir() else []:
            copy = target / path.relative_to(source)
            copy.parent.mkdir(parents=True, exist_ok=True)
            if path.is_file():
                lf = path.read_bytes().replace(b"\r\n", b"\n")
                copy.write_bytes(lf.replace(b"\n", ending))
    return target


def same(message: str) -> str:
    # LD102 names the byte offset of a bad byte: that one truly moves with each \r.
    return re.sub(r"op positie \d+", "op positie N", message)


def seen(diagnostics: list) -> list[tuple[str, int, int, str, str]]:
    return [(d.path, d.line, d.column, d.code, same(d.message)) for d in diagnostics]


@pytest.mark.parametrize("case", sorted(PROJECTS))
def test_every_content_file_checks_the_same_with_crlf(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEERDOELEN_VANDAAG", VANDAAG)
    lf = check(convert(PROJECTS[case], tmp_path / "lf", b"\n"))
    crlf = check(convert(PROJECTS[case], tmp_path / "crlf", b"\r\n"))
    assert b"\r\n" in next((tmp_path / "crlf" / "goals").rglob("*.yaml")).read_bytes()
    assert seen(crlf.diagnostics) == seen(lf.diagnostics)
    assert crlf.files == lf.files


@settings(max_examples=300, deadline=None)
@given(data=st.data(), which=st.sampled_from([GOAL, KADER]))
def test_a_mutated_file_gives_the_same_positions_with_crlf(
    data: st.DataObject, which: Path
) -> None:
    lf = data.draw(mutated(SEEDS[which])).replace(b"\r", b"")
    crlf = lf.replace(b"\n", b"\r\n")
    found = []
    for raw in (lf, crlf):
        loaded = parse_yaml(raw, which.as_posix())
        if loaded.ok:
            validate_shape(loaded, Kader if which == KADER else Leerdoel)
        found.append(seen(loaded.problems))
    assert found[0] == found[1]


def test_a_checkout_with_autocrlf_is_clean_and_agrees_with_git(tmp_path: Path) -> None:
    # Seen: core.autocrlf=true gave every file a false LD113 warning.
    root = tmp_path / "inhoud"
    shutil.copytree(GELDIG / "goals", root / "goals")
    repo = git_repo(root)
    repo.git.add("--all")
    repo.index.commit("LF in git")
    with repo.config_writer() as config:
        config.set_value("core", "autocrlf", "true")
    shutil.rmtree(root / "goals")
    repo.git.checkout("--", ".")  # written again, now with CRLF
    kader = (root / "goals/digitale-geletterdheid/kader.yaml").read_bytes()
    assert b"\r\n" in kader and b"\n" not in kader.replace(b"\r\n", b"")
    assert check(root).diagnostics == []
    on_disk = load_project(root, adoptie=False).corpus
    in_git = load_project(root, TreeSource(repo.head.commit.tree), adoptie=False).corpus
    assert (on_disk.kaders, on_disk.leerdoelen) == (in_git.kaders, in_git.leerdoelen)
