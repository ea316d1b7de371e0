"""Map SLO's entities onto our frame: ``fo_set`` → Kader (domein), ``fo_domein`` →
Subdomein, ``fo_kernzin`` → Kerndoel, ``fo_doelzin`` → Doelzin.

- Every SLO field is kept: ``slo_id`` holds the entity's id, ``slo`` all its other fields
  unchanged. A doelzin's illustraties are kept whole in its ``slo`` under
  ``fo_illustratie``; its uitwerkingen, all of them (each with its niveaus), in
  ``slo_uitwerkingen``. The kader keeps where it came from (``slo_bron``), the
  curriculum-basis entities it refers to (``slo_basis``) and the replaced entities that its
  ``replaces`` point to (``slo_vervangen``).
- Our own fields are kept from the existing frame when the entity is already there
  (matched by SLO id, by ``replaces``, or, for frames made without SLO ids, by title or
  code), and otherwise derived from SLO's data alone: the domein slug and afkorting from the
  set's title (or ``--domein``/``--afkorting``), codes from SLO's numbering (``prefix``),
  texts from SLO's title and description. Subdomein codes take the next free number. A
  label of an uitwerking is ours: kept, never made from SLO's text.
- A kerndoel is imported once, under the first of its niveaus (``niveaus.json`` order), when
  any of its niveaus is chosen; that niveau's slug is part of its code (``DG-po-22``,
  ``FDG-so-zml-mb-18``).
- Each set stands alone: a set that cannot be imported is refused, with the reason, and the
  other sets are imported. Two sets that would share a folder or an afkorting stop the
  whole import (``problems``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, get_args

from leerdoelen.core.diagnostics import Diagnostic, Severity, diagnostic
from leerdoelen.core.model import DoelzinCode, Kader, Kerndoel, SloBron, Subdomein
from leerdoelen.slo import niveaus as niveau
from leerdoelen.slo.changes import Change, changes
from leerdoelen.slo.doelzin import Existing, doelzin, omschrijving, replaces, slo
from leerdoelen.slo.niveaus import DETAILS, slug
from leerdoelen.slo.release import BRON, ONBEKEND
from leerdoelen.slo.source import TYPE_NAMES, Dataset, check_sets

__all__ = ["DETAILS", "Change", "FramePlan", "Naming", "afkorting", "build_frames", "slug"]

_STOPWOORDEN = frozenset({"en", "de", "het", "van", "voor", "in", "op", "een"})
_DOELZIN_CODE = re.compile(str(get_args(DoelzinCode)[1].pattern))


@dataclass(frozen=True)
class Naming:
    """``--domein`` and ``--afkorting``: the folder and code prefix of a single set."""

    domein: str | None = None
    afkorting: str | None = None


@dataclass
class FramePlan:
    kaders: list[Kader] = field(default_factory=list)
    changes: dict[str, Change] = field(default_factory=dict)  # by old doelzin code
    problems: list[Diagnostic] = field(default_factory=list)  # any: nothing may be written
    refused: dict[str, list[Diagnostic]] = field(default_factory=dict)  # set title → why
    warnings: list[Diagnostic] = field(default_factory=list)


def _subject(set_title: str) -> str:
    """'Kerndoelen digitale geletterdheid' → 'digitale geletterdheid'; the functionele
    kerndoelen keep their word ('functionele digitale geletterdheid'), so that the two sets
    of one subject never share a folder."""
    text = set_title.strip()
    text = re.sub(r"^(functionele)\s+kerndoelen(set)?\s+", r"\1 ", text, flags=re.I)
    return re.sub(r"^kerndoelen(set)?\s+", "", text, flags=re.I)


def afkorting(domein: str) -> str:
    words = [w for w in domein.split("-") if w and w not in _STOPWOORDEN and w[0].isalpha()]
    letters = "".join(w[0] for w in words).upper()
    if len(letters) < 2:
        letters = re.sub(r"[^a-z]", "", domein)[:2].upper()
    return letters[:4]


def build_frames(
    data: Dataset,
    sets: list[dict[str, Any]],
    niveaus: list[str],
    existing: dict[str, Kader],
    naming: Naming | None = None,
    release: str = ONBEKEND,
) -> FramePlan:
    """The frames of ``sets`` at ``niveaus`` (titles from ``niveaus.json``)."""
    plan = FramePlan()
    naming = naming or Naming()
    domeinen = {k.domein: f"goals/{k.domein}/" for k in existing.values()}
    taken = {k.afkorting: k.domein for k in existing.values()}
    for set_ in sets:
        title = str(set_.get("title", ""))
        why = _refusal(data, set_, niveaus, plan)
        if why:
            plan.refused[title] = why
            continue
        old = _existing_kader(set_, existing)
        domein, afk = _names(data, set_, old, existing, naming, plan, domeinen, taken)
        if not domein:
            continue
        set_plan = FramePlan()
        kader = _kader(data, set_, niveaus, old, set_plan, domein, afk)
        plan.warnings += [w for w in set_plan.warnings if w not in plan.warnings]
        if kader is None or set_plan.problems:
            plan.refused[title] = set_plan.problems
            continue
        kader = kader.model_copy(update={"slo_bron": SloBron(bron=BRON, release=release)})
        plan.kaders.append(kader)
        domeinen[domein] = f"de set '{title}'"
        taken[afk] = domein
        if old is not None:
            plan.changes.update(changes(old, kader))
    return plan


def _refusal(
    data: Dataset, set_: dict[str, Any], niveaus: list[str], plan: FramePlan
) -> list[Diagnostic]:
    """Why ``set_`` cannot be imported at all (empty: it can); its warnings go to ``plan``."""
    checked = check_sets(data, [set_])
    errors = [d for d in checked if d.severity == Severity.ERROR]
    plan.warnings += [d for d in checked if d not in errors and d not in plan.warnings]
    # A schema that cannot be used (LD613) is no fault of one set: it stops the import.
    plan.problems += [d for d in errors if d.code == "LD613" and d not in plan.problems]
    if errors:
        return errors
    refused = FramePlan()
    plural = {"fo_subdomein": "subdomeinen", "fo_doelzin": "doelzinnen"}
    direct = [
        name
        for kind, name in plural.items()
        if any(d.get(f"{kind}_id") for d in data.children(set_, "fo_domein"))
    ]
    if direct:
        why = (
            f"domeinen met {' en '.join(direct)} direct eronder (zoals in "
            "een examenprogramma); het kader kent alleen domein → kernzin → doelzin"
        )
        _problem(refused, data, "fo_set", set_, "LD606", why)
        return refused.problems
    has = niveau.of_set(data, set_)
    if not set(has) & set(niveaus):
        heeft = f"deze set heeft {', '.join(has)}" if has else "deze set noemt geen niveaus"
        why = f"geen kerndoelen voor niveau {', '.join(niveaus)}; {heeft} (kies met --niveau)"
        _problem(refused, data, "fo_set", set_, "LD606", why)
        return refused.problems
    return []


def _existing_kader(set_: dict[str, Any], existing: dict[str, Kader]) -> Kader | None:
    ids = {set_["id"], *replaces(set_)}
    for kader in existing.values():
        if kader.slo_id in ids:
            return kader
    same = existing.get(slug(_subject(str(set_.get("title", "")))))
    return same if same is not None and same.slo_id is None else None


def _names(
    data: Dataset,
    set_: dict[str, Any],
    old: Kader | None,
    existing: dict[str, Kader],
    naming: Naming,
    plan: FramePlan,
    domeinen: dict[str, str],
    taken: dict[str, str],
) -> tuple[str, str]:
    """The set's folder and afkorting; ("", "") with a problem in ``plan`` when they are
    another set's."""
    title = str(set_.get("title", ""))
    domein = naming.domein or (old.domein if old else slug(_subject(title)))
    afk = naming.afkorting or (old.afkorting if old else afkorting(domein))
    why = ""
    if old is not None and (old.domein, old.afkorting) != (domein, afk):
        why = (
            f"set '{title}' staat al in goals/{old.domein}/ met afkorting {old.afkorting}; "
            "een import verplaatst of hernoemt geen kader"
        )
    elif old is None and domein in domeinen:
        why = f"set '{title}' zou in goals/{domein}/ komen, maar daar staat al {domeinen[domein]}"
    elif taken.get(afk, domein) != domein:
        why = f"set '{title}' zou afkorting {afk} krijgen, maar die is al van goals/{taken[afk]}/"
    if old is None and domein in existing and existing[domein].slo_id is not None:
        why = why or f"goals/{domein}/ hoort bij een andere SLO-set"
    if why:
        path, line = data.where("fo_set", set_["id"])
        hint = "; kies met één --set een eigen --domein en --afkorting"
        plan.problems.append(diagnostic("LD616", path, line, probleem=why + hint))
        return "", ""
    return domein, afk


def _problem(
    plan: FramePlan, data: Dataset, kind: str, entity: dict[str, Any], code: str, text: str
) -> None:
    path, line = data.where(kind, entity["id"])
    wat = f"{TYPE_NAMES[kind]} {entity['id']} ({entity.get('title', '')})"
    found = diagnostic(code, path, line, wat=wat, probleem=text)
    (plan.warnings if found.severity == Severity.WARNING else plan.problems).append(found)


def _kader(
    data: Dataset,
    set_: dict[str, Any],
    niveaus: list[str],
    old: Kader | None,
    plan: FramePlan,
    domein: str,
    afk: str,
) -> Kader | None:
    subject = _subject(str(set_.get("title", "")))
    old_subs = Existing(old.subdomeinen if old else (), "titel")
    old_kerndoelen = Existing(
        (k for s in (old.subdomeinen if old else ()) for k in s.kerndoelen), "code"
    )
    old_doelzinnen = Existing(
        (z for s in (old.subdomeinen if old else ()) for k in s.kerndoelen for z in k.doelzinnen),
        "code",
    )
    used_sd = {int(s.code.rpartition("SD")[2]) for s in (old.subdomeinen if old else ())}
    subdomeinen: list[Subdomein] = []
    entities: list[dict[str, Any]] = [set_]
    seen: set[str] = set()
    for domein_entity in data.children(set_, "fo_domein"):
        kerndoelen = []
        for kernzin in data.children(domein_entity, "fo_kernzin"):
            its = niveau.of_kernzin(data, kernzin)
            if not set(its) & set(niveaus):
                continue
            kerndoel = _kerndoel(
                data, kernzin, its[0], f"{afk}-{slug(its[0])}", old_kerndoelen, old_doelzinnen,
                plan, seen,
            )  # fmt: skip
            if kerndoel is not None:
                kerndoelen.append(kerndoel)
                entities.append(kernzin)
        if not kerndoelen:
            continue
        entities.append(domein_entity)
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
                titel=match.titel if match else title or omschrijving(domein_entity),
                omschrijving=match.omschrijving if match else omschrijving(domein_entity),
                slo_id=domein_entity["id"],
                slo=slo(domein_entity),
                kerndoelen=kerndoelen,
            )
        )
    if plan.problems or not subdomeinen:
        return None
    for kerndoel in (k for s in subdomeinen for k in s.kerndoelen):
        for zin in kerndoel.doelzinnen:
            entities.append(data.by_id[str(zin.slo_id)])
            entities += (data.by_id[u.slo_id] for u in zin.slo_uitwerkingen)
            entities += (zin.slo or {}).get("fo_illustratie") or ()
    return Kader(
        domein=domein,
        afkorting=afk,
        titel=old.titel if old else subject[:1].upper() + subject[1:],
        omschrijving=old.omschrijving if old else omschrijving(set_),
        slo_id=set_["id"],
        slo=slo(set_),
        subdomeinen=subdomeinen,
        slo_basis=niveau.basis(data, entities) or None,
        slo_vervangen=niveau.replaced(data, entities) or None,
    )


def _kerndoel(
    data: Dataset,
    kernzin: dict[str, Any],
    its_niveau: str,
    prefix: str,
    old_kerndoelen: Existing,
    old_doelzinnen: Existing,
    plan: FramePlan,
    seen: set[str],
) -> Kerndoel | None:
    number = str(kernzin.get("prefix", ""))
    if not re.fullmatch(r"[0-9]{1,2}", number):
        why = f"prefix {number!r} is geen kerndoelnummer (1 of 2 cijfers)"
        _problem(plan, data, "fo_kernzin", kernzin, "LD607", why)
        return None
    code = f"{prefix}-{number}"
    if code in seen:
        _problem(plan, data, "fo_kernzin", kernzin, "LD607", f"code {code} komt twee keer voor")
        return None
    seen.add(code)
    doelzinnen = []
    for zin in data.children(kernzin, "fo_doelzin"):
        letter = str(zin.get("prefix", ""))
        zin_niveaus = niveau.of_doelzin(data, zin)
        if zin_niveaus and its_niveau not in zin_niveaus:
            # SLO lists a doelzin of another niveau under this kernzin: its own niveau
            # follows the letter, so that its code stays unique.
            letter += slug(zin_niveaus[0]).replace("-", "")
            why = (
                f"staat onder kerndoel {code} ({its_niveau}) maar is voor "
                f"{', '.join(zin_niveaus)}: code {code}{letter}"
            )
            _problem(plan, data, "fo_doelzin", zin, "LD617", why)
        zin_code = code + letter
        if not re.fullmatch(r"[A-Z][0-9A-Za-z]*", letter) or not _DOELZIN_CODE.match(zin_code):
            why = f"prefix {letter!r} is geen hoofdletter met letters of cijfers ({zin_code})"
            _problem(plan, data, "fo_doelzin", zin, "LD607", why)
            continue
        if zin_code in seen:
            why = f"prefix {letter!r} komt twee keer voor ({zin_code})"
            _problem(plan, data, "fo_doelzin", zin, "LD607", why)
            continue
        seen.add(zin_code)
        doelzinnen.append(doelzin(data, zin, zin_code, old_doelzinnen.match(zin, zin_code)))
    if not doelzinnen:
        _problem(plan, data, "fo_kernzin", kernzin, "LD606", "heeft geen doelzinnen")
        return None
    match = old_kerndoelen.match(kernzin, code)
    return Kerndoel(
        code=code,
        titel=match.titel if match else str(kernzin.get("title") or code),
        omschrijving=match.omschrijving if match else omschrijving(kernzin),
        slo_id=kernzin["id"],
        slo=slo(kernzin),
        doelzinnen=doelzinnen,
    )
