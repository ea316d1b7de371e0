"""What a build keeps for the next one (``build/cache/build.json``), so that a rebuild after
one school changed reads, checks and renders that school and its networks' downloads only.

``check`` answers for the school files that passed before and did not change
(``leerdoelen.load.checkcache``): they are not loaded. This cache holds, per school, what the
site shows of it (its ``Samenvatting``), for the pages that combine schools; and, per group
of files that the build writes to ``build/static`` (a school's page and downloads, a
network's downloads), the fingerprint of everything they were made from and the size and
modification time of each file as written. A group whose fingerprint is the same and whose
files are on disk as written is left as it is; any other is made again.

A fingerprint covers the package, the content that every school's files show (goals, frames,
networks, ``mkdocs.yml``, the goals' version) and the group's own inputs: each school's
file (its blob id), its last change and whether that is stale (which the date of today
decides). The cache is data only (JSON), replaced in one rename after a build that
succeeded; an unreadable, foreign or malformed one is ignored, never trusted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from leerdoelen.commands.check import CheckResult
from leerdoelen.commands.engines import BuildError
from leerdoelen.core.adoptie import ADOPTIE_STATUSSEN, Samenvatting, School, SchoolSoort, Stand
from leerdoelen.core.corpus import Corpus
from leerdoelen.core.model import Groep
from leerdoelen.load.cachefile import (
    CACHE,
    as_stamped,
    blob_id,
    package_hash,
    read_record,
    relative,
    stamp,
    usable,
    write_record,
)
from leerdoelen.load.shape import validate_shape
from leerdoelen.load.source import DiskSource

FILE_NAME = "build.json"
FORMAT = "leerdoelen build-cache 1"
STATUS = {status: i for i, status in enumerate(ADOPTIE_STATUSSEN)}


def context_hash(corpus: Corpus) -> str:
    """A hash of this package and of everything besides a school that its files show."""
    digest = hashlib.sha256(package_hash().encode())
    sources = {**corpus.sources, **{s: corpus.adoptie_sources[s] for s in corpus.netwerken}}
    for file in sorted(sources.values(), key=lambda f: f.path):
        digest.update(f"\0{file.path}\0{file.text}".encode())
    return digest.hexdigest()


def fingerprint(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()


# --- a school's summary as JSON ----------------------------------------------------------
# 7,000 schools hold 2 million records: as JSON lists they were 15 million objects, 7 s
# to read. So the records are one string (a line each: code, status, groepen, datum, which
# hold no tab, comma or line break) and only the free texts are JSON: 0.3 s.


def samenvatting_json(s: Samenvatting) -> list[Any]:
    lines = "\n".join(
        f"{code}\t{STATUS[r.status]}\t{','.join(r.groepen)}\t{_day(r.datum) or ''}"
        for code, r in s.records.items()
    )
    texts = {
        code: [r.toelichting, r.bewijs]
        for code, r in s.records.items()
        if r.toelichting is not None or r.bewijs is not None
    }
    head = [s.brin, s.naam, s.plaats, s.soort, s.voorbeeld, list(s.netwerken), _day(s.nieuwste)]
    return [*head, lines, texts]


def samenvatting_from_json(data: Any) -> Samenvatting | None:
    """The summary, or None for anything that is not exactly what ``samenvatting_json``
    writes."""
    try:
        brin, naam, plaats, soort, voorbeeld, netwerken, nieuwste, lines, texts = data
        if not isinstance(texts, dict):
            raise TypeError(texts)
        records = {}
        # Two million records at national scale: the loop does lookups, no calls of ours.
        statuses, groups, days = _STATUSES, _GROEPEN, _DAYS
        for line in _text(lines).split("\n") if lines else ():
            code, status, groepen, datum = line.split("\t")
            if (bands := groups.get(groepen)) is None:
                bands = tuple(groepen.split(",")) if groepen else ()
                if not set(bands) <= _BANDS:
                    raise ValueError(groepen)
                groups[groepen] = bands
            if (day := days.get(datum)) is None and datum:
                day = days[datum] = dt.date.fromisoformat(datum)
            records[code] = Stand(statuses[status], bands, day)
        if not texts.keys() <= records.keys():
            raise ValueError(texts)
        for code, pair in texts.items():
            toelichting, bewijs = _pair(pair)
            if bewijs is not None and not _URL.fullmatch(_text(bewijs)):
                raise ValueError(bewijs)  # https only, as the model says
            records[code] = records[code]._replace(
                toelichting=_optional(toelichting), bewijs=_optional(bewijs)
            )
        if soort not in _SOORTEN:
            raise ValueError(soort)
        summary = Samenvatting(
            _text(brin),
            _text(naam),
            _text(plaats),
            _text(soort),
            _flag(voorbeeld),
            tuple(_text(n) for n in netwerken),
            _date(nieuwste),
            records,
        )
    except (TypeError, ValueError, KeyError):
        return None
    return summary


_STATUSES = {str(i): status for i, status in enumerate(ADOPTIE_STATUSSEN)}
_BANDS = frozenset(get_args(Groep))
_SOORTEN = frozenset(get_args(SchoolSoort))
_URL = re.compile(r"https://[^\s]+")
_GROEPEN: dict[str, tuple[str, ...]] = {}  # as written → the groepen
_DAYS: dict[str, dt.date] = {}  # ISO date → the date: a few hundred days recur


def _pair(value: object) -> list[object]:
    if not isinstance(value, list) or len(value) != 2:
        raise TypeError(value)
    return value


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _optional(value: object) -> str | None:
    return None if value is None else _text(value)


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(value)
    return value


def _date(value: object) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(_text(value))


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
    schools: dict[str, list[Any]] = field(default_factory=dict)  # BRIN → [blob, summary]
    groups: dict[str, Group] = field(default_factory=dict)  # as read
    made: dict[str, Group] = field(default_factory=dict)  # this build's, kept or new
    asked: dict[str, str] = field(default_factory=dict)  # group → fingerprint asked for
    _keep: set[str] | None = None

    @classmethod
    def open(cls, root: Path, static: Path, key: str) -> BuildCache:
        cache = cls(root, static, key)
        loaded = read_record(root, FILE_NAME, FORMAT, key, "schools", "groups")
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
        return cache

    def samenvatting(self, brin: str, blob: str) -> Samenvatting | None:
        """The kept summary of the school whose file has this blob id, if any."""
        entry = self.schools.get(brin)
        if entry is None or entry[0] != blob:
            return None
        summary = samenvatting_from_json(entry[1])
        return summary if summary is not None and summary.brin == brin else None

    def kept(self, name: str, scholen: Iterable[str], *inputs: object) -> bool:
        """Whether the group ``name``, made from these schools' files and ``inputs``, is
        on disk as it was made; if so, its files stay (``keeps``). If not, the caller makes
        it again and says so (``wrote``)."""
        blobs = [(brin, self.blobs.get(brin)) for brin in scholen]
        self.asked[name] = fingerprint(self.key, name, blobs, inputs)
        group = self.groups.get(name)
        if group is None or group.fingerprint != self.asked[name] or not group.files:
            return False
        if any(blob is None for _, blob in blobs):
            return False
        if not all(as_stamped(self.root / self.static / p, s) for p, s in group.files.items()):
            return False
        self.made[name] = group
        return True

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

    def save(self, corpus: Corpus) -> None:
        """After a build that succeeded: remember every school's summary and every group's
        files as they are now. Silent when it cannot write."""
        if not usable(self.root, self.root / CACHE / FILE_NAME):
            return  # nor are the files' sizes read
        for group in self.made.values():
            for path in group.files:
                group.files[path] = stamp(self.root / self.static / path)
        schools, made = {}, 0
        for brin, summary in corpus.samenvattingen.items():
            if (blob := self.blobs.get(brin)) is None:
                continue
            kept = self.schools.get(brin)
            if brin in corpus.samengevat and kept is not None and kept[0] == blob:
                schools[brin] = kept  # as it was read: not made again
            else:
                schools[brin] = [blob, samenvatting_json(summary)]
                made += 1
        groups = {
            name: {"fingerprint": g.fingerprint, "files": g.files}
            for name, g in sorted(self.made.items())
        }
        read = {
            name: {"fingerprint": g.fingerprint, "files": g.files}
            for name, g in self.groups.items()
        }
        if not made and schools.keys() == self.schools.keys() and groups == read:
            return  # nothing to remember that is not remembered
        write_record(self.root, FILE_NAME, FORMAT, self.key, schools=schools, groups=groups)


def school_blob(text: str) -> str:
    """The blob id of a school file that loaded (its text is its bytes, decoded)."""
    return blob_id(text.encode("utf-8"))


def _group(entry: object) -> Group | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
        return None
    files = entry.get("files")
    if not isinstance(files, dict) or not all(relative(p) for p in files):
        return None  # each file's stamp is judged when the group is asked for
    return Group(entry["fingerprint"], files)


def prepared(root: Path, result: CheckResult, static: Path) -> BuildCache:
    """The cache for building a project that passed ``check(root, cache=True)``: a school
    the check did not load gets its kept summary, or is loaded now."""
    project, corpus = result.project, result.project.corpus
    cache = BuildCache.open(root, static, context_hash(corpus))
    for brin in corpus.scholen:
        cache.blobs[brin] = school_blob(corpus.adoptie_sources[brin].text)
    missing = []
    for path, blob in project.recalled.items():
        brin = path.rpartition("/")[2].removesuffix(".yaml")
        if summary := cache.samenvatting(brin, blob):
            corpus.samengevat[brin] = summary
            cache.blobs[brin] = blob
        else:
            missing.append(path)
    for file in DiskSource(root).load_many(missing):
        school = validate_shape(file, School) if file.ok else None
        if school is None:  # it passed check a moment ago
            raise BuildError(f"{file.path} veranderde tijdens het bouwen; bouw opnieuw")
        corpus.scholen[school.brin] = school
        corpus.adoptie_sources[school.brin] = file
        cache.blobs[school.brin] = school_blob(file.text)
    return cache
