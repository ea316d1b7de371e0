"""``export``: check, then write all goals as open data (a file, or SLO's folder layout).

Byte for byte what the site publishes under ``open-data/``. The git history that CASE's
change dates come from is read here, so that ``leerdoelen.export`` runs no git.
"""

from __future__ import annotations

from pathlib import Path

from leerdoelen.commands import outputs
from leerdoelen.commands.check import checked
from leerdoelen.commands.errors import Failed, UsageError
from leerdoelen.commands.settings import export_settings, site_settings
from leerdoelen.export.opendata import ExportError, export_bytes, slo_export
from leerdoelen.load.project import GOALS
from leerdoelen.versions.log import read_history


def export(root: Path, formaat: str, out: Path) -> Path:
    """Write the export ``formaat`` (``slo``, ``case``, ``json`` or ``csv``) to ``out``;
    returns where it went. A place that is not for an export is refused before any work."""
    try:
        if formaat == "slo":  # refused before any work, as build does
            out = outputs.claim_folder(root, out, outputs.SLO_EXPORT)
        corpus = checked(root, "niets geëxporteerd: los eerst de fouten op").project.corpus
        if formaat == "slo":
            outputs.write_folder(root, out, outputs.SLO_EXPORT, slo_export(corpus))
        else:
            settings = export_settings(site_settings(root))
            history = read_history(root, (GOALS,)) if formaat == "case" else None
            data = export_bytes(formaat, corpus, settings, history)
            out = outputs.write_file(root, out, formaat, data)
    except outputs.OutputRefused as error:
        raise UsageError(f"niets geëxporteerd: {error}") from None
    except ExportError as error:
        raise Failed("niets geëxporteerd: de export klopt niet", error.problems) from None
    except OSError as error:
        raise Failed(f"export mislukt: {error}") from None
    return out
