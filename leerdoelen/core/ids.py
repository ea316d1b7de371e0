"""Deterministic UUIDs for what has no SLO id: leerdoelen, our own frame entities, and the
CASE document and associations.

Every one is ``uuid5(NAMESPACE, name)``, with ``NAMESPACE = uuid5(NAMESPACE_URL,
"urn:leerdoelen")`` = ``dfc1c186-5123-5a59-bf75-7bf8b4d5d75c`` and ``name`` a leerdoel's or
frame entity's code (``DG-014``, ``MN-SD1``), a domein's slug, or a ``case:…`` name. uuid5
values are lowercase, version 5, with variant digit 8, 9, a or b, as CASE requires.
"""

from __future__ import annotations

import uuid

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:leerdoelen")


def code_uuid(name: str) -> str:
    return str(uuid.uuid5(NAMESPACE, name))
