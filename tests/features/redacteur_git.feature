# language: nl
Functionaliteit: Wijzigingen in een pull request beoordelen
  Als redacteur bij SLO
  wil ik zien wat mijn wijziging aan de leerdoelen doet, en gewaarschuwd worden als ik een code breek
  zodat scholen die een doel volgen er altijd op kunnen blijven vertrouwen

  Achtergrond:
    Gegeven de voorbeeldleerdoelen in een git-repository

  Scenario: Ik laat een doel vervallen met een vervanger
    Als ik in "DG-003.yaml" "status: vastgesteld" vervang door:
      """
      status: vervallen
      vervangen_door: [DG-005]
      """
    En ik de wijzigingen vergelijk met "HEAD"
    Dan is de afsluitcode 0
    En noemt de samenvatting geen fouten
    En staat in de samenvatting onder "Vervallen" de regel "- **DG-003** Invoer, verwerking en uitvoer bij apparaten herkennen: vervangen door DG-005"

  Scenario: Ik verwijder een doel zonder het te laten vervallen
    Als ik "DG-003.yaml" verwijder
    En ik de wijzigingen vergelijk met "HEAD"
    Dan is de afsluitcode 1
    En noemt de samenvatting de fout "LD501" "leerdoel verwijderd"
    En staat in de samenvatting onder "Verwijderd" de regel "- **DG-003** Invoer, verwerking en uitvoer bij apparaten herkennen (`goals/digitale-geletterdheid/DG-003.yaml`)"

  Scenario: Ik haal een vervallen doel terug
    Als ik in "DG-042.yaml" "status: vervallen" vervang door:
      """
      status: concept
      """
    En ik in "DG-042.yaml" "vervangen_door: [DG-005, DG-006]" vervang door:
      """
      """
    En ik de wijzigingen vergelijk met "HEAD"
    Dan is de afsluitcode 1
    En noemt de samenvatting de fout "LD502" "vervallen code weer actief"

  Scenario: Ik hang een doel onder een doelzin van een ander kerndoel
    Als ik in "DG-010.yaml" "doelzin: DG-po-22B" vervang door:
      """
      doelzin: DG-po-24A
      """
    En ik de wijzigingen vergelijk met "HEAD"
    Dan is de afsluitcode 1
    En noemt de samenvatting de fout "LD503" "doelzin naar ander kerndoel"

  Scenario: Ik pas de groepen van een vastgesteld doel aan
    Als ik in "DG-010.yaml" "groepen: [5-6, 7-8]" vervang door:
      """
      groepen: [7-8]
      """
    En ik de wijzigingen vergelijk met "HEAD"
    Dan is de afsluitcode 0
    En noemt de samenvatting geen fouten
    En staat in de samenvatting onder "⚠️ Let op" de regel "- **DG-010** Bronnen beoordelen op betrouwbaarheid en bruikbaarheid: vastgesteld, en groepen gewijzigd; scholen werken al met dit doel"

  Scenario: Ik herformuleer een uitwerking en zie alleen de veranderde woorden
    Als ik in "DG-010.yaml" "minstens één andere bron." vervang door:
      """
      minstens twee andere bronnen.
      """
    En ik de wijzigingen vergelijk met "HEAD"
    Dan is de afsluitcode 0
    En staat in de samenvatting onder "Gewijzigd" de regel "        - gewijzigd: Controleert informatie in minstens ~~één~~ **twee** andere ~~bron.~~ **bronnen.**"

  Scenario: Ik voeg een doel toe en leg het vast
    Als ik het bestand "DG-046.yaml" toevoeg met:
      """
      # yaml-language-server: $schema=../../schemas/leerdoel.schema.json
      code: DG-046
      titel: Een eigen app bedenken
      omschrijving: De leerling bedenkt een eenvoudige app voor een probleem in de klas.
      doelzin: DG-po-23B
      groepen: [7-8]
      status: concept
      """
    En ik de wijziging vastleg
    En ik de wijzigingen vergelijk met "HEAD~1" tot "HEAD"
    Dan is de afsluitcode 0
    En staat in de samenvatting onder "Toegevoegd" de regel "- **DG-046** Een eigen app bedenken (concept)"

  Scenario: Een revisie die met een streepje begint, wordt geweigerd
    Als ik de wijzigingen vergelijk met "--output=/tmp/gevaar"
    Dan is de afsluitcode 2
    En is de foutmelding "leerdoelen: fout: revisie '--output=/tmp/gevaar' begint met '-'; dat is geen revisie"

  Scenario: De controle met een basis vindt dezelfde fout, met de plek erbij
    Als ik "DG-003.yaml" verwijder
    En ik de controle draai met de basis "HEAD"
    Dan is de afsluitcode 1
    En bevat de uitvoer de regel "goals/digitale-geletterdheid/DG-003.yaml:1:1: LD501: leerdoel DG-003 (Invoer, verwerking en uitvoer bij apparaten herkennen) is verwijderd; een code die bestond, blijft bestaan: zet het terug met status: vervallen en vervangen_door of reden"

  Scenario: Een verwijderd bestand wordt ook zonder basis als verwijderd gemeld
    Als ik "DG-003.yaml" verwijder
    En ik de controle draai
    Dan is de afsluitcode 1
    En bevat de uitvoer de regel "goals/digitale-geletterdheid/DG-003.yaml:1:1: LD501: leerdoel DG-003 (Invoer, verwerking en uitvoer bij apparaten herkennen) is verwijderd; een code die bestond, blijft bestaan: zet het terug met status: vervallen en vervangen_door of reden"
