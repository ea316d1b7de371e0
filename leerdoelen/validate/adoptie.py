"""Rules for adoption data, run over the corpus like the goal rules."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

from pydantic import ValidationError

from leerdoelen.core.adoptie import School, future_date, samenvatting_as_text
from leerdoelen.core.clock import today
from leerdoelen.core.corpus import Corpus, SourceFile
from leerdoelen.core.diagnostics import Diagnostic, diagnostic, listing, printable, suggest
from leerdoelen.load.names import SCHOLEN, name_problem
from leerdoelen.load.project import Passed, at, schema_hint
from leerdoelen.load.shape import name_records
from leerdoelen.load.yamlfile import YamlFile

CLOSE = 0.7  # how alike an unknown name must be to a known one to be suggested

# Words that make an address a role rather than a person (jan.jansen@ is a person).
ROLE_WORDS = frozenset(
    [
        "info",
        "contact",
        "secretariaat",
        "bureau",
        "netwerk",
        "team",
        "techniek",
        "wetenschap",
        "wt",
        "stem",
        "onderwijs",
        "coordinatie",
        "coordinator",
        "administratie",
        "helpdesk",
        "servicedesk",
        "support",
        "office",
        "post",
        "mail",
        "bestuur",
        "directie",
        "regio",
        "programma",
        "project",
        "hub",
        "vragen",
    ]
)


def school_records(corpus: Corpus) -> Iterator[Diagnostic]:
    """Each record names a current goal once, with no date after today (a planned start
    may lie ahead); networks exist. Every message names the school and the goal."""
    vandaag, current = today(), current_goals(corpus)
    for brin, school in corpus.scholen.items():
        file = corpus.adoptie_sources[brin]
        yield from school_problems(corpus, school, file, vandaag, current)


def current_goals(corpus: Corpus) -> set[str]:
    return {code for code, goal in corpus.leerdoelen.items() if goal.status != "vervallen"}


def school_problems(
    corpus: Corpus, school: School, file: SourceFile, vandaag: dt.date, current: set[str]
) -> Iterator[Diagnostic]:
    """``school_records`` for one school, loaded from ``file``; ``current``: the codes of
    the goals that are not vervallen."""
    brin, goals = school.brin, corpus.leerdoelen
    for i, netwerk in enumerate(school.netwerken):
        if netwerk not in corpus.netwerken:
            yield diagnostic(
                "LD404",
                *at(file, "netwerken", i),
                school=brin,
                netwerk=netwerk,
                suggestie=suggest(netwerk, corpus.netwerken, CLOSE),
            )
    # 2 million records at national scale: a school whose records all name a current
    # goal once, none dated ahead, has nothing to report (set operations, no loop of
    # ours); the others are walked record by record.
    codes = [record.code for record in school.doelen]
    named = set(codes)
    if (
        len(named) == len(codes)
        and named <= current
        and not any(r.datum is not None and r.datum > vandaag for r in school.doelen)
    ):
        return
    first: dict[str, int] = {}  # code → index of its first record
    for i, record in enumerate(school.doelen):
        # Positions are looked up only for a record that has something to report.
        if record.code in first:
            eerder = at(file, "doelen", first[record.code], "code")[1]
            where = at(file, "doelen", i, "code")
            yield diagnostic("LD405", *where, school=brin, code=record.code, eerder=eerder)
        first.setdefault(record.code, i)
        goal = goals.get(record.code)
        if goal is None:
            if record.code not in corpus.unloaded:
                where = at(file, "doelen", i, "code")
                suggestie = (
                    f"; het leerdoel is verwijderd ({pad}): zet het terug met status: "
                    "vervallen, dan archiveert 'leerdoelen school sync' deze registratie"
                    if (pad := corpus.verwijderd.get(record.code))
                    else suggest(record.code, goals, CLOSE)
                )
                yield diagnostic(
                    "LD401", *where, school=brin, code=record.code, suggestie=suggestie
                )
        elif goal.status == "vervallen" and not record.gearchiveerd:
            vervangers = (
                f" en vervangen door {listing(goal.vervangen_door)}" if goal.vervangen_door else ""
            )
            where = at(file, "doelen", i, "code")
            yield diagnostic("LD402", *where, school=brin, code=record.code, vervangers=vervangers)
        if future_date(record, vandaag) and record.datum is not None:
            yield diagnostic(
                "LD403",
                *at(file, "doelen", i, "datum"),
                school=brin,
                code=record.code,
                status=record.status,
                datum=record.datum.isoformat(),
                vandaag=vandaag.isoformat(),
            )


def judge_alone(corpus: Corpus) -> Callable[[YamlFile], Passed | None]:
    """How to judge a school file on its own, in the worker that reads it, once the rest of
    the project is loaded (goals and networks: all that its rules read): its summary when
    nothing in it is wrong, else None, and it is loaded and judged with the rest, as
    without this. Nothing of a file changes unless it passes."""
    vandaag, current = today(), current_goals(corpus)

    def passed(file: YamlFile) -> Passed | None:
        name = file.path.rpartition("/")[2]
        if not file.ok or name_problem(SCHOLEN, name):
            return None
        try:
            school = School.model_validate(file.data)
        except ValidationError:
            return None
        if f"{school.brin}.yaml" != name:
            return None
        if next(school_problems(corpus, school, file, vandaag, current), None) is not None:
            return None
        name_records(file, f"school {printable(school.brin)}", "doelen")
        hint = schema_hint(file, "school")
        warnings = [hint, *file.warnings] if hint else file.warnings
        return Passed(file.path, file.blob, warnings, samenvatting_as_text(school))

    return passed


def _looks_personal(contact: str) -> bool:
    parts = [p for p in re.split(r"[._+-]", contact.partition("@")[0].lower()) if p]
    return len(parts) >= 2 and all(p.isalpha() for p in parts) and not ROLE_WORDS & set(parts)


def network_targets(corpus: Corpus) -> Iterator[Diagnostic]:
    """A network has a role address, and each target one scope that exists."""
    for slug, netwerk in corpus.netwerken.items():
        file = corpus.adoptie_sources[slug]
        if _looks_personal(netwerk.contact):
            yield diagnostic("LD407", *at(file, "contact"), contact=netwerk.contact)
        for j, doel in enumerate(netwerk.doelstellingen):
            given = [name for name in ("kerndoel", "domein", "leerdoelen") if getattr(doel, name)]
            problem = None
            if len(given) != 1:
                problem = "geef precies één van kerndoel, domein of leerdoelen"
            elif doel.kerndoel and corpus.frame_complete and doel.kerndoel not in corpus.kerndoelen:
                problem = f"kerndoel '{doel.kerndoel}' bestaat niet"
            elif doel.domein and doel.domein not in corpus.kaders:
                problem = f"domein '{doel.domein}' bestaat niet"
            elif unknown := [c for c in doel.leerdoelen if c not in corpus.leerdoelen]:
                problem = f"leerdoel {listing(unknown)} bestaat niet"
            if problem:
                yield diagnostic(
                    "LD408", *at(file, "doelstellingen", j), titel=doel.titel, probleem=problem
                )
