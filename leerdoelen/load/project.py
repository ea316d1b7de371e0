"""Find the project, read every content file, and assemble the corpus.

Layout: ``goals/<domein>/kader.yaml`` holds a domain's frame, ``goals/<domein>/<CODE>.yaml``
one leerdoel each. Everything that is wrong on the way becomes a diagnostic.

Files come from a ``Source`` (``leerdoelen.load.source``): the working tree or a commit's
tree. Both go through the same loading code and the same hardened YAML parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import partial
from pathlib import Path

from leerdoelen.core.adoptie import Netwerk, Samenvatting, School
from leerdoelen.core.corpus import Corpus, SourceFile
from leerdoelen.core.diagnostics import Diagnostic, diagnostic, printable
from leerdoelen.core.model import Kader, Leerdoel
from leerdoelen.load.checkcache import CheckCache
from leerdoelen.load.names import NETWERKEN, SCHOLEN, file_name_fix, name_problem
from leerdoelen.load.regular import DIR, FILE, SOORT
from leerdoelen.load.shape import locate, name_records, validate_shape
from leerdoelen.load.source import DiskSource, Entry, Source, below
from leerdoelen.load.yamlfile import YamlFile
from leerdoelen.util import progress

GOALS = "goals"
ADOPTIE = "adoptie"
SITE = "site"  # hand-written pages (site/pages) and theme overrides (site/overrides)
KADER = "kader.yaml"
SCHEMA_HINT = "# yaml-language-server: $schema="
# Where str.splitlines() ends a line: the first line, without splitting the whole text.
_LINE_END = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


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
    # School files that the check cache answered for (path → blob id): checked, not loaded.
    recalled: dict[str, str] = field(default_factory=dict)
    # School files that passed alone (``Passed``, path → blob id): checked where they were
    # read; not in ``corpus.scholen``, their summaries in ``corpus.samengevat``.
    passed: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Passed:
    """A school file that passed every check on its own, in the worker that read it
    (``load_project``'s ``judge``): what the build needs of it instead of the file."""

    path: str
    blob: str
    warnings: list[Diagnostic]  # its own: suspicious YAML, no schema hint
    samenvatting: Samenvatting


# How to judge a school file alone, once the goals and networks are in the corpus.
Judge = Callable[[Corpus], Callable[[YamlFile], Passed | None]]


def at(file: SourceFile, *loc: int | str, key: bool = False) -> tuple[str, int, int]:
    """``(path, line, column)`` of a key or value in a loaded file, for a diagnostic."""
    return (file.path, *locate(file.root_node(), loc, key=key))


def refused(entry: Entry) -> Diagnostic | None:
    """LD114 for an entry that is neither a regular file nor a folder."""
    if entry.kind in (FILE, DIR):
        return None
    return diagnostic("LD114", entry.path, soort=SOORT[entry.kind])


def _is_yaml(name: str) -> bool:
    return name.endswith((".yaml", ".yml"))


def load_project(
    root: Path,
    source: Source | None = None,
    adoptie: bool = True,
    cache: CheckCache | None = None,
    judge: Judge | None = None,
) -> Project:
    """Load the content under ``root``: from disk, or from ``source`` (a commit's tree).

    ``adoptie=False`` loads only the goals and their frames (no adoption, no site check).
    With ``cache`` (from disk only), school files it answers for are not loaded: they are
    in ``Project.recalled``, their warnings among the diagnostics. With ``judge`` (from
    disk only), each other school file is judged alone where it is read, and one that
    passes is not loaded either: its summary is in ``corpus.samengevat``.
    """
    if source is not None:
        cache, judge = None, None
    source = source or DiskSource(root)
    project = Project(root, Corpus())
    parts: list[tuple[str, Callable[[Project, Source], None]]] = [(GOALS, _load_goals)]
    if adoptie:
        adopted = partial(_load_adoptie, cache=cache, judge=judge)
        parts += [(ADOPTIE, adopted), (SITE, _check_site)]
    for folder, load in parts:
        kind = source.kind(folder)
        if kind == DIR:
            load(project, source)
        elif kind not in (FILE, None):  # goals/ itself a symlink, say
            project.diagnostics.append(diagnostic("LD114", folder, soort=SOORT[kind]))
    return project


def _load_goals(project: Project, source: Source) -> None:
    for entry in source.entries(GOALS):
        if entry.is_dir:
            _load_domein(project, source, entry)
        elif problem := refused(entry):
            project.diagnostics.append(problem)
        elif _is_yaml(entry.name):
            project.diagnostics.append(diagnostic("LD313", entry.path))


def _check_site(project: Project, source: Source) -> None:
    """``site/`` holds the hand-written pages and the theme overrides, which MkDocs reads."""
    project.diagnostics.extend(filter(None, map(refused, below(source, SITE))))


def _strays(project: Project, entries: Iterable[Entry], code: str) -> None:
    """``code`` for each file that is in the wrong place, LD114 for what is no content."""
    for entry in entries:
        project.diagnostics.append(refused(entry) or diagnostic(code, entry.path))


def _load_adoptie(
    project: Project, source: Source, cache: CheckCache | None, judge: Judge | None
) -> None:
    """``adoptie/netwerken/<slug>.yaml`` and ``adoptie/scholen/<BRIN>.yaml``; the
    networks first, so that ``cache`` knows them when it answers for schools."""
    corpus = project.corpus
    report = project.diagnostics.append
    expected: dict[str, tuple[str, type[Netwerk | School]]] = {
        NETWERKEN: ("netwerk", Netwerk),
        SCHOLEN: ("school", School),
    }
    for entry in source.entries(ADOPTIE):
        wanted = expected.get(entry.name) if entry.is_dir else None
        if wanted is None:
            _strays(project, below(source, entry.path) if entry.is_dir else [entry], "LD409")
            continue
        schema, model = wanted
        files = []
        for item in source.entries(entry.path):
            if item.is_dir:
                _strays(project, below(source, item.path), "LD409")
            elif problem := refused(item):
                report(problem)
            elif not item.name.endswith(".yaml"):
                report(diagnostic("LD409", item.path))
            else:
                files.append(item)
        if model is School and cache is not None:
            answered = cache.recall(corpus, (f.path for f in files))
            for path, warnings in answered.items():
                project.recalled[path] = cache.recalled[path]["blob"]
                project.diagnostics.extend(warnings)
            files = [f for f in files if f.path not in answered]
        paths = (f.path for f in files)
        if judge is not None and model is School and isinstance(source, DiskSource):
            loaded_files = source.load_many(paths, judge(corpus))
        else:
            loaded_files = source.load_many(paths)
        pairs = zip(files, loaded_files, strict=True)  # by pmap
        for item, loaded_file in progress.counted(pairs, f"{entry.name.title()} lezen", len(files)):
            if isinstance(loaded_file, Passed):
                project.passed[loaded_file.path] = loaded_file.blob
                project.diagnostics.extend(loaded_file.warnings)
                summary = loaded_file.samenvatting
                corpus.samengevat[summary.brin] = summary
                # Its records are read here, while the workers read the next files: a build
                # needs all of them, and its workers, forked later, then find them read.
                summary.records  # noqa: B018
                continue
            file = _accept(project, loaded_file, schema)
            if name := name_problem(entry.name, item.name):
                report(diagnostic("LD410", item.path, naam=item.name, probleem=name))
            loaded = validate_shape(file, model) if file.ok else None
            key = item.name.removesuffix(".yaml")
            if model is School:  # like the rules across files: the school and the goal
                name_records(file, f"school {printable(key)}", "doelen")
            if loaded is None and model is School:
                corpus.unloaded.add(key)  # there, but broken: not "removed" in a diff
            if isinstance(loaded, Netwerk) and not name:
                corpus.netwerken[key] = loaded
                corpus.adoptie_sources[key] = file
            elif isinstance(loaded, School):
                if loaded.brin != key and not name:
                    report(
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
    if problem := schema_hint(loaded, schema):
        project.diagnostics.append(problem)
    return loaded


def schema_hint(loaded: YamlFile, schema: str) -> Diagnostic | None:
    """LD113 when the file does not start with the hint that names its schema."""
    # The first line as YAML sees it: with Windows line endings too (git's core.autocrlf).
    end = _LINE_END.search(loaded.text)
    first = loaded.text[: end.start()] if end else loaded.text
    if loaded.text and not (
        first.startswith(SCHEMA_HINT) and first.endswith(f"{schema}.schema.json")
    ):
        expected = f"../../schemas/{schema}.schema.json"
        return diagnostic("LD113", loaded.path, 1, 1, schema=expected)
    return None


def _load_domein(project: Project, source: Source, folder: Entry) -> None:
    domein = folder.name
    corpus = project.corpus
    report = project.diagnostics.append
    entries = source.entries(folder.path)
    kader = None
    found = next((entry for entry in entries if entry.name == KADER), None)
    if found is not None and found.kind == FILE:
        file = _read(project, source, found.path, "kader")
        kader = validate_shape(file, Kader) if file.ok else None
        if kader is not None:
            if kader.domein != domein:
                report(diagnostic("LD312", *at(file, "domein"), domein=kader.domein, map=domein))
            corpus.kaders[domein] = kader
            corpus.sources[domein] = file
        else:
            corpus.frame_complete = False
    else:
        corpus.frame_complete = False
        if found is None or found.is_dir:  # anything else is reported as no content below
            report(diagnostic("LD309", f"{folder.path}/", domein=domein))
    for entry in progress.counted(entries, f"Leerdoelen lezen ({domein})", len(entries)):
        name = entry.name
        if entry.is_dir:
            for inner in below(source, entry.path):
                if problem := refused(inner):
                    report(problem)
                elif fnmatchcase(inner.name, "*.y*ml"):
                    report(diagnostic("LD313", inner.path))
            continue
        if problem := refused(entry):
            report(problem)
            continue
        if name == KADER:
            continue
        if not name.endswith(".yaml"):
            if _is_yaml(name):
                report(diagnostic("LD313", entry.path))
            continue
        file = _read(project, source, entry.path, "leerdoel")
        doel = validate_shape(file, Leerdoel) if file.ok else None
        if doel is None:
            corpus.unloaded.add(name.removesuffix(".yaml"))
        else:
            _add_leerdoel(project, file, doel, domein, kader, entries)


def _add_leerdoel(
    project: Project,
    file: YamlFile,
    doel: Leerdoel,
    domein: str,
    kader: Kader | None,
    entries: list[Entry],
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
                voorstel=file_name_fix(file.path, doel.code, [e.name for e in entries]),
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
