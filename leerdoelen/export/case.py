"""``export case``: the whole corpus as one 1EdTech CASE 1.1 CFPackage.

- CFItems: domeinen, subdomeinen, kerndoelen and doelzinnen (with SLO's own UUIDs as their
  identifiers, where the frame has them), SLO's uitwerkingen of each doelzin (type
  ``SLO-uitwerking``: SLO's text, our label as abbreviated statement) and leerdoelen (uuid5
  of their code).
- CFAssociations: ``isChildOf`` for the tree (a domein is a child of the document, an
  uitwerking and a leerdoel of their doelzin), with ``sequenceNumber`` 1..n among the
  children of one parent: the frame's order, a doelzin's uitwerkingen before its leerdoelen,
  and leerdoelen by their lowest groep band, then code; ``precedes`` from a voorkennis goal
  to the goal that builds on it, ``isRelatedTo`` for gerelateerd and ook_bij,
  ``replacedBy`` from a vervallen goal to each of its replacements.
- Every identifier is a lowercase UUID with variant digit 8, 9, a or b; ``uri`` values are
  built on the site's ``site_url``; ``lastChangeDateTime`` is the last commit of the file
  that holds the item (``export.history``), or the fixed fallback.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from leerdoelen.core.corpus import Corpus
from leerdoelen.core.ids import code_uuid
from leerdoelen.core.model import (
    GROEPEN,
    Doelzin,
    Kader,
    Kerndoel,
    Leerdoel,
    SloUitwerking,
    Subdomein,
)
from leerdoelen.export.dates import FALLBACK, timestamp
from leerdoelen.slo.dekking import slo_tekst

CASE_VERSION = "1.1"
UITWERKING = "SLO-uitwerking"


def _id(entity: Kader | Subdomein | Kerndoel | Doelzin) -> str:
    if entity.slo_id:
        return entity.slo_id.lower()
    return code_uuid(entity.domein if isinstance(entity, Kader) else entity.code)


class _Package:
    def __init__(self, corpus: Corpus, site_url: str, dates: dict[str, dt.datetime]) -> None:
        self.corpus = corpus
        self.base = site_url.rstrip("/") + "/"
        self.dates = dates
        self.items: list[dict[str, Any]] = []
        self.associations: list[dict[str, Any]] = []
        self.nodes: dict[str, dict[str, str]] = {}  # identifier → node reference

    def when(self, path: str) -> str:
        return timestamp(self.dates.get(path, FALLBACK))

    def item(
        self,
        identifier: str,
        kind: str,
        code: str,
        titel: str | None,
        statement: str,
        uri: str,
        changed: str,
        **extra: Any,
    ) -> None:
        item: dict[str, Any] = {"identifier": identifier, "fullStatement": statement}
        if titel:
            item["abbreviatedStatement"] = titel
        item.update(
            {
                "humanCodingScheme": code,
                "CFItemType": kind,
                "uri": uri,
                "language": "nl",
                "lastChangeDateTime": changed,
                **extra,
            }
        )
        self.items.append(item)
        self.nodes[identifier] = {"title": titel or statement, "identifier": identifier, "uri": uri}

    def associate(
        self, kind: str, origin: str, destination: str, changed: str, sequence: int | None = None
    ) -> None:
        identifier = code_uuid(f"case:{kind}:{origin}:{destination}")
        association: dict[str, Any] = {
            "identifier": identifier,
            "associationType": kind,
            "uri": f"{self.base}open-data/case.json#{identifier}",
            "originNodeURI": self.nodes[origin],
            "destinationNodeURI": self.nodes[destination],
            "lastChangeDateTime": changed,
        }
        if sequence is not None:
            association["sequenceNumber"] = sequence
        self.associations.append(association)


def case_package(
    corpus: Corpus, site_url: str, site_name: str, dates: dict[str, dt.datetime]
) -> dict[str, Any]:
    package = _Package(corpus, site_url, dates)
    base = package.base
    document_id = code_uuid("case:document")
    kader_files = {d: f"goals/{d}/kader.yaml" for d in corpus.kaders}
    goal_files = {c: f"goals/{corpus.domein_van[c]}/{c}.yaml" for c in corpus.leerdoelen}
    changed = max(
        (dates.get(p, FALLBACK) for p in [*kader_files.values(), *goal_files.values()]),
        default=FALLBACK,
    )
    package.nodes[document_id] = {"title": site_name, "identifier": document_id, "uri": base}
    document = {
        "identifier": document_id,
        "uri": base,
        "creator": site_name,
        "title": site_name,
        "lastChangeDateTime": timestamp(changed),
        "officialSourceURL": base,
        "description": "Leerdoelen per groep voor het primair onderwijs, uitgewerkt vanuit "
        "de concept-kerndoelen van SLO.",
        "language": "nl",
        "caseVersion": CASE_VERSION,
        "adoptionStatus": "Draft",
    }
    tree: list[tuple[str, str, str]] = []  # child, parent, changed: in sibling order
    for domein in sorted(corpus.kaders):
        kader = corpus.kaders[domein]
        when = package.when(kader_files[domein])
        page = f"{base}domeinen/{domein}/"
        kader_id = _id(kader)
        package.item(
            kader_id, "Domein", kader.afkorting, kader.titel, kader.omschrijving, page, when
        )
        tree.append((kader_id, document_id, when))
        for sub in kader.subdomeinen:
            package.item(
                _id(sub),
                "Subdomein",
                sub.code,
                sub.titel,
                sub.omschrijving,
                f"{page}#{sub.code.lower()}",
                when,
            )
            tree.append((_id(sub), kader_id, when))
            for kern in sub.kerndoelen:
                kern_page = f"{base}kerndoelen/{kern.code}/"
                package.item(
                    _id(kern), "Kerndoel", kern.code, kern.titel, kern.omschrijving, kern_page, when
                )
                tree.append((_id(kern), _id(sub), when))
                for zin in kern.doelzinnen:
                    package.item(
                        _id(zin),
                        "Doelzin",
                        zin.code,
                        zin.titel,
                        zin.omschrijving,
                        f"{kern_page}#{zin.code.lower()}",
                        when,
                    )
                    tree.append((_id(zin), _id(kern), when))
                    for n, uitwerking in enumerate(zin.slo_uitwerkingen, 1):
                        where = f"{kern_page}#{zin.code.lower()}"  # listed under its doelzin
                        _uitwerking(package, zin, uitwerking, n, where, when)
                        tree.append((uitwerking.slo_id.lower(), _id(zin), when))
    goals = [corpus.leerdoelen[c] for c in sorted(corpus.leerdoelen)]
    for doel in goals:
        extra: dict[str, Any] = {
            "notes": f"Groepen: {', '.join(doel.groepen)}. Status: {doel.status}."
        }
        if doel.trefwoorden:
            extra["conceptKeywords"] = list(doel.trefwoorden)
        package.item(
            code_uuid(doel.code),
            "Leerdoel",
            doel.code,
            doel.titel,
            doel.omschrijving,
            f"{base}doelen/{doel.code}/",
            package.when(goal_files[doel.code]),
            **extra,
        )
    for doel in sorted(goals, key=_sibling_order):
        parent = _id(corpus.doelzinnen[doel.doelzin].doelzin)
        tree.append((code_uuid(doel.code), parent, package.when(goal_files[doel.code])))
    siblings: dict[str, int] = {}
    for child, parent, when in tree:
        siblings[parent] = siblings.get(parent, 0) + 1
        package.associate("isChildOf", child, parent, when, siblings[parent])
    for doel in goals:
        me = code_uuid(doel.code)
        when = package.when(goal_files[doel.code])
        for code in doel.voorkennis:
            package.associate("precedes", code_uuid(code), me, when)
        for code in doel.gerelateerd:
            package.associate("isRelatedTo", me, code_uuid(code), when)
        for code in doel.ook_bij:
            package.associate("isRelatedTo", me, _id(corpus.doelzinnen[code].doelzin), when)
        for code in doel.vervangen_door or ():
            package.associate("replacedBy", me, code_uuid(code), when)
    return {
        "CFDocument": document,
        "CFItems": package.items,
        "CFAssociations": package.associations,
    }


def _sibling_order(doel: Leerdoel) -> tuple[int, str]:
    return GROEPEN.index(doel.laagste_groep), doel.code


def _uitwerking(
    package: _Package, zin: Doelzin, uitwerking: SloUitwerking, n: int, uri: str, when: str
) -> None:
    """One of SLO's uitwerkingen: SLO's text when it was imported, else our label; its
    ``uri`` is its doelzin's section on the kerndoel page, where the site lists it."""
    slo = uitwerking.slo or {}
    text = " ".join((slo_tekst(uitwerking.slo) or "").split())
    label = uitwerking.label
    prefix = str(slo.get("prefix") or f"u{n}")
    identifier = uitwerking.slo_id.lower()
    if identifier in package.nodes:  # SLO lists it under another doelzin too
        return
    package.item(
        identifier,
        UITWERKING,
        f"{zin.code}-{prefix}",
        label,
        text or label or f"Uitwerking {prefix} van doelzin {zin.code}",
        uri,
        when,
        educationLevel=list(uitwerking.niveaus),
    )


def case_bytes(
    corpus: Corpus, site_url: str, site_name: str, dates: dict[str, dt.datetime]
) -> bytes:
    package = case_package(corpus, site_url, site_name, dates)
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
