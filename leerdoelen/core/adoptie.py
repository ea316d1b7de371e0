"""Adoption: which schools put which leerdoelen into practice, and the networks' targets.

``adoptie/netwerken/<slug>.yaml`` holds one network, ``adoptie/scholen/<BRIN>.yaml`` one
school with one record per leerdoel. Like the goals, these models are the source of truth
for the JSON Schemas.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
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

    def __eq__(self, other: object) -> bool:  # by value, whatever made the records
        if not isinstance(other, Samenvatting):
            return NotImplemented
        return self._value() == other._value()

    __hash__ = None  # type: ignore[assignment]

    def _value(self) -> tuple[object, ...]:
        head = (self.brin, self.naam, self.plaats, self.soort, self.voorbeeld, self.netwerken)
        return (*head, self.nieuwste, self.records)


def samenvatting(school: School) -> Samenvatting:
    return Samenvatting(
        school.brin,
        school.naam,
        school.plaats,
        school.soort,
        school.voorbeeld,
        tuple(school.netwerken),
        max((r.datum for r in school.doelen if r.datum is not None), default=None),
        {
            r.code: Stand(r.status, tuple(r.groepen), r.datum, r.toelichting, r.bewijs)
            for r in school.doelen
            if not r.gearchiveerd
        },
    )
