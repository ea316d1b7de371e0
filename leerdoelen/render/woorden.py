"""Changed words marked: a text that changed, shown once with its old and new words marked.

Words are the text's runs of non-space characters (punctuation stays with its word, so
``klas.`` → ``klas,`` marks one word); white space is normalised to one space. ``difflib``
finds the words both versions share. When most words changed (``MOSTLY_CHANGED`` of the
words of both versions together), the marked text reads worse than the two texts whole,
and ``marked`` gives ``None``. Every run of words goes through the caller's ``escape``, so
the text cannot close or open a mark of its own.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass

from leerdoelen.render.text import one_line

MOSTLY_CHANGED = 0.6  # above this share of changed words, old and new are shown whole


@dataclass(frozen=True)
class Marks:
    """How deleted and inserted words are marked: (open, close) each."""

    deleted: tuple[str, str]
    inserted: tuple[str, str]


MARKDOWN = Marks(("~~", "~~"), ("**", "**"))  # the PR summary and the tag message
HTML = Marks(("<del>", "</del>"), ("<ins>", "</ins>"))  # the site, in its Markdown pages


def _matcher(old: list[str], new: list[str]) -> difflib.SequenceMatcher[str]:
    return difflib.SequenceMatcher(None, old, new, autojunk=False)


def marked(old: str, new: str, escape: Callable[[str], str], marks: Marks) -> str | None:
    """``new`` with the words of ``old`` it lost and the words it gained marked, or
    ``None`` when there is nothing to mark or most words changed."""
    a, b = one_line(old).split(), one_line(new).split()
    matcher = _matcher(a, b)
    if not a or not b or a == b or 1 - matcher.ratio() > MOSTLY_CHANGED:
        return None
    parts = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(escape(" ".join(a[i1:i2])))
            continue
        for words, (start, end) in ((a[i1:i2], marks.deleted), (b[j1:j2], marks.inserted)):
            if words:
                parts.append(f"{start}{escape(' '.join(words))}{end}")
    return " ".join(parts)


def pairs(removed: list[str], added: list[str]) -> list[tuple[str, str]]:
    """Removed and added list items that are one item reworded: each removed item with the
    added item closest to it, if at most ``MOSTLY_CHANGED`` of their words differ."""
    found: list[tuple[str, str]] = []
    free = list(added)
    for old in removed:
        words = old.split()
        scored = [(_matcher(words, new.split()).ratio(), i) for i, new in enumerate(free)]
        best = max(scored, default=None, key=lambda s: (s[0], -s[1]))
        if best is not None and best[0] > 0 and 1 - best[0] <= MOSTLY_CHANGED:
            found.append((old, free.pop(best[1])))
    return found
