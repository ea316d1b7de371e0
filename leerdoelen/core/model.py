"""The content model: a domain's frame (kader) and the leerdoelen under it.

These pydantic models are the single source of truth for the file format: the JSON
Schemas in ``schemas/`` are generated from them (``leerdoelen schemas``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Tekst = Annotated[str, StringConstraints(min_length=1)]
SloId = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
]
Afkorting = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,4}$")]
LeerdoelCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,4}-[0-9]{3,4}$")]
SubdomeinCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,4}-SD[0-9]{1,2}$")]
# A kerndoel code names its niveau as a slug of SLO's niveau title ("so zml/mb" → so-zml-mb);
# a doelzin code is its kerndoel's code plus SLO's prefix: one capital (DG-po-22A) or more
# characters (RW-vo-3A3hv).
NIVEAU = r"[a-z0-9]+(?:-[a-z0-9]+)*"
KerndoelCode = Annotated[str, StringConstraints(pattern=rf"^[A-Z]{{2,4}}-{NIVEAU}-[0-9]{{1,2}}$")]
DoelzinCode = Annotated[
    str, StringConstraints(pattern=rf"^[A-Z]{{2,4}}-{NIVEAU}-[0-9]{{1,2}}[A-Z][0-9A-Za-z]{{0,7}}$")
]
DomeinNaam = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


def next_code(afkorting: str, codes: Iterable[str]) -> str:
    """The leerdoel code after the highest of domein ``afkorting`` among ``codes``
    (``DG-046`` after ``DG-045``; ``DG-001`` when there is none), in three digits at least.
    Other domeinen's codes, and names that are no code, are passed over."""
    pattern = re.compile(rf"{re.escape(afkorting)}-([0-9]{{3,4}})")
    numbers = [int(found[1]) for code in codes if (found := pattern.fullmatch(code))]
    return f"{afkorting}-{max(numbers, default=0) + 1:03d}"


# A groep band: the unit in which leerlijnen are planned, in school order.
Groep = Literal["1-2", "3-4", "5-6", "7-8"]
GROEPEN: tuple[str, ...] = get_args(Groep)

# A link to material on the web: https only (no http, no javascript: or data: URLs).
Url = Annotated[str, StringConstraints(pattern=r"^https://[^\s]+$")]

Soort = Literal["les", "lessenserie", "leskist", "video", "app", "website", "methode"]
SOORTEN: tuple[str, ...] = get_args(Soort)

Status = Literal["concept", "ter consultatie", "vastgesteld", "vervallen"]
STATUSSEN: tuple[str, ...] = get_args(Status)


def unique(description: str | None = None) -> Any:
    """A list field whose items must be unique (checked by the rules, shown in the schema)."""
    return Field(
        default_factory=list, description=description, json_schema_extra={"uniqueItems": True}
    )


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        field_title_generator=lambda name, _info: name,
    )


class _FrameEntity(_Strict):
    titel: Tekst
    omschrijving: Tekst
    slo_id: SloId | None = Field(
        default=None, description="UUID van de SLO-entiteit waar dit voor staat."
    )
    slo: dict[str, Any] | None = Field(
        default=None,
        description="Alle overige velden van de SLO-entiteit, ongewijzigd bewaard "
        "(status, prefix, soort, niveau, replaces, ...).",
    )


class SloUitwerking(_Strict):
    """One of SLO's uitwerkingen of a doelzin: what leerdoelen say they elaborate
    (``slo_uitwerkingen`` in a leerdoel), and what the coverage view counts."""

    slo_id: SloId
    niveaus: list[Tekst] = Field(
        min_length=1,
        json_schema_extra={"uniqueItems": True},
        description="SLO's niveaus van deze uitwerking (titels uit curriculum-basis), zoals po.",
    )
    label: Tekst | None = Field(
        default=None, description="Korte omschrijving in eigen woorden (niet SLO's tekst)."
    )
    slo: dict[str, Any] | None = Field(
        default=None,
        description="Na een import: de SLO-entiteit zelf (zonder id), ongewijzigd bewaard.",
    )


class Doelzin(_FrameEntity):
    code: DoelzinCode
    slo_uitwerkingen: list[SloUitwerking] = Field(
        default_factory=list, description="SLO's uitwerkingen van deze doelzin."
    )


class Kerndoel(_FrameEntity):
    code: KerndoelCode
    doelzinnen: list[Doelzin] = Field(min_length=1)


class Subdomein(_FrameEntity):
    code: SubdomeinCode
    kerndoelen: list[Kerndoel] = Field(min_length=1)


class SloBron(_Strict):
    """Where an imported frame came from: SLO's repository and its release."""

    bron: Tekst = Field(description="Zoals 'SLO curriculum-fo'.")
    release: Tekst = Field(description="De tag of 'git describe' van de checkout, zoals 2026.52.")


class Kader(_FrameEntity):
    """The frame of one domain: ``goals/<domein>/kader.yaml``."""

    model_config = ConfigDict(
        title="Kader",
        json_schema_extra={
            "description": "Het kader van één domein: subdomeinen, kerndoelen en doelzinnen."
        },
    )
    domein: DomeinNaam
    afkorting: Afkorting = Field(description="Voorvoegsel van de leerdoelcodes, zoals DG.")
    subdomeinen: list[Subdomein] = Field(min_length=1)
    slo_bron: SloBron | None = Field(
        default=None, description="Na een import: waar en uit welke release het kader komt."
    )
    slo_basis: list[dict[str, Any]] | None = Field(
        default=None,
        description="Na een import: de entiteiten uit curriculum-basis (niveaus, "
        "vakleergebieden) waar het kader naar verwijst, ongewijzigd bewaard.",
    )
    slo_vervangen: list[dict[str, Any]] | None = Field(
        default=None,
        description="Na een import: de vervangen SLO-entiteiten (deprecated.json) waar "
        "'replaces' in het kader naar wijst, ongewijzigd bewaard.",
    )


class Lesmateriaal(_Strict):
    """Lesson material for a leerdoel: a lesson, a loan kit, a video, a method chapter."""

    titel: Tekst = Field(description="De naam van het materiaal, zoals de maker die noemt.")
    url: Url = Field(description="Link naar het materiaal; begint met https://.")
    soort: Soort = Field(description="Wat voor materiaal het is.")
    groepen: list[Groep] = unique(
        "Voor welke groepen het materiaal past; binnen de groepen van het leerdoel. "
        "Leeg: voor alle groepen van het leerdoel."
    )


class Leerdoel(_Strict):
    """One leerdoel: ``goals/<domein>/<CODE>.yaml``."""

    model_config = ConfigDict(
        title="Leerdoel",
        json_schema_extra={
            "description": "Eén leerdoel: de uitwerking van een doelzin voor een of meer groepen."
        },
    )
    code: LeerdoelCode = Field(description="Vaste code; nooit hergebruikt.")
    titel: Tekst
    omschrijving: Tekst
    doelzin: DoelzinCode = Field(description="De doelzin die dit leerdoel uitwerkt.")
    ook_bij: list[DoelzinCode] = unique("Andere doelzinnen die dit leerdoel ook dient.")
    slo_uitwerkingen: list[SloId] = unique(
        "SLO-uitwerkingen (slo_id) van de doelzin of van een ook_bij-doelzin die dit "
        "leerdoel uitwerkt."
    )
    groepen: list[Groep] = Field(min_length=1, json_schema_extra={"uniqueItems": True})
    uitwerkingen: list[Tekst] = unique()
    voorbeelden: list[Tekst] = unique()
    voorkennis: list[LeerdoelCode] = unique("Leerdoelen waarop dit doel voortbouwt.")
    gerelateerd: list[LeerdoelCode] = unique()
    status: Status
    vervangen_door: list[LeerdoelCode] | None = Field(
        default=None, min_length=1, description="Alleen bij status vervallen."
    )
    reden: Tekst | None = Field(default=None, description="Alleen bij status vervallen.")
    trefwoorden: list[Tekst] = unique()
    lesmateriaal: list[Lesmateriaal] = Field(
        default_factory=list,
        description="Lessen, leskisten, video's en andere materialen bij dit leerdoel.",
    )

    @property
    def laagste_groep(self) -> str:
        return min(self.groepen, key=GROEPEN.index)
