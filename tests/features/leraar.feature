# language: nl
Functionaliteit: Leerdoelen vinden en gebruiken
  Als leraar in het basisonderwijs
  wil ik snel zien wat mijn leerlingen in hun groep leren en hoe dat verder gaat
  zodat ik mijn lessen kan plannen op de leerdoelen die voor mijn groep gelden

  Scenario: Ik zie wat mijn leerlingen in groep 5-6 leren
    Gegeven ik ben op de startpagina
    Als ik in het menu op "Groepen" klik
    En ik op de link "Groep 5-6" klik
    Dan ben ik op de pagina "/groepen/5-6/"
    En is de kop "Wat leren mijn leerlingen in groep 5-6?"
    En staan onder de kop "Digitale geletterdheid" leerdoelen met een code die begint met "DG-"
    En staan onder de kop "Mens en natuur" leerdoelen met een code die begint met "MN-"
    En hoort elk leerdoel in de lijst bij groep "5-6"
    En staat het vervallen leerdoel "DG-042" niet in de lijst
    Als ik op de knop "Download als CSV" klik
    Dan krijg ik het bestand "leerdoelen-groep-5-6.csv"
    En staan in het bestand precies de leerdoelen van de pagina

  Scenario: Ik zoek een leerdoel op een woord
    Gegeven ik ben op de startpagina
    Als ik in het zoekveld "waterkringloop" typ
    Dan zie ik het zoekresultaat "MN-048 De waterkringloop"
    Als ik op het zoekresultaat "MN-048 De waterkringloop" klik
    Dan ben ik op de pagina van leerdoel "MN-048"
    En staat het woord "waterkringloop" in de tekst van het leerdoel
    En is het woord "waterkringloop" gemarkeerd

  Scenario: Ik volg een leerlijn
    Gegeven ik open het adres "/leerlijnen/digitale-geletterdheid/"
    Als ik in de rij "DG-po-23B Programmeren en computationeel denken" in de kolom "Groep 7-8" op "DG-030" klik
    Dan ben ik op de pagina van leerdoel "DG-030"
    En staat bij "Groepen" de groep "7-8"
    Als ik onder "Bouwt voort op" op "DG-027" klik
    Dan ben ik op de pagina van leerdoel "DG-027"
    En hoort dit leerdoel bij een eerdere groep dan "7-8"

  Scenario: Een vervallen leerdoel wijst de weg
    Gegeven ik open het adres "/doelen/DG-042/"
    Dan ben ik op de pagina van leerdoel "DG-042"
    En zie ik de melding "Vervallen"
    En staat in de melding "Dit leerdoel is vervallen."
    En noemt de melding de vervangers "DG-005" en "DG-006"
    Als ik in de melding op "DG-006" klik
    Dan ben ik op de pagina van leerdoel "DG-006"
    En zie ik geen melding "Vervallen"
    En staat bij "Status" de waarde "vastgesteld"

  Scenario: Ik zie wanneer een leerdoel voor het laatst is veranderd
    Gegeven ik open het adres "/doelen/DG-001/"
    Dan is de geschiedenis dichtgeklapt, als laatste op de pagina
    Als ik de geschiedenis openklap
    Dan staat in de geschiedenis de regel "Toegevoegd: 1 mei 2025"
    En staat in de geschiedenis de regel "Laatst veranderd: 3 november 2026"
    En is de nieuwste wijziging "DG-001: omschrijving verduidelijkt" door "Fatima Redacteur" op "3 november 2026"
    En noemt de voettekst de versie "v2026.1" van de inhoud, in woorden en zonder commit

  Abstract Scenario: Elk leerdoel heeft een vast adres met alleen zijn code
    Gegeven ik open het adres "/doelen/<code>/"
    Dan ben ik op de pagina van leerdoel "<code>"
    En begint de kop met "<code>"
    En staat bij "Status" de waarde "<status>"

    Voorbeelden:
      | code   | status      |
      | DG-001 | vastgesteld |
      | DG-027 | vastgesteld |
      | MN-001 | vastgesteld |
      | MN-015 | vervallen   |

  Scenario: Ik druk de lijst voor groep 3-4 af
    Gegeven ik open het adres "/groepen/3-4/"
    Als ik de pagina afdruk
    Dan zie ik het menu niet
    En zie ik het zoekveld niet
    En zie ik de voettekst niet
    En zie ik de knoppen "Download als CSV" en "Afdrukken" niet
    En zie ik de tabel met leerdoelen
    En staat bij elk leerdoel een vakje om af te vinken
    En is er ruimte om de school en het schooljaar in te vullen
    En noemt het papier de versie "v2026.1" van de inhoud met haar datum

  Scenario: Ik lees de leerlijn op mijn telefoon
    Gegeven ik open het adres "/leerlijnen/digitale-geletterdheid/" op een telefoon
    Dan past de pagina in de breedte van het scherm
    En staan bij de doelzin "DG-po-23B" de groepen "1-2", "3-4", "5-6" en "7-8" onder elkaar
    En staat bij "DG-030" ook de titel van het leerdoel
