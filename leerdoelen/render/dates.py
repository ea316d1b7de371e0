"""Dates as the site writes them: "29 november 2026"."""

from __future__ import annotations

import datetime as dt

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def datum_nl(datum: dt.date) -> str:
    return f"{datum.day} {MAANDEN[datum.month - 1]} {datum.year}"
