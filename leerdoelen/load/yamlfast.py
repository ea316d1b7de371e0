"""The fast path of the YAML loader: a Rust parser for files that are certainly clean.

``yaml-rs`` parses a school file of 300 records ten times faster than PyYAML's C composer,
but it is not our reader: it reads YAML 1.2 (``010`` is 10, ``no`` is text), it turns a
quoted date into a date, and it keeps no positions. So it only ever *answers* for a file
when its data is exactly what the strict loader would build and none of the loader's
checks could find anything in that file: no syntax problem (it parses), no duplicate key
(it refuses them), no YAML 1.1 surprise, no warning for suspicious YAML. Anything it cannot
vouch for, it leaves to the position-aware path, which decides and says where. The tests
compare both paths on every file they have and on generated ones.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import yaml_rs

from leerdoelen.load.yamlwarn import keys

STR = "tag:yaml.org,2002:str"
# What only the full path reads right:
# - a directive or document marker: yaml-rs reads several documents as a list;
# - a quoted scalar that starts with a digit: yaml-rs reads a quoted date as a date;
# - a backslash: YAML 1.2 has escapes that 1.1 refuses;
# - a tab, a byte order mark, and a line break that only YAML 1.1 counts (NEL, LS, PS):
#   yaml-rs accepts them where PyYAML refuses them;
# - a flow collection other than a one-line list of plain words (``[5-6, 7-8]``): YAML
#   1.2 reads [a:], [?a] and [|a] where PyYAML refuses them;
# - a dash with two spaces: LD119 compares the widths of list items, and mixed widths need
#   one wider than a single space.
_DOUBTFUL_CHARS = "\\\t\x85\u2028\u2029\ufeff{"
_MARKERS = ("---", "...", "%")
_DIGIT = re.compile(r"\s*[0-9]")
_WORD = r"[\w./()+][\w ./()+-]*"
_FLOW_LIST = re.compile(rf"\[ *(?:{_WORD} *(?:, *{_WORD} *)*)?\]")


def _doubtful(text: str) -> bool:
    """Whether ``text`` has any of the above. Substring searches, not one regular
    expression: a school file of 60 KB is scanned in some 0.05 ms instead of 1 ms."""
    if any(char in text for char in _DOUBTFUL_CHARS) or "-  " in text:
        return True
    if text.startswith(_MARKERS) or any(f"\n{marker}" in text for marker in _MARKERS):
        return True
    for quote in "'\"":
        at = text.find(quote)
        while at >= 0:
            if _DIGIT.match(text, at + 1):
                return True
            at = text.find(quote, at + 1)
    # Each "[" must start a one-line list: a list holds no other "[", so the lists found
    # are as many as the "[" exactly when each does (one scan, not a match per "[").
    return len(_FLOW_LIST.findall(text)) != text.count("[")


# In a value: what a folded line leaves behind, a "- " (LD117) or a "woord:" (LD118).
_FOLDED = re.compile(r"\s(?:-|([a-z][a-z0-9_]*):)(?:\s|$)")


class Unsure(Exception):
    """The fast path cannot vouch for this file."""


def fast_data(text: str, plain_tag: Callable[[str], str]) -> Any:
    """The file's data as the strict loader builds it; ``Unsure`` when that is not certain.

    ``plain_tag`` is the strict resolver's tag for a plain scalar: a text that it would
    read as anything but text (``no``, ``1:30``, ``true``) may have been plain, so the full
    path decides.
    """
    if _doubtful(text) or not text.endswith("\n"):
        raise Unsure  # without a final line break, yaml-rs adds one to a block scalar
    try:
        data = yaml_rs.loads(text)
    except Exception:  # any refusal (syntax, duplicate key, limits) is a doubt
        raise Unsure from None
    _vouch(data, plain_tag, keys())
    return data


def _vouch(data: Any, plain_tag: Callable[[str], str], known: frozenset[str]) -> None:
    """Raise ``Unsure`` at the first value the strict loader might build otherwise.

    One walk; each distinct text is judged once (keys, statuses and groepen repeat in
    every record of a school file).
    """
    judged: set[str] = set()

    def judge(text: str) -> None:
        if plain_tag(text) != STR:
            raise Unsure
        # A folded line leaves " -" or "\n-" behind, a key "woord:": most texts have none.
        if (" -" in text or "\n-" in text or ":" in text) and (
            (folded := _FOLDED.search(text)) and _suspect(text, folded, known)
        ):
            raise Unsure
        judged.add(text)

    todo = [data]
    while todo:
        collection = todo.pop()
        kind = type(collection)
        if kind is dict:
            for key in collection:
                if type(key) is not str:
                    raise Unsure  # a tuple, number or date key
                if key not in judged:
                    judge(key)
            values = collection.values()
        elif kind is list:
            values = collection
        else:  # the document itself is a scalar
            values = [collection]
            todo = []
        for value in values:
            kind = type(value)
            if kind is str:
                if value not in judged:
                    judge(value)
            elif kind is dict or kind is list:
                todo.append(value)
            elif not (kind is bool or value is None or kind is dt.date):
                raise Unsure  # numbers (010, 0x1F, 1_000 are numbers to it), times


def _suspect(value: str, first: re.Match[str], known: frozenset[str]) -> bool:
    """Whether a folded "- " or one of our keys shows in ``value``, from ``first`` on."""
    found: re.Match[str] | None = first
    while found is not None:
        if found[1] is None or found[1] in known:
            return True
        found = _FOLDED.search(value, found.end() - 1)
    return False
