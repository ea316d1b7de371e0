# language: nl
Functionaliteit: Een nieuwe release van SLO's kerndoelen importeren
  Als redacteur bij SLO
  wil ik een nieuwe release van de kerndoelen in het kader overnemen
  zodat de leerdoelen bij de officiële doelzinnen blijven horen, zonder dat er iets verloren gaat

  Scenario: De release importeren en nog een keer importeren
    Gegeven het project met de leerdoelen
    Als ik de release van SLO importeer
    Dan is de afsluitcode 0
    En meldt de import de regel "bijgewerkt: goals/digitale-geletterdheid/kader.yaml"
    En zijn de leerdoelen zelf niet veranderd
    En meldt de controle geen fouten
    Als ik de release van SLO importeer
    Dan is de afsluitcode 0
    En meldt de import de regel "ongewijzigd: goals/digitale-geletterdheid/kader.yaml"

  Scenario: SLO vervangt een doelzin door een nieuwe versie
    Gegeven het project met de leerdoelen, bijgewerkt met de release van SLO
    En een nieuwe release waarin doelzin "22C" een nieuwe versie krijgt met prefix "C"
    Als ik de nieuwe release importeer
    Dan is de afsluitcode 0
    En heeft doelzin "DG-po-22C" in het kader de nieuwe id
    En houdt doelzin "DG-po-22C" onze eigen titel
    En meldt de import "LD609" voor "DG-014" met "wijs naar DG-po-22C"
    En zijn de leerdoelen zelf niet veranderd

  Scenario: SLO vervangt een doelzin door een doelzin met een nieuwe letter
    Gegeven het project met de leerdoelen, bijgewerkt met de release van SLO
    En een nieuwe release waarin doelzin "22C" een nieuwe versie krijgt met prefix "E"
    Als ik de nieuwe release importeer
    Dan is de afsluitcode 0
    En meldt de import "LD609" voor "DG-014" met "wijs naar DG-po-22E"
    En zijn de leerdoelen zelf niet veranderd
    En meldt de controle "LD303" voor "DG-014"

  Scenario: Een kapotte release verandert niets
    Gegeven het project met de leerdoelen
    En een nieuwe release waarin een doelzin geen status heeft
    Als ik de nieuwe release importeer
    Dan is de afsluitcode 1
    En meldt de import "LD603" in "data/doelzinnen.json" met "verplicht veld 'status' ontbreekt"
    En is er niets veranderd in het project

  Scenario: Ik importeer de functionele kerndoelen naast de gewone
    Gegeven een leeg project
    En een checkout van SLO zoals de hele release
    Als ik de set "Kerndoelen digitale geletterdheid" importeer op de niveaus "po"
    Dan is de afsluitcode 0
    Als ik de set "Functionele kerndoelen digitale geletterdheid" importeer op de niveaus "so zml/mb, vso am, vso db"
    Dan is de afsluitcode 0
    En staat het kader "functionele-digitale-geletterdheid" naast "digitale-geletterdheid" met afkorting "FDG"
    En heeft het kader "functionele-digitale-geletterdheid" kerndoel "FDG-so-zml-mb-18" en kerndoel "FDG-vso-am-18"
    En meldt de controle geen fouten

  Scenario: Een examenprogramma houdt een kerndoelenset niet tegen
    Gegeven een leeg project
    En een checkout van SLO zoals de hele release
    Als ik de sets "Examenprogramma informatica havo" en "Kerndoelen mens en natuur" importeer
    Dan is de afsluitcode 1
    En meldt de import de regel "niet geïmporteerd: Examenprogramma informatica havo"
    En meldt de import de regel "bijgewerkt: goals/mens-en-natuur/kader.yaml"
    En meldt de controle geen fouten
