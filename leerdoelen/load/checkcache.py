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

The cache is a record in ``build/cache`` (``load.cachefile``): data only (JSON), written in
one rename. One that is unreadable, not ours,
made by another version of the package or for other facts, reached through a symlink, or
committed to git (``build/`` holds a file that git tracks: a pull request can bring that),
is ignored and replaced; it is never trusted.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leerdoelen.core.catalogue import CATALOGUE
from leerdoelen.core.corpus import Corpus
from leerdoelen.core.diagnostics import Diagnostic, Severity
from leerdoelen.load.cachefile import package_hash, read_bytes, read_record, write_record
from leerdoelen.util.git import blob_id

FILE_NAME = "check.json"
FORMAT = "leerdoelen check-cache 1"


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

    def recall(self, corpus: Corpus, paths: Iterable[str]) -> dict[str, list[Diagnostic]]:
        """The warnings of each school file (path relative to the root) that the cache
        answers for; the others must be loaded and checked."""
        self.key = hashlib.sha256((package_hash() + facts_hash(corpus)).encode()).hexdigest()
        record = read_record(self.root, FILE_NAME, FORMAT, self.key, "files")
        files = record["files"] if record else {}
        self.entries = {path: e for path, e in files.items() if _well_formed(e)}
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
        """Remember the school files that passed (path → blob id) and the ones recalled,
        with their warnings in ``found``; forget the rest. Silent when it cannot write."""
        if not self.key:
            return
        failed = {d.path for d in found if d.severity is Severity.ERROR}
        warnings: dict[str, list[list[Any]]] = {}
        for d in found:
            if d.path in passed:
                warnings.setdefault(d.path, []).append(
                    [d.line, d.column, d.code, d.message, list(d.related)]
                )
        entries = {path: e for path, e in self.recalled.items() if path not in failed}
        for path, blob in passed.items():
            if path not in failed:
                entries[path] = {"blob": blob, "warnings": warnings.get(path, [])}
        if entries == self.entries:
            return
        write_record(self.root, FILE_NAME, FORMAT, self.key, files=dict(sorted(entries.items())))


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
