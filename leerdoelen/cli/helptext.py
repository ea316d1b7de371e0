"""What each command is for, in one line, and two or three examples of its use.

The parser shows them in ``--help``; a test parses every example.
"""

from __future__ import annotations

DG = "goals/digitale-geletterdheid"
# Per command (its words after "leerdoelen"): what it does in one line, and two or three
# examples, each with what it is for. A test parses every example.
COMMANDS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "check": (
        "controleer de leerdoelen, het kader en de scholen",
        (
            ("alles controleren", "leerdoelen check"),
            ("één bestand", f"leerdoelen check {DG}/DG-001.yaml"),
            (
                "een pull request: ook de identiteitsregels ten opzichte van main",
                "leerdoelen check --base main",
            ),
            ("als JSON, voor een ander programma", "leerdoelen check --format json"),
        ),
    ),
    "diff": (
        "wat is er veranderd tussen twee revisies (of de werkmap)",
        (
            ("de samenvatting voor een PR-commentaar", "leerdoelen diff main"),
            ("tussen twee releases, als JSON", "leerdoelen diff v2026.1 v2026.2 --format json"),
        ),
    ),
    "release": (
        "controleer en maak een release-tag met de wijzigingen als bericht",
        (
            ("de volgende release van main", "leerdoelen release v2026.2"),
            (
                "vanaf een andere branch (de huidige)",
                "leerdoelen release v2026.2 --branch release-2026",
            ),
        ),
    ),
    "schemas": (
        "schrijf de JSON Schemas naar schemas/",
        (
            ("de schema's opnieuw schrijven", "leerdoelen schemas"),
            ("alleen controleren of ze kloppen (voor CI)", "leerdoelen schemas --check"),
        ),
    ),
    "codes": (
        "toon alle meldingscodes (LD…) met wat ze betekenen en hoe je ze oplost",
        (
            ("de hele lijst", "leerdoelen codes"),
            ("de lijst van een ander project", "leerdoelen -C ../leerdoelen codes"),
        ),
    ),
    "build": (
        "controleer en bouw de site voor leraren",
        (
            ("de site in public/", "leerdoelen build"),
            ("de site ergens anders", "leerdoelen build --out /tmp/site"),
            ("dezelfde site met Zensical", "leerdoelen build --engine zensical"),
        ),
    ),
    "serve": (
        "live preview: pagina's worden bijgewerkt bij opslaan",
        (
            ("op http://127.0.0.1:8000", "leerdoelen serve"),
            ("op een andere poort", "leerdoelen serve --dev-addr 127.0.0.1:8080"),
        ),
    ),
    "school": (
        "meld scholen aan en houd hun checklist bij met de leerdoelen",
        (
            (
                "een school aanmelden",
                "leerdoelen school add 12AB --naam 'De Esdoorn' --plaats Utrecht "
                "--netwerk swv-de-brug",
            ),
            ("een stand zetten", "leerdoelen school set 12AB DG-001 --status bezig"),
            ("een ingevulde checklist inlezen", "leerdoelen school import checklist-12AB.xlsx"),
        ),
    ),
    "school add": (
        "meld een school aan: schrijft adoptie/scholen/<BRIN>.yaml met de huidige "
        "leerdoelen op 'niet gestart'",
        (
            (
                "een basisschool in een netwerk",
                "leerdoelen school add 12AB --naam 'De Esdoorn' --plaats Utrecht "
                "--netwerk swv-de-brug",
            ),
            (
                "een school voor speciaal onderwijs, met RIO-code",
                "leerdoelen school add 34CD --naam 'De Horizon' --plaats Delft --soort so "
                "--netwerk techniekregio-maasdelta --rio 123A456",
            ),
        ),
    ),
    "school sync": (
        "werk de checklists bij na gewijzigde leerdoelen: voeg nieuwe doelen toe en "
        "archiveer vervallen doelen",
        (
            ("alle scholen", "leerdoelen school sync"),
            ("één school", "leerdoelen school sync 12AB"),
            ("de scholen van één netwerk", "leerdoelen school sync --netwerk swv-de-brug"),
        ),
    ),
    "school set": (
        "zet de stand van een of meer leerdoelen van een school",
        (
            (
                "twee doelen ingevoerd in groep 5 tot en met 8",
                "leerdoelen school set 12AB DG-001 DG-002 --status ingevoerd --groepen 5-6,7-8",
            ),
            (
                "gepland voor na de zomer",
                "leerdoelen school set 12AB MN-004 --status gepland --datum 2027-09-01",
            ),
        ),
    ),
    "school import": (
        "lees een ingevulde checklist in (.xlsx of .csv, van een school of een netwerk): "
        "alles of niets",
        (
            (
                "eerst kijken wat er verandert",
                "leerdoelen school import checklist-12AB.xlsx --dry-run",
            ),
            ("een CSV met een andere naam", "leerdoelen school import stand.csv --school 12AB"),
        ),
    ),
    "import": (
        "neem de kerndoelen van SLO over in het kader (goals/<domein>/kader.yaml)",
        (
            ("de standaardsets, niveau po", "leerdoelen import slo ../curriculum-fo"),
            (
                "één set, met map en codes",
                "leerdoelen import slo ../curriculum-fo --set 'Kerndoelen digitale "
                "geletterdheid' --domein digitale-geletterdheid --afkorting DG",
            ),
        ),
    ),
    "export": (
        "schrijf alle doelen als open data",
        (
            ("JSON", "leerdoelen export json --out leerdoelen.json"),
            ("een CASE 1.1-pakket", "leerdoelen export case --out case.json"),
            ("SLO's eigen indeling (een map)", "leerdoelen export slo --out ../slo-export"),
        ),
    ),
    "coverage": (
        "welke uitwerkingen van SLO (po) de leerdoelen uitwerken, per groep, en welke "
        "nog geen leerdoel hebben",
        (
            ("de dekking lezen", "leerdoelen coverage"),
            ("voor Excel", "leerdoelen coverage --format csv"),
            ("in CI: falen bij een gat", "leerdoelen coverage --fail-on-gaps"),
        ),
    ),
    "new": (
        "maak een nieuw leerdoel onder een doelzin, met de volgende code die nog nooit "
        "gebruikt is; toont het pad van het bestand",
        (
            ("een leerdoel voor alle groepen", "leerdoelen new --doelzin DG-po-23B"),
            (
                "met groepen en titel",
                "leerdoelen new --doelzin MN-po-29A --groepen 5-6 7-8 --titel 'Kiemen en groeien'",
            ),
        ),
    ),
}
