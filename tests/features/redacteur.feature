# language: nl
Functionaliteit: Leerdoelen controleren
  Als redacteur bij SLO
  wil ik na elke wijziging in een leerdoel de controle draaien
  zodat ik fouten vind en begrijp voordat de leerdoelen gepubliceerd worden

  Scenario: Het voorbeeldproject is in orde
    Gegeven het voorbeeldproject
    Als ik de controle draai
    Dan meldt de controle niets
    En is de samenvatting "4 bestanden gecontroleerd: 0 fouten, 0 waarschuwingen"
    En is de afsluitcode 0

  Scenario: Een geldig leerdoel
    Gegeven het voorbeeldproject
    En het bestand "DG-004.yaml" met:
      """
      # yaml-language-server: $schema=../../schemas/leerdoel.schema.json
      code: DG-004
      titel: Een robotje een route laten herhalen
      omschrijving: De leerling gebruikt een herhaling om een route korter op te schrijven.
      doelzin: DG-po-23A
      groepen: [5-6]
      voorkennis: [DG-002]
      status: concept
      """
    Als ik de controle draai
    Dan meldt de controle niets
    En is de samenvatting "5 bestanden gecontroleerd: 0 fouten, 0 waarschuwingen"
    En is de afsluitcode 0

  Scenario: Een typfout in een sleutelnaam
    Gegeven het voorbeeldproject
    En het bestand "DG-002.yaml" met:
      """
      # yaml-language-server: $schema=../../schemas/leerdoel.schema.json
      code: DG-002
      titel: Een robotje besturen met instructies
      omschrijvng: De leerling geeft een reeks instructies om een vloerrobot een route te laten rijden.
      doelzin: DG-po-23A
      ook_bij: [DG-po-23B]
      groepen: [3-4]
      voorkennis: [DG-001]
      status: vastgesteld
      """
    Als ik de controle draai
    Dan meldt de controle "LD201" op regel 4 kolom 1 van "DG-002.yaml"
    En luidt die melding "onbekende sleutel 'omschrijvng'; bedoelde je 'omschrijving'?"
    En meldt de controle geen "LD202"
    En is de samenvatting "4 bestanden gecontroleerd: 1 fout, 0 waarschuwingen"
    En is de afsluitcode 1

  Scenario: Voorkennis in een kring
    Gegeven het voorbeeldproject
    En het bestand "DG-001.yaml" met:
      """
      # yaml-language-server: $schema=../../schemas/leerdoel.schema.json
      code: DG-001
      titel: Stappen in de goede volgorde zetten
      omschrijving: De leerling zet de stappen van een dagelijkse handeling in de goede volgorde.
      doelzin: DG-po-23A
      groepen: [3-4]
      voorkennis: [DG-002]
      status: vastgesteld
      """
    Als ik de controle draai
    Dan meldt de controle "LD304" op regel 7 kolom 14 van "DG-001.yaml"
    En luidt die melding "voorkennis vormt een kring: DG-001 → DG-002 → DG-001"
    En meldt de controle geen "LD305"
    En is de samenvatting "4 bestanden gecontroleerd: 1 fout, 0 waarschuwingen"
    En is de afsluitcode 1

  Scenario: Een doel vervalt zonder vervanger of reden
    Gegeven het voorbeeldproject
    En het bestand "DG-003.yaml" met:
      """
      # yaml-language-server: $schema=../../schemas/leerdoel.schema.json
      code: DG-003
      titel: Een route tekenen op papier
      omschrijving: Een route van het klaslokaal naar het speelplein tekenen.
      doelzin: DG-po-23A
      groepen: [1-2]
      status: vervallen
      """
    Als ik de controle draai
    Dan meldt de controle "LD306" op regel 7 kolom 9 van "DG-003.yaml"
    En luidt die melding "een vervallen doel heeft 'vervangen_door' of 'reden' nodig"
    En is de samenvatting "4 bestanden gecontroleerd: 1 fout, 0 waarschuwingen"
    En is de afsluitcode 1

  Abstract Scenario: Een doel vervalt met een vervanger of een reden
    Gegeven het voorbeeldproject
    En het bestand "DG-003.yaml" met:
      """
      # yaml-language-server: $schema=../../schemas/leerdoel.schema.json
      code: DG-003
      titel: Een route tekenen op papier
      omschrijving: Een route van het klaslokaal naar het speelplein tekenen.
      doelzin: DG-po-23A
      groepen: [1-2]
      status: vervallen
      <toelichting>
      """
    Als ik de controle draai
    Dan meldt de controle niets
    En is de samenvatting "4 bestanden gecontroleerd: 0 fouten, 0 waarschuwingen"
    En is de afsluitcode 0

    Voorbeelden:
      | toelichting                                                |
      | vervangen_door: [DG-002]                                   |
      | reden: Het tekenen van routes valt onder het nieuwe DG-002. |

  Abstract Scenario: Een dubbelzinnige waarde
    Gegeven het voorbeeldproject
    En het bestand "DG-002.yaml" met:
      """
      # yaml-language-server: $schema=../../schemas/leerdoel.schema.json
      code: DG-002
      titel: <waarde>
      omschrijving: De leerling geeft een reeks instructies om een vloerrobot een route te laten rijden.
      doelzin: DG-po-23A
      ook_bij: [DG-po-23B]
      groepen: [3-4]
      voorkennis: [DG-001]
      status: vastgesteld
      """
    Als ik de controle draai
    Dan meldt de controle "LD111" op regel 3 kolom 8 van "DG-002.yaml"
    En bevat die melding "'<waarde>' is dubbelzinnig: YAML leest dit als <gelezen>"
    En bevat die melding "zet het tussen aanhalingstekens als tekst bedoeld is"
    En is de samenvatting "4 bestanden gecontroleerd: 1 fout, 0 waarschuwingen"
    En is de afsluitcode 1

    Voorbeelden:
      | waarde | gelezen                  |
      | no     | de ja/nee-waarde false   |
      | yes    | de ja/nee-waarde true    |
      | 010    | het getal 8              |
      | 1:30   | het getal 90             |

  Scenario: Een verwijzing naar een doel dat niet bestaat
    Gegeven het voorbeeldproject
    En het bestand "DG-002.yaml" met:
      """
      # yaml-language-server: $schema=../../schemas/leerdoel.schema.json
      code: DG-002
      titel: Een robotje besturen met instructies
      omschrijving: De leerling geeft een reeks instructies om een vloerrobot een route te laten rijden.
      doelzin: DG-po-23A
      ook_bij: [DG-po-23B]
      groepen: [3-4]
      voorkennis: [DG-999]
      status: vastgesteld
      """
    Als ik de controle draai
    Dan meldt de controle "LD303" op regel 8 kolom 14 van "DG-002.yaml"
    En luidt die melding "voorkennis: leerdoel 'DG-999' bestaat niet"
    En is de samenvatting "4 bestanden gecontroleerd: 1 fout, 0 waarschuwingen"
    En is de afsluitcode 1

  Scenario: De uitvoer voor GitHub
    Gegeven het voorbeeldproject
    En het bestand "DG-002.yaml" met:
      """
      # yaml-language-server: $schema=../../schemas/leerdoel.schema.json
      code: DG-002
      titel: Een robotje besturen met instructies
      omschrijving: De leerling geeft een reeks instructies om een vloerrobot een route te laten rijden.
      doelzin: DG-po-23A
      ook_bij: [DG-po-23B]
      groepen: [3-4]
      voorkennis: [DG-999]
      status: vastgesteld
      """
    Als ik de controle draai met het formaat "github"
    Dan bevat de uitvoer de regel "::error file=goals/digitale-geletterdheid/DG-002.yaml,line=8,col=14,title=LD303 onbekende verwijzing::voorkennis: leerdoel 'DG-999' bestaat niet"
    En is de samenvatting "4 bestanden gecontroleerd: 1 fout, 0 waarschuwingen"
    En is de afsluitcode 1

  Scenario: Een nieuw leerdoel met leerdoelen new
    Gegeven het voorbeeldproject
    Als ik een nieuw leerdoel maak onder doelzin "DG-po-23A" voor groep "5-6"
    Dan toont de opdracht het pad "goals/digitale-geletterdheid/DG-004.yaml"
    En is de afsluitcode 0
    Als ik de controle draai
    Dan meldt de controle "LD319" op regel 3 kolom 8 van "DG-004.yaml"
    En luidt die melding "titel bevat nog de sjabloontekst 'INVULLEN …' van 'leerdoelen new'; vervang die door eigen tekst"
    En is de samenvatting "5 bestanden gecontroleerd: 0 fouten, 4 waarschuwingen"
    En is de afsluitcode 0

  Scenario: Een nieuw leerdoel onder een doelzin die niet bestaat
    Gegeven het voorbeeldproject
    Als ik een nieuw leerdoel maak onder doelzin "DG-po-23C" voor groep "5-6"
    Dan zegt de opdracht "leerdoelen: fout: onbekende doelzin 'DG-po-23C': die staat in geen kader.yaml; bedoelde je 'DG-po-23B'? (kerndoel DG-po-23 heeft DG-po-23A, DG-po-23B)"
    En is de afsluitcode 2

  Scenario: Een uitwerking die één spatie te ver inspringt, verdwijnt niet zonder een woord
    Gegeven het voorbeeldproject
    En het bestand "DG-002.yaml" met:
      """
      # yaml-language-server: $schema=../../schemas/leerdoel.schema.json
      code: DG-002
      titel: Een robotje besturen met instructies
      omschrijving: De leerling geeft een reeks instructies om een vloerrobot een route te laten rijden.
      doelzin: DG-po-23A
      groepen: [3-4]
      uitwerkingen:
        - Geeft de robot stap voor stap instructies.
         - Gebruikt een herhaallus voor een stuk route dat terugkomt.
      status: vastgesteld
      """
    Als ik de controle draai
    Dan meldt de controle "LD117" op regel 9 kolom 4 van "DG-002.yaml"
    En luidt die melding "deze regel begint met '- ', maar YAML leest hem als vervolg van de tekst erboven: '…t stap voor stap instructies. - Gebruikt een herhaallus voor een stuk route dat terugkomt.'"
    En is de samenvatting "4 bestanden gecontroleerd: 0 fouten, 1 waarschuwing"
    En is de afsluitcode 0
