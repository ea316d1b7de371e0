"""Writing generated files into a folder of ``build/``: only what changed, never through
a symlink, and nothing left over from before."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from leerdoelen.load.cachefile import MAX_CACHE, read_bytes
from leerdoelen.load.regular import DIR, FILE, disk_kind
from leerdoelen.util.files import Written


def _unlink_links(target: Path) -> None:
    """Remove every symlink (and FIFO, socket, device) in ``target``, ``target`` included.

    ``build/`` is ours, but a symlink can still get there (committed despite .gitignore):
    it is never written through, and MkDocs, which follows symlinks, never sees it.
    """
    if disk_kind(target) not in (FILE, DIR, None):
        target.unlink()
    folders = [target] if disk_kind(target) == DIR else []
    while folders:  # scandir knows each entry's kind without a stat of its own
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(Path(entry.path))
                elif not entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)


def write_file(target: Path, relative: str, content: str | bytes) -> bool:
    """Make ``target/relative`` hold ``content``, writing it only if it differs; whether
    it did. A changed file is a new file, not the old one overwritten: a published site
    may hard-link it. Made with one call where nothing is there yet (a cold build: 21,000
    files), without a look first and a folder made for each."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path = os.path.join(target, relative)
    try:
        _create(path, data)
    except FileNotFoundError:  # its folder is not there yet
        os.makedirs(os.path.dirname(path), exist_ok=True)
        _create(path, data)
    except FileExistsError:
        if _holds(path, data):
            return False
        os.unlink(path)  # (a folder there: the error says so)
        _create(path, data)
    return True


def _holds(path: str, data: bytes) -> bool:
    """Whether ``path`` is a regular file (not a symlink) that holds ``data``."""
    found = os.lstat(path)
    if not stat.S_ISREG(found.st_mode) or found.st_size != len(data):
        return False
    with open(path, "rb") as stream:
        return stream.read() == data


_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)


def _create(path: str, data: bytes) -> None:
    with open(os.open(path, _NEW, 0o666), "wb") as stream:
        stream.write(data)


class Folder:
    """A folder of ``build/`` that the worker processes write their files into as they make
    them (``render.site.Sink``), within a ``write_tree`` of it: their results then carry no
    file contents back, and the files are read back only when asked for."""

    def __init__(self, target: Path) -> None:
        self.target = target
        _unlink_links(target)  # before any worker writes there

    def put(self, relative: str, content: str | bytes) -> Written:
        return Written(write_file(self.target, relative, content))

    def get(self, relative: str) -> bytes | None:
        return read_bytes(self.target / relative, MAX_CACHE)


def write_tree(
    target: Path,
    files: dict[str, str | bytes] | Iterable[tuple[str, str | bytes | Written]],
    keep: Callable[[str], bool] = lambda path: False,
) -> list[str]:
    """Make ``target`` hold exactly ``files``, and the files it has for which ``keep``
    says so (asked when all ``files`` are written); write only what changed. Returns changes.

    ``files`` may be a stream of ``(path, content)``: each is written as it comes, so the
    thousands of school files are never all in memory at once; a content ``Written`` says
    that the file is in ``target`` already (``Folder``)."""
    _unlink_links(target)
    changed = []
    written: set[str] = set()
    for relative, content in files.items() if isinstance(files, dict) else files:
        written.add(relative)
        if isinstance(content, Written):
            is_new = content.changed
        else:
            is_new = write_file(target, relative, content)
        if is_new:
            changed.append(relative)
    removed = []
    # os.walk, not Path.rglob: at national scale there are 21,000 files to look at.
    for folder, _, names in os.walk(target, topdown=False):  # a folder after its contents
        inside = os.path.relpath(folder, target).replace(os.sep, "/")
        prefix = "" if inside == "." else f"{inside}/"
        for name in names:
            relative = prefix + name
            if relative not in written and not keep(relative):
                os.unlink(os.path.join(folder, name))
                removed.append(relative)
        if prefix and not os.listdir(folder):
            os.rmdir(folder)
    changed.extend(sorted(removed, reverse=True))
    return changed
