"""``export slo``: the frames and our leerdoelen in SLO's curriculum-fo layout, whole enough
to be imported again: ``import(export(import(X)))`` gives the same ``kader.yaml`` files.

- Every SLO entity kept in a frame comes out as it came in, field by field: ``slo_id`` as
  ``id`` (first: where SLO had it is not kept) plus ``slo`` in its order; a doelzin's
  uitwerkingen from ``slo_uitwerkingen``, its illustraties whole from
  ``slo["fo_illustratie"]``. Lists of child ids stay SLO's, also where they name entities
  that were not imported (the vo kernzinnen of a po import): the validation accepts those.
- ``curriculum-basis/data/`` holds the niveaus and vakleergebieden of the kaders'
  ``slo_basis``, and ``data/deprecated.json`` the replaced entities of ``slo_vervangen``.
  A frame of our own (no ``slo_basis``) gets a niveau for each niveau title of its
  uitwerkingen: SLO's niveau of that title when another frame has it, else one of ours
  (title only, id from ``export.ids``: ``niveau:<title>``).
- Order: the import keeps no positions in SLO's files, so frame entities, uitwerkingen and
  illustraties come in the kaders' own order (kaders by domein, then the tree), each at its
  first place; basis and replaced entities in the order of ``slo_basis`` and
  ``slo_vervangen`` (SLO's own), merged over the kaders.
- Frame entities without SLO data are written from our own fields, with ids from
  ``export.ids``.

Leerdoelen become entities of their own, type ``ld_leerdoel`` in ``data/leerdoelen.json``,
each under its doelzin through ``parent_id`` (as SLO's alias entities point to their
parent), so SLO's own entities stay exactly as SLO published them. ``context.json`` is
SLO's schema plus the definition of ``ld_leerdoel``; the export is validated against it,
with a format checker and ``itemTypeReference``, before anything is written.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from leerdoelen.core.corpus import Corpus
from leerdoelen.core.diagnostics import Diagnostic, diagnostic
from leerdoelen.core.ids import code_uuid
from leerdoelen.core.model import (
    GROEPEN,
    STATUSSEN,
    Doelzin,
    Kader,
    Kerndoel,
    SloUitwerking,
    Subdomein,
)
from leerdoelen.slo.order import merged
from leerdoelen.slo.release import PACKAGE, package_json
from leerdoelen.slo.source import BASIS, BASIS_ID, CONTEXT, Dataset, bundled_schema, validate

# entity type → data file, in the order of SLO's context.json, plus our leerdoelen
FILES = {
    "fo_set": "data/sets.json",
    "fo_domein": "data/domeinen.json",
    "fo_subdomein": "data/subdomeinen.json",
    "fo_kernzin": "data/kernzinnen.json",
    "fo_doelzin": "data/doelzinnen.json",
    "fo_uitwerking": "data/uitwerkingen.json",
    "fo_illustratie": "data/illustraties.json",
    "ld_leerdoel": "data/leerdoelen.json",
}
BASIS_FILES = {
    "niveau": f"{BASIS}/data/niveaus.json",
    "vakleergebied": f"{BASIS}/data/vakleergebieden.json",
}
DEPRECATED = "data/deprecated.json"
# Keys of a doelzin's ``slo`` that hold its entities (type names, never SLO's field names).
_DETAILS = ("fo_uitwerking", "fo_illustratie")
_UUID = f"{BASIS_ID}#/definitions/uuid"
_UUIDS = f"{BASIS_ID}#/definitions/uuidArray"


def _refs(kind: str) -> dict[str, Any]:
    return {"allOf": [{"$ref": _UUIDS}, {"items": {"itemTypeReference": f"#/definitions/{kind}"}}]}


def context() -> dict[str, Any]:
    """SLO's context.json for curriculum-fo, with our ``ld_leerdoel`` added."""
    schema = copy.deepcopy(bundled_schema("curriculum-fo"))
    texts = {"type": "array", "items": {"type": "string"}}
    schema["$comment"] = (
        "SLO's context.json (curriculum-fo), uitgebreid door leerdoelen met ld_leerdoel: "
        "een leerdoel onder zijn doelzin (parent_id)."
    )
    schema["definitions"]["ld_leerdoel"] = {
        "allOf": [
            {"$ref": f"{BASIS_ID}#/definitions/base"},
            {
                "properties": {
                    "prefix": {"type": "string"},
                    "parent_id": {
                        "allOf": [
                            {"$ref": _UUID},
                            {"itemTypeReference": "#/definitions/fo_doelzin"},
                        ]
                    },
                    "groepen": {"type": "array", "items": {"enum": list(GROEPEN)}},
                    "status": {"enum": list(STATUSSEN)},
                    "uitwerkingen": texts,
                    "voorbeelden": texts,
                    "trefwoorden": texts,
                    "reden": {"type": "string"},
                    "ook_bij_id": _refs("fo_doelzin"),
                    "voorkennis_id": _refs("ld_leerdoel"),
                    "gerelateerd_id": _refs("ld_leerdoel"),
                    "replacedBy": _refs("ld_leerdoel"),
                },
                "required": ["id", "title", "prefix", "parent_id", "groepen", "status"],
            },
        ]
    }
    schema["properties"]["ld_leerdoel"] = {
        "#file": FILES["ld_leerdoel"],
        "type": "array",
        "items": {"$ref": "#/definitions/ld_leerdoel"},
    }
    return schema


def _id(entity: Kader | Subdomein | Kerndoel | Doelzin) -> str:
    if entity.slo_id:
        return entity.slo_id
    return code_uuid(entity.domein if isinstance(entity, Kader) else entity.code)


@dataclass
class SloExport:
    """By collection: SLO's entities and our leerdoelen, the basis entities, the replaced
    ones, and (``outside``) the ids that SLO's entities name but that are not in the export,
    with the type their field says."""

    entities: dict[str, list[dict[str, Any]]]
    basis: dict[str, list[dict[str, Any]]]
    vervangen: list[dict[str, Any]]
    outside: dict[str, str] = field(default_factory=dict)


class _Writer:
    def __init__(self) -> None:
        self.entities: dict[str, dict[str, dict[str, Any]]] = {kind: {} for kind in FILES}
        self.basis: list[list[dict[str, Any]]] = []
        self.vervangen: list[list[dict[str, Any]]] = []
        self.uitwerkingen: list[SloUitwerking] = []  # of our own: no SLO entity

    def add(self, kind: str, entity: dict[str, Any]) -> None:
        self.entities[kind].setdefault(entity["id"], entity)


def _frame_entity(
    entity: Kader | Subdomein | Kerndoel | Doelzin,
    own: dict[str, Any],
    child_kind: str | None,
    children: list[str],
) -> dict[str, Any]:
    """SLO's entity when we have it; otherwise one made of our fields (``own``)."""
    out: dict[str, Any]
    if entity.slo is None:
        out = {"id": _id(entity), "title": entity.titel, "description": entity.omschrijving}
        out.update(own)
        if child_kind and (children or child_kind != "fo_uitwerking"):
            out[f"{child_kind}_id"] = children
        return out
    out = {"id": _id(entity)}
    out.update({k: v for k, v in entity.slo.items() if k not in _DETAILS})
    if child_kind:
        name = f"{child_kind}_id"
        stored = out.get(name)
        if isinstance(stored, list):  # SLO's list, whole; a child of ours is added at its end
            out[name] = stored + [c for c in children if c not in set(stored)]
        elif children or child_kind != "fo_uitwerking":
            out[name] = children
    return out


def _doelzin(writer: _Writer, doelzin: Doelzin) -> None:
    for illustratie in (doelzin.slo or {}).get("fo_illustratie") or ():
        writer.add("fo_illustratie", illustratie)
    for uitwerking in doelzin.slo_uitwerkingen:
        if uitwerking.slo is None:
            writer.uitwerkingen.append(uitwerking)
        else:
            writer.add("fo_uitwerking", {"id": uitwerking.slo_id, **uitwerking.slo})
    prefix = doelzin.code.rpartition("-")[2].lstrip("0123456789")
    writer.add(
        "fo_doelzin",
        _frame_entity(
            doelzin,
            {"prefix": prefix, "status": "concept", "soort": "kerndoel"},
            "fo_uitwerking",
            [u.slo_id for u in doelzin.slo_uitwerkingen],
        ),
    )


def _kader(writer: _Writer, kader: Kader) -> None:
    for subdomein in kader.subdomeinen:
        for kerndoel in subdomein.kerndoelen:
            for doelzin in kerndoel.doelzinnen:
                _doelzin(writer, doelzin)
            writer.add(
                "fo_kernzin",
                _frame_entity(
                    kerndoel,
                    {"prefix": kerndoel.code.rpartition("-")[2]},
                    "fo_doelzin",
                    [_id(z) for z in kerndoel.doelzinnen],
                ),
            )
        writer.add(
            "fo_domein",
            _frame_entity(subdomein, {}, "fo_kernzin", [_id(k) for k in subdomein.kerndoelen]),
        )
    writer.add(
        "fo_set",
        _frame_entity(
            kader,
            {"vakleergebied_id": [], "status": "concept"},
            "fo_domein",
            [_id(s) for s in kader.subdomeinen],
        ),
    )
    writer.basis.append(list(kader.slo_basis or ()))
    writer.vervangen.append(list(kader.slo_vervangen or ()))


def _leerdoelen(writer: _Writer, corpus: Corpus) -> None:
    doelzin_ids = {code: _id(plek.doelzin) for code, plek in corpus.doelzinnen.items()}
    for code in sorted(corpus.leerdoelen):
        doel = corpus.leerdoelen[code]
        entity: dict[str, Any] = {
            "id": code_uuid(code),
            "prefix": code,
            "title": doel.titel,
            "description": doel.omschrijving,
            "parent_id": doelzin_ids[doel.doelzin],
            "groepen": list(doel.groepen),
            "status": doel.status,
            "uitwerkingen": list(doel.uitwerkingen),
            "voorbeelden": list(doel.voorbeelden),
            "trefwoorden": list(doel.trefwoorden),
            "ook_bij_id": [doelzin_ids[c] for c in doel.ook_bij],
            "voorkennis_id": [code_uuid(c) for c in doel.voorkennis],
            "gerelateerd_id": [code_uuid(c) for c in doel.gerelateerd],
        }
        if doel.vervangen_door:
            entity["replacedBy"] = [code_uuid(c) for c in doel.vervangen_door]
        if doel.reden:
            entity["reden"] = doel.reden
        writer.add("ld_leerdoel", entity)


def _references(entity: dict[str, Any]) -> Iterable[tuple[str, str]]:
    """(id, type) of each id that ``entity`` lists in a ``<type>_id`` field."""
    for name, value in entity.items():
        if name.endswith("_id") and isinstance(value, list):
            yield from ((v, name[:-3]) for v in value if isinstance(v, str))


def _basis(writer: _Writer, frames: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The niveaus and vakleergebieden: SLO's (``slo_basis``), then ours for the niveau titles
    of our own uitwerkingen that SLO's do not have."""
    entities = merged(writer.basis)
    vakken = {i for e in [*frames, *entities] for i, k in _references(e) if k == "vakleergebied"}
    basis = {
        "niveau": [e for e in entities if e.get("id") not in vakken],
        "vakleergebied": [e for e in entities if e.get("id") in vakken],
    }
    niveaus: dict[str, str] = {}
    for niveau in basis["niveau"]:
        niveaus.setdefault(str(niveau.get("title")), str(niveau.get("id")))
    for uitwerking in writer.uitwerkingen:
        for title in uitwerking.niveaus:
            if title not in niveaus:
                niveaus[title] = code_uuid(f"niveau:{title}")
                basis["niveau"].append({"id": niveaus[title], "title": title})
        writer.add(
            "fo_uitwerking",
            {
                "id": uitwerking.slo_id,
                "title": uitwerking.label or "(uitwerking van SLO; de tekst is niet geïmporteerd)",
                "niveau_id": [niveaus[t] for t in uitwerking.niveaus],
                "status": "concept",
            },
        )
    return basis


def slo_export(corpus: Corpus) -> SloExport:
    """Every frame and every leerdoel in the corpus, as SLO's collections."""
    writer = _Writer()
    for domein in sorted(corpus.kaders):
        _kader(writer, corpus.kaders[domein])
    frames = [e for kind in FILES for e in writer.entities[kind].values()]
    basis = _basis(writer, frames)
    _leerdoelen(writer, corpus)
    entities = {kind: list(writer.entities[kind].values()) for kind in FILES}
    present = {e["id"] for items in [*entities.values(), *basis.values()] for e in items}
    outside: dict[str, str] = {}
    for items in [*(entities[k] for k in FILES if k != "ld_leerdoel"), *basis.values()]:
        for entity in items:
            for entity_id, kind in _references(entity):
                if entity_id not in present:
                    outside.setdefault(entity_id, kind)
    return SloExport(entities, basis, merged(writer.vervangen), outside)


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent="\t") + "\n").encode("utf-8")


def slo_files(corpus: Corpus) -> tuple[dict[str, bytes], list[Diagnostic]]:
    """The export as ``{relative path: bytes}``, and what is wrong with it (then: nothing
    may be written)."""
    export = slo_export(corpus)
    schema = context()
    basis_schema = bundled_schema("curriculum-basis")
    files = {CONTEXT: _json(schema), f"{BASIS}/{CONTEXT}": _json(basis_schema)}
    data = Dataset()
    paths = {**FILES, **BASIS_FILES}
    for kind, items in [*export.entities.items(), *export.basis.items()]:
        files[paths[kind]] = _json(items)
        data.entities[kind] = items
        data.files[kind] = paths[kind]
        for item in items:
            data.by_id[item["id"]] = item
            data.type_of[item["id"]] = kind
    files[DEPRECATED] = _json(export.vervangen)
    if package := package_json(corpus):  # the release, for an import of this export
        files[PACKAGE] = package
    for entity_id, kind in export.outside.items():  # SLO's ids of what was not imported
        data.type_of.setdefault(entity_id, kind)
    wrapper = {
        "type": "object",
        "properties": {kind: {"$ref": f"{BASIS_ID}#/properties/{kind}"} for kind in BASIS_FILES},
    }
    found = validate(data, export.entities, schema, basis_schema)
    found += validate(data, export.basis, wrapper, basis_schema, schema)
    problems = [
        diagnostic("LD611", d.path, wat=d.message.partition(": ")[0], probleem=_tail(d.message))
        for d in found
    ]
    return files, problems


def _tail(message: str) -> str:
    return message.partition(": ")[2] or message
