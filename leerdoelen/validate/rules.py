"""Rules across files, run over the corpus. Each rule yields diagnostics; none prints."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator

from leerdoelen.adoptie.rules import network_targets, school_records
from leerdoelen.corpus import Corpus
from leerdoelen.diagnostics import Diagnostic, diagnostic
from leerdoelen.load.project import at
from leerdoelen.model import GROEPEN

Rule = Callable[[Corpus], Iterator[Diagnostic]]


def frame_codes(corpus: Corpus) -> Iterator[Diagnostic]:
    """Each frame code carries the code of the level above it, and is unique."""
    seen: dict[str, str] = {}
    for domein, kader in corpus.kaders.items():
        file = corpus.sources[domein]
        for s, sub in enumerate(kader.subdomeinen):
            entries = [(("subdomeinen", s), sub.code, "subdomein", kader.afkorting + "-")]
            for k, kern in enumerate(sub.kerndoelen):
                loc = ("subdomeinen", s, "kerndoelen", k)
                entries.append((loc, kern.code, "kerndoel", kader.afkorting + "-"))
                entries += [
                    ((*loc, "doelzinnen", d), zin.code, "doelzin", kern.code)
                    for d, zin in enumerate(kern.doelzinnen)
                ]
            for loc, code, soort, prefix in entries:
                where = at(file, *loc, "code")
                if not code.startswith(prefix):
                    yield diagnostic("LD310", *where, soort=soort, code=code, prefix=prefix)
                if code in seen:
                    yield diagnostic(
                        "LD301", *where, related=(seen[code],), code=code, elders=seen[code]
                    )
                seen.setdefault(code, file.path)


def _suggest(code: str, known: dict[str, object]) -> str:
    close = difflib.get_close_matches(code, known, n=1, cutoff=0.75)
    return f"; bedoelde je '{close[0]}'?" if close else ""


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
                suggestie=_suggest(doel.doelzin, zinnen),
            )
        for i, code in enumerate(doel.ook_bij):
            if code not in zinnen and judge_frame:
                yield diagnostic(
                    "LD303",
                    *at(file, "ook_bij", i),
                    veld="ook_bij",
                    doel=code,
                    soort="doelzin",
                    suggestie=_suggest(code, zinnen),
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
                            suggestie=_suggest(code, goals),
                        )
                elif target.status == "vervallen" and doel.status != "vervallen":
                    vervangers = (
                        f"; gebruik {', '.join(target.vervangen_door)}"
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
    """Voorkennis has no cycles; each cycle is reported once, named in full."""
    goals = corpus.leerdoelen
    for cycle in find_cycles({code: doel.voorkennis for code, doel in goals.items()}):
        first, second = cycle[0], cycle[1]
        where = at(corpus.sources[first], "voorkennis", goals[first].voorkennis.index(second))
        related = tuple(corpus.sources[code].path for code in cycle[1:-1])
        yield diagnostic("LD304", *where, related=related, kring=" → ".join(cycle))


def find_cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Elementary cycles found by depth-first search, each once, starting at its least code.

    Iterative, so that a long chain cannot exhaust the stack. A cycle is reported as
    ``[a, b, ..., a]`` where ``a -> b`` means "a builds on b".
    """
    cycles: set[tuple[str, ...]] = set()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in sorted(graph):
        if start in state:
            continue
        path: list[str] = [start]
        state[start] = 1
        stack: list[Iterator[str]] = [iter(graph.get(start, ()))]
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif nxt not in graph:
                continue
            elif state.get(nxt) == 1:
                loop = path[path.index(nxt) :]
                turn = loop.index(min(loop))
                cycles.add(tuple(loop[turn:] + loop[:turn]))
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(graph[nxt]))
    return [[*cycle, cycle[0]] for cycle in sorted(cycles)]


RULES: tuple[Rule, ...] = (
    frame_codes,
    references,
    retirement,
    unique_items,
    band_order,
    voorkennis_cycles,
)


ADOPTIE_RULES: tuple[Rule, ...] = (school_records, network_targets)


def run_rules(corpus: Corpus) -> list[Diagnostic]:
    return [found for rule in (*RULES, *ADOPTIE_RULES) for found in rule(corpus)]
