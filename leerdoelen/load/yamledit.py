"""Editing YAML text in place, as people wrote it: ``edit`` applies a data change to the
text and keeps everything else: comments, blank lines, key order, quoting, hand-wrapped
texts, flow or block style, at the positions that ``yamltext`` finds. ``import slo`` writes
through ``edit``.

Why not ruamel.yaml's round trip: measured on our kaders, it re-wraps unchanged folded
texts at its width, joins plain texts wrapped by hand, and re-spaces flow lists; and it
would be a runtime dependency for what the composer's marks already give.

Longer than 350 lines: one editor (``_Editor``) walks old and new data together, and its
steps share the text's layout (indentation, line breaks, list style); apart they would
pass all of it back and forth.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

import yaml

from leerdoelen.load.yamlfile import build, compose
from leerdoelen.load.yamltext import (
    after,
    block_scalar,
    content_end,
    first_on_line,
    header_start,
    indent,
    last_value,
    line_end,
    line_start,
    newline_before,
    past_comments,
)

# --- Applying a data change to the text -------------------------------------------------


class EditError(Exception):
    """The text cannot be changed to the data in place (a layout the editor does not know)."""


class _Indentless(yaml.CSafeDumper):
    """Lists under a key at the key's column (``key:\\n- a``), as PyYAML writes them;
    libyaml's emitter, which is fast (the loader needs libyaml too: ``yamlfile``)."""


class _Indented(yaml.SafeDumper):
    """Lists under a key indented (``key:\\n  - a``), as people often write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def add_representer(kind: type, representer: Any) -> None:
    """Teach both dumpers to write ``kind`` (for example a str subclass with a style)."""
    for dumper in (_Indentless, _Indented):
        dumper.add_representer(kind, representer)


def dump(data: Any, width: int, indented: bool = False, flow: bool | None = False) -> str:
    """``data`` as a YAML block (``flow=None``: lists and mappings of scalars in flow style)."""
    return yaml.dump(
        data,
        Dumper=_Indented if indented else _Indentless,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=flow,
        width=width,
    )


def same(a: Any, b: Any) -> bool:
    """Equal as YAML data: types too (``1`` is not ``true``), mapping order aside."""
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str) and a == b
    return type(a) is type(b) and a == b


def data_of(node: yaml.Node) -> Any:
    return build(node, [])


def default_identity(item: Any) -> Hashable | None:
    """Which old list item a new one is: a mapping with a ``code`` or ``id`` is that entity;
    anything else (None) has no identity of its own, and is matched by value."""
    if isinstance(item, dict):
        for key in IDENTITY_KEYS:
            if isinstance(item.get(key), str):
                return (key, item[key])
    return None


IDENTITY_KEYS = ("code", "id")


def item_key(value: Any, identity: Callable[[Any], Hashable | None] = default_identity) -> Hashable:
    """What a list item is matched on: its identity, or else its value."""
    found = identity(value)
    if found is not None:
        return found
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


def edit(
    text: str,
    data: Any,
    width: int = 80,
    identity: Callable[[Any], Hashable | None] = default_identity,
) -> str:
    """``text`` changed so that it reads as ``data``, keeping every byte that can stay.

    Changed scalars are rewritten at their place, new keys and list items inserted where
    ``data`` has them (after the entry before them, with its comments), removed ones taken
    out with their lines; everything else (comments, blank lines, key order, quoting, hand
    wrapping, flow or block style) stays. The result is checked to read as ``data``.
    """
    root = compose(text)
    if root is None:
        raise EditError("leeg document")
    editor = _Editor(text, width, identity, _indented(root))
    try:
        editor.node(root, data, _Root())
        result = editor.result()
        check = compose(result)
    except (yaml.YAMLError, RecursionError) as error:
        raise EditError(str(error)) from None
    if check is None or not same(data_of(check), data):
        raise EditError("de bewerkte tekst leest niet terug als de gegevens")
    return result


@dataclass(frozen=True)
class _Root:
    pass


@dataclass(frozen=True)
class _Entry:
    key: yaml.Node  # the value is this key's in a block mapping


@dataclass(frozen=True)
class _Item:
    dash: int  # the value is a block list's item; index of its "-"


_Slot = _Root | _Entry | _Item


def _indented(root: yaml.Node) -> bool:
    """Whether the text indents lists under their key (the first such list decides)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode) and not node.flow_style:
            for key, value in node.value:
                if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
                    list_column: int = value.start_mark.column
                    key_column: int = key.start_mark.column
                    return list_column > key_column
            stack.extend(reversed([v for _k, v in node.value]))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return False


def _dash(text: str, item: yaml.Node) -> int:
    """The index of the "-" that starts a block list's item."""
    pos = item.start_mark.index
    before = text[:pos].rstrip(" \r\n")
    if not before.endswith("-"):
        raise EditError(f"geen '-' voor het item op regel {item.start_mark.line + 1}")
    return len(before) - 1


class _Editor:
    """Collects the edits (start, end, new text) for one text and applies them at once."""

    def __init__(
        self, text: str, width: int, identity: Callable[[Any], Hashable | None], indented: bool
    ) -> None:
        self.text = text
        self.width = width
        self.identity = identity
        self.indented = indented
        self.nl = "\r\n" if "\r\n" in text else "\n"
        self.edits: list[tuple[int, int, int, str]] = []

    def result(self) -> str:
        parts, cursor = [], 0
        removed_to = 0  # the end of the last removal: an insertion inside it goes after it
        for start, end, _order, new in sorted(self.edits):
            if start == end and start < cursor == removed_to:
                start = end = cursor
            if start < cursor:
                raise EditError("bewerkingen overlappen")
            removed_to = end if not new else -1
            parts += [self.text[cursor:start], new.replace("\n", self.nl)]
            cursor = end
        return "".join([*parts, self.text[cursor:]])

    def _add(self, start: int, end: int, new: str) -> None:
        self.edits.append((start, end, len(self.edits), new))

    def _dump(self, data: Any, column: int, flow: bool | None = False) -> str:
        """``data`` as lines indented to ``column``, wrapped at the same width."""
        text = dump(data, max(self.width - column, 40), self.indented, flow)
        text = text.removesuffix("\n...\n") + "\n" if text.endswith("\n...\n") else text
        return indent(text, column)  # (a document end marker, indented, would be text)

    # -- walking old and new together

    def node(self, node: yaml.Node, new: Any, slot: _Slot) -> None:
        if same(data_of(node), new):
            return
        block = isinstance(node, yaml.CollectionNode) and not node.flow_style
        if block and isinstance(node, yaml.MappingNode) and isinstance(new, dict) and new:
            self._mapping(node, new, slot)
        elif block and isinstance(node, yaml.SequenceNode) and isinstance(new, list) and new:
            self._sequence(node, new, slot)
        else:
            flow = isinstance(node, yaml.CollectionNode) and node.flow_style and node.value
            self._replace(node, new, slot, None if flow else False)

    def _mapping(self, node: yaml.MappingNode, new: dict[Any, Any], slot: _Slot) -> None:
        old: dict[Any, tuple[yaml.Node, yaml.Node]] = {}
        for key, value in node.value:
            name = data_of(key)
            if name in old:
                raise EditError(f"sleutel {name!r} staat er twee keer")
            old[name] = (key, value)
        if not any(name in old for name in new):
            self._replace(node, new, slot, False)
            return
        self._remove(
            [k.start_mark.index for k, _v in node.value],
            [v for _k, v in node.value],
            node.value[0][0].start_mark.column,
            [name not in new for name in old],
        )
        for name in new:
            if name in old:
                key, value = old[name]
                self.node(value, new[name], _Entry(key))
        pending: dict[Any, Any] = {}
        previous: yaml.Node | None = None
        for name, value in [*new.items(), (None, None)]:
            if name is not None and name not in old:
                pending[name] = value
                continue
            if pending:  # after the kept entry before them, or at the top
                first = node.value[0][0]
                column = first.start_mark.column
                self._insert(previous, first.start_mark.index, column, self._dump(pending, column))
            if name is not None:
                pending, previous = {}, old[name][1]

    def _sequence(self, node: yaml.SequenceNode, new: list[Any], slot: _Slot) -> None:
        """Items are matched by identity (by value when they have none). Where a run
        differs, items without identity at the same place are edited in place; the rest of
        the run is removed, and the new items take the place of the first removed one (or
        follow the item before them). An item that moved goes with its own text."""
        text, items = self.text, node.value
        dashes = [_dash(text, item) for item in items]
        column = dashes[0] - line_start(text, dashes[0])
        old_ids = [self.identity(data_of(item)) for item in items]
        new_ids = [self.identity(value) for value in new]
        old_keys = [item_key(data_of(item), self.identity) for item in items]
        new_keys = [item_key(value, self.identity) for value in new]
        matcher = difflib.SequenceMatcher(None, old_keys, new_keys, False)
        removed: set[int] = set()
        runs: list[tuple[int, int, int, int]] = []  # new[j:j2] replace items[i:i2]
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            paired = 0
            while paired < min(i2 - i1, j2 - j1) and (
                tag == "equal"
                or old_ids[i1 + paired] is None is new_ids[j1 + paired]
                or not first_on_line(text, dashes[i1 + paired])  # "- - x": no line to remove
            ):
                self.node(items[i1 + paired], new[j1 + paired], _Item(dashes[i1 + paired]))
                paired += 1
            removed.update(range(i1 + paired, i2))
            if j1 + paired < j2:
                runs.append((i1 + paired, i2, j1 + paired, j2))
        leaving = {old_keys[i]: i for i in removed if first_on_line(text, dashes[i])}
        moved: dict[int, int] = {}  # new index → old index
        for _i, _i2, j, j2 in runs:
            moved |= {k: leaving[new_keys[k]] for k in range(j, j2) if new_keys[k] in leaving}
        refilled: set[int] = set()
        for i, i2, j, j2 in runs:
            lines = "".join(
                self._moved(items[moved[k]], new[k], column)
                if k in moved
                else self._dump([new[k]], column)
                for k in range(j, j2)
            )
            if i < i2 and first_on_line(text, dashes[i]):  # in the first removed one's place
                refilled.add(i)
                pos = line_start(text, dashes[i])
                self._add(pos, pos, lines)
            else:
                self._insert(items[i - 1] if i > 0 else None, dashes[0], column, lines)
        removals = [i in removed for i in range(len(items))]
        self._remove(dashes, items, column, removals, refilled, set(moved.values()))

    def _moved(self, item: yaml.Node, new: Any, column: int) -> str:
        """An item that moves: its own lines (with the comments above and below it that
        belong to it), edited to ``new`` as a document of its own."""
        text = self.text
        dash = _dash(text, item)
        start = header_start(text, dash, column)
        own = text[start : past_comments(text, after(text, item), column)].replace("\r\n", "\n")
        own += "" if own.endswith("\n") else "\n"
        editor = _Editor(own, self.width, self.identity, self.indented)
        root = compose(own)
        if not isinstance(root, yaml.SequenceNode):
            raise EditError(f"kan regel {item.start_mark.line + 1} niet verplaatsen")
        editor.node(root, [new], _Root())
        return editor.result()

    def _remove(
        self,
        starts: list[int],
        nodes: list[yaml.Node],
        column: int,
        removed: list[bool],
        refilled: set[int] | frozenset[int] = frozenset(),
        moved: set[int] | frozenset[int] = frozenset(),
    ) -> None:
        """Take out the entries or items (keys or dashes at ``starts``, values ``nodes``)
        marked ``removed``, each with its lines and the comments below it indented deeper
        than ``column`` (and, for one that ``moved``, the comment lines right above it); a
        blank line above one swallows the blank lines below it, unless new lines take its
        place (``refilled``). One that shares its line with a dash ("- code: x") is taken
        out up to the next kept entry, which moves up in its place."""
        text, i = self.text, 0
        while i < len(starts):
            if not removed[i]:
                i += 1
            elif first_on_line(text, starts[i]):
                start = line_start(text, starts[i])
                if i in moved:
                    start = header_start(text, starts[i], column)
                end = past_comments(text, after(text, nodes[i]), column)
                blank_above = text[:start].endswith(("\n\n", "\n\r\n")) or start == 0
                if blank_above and i not in refilled:
                    while end < len(text) and not text[end : line_end(text, end)].strip():
                        end = line_end(text, end)
                self._add(start, end, "")
                i += 1
            else:
                kept = next((k for k in range(i + 1, len(starts)) if not removed[k]), None)
                if kept is None or not first_on_line(text, starts[kept]):
                    line = text.count("\n", 0, starts[i]) + 1
                    raise EditError(f"kan regel {line} niet (gedeeltelijk) weghalen")
                self._add(starts[i], starts[kept], "")
                i = kept

    def _insert(self, previous: yaml.Node | None, first: int, column: int, lines: str) -> None:
        """Insert ``lines`` (indented to ``column``) after ``previous``, a value or item, with
        the comments below it that are indented deeper; or, without one, before the first
        entry or item, whose key or dash is at ``first`` (and its comment lines)."""
        text = self.text
        if previous is not None:
            pos = past_comments(text, after(text, previous), column)
            self._add(pos, pos, newline_before(text, pos, "\n") + lines)
        elif first_on_line(text, first):
            pos = header_start(text, first, column)
            self._add(pos, pos, lines)
        else:  # behind a dash: the new lines start there, the old first one moves down
            self._add(first, first, lines[column:] + " " * column)

    def _replace(self, node: yaml.Node, new: Any, slot: _Slot, flow: bool | None) -> None:
        """Write ``new`` in place of ``node``: from behind the key (or from the dash) to the
        end of the old value's own text; what follows it on the line stays."""
        text = self.text
        end = content_end(text, node)
        if isinstance(slot, _Entry):
            column = slot.key.start_mark.column
            fragment = self._dump({data_of(slot.key): new}, column, flow)
            root = compose(fragment)
            if not isinstance(root, yaml.MappingNode):
                raise EditError(f"kan regel {slot.key.start_mark.line + 1} niet schrijven")
            key, value = root.value[0]
            written = fragment[key.end_mark.index : content_end(fragment, value)]
            self._put(slot.key.end_mark.index, end, written, block_scalar(last_value(value)))
        elif isinstance(slot, _Item):  # "- " and the value, indented behind it
            column = slot.dash - line_start(text, slot.dash) + 2
            written, block = self._value(new, column, flow)
            self._put(slot.dash, end, "- " + written, block)
        else:
            self._put(node.start_mark.index, end, *self._value(new, node.start_mark.column, flow))

    def _put(self, start: int, end: int, written: str, block: bool) -> None:
        """Replace ``start:end`` by ``written``. When that ends in a block scalar, the
        comment behind the old value goes behind the first line (a key or a block scalar's
        header), where it stays a comment; behind a block scalar's last line it would be
        text."""
        text = self.text
        tail = text[end : line_end(text, end)].rstrip("\r\n")
        if block and tail.strip() and "\n" in written:
            first = written.index("\n")
            written = written[:first] + tail + written[first:]
            end += len(tail)
        self._add(start, end, written)

    def _value(self, data: Any, column: int, flow: bool | None) -> tuple[str, bool]:
        """``data`` as YAML text that starts at ``column`` (its first line not indented), and
        whether it ends in a block scalar."""
        fragment = self._dump(data, column, flow)
        root = compose(fragment)
        if root is None:
            raise EditError("leeg document")
        written = fragment[root.start_mark.index : content_end(fragment, root)]
        return written, block_scalar(last_value(root))
