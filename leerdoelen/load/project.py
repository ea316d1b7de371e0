"""Find the project, read every content file, and assemble the corpus.

Layout: ``goals/<domein>/kader.yaml`` holds a domain's frame, ``goals/<domein>/<CODE>.yaml``
one leerdoel each. Everything that is wrong on the way becomes a diagnostic.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

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


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as entries:
        return sorted(entries, key=lambda entry: entry.name)


def _is_yaml(name: str) -> bool:
    return name.endswith((".yaml", ".yml"))


def load_project(root: Path) -> Project:
    project = Project(root, Corpus())
    for entry in _entries(root / GOALS):
        if entry.is_dir():
            _load_domein(project, Path(entry.path))
        elif _is_yaml(entry.name):
            project.diagnostics.append(diagnostic("LD313", f"{GOALS}/{entry.name}"))
    if (root / ADOPTIE).is_dir():
        _load_adoptie(project, root / ADOPTIE)
    return project


def _load_adoptie(project: Project, folder: Path) -> None:
    """``adoptie/netwerken/<slug>.yaml`` and ``adoptie/scholen/<BRIN>.yaml``."""
    corpus = project.corpus
    expected = {"netwerken": ("netwerk", Netwerk), "scholen": ("school", School)}
    for entry in _entries(folder):
        kind = expected.get(entry.name) if entry.is_dir() else None
        if kind is None:
            for stray in [Path(entry.path)] if entry.is_file() else Path(entry.path).rglob("*"):
                if stray.is_file():
                    relative = stray.relative_to(project.root).as_posix()
                    project.diagnostics.append(diagnostic("LD409", relative))
            continue
        schema, model = kind
        prefix = f"{ADOPTIE}/{entry.name}/"
        files = []
        for item in _entries(Path(entry.path)):
            if item.is_file() and item.name.endswith(".yaml"):
                files.append(item)
            else:
                project.diagnostics.append(diagnostic("LD409", prefix + item.name))
        # Thousands of school files: parsed in worker processes, in order, while this
        # process validates the ones already parsed.
        parsed = pmap(load_yaml, ((Path(item.path), prefix + item.name) for item in files))
        for item, loaded_file in zip(files, parsed, strict=True):
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


def _read(project: Project, file: Path, path: str, schema: str) -> YamlFile:
    return _accept(project, load_yaml(file, path), schema)


def _accept(project: Project, loaded: YamlFile, schema: str) -> YamlFile:
    """Keep a loaded file; it should start with the hint that names its schema."""
    project.files.append(loaded)
    if loaded.text and not (
        loaded.text.startswith(SCHEMA_HINT)
        and loaded.text.partition("\n")[0].endswith(f"{schema}.schema.json")
    ):
        expected = f"../../schemas/{schema}.schema.json"
        project.diagnostics.append(diagnostic("LD113", loaded.path, 1, 1, schema=expected))
    return loaded


def _load_domein(project: Project, folder: Path) -> None:
    domein = folder.name
    prefix = f"{GOALS}/{domein}/"
    corpus = project.corpus
    kader = None
    if (folder / KADER).is_file():
        file = _read(project, folder / KADER, prefix + KADER, "kader")
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
    for entry in _entries(folder):
        name = entry.name
        if entry.is_dir():
            for stray in sorted(Path(entry.path).rglob("*.y*ml")):
                path = stray.relative_to(project.root).as_posix()
                project.diagnostics.append(diagnostic("LD313", path))
            continue
        if name == KADER:
            continue
        if not name.endswith(".yaml"):
            if _is_yaml(name):
                project.diagnostics.append(diagnostic("LD313", prefix + name))
            continue
        file = _read(project, Path(entry.path), prefix + name, "leerdoel")
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
