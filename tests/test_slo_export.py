"""``export slo`` reads back: the basis and replaced entities go with it, SLO's entities and
lists of ids stay SLO's, and ``import(export(import(X)))`` gives the same kader files."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, commit_all, copy_project, git_repo

from leerdoelen.cli import main
from leerdoelen.commands.check import check
from leerdoelen.core.diagnostics import Severity
from leerdoelen.core.ids import code_uuid
from leerdoelen.slo.order import merged
from leerdoelen.slo.source import read_checkout

FIXTURES = ROOT / "tests" / "fixtures"
DG = FIXTURES / "slo-curriculum-fo-dg"
BASIS = "curriculum-basis/data"
ENTITY_FILES = {
    "fo_set": "sets",
    "fo_domein": "domeinen",
    "fo_kernzin": "kernzinnen",
    "fo_doelzin": "doelzinnen",
    "fo_uitwerking": "uitwerkingen",
    "fo_illustratie": "illustraties",
}


def run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


def empty_project(root: Path) -> Path:
    (root / "goals").mkdir(parents=True)
    return root


def read(folder: Path, relative: str) -> Any:
    return json.loads((folder / relative).read_text(encoding="utf-8"))


def niveau_args(checkout: Path) -> list[str]:
    """``--niveau`` for every niveau that the checkout's uitwerkingen and illustraties name,
    by title, in ``niveaus.json`` order."""
    used = {
        i
        for name in ("uitwerkingen", "illustraties")
        for entity in read(checkout, f"data/{name}.json")
        for i in entity.get("niveau_id") or ()
    }
    niveaus = read(checkout, "curriculum-basis/data/niveaus.json")
    return [arg for n in niveaus if n["id"] in used for arg in ("--niveau", n["title"])]


def export(project: Path, out: Path) -> Path:
    code, stdout, err = run("-C", project, "export", "slo", "--out", out)
    assert code == 0, stdout + err
    return out


def edit_kader(project: Path, domein: str, change: Any) -> None:
    path = project / "goals" / domein / "kader.yaml"
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    change(data)
    header = text.splitlines(keepends=True)[0] if text.startswith("#") else ""
    dumped = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    path.write_text(header + dumped, encoding="utf-8")


def with_deprecated(tmp_path: Path) -> tuple[Path, list[dict[str, Any]]]:
    """A copy of the DG fixture with a ``data/deprecated.json``: the entities that three po
    uitwerkingen replace (in an order of its own) and one that nothing names."""
    source = Path(shutil.copytree(DG, tmp_path / "release"))
    po = next(n["id"] for n in read(source, f"{BASIS}/niveaus.json") if n["title"] == "po")
    uitwerkingen = [u for u in read(source, "data/uitwerkingen.json") if po in u["niveau_id"]]
    old = [u["replaces"][0] for u in uitwerkingen[:3]][::-1]
    deprecated = [{"id": i, "title": "Het gaat hierbij om", "status": "definitief"} for i in old]
    deprecated.insert(1, {"id": "0f0f0f0f-0000-4000-8000-000000000000", "title": "ander"})
    (source / "data" / "deprecated.json").write_text(json.dumps(deprecated), encoding="utf-8")
    return source, [d for d in deprecated if d["id"] in old]


# --- what the export holds ------------------------------------------------------------------


def test_the_export_carries_the_basis_and_the_replaced_entities(tmp_path: Path) -> None:
    source, replaced = with_deprecated(tmp_path)
    project = empty_project(tmp_path / "project")
    assert run("-C", project, "import", "slo", source)[0] == 0
    kader = check(project).project.corpus.kaders["digitale-geletterdheid"]
    assert kader.slo_basis and kader.slo_vervangen == replaced
    out = export(project, tmp_path / "export")
    assert read(out, "curriculum-basis/context.json")["$id"].endswith(
        "curriculum-basis/context.json"
    )
    niveaus, vakken = read(out, f"{BASIS}/niveaus.json"), read(out, f"{BASIS}/vakleergebieden.json")
    # SLO's entities whole, key order included, in SLO's order: the kader's slo_basis.
    as_items = [list(e.items()) for e in kader.slo_basis]
    assert [list(e.items()) for e in niveaus + vakken] == as_items
    assert [v["id"] for v in vakken] == read(source, "data/sets.json")[0]["vakleergebied_id"]
    titles = [n["title"] for n in niveaus]
    assert {"po", "so"} <= set(titles) and "vo" not in titles  # po only: po and so uitwerkingen
    order = [n["title"] for n in read(source, f"{BASIS}/niveaus.json")]
    assert titles == sorted(titles, key=order.index)
    assert read(out, "data/deprecated.json") == replaced  # the file's order, nothing else


def test_slos_entities_keep_slos_fields_key_order_and_child_ids(tmp_path: Path) -> None:
    project = empty_project(tmp_path / "project")
    assert run("-C", project, "import", "slo", DG)[0] == 0
    out = export(project, tmp_path / "export")
    for kind, name in ENTITY_FILES.items():
        original = {e["id"]: e for e in read(DG, f"data/{name}.json")}
        exported = read(out, f"data/{name}.json")
        assert exported, kind
        for entity in exported:
            expected = original[entity["id"]]
            # Illustraties are kept whole; elsewhere SLO's id is slo_id, and comes first.
            order = list(expected) if kind == "fo_illustratie" else ["id", *expected]
            assert list(entity) == list(dict.fromkeys(order)), kind
            assert entity == expected, kind
    # The vo kernzinnen were not imported; the domeinen still name them, as SLO does.
    domeinen = {d["id"]: d for d in read(DG, "data/domeinen.json")}
    assert [d["fo_kernzin_id"] for d in read(out, "data/domeinen.json")] == [
        domeinen[d["id"]]["fo_kernzin_id"] for d in read(out, "data/domeinen.json")
    ]


def test_entities_come_in_the_kaders_order(tmp_path: Path) -> None:
    project = empty_project(tmp_path / "project")
    assert run("-C", project, "import", "slo", DG)[0] == 0
    out = export(project, tmp_path / "export")
    kader = check(project).project.corpus.kaders["digitale-geletterdheid"]
    zinnen = [z for s in kader.subdomeinen for k in s.kerndoelen for z in k.doelzinnen]
    assert [e["id"] for e in read(out, "data/doelzinnen.json")] == [z.slo_id for z in zinnen]
    assert [e["id"] for e in read(out, "data/uitwerkingen.json")] == [
        u.slo_id for z in zinnen for u in z.slo_uitwerkingen
    ]


def test_the_export_of_every_niveau_reads_back(tmp_path: Path) -> None:
    project = empty_project(tmp_path / "project")
    code, out, err = run("-C", project, "import", "slo", DG, *niveau_args(DG))
    assert code == 0, out + err
    data, problems = read_checkout(export(project, tmp_path / "export"))
    assert [d for d in problems if d.severity == Severity.ERROR] == []
    assert len(data.of("fo_uitwerking")) == 94 and len(data.of("niveau")) >= 4


def test_a_frame_of_our_own_gets_the_niveaus_of_its_uitwerkingen(tmp_path: Path) -> None:
    """Our frames have no slo_basis: a niveau of ours for each title, unless an imported
    frame has SLO's niveau of that title."""
    project = copy_project(tmp_path / "project")
    own = "5d1c2a9e-3b7f-4c1d-9e2a-7f6b5c4d3e2a"
    zin_ids: list[str] = []

    def uitwerking(data: dict[str, Any]) -> None:
        zin = data["subdomeinen"][0]["kerndoelen"][0]["doelzinnen"][0]
        mine = {"slo_id": own, "niveaus": ["po"], "label": "Eigen label"}
        zin.setdefault("slo_uitwerkingen", []).append(mine)
        zin_ids.append(zin.get("slo_id") or code_uuid(zin["code"]))

    edit_kader(project, "mens-en-natuur", uitwerking)
    out = export(project, tmp_path / "alleen-eigen")
    po = code_uuid("niveau:po")
    niveaus = read(out, f"{BASIS}/niveaus.json")
    assert {"id": po, "title": "po"} in niveaus
    assert all(n == {"id": code_uuid(f"niveau:{n['title']}"), "title": n["title"]} for n in niveaus)
    assert read(out, f"{BASIS}/vakleergebieden.json") == []
    assert read(out, "data/deprecated.json") == []
    entity = {"id": own, "title": "Eigen label", "niveau_id": [po], "status": "concept"}
    assert entity in read(out, "data/uitwerkingen.json")
    zin = next(z for z in read(out, "data/doelzinnen.json") if z["id"] == zin_ids[0])
    assert zin["fo_uitwerking_id"][-1] == own
    # With SLO's frame of DG beside it: SLO's po, and no niveau of ours.
    assert run("-C", project, "import", "slo", DG)[0] == 0
    out = export(project, tmp_path / "met-slo")
    niveaus = read(out, f"{BASIS}/niveaus.json")
    slo_po = next(n["id"] for n in read(DG, f"{BASIS}/niveaus.json") if n["title"] == "po")
    assert po not in {n["id"] for n in niveaus} and slo_po in {n["id"] for n in niveaus}
    mine = next(u for u in read(out, "data/uitwerkingen.json") if u["id"] == own)
    assert mine["niveau_id"] == [slo_po]


def test_the_export_is_still_validated_against_slos_schema(tmp_path: Path) -> None:
    project = empty_project(tmp_path / "project")
    assert run("-C", project, "import", "slo", DG)[0] == 0

    def broken(data: dict[str, Any]) -> None:
        zin = data["subdomeinen"][0]["kerndoelen"][0]["doelzinnen"][0]
        zin["slo"]["status"] = "onzin"
        zin["slo_uitwerkingen"][0]["slo"]["niveau_id"] = [zin["slo_id"]]

    edit_kader(project, "digitale-geletterdheid", broken)
    code, out, err = run("-C", project, "export", "slo", "--out", tmp_path / "export")
    assert code == 1 and "niets geëxporteerd" in err
    assert "data/doelzinnen.json:0:0: LD611: " in out and "'status' heeft \"onzin\"" in out
    zin = "ce50e801-b592-4d0b-bbd3-d3bb8d6316c4"
    assert f"'niveau_id[0]' verwijst naar {zin}, maar dat is een doelzin, geen niveau" in out
    assert not (tmp_path / "export").exists()


# --- the order of entities that several kaders keep ----------------------------------------


def _ids(*names: str) -> list[dict[str, Any]]:
    return [{"id": n} for n in names]


def test_merged_keeps_each_kaders_order() -> None:
    lists = [_ids("a", "c", "d"), _ids("b", "c", "e"), _ids("a", "b")]
    assert [e["id"] for e in merged(lists)] == ["a", "b", "c", "d", "e"]
    assert [e["id"] for e in merged([_ids("x", "y"), _ids("y", "x")])] == ["x", "y"]
    first, second = {"id": "a", "v": 1}, {"id": "a", "v": 2}
    assert merged([[first], [second]]) == [first]
    assert merged([]) == []


# --- the round trip ------------------------------------------------------------------------


def _set_title(checkout: Path) -> str:
    return str(read(checkout, "data/sets.json")[0]["title"])


def _kaders(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes() for p in project.glob("goals/*/*")}


# Each fixture at all its niveaus, and DG at po only: that export keeps SLO's ids of the vo
# kernzinnen, which it does not hold, and the import takes those as warnings.
ROUND_TRIPS = [
    ("slo-curriculum-fo-dg", True),
    ("slo-curriculum-fo-mn", True),
    ("slo-curriculum-fo-fdg", True),
    ("slo-curriculum-fo-dg", False),
]


@pytest.mark.parametrize(("fixture", "every_niveau"), ROUND_TRIPS)
def test_import_export_import_gives_the_same_kader_files(
    tmp_path: Path, fixture: str, every_niveau: bool
) -> None:
    # A copy outside git: both imports see the release "onbekend".
    source = Path(shutil.copytree(FIXTURES / fixture, tmp_path / "slo"))
    options = ["--set", _set_title(source), *(niveau_args(source) if every_niveau else [])]
    first = empty_project(tmp_path / "eerste")
    code, out, err = run("-C", first, "import", "slo", source, *options)
    assert code == 0, out + err
    exported = export(first, tmp_path / "export")
    second = empty_project(tmp_path / "tweede")
    code, out, err = run("-C", second, "import", "slo", exported, *options)
    assert code == 0, out + err
    kaders = _kaders(first)
    assert list(kaders) and all(name.endswith("/kader.yaml") for name in kaders)
    assert _kaders(second) == kaders


def test_the_release_goes_with_the_export_and_comes_back_on_import(tmp_path: Path) -> None:
    """A tagged SLO checkout gives the frame its release; the export (a plain folder) says it
    in package.json, and importing the export gives the same frame, release and all."""
    source = Path(shutil.copytree(FIXTURES / "slo-curriculum-fo-dg", tmp_path / "slo"))
    repo = git_repo(source)
    commit_all(repo, "Release 2026.52")
    repo.git.tag("2026.52")
    first = empty_project(tmp_path / "eerste")
    code, out, err = run("-C", first, "import", "slo", source)
    assert code == 0, out + err
    kader = yaml.safe_load((first / "goals/digitale-geletterdheid/kader.yaml").read_text())
    assert kader["slo_bron"] == {"bron": "SLO curriculum-fo", "release": "2026.52"}
    exported = export(first, tmp_path / "export")
    assert json.loads((exported / "package.json").read_text())["version"] == "2026.52"
    second = empty_project(tmp_path / "tweede")
    code, out, err = run("-C", second, "import", "slo", exported)
    assert code == 0, out + err
    assert _kaders(second) == _kaders(first)


def test_an_export_of_frames_without_a_known_release_has_no_package_json(
    tmp_path: Path,
) -> None:
    exported = export(copy_project(tmp_path / "project"), tmp_path / "export")
    assert not (exported / "package.json").exists()
