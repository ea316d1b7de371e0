"""Where the content files come from: the working tree (``DiskSource``) or, for ``diff``
and ``check --base``, a commit's tree (``leerdoelen.versions.revisions.TreeSource``).

A source never follows a symlink: it reports it, and what else is no content, as such.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol, TypeVar, overload

from leerdoelen.load.regular import DIR, disk_kind, entry_kind
from leerdoelen.load.yamlfile import YamlFile, load_yaml
from leerdoelen.util import parallel

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    path: str  # relative to the project root, POSIX style
    kind: str  # FILE, DIR, or what is no content (leerdoelen.load.regular)

    @property
    def is_dir(self) -> bool:
        return self.kind == DIR


class Source(Protocol):
    """Where the content files come from. Paths are relative to the project root.

    A source never follows a symlink: it reports it, and what else is no content, as such.
    """

    def kind(self, path: str) -> str | None:
        """What is at ``path`` itself; None if nothing is."""
        ...

    def entries(self, folder: str) -> list[Entry]:
        """The folder's entries, sorted by name; empty if it is no folder."""
        ...

    def load(self, path: str) -> YamlFile:
        """Read and parse one file; never raises for anything that is in the file."""
        ...

    def load_many(self, paths: Iterable[str]) -> Iterator[YamlFile]:
        """``load`` for each path, in order."""
        ...


class DiskSource:
    """The working tree."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def kind(self, path: str) -> str | None:
        return disk_kind(self.root / path)

    def entries(self, folder: str) -> list[Entry]:
        if self.kind(folder) != DIR:  # a symlinked folder is not listed either
            return []
        try:
            with os.scandir(self.root / folder) as found:
                listed = [(e.name, entry_kind(e)) for e in found]
        except OSError:
            return []
        return sorted(
            (Entry(name, f"{folder}/{name}", kind) for name, kind in listed if kind is not None),
            key=lambda entry: entry.name,
        )

    def load(self, path: str) -> YamlFile:
        return load_yaml(self.root / path, path)

    @overload
    def load_many(self, paths: Iterable[str]) -> Iterator[YamlFile]: ...

    @overload
    def load_many(
        self, paths: Iterable[str], judge: Callable[[YamlFile], T | None]
    ) -> Iterator[YamlFile | T]: ...

    def load_many(
        self, paths: Iterable[str], judge: Callable[[YamlFile], T | None] | None = None
    ) -> Iterator[YamlFile | T]:
        """With ``judge``, what it makes of each file, where it is not None, instead of it."""
        # Thousands of school files: parsed (and judged) in worker processes, in order,
        # while this process takes in the ones already done.
        items = ((self.root / path, path) for path in paths)
        if judge is None:
            return parallel.pmap(load_yaml, items, chunk=parallel.CHUNK)
        return parallel.pmap(partial(_judged, judge=judge), items, chunk=parallel.CHUNK)


def _judged(file: Path, path: str, judge: Callable[[YamlFile], T | None]) -> YamlFile | T:
    loaded = load_yaml(file, path)
    judged = judge(loaded)
    return loaded if judged is None else judged


def below(source: Source, folder: str) -> list[Entry]:
    """Everything below ``folder`` that is not a folder, sorted by path.

    Iterative, and never into a symlink: what is not content is among the results.
    """
    found, todo = [], [folder]
    while todo:
        for entry in source.entries(todo.pop()):
            if entry.is_dir:
                todo.append(entry.path)
            else:
                found.append(entry)
    return sorted(found, key=lambda entry: entry.path)
