"""The files in ``build/cache``: where they are, when one may be used, and reading and
writing one as a record (JSON: a format, a key, data).

A cache file is used only in our own folders and as a regular file (never through a
symlink), and never when git tracks anything under ``build/``: a pull request can commit
``build/cache`` past ``.gitignore``, and such a cache is a stranger's, not ours. A record
is used only when it is JSON with the expected format and key; anything else (unreadable,
another version's, for other content) is as if there were none. Writing is one rename,
and silent when it fails: a cache that cannot be written costs time, not correctness.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import stat
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import leerdoelen
from leerdoelen.load.regular import DIR, FILE, NotRegular, disk_kind, open_regular
from leerdoelen.load.yamlfile import MAX_BYTES
from leerdoelen.util.files import WriteError, write_atomic
from leerdoelen.util.git import tracked

CACHE = Path("build/cache")
MAX_CACHE = 256 * 1024 * 1024  # a record larger than this is not ours
# The libraries whose behaviour a cached answer depends on, besides this package.
LIBRARIES = ("yaml-rs", "PyYAML", "pydantic", "pydantic-core")


@functools.cache
def package_hash() -> str:
    """A hash of every file of this package and of the libraries' versions: read once a
    process (each cache asks for it)."""
    digest = hashlib.sha256()
    package = Path(leerdoelen.__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    digest.update(versions(LIBRARIES).encode())
    return digest.hexdigest()


def versions(libraries: Iterable[str]) -> str:
    """The installed versions of ``libraries``, for a cache's key."""
    found = []
    for library in libraries:
        try:
            found.append(f"{library}=={version(library)}")
        except PackageNotFoundError:
            found.append(f"{library} ontbreekt")
    return "\0".join(found)


def relative(path: object) -> bool:
    """Whether a path read from a cache stays below the folder it is relative to."""
    return (
        isinstance(path, str)
        and bool(path)
        and not path.startswith("/")
        and ".." not in path.split("/")
    )


def stamp(path: Path) -> list[int]:
    """A written file's size and modification time, as a cache keeps them."""
    found = os.lstat(path)
    return [found.st_size, found.st_mtime_ns]


def as_stamped(path: Path, seen: object) -> bool:
    """Whether ``path`` is still the regular file that ``stamp`` saw (``seen``)."""
    if not (isinstance(seen, list) and len(seen) == 2 and all(type(n) is int for n in seen)):
        return False
    try:
        found = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(found.st_mode) and [found.st_size, found.st_mtime_ns] == seen


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


def read_record(root: Path, name: str, form: str, key: str, *fields: str) -> dict[str, Any] | None:
    """The record ``build/cache/<name>``, when it is ours: of format ``form``, made under
    ``key``, with each of ``fields`` a JSON object."""
    file = root / CACHE / name
    data = read_bytes(file, MAX_CACHE) if usable(root, file) else None
    try:
        loaded = json.loads(data) if data is not None else None
    except (ValueError, RecursionError):  # not JSON, or nested too deep
        return None
    if not (
        isinstance(loaded, dict)
        and loaded.get("format") == form
        and loaded.get("key") == key
        and all(isinstance(loaded.get(field), dict) for field in fields)
    ):
        return None
    return loaded


def write_record(root: Path, name: str, form: str, key: str, **fields: object) -> None:
    """Replace the record ``build/cache/<name>``; silent when it may or cannot be written."""
    file = root / CACHE / name
    if not usable(root, file):
        return
    data = {"format": form, "key": key, **fields}
    with contextlib.suppress(WriteError):
        write_atomic(file, json.dumps(data, ensure_ascii=False).encode("utf-8"))
