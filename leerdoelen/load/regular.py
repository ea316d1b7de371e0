"""Only regular files inside the project are content.

A symlink can point anywhere (``/proc/self/environ``, ``../../.git/config``), a FIFO blocks
whoever opens it, a socket or a device is no text. None of them is ever followed, opened
or descended into: each is one diagnostic (LD114), the same from the working tree as from
a commit (git stores a symlink as a symlink, and nothing else of the kind).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

FILE, DIR = "file", "dir"
SYMLINK, FIFO, SOCKET, DEVICE = "symlink", "fifo", "socket", "device"
# What each kind that is not content is called in a message.
SOORT = {
    DIR: "een map",
    SYMLINK: "een symbolische koppeling (symlink)",
    FIFO: "een named pipe (FIFO)",
    SOCKET: "een socket",
    DEVICE: "een apparaatbestand",
}
# Never follow the last part of a path, never wait for a writer (FIFO): where they exist.
_OPEN = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
_OPEN |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


class NotRegular(Exception):
    """A path that is no regular file: it was not read."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def kind_of(mode: int) -> str:
    """The kind of file that a ``st_mode`` describes."""
    if stat.S_ISREG(mode):
        return FILE
    if stat.S_ISDIR(mode):
        return DIR
    if stat.S_ISLNK(mode):
        return SYMLINK
    if stat.S_ISFIFO(mode):
        return FIFO
    if stat.S_ISSOCK(mode):
        return SOCKET
    return DEVICE  # a character or block device, or a kind only some platforms have


def disk_kind(path: Path) -> str | None:
    """The kind of ``path`` itself (a symlink is not followed); None if nothing is there
    (or nothing that can be seen: a folder without search permission)."""
    try:
        return kind_of(os.lstat(path).st_mode)
    except OSError:
        return None


def entry_kind(entry: os.DirEntry[str]) -> str | None:
    """The kind of a folder entry, mostly without another system call."""
    if entry.is_symlink():
        return SYMLINK
    if entry.is_dir(follow_symlinks=False):
        return DIR
    if entry.is_file(follow_symlinks=False):
        return FILE
    try:
        return kind_of(entry.stat(follow_symlinks=False).st_mode)
    except OSError:  # gone since the folder was listed, or not to be seen
        return None


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading; anything else raises NotRegular, unread.

    The caller has seen a regular file already (``lstat``); this is the belt: a symlink is
    not followed (``O_NOFOLLOW``) and a FIFO does not block (``O_NONBLOCK``).
    """
    try:
        fd = os.open(path, _OPEN)
    except OSError:
        kind = disk_kind(path)
        if kind not in (FILE, DIR, None):
            raise NotRegular(kind) from None
        raise
    try:
        kind = kind_of(os.fstat(fd).st_mode)
        if kind != FILE:
            raise NotRegular(kind)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
