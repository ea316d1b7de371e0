"""A school file's text, as ``school add`` writes it and ``school sync`` edits it.

A school file is the coordinators' own text: comments, blank lines, quoting, flow or
block lists, long lines wrapped by hand. So an edit does not re-serialise it (a YAML round
trip, ruamel.yaml's included, re-flows a plain scalar that spans lines); ``apply`` edits
the text in place and only ever *inserts*: new records where they belong in checklist
order (``places``), and ``gearchiveerd: true`` in a record. Every byte that was there
stays where it was. The positions come from the parser that ``check`` uses
(``load.yamledit``); ``read_back`` gives the caller the school that the new text is, to
compare with what it meant to write.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import yaml
from pydantic import ValidationError

from leerdoelen.core.adoptie import Registratie, School
from leerdoelen.load import yamltext
from leerdoelen.load.project import SCHEMA_HINT
from leerdoelen.load.yamlfile import StrictResolver, compose, parse_yaml

HINT = f"{SCHEMA_HINT}../../schemas/school.schema.json"
NIET_GESTART = "niet gestart"
T = TypeVar("T")


class EditError(Exception):
    """A school file whose layout cannot be edited safely: the message says why."""


# --- Values ----------------------------------------------------------------------------

# A plain scalar that every YAML reader reads as this same text: starts with a letter or
# digit, no ': ', ' #', brackets or other indicators. The resolver then rules out what
# ``check`` would read as something else (true, null, 010, yes, dates).
_PLAIN = re.compile(r"[^\W_](?:[\w .,'()/&+-]*[\w.)])?")
_FLOW_INDICATORS = frozenset(",[]{}")
_RESOLVER = StrictResolver()


def scalar(value: object, flow: bool = False) -> str:
    """One value as YAML text, plain where that is safe, quoted otherwise."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(scalar(item, flow=True) for item in value) + "]"
    text = str(value)
    if (
        _PLAIN.fullmatch(text)
        and not (flow and _FLOW_INDICATORS & set(text))
        and _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str"
    ):
        return text
    if "'" in text and '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


@dataclass(frozen=True)
class NewRecord:
    """A record that sync or add writes: a Registratie, and where it came from."""

    code: str
    status: str = NIET_GESTART
    groepen: tuple[str, ...] = ()
    datum: dt.date | None = None
    toelichting: str | None = None
    overgenomen_van: str | None = None  # the vervallen goal whose status it took over
    vervangt: tuple[str, ...] = ()  # other vervallen goals it (partly) replaces

    def fields(self) -> list[tuple[str, Any]]:
        items: list[tuple[str, Any]] = [("code", self.code), ("status", self.status)]
        if self.groepen:
            items.append(("groepen", list(self.groepen)))  # a fresh list: no shared objects
        if self.datum is not None:
            items.append(("datum", self.datum))
        if self.toelichting is not None:
            items.append(("toelichting", self.toelichting))
        return items

    def registratie(self) -> Registratie:
        return Registratie(**dict(self.fields()))

    def block(self, dash: int, key: int, nl: str) -> str:
        """The record as a block mapping item: ``-`` at column ``dash``, keys at ``key``."""
        lines = []
        for i, (name, value) in enumerate(self.fields()):
            indent = " " * dash + "-" + " " * (key - dash - 1) if i == 0 else " " * key
            lines.append(f"{indent}{name}: {scalar(value)}")
        return nl.join(lines) + nl

    def flow(self) -> str:
        return "{" + ", ".join(f"{n}: {scalar(v, flow=True)}" for n, v in self.fields()) + "}"


# --- A new file --------------------------------------------------------------------------


def new_text(
    brin: str,
    naam: str,
    plaats: str,
    soort: str,
    netwerken: Sequence[str],
    rio: str | None,
    records: Sequence[NewRecord],
) -> str:
    """A new school file's text."""
    lines = [HINT, f"brin: {scalar(brin)}"]
    if rio:
        lines.append(f"rio: {scalar(rio)}")
    lines += [
        f"naam: {scalar(naam)}",
        f"plaats: {scalar(plaats)}",
        f"soort: {scalar(soort)}",
        f"netwerken: {scalar(list(netwerken))}",
        "doelen:" if records else "doelen: []",
    ]
    return "\n".join(lines) + "\n" + "".join(r.block(2, 4, "\n") for r in records)


def read_back(text: str, path: str) -> School | None:
    """The school that ``text`` is, as ``check`` reads it; None if it is none."""
    file = parse_yaml(text.encode("utf-8"), path)
    if not file.ok:
        return None
    try:
        return School.model_validate(file.data)
    except ValidationError:
        return None


# --- Editing the text ------------------------------------------------------------------

Edit = tuple[int, int, int, str]  # start, order at the same start, end, new text


def apply(
    text: str,
    path: str,
    archive: Sequence[int],
    add: Sequence[NewRecord],
    key: Callable[[str], str] = str,
) -> str:
    """The school file's text (``path`` names it in errors) with the records at indexes
    ``archive`` of ``doelen`` archived and ``add`` added where ``places`` puts them (by
    ``key``, the checklist order), by inserting text only."""
    root = compose(text)
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        raise EditError(f"{path}: verwacht een mapping op het hoogste niveau")
    nl = "\r\n" if "\r\n" in text else "\n"
    name, doelen = _lookup(root, "doelen")
    items = doelen.value if isinstance(doelen, yaml.SequenceNode) else []
    edits: list[Edit] = []
    for index in archive:
        record = items[index] if index < len(items) else None
        if not isinstance(record, yaml.MappingNode):
            raise EditError(f"{path}: record {index + 1} in 'doelen' is geen mapping")
        edits.append(_archive(text, record, nl))
    if add and items:
        codes = [_code(item) for item in items]
        groups: dict[int, list[NewRecord]] = {}
        for place, record in zip(places(codes, [r.code for r in add], key), add, strict=True):
            groups.setdefault(place, []).append(record)
        assert isinstance(doelen, yaml.SequenceNode)
        edits += [_insert(text, doelen, p, group, nl, path) for p, group in groups.items()]
    elif add:
        edits.append(_append(text, root, name, doelen, add, nl, path))
    for start, _order, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def places(
    codes: Sequence[str | None], new: Sequence[str], key: Callable[[str], str] = str
) -> list[int]:
    """Where each new record goes among a school's records (``codes``, None for a record
    without a readable code): after the record of the nearest goal before it in checklist
    order (``key``), the last such record if there are more; -1: before the first. The
    records there are never reordered, even when they are out of order themselves."""
    keyed = [(i, key(c)) for i, c in enumerate(codes) if c is not None]
    result = []
    for code in new:
        k, best, best_key = key(code), -1, ""
        for i, other in keyed:
            if other < k and (best < 0 or other >= best_key):
                best, best_key = i, other
        result.append(best)
    return result


def merged(old: Sequence[T], new: Sequence[T], at: Sequence[int]) -> list[T]:
    """``old`` with each of ``new`` after the item at its index in ``at`` (-1: first)."""
    after: dict[int, list[T]] = {}
    for place, item in zip(at, new, strict=True):
        after.setdefault(place, []).append(item)
    result = list(after.get(-1, []))
    for i, item in enumerate(old):
        result += [item, *after.get(i, [])]
    return result


def _code(item: yaml.Node) -> str | None:
    if isinstance(item, yaml.MappingNode):
        _key, value = _lookup(item, "code")
        if isinstance(value, yaml.ScalarNode):
            return str(value.value)
    return None


def _lookup(mapping: yaml.MappingNode, name: str) -> tuple[yaml.Node | None, yaml.Node | None]:
    for key, value in mapping.value:
        if isinstance(key, yaml.ScalarNode) and key.value == name:
            return key, value
    return None, None


def _archive(text: str, record: yaml.MappingNode, nl: str) -> Edit:
    _key, value = _lookup(record, "gearchiveerd")
    if value is not None:  # gearchiveerd: false
        return (value.start_mark.index, 0, value.end_mark.index, "true")
    if record.flow_style:
        pos = record.value[-1][1].end_mark.index
        return (pos, 0, pos, ", gearchiveerd: true")
    pos = yamltext.after(text, record)
    line = " " * record.start_mark.column + "gearchiveerd: true" + nl
    return (pos, 0, pos, yamltext.newline_before(text, pos, nl) + line)


def _append(
    text: str,
    root: yaml.MappingNode,
    key: yaml.Node | None,
    doelen: yaml.Node | None,
    records: Sequence[NewRecord],
    nl: str,
    path: str,
) -> Edit:
    """The records into a school without any: no ``doelen``, or an empty flow list."""
    if key is None:  # no doelen yet: add the key at the end
        top = root.start_mark.column
        pos = len(text)
        new = " " * top + "doelen:" + nl + _blocks(records, top + 2, top + 4, nl)
        return (pos, 1, pos, yamltext.newline_before(text, pos, nl) + new)
    if not isinstance(doelen, yaml.SequenceNode) or not doelen.flow_style:
        raise EditError(f"{path}: 'doelen' is geen lijst")
    start, end = doelen.start_mark.index, doelen.end_mark.index
    if text[start:end].replace(" ", "") != "[]":  # a comment inside the brackets
        return (start + 1, 1, start + 1, ", ".join(r.flow() for r in records))
    # doelen: [] becomes a block list; what follows the brackets on that line stays
    colon = text.index(":", key.end_mark.index)
    line_end = yamltext.line_end(text, end)
    tail = text[end:line_end]
    if not tail.endswith("\n"):
        tail += nl
    dash = key.start_mark.column + 2
    return (colon + 1, 1, line_end, tail + _blocks(records, dash, dash + 2, nl))


def _insert(
    text: str,
    doelen: yaml.SequenceNode,
    place: int,
    records: Sequence[NewRecord],
    nl: str,
    path: str,
) -> Edit:
    """The records into a list that has some, after the item at ``place`` (with the
    comments below it that belong to it) or, at -1, before the first item (and the
    comment lines that introduce it), in the list's own style."""
    items = doelen.value
    if doelen.flow_style:  # [{...}, {...}]: more of the same
        flows = [r.flow() for r in records]
        if place < 0:
            pos = items[0].start_mark.index
            return (pos, 1, pos, "".join(f + ", " for f in flows))
        pos = items[place].end_mark.index
        return (pos, 1, pos, "".join(", " + f for f in flows))
    dash = doelen.start_mark.column
    first = items[0]
    flow = all(isinstance(i, yaml.MappingNode) and i.flow_style for i in items)
    block_mapping = isinstance(first, yaml.MappingNode) and not first.flow_style
    indent = first.start_mark.column if block_mapping else dash + 2
    new = _blocks(records, dash, indent, nl, flow)
    if place < 0:
        start = doelen.start_mark.index  # the first item's dash
        if not yamltext.first_on_line(text, start):
            raise EditError(f"{path}: kan geen record voor het eerste in 'doelen' zetten")
        pos = yamltext.header_start(text, start, dash)
        return (pos, 1, pos, new)
    pos = yamltext.past_comments(text, yamltext.after(text, items[place]), dash)
    return (pos, 1, pos, yamltext.newline_before(text, pos, nl) + new)


def _blocks(
    records: Sequence[NewRecord], dash: int, indent: int, nl: str, flow: bool = False
) -> str:
    if flow:
        return "".join(f"{' ' * dash}-{' ' * (indent - dash - 1)}{r.flow()}{nl}" for r in records)
    return "".join(r.block(dash, indent, nl) for r in records)
