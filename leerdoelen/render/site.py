"""What the pages that a build makes beside the site generator need to know of their
build: the site's settings from mkdocs.yml (``Site``), and what an earlier build made that
may stay (``Reuse``, kept by ``leerdoelen.commands.buildcache``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import quote

from leerdoelen.core.adoptie import Samenvatting
from leerdoelen.util.files import Written


@dataclass(frozen=True)
class Site:
    """What a standalone page needs from mkdocs.yml."""

    naam: str = "Leerdoelen"
    copyright: str = ""
    # mkdocs.yml's site_url: the base of the URIs in the open data (CASE). A placeholder
    # until the site has its address.
    url: str = "https://leerdoelen.example/"
    # mkdocs.yml's extra.bewerken: the repository's web editor, ending in "/", to which a
    # file's path is added (checked by the build: https only). Empty: no edit links.
    bewerken: str = ""


def bewerk_url(site: Site, path: str) -> str:
    """The web editor's URL of the file at ``path`` (repository-relative), or ``""``."""
    return site.bewerken + quote(path) if site.bewerken and path else ""


class Reuse(Protocol):
    """Files of an earlier build that may stay (``leerdoelen.commands.buildcache``)."""

    def kept(self, name: str, scholen: Iterable[str], *inputs: object) -> bool:
        """Whether the files of ``name``, made from these schools and ``inputs``, are
        there as they were made; if not, they are made again and reported to ``wrote``."""
        ...

    def wrote(self, name: str, paths: Iterable[str]) -> None: ...

    def keep_records(self, school: Samenvatting) -> None:
        """Keep a school's records for the next build: asked by the worker that made the
        school's files, which has them at hand."""
        ...

    def recall(self, name: str, scholen: Iterable[str], *inputs: object) -> object:
        """What was remembered as ``name`` from these schools and ``inputs`` (JSON data),
        or None; if None, it is made again and reported to ``remember``."""
        ...

    def remember(self, name: str, data: object) -> None: ...


class Sink(Protocol):
    """Where the files made beside the site generator go as the worker processes make
    them (``leerdoelen.commands.tree.Folder``)."""

    def put(self, path: str, content: str | bytes) -> Written:
        """Write the file; what the stream of files carries instead of its content."""
        ...

    def get(self, path: str) -> bytes | None:
        """A file there (put by this build, or kept from an earlier one), or None."""
        ...
