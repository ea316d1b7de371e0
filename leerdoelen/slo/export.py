"""``export slo``: the frames and our leerdoelen in SLO's curriculum-fo layout.

Every SLO entity kept in a frame comes out as it came in, field by field: ``slo_id`` as
``id`` plus the fields under ``slo``; a doelzin's uitwerkingen and illustraties from its
``slo``. The one thing that can differ is a list of child ids (``fo_kernzin_id`` …): it
names only the children that are in the export, in SLO's order, so that every reference
resolves (an import of only po leaves the vo kernzinnen out). Frame entities without SLO
data are written from our own fields, with ids from ``export.ids``.

Leerdoelen become entities of their own, type ``ld_leerdoel`` in ``data/leerdoelen.json``,
each under its doelzin through ``parent_id`` (as SLO's alias entities point to their
parent), so SLO's own entities stay exactly as SLO published them. ``context.json`` is
SLO's schema plus the definition of ``ld_leerdoel``; the export is validated against it,
with a format checker and ``itemTypeReference``, before anything is written.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from leerdoelen.core.corpus import Corpus
from leerdoelen.core.diagnostics import Diagnostic, diagnostic
from leerdoelen.core.ids import code_uuid
from leerdoelen.core.model import GROEPEN, STATUSSEN, Doelzin, Kader, Kerndoel, Subdomein
from leerdoelen.slo.frame import DETAILS
from leerdoelen.slo.source import (
    BASIS,
    BASIS_ID,
    CONTEXT,
    Dataset,
    bundled_schema,
    validate,
)

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


class _Writer:
    def __init__(self) -> None:
        self.entities: dict[str, dict[str, dict[str, Any]]] = {kind: {} for kind in FILES}

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
        if child_kind:
            out[f"{child_kind}_id"] = children
        return out
    out = {"id": _id(entity)}
    out.update({k: v for k, v in entity.slo.items() if k not in DETAILS})
    if child_kind:
        field = f"{child_kind}_id"
        stored = out.get(field)
        if isinstance(stored, list):
            present = set(children)
            kept = [c for c in stored if c in present]
            out[field] = kept + [c for c in children if c not in set(kept)]
        else:
            out[field] = children
    return out


def slo_entities(corpus: Corpus) -> dict[str, list[dict[str, Any]]]:
    """Entity type → entities, for every frame and every leerdoel in the corpus."""
    writer = _Writer()
    for domein in sorted(corpus.kaders):
        kader = corpus.kaders[domein]
        for subdomein in kader.subdomeinen:
            for kerndoel in subdomein.kerndoelen:
                for doelzin in kerndoel.doelzinnen:
                    slo = doelzin.slo or {}
                    for kind in DETAILS:
                        for detail in slo.get(kind) or ():
                            writer.add(kind, detail)
                    letter = doelzin.code[-1]
                    writer.add(
                        "fo_doelzin",
                        _frame_entity(
                            doelzin,
                            {"prefix": letter, "status": "concept", "soort": "kerndoel"},
                            None,
                            [],
                        ),
                    )
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
    return {kind: list(writer.entities[kind].values()) for kind in FILES}


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent="\t") + "\n").encode("utf-8")


def slo_files(corpus: Corpus) -> tuple[dict[str, bytes], list[Diagnostic]]:
    """The export as ``{relative path: bytes}``, and what is wrong with it (then: nothing
    may be written)."""
    entities = slo_entities(corpus)
    schema = context()
    files = {CONTEXT: _json(schema)}
    files[f"{BASIS}/{CONTEXT}"] = _json(bundled_schema("curriculum-basis"))
    data = Dataset()
    for kind, items in entities.items():
        files[FILES[kind]] = _json(items)
        data.entities[kind] = items
        data.files[kind] = FILES[kind]
        for item in items:
            data.by_id[item["id"]] = item
            data.type_of[item["id"]] = kind
    problems = [
        diagnostic("LD611", d.path, wat=d.message.partition(": ")[0], probleem=_tail(d.message))
        for d in validate(data, entities, schema, bundled_schema("curriculum-basis"))
    ]
    return files, problems


def _tail(message: str) -> str:
    return message.partition(": ")[2] or message
