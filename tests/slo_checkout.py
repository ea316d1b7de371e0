"""A generated SLO checkout with the shapes of the full release (tests/fixtures/README.md).

The three fixture sets (DG, MN, FDG) are merged into one checkout, and then given what a
slice does not show: a set that is not chosen with a dangling ``vakleergebied_id``, a
dangling one in the chosen DG set too, an examenprogramma whose domein holds a doelzin
directly, a vo doelzin with a prefix of several characters (``A3hv``), and a
``data/deprecated.json`` with the entities that ``replaces`` points to.
"""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path
from typing import Any

from conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
SETS = ("dg", "mn", "fdg")
DG = "Kerndoelen digitale geletterdheid"
MN = "Kerndoelen mens en natuur"
FDG = "Functionele kerndoelen digitale geletterdheid"
EXAMEN = "Examenprogramma informatica havo"
DANGLING_BASIS = "0badc0de-0000-4000-8000-000000000001"  # in the DG set (chosen)
DANGLING_ELSEWHERE = "0badc0de-0000-4000-8000-000000000002"  # in the examenprogramma
HV_DOELZIN = "0e4e7a52-ff3a-47b5-8c6b-3a4c4a2d9f10"  # the A3hv doelzin (MN, vo)
DG_SET = "3f31bbe2-e3ed-46e3-9f42-f83004b5cdc9"
REPLACED_SET = "186a1ede-e94d-4003-9d21-5e8b500fd591"  # a `replaces` id of the DG set
NIVEAUS = {
    DG: ["po", "so", "vso", "ob vo", "3 h/v"],
    MN: ["po", "so", "vso", "ob vo", "3 h/v"],
    FDG: ["so zml/mb", "vso am", "vso db"],
}


def _load(path: Path) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return items


def write(path: Path, items: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(items, ensure_ascii=False, indent="\t"), encoding="utf-8")


def edit(folder: Path, name: str, change: Any) -> None:
    path = folder / "data" / f"{name}.json"
    items = _load(path)
    change(items)
    write(path, items)


def merged(folder: Path) -> Path:
    """The three fixtures as one checkout, as SLO's repository holds them."""
    shutil.copytree(FIXTURES / "slo-curriculum-fo-dg", folder)
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    for name in ("mn", "fdg"):
        for path in sorted((FIXTURES / f"slo-curriculum-fo-{name}" / "data").glob("*.json")):
            target = folder / "data" / path.name
            items = _load(target)
            known = {i["id"] for i in items}
            write(target, items + [i for i in _load(path) if i["id"] not in known])
    return folder


def release(folder: Path) -> Path:
    """A merged checkout with the full release's shapes."""
    merged(folder)

    def sets(items: list[dict[str, Any]]) -> None:
        dg = next(i for i in items if i["title"] == DG)
        dg["vakleergebied_id"] = [*dg["vakleergebied_id"], DANGLING_BASIS]
        items.append(
            {
                "id": str(uuid.UUID(int=0xE7A, version=4)),
                "title": EXAMEN,
                "status": "definitief",
                "vakleergebied_id": [DANGLING_ELSEWHERE],
                "fo_domein_id": [str(uuid.UUID(int=0xE7B, version=4))],
            }
        )

    def domeinen(items: list[dict[str, Any]]) -> None:
        items.append(
            {
                "id": str(uuid.UUID(int=0xE7B, version=4)),
                "title": "Domein A: Vaardigheden",
                "fo_doelzin_id": [HV_DOELZIN],
            }
        )

    def kernzinnen_en_doelzinnen(folder: Path) -> None:
        zinnen = _load(folder / "data" / "doelzinnen.json")
        kernzinnen = _load(folder / "data" / "kernzinnen.json")
        # the last kernzin of MN (vo) gets a doelzin with prefix A3hv, a copy of its first
        mn_vo = next(k for k in kernzinnen if k["id"] == _mn_vo_kernzin(folder))
        first = next(z for z in zinnen if z["id"] == mn_vo["fo_doelzin_id"][0])
        zinnen.append(dict(first, id=HV_DOELZIN, prefix="A3hv", replaces=[]))
        mn_vo["fo_doelzin_id"].append(HV_DOELZIN)
        write(folder / "data" / "doelzinnen.json", zinnen)
        write(folder / "data" / "kernzinnen.json", kernzinnen)

    edit(folder, "sets", sets)
    edit(folder, "domeinen", domeinen)
    kernzinnen_en_doelzinnen(folder)
    deprecated = [
        {"id": REPLACED_SET, "title": "Kerndoelen digitale geletterdheid (2024)"},
        {"id": str(uuid.UUID(int=0xDE9, version=4)), "title": "Vervangen, niet genoemd"},
    ]
    write(folder / "data" / "deprecated.json", deprecated)
    return folder


def _mn_vo_kernzin(folder: Path) -> str:
    """A vo kernzin of MN: the one with prefix 33."""
    kernzinnen = _load(FIXTURES / "slo-curriculum-fo-mn" / "data" / "kernzinnen.json")
    return str(next(k["id"] for k in kernzinnen if k["prefix"] == "33"))
