"""``new``: a new leerdoel under a doelzin, with the next code that was never used.

The next code is one more than the highest code of the domein ever used: in the working
tree (file names, codes in files, codes that goals point at) and in the history of every
local ref (``git log --all``), so that a removed or vervallen code is never handed out
again. The file is written from a template whose text says ``INVULLEN``; ``check`` warns
about that text (LD319) until an editor replaces it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from leerdoelen.commands.check import check
from leerdoelen.commands.errors import Failed, UsageError
from leerdoelen.core.corpus import Corpus, Plek
from leerdoelen.core.diagnostics import Severity
from leerdoelen.core.model import GROEPEN, next_code
from leerdoelen.load.names import text_problem
from leerdoelen.load.project import GOALS, load_project
from leerdoelen.util.files import WriteError, describe, write_atomic
from leerdoelen.validate.rules import suggest_doelzin
from leerdoelen.validate.sjabloon import MARKER

KERNDOEL = re.compile(r"^(.+-[0-9]{1,2})[A-Z]")


@dataclass(frozen=True)
class Nieuw:
    path: str  # relative to the project root
    code: str
    # False outside git (or without git): only the working tree was looked at.
    history: bool


def new_goal(
    root: Path, doelzin: str, groepen: Sequence[str] = (), titel: str | None = None
) -> Nieuw:
    """Write ``goals/<domein>/<CODE>.yaml`` for a new goal under ``doelzin``."""
    if titel is not None:
        titel = titel.strip()
        if (problem := text_problem("--titel", titel)) is not None:
            raise UsageError(problem)
    corpus = load_project(root, adoptie=False).corpus
    plek = corpus.doelzinnen.get(doelzin)
    if plek is None:
        raise UsageError(unknown_doelzin(doelzin, corpus))
    domein, afkorting = plek.kader.domein, plek.kader.afkorting
    folder = f"{GOALS}/{domein}"
    history = _history(root, folder)
    code = next_code(afkorting, [*_working_tree(root / folder, corpus), *(history or ())])
    relative = f"{folder}/{code}.yaml"
    text = template(code, plek, _bands(groepen), titel)
    try:
        write_atomic(root / relative, text.encode("utf-8"), new=True)
    except FileExistsError:  # not expected: the working tree's names were counted
        raise UsageError(f"{relative} bestaat al") from None
    except (WriteError, OSError) as error:
        raise Failed(f"leerdoel niet aangemaakt: {describe(error)}") from None
    errors = [d for d in check(root, [relative]).diagnostics if d.severity is Severity.ERROR]
    if errors:  # not expected: the template is valid for every doelzin in the frame
        (root / relative).unlink()
        raise Failed(f"leerdoel niet aangemaakt: {relative} zou fouten geven", errors)
    return Nieuw(relative, code, history is not None)


def unknown_doelzin(doelzin: str, corpus: Corpus) -> str:
    """The refusal of an unknown doelzin, with a close doelzin as ``check`` suggests one
    (the same kerndoel first), and the doelzinnen that kerndoel has."""
    kern = KERNDOEL.match(doelzin)
    siblings = [
        code
        for code, plek in corpus.doelzinnen.items()
        if kern and plek.kerndoel.code == kern.group(1)
    ]
    hint = suggest_doelzin(doelzin, corpus)
    if siblings and kern:
        hint += f" (kerndoel {kern.group(1)} heeft {', '.join(siblings)})"
    return f"onbekende doelzin '{doelzin}': die staat in geen kader.yaml{hint}"


def _bands(groepen: Sequence[str]) -> list[str]:
    """The groepen in school order, each once; all four when none are given."""
    return [g for g in GROEPEN if g in groepen] if groepen else list(GROEPEN)


def _working_tree(folder: Path, corpus: Corpus) -> Iterable[str]:
    """Every code in the working tree: file names, codes in files, codes pointed at."""
    if folder.is_dir():
        yield from (path.stem for path in folder.iterdir())
    yield from corpus.unloaded
    for doel in corpus.leerdoelen.values():
        yield doel.code
        yield from (*doel.voorkennis, *doel.gerelateerd, *(doel.vervangen_door or ()))


def _history(root: Path, folder: str) -> list[str] | None:
    """The names of every file that was ever in ``folder`` on any local ref; None outside
    git, or without git."""
    from leerdoelen.versions.log import names_ever

    paths = names_ever(root, folder)
    return None if paths is None else [Path(path.strip()).stem for path in paths]


def _scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when YAML reads it back as the same string,
    otherwise double-quoted."""
    try:
        plain = yaml.safe_load(text) == text and ": " not in text and " #" not in text
    except yaml.YAMLError:
        plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)


def template(code: str, plek: Plek, groepen: Sequence[str], titel: str | None) -> str:
    """The new goal's file: the schema comment, every field an editor fills in, the
    doelzin's SLO-uitwerkingen to choose from as comments, and ``status: concept``."""
    doelzin = plek.doelzin
    keuze = [
        f"  #   - {u.slo_id}" + (f"  # {' '.join(u.label.split())}" if u.label else "")
        for u in doelzin.slo_uitwerkingen
    ]
    kies = "  # Kies uit de SLO-uitwerkingen van deze doelzin (vervang [] door wat past):"
    uitwerkingen = [kies, *keuze] if keuze else []
    return "\n".join(
        [
            "# yaml-language-server: $schema=../../schemas/leerdoel.schema.json",
            f"code: {code}",
            f"titel: {_scalar(titel) if titel else f'{MARKER} – korte titel van het leerdoel'}",
            "omschrijving: >-",
            f"  {MARKER} – wat de leerling leert, in twee of drie zinnen die beginnen met",
            "  'De leerling'.",
            f"doelzin: {doelzin.code}",
            "slo_uitwerkingen: []",
            *uitwerkingen,
            f"groepen: [{', '.join(groepen)}]",
            "uitwerkingen:",
            f"  - {MARKER} – wat de leerling laat zien, beginnend met een werkwoord.",
            "voorbeelden:",
            f"  - {MARKER} – een activiteit in de klas bij dit leerdoel.",
            "voorkennis: []",
            "gerelateerd: []",
            "status: concept",
            "trefwoorden: []",
            "",
        ]
    )
