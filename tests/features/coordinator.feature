# language: nl
Functionaliteit: De invoering van de leerdoelen in een netwerk volgen
  Als netwerkcoördinator
  wil ik op het dashboard van mijn netwerk zien hoe ver onze scholen zijn met de leerdoelen
  zodat ik weet waar scholen hulp nodig hebben en of we onze doelstellingen halen

  Achtergrond:
    Gegeven het netwerk "techniek-noord" met de scholen "OBS De Vlieger" en "CBS Het Kompas"
    En de doelstelling "Iedereen programmeert": 50% van de scholen heeft kerndoel "DG-po-23" ingevoerd

  Scenario: Een school zet een doel op ingevoerd, en het dashboard beweegt
    Gegeven ik bekijk het dashboard van "techniek-noord"
    En heeft "OBS De Vlieger" daar "1 van 2" vastgestelde leerdoelen ingevoerd
    En hebben de scholen samen "25%" ingevoerd
    En hebben bij kerndoel "DG-po-23" "0 van 2" scholen alles ingevoerd
    Als "OBS De Vlieger" leerdoel "DG-002" op "ingevoerd" zet
    En ik het dashboard opnieuw bekijk
    Dan heeft "OBS De Vlieger" daar "2 van 2" vastgestelde leerdoelen ingevoerd
    En hebben de scholen samen "50%" ingevoerd
    En hebben bij kerndoel "DG-po-23" "1 van 2" scholen alles ingevoerd
    En staat "DG-002" niet meer bij de leerdoelen die achterblijven als "0 van 2 scholen"
    En staat op de checklist van "OBS De Vlieger" bij "DG-002" de status "ingevoerd"

  Scenario: Een doelstelling wordt gehaald
    Gegeven ik bekijk het dashboard van "techniek-noord"
    En is de doelstelling "Iedereen programmeert" "achter" met "0 van 2 scholen"
    Als "OBS De Vlieger" leerdoel "DG-002" op "ingevoerd" zet
    En ik het dashboard opnieuw bekijk
    Dan is de doelstelling "Iedereen programmeert" "gehaald" met "1 van 2 scholen"
    En is de balk van de doelstelling gegroeid van 0% naar 50% van de scholen, met de doellijn op 50%

  Scenario: Een coördinator werkt de stand bij met de spreadsheet van de site
    Gegeven het project staat in git
    En ik bekijk het dashboard van "techniek-noord"
    En is de doelstelling "Iedereen programmeert" "achter" met "0 van 2 scholen"
    En ik download de checklist van "OBS De Vlieger" als spreadsheet
    Als ik in het blad bij "DG-002" de status "ingevoerd", de groepen "5-6, 7-8" en de datum "12-11-2026" invul
    En ik het blad importeer
    En ik het dashboard opnieuw bekijk
    Dan is in het bestand van "OBS De Vlieger" alleen het record van "DG-002" veranderd
    En is de doelstelling "Iedereen programmeert" "gehaald" met "1 van 2 scholen"
    En staat op de checklist van "OBS De Vlieger" bij "DG-002" de status "ingevoerd"
    En noemt de samenvatting van de pull request bij "OBS De Vlieger" "DG-002" van "bezig" naar "ingevoerd"

  Scenario: Een fout in het blad wijst de cel aan, en er wordt niets geschreven
    Gegeven ik download de checklist van "OBS De Vlieger" als spreadsheet
    Als ik in het blad bij "DG-002" de status "klaar" invul
    En ik het blad importeer
    Dan weigert de import met een melding die begint met "11AA!G3 DG-002:" en "klaar" noemt
    En is het bestand van "OBS De Vlieger" niet veranderd
