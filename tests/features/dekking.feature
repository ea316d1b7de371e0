# language: nl
Functionaliteit: Dekking van SLO's uitwerkingen
  Als redacteur bij SLO
  wil ik zien welke uitwerkingen van SLO de leerdoelen uitwerken, en in welke groep
  zodat ik weet waar nog leerdoelen ontbreken

  Scenario: ik zie welke uitwerkingen van SLO nog geen leerdoel hebben
    Gegeven een kader met vier uitwerkingen van SLO voor po
    En leerdoelen die er twee van uitwerken
    Als ik de dekking opvraag
    Dan is de afsluitcode 0
    En staat er "2 van 4 uitwerkingen gedekt"
    En staan onder "Nog zonder leerdoel" precies de uitwerkingen "Een ontwerp verbeteren" en "herkennen van herhaling"
    En telt een vervallen leerdoel niet mee

  Scenario: in CI faalt de dekking zolang een uitwerking geen leerdoel heeft
    Gegeven een kader met vier uitwerkingen van SLO voor po
    En leerdoelen die er twee van uitwerken
    Als ik de dekking opvraag met "--fail-on-gaps"
    Dan is de afsluitcode 1
    En zegt de foutuitvoer "2 uitwerkingen hebben nog geen leerdoel"

  Scenario: een leerdoel noemt een uitwerking van een andere doelzin
    Gegeven een kader met vier uitwerkingen van SLO voor po
    En een leerdoel bij doelzin "DG-po-23A" dat een uitwerking van doelzin "DG-po-23B" noemt
    Als ik de dekking opvraag
    Dan is de afsluitcode 1
    En meldt de controle "LD314" met "is een uitwerking van doelzin DG-po-23B"
