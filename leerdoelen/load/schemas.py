"""JSON Schemas (draft 2020-12) generated from the models: one source of truth.

``leerdoelen schemas`` writes them to ``schemas/``; a test fails when the committed
files drift from the models.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from leerdoelen.core.adoptie import Netwerk, School
from leerdoelen.core.model import Kader, Leerdoel
from leerdoelen.util.files import write_atomic

SCHEMA_BASE = "https://leerdoelen.github.io/schemas/"
MODELS: dict[str, type[BaseModel]] = {
    "kader": Kader,
    "leerdoel": Leerdoel,
    "netwerk": Netwerk,
    "school": School,
}


def schema_for(name: str) -> dict[str, object]:
    body = MODELS[name].model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE}{name}.schema.json",
        **body,
    }


def render(name: str) -> str:
    return json.dumps(schema_for(name), ensure_ascii=False, indent=2) + "\n"


def stale_schemas(folder: Path) -> list[Path]:
    """The schema files in ``folder`` that are missing or differ from the models."""
    return [
        target
        for name in MODELS
        if not (target := folder / f"{name}.schema.json").is_file()
        or target.read_bytes() != render(name).encode("utf-8")
    ]


def write_schemas(folder: Path) -> list[Path]:
    """Write the stale schemas to ``folder``, each whole or not at all; return the files
    that changed. A file that cannot be written raises a WriteError that names it."""
    stale = stale_schemas(folder)
    for target in stale:
        write_atomic(target, render(target.name.removesuffix(".schema.json")).encode("utf-8"))
    return stale
