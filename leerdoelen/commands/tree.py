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
    folders = [target] if disk_kind(target) == DIR else []
    while folders:  # scandir knows each entry's kind without a stat of its own
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(Path(entry.path))
                elif not entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)


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
