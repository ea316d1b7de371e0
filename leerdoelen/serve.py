"""``serve``: a live preview for editors. Saving a YAML file regenerates its pages.

A watcher polls ``goals/`` and ``site/pages/``; on a change it runs check and rewrites
only the pages whose content changed. MkDocs' own live-reload server notices those files
and rebuilds, so there is no rebuild loop: an unchanged page is never written.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from leerdoelen.build import MKDOCS_YML, SITE_PAGES, generate
from leerdoelen.load.project import GOALS
from leerdoelen.report import REPORTERS, default_format


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Size and modification time of every source file: cheap to compare."""
    found = {}
    for folder in (root / GOALS, root / SITE_PAGES):
        for path in folder.rglob("*"):
            if path.is_file():
                stat = path.stat()
                found[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return found


def regenerate(root: Path) -> bool:
    """Check and rewrite changed pages; report to stderr. False if the check failed."""
    result, changed = generate(root, apart=False)  # MkDocs' server serves only its docs
    if not result.ok:
        sys.stderr.write(REPORTERS[default_format()](result))
        print("leerdoelen: de preview toont de laatste goede versie", file=sys.stderr)
        return False
    if changed:
        print(f"leerdoelen: {len(changed)} pagina('s) bijgewerkt", file=sys.stderr)
    return True


def _watch(root: Path, stop: threading.Event, interval: float) -> None:
    seen = _snapshot(root)
    while not stop.wait(interval):
        now = _snapshot(root)
        if now != seen:
            seen = now
            regenerate(root)


def serve(root: Path, dev_addr: str, interval: float = 0.5) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve

    if not regenerate(root) and not (root / "build" / "pages" / "index.md").is_file():
        return 1
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(root, stop, interval), daemon=True)
    watcher.start()
    try:
        mkdocs_serve(config_file=str(root / MKDOCS_YML), dev_addr=dev_addr, livereload=True)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
    return 0
