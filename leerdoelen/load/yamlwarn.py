"""YAML that parses but was probably not meant so: warnings, and an indentation hint.

Three things YAML accepts silently: a ``- `` line folded into the plain text above it
(LD117), a ``woord:`` line inside a folded or plain multi-line text (LD118), and items of
one list that start at different widths after their dash (LD119). One walk over the node
tree; a file's lines are split only when a multi-line scalar asks for them, so the scan
stays linear in the size of the file.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml

from leerdoelen.core.diagnostics import Diagnostic, diagnostic
from leerdoelen.load.schemas import MODELS

_KEY = re.compile(r"([a-z][a-z0-9_]*):(?:\s|$)")  # a key as our files write them
_SHOWN = 30  # characters either side of where YAML joined a line


def _around(value: str, part: str, offset: int) -> tuple[str, int]:
    """``value`` shortened to the text around ``part`` (looked for from ``offset``, where YAML
    joined it), and where to look for the next part: each line is looked for once."""
    found = value.find(part, offset)
    at = found if found >= 0 else offset
    start, end = max(at - _SHOWN, 0), at + len(part) + _SHOWN
    shown = value[start:end].replace("\n", " ").strip()
    tekst = ("…" if start else "") + shown + ("…" if end < len(value) else "")
    return tekst, (found + len(part) if found >= 0 else offset)


@functools.cache
def keys() -> frozenset[str]:
    """Every key that one of our files may hold: a ``woord:`` line in text is suspicious
    only as one of these (Dutch prose has ``ontwerpcyclus: …`` too)."""
    found: set[str] = set()
    todo: list[Any] = [model.model_json_schema() for model in MODELS.values()]
    while todo:
        part = todo.pop()
        if isinstance(part, dict):
            found.update(
                part.get("properties", {}) if isinstance(part.get("properties"), dict) else ()
            )
            todo.extend(part.values())
        elif isinstance(part, list):
            todo.extend(part)
    return frozenset(found)


class _Lines:
    """The file's lines, split on first use (as YAML counts line breaks)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: list[str] | None = None

    def __getitem__(self, index: int) -> str:
        if self._lines is None:
            self._lines = self.text.splitlines()
        return self._lines[index] if index < len(self._lines) else ""


def _scalar(node: yaml.ScalarNode, lines: _Lines, path: str) -> list[Diagnostic]:
    """LD117 and LD118 in the continuation lines of one multi-line scalar."""
    found = []
    offset = 0
    plain = not node.style  # the C composer gives '' for plain
    end = node.end_mark
    # A block scalar ends at the start of the line after it.
    for index in range(node.start_mark.line + 1, end.line + bool(end.column or plain)):
        line = lines[index]
        stripped = line.lstrip(" ")
        column = len(line) - len(stripped) + 1
        if plain and (stripped.startswith("- ") or stripped.rstrip() == "-"):
            tekst, offset = _around(node.value, stripped.rstrip(), offset)
            found.append(diagnostic("LD117", path, index + 1, column, tekst=tekst))
        elif (key := _KEY.match(stripped)) and key[1] in keys():
            tekst, offset = _around(node.value, stripped.rstrip(), offset)
            found.append(diagnostic("LD118", path, index + 1, column, sleutel=key[1], tekst=tekst))
    return found


def _dash_width(text: str, dash: int, item: yaml.Node) -> int | None:
    """How many spaces an item starts after its dash, if it starts on the dash's line."""
    mark = item.start_mark
    before = text[mark.index - mark.column + dash : mark.index]
    if not before.startswith("-") or before[1:].strip(" "):
        return None
    return len(before) - 1


def _sequence(node: yaml.SequenceNode, text: str, path: str) -> list[Diagnostic]:
    """LD119: items that are mappings, starting at another width than the first one."""
    first: tuple[int, int] | None = None
    found = []
    for item in node.value:
        if not isinstance(item, yaml.MappingNode) or item.flow_style:
            continue
        width = _dash_width(text, node.start_mark.column, item)
        if width is None:
            continue
        if first is None:
            first = (width, item.start_mark.line + 1)
        elif width != first[0]:
            mark = item.start_mark
            where = (path, mark.line + 1, mark.column + 1)
            found.append(
                diagnostic("LD119", *where, breedte=width, regel=first[1], eerder=first[0])
            )
    return found


def suspicious(text: str, root: yaml.Node, path: str) -> list[Diagnostic]:
    """The warnings for one parsed file, in the order of the file."""
    lines = _Lines(text)
    found: list[Diagnostic] = []
    todo = [root]
    while todo:
        node = todo.pop()
        if isinstance(node, yaml.ScalarNode):
            if node.style in (None, "", ">") and node.end_mark.line > node.start_mark.line:
                found.extend(_scalar(node, lines, path))
        elif isinstance(node, yaml.SequenceNode):
            todo.extend(node.value)
            if not node.flow_style and len(node.value) > 1:
                found.extend(_sequence(node, text, path))
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                todo += (key, value)
    return sorted(found)


_OWNER = re.compile(r"\s*(?:-\s+)?([^\s#'\"][^#]*?):\s+[^\s|>#'\"\[{]")


def indentation_problem(text: str, line: int, column: int) -> tuple[int, str] | None:
    """For "mapping values are not allowed" at a 1-based ``line``/``column``: the Dutch
    explanation when the cause is a key indented deeper than the line it follows, whose
    value is plain text (so YAML reads the key as more of that text), with the key's
    column; None otherwise."""
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return None
    here = lines[line - 1]
    depth = len(here) - len(here.lstrip(" "))
    key = _KEY.fullmatch(here[depth : column - 1] + ": ") if column > depth else None
    if key is None:
        return None
    for index in range(line - 2, -1, -1):
        above = lines[index]
        stripped = above.lstrip(" ")
        if not stripped or stripped.startswith("#") or len(above) - len(stripped) >= depth:
            continue
        owner = _OWNER.match(above)
        if owner is None:
            return None
        naam = owner[1]
        return depth + 1, (
            f"'{key[1]}:' springt verder in dan '{naam}:' op regel {index + 1}, dus leest YAML "
            f"het als vervolg van de tekst van '{naam}'; is het een eigen sleutel, zet hem dan "
            f"recht onder '{naam}:'"
        )
    return None
