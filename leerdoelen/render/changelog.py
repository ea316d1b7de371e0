"""The "Wat is er veranderd" page: per release, newest first, what changed since the
release before it, from the same diff engine and renderer as ``leerdoelen diff``, with a
changed text's words marked as ``<del>`` and ``<ins>``. Before
the first release it lists, from the goals' history, what changed since the beginning, in
plain Dutch. Only its last section, for editors, names the commit the site was built from.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from leerdoelen.core.corpus import Corpus
from leerdoelen.core.model import Leerdoel
from leerdoelen.render.dates import datum_nl
from leerdoelen.render.diff import Link, markdown
from leerdoelen.render.slots import Slots, inline_slots, placeholder
from leerdoelen.render.text import inline, plain
from leerdoelen.render.woorden import HTML
from leerdoelen.versions.log import History, Version
from leerdoelen.versions.release import Changelog
from leerdoelen.versions.review import Summary

PAGE = "veranderd/index.md"
COMMIT = "commit"  # the slot of the page: which commit the site was built from
_MISSING = {
    "git": "Deze site is niet gebouwd vanuit een git-repository: er is geen overzicht van "
    "releases.",
    "programma": "Git is niet gevonden op de machine die deze site bouwde: er is geen "
    "overzicht van releases.",
    "commits": "De repository heeft nog geen commits: er zijn nog geen releases.",
    "releases": "Er is nog geen uitgebrachte versie van de leerdoelen.",
}
_NO_HISTORY = "Wanneer de leerdoelen zijn veranderd, is niet bekend bij het bouwen van deze site."


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
    return markdown(quiet, title=title, level=2, link=_links(corpus), marks=HTML)


def _goal_line(doel: Leerdoel, when: dt.date) -> str:
    return f"- {datum_nl(when)}: [{doel.code}](../doelen/{doel.code}/index.md) {inline(doel.titel)}"


def since_the_beginning(corpus: Corpus, history: History) -> str:
    """Before the first release: per goal file's history, the new, changed and vervallen
    goals since the first content, newest first, with their dates."""
    dated = []
    for doel in corpus.leerdoelen.values():
        file = history.of(corpus.sources[doel.code].path)
        last = file.last_changed
        if last is not None:
            added = file.added
            dated.append((doel, added.when.date() if added else None, last.when.date()))
    if not dated:
        return _NO_HISTORY + "\n"
    begin = min(added or last for _, added, last in dated)
    first = [d for d, added, _ in dated if added == begin]
    new = [(d, added) for d, added, _ in dated if added is not None and added != begin]
    retired = [(d, last) for d, _, last in dated if d.status == "vervallen"]
    changed = [
        (d, last)
        for d, added, last in dated
        if d.status != "vervallen" and (added is None or last > added)
    ]
    count = "1 leerdoel" if len(first) == 1 else f"{len(first)} leerdoelen"
    parts = [
        "Er is nog geen uitgebrachte versie van de leerdoelen. Hieronder staat wat er "
        "sinds het begin is veranderd, het nieuwste eerst.\n",
        f"## Sinds het begin\n\nOp {datum_nl(begin)} verscheen de eerste inhoud: {count}.\n",
    ]
    for title, rows in (
        ("Nieuwe leerdoelen", new),
        ("Gewijzigde leerdoelen", changed),
        ("Vervallen leerdoelen", retired),
    ):
        if rows:
            rows.sort(key=lambda row: (row[1], row[0].code), reverse=True)
            lines = "\n".join(_goal_line(doel, when) for doel, when in rows)
            parts.append(f"### {title}\n\n{lines}\n")
    return "\n".join(parts)


def _commit(version: Version | None) -> str:
    """Which commit the site was built from: a slot (``render.slots``), since it changes
    with every commit, and with every edit in the working tree (``-dirty``)."""
    if version is None or version.commit is None:
        return ""
    describe = f" (`{plain(version.describe)}`)" if version.describe else ""
    return f"Deze site is gebouwd van commit `{version.commit}`{describe}.\n"


def changelog_page(
    log: Changelog,
    corpus: Corpus,
    history: History | None = None,
    version: Version | None = None,
) -> str:
    pages, slots = changelog_parts(log, corpus, history, version)
    inline_slots(pages, slots)
    text = pages[PAGE]
    assert isinstance(text, str)
    return text


def changelog_parts(
    log: Changelog,
    corpus: Corpus,
    history: History | None = None,
    version: Version | None = None,
) -> tuple[dict[str, str | bytes], Slots]:
    """The page with its slot apart: the commit, for editors."""
    commit = _commit(version)
    slots = {PAGE: {COMMIT: commit}} if commit else {}
    return {PAGE: _page(log, corpus, history, commit and placeholder(COMMIT))}, slots


def _page(log: Changelog, corpus: Corpus, history: History | None, commit: str) -> str:
    parts = ["---\ntitle: Wat is er veranderd\n---\n\n# Wat is er veranderd\n"]
    editors = f"## Voor redacteuren\n\n{commit}" if commit else ""
    if log.missing == "releases" and history is not None:
        parts.append(since_the_beginning(corpus, history))
        return "\n".join([*parts, editors] if editors else parts)
    if log.missing:
        parts.append(_MISSING[log.missing] + "\n")
        return "\n".join([*parts, editors] if editors else parts)
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
    if editors:
        parts.append(editors)
    return "\n".join(parts)


def render_changelog(
    log: Changelog,
    corpus: Corpus,
    history: History | None = None,
    version: Version | None = None,
) -> dict[str, str | bytes]:
    return {PAGE: changelog_page(log, corpus, history, version)}
