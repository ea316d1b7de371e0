"""Shape and YAML problems in a school file name the school and, inside a record with a
readable code, that goal, as the rules across files do: ``school 99AA, DG-002: …``."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import klein_project

from leerdoelen.commands.check import check

SCHOOL = """\
# yaml-language-server: $schema=../../schemas/school.schema.json
brin: 99AA
naam: OBS De Voorbeeldschool
plaats: Ergens
soort: bao
netwerken: [techniek-noord]
doelen:
  - code: DG-001
    status: ingevoerd
{records}"""


def _problems(tmp_path: Path, records: str, brin: str = "99AA") -> list[tuple[int, int, str, str]]:
    root = klein_project(tmp_path / "project")
    text = SCHOOL.format(records=records).replace("99AA", brin)
    (root / "adoptie" / "scholen" / f"{brin}.yaml").write_text(text, encoding="utf-8")
    result = check(root)
    return [
        (d.line, d.column, d.code, d.message)
        for d in result.diagnostics
        if d.path == f"adoptie/scholen/{brin}.yaml"
    ]


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        (
            "  - code: DG-002\n    status: bezig\n    datum: morgen\n",
            (12, 12, "LD203", "school 99AA, DG-002: 'doelen[1].datum' moet een datum"),
        ),
        (
            "  - code: DG-002\n    status: klaar\n",
            (
                11,
                13,
                "LD204",
                "school 99AA, DG-002: 'doelen[1].status': 'klaar' is niet toegestaan",
            ),
        ),
        (
            "  - code: DG-002\n    status: bezig\n    stats: bezig\n",
            (12, 5, "LD201", "school 99AA, DG-002: onbekende sleutel 'stats'"),
        ),
        (
            "  - status: bezig\n    groepen: [3-4]\n",
            (10, 5, "LD202", "school 99AA: "),
        ),
        (
            "  - code: DG-002\n    status: bezig\n    toelichting: no\n",
            (12, 18, "LD111", "school 99AA, DG-002: 'no' is dubbelzinnig"),
        ),
        (
            "  - code: [DG-002]\n    status: bezig\n",
            (10, 11, "LD203", "school 99AA: 'doelen[1].code' moet tekst zijn"),
        ),
    ],
    ids=["datum", "status", "onbekende-sleutel", "zonder-code", "yaml-waarde", "code-geen-tekst"],
)
def test_a_problem_in_a_record_names_the_school_and_the_goal(
    tmp_path: Path, records: str, expected: tuple[int, int, str, str]
) -> None:
    problems = _problems(tmp_path, records)
    assert len(problems) == 1, problems
    line, column, code, message = problems[0]
    assert (line, column, code) == expected[:3]
    assert message.startswith(expected[3]), message


def test_a_problem_outside_the_records_names_the_school(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "", brin="99AB")
    assert problems == []
    root = klein_project(tmp_path / "ander")
    text = SCHOOL.format(records="").replace("soort: bao", "soort: basisschool")
    (root / "adoptie" / "scholen" / "99AA.yaml").write_text(text, encoding="utf-8")
    [problem] = [d for d in check(root).diagnostics if d.path.endswith("99AA.yaml")]
    assert problem.code == "LD204"
    assert problem.message.startswith("school 99AA: 'soort': 'basisschool' is niet")


def test_a_file_that_is_no_yaml_names_the_school(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "  - code: DG-002\n    status: [bezig\n")
    assert [(c, m.split(":")[0]) for _l, _c, c, m in problems] == [("LD107", "school 99AA")]


def test_network_files_keep_their_messages(tmp_path: Path) -> None:
    root = klein_project(tmp_path / "project")
    path = root / "adoptie" / "netwerken" / "techniek-noord.yaml"
    path.write_text(path.read_text().replace("aandeel: 50", "aandeel: veel"), encoding="utf-8")
    [problem] = [d for d in check(root).diagnostics if d.path.endswith("techniek-noord.yaml")]
    assert problem.message.startswith("'doelstellingen[0].aandeel' moet een geheel getal")
