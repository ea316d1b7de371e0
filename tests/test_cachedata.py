"""What the build cache keeps of a network (``commands.cachedata``): its figures survive
JSON exactly, and anything that is not exactly what was written is refused. A school's
records survive their text, as the cache keeps them and as a summary travels between
processes."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leerdoelen.adoptie.view import NetwerkCijfers, adoptie_view, netwerk_cijfers
from leerdoelen.commands.cachedata import cijfers_from_json, cijfers_json
from leerdoelen.commands.check import check
from leerdoelen.core.adoptie import (
    ADOPTIE_STATUSSEN,
    Samenvatting,
    Stand,
    records_read,
    records_text,
)
from leerdoelen.core.model import Groep

VANDAAG = dt.date(2026, 11, 29)


@pytest.fixture(scope="module")
def cijfers() -> list[NetwerkCijfers]:
    corpus = check(Path(__file__).parent.parent).project.corpus
    view = adoptie_view(corpus, {}, VANDAAG)
    return [netwerk_cijfers(view.netwerk(slug)) for slug in view.netwerken]


def _json(c: NetwerkCijfers) -> Any:
    return json.loads(json.dumps(cijfers_json(c)))


def test_every_network_s_figures_survive_json(cijfers: list[NetwerkCijfers]) -> None:
    assert any(v.toelichting for c in cijfers for p in c.praktijk.values() for v in p.voorbeelden)
    assert any(c.voorop for c in cijfers)
    for c in cijfers:
        assert cijfers_from_json(_json(c), c.slug, c.netwerk) == c


def _example(data: list[Any], index: int, value: object) -> list[Any]:
    """``data`` with field ``index`` of its first example of practice set to ``value``."""
    code = next(code for code, entry in data[4].items() if entry[1])
    data[4][code][1][0][index] = value
    return data


@pytest.mark.parametrize(
    "spoil",
    [
        lambda d: d[:-1],
        lambda d: ["7", *d[1:]],
        lambda d: [-1, *d[1:]],
        lambda d: [d[0], [{"klaar": 3}, d[1][1]], *d[2:]],
        lambda d: [*d[:3], {"MN-K1": [50]}, d[4]],
        lambda d: [*d[:4], {"DG-001": [1, [], True]}],
        lambda d: [*d[:4], {"DG-001": [1, [["x"]], 0]}],
        lambda d: _example(d, 3, "klaar"),
        lambda d: _example(d, 4, "2026-02-30"),
        lambda d: _example(d, 6, "javascript:alert(1)"),
        lambda d: _example(d, 7, "ja"),
        lambda d: None,
    ],
)
def test_malformed_figures_are_none(
    cijfers: list[NetwerkCijfers], spoil: Callable[[list[Any]], object]
) -> None:
    c = next(c for c in cijfers if any(p.voorbeelden for p in c.praktijk.values()))
    assert cijfers_from_json(spoil(_json(c)), c.slug, c.netwerk) is None


# --- a school's records as text, and a summary between processes ---------------------------

_CODES = st.from_regex(r"\A[A-Z]{2}-[0-9]{3}\Z")
_STANDEN = st.builds(
    Stand,
    st.sampled_from(ADOPTIE_STATUSSEN),
    st.lists(st.sampled_from(get_args(Groep)), unique=True).map(tuple),
    st.none() | st.dates(),
    st.none() | st.text(),  # any text: tabs and line breaks too
    st.none() | st.from_regex(r"\Ahttps://[a-z]+\.nl/[^\s]*\Z"),
)
_RECORDS = st.dictionaries(_CODES, _STANDEN, max_size=40)


@settings(max_examples=200, deadline=None)
@given(_RECORDS)
def test_records_survive_their_text(records: dict[str, Stand]) -> None:
    lines, texts = records_text(records)
    assert records_read(*json.loads(json.dumps([lines, texts]))) == records


@settings(max_examples=100, deadline=None)
@given(_RECORDS, st.none() | st.dates(), st.booleans())
def test_a_summary_survives_pickling_with_its_records_read_later(
    records: dict[str, Stand], nieuwste: dt.date | None, voorbeeld: bool
) -> None:
    summary = Samenvatting("12AB", "De Boog", "Ede", "bao", voorbeeld, ("a",), nieuwste, records)
    sent = pickle.loads(pickle.dumps(summary, pickle.HIGHEST_PROTOCOL))
    assert "records" not in vars(sent)  # read when first asked for
    assert sent == summary
    assert sent.records == records
