"""The hardened YAML loader: every bad input becomes a diagnostic, never an exception."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leerdoelen.load import yamlfile
from leerdoelen.load.yamlfile import MAX_BYTES, load_yaml, parse_yaml


def problems(raw: bytes) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.code) for d in parse_yaml(raw, "x.yaml").problems]


def test_valid_file_loads_plain_data() -> None:
    loaded = parse_yaml(b"titel: Water\ngroepen: [1-2, 3-4]\naantal: 3\nklaar: true\n", "x")
    assert loaded.ok
    assert loaded.data == {"titel": "Water", "groepen": ["1-2", "3-4"], "aantal": 3, "klaar": True}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"titel: no\n", [(1, 8, "LD111")]),
        (b"titel: On\n", [(1, 8, "LD111")]),
        (b"code: 010\n", [(1, 7, "LD111")]),
        (b"duur: 1:30\n", [(1, 7, "LD111")]),
        (b"kleur: 0x1F\n", [(1, 8, "LD111")]),
        (b"aantal: 1_000\n", [(1, 9, "LD111")]),
        (b"a: 2024-01-05 10:00:00\n", [(1, 4, "LD111")]),
        (b"titel: y\n", [(1, 8, "LD111")]),
        (b"titel: N\n", [(1, 8, "LD111")]),
        (b"titel: 1e3\n", [(1, 8, "LD111")]),
    ],
)
def test_yaml11_conversions_are_reported(raw: bytes, expected: list[tuple[int, int, str]]) -> None:
    assert problems(raw) == expected


def test_ambiguous_message_says_what_yaml_would_make_of_it() -> None:
    [found] = parse_yaml(b"duur: 1:30\n", "x").problems
    assert "het getal 90" in found.message


def test_quoted_values_and_plain_text_are_not_ambiguous() -> None:
    loaded = parse_yaml(b"titel: \"no\"\ncode: '010'\nwoord: nooit\nband: 1-2\n", "x")
    assert loaded.ok
    assert loaded.data == {"titel": "no", "code": "010", "woord": "nooit", "band": "1-2"}


def test_iso_dates_load_as_dates_and_others_stay_text() -> None:
    loaded = parse_yaml(b"a: 2024-02-29\nb: 2023-02-29\nc: 2024-1-5\n", "x")
    assert loaded.ok
    assert loaded.data == {"a": dt.date(2024, 2, 29), "b": "2023-02-29", "c": "2024-1-5"}


def test_duplicate_keys_are_all_reported() -> None:
    assert problems(b"a: 1\nb: 2\na: 3\nb: 4\n") == [(3, 1, "LD108"), (4, 1, "LD108")]


def test_anchors_and_aliases_are_refused_before_expansion() -> None:
    bomb = b'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + b"".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n".encode()
        for i in range(9)
    )
    found = problems(bomb)
    assert found and {code for *_, code in found} == {"LD109"}


@pytest.mark.parametrize(
    "tag", [b"!!python/object/apply:os.system ['ls']", b"!!binary aGk=", b"!x y"]
)
def test_tags_are_refused(tag: bytes) -> None:
    assert [code for *_, code in problems(b"a: " + tag + b"\n")] == ["LD110"]


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"\xef\xbb\xbfa: 1\n", "LD103"),
        (b"a: caf\xe9\n", "LD102"),
        (b"", "LD104"),
        (b"# alleen commentaar\n", "LD104"),
        (b"a: \x00\x01\x02\n", "LD105"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "LD102"),
        (b"a:\n\tb: 1\n", "LD106"),
        (b"titel: Let op: stroom\n", "LD107"),
        (b"a: 1\n---\nb: 2\n", "LD107"),
        (b'a: "open\n', "LD107"),
        (b"? [a]\n: b\n", "LD107"),
    ],
)
def test_bad_files_get_one_clean_diagnostic(raw: bytes, code: str) -> None:
    assert [found for *_, found in problems(raw)] == [code]


def test_tab_is_reported_where_it_is() -> None:
    assert problems(b"code: DG-001\ngroepen:\n\t- 1-2\n") == [(3, 1, "LD106")]


@pytest.mark.parametrize("raw", [b"- " * 60_000 + b"x\n", b"a: " + b"[" * 60_000])
def test_deep_nesting_is_refused_without_crashing(raw: bytes) -> None:
    # PyYAML's C composer crashes the interpreter (a segfault) near 50,000 levels.
    assert [code for *_, code in problems(raw)] == ["LD107"]


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"])
def test_a_bad_byte_is_placed_in_characters_and_lines_as_yaml_counts(newline: bytes) -> None:
    raw = b"code: DG-001" + newline + b"titel: caf\xc3\xa9 \xff" + newline
    assert problems(raw) == [(2, 13, "LD102")]  # "titel: café " is 12 characters
    assert problems(raw.replace(b"\xff", b"\x07")) == [(2, 13, "LD105")]


def test_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    big = tmp_path / "groot.yaml"
    big.write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")
    [found] = load_yaml(big, "groot.yaml").problems
    assert found.code == "LD101"
    assert str(MAX_BYTES) in found.message


def test_top_level_list_loads_and_is_left_to_the_schema() -> None:
    loaded = parse_yaml(b"- a\n- b\n", "x")
    assert loaded.ok and loaded.data == ["a", "b"]


# Mostly plain ASCII, as our files are, with what _CONTROL refuses or lets through.
_TEXT = st.text(
    st.one_of(
        st.sampled_from(list("ab -[{:?\t\n\r")),
        st.sampled_from(["\x00", "\x07", "\x0b", "\x1f", "\x7f", "\x85", "é", "\ufffe", "😀"]),
        st.characters(),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_the_quick_scans_find_what_the_full_ones_find(text: str) -> None:
    """``_control`` checks plain ASCII bytes instead of running the regular expression;
    ``_indicators`` counts bytes: each gives what the full scan over the text gives."""
    raw = text.encode("utf-8", "surrogatepass")
    full = yamlfile._CONTROL.search(text)
    quick = yamlfile._control(raw, text)
    assert (quick and quick.start()) == (full and full.start())
    assert yamlfile._indicators(raw) == sum(map(text.count, "-[{:?"))
