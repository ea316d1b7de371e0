"""Coverage of SLO's po uitwerkingen: the data, ``leerdoelen coverage`` in every format with
its exit codes, the ``/dekking/`` pages, and SLO's words beside ours on a kerndoel page."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from dekking_project import GOALS, KADER, LEERDOELEN, U1, U2, U3, U4, U5, leerdoel, write_project

from leerdoelen.cli import main
from leerdoelen.commands.check import check
from leerdoelen.core.corpus import Corpus
from leerdoelen.render.pages import render_pages
from leerdoelen.slo.dekking import dekking
from leerdoelen.versions.log import History


def corpus_of(root: Path) -> Corpus:
    result = check(root)
    assert result.ok, result.diagnostics
    return result.project.corpus


def pages_of(root: Path) -> dict[str, str | bytes]:
    return render_pages(corpus_of(root), History("outside git"))


# --- the data ------------------------------------------------------------------------------
def test_coverage_lists_po_uitwerkingen_with_their_leerdoelen_per_groep(tmp_path: Path) -> None:
    overzicht = dekking(corpus_of(write_project(tmp_path)))
    [domein] = overzicht.domeinen
    assert [z.plek.doelzin.code for z in domein.doelzinnen] == ["DG-po-23A", "DG-po-23B"]
    rows = {
        u.uitwerking.slo_id: [[d.code for d in band] for band in u.per_groep]
        for z in domein.doelzinnen
        for u in z.uitwerkingen
    }
    assert rows == {
        U1: [["DG-001"], ["DG-002"], ["DG-002"], []],
        U2: [[], [], [], []],  # only the vervallen DG-003 names it
        U3: [[], ["DG-002"], ["DG-002"], []],  # through DG-002's ook_bij
        U4: [[], [], [], []],
    }
    assert U5 not in rows  # ob vo only
    assert (overzicht.gedekt, overzicht.totaal) == (2, 4)
    assert [(z.plek.doelzin.code, u.uitwerking.slo_id) for z, u in overzicht.gaten] == [
        ("DG-po-23A", U2),
        ("DG-po-23B", U4),
    ]


def test_a_frame_without_uitwerkingen_has_nothing_to_cover(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "tests" / "golden" / "geldig", tmp_path, dirs_exist_ok=True)
    overzicht = dekking(corpus_of(tmp_path))
    assert [d.doelzinnen for d in overzicht.domeinen] == [()]
    assert (overzicht.gedekt, overzicht.totaal, overzicht.gaten) == (0, 0, [])


# --- the command ---------------------------------------------------------------------------
SLO_U2 = "“herkennen van herhaling en voorwaarden in een reeks instructies;” (tekst van SLO)"
TEXT = f"""\
Digitale geletterdheid (digitale-geletterdheid)
  DG-po-23A Programmeren
    - Een reeks stappen bedenken [{U1}]
      1-2: DG-001   3-4: DG-002   5-6: DG-002   7-8: —
    - {SLO_U2} [{U2}]
      nog geen leerdoel
  DG-po-23B Ontwerpen
    - Een ontwerp testen [{U3}]
      1-2: —   3-4: DG-002   5-6: DG-002   7-8: —
    - Een ontwerp verbeteren [{U4}]
      nog geen leerdoel
  2 van 4 uitwerkingen gedekt

Nog zonder leerdoel:
  DG-po-23A {SLO_U2} [{U2}]
  DG-po-23B Een ontwerp verbeteren [{U4}]

2 van 4 uitwerkingen gedekt
"""


def test_coverage_as_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-C", str(write_project(tmp_path)), "coverage"]) == 0
    assert capsys.readouterr().out == TEXT


def test_fail_on_gaps_exits_1_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-C", str(write_project(tmp_path)), "coverage", "--fail-on-gaps"]) == 1
    out, err = capsys.readouterr()
    assert out == TEXT
    assert err == "leerdoelen: 2 uitwerkingen hebben nog geen leerdoel\n"


def test_fail_on_gaps_exits_0_when_everything_is_covered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    goals = {
        **LEERDOELEN,
        "DG-004": leerdoel("DG-004", f"ook_bij: [DG-po-23B]\nslo_uitwerkingen: [{U2}, {U4}]\n"),
    }
    root = write_project(tmp_path, goals)
    assert main(["-C", str(root), "coverage", "--fail-on-gaps"]) == 0
    out, err = capsys.readouterr()
    assert out.endswith("\n4 van 4 uitwerkingen gedekt\n") and "Nog zonder" not in out
    assert err == ""


def test_coverage_as_json_is_a_stable_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_project(tmp_path)
    assert main(["-C", str(root), "coverage", "--format", "json"]) == 0
    first = capsys.readouterr().out
    assert main(["-C", str(root), "coverage", "--format", "json"]) == 0
    assert capsys.readouterr().out == first
    document = json.loads(first)
    assert list(document) == ["versie", "groepen", "gedekt", "totaal", "domeinen", "niet_gedekt"]
    assert (document["versie"], document["gedekt"], document["totaal"]) == (1, 2, 4)
    [domein] = document["domeinen"]
    zin = domein["doelzinnen"][0]
    assert (zin["doelzin"], zin["kerndoel"], zin["gedekt"], zin["totaal"]) == (
        "DG-po-23A",
        "DG-po-23",
        1,
        2,
    )
    assert zin["uitwerkingen"][0] == {
        "slo_id": U1,
        "niveaus": ["po", "so"],
        "omschrijving": "Een reeks stappen bedenken",
        "tekst_van": "eigen woorden",
        "gedekt": True,
        "leerdoelen": {"1-2": ["DG-001"], "3-4": ["DG-002"], "5-6": ["DG-002"], "7-8": []},
    }
    assert zin["uitwerkingen"][1]["tekst_van"] == "SLO"
    assert document["niet_gedekt"] == [
        {"doelzin": "DG-po-23A", "slo_id": U2},
        {"doelzin": "DG-po-23B", "slo_id": U4},
    ]


def test_coverage_as_csv_for_dutch_excel(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["-C", str(write_project(tmp_path)), "coverage", "--format", "csv"]) == 0
    data = capsysbinary.readouterr().out
    assert data.startswith(b"\xef\xbb\xbfdomein;kerndoel;doelzin;slo_id;")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "domein",
        "kerndoel",
        "doelzin",
        "slo_id",
        "niveaus",
        "uitwerking",
        "tekst van",
        "groep 1-2",
        "groep 3-4",
        "groep 5-6",
        "groep 7-8",
        "gedekt",
    ]
    assert rows[1] == [
        "digitale-geletterdheid",
        "DG-po-23",
        "DG-po-23A",
        U1,
        "po, so",
        "Een reeks stappen bedenken",
        "eigen woorden",
        "DG-001",
        "DG-002",
        "DG-002",
        "",
        "ja",
    ]
    assert [row[-1] for row in rows[1:]] == ["ja", "nee", "ja", "nee"]
    assert data.count(b"\r\n") == 5


def test_a_formula_in_a_label_stays_text_in_the_csv(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    kader = KADER.replace("label: Een ontwerp testen", 'label: "=HYPERLINK(1)"')
    root = write_project(tmp_path, kader=kader)
    assert main(["-C", str(root), "coverage", "--format", "csv"]) == 0
    assert b";'=HYPERLINK(1);" in capsysbinary.readouterr().out


def test_content_cannot_forge_terminal_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kader = KADER.replace("label: Een ontwerp testen", 'label: "rood\\x1b[31m\\nnep"')
    assert main(["-C", str(write_project(tmp_path, kader=kader)), "coverage"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "rood\\x1b[31m\\nnep" in out


def test_coverage_refuses_content_with_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    goals = {"DG-001": leerdoel("DG-001", f"slo_uitwerkingen: [{U3}]\n")}
    assert main(["-C", str(write_project(tmp_path, goals)), "coverage"]) == 1
    out, err = capsys.readouterr()
    assert f"{GOALS}/DG-001.yaml:8:20: LD314" in out
    assert "geen dekking berekend: los eerst de fouten op" in err


def test_coverage_help_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["coverage", "--help"])
    out = capsys.readouterr().out
    assert "--fail-on-gaps" in out and "nog geen leerdoel" in out


# --- the pages -----------------------------------------------------------------------------
def test_a_dekking_page_per_domein_with_links_gaps_in_words_and_counts(tmp_path: Path) -> None:
    pages = pages_of(write_project(tmp_path))
    page = str(pages["dekking/digitale-geletterdheid/index.md"])
    assert "**2 van 4 uitwerkingen gedekt.**" in page
    assert "Nog zonder leerdoel: 2, bij de doelzinnen" in page
    assert "## DG-po-23A Programmeren { #dg-po-23a }" in page
    assert "| Uitwerking | 1-2 | 3-4 | 5-6 | 7-8 |" in page
    assert '[DG-001](../../doelen/DG-001/index.md "Leerdoel DG-001")' in page
    assert page.count("**Nog geen leerdoel**") == 2
    assert "(tekst van SLO)" in page  # U2 has no label: SLO's words, marked as SLO's
    assert "DG-003" not in page  # vervallen
    assert "Een programmeertaal gebruiken" not in page  # vo
    overview = str(pages["dekking/index.md"])
    assert "[Digitale geletterdheid](../dekking/digitale-geletterdheid/index.md)" in overview
    assert "| 2 van 4 | 2 |" in overview


def test_the_dekking_page_escapes_content(tmp_path: Path) -> None:
    kader = KADER.replace(
        "label: Een ontwerp testen", "label: \"<script>alert('x')</script> | kolom\""
    )
    page = str(
        pages_of(write_project(tmp_path, kader=kader))["dekking/digitale-geletterdheid/index.md"]
    )
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "| kolom" not in page  # a | in content cannot add a table column


KERNDOEL = "kerndoelen/DG-po-23/index.md"


def test_kerndoel_page_shows_slos_words_beside_ours(tmp_path: Path) -> None:
    page = str(pages_of(write_project(tmp_path))[KERNDOEL])
    assert "tekst: SLO" not in page
    ours = page.index("**In onze woorden**")
    assert page.index("In eigen woorden ontwerpt", ours) < page.index("**Tekst van SLO**")
    assert "**Tekst van SLO** <small>(SLO curriculum-fo, release 2026.52)</small>" in page
    assert "<p><strong>Kerndoel 23</strong></p>" in page
    assert "De leerling ontwerpt met digitale technologie oplossingen." in page
    assert "De leerling programmeert met een reeks instructies." in page  # doelzin 23A
    section = page[page.index("## DG-po-23A") : page.index("## DG-po-23B")]
    assert section.index("*Niveau po, so*") < section.index("*Niveau ob vo*")
    assert "bedenken van een reeks instructies voor een digitaal systeem;" in section
    assert "In onze woorden: Een reeks stappen bedenken." in section
    assert "Een programmeertaal gebruiken <small>(in onze woorden)</small>" in section


def test_kerndoel_page_with_labels_only_marks_them_as_our_summary(tmp_path: Path) -> None:
    page = str(pages_of(write_project(tmp_path))[KERNDOEL])
    section = page[page.index("## DG-po-23B") :]
    assert "**Uitwerkingen van SLO, samengevat in onze woorden**" in section
    assert "- Een ontwerp testen <small>SLO-id &#51;3333333-" in section
    assert "Tekst van SLO" not in section and "**In onze woorden**" not in section


def test_a_frame_without_slo_texts_shows_no_slo_labels(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "tests" / "golden" / "geldig", tmp_path, dirs_exist_ok=True)
    for page, text in pages_of(tmp_path).items():
        if page.startswith(("kerndoelen/", "domeinen/")):
            assert "Tekst van SLO" not in str(text) and "In onze woorden" not in str(text)
            assert "tekst: SLO" not in str(text)


def test_slo_texts_are_escaped_on_the_kerndoel_page(tmp_path: Path) -> None:
    kader = KADER.replace(
        "description: De leerling ontwerpt met",
        "description: <img src=x onerror=alert(1)> ontwerpt met",
    ).replace('release: "2026.52"', 'release: "<b>x</b>"')
    kader = kader.replace(
        "description: herkennen van herhaling", "description: <script>alert(2)</script> herhaling"
    ).replace("niveaus: [ob vo]", "niveaus: ['<i onclick=x>vo</i>']")
    page = str(pages_of(write_project(tmp_path, kader=kader))[KERNDOEL])
    assert "<img" not in page and "&lt;img" in page
    assert "<b>x</b>" not in page
    assert "<script" not in page and "<i onclick" not in page


@pytest.mark.slow
def test_a_real_build_publishes_the_dekking_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "inhoud"
    for name in ("site", "schemas"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    write_project(root)
    assert main(["-C", str(root), "build"]) == 0, capsys.readouterr()
    html = (root / "public" / "dekking" / "digitale-geletterdheid" / "index.html").read_text()
    assert "2 van 4 uitwerkingen gedekt" in html
    assert html.count("<strong>Nog geen leerdoel</strong>") == 2
    assert 'href="../../doelen/DG-001/"' in html
    assert "<table>" in html
    kerndoel = (root / "public" / "kerndoelen" / "DG-po-23" / "index.html").read_text()
    assert '<blockquote class="ld-slo">' in kerndoel and "Tekst van SLO" in kerndoel
    assert "tekst: SLO" not in kerndoel
    overview = (root / "public" / "dekking" / "index.html").read_text()
    assert 'href="digitale-geletterdheid/"' in overview


def test_the_bundled_site_has_a_dekking_page_per_domein(site: Path) -> None:
    domeinen = sorted(p.parent.name for p in (ROOT / "goals").glob("*/kader.yaml"))
    assert domeinen
    for domein in domeinen:
        html = (site / "dekking" / domein / "index.html").read_text(encoding="utf-8")
        assert "uitwerking" in html
    overview = (site / "dekking" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{domein}/"' in overview for domein in domeinen)
