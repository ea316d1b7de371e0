"""A network's targets judged by date: "gehaald" as soon as met; before the deadline
"op koers" or "achter" from a linear projection of the records' dates; "niet gehaald" only
after the deadline. "Today" comes from ``LEERDOELEN_VANDAAG`` (``core.clock``)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import klein_project

from leerdoelen.adoptie.progress import DoelstellingStand, doelstelling_standen
from leerdoelen.commands.check import check
from leerdoelen.core import clock
from leerdoelen.core.adoptie import Doelstelling
from leerdoelen.render.adoptie import render_adoptie

UITERLIJK = dt.date(2028, 7, 14)
BEGIN = dt.date(2026, 1, 1)


def stand(
    monkeypatch: pytest.MonkeyPatch,
    vandaag: str,
    gehaald: int,
    scholen: int = 20,
    aandeel: int = 50,
    begin: dt.date | None = BEGIN,
) -> DoelstellingStand:
    monkeypatch.setenv(clock.ENV, vandaag)
    doel = Doelstelling(titel="Iedereen", kerndoel="DG-po-23", aandeel=aandeel, uiterlijk=UITERLIJK)
    return DoelstellingStand(doel, scholen, gehaald, 2, clock.today(), begin)


def test_a_met_target_is_gehaald_before_and_after_its_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for vandaag in ("2026-06-01", "2028-07-14", "2029-01-01"):
        s = stand(monkeypatch, vandaag, gehaald=10)
        assert (s.oordeel, s.tekort) == ("gehaald", 0)


def test_before_the_deadline_a_target_on_pace_is_op_koers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 1 Jan 2026 to 1 Jan 2027 (365 days): 5 schools; on to 14 July 2028 (925 days): 12.7.
    s = stand(monkeypatch, "2027-01-01", gehaald=5)
    assert s.nodig == 10 and s.tekort == 5
    assert s.verwacht == pytest.approx(5 * 925 / 365)
    assert s.oordeel == "op koers"


def test_before_the_deadline_a_target_behind_pace_is_achter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 3 schools in a year: 7.6 by the deadline, 10 needed.
    s = stand(monkeypatch, "2027-01-01", gehaald=3)
    assert (s.oordeel, s.tekort) == ("achter", 7)
    # The deadline day itself still counts as before it.
    assert stand(monkeypatch, "2028-07-14", gehaald=9).oordeel == "achter"


def test_without_a_rate_a_target_not_met_is_achter(monkeypatch: pytest.MonkeyPatch) -> None:
    assert stand(monkeypatch, "2027-01-01", gehaald=0).oordeel == "achter"
    assert stand(monkeypatch, "2027-01-01", gehaald=4, begin=None).oordeel == "achter"
    assert stand(monkeypatch, "2027-01-01", gehaald=4, scholen=0).oordeel == "achter"


def test_niet_gehaald_only_after_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    s = stand(monkeypatch, "2028-07-15", gehaald=9)
    assert (s.oordeel, s.tekort) == ("niet gehaald", 1)


def test_the_schools_needed_follow_the_shown_percentage(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 2 of 3 schools is 67%: that reaches a target of 67%, and 1 of 3 (33%) does not.
    s = stand(monkeypatch, "2027-01-01", gehaald=1, scholen=3, aandeel=67)
    assert (s.nodig, s.tekort) == (2, 1)


# --- From the records: the first date, and the dashboard's words --------------------------

DASHBOARD = "netwerken/techniek-noord/index.md"


def _project(tmp_path: Path, aandeel: int = 50, uiterlijk: str = "2027-07-31") -> Path:
    """techniek-noord's target: DG-po-23 (DG-001, DG-002) ingevoerd at 2 schools; of the
    records, 22BB's (1 June 2025) is the first."""
    root = klein_project(tmp_path / "project")
    netwerk = root / "adoptie" / "netwerken" / "techniek-noord.yaml"
    text = netwerk.read_text(encoding="utf-8")
    text = text.replace("aandeel: 50", f"aandeel: {aandeel}")
    netwerk.write_text(text.replace("2027-07-31", uiterlijk), encoding="utf-8")
    return root


def _ingevoerd(root: Path) -> None:
    """11AA's DG-002 ingevoerd (on 1 November 2026): 11AA has all of DG-po-23."""
    school = root / "adoptie" / "scholen" / "11AA.yaml"
    text = school.read_text(encoding="utf-8")
    text = text.replace(
        "status: bezig\n    datum: 2026-09-01", "status: ingevoerd\n    datum: 2026-11-01"
    )
    school.write_text(text, encoding="utf-8")


def _oordeel(root: Path, monkeypatch: pytest.MonkeyPatch, vandaag: str) -> str:
    """The target's verdict cell on the dashboard, as text."""
    monkeypatch.setenv(clock.ENV, vandaag)
    page = str(render_adoptie(check(root).project.corpus, {})[DASHBOARD])
    row = next(r for r in page.splitlines() if 'class="ld-doelstelling"' in r)
    cell = row.rsplit("<td>", 1)[1]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", cell)).strip()


def test_the_projection_starts_at_the_first_record_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path)
    school = root / "adoptie" / "scholen" / "22BB.yaml"  # a planned start, later than today
    school.write_text(school.read_text().replace("2025-06-01", "2027-03-01"), encoding="utf-8")
    monkeypatch.setenv(clock.ENV, "2026-11-29")
    corpus = check(root).project.corpus
    recs = [corpus.samenvattingen[brin].records for brin in ("11AA", "22BB")]
    doel = corpus.netwerken["techniek-noord"].doelstellingen
    (s,) = doelstelling_standen(corpus, doel, recs, clock.today())
    assert s.begin == dt.date(2026, 9, 1)  # 11AA's DG-002; 22BB's future date left out


def test_the_dashboard_says_achter_with_the_schools_still_needed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path)
    assert _oordeel(root, monkeypatch, "2026-11-29") == (
        "achter Nog 1 school nodig; in het tempo tot nu toe 0 van de 2 op 31 juli 2027."
    )


def test_the_dashboard_says_op_koers_when_the_pace_reaches_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 1 of 2 schools from 1 June 2025 to 29 November 2026: 2 by 14 July 2028.
    root = _project(tmp_path, aandeel=100, uiterlijk="2028-07-14")
    _ingevoerd(root)
    assert _oordeel(root, monkeypatch, "2026-11-29") == (
        "op koers Nog 1 school nodig; in het tempo tot nu toe alle 2 op 14 juli 2028."
    )
    # The same pace falls short of a nearer deadline.
    root = _project(tmp_path / "dichtbij", aandeel=100, uiterlijk="2027-07-31")
    _ingevoerd(root)
    assert _oordeel(root, monkeypatch, "2026-11-29") == (
        "achter Nog 1 school nodig; in het tempo tot nu toe 1 van de 2 op 31 juli 2027."
    )


def test_the_dashboard_says_gehaald_as_soon_as_it_is_met(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path)
    _ingevoerd(root)
    assert _oordeel(root, monkeypatch, "2026-11-29") == "gehaald"


def test_the_dashboard_says_niet_gehaald_after_the_deadline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path)
    assert _oordeel(root, monkeypatch, "2027-07-31") == (
        "achter Nog 1 school nodig; in het tempo tot nu toe 0 van de 2 op 31 juli 2027."
    )
    assert _oordeel(root, monkeypatch, "2027-08-01") == "niet gehaald Nog 1 school nodig."
