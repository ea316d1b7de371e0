"""Every ``diagnostic()`` call passes exactly the fields its catalogue template names.

``diagnostic(code, …, **fields)`` fills ``CATALOGUE[code].bericht`` with ``fields``: a field
the template names but the call lacks is a KeyError, raised only when that fault occurs in
someone's content; a field the call passes but the template does not name is information
silently dropped. This test reads every call in ``leerdoelen/`` with ``ast`` and compares
before any user meets either.

Most calls name their code and their fields literally. The few that do not are resolved
explicitly in ``DYNAMIC``, each with its reason; a call that is neither fails the test.
"""

from __future__ import annotations

import ast
import functools
import re
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from conftest import ROOT

from leerdoelen.core.catalogue import CATALOGUE

PACKAGE = ROOT / "leerdoelen"
FUNCTION = "diagnostic"
OWN_KEYWORDS = frozenset({"related"})  # keywords of diagnostic() itself, not template fields


@dataclass(frozen=True)
class Use:
    """One code passed to ``diagnostic()`` with the fields that go with it."""

    code: str
    fields: frozenset[str]
    where: str  # path:line of the diagnostic() call


@dataclass(frozen=True)
class Call:
    module: str  # path relative to the project root, POSIX style
    function: str  # the function the call is in ("" at module level)
    node: ast.Call

    @property
    def where(self) -> str:
        return f"{self.module}:{self.node.lineno}"


@functools.cache
def modules() -> dict[str, ast.Module]:
    return {
        path.relative_to(ROOT).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def calls_of(module: str, name: str) -> Iterator[Call]:
    """Every call of ``name`` (plain or as an attribute) in ``module``, with its function."""

    def visit(node: ast.AST, function: str) -> Iterator[Call]:
        for child in ast.iter_child_nodes(node):
            inner = function
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = child.name
            elif isinstance(child, ast.Call):
                func = child.func
                called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                if called == name:
                    yield Call(module, function, child)
            yield from visit(child, inner)

    yield from visit(modules()[module], "")


def defined(module: str, name: str) -> ast.FunctionDef:
    found = [
        node
        for node in ast.walk(modules()[module])
        if isinstance(node, ast.FunctionDef) and node.name == name
    ]
    assert len(found) == 1, f"{module}: {len(found)} functies met de naam {name}"
    return found[0]


def template_fields(template: str) -> frozenset[str]:
    """The keyword fields a ``str.format`` template names: ``{veld}``, ``{a.b}`` → a."""
    names = (name for _, name, _, _ in string.Formatter().parse(template) if name is not None)
    return frozenset(re.split(r"[.\[]", name, maxsplit=1)[0] for name in names)


def literal(node: ast.expr | None, where: str) -> str:
    assert isinstance(node, ast.Constant) and isinstance(node.value, str), (
        f"{where}: verwacht een letterlijke code, niet {ast.unparse(node) if node else 'niets'}"
    )
    return node.value


def keywords(call: ast.Call) -> frozenset[str]:
    return frozenset(k.arg for k in call.keywords if k.arg is not None) - OWN_KEYWORDS


def spreads(call: ast.Call) -> bool:
    return any(k.arg is None for k in call.keywords)


def argument(call: ast.Call, index: int, keyword: str) -> ast.expr | None:
    if index < len(call.args):
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


# --- the calls whose code or fields are not written at the call -------------------------


def codes_from_callers(function: str, index: int, keyword: str) -> Callable[[Call], list[Use]]:
    """The code is a parameter of ``function``; its callers in the module pass it literally."""

    def resolve(call: Call) -> list[Use]:
        callers = list(calls_of(call.module, function))
        assert callers, f"{call.where}: niemand roept {function}() aan"
        return [
            Use(literal(argument(c.node, index, keyword), c.where), keywords(call.node), c.where)
            for c in callers
        ]

    return resolve


def fields_from_callers(function: str) -> Callable[[Call], list[Use]]:
    """The code and the fields are parameters of ``function`` (``function(code, …,
    **fields)``); its callers in the module pass both literally."""

    def resolve(call: Call) -> list[Use]:
        callers = list(calls_of(call.module, function))
        assert callers, f"{call.where}: niemand roept {function}() aan"
        assert not any(spreads(c.node) for c in callers), f"{call.where}: velden met **"
        return [
            Use(
                literal(argument(c.node, 0, "code"), c.where),
                keywords(call.node) | keywords(c.node),
                c.where,
            )
            for c in callers
        ]

    return resolve


def conditional_code(call: Call) -> list[Use]:
    """``code = "A" if … else "B"`` in the same function, then ``diagnostic(code, …)``."""
    assigned = [
        node.value
        for node in ast.walk(defined(call.module, call.function))
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "code" for t in node.targets)
    ]
    assert len(assigned) == 1, f"{call.where}: verwacht één toewijzing aan code"

    def leaves(node: ast.expr) -> Iterator[ast.expr]:
        if isinstance(node, ast.IfExp):
            yield from leaves(node.body)
            yield from leaves(node.orelse)
        else:
            yield node

    return [
        Use(literal(leaf, call.where), keywords(call.node), call.where)
        for leaf in leaves(assigned[0])
    ]


def yaml_problems(call: Call) -> list[Use]:
    """``diagnostic(code, …, **fields)`` over the ``(mark, code, {fields})`` tuples that
    ``build()`` collects; every tuple it appends must be written out literally."""
    appended = [c.node.args[0] for c in calls_of(call.module, "append") if c.function == "build"]
    assert appended, f"{call.where}: build() verzamelt geen problemen meer"
    uses = []
    for node in appended:
        where = f"{call.module}:{node.lineno}"
        assert isinstance(node, ast.Tuple) and len(node.elts) == 3, (
            f"{where}: geen (mark, code, velden)"
        )
        fields = node.elts[2]
        assert isinstance(fields, ast.Dict), f"{where}: de velden zijn geen letterlijke dict"
        names = frozenset(literal(key, where) for key in fields.keys)
        uses.append(Use(literal(node.elts[1], where), names, where))
    return uses


# (module, function) → (why the call is not literal, how its codes and fields are found)
DYNAMIC: dict[tuple[str, str], tuple[str, Callable[[Call], list[Use]]]] = {
    ("leerdoelen/load/project.py", "_strays"): (
        "de code is een parameter van _strays(); de aanroepers geven hem letterlijk",
        codes_from_callers("_strays", 2, "code"),
    ),
    ("leerdoelen/slo/frame.py", "_problem"): (
        "de code is een parameter van _problem(); de aanroepers geven hem letterlijk",
        codes_from_callers("_problem", 4, "code"),
    ),
    ("leerdoelen/commands/school_import.py", "problem"): (
        "code en velden zijn parameters van _Reader.problem(); de aanroepers geven ze letterlijk",
        fields_from_callers("problem"),
    ),
    ("leerdoelen/slo/source.py", "_diagnose"): (
        "de code is LD603, LD604 of LD615, gekozen naar de validator van de schemafout",
        conditional_code,
    ),
    ("leerdoelen/load/yamlfile.py", "parse_yaml"): (
        "**fields: de problemen die build() verzamelt, als (mark, code, {velden})",
        yaml_problems,
    ),
}


def diagnostic_calls() -> list[Call]:
    return [call for module in modules() for call in calls_of(module, FUNCTION)]


def is_literal(call: Call) -> bool:
    first = call.node.args[0] if call.node.args else None
    return isinstance(first, ast.Constant) and not spreads(call.node)


def uses() -> list[Use]:
    found = []
    for call in diagnostic_calls():
        if is_literal(call):
            code = literal(call.node.args[0], call.where)
            found.append(Use(code, keywords(call.node), call.where))
        elif (call.module, call.function) in DYNAMIC:
            found += DYNAMIC[call.module, call.function][1](call)
    return found


# --- the tests ----------------------------------------------------------------------------


def test_diagnostic_is_imported_under_its_own_name() -> None:
    """The search looks for calls by name: an alias would hide them."""
    aliased = [
        f"{module}:{node.lineno}"
        for module, tree in modules().items()
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.name == FUNCTION and alias.asname not in (None, FUNCTION)
    ]
    assert not aliased


def test_every_call_that_is_not_literal_is_resolved_explicitly() -> None:
    calls = [c for c in diagnostic_calls() if not is_literal(c)]
    unknown = [c.where for c in calls if (c.module, c.function) not in DYNAMIC]
    assert not unknown, (
        f"diagnostic() zonder letterlijke code of velden, niet in DYNAMIC: {unknown}"
    )
    stale = set(DYNAMIC) - {(c.module, c.function) for c in calls}
    assert not stale, f"in DYNAMIC maar niet (meer) dynamisch: {sorted(stale)}"


def test_every_call_passes_exactly_the_fields_of_its_template() -> None:
    found = uses()
    assert found
    unknown = sorted(f"{u.where}: {u.code}" for u in found if u.code not in CATALOGUE)
    assert not unknown, f"codes die niet in de catalogus staan: {unknown}"
    wrong = [
        f"{u.where}: {u.code} geeft {sorted(u.fields)}, "
        f"de tekst vraagt {sorted(template_fields(CATALOGUE[u.code].bericht))}"
        for u in found
        if u.fields != template_fields(CATALOGUE[u.code].bericht)
    ]
    assert not wrong, "\n".join(wrong)


def test_every_code_in_the_catalogue_is_used() -> None:
    unused = sorted(set(CATALOGUE) - {u.code for u in uses()})
    assert not unused, f"codes in de catalogus die geen aanroep gebruikt: {unused}"


def test_the_template_fields_are_read_as_format_reads_them() -> None:
    assert template_fields("{a} en {b.c} en {d[0]}, {{niet}} {a!r:>5}") == {"a", "b", "d"}
