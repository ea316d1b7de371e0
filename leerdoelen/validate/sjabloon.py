"""Template text nobody replaced: ``leerdoelen new`` writes a goal whose text fields say
``INVULLEN``; ``check`` warns (LD319) about each one still there."""

from __future__ import annotations

from collections.abc import Iterator

from leerdoelen.core.corpus import Corpus
from leerdoelen.core.diagnostics import Diagnostic, diagnostic
from leerdoelen.load.project import at

MARKER = "INVULLEN"  # begins every text that `new` writes for the editor to replace
TEXT_FIELDS = ("titel", "omschrijving")
LIST_FIELDS = ("uitwerkingen", "voorbeelden", "trefwoorden")


def template_text(corpus: Corpus) -> Iterator[Diagnostic]:
    """Every text field, and every item of a text list, that still holds the marker."""
    for doel in corpus.leerdoelen.values():
        file = corpus.sources[doel.code]
        for veld in TEXT_FIELDS:
            if MARKER in getattr(doel, veld):
                yield diagnostic("LD319", *at(file, veld), veld=veld, marker=MARKER)
        for veld in LIST_FIELDS:
            for i, item in enumerate(getattr(doel, veld)):
                if MARKER in item:
                    yield diagnostic(
                        "LD319", *at(file, veld, i), veld=f"{veld}[{i + 1}]", marker=MARKER
                    )
