"""``school import``: a checklist workbook or CSV back into the school files, all or nothing.

Every problem in every sheet is collected first (each names its sheet, cell and goal);
any problem, and nothing is written. Otherwise each school whose values differ is
edited in place (``adoptie.changes``), every file verified, then all are written and the
project is checked again. Sheets are found by their title (a BRIN code), columns by their
header name; other sheets (Info, Scholen, Leerdoelen) are ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from leerdoelen.adoptie import changes
from leerdoelen.adoptie.changes import Invoer, SchoolPlan
from leerdoelen.adoptie.progress import checklist_goals
from leerdoelen.commands.check import CheckResult, Refused, check, checked
from leerdoelen.commands.errors import Failed, UsageError
from leerdoelen.core.adoptie import ADOPTIE_STATUSSEN, School, future_date
from leerdoelen.core.clock import today
from leerdoelen.core.corpus import Corpus
from leerdoelen.core.diagnostics import Diagnostic, Severity, diagnostic, listing, suggest
from leerdoelen.core.model import GROEPEN
from leerdoelen.export.tables import UnknownGroep, split_groepen
from leerdoelen.load.names import brin_problem
from leerdoelen.load.sheets import Blad, Rij, SheetError, cell_date, cell_text, read
from leerdoelen.util.progress import step

CLOSE = 0.6
_CSV_NAME = re.compile(r"^(?:checklist-)?([0-9]{2}[A-Z]{2}(?:[0-9]{2})?)$", re.IGNORECASE)
_HTTPS = re.compile(r"^https://\S+$")


@dataclass
class Imported:
    plans: list[SchoolPlan]
    written: bool
    refused: Refused | None = None  # the check after writing found errors (not expected)

    @property
    def changed(self) -> int:
        return sum(plan.changed for plan in self.plans)


@dataclass
class _Reader:
    """Reads the rows of one file into plans, collecting every problem."""

    bestand: str
    corpus: Corpus
    vandaag: dt.date
    problems: list[Diagnostic] = field(default_factory=list)

    def problem(self, code: str, blad: Blad, rij: int, kolom: int, /, **fields: str) -> None:
        """A problem in cell (``rij``, ``kolom``) of ``blad``: at the file's row and column
        (1-based), its message starting with the sheet and cell."""
        self.problems.append(
            diagnostic(code, self.bestand, rij, kolom + 1, (), plek=blad.plek(rij, kolom), **fields)
        )

    # -- one school's rows

    def school(self, blad: Blad, brin: str, rijen: list[Rij], kolom: int = 0) -> SchoolPlan | None:
        school = self.corpus.scholen.get(brin)
        if school is None:
            rij = rijen[0].nummer if kolom and rijen else 1
            bestand = f"{changes.SCHOLEN}/{brin}.yaml"
            suggestie = suggest(brin, self.corpus.scholen, CLOSE)
            self.problem("LD422", blad, rij, kolom, brin=brin, bestand=bestand, suggestie=suggestie)
            return None
        missing = [k for k in ("code", "status") if k not in blad.kop]
        for kolom_naam in missing:
            self.problem("LD421", blad, 1, 0, kolom=kolom_naam)
        if missing:
            return None
        plan = SchoolPlan(brin, school.naam)
        seen: dict[str, str] = {}
        for regel in rijen:
            self._row(blad, regel, school, plan, seen)
        absent = [g.code for g in checklist_goals(self.corpus) if g.code not in seen]
        if absent:
            plan.notities.append(f"{listing(absent)}: staat niet in het blad; ongewijzigd")
        return plan

    def _row(
        self, blad: Blad, rij: Rij, school: School, plan: SchoolPlan, seen: dict[str, str]
    ) -> None:
        code_kolom = blad.kop["code"]
        code = cell_text(blad.waarde(rij, "code")).upper()
        if not code:
            self.problem("LD431", blad, rij.nummer, code_kolom)
            return
        plek = blad.plek(rij.nummer, code_kolom)
        if code in seen:
            self.problem("LD428", blad, rij.nummer, code_kolom, doel=code, eerder=seen[code])
            return
        seen[code] = plek
        goal = self.corpus.leerdoelen.get(code)
        if goal is None:
            self.problem(
                "LD427",
                blad,
                rij.nummer,
                code_kolom,
                waarde=code,
                suggestie=suggest(code, self.corpus.leerdoelen, CLOSE),
            )
            return
        before = len(self.problems)
        invoer = self._invoer(blad, rij, code)
        if len(self.problems) > before:
            return
        index = changes.record_index(school, code)
        old = school.doelen[index] if index is not None else None
        record = changes.new_record(old, invoer, self.vandaag)
        if goal.status == "vervallen":
            if not changes.differences(old, record):  # as the school has it: nothing to do
                plan.notities.append(f"{code}: vervallen; gelijk aan het record, overgeslagen")
                return
            door = goal.vervangen_door
            vervangers = f" en vervangen door {', '.join(door)}" if door else ""
            self.problem("LD430", blad, rij.nummer, code_kolom, doel=code, vervangers=vervangers)
            return
        if future_date(record, self.vandaag) and record.datum is not None:
            kolom = blad.kop.get("datum", blad.kop["status"])
            self.problem(
                "LD426",
                blad,
                rij.nummer,
                kolom,
                doel=code,
                datum=record.datum.isoformat(),
                status=record.status,
                vandaag=self.vandaag.isoformat(),
            )
            return
        changes.plan_change(plan, school, record)

    def _invoer(self, blad: Blad, rij: Rij, code: str) -> Invoer:
        given = cell_text(blad.waarde(rij, "status"))
        status = given.lower()
        if status not in ADOPTIE_STATUSSEN:
            kolom = blad.kop["status"]
            self.problem(
                "LD423",
                blad,
                rij.nummer,
                kolom,
                doel=code,
                waarde=given,
                keuzes=", ".join(ADOPTIE_STATUSSEN),
            )
        velden: dict[str, object] = {}
        if "groepen" in blad.kop:
            value = blad.waarde(rij, "groepen")
            try:  # "groep 5-6, groep 7-8" (as the CSVs write it) or "5-6, 7-8"
                velden["groepen"] = split_groepen(cell_text(value))
                bad = None if isinstance(value, str | None) else cell_text(value)
            except UnknownGroep as error:
                bad = error.groep
            if bad is not None:
                self.problem(
                    "LD424",
                    blad,
                    rij.nummer,
                    blad.kop["groepen"],
                    doel=code,
                    waarde=bad,
                    keuzes=", ".join(GROEPEN),
                )
        if "datum" in blad.kop:
            value = blad.waarde(rij, "datum")
            datum = cell_date(value)
            if datum is False:
                kolom = blad.kop["datum"]
                self.problem("LD425", blad, rij.nummer, kolom, doel=code, waarde=cell_text(value))
            else:
                velden["datum"] = datum
        for veld in ("toelichting", "bewijs"):
            if veld in blad.kop:
                velden[veld] = cell_text(blad.waarde(rij, veld)) or None
        bewijs = velden.get("bewijs")
        if isinstance(bewijs, str) and not _HTTPS.fullmatch(bewijs):
            self.problem("LD429", blad, rij.nummer, blad.kop["bewijs"], doel=code, waarde=bewijs)
        return Invoer(code, status, velden)


def _units(
    blaadjes: list[Blad], school: str | None, path: Path
) -> list[tuple[Blad, str, list[Rij], int]]:
    """The school sheets: (sheet, BRIN, rows, the column that named the school)."""
    if path.suffix.lower() != ".csv":
        units = [(b, b.titel, b.rijen, 0) for b in blaadjes if brin_problem(b.titel) is None]
        if school is not None:
            units = [u for u in units if u[1] == school]
            if not units:
                raise UsageError(f"{path.name} heeft geen blad '{school}'")
        return units
    (blad,) = blaadjes
    if "brin" in blad.kop:  # a network's CSV: each row names its school
        groups: dict[str, list[Rij]] = {}
        for rij in blad.rijen:
            groups.setdefault(cell_text(blad.waarde(rij, "brin")).upper(), []).append(rij)
        if school is not None:
            groups = {school: groups.get(school, [])}
        return [(blad, brin, rijen, blad.kop["brin"]) for brin, rijen in groups.items()]
    if school is None:
        match = _CSV_NAME.fullmatch(path.stem)
        if match is None:
            raise UsageError(
                f"welke school is {path.name}? geef --school BRIN, of noem het bestand "
                "checklist-<BRIN>.csv"
            )
        school = match.group(1).upper()
    return [(blad, school, blad.rijen, 0)]


def import_file(root: Path, path: Path, school: str | None, dry_run: bool) -> Imported:
    """Read ``path`` and plan every school in it; write the changes unless ``dry_run``."""
    if school is not None and (problem := brin_problem(school)):
        raise UsageError(problem)
    if not path.is_file():
        wat = "is geen bestand" if path.exists() else "bestaat niet"
        raise UsageError(f"'{path}' {wat}")
    result = checked(root, "niets ingelezen: los eerst de fouten op")
    corpus = result.project.corpus
    reader = _Reader(path.name, corpus, today())
    try:
        blaadjes = read(path)
    except SheetError as error:
        bestand, _, probleem = str(error).partition(": ")
        raise Failed(
            "niets ingelezen", [diagnostic("LD420", path.name, bestand=bestand, probleem=probleem)]
        ) from None
    units = _units(blaadjes, school, path)
    if not units:
        probleem = "geen schoolblad gevonden (een blad heet naar de BRIN-code van de school)"
        raise Failed(
            "niets ingelezen",
            [diagnostic("LD420", path.name, bestand=path.name, probleem=probleem)],
        )
    plans = []
    with step("Rijen lezen", sum(len(rijen) for _, _, rijen, _ in units)) as bar:
        for unit in units:
            if (plan := reader.school(*unit)) is not None:
                plans.append(plan)
            bar.advance(len(unit[2]))
    if reader.problems:
        n = len(reader.problems)
        raise Failed(
            f"niets ingelezen: {n} {'probleem' if n == 1 else 'problemen'}; er is niets geschreven",
            reader.problems,
        )
    try:
        changes.write_plans(root, corpus, plans, write=not dry_run)
    except changes.ChangeError as error:
        raise Failed(f"niets ingelezen: {error}") from None
    imported = Imported(plans, written=not dry_run)
    if not dry_run and imported.changed:
        imported.refused = after_check(root)
    return imported


def after_check(root: Path) -> Refused | None:
    """The check after writing (not expected to fail: every file was read back)."""
    after = check(root)
    errors = [d for d in after.diagnostics if d.severity is Severity.ERROR]
    if errors:
        return Refused(
            CheckResult(after.project, after.files, errors), "na het inlezen zijn er fouten"
        )
    return None
