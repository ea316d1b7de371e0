"""SLO's curriculum-fo in and out: validation, import, round trip, CASE, open data.

Everything runs on the real fixture (``tests/fixtures/slo-curriculum-fo-dg``), copied
where a test edits it. Golden files for the exports are in ``tests/golden/export/``; to
accept a deliberate change, run ``UPDATE_GOLDEN=1 pytest tests/test_slo.py``.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import ROOT, copy_project

from leerdoelen.cli import main
from leerdoelen.commands.check import check
from leerdoelen.slo.source import MAX_NESTING, Dataset, read_checkout, validate

FIXTURE = ROOT / "tests" / "fixtures" / "slo-curriculum-fo-dg"  # see its README
CASE_SCHEMA = FIXTURE.parent / "case-v1p1-cfpackage-schema.json"
GOLDEN = Path(__file__).parent / "golden"
KINDS = {
    "fo_set": "sets",
    "fo_domein": "domeinen",
    "fo_kernzin": "kernzinnen",
    "fo_doelzin": "doelzinnen",
    "fo_uitwerking": "uitwerkingen",
    "fo_illustratie": "illustraties",
}
UUID_CASE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def fixture_entities(folder: Path = FIXTURE) -> dict[str, dict[str, dict[str, Any]]]:
    return {
        kind: {e["id"]: e for e in json.loads((folder / f"data/{name}.json").read_text())}
        for kind, name in KINDS.items()
    }


def snapshot(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted((root / "goals").rglob("*"))
        if p.is_file()
    }


def empty_project(root: Path) -> Path:
    (root / "goals").mkdir(parents=True)
    return root


def release(tmp_path: Path) -> Path:
    """A copy of the fixture that a test may edit: SLO's next release."""
    return Path(shutil.copytree(FIXTURE, tmp_path / "release"))


def edit(folder: Path, name: str, change: Any) -> None:
    path = folder / "data" / f"{name}.json"
    items = json.loads(path.read_text(encoding="utf-8"))
    change(items)
    path.write_text(json.dumps(items, ensure_ascii=False, indent="\t"), encoding="utf-8")


# --- validation --------------------------------------------------------------------------


def test_the_fixture_is_valid_against_its_own_context() -> None:
    data, problems = read_checkout(FIXTURE)
    assert problems == []
    assert {k: len(v) for k, v in data.entities.items() if k.startswith("fo_")} == {
        "fo_set": 1,
        "fo_domein": 3,
        "fo_subdomein": 0,
        "fo_kernzin": 6,
        "fo_doelzin": 18,
        "fo_uitwerking": 94,
        "fo_illustratie": 100,
    }


BROKEN = [
    (
        "doelzinnen",
        lambda items: items[0].pop("status"),
        "LD603",
        "data/doelzinnen.json",
        "doelzin ce50e801-b592-4d0b-bbd3-d3bb8d6316c4: verplicht veld 'status' ontbreekt",
    ),
    (
        "doelzinnen",
        lambda items: items[0].update(soort="leerdoel"),
        "LD603",
        "data/doelzinnen.json",
        "'soort' heeft \"leerdoel\"; toegestaan: 'kerndoel', 'eindterm'",
    ),
    (
        "kernzinnen",
        lambda items: items[0]["fo_doelzin_id"].__setitem__(
            0, "5b257c05-af92-40e0-9c21-e50566547b11"
        ),
        "LD604",
        "data/kernzinnen.json",
        "'fo_doelzin_id[0]' verwijst naar 5b257c05-af92-40e0-9c21-e50566547b11, maar dat is "
        "een uitwerking, geen doelzin",
    ),
    (  # a kerndoel without one of its doelzinnen is not whole (a domein's missing kernzin
        # is only a warning: tests/test_slo_release.py)
        "kernzinnen",
        lambda items: items[0]["fo_doelzin_id"].append("0f0f0f0f-0000-4000-8000-000000000000"),
        "LD604",
        "data/kernzinnen.json",
        "verwijst naar doelzin 0f0f0f0f-0000-4000-8000-000000000000, maar die bestaat niet",
    ),
    (
        "uitwerkingen",
        lambda items: items[0].update(id="geen-uuid"),
        "LD603",
        "data/uitwerkingen.json",
        "'id': 'geen-uuid' is geen geldige UUID",
    ),
    (
        "illustraties",
        lambda items: items.append(dict(items[0])),
        "LD605",
        "data/illustraties.json",
        "komt al voor in data/illustraties.json",
    ),
]


@pytest.mark.parametrize(("name", "change", "code", "path", "text"), BROKEN)
def test_broken_input_is_reported_and_nothing_is_written(
    tmp_path: Path, name: str, change: Any, code: str, path: str, text: str
) -> None:
    source = release(tmp_path)
    edit(source, name, change)
    project = copy_project(tmp_path / "project")
    before = snapshot(project)
    exit_code, out, err = run("-C", str(project), "import", "slo", str(source))
    assert exit_code == 1, out + err
    assert re.search(rf"^{re.escape(path)}:\d+:0: {code}: .*{re.escape(text)}", out, re.M), out
    assert "niets geïmporteerd" in err
    assert "Traceback" not in out + err
    assert snapshot(project) == before


def test_invalid_json_and_missing_files(tmp_path: Path) -> None:
    source = release(tmp_path)
    (source / "data" / "sets.json").write_text('[\n  {"id": "x",}\n]', encoding="utf-8")
    (source / "curriculum-basis" / "data" / "niveaus.json").unlink()
    project = empty_project(tmp_path / "project")
    exit_code, out, _ = run("-C", str(project), "import", "slo", str(source))
    assert exit_code == 1
    assert "curriculum-basis/data/niveaus.json:0:0: LD601: " in out
    assert re.search(r"^data/sets.json:2:\d+: LD602: geen geldige JSON", out, re.M), out
    assert list((project / "goals").iterdir()) == []


def test_json_nested_too_deep_is_refused_where_it_gets_too_deep(tmp_path: Path) -> None:
    source = release(tmp_path)
    (source / "data" / "doelzinnen.json").write_text("[" * 100_000 + "]" * 100_000)
    project = empty_project(tmp_path / "project")
    exit_code, out, err = run("-C", str(project), "import", "slo", str(source))
    assert exit_code == 1, out + err
    assert out == (
        f"data/doelzinnen.json:1:{MAX_NESTING + 1}: LD612: JSON is dieper genest dan "
        f"{MAX_NESTING} niveaus; SLO's gegevens zijn nooit zo diep\n"
    )
    assert "niets geïmporteerd" in err
    assert list((project / "goals").iterdir()) == []


def test_brackets_inside_texts_do_not_count_as_nesting(tmp_path: Path) -> None:
    source = release(tmp_path)
    edit(source, "doelzinnen", lambda items: items[0].update(title='[{"\\' * 100))
    assert read_checkout(source)[1] == []


def _context(source: Path, change: Any) -> None:
    path = source / "context.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    change(schema)
    path.write_text(json.dumps(schema), encoding="utf-8")


def test_a_recursive_ref_in_the_schema_is_refused(tmp_path: Path) -> None:
    source = release(tmp_path)
    loop = {"anyOf": [{"type": "string"}, {"$ref": "#/definitions/lus"}]}
    _context(source, lambda schema: schema.setdefault("definitions", {}).update(lus=loop))
    project = empty_project(tmp_path / "project")
    exit_code, out, _ = run("-C", str(project), "import", "slo", str(source))
    assert exit_code == 1
    assert out.startswith("context.json:0:0: LD613: met elke $ref ingevuld is het schema dieper ")
    assert "(bij $ref #/definitions/lus)" in out


def test_refs_that_fan_out_are_inlined_once_per_depth(tmp_path: Path) -> None:
    """Each level refers eight times to the next: 8¹⁴ paths, one schema per level."""
    source = release(tmp_path)
    levels = {f"n{i}": {"anyOf": [{"$ref": f"#/definitions/n{i + 1}"}] * 8} for i in range(14)}
    levels["n14"] = {"type": "string"}
    _context(source, lambda schema: schema.setdefault("definitions", {}).update(levels))
    assert read_checkout(source)[1] == []


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    project = empty_project(tmp_path / "project")
    code, _, err = run("-C", str(project), "import", "slo", str(FIXTURE), "--set", "Kerndoelen DG")
    assert code == 2 and "staat niet in" in err
    code, _, err = run("-C", str(project), "import", "slo", str(tmp_path / "nergens"))
    assert code == 2 and "bestaat niet" in err


# --- import ------------------------------------------------------------------------------


def test_import_keeps_our_texts_and_codes_and_never_touches_leerdoelen(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    kader_path = project / "goals" / "digitale-geletterdheid" / "kader.yaml"
    old = check(project).project.corpus.kaders["digitale-geletterdheid"]
    before = {k: v for k, v in snapshot(project).items() if not k.endswith("kader.yaml")}
    code, out, err = run("-C", str(project), "import", "slo", str(FIXTURE))
    assert code == 0, out + err
    assert "bijgewerkt: goals/digitale-geletterdheid/kader.yaml" in out
    assert "niet in de invoer, overgeslagen: Kerndoelen mens en natuur" in out
    after = snapshot(project)
    assert {k: v for k, v in after.items() if not k.endswith("kader.yaml")} == before
    result = check(project)
    assert result.ok, [d.message for d in result.diagnostics]
    new = result.project.corpus.kaders["digitale-geletterdheid"]
    # Our fields as they were; SLO's alongside.
    strip = {"slo": True}
    slo_only = {"slo", "slo_bron", "slo_basis", "slo_vervangen"}
    assert new.model_dump(exclude=slo_only) == old.model_dump(exclude=slo_only) | {
        "subdomeinen": new.model_dump(exclude=strip)["subdomeinen"]
    }
    assert new.slo_bron is not None and new.slo_bron.release == "onbekend"
    for old_sub, new_sub in zip(old.subdomeinen, new.subdomeinen, strict=True):
        assert (old_sub.code, old_sub.titel, old_sub.slo_id) == (
            new_sub.code,
            new_sub.titel,
            new_sub.slo_id,
        )
        for old_kern, new_kern in zip(old_sub.kerndoelen, new_sub.kerndoelen, strict=True):
            assert old_kern.model_dump(exclude={"slo", "doelzinnen"}) == new_kern.model_dump(
                exclude={"slo", "doelzinnen"}
            )
            sloless = {"slo", "slo_uitwerkingen"}
            assert [z.model_dump(exclude=sloless) for z in old_kern.doelzinnen] == [
                z.model_dump(exclude=sloless) for z in new_kern.doelzinnen
            ]
    zin = new.subdomeinen[0].kerndoelen[0].doelzinnen[0]
    assert zin.slo is not None and zin.slo["title"] == "Doelzin 22A"
    assert len(zin.slo_uitwerkingen) == 5 and len(zin.slo["fo_illustratie"]) == 5
    assert "fo_uitwerking" not in zin.slo and len(zin.slo["fo_uitwerking_id"]) == 5
    # Idempotent: the second import writes nothing.
    text = kader_path.read_bytes()
    code, out, _ = run("-C", str(project), "import", "slo", str(FIXTURE))
    assert code == 0 and "ongewijzigd: goals/digitale-geletterdheid/kader.yaml" in out
    assert kader_path.read_bytes() == text
    assert snapshot(project) == after


def test_import_into_an_empty_project_derives_everything(tmp_path: Path) -> None:
    project = empty_project(tmp_path / "project")
    code, out, err = run("-C", str(project), "import", "slo", str(FIXTURE))
    assert code == 0, out + err
    kader = check(project).project.corpus.kaders["digitale-geletterdheid"]
    assert (kader.afkorting, kader.titel) == ("DG", "Digitale geletterdheid")
    assert [s.code for s in kader.subdomeinen] == ["DG-SD1", "DG-SD2", "DG-SD3"]
    codes = [z.code for s in kader.subdomeinen for k in s.kerndoelen for z in k.doelzinnen]
    letters = ["22A", "22B", "22C", "22D", "23A", "23B", "24A", "24B", "24C"]
    assert codes == [f"DG-po-{c}" for c in letters]


def test_a_frame_without_set_and_subdomein_ids_is_matched_by_name_and_title(
    tmp_path: Path,
) -> None:
    """As goals/mens-en-natuur/kader.yaml: no SLO ids on the domein and its subdomeinen."""
    project = copy_project(tmp_path / "project")
    path = project / "goals" / "digitale-geletterdheid" / "kader.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(
        "".join(line for line in lines if not re.match(r"^( {4})?slo_id:", line)),
        encoding="utf-8",
    )
    old = check(project).project.corpus.kaders["digitale-geletterdheid"]
    assert old.slo_id is None and old.subdomeinen[0].slo_id is None
    assert run("-C", str(project), "import", "slo", str(FIXTURE))[0] == 0
    new = check(project).project.corpus.kaders["digitale-geletterdheid"]
    assert new.slo_id == "3f31bbe2-e3ed-46e3-9f42-f83004b5cdc9"
    assert [(s.code, s.titel, s.omschrijving) for s in new.subdomeinen] == [
        (s.code, s.titel, s.omschrijving) for s in old.subdomeinen
    ]


# --- round trip --------------------------------------------------------------------------


def _export_slo(project: Path, out: Path) -> dict[str, dict[str, dict[str, Any]]]:
    code, stdout, err = run("-C", str(project), "export", "slo", "--out", str(out))
    assert code == 0, stdout + err
    return fixture_entities(out)


def test_round_trip_po_and_vo_gives_back_every_entity_field_by_field(tmp_path: Path) -> None:
    project = empty_project(tmp_path / "project")
    code, out, err = run(
        "-C", str(project), "import", "slo", str(FIXTURE), "--niveau", "po", "--niveau", "ob vo"
    )
    assert code == 0, out + err
    exported = _export_slo(project, tmp_path / "export")
    original = fixture_entities()
    for kind, entities in original.items():
        assert set(exported[kind]) == set(entities), kind
        for entity_id, entity in entities.items():
            assert exported[kind][entity_id] == entity, (kind, entity_id)


def test_round_trip_po_keeps_the_po_entities_and_slos_references_to_vo(
    tmp_path: Path,
) -> None:
    """Every exported entity is SLO's, unchanged: also its ids of the vo kernzinnen, which
    were not imported (the export used to drop them)."""
    project = empty_project(tmp_path / "project")
    assert run("-C", str(project), "import", "slo", str(FIXTURE))[0] == 0
    exported = _export_slo(project, tmp_path / "export")
    original = fixture_entities()
    assert {k: len(v) for k, v in exported.items()} == {
        "fo_set": 1,
        "fo_domein": 3,
        "fo_kernzin": 3,
        "fo_doelzin": 9,
        "fo_uitwerking": 43,
        "fo_illustratie": 43,
    }
    for kind, entities in exported.items():
        for entity_id, entity in entities.items():
            assert entity == original[kind][entity_id], (kind, entity_id)
    vo = set(original["fo_kernzin"]) - set(exported["fo_kernzin"])
    assert len(vo) == 3
    assert vo <= {k for d in exported["fo_domein"].values() for k in d["fo_kernzin_id"]}


def test_the_export_validates_against_slos_own_context(tmp_path: Path) -> None:
    """With leerdoelen in it: the bundled project plus the imported frame."""
    project = copy_project(tmp_path / "project")
    assert run("-C", str(project), "import", "slo", str(FIXTURE))[0] == 0
    out = tmp_path / "export"
    _export_slo(project, out)
    schema = json.loads((FIXTURE / "context.json").read_text())
    basis = json.loads((FIXTURE / "curriculum-basis" / "context.json").read_text())
    data, instance = Dataset(), {}
    for kind, entities in fixture_entities().items():  # SLO's, also those not imported
        data.type_of.update(dict.fromkeys(entities, kind))
    for kind, name in {**KINDS, "fo_subdomein": "subdomeinen"}.items():
        items = json.loads((out / f"data/{name}.json").read_text())
        instance[kind] = items
        data.entities[kind] = items
        for item in items:
            data.by_id[item["id"]] = item
            data.type_of[item["id"]] = kind
    assert validate(data, instance, schema, basis) == []
    leerdoelen = json.loads((out / "data/leerdoelen.json").read_text())
    assert len(leerdoelen) == len(list((project / "goals").rglob("??-*.yaml")))
    dg014 = next(d for d in leerdoelen if d["prefix"] == "DG-014")
    assert dg014["id"] == "c9bb93e3-1ad6-51bc-b744-18f1661f2f63"  # uuid5(NAMESPACE, "DG-014")
    assert dg014["parent_id"] == "8d046216-3c30-4a99-8980-ea6a593d804a"  # SLO's 22C


# --- CASE ---------------------------------------------------------------------------------


def _case(project: Path, out: Path) -> dict[str, Any]:
    code, stdout, err = run("-C", str(project), "export", "case", "--out", str(out))
    assert code == 0, stdout + err
    return json.loads(out.read_text(encoding="utf-8"))


def test_case_package_validates_and_uses_slos_ids(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert run("-C", str(project), "import", "slo", str(FIXTURE))[0] == 0
    package = _case(project, tmp_path / "case.json")
    schema = json.loads(CASE_SCHEMA.read_text(encoding="utf-8"))
    checker = jsonschema.FormatChecker()
    assert {"uri", "date-time", "date"} <= set(checker.checkers)  # else formats are skipped
    validator = jsonschema.Draft202012Validator(schema, format_checker=checker)
    assert [e.message for e in validator.iter_errors(package)] == []
    items = {i["humanCodingScheme"]: i for i in package["CFItems"]}
    assert items["DG-po-22C"]["identifier"] == "8d046216-3c30-4a99-8980-ea6a593d804a"
    assert items["DG-po-22C"]["CFItemType"] == "Doelzin"
    assert items["DG-014"]["uri"] == "https://leerdoelen.github.io/doelen/DG-014/"
    ids = [i["identifier"] for i in package["CFItems"]]
    ids += [a["identifier"] for a in package["CFAssociations"]]
    assert len(set(ids)) == len(ids) and all(UUID_CASE.match(i) for i in ids)
    links = {
        (a["associationType"], a["originNodeURI"]["title"], a["destinationNodeURI"]["title"])
        for a in package["CFAssociations"]
    }
    corpus = check(project).project.corpus
    dg014 = corpus.leerdoelen["DG-014"]
    assert ("isChildOf", dg014.titel, items["DG-po-22C"]["abbreviatedStatement"]) in links
    for code in dg014.voorkennis:
        assert ("precedes", corpus.leerdoelen[code].titel, dg014.titel) in links
    for code in dg014.gerelateerd:
        assert ("isRelatedTo", dg014.titel, corpus.leerdoelen[code].titel) in links
    retired = [d for d in corpus.leerdoelen.values() if d.vervangen_door]
    assert retired
    for doel in retired:
        for code in doel.vervangen_door or ():
            assert ("replacedBy", doel.titel, corpus.leerdoelen[code].titel) in links


def test_case_dates_come_from_git_with_a_fixed_fallback(tmp_path: Path) -> None:
    import git

    project = copy_project(tmp_path / "project")
    assert _case(project, tmp_path / "a.json")["CFDocument"]["lastChangeDateTime"] == (
        "2026-01-01T00:00:00Z"
    )
    repo = git.Repo.init(project)
    repo.index.add(["goals"])
    env = {"GIT_AUTHOR_DATE": "2026-03-04T05:06:07Z", "GIT_COMMITTER_DATE": "2026-03-04T05:06:07Z"}
    with repo.git.custom_environment(**env):
        repo.git.commit("-m", "inhoud", "--author", "Toets <toets@example.org>")
    package = _case(project, tmp_path / "b.json")
    assert package["CFDocument"]["lastChangeDateTime"] == "2026-03-04T05:06:07Z"
    assert {i["lastChangeDateTime"] for i in package["CFItems"]} == {"2026-03-04T05:06:07Z"}


# --- golden files --------------------------------------------------------------------------


@pytest.mark.parametrize("formaat", ["case", "json", "csv", "slo"])
def test_golden_exports(tmp_path: Path, formaat: str) -> None:
    """The exports of tests/golden/geldig (a copy outside git: the fallback dates)."""
    project = Path(shutil.copytree(GOLDEN / "geldig", tmp_path / "project"))
    out = tmp_path / "out"
    code, stdout, err = run("-C", str(project), "export", formaat, "--out", str(out))
    assert code == 0, stdout + err
    expected = GOLDEN / "export"
    if formaat == "slo":
        actual = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.json")}
        actual = {k: v for k, v in actual.items() if "data/" in k}
        names = {f"slo/{k}": v for k, v in actual.items()}
    else:
        names = {f"leerdoelen.{formaat}" if formaat != "case" else "case.json": out.read_bytes()}
    for name, data in names.items():
        path = expected / name
        if os.environ.get("UPDATE_GOLDEN"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        assert data == path.read_bytes(), name


# --- the site ------------------------------------------------------------------------------


def test_the_site_offers_exactly_what_the_cli_exports(
    site: Path, site_build: Any, tmp_path: Path
) -> None:
    # The open data has its own page, which links each file beside it.
    page = (site / "open-data" / "index.html").read_text(encoding="utf-8")
    domein = (site / "domeinen" / "digitale-geletterdheid" / "index.html").read_text("utf-8")
    for formaat, name in [
        ("json", "leerdoelen.json"),
        ("csv", "leerdoelen.csv"),
        ("case", "case.json"),
    ]:
        assert f'href="{name}"' in page
        assert f'href="../../open-data/{name}"' in domein
        out = tmp_path / name
        code, stdout, err = run("-C", str(site_build.root), "export", formaat, "--out", str(out))
        assert code == 0, stdout + err
        assert (site / "open-data" / name).read_bytes() == out.read_bytes(), name
    assert 'href="../../open-data/slo-curriculum-fo.zip"' in domein
    out = tmp_path / "slo"
    assert run("-C", str(site_build.root), "export", "slo", "--out", str(out))[0] == 0
    with zipfile.ZipFile(site / "open-data" / "slo-curriculum-fo.zip") as archive:
        zipped = {n.removeprefix("slo-curriculum-fo/"): archive.read(n) for n in archive.namelist()}
    exported = {
        p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()
    }
    assert exported.pop(".leerdoelen-slo").startswith(b"Gemaakt door leerdoelen")  # the marker
    assert zipped == exported
