"""Coverage of SLO's uitwerkingen as text, JSON and CSV (``leerdoelen coverage``), and as
the site's pages ``dekking/`` and ``dekking/<domein>/``."""

from __future__ import annotations

import json
from typing import Any

from leerdoelen.core.diagnostics import printable
from leerdoelen.core.model import GROEPEN
from leerdoelen.export.tables import csv_bytes
from leerdoelen.slo.dekking import Dekking, DoelzinDekking, UitwerkingDekking, omschrijving

JSON_VERSIE = 1
CSV_HEADER = (
    "domein",
    "kerndoel",
    "doelzin",
    "slo_id",
    "niveaus",
    "uitwerking",
    "tekst van",
    *(f"groep {groep}" for groep in GROEPEN),
    "gedekt",
)
GEEN = "—"  # an empty groep band, in text


def samenvatting(gedekt: int, totaal: int) -> str:
    return f"{gedekt} van {totaal} {'uitwerking' if totaal == 1 else 'uitwerkingen'} gedekt"


def _naam(u: UitwerkingDekking) -> str:
    tekst, van_slo = omschrijving(u.uitwerking)
    return f"“{tekst}” (tekst van SLO)" if van_slo else tekst


def as_text(dekking: Dekking) -> str:
    """Per domein, per doelzin, per uitwerking the covering leerdoelen per groep band; the
    uncovered ones again at the end; then the summary line. Content is made printable."""
    lines: list[str] = []
    for domein in dekking.domeinen:
        kader = domein.kader
        lines.append(f"{printable(kader.titel)} ({kader.domein})")
        if not domein.doelzinnen:
            lines += ["  geen doelzinnen met uitwerkingen van SLO voor po", ""]
            continue
        for zin in domein.doelzinnen:
            doelzin = zin.plek.doelzin
            lines.append(f"  {doelzin.code} {printable(doelzin.titel)}")
            for u in zin.uitwerkingen:
                lines.append(f"    - {printable(_naam(u))} [{u.uitwerking.slo_id}]")
                if u.gedekt:
                    cellen = (
                        f"{groep}: {', '.join(d.code for d in doelen) or GEEN}"
                        for groep, doelen in zip(GROEPEN, u.per_groep, strict=True)
                    )
                    lines.append("      " + "   ".join(cellen))
                else:
                    lines.append("      nog geen leerdoel")
        lines += [f"  {samenvatting(domein.gedekt, domein.totaal)}", ""]
    if gaten := dekking.gaten:
        lines.append("Nog zonder leerdoel:")
        lines += [
            f"  {zin.plek.doelzin.code} {printable(_naam(u))} [{u.uitwerking.slo_id}]"
            for zin, u in gaten
        ]
        lines.append("")
    lines.append(samenvatting(dekking.gedekt, dekking.totaal))
    return "\n".join(lines) + "\n"


def _uitwerking_json(u: UitwerkingDekking) -> dict[str, Any]:
    tekst, van_slo = omschrijving(u.uitwerking)
    return {
        "slo_id": u.uitwerking.slo_id,
        "niveaus": list(u.uitwerking.niveaus),
        "omschrijving": tekst,
        "tekst_van": "SLO" if van_slo else "eigen woorden",
        "gedekt": u.gedekt,
        "leerdoelen": {
            groep: [d.code for d in doelen]
            for groep, doelen in zip(GROEPEN, u.per_groep, strict=True)
        },
    }


def _doelzin_json(zin: DoelzinDekking) -> dict[str, Any]:
    return {
        "doelzin": zin.plek.doelzin.code,
        "titel": zin.plek.doelzin.titel,
        "kerndoel": zin.plek.kerndoel.code,
        "gedekt": zin.gedekt,
        "totaal": len(zin.uitwerkingen),
        "uitwerkingen": [_uitwerking_json(u) for u in zin.uitwerkingen],
    }


def as_json(dekking: Dekking) -> str:
    """A stable document: keys in a fixed order, lists in frame order."""
    document = {
        "versie": JSON_VERSIE,
        "groepen": list(GROEPEN),
        "gedekt": dekking.gedekt,
        "totaal": dekking.totaal,
        "domeinen": [
            {
                "domein": d.kader.domein,
                "titel": d.kader.titel,
                "gedekt": d.gedekt,
                "totaal": d.totaal,
                "doelzinnen": [_doelzin_json(z) for z in d.doelzinnen],
            }
            for d in dekking.domeinen
        ],
        "niet_gedekt": [
            {"doelzin": zin.plek.doelzin.code, "slo_id": u.uitwerking.slo_id}
            for zin, u in dekking.gaten
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def as_csv(dekking: Dekking) -> bytes:
    """One row per uitwerking, for Dutch Excel (``export.tables.csv_bytes``)."""
    rows = []
    for domein in dekking.domeinen:
        for zin in domein.doelzinnen:
            for u in zin.uitwerkingen:
                tekst, van_slo = omschrijving(u.uitwerking)
                rows.append(
                    (
                        domein.kader.domein,
                        zin.plek.kerndoel.code,
                        zin.plek.doelzin.code,
                        u.uitwerking.slo_id,
                        ", ".join(u.uitwerking.niveaus),
                        tekst,
                        "SLO" if van_slo else "eigen woorden",
                        *(", ".join(d.code for d in doelen) for doelen in u.per_groep),
                        "ja" if u.gedekt else "nee",
                    )
                )
    return csv_bytes(CSV_HEADER, rows, text=(4, 5))
