"""Find the project, read every content file, and assemble the corpus.

Layout: ``goals/<domein>/kader.yaml`` holds a domain's frame, ``goals/<domein>/<CODE>.yaml``
one leerdoel each. Everything that is wrong on the way becomes a diagnostic.

Files come from a ``Source``: the working tree (``DiskSource``) or, for ``diff`` and
``check --base``, a commit's tree (``leerdoelen.revisions.TreeSource``). Both go through the
same loading code and the same hardened YAML parser.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Protocol

from leerdoelen.adoptie.model import Netwerk, School
from leerdoelen.corpus import Corpus
from leerdoelen.diagnostics import Diagnostic, diagnostic
from leerdoelen.load.yamlfile import YamlFile, load_yaml
from leerdoelen.model import Kader, Leerdoel
from leerdoelen.parallel import pmap
from leerdoelen.validate.shape import locate, validate_shape

GOALS = "goals"
ADOPTIE = "adoptie"
KADER = "kader.yaml"
SCHEMA_HINT = "# yaml-language-server: $schema="


def find_root(start: Path) -> Path | None:
    """The nearest folder upward from ``start`` that holds ``goals/``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / GOALS).is_dir():
            return folder
    return None


@dataclass
class Project:
    root: Path
    corpus: Corpus
    files: list[YamlFile] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def at(file: YamlFile, *loc: int | str, key: bool = False) -> tuple[str, int, int]:
    """``(path, line, column)`` of a key or value in a loaded file, for a diagnostic."""
    return (file.path, *locate(file.root_node(), loc, key=key))


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    path: str  # relative to the project root, POSIX style
    is_dir: bool


class Source(Protocol):
    """Where the content files come from. Paths are relative to the project root."""

    def entries(self, folder: str) -> list[Entry]:
        """The folder's files and folders, sorted by name; empty if it is no folder."""
        ...

    def is_dir(self, path: str) -> bool: ...

    def is_file(self, path: str) -> bool: ...

    def files_below(self, folder: str) -> list[str]:
        """Every file anywhere below ``folder``, sorted."""
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

    def entries(self, folder: str) -> list[Entry]:
        try:
            with os.scandir(self.root / folder) as found:
                return sorted(
                    (Entry(e.name, f"{folder}/{e.name}", e.is_dir()) for e in found),
                    key=lambda entry: entry.name,
                )
        except (FileNotFoundError, NotADirectoryError):
            return []

    def is_dir(self, path: str) -> bool:
        return (self.root / path).is_dir()

    def is_file(self, path: str) -> bool:
        return (self.root / path).is_file()

    def files_below(self, folder: str) -> list[str]:
        return sorted(
            p.relative_to(self.root).as_posix()
            for p in (self.root / folder).rglob("*")
            if p.is_file()
        )

    def load(self, path: str) -> YamlFile:
        return load_yaml(self.root / path, path)

    def load_many(self, paths: Iterable[str]) -> Iterator[YamlFile]:
        # Thousands of school files: parsed in worker processes, in order, while this
        # process validates the ones already parsed.
        return pmap(load_yaml, ((self.root / path, path) for path in paths))


def _is_yaml(name: str) -> bool:
    return name.endswith((".yaml", ".yml"))


def load_project(root: Path, source: Source | None = None, adoptie: bool = True) -> Project:
    """Load the content under ``root``: from disk, or from ``source`` (a commit's tree).

    ``adoptie=False`` loads only the goals and their frames.
    """
    source = source or DiskSource(root)
    project = Project(root, Corpus())
    for entry in source.entries(GOALS):
        if entry.is_dir:
            _load_domein(project, source, entry)
        elif _is_yaml(entry.name):
            project.diagnostics.append(diagnostic("LD313", entry.path))
    if adoptie and source.is_dir(ADOPTIE):
        _load_adoptie(project, source)
    return project


def _load_adoptie(project: Project, source: Source) -> None:
    """``adoptie/netwerken/<slug>.yaml`` and ``adoptie/scholen/<BRIN>.yaml``."""
    corpus = project.corpus
    expected = {"netwerken": ("netwerk", Netwerk), "scholen": ("school", School)}
    for entry in source.entries(ADOPTIE):
        kind = expected.get(entry.name) if entry.is_dir else None
        if kind is None:
            strays = source.files_below(entry.path) if entry.is_dir else [entry.path]
            project.diagnostics.extend(diagnostic("LD409", stray) for stray in strays)
            continue
        schema, model = kind
        files = []
        for item in source.entries(entry.path):
            if item.is_dir or not item.name.endswith(".yaml"):
                project.diagnostics.append(diagnostic("LD409", item.path))
            else:
                files.append(item)
        for item, loaded_file in zip(files, source.load_many(f.path for f in files), strict=True):
            file = _accept(project, loaded_file, schema)
            loaded = validate_shape(file, model) if file.ok else None
            key = item.name.removesuffix(".yaml")
            if isinstance(loaded, Netwerk):
                corpus.netwerken[key] = loaded
                corpus.adoptie_sources[key] = file
            elif isinstance(loaded, School):
                if loaded.brin != key:
                    project.diagnostics.append(
                        diagnostic(
                            "LD406",
                            *at(file, "brin"),
                            naam=item.name,
                            brin=loaded.brin,
                            verwacht=f"{loaded.brin}.yaml",
                        )
                    )
                corpus.scholen[loaded.brin] = loaded
                corpus.adoptie_sources[loaded.brin] = file


def _read(project: Project, source: Source, path: str, schema: str) -> YamlFile:
    return _accept(project, source.load(path), schema)


def _accept(project: Project, loaded: YamlFile, schema: str) -> YamlFile:
    """Keep a loaded file; it should start with the hint that names its schema."""
    project.files.append(loaded)
    # The first line as YAML sees it: with Windows line endings too (git's core.autocrlf).
    first = loaded.text.splitlines()[0] if loaded.text else ""
    if loaded.text and not (
        first.startswith(SCHEMA_HINT) and first.endswith(f"{schema}.schema.json")
    ):
        expected = f"../../schemas/{schema}.schema.json"
        project.diagnostics.append(diagnostic("LD113", loaded.path, 1, 1, schema=expected))
    return loaded


def _load_domein(project: Project, source: Source, folder: Entry) -> None:
    domein = folder.name
    prefix = f"{folder.path}/"
    corpus = project.corpus
    kader = None
    if source.is_file(prefix + KADER):
        file = _read(project, source, prefix + KADER, "kader")
        kader = validate_shape(file, Kader) if file.ok else None
        if kader is not None:
            if kader.domein != domein:
                project.diagnostics.append(
                    diagnostic("LD312", *at(file, "domein"), domein=kader.domein, map=domein)
                )
            corpus.kaders[domein] = kader
            corpus.sources[domein] = file
        else:
            corpus.frame_complete = False
    else:
        corpus.frame_complete = False
        project.diagnostics.append(diagnostic("LD309", prefix, domein=domein))
    for entry in source.entries(folder.path):
        name = entry.name
        if entry.is_dir:
            for path in source.files_below(entry.path):
                if fnmatchcase(path.rpartition("/")[2], "*.y*ml"):
                    project.diagnostics.append(diagnostic("LD313", path))
            continue
        if name == KADER:
            continue
        if not name.endswith(".yaml"):
            if _is_yaml(name):
                project.diagnostics.append(diagnostic("LD313", prefix + name))
            continue
        file = _read(project, source, entry.path, "leerdoel")
        doel = validate_shape(file, Leerdoel) if file.ok else None
        if doel is None:
            corpus.unloaded.add(name.removesuffix(".yaml"))
        else:
            _add_leerdoel(project, file, doel, domein, kader)


def _add_leerdoel(
    project: Project, file: YamlFile, doel: Leerdoel, domein: str, kader: Kader | None
) -> None:
    corpus = project.corpus
    report = project.diagnostics.append
    if file.path.rpartition("/")[2] != f"{doel.code}.yaml":
        report(
            diagnostic(
                "LD302",
                *at(file, "code"),
                naam=file.path.rpartition("/")[2],
                code=doel.code,
                verwacht=f"{doel.code}.yaml",
            )
        )
    if kader is not None and not doel.code.startswith(kader.afkorting + "-"):
        report(
            diagnostic(
                "LD308",
                *at(file, "code"),
                code=doel.code,
                domein=domein,
                prefix=kader.afkorting + "-",
            )
        )
    if doel.code in corpus.leerdoelen:
        report(
            diagnostic(
                "LD301",
                *at(file, "code"),
                related=(corpus.sources[doel.code].path,),
                code=doel.code,
                elders=corpus.sources[doel.code].path,
            )
        )
        return
    corpus.leerdoelen[doel.code] = doel
    corpus.domein_van[doel.code] = domein
    corpus.sources[doel.code] = file
