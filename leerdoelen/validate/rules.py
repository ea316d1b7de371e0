"""Rules across files, run over the corpus. Each rule yields diagnostics; none prints."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator

from leerdoelen.core.corpus import Corpus
from leerdoelen.core.diagnostics import SHOWN, Diagnostic, diagnostic, listing, number, suggest
from leerdoelen.core.model import GROEPEN
from leerdoelen.load.project import at
from leerdoelen.validate.adoptie import network_targets, school_records
from leerdoelen.validate.lesmateriaal import lesmateriaal
from leerdoelen.validate.sjabloon import template_text
from leerdoelen.validate.uitwerkingen import slo_uitwerkingen

Rule = Callable[[Corpus], Iterator[Diagnostic]]
CLOSE = 0.75  # how alike an unknown code must be to a known one to be suggested


def frame_codes(corpus: Corpus) -> Iterator[Diagnostic]:
    """Each frame code carries the code of the level above it, and is unique."""
    seen: dict[str, str] = {}
    for domein, kader in corpus.kaders.items():
        file = corpus.sources[domein]
        for s, sub in enumerate(kader.subdomeinen):
            entries: list[tuple[tuple[str | int, ...], str, str, str]] = [
                (("subdomeinen", s), sub.code, "subdomein", kader.afkorting + "-")
            ]
            for k, kern in enumerate(sub.kerndoelen):
                loc: tuple[str | int, ...] = ("subdomeinen", s, "kerndoelen", k)
                entries.append((loc, kern.code, "kerndoel", kader.afkorting + "-"))
                entries += [
                    ((*loc, "doelzinnen", d), zin.code, "doelzin", kern.code)
                    for d, zin in enumerate(kern.doelzinnen)
                ]
            for place, code, soort, prefix in entries:
                where = at(file, *place, "code")
                if not code.startswith(prefix):
                    yield diagnostic("LD310", *where, soort=soort, code=code, prefix=prefix)
                if code in seen:
                    yield diagnostic(
                        "LD301", *where, related=(seen[code],), code=code, elders=seen[code]
                    )
                seen.setdefault(code, file.path)


def suggest_doelzin(code: str, corpus: Corpus) -> str:
    """``; bedoelde je 'X'?`` for an unknown doelzin: a close doelzin under the same
    kerndoel (the known kerndoel code that starts ``code``) first, then one in the same
    domein (the same afkorting), then any."""
    zinnen = corpus.doelzinnen
    kern = max((k for k in corpus.kerndoelen if code.startswith(k)), key=len, default=None)
    afkorting = code.partition("-")[0] + "-"
    tiers = (
        [z for z, plek in zinnen.items() if plek.kerndoel.code == kern] if kern else [],
        [z for z in zinnen if z.startswith(afkorting)],
        zinnen,
    )
    for tier in tiers:
        if hint := suggest(code, tier, CLOSE):
            return hint
    return ""


def references(corpus: Corpus) -> Iterator[Diagnostic]:
    """Every code a leerdoel names exists; a pointer to a vervallen goal is flagged.

    Doelzinnen are judged only when every kader loaded: a broken kader is reported once,
    where it is broken, not again in every goal under it.
    """
    goals, zinnen = corpus.leerdoelen, corpus.doelzinnen
    judge_frame = corpus.frame_complete
    for doel in goals.values():
        file = corpus.sources[doel.code]
        if doel.doelzin not in zinnen and judge_frame:
            yield diagnostic(
                "LD303",
                *at(file, "doelzin"),
                veld="doelzin",
                doel=doel.doelzin,
                soort="doelzin",
                suggestie=suggest_doelzin(doel.doelzin, corpus),
            )
        for i, code in enumerate(doel.ook_bij):
            if code not in zinnen and judge_frame:
                yield diagnostic(
                    "LD303",
                    *at(file, "ook_bij", i),
                    veld="ook_bij",
                    doel=code,
                    soort="doelzin",
                    suggestie=suggest_doelzin(code, corpus),
                )
        for veld in ("voorkennis", "gerelateerd", "vervangen_door"):
            for i, code in enumerate(getattr(doel, veld) or ()):
                target = goals.get(code)
                if target is None:
                    if code not in corpus.unloaded:
                        yield diagnostic(
                            "LD303",
                            *at(file, veld, i),
                            veld=veld,
                            doel=code,
                            soort="leerdoel",
                            suggestie=(
                                f"; het leerdoel is verwijderd ({pad}): zet het terug met "
                                "status: vervallen"
                                if (pad := corpus.verwijderd.get(code))
                                else suggest(code, goals, CLOSE)
                            ),
                        )
                elif target.status == "vervallen" and doel.status != "vervallen":
                    vervangers = (
                        f"; gebruik {listing(target.vervangen_door)}"
                        if target.vervangen_door
                        else ""
                    )
                    yield diagnostic(
                        "LD311", *at(file, veld, i), veld=veld, doel=code, vervangers=vervangers
                    )


def retirement(corpus: Corpus) -> Iterator[Diagnostic]:
    """A vervallen goal says why or what replaces it; only a vervallen goal does."""
    for doel in corpus.leerdoelen.values():
        file = corpus.sources[doel.code]
        if doel.status == "vervallen":
            if not doel.vervangen_door and not doel.reden:
                yield diagnostic("LD306", *at(file, "status"))
            continue
        for veld in ("vervangen_door", "reden"):
            if getattr(doel, veld) is not None:
                yield diagnostic("LD307", *at(file, veld, key=True), veld=veld, status=doel.status)


def unique_items(corpus: Corpus) -> Iterator[Diagnostic]:
    """No list holds the same value twice."""
    for doel in corpus.leerdoelen.values():
        for veld in (
            "groepen",
            "ook_bij",
            "slo_uitwerkingen",
            "uitwerkingen",
            "voorbeelden",
            "voorkennis",
            "gerelateerd",
            "vervangen_door",
            "trefwoorden",
        ):
            seen: set[str] = set()
            for i, value in enumerate(getattr(doel, veld) or ()):
                if value in seen:
                    yield diagnostic(
                        "LD206", *at(corpus.sources[doel.code], veld, i), veld=veld, waarde=value
                    )
                seen.add(value)


def band_order(corpus: Corpus) -> Iterator[Diagnostic]:
    """A voorkennis goal starts no later than the goal that needs it."""
    for doel in corpus.leerdoelen.values():
        band = GROEPEN.index(doel.laagste_groep)
        for i, code in enumerate(doel.voorkennis):
            basis = corpus.leerdoelen.get(code)
            if basis is not None and GROEPEN.index(basis.laagste_groep) > band:
                yield diagnostic(
                    "LD305",
                    *at(corpus.sources[doel.code], "voorkennis", i),
                    voorkennis=code,
                    band_voorkennis=basis.laagste_groep,
                    band=doel.laagste_groep,
                )


def voorkennis_cycles(corpus: Corpus) -> Iterator[Diagnostic]:
    """Voorkennis has no cycles: one diagnostic per knot of goals that build on each other.

    A knot (a strongly connected component) can hold thousands of goals and more cycles
    than can be counted; it is named by its shortest cycle through its least code, and the
    rest of its members are counted, so that the message stays short.
    """
    goals = corpus.leerdoelen
    graph = {code: doel.voorkennis for code, doel in goals.items()}
    for members in knots(graph):
        cycle = shortest_cycle(graph, members)
        first, second = cycle[0], cycle[1]
        where = at(corpus.sources[first], "voorkennis", goals[first].voorkennis.index(second))
        on_cycle = set(cycle)
        others = [code for code in members if code not in on_cycle]
        kring = _path(cycle)
        if others:
            kring += f"; ook {listing(others)} {'zit' if len(others) == 1 else 'zitten'} erin vast"
        related = tuple(corpus.sources[code].path for code in members if code != first)
        yield diagnostic("LD304", *where, related=related, kring=kring)


def _path(cycle: list[str], shown: int = SHOWN) -> str:
    """``a → b → c → a``; a long cycle: ``a → b → c → d → e → … (en 2.990 meer) → a``."""
    if len(cycle) <= shown + 2:
        return " → ".join(cycle)
    hidden = len(cycle) - 1 - shown
    return " → ".join([*cycle[:shown], f"… (en {number(hidden)} meer)", cycle[-1]])


def knots(graph: dict[str, list[str]]) -> list[list[str]]:
    """The strongly connected components that hold a cycle, each sorted, by least member.

    Tarjan's algorithm, iterative (an explicit stack of successor iterators), so that a
    long chain cannot exhaust the stack. ``a -> b`` means "a builds on b"; a code that is
    not in the graph is ignored. A single code is a knot only if it names itself.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        work = [(start, iter(graph[start]))]
        while work:
            node, successors = work[-1]
            for nxt in successors:
                if nxt not in graph:
                    continue
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(graph[nxt])))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:  # every successor done: close the node
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    members: list[str] = []
                    while not members or members[-1] != node:
                        members.append(stack.pop())
                        on_stack.discard(members[-1])
                    if len(members) > 1 or node in graph[node]:
                        found.append(sorted(members))
    return sorted(found)


def shortest_cycle(graph: dict[str, list[str]], members: list[str]) -> list[str]:
    """A shortest cycle through the least member of a knot: ``[a, b, ..., a]``.

    Breadth-first within the knot, following each goal's voorkennis in its order.
    """
    start, inside = members[0], set(members)
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in graph[node]:
            if nxt == start:
                cycle = [node]
                while cycle[-1] != start:
                    cycle.append(came_from[cycle[-1]])
                return [*reversed(cycle), start]
            if nxt in inside and nxt not in came_from:
                came_from[nxt] = node
                queue.append(nxt)
    raise ValueError(f"{start} ligt niet op een kring")  # a knot always has one


def find_cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """One cycle per knot: its shortest through its least code, as ``[a, b, ..., a]``."""
    return [shortest_cycle(graph, members) for members in knots(graph)]


RULES: tuple[Rule, ...] = (
    frame_codes,
    references,
    retirement,
    unique_items,
    band_order,
    voorkennis_cycles,
    slo_uitwerkingen,
    lesmateriaal,
    template_text,
)


ADOPTIE_RULES: tuple[Rule, ...] = (school_records, network_targets)


def run_rules(corpus: Corpus) -> list[Diagnostic]:
    return [found for rule in (*RULES, *ADOPTIE_RULES) for found in rule(corpus)]
