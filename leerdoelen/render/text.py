"""User text is data: the one way from a text in the content to HTML.

Every text from the content (goal, kader, school and network files, git commit messages)
reaches the site through this module, in three steps:

1. Our own Python-Markdown instance renders it, with only what goal texts need:
   paragraphs, lists, emphasis and links (``block``), emphasis and links on one line
   (``inline``), or emphasis only, for the text of a link (``label``). It has no raw HTML,
   no attribute lists, no headings, code, images, tables or reference definitions: those
   show as the text they are.
2. ``nh3`` (the Ammonia sanitiser) keeps an allowlist of elements and attributes, and
   links only to absolute http, https and mailto URLs.
3. The sanitised tree is written out again with every character that Markdown or HTML
   could read as syntax as a numeric character reference: the result goes into a Markdown
   page that MkDocs renders again (with ``attr_list``), and that can make nothing of it.

``plain`` is step 3 alone, for text that is not ours to format (commit messages, page
titles, labels in attributes): one line, all of it text. The results are ``Markup``, so
that autoescaping templates take them as they are.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from html.parser import HTMLParser
from xml.etree.ElementTree import Element

import markdown
import nh3
from markdown.inlinepatterns import LINK_RE, LinkInlineProcessor
from markupsafe import Markup

_LABEL_TAGS = frozenset({"em", "strong"})
_INLINE_TAGS = _LABEL_TAGS | {"a"}
_BLOCK_TAGS = _INLINE_TAGS | {"p", "ul", "ol", "li", "br"}
_ATTRIBUTES = {"a": {"href", "title"}}
_SCHEMES = {"http", "https", "mailto"}
_LINK_REL = "nofollow noopener"
# Python-Markdown's parts that make anything beyond the subset above.
_OFF_BLOCKS = ("code", "hashheader", "setextheader", "hr", "quote", "reference")
_OFF_INLINE = (
    "backtick",
    "reference",
    "image_link",
    "image_reference",
    "short_reference",
    "short_image_ref",
    "autolink",
    "automail",
    "html",
)
# Characters that Markdown (Python-Markdown with MkDocs' extensions, or CommonMark) or HTML
# could read as syntax, written as character references.
_SYNTAX = "&<>\"'`*_{}[]()\\#|!~$"
_ESCAPES = {ord(c): f"&#{ord(c)};" for c in _SYNTAX} | {
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
    ord('"'): "&quot;",
}
# Control characters have no place in HTML; Python-Markdown uses STX/ETX itself.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_URL = re.compile(r"(?:https?://|mailto:)[^\s]", re.IGNORECASE)  # what a link may point at
_MARKDOWN = re.compile(r"[*_\[\]<>\\`]")  # the characters of the subset (inline)
_SPACE = re.compile("[ \t\n\r\f]+")  # HTML's white space


def _escape(text: str) -> str:
    return _CONTROL.sub("\ufffd", text).translate(_ESCAPES)


def line_start(out: str) -> str:
    """No block syntax where an escaped text starts a line (``1. x``, ``+ x``, ``= x``)."""
    if out and not out[0].isalpha() and out[0] not in "&<":
        return f"&#{ord(out[0])};{out[1:]}"
    return out


def one_line(text: str) -> str:
    """White space (line ends too) as single spaces; control characters as U+FFFD."""
    return " ".join(_CONTROL.sub("\ufffd", text).split())


def _source(text: str) -> str:
    """What our Markdown reads: an ``&`` is itself (``&lt;`` shows as typed)."""
    return _CONTROL.sub("\ufffd", text).replace("&", "&amp;")


class _Link(LinkInlineProcessor):
    """A link to anything but an absolute http(s) or mailto URL stays the text it was."""

    # The stubs' own InlineProcessor.handleMatch overrides Pattern's incompatibly (and
    # ignores that); any override of it inherits the error.
    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[Element | str | None, int | None, int | None]:
        el, start, end = super().handleMatch(m, data)
        if isinstance(el, Element) and not _URL.match(el.get("href", "")):
            return None, None, None
        return el, start, end


def _new_markdown(blocks: bool) -> markdown.Markdown:
    md = markdown.Markdown(output_format="html")
    md.inlinePatterns.register(_Link(LINK_RE, md), "link", 160)
    md.preprocessors.deregister("html_block")
    off = _OFF_BLOCKS if blocks else ("indent", "olist", "ulist", *_OFF_BLOCKS)  # one line
    for name in off:
        md.parser.blockprocessors.deregister(name)
    for name in _OFF_INLINE:
        md.inlinePatterns.deregister(name)
    return md


_LOCAL = threading.local()  # a Markdown instance keeps state while it converts


def _convert(text: str, blocks: bool) -> str:
    instances: dict[bool, markdown.Markdown] | None = getattr(_LOCAL, "instances", None)
    if instances is None:
        instances = _LOCAL.instances = {b: _new_markdown(b) for b in (True, False)}
    md = instances[blocks]
    md.reset()
    return md.convert(_source(text))


def _absolute_links(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "href" and not _URL.match(value):
        return None
    return value


def _cleaner(tags: frozenset[str]) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(tags),
        attributes=_ATTRIBUTES,
        attribute_filter=_absolute_links,
        link_rel=_LINK_REL,
        url_schemes=_SCHEMES,
        url_relative="deny",
    )


_BLOCK_CLEANER = _cleaner(_BLOCK_TAGS)
_INLINE_CLEANER = _cleaner(_INLINE_TAGS)
_LABEL_CLEANER = _cleaner(_LABEL_TAGS)


class _Serialiser(HTMLParser):
    """Writes sanitised HTML again: allowed tags only, all text and values escaped.

    A link that lost its ``href`` to the sanitiser becomes its text.
    """

    def __init__(self, tags: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.tags = tags
        self.blocks = "p" in tags
        self.out: list[str] = []
        self.open: list[bool] = []  # per open element: written or left out

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs if name in _ATTRIBUTES.get(tag, ())}
        keep = tag in self.tags and (tag != "a" or "href" in values)
        if tag != "br":
            self.open.append(keep)
        if keep:
            if tag == "a":
                values["rel"] = _LINK_REL
            written = "".join(f' {name}="{_escape(value)}"' for name, value in values.items())
            self.out.append(f"<{tag}{written}>")

    def handle_endtag(self, tag: str) -> None:
        if tag != "br" and self.open and self.open.pop():
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        # One line per block element: no line of it can start a Markdown block.
        data = _SPACE.sub(" ", data)
        if data == " " and self.blocks and not self.open:
            data = "\n"
        self.out.append(_escape(data))


def _serialise(html: str, tags: frozenset[str]) -> str:
    parser = _Serialiser(tags)
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


@lru_cache(maxsize=4096)
def block(text: str) -> Markup:
    """A multi-line text (an omschrijving) as HTML paragraphs and lists."""
    html = _BLOCK_CLEANER.clean(_convert(text.strip(), blocks=True))
    return Markup(_serialise(html, _BLOCK_TAGS).strip())


def inline(text: str) -> Markup:
    """A text on one line (a title, a list item, a table cell): emphasis and links."""
    return _inline(text, _INLINE_CLEANER, _INLINE_TAGS)


def label(text: str) -> Markup:
    """``inline`` for the text of a link: emphasis, and links as their text."""
    return _inline(text, _LABEL_CLEANER, _LABEL_TAGS)


@lru_cache(maxsize=65536)
def _inline(text: str, cleaner: nh3.Cleaner, tags: frozenset[str]) -> Markup:
    text = one_line(text)
    if not _MARKDOWN.search(text):  # nothing that Markdown would render: the same as plain
        return plain(text)
    html = cleaner.clean(_convert(text, blocks=False))
    return Markup(line_start(_serialise(html, tags)))


def plain(text: str) -> Markup:
    """A text on one line, all of it text: no emphasis, no links, nothing."""
    return Markup(line_start(_escape(one_line(text))))
