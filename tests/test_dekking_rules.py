"""The rules for SLO's uitwerkingen: a leerdoel names only uitwerkingen of its own doelzinnen
(LD314), known ones (LD315), once (LD206); a doelzin holds each uitwerking once (LD316),
while one uitwerking under two doelzinnen is SLO's own shape and allowed."""

from __future__ import annotations

from pathlib import Path

from dekking_project import GOALS, KADER, LEERDOELEN, U1, U2, U3, U5, leerdoel, write_project

from leerdoelen.commands.check import check
from leerdoelen.core.diagnostics import Diagnostic


def found(root: Path, *codes: str) -> list[Diagnostic]:
    return [d for d in check(root).diagnostics if d.code in codes]


def test_the_coverage_project_is_clean(tmp_path: Path) -> None:
    assert check(write_project(tmp_path)).diagnostics == []


def test_an_uitwerking_of_another_doelzin_is_named_with_where_it_belongs(tmp_path: Path) -> None:
    goals = {"DG-001": leerdoel("DG-001", f"slo_uitwerkingen:\n  - {U1}\n  - {U3}\n")}
    [d] = found(write_project(tmp_path, goals), "LD314")
    assert (d.path, d.line, d.column) == (f"{GOALS}/DG-001.yaml", 10, 5)
    assert d.message == (
        f"slo_uitwerkingen: '{U3}' is een uitwerking van doelzin DG-po-23B, niet van "
        "DG-po-23A; voeg DG-po-23B toe aan ook_bij, of kies een uitwerking van DG-po-23A"
    )


def test_an_uitwerking_of_an_ook_bij_doelzin_is_allowed(tmp_path: Path) -> None:
    extra = f"ook_bij: [DG-po-23B]\nslo_uitwerkingen: [{U3}]\n"
    assert found(write_project(tmp_path, {"DG-001": leerdoel("DG-001", extra)}), "LD314") == []


def test_an_unknown_uitwerking_is_reported_with_a_near_miss(tmp_path: Path) -> None:
    typo = U2[:-1] + "3"
    goals = {"DG-001": leerdoel("DG-001", f"slo_uitwerkingen: [{U1}, {typo}]\n")}
    [d] = found(write_project(tmp_path, goals), "LD315")
    assert (d.line, d.column) == (8, len("slo_uitwerkingen: [") + len(U1) + 3)
    assert d.message == (
        f"slo_uitwerkingen: '{typo}' is onbekend: geen doelzin in het kader heeft die "
        f"uitwerking; bedoelde je '{U2}'?"
    )


def test_an_unknown_uitwerking_far_from_any_gets_no_suggestion(tmp_path: Path) -> None:
    other = "abcdef01-2345-4678-9abc-def012345678"
    goals = {"DG-001": leerdoel("DG-001", f"slo_uitwerkingen: [{other}]\n")}
    [d] = found(write_project(tmp_path, goals), "LD315")
    assert d.message.endswith("heeft die uitwerking")


def test_an_uitwerking_named_twice_in_a_leerdoel_is_ld206(tmp_path: Path) -> None:
    goals = {"DG-001": leerdoel("DG-001", f"slo_uitwerkingen: [{U1}, {U1}]\n")}
    [d] = found(write_project(tmp_path, goals), "LD206")
    assert d.message == f"'slo_uitwerkingen' bevat '{U1}' meer dan eens"


def test_an_uitwerking_twice_in_one_doelzin_is_an_error(tmp_path: Path) -> None:
    kader = KADER.replace(f"- slo_id: {U5}", f"- slo_id: {U2}")
    [d] = found(write_project(tmp_path, kader=kader), "LD316")
    assert d.path == f"{GOALS}/kader.yaml"
    first = kader.splitlines().index(f"              - slo_id: {U2}") + 1
    assert d.line > first
    assert d.message == f"slo_id '{U2}' staat al bij doelzin DG-po-23A (regel {first})"


def test_an_uitwerking_under_two_doelzinnen_is_allowed_and_counts_for_both(
    tmp_path: Path,
) -> None:
    """SLO's release lists some uitwerkingen under two doelzinnen (of two niveaus): the
    frame keeps that, and a leerdoel of either doelzin may name it."""
    kader = KADER.replace(f"- slo_id: {U3}", f"- slo_id: {U1}")
    goals = {"DG-001": leerdoel("DG-001", f"slo_uitwerkingen: [{U1}]\n")}
    assert found(write_project(tmp_path, goals, kader=kader), "LD314", "LD316") == []


def test_an_uitwerking_of_neither_of_its_doelzinnen_names_both(tmp_path: Path) -> None:
    kader = KADER.replace(f"- slo_id: {U3}", f"- slo_id: {U1}")
    text = leerdoel("DG-001", f"slo_uitwerkingen: [{U1}]\n").replace(
        "doelzin: DG-po-23A", "doelzin: DG-po-22A"
    )
    [d] = found(write_project(tmp_path, {"DG-001": text}, kader=kader), "LD314")
    assert f"'{U1}' is een uitwerking van doelzin DG-po-23A of DG-po-23B, niet van DG-po-22A" in (
        d.message
    )


def test_leerdoelen_are_not_judged_when_a_kader_did_not_load(tmp_path: Path) -> None:
    """A broken frame is reported where it is broken, not again in every goal."""
    root = write_project(tmp_path, {"DG-001": leerdoel("DG-001", f"slo_uitwerkingen: [{U3}]\n")})
    (root / GOALS / "kader.yaml").write_text(KADER.replace("afkorting: DG", "afkorting: 1"))
    assert found(root, "LD314", "LD315") == []


def test_the_bundled_project_is_unaffected(tmp_path: Path) -> None:
    assert found(write_project(tmp_path, LEERDOELEN), "LD314", "LD315", "LD316") == []
