"""The content's version in words (``render/versie.py``): what the footer says."""

from __future__ import annotations

import datetime as dt

from leerdoelen.render.versie import version_in_words

RELEASED = dt.date(2026, 11, 30)


def test_at_a_release_its_name_and_date() -> None:
    words = version_in_words(RELEASED, "v2026.2", RELEASED, at_release=True)
    assert words == "versie v2026.2 (30 november 2026)"


def test_at_a_release_the_release_date_counts_not_the_commit_date() -> None:
    words = version_in_words(dt.date(2026, 11, 28), "v2026.2", RELEASED, at_release=True)
    assert words == "versie v2026.2 (30 november 2026)"


def test_after_a_release_the_changes_until_the_last_date() -> None:
    words = version_in_words(dt.date(2026, 12, 2), "v2026.2", RELEASED)
    assert words == "versie v2026.2 met wijzigingen tot 2 december 2026"


def test_without_any_release_the_date() -> None:
    assert version_in_words(RELEASED) == "stand van 30 november 2026"


def test_without_git_unknown() -> None:
    assert version_in_words(None) == "versie onbekend (gebouwd zonder git)"
