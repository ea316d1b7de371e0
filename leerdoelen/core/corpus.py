"""The corpus: all content as models, with the indexes every output reads.

Outputs (site pages, exports, diff) read a Corpus and never YAML. The corpus holds only
what loaded and validated; what did not is reported by the loader.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from leerdoelen.core.adoptie import Netwerk, Samenvatting, School, samenvatting
from leerdoelen.core.model import Doelzin, Kader, Kerndoel, Leerdoel, Subdomein

if TYPE_CHECKING:
    import yaml


class SourceFile(Protocol):
    """The file a model was loaded from (``leerdoelen.load.yamlfile.YamlFile``): its path
    and text, and its node tree, which gives a diagnostic its line and column."""

    @property
    def path(self) -> str: ...

    @property
    def text(self) -> str: ...

    @property
    def blob(self) -> str:
        """git's object id of the file's bytes (made where the file was read)."""
        ...

    def root_node(self) -> yaml.Node | None: ...


@dataclass(frozen=True, slots=True)
class Plek:
    """Where a doelzin sits in its frame: domein → subdomein → kerndoel → doelzin."""

    kader: Kader
    subdomein: Subdomein
    kerndoel: Kerndoel
    doelzin: Doelzin


@dataclass
class Corpus:
    kaders: dict[str, Kader] = field(default_factory=dict)  # by domein
    leerdoelen: dict[str, Leerdoel] = field(default_factory=dict)  # by code
    domein_van: dict[str, str] = field(default_factory=dict)  # leerdoel code → domein
    sources: dict[str, SourceFile] = field(default_factory=dict)  # code or domein → file
    # False when a domain's kader is missing or invalid: doelzin references can't be judged.
    frame_complete: bool = True
    # Codes (file names) of leerdoel files that did not load: references to them can't be
    # judged either. Their own problems are reported where they are.
    unloaded: set[str] = field(default_factory=set)
    # Codes that git's HEAD has and no working-tree file carries (code → HEAD's path), set
    # by ``check``: records that point at one say the goal was removed.
    verwijderd: dict[str, str] = field(default_factory=dict)
    # Adoption (adoptie/), when the project has it.
    netwerken: dict[str, Netwerk] = field(default_factory=dict)  # by slug
    scholen: dict[str, School] = field(default_factory=dict)  # by BRIN
    # Schools that passed before and did not change, as a build's cache kept them: not
    # loaded, and so not in ``scholen``.
    samengevat: dict[str, Samenvatting] = field(default_factory=dict)  # by BRIN
    adoptie_sources: dict[str, SourceFile] = field(default_factory=dict)  # slug or BRIN → file

    @cached_property
    def doelzinnen(self) -> dict[str, Plek]:
        return {
            doelzin.code: Plek(kader, subdomein, kerndoel, doelzin)
            for kader in self.kaders.values()
            for subdomein in kader.subdomeinen
            for kerndoel in subdomein.kerndoelen
            for doelzin in kerndoel.doelzinnen
        }

    @cached_property
    def kerndoelen(self) -> dict[str, Kerndoel]:
        return {plek.kerndoel.code: plek.kerndoel for plek in self.doelzinnen.values()}

    @cached_property
    def per_kerndoel(self) -> dict[str, list[Leerdoel]]:
        """Kerndoel code → the goals under it (every status), in code order. Goals whose
        doelzin is not in the frame are in none."""
        index: dict[str, list[Leerdoel]] = defaultdict(list)
        for doel in sorted(self.leerdoelen.values(), key=lambda d: d.code):
            if (plek := self.plek(doel)) is not None:
                index[plek.kerndoel.code].append(doel)
        return dict(index)

    @cached_property
    def voorkennis_voor(self) -> dict[str, list[str]]:
        """The voorkennis graph reversed: code → the goals that build on it."""
        index: dict[str, list[str]] = defaultdict(list)
        for doel in self.leerdoelen.values():
            for code in doel.voorkennis:
                index[code].append(doel.code)
        return dict(index)

    @cached_property
    def samenvattingen(self) -> dict[str, Samenvatting]:
        """Every school that passed, loaded or kept, by BRIN in BRIN order: what the site
        shows of schools (made on first use, when all are loaded)."""
        found = {brin: samenvatting(school) for brin, school in self.scholen.items()}
        return dict(sorted((found | self.samengevat).items()))

    def plek(self, doel: Leerdoel) -> Plek | None:
        return self.doelzinnen.get(doel.doelzin)
