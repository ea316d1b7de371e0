"""Names that become URLs: a network file's name is its slug, a school file's its BRIN.

``adoptie/netwerken/<slug>.yaml`` is published as ``netwerken/<slug>/`` and
``adoptie/scholen/<BRIN>.yaml`` as ``scholen/<BRIN>/``. So a name follows the model's
pattern (no dots, slashes or spaces: nothing that could leave its folder), stays short,
and is not a page that the site generates beside them.

The codes and texts that ``school add`` is given are judged here too, by the same
patterns and in the same words (``brin_problem``, ``rio_problem``, ``text_problem``).
A leerdoel file is named after its code; ``file_name_fix`` says how to mend one that is not.
"""

from __future__ import annotations

import re
from typing import get_args

from leerdoelen.core.adoptie import Brin, NetwerkSlug, Rio
from leerdoelen.core.model import next_code

NETWERKEN, SCHOLEN = "netwerken", "scholen"
MAX_SLUG = 60
# Generated beside the network dashboards: netwerken/index.md, the overview.
RESERVED = frozenset({"index"})


def _pattern(annotated: object) -> re.Pattern[str]:
    """The regular expression of a constrained string type in the model."""
    return re.compile(next(m.pattern for m in get_args(annotated)[1:] if m.pattern))


_SLUG, _BRIN, _RIO = _pattern(NetwerkSlug), _pattern(Brin), _pattern(Rio)


_NUMBERED = re.compile(r"(?P<prefix>.+-)(?P<n>[0-9]+)")


def file_name_fix(path: str, code: str, names: list[str]) -> str:
    """What to do about leerdoel file ``path`` that carries ``code`` (the other file names
    in its folder are ``names``): rename it to the code, or, when that file exists (the
    code is taken), give the goal a free code: its own file name's, else the next one
    after the codes of the folder's file names (``new`` looks at the history too)."""
    if f"{code}.yaml" not in names:
        return f"verwacht '{code}.yaml'"
    eigen = _NUMBERED.fullmatch(path.rpartition("/")[2].removesuffix(".yaml"))
    found = _NUMBERED.fullmatch(code)
    if found is None:
        return f"{code}.yaml bestaat al: geef dit doel een vrije code"
    prefix = found["prefix"]
    if eigen is not None and eigen["prefix"] == prefix:
        vrij = eigen[0]
    else:
        vrij = next_code(prefix.removesuffix("-"), [n.removesuffix(".yaml") for n in names])
    return f"{code}.yaml bestaat al: geef dit doel een vrije code, zoals '{vrij}'"


def _brin_form(code: str, suffix: str = "") -> str | None:
    """What a BRIN code looks like, with a hint when only the case of ``code`` is wrong;
    None if ``code`` is one. ``suffix`` follows the codes in the examples and the hint."""
    if _BRIN.fullmatch(code):
        return None
    hint = f"; bedoelde je '{code.upper()}{suffix}'?" if _BRIN.fullmatch(code.upper()) else ""
    return (
        "2 cijfers en 2 hoofdletters, eventueel gevolgd door 2 cijfers voor de vestiging "
        f"(zoals 12AB{suffix} of 12AB01{suffix}){hint}"
    )


def name_problem(folder: str, name: str) -> str | None:
    """Why ``name`` (in ``adoptie/<folder>/``) cannot become a URL, in Dutch; None if it can."""
    stem = name.removesuffix(".yaml")
    if folder == NETWERKEN:
        if not _SLUG.fullmatch(stem):
            return (
                "verwacht kleine letters, cijfers en streepjes (niet aan het begin of eind), "
                "zoals techniek-noord.yaml"
            )
        if len(stem) > MAX_SLUG:
            return f"de naam is {len(stem)} tekens lang; de grens is {MAX_SLUG}"
        if stem in RESERVED:
            return f"netwerken/{stem} is al een pagina van de site; kies een andere naam"
    elif folder == SCHOLEN and (form := _brin_form(stem, ".yaml")):
        return f"verwacht een BRIN-code: {form}"
    return None


def brin_problem(brin: str) -> str | None:
    """Why ``brin`` is not a BRIN code, in Dutch; None if it is one."""
    if form := _brin_form(brin):
        return f"'{brin}' is geen BRIN-code: verwacht {form}"
    return None


def rio_problem(rio: str) -> str | None:
    if _RIO.fullmatch(rio):
        return None
    return f"'{rio}' is geen RIO-code: verwacht 3 cijfers, een hoofdletter en 3 cijfers"


def text_problem(veld: str, value: str) -> str | None:
    if not value.strip():
        return f"{veld} mag niet leeg zijn"
    if not value.isprintable():
        return f"{veld} mag geen regeleinden, tabs of stuurtekens bevatten"
    return None
