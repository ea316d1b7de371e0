"""The parts of pages that change with any school, kept out of the site generator's input.

The network dashboards, the national overview and "leer van elkaar" on each goal page
count schools. If they were in the pages MkDocs (or Zensical) reads, one school's edit would
change its input, and every build would run it again on every page. So such a part is a
*slot*: the page holds a placeholder on a line of its own (a raw HTML block, which the
generator passes on as it is), and the part, Markdown like the rest, is kept beside the
page. The build converts it to HTML with the Markdown extensions of ``mkdocs.yml`` and puts
it in the placeholder's place in the built page (``commands.build``); the generator's
output can then be reused while only schools change. Where the generator itself should see
the part (``serve``, and the tests that read pages), ``inline_slots`` puts it back in the page.

A slot's text is left out of the search index (the dashboards are anyway). A slot can also
be a piece of HTML inside raw HTML, such as a table cell (``Markup``, placed where
``cell_placeholder`` is): the page around it, names and links, stays searchable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import markdown
from markupsafe import Markup

PLACEHOLDER = '<div class="ld-slot" data-slot="{}"></div>'
CELL = '<span class="ld-slot" data-slot="{}"></span>'

# page (…/index.md) → slot name → its Markdown, or (Markup) its HTML in a cell
Slots = dict[str, dict[str, str]]


def placeholder(name: str) -> str:
    """What a page holds where slot ``name`` goes: a line, then a blank line."""
    return PLACEHOLDER.format(name) + "\n\n"


def cell_placeholder(name: str) -> Markup:
    """What a page holds, inside raw HTML, where the HTML of slot ``name`` goes."""
    return Markup(CELL.format(name))


def inline_slots(files: dict[str, str | bytes], slots: Slots) -> None:
    """Put every slot back in its page, in place."""
    for page, parts in slots.items():
        text = files[page]
        assert isinstance(text, str)
        for name, part in parts.items():
            marker = CELL.format(name) if isinstance(part, Markup) else placeholder(name)
            text = text.replace(marker, part, 1)
        files[page] = text


def built_page(page: str) -> str:
    """Where the generator writes a page: ``doelen/X/index.md`` → ``doelen/X/index.html``."""
    return page.removesuffix(".md") + ".html"


def slot_converter(extensions: Iterable[str | dict[str, object]]) -> markdown.Markdown:
    """Markdown with the extensions of ``mkdocs.yml`` (``markdown_extensions``: a name,
    or a name with its settings), as the site generator converts the pages."""
    names: list[str] = []
    configs: dict[str, dict[str, object]] = {}
    for extension in extensions:
        if isinstance(extension, dict):
            for name, config in extension.items():
                names.append(name)
                configs[name] = dict(config or {})  # type: ignore[call-overload]
        else:
            names.append(extension)
    return markdown.Markdown(extensions=names, extension_configs=configs)


# A raw HTML table as the templates write it, a block of its own: Markdown passes it on as
# it is, but only after its HTML parser has read it, at a cost per tag (the tables of 70
# dashboards of 7,000 schools: 2.9 s of the 3.2 s their conversion took). So such a
# table is set aside, in a placeholder, while the rest is converted.
_TABLE = re.compile(
    r"(?:(?<=\n\n)|\A)"  # after a blank line
    r"<div class=\"ld-[\w-]+\"><table>(?:\n.+)*?\n</tbody></table></div>"  # no blank line
    r"(?=\n\n|\n?\Z)"  # before one
)


def convert(converter: markdown.Markdown, text: str) -> str:
    """A slot's Markdown as HTML, as ``converter`` makes it, its tables set aside."""
    tables: dict[str, str] = {}

    def aside(found: re.Match[str]) -> str:
        name = f"ld-tabel-{len(tables)}"
        tables[name] = found[0]
        return PLACEHOLDER.format(name)

    html = converter.reset().convert(_TABLE.sub(aside, text))
    return fill(html, tables)


def fill(page_html: str, html: dict[str, str]) -> str:
    """The built page with each slot's HTML in its placeholder's place (``Markup``: a
    cell's, as it is)."""
    for name, part in html.items():
        marker = (CELL if isinstance(part, Markup) else PLACEHOLDER).format(name)
        if page_html.count(marker) != 1:
            raise ValueError(f"de plek {name!r} staat niet precies één keer in de pagina")
        page_html = page_html.replace(marker, part)
    return page_html
