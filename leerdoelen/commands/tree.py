"""Writing generated files into a folder of ``build/``: only what changed, never through
a symlink, and nothing left over from before."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from leerdoelen.load.regular import DIR, FILE, disk_kind


def _unlink_links(target: Path) -> None:
    """Remove every symlink (and FIFO, socket, device) in ``target``, ``target`` included.

    ``build/`` is ours, but a symlink can still get there (committed despite .gitignore):
    it is never written through, and MkDocs, which follows symlinks, never sees it.
    """
    if disk_kind(target) not in (FILE, DIR, None):
        target.unlink()
    for folder, dirs, names in os.walk(target):  # does not descend into a symlink
        for name in [*dirs, *names]:
            path = Path(folder, name)
            if disk_kind(path) not in (FILE, DIR, None):
                path.unlink()
                if name in dirs:
                    dirs.remove(name)


def write_tree(
    target: Path,
    files: dict[str, str | bytes] | Iterable[tuple[str, str | bytes]],
    keep: Callable[[str], bool] = lambda path: False,
) -> list[str]:
    """Make ``target`` hold exactly ``files``, and the files it has for which ``keep``
    says so (asked when all ``files`` are written); write only what changed. Returns changes.

    ``files`` may be a stream of ``(path, content)``: each is written as it comes, so the
    thousands of school files are never all in memory at once."""
    _unlink_links(target)
    changed = []
    written: set[str] = set()
    for relative, content in files.items() if isinstance(files, dict) else files:
        written.add(relative)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path = target / relative
        if path.is_file():
            if path.read_bytes() == data:
                continue
            # A new file, not the old one overwritten: a published site may hard-link it.
            path.unlink()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        changed.append(relative)
    if target.is_dir():
        for path in sorted(target.rglob("*"), reverse=True):
            relative = path.relative_to(target).as_posix()
            if path.is_file() and relative not in written and not keep(relative):
                path.unlink()
                changed.append(relative)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed
