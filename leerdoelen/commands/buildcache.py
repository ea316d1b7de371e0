"""What a build keeps for the next one (``build/cache/build.json``), so that a rebuild after
one school changed reads, checks and renders that school and its networks' downloads only.

``check`` answers for the school files that passed before and did not change
(``leerdoelen.load.checkcache``): they are not loaded. This cache holds (as ``commands.cachedata``
writes them):

- per school, what the site shows of it (its ``Samenvatting``), for the pages that combine
  schools; its records are decoded only when asked for;
- per published network, its figures (``NetwerkCijfers``: the overview's row, leer van
  elkaar per goal) and its dashboard's text, made from the records of all its schools: a
  rebuild after one school changed makes those of that school's networks only;
- per group of files that the build writes to ``build/static`` (a school's page and
  downloads, a network's downloads), the fingerprint of everything they were made from and
  the size and modification time of each file as written. A group whose fingerprint is the
  same and whose files are on disk as written is left as it is; any other is made again.

A fingerprint covers the package, the content that every school's files show (goals, frames,
networks, ``mkdocs.yml``, the goals' version) and the group's own inputs: each school's
file (its blob id), its last change and whether that is stale (which the date of today
decides). The cache is data only (JSON), replaced in one rename after a build that
succeeded; an unreadable, foreign or malformed one is ignored, never trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leerdoelen.adoptie.view import AdoptieView, NetwerkCijfers, netwerk_cijfers
from leerdoelen.commands.cachedata import (
    cijfers_from_json,
    cijfers_json,
    records_from_json,
    samenvatting_from_json,
    samenvatting_json,
)
from leerdoelen.commands.check import CheckResult
from leerdoelen.commands.engines import BuildError
from leerdoelen.core.adoptie import Samenvatting, School, Stand, samenvatting
from leerdoelen.core.corpus import Corpus, SourceFile
from leerdoelen.load.cachefile import (
    CACHE,
    MAX_CACHE,
    as_stamped,
    package_hash,
    read_bytes,
    read_record,
    relative,
    stamp,
    usable,
    write_record,
)
from leerdoelen.load.regular import DIR, disk_kind
from leerdoelen.load.shape import validate_shape
from leerdoelen.load.source import DiskSource

FILE_NAME = "build.json"
FORMAT = "leerdoelen build-cache 3"
RECORDS = "scholen"  # build/cache/scholen/<blob id>.json: the records of a school file


def context_hash(corpus: Corpus) -> str:
    """A hash of this package and of everything besides a school that its files show."""
    digest = hashlib.sha256(package_hash().encode())
    sources = {**corpus.sources, **{s: corpus.adoptie_sources[s] for s in corpus.netwerken}}
    for file in sorted(sources.values(), key=lambda f: f.path):
        digest.update(f"\0{file.path}\0{file.text}".encode())
    return digest.hexdigest()


def fingerprint(*parts: object) -> str:
    """A hash of ``parts``: strings, numbers, dates and tuples, lists and dataclasses of
    them, whose ``repr`` says all they hold (asked for every school: faster than JSON)."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()


# --- the cache -----------------------------------------------------------------------------


@dataclass
class Group:
    """Files the build wrote to ``build/static`` from the same inputs."""

    fingerprint: str
    files: dict[str, list[int]] = field(default_factory=dict)  # path → [size, mtime_ns]


@dataclass
class BuildCache:
    root: Path
    static: Path  # where the groups' files are, relative to the root
    key: str  # the context: an entry answers only under the same key
    blobs: dict[str, str] = field(default_factory=dict)  # BRIN → blob id of its file
    schools: dict[str, list[Any]] = field(default_factory=dict)  # BRIN → [blob, head]
    groups: dict[str, Group] = field(default_factory=dict)  # as read
    made: dict[str, Group] = field(default_factory=dict)  # this build's, kept or new
    asked: dict[str, str] = field(default_factory=dict)  # name → fingerprint asked for
    data: dict[str, list[Any]] = field(default_factory=dict)  # name → [fingerprint, data]
    recalled: dict[str, list[Any]] = field(default_factory=dict)  # this build's, kept or new
    written: set[str] = field(default_factory=set)  # the groups made again
    # Where this build keeps records (``prepared``): build/cache/scholen when build/cache
    # is ours and that is a folder, not a symlink; decided once, before any worker writes.
    keeping: Path | None = None
    _keep: set[str] | None = None

    @classmethod
    def open(cls, root: Path, static: Path, key: str) -> BuildCache:
        cache = cls(root, static, key)
        loaded = read_record(root, FILE_NAME, FORMAT, key, "schools", "groups", "data")
        if loaded is None:
            return cache
        cache.schools = {
            brin: entry
            for brin, entry in loaded["schools"].items()
            if isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], str)
        }
        for name, entry in loaded["groups"].items():
            if group := _group(entry):
                cache.groups[name] = group
        cache.data = {
            name: entry
            for name, entry in loaded["data"].items()
            if isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], str)
        }
        return cache

    def samenvatting(self, path: str, blob: str) -> Samenvatting | None:
        """The kept summary of the school file at ``path`` if it has this blob id; its
        records are read when first asked for: kept, or else from the file."""
        brin = path.rpartition("/")[2].removesuffix(".yaml")
        entry = self.schools.get(brin)
        if entry is None or entry[0] != blob:
            return None

        def records() -> dict[str, Stand]:
            if (kept := self._records(blob)) is not None:
                return kept
            return samenvatting(_load(self.root, path, blob)[1]).records

        summary = samenvatting_from_json(entry[1], records)
        return summary if summary is not None and summary.brin == brin else None

    def _records_folder(self) -> Path | None:
        """``build/cache/scholen``, if it is a folder (not a symlink): asked by a caller
        that knows ``build/cache`` is usable (``build.json`` was read, or may be written)."""
        folder = self.root / CACHE / RECORDS
        return folder if disk_kind(folder) == DIR else None

    def _records(self, blob: str) -> dict[str, Stand] | None:
        """The kept records of the school file with this blob id, if they are ours."""
        if (folder := self._records_folder()) is None:
            return None
        data = read_bytes(folder / f"{blob}.json", MAX_CACHE)
        try:
            key, *records = json.loads(data) if data is not None else [None]
        except (ValueError, TypeError, RecursionError):  # not JSON, not a list, too deep
            return None
        return records_from_json(records) if key == self.key else None

    def _ask(self, name: str, scholen: Iterable[str], inputs: tuple[object, ...]) -> bool:
        """Note the fingerprint of ``name`` made from these schools' files and ``inputs``;
        whether every school's file is known."""
        blobs = [(brin, self.blobs.get(brin)) for brin in scholen]
        self.asked[name] = fingerprint(self.key, name, blobs, inputs)
        return all(blob is not None for _, blob in blobs)

    def kept(self, name: str, scholen: Iterable[str], *inputs: object) -> bool:
        """Whether the group ``name``, made from these schools' files and ``inputs``, is
        on disk as it was made; if so, its files stay (``keeps``). If not, the caller makes
        it again and says so (``wrote``)."""
        known = self._ask(name, scholen, inputs)
        group = self.groups.get(name)
        if not known or group is None or group.fingerprint != self.asked[name] or not group.files:
            return False
        if not all(as_stamped(self.root / self.static / p, s) for p, s in group.files.items()):
            return False
        self.made[name] = group
        return True

    def recall(self, name: str, scholen: Iterable[str], *inputs: object) -> Any:
        """What was ``remember``ed as ``name`` (JSON data) from these schools' files and
        ``inputs``, or None. If None, the caller makes it and remembers it."""
        known = self._ask(name, scholen, inputs)
        entry = self.data.get(name)
        if not known or entry is None or entry[0] != self.asked[name]:
            return None
        self.recalled[name] = entry
        return entry[1]

    def remember(self, name: str, data: object) -> None:
        """Keep ``data`` (JSON) as ``name``, made from what it was ``recall``ed for."""
        self.recalled[name] = [self.asked[name], data]

    def keeps(self, path: str) -> bool:
        """Whether the file at ``path`` (relative to ``static``) is in a kept group: asked
        when every group has been made or kept."""
        if self._keep is None:
            self._keep = {p for g in self.made.values() for p in g.files}
        return path in self._keep

    def wrote(self, name: str, paths: Iterable[str]) -> None:
        """The group ``name`` was made again, with the fingerprint it was ``kept`` for;
        its files' sizes and times are read when it is ``save``d."""
        self.made[name] = Group(self.asked[name], {path: [0, 0] for path in paths})
        self.written.add(name)

    def keep_records(self, school: Samenvatting) -> None:
        """Keep the records of a school whose files are being made, in the worker process
        that makes them (a cold build: 7,000 files, which ``save`` would write one by one
        at the end); ``save`` writes those of the schools it was not asked for."""
        if (blob := self.blobs.get(school.brin)) is not None and self.keeping is not None:
            self._keep_records(self.keeping, blob, school)

    def save(self, corpus: Corpus) -> None:
        """After a build that succeeded: remember every school's summary and every group's
        files as they are now. Silent when it cannot write."""
        if not usable(self.root, self.root / CACHE / FILE_NAME):
            return  # nor are the files' sizes read
        for group in self.made.values():
            for path in group.files:
                group.files[path] = stamp(self.root / self.static / path)
        folder = self.keeping
        schools, made = {}, 0
        for brin, summary in corpus.samenvattingen.items():
            if (blob := self.blobs.get(brin)) is None:
                continue
            kept = self.schools.get(brin)
            if brin in corpus.samengevat and kept is not None and kept[0] == blob:
                schools[brin] = kept  # as it was read: not made again
            else:
                schools[brin] = [blob, samenvatting_json(summary)]
                if folder is not None and f"scholen/{brin}" not in self.written:
                    self._keep_records(folder, blob, summary)  # not by its worker
                made += 1
        if folder is not None:
            self._forget_records(folder, {blob for blob, _ in schools.values()})
        groups = {
            name: {"fingerprint": g.fingerprint, "files": g.files}
            for name, g in sorted(self.made.items())
        }
        read = {
            name: {"fingerprint": g.fingerprint, "files": g.files}
            for name, g in self.groups.items()
        }
        data = dict(sorted(self.recalled.items()))
        same = not made and schools.keys() == self.schools.keys()
        if same and groups == read and data == self.data:
            return  # nothing to remember that is not remembered
        write_record(
            self.root, FILE_NAME, FORMAT, self.key, schools=schools, groups=groups, data=data
        )

    def _keep_records(self, folder: Path, blob: str, school: Samenvatting) -> None:
        data = json.dumps([self.key, *school.text], ensure_ascii=False)
        # A file per school file, 7,000 of them in a build from scratch: written in place,
        # with no temporary file to rename (write_atomic's cost 1.6 s more). A file cut
        # short is no JSON array, so it is never read as records (``_records``).
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
        target = folder / f"{blob}.json"
        with contextlib.suppress(OSError), open(os.open(target, flags, 0o666), "wb") as stream:
            stream.write(data.encode("utf-8"))

    def _forget_records(self, folder: Path, blobs: set[str]) -> None:
        """Remove the kept records of school files that are no longer there."""
        for name in os.listdir(folder):
            if name.removesuffix(".json") not in blobs:
                with contextlib.suppress(OSError):
                    os.unlink(folder / name)


def _group(entry: object) -> Group | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
        return None
    files = entry.get("files")
    if not isinstance(files, dict) or not all(relative(p) for p in files):
        return None  # each file's stamp is judged when the group is asked for
    return Group(entry["fingerprint"], files)


def prepared(root: Path, result: CheckResult, static: Path) -> BuildCache:
    """The cache for building a project that passed ``check(root, cache=True)``: a school
    that the check's cache answered for gets its kept summary, or is loaded now (one that
    passed alone has its summary in the corpus already)."""
    project, corpus = result.project, result.project.corpus
    cache = BuildCache.open(root, static, context_hash(corpus))
    if usable(root, root / CACHE / FILE_NAME):  # the records' folder, for the workers
        with contextlib.suppress(OSError):
            if disk_kind(folder := root / CACHE / RECORDS) is None:
                folder.mkdir(parents=True)
        cache.keeping = cache._records_folder()
    for brin in corpus.scholen:
        cache.blobs[brin] = corpus.adoptie_sources[brin].blob
    for path, blob in project.passed.items():  # their summaries are in the corpus
        cache.blobs[path.rpartition("/")[2].removesuffix(".yaml")] = blob
    for path, blob in project.recalled.items():
        if summary := cache.samenvatting(path, blob):
            corpus.samengevat[summary.brin] = summary
            cache.blobs[summary.brin] = blob
        else:
            file, school = _load(root, path, blob)
            corpus.scholen[school.brin] = school
            corpus.adoptie_sources[school.brin] = file
            cache.blobs[school.brin] = blob
    return cache


def _load(root: Path, path: str, blob: str) -> tuple[SourceFile, School]:
    """The school file at ``path``, which passed check as the blob ``blob``."""
    [file] = DiskSource(root).load_many([path])
    school = validate_shape(file, School) if file.ok else None
    if school is None or file.blob != blob:  # it passed check a moment ago
        raise BuildError(f"{file.path} veranderde tijdens het bouwen; bouw opnieuw")
    return file, school


def cijfers(view: AdoptieView, cache: BuildCache | None) -> dict[str, NetwerkCijfers]:
    """Every published network's figures, by slug: kept from an earlier build made from
    the same files of its schools, or made from their records."""
    found = {}
    for slug, netwerk in view.netwerken.items():
        name = f"netwerken/{slug}/cijfers"
        if cache is None:
            found[slug] = netwerk_cijfers(view.netwerk(slug))
            continue
        data = cache.recall(name, [s.brin for s in view.leden[slug]])
        kept = cijfers_from_json(data, slug, netwerk) if data is not None else None
        found[slug] = kept or netwerk_cijfers(view.netwerk(slug))
        if kept is None:
            cache.remember(name, cijfers_json(found[slug]))
    return found
