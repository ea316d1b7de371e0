"""The rules for a school's records (validate/adoptie.py): a future datum only for a planned
start, and every message names the school and the goal besides its position."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from leerdoelen.commands.check import check
from leerdoelen.core.adoptie import ADOPTIE_STATUSSEN, GEPLAND, Registratie, future_date
from leerdoelen.core.clock import ENV
from leerdoelen.core.diagnostics import Diagnostic

GELDIG = Path(__file__).parent / "golden" / "geldig"
VANDAAG = "2026-06-01"

NETWERK = """\
# yaml-language-server: $schema=../../schemas/netwerk.schema.json
naam: Techniekregio Noord
soort: regionaal netwerk
contact: info@techniek-noord.example
publiceren: true
"""


def school(records: str, netwerken: str = "[techniek-noord]") -> str:
    return (
        "# yaml-language-server: $schema=../../schemas/school.schema.json\n"
        f"brin: 12AB\nnaam: OBS De Regenboog\nplaats: Groningen\nsoort: bao\n"
        f"netwerken: {netwerken}\ndoelen:\n{records}"
    )


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(ENV, VANDAAG)
    root = tmp_path / "inhoud"
    shutil.copytree(GELDIG, root)
    (root / "adoptie" / "netwerken").mkdir(parents=True)
    (root / "adoptie" / "scholen").mkdir()
    (root / "adoptie" / "netwerken" / "techniek-noord.yaml").write_text(NETWERK, "utf-8")
    return root


def diagnostics(root: Path, text: str) -> list[Diagnostic]:
    (root / "adoptie" / "scholen" / "12AB.yaml").write_text(text, "utf-8")
    return [d for d in check(root).diagnostics if d.path == "adoptie/scholen/12AB.yaml"]


def test_a_planned_start_may_lie_ahead(project: Path) -> None:
    records = "  - code: DG-001\n    status: gepland\n    datum: 2027-01-15\n"
    assert diagnostics(project, school(records)) == []


@pytest.mark.parametrize("status", ["verkend", "bezig", "ingevoerd", "niet gestart"])
def test_other_statuses_refuse_a_future_datum(project: Path, status: str) -> None:
    records = f"  - code: DG-001\n    status: {status}\n    datum: 2027-01-15\n"
    [found] = diagnostics(project, school(records))
    assert (found.code, found.line) == ("LD403", 10)
    assert found.message == (
        "school 12AB, DG-001: datum 2027-01-15 ligt na vandaag (2026-06-01); alleen bij "
        f"status 'gepland' mag de datum (de geplande start) in de toekomst liggen, niet bij "
        f"'{status}'"
    )


@pytest.mark.parametrize("status", ADOPTIE_STATUSSEN)
def test_one_rule_for_check_set_and_import(status: str) -> None:
    """``future_date`` is what LD403 reports and ``school set``/``import`` refuse."""
    vandaag = dt.date(2026, 6, 1)
    dates = {dt.date(2026, 6, 2): status != GEPLAND, vandaag: False, None: False}
    for datum, ahead in dates.items():
        record = Registratie(code="DG-001", status=status, datum=datum)
        assert future_date(record, vandaag) is ahead


def test_todays_datum_is_fine_for_every_status(project: Path) -> None:
    records = "  - code: DG-001\n    status: ingevoerd\n    datum: 2026-06-01\n"
    assert diagnostics(project, school(records)) == []


def test_every_record_message_names_the_school_and_the_goal(project: Path) -> None:
    records = (
        "  - code: DG-001\n    status: bezig\n"
        "  - code: DG-001\n    status: verkend\n"
        "  - code: DG-009\n    status: verkend\n"
    )
    found = diagnostics(project, school(records, "[techniek-nord]"))
    assert {d.code: d.message for d in found} == {
        "LD404": "school 12AB: netwerk 'techniek-nord' bestaat niet in adoptie/netwerken/; "
        "bedoelde je 'techniek-noord'?",
        "LD405": "school 12AB, DG-001: staat al eerder in dit bestand (regel 8)",
        "LD401": "school 12AB, DG-009: registratie voor een leerdoel dat niet bestaat; "
        "bedoelde je 'DG-003'?",
    }
