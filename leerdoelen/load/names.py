"""Names that become URLs: a network file's name is its slug, a school file's its BRIN.

``adoptie/netwerken/<slug>.yaml`` is published as ``netwerken/<slug>/`` and
``adoptie/scholen/<BRIN>.yaml`` as ``scholen/<BRIN>/``. So a name follows the model's
pattern (no dots, slashes or spaces: nothing that could leave its folder), stays short,
and is not a page that the site generates beside them.
"""

from __future__ import annotations

import re
from typing import get_args

from leerdoelen.core.adoptie import Brin, NetwerkSlug

NETWERKEN, SCHOLEN = "netwerken", "scholen"
MAX_SLUG = 60
# Generated beside the network dashboards: netwerken/index.md, the overview.
RESERVED = frozenset({"index"})


def _pattern(annotated: object) -> re.Pattern[str]:
    """The regular expression of a constrained string type in the model."""
    return re.compile(next(m.pattern for m in get_args(annotated)[1:] if m.pattern))


_SLUG, _BRIN = _pattern(NetwerkSlug), _pattern(Brin)


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
    elif folder == SCHOLEN and not _BRIN.fullmatch(stem):
        hint = f"; bedoelde je '{stem.upper()}.yaml'?" if _BRIN.fullmatch(stem.upper()) else ""
        return (
            "verwacht een BRIN-code: 2 cijfers en 2 hoofdletters, eventueel gevolgd door 2 "
            f"cijfers voor de vestiging (zoals 12AB.yaml of 12AB01.yaml){hint}"
        )
    return None
