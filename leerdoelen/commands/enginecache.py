"""The site generator's output, kept for a build whose input to it is the same.

MkDocs (or Zensical) reads ``build/pages``, ``mkdocs.yml``, the theme overrides and the
footer's version; what changes with schools is not in that input (``render.slots``). So
after a build that changed only schools, the generator's output of the last build is still
right: it is kept in ``build/cache/engine/`` (hard links to the files it wrote, made before
anything is added to them) and linked into the new site instead of running the generator.

The key is a hash of everything the generator reads, this package and the versions of the
generator and its Markdown extensions. A kept file is used only while it is a regular file
with the size and modification time it had when it was kept; otherwise the generator runs.
The record is data only (``build/cache/engine.json``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from pathlib import Path

from leerdoelen.load.cachefile import (
    CACHE,
    as_stamped,
    package_hash,
    read_record,
    relative,
    stamp,
    usable,
    versions,
    write_record,
)
from leerdoelen.load.regular import DIR, FILE, disk_kind
from leerdoelen.util.files import link_or_copy

FORMAT = "leerdoelen engine-cache 1"
RECORD = "engine.json"
FOLDER = "engine"
LIBRARIES = ("mkdocs", "mkdocs-material", "zensical", "Markdown", "pymdown-extensions")


def engine_key(
    root: Path,
    engine: str,
    files: dict[str, str | bytes],
    footer: dict[str, str] | None,
    read: tuple[Path, ...],
) -> str:
    """A hash of what the generator reads: the pages, the files and folders in ``read``
    (``mkdocs.yml``, the theme overrides), the footer; and of who reads it."""
    digest = hashlib.sha256(f"{FORMAT}\0{engine}\0{package_hash()}\0".encode())
    digest.update(versions(LIBRARIES).encode())
    digest.update(json.dumps(footer, sort_keys=True).encode())
    for path in sorted(files):
        content = files[path]
        data = content.encode("utf-8") if isinstance(content, str) else content
        digest.update(f"\0{path}\0{len(data)}\0".encode() + data)
    for item in read:
        for file in sorted(_files_below(item)):
            digest.update(f"\0{file.relative_to(root).as_posix()}\0".encode() + file.read_bytes())
    return digest.hexdigest()


def _files_below(path: Path) -> list[Path]:
    if disk_kind(path) == FILE:
        return [path]
    if disk_kind(path) != DIR:
        return []
    found = []
    for folder, _, names in os.walk(path):  # does not descend into a symlink
        found += [Path(folder, name) for name in names if disk_kind(Path(folder, name)) == FILE]
    return found


class EngineCache:
    def __init__(self, root: Path, key: str) -> None:
        self.root = root
        self.key = key
        self.record = root / CACHE / RECORD
        self.folder = root / CACHE / FOLDER

    def _usable(self) -> bool:
        return usable(self.root, self.record) and disk_kind(self.folder) in (DIR, None)

    def reuse(self, site_dir: Path) -> bool:
        """Link the kept output into ``site_dir`` when it is the output for this key."""
        record = read_record(self.root, RECORD, FORMAT, self.key, "files")
        if record is None or disk_kind(self.folder) != DIR:
            return False
        files: dict[str, object] = record["files"]
        for path, seen in files.items():
            if not relative(path) or not as_stamped(self.folder / path, seen):
                return False
        for path in files:
            target = site_dir / path
            if target.exists():  # the new site's own marker
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            link_or_copy(self.folder / path, target)
        return True

    def keep(self, site_dir: Path) -> None:
        """Keep the generator's output in ``site_dir`` (before anything else goes in)."""
        if not self._usable():
            return
        with contextlib.suppress(FileNotFoundError):
            self.record.unlink()  # no record for a folder half replaced
        shutil.rmtree(self.folder, ignore_errors=True)
        kept: dict[str, list[int]] = {}
        for folder, _, names in os.walk(site_dir):
            for name in names:
                source = Path(folder, name)
                path = source.relative_to(site_dir).as_posix()
                target = self.folder / path
                target.parent.mkdir(parents=True, exist_ok=True)
                link_or_copy(source, target)
                kept[path] = stamp(target)
        write_record(self.root, RECORD, FORMAT, self.key, files=kept)
