"""Putting a built site together after the site generator ran: the slots' HTML in their
pages (``render.slots``), Material's stylesheets for the standalone pages, and the files
that skip the generator (``build/static``: school pages, downloads), hard-linked in."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from leerdoelen.commands.engines import BuildError
from leerdoelen.render.slots import Slots, built_page, fill, slot_converter, to_html
from leerdoelen.render.theme import theme_stylesheets

STATIC = Path("build/static")


def fill_slots(site_dir: Path, slots: Slots, extensions: list[str | dict[str, object]]) -> None:
    """Put each slot's part, as HTML, in its place in the built pages: new files, since the
    built ones may be hard links to the engine's kept output."""
    converter = slot_converter(extensions)
    for page, parts in slots.items():
        built = site_dir / built_page(page)
        try:
            html = fill(built.read_text(encoding="utf-8"), to_html(converter, parts))
        except (OSError, ValueError) as error:
            raise BuildError(f"{built_page(page)}: de plek voor de scholen ontbreekt") from error
        built.unlink()
        built.write_text(html, encoding="utf-8")


def publish_theme_stylesheets(site_dir: Path) -> None:
    """The standalone pages link Material's stylesheets; an engine that writes its own
    theme's (Zensical) gets Material's copied in beside them."""
    for relative, source in theme_stylesheets().items():
        target = site_dir / relative
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())


def publish_static(root: Path, site_dir: Path) -> int:
    """Put ``build/static`` into a built site: hard links where they can be made. Returns
    the number of pages (``index.html``) among them."""
    source = root / STATIC
    if not source.is_dir():
        return 0
    pages = 0
    for folder, _, names in os.walk(source):
        pages += "index.html" in names
        target = site_dir / Path(folder).relative_to(source)
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            if (target / name).exists():
                relative = (target / name).relative_to(site_dir).as_posix()
                raise BuildError(f"{relative} botst met een pagina die MkDocs maakte")
            try:
                os.link(Path(folder, name), target / name)
            except OSError:  # another file system, or no hard links there
                shutil.copy2(Path(folder, name), target / name)
    return pages
