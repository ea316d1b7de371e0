"""Make the LibreOffice fixture: a school's checklist workbook as LibreOffice saves it.

    python -m tools.libreoffice_roundtrip [--school 99AA] [--out tests/fixtures/libreoffice]

Needs LibreOffice (``soffice``); CI does not have it, so the tests only read what this
script wrote and the repository holds. The steps:

1. the school's workbook, as the site's download (``render_adoptie`` on the bundled
   content, the version from the release tags, the commit dates left out);
2. three goals edited with openpyxl (``EDITS``: status, groepen and datum, the datum as a
   date cell), as someone filling in the form would;
3. LibreOffice opens that and saves it again (``soffice --headless --convert-to xlsx``),
   which rewrites the whole package the LibreOffice way; and saves the school sheet as a
   CSV too (semicolons, double quotes, UTF-8).

The result: ``checklist-<BRIN>.xlsx`` and ``checklist-<BRIN>.csv`` in ``--out``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl

from leerdoelen.commands.build import newest_release
from leerdoelen.commands.check import check
from leerdoelen.render.adoptie import render_adoptie
from leerdoelen.render.checklist import SCHOOL_KOLOMMEN
from leerdoelen.versions.release import changelog
from tools.synthetic import PROJECT

# The edits, in checklist order of the goals they apply to: status, groepen, datum.
EDITS = (
    ("ingevoerd", "1-2, 3-4", dt.date(2026, 3, 1)),
    ("bezig", "5-6", dt.date(2026, 2, 15)),
    ("verkend", "7-8", dt.date(2026, 1, 10)),
)
VANDAAG = dt.date(2026, 11, 29)  # for the pages only; the workbook does not show it
CSV_FILTER = "csv:Text - txt - csv (StarCalc):59,34,76"  # ; as separator, " quotes, UTF-8


def workbook(brin: str) -> bytes:
    """The school's checklist workbook, as the site offers it for download."""
    result = check(PROJECT)
    if not result.ok:
        raise SystemExit("de controle vond fouten in de inhoud")
    corpus = result.project.corpus
    versie = newest_release(changelog(PROJECT, corpus))
    pages = render_adoptie(corpus, vandaag=VANDAAG, versie=versie)
    data = pages.get(f"scholen/{brin}/checklist-{brin}.xlsx")
    if not isinstance(data, bytes):
        raise SystemExit(f"{brin} heeft geen checklist op de site (geen gepubliceerd netwerk?)")
    return data


def edit(data: bytes, brin: str, target: Path) -> list[str]:
    """Fill in ``EDITS`` on the first goals of the school sheet; the codes edited."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book[brin]
    header = [c.value for c in sheet[1]]
    column = {name: header.index(name) + 1 for name in SCHOOL_KOLOMMEN}
    codes = []
    for row, (status, groepen, datum) in enumerate(EDITS, start=2):
        sheet.cell(row, column["status"], status)
        sheet.cell(row, column["groepen"], groepen)
        sheet.cell(row, column["datum"], datum).number_format = "yyyy-mm-dd"
        codes.append(str(sheet.cell(row, column["code"]).value))
    book.save(target)
    return codes


def soffice(source: Path, out: Path, to: str, profile: Path) -> Path:
    """LibreOffice converts ``source`` into ``out``; the file it wrote."""
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    suffix = to.split(":", 1)[0]
    return out / f"{source.stem}.{suffix}"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--school", default="99AA")
    parser.add_argument("--out", type=Path, default=PROJECT / "tests/fixtures/libreoffice")
    args = parser.parse_args(argv)
    if shutil.which("soffice") is None:
        raise SystemExit("soffice (LibreOffice) is niet gevonden")
    brin = args.school
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        edited = work / f"checklist-{brin}.xlsx"
        codes = edit(workbook(brin), brin, edited)
        saved = work / "saved"
        xlsx = soffice(edited, saved, "xlsx", work / "profile")
        csv = soffice(xlsx, saved / "csv", CSV_FILTER, work / "profile")
        args.out.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(xlsx, args.out / xlsx.name)
        shutil.copyfile(csv, args.out / csv.name)
    print(f"{brin}: {', '.join(codes)} bewerkt; geschreven in {args.out}")


if __name__ == "__main__":
    main()
