"""Where ``build`` and ``export`` may write: never over anything this tool did not make.

Every rule is applied to the resolved path (symlinks and ``..`` followed), and a refusal is
an ``OutputRefused`` with a Dutch message that says what is there (the CLI: exit 2).

A folder we write (the site, an SLO export) carries a marker file at its root that says what
made it (``Kind.marker``). A target folder is refused when it

- is the project root or a folder above it, or is or lies in one of ``PROTECTED``;
- is or holds a file that git tracks, in whatever repository it lies;
- exists, is not empty and has no marker of its kind. The one exception is the project's own
  git-ignored ``public/``: a site built before sites were marked.

A target file (``export case|json|csv``) is refused when it is a symlink, a folder or any
other non-regular file, lies in a protected folder, or is tracked by git. An existing file
is replaced only when it begins as every export of that format does (``HEAD_LINES``): the
CSV's header line; for JSON the ``{`` and ``"domeinen"`` lines; for CASE the lines up to the
CFDocument's identifier, a UUID that is the same in every export of ours. Anything else is
someone's file.

Replacing a folder (``replacing``): its successor is made in a staging folder beside it,
``.<naam>.nieuw-<pid>-<hex>``, marked from the start, and swapped in only when it is
complete. On Linux the swap is one ``renameat2(RENAME_EXCHANGE)``, so there is no moment
without a complete folder; the old one is then at the staging path and removed. Where the
platform or file system cannot exchange, the old folder is first renamed to
``.<naam>.oud-<pid>-<hex>``: one rename without the folder. Whatever a killed run leaves
(its pid no longer runs, its name and marker are ours, or it is empty) is removed by the
next run, which first puts a left-over old folder back when the target is missing.

Longer than 350 lines: the target rules and the swap share ``Kind`` and the staging names;
apart, each would have to know the other's.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import os
import re
import secrets
import shutil
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leerdoelen import __version__
from leerdoelen.core.diagnostics import listing, printable
from leerdoelen.util.files import write_atomic
from leerdoelen.util.git import git, tracked

# The project's own folders: content, hand-written pages, schemas, our work folder and git.
PROTECTED = ("goals", "adoptie", "site", "schemas", "build", ".git")
HEAD_LINES = {"csv": 1, "json": 2, "case": 3}  # the lines every export of a format starts with


class OutputRefused(Exception):
    """The target may not be written; the message is Dutch and says what is there."""


@dataclass(frozen=True)
class Kind:
    naam: str  # Dutch, for messages
    marker: str  # the marker file at the root of the folder
    legacy: str | None = None  # the project's folder for it, unmarked before markers existed

    def mark(self, folder: Path) -> None:
        (folder / self.marker).write_text(
            f"Gemaakt door leerdoelen {__version__}: een {self.naam}. De volgende keer vervangt "
            "leerdoelen deze hele map; zet hier zelf niets neer.\n",
            encoding="utf-8",
        )

    def marks(self, folder: Path) -> bool:
        marker = folder / self.marker
        return marker.is_file() and not marker.is_symlink()


SITE = Kind("site", ".leerdoelen-site", legacy="public")
SLO_EXPORT = Kind("SLO-export", ".leerdoelen-slo")


# --- the rules ------------------------------------------------------------------------------


def folder_target(root: Path, out: Path, kind: Kind) -> Path:
    """``out`` resolved, when leerdoelen may replace it with a folder of ``kind``."""
    root, full = root.resolve(), _resolve(out)
    shown = _show(full)
    if full == root:
        raise OutputRefused(f"{shown} is de projectmap; kies een eigen map, zoals public/")
    if root.is_relative_to(full):
        raise OutputRefused(f"{shown} ligt boven de projectmap ({_show(root)}); kies een eigen map")
    _refuse_protected(root, full, shown)
    existing = next(p for p in (full, *full.parents) if p.exists())
    if not existing.is_dir():
        raise OutputRefused(f"{_show(existing)} is geen map")
    if full.is_dir():
        _refuse_tracked(full, shown)
        names = sorted(os.listdir(full))
        legacy = kind.legacy and full == root / kind.legacy and _ignored(root, kind.legacy)
        if names and not kind.marks(full) and not legacy:
            listed = _names(f + "/" if (full / f).is_dir() else f for f in names)
            raise OutputRefused(
                f"{shown} is niet leeg en is geen {kind.naam} van leerdoelen (met daarin "
                f"{listed}); kies een nieuwe of lege map, of ruim deze map zelf op"
            )
    return full


def claim_folder(root: Path, out: Path, kind: Kind) -> Path:
    """``folder_target``, then ready for ``replacing``: what killed runs left beside ``out``
    is cleaned up (a missing ``out`` is put back first)."""
    full = folder_target(root, out, kind)
    clean_leftovers(full, kind)
    return full


def file_target(root: Path, out: Path, kind: str, data: bytes) -> Path:
    """``out`` resolved, when leerdoelen may write ``data``, an export of ``kind``, there."""
    if out.is_symlink():
        raise OutputRefused(f"{_show(out)} is een symbolische link; geef een gewoon bestand")
    root, full = root.resolve(), _resolve(out)
    shown = _show(full)
    if full.is_dir():
        raise OutputRefused(f"{shown} is een map; geef een bestandsnaam")
    _refuse_protected(root, full, shown)
    if not full.exists():
        return full
    if not stat.S_ISREG(full.stat().st_mode):
        raise OutputRefused(f"{shown} is geen gewoon bestand")
    _refuse_tracked(full, shown)
    head = b"".join(data.splitlines(keepends=True)[: HEAD_LINES[kind]])
    with full.open("rb") as file:
        found = file.read(max(len(head), 80))
    if found and not (head and found.startswith(head)):  # an empty file holds nothing
        raise OutputRefused(
            f"{shown} bestaat al en is geen eerdere {kind}-export van leerdoelen (het begint "
            f"met {_show(found[:60].decode('utf-8', 'replace'))}); kies een andere naam, of "
            "verwijder het bestand zelf"
        )
    return full


def _resolve(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError) as error:  # a symlink loop, an unreadable folder
        raise OutputRefused(f"{_show(path)} kan niet worden gevolgd ({error})") from None


def _refuse_protected(root: Path, full: Path, shown: str) -> None:
    for name in PROTECTED:
        if full.is_relative_to(root / name):
            raise OutputRefused(
                f"{shown} ligt in {name}/ van het project; daar schrijft leerdoelen geen uitvoer"
            )


def _refuse_tracked(full: Path, shown: str) -> None:
    if not (files := tracked(full)):
        return
    if not full.is_dir():
        raise OutputRefused(f"{shown} wordt bijgehouden door git; leerdoelen overschrijft het niet")
    raise OutputRefused(
        f"{shown} bevat bestanden die git bijhoudt ({_names(files)}); "
        "leerdoelen overschrijft die niet"
    )


def _ignored(root: Path, name: str) -> bool:
    run = git(root, "check-ignore", "-q", "--", name)  # a fixed name: no literal pathspecs
    return run is not None and run.returncode == 0


# --- replacing a folder -----------------------------------------------------------------------


@contextlib.contextmanager
def replacing(root: Path, out: Path, kind: Kind) -> Iterator[Path]:
    """A new, marked folder to fill; when the block ends without error it replaces ``out``.

    ``out`` comes from ``claim_folder`` and is checked again before the swap, since the
    folder may have changed while the block ran. On error nothing of the new folder stays.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = _sibling(out, "nieuw", make=True)
    try:
        kind.mark(staging)
        yield staging
        folder_target(root, out, kind)
        publish(staging, out, kind)
    finally:
        _remove(staging, kind)


def write_folder(root: Path, out: Path, kind: Kind, files: dict[str, bytes]) -> None:
    """Replace the folder ``out`` (from ``claim_folder``) with exactly ``files``."""
    with replacing(root, out, kind) as folder:
        for relative, data in files.items():
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            (folder / relative).write_bytes(data)


def write_file(root: Path, out: Path, kind: str, data: bytes) -> Path:
    """Write ``data``, an export of ``kind``, to ``out`` when ``file_target`` allows it."""
    full = file_target(root, out, kind, data)
    write_atomic(full, data)
    return full


def publish(new: Path, out: Path, kind: Kind) -> None:
    """Put the folder ``new`` in the place of ``out``; the old ``out`` is removed."""
    if not os.path.lexists(out):
        os.rename(new, out)
        return
    if not kind.marks(out):  # the legacy public/: recognisable should a kill leave it behind
        kind.mark(out)
    if exchange(new, out):
        _remove(new, kind)  # the old folder, now at the staging path
        return
    old = _sibling(out, "oud")
    os.rename(out, old)
    try:
        os.rename(new, out)
    except BaseException:
        os.rename(old, out)
        raise
    _remove(old, kind)


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths in one atomic step; False where the platform cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    number = ctypes.get_errno()
    if number in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # an old kernel, or a file system without exchange
    raise OSError(number, os.strerror(number), str(a), None, str(b))


_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


@functools.cache
def _renameat2() -> Any:  # the C function, or None
    if not sys.platform.startswith("linux"):
        return None
    function = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)  # glibc >= 2.28
    if function is not None:
        function.argtypes = [ctypes.c_int, ctypes.c_char_p] * 2 + [ctypes.c_uint]
        function.restype = ctypes.c_int
    return function


def clean_leftovers(out: Path, kind: Kind) -> None:
    """Remove what killed runs left beside ``out``; first put back a missing ``out``.

    Only folders with our name pattern and marker (or empty: killed before the marker was
    written, or after everything else was removed), whose process no longer runs.
    """
    if not out.parent.is_dir():
        return
    pattern = re.compile(rf"\.{re.escape(out.name)}\.(nieuw|oud)-(\d+)-[0-9a-f]+")
    left: list[tuple[str, Path]] = []
    with os.scandir(out.parent) as entries:
        for entry in entries:
            match = pattern.fullmatch(entry.name)
            path = Path(entry.path)
            if (
                match
                and entry.is_dir(follow_symlinks=False)
                and (kind.marks(path) or not any(path.iterdir()))
                and not _running(int(match[2]))
            ):
                left.append((match[1], path))
    old = sorted(
        (p for word, p in left if word == "oud" and kind.marks(p)), key=lambda p: p.stat().st_mtime
    )
    if old and not os.path.lexists(out):  # killed between the two renames of the fallback
        os.rename(old[-1], out)
        left.remove(("oud", old[-1]))
    for _, path in left:
        _remove(path, kind)


def _remove(folder: Path, kind: Kind) -> None:
    """Remove a folder of ours, its marker last: a run killed halfway leaves a folder that
    the next run still recognises as ours."""
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            elif entry.name != kind.marker:
                os.unlink(entry.path)
    shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    if os.name != "posix":  # os.kill(pid, 0) is no question there: keep the folder
        return True
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _sibling(out: Path, word: str, make: bool = False) -> Path:
    """A new name beside ``out`` for this process; with ``make``, a folder (umask applies)."""
    while True:
        path = out.with_name(f".{out.name}.{word}-{os.getpid()}-{secrets.token_hex(4)}")
        if os.path.lexists(path):
            continue
        if make:
            try:
                path.mkdir()
            except FileExistsError:
                continue
        return path


# --- messages ---------------------------------------------------------------------------------


def _show(path: Path | str) -> str:
    """A path or name in quotes, control characters escaped (a name cannot forge a line)."""
    return f"'{printable(str(path))}'"


def _names(names: Iterator[str] | list[str]) -> str:
    return listing([_show(name) for name in names])
