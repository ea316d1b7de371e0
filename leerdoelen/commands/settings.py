"""What ``mkdocs.yml`` says that the build uses besides the site generator: the site's name,
copyright and URL (``Site``), the web editor for edit links (``extra.bewerken``), and the
Markdown extensions that the slots are converted with."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import yaml

from leerdoelen.commands.engines import BuildError
from leerdoelen.export.opendata import Settings
from leerdoelen.render.site import Site

MKDOCS_YML = "mkdocs.yml"
# extra.bewerken: a plain https URL (host, optional port, path), nothing that could end a
# Markdown link or an HTML attribute.
_HTTPS = re.compile(r"https://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9._~%+,;=:@/-]*)?")


def site_settings(root: Path) -> Site:
    """Site name, copyright and URL from mkdocs.yml, for pages that MkDocs copies as they
    are and for the open data."""
    try:
        config = yaml.safe_load((root / MKDOCS_YML).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return Site()
    extra = config.get("extra")
    bewerken = extra.get("bewerken") if isinstance(extra, dict) else None
    return Site(
        naam=str(config.get("site_name") or Site.naam),
        copyright=" ".join(str(config.get("copyright") or "").split()),
        url=str(config.get("site_url") or Site.url),
        # As written; ``edit_settings`` checks it for the build (export does not use it).
        bewerken="" if bewerken is None else str(bewerken),
    )


def edit_settings(root: Path, site: Site) -> Site:
    """``site`` with ``extra.bewerken`` checked and ending in "/"; a value that is not a
    plain https URL is a build error that names its line in mkdocs.yml."""
    url = site.bewerken.strip()
    if not url:
        return site
    if not _HTTPS.fullmatch(url):
        raise BuildError(
            f"{MKDOCS_YML}{_line_of_bewerken(root)}: extra.bewerken moet een https-adres zijn "
            f"(de webeditor van de repository, zoals "
            f"https://github.com/OWNER/REPO/edit/main/), niet {url!r}; laat het weg voor een "
            f"site zonder bewerklinks"
        )
    return replace(site, bewerken=url if url.endswith("/") else f"{url}/")


def _line_of_bewerken(root: Path) -> str:
    """``:line:column`` of extra.bewerken's value in mkdocs.yml, or ``""``."""
    try:
        node = yaml.compose((root / MKDOCS_YML).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return ""
    for key in ("extra", "bewerken"):
        if not isinstance(node, yaml.MappingNode):
            return ""
        node = next((v for k, v in node.value if k.value == key), None)
    if node is None:
        return ""
    return f":{node.start_mark.line + 1}:{node.start_mark.column + 1}"


def markdown_extensions(root: Path) -> list[str | dict[str, object]]:
    """``markdown_extensions`` of mkdocs.yml, for the slots: a name, or a name with its
    settings; what is neither is left out (MkDocs itself refuses it)."""
    try:
        config = yaml.safe_load((root / MKDOCS_YML).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return []
    listed = config.get("markdown_extensions") if isinstance(config, dict) else None
    return [
        item
        for item in listed or []
        if isinstance(item, str)
        or (
            isinstance(item, dict)
            and all(isinstance(k, str) and isinstance(v, dict | None) for k, v in item.items())
        )
    ]


def export_settings(site: Site) -> Settings:
    return Settings(site_url=site.url, site_name=site.naam)
