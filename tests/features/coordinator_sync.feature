# language: nl
Functionaliteit: Scholen aanmelden en hun checklists bijhouden
  Als netwerkcoördinator
  wil ik scholen aanmelden en hun checklists bijwerken als de leerdoelen veranderen
  zodat elke school een actuele checklist heeft en er geen stand van zaken verloren gaat

  Scenario: Een nieuwe school meldt zich aan
    Gegeven het voorbeeldproject met het netwerk "techniek-noord"
    Als ik "leerdoelen school add 12AC --naam 'CBS Het Kompas' --plaats Zwolle --netwerk techniek-noord" draai
    Dan is de afsluitcode 0
    En is de uitvoer:
      """
      school toegevoegd: adoptie/scholen/12AC.yaml (CBS Het Kompas, Zwolle) met 2 leerdoelen op 'niet gestart'
      """
    En staat in "adoptie/scholen/12AC.yaml":
      """
      # yaml-language-server: $schema=../../schemas/school.schema.json
      brin: 12AC
      naam: CBS Het Kompas
      plaats: Zwolle
      soort: bao
      netwerken: [techniek-noord]
      doelen:
        - code: DG-001
          status: niet gestart
        - code: DG-002
          status: niet gestart
      """
    En keurt de controle het project goed

  Scenario: Een school die al bestaat, wordt niet overschreven
    Gegeven het voorbeeldproject met het netwerk "techniek-noord"
    En de school "12AB" met:
      """
      # yaml-language-server: $schema=../../schemas/school.schema.json
      brin: 12AB
      naam: OBS De Regenboog
      plaats: Groningen
      soort: bao
      netwerken: [techniek-noord]
      doelen:
        - code: DG-001
          status: ingevoerd
      """
    Als ik "leerdoelen school add 12AB --naam 'Een andere school' --plaats Assen --netwerk techniek-noord" draai
    Dan is de afsluitcode 2
    En meldt de fout "adoptie/scholen/12AB.yaml bestaat al"
    En meldt de fout "werk je bij door dat bestand te bewerken"
    En is "adoptie/scholen/12AB.yaml" ongewijzigd

  Scenario: Een school zonder netwerk wordt niet aangemeld, want ze zou nooit op de site komen
    Gegeven het voorbeeldproject met het netwerk "techniek-noord"
    Als ik "leerdoelen school add 12AC --naam 'CBS Het Kompas' --plaats Zwolle" draai
    Dan is de afsluitcode 2
    En meldt de fout "een school zonder netwerk komt nooit op de site"
    En meldt de fout "de netwerken staan in adoptie/netwerken/"

  Scenario: Een doel wordt gesplitst in twee, en sync bewaart het oude record en voegt de nieuwe toe
    Gegeven het voorbeeldproject met het netwerk "techniek-noord"
    En de school "12AB" met:
      """
      # yaml-language-server: $schema=../../schemas/school.schema.json
      brin: 12AB
      naam: OBS De Regenboog
      plaats: Groningen
      soort: bao
      netwerken: [techniek-noord]
      doelen:
        # Onderbouw: af
        - code: DG-001
          status: ingevoerd
          groepen: [1-2]
          datum: 2026-03-01

        # Middenbouw: de robotles loopt
        - code: DG-002
          status: bezig   # sinds januari
          groepen: [3-4]
          datum: 2026-01-15
        - code: DG-003
          status: ingevoerd
          gearchiveerd: true
      """
    En het leerdoel "DG-002" met:
      """
      # yaml-language-server: $schema=../../schemas/leerdoel.schema.json
      code: DG-002
      titel: Een robotje besturen met instructies
      omschrijving: Gesplitst in rijden en draaien.
      doelzin: DG-po-23A
      groepen: [3-4]
      status: vervallen
      vervangen_door: [DG-004, DG-005]
      """
    En het leerdoel "DG-004" met:
      """
      # yaml-language-server: $schema=../../schemas/leerdoel.schema.json
      code: DG-004
      titel: Een robotje vooruit en achteruit laten rijden
      omschrijving: De leerling laat een vloerrobot met instructies een rechte route rijden.
      doelzin: DG-po-23A
      groepen: [3-4]
      voorkennis: [DG-001]
      status: vastgesteld
      """
    En het leerdoel "DG-005" met:
      """
      # yaml-language-server: $schema=../../schemas/leerdoel.schema.json
      code: DG-005
      titel: Een robotje laten draaien
      omschrijving: De leerling laat een vloerrobot met instructies een bocht maken.
      doelzin: DG-po-23A
      groepen: [3-4]
      voorkennis: [DG-004]
      status: vastgesteld
      """
    Als ik "leerdoelen school sync" draai
    Dan is de afsluitcode 0
    En is de uitvoer:
      """
      adoptie/scholen/12AB.yaml (OBS De Regenboog): 2 doelen toegevoegd, 1 record gearchiveerd
        DG-002 gearchiveerd (vervallen, vervangen door DG-004, DG-005)
        DG-004 toegevoegd (niet gestart), vervangt (deels) DG-002
        DG-005 toegevoegd (niet gestart), vervangt (deels) DG-002
      1 school bijgewerkt, 0 ongewijzigd
      """
    En staat in "adoptie/scholen/12AB.yaml":
      """
      # yaml-language-server: $schema=../../schemas/school.schema.json
      brin: 12AB
      naam: OBS De Regenboog
      plaats: Groningen
      soort: bao
      netwerken: [techniek-noord]
      doelen:
        # Onderbouw: af
        - code: DG-001
          status: ingevoerd
          groepen: [1-2]
          datum: 2026-03-01

        # Middenbouw: de robotles loopt
        - code: DG-002
          status: bezig   # sinds januari
          groepen: [3-4]
          datum: 2026-01-15
          gearchiveerd: true
        - code: DG-003
          status: ingevoerd
          gearchiveerd: true
        - code: DG-004
          status: niet gestart
          toelichting: 'Vervangt deels DG-002; zie dat record (status: bezig).'
        - code: DG-005
          status: niet gestart
          toelichting: 'Vervangt deels DG-002; zie dat record (status: bezig).'
      """
    En keurt de controle het project goed
    En verandert een tweede sync niets

  Scenario: Een doel krijgt één opvolger, en die neemt de stand van zaken over
    Gegeven het voorbeeldproject met het netwerk "techniek-noord"
    En de school "12AB" met:
      """
      # yaml-language-server: $schema=../../schemas/school.schema.json
      brin: 12AB
      naam: OBS De Regenboog
      plaats: Groningen
      soort: bao
      netwerken: [techniek-noord]
      doelen:
        - code: DG-001
          status: ingevoerd
        - code: DG-002
          status: bezig
          groepen: [3-4]
          datum: 2026-01-15
          bewijs: https://example.org/lesplan-robot
      """
    En het leerdoel "DG-002" met:
      """
      # yaml-language-server: $schema=../../schemas/leerdoel.schema.json
      code: DG-002
      titel: Een robotje besturen met instructies
      omschrijving: Opnieuw geformuleerd als DG-004.
      doelzin: DG-po-23A
      groepen: [3-4]
      status: vervallen
      vervangen_door: [DG-004]
      """
    En het leerdoel "DG-004" met:
      """
      # yaml-language-server: $schema=../../schemas/leerdoel.schema.json
      code: DG-004
      titel: Een vloerrobot programmeren
      omschrijving: De leerling geeft een reeks instructies om een vloerrobot een route te laten rijden.
      doelzin: DG-po-23A
      groepen: [3-4]
      voorkennis: [DG-001]
      status: vastgesteld
      """
    Als ik "leerdoelen school sync 12AB" draai
    Dan is de afsluitcode 0
    En meldt de uitvoer "  DG-004 toegevoegd met status 'bezig', overgenomen van DG-002"
    En staat in "adoptie/scholen/12AB.yaml":
      """
      # yaml-language-server: $schema=../../schemas/school.schema.json
      brin: 12AB
      naam: OBS De Regenboog
      plaats: Groningen
      soort: bao
      netwerken: [techniek-noord]
      doelen:
        - code: DG-001
          status: ingevoerd
        - code: DG-002
          status: bezig
          groepen: [3-4]
          datum: 2026-01-15
          bewijs: https://example.org/lesplan-robot
          gearchiveerd: true
        - code: DG-004
          status: bezig
          groepen: [3-4]
          datum: 2026-01-15
          toelichting: Overgenomen van DG-002 (vervallen, vervangen door DG-004).
      """
    En keurt de controle het project goed
    En verandert een tweede sync niets

  Scenario: Sync weigert zolang er andere fouten zijn
    Gegeven het voorbeeldproject met het netwerk "techniek-noord"
    En de school "12AB" met:
      """
      # yaml-language-server: $schema=../../schemas/school.schema.json
      brin: 12AB
      naam: OBS De Regenboog
      plaats: Groningen
      soort: bao
      netwerken: [techniek-nord]
      doelen:
        - code: DG-001
          status: ingevoerd
      """
    Als ik "leerdoelen school sync" draai
    Dan is de afsluitcode 1
    En meldt de uitvoer "adoptie/scholen/12AB.yaml:6:13: LD404: school 12AB: netwerk 'techniek-nord' bestaat niet in adoptie/netwerken/; bedoelde je 'techniek-noord'?"
    En meldt de fout "niets bijgewerkt: los eerst de fouten op"
    En is "adoptie/scholen/12AB.yaml" ongewijzigd

  Scenario: Sync van één netwerk zet een nieuw doel op zijn plaats en laat andere netwerken met rust
    Gegeven het voorbeeldproject met het netwerk "techniek-noord"
    En het netwerk "bestuur-zuid" met:
      """
      # yaml-language-server: $schema=../../schemas/netwerk.schema.json
      naam: Bestuur Zuid
      soort: schoolbestuur
      contact: info@bestuur-zuid.example
      publiceren: true
      """
    En de school "12AB" met:
      """
      # yaml-language-server: $schema=../../schemas/school.schema.json
      brin: 12AB
      naam: OBS De Regenboog
      plaats: Groningen
      soort: bao
      netwerken: [techniek-noord]
      doelen:
        - code: DG-001
          status: ingevoerd
        - code: DG-005
          status: bezig   # de robotles
      """
    En de school "12AC" met:
      """
      # yaml-language-server: $schema=../../schemas/school.schema.json
      brin: 12AC
      naam: CBS Het Kompas
      plaats: Eindhoven
      soort: bao
      netwerken: [bestuur-zuid]
      doelen:
        - code: DG-001
          status: verkend
        - code: DG-005
          status: verkend
      """
    En het leerdoel "DG-005" met:
      """
      # yaml-language-server: $schema=../../schemas/leerdoel.schema.json
      code: DG-005
      titel: Een robotje laten draaien
      omschrijving: De leerling laat een vloerrobot met instructies een bocht maken.
      doelzin: DG-po-23A
      groepen: [3-4]
      status: vastgesteld
      """
    Als ik "leerdoelen school sync --netwerk techniek-noord" draai
    Dan is de afsluitcode 0
    En is de uitvoer:
      """
      adoptie/scholen/12AB.yaml (OBS De Regenboog): 1 doel toegevoegd
        DG-002 toegevoegd (niet gestart)
      1 school bijgewerkt, 0 ongewijzigd
      """
    En staat in "adoptie/scholen/12AB.yaml":
      """
      # yaml-language-server: $schema=../../schemas/school.schema.json
      brin: 12AB
      naam: OBS De Regenboog
      plaats: Groningen
      soort: bao
      netwerken: [techniek-noord]
      doelen:
        - code: DG-001
          status: ingevoerd
        - code: DG-002
          status: niet gestart
        - code: DG-005
          status: bezig   # de robotles
      """
    En is "adoptie/scholen/12AC.yaml" ongewijzigd
    En keurt de controle het project goed
