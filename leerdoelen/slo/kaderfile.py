"""Write a Kader as ``kader.yaml`` text: deterministic, so an unchanged frame gives the same
bytes, and laid out like the hand-written frames (keys in reading order, folded texts).

An existing file is edited in place (``leerdoelen.load.yamledit``), as ``school sync`` edits
school files: comments, key order, quoting and hand-wrapped texts stay, and only what
changed is written. A whole new text is written for a new frame, or for a file whose layout
cannot be edited in place."""

from __future__ import annotations

import re
from typing import Any

import yaml

from leerdoelen.core.model import Kader
from leerdoelen.load import yamledit

HEADER = "# yaml-language-server: $schema=../../schemas/kader.schema.json\n"
WIDTH = 88
# Keys in reading order: our own fields, then SLO's (a doelzin: code, titel, omschrijving,
# slo_id, slo_uitwerkingen, slo; an uitwerking: slo_id, niveaus, label, slo); the children;
# and last what only an import writes and only the export reads.
_ORDER = (
    "domein",
    "afkorting",
    "code",
    "titel",
    "omschrijving",
    "slo_id",
    "niveaus",
    "label",
    "slo_bron",
    "bron",
    "release",
    "slo_uitwerkingen",
    "slo",
)
_CHILDREN = ("subdomeinen", "kerndoelen", "doelzinnen")
_LAST = ("slo_basis", "slo_vervangen")
_NESTED = frozenset({"slo_bron"})
_ENTITIES = frozenset({*_CHILDREN, "slo_uitwerkingen"})
_OWN_TEXT = frozenset({"titel", "omschrijving"})
_SIMPLE = re.compile(r"^\S+( \S+)*$")  # single spaces, no line breaks: safe to fold


class _Folded(str):
    """Our own long texts: written as a folded block (``>-``), as people write them."""


def _folded(dumper: yaml.SafeDumper, value: _Folded) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style=">")


yamledit.add_representer(_Folded, _folded)


def _ordered(entity: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in (*_ORDER, *_CHILDREN, *_LAST):
        value = entity.get(key)
        if value is None or (key == "slo_uitwerkingen" and not value):
            continue
        if key in _OWN_TEXT and len(value) + len(key) + 8 > WIDTH and _SIMPLE.match(value):
            value = _Folded(value)
        elif key in _ENTITIES:
            value = [_ordered(child) for child in value]
        elif key in _NESTED:
            value = _ordered(value)
        out[key] = value
    return out


def kader_text(kader: Kader, old: str | None = None) -> tuple[str, bool]:
    """The text of ``kader``: ``old`` with what changed, or a new text; and whether ``old``
    was kept (False for a new text where there was an old one)."""
    data = _ordered(kader.model_dump())
    if old is not None:
        try:
            return yamledit.edit(old, data, WIDTH), True
        except yamledit.EditError:
            pass
    return HEADER + yamledit.dump(data, WIDTH), old is None
