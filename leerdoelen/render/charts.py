"""Charts as inline SVG, drawn at build time: nothing is loaded from anywhere.

Every chart is one line of SVG (so that it can sit in a raw HTML block of a Markdown
page), has ``role="img"``, an ``aria-label`` and a ``<title>`` that say in words what it
shows, and ``data-search-exclude`` so that Material's search does not index its labels.
Every text in it is escaped here (``render.text.plain``). The statuses are shades of the
site's indigo, light to dark in order of progress, so that the bars also read on a
grey-scale print.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from leerdoelen.core.adoptie import ADOPTIE_STATUSSEN
from leerdoelen.render.text import plain

KLEUR = {
    "niet gestart": "#e8eaf6",
    "verkend": "#c5cae9",
    "gepland": "#9fa8da",
    "bezig": "#5c6bc0",
    "ingevoerd": "#1a237e",
}
RAND = "#7986cb"  # the outline of a bar: the light statuses stay visible on white
DOEL = "#b71c1c"  # the line that marks a target's aandeel
# Drawn left to right: the part that is done first, so a bar fills up like progress does.
VOLGORDE = tuple(reversed(ADOPTIE_STATUSSEN))


def _n(value: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros."""
    return f"{round(value, 2):g}"


def _svg(width: float, height: float, label: str, body: str, cls: str, size: str = "") -> str:
    label = plain(label)
    return (
        f'<svg class="{cls}" viewBox="0 0 {_n(width)} {_n(height)}"{size} role="img" '
        f'aria-label="{label}" data-search-exclude xmlns="http://www.w3.org/2000/svg">'
        f"<title>{label}</title>{body}</svg>"
    )


def beschrijving(counts: Mapping[str, int], total: int) -> str:
    """In words: "3 van 10 ingevoerd (30%), 2 bezig, 5 niet gestart"."""
    ingevoerd = counts.get("ingevoerd", 0)
    pct = round(100 * ingevoerd / total) if total else 0
    parts = [f"{ingevoerd} van {total} ingevoerd ({pct}%)"]
    parts += [f"{counts[s]} {s}" for s in VOLGORDE[1:] if counts.get(s)]
    return ", ".join(parts)


def _segments(counts: Mapping[str, int], total: int, x: float, y: float, w: float, h: float) -> str:
    """The rects of a stacked status bar from ``x`` over width ``w``."""
    rects = []
    if total:
        for status in VOLGORDE:
            part = w * counts.get(status, 0) / total
            if part > 0:
                rects.append(
                    f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(part)}" height="{_n(h)}" '
                    f'fill="{KLEUR[status]}"/>'
                )
                x += part
    return "".join(rects)


def statusbalk(counts: Mapping[str, int], total: int, label: str) -> str:
    """A small stacked bar of the statuses of ``total`` goals (a school, a subdomein)."""
    body = (
        _segments(counts, total, 0, 0, 100, 10)
        + f'<rect x="0.25" y="0.25" width="99.5" height="9.5" fill="none" stroke="{RAND}" '
        'stroke-width="0.5"/>'
    )
    text = f"{label}: {beschrijving(counts, total)}" if label else beschrijving(counts, total)
    return _svg(100, 10, text, body, "ld-balk", ' preserveAspectRatio="none"')


def legenda() -> str:
    """The colours of the statuses, as an HTML list with a swatch each."""
    items = "".join(
        f'<li><svg class="ld-staal" viewBox="0 0 10 10" aria-hidden="true" '
        f'xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10" fill="{KLEUR[s]}" '
        f'stroke="{RAND}"/></svg> {s}</li>'
        for s in VOLGORDE
    )
    return f'<ul class="ld-legenda" aria-label="Legenda">{items}</ul>'


@dataclass(frozen=True)
class Rij:
    """One row of a bar chart: a short label, the statuses and the number they are of."""

    label: str
    counts: Mapping[str, int]
    total: int


def staafdiagram(rijen: Sequence[Rij], titel: str) -> str:
    """Horizontal stacked bars, one per row, with the % ingevoerd at the end."""
    label_w, bar_w, pct_w, row_h, bar_h = 90, 420, 50, 24, 16
    width, height = label_w + bar_w + pct_w, row_h * len(rijen) + 4
    body = []
    words = []
    for i, rij in enumerate(rijen):
        y = 2 + i * row_h
        pct = round(100 * rij.counts.get("ingevoerd", 0) / rij.total) if rij.total else 0
        body.append(
            f'<text x="{label_w - 6}" y="{y + 12 + 1}" text-anchor="end" font-size="12" '
            f'fill="#000">{plain(rij.label)}</text>'
            + _segments(rij.counts, rij.total, label_w, y, bar_w, bar_h)
            + f'<rect x="{label_w}" y="{y}" width="{bar_w}" height="{bar_h}" fill="none" '
            f'stroke="{RAND}" stroke-width="0.5"/>'
            f'<text x="{label_w + bar_w + 6}" y="{y + 13}" font-size="12" fill="#000">'
            f"{pct}%</text>"
        )
        words.append(f"{rij.label}: {beschrijving(rij.counts, rij.total)}")
    return _svg(width, height, f"{titel}. " + "; ".join(words), "".join(body), "ld-grafiek")


def doelstellingbalk(percentage: int, aandeel: int, label: str) -> str:
    """How many % of the schools reached a target, against the line of its aandeel."""
    bar = 3 * max(0, min(percentage, 100))
    line = 3 * aandeel
    fill = KLEUR["ingevoerd"]
    body = (
        f'<rect x="0" y="6" width="300" height="14" fill="{KLEUR["niet gestart"]}" '
        f'stroke="{RAND}" stroke-width="0.5"/>'
        f'<rect x="0" y="6" width="{bar}" height="14" fill="{fill}"/>'
        f'<line x1="{line}" y1="1" x2="{line}" y2="25" stroke="{DOEL}" stroke-width="2"/>'
    )
    text = f"{label}: {percentage}% van de scholen, doel {aandeel}%"
    return _svg(300, 26, text, body, "ld-doelbalk")
