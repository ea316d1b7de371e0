"""What ``check`` found in school files that passed, kept between runs in ``build/cache``.

At national scale ``check`` reads some 7,000 school files of ~60 KB; a pull request changes
a few. A school file without errors stays without errors as long as

- its own bytes are the same (its blob id, as git computes it);
- this package is the same (its parser, models, rules and messages: a hash of its files
  and the versions of the libraries that read YAML and validate);
- the few facts of the rest that a school's rules read are the same: the goals with their
  status and replacements (LD401, LD402), the goal files that did not load, and the
  networks (LD404).

Time only clears errors (LD403 is a datum after today), so a file that passed keeps
passing. Such a file is answered from the cache: it is not read as YAML, not validated
and not in the corpus; its warnings (LD113, LD117-LD119: from its own bytes) are reported
as before. A file with an error is never kept: it is read and judged again every time.

The cache is data only (JSON), written in one rename. One that is unreadable, not ours,
made by another version of the package or for other facts, reached through a symlink, or
committed to git (``build/`` holds a file that git tracks: a pull request can bring that),
is ignored and replaced; it is never trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import leerdoelen
from leerdoelen.core.catalogue import CATALOGUE
from leerdoelen.core.corpus import Corpus
from leerdoelen.core.diagnostics import Diagnostic, Severity
from leerdoelen.load.regular import DIR, FILE, NotRegular, disk_kind, open_regular
from leerdoelen.load.yamlfile import MAX_BYTES
from leerdoelen.util.files import WriteError, write_atomic
from leerdoelen.util.git import tracked

CACHE = Path("build/cache")
FILE_NAME = "check.json"
FORMAT = "leerdoelen check-cache 1"
MAX_CACHE = 256 * 1024 * 1024  # some 100 bytes a school; more is not ours
# The libraries whose behaviour a cached answer depends on, besides this package.
LIBRARIES = ("yaml-rs", "PyYAML", "pydantic", "pydantic-core")


def blob_id(data: bytes) -> str:
    """git's object id for a file with these bytes."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def package_hash() -> str:
    """A hash of every file of this package and of the libraries' versions."""
    digest = hashlib.sha256()
    package = Path(leerdoelen.__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    for library in LIBRARIES:
        try:
            digest.update(f"{library}=={version(library)}\0".encode())
        except PackageNotFoundError:
            digest.update(f"{library} ontbreekt\0".encode())
    return digest.hexdigest()


def facts_hash(corpus: Corpus) -> str:
    """A hash of what a school's rules read of the rest of the project."""
    facts = {
        "leerdoelen": sorted(
            (code, doel.status, doel.vervangen_door or [])
            for code, doel in corpus.leerdoelen.items()
        ),
        "unloaded": sorted(corpus.unloaded),
        "netwerken": sorted(corpus.netwerken),
    }
    return hashlib.sha256(json.dumps(facts).encode()).hexdigest()


@dataclass
class CheckCache:
    """The cache of one project: ``recall`` before the school files are loaded, ``keep``
    when the check is done."""

    root: Path
    key: str = ""  # package and facts: an entry answers only under the same key
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)  # path → entry
    recalled: dict[str, dict[str, Any]] = field(default_factory=dict)  # answered this run

    @property
    def file(self) -> Path:
        return self.root / CACHE / FILE_NAME

    def recall(self, corpus: Corpus, paths: Iterable[str]) -> dict[str, list[Diagnostic]]:
        """The warnings of each school file (path relative to the root) that the cache
        answers for; the others must be loaded and checked."""
        self.key = hashlib.sha256((package_hash() + facts_hash(corpus)).encode()).hexdigest()
        self.entries = self._read() if usable(self.root, self.file) else {}
        answered = {}
        for path in paths:
            entry = self.entries.get(path)
            if entry is None:
                continue
            data = read_bytes(self.root / path)
            if data is not None and blob_id(data) == entry["blob"]:
                answered[path] = [_diagnostic(path, item) for item in entry["warnings"]]
                self.recalled[path] = entry
        return answered

    def keep(self, passed: dict[str, str], found: Iterable[Diagnostic]) -> None:
        """Remember the school files that passed (path → text) and the ones recalled,
        with their warnings in ``found``; forget the rest. Silent when it cannot write."""
        if not self.key or not usable(self.root, self.file):
            return
        failed = {d.path for d in found if d.severity is Severity.ERROR}
        warnings: dict[str, list[list[Any]]] = {}
        for d in found:
            if d.path in passed:
                warnings.setdefault(d.path, []).append(
                    [d.line, d.column, d.code, d.message, list(d.related)]
                )
        entries = {path: e for path, e in self.recalled.items() if path not in failed}
        for path, text in passed.items():
            if path not in failed:
                blob = blob_id(text.encode("utf-8"))
                entries[path] = {"blob": blob, "warnings": warnings.get(path, [])}
        if entries == self.entries:
            return
        data = {"format": FORMAT, "key": self.key, "files": dict(sorted(entries.items()))}
        # A cache that cannot be written costs time, not correctness.
        with contextlib.suppress(WriteError):
            write_atomic(self.file, json.dumps(data, ensure_ascii=False).encode("utf-8"))

    def _read(self) -> dict[str, dict[str, Any]]:
        data = read_bytes(self.file, MAX_CACHE)
        try:
            loaded = json.loads(data) if data is not None else None
        except ValueError:
            return {}
        if not (
            isinstance(loaded, dict)
            and loaded.get("format") == FORMAT
            and loaded.get("key") == self.key
            and isinstance(loaded.get("files"), dict)
        ):
            return {}
        return {p: e for p, e in loaded["files"].items() if _well_formed(e)}


def usable(root: Path, file: Path) -> bool:
    """Whether ``file`` in ``build/cache`` may be read and written: only our own folders
    and a regular file (or none yet), never a symlink, and nothing under ``build/`` that git
    tracks: a cache that came in with a pull request is the stranger's, not ours."""
    folders = (root / "build", root / CACHE)
    return (
        all(disk_kind(f) in (DIR, None) for f in folders)
        and disk_kind(file) in (FILE, None)
        and not tracked(root / "build")
    )


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes | None:
    """A regular file's bytes (never through a symlink), if not over ``limit``."""
    try:
        with open_regular(path) as stream:
            data = stream.read(limit + 1)
    except (NotRegular, OSError):
        return None
    return data if len(data) <= limit else None


def _well_formed(entry: object) -> bool:
    if not isinstance(entry, dict) or not isinstance(entry.get("blob"), str):
        return False
    warnings = entry.get("warnings")
    return isinstance(warnings, list) and all(
        isinstance(w, list)
        and len(w) == 5
        and isinstance(w[0], int)
        and isinstance(w[1], int)
        and isinstance(w[2], str)
        and w[2] in CATALOGUE
        and CATALOGUE[w[2]].severity == "warning"
        and isinstance(w[3], str)
        and isinstance(w[4], list)
        and all(isinstance(r, str) for r in w[4])
        for w in warnings
    )


def _diagnostic(path: str, item: list[Any]) -> Diagnostic:
    line, column, code, message, related = item
    return Diagnostic(path, line, column, code, message, tuple(related))
