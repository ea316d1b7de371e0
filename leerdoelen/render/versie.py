"""The content's version in words, as a teacher reads it: in the footer, and on any page
that names the version (a printed groep list)."""

from __future__ import annotations

import datetime as dt

from leerdoelen.render.dates import datum_nl

UNKNOWN = "versie onbekend (gebouwd zonder git)"


def version_in_words(
    changed: dt.date | None,
    release: str | None = None,
    released: dt.date | None = None,
    at_release: bool = False,
) -> str:
    """In words: "versie v2026.2 (30 november 2026)" exactly at a release; "versie v2026.2
    met wijzigingen tot 2 december 2026" after one; "stand van 30 november 2026" before
    the first. ``changed`` is the date of the last change, ``released`` the release's."""
    if release is not None:
        if at_release or changed is None:
            when = released or changed
            return f"versie {release} ({datum_nl(when)})" if when else f"versie {release}"
        return f"versie {release} met wijzigingen tot {datum_nl(changed)}"
    return f"stand van {datum_nl(changed)}" if changed else UNKNOWN
