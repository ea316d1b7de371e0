"""What the build cache (``commands.buildcache``) keeps, as JSON: a school's summary and a
network's figures. Each is read back only when it is exactly what is written here; anything
else is None (or, for a summary's records, read when first asked for, refused), never
trusted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any, get_args

from leerdoelen.adoptie.praktijk import NetwerkPraktijk, Praktijkvoorbeeld
from leerdoelen.adoptie.progress import Voortgang
from leerdoelen.adoptie.view import NetwerkCijfers, Voorop
from leerdoelen.core.adoptie import (
    ADOPTIE_STATUSSEN,
    HTTPS,
    Netwerk,
    Samenvatting,
    SchoolSoort,
    Stand,
    iso_day,
    records_read,
)

STATUS = {status: i for i, status in enumerate(ADOPTIE_STATUSSEN)}


# --- a school's summary -------------------------------------------------------------------
# The head (all but the records) of every school is read by every build; the records only
# for the schools whose pages or networks are made again, from a file of their own, as
# ``records_text`` writes them.


def samenvatting_json(s: Samenvatting) -> list[Any]:
    """A summary's head: all but its records (``Samenvatting.text``)."""
    return [s.brin, s.naam, s.plaats, s.soort, s.voorbeeld, list(s.netwerken), _day(s.nieuwste)]


def samenvatting_from_json(
    data: Any, records: Callable[[], dict[str, Stand]]
) -> Samenvatting | None:
    """The summary with this head, whose records ``records`` makes when they are first
    asked for; None when the head is not exactly what ``samenvatting_json`` writes."""
    try:
        brin, naam, plaats, soort, voorbeeld, netwerken, nieuwste = data
        if soort not in _SOORTEN or not isinstance(netwerken, list):
            raise ValueError(soort)
        head = (_text(brin), _text(naam), _text(plaats), _text(soort), _flag(voorbeeld))
        return Samenvatting(*head, tuple(_text(n) for n in netwerken), _date(nieuwste), records)
    except (TypeError, ValueError):
        return None


def records_from_json(data: Any) -> dict[str, Stand] | None:
    """The records as JSON (``Samenvatting.text``, a list); None for anything else."""
    try:
        lines, texts = data
    except (TypeError, ValueError):
        return None
    return records_read(lines, texts)


_SOORTEN = frozenset(get_args(SchoolSoort))


def _pair(value: object) -> list[Any]:
    if not isinstance(value, list) or len(value) != 2:
        raise TypeError(value)
    return value


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(value)
    return value


def _date(value: object) -> dt.date | None:
    if value is None:
        return None
    return iso_day(_text(value))


# --- a network's figures -------------------------------------------------------------------


def cijfers_json(c: NetwerkCijfers) -> list[Any]:
    voorop = {code: list(v) for code, v in c.voorop.items()}
    praktijk = {
        code: [p.ingevoerd, [_voorbeeld_json(v) for v in p.voorbeelden], p.overige]
        for code, p in c.praktijk.items()
    }
    totaal = [dict(c.totaal.counts), c.totaal.total]
    return [c.scholen, totaal, c.gehaald, voorop, praktijk]


def cijfers_from_json(data: Any, slug: str, netwerk: Netwerk) -> NetwerkCijfers | None:
    """The figures of the network ``slug``, or None for anything that is not exactly what
    ``cijfers_json`` writes."""
    try:
        scholen, (counts, total), gehaald, voorop, praktijk = data
        per_status = Counter({_status(k): _count(n) for k, n in _mapping(counts).items()})
        return NetwerkCijfers(
            slug,
            netwerk,
            _count(scholen),
            Voortgang(per_status, _count(total)),
            _count(gehaald),
            {_text(k): Voorop(*map(_count, _pair(v))) for k, v in _mapping(voorop).items()},
            {
                _text(code): _praktijk(slug, netwerk, _count(scholen), entry)
                for code, entry in _mapping(praktijk).items()
            },
        )
    except (TypeError, ValueError):
        return None


def _voorbeeld_json(v: Praktijkvoorbeeld) -> list[Any]:
    return [v.brin, v.naam, v.plaats, v.status, _day(v.datum), v.toelichting, v.bewijs, v.voorbeeld]


def _praktijk(slug: str, netwerk: Netwerk, scholen: int, entry: object) -> NetwerkPraktijk:
    if not isinstance(entry, list) or len(entry) != 3 or not isinstance(entry[1], list):
        raise TypeError(entry)
    ingevoerd, voorbeelden, overige = entry
    return NetwerkPraktijk(
        slug,
        netwerk,
        scholen,
        _count(ingevoerd),
        [_voorbeeld(v) for v in voorbeelden],
        _count(overige),
    )


def _voorbeeld(data: object) -> Praktijkvoorbeeld:
    # Some 60,000 at national scale: checked inline.
    if type(data) is not list or len(data) != 8:
        raise TypeError(data)
    brin, naam, plaats, status, datum, toelichting, bewijs, voorbeeld = data
    if not (
        type(brin) is str
        and type(naam) is str
        and type(plaats) is str
        and status in STATUS
        and (toelichting is None or type(toelichting) is str)
        and (bewijs is None or (type(bewijs) is str and HTTPS.fullmatch(bewijs)))  # https only
        and type(voorbeeld) is bool
    ):
        raise ValueError(data)
    day = _date(datum)
    return Praktijkvoorbeeld(brin, naam, plaats, status, day, toelichting, bewijs, voorbeeld)


def _mapping(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(value)
    return value


def _count(value: object) -> int:
    if type(value) is not int or value < 0:
        raise ValueError(value)
    return value


def _status(value: object) -> str:
    if value not in STATUS:
        raise ValueError(value)
    return str(value)
