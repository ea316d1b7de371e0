"""A small project whose frame holds SLO's uitwerkingen, for the coverage tests.

One kader as an import leaves it (SLO's texts under ``slo``, the source in ``slo_bron``),
two po doelzinnen with uitwerkingen, and three leerdoelen:

- DG-po-23A: U1 (po, so; our label and SLO's text), U2 (po, so; SLO's text only), U5 (ob vo:
  not counted).
- DG-po-23B: U3 and U4 (po, our labels only).
- DG-po-22A: no uitwerkingen, so no po doelzin.
- DG-001 (1-2) covers U1; DG-002 (3-4, 5-6, ook_bij DG-po-23B) covers U1 and U3; DG-003 is
  vervallen and names U2, which therefore stays uncovered, as does U4: 2 of 4 covered.
"""

from __future__ import annotations

from pathlib import Path

U1 = "11111111-1111-4111-8111-111111111111"
U2 = "22222222-2222-4222-8222-222222222222"
U3 = "33333333-3333-4333-8333-333333333333"
U4 = "44444444-4444-4444-8444-444444444444"
U5 = "55555555-5555-4555-8555-555555555555"
DOMEIN = "digitale-geletterdheid"
GOALS = f"goals/{DOMEIN}"

KADER = f"""\
# yaml-language-server: $schema=../../schemas/kader.schema.json
domein: {DOMEIN}
afkorting: DG
titel: Digitale geletterdheid
omschrijving: Leerlingen leren digitale middelen begrijpen, gebruiken en maken.
slo_id: 3f31bbe2-e3ed-46e3-9f42-f83004b5cdc9
slo:
  title: Kerndoelen digitale geletterdheid
  status: definitief concept
  vakleergebied_id: [b285b813-e182-46bd-ba41-bccc737e1350]
slo_bron:
  bron: SLO curriculum-fo
  release: "2026.52"
subdomeinen:
  - code: DG-SD1
    titel: Praktische kennis
    omschrijving: Digitale middelen kennen en gebruiken.
    kerndoelen:
      - code: DG-po-22
        titel: Digitale middelen inzetten
        omschrijving: De leerling zet digitale middelen in.
        doelzinnen:
          - code: DG-po-22A
            titel: Systemen gebruiken
            omschrijving: Digitale systemen functioneel inzetten.
  - code: DG-SD2
    titel: Ontwerpen en maken
    omschrijving: Zelf iets digitaals bedenken, bouwen en verbeteren.
    kerndoelen:
      - code: DG-po-23
        titel: Digitaal ontwerpen en programmeren
        omschrijving: In eigen woorden ontwerpt en programmeert de leerling iets eenvoudigs.
        slo_id: 36170412-b370-497d-9c50-17ab4748971a
        slo:
          title: Kerndoel 23
          description: De leerling ontwerpt met digitale technologie oplossingen.
        doelzinnen:
          - code: DG-po-23A
            titel: Programmeren
            omschrijving: Stappen bedenken en een computer laten uitvoeren.
            slo_id: ce50e801-b592-4d0b-bbd3-d3bb8d6316c4
            slo:
              title: Doelzin 23A
              description: De leerling programmeert met een reeks instructies.
              soort: kerndoel
              status: definitief concept
            slo_uitwerkingen:
              - slo_id: {U1}
                niveaus: [po, so]
                label: Een reeks stappen bedenken
                slo:
                  title: Het gaat hierbij om
                  description: bedenken van een reeks instructies voor een digitaal systeem;
                  status: definitief concept
              - slo_id: {U2}
                niveaus: [po, so]
                slo:
                  title: Het gaat hierbij om
                  description: herkennen van herhaling en voorwaarden in een reeks instructies;
                  status: definitief concept
              - slo_id: {U5}
                niveaus: [ob vo]
                label: Een programmeertaal gebruiken
          - code: DG-po-23B
            titel: Ontwerpen
            omschrijving: Een digitaal product bedenken, maken en testen.
            slo_uitwerkingen:
              - slo_id: {U3}
                niveaus: [po]
                label: Een ontwerp testen
              - slo_id: {U4}
                niveaus: [po]
                label: Een ontwerp verbeteren
"""


def leerdoel(code: str, extra: str, groepen: str = "[1-2]", status: str = "vastgesteld") -> str:
    return f"""\
# yaml-language-server: $schema=../../schemas/leerdoel.schema.json
code: {code}
titel: Leerdoel {code}
omschrijving: De leerling doet iets bij {code}.
doelzin: DG-po-23A
groepen: {groepen}
status: {status}
{extra}"""


LEERDOELEN = {
    "DG-001": leerdoel("DG-001", f"slo_uitwerkingen: [{U1}]\n"),
    "DG-002": leerdoel(
        "DG-002", f"ook_bij: [DG-po-23B]\nslo_uitwerkingen: [{U1}, {U3}]\n", "[3-4, 5-6]"
    ),
    "DG-003": leerdoel(
        "DG-003",
        f"slo_uitwerkingen: [{U2}]\nvervangen_door: [DG-001]\n",
        status="vervallen",
    ),
}


def write_project(root: Path, leerdoelen: dict[str, str] | None = None, kader: str = KADER) -> Path:
    """The project above (or with other leerdoelen) in ``root``; returns ``root``."""
    folder = root / GOALS
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kader.yaml").write_text(kader, encoding="utf-8")
    for code, text in (LEERDOELEN if leerdoelen is None else leerdoelen).items():
        (folder / f"{code}.yaml").write_text(text, encoding="utf-8")
    return root
