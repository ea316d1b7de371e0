"""Find the project, read every content file, and assemble the corpus.

Layout: ``goals/<domein>/kader.yaml`` holds a domain's frame, ``goals/<domein>/<CODE>.yaml``
one leerdoel each. Everything that is wrong on the way becomes a diagnostic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from leerdoelen.corpus import Corpus
from leerdoelen.diagnostics import Diagnostic, diagnostic
from leerdoelen.load.yamlfile import YamlFile, load_yaml
from leerdoelen.model import Kader, Leerdoel
from leerdoelen.validate.shape import locate, validate_shape

GOALS = "goals"
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


def load_project(root: Path) -> Project:
    project = Project(root, Corpus())
    goals = root / GOALS
    for entry in sorted(goals.iterdir()):
        if entry.is_dir():
            _load_domein(project, entry)
        elif entry.suffix in (".yaml", ".yml"):
            project.diagnostics.append(diagnostic("LD313", _relative(root, entry)))
    return project


def _relative(root: Path, file: Path) -> str:
    return file.relative_to(root).as_posix()


def _read(project: Project, file: Path, schema: str) -> YamlFile:
    loaded = load_yaml(file, _relative(project.root, file))
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
    corpus = project.corpus
    kader = None
    if (folder / KADER).is_file():
        file = _read(project, folder / KADER, "kader")
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
        project.diagnostics.append(
            diagnostic("LD309", _relative(project.root, folder) + "/", domein=domein)
        )
    for path in sorted(folder.rglob("*")):
        if (path.name == KADER and path.parent == folder) or not path.is_file():
            continue
        if path.parent != folder or path.suffix != ".yaml":
            if path.suffix in (".yaml", ".yml"):
                project.diagnostics.append(diagnostic("LD313", _relative(project.root, path)))
            continue
        file = _read(project, path, "leerdoel")
        doel = validate_shape(file, Leerdoel) if file.ok else None
        if doel is None:
            corpus.unloaded.add(path.stem)
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
