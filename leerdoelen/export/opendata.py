"""Open data: the whole corpus as JSON, CSV, CASE and SLO's layout (a zip), byte for byte
what ``leerdoelen export`` writes, so the site can publish exactly the CLI's output."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass

from leerdoelen.core.corpus import Corpus
from leerdoelen.core.diagnostics import Diagnostic
from leerdoelen.export.case import case_bytes
from leerdoelen.export.dates import last_commits
from leerdoelen.export.tables import goals_csv
from leerdoelen.export.xlsx_packed import ZIP_TIME
from leerdoelen.versions.log import History

FOLDER = "open-data"
NAMES = {
    "json": "leerdoelen.json",
    "csv": "leerdoelen.csv",
    "case": "case.json",
    "slo": "slo-curriculum-fo.zip",
}


class ExportError(Exception):
    """The export does not validate; ``problems`` says why. Nothing is written."""

    def __init__(self, problems: list[Diagnostic]) -> None:
        super().__init__(f"{len(problems)} problemen in de export")
        self.problems = problems


@dataclass(frozen=True)
class Settings:
    site_url: str
    site_name: str


def corpus_json(corpus: Corpus) -> bytes:
    document = {
        "domeinen": [corpus.kaders[d].model_dump(mode="json") for d in sorted(corpus.kaders)],
        "leerdoelen": [
            {"domein": corpus.domein_van[c], **corpus.leerdoelen[c].model_dump(mode="json")}
            for c in sorted(corpus.leerdoelen)
        ],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def corpus_csv(corpus: Corpus) -> bytes:
    return goals_csv((corpus.leerdoelen[c] for c in sorted(corpus.leerdoelen)), corpus)


def slo_export(corpus: Corpus) -> dict[str, bytes]:
    from leerdoelen.slo.export import slo_files

    files, problems = slo_files(corpus)
    if problems:
        raise ExportError(problems)
    return files


def slo_zip(files: dict[str, bytes]) -> bytes:
    """The SLO export as a zip with fixed timestamps: the same content, the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"slo-curriculum-fo/{name}", date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return out.getvalue()


def export_bytes(kind: str, corpus: Corpus, settings: Settings, history: History | None) -> bytes:
    """One open-data file (``json``, ``csv``, ``case`` or ``slo`` as a zip).

    ``history``: the git history of ``goals/`` (at least), which the caller read, for
    CASE's change dates; only ``case`` uses it. None: no dates known (``FALLBACK``).
    """
    if kind == "json":
        return corpus_json(corpus)
    if kind == "csv":
        return corpus_csv(corpus)
    if kind == "case":
        dates = last_commits(history)
        return case_bytes(corpus, settings.site_url, settings.site_name, dates)
    return slo_zip(slo_export(corpus))


def open_data(corpus: Corpus, settings: Settings, history: History) -> dict[str, bytes]:
    """``open-data/<name>`` → bytes, for the site, with the history the build read."""
    return {
        f"{FOLDER}/{name}": export_bytes(kind, corpus, settings, history)
        for kind, name in NAMES.items()
    }
