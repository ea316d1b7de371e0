"""``serve``: a live preview for editors. Saving a YAML file regenerates its pages.

A watcher polls ``goals/`` and ``site/pages/``; on a change it runs check and rewrites
only the pages whose content changed. MkDocs' own live-reload server notices those files
and rebuilds, so there is no rebuild loop: an unchanged page is never written.

The address is checked before anything is built: one that is not ``ADRES:POORT``, a port
outside 1–65535, or a port that is in use is a ServeError (exit 2, in Dutch).
"""

from __future__ import annotations

import errno
import gc
import ipaddress
import os
import socket
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from leerdoelen.commands.build import SITE_PAGES, generate
from leerdoelen.commands.check import CheckResult
from leerdoelen.commands.settings import MKDOCS_YML
from leerdoelen.load.project import GOALS
from leerdoelen.load.source import DiskSource, below

Report = Callable[[CheckResult], str]  # a check result as text for the editor


class ServeError(Exception):
    """An address the preview cannot listen on: a usage error, with a Dutch message."""


_SOCKET_REASONS = {
    errno.EADDRINUSE: "is al in gebruik; kies een andere poort",
    errno.EADDRNOTAVAIL: "hoort niet bij deze computer",
    errno.EACCES: "vraagt rechten die je niet hebt; kies een poort boven 1023",
}


def address(text: str) -> tuple[str, int]:
    """``ADRES:POORT`` (an IP address or localhost) → host and port; ServeError if not."""
    host, colon, port = text.rpartition(":")
    bare = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    if not colon or not host:
        raise ServeError(f"'{text}' is geen adres; gebruik ADRES:POORT, zoals 127.0.0.1:8000")
    if host != "localhost":
        try:
            ipaddress.ip_address(bare)
        except ValueError:
            raise ServeError(
                f"'{host}' is geen IP-adres; gebruik bijvoorbeeld 127.0.0.1 of localhost"
            ) from None
    if not (port.isascii() and port.isdigit() and 1 <= int(port) <= 65535):
        raise ServeError(f"'{port}' is geen poort; kies een getal van 1 tot en met 65535")
    return bare, int(port)


def _check_free(host: str, port: int) -> None:
    """Bind the address once, as MkDocs' server will, to fail before the first build."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as error:
        raise _unusable(host, port, error) from None


def _unusable(host: str, port: int, error: OSError) -> ServeError:
    reason = _SOCKET_REASONS.get(error.errno or 0, f"geeft een systeemfout ({error})")
    return ServeError(f"de preview kan niet luisteren op {host}:{port}: dat adres {reason}")


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Size and modification time of everything below the source folders: cheap to compare.
    The loader's own walk (``below``): no recursion, and never into a symlink."""
    source = DiskSource(root)
    found = {}
    for folder in (GOALS, SITE_PAGES.as_posix()):
        for entry in below(source, folder):
            path = str(root / entry.path)
            try:
                stat = os.lstat(path)
            except OSError:  # removed while we looked
                continue
            found[path] = (stat.st_mtime_ns, stat.st_size)
    return found


def regenerate(root: Path, report: Report) -> bool:
    """Check and rewrite changed pages; report to stderr. False if the check failed."""
    result, changed = generate(root, apart=False)  # MkDocs' server serves only its docs
    # The build froze what it made (util.gcpause); this process lives on, so what was
    # left of the rebuild before, cycles too, is collected.
    gc.unfreeze()
    gc.collect()
    if not result.ok:
        sys.stderr.write(report(result))
        print("leerdoelen: de preview toont de laatste goede versie", file=sys.stderr)
        return False
    if changed:
        print(f"leerdoelen: {len(changed)} pagina('s) bijgewerkt", file=sys.stderr)
    return True


def _watch(root: Path, report: Report, stop: threading.Event, interval: float) -> None:
    seen = _snapshot(root)
    while not stop.wait(interval):
        now = _snapshot(root)
        if now != seen:
            seen = now
            regenerate(root, report)


def serve(root: Path, dev_addr: str, report: Report, interval: float = 0.5) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve

    host, port = address(dev_addr)
    _check_free(host, port)
    if not regenerate(root, report) and not (root / "build" / "pages" / "index.md").is_file():
        return 1
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(root, report, stop, interval), daemon=True)
    watcher.start()
    try:
        mkdocs_serve(config_file=str(root / MKDOCS_YML), dev_addr=dev_addr, livereload=True)
    except KeyboardInterrupt:
        pass
    except OSError as error:  # taken by another program since the check above
        if error.errno != errno.EADDRINUSE:
            raise
        raise _unusable(host, port, error) from None
    finally:
        stop.set()
    return 0
