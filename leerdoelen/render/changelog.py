"""The "Wat is er veranderd" page: per release, newest first, what changed since the
release before it, from the same diff engine and renderer as ``leerdoelen diff``."""

from __future__ import annotations

import dataclasses
import datetime as dt

from leerdoelen.core.corpus import Corpus
from leerdoelen.load.project import GOALS
from leerdoelen.render.dates import datum_nl
from leerdoelen.render.diff import Link, markdown
from leerdoelen.versions.log import History
from leerdoelen.versions.release import Changelog
from leerdoelen.versions.review import Summary

PAGE = "veranderd/index.md"
_MISSING = {
    "git": "Deze site is niet gebouwd vanuit een git-repository: er is geen overzicht van "
    "releases.",
    "programma": "Git is niet gevonden op de machine die deze site bouwde: er is geen "
    "overzicht van releases.",
    "commits": "De repository heeft nog geen commits: er zijn nog geen releases.",
    "releases": "Er zijn nog geen releases. Een release is een tag zoals `v2026.1`, gemaakt "
    "met `leerdoelen release`.",
}


def _links(corpus: Corpus) -> Link:
    def link(kind: str, code: str) -> str | None:
        if kind == "leerdoel" and code in corpus.leerdoelen:
            return f"../doelen/{code}/index.md"
        if kind == "kerndoel" and code in corpus.kerndoelen:
            return f"../kerndoelen/{code}/index.md"
        if kind == "doelzin" and (plek := corpus.doelzinnen.get(code)):
            return f"../kerndoelen/{plek.kerndoel.code}/index.md"
        return None

    return link


def _section(summary: Summary, title: str, corpus: Corpus) -> str:
    # The site shows what changed; rule violations are for reviewers (diff, check --base).
    quiet = dataclasses.replace(summary, diagnostics=[])
    return markdown(quiet, title=title, level=2, link=_links(corpus))


def changelog_page(log: Changelog, corpus: Corpus) -> str:
    parts = ["---\ntitle: Wat is er veranderd\n---\n\n# Wat is er veranderd\n"]
    if log.missing:
        parts.append(_MISSING[log.missing] + "\n")
        return "\n".join(parts)
    parts.append(
        "Per release, de nieuwste eerst: welke leerdoelen, kerndoelen en doelzinnen zijn "
        "toegevoegd, gewijzigd, vervallen of verplaatst.\n"
    )
    if log.unreleased is not None:
        parts.append(_section(log.unreleased, "Nog niet in een release", corpus))
    for release, summary in log.per_release:
        parts.append(_section(summary, f"{release.name} ({datum_nl(release.date)})", corpus))
    if log.unavailable:
        parts.append(
            f"De inhoud van {', '.join(log.unavailable)} is niet beschikbaar in deze kloon "
            "(ondiep gekloond?); haal de volledige geschiedenis op om die releases te tonen.\n"
        )
    return "\n".join(parts)


def render_changelog(log: Changelog, corpus: Corpus) -> dict[str, str | bytes]:
    return {PAGE: changelog_page(log, corpus)}


def versie_in_woorden(log: Changelog, history: History, vandaag: dt.date) -> str:
    """The content's version in words, for paper (a groep's year plan).

    "versie v2026.2 (30 november 2026)" on a release; "versie v2026.2 met wijzigingen tot
    2 december 2026" with changes since it; "stand van 30 november 2026" without a release.
    The date of a change is the newest commit of the content (``history``); without git,
    ``vandaag``.
    """
    goals = (f for path, f in history.files.items() if path.startswith(f"{GOALS}/"))
    dates = [c.when.date() for f in goals if (c := f.last_changed)]
    laatst = max(dates, default=vandaag)
    releases = sorted((r for r, _ in log.per_release), key=lambda r: r.version)
    if not releases:
        return f"stand van {datum_nl(laatst)}"
    release = releases[-1]
    if log.unreleased is None:
        return f"versie {release.name} ({datum_nl(release.date)})"
    return f"versie {release.name} met wijzigingen tot {datum_nl(max(laatst, release.date))}"
