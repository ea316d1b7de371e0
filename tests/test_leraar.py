"""Acceptatietests: een leraar vindt en gebruikt leerdoelen op de gepubliceerde site.

De scenario's staan in ``tests/features/leraar.feature``. Elk scenario bedient de site
zoals een leraar dat doet: in een echte browser (de fixture ``page`` uit ``conftest.py``),
op de site die één keer per testsessie gebouwd en op localhost geserveerd wordt.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from playwright.sync_api import Download, Locator, Page, expect
from pytest_bdd import given, parsers, scenarios, then, when
from search_ui import SearchUI

# Chromium on the session's site build, of each engine (site_url is parametrized by engine)
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.usefixtures("site_url")]

scenarios("leraar.feature")

CODE = re.compile(r"^[A-Z]{2}-\d{3}$")
TELEFOON = 390  # px: de breedte van een telefoonscherm


# --- hulpjes ----------------------------------------------------------------------------


def _inhoud(page: Page) -> Locator:
    """De tekst van de pagina zelf, zonder kop, menu, inhoudsopgave en zoekvenster."""
    return page.locator("article.md-content__inner")


def _kop(page: Page) -> Locator:
    return _inhoud(page).get_by_role("heading", level=1)


def _codes_in(tabellen: Locator) -> list[str]:
    """De leerdoelcodes in de eerste kolom van de gegeven tabellen, in volgorde."""
    codes = [
        tekst.strip() for tekst in tabellen.locator("tbody tr td:first-child").all_inner_texts()
    ]
    assert codes, "geen leerdoelen in de tabel"
    return codes


def _tabellen_onder(page: Page, kop: str) -> Locator:
    """De tabellen tussen de h2 ``kop`` en de volgende h2."""
    return _inhoud(page).locator(f"xpath=.//table[preceding::h2[1][normalize-space()='{kop}']]")


def _kenmerk(page: Page, naam: str) -> str:
    """De waarde in de tabel met kenmerken van een leerdoel (Domein, Groepen, Status, ...)."""
    rij = (
        _inhoud(page).get_by_role("row").filter(has=page.get_by_role("cell", name=naam, exact=True))
    )
    expect(rij).to_have_count(1)
    return rij.get_by_role("cell").nth(1).inner_text().strip()


def _groepen(page: Page) -> list[str]:
    return [groep.strip() for groep in _kenmerk(page, "Groepen").split(",")]


def _melding(page: Page, titel: str) -> Locator:
    return (
        _inhoud(page)
        .locator(".admonition")
        .filter(
            has=page.locator(".admonition-title", has_text=re.compile(rf"^{re.escape(titel)}$"))
        )
    )


def _klik(link: Locator) -> None:
    """Klik op iets wat de leraar ziet; faalt snel en duidelijk als het er niet is."""
    expect(link).to_be_visible()
    link.click()


def _onzichtbaar(locator: Locator) -> None:
    """Het element bestaat (een tikfout in de test faalt dus), maar is niet te zien."""
    expect(locator).to_have_count(1)
    expect(locator).to_be_hidden()


# --- Gegeven ----------------------------------------------------------------------------


@given("ik ben op de startpagina")
def startpagina(page: Page, site_url: str) -> None:
    page.goto(site_url + "/")
    expect(_kop(page)).to_have_text("Leerdoelen wetenschap & technologie en digitale geletterdheid")


@given(parsers.parse('ik open het adres "{adres}"'))
def open_adres(page: Page, site_url: str, adres: str) -> None:
    antwoord = page.goto(site_url + adres)
    assert antwoord is not None and antwoord.status == 200, f"{adres} geeft geen pagina"


# --- Als --------------------------------------------------------------------------------


@when(parsers.parse('ik in het menu op "{naam}" klik'))
def klik_in_menu(page: Page, naam: str) -> None:
    _klik(
        page.get_by_role("navigation", name="Navigatie").get_by_role("link", name=naam, exact=True)
    )


@when(parsers.parse('ik op de link "{naam}" klik'))
def klik_op_link(page: Page, naam: str) -> None:
    _klik(_inhoud(page).get_by_role("link", name=naam, exact=True))


@when(parsers.parse('ik op de knop "{knop}" klik'), target_fixture="download")
def klik_op_download(page: Page, knop: str) -> Download:
    with page.expect_download() as download:
        _klik(_inhoud(page).get_by_role("link", name=knop, exact=True))
    return download.value


@when(parsers.parse('ik in het zoekveld "{woord}" typ'))
def zoek(page: Page, engine: str, woord: str) -> None:
    zoekveld = SearchUI(engine).field(page)
    # Echte toetsaanslagen: het thema leest het zoekveld bij het loslaten van een toets.
    zoekveld.press_sequentially(woord)


@when(parsers.parse('ik op het zoekresultaat "{titel}" klik'))
def klik_op_zoekresultaat(page: Page, engine: str, titel: str) -> None:
    _klik(_zoekresultaat(page, engine, titel))


@when(parsers.parse('ik in de rij "{doelzin}" in de kolom "{kolom}" op "{code}" klik'))
def klik_in_leerlijn(page: Page, doelzin: str, kolom: str, code: str) -> None:
    tabel = _inhoud(page).get_by_role("table")
    expect(tabel).to_have_count(1)
    koppen = [kop.strip() for kop in tabel.get_by_role("columnheader").all_inner_texts()]
    assert kolom in koppen, f"geen kolom {kolom!r} in de leerlijn: {koppen}"
    rij = tabel.get_by_role("row").filter(has=page.get_by_role("cell", name=doelzin, exact=True))
    expect(rij).to_have_count(1)
    cel = rij.get_by_role("cell").nth(koppen.index(kolom))
    _klik(cel.get_by_role("link", name=code, exact=True))


@when(parsers.parse('ik onder "{kop}" op "{code}" klik'))
def klik_onder_kop(page: Page, kop: str, code: str) -> None:
    lijst = _inhoud(page).locator(f'h2:text-is("{kop}") + ul')
    expect(lijst).to_have_count(1)
    _klik(lijst.get_by_role("link", name=code, exact=True))


@when(parsers.parse('ik in de melding op "{code}" klik'))
def klik_in_melding(page: Page, code: str) -> None:
    _klik(_melding(page, "Vervallen").get_by_role("link", name=code, exact=True))


@when("ik de pagina afdruk")
def druk_af(page: Page) -> None:
    # Wat op papier komt: de pagina met de opmaak voor afdrukken.
    page.emulate_media(media="print")


@given(parsers.parse('ik open het adres "{adres}" op een telefoon'))
def open_op_telefoon(page: Page, site_url: str, adres: str) -> None:
    page.set_viewport_size({"width": TELEFOON, "height": 844})
    open_adres(page, site_url, adres)


# --- Dan --------------------------------------------------------------------------------


@then(parsers.parse('ben ik op de pagina "{adres}"'))
def op_pagina(page: Page, site_url: str, adres: str) -> None:
    expect(page).to_have_url(site_url + adres)


@then(parsers.parse('ben ik op de pagina van leerdoel "{code}"'))
def op_leerdoel(page: Page, site_url: str, code: str) -> None:
    # Een zoekresultaat voegt ?h=<woord> toe om het woord te markeren; het adres blijft.
    expect(page).to_have_url(re.compile(rf"^{re.escape(site_url)}/doelen/{code}/(\?[^#]*)?$"))
    expect(_kop(page)).to_have_text(re.compile(rf"^{code} \S"))
    expect(page).to_have_title(re.compile(rf"^{code} "))


@then(parsers.parse('is de kop "{tekst}"'))
def kop_is(page: Page, tekst: str) -> None:
    expect(_kop(page)).to_have_text(tekst)


@then(parsers.parse('begint de kop met "{tekst}"'))
def kop_begint_met(page: Page, tekst: str) -> None:
    expect(_kop(page)).to_have_text(re.compile(rf"^{re.escape(tekst)}\b"))


@then(parsers.parse('staan onder de kop "{kop}" leerdoelen met een code die begint met "{begin}"'))
def leerdoelen_onder_kop(page: Page, kop: str, begin: str) -> None:
    expect(_inhoud(page).get_by_role("heading", level=2, name=kop, exact=True)).to_be_visible()
    tabellen = _tabellen_onder(page, kop)
    expect(tabellen.first).to_be_visible()
    codes = _codes_in(tabellen)
    assert all(CODE.match(code) and code.startswith(begin) for code in codes), codes


@then(parsers.parse('hoort elk leerdoel in de lijst bij groep "{groep}"'))
def elk_leerdoel_in_groep(page: Page, groep: str) -> None:
    tabellen = _inhoud(page).get_by_role("table")
    koppen = [kop.strip() for kop in tabellen.first.get_by_role("columnheader").all_inner_texts()]
    assert koppen == ["Code", "Leerdoel", "Kerndoel", "Groepen"], koppen
    rijen = tabellen.locator("tbody tr")
    assert rijen.count() > 0
    for rij in rijen.all():
        code, _, _, groepen = (cel.strip() for cel in rij.locator("td").all_inner_texts())
        assert groep in [g.strip() for g in groepen.split(",")], f"{code}: groepen {groepen}"


@then(parsers.parse('staat het vervallen leerdoel "{code}" niet in de lijst'))
def vervallen_niet_in_lijst(page: Page, code: str) -> None:
    assert code not in _codes_in(_inhoud(page).get_by_role("table"))


@then(parsers.parse('krijg ik het bestand "{naam}"'))
def krijg_bestand(download: Download, naam: str) -> None:
    assert download.failure() is None, download.failure()
    assert download.suggested_filename == naam


@then("staan in het bestand precies de leerdoelen van de pagina")
def bestand_gelijk_aan_pagina(page: Page, download: Download) -> None:
    tekst = Path(download.path()).read_text(encoding="utf-8-sig")
    regels = list(csv.DictReader(tekst.splitlines(), delimiter=";"))
    assert regels, "het bestand is leeg"
    assert list(regels[0])[:2] == ["code", "titel"], list(regels[0])
    op_pagina = _codes_in(_inhoud(page).get_by_role("table"))
    assert [regel["code"] for regel in regels] == op_pagina


def _zoekresultaat(page: Page, engine: str, titel: str) -> Locator:
    zoeken = SearchUI(engine)
    niveau = 2 if zoeken.zensical else 1
    return zoeken.results(page).filter(
        has=page.get_by_role("heading", level=niveau, name=titel, exact=True)
    )


@then(parsers.parse('zie ik het zoekresultaat "{titel}"'))
def zie_zoekresultaat(page: Page, engine: str, titel: str) -> None:
    expect(_zoekresultaat(page, engine, titel)).to_be_visible()


@then(parsers.parse('staat het woord "{woord}" in de tekst van het leerdoel'))
def woord_in_tekst(page: Page, woord: str) -> None:
    # Niet alleen in de titel: ook in de uitwerkingen of voorbeelden voor de klas.
    expect(_inhoud(page)).to_contain_text(woord)
    lijsten = _inhoud(page).locator(
        "h2:text-is('Uitwerkingen') + ul, h2:text-is('Voorbeelden') + ul"
    )
    expect(lijsten.filter(has_text=woord).first).to_be_visible()


@then(parsers.parse('is het woord "{woord}" gemarkeerd'))
def woord_gemarkeerd(page: Page, woord: str) -> None:
    markering = _inhoud(page).locator("mark", has_text=re.compile(woord, re.IGNORECASE))
    expect(markering.first).to_be_visible()


def _geschiedenis(page: Page) -> Locator:
    """De uitklapbare geschiedenis van een leerdoel."""
    return _inhoud(page).locator("details", has=page.locator("summary", has_text="Geschiedenis"))


@then("is de geschiedenis dichtgeklapt, als laatste op de pagina")
def geschiedenis_dicht(page: Page) -> None:
    geschiedenis = _geschiedenis(page)
    expect(geschiedenis).to_have_count(1)
    expect(geschiedenis).not_to_have_attribute("open", re.compile(".*"))
    expect(geschiedenis.locator("table")).to_be_hidden()
    laatste = _inhoud(page).locator("xpath=./*[not(self::a)][last()]")
    expect(laatste).to_have_js_property("tagName", "DETAILS")


@when("ik de geschiedenis openklap")
def geschiedenis_open(page: Page) -> None:
    _geschiedenis(page).locator("summary").click()
    expect(_geschiedenis(page).locator("table")).to_be_visible()


@then(parsers.parse('staat in de geschiedenis de regel "{tekst}"'))
def regel_in_geschiedenis(page: Page, tekst: str) -> None:
    regels = _geschiedenis(page).locator("li")
    expect(regels.filter(has_text=re.compile(rf"^{re.escape(tekst)}$"))).to_have_count(1)


@then(parsers.parse('is de nieuwste wijziging "{bericht}" door "{auteur}" op "{datum}"'))
def nieuwste_wijziging(page: Page, bericht: str, auteur: str, datum: str) -> None:
    tabel = _geschiedenis(page).locator("table")
    expect(tabel).to_have_count(1)
    kolommen = [k.strip() for k in tabel.locator("thead th").all_inner_texts()]
    cellen = [c.strip() for c in tabel.locator("tbody tr").first.locator("td").all_inner_texts()]
    rij = dict(zip(kolommen, cellen, strict=True))
    assert (rij["Bericht"], rij["Door"], rij["Datum"]) == (bericht, auteur, datum), rij


@then(
    parsers.parse(
        'noemt de voettekst de versie "{versie}" van de inhoud, in woorden en zonder commit'
    )
)
def versie_in_voettekst(page: Page, versie: str) -> None:
    voettekst = page.get_by_role("contentinfo")
    expect(voettekst).to_contain_text(
        re.compile(rf"Inhoud: versie {re.escape(versie)} \(\d{{1,2}} [a-z]+ 20\d\d\)")
    )
    expect(voettekst).not_to_contain_text(re.compile(r"commit|[0-9a-f]{12}"))


@then(parsers.parse('staat bij "{kenmerk}" de groep "{groep}"'))
def kenmerk_groep(page: Page, kenmerk: str, groep: str) -> None:
    assert kenmerk == "Groepen"
    assert groep in _groepen(page), _groepen(page)


@then(parsers.parse('hoort dit leerdoel bij een eerdere groep dan "{groep}"'))
def eerdere_groep(page: Page, groep: str) -> None:
    groepen = _groepen(page)
    assert groepen and all(re.fullmatch(r"\d-\d", g) for g in groepen), groepen
    assert max(int(g.split("-")[0]) for g in groepen) < int(groep.split("-")[0]), groepen


@then(parsers.parse('staat bij "{kenmerk}" de waarde "{waarde}"'))
def kenmerk_waarde(page: Page, kenmerk: str, waarde: str) -> None:
    assert _kenmerk(page, kenmerk) == waarde


@then(parsers.parse('zie ik de melding "{titel}"'))
def zie_melding(page: Page, titel: str) -> None:
    melding = _melding(page, titel)
    expect(melding).to_have_count(1)
    expect(melding).to_be_visible()
    # De melding staat bovenaan: direct onder de kop, vóór de omschrijving.
    expect(_inhoud(page).locator("h1 + .admonition")).to_have_count(1)


@then(parsers.parse('zie ik geen melding "{titel}"'))
def geen_melding(page: Page, titel: str) -> None:
    expect(_melding(page, titel)).to_have_count(0)


@then(parsers.parse('staat in de melding "{tekst}"'))
def tekst_in_melding(page: Page, tekst: str) -> None:
    expect(_melding(page, "Vervallen")).to_contain_text(tekst)


@then(parsers.parse('noemt de melding de vervangers "{eerste}" en "{tweede}"'))
def vervangers(page: Page, eerste: str, tweede: str) -> None:
    links = _melding(page, "Vervallen").get_by_role("link")
    expect(links).to_have_text([eerste, tweede])


@then("zie ik het menu niet")
def menu_niet(page: Page) -> None:
    _onzichtbaar(page.get_by_role("navigation", name="Navigatie", include_hidden=True))
    _onzichtbaar(page.get_by_role("navigation", name="Inhoudsopgave", include_hidden=True).first)
    _onzichtbaar(page.get_by_role("banner", include_hidden=True))


@then("zie ik het zoekveld niet")
def zoekveld_niet(page: Page, engine: str) -> None:
    _onzichtbaar(SearchUI(engine).opener(page))


@then("zie ik de voettekst niet")
def voettekst_niet(page: Page) -> None:
    _onzichtbaar(page.get_by_role("contentinfo", include_hidden=True))


@then(parsers.parse('zie ik de knoppen "{eerste}" en "{tweede}" niet'))
def knoppen_niet(page: Page, eerste: str, tweede: str) -> None:
    for naam in (eerste, tweede):
        knop = (
            _inhoud(page).locator("a, button").filter(has_text=re.compile(rf"^{re.escape(naam)}$"))
        )
        _onzichtbaar(knop)


@then("zie ik de tabel met leerdoelen")
def tabel_zichtbaar(page: Page) -> None:
    tabellen = _inhoud(page).get_by_role("table")
    assert tabellen.count() >= 2, "de lijst hoort leerdoelen uit beide domeinen te hebben"
    for tabel in tabellen.all():
        expect(tabel).to_be_visible()
    codes = _codes_in(tabellen)
    assert any(c.startswith("DG-") for c in codes) and any(c.startswith("MN-") for c in codes)
    for code in codes:
        expect(_inhoud(page).get_by_role("link", name=code, exact=True)).to_be_visible()


@then("staat bij elk leerdoel een vakje om af te vinken")
def vakje_per_leerdoel(page: Page) -> None:
    rijen = _inhoud(page).locator("tbody tr")
    assert rijen.count() > 0
    for rij in rijen.all():
        vakje = rij.locator(".ld-vakje")
        expect(vakje).to_be_visible()
        maat = vakje.bounding_box()
        assert maat is not None and maat["width"] >= 10 and maat["height"] >= 10


@then("is er ruimte om de school en het schooljaar in te vullen")
def school_en_schooljaar(page: Page) -> None:
    regel = _inhoud(page).locator(".ld-jaarplan__invullen")
    expect(regel).to_be_visible()
    expect(regel).to_have_text(re.compile(r"^School:\s+Schooljaar:\s*$"))


@then(parsers.parse('noemt het papier de versie "{versie}" van de inhoud met haar datum'))
def versie_op_papier(page: Page, versie: str) -> None:
    tekst = _inhoud(page).locator(".ld-jaarplan__versie")
    expect(tekst).to_be_visible()
    datum = r"\d{1,2} [a-z]+ \d{4}"
    expect(tekst).to_have_text(re.compile(rf"versie {re.escape(versie)} \({datum}\)"))


@then("past de pagina in de breedte van het scherm")
def past_in_breedte(page: Page) -> None:
    breedte = page.evaluate("document.scrollingElement.scrollWidth")
    assert breedte <= TELEFOON, f"de pagina is {breedte} px breed op een telefoon"


@then(
    parsers.parse(
        'staan bij de doelzin "{doelzin}" de groepen "{a}", "{b}", "{c}" en "{d}" onder elkaar'
    )
)
def groepen_onder_elkaar(page: Page, doelzin: str, a: str, b: str, c: str, d: str) -> None:
    rij = _inhoud(page).locator("tbody tr").filter(has_text=doelzin).first
    banden = rij.locator(".ld-band")
    expect(banden).to_have_text([f"Groep {g}" for g in (a, b, c, d)])
    boven = [vak["y"] for band in banden.all() if (vak := band.bounding_box())]
    assert len(boven) == 4 and boven == sorted(set(boven)), boven


@then(parsers.parse('staat bij "{code}" ook de titel van het leerdoel'))
def titel_bij_code(page: Page, code: str) -> None:
    doel = (
        _inhoud(page)
        .locator(".ld-cel-doel")
        .filter(has=page.get_by_role("link", name=code, exact=True))
    )
    expect(doel.first).to_be_visible()
    expect(doel.first).to_have_text(re.compile(rf"^{code} \w+"))
