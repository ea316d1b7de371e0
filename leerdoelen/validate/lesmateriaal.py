"""Lesmateriaal of a leerdoel: for the goal's own groepen (LD317), each groep once
(LD206), and each link once per goal (LD318, a warning: a second item with the same link is
a slip to merge, not content that breaks the site)."""

from __future__ import annotations

from collections.abc import Iterator

from leerdoelen.core.corpus import Corpus
from leerdoelen.core.diagnostics import Diagnostic, diagnostic
from leerdoelen.load.project import at


def lesmateriaal(corpus: Corpus) -> Iterator[Diagnostic]:
    """Every item's groepen lie within its goal's groepen; no link twice in one goal."""
    for doel in corpus.leerdoelen.values():
        file = corpus.sources[doel.code]
        eerder: dict[str, tuple[str, int]] = {}  # url → the first item's titel and line
        for i, item in enumerate(doel.lesmateriaal):
            seen: set[str] = set()
            for j, groep in enumerate(item.groepen):
                where = at(file, "lesmateriaal", i, "groepen", j)
                if groep in seen:
                    veld = f"lesmateriaal[{i}].groepen"
                    yield diagnostic("LD206", *where, veld=veld, waarde=groep)
                elif groep not in doel.groepen:
                    yield diagnostic(
                        "LD317",
                        *where,
                        doel=doel.code,
                        titel=item.titel,
                        groep=groep,
                        groepen=", ".join(doel.groepen),
                    )
                seen.add(groep)
            where = at(file, "lesmateriaal", i, "url")
            if item.url in eerder:
                titel, regel = eerder[item.url]
                yield diagnostic(
                    "LD318",
                    *where,
                    doel=doel.code,
                    titel=item.titel,
                    url=item.url,
                    eerder=titel,
                    regel=regel,
                )
            else:
                eerder[item.url] = (item.titel, where[1])
