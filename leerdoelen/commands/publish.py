"""Putting a built site together after the site generator ran: the slots' HTML in their
pages (``render.slots``), Material's stylesheets for the standalone pages, and the files
that skip the generator (``build/static``: school pages, downloads), hard-linked in.

Converting the slots costs what MkDocs would have spent on them (the 70 dashboards of
7,000 schools: some 5 s), so each slot's HTML is kept by a hash of its Markdown
(``build/cache/slots.json``, data only) and only a changed slot is converted again.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import partial
from pathlib import Path

import markdown
from markupsafe import Markup

from leerdoelen.commands.engines import BuildError
from leerdoelen.load.cachefile import package_hash, read_record, versions, write_record
from leerdoelen.render.slots import Slots, built_page, convert, fill, slot_converter
from leerdoelen.render.theme import theme_stylesheets
from leerdoelen.util import parallel
from leerdoelen.util.files import link_or_copy

STATIC = Path("build/static")
MEMO = "slots.json"
MEMO_FORMAT = "leerdoelen slot-html 1"


def fill_slots(
    root: Path,
    site_dir: Path,
    slots: Slots,
    extensions: list[str | dict[str, object]],
    alone: bool = False,
) -> None:
    """Put each slot's part, as HTML, in its place in the built pages: new files, since the
    built ones may be hard links to the engine's kept output. ``alone``: convert them in
    this process (whose caller keeps the other cores busy), not in worker processes."""
    key = _memo_key(extensions)
    memo = _read_memo(root, key)
    digests = {  # (page, part) → the hash of its Markdown, for the parts that are no HTML
        (page, name): hashlib.sha256(text.encode("utf-8")).hexdigest()
        for page, parts in slots.items()
        for name, text in parts.items()
        if not isinstance(text, Markup)
    }
    texts = {digests[page, name]: slots[page][name] for page, name in digests}
    new = [digest for digest in texts if digest not in memo]
    # Each conversion takes milliseconds (dashboards: tens): in worker processes.
    convert = partial(_convert, extensions)
    made = (
        map(convert, (texts[d] for d in new))
        if alone
        else parallel.pmap(convert, ((texts[d],) for d in new), 8)
    )
    used = {digest: memo[digest] for digest in texts if digest in memo}
    used.update(zip(new, made, strict=True))
    for page, parts in slots.items():
        html = {
            name: text if isinstance(text, Markup) else used[digests[page, name]]
            for name, text in parts.items()
        }
        built = site_dir / built_page(page)
        try:
            filled = fill(built.read_text(encoding="utf-8"), html)
        except (OSError, ValueError) as error:
            raise BuildError(f"{built_page(page)}: de plek voor de scholen ontbreekt") from error
        built.unlink()
        built.write_text(filled, encoding="utf-8")
    if used != memo:
        write_record(root, MEMO, MEMO_FORMAT, key, html=used)


_converters: dict[str, markdown.Markdown] = {}  # per process, by its extensions


def _convert(extensions: list[str | dict[str, object]], text: str) -> str:
    """A slot's Markdown as HTML, with the extensions of ``mkdocs.yml``."""
    name = json.dumps(extensions, sort_keys=True)
    if (converter := _converters.get(name)) is None:
        converter = _converters[name] = slot_converter(extensions)
    return convert(converter, text)


def _memo_key(extensions: list[str | dict[str, object]]) -> str:
    libraries = versions(("Markdown", "pymdown-extensions"))
    parts = [MEMO_FORMAT, package_hash(), json.dumps(extensions, sort_keys=True), libraries]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _read_memo(root: Path, key: str) -> dict[str, str]:
    record = read_record(root, MEMO, MEMO_FORMAT, key, "html")
    html = record["html"] if record else {}
    return html if all(isinstance(v, str) for v in html.values()) else {}


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
    for folder, _, names in os.walk(source):  # strings, not Paths: 21,000 files
        pages += "index.html" in names
        inside = os.path.relpath(folder, source)
        target = os.path.join(site_dir, inside)
        os.makedirs(target, exist_ok=True)
        for name in names:
            try:
                link_or_copy(os.path.join(folder, name), os.path.join(target, name))
            except FileExistsError:
                relative = Path(inside, name).as_posix()
                raise BuildError(f"{relative} botst met een pagina die MkDocs maakte") from None
    return pages
