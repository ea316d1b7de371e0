"""Template text nobody replaced: ``leerdoelen new`` writes a goal whose text fields say
``INVULLEN``; ``check`` warns (LD319) about each one still there, at the marker itself
(so on the text's own line in a folded ``>-`` block, not at the ``>-``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from leerdoelen.core.corpus import Corpus, SourceFile
from leerdoelen.core.diagnostics import Diagnostic, diagnostic
from leerdoelen.load.project import at

MARKER = "INVULLEN"  # begins every text that `new` writes for the editor to replace
TEXT_FIELDS = ("titel", "omschrijving")
LIST_FIELDS = ("uitwerkingen", "voorbeelden", "trefwoorden")
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # line breaks as YAML counts them


def template_text(corpus: Corpus) -> Iterator[Diagnostic]:
    """Every text field, and every item of a text list, that still holds the marker."""
    for doel in corpus.leerdoelen.values():
        file = corpus.sources[doel.code]
        for veld in TEXT_FIELDS:
            if MARKER in getattr(doel, veld):
                yield diagnostic("LD319", *_marker(file, veld), veld=veld, marker=MARKER)
        for veld in LIST_FIELDS:
            for i, item in enumerate(getattr(doel, veld)):
                if MARKER in item:
                    yield diagnostic(
                        "LD319", *_marker(file, veld, i), veld=f"{veld}[{i + 1}]", marker=MARKER
                    )


def _marker(file: SourceFile, *loc: int | str) -> tuple[str, int, int]:
    """Where the marker is, from the value's start on; the value's start if not found."""
    path, line, column = at(file, *loc)
    lines = _BREAK.split(file.text)
    for number in range(max(line - 1, 0), len(lines)):
        if (found := lines[number].find(MARKER, column - 1 if number == line - 1 else 0)) >= 0:
            return path, number + 1, found + 1
    return path, line, column
