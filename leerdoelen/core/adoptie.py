"""Adoption: which schools put which leerdoelen into practice, and the networks' targets.

``adoptie/netwerken/<slug>.yaml`` holds one network, ``adoptie/scholen/<BRIN>.yaml`` one
school with one record per leerdoel. Like the goals, these models are the source of truth
for the JSON Schemas.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Annotated, Literal, NamedTuple, get_args

from pydantic import ConfigDict, Field, StringConstraints

from leerdoelen.core.model import (
    DomeinNaam,
    Groep,
    KerndoelCode,
    LeerdoelCode,
    Tekst,
    Url,
    _Strict,
    unique,
)

AdoptieStatus = Literal["niet gestart", "verkend", "gepland", "bezig", "ingevoerd"]
ADOPTIE_STATUSSEN: tuple[str, ...] = get_args(AdoptieStatus)  # in order of progress
GEPLAND = "gepland"  # the one status whose datum is the planned start, so may lie ahead
SchoolSoort = Literal["bao", "sbo", "so"]
NetwerkSoort = Literal["regionaal netwerk", "schoolbestuur", "samenwerkingsverband"]

Brin = Annotated[str, StringConstraints(pattern=r"^[0-9]{2}[A-Z]{2}([0-9]{2})?$")]
Rio = Annotated[str, StringConstraints(pattern=r"^[0-9]{3}[A-Z][0-9]{3}$")]
NetwerkSlug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")]


class Registratie(_Strict):
    """Where one school stands with one leerdoel."""

    code: LeerdoelCode
    status: AdoptieStatus
    groepen: list[Groep] = unique("De groepen waarin dit leerdoel aan bod komt.")
    datum: dt.date | None = Field(default=None, description="Datum van de laatste wijziging.")
    toelichting: Tekst | None = None
    bewijs: Url | None = Field(default=None, description="Link naar een lesplan of verslag.")
    gearchiveerd: bool = Field(
        default=False, description="Het leerdoel is vervallen; dit record blijft bewaard."
    )


def future_date(record: Registratie, vandaag: dt.date) -> bool:
    """Whether the record's datum lies ahead, which only a planned start may: ``check``
    reports it (LD403), ``school set`` and ``school import`` refuse it (LD426)."""
    return record.datum is not None and record.datum > vandaag and record.status != GEPLAND


class School(_Strict):
    """One school (one BRIN, with an optional vestiging): ``adoptie/scholen/<BRIN>.yaml``."""

    model_config = ConfigDict(
        title="School",
        json_schema_extra={"description": "Eén school en haar stand van zaken per leerdoel."},
    )
    brin: Brin = Field(description="2 cijfers en 2 letters, met eventueel 2 cijfers vestiging.")
    rio: Rio | None = Field(default=None, description="RIO-code (opvolger van BRIN).")
    naam: Tekst
    plaats: Tekst
    soort: SchoolSoort
    netwerken: list[NetwerkSlug] = unique("De netwerken waar de school bij hoort.")
    voorbeeld: bool = Field(
        default=False,
        description="Een verzonnen voorbeeldschool (de site zegt dat erbij); "
        "een echte school laat dit weg.",
    )
    doelen: list[Registratie] = Field(default_factory=list)


class Doelstelling(_Strict):
    """A target: by ``uiterlijk``, ``aandeel`` % of the network's schools have reached
    ``status`` for every current leerdoel in scope (one kerndoel, one domein, or a list)."""

    titel: Tekst
    kerndoel: KerndoelCode | None = None
    domein: DomeinNaam | None = None
    leerdoelen: list[LeerdoelCode] = unique()
    status: AdoptieStatus = "ingevoerd"
    aandeel: int = Field(ge=1, le=100, description="Percentage van de scholen.")
    uiterlijk: dt.date


class Netwerk(_Strict):
    """A network, school board or samenwerkingsverband: ``adoptie/netwerken/<slug>.yaml``."""

    model_config = ConfigDict(
        title="Netwerk",
        json_schema_extra={"description": "Eén netwerk van scholen, met zijn doelstellingen."},
    )
    naam: Tekst
    soort: NetwerkSoort
    contact: Email = Field(description="Een functieadres, zoals info@…, nooit een persoon.")
    publiceren: bool = Field(description="Tonen de scholen van dit netwerk op de site?")
    voorbeeld: bool = Field(
        default=False,
        description="Een verzonnen voorbeeldnetwerk (de site zegt dat erbij); of een school "
        "verzonnen is, staat bij de school zelf.",
    )
    doelstellingen: list[Doelstelling] = Field(default_factory=list)


# --- a school as the pages that combine schools see it ---------------------------------------


class Stand(NamedTuple):
    """One current record: a ``Registratie`` without its code and archive flag."""

    status: str
    groepen: tuple[str, ...] = ()
    datum: dt.date | None = None
    toelichting: str | None = None
    bewijs: str | None = None


Head = tuple[str, str, str, str, bool, tuple[str, ...], dt.date | None]  # all but records


@dataclass(frozen=True, eq=False)
class Samenvatting:
    """What the site shows of one school: its current records, without the archived
    ones. Plain data, so that a build can keep it between runs instead of reading and
    validating the school again."""

    brin: str
    naam: str
    plaats: str
    soort: str
    voorbeeld: bool
    netwerken: tuple[str, ...]
    nieuwste: dt.date | None  # the newest datum, archived records too (an edit)
    # The current records by goal code (``records``), or what makes them when they are
    # first asked for: a build asks only for the schools whose pages it makes again.
    bron: dict[str, Stand] | Callable[[], dict[str, Stand]] = field(repr=False)

    @cached_property
    def records(self) -> dict[str, Stand]:
        """The current records by goal code."""
        return self.bron if isinstance(self.bron, dict) else self.bron()

    @cached_property
    def text(self) -> RecordsText:
        """The records as text (``records_text``): made once, for the build's cache as
        for another process."""
        return records_text(self.records)

    def __eq__(self, other: object) -> bool:  # by value, whatever made the records
        if not isinstance(other, Samenvatting):
            return NotImplemented
        return self._value() == other._value()

    __hash__ = None  # type: ignore[assignment]

    def _value(self) -> tuple[object, ...]:
        return (*self.head(), self.records)

    def head(self) -> Head:
        """All but the records."""
        head = (self.brin, self.naam, self.plaats, self.soort, self.voorbeeld, self.netwerken)
        return (*head, self.nieuwste)

    def __reduce__(self) -> tuple[object, ...]:
        # Sent from the worker that read the school to the build: its records as text
        # (``records_text``), read when first asked for. Some 300 records as objects cost
        # the worker 2.5 times as much to pickle.
        return (_unpickled, (self.head(), self.text))


RecordsText = tuple[str, dict[str, list[str | None]]]  # ``records_text``


def _unpickled(head: Head, text: RecordsText) -> Samenvatting:
    summary = Samenvatting(*head, partial(_records_of, text))
    vars(summary)["text"] = text  # as ``text`` would make it again
    return summary


def _records_of(text: RecordsText) -> dict[str, Stand]:
    records = records_read(*text)
    if records is None:  # never: records_text wrote it
        raise ValueError("geen records van records_text")
    return records


def samenvatting(school: School) -> Samenvatting:
    return Samenvatting(
        *_head(school),
        {
            r.code: Stand(r.status, tuple(r.groepen), r.datum, r.toelichting, r.bewijs)
            for r in school.doelen
            if not r.gearchiveerd
        },
    )


def samenvatting_as_text(school: School) -> Samenvatting:
    """``samenvatting(school)`` with its records as text, read when first asked for: for a
    summary that goes to another process, made without its records as objects."""
    text = records_text({r.code: r for r in school.doelen if not r.gearchiveerd})
    return _unpickled(_head(school), text)


def _head(school: School) -> Head:
    newest = max((r.datum for r in school.doelen if r.datum is not None), default=None)
    place = (school.brin, school.naam, school.plaats, school.soort)
    return (*place, school.voorbeeld, tuple(school.netwerken), newest)


# --- a school's records as text -----------------------------------------------------------
# 7,000 schools hold 2 million records: as objects (or JSON lists) that is 15 million
# objects to pickle or read. So the records are one string, a line each (code, status as
# its number, groepen, datum: none holds a tab, comma or line break), and only the free
# texts are a mapping. The build's cache keeps them so (``commands.cachedata``), and a
# ``Samenvatting`` travels so between processes.

_STATUS_NUMBER = {status: str(i) for i, status in enumerate(ADOPTIE_STATUSSEN)}
_NUMBER_STATUS = {number: status for status, number in _STATUS_NUMBER.items()}
_BANDS = frozenset(get_args(Groep))
HTTPS = re.compile(r"https://[^\s]+")  # a bewijs link as the model's Url allows it: https only
_GROEPEN: dict[str, tuple[str, ...]] = {}  # as written → the groepen
_DAYS: dict[str, dt.date] = {}  # ISO date → the date: a few hundred days recur


def iso_day(text: str) -> dt.date:
    """The date of ``YYYY-MM-DD``, made once per day; ValueError for anything else."""
    if (day := _DAYS.get(text)) is None:
        day = _DAYS[text] = dt.date.fromisoformat(text)
    return day


def records_text(records: Mapping[str, Stand | Registratie]) -> RecordsText:
    """Records as ``records_read`` reads them: their lines, and their free texts by code."""
    number = _STATUS_NUMBER
    days: dict[dt.date | None, str] = {None: ""}  # each day made ISO once
    lines = []
    for code, r in records.items():
        if (iso := days.get(day := r.datum)) is None and day is not None:
            iso = days[day] = day.isoformat()
        lines.append(f"{code}\t{number[r.status]}\t{','.join(r.groepen)}\t{iso}")
    texts = {
        code: [r.toelichting, r.bewijs]
        for code, r in records.items()
        if r.toelichting is not None or r.bewijs is not None
    }
    return "\n".join(lines), texts


def records_read(lines: object, texts: object) -> dict[str, Stand] | None:
    """The records that ``records_text`` wrote; None for anything else."""
    if not isinstance(lines, str) or not isinstance(texts, dict):
        return None
    records = {}
    # Two million records at national scale: the loop does lookups, no calls of ours.
    statuses, groups, days = _NUMBER_STATUS, _GROEPEN, _DAYS
    try:
        for line in lines.split("\n") if lines else ():
            code, status, groepen, datum = line.split("\t")
            if (bands := groups.get(groepen)) is None:
                bands = tuple(groepen.split(",")) if groepen else ()
                if not set(bands) <= _BANDS:
                    raise ValueError(groepen)
                groups[groepen] = bands
            if (day := days.get(datum)) is None and datum:
                day = iso_day(datum)
            records[code] = Stand(statuses[status], bands, day)
        if not texts.keys() <= records.keys():
            raise ValueError(texts)
        for code, pair in texts.items():
            if not isinstance(pair, list) or len(pair) != 2:
                raise ValueError(pair)
            toelichting, bewijs = pair
            if not (toelichting is None or isinstance(toelichting, str)):
                raise ValueError(toelichting)
            if not (bewijs is None or (isinstance(bewijs, str) and HTTPS.fullmatch(bewijs))):
                raise ValueError(bewijs)  # https only, as the model says
            records[code] = records[code]._replace(toelichting=toelichting, bewijs=bewijs)
    except (TypeError, ValueError, KeyError):
        return None
    return records
