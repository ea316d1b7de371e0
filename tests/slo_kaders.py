"""Kaders in the shape that the import of SLO's release gives (issue 12), from today's import.

Today's import keeps a doelzin's uitwerkingen whole in ``Doelzin.slo["fo_uitwerking"]``; the
new one keeps each as a ``SloUitwerking`` in ``Doelzin.slo_uitwerkingen`` (only those whose
niveaus resolve) and fills the kader's ``slo_bron``, ``slo_basis`` (the niveaus, then the
vakleergebieden, that its entities refer to, in the order of SLO's files) and
``slo_vervangen`` (the entities of ``data/deprecated.json`` that its ``replaces`` name).
``as_imported`` rewrites a project's kader files from the first shape into the second, and
leaves a kader in the second shape alone, so that it does nothing after the new import.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from leerdoelen.core.model import Kader


def _read(path: Path) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else []


def _ids(entity: dict[str, Any], name: str) -> list[str]:
    return [i for i in entity.get(name) or () if isinstance(i, str)]


def as_imported(project: Path, checkout: Path) -> None:
    niveaus = _read(checkout / "curriculum-basis" / "data" / "niveaus.json")
    vakken = _read(checkout / "curriculum-basis" / "data" / "vakleergebieden.json")
    deprecated = _read(checkout / "data" / "deprecated.json")
    titles = {n["id"]: n["title"] for n in niveaus}
    for path in sorted(project.glob("goals/*/kader.yaml")):
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        zinnen = [z for s in data["subdomeinen"] for k in s["kerndoelen"] for z in k["doelzinnen"]]
        if not any("fo_uitwerking" in (z.get("slo") or {}) for z in zinnen):
            continue
        entities = [data["slo"]]
        for sub in data["subdomeinen"]:
            entities.append(sub["slo"])
            for kern in sub["kerndoelen"]:
                entities.append(kern["slo"])
        for zin in zinnen:
            slo = zin["slo"]
            uitwerkingen = slo.pop("fo_uitwerking")
            entities += [slo, *uitwerkingen, *slo.get("fo_illustratie", ())]
            zin["slo_uitwerkingen"] = [
                {
                    "slo_id": u["id"],
                    "niveaus": [n["title"] for n in niveaus if n["id"] in u["niveau_id"]],
                    "slo": {k: v for k, v in u.items() if k != "id"},
                }
                for u in uitwerkingen
                if any(i in titles for i in _ids(u, "niveau_id"))
            ]
        vak_ids = {i for e in entities for i in _ids(e, "vakleergebied_id")}
        niveau_ids = {i for e in entities for i in _ids(e, "niveau_id")}
        niveau_ids.update(i for v in vakken if v["id"] in vak_ids for i in _ids(v, "niveau_id"))
        basis = [n for n in niveaus if n["id"] in niveau_ids]
        basis += [v for v in vakken if v["id"] in vak_ids]
        replaced = {i for e in entities for i in _ids(e, "replaces")}
        data["slo_bron"] = {"bron": "SLO curriculum-fo", "release": "onbekend"}
        if basis:
            data["slo_basis"] = basis
        if vervangen := [d for d in deprecated if d["id"] in replaced]:
            data["slo_vervangen"] = vervangen
        Kader.model_validate(data)
        new = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88)
        path.write_text(new, encoding="utf-8")


def niveau_args(checkout: Path) -> list[str]:
    """``--niveau`` for every niveau that the checkout's uitwerkingen and illustraties name:
    their titles (``niveaus.json`` order) for the import of issue 12, po and vo for today's
    import, which knows only those two."""
    from leerdoelen.slo import frame

    if not hasattr(frame, "Naming"):  # today's import
        return ["--niveau", "po", "--niveau", "vo"]
    used = {
        i
        for name in ("uitwerkingen", "illustraties")
        for e in _read(checkout / "data" / f"{name}.json")
        for i in _ids(e, "niveau_id")
    }
    niveaus = _read(checkout / "curriculum-basis" / "data" / "niveaus.json")
    return [arg for n in niveaus if n["id"] in used for arg in ("--niveau", n["title"])]
