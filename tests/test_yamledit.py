"""``leerdoelen.load.yamledit``: a data change applied to YAML text keeps everything else.

Hypothesis writes random documents (nested mappings and lists, texts that need quoting or
wrapping, lists of records with a ``code``) in both list styles, with comment lines and
trailing comments where YAML allows them, makes one random change to the data, and checks
that the edited text reads as the changed data (with the project's own loader and with
PyYAML's), that editing again changes nothing, and that the change stayed local: a new
value touches only its own lines, an addition only adds lines, a removal only removes them.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from leerdoelen.load import yamledit, yamltext
from leerdoelen.load.yamlfile import compose, parse_yaml

pytestmark = pytest.mark.slow  # a big hypothesis run

WIDTH = 60
KEYS = st.sampled_from(["code", "titel", "omschrijving", "slo", "id", "a", "b", "lijst", "x y"])
WORDS = st.sampled_from(
    ["de", "leerling", "werkt", "met", "data", "'s", "a: b", "#", "yes", "1", "[x]", "é", "-"]
)
TEXT = st.one_of(
    st.lists(WORDS, min_size=0, max_size=30).map(" ".join),
    st.sampled_from(["", " spatie", "twee\nregels", "null", "2026-01-01", "~", "'", '"']),
)
SCALAR = st.one_of(TEXT, st.integers(-5, 5), st.booleans())


def _records(children: st.SearchStrategy[Any]) -> st.SearchStrategy[list[dict[str, Any]]]:
    record = st.fixed_dictionaries(
        {"code": st.sampled_from(["A", "B", "C", "D", "E"])},
        optional={"titel": TEXT, "kinderen": children},
    )
    return st.lists(record, max_size=4, unique_by=lambda r: r["code"])


DATA = st.recursive(
    SCALAR,
    lambda children: st.one_of(
        st.lists(children, max_size=4, unique_by=yamledit.item_key),
        st.dictionaries(KEYS, children, max_size=5),
        _records(children),
    ),
    max_leaves=15,
)
DOCUMENT = st.dictionaries(KEYS, DATA, min_size=1, max_size=6)


def _read(text: str) -> Any:
    loaded = parse_yaml(text.encode("utf-8"), "t.yaml")
    assert loaded.ok, [p.message for p in loaded.problems]
    assert yamledit.same(yaml.safe_load(text), loaded.data)
    return loaded.data


def _places(text: str) -> tuple[list[int], list[int]]:
    """Where a comment line can go (starts of lines that open a key or a list item in block
    style), and where a trailing comment can go (after a one-line scalar)."""
    lines: set[int] = set()
    trailing: set[int] = set()
    stack = [compose(text)]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            line = node.start_mark.line
            if node.style not in ("|", ">") and node.end_mark.line == line:
                trailing.add(node.end_mark.index)
            continue
        if node is None or node.flow_style:
            continue
        if isinstance(node, yaml.MappingNode):
            starts = [k.start_mark.index for k, _v in node.value]
            stack.extend(v for pair in node.value for v in pair)
        else:
            starts = [text.rfind("-", 0, item.start_mark.index) for item in node.value]
            stack.extend(node.value)
        lines.update(s for s in starts if not text[text.rfind("\n", 0, s) + 1 : s].strip())
    # a trailing comment only where the line ends right after the scalar
    trailing = {p for p in trailing if text[p : p + 1] == "\n"}
    return sorted(lines), sorted(trailing)


@st.composite
def documents(draw: st.DrawFn) -> tuple[Any, str]:
    data = draw(DOCUMENT)
    layout = draw(st.sampled_from(["indentless", "indented", "flow"]))
    flow = None if layout == "flow" else False  # flow: lists and maps of scalars in [] {}
    text = yamledit.dump(data, WIDTH, indented=layout == "indented", flow=flow)
    lines, trailing = _places(text)
    inserts: list[tuple[int, str]] = []
    for pos in draw(st.lists(st.sampled_from(lines), max_size=4, unique=True)) if lines else []:
        column = pos - (text.rfind("\n", 0, pos) + 1)
        line = draw(st.sampled_from(["# opmerking", ""]))
        inserts.append((pos - column, (" " * column + line).rstrip(" ") + "\n"))
    for pos in (
        draw(st.lists(st.sampled_from(trailing), max_size=3, unique=True)) if trailing else []
    ):
        inserts.append((pos, "  # achter"))
    for pos, comment in sorted(inserts, reverse=True):
        text = text[:pos] + comment + text[pos:]
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    assert yamledit.same(_read(text), data)
    return data, text


def _paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _paths(value, (*path, i))
    return found


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def _fits(parent: Any, value: Any) -> bool:
    """A new value for a list keeps its items unique (so that which item changed is clear);
    any other value goes."""
    if isinstance(parent, list):
        return yamledit.item_key(value) not in map(yamledit.item_key, parent)
    return True


@st.composite
def changes(draw: st.DrawFn, data: Any) -> tuple[str, Any, tuple[Any, ...]]:
    """One change: ("value", new data, path), ("add", ...) or ("remove", ...)."""
    new = copy.deepcopy(data)
    path = draw(st.sampled_from(_paths(new)))
    target = _at(new, path)
    kinds = ["value"] if path else []
    if isinstance(target, dict | list):
        kinds.append("add")
        if len(target) > 1:  # emptied, it is a new value ([] or {})
            kinds.append("remove")
    kind = draw(st.sampled_from(kinds))
    record = path[:-1] if kind == "value" else path  # the collection the change is in
    container = _at(new, record)
    identity = yamledit.default_identity(container)
    if kind == "value":
        old = container[path[-1]]
        container[path[-1]] = draw(
            DATA.filter(lambda v: _fits(container, v) and not yamledit.same(v, old))
        )
    elif kind == "add" and isinstance(target, dict):
        key = draw(KEYS.filter(lambda k: k not in target))
        items = list(target.items())
        items.insert(draw(st.integers(0, len(items))), (key, draw(DATA)))
        target.clear()
        target.update(items)
    elif kind == "add":
        target.insert(
            draw(st.integers(0, len(target))), draw(DATA.filter(lambda v: _fits(target, v)))
        )
    elif isinstance(target, dict):
        del target[draw(st.sampled_from(list(target)))]
    else:
        del target[draw(st.integers(0, len(target) - 1))]
    if record and isinstance(container, dict) and isinstance(_at(new, record[:-1]), list):
        siblings = list(map(yamledit.item_key, _at(new, record[:-1])))
        assume(siblings.count(yamledit.item_key(container)) == 1)  # which item it is: clear
        if yamledit.default_identity(container) != identity:  # another entity: replaced
            kind, path = "value", record
    return kind, new, path


def _subsequence(short: list[str], long: list[str]) -> bool:
    """Every line of ``short`` is in ``long``, in order; a dash that starts a line may have
    moved to the line above ("- code: x" losing or gaining its first key)."""
    undashed = [re.sub(r"^[- ]*", lambda m: " " * len(m[0]), line) for line in long]
    rest = iter(undashed)
    return all(re.sub(r"^[- ]*", lambda m: " " * len(m[0]), line) in rest for line in short)


def _span(text: str, path: tuple[Any, ...]) -> tuple[yaml.Node, int, int]:
    """The node at ``path``, and its lines (first, past the last), from its key or dash on,
    with the comments below it that are indented deeper than that key or dash. A change
    inside a flow collection (``[a, b]``) rewrites it whole: then that is the node."""
    node, start = compose(text), 0
    for step in path:
        if isinstance(node, yaml.CollectionNode) and node.flow_style:
            break
        if isinstance(node, yaml.MappingNode):
            key, node = next((k, v) for k, v in node.value if yamledit.data_of(k) == step)
            start = key.start_mark.index
        else:
            node = node.value[step]
            start = text.rfind("-", 0, node.start_mark.index)
    column = start - (text.rfind("\n", 0, start) + 1)
    end = yamltext.past_comments(text, yamltext.after(text, node), column)
    return node, text.count("\n", 0, start), text.count("\n", 0, end)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_change_is_applied_in_place_and_reads_back_as_the_data(data: st.DataObject) -> None:
    old, text = data.draw(documents())
    assert yamledit.edit(text, old, WIDTH) == text
    kind, new, path = data.draw(changes(old))
    result = yamledit.edit(text, new, WIDTH)
    assert yamledit.same(_read(result), new)
    assert ("\r\n" in text) == ("\n" not in result.replace("\r\n", ""))  # line ends kept
    assert yamledit.edit(result, new, WIDTH) == result
    before, after = text.splitlines(), result.splitlines()
    node, first, end = _span(text, path)
    block = isinstance(node, yaml.CollectionNode) and node.value and not node.flow_style
    if kind == "add" and block:
        assert _subsequence(before, after)
    elif kind == "remove" and block:
        assert _subsequence(after, before)
    else:  # a new value: only the lines from its key (or dash) to its end change
        assert after[:first] == before[:first]
        assert after[len(after) - (len(before) - end) :] == before[end:]
