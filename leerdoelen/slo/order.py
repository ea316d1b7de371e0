"""One order for entities that several kaders keep, each in SLO's order: the basis entities
(``slo_basis``) and the replaced ones (``slo_vervangen``) of every kader, for one export."""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from typing import Any


def merged(lists: Iterable[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The entities of ``lists`` once each (by id, the first one wins), in an order that
    keeps the order of every list where they agree (lists cut from one file always do),
    else in the order they were first seen."""
    first: dict[str, dict[str, Any]] = {}
    before: dict[str, set[str]] = {}  # id → the ids that some list has just before it
    for entities in lists:
        previous = None
        for entity in entities:
            entity_id = str(entity.get("id"))
            first.setdefault(entity_id, entity)
            before.setdefault(entity_id, set())
            if previous is not None and previous != entity_id:
                before[entity_id].add(previous)
            previous = entity_id
    seen = {entity_id: n for n, entity_id in enumerate(first)}
    after: dict[str, list[str]] = {entity_id: [] for entity_id in first}
    for entity_id, earlier in before.items():
        for other in earlier:
            after[other].append(entity_id)
    waiting = {entity_id: len(earlier) for entity_id, earlier in before.items()}
    ready = [(seen[i], i) for i, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    out: list[str] = []
    while len(out) < len(first):
        if not ready:  # lists that disagree: the first one seen goes first
            stuck = min((i for i, count in waiting.items() if count > 0), key=seen.__getitem__)
            waiting[stuck] = 0
            ready.append((seen[stuck], stuck))
        _, entity_id = heapq.heappop(ready)
        if waiting[entity_id] < 0:
            continue
        waiting[entity_id] = -1
        out.append(entity_id)
        for later in after[entity_id]:
            if waiting[later] > 0:
                waiting[later] -= 1
                if waiting[later] == 0:
                    heapq.heappush(ready, (seen[later], later))
    return [first[i] for i in out]
