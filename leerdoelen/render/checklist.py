"""A school's checklist as tables: the HTML table on its page, and the rows of the CSV and
XLSX downloads of a school and of a network (written by ``export.tables`` and ``export.xlsx``).

The XLSX's school sheet is a form (``SCHOOL_FORMULIER``) that ``leerdoelen school import``
reads back. Its layout is the checklist workbook's contract: a sheet titled with the BRIN,
columns found by their header (``SCHOOL_KOLOMMEN``), and an ``Info`` sheet (``veld`` |
``waarde``) that says which school, which file and which version of the goals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

from leerdoelen.adoptie.progress import NIET_GESTART, statuses
from leerdoelen.adoptie.view import DomeinBlok, SchoolStand, SubdomeinBlok
from leerdoelen.core.adoptie import ADOPTIE_STATUSSEN, Stand
from leerdoelen.export.tables import csv_bytes, csv_records, csv_row
from leerdoelen.export.xlsx import Blad, xlsx_bytes
from leerdoelen.export.xlsx_packed import PackedSheet
from leerdoelen.export.xlsx_sheet import Controle, Formulier, Waarde
from leerdoelen.render.text import inline, plain

SOORT = {"bao": "basisonderwijs", "sbo": "speciaal basisonderwijs", "so": "speciaal onderwijs"}
SCHOOL_KOLOMMEN = (
    "code",
    "titel",
    "domein",
    "subdomein",
    "kerndoel",
    "leerdoelstatus",
    "status",
    "groepen",
    "datum",
    "toelichting",
    "bewijs",
)
# The columns with free text (titles, names, toelichting, bewijs): the CSV's formula guard.
SCHOOL_TEKST = tuple(
    SCHOOL_KOLOMMEN.index(k) for k in ("titel", "domein", "subdomein", "toelichting", "bewijs")
)
# The goal's own columns, the same in every school's checklist: the first six.
SCHOOL_LEAD = SCHOOL_KOLOMMEN.index("status")
# The column with groep bands: in a CSV "groep 5-6", which a spreadsheet keeps as text.
SCHOOL_GROEPEN = (SCHOOL_KOLOMMEN.index("groepen"),)
# The school sheet as a form: the school fills in its own columns; the goal's are locked.
SCHOOL_FORMULIER = Formulier(
    open=("status", "groepen", "datum", "toelichting", "bewijs"),
    controles=(
        Controle(
            "status",
            lijst=ADOPTIE_STATUSSEN,
            fout=f"Kies een status uit de lijst: {', '.join(ADOPTIE_STATUSSEN)}.",
            uitleg="Hoe ver is de school met dit leerdoel? Kies uit de lijst.",
        ),
        Controle(
            "groepen", uitleg="De groepen waarin het leerdoel aan bod komt, bijvoorbeeld 1-2, 3-4"
        ),
        Controle(
            "datum",
            datum=True,
            fout="Vul een datum in (jjjj-mm-dd), bijvoorbeeld 2025-03-01.",
            uitleg="Sinds wanneer geldt deze status? Bijvoorbeeld 2025-03-01",
        ),
        Controle("bewijs", uitleg="Een link naar het bewijs, bijvoorbeeld https://…"),
    ),
)
INFO = "Info"  # the info sheet's title
INFO_KOLOMMEN = ("veld", "waarde")
ONGEPUBLICEERD = "ongepubliceerd"  # the goals' version when no release is known
NETWERK_KOLOMMEN = ("brin", "school", "plaats", *SCHOOL_KOLOMMEN)
NETWERK_TEKST = (1, 2, *(i + 3 for i in SCHOOL_TEKST))
NETWERK_GROEPEN = tuple(i + 3 for i in SCHOOL_GROEPEN)
SCHOLEN_KOLOMMEN = (
    "brin",
    "school",
    "plaats",
    "soort",
    *reversed(ADOPTIE_STATUSSEN),
    "vastgestelde leerdoelen",
    "percentage ingevoerd",
    "laatste wijziging",
    "verouderd",
)

# --- the checklist table -----------------------------------------------------------------


CHECKLIST_KOP = "<thead><tr><th>Klaar<th>Code<th>Leerdoel<th>Groepen<th>Status<th>Datum</thead>"


class Checklist:
    """The checklist tables of school pages, as lean one-line HTML.

    A school page is ~90 rows, and MkDocs and Python-Markdown each run a pure-Python HTML
    parser over raw HTML: the cost is per tag and per line. So the table is one line, with
    the end tags that HTML lets out (``</td>``, ``</tr>``, ``</th>``, ``</thead>``) left
    out and no attributes on the rows; the CSS finds the columns by position. The part of
    a row that is the same for every school (code link, titel) is made once per corpus.
    """

    def __init__(self, indeling: list[DomeinBlok], up: str) -> None:
        self.kerndoel: dict[str, str] = {}
        self.doel: dict[str, str] = {}
        for domein in indeling:
            for sub in domein.subdomeinen:
                for kern in sub.kerndoelen:
                    k = kern.kerndoel
                    self.kerndoel[k.code] = (
                        f'<tbody><tr class="ld-kerndoel"><th colspan="6">'
                        f'<a href="{up}kerndoelen/{k.code}/">{k.code}</a> {inline(k.titel)}'
                    )
                    for doel in kern.doelen:
                        mark = f" <em>{doel.status}</em>" if doel.status != "vastgesteld" else ""
                        self.doel[doel.code] = (
                            f'<td><a href="{up}doelen/{doel.code}/">{doel.code}</a>'
                            f"<td>{inline(doel.titel)}{mark}"
                        )

    def tabel(self, sub: SubdomeinBlok, recs: dict[str, Stand]) -> str:
        parts = ['<div class="ld-checklist"><table>', CHECKLIST_KOP]
        for kern in sub.kerndoelen:
            parts.append(self.kerndoel[kern.kerndoel.code])
            for doel in kern.doelen:
                r = recs.get(doel.code)
                if r is None:
                    groepen = ", ".join(doel.groepen)
                    parts.append(
                        f"<tr><td>☐{self.doel[doel.code]}<td>({groepen})<td>niet gestart<td>"
                    )
                    continue
                extra = ""
                if r.toelichting:
                    extra += f'<br><small class="ld-toelichting">{inline(r.toelichting)}</small>'
                if r.bewijs:
                    extra += (
                        f'<br><a class="ld-bewijs" href="{plain(r.bewijs)}" '
                        'rel="nofollow noopener">bewijs</a>'
                    )
                groepen = ", ".join(r.groepen) if r.groepen else f"({', '.join(doel.groepen)})"
                datum = (_DATUMS.get(r.datum) or _datum(r.datum)) if r.datum else ""
                vink = "☑" if r.status == "ingevoerd" else "☐"
                parts.append(
                    f"<tr><td>{vink}{self.doel[doel.code]}{extra}<td>{groepen}<td>{r.status}"
                    f"<td>{datum}"
                )
        parts.append("</table></div>")
        return "".join(parts)


_DATUMS: dict[dt.date, str] = {}  # a few hundred distinct dates over 2 million records


def _datum(day: dt.date) -> str:
    """A date as the checklist shows it (strftime: a microsecond, for each record)."""
    shown = day.strftime("%d-%m-%Y")
    if len(_DATUMS) < 100_000:
        _DATUMS[day] = shown
    return shown


# --- the downloads' rows -----------------------------------------------------------------


Kop = tuple[str, tuple[Waarde, ...]]  # a checklist goal's code, and its own cells


def checklist_koppen(indeling: list[DomeinBlok]) -> list[Kop]:
    """Every checklist goal, in checklist order, with the cells that are its own (the
    first six of ``SCHOOL_KOLOMMEN``): the same in every school's rows, so made once."""
    return [
        (
            doel.code,
            (
                doel.code,
                doel.titel,
                d.kader.titel,
                sub.subdomein.titel,
                kern.kerndoel.code,
                doel.status,
            ),
        )
        for d in indeling
        for sub in d.subdomeinen
        for kern in sub.kerndoelen
        for doel in kern.doelen
    ]


def school_rijen(koppen: list[Kop], stand: SchoolStand) -> list[tuple[Waarde, ...]]:
    """A school's whole checklist, in checklist order (``SCHOOL_KOLOMMEN``): each goal's
    own cells (``checklist_koppen``), then the school's record of it."""
    records = stand.records
    return [(*kop, *_eigen(records.get(code))) for code, kop in koppen]


_NIET_GESTART: tuple[Waarde, ...] = (NIET_GESTART, "", "", "", "")


def _eigen(record: Stand | None) -> tuple[Waarde, ...]:
    """A school's cells of one goal: status, groepen, datum, toelichting, bewijs."""
    if record is None:
        return _NIET_GESTART
    return (
        record.status,
        ", ".join(record.groepen),
        record.datum or "",
        " ".join(record.toelichting.split()) if record.toelichting else "",
        record.bewijs or "",
    )


def info_rijen(
    scholen: Sequence[SchoolStand], versie: str, bestanden: dict[str, str]
) -> list[tuple[Waarde, ...]]:
    """The info sheet's rows: per school its BRIN, name and file; then the goals' version
    and the date of the newest data (``gemaakt``: from the content, not the clock, so an
    unchanged checklist gives the same bytes; left out when no date is known)."""
    rijen: list[tuple[Waarde, ...]] = []
    for s in scholen:
        bestand = bestanden.get(s.brin, f"adoptie/scholen/{s.brin}.yaml")
        rijen += [("school", s.brin), ("naam", s.school.naam), ("bestand", bestand)]
    rijen.append(("leerdoelen", versie))
    dates = [s.laatst for s in scholen if s.laatst]
    if dates:
        rijen.append(("gemaakt", max(dates).isoformat()))
    return rijen


def matrix(codes: Iterable[str], scholen: Sequence[SchoolStand]) -> Iterable[tuple[Waarde, ...]]:
    """One row per school: its status for every goal of ``codes`` (a column each)."""
    codes = tuple(codes)
    for s in scholen:
        yield (s.brin, s.school.naam, *statuses(s.records, codes))


def scholen_rij(s: SchoolStand) -> tuple[Waarde, ...]:
    """A school's progress in one row (``SCHOLEN_KOLOMMEN``)."""
    v = s.voortgang
    return (
        s.brin,
        s.school.naam,
        s.school.plaats,
        SOORT[s.school.soort],
        *(v.counts[status] for status in reversed(ADOPTIE_STATUSSEN)),
        v.total,
        v.percentage,
        s.laatst.isoformat() if s.laatst else "",
        "ja" if s.verouderd else "nee",
    )


def school_csv(rijen: Iterable[tuple[Waarde, ...]]) -> bytes:
    """A school's checklist as its CSV download."""
    return csv_bytes(SCHOOL_KOLOMMEN, rijen, SCHOOL_TEKST, SCHOOL_GROEPEN, SCHOOL_LEAD)


def netwerk_csv(
    scholen: Sequence[SchoolStand],
    rijen: Callable[[SchoolStand], list[tuple[Waarde, ...]]],
    eigen: Callable[[str], bytes | None],
    goals: int,
) -> bytes:
    """Every record of every school of a network (``NETWERK_KOLOMMEN``): each school's
    rows as its own CSV has them (``eigen``, by BRIN, or made from ``rijen``), after the
    school's own cells. That is what writing every row again gives (each field is quoted,
    or not, on its own), for a fifth of the time."""
    parts = [csv_bytes(NETWERK_KOLOMMEN, ())]
    for s in scholen:
        records = csv_records(eigen(s.brin) or school_csv(rijen(s)), goals)
        if records is None:  # a line break in a field: the CSV is written whole
            lang = [(t.brin, t.school.naam, t.school.plaats, *r) for t in scholen for r in rijen(t)]
            return csv_bytes(NETWERK_KOLOMMEN, lang, NETWERK_TEKST, NETWERK_GROEPEN)
        school = csv_row((s.brin, s.school.naam, s.school.plaats), NETWERK_TEKST[:2])
        parts += [b"%s;%s\r\n" % (school, record) for record in records]
    return b"".join(parts)


def checklist_workbook(
    scholen: list[SchoolStand],
    rijen: dict[str, list[tuple[Waarde, ...]]],
    versie: str,
    paden: dict[str, str],
    voor: tuple[Blad, ...] = (),
    packed: dict[str, PackedSheet] | None = None,
) -> bytes:
    """The checklist workbook (a form per school, titled with its BRIN) and its Info sheet
    (``versie``: the goals' version; ``paden``: each school's file), after the sheets
    ``voor``: what ``leerdoelen school import`` reads back. A school's form that its own
    workbook holds already (``packed``) is copied from it; the others are made of ``rijen``."""
    packed = packed or {}
    sheets: list[Blad | PackedSheet] = [*voor]
    sheets += [packed.get(s.brin) or (s.brin, SCHOOL_KOLOMMEN, rijen[s.brin]) for s in scholen]
    sheets.append((INFO, INFO_KOLOMMEN, info_rijen(scholen, versie, paden)))
    formulieren = {s.brin: SCHOOL_FORMULIER for s in scholen}
    formulieren[INFO] = Formulier()  # protected, nothing open
    return xlsx_bytes(sheets, formulieren)
