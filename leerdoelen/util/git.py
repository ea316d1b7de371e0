"""Asking git what it tracks, safely.

Git runs with fixed arguments in the folder concerned: user text only as a path after
``--`` (taken literally), the repository's fsmonitor is not run, and GIT_DIR and friends from
the environment do not point git elsewhere. No git, or not a repository: nothing is tracked.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

_LOCATION = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_NAMESPACE")


def git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes] | None:
    env = {name: value for name, value in os.environ.items() if name not in _LOCATION}
    command = ["git", "-c", "core.fsmonitor=false", "-c", "safe.directory=*"]
    try:
        return subprocess.run([*command, *args], cwd=folder, env=env, capture_output=True)
    except OSError:
        return None


def tracked(full: Path) -> list[str]:
    """Files that git tracks at ``full`` (a file) or under it (a folder)."""
    folder, spec = (full, ".") if full.is_dir() else (full.parent, full.name)
    run = git(folder, "--literal-pathspecs", "ls-files", "-z", "--", spec)
    if run is None or run.returncode != 0:
        return []
    return [os.fsdecode(name) for name in run.stdout.split(b"\0") if name]


def blob_id(data: bytes) -> str:
    """git's object id for a file with these bytes."""
    digest = hashlib.sha1(b"blob %d\0" % len(data), usedforsecurity=False)
    digest.update(data)
    return digest.hexdigest()
