"""A hardened YAML loader: PyYAML's C parser with a strict, YAML 1.2-like resolver.

The fast path is one C-loader parse. Everything that is slow (events, positions,
friendly messages) runs only for a file that has something to report. Nothing in a
file is ever executed: only plain scalars, lists and mappings come out.

Longer than 350 lines: the steps of one read (bytes, text, nesting, events, composing,
building, the Dutch syntax messages) are each short, run only in this order, and share
private helpers; apart, those helpers would become public names for no other user.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# The stubs import CParser into yaml.cyaml without re-exporting it; yaml.cyaml is where
# PyYAML's C loaders get it from.
from yaml.cyaml import CParser  # type: ignore[attr-defined]

from leerdoelen.core.diagnostics import Diagnostic, diagnostic
from leerdoelen.load.regular import SOORT, NotRegular, open_regular
from leerdoelen.load.yamlfast import Unsure, fast_data
from leerdoelen.load.yamlwarn import indentation_problem, suspicious
from leerdoelen.util.git import blob_id

MAX_BYTES = 256 * 1024
BOM = b"\xef\xbb\xbf"
AMBIGUOUS = "tag:leerdoelen,2026:ambiguous"
# What YAML itself refuses: everything outside its printable set (as PyYAML's reader).
_CONTROL = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# The bytes of plain ASCII text that _CONTROL allows: tab, line ends, printable.
_PLAIN_ASCII = bytes([0x09, 0x0A, 0x0D, *range(0x20, 0x7F)])
_INDICATORS = b"-[{:?"  # what can open a collection (ASCII: never inside a UTF-8 sequence)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_DEPTH = 100  # nesting levels; our files need fewer than 10
# Nesting is at most the number of structure indicators. Up to this many, the C composer
# is safe (measured: 20,000 levels fine, 50,000 a crash), so most files skip the scan.
_SCAN_ABOVE = 10_000


class StrictResolver(yaml.resolver.BaseResolver):
    """Resolves plain scalars as YAML 1.2's core schema does, with ISO dates.

    Plain scalars that YAML 1.1 would silently turn into another type (``no``, ``on``,
    ``010``, ``1:30``, ``0x1F``, ``1_000``, timestamps with a time) get the AMBIGUOUS tag,
    so that the loader can report them instead of guessing.
    """

    # The C composer calls these three for every node: keep them lean. No path resolvers.
    def descend_resolver(self, current_node: object, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            return plain_tag(value) if implicit[0] else self.DEFAULT_SCALAR_TAG
        return self.DEFAULT_MAPPING_TAG if kind is yaml.MappingNode else self.DEFAULT_SEQUENCE_TAG

    def _plain_tag(self, value: str) -> str:
        resolvers: Iterable[tuple[str, re.Pattern[str]]]
        resolvers = self.yaml_implicit_resolvers.get(value[:1], ())
        for tag, regexp in resolvers:
            if regexp.match(value):
                return tag
        return self.DEFAULT_SCALAR_TAG


_PLAIN_TAGS: dict[str, str] = {}
_PLAIN_TAGS_MAX = 200_000


def plain_tag(value: str) -> str:
    """The strict resolver's tag for a plain scalar."""
    # Values repeat a lot (statuses, codes, dates): remember each one's tag.
    tag = _PLAIN_TAGS.get(value)
    if tag is None:
        tag = _TAGGER._plain_tag(value)
        if len(_PLAIN_TAGS) < _PLAIN_TAGS_MAX:
            _PLAIN_TAGS[value] = tag
    return tag


_DIGITS = list("-+0123456789")
for _tag, _pattern, _first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9]*)$", _DIGITS),
    (
        "tag:yaml.org,2002:float",
        r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$",
        [*_DIGITS, "."],
    ),
    ("tag:yaml.org,2002:timestamp", _DATE.pattern, list("0123456789")),
    (
        AMBIGUOUS,
        r"""^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF
            |[-+]?0[0-9_]+(?:\.[0-9_]*)?
            |[-+]?0[xXoObB][0-9a-fA-F_]+
            |[-+]?[0-9]+[eE][-+]?[0-9]+
            |[-+]?[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?
            |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?
            |[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)
            |[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9:. \t+\-Zz]*)?
            |=|<<)$""",
        list("yYnNoO-+0123456789.=<"),
    ),
]:
    StrictResolver.add_implicit_resolver(_tag, re.compile(_pattern, re.X), _first)
_TAGGER = StrictResolver()


_SHORT_BOOLS = {"y": "true", "Y": "true", "n": "false", "N": "false"}  # YAML 1.1, not PyYAML
_EXPONENT = re.compile(r"^[-+]?[0-9]+[eE][-+]?[0-9]+$")  # a number to YAML 1.2 (VS Code)


def _yaml11_reading(value: str) -> str | None:
    """What another YAML reader would make of a plain scalar, in Dutch; None if text."""
    if value in _SHORT_BOOLS:
        return f"de ja/nee-waarde {_SHORT_BOOLS[value]}"
    if _EXPONENT.match(value):
        return f"het getal {float(value):g}"
    try:
        result = yaml.load(value, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return None
    if isinstance(result, str):
        return None
    if isinstance(result, bool):
        return f"de ja/nee-waarde {str(result).lower()}"
    if isinstance(result, int | float):
        return f"het getal {result}"
    if isinstance(result, dt.date):
        return "een tijdstip"
    return "iets anders dan tekst"


class Composer(CParser, StrictResolver):
    """PyYAML's C parser and composer with the strict resolver: a node tree with marks."""

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        StrictResolver.__init__(self)


def compose(text: str) -> yaml.Node | None:
    composer = Composer(text)
    try:
        return composer.get_single_node()
    finally:
        composer.dispose()


# Where, the code, and the message's fields (Any, not object: mypy would have any field
# value fit diagnostic()'s ``related`` too).
Problem = tuple[yaml.Mark, str, dict[str, Any]]
_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", yaml.MappingNode, yaml.SequenceNode


def _date(value: str) -> dt.date | str:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return value  # not a real date: it stays text, and the schema judges it


_SCALARS: dict[str, Callable[[str], Any]] = {
    "tag:yaml.org,2002:null": lambda value: None,
    "tag:yaml.org,2002:bool": lambda value: value.lower() == "true",
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:timestamp": _date,
}


def build(node: yaml.Node, problems: list[Problem]) -> Any:
    """Plain data from a node tree; duplicate keys and ambiguous scalars become problems.

    Shorter than PyYAML's constructor, because our trees are simple: the loader refuses
    anchors, aliases and explicit tags before composing, so every node is used once and
    every tag is one of the resolver's.
    """
    kind = node.__class__
    if kind is _MAP:
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = build(key_node, problems)
            try:
                duplicate = key in mapping
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "found unhashable key", key_node.start_mark
                ) from None
            if duplicate:
                first = next(k for k, _ in node.value if build(k, []) == key)
                problems.append(
                    (
                        key_node.start_mark,
                        "LD108",
                        {"sleutel": key, "eerder": first.start_mark.line + 1},
                    )
                )
            mapping[key] = build(value_node, problems)
        return mapping
    if kind is _SEQ:
        return [build(child, problems) for child in node.value]
    tag, value = node.tag, node.value
    if tag == _STR:
        return value
    if tag == AMBIGUOUS:
        if reading := _yaml11_reading(value):
            problems.append((node.start_mark, "LD111", {"waarde": value, "als": reading}))
        return value
    return _SCALARS[tag](value)


@dataclass
class YamlFile:
    """One loaded file: its text, its data, and what is wrong with it as YAML."""

    path: str  # relative to the project root, POSIX style
    text: str = ""
    blob: str = ""  # git's object id of the bytes read (from a school file: its cache key)
    data: Any = None
    problems: list[Diagnostic] = field(default_factory=list)
    # YAML that parses but looks unintended (LD117-LD119): reported, yet the file loads.
    warnings: list[Diagnostic] = field(default_factory=list)
    _root: yaml.Node | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    def root_node(self) -> yaml.Node | None:
        """The composed node tree, made on first use (only needed to report positions)."""
        if self._root is None and self.text:
            self._root = compose(self.text)
        return self._root


# Line breaks as YAML counts them (so Windows line endings give the same positions).
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset, as the parser's marks count."""
    line, start = 1, 0
    for found in _BREAK.finditer(text, 0, offset):
        line, start = line + 1, found.end()
    return line, offset - start + 1


def _control(raw: bytes, text: str) -> re.Match[str] | None:
    """The first character that YAML does not allow (``_CONTROL``). Most files are plain
    ASCII, which deleting the allowed bytes checks in a tenth of the time."""
    if text.isascii() and not raw.translate(None, _PLAIN_ASCII):
        return None
    return _CONTROL.search(text)


def _indicators(raw: bytes) -> int:
    """How many characters could open a collection: a bound on the nesting depth."""
    return len(raw) - len(raw.translate(None, _INDICATORS))


def _too_deep(text: str) -> tuple[int, int] | None:
    """The line and column where collections nest deeper than MAX_DEPTH, if they do.

    PyYAML's C composer recurses and crashes the process on very deep nesting (seen at
    50,000 levels), so deep files are refused from the event stream, which is iterative.
    Few files have enough indicators to nest that deep (``_indicators``): most skip it.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    return (mark.line + 1, mark.column + 1) if mark else (0, 0)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass  # the full parse reports syntax errors
    return None


def _check_events(text: str, path: str) -> list[Diagnostic] | None:
    """Anchors, aliases and explicit tags: found in the event stream, before composing.
    None when the stream has a syntax error (the full parse reports it)."""
    found: list[Diagnostic] = []
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            mark = event.start_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            where = (path, line, column)
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                found.append(diagnostic("LD109", *where))
            tag = getattr(event, "tag", None)
            if tag is not None and not isinstance(event, yaml.DocumentStartEvent):
                found.append(diagnostic("LD110", *where, tag=tag))
    except yaml.YAMLError:
        return None
    return found


_SYNTAX_MESSAGES = [
    (
        "mapping values are not allowed",
        "hier mag geen ':' staan; zet tekst met een dubbele punt tussen aanhalingstekens",
    ),
    ("could not find expected ':'", "hier ontbreekt een ':' na de sleutel"),
    ("did not find expected key", "verwachtte een sleutel; klopt de inspringing?"),
    (
        "did not find expected '-' indicator",
        "verwachtte een lijstitem ('- '); klopt de inspringing?",
    ),
    ("did not find expected ',' or ']'", "een lijst tussen [ ] is niet afgesloten"),
    ("did not find expected ',' or '}'", "een mapping tussen { } is niet afgesloten"),
    (
        "found unexpected end of stream",
        "onverwacht einde van het bestand; mist er een aanhalingsteken?",
    ),
    ("expected a single document", "het bestand bevat meer dan één document (---)"),
    ("but found another document", "het bestand bevat meer dan één document (---)"),
    ("found unhashable key", "een sleutel moet tekst zijn, geen lijst of mapping"),
    ("expected a mapping node", "hier hoort een mapping"),
    (
        "found unknown escape character",
        "onbekende escape (\\) in tekst tussen dubbele aanhalingstekens",
    ),
    (
        "found character that cannot start any token",
        "dit teken kan hier niet staan; zet de tekst tussen aanhalingstekens",
    ),
    ("found unexpected ':'", "onverwachte ':'; zet de tekst tussen aanhalingstekens"),
]


def _char_at(text: str, line: int, column: int) -> str:
    """The character at a 1-based line and column, or '' past the end."""
    lines = text.split("\n", line)
    return lines[line - 1][column - 1 : column] if 0 < line <= len(lines) else ""


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, path: str) -> Diagnostic:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = f"{error.context or ''} {error.problem or ''}"
    if _char_at(text, line, column) == "\t":
        return diagnostic("LD106", path, line, column)
    if "mapping values are not allowed" in problem and (
        indented := indentation_problem(text, line, column)
    ):
        return diagnostic("LD107", path, line, indented[0], probleem=indented[1])
    for english, dutch in _SYNTAX_MESSAGES:
        if english in problem:
            return diagnostic("LD107", path, line, column, probleem=dutch)
    return diagnostic("LD107", path, line, column, probleem="de structuur klopt hier niet")


def oversized(path: str, size: int) -> YamlFile | None:
    """The result for a file over MAX_BYTES, which is never read; None if the size is fine."""
    if size <= MAX_BYTES:
        return None
    return YamlFile(path, problems=[diagnostic("LD101", path, size=size, limit=MAX_BYTES)])


def load_yaml(file: Path, path: str) -> YamlFile:
    """Read and parse one YAML file; never raises for anything that is in the file."""
    result = YamlFile(path)
    try:
        with open_regular(file) as stream:
            if too_big := oversized(path, os.fstat(stream.fileno()).st_size):
                return too_big
            raw = stream.read(MAX_BYTES + 1)
    except NotRegular as error:
        result.problems.append(diagnostic("LD114", path, soort=SOORT[error.kind]))
        return result
    except OSError as error:
        result.problems.append(diagnostic("LD107", path, probleem=f"onleesbaar ({error.strerror})"))
        return result
    return parse_yaml(raw, path)


def parse_yaml(raw: bytes, path: str, fast: bool = True) -> YamlFile:
    """Parse one file's bytes; ``fast=False`` always takes the position-aware path (for
    the tests that compare both)."""
    result = YamlFile(path, blob=blob_id(raw))
    problems = result.problems
    if raw.startswith(BOM):
        problems.append(diagnostic("LD103", path, 1, 1))
        return result
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start].decode("utf-8")  # valid up to the error
        line, column = _line_col(before, len(before))
        problems.append(
            diagnostic(
                "LD102", path, line, column, byte=f"0x{raw[error.start]:02X}", offset=error.start
            )
        )
        return result
    if control := _control(raw, text):
        line, column = _line_col(text, control.start())
        problems.append(diagnostic("LD105", path, line, column, char=f"U+{ord(control[0]):04X}"))
        return result
    if _indicators(raw) > _SCAN_ABOVE and (deep := _too_deep(text)):
        problems.append(
            diagnostic("LD107", path, *deep, probleem=f"meer dan {MAX_DEPTH} niveaus diep genest")
        )
        return result
    result.text = text
    if "&" in text or "*" in text or "!" in text:
        refused = _check_events(text, path)
        if refused:
            problems.extend(refused)
            return result
        fast = fast and refused is not None  # a syntax error: the full path says where
    if fast:
        try:
            result.data = fast_data(text, plain_tag)
        except Unsure:
            pass  # the full path decides, and says where
        else:
            if result.data is None:
                problems.append(diagnostic("LD104", path))
            return result
    found: list[Problem] = []
    try:
        root = compose(text)
        result.data = None if root is None else build(root, found)
    except yaml.MarkedYAMLError as error:
        problems.append(_syntax_problem(error, text, path))
        return result
    except yaml.YAMLError as error:  # unmarked: not expected past the checks above
        problems.append(diagnostic("LD107", path, probleem=str(error).splitlines()[0]))
        return result
    except RecursionError:
        problems.append(diagnostic("LD107", path, probleem="te diep genest"))
        return result
    for mark, code, fields in found:
        problems.append(diagnostic(code, path, mark.line + 1, mark.column + 1, **fields))
    if result.data is None:
        problems.append(diagnostic("LD104", path))
    elif root is not None:
        result.warnings = suspicious(text, root, path)
    return result
