"""``school set``: one quick change to a school's records, through the same writer as
``school import`` (``adoptie.changes``): check, change in place, check again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from leerdoelen.adoptie import changes
from leerdoelen.adoptie.changes import Invoer, SchoolPlan
from leerdoelen.commands.check import Refused, checked
from leerdoelen.commands.errors import Failed, UsageError
from leerdoelen.commands.school_import import after_check
from leerdoelen.core.adoptie import ADOPTIE_STATUSSEN, future_date
from leerdoelen.core.clock import today
from leerdoelen.core.diagnostics import suggest
from leerdoelen.export.tables import UnknownGroep, split_groepen
from leerdoelen.load.names import brin_problem

CLOSE = 0.6


def parse_groepen(value: str) -> list[str]:
    """``--groepen`` as groepen (``split_groepen``); UsageError if one is not a groep."""
    try:
        return split_groepen(value)
    except UnknownGroep as error:
        raise UsageError(str(error)) from None


def parse_datum(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"--datum '{value}' is geen datum als JJJJ-MM-DD") from None


def set_records(
    root: Path,
    brin: str,
    codes: Sequence[str],
    status: str,
    groepen: str | None = None,
    datum: str | None = None,
    toelichting: str | None = None,
) -> tuple[SchoolPlan, Refused | None]:
    """Set ``status`` (and what else is given) on the school's records of ``codes``.
    An empty ``--toelichting`` or ``--groepen`` removes the field."""
    if problem := brin_problem(brin):
        raise UsageError(problem)
    if status not in ADOPTIE_STATUSSEN:
        raise UsageError(f"onbekende status '{status}' (kies uit: {', '.join(ADOPTIE_STATUSSEN)})")
    velden: dict[str, object] = {}
    if groepen is not None:
        velden["groepen"] = parse_groepen(groepen)
    if datum is not None:
        velden["datum"] = parse_datum(datum)
    if toelichting is not None:
        velden["toelichting"] = toelichting.strip() or None
    result = checked(root, "niets veranderd: los eerst de fouten op")
    corpus = result.project.corpus
    school = corpus.scholen.get(brin)
    if school is None:
        raise UsageError(
            f"onbekende school '{brin}': geen {changes.SCHOLEN}/{brin}.yaml"
            f"{suggest(brin, corpus.scholen, CLOSE)}"
        )
    vandaag = today()
    plan = SchoolPlan(brin, school.naam)
    for code in dict.fromkeys(c.strip().upper() for c in codes):
        goal = corpus.leerdoelen.get(code)
        if goal is None:
            raise UsageError(f"onbekend leerdoel '{code}'{suggest(code, corpus.leerdoelen, CLOSE)}")
        if goal.status == "vervallen":
            door = goal.vervangen_door
            raise UsageError(
                f"{code} is vervallen"
                + (f" en vervangen door {', '.join(door)}" if door else "")
                + "; zet de stand bij het leerdoel dat ervoor in de plaats kwam"
            )
        index = changes.record_index(school, code)
        old = school.doelen[index] if index is not None else None
        invoer = Invoer(code, status, velden, datum_vast=datum is not None)
        record = changes.new_record(old, invoer, vandaag)
        if future_date(record, vandaag):
            raise UsageError(
                f"{code}: datum {datum} ligt na vandaag ({vandaag.isoformat()}); alleen bij "
                f"status 'gepland' mag de datum in de toekomst liggen, niet bij '{status}'"
            )
        changes.plan_change(plan, school, record)
    try:
        changes.write_plans(root, corpus, [plan], write=True)
    except changes.ChangeError as error:
        raise Failed(f"niets veranderd: {error}") from None
    return plan, after_check(root) if plan.changed else None
