"""Reporters: turn a check result into text for people, GitHub or machines."""

from __future__ import annotations

import json
import os
from collections.abc import Callable

from leerdoelen.commands.check import CheckResult
from leerdoelen.core.diagnostics import Diagnostic, diagnostic_json, printable


def _summary(result: CheckResult) -> str:
    return (
        f"{result.files} {'bestand' if result.files == 1 else 'bestanden'} gecontroleerd: "
        f"{result.errors} {'fout' if result.errors == 1 else 'fouten'}, "
        f"{result.warnings} {'waarschuwing' if result.warnings == 1 else 'waarschuwingen'}"
    )


def line(d: Diagnostic) -> str:
    """One diagnostic as ``path:line:col: code: message``, escaped to print safely."""
    return printable(f"{d.path}:{d.line}:{d.column}: {d.code}: {d.message}")


def text(result: CheckResult) -> str:
    return "\n".join([*map(line, result.diagnostics), _summary(result)]) + "\n"


def _github_escape(value: str, property_: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github(result: CheckResult) -> str:
    lines = []
    for d in result.diagnostics:
        props = f"file={_github_escape(d.path, True)}"
        if d.line:
            props += f",line={d.line},col={d.column}"
        props += f",title={_github_escape(f'{d.code} {d.title}', True)}"
        lines.append(f"::{d.severity} {props}::{_github_escape(d.message)}")
    return "\n".join([*lines, _summary(result)]) + "\n"


def as_json(result: CheckResult) -> str:
    document = {
        "files": result.files,
        "errors": result.errors,
        "warnings": result.warnings,
        "diagnostics": [diagnostic_json(d) for d in result.diagnostics],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def default_format() -> str:
    """GitHub annotations inside GitHub Actions, plain text elsewhere."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


REPORTERS: dict[str, Callable[[CheckResult], str]] = {
    "text": text,
    "github": github,
    "json": as_json,
}
