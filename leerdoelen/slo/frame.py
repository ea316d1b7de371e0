"""Map SLO's entities onto our frame: ``fo_set`` → Kader (domein), ``fo_domein`` →
Subdomein, ``fo_kernzin`` → Kerndoel, ``fo_doelzin`` → Doelzin.

- Every SLO field is kept: ``slo_id`` holds the entity's id, ``slo`` all its other fields
  unchanged. A doelzin's ``slo`` also holds its uitwerkingen and illustraties, whole, under
  ``fo_uitwerking`` and ``fo_illustratie`` (type names, never field names in SLO's data).
- Our own fields are kept from the existing frame when the entity is already there
  (matched by SLO id, by ``replaces``, or, for frames made without SLO ids, by title or
  code), and otherwise derived from SLO's data alone: the domein slug and afkorting from the
  set's title, codes from SLO's numbering (``prefix``), texts from SLO's title and
  description. Subdomein codes take the next free number.
- Kernzinnen and doelzinnen carry no niveau: a kernzin is po (or vo) when the uitwerkingen
  or illustraties of its doelzinnen say so in ``niveau_id``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from leerdoelen.core.diagnostics import Diagnostic, diagnostic
from leerdoelen.core.model import Doelzin, Kader, Kerndoel, Subdomein
from leerdoelen.slo.source import Dataset

# niveau titles (curriculum-basis) that make a kernzin po or vo
NIVEAU_TITELS = {
    "po": frozenset({"po"}),
    "vo": frozenset(
        {"vo", "ob vo", "3 h/v", "vso", "ob havo", "ob vwo", "ob vmbo", "havo", "vwo", "vmbo"}
    ),
}
DETAILS = ("fo_uitwerking", "fo_illustratie")  # kept whole inside their doelzin's `slo`
_STOPWOORDEN = frozenset({"en", "de", "het", "van", "voor", "in", "op", "een"})


@dataclass(frozen=True)
class Change:
    """A doelzin of the old frame that the new release replaced or dropped."""

    old_code: str
    old_id: str | None
    new_code: str | None = None  # None: dropped without a successor
    new_id: str | None = None


@dataclass
class FramePlan:
    kaders: list[Kader] = field(default_factory=list)
    changes: dict[str, Change] = field(default_factory=dict)  # by old doelzin code
    problems: list[Diagnostic] = field(default_factory=list)


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def _subject(set_title: str) -> str:
    """'Kerndoelen digitale geletterdheid' → 'digitale geletterdheid'."""
    return re.sub(r"^(functionele\s+)?kerndoelen(set)?\s+", "", set_title.strip(), flags=re.I)


def afkorting(domein: str) -> str:
    words = [w for w in domein.split("-") if w and w not in _STOPWOORDEN and w[0].isalpha()]
    letters = "".join(w[0] for w in words).upper()
    if len(letters) < 2:
        letters = re.sub(r"[^a-z]", "", domein)[:2].upper()
    return letters[:4]


def _omschrijving(entity: dict[str, Any]) -> str:
    """Our text for a new entity: SLO's description, or the first full paragraph of a
    set's karakteristiek, or its title."""
    if text := " ".join(str(entity.get("description") or "").split()):
        return text
    for paragraph in re.split(r"[\r\n]+", str(entity.get("karakteristiek") or "")):
        if paragraph.strip().endswith(".") and len(paragraph.split()) >= 8:
            return " ".join(paragraph.split())
    return " ".join(str(entity.get("title") or "").split()) or "(zonder titel)"


def _slo(entity: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entity.items() if k != "id"}


def _replaces(entity: dict[str, Any]) -> list[str]:
    value = entity.get("replaces")
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def niveaus_of(data: Dataset, kernzin: dict[str, Any]) -> set[str]:
    """The niveaus (po, vo) that a kernzin's uitwerkingen and illustraties name."""
    titles: set[str] = set()
    for doelzin in data.children(kernzin, "fo_doelzin"):
        for kind in DETAILS:
            for detail in data.children(doelzin, kind):
                for niveau_id in detail.get("niveau_id") or ():
                    niveau = data.by_id.get(niveau_id)
                    if niveau is not None and data.type_of[niveau_id] == "niveau":
                        titles.add(str(niveau.get("title", "")))
    return {code for code, names in NIVEAU_TITELS.items() if titles & names}


class _Existing:
    """Index of one existing frame's entities: by SLO id, and by code or title."""

    def __init__(self, entities: Iterable[Any], key: str) -> None:
        self.by_id: dict[str, Any] = {}
        self.by_key: dict[str, Any] = {}
        for entity in entities:
            if entity.slo_id:
                self.by_id[entity.slo_id] = entity
            else:
                self.by_key[getattr(entity, key)] = entity

    def match(self, entity: dict[str, Any], key: str) -> Any:
        found = self.by_id.get(entity["id"])
        if found is None:
            found = next((self.by_id[r] for r in _replaces(entity) if r in self.by_id), None)
        return found if found is not None else self.by_key.get(key)


def build_frames(
    data: Dataset, sets: list[dict[str, Any]], niveaus: list[str], existing: dict[str, Kader]
) -> FramePlan:
    plan = FramePlan()
    taken = {k.afkorting: k.domein for k in existing.values()}
    for set_ in sets:
        old = _existing_kader(set_, existing)
        kader = _kader(data, set_, niveaus, old, plan, taken)
        if kader is not None:
            plan.kaders.append(kader)
            taken[kader.afkorting] = kader.domein
            if old is not None:
                _changes(old, kader, plan)
    return plan


def _existing_kader(set_: dict[str, Any], existing: dict[str, Kader]) -> Kader | None:
    ids = {set_["id"], *_replaces(set_)}
    for kader in existing.values():
        if kader.slo_id in ids:
            return kader
    return existing.get(slug(_subject(str(set_.get("title", "")))))


def _problem(
    plan: FramePlan, data: Dataset, kind: str, entity: dict[str, Any], code: str, text: str
) -> None:
    from leerdoelen.slo.source import TYPE_NAMES

    path, line = data.where(kind, entity["id"])
    wat = f"{TYPE_NAMES[kind]} {entity['id']} ({entity.get('title', '')})"
    plan.problems.append(diagnostic(code, path, line, wat=wat, probleem=text))


def _kader(
    data: Dataset,
    set_: dict[str, Any],
    niveaus: list[str],
    old: Kader | None,
    plan: FramePlan,
    taken: dict[str, str],
) -> Kader | None:
    subject = _subject(str(set_.get("title", "")))
    domein = old.domein if old else slug(subject)
    afk = old.afkorting if old else afkorting(domein)
    if taken.get(afk, domein) != domein:
        _problem(
            plan,
            data,
            "fo_set",
            set_,
            "LD607",
            f"afkorting {afk} is al van domein {taken[afk]}; maak goals/{domein}/kader.yaml "
            "met een eigen afkorting en importeer opnieuw",
        )
        return None
    old_subs = _Existing(old.subdomeinen if old else (), "titel")
    old_kerndoelen = _Existing(
        (k for s in (old.subdomeinen if old else ()) for k in s.kerndoelen), "code"
    )
    old_doelzinnen = _Existing(
        (z for s in (old.subdomeinen if old else ()) for k in s.kerndoelen for z in k.doelzinnen),
        "code",
    )
    used_sd = {int(s.code.rpartition("SD")[2]) for s in (old.subdomeinen if old else ())}
    subdomeinen: list[Subdomein] = []
    seen: set[str] = set()
    before = len(plan.problems)
    for domein_entity in data.children(set_, "fo_domein"):
        for kind in ("fo_subdomein", "fo_doelzin"):
            if domein_entity.get(f"{kind}_id"):
                _problem(
                    plan,
                    data,
                    "fo_domein",
                    domein_entity,
                    "LD606",
                    f"heeft {kind}_id; het kader kent alleen kernzinnen onder een domein",
                )
        kerndoelen = []
        for kernzin in data.children(domein_entity, "fo_kernzin"):
            for niveau in [n for n in niveaus if n in niveaus_of(data, kernzin)]:
                kerndoel = _kerndoel(
                    data, kernzin, f"{afk}-{niveau}", old_kerndoelen, old_doelzinnen, plan, seen
                )
                if kerndoel is not None:
                    kerndoelen.append(kerndoel)
        if not kerndoelen:
            continue
        title = str(domein_entity.get("title", ""))
        match = old_subs.match(domein_entity, title)
        if match is not None:
            code = match.code
        else:
            number = next(n for n in range(1, 100) if n not in used_sd)
            used_sd.add(number)
            code = f"{afk}-SD{number}"
        subdomeinen.append(
            Subdomein(
                code=code,
                titel=match.titel if match else title or _omschrijving(domein_entity),
                omschrijving=match.omschrijving if match else _omschrijving(domein_entity),
                slo_id=domein_entity["id"],
                slo=_slo(domein_entity),
                kerndoelen=kerndoelen,
            )
        )
    if len(plan.problems) > before:
        return None
    if not subdomeinen:
        _problem(
            plan,
            data,
            "fo_set",
            set_,
            "LD606",
            f"geen kerndoelen voor niveau {', '.join(niveaus)}",
        )
        return None
    return Kader(
        domein=domein,
        afkorting=afk,
        titel=old.titel if old else subject[:1].upper() + subject[1:],
        omschrijving=old.omschrijving if old else _omschrijving(set_),
        slo_id=set_["id"],
        slo=_slo(set_),
        subdomeinen=subdomeinen,
    )


def _kerndoel(
    data: Dataset,
    kernzin: dict[str, Any],
    prefix: str,
    old_kerndoelen: _Existing,
    old_doelzinnen: _Existing,
    plan: FramePlan,
    seen: set[str],
) -> Kerndoel | None:
    number = str(kernzin.get("prefix", ""))
    if not re.fullmatch(r"[0-9]{1,2}", number):
        _problem(
            plan,
            data,
            "fo_kernzin",
            kernzin,
            "LD607",
            f"prefix {number!r} is geen kerndoelnummer (1 of 2 cijfers)",
        )
        return None
    code = f"{prefix}-{number}"
    if code in seen:
        _problem(plan, data, "fo_kernzin", kernzin, "LD607", f"code {code} komt twee keer voor")
        return None
    seen.add(code)
    doelzinnen = []
    for zin in data.children(kernzin, "fo_doelzin"):
        letter = str(zin.get("prefix", ""))
        zin_code = code + letter
        if not re.fullmatch(r"[A-Z]", letter) or zin_code in seen:
            why = "komt twee keer voor" if zin_code in seen else "is geen hoofdletter"
            _problem(
                plan, data, "fo_doelzin", zin, "LD607", f"prefix {letter!r} {why} ({zin_code})"
            )
            continue
        seen.add(zin_code)
        match = old_doelzinnen.match(zin, zin_code)
        slo = _slo(zin)
        for kind in DETAILS:
            slo[kind] = list(data.children(zin, kind))
        doelzinnen.append(
            Doelzin(
                code=zin_code,
                titel=match.titel if match else str(zin.get("title") or zin_code),
                omschrijving=match.omschrijving if match else _omschrijving(zin),
                slo_id=zin["id"],
                slo=slo,
            )
        )
    if not doelzinnen:
        _problem(plan, data, "fo_kernzin", kernzin, "LD606", "heeft geen doelzinnen")
        return None
    match = old_kerndoelen.match(kernzin, code)
    return Kerndoel(
        code=code,
        titel=match.titel if match else str(kernzin.get("title") or code),
        omschrijving=match.omschrijving if match else _omschrijving(kernzin),
        slo_id=kernzin["id"],
        slo=_slo(kernzin),
        doelzinnen=doelzinnen,
    )


def _doelzinnen(kader: Kader) -> Iterable[Doelzin]:
    for subdomein in kader.subdomeinen:
        for kerndoel in subdomein.kerndoelen:
            yield from kerndoel.doelzinnen


def _changes(old: Kader, new: Kader, plan: FramePlan) -> None:
    """Which doelzinnen of the old frame the new one replaced (``replaces``) or dropped."""
    by_id = {z.slo_id: z for z in _doelzinnen(new)}
    codes = {z.code for z in _doelzinnen(new)}
    successor: dict[str, Doelzin] = {}
    for zin in by_id.values():
        for old_id in _replaces(zin.slo or {}):
            successor.setdefault(old_id, zin)
    for zin in _doelzinnen(old):
        if zin.slo_id is None:
            if zin.code not in codes:
                plan.changes[zin.code] = Change(zin.code, None)
        elif zin.slo_id not in by_id:
            new_zin = successor.get(zin.slo_id)
            plan.changes[zin.code] = Change(
                zin.code,
                zin.slo_id,
                new_zin.code if new_zin else None,
                new_zin.slo_id if new_zin else None,
            )
