"""Goal text is data: escape it for Markdown pages, allowing only a small safe subset.

What passes: emphasis (``*nadruk*``, ``**sterk**``), lists, and links to http(s) and
mailto. Everything else that Markdown or HTML would interpret (tags, headings, code,
tables, images, attribute lists, link definitions, other link schemes) shows as text.
Text that is not ours to format, such as git commit messages, passes nothing at all
(``markdown_literal``).
"""

from __future__ import annotations

import html
import re

_SAFE_LINK = re.compile(r"(?<!!)\[[^\[\]\n]*\]\((?:https?://|mailto:)[^\s()<>\"'`]+\)")
# Line starts that would make a setext heading, a rule or a "+" or "1)" list.
_BLOCK_START = re.compile(r"^(?:[=+]|[-*_](?:\s*[-*_]){2,}\s*$|\d+\))")
_INLINE = str.maketrans(
    {
        "`": "&#96;",
        "{": "&#123;",
        "}": "&#125;",
        "|": "&#124;",
        "\\": "&#92;",
        "#": "&#35;",
        "[": "&#91;",
        "]": "&#93;",
    }
)

_LITERAL = {**_INLINE, ord("*"): "&#42;", ord("_"): "&#95;"}


def _inline(text: str) -> str:
    """Escape one line: HTML, code, attributes, images and unsafe links become text."""
    text = html.escape(text, quote=False)
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match[0])
        return f"\x00{len(kept) - 1}\x00"

    text = _SAFE_LINK.sub(keep, text)
    text = text.translate(_INLINE)
    return re.sub("\x00(\\d+)\x00", lambda m: kept[int(m[1])], text)


def markdown_block(text: str) -> str:
    """Escape a multi-line text (an omschrijving) for use as Markdown paragraphs and lists."""
    lines = []
    for line in text.strip().splitlines():
        line = _inline(line.strip())
        if _BLOCK_START.match(line):
            line = f"&#{ord(line[0])};{line[1:]}"
        lines.append(line)
    return "\n".join(lines)


def markdown_inline(text: str) -> str:
    """Escape a text for one line of Markdown: a heading, a table cell, a list item."""
    return _inline(" ".join(text.split()))


def html_text(text: str) -> str:
    """Escape a text for HTML outside Markdown, such as front matter titles."""
    return html.escape(" ".join(text.split()))


def markdown_literal(text: str) -> str:
    """Escape a text for one line of Markdown, all of it as text: no emphasis, no links."""
    return html.escape(" ".join(text.split()), quote=False).translate(_LITERAL)


# Control characters have no place in text output; Python-Markdown uses STX/ETX itself.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def line_start(out: str) -> str:
    """No block syntax where an escaped text starts a line (``1. x``, ``+ x``, ``= x``)."""
    if out and not out[0].isalpha() and out[0] not in "&<":
        return f"&#{ord(out[0])};{out[1:]}"
    return out


def one_line(text: str) -> str:
    """White space (line ends too) as single spaces; control characters as U+FFFD."""
    return " ".join(_CONTROL.sub("\ufffd", text).split())
