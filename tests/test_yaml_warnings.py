"""YAML that parses but was probably not meant so (LD117-LD119), and LD107 naming an
indentation problem as one: exact messages, positions, and that the file still loads."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import klein_project

from leerdoelen.commands.check import check
from leerdoelen.load.yamlfile import parse_yaml


def _warnings(text: str) -> list[tuple[int, int, str, str]]:
    file = parse_yaml(text.encode("utf-8"), "x.yaml")
    assert not file.problems
    return [(d.line, d.column, d.code, d.message) for d in file.warnings]


def _problems(text: str) -> list[tuple[int, int, str, str]]:
    file = parse_yaml(text.encode("utf-8"), "x.yaml")
    return [(d.line, d.column, d.code, d.message) for d in file.problems]


FOLDED = "deze regel begint met '- ', maar YAML leest hem als vervolg van de tekst erboven: "


@pytest.mark.parametrize("spaces", [3, 4])
def test_a_bullet_indented_too_far_is_folded_into_the_one_above(spaces: int) -> None:
    text = f"uitwerkingen:\n  - benoemt wat eerst\n{' ' * spaces}- benoemt wat daarna\n"
    assert parse_yaml(text.encode(), "x.yaml").data == {
        "uitwerkingen": ["benoemt wat eerst - benoemt wat daarna"]
    }
    assert _warnings(text) == [
        (3, spaces + 1, "LD117", FOLDED + "'benoemt wat eerst - benoemt wat daarna'")
    ]


def test_the_folded_text_is_shortened_around_the_join() -> None:
    eerste = "de leerling benoemt in eigen woorden wat er eerst gebeurt bij het tandenpoetsen"
    text = f"toelichting: {eerste}\n  - en wat daarna\n"
    assert _warnings(text) == [
        (2, 3, "LD117", FOLDED + "'…gebeurt bij het tandenpoetsen - en wat daarna'")
    ]


def test_quoted_text_and_separate_bullets_are_no_warning() -> None:
    assert _warnings("uitwerkingen:\n  - eerst\n  - daarna\n") == []
    assert _warnings('toelichting: "Dit is\n  - een streepje"\n') == []
    assert _warnings("toelichting: |\n  Lijst:\n  - een\n  - twee\n") == []


def test_a_key_inside_folded_text_is_named() -> None:
    text = "omschrijving: >\n  De leerling doet iets.\n  groepen: [5-6]\nstatus: concept\n"
    assert _warnings(text) == [
        (
            3,
            3,
            "LD118",
            "'groepen:' lijkt een sleutel, maar YAML leest het als tekst van de waarde erboven: "
            "'De leerling doet iets. groepen: [5-6]'",
        )
    ]


def test_prose_with_a_colon_in_folded_text_is_no_warning() -> None:
    # Only the keys our files know count: Dutch prose writes "ontwerpcyclus: …" too.
    text = "omschrijving: >-\n  De stappen van de\n  ontwerpcyclus: verkennen, testen.\n"
    assert _warnings(text) == []


def test_items_of_one_list_at_different_widths() -> None:
    text = (
        "lesmateriaal:\n  - titel: A\n    soort: les\n  -   titel: B\n      soort: les\n"
        "  - titel: C\n    soort: les\n"
    )
    assert _warnings(text) == [
        (
            4,
            7,
            "LD119",
            "dit lijstitem begint 3 spaties na het streepje, het item op regel 2 na 1; YAML "
            "leest ze nog als één lijst, maar een sleutel die je later toevoegt valt er zo snel "
            "naast",
        )
    ]
    assert _warnings("lijst:\n  - a\n  -   b\n") == []  # plain items: nothing to fall beside


def test_windows_line_endings_give_the_same_warning() -> None:
    text = "uitwerkingen:\r\n  - eerst\r\n   - daarna\r\n"
    assert _warnings(text) == [(3, 4, "LD117", FOLDED + "'eerst - daarna'")]


INDENTED = (
    "YAML klopt niet: 'groepen:' springt verder in dan '{owner}:' op regel {line}, dus leest "
    "YAML het als vervolg van de tekst van '{owner}'; is het een eigen sleutel, zet hem dan "
    "recht onder '{owner}:'"
)


@pytest.mark.parametrize(
    ("text", "where", "owner"),
    [
        ("code: DG-001\ntitel: Iets\n  groepen: [5-6]\n", (3, 3), ("titel", 2)),
        ("titel: Iets\n  dat doorloopt\n  groepen: [5-6]\n", (3, 3), ("titel", 1)),
        (
            "doelen:\n  - code: DG-001\n    status: bezig\n      groepen: [5-6]\n",
            (4, 7),
            ("status", 3),
        ),
    ],
    ids=["na-sleutel", "na-vervolgregel", "in-lijstitem"],
)
def test_an_indented_key_is_named_as_an_indentation_problem(
    text: str, where: tuple[int, int], owner: tuple[str, int]
) -> None:
    message = INDENTED.format(owner=owner[0], line=owner[1])
    assert _problems(text) == [(*where, "LD107", message)]


def test_a_colon_in_a_value_keeps_its_message() -> None:
    assert _problems("code: DG-001\ntitel: Let op: stroom\n") == [
        (
            2,
            14,
            "LD107",
            "YAML klopt niet: hier mag geen ':' staan; zet tekst met een dubbele punt tussen "
            "aanhalingstekens",
        )
    ]


def test_a_goal_with_a_warning_still_loads(tmp_path: Path) -> None:
    root = klein_project(tmp_path / "project")
    goal = root / "goals" / "digitale-geletterdheid" / "DG-001.yaml"
    text = goal.read_text(encoding="utf-8")
    goal.write_text(text.replace("uitwerkingen:\n", "uitwerkingen:\n  - eerst\n   - daarna\n"))
    result = check(root)
    assert [(d.path, d.code) for d in result.diagnostics] == [(goal_path(goal, root), "LD117")]
    assert "DG-001" in result.project.corpus.leerdoelen


def goal_path(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def test_a_school_file_warning_names_the_school_and_the_goal(tmp_path: Path) -> None:
    root = klein_project(tmp_path / "project")
    school = root / "adoptie" / "scholen" / "11AA.yaml"
    text = school.read_text(encoding="utf-8")
    assert "    status: " in text
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("    status: "))
    lines.insert(at + 1, "    toelichting: eerst\n     - daarna\n")
    school.write_text("".join(lines), encoding="utf-8")
    found = [d for d in check(root).diagnostics if d.path == "adoptie/scholen/11AA.yaml"]
    assert [(d.line, d.code) for d in found] == [(at + 3, "LD117")]
    assert found[0].message.startswith("school 11AA, DG-")
    assert found[0].message.endswith(FOLDED + "'eerst - daarna'")


def test_a_kader_with_a_key_in_folded_text_warns_and_loads(tmp_path: Path) -> None:
    root = klein_project(tmp_path / "project")
    kader = root / "goals" / "digitale-geletterdheid" / "kader.yaml"
    text = kader.read_text(encoding="utf-8")
    old = "omschrijving: Leerlingen leren digitale middelen begrijpen, gebruiken en maken.\n"
    assert old in text
    new = "omschrijving: >\n  Leerlingen leren digitale middelen begrijpen.\n  slo_id: x\n"
    kader.write_text(text.replace(old, new), encoding="utf-8")
    result = check(root)
    assert [(d.path, d.line, d.column, d.code, d.message) for d in result.diagnostics] == [
        (
            "goals/digitale-geletterdheid/kader.yaml",
            7,
            3,
            "LD118",
            "'slo_id:' lijkt een sleutel, maar YAML leest het als tekst van de waarde erboven: "
            "'…digitale middelen begrijpen. slo_id: x'",
        )
    ]
    assert "digitale-geletterdheid" in result.project.corpus.kaders


def test_each_folded_line_is_quoted_around_its_own_join() -> None:
    lang = "x" * 40
    text = f"toelichting: {lang}\n  - een {lang}\n  - twee {lang}\n"
    assert [message for *_, message in _warnings(text)] == [
        FOLDED + f"'…{'x' * 29} - een {lang} - twee {'x' * 22}…'",
        FOLDED + f"'…{'x' * 29} - twee {lang}'",
    ]
