"""``export case``: siblings numbered 1..n, SLO's uitwerkingen as items of their own under
their doelzin, leerdoelen by their lowest groep band; valid CASE 1.1 with formats checked."""

from __future__ import annotations

import contextlib
import io
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from conftest import ROOT, copy_project

from leerdoelen.cli import main
from leerdoelen.commands.check import check
from leerdoelen.core.model import GROEPEN

DG = ROOT / "tests" / "fixtures" / "slo-curriculum-fo-dg"
CASE_SCHEMA = ROOT / "tests" / "fixtures" / "case-v1p1-cfpackage-schema.json"


def case(project: Path, out: Path) -> dict[str, Any]:
    stdout, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(err):
        code = main(["-C", str(project), "export", "case", "--out", str(out)])
    assert code == 0, stdout.getvalue() + err.getvalue()
    return json.loads(out.read_text(encoding="utf-8"))


def valid(package: dict[str, Any]) -> list[str]:
    checker = jsonschema.FormatChecker()
    assert {"uri", "date-time", "date"} <= set(checker.checkers)  # else formats are skipped
    schema = json.loads(CASE_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=checker)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(package)]


def children(package: dict[str, Any]) -> dict[str, list[tuple[int, str]]]:
    """Parent identifier → (sequenceNumber, child identifier), in sequence order."""
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for link in package["CFAssociations"]:
        if link["associationType"] == "isChildOf":
            parent = link["destinationNodeURI"]["identifier"]
            found[parent].append((link["sequenceNumber"], link["originNodeURI"]["identifier"]))
    return {parent: sorted(items) for parent, items in found.items()}


def test_siblings_are_numbered_1_to_n(tmp_path: Path) -> None:
    package = case(copy_project(tmp_path / "project"), tmp_path / "case.json")
    tree = children(package)
    document = package["CFDocument"]["identifier"]
    assert [n for n, _ in tree[document]] == [1, 2]  # two domeinen (it was 1, 17)
    for parent, items in tree.items():
        assert [n for n, _ in items] == list(range(1, len(items) + 1)), parent


def test_leerdoelen_come_by_their_lowest_groep_then_code(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    package = case(project, tmp_path / "case.json")
    corpus = check(project).project.corpus
    by_id = {i["identifier"]: i for i in package["CFItems"]}
    tested = 0
    for items in children(package).values():
        codes = [by_id[c]["humanCodingScheme"] for _, c in items]
        goals = [corpus.leerdoelen[c] for c in codes if c in corpus.leerdoelen]
        expected = sorted(goals, key=lambda d: (GROEPEN.index(d.laagste_groep), d.code))
        assert goals == expected
        tested += len(goals) > 1 and goals != sorted(goals, key=lambda d: d.code)
    assert tested  # some doelzin has leerdoelen whose groep order is not their code order


def test_slos_uitwerkingen_are_items_under_their_doelzin(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert main(["-C", str(project), "import", "slo", str(DG)]) == 0
    path = project / "goals" / "digitale-geletterdheid" / "kader.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    first = data["subdomeinen"][0]["kerndoelen"][0]["doelzinnen"][0]
    first["slo_uitwerkingen"][0]["label"] = "Software voor van alles gebruiken"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    package = case(project, tmp_path / "case.json")
    assert valid(package) == []
    kader = check(project).project.corpus.kaders["digitale-geletterdheid"]
    zinnen = [z for s in kader.subdomeinen for k in s.kerndoelen for z in k.doelzinnen]
    items = {i["identifier"]: i for i in package["CFItems"]}
    tree = children(package)
    count = 0
    for zin in zinnen:
        under = [c for _, c in tree[str(zin.slo_id)]]
        kinds = [items[c]["CFItemType"] for c in under]
        uitwerkingen = [u.slo_id for u in zin.slo_uitwerkingen]
        assert under[: len(uitwerkingen)] == uitwerkingen  # SLO's order, before leerdoelen
        assert set(kinds[len(uitwerkingen) :]) <= {"Leerdoel"}
        for uitwerking in zin.slo_uitwerkingen:
            item = items[uitwerking.slo_id]
            assert item["CFItemType"] == "SLO-uitwerking"
            assert item["fullStatement"] == (uitwerking.slo or {})["description"]
            assert item["educationLevel"] == uitwerking.niveaus
            assert item["humanCodingScheme"] == f"{zin.code}-{(uitwerking.slo or {})['prefix']}"
            assert item.get("abbreviatedStatement") == uitwerking.label
            count += 1
    assert count == 43
    labelled = items[first["slo_uitwerkingen"][0]["slo_id"]]
    assert labelled["abbreviatedStatement"] == "Software voor van alles gebruiken"
