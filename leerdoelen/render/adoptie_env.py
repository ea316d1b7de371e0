"""The Jinja environment of the adoption pages: autoescaping (raw HTML is the default), the
text filters of ``render.text``, the charts, and every value on one line."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache

import jinja2
from markupsafe import Markup

from leerdoelen.render import charts
from leerdoelen.render.checklist import SOORT
from leerdoelen.render.dates import datum_nl
from leerdoelen.render.text import inline, label, plain


def html_link(page: str) -> Callable[[str], str]:
    """Relative directory URLs from ``page`` (``…/index.md``), for links in raw HTML."""
    up = "../" * page.count("/")
    return lambda target: f"{up}{target}/"


def one_line(value: object) -> object:
    """Every text from the data on one line: a blank line would end a raw HTML block."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return " ".join(value.split())
    return value


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("leerdoelen.render", "templates"),
        autoescape=True,  # raw HTML is the default here; Markdown text uses the filters
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # templates ship with the package: no stat per render
        finalize=one_line,
    )
    env.filters.update(
        inline=inline,
        label=label,
        plain=plain,
        title=lambda text: Markup(json.dumps(str(plain(text)), ensure_ascii=False)),
        datum=datum_nl,
        kort=lambda datum: datum.strftime("%d-%m-%Y"),
    )
    env.globals.update(
        statusbalk=lambda *a: Markup(charts.statusbalk(*a)),
        doelstellingbalk=lambda *a: Markup(charts.doelstellingbalk(*a)),
        legenda=lambda: Markup(charts.legenda()),
        SOORT=SOORT,
    )
    return env
