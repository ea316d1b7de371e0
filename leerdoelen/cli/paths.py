"""Where a command works: the project root, and the folder relative paths start from."""

from __future__ import annotations

import argparse
from pathlib import Path

from leerdoelen.commands.errors import UsageError
from leerdoelen.load.project import GOALS, find_root


def root_of(directory: Path | None) -> Path:
    """The project root at or above ``directory`` (``-C``) or the cwd; UsageError if none."""
    start = directory or Path.cwd()
    if not start.is_dir():
        wat = "is geen map" if start.exists() else "bestaat niet"
        raise UsageError(f"map '{start}' {wat}")
    root = find_root(start)
    if root is None:
        raise UsageError(f"geen project gevonden: geen map '{GOALS}/' in '{start}' of daarboven")
    return root


def workdir(args: argparse.Namespace) -> Path:
    """The folder that relative paths in the arguments start from (``-C`` or the cwd)."""
    return (args.directory or Path.cwd()).resolve()
