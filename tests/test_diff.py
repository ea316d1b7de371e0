"""``leerdoelen diff`` and ``check --base`` on real git repositories made in tmp folders.

Each test copies the bundled goals into a new repository (GitPython), commits them, makes
an editor's change, and runs the CLI in-process. One representative diff is compared
with a golden Markdown file: ``UPDATE_GOLDEN=1 pytest tests/test_diff.py`` to accept a
deliberate change.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import git
import pytest
from conftest import ROOT, commit_all, committed_goals, git_repo

from leerdoelen.cli import main

pytestmark = pytest.mark.slow  # a git repository per test, and one test of over a minute

DG = "goals/digitale-geletterdheid"
GOLDEN = Path(__file__).parent / "golden" / "diff"


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    def json(self) -> dict:
        return json.loads(self.out)

    def change(self, code: str) -> dict:
        [found] = [c for c in self.json()["changes"] if c["code"] == code]
        return found


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return committed_goals(tmp_path)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def run(root: Path, *argv: str) -> Run:
        capsys.readouterr()
        code = main(["-C", str(root), *argv])
        out = capsys.readouterr()
        return Run(code, out.out, out.err)

    return run


def edit(root: Path, code: str, old: str, new: str) -> None:
    path = root / DG / f"{code}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} staat niet in {code}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def drop_slo_uitwerkingen(root: Path, code: str) -> None:
    """Remove a leerdoel's ``slo_uitwerkingen`` block (the key and its list items)."""
    path = root / DG / f"{code}.yaml"
    text = re.sub(r"(?m)^slo_uitwerkingen:.*\n(?:  - .*\n)*", "", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")


def commit(root: Path, message: str = "Wijziging", day: int = 2) -> str:
    return commit_all(git.Repo(root), message, day)


NEW_GOAL = """\
# yaml-language-server: $schema=../../schemas/leerdoel.schema.json
code: DG-046
titel: Een eigen <b>app</b> bedenken
omschrijving: De leerling bedenkt een eenvoudige app voor een probleem in de klas.
doelzin: DG-po-23B
groepen: [7-8]
status: concept
"""


# --- What the diff lists ------------------------------------------------------------------


def test_no_changes(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(project, "diff", "HEAD")
    assert result.code == 0, result
    assert "geen wijzigingen" in result.out
    assert cli(project, "diff", "HEAD", "--format", "json").json()["changes"] == []


def test_added_goal_and_doelzin(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    (project / DG / "DG-046.yaml").write_text(NEW_GOAL, encoding="utf-8")
    kader = project / DG / "kader.yaml"
    kader.write_text(
        kader.read_text(encoding="utf-8").replace(
            "          - code: DG-po-22D\n",
            "          - code: DG-po-22E\n"
            "            titel: Samenwerken met digitale middelen\n"
            "            omschrijving: De leerling werkt samen in gedeelde documenten.\n"
            "          - code: DG-po-22D\n",
        ),
        encoding="utf-8",
    )
    result = cli(project, "diff", "HEAD", "--format", "json")
    assert result.code == 0, result
    goal = result.change("DG-046")
    assert (goal["kind"], goal["change"], goal["path"], goal["old_path"]) == (
        "leerdoel",
        "added",
        f"{DG}/DG-046.yaml",
        None,
    )
    assert goal["status"] == {"old": None, "new": "concept"}
    zin = result.change("DG-po-22E")
    assert (zin["kind"], zin["change"], zin["path"]) == ("doelzin", "added", f"{DG}/kader.yaml")
    assert result.json()["counts"]["added"] == 2
    markdown = cli(project, "diff", "HEAD").out
    # Goal text is escaped: a PR comment cannot be hijacked by what a goal says.
    assert "- **DG-046** Een eigen &lt;b&gt;app&lt;/b&gt; bedenken (concept)" in markdown
    assert "- **doelzin DG-po-22E** Samenwerken met digitale middelen" in markdown


def test_changed_field_by_field(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    edit(project, "DG-007", "titel: ", "titel: Herzien, ")
    edit(project, "DG-007", "trefwoorden: [", "trefwoorden: [nieuw, ")
    commit(project)
    result = cli(project, "diff", "HEAD~1", "HEAD", "--format", "json")
    assert result.code == 0, result
    change = result.change("DG-007")
    assert change["change"] == "changed"
    fields = {f["field"]: f for f in change["fields"]}
    assert set(fields) == {"titel", "trefwoorden"}
    assert fields["titel"]["new"] == "Herzien, " + fields["titel"]["old"]
    assert fields["trefwoorden"]["new"][0] == "nieuw"
    assert fields["trefwoorden"]["new"][1:] == fields["trefwoorden"]["old"]
    assert not any(f["flagged"] for f in change["fields"])  # DG-007 is a concept
    assert change["status"] == {"old": "concept", "new": "concept"}
    assert result.json()["base"]["commit"] == git.Repo(project).commit("HEAD~1").hexsha


def test_whitespace_only_is_no_change(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    path = project / DG / "DG-010.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("hoe recent is het", "hoe recent\n  is het"), encoding="utf-8")
    assert cli(project, "diff", "HEAD", "--format", "json").json()["changes"] == []


def test_status_change(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    edit(project, "DG-007", "status: concept", "status: vastgesteld")
    result = cli(project, "diff", "HEAD")
    assert result.code == 0, result
    assert "### Andere status (1)" in result.out
    assert re.search(r"- \*\*DG-007\*\* .*: concept → vastgesteld", result.out)
    assert "### Gewijzigd" not in result.out


def test_vervallen_with_replacement_is_clean(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    edit(project, "DG-003", "status: vastgesteld", "status: vervallen\nvervangen_door: [DG-005]")
    result = cli(project, "diff", "HEAD")
    assert (result.code, result.err) == (0, ""), result
    assert "### Vervallen (1)" in result.out
    assert re.search(r"- \*\*DG-003\*\* .*: vervangen door DG-005", result.out)
    assert "Fouten" not in result.out
    change = cli(project, "diff", "HEAD", "--format", "json").change("DG-003")
    assert change["retired"] and change["vervangen_door"] == ["DG-005"]
    assert change["fields"] == []  # the replacement belongs to the retirement itself


def test_removed_goal_is_an_error(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    (project / DG / "DG-003.yaml").unlink()
    result = cli(project, "diff", "HEAD")
    assert result.code == 1, result
    assert "### ⛔ Fouten (1)" in result.out
    assert "- **LD501** leerdoel verwijderd: leerdoel DG-003" in result.out
    assert "### Verwijderd (1)" in result.out
    assert result.err.startswith("leerdoelen: LD501 leerdoel verwijderd: ")


def test_reactivated_goal_is_an_error(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    path = project / DG / "DG-042.yaml"
    text = path.read_text(encoding="utf-8")
    line = text.splitlines().index("status: vervallen") + 1
    path.write_text(
        text.replace("status: vervallen\nvervangen_door: [DG-005, DG-006]", "status: concept"),
        encoding="utf-8",
    )
    result = cli(project, "diff", "HEAD", "--format", "json")
    assert result.code == 1, result
    [found] = result.json()["diagnostics"]
    assert (found["code"], found["path"], found["line"]) == ("LD502", f"{DG}/DG-042.yaml", line)
    assert "DG-042 was vervallen en heeft nu status 'concept'" in found["message"]


def test_doelzin_to_another_kerndoel_is_an_error(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    edit(project, "DG-010", "doelzin: DG-po-22B", "doelzin: DG-po-24A")
    result = cli(project, "diff", "HEAD")
    assert result.code == 1, result
    assert (
        "de doelzin van DG-010 ging van DG-po-22B (kerndoel DG-po-22) naar DG-po-24A "
        "(kerndoel DG-po-24)"
    ) in result.out


def test_doelzin_within_the_kerndoel_is_allowed(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    edit(project, "DG-010", "doelzin: DG-po-22B", "doelzin: DG-po-22C")
    result = cli(project, "diff", "HEAD")
    assert result.code == 0, result
    assert "    - doelzin: DG-po-22B → DG-po-22C" in result.out


def test_vastgesteld_omschrijving_and_groepen_are_flagged(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    edit(project, "DG-010", "groepen: [5-6, 7-8]", "groepen: [7-8]")
    edit(project, "DG-010", "De leerling beoordeelt", "De leerling beoordeelt samen")
    result = cli(project, "diff", "HEAD")
    assert result.code == 0, result  # allowed
    top = result.out.split("### Gewijzigd")[0]
    assert "### ⚠️ Let op" in top
    assert "**DG-010** Bronnen beoordelen op betrouwbaarheid en bruikbaarheid: vastgesteld" in top
    assert "omschrijving en groepen gewijzigd" in top
    assert "    - groepen: 5-6, 7-8 → 7-8" in result.out
    # A titel change of a vastgesteld goal is not flagged.
    edit(project, "DG-011", "titel: ", "titel: Zo ")
    assert "DG-011" not in cli(project, "diff", "HEAD").out.split("### Gewijzigd")[0]


def test_moved_goal_same_code_other_file(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """A domain folder renamed: every goal moves, with the same code."""
    (project / DG).rename(project / "goals" / "digitaal")
    kader = project / "goals" / "digitaal" / "kader.yaml"
    text = kader.read_text(encoding="utf-8")
    kader.write_text(text.replace("domein: digitale-geletterdheid", "domein: digitaal"), "utf-8")
    result = cli(project, "diff", "HEAD", "--format", "json")
    assert result.code == 0, result
    change = result.change("DG-010")
    assert change["moved"] and change["fields"] == []
    assert (change["old_path"], change["path"]) == (
        f"{DG}/DG-010.yaml",
        "goals/digitaal/DG-010.yaml",
    )
    assert result.change("DG-po-22B")["moved"]
    assert result.json()["errors"] == 0
    markdown = cli(project, "diff", "HEAD").out
    assert f"`{DG}/DG-010.yaml` → `goals/digitaal/DG-010.yaml`" in markdown


def test_frame_entity_removed_is_a_warning(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    kader = project / DG / "kader.yaml"
    text = kader.read_text(encoding="utf-8")
    start = text.index("          - code: DG-po-22D")
    end = text.index("  - code: DG-SD2")
    kader.write_text(text[:start] + text[end:], encoding="utf-8")
    result = cli(project, "diff", "HEAD", "--format", "json")
    assert result.code == 0, result
    [found] = result.json()["diagnostics"]
    assert (found["code"], found["severity"]) == ("LD504", "warning")
    assert result.change("DG-po-22D")["change"] == "removed"


def test_broken_file_is_not_reported_as_removed(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    header = "# yaml-language-server: $schema=../../schemas/leerdoel.schema.json\n"
    (project / DG / "DG-010.yaml").write_text(header + "code: DG-010\ntitel: [kapot\n", "utf-8")
    result = cli(project, "diff", "HEAD", "--format", "json")
    assert result.code == 1, result
    assert [d["code"] for d in result.json()["diagnostics"]] == ["LD107"]
    assert result.json()["changes"] == []


def test_working_tree_includes_uncommitted_and_untracked(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    edit(project, "DG-007", "status: concept", "status: ter consultatie")
    commit(project)
    (project / DG / "DG-046.yaml").write_text(NEW_GOAL, encoding="utf-8")  # untracked
    edit(project, "DG-041", "status: concept", "status: ter consultatie")  # not committed
    data = cli(project, "diff", "HEAD~1", "--format", "json").json()
    assert data["head"] == {"revision": "werkmap", "commit": None}
    assert {c["code"] for c in data["changes"]} == {"DG-007", "DG-041", "DG-046"}
    between = cli(project, "diff", "HEAD~1", "HEAD", "--format", "json").json()
    assert {c["code"] for c in between["changes"]} == {"DG-007"}


def test_project_in_a_subfolder_of_the_repository(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    top = tmp_path / "repo"
    shutil.copytree(ROOT / "goals", top / "inhoud" / "goals")
    repo = git_repo(top)
    commit_all(repo, "Eerste versie")
    (top / "inhoud" / DG / "DG-003.yaml").unlink()
    commit_all(repo, "DG-003 weg", day=2)
    result = cli(top / "inhoud", "diff", "HEAD~1", "HEAD", "--format", "json")
    assert result.code == 1, result
    assert [d["path"] for d in result.json()["diagnostics"]] == [f"{DG}/DG-003.yaml"]


def test_tags_and_branches_resolve(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    repo = git.Repo(project)
    repo.create_tag("v2026.1")
    repo.create_head("redactie")
    edit(project, "DG-007", "status: concept", "status: ter consultatie")
    commit(project)
    for base in ("v2026.1", "main~1", "redactie", repo.commit("HEAD~1").hexsha[:10]):
        result = cli(project, "diff", base, "HEAD", "--format", "json")
        assert result.code == 0, (base, result)
        assert [c["code"] for c in result.json()["changes"]] == ["DG-007"], base


# --- Golden Markdown ------------------------------------------------------------------------


def test_golden_markdown(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """One representative PR: a goal added, one retired with a replacement, one with a new
    status, a vastgesteld goal's groepen, omschrijving (its changed words marked) and a list
    changed (an item added, one reworded), and a goal deleted."""
    (project / DG / "DG-046.yaml").write_text(NEW_GOAL, encoding="utf-8")
    edit(project, "DG-003", "status: vastgesteld", "status: vervallen\nvervangen_door: [DG-005]")
    edit(project, "DG-007", "status: concept", "status: ter consultatie")
    edit(project, "DG-010", "groepen: [5-6, 7-8]", "groepen: [7-8]")
    edit(
        project,
        "DG-010",
        "  - Noteert welke bronnen",
        "  - Vergelijkt twee zoekmachines.\n  - Noteert welke bronnen",
    )
    edit(project, "DG-010", "hoe recent is het", "hoe oud is het")
    edit(project, "DG-010", "minstens één andere bron.", "minstens twee andere bronnen.")
    (project / DG / "DG-012.yaml").unlink()
    commit(project, "Een PR")
    result = cli(project, "diff", "HEAD~1", "HEAD")
    assert result.code == 1, result
    actual = re.sub(r"\b[0-9a-f]{7}\b", "abc1234", result.out)
    expected = GOLDEN / "samenvatting.md"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.parent.mkdir(exist_ok=True)
        expected.write_text(actual, encoding="utf-8")
    assert actual == expected.read_text(encoding="utf-8")


# --- check --base ---------------------------------------------------------------------------


def test_check_base_runs_the_identity_rules_with_positions(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    edit(project, "DG-010", "doelzin: DG-po-22B", "doelzin: DG-po-24A")
    drop_slo_uitwerkingen(project, "DG-010")  # they are 22B's; the move is the point here
    edit(project, "DG-011", "groepen: [7-8]", "groepen: [7-8, 5-6]")
    result = cli(project, "check", "--base", "HEAD", "--format", "github")
    assert result.code == 1, result
    lines = result.out.splitlines()
    assert any(
        line.startswith(f"::error file={DG}/DG-010.yaml,line=8,col=10,title=LD503 ")
        for line in lines
    ), result.out
    assert any(
        line.startswith(f"::warning file={DG}/DG-011.yaml,line=") and "LD505" in line
        for line in lines
    ), result.out
    # Without --base, the same content passes the ordinary rules.
    assert cli(project, "check").code == 0


def test_check_base_clean(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    edit(project, "DG-003", "status: vastgesteld", "status: vervallen\nreden: Opgesplitst.")
    result = cli(project, "check", "--base", "HEAD")
    assert result.code == 0, result


# --- Safety: revisions ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["diff", "--", "-x"], "revisie '-x' begint met '-'"),
        (["diff", "--", "--output={tmp}/uit"], "begint met '-'"),
        (["diff", "HEAD", "--", "-p"], "revisie '-p' begint met '-'"),
        (["check", "--base=--output={tmp}/uit"], "begint met '-'"),
        (["diff", "bestaat-niet"], "revisie 'bestaat-niet' bestaat niet"),
        (["diff", "HEAD..main"], "'HEAD..main' is geen geldige revisie"),
        (["diff", ":/tekst"], "is geen geldige revisie"),
        (["diff", "HEAD@{1}"], "is geen geldige revisie"),
        (["diff", "../../etc/passwd"], "is geen geldige revisie"),
        (["diff", "HEAD:goals"], "is geen geldige revisie"),
        (["check", "--base", "main~99"], "revisie 'main~99' bestaat niet"),
    ],
)
def test_bad_revisions_are_refused(  # type: ignore[no-untyped-def]
    project: Path, tmp_path: Path, cli, argv: list[str], message: str
) -> None:
    result = cli(project, *(arg.replace("{tmp}", str(tmp_path)) for arg in argv))
    assert result.code == 2, result
    assert message in result.err, result.err
    assert result.out == ""
    assert not (tmp_path / "uit").exists()  # nothing reached git as an option


def test_a_tree_is_not_a_commit(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    tree = git.Repo(project).commit("HEAD").tree.hexsha
    result = cli(project, "diff", tree)
    assert result.code == 2
    assert "is geen commit maar een tree" in result.err


def test_outside_git_is_a_usage_error(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    shutil.copytree(ROOT / "goals", tmp_path / "goals")
    result = cli(tmp_path, "diff", "HEAD")
    assert result.code == 2
    assert "ligt niet in een git-repository" in result.err


def test_shallow_clone_says_how_to_fetch_history(project: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    edit(project, "DG-007", "status: concept", "status: ter consultatie")
    commit(project)
    clone = git.Repo.clone_from(project.as_uri(), tmp_path / "ondiep", depth=1)
    result = cli(Path(clone.working_tree_dir), "diff", "HEAD~1")
    assert result.code == 2
    assert "ondiepe kloon" in result.err and "fetch-depth: 0" in result.err
    # With the whole history, the same comparison works.
    full = git.Repo.clone_from(project.as_uri(), tmp_path / "volledig")
    assert cli(Path(full.working_tree_dir), "diff", "HEAD~1").code == 0


def test_folders_nested_deeper_than_the_stack_are_read_from_git(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """A commit with a file 1,200 folders below goals/ (put in the index directly, so the
    working tree stays as it is): reading the commit walks its tree without recursion."""
    repo = git.Repo(project)
    blob = repo.git.hash_object("-w", "--", f"{DG}/DG-001.yaml")
    deep = "/".join([DG, *["a"] * 1200, "DG-001.yaml"])
    repo.git.update_index("--add", "--cacheinfo", f"100644,{blob},{deep}")
    repo.git.commit("--quiet", "--message=diep")
    run = cli(project, "diff", "HEAD~1", "HEAD")
    assert "Traceback" not in run.err and "interne fout" not in run.err
    assert "**LD313** onbekend bestand" in run.out
