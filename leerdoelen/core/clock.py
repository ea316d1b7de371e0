""" "Today", settable so that the bundled example and the tests keep their meaning.

``LEERDOELEN_VANDAAG=JJJJ-MM-DD`` fixes the date; without it, today is the real date.
"""

from __future__ import annotations

import datetime as dt
import os

ENV = "LEERDOELEN_VANDAAG"


def today() -> dt.date:
    value = os.environ.get(ENV, "").strip()
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{ENV}={value!r} is geen datum als JJJJ-MM-DD") from None
