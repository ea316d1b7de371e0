"""Writing files whole or not at all, and saying in Dutch why reading or writing failed.

Every file the tool writes in place (school files, ``kader.yaml``, schemas, exports) goes
through :func:`write_atomic`: the data goes to a temporary file next to the target, which
replaces the target in one rename. A failure (disk full, no permission) leaves the target as
it was and no temporary file behind. Only a regular file is ever replaced: a folder, a
device such as ``/dev/full``, a FIFO or a symlink in the target's place is refused.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# Why an operation failed, by errno; anything else falls back to the system's own words.
_REASONS = {
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "het schijfquotum is op",
    errno.EFBIG: "het bestand wordt groter dan hier mag",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "niet toegestaan",
    errno.EROFS: "het bestandssysteem is alleen-lezen",
    errno.ENOENT: "bestaat niet",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "is een map",
    errno.EEXIST: "bestaat al",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.ELOOP: "te veel symbolische links",
    errno.EIO: "lees- of schrijffout op het apparaat",
    errno.EMFILE: "te veel open bestanden",
    errno.ENFILE: "te veel open bestanden",
    errno.EBUSY: "is in gebruik",
    errno.EPIPE: "de ontvanger is gestopt",
    errno.EINVAL: "ongeldige naam of bewerking",
    errno.EXDEV: "ligt op een ander bestandssysteem",
}


class WriteError(OSError):
    """A write that failed or was refused, naming the target; its strerror is Dutch, and
    so is ``str()`` (:func:`describe`)."""

    strerror: str  # never None: __init__ always passes a reason

    def __init__(self, path: Path, code: int, reason: str | None = None) -> None:
        super().__init__(code, reason or _REASONS.get(code) or os.strerror(code), str(path))

    def __str__(self) -> str:
        return describe(self)


def describe(error: OSError) -> str:
    """``'<path>': <why>``, in Dutch, for any OSError (the path only when it is known)."""
    if isinstance(error, WriteError):
        reason = error.strerror
    else:
        reason = _REASONS.get(error.errno or 0) or error.strerror or str(error)
    if error.filename is None:
        return reason
    where = f"'{os.fsdecode(error.filename)}'"
    if error.filename2 is not None:
        where += f" → '{os.fsdecode(error.filename2)}'"
    return f"{where}: {reason}"


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """``target`` as a hard link to ``source``; a copy (with its times) where none can be
    made: another file system, or no hard links there. FileExistsError when ``target`` is
    there: it is never replaced."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:
        shutil.copy2(source, target)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes, *, new: bool = False) -> None:
    """Replace ``path`` with ``data`` in one rename, keeping the file's permissions (a new
    file follows the umask). With ``new``, never replace: FileExistsError if it is there.
    Any failure raises :class:`WriteError` naming ``path``; nothing is left behind."""
    try:
        existing = path.lstat()
    except FileNotFoundError:
        existing = None
    except OSError as error:  # a path below a regular file, a name that is too long
        raise WriteError(path, error.errno or errno.EIO) from None
    if existing is not None:
        if new:
            raise FileExistsError(errno.EEXIST, "bestaat al", str(path))
        if not stat.S_ISREG(existing.st_mode):
            kind = "een map" if stat.S_ISDIR(existing.st_mode) else "geen gewoon bestand"
            raise WriteError(path, errno.EEXIST, f"is {kind}; dat wordt niet vervangen")
    parent = path.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # something else than a folder is in the way
        raise WriteError(parent, errno.ENOTDIR, "is geen map") from None
    except OSError as error:
        raise WriteError(Path(error.filename or parent), error.errno or errno.EIO) from None
    mode = stat.S_IMODE(existing.st_mode) if existing else 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{path.name[:100]}.", suffix=".tmp")
    except OSError as error:
        raise WriteError(path, error.errno or errno.EIO) from None
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.chmod(tmp, mode)
        if new:
            os.link(tmp, path)  # fails if the file appeared meanwhile: nothing overwritten
        else:
            os.replace(tmp, path)
    except FileExistsError:
        raise FileExistsError(errno.EEXIST, "bestaat al", str(path)) from None
    except OSError as error:
        raise WriteError(path, error.errno or errno.EIO) from None
    finally:
        Path(tmp).unlink(missing_ok=True)


@dataclass(frozen=True)
class Written:
    """In a stream of files to write: one that the worker process that made it wrote where
    it goes already (``commands.tree.Folder``), and whether that changed it."""

    changed: bool


def contents(
    made: Iterable[tuple[str, str | bytes | Written]],
) -> Iterator[tuple[str, str | bytes]]:
    """A stream of files made without writing them where they go: each with its content."""
    for path, content in made:
        assert not isinstance(content, Written), path
        yield path, content
