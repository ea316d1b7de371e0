"""``leerdoelen school add`` and ``school sync``: real files in a copy of the golden project.

Sync edits the coordinators' own files, so besides what it adds, these tests check what it
leaves alone: every line that was there survives, byte for byte and in order.
"""

from __future__ import annotations

import difflib
import itertools
import shutil
from pathlib import Path

import pytest

from leerdoelen.adoptie import sync
from leerdoelen.cli import main
from leerdoelen.commands.check import check
from leerdoelen.core.clock import ENV
from leerdoelen.load import schoolfile

GELDIG = Path(__file__).parent / "golden" / "geldig"
DOMEIN = "goals/digitale-geletterdheid"
VANDAAG = "2026-06-01"

NETWERK = """\
# yaml-language-server: $schema=../../schemas/netwerk.schema.json
naam: Techniekregio Noord
soort: regionaal netwerk
contact: info@techniek-noord.example
publiceren: true
"""

# A school file as a coordinator keeps it: comments everywhere, mixed quoting, a blank
# line between records, a toelichting wrapped by hand over two lines, an archived record.
SCHOOL = """\
# yaml-language-server: $schema=../../schemas/school.schema.json
# Bijgehouden door de netwerkcoördinator; vragen via info@techniek-noord.example.
brin: 12AB
naam: "OBS De Regenboog"
plaats: 'Groningen'   # gemeente Groningen
soort: bao
netwerken: [techniek-noord]
doelen:
  # Onderbouw
  - code: DG-001
    status: ingevoerd
    groepen: [1-2]
    datum: 2026-03-01
    toelichting: We leggen de plaatjes van het tandenpoetsen op volgorde,
      elke week een andere handeling.

  # Middenbouw: DG-002 loopt nog
  - code: DG-002
    status: bezig   # sinds januari
    groepen: [3-4, 5-6]
    datum: 2026-01-15
    bewijs: https://example.org/lesplan-robot
  - code: DG-003
    status: ingevoerd
    gearchiveerd: true
# Einde van de lijst.
"""


def goal(code: str, status: str = "vastgesteld", vervangen_door: tuple[str, ...] = ()) -> str:
    text = (
        "# yaml-language-server: $schema=../../schemas/leerdoel.schema.json\n"
        f"code: {code}\n"
        f"titel: Leerdoel {code}\n"
        "omschrijving: Een leerdoel om mee te testen.\n"
        "doelzin: DG-po-23B\n"
        "groepen: [3-4]\n"
        f"status: {status}\n"
    )
    if vervangen_door:
        text += f"vervangen_door: [{', '.join(vervangen_door)}]\n"
    return text


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(ENV, VANDAAG)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    root = tmp_path / "inhoud"
    shutil.copytree(GELDIG, root)
    (root / "adoptie" / "netwerken").mkdir(parents=True)
    (root / "adoptie" / "scholen").mkdir()
    (root / "adoptie" / "netwerken" / "techniek-noord.yaml").write_text(NETWERK, "utf-8")
    (root / "adoptie" / "scholen" / "12AB.yaml").write_text(SCHOOL, "utf-8")
    assert check(root).ok
    return root


def write_goal(root: Path, code: str, *args: object) -> None:
    (root / DOMEIN / f"{code}.yaml").write_text(goal(code, *args), "utf-8")  # type: ignore[arg-type]


def school(root: Path, brin: str = "12AB") -> str:
    return (root / "adoptie" / "scholen" / f"{brin}.yaml").read_bytes().decode("utf-8")


def run(root: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["-C", str(root), "school", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def inserted(old: str, new: str) -> str:
    """The lines that ``new`` adds to ``old``; fails unless every line of ``old`` is still
    there, unchanged and in order."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    added = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        assert tag in ("equal", "insert"), f"{tag}: {a[i1:i2]!r} → {b[j1:j2]!r}"
        if tag == "insert":
            added.extend(b[j1:j2])
    return "".join(added)


def assert_clean(root: Path) -> None:
    result = check(root)
    assert result.ok, [d.message for d in result.diagnostics]
    assert all(not f.problems for f in result.project.files)


# --- add -------------------------------------------------------------------------------


def test_add_writes_the_current_checklist(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_goal(project, "DG-004", "ter consultatie")
    write_goal(project, "DG-005", "concept")
    code, out, err = run(
        project,
        capsys,
        *("add", "12AC", "--naam", "CBS Het Kompas", "--plaats", "Zwolle"),
        *("--netwerk", "techniek-noord", "--soort", "sbo", "--rio", "123A456"),
    )
    assert (code, err) == (0, "")
    assert out == (
        "school toegevoegd: adoptie/scholen/12AC.yaml (CBS Het Kompas, Zwolle) "
        "met 3 leerdoelen op 'niet gestart'\n"
    )
    assert school(project, "12AC") == (
        "# yaml-language-server: $schema=../../schemas/school.schema.json\n"
        "brin: 12AC\n"
        "rio: 123A456\n"
        "naam: CBS Het Kompas\n"
        "plaats: Zwolle\n"
        "soort: sbo\n"
        "netwerken: [techniek-noord]\n"
        "doelen:\n"
        "  - code: DG-001\n"
        "    status: niet gestart\n"
        "  - code: DG-002\n"
        "    status: niet gestart\n"
        "  - code: DG-004\n"
        "    status: niet gestart\n"
    )
    assert_clean(project)
    assert main(["-C", str(project), "check"]) == 0


def test_add_quotes_what_would_not_read_back_as_text(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run(
        project,
        capsys,
        *("add", "12AC", "--naam", "'t Hofke: 010", "--plaats", "yes"),
        *("--netwerk", "techniek-noord"),
    )
    assert code == 0
    text = school(project, "12AC")
    assert 'naam: "\'t Hofke: 010"\n' in text
    assert "plaats: 'yes'\n" in text
    assert "soort: bao\nnetwerken: [techniek-noord]\n" in text
    assert_clean(project)
    loaded = check(project).project.corpus.scholen["12AC"]
    assert (loaded.naam, loaded.plaats) == ("'t Hofke: 010", "yes")


def test_add_creates_the_adoptie_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(ENV, VANDAAG)
    root = tmp_path / "inhoud"
    shutil.copytree(GELDIG, root)
    assert not (root / "adoptie" / "scholen").exists()
    (root / "adoptie" / "netwerken").mkdir(parents=True)
    (root / "adoptie" / "netwerken" / "techniek-noord.yaml").write_text(NETWERK, "utf-8")
    argv = ("add", "12AC01", "--naam", "Vestiging", "--plaats", "Ee", "--netwerk", "techniek-noord")
    assert run(root, capsys, *argv)[0] == 0
    assert school(root, "12AC01").startswith(schoolfile.HINT + "\nbrin: 12AC01\n")
    assert_clean(root)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["12ab", "--naam", "X", "--plaats", "Y"],
            "'12ab' is geen BRIN-code: verwacht 2 cijfers en 2 hoofdletters, eventueel gevolgd "
            "door 2 cijfers voor de vestiging (zoals 12AB of 12AB01); bedoelde je '12AB'?",
        ),
        (["1234", "--naam", "X", "--plaats", "Y"], "'1234' is geen BRIN-code"),
        (
            ["12AC", "--naam", "X", "--plaats", "Y", "--netwerk", "techniek-nord"],
            "onbekend netwerk 'techniek-nord': geen adoptie/netwerken/techniek-nord.yaml; "
            "bedoelde je 'techniek-noord'? (bekend: techniek-noord)",
        ),
        (
            ["12AB", "--naam", "X", "--plaats", "Y", "--netwerk", "techniek-noord"],
            "adoptie/scholen/12AB.yaml bestaat al; de stand van een bestaande school werk je "
            "bij door dat bestand te bewerken",
        ),
        (
            ["12AC", "--naam", "X", "--plaats", "Y"],
            "geef het netwerk van de school met --netwerk SLUG: een school zonder netwerk komt "
            "nooit op de site; de netwerken staan in adoptie/netwerken/",
        ),
        (["12AC", "--naam", "X", "--plaats", "Y", "--rio", "12"], "'12' is geen RIO-code"),
        (["12AC", "--naam", "  ", "--plaats", "Y"], "--naam mag niet leeg zijn"),
        (["12AC", "--naam", "X\nY", "--plaats", "Y"], "--naam mag geen regeleinden"),
    ],
)
def test_add_refuses_bad_arguments(
    argv: list[str], message: str, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(p.name for p in (project / "adoptie" / "scholen").iterdir())
    code, out, err = run(project, capsys, "add", *argv)
    assert (code, out) == (2, "")
    assert err.startswith("leerdoelen: fout: ")
    assert message in err
    assert sorted(p.name for p in (project / "adoptie" / "scholen").iterdir()) == before
    assert school(project) == SCHOOL


def test_add_refuses_a_bad_soort(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(
            [
                "-C",
                str(project),
                "school",
                "add",
                "12AC",
                "--naam",
                "X",
                "--plaats",
                "Y",
                "--soort",
                "vo",
            ]
        )
    assert exit_.value.code == 2
    assert "ongeldige keuze: 'vo'" in capsys.readouterr().err


def test_add_refuses_when_the_content_has_errors(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / DOMEIN / "DG-002.yaml").write_text(goal("DG-002", "vervallen"), "utf-8")
    argv = ("add", "12AC", "--naam", "X", "--plaats", "Y", "--netwerk", "techniek-noord")
    code, out, err = run(project, capsys, *argv)
    assert code == 1
    assert "LD306" in out  # vervallen without replacement or reason
    assert "LD402" in out  # the school still tracks DG-002
    assert "school niet toegevoegd: los eerst de fouten op" in err
    assert "draai eerst 'leerdoelen school sync'" in err
    assert not (project / "adoptie" / "scholen" / "12AC.yaml").exists()


# --- sync ------------------------------------------------------------------------------


def test_sync_adds_new_goals_at_the_end_of_doelen(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_goal(project, "DG-004")
    write_goal(project, "DG-005", "ter consultatie")
    write_goal(project, "DG-006", "concept")
    code, out, err = run(project, capsys, "sync")
    assert (code, err) == (0, "")
    assert out == (
        "adoptie/scholen/12AB.yaml (OBS De Regenboog): 2 doelen toegevoegd\n"
        "  DG-004 toegevoegd (niet gestart)\n"
        "  DG-005 toegevoegd (niet gestart)\n"
        "1 school bijgewerkt, 0 ongewijzigd\n"
    )
    assert school(project) == SCHOOL.replace(
        "    gearchiveerd: true\n",
        "    gearchiveerd: true\n"
        "  - code: DG-004\n"
        "    status: niet gestart\n"
        "  - code: DG-005\n"
        "    status: niet gestart\n",
    )
    assert_clean(project)


def test_sync_archives_and_takes_over_for_a_single_replacement(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_goal(project, "DG-002", "vervallen", ("DG-004",))
    write_goal(project, "DG-004")
    assert check(project).errors == 1  # LD402: the school tracks a vervallen goal
    code, out, err = run(project, capsys, "sync")
    assert (code, err) == (0, "")
    assert out == (
        "adoptie/scholen/12AB.yaml (OBS De Regenboog): 1 doel toegevoegd, "
        "1 record gearchiveerd, 1 status overgenomen\n"
        "  DG-002 gearchiveerd (vervallen, vervangen door DG-004)\n"
        "  DG-004 toegevoegd met status 'bezig', overgenomen van DG-002\n"
        "1 school bijgewerkt, 0 ongewijzigd\n"
    )
    new = school(project)
    assert inserted(SCHOOL, new) == (
        "    gearchiveerd: true\n"
        "  - code: DG-004\n"
        "    status: bezig\n"
        "    groepen: [3-4, 5-6]\n"
        "    datum: 2026-01-15\n"
        "    toelichting: Overgenomen van DG-002 (vervallen, vervangen door DG-004).\n"
    )
    assert "    bewijs: https://example.org/lesplan-robot\n    gearchiveerd: true\n" in new
    assert_clean(project)
    records = {r.code: r for r in check(project).project.corpus.scholen["12AB"].doelen}
    assert records["DG-002"].gearchiveerd and records["DG-002"].status == "bezig"
    assert records["DG-004"].status == "bezig" and not records["DG-004"].gearchiveerd


def test_sync_starts_split_replacements_at_niet_gestart(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_goal(project, "DG-002", "vervallen", ("DG-004", "DG-005"))
    write_goal(project, "DG-004")
    write_goal(project, "DG-005")
    code, out, _ = run(project, capsys, "sync")
    assert code == 0
    assert "  DG-004 toegevoegd (niet gestart), vervangt (deels) DG-002\n" in out
    note = "    toelichting: 'Vervangt deels DG-002; zie dat record (status: bezig).'\n"
    assert inserted(SCHOOL, school(project)) == (
        "    gearchiveerd: true\n"
        "  - code: DG-004\n"
        "    status: niet gestart\n" + note + "  - code: DG-005\n"
        "    status: niet gestart\n" + note
    )
    assert_clean(project)


def test_sync_keeps_every_comment_and_record_byte_for_byte(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_goal(project, "DG-002", "vervallen", ("DG-004", "DG-005"))
    write_goal(project, "DG-004")
    write_goal(project, "DG-005")
    assert run(project, capsys, "sync")[0] == 0
    new = school(project)
    inserted(SCHOOL, new)  # every original line, in order
    for line in SCHOOL.splitlines(keepends=True):
        if line.lstrip().startswith("#") or "#" in line:
            assert new.count(line) == 1, line
    # the records that were not touched, whole, including the blank line and comments
    assert SCHOOL[SCHOOL.index("  # Onderbouw") : SCHOOL.index("    status: bezig")] in new
    assert new.endswith("# Einde van de lijst.\n")


def test_a_second_sync_changes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_goal(project, "DG-002", "vervallen", ("DG-004", "DG-005"))
    write_goal(project, "DG-004")
    write_goal(project, "DG-005")
    assert run(project, capsys, "sync")[0] == 0
    first = school(project)
    mtime = (project / "adoptie" / "scholen" / "12AB.yaml").stat().st_mtime_ns
    code, out, err = run(project, capsys, "sync")
    assert (code, err) == (0, "")
    assert out == (
        "adoptie/scholen/12AB.yaml (OBS De Regenboog): niets te doen\n"
        "niets te doen: alle checklists zijn bij\n"
    )
    assert school(project) == first
    assert (project / "adoptie" / "scholen" / "12AB.yaml").stat().st_mtime_ns == mtime


def test_sync_on_an_up_to_date_project_writes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(project, capsys, "sync", "12AB")
    assert code == 0
    assert out.endswith("niets te doen: alle checklists zijn bij\n")
    assert school(project) == SCHOOL


def test_a_replacement_that_is_still_concept_takes_over_later(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_goal(project, "DG-002", "vervallen", ("DG-004",))
    write_goal(project, "DG-004", "concept")
    assert run(project, capsys, "sync")[0] == 0
    assert inserted(SCHOOL, school(project)) == "    gearchiveerd: true\n"
    write_goal(project, "DG-004", "ter consultatie")
    code, out, _ = run(project, capsys, "sync")
    assert code == 0
    assert "DG-004 toegevoegd met status 'bezig', overgenomen van DG-002" in out
    assert "    toelichting: Overgenomen van DG-002 (vervallen, vervangen door DG-004).\n" in (
        school(project)
    )
    assert_clean(project)


def test_a_chain_of_replacements_is_followed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """DG-002 → DG-004 (itself vervallen) → DG-005: DG-005 takes over from DG-002. The
    archived DG-003 (→ DG-002) does not count: the DG-002 record carries its line on."""
    write_goal(project, "DG-002", "vervallen", ("DG-004",))
    write_goal(project, "DG-004", "vervallen", ("DG-005",))
    write_goal(project, "DG-005")
    code, out, _ = run(project, capsys, "sync")
    assert code == 0
    assert "DG-005 toegevoegd met status 'bezig', overgenomen van DG-002" in out
    assert "code: DG-004" not in inserted(SCHOOL, school(project))
    assert_clean(project)


@pytest.mark.slow  # a second: a chain of 1200 goals
def test_a_chain_of_1200_replacements_is_followed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """DG-002 → DG-1000 → … → DG-2199: far longer than Python's recursion limit."""
    chain = ["DG-002", *(f"DG-{n}" for n in range(1000, 2200))]
    for code, nxt in itertools.pairwise(chain):
        write_goal(project, code, "vervallen", (nxt,))
    write_goal(project, chain[-1])
    assert sync.successors(check(project).project.corpus, "DG-002") == [chain[-1]]
    code, out, err = run(project, capsys, "sync")
    assert (code, err) == (0, ""), out + err
    assert f"{chain[-1]} toegevoegd met status 'bezig', overgenomen van DG-002" in out
    assert_clean(project)


def test_merged_goals_start_at_niet_gestart(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_goal(project, "DG-001", "vervallen", ("DG-004",))
    write_goal(project, "DG-002", "vervallen", ("DG-004",))
    write_goal(project, "DG-004")
    assert run(project, capsys, "sync")[0] == 0
    added = inserted(SCHOOL, school(project))
    assert added.count("    gearchiveerd: true\n") == 2
    assert (
        "  - code: DG-004\n"
        "    status: niet gestart\n"
        "    toelichting: 'Vervangt DG-001 samen met DG-002; zie dat record (status: "
        "ingevoerd). Vervangt DG-002 samen met DG-001; zie dat record (status: bezig).'\n"
    ) in added
    assert_clean(project)


def test_sync_only_the_schools_asked_for(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ("--naam", "CBS Het Kompas", "--plaats", "Ee", "--netwerk", "techniek-noord")
    assert run(project, capsys, "add", "12AC", *argv)[0] == 0
    write_goal(project, "DG-004")
    code, out, _ = run(project, capsys, "sync", "12AC")
    assert code == 0
    assert out.startswith("adoptie/scholen/12AC.yaml (CBS Het Kompas): 1 doel toegevoegd\n")
    assert "12AB" not in out
    assert school(project) == SCHOOL
    assert school(project, "12AC").endswith("  - code: DG-004\n    status: niet gestart\n")


def test_sync_refuses_an_unknown_school(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(project, capsys, "sync", "12AC")
    assert (code, out) == (2, "")
    assert err == (
        "leerdoelen: fout: onbekende school '12AC': geen adoptie/scholen/12AC.yaml; "
        "bedoelde je '12AB'?\n"
    )


def test_sync_refuses_when_the_content_has_errors(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_goal(project, "DG-002", "vervallen")  # no replacement, no reason: LD306
    code, out, err = run(project, capsys, "sync")
    assert code == 1
    assert f"{DOMEIN}/DG-002.yaml:7:9: LD306:" in out
    assert "LD402" not in out  # that one sync would fix
    assert out.endswith("0 waarschuwingen\n")
    assert err == "leerdoelen: niets bijgewerkt: los eerst de fouten op\n"
    assert school(project) == SCHOOL


# --- layouts ---------------------------------------------------------------------------

HEAD = """\
# yaml-language-server: $schema=../../schemas/school.schema.json
brin: 12AB
naam: OBS De Regenboog
plaats: Groningen
soort: bao
"""


@pytest.mark.parametrize(
    ("doelen", "expected"),
    [
        pytest.param(
            "doelen:\n- code: DG-001\n  status: bezig\n- code: DG-002\n  status: bezig\n",
            "doelen:\n- code: DG-001\n  status: bezig\n- code: DG-002\n  status: bezig\n"
            "- code: DG-004\n  status: niet gestart\n",
            id="lijst-niet-ingesprongen",
        ),
        pytest.param(
            "doelen:\n    -   code: DG-001\n        status: bezig\n"
            "    -   code: DG-002\n        status: bezig\n",
            "doelen:\n    -   code: DG-001\n        status: bezig\n"
            "    -   code: DG-002\n        status: bezig\n"
            "    -   code: DG-004\n        status: niet gestart\n",
            id="ruim-ingesprongen",
        ),
        pytest.param(
            "doelen:\n  - {code: DG-001, status: bezig}\n  - {code: DG-002, status: bezig}\n",
            "doelen:\n  - {code: DG-001, status: bezig}\n  - {code: DG-002, status: bezig}\n"
            "  - {code: DG-004, status: niet gestart}\n",
            id="records-op-een-regel",
        ),
        pytest.param(
            "doelen: [{code: DG-001, status: bezig}, {code: DG-002, status: bezig}]\n",
            "doelen: [{code: DG-001, status: bezig}, {code: DG-002, status: bezig}, "
            "{code: DG-004, status: niet gestart}]\n",
            id="lijst-op-een-regel",
        ),
        pytest.param(
            "doelen: []   # nog niets\n",
            "doelen:   # nog niets\n"
            "  - code: DG-001\n    status: niet gestart\n"
            "  - code: DG-002\n    status: niet gestart\n"
            "  - code: DG-004\n    status: niet gestart\n",
            id="lege-lijst",
        ),
        pytest.param(
            "# nog geen doelen\n",
            "# nog geen doelen\ndoelen:\n"
            "  - code: DG-001\n    status: niet gestart\n"
            "  - code: DG-002\n    status: niet gestart\n"
            "  - code: DG-004\n    status: niet gestart\n",
            id="zonder-doelen",
        ),
        pytest.param(
            "doelen:\n  - code: DG-001\n    status: bezig\n  - code: DG-002\n    status: bezig",
            "doelen:\n  - code: DG-001\n    status: bezig\n  - code: DG-002\n    status: bezig\n"
            "  - code: DG-004\n    status: niet gestart\n",
            id="zonder-slotregeleinde",
        ),
        pytest.param(
            "doelen:\n  - code: DG-001\n    status: bezig\n  - code: DG-002\n    status: bezig\n"
            "    toelichting: >-\n      Gevouwen tekst\n      over twee regels.\n\n"
            "  # commentaar na het laatste record\n",
            "doelen:\n  - code: DG-001\n    status: bezig\n  - code: DG-002\n    status: bezig\n"
            "    toelichting: >-\n      Gevouwen tekst\n      over twee regels.\n"
            "  - code: DG-004\n    status: niet gestart\n\n"
            "  # commentaar na het laatste record\n",
            id="gevouwen-tekst",
        ),
        pytest.param(
            "doelen:\n  - code: DG-001\n    status: bezig\n  - code: DG-002\n    status: bezig\n"
            "    toelichting: |+\n      Tekst met een lege regel erachter.\n\n",
            "doelen:\n  - code: DG-001\n    status: bezig\n  - code: DG-002\n    status: bezig\n"
            "    toelichting: |+\n      Tekst met een lege regel erachter.\n\n"
            "  - code: DG-004\n    status: niet gestart\n",
            id="letterlijke-tekst-met-behoud",
        ),
    ],
)
def test_sync_matches_the_files_layout(
    doelen: str, expected: str, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "adoptie" / "scholen" / "12AB.yaml").write_text(HEAD + doelen, "utf-8")
    write_goal(project, "DG-004")
    before = check(project).project.corpus.scholen["12AB"]
    assert run(project, capsys, "sync")[0] == 0
    assert school(project) == HEAD + expected
    assert_clean(project)
    after = check(project).project.corpus.scholen["12AB"]
    assert after.doelen[: len(before.doelen)] == before.doelen
    assert run(project, capsys, "sync")[1].endswith("niets te doen: alle checklists zijn bij\n")


def test_sync_keeps_windows_line_endings(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "adoptie" / "scholen" / "12AB.yaml"
    path.write_bytes(SCHOOL.replace("\n", "\r\n").encode("utf-8"))
    write_goal(project, "DG-002", "vervallen", ("DG-004",))
    write_goal(project, "DG-004")
    assert run(project, capsys, "sync")[0] == 0
    raw = path.read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert raw.decode("utf-8").replace("\r\n", "\n") == school_after_takeover()
    assert_clean(project)


def school_after_takeover() -> str:
    return SCHOOL.replace(
        "    bewijs: https://example.org/lesplan-robot\n",
        "    bewijs: https://example.org/lesplan-robot\n    gearchiveerd: true\n",
    ).replace(
        "    gearchiveerd: true\n# Einde",
        "    gearchiveerd: true\n"
        "  - code: DG-004\n"
        "    status: bezig\n"
        "    groepen: [3-4, 5-6]\n"
        "    datum: 2026-01-15\n"
        "    toelichting: Overgenomen van DG-002 (vervallen, vervangen door DG-004).\n"
        "# Einde",
    )


def test_sync_sets_an_explicit_gearchiveerd_false_to_true(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = HEAD + (
        "doelen:\n"
        "  - code: DG-001\n    status: bezig\n"
        "  - code: DG-002\n    status: bezig\n    gearchiveerd: false  # nog niet\n"
        "  - {code: DG-003, status: bezig, gearchiveerd: true}\n"
    )
    (project / "adoptie" / "scholen" / "12AB.yaml").write_text(text, "utf-8")
    write_goal(project, "DG-002", "vervallen", ("DG-004",))
    write_goal(project, "DG-004")
    assert run(project, capsys, "sync")[0] == 0
    assert school(project) == text.replace("false  # nog niet", "true  # nog niet") + (
        "  - code: DG-004\n"
        "    status: bezig\n"
        "    toelichting: Overgenomen van DG-002 (vervallen, vervangen door DG-004).\n"
    )
    assert_clean(project)


def test_sync_archives_a_record_written_on_one_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = HEAD + (
        "doelen:\n"
        "  - {code: DG-001, status: bezig}\n"
        "  - {code: DG-002, status: gepland, groepen: [3-4]}  # volgend jaar\n"
    )
    (project / "adoptie" / "scholen" / "12AB.yaml").write_text(text, "utf-8")
    write_goal(project, "DG-002", "vervallen", ("DG-004",))
    write_goal(project, "DG-004")
    assert run(project, capsys, "sync")[0] == 0
    assert school(project) == HEAD + (
        "doelen:\n"
        "  - {code: DG-001, status: bezig}\n"
        "  - {code: DG-002, status: gepland, groepen: [3-4], gearchiveerd: true}  # volgend jaar\n"
        "  - {code: DG-004, status: gepland, groepen: [3-4], "
        "toelichting: 'Overgenomen van DG-002 (vervallen, vervangen door DG-004).'}\n"
    )
    assert_clean(project)


def test_a_comment_line_inside_doelen_stays_where_it_was(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = HEAD + (
        "doelen:\n"
        "  - code: DG-001\n    status: bezig\n"
        "  # DG-002 volgt na de zomer; niet weghalen\n"
        "  - code: DG-002\n    status: gepland\n"
        "    # groepen nog bepalen\n"
        "  # DG-009 komt er misschien nog bij\n"
    )
    (project / "adoptie" / "scholen" / "12AB.yaml").write_text(text, "utf-8")
    write_goal(project, "DG-002", "vervallen", ("DG-004",))
    write_goal(project, "DG-004")
    assert run(project, capsys, "sync")[0] == 0
    assert school(project) == HEAD + (
        "doelen:\n"
        "  - code: DG-001\n    status: bezig\n"
        "  # DG-002 volgt na de zomer; niet weghalen\n"
        "  - code: DG-002\n    status: gepland\n"
        "    gearchiveerd: true\n"
        "    # groepen nog bepalen\n"
        "  - code: DG-004\n    status: gepland\n"
        "    toelichting: Overgenomen van DG-002 (vervallen, vervangen door DG-004).\n"
        "  # DG-009 komt er misschien nog bij\n"
    )
    assert_clean(project)


def test_new_text_is_written_without_anchors_tags_or_bom(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_goal(project, "DG-002", "vervallen", ("DG-004", "DG-005"))
    write_goal(project, "DG-004")
    write_goal(project, "DG-005")
    assert run(project, capsys, "sync")[0] == 0
    raw = (project / "adoptie" / "scholen" / "12AB.yaml").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    added = inserted(SCHOOL, raw.decode("utf-8"))
    assert not any(mark in added for mark in ("&", "*", "!"))


def test_scalar_quotes_only_what_needs_it() -> None:
    assert schoolfile.scalar("OBS De Regenboog") == "OBS De Regenboog"
    assert schoolfile.scalar("Basisschool 't Hofke") == "Basisschool 't Hofke"
    assert schoolfile.scalar("'t Hofke") == '"\'t Hofke"'
    assert schoolfile.scalar("no") == "'no'"
    assert schoolfile.scalar("010") == "'010'"
    assert schoolfile.scalar("a: b") == "'a: b'"
    assert schoolfile.scalar("a, b") == "a, b"
    assert schoolfile.scalar("a, b", flow=True) == "'a, b'"
    assert schoolfile.scalar(["1-2", "3-4"]) == "[1-2, 3-4]"


def test_an_existing_record_of_the_replacement_is_left_alone(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SCHOOL.replace(
        "  - code: DG-003\n", "  - code: DG-004\n    status: verkend\n  - code: DG-003\n"
    )
    (project / "adoptie" / "scholen" / "12AB.yaml").write_text(text, "utf-8")
    write_goal(project, "DG-002", "vervallen", ("DG-004",))
    write_goal(project, "DG-004")
    code, out, _ = run(project, capsys, "sync")
    assert code == 0
    assert out.startswith("adoptie/scholen/12AB.yaml (OBS De Regenboog): 1 record gearchiveerd\n")
    assert inserted(text, school(project)) == "    gearchiveerd: true\n"
    assert_clean(project)


def test_a_file_sync_cannot_edit_safely_is_left_alone(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A school written as one flow mapping: sync says so, writes nothing there, and still
    brings the other schools up to date."""
    flow = (
        schoolfile.HINT + "\n{brin: 12AC, naam: CBS Het Kompas, plaats: Ee, soort: bao, doelen: "
        "[{code: DG-001, status: bezig}, {code: DG-002, status: bezig}]}\n"
    )
    (project / "adoptie" / "scholen" / "12AC.yaml").write_text(flow, "utf-8")
    write_goal(project, "DG-004")
    code, out, err = run(project, capsys, "sync")
    assert code == 1
    assert err == (
        "leerdoelen: adoptie/scholen/12AC.yaml: verwacht een mapping op het hoogste niveau\n"
    )
    assert out.endswith("1 school bijgewerkt, 0 ongewijzigd, 1 niet bijgewerkt\n")
    assert school(project, "12AC") == flow
    assert "  - code: DG-004\n" in school(project)


def test_nothing_is_written_when_the_edit_does_not_read_back(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_goal(project, "DG-004")
    monkeypatch.setattr(schoolfile, "apply", lambda text, *_: text + "  - code: DG-005\n")
    code, _, err = run(project, capsys, "sync")
    assert code == 1
    assert "kon het bestand niet veilig bijwerken" in err
    assert school(project) == SCHOOL


def test_sync_without_schools_has_nothing_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "inhoud"
    shutil.copytree(GELDIG, root)
    assert run(root, capsys, "sync") == (0, "niets te doen: geen scholen in adoptie/scholen/\n", "")


def test_school_needs_a_subcommand(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["-C", str(project), "school"])
    assert exit_.value.code == 2
    assert "deze argumenten ontbreken: OPDRACHT" in capsys.readouterr().err
