"""Goals that ``HEAD`` has and the working tree lost: LD501 without ``--base``.

Cheap on purpose, as every ``check`` runs it: one ``git ls-tree`` of HEAD's goals/ folder,
and only when a goal file that HEAD has is gone from the disk, one ``git cat-file`` that
reads those files' code and titel. A goal moved to another file is no loss: its code is
still in the corpus. Outside git (or before the first commit) nothing is reported.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from leerdoelen.core.corpus import Corpus
from leerdoelen.core.diagnostics import Diagnostic, diagnostic
from leerdoelen.load.project import GOALS, KADER
from leerdoelen.load.yamlfile import parse_yaml


@dataclass(frozen=True)
class Removed:
    code: str
    titel: str
    path: str  # where HEAD has it, relative to the project root


def removed_at_head(root: Path, corpus: Corpus) -> list[Removed]:
    """The goals in HEAD whose file is gone and whose code no working-tree file carries."""
    listed = _git(root, ["ls-tree", "-r", "--name-only", "HEAD", "--", GOALS])
    if listed is None:
        return []
    gone = [
        path
        for path in listed.decode("utf-8", "surrogateescape").splitlines()
        if path.endswith(".yaml")
        and path.count("/") == 2
        and not path.endswith("/" + KADER)
        and not (root / path).exists()
    ]
    if not gone:
        return []
    batch = _git(root, ["cat-file", "--batch"], "".join(f"HEAD:./{p}\n" for p in gone))
    found = []
    for path, data in zip(gone, _blobs(batch or b""), strict=False):
        loaded = parse_yaml(data, path)
        fields = loaded.data if loaded.ok and isinstance(loaded.data, dict) else {}
        code, titel = fields.get("code"), fields.get("titel")
        if not isinstance(code, str):  # no code to miss: name it after its file
            code = path.rpartition("/")[2].removesuffix(".yaml")
        if code not in corpus.leerdoelen and code not in corpus.unloaded:
            found.append(Removed(code, titel if isinstance(titel, str) else "", path))
    return found


def removed_rules(removed: list[Removed]) -> list[Diagnostic]:
    """LD501 at the first line of each removed goal's old path."""
    return [diagnostic("LD501", r.path, 1, 1, code=r.code, titel=r.titel) for r in removed]


def _git(root: Path, args: list[str], stdin: str | None = None) -> bytes | None:
    """git's output in ``root``; None when git is missing or fails (not a repository)."""
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=root,
            input=stdin.encode("utf-8", "surrogateescape") if stdin is not None else None,
            capture_output=True,
            check=False,
        )
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def _blobs(batch: bytes) -> list[bytes]:
    """The contents in ``git cat-file --batch`` output, in order; a missing object gives
    empty bytes, and so does one that is not a file."""
    found, at = [], 0
    while at < len(batch):
        end = batch.index(b"\n", at)
        header = batch[at:end].split()
        at = end + 1
        if len(header) == 3:  # "<sha> <type> <size>", then the content and a newline
            size = int(header[2])
            found.append(batch[at : at + size] if header[1] == b"blob" else b"")
            at += size + 1
        else:  # "<name> missing"
            found.append(b"")
    return found
