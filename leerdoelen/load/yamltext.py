"""Positions in YAML text as people wrote it: where a node's text ends, where a line can go
after it, and which comment lines belong to it. From PyYAML's marks in a composed node tree;
``yamledit`` and ``schoolfile`` edit text at these positions."""

from __future__ import annotations

import yaml


def line_end(text: str, pos: int) -> int:
    """Just past the line break of the line that ``pos`` is on (or the end of the text)."""
    found = text.find("\n", pos)
    return len(text) if found < 0 else found + 1


def after(text: str, node: yaml.Node) -> int:
    """Where a line can be inserted after a node's content: past its last line, with any
    comment on that line, but before comments and blank lines that follow."""
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style:
        last = node.value[-1]
        return after(text, last[1] if isinstance(last, tuple) else last)
    end = node.end_mark.index
    if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
        header = text[node.start_mark.index : line_end(text, node.start_mark.index)]
        if "+" in header.partition("#")[0]:  # keep chomping: trailing blank lines count
            return end
        end = len(text[:end].rstrip())
    return line_end(text, end)


def newline_before(text: str, pos: int, nl: str) -> str:
    return nl if pos == len(text) and text and not text.endswith("\n") else ""


def past_comments(text: str, pos: int, column: int) -> int:
    """Past the comment lines right after ``pos`` that are indented deeper than ``column``:
    they belong to the record above, and stay with it."""
    while pos < len(text):
        end = line_end(text, pos)
        line = text[pos:end]
        stripped = line.lstrip(" ")
        if not stripped.startswith("#") or len(line) - len(stripped) <= column:
            break
        pos = end
    return pos


def last_value(node: yaml.Node) -> yaml.Node:
    """The node whose text a node's text ends with: a block collection's last value, deep."""
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return node


def block_scalar(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.style in ("|", ">")


def content_end(text: str, node: yaml.Node) -> int:
    """Where a node's own text ends: before the line break, blank lines and comments that
    follow a block scalar or a block collection's last value."""
    node = last_value(node)
    end = node.end_mark.index
    if block_scalar(node):
        end = len(text[:end].rstrip("\r\n "))
    return end


def line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def first_on_line(text: str, pos: int) -> bool:
    return not text[line_start(text, pos) : pos].strip(" ")


def header_start(text: str, pos: int, column: int) -> int:
    """The start of ``pos``'s line, or of the comment lines right above it at ``column``:
    a comment that introduces an entry stays above it."""
    start = line_start(text, pos)
    while start > 0:
        previous = line_start(text, start - 1)
        line = text[previous:start]
        stripped = line.lstrip(" ")
        if not stripped.startswith("#") or len(line) - len(stripped) != column:
            break
        start = previous
    return start


def indent(fragment: str, column: int) -> str:
    pad = " " * column
    return "".join(pad + line if line != "\n" else line for line in fragment.splitlines(True))
