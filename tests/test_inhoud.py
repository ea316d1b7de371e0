"""The bundled content itself, as a curriculum developer would check it: every SLO po
uitwerking and every doelzin × groep cell has a goal, goals sit under the right doelzin, the
domain pages say which SLO version they follow, and the example adoption data fits."""

from __future__ import annotations

import functools
import re

import pytest
from conftest import ROOT

from leerdoelen.commands.check import check
from leerdoelen.core.corpus import Corpus
from leerdoelen.core.model import Leerdoel
from leerdoelen.slo.dekking import dekking

GROEPEN = ("1-2", "3-4", "5-6", "7-8")


@functools.cache
def corpus() -> Corpus:
    result = check(ROOT)
    assert result.ok, result.diagnostics
    return result.project.corpus


def huidige() -> list[Leerdoel]:
    return [d for d in corpus().leerdoelen.values() if d.status != "vervallen"]


def test_every_slo_po_uitwerking_has_a_goal() -> None:
    overzicht = dekking(corpus())
    assert [(z.plek.doelzin.code, u.uitwerking.label) for z, u in overzicht.gaten] == []


def test_every_doelzin_has_a_goal_in_every_groep() -> None:
    cellen = {(d.doelzin, g) for d in huidige() for g in d.groepen}
    leeg = [(code, g) for code in corpus().doelzinnen for g in GROEPEN if (code, g) not in cellen]
    assert leeg == []


def test_goals_sit_under_the_doelzin_they_work_out() -> None:
    doelen = corpus().leerdoelen
    assert doelen["MN-013"].doelzin == "MN-po-29A"  # beroepsbeelden vanuit eigen interesses
    assert doelen["MN-033"].status == "vervallen"  # indelen moved to another kerndoel
    [opvolger] = doelen["MN-033"].vervangen_door or []
    assert doelen[opvolger].doelzin == "MN-po-32C"
    omschrijving = corpus().doelzinnen["MN-po-31A"].doelzin.omschrijving
    assert "indeelt" not in omschrijving


def test_ontwerpen_and_the_human_body_run_through_all_groepen() -> None:
    ontwerpen = {
        g
        for d in huidige()
        if d.doelzin == "MN-po-29C" and "ontwerp" in (d.titel + d.omschrijving).lower()
        for g in d.groepen
    }
    lichaam = {
        g
        for d in huidige()
        if d.doelzin == "MN-po-31A" and any("lichaam" in t for t in d.trefwoorden)
        for g in d.groepen
    }
    assert sorted(ontwerpen) == sorted(lichaam) == list(GROEPEN)


@pytest.mark.parametrize(
    "fout",
    ["teken-app", "stop-motion", "video-platform", "video platform", "installeert een update"],
)
def test_no_goal_uses_a_spelling_or_a_task_we_dropped(fout: str) -> None:
    for d in huidige():
        tekst = " ".join([d.titel, d.omschrijving, *d.uitwerkingen, *d.voorbeelden]).lower()
        assert fout not in tekst, d.code


def test_no_example_opens_a_device_with_a_battery() -> None:
    for d in huidige():
        for voorbeeld in d.voorbeelden:
            assert not re.search(r"(telefoon|tablet|smartphone)\w* open", voorbeeld), d.code


def test_domain_pages_say_which_slo_version_and_what_vastgesteld_means() -> None:
    for kader in corpus().kaders.values():
        tekst = " ".join(kader.omschrijving.split())
        assert "'definitief concept'" in tekst
        assert "release" in tekst
        assert "'vastgesteld'" in tekst


def test_target_titles_agree_with_their_share() -> None:
    for netwerk in corpus().netwerken.values():
        for doel in netwerk.doelstellingen:
            if doel.aandeel < 100:
                assert "alle scholen" not in doel.titel, doel.titel
                assert "alle groepen" not in doel.titel, doel.titel
