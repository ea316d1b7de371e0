"""The argument parser: every command, its arguments and their help, in Dutch."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from leerdoelen import __version__
from leerdoelen.cli.exits import USAGE
from leerdoelen.cli.helptext import COMMANDS
from leerdoelen.core.model import GROEPEN


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse exits 2 itself; keep its contract
        self.print_usage(sys.stderr)
        self.exit(USAGE, f"{self.prog}: fout: {message}\n")


def _examples(command: str) -> str:
    lines = ["voorbeelden:"]
    for purpose, example in COMMANDS[command][1]:
        lines += [f"  # {purpose}", f"  {example}"]
    return "\n".join(lines)


def _command(
    commands: argparse._SubParsersAction[_Parser], command: str
) -> argparse.ArgumentParser:
    """A subcommand with its one line of help, as description too, and its examples."""
    summary = COMMANDS[command][0]
    sub: argparse.ArgumentParser = commands.add_parser(
        command.split()[-1],
        help=summary,
        description=summary[0].upper() + summary[1:] + ".",
        epilog=_examples(command),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return sub


def parser() -> argparse.ArgumentParser:
    """The whole argument tree: every command, its arguments and their help."""
    top = _Parser(
        prog="leerdoelen",
        description="Leerdoelen wetenschap & technologie en digitale geletterdheid: "
        "controleren, publiceren en volgen.",
        epilog="voorbeelden:\n  # de doelen controleren en de site bouwen\n  leerdoelen build\n"
        "  # hulp bij één opdracht, met voorbeelden\n  leerdoelen check --help",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument(
        "--version",
        action="version",
        version=f"leerdoelen {__version__}",
        help="toon de versie van leerdoelen en stop",
    )
    top.add_argument(
        "-C",
        dest="directory",
        metavar="MAP",
        type=Path,
        help="werk alsof leerdoelen in MAP is gestart (zoals git -C)",
    )
    top.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="toon geen voortgang (fouten en het verslag blijven)",
    )
    commands = top.add_subparsers(
        dest="command", metavar="OPDRACHT", required=True, parser_class=_Parser
    )

    check = _command(commands, "check")
    check.add_argument(
        "paths", nargs="*", metavar="PAD", help="alleen meldingen voor deze bestanden of mappen"
    )
    check.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default=None,
        help="uitvoer: text (standaard), json, of github (standaard in GitHub Actions)",
    )
    check.add_argument(
        "--base",
        metavar="REVISIE",
        help="controleer ook de identiteitsregels (LD5xx) ten opzichte van deze revisie",
    )
    check.add_argument(
        "--no-cache",
        action="store_true",
        help="lees ook de schoolbestanden die sinds de vorige controle niet veranderden "
        "(build/cache)",
    )

    diff = _command(commands, "diff")
    diff.add_argument("base", metavar="BASIS", help="de revisie om mee te vergelijken, zoals main")
    diff.add_argument(
        "head", nargs="?", metavar="NIEUW", help="de nieuwe revisie (standaard: de werkmap)"
    )
    diff.add_argument(
        "--format",
        choices=("markdown", "json"),
        default="markdown",
        help="uitvoer: markdown (standaard, klaar voor een PR-commentaar) of json",
    )

    release = _command(commands, "release")
    release.add_argument("tag", metavar="vJJJJ.N", help="de naam van de release, zoals v2026.1")
    release.add_argument(
        "--branch",
        metavar="NAAM",
        help="tag een andere branch dan de standaardbranch (origin/HEAD, anders main); "
        "NAAM moet de huidige branch zijn",
    )

    schemas = _command(commands, "schemas")
    schemas.add_argument(
        "--check", action="store_true", help="schrijf niets; meld alleen of schemas/ verouderd is"
    )
    _command(commands, "codes")

    build = _command(commands, "build")
    build.add_argument(
        "--out",
        metavar="MAP",
        type=Path,
        default=None,
        help="waar de site komt (standaard: public/ in het project)",
    )
    build.add_argument(
        "--engine",
        choices=("mkdocs", "zensical"),
        default=None,
        help="de sitebouwer (standaard: $LEERDOELEN_ENGINE, anders mkdocs); zensical vraagt "
        "leerdoelen[zensical]",
    )

    serve = _command(commands, "serve")
    serve.add_argument(
        "--dev-addr",
        default="127.0.0.1:8000",
        metavar="ADRES:POORT",
        help="waar de preview luistert (standaard 127.0.0.1:8000)",
    )

    school = _command(commands, "school")
    school_commands = school.add_subparsers(
        dest="school_command", metavar="OPDRACHT", required=True, parser_class=_Parser
    )
    add = _command(school_commands, "school add")
    add.add_argument("brin", metavar="BRIN", help="BRIN-code, zoals 12AB of 12AB01")
    add.add_argument("--naam", required=True, metavar="NAAM", help="naam van de school")
    add.add_argument("--plaats", required=True, metavar="PLAATS", help="plaats van de school")
    add.add_argument(
        "--soort",
        choices=("bao", "sbo", "so"),
        default="bao",
        help="bao (standaard), sbo of so",
    )
    add.add_argument(
        "--netwerk",
        dest="netwerken",
        action="append",
        default=[],
        metavar="SLUG",
        help="netwerk uit adoptie/netwerken/ waar de school bij hoort (verplicht: een school "
        "zonder netwerk komt niet op de site; mag vaker)",
    )
    add.add_argument("--rio", metavar="CODE", help="RIO-code van de school")
    sync = _command(school_commands, "school sync")
    sync.add_argument(
        "brins", nargs="*", metavar="BRIN", help="alleen deze scholen (standaard: alle)"
    )
    sync.add_argument(
        "--netwerk",
        dest="netwerken",
        action="append",
        default=[],
        metavar="SLUG",
        help="alleen de scholen van dit netwerk uit adoptie/netwerken/ (mag vaker); met BRIN's "
        "erbij moet elke school bij een van deze netwerken horen",
    )
    school_set = _command(school_commands, "school set")
    school_set.add_argument("brin", metavar="BRIN", help="de school, zoals 12AB")
    school_set.add_argument("codes", nargs="+", metavar="CODE", help="leerdoel, zoals DG-001")
    school_set.add_argument(
        "--status",
        required=True,
        metavar="STATUS",
        help="niet gestart, verkend, gepland, bezig of ingevoerd",
    )
    school_set.add_argument(
        "--groepen", metavar="GROEPEN", help="zoals 1-2,3-4 (leeg: geen groepen)"
    )
    school_set.add_argument(
        "--datum",
        metavar="JJJJ-MM-DD",
        help="datum van de stand (standaard bij een nieuwe status: vandaag; alleen bij "
        "'gepland' mag hij in de toekomst liggen)",
    )
    school_set.add_argument("--toelichting", metavar="TEKST", help="toelichting (leeg: weg)")
    school_import = _command(school_commands, "school import")
    school_import.add_argument("bestand", metavar="BESTAND", type=Path, help=".xlsx of .csv")
    school_import.add_argument(
        "--dry-run",
        action="store_true",
        help="laat zien wat er zou veranderen, zonder iets te schrijven",
    )
    school_import.add_argument(
        "--school",
        metavar="BRIN",
        help="de school van een CSV (standaard: uit de bestandsnaam, checklist-<BRIN>.csv)",
    )
    importer = _command(commands, "import")
    importer.add_argument("bron", choices=("slo",), help="slo: SLO's curriculum-fo")
    importer.add_argument("map", metavar="MAP", type=Path, help="checkout van curriculum-fo")
    importer.add_argument(
        "--set",
        dest="sets",
        action="append",
        default=[],
        metavar="TITEL",
        help="kerndoelenset, zoals 'Kerndoelen digitale geletterdheid' (mag vaker; "
        "standaard: digitale geletterdheid en mens en natuur)",
    )
    importer.add_argument(
        "--niveau",
        dest="niveaus",
        action="append",
        default=None,
        metavar="NIVEAU",
        help="welke kerndoelen: een niveau dat de set gebruikt, zoals po (standaard), "
        "'ob vo' of 'so zml/mb' (mag vaker)",
    )
    importer.add_argument(
        "--domein",
        metavar="SLUG",
        default=None,
        help="map onder goals/ voor de set (alleen met één --set), zoals "
        "functionele-digitale-geletterdheid",
    )
    importer.add_argument(
        "--afkorting",
        metavar="XX",
        default=None,
        help="voorvoegsel van de codes van de set (alleen met één --set), zoals FDG",
    )
    export = _command(commands, "export")
    export.add_argument(
        "formaat",
        choices=("slo", "case", "json", "csv"),
        help="slo: SLO's curriculum-fo (een map); case: CASE 1.1-pakket; json; csv",
    )
    export.add_argument(
        "--out", required=True, metavar="PAD", type=Path, help="map (slo) of bestand"
    )
    coverage = _command(commands, "coverage")
    coverage.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help="uitvoer: text (standaard), json, of csv (puntkomma's, voor Excel)",
    )
    coverage.add_argument(
        "--fail-on-gaps",
        action="store_true",
        help="eindig met code 1 als een uitwerking nog geen leerdoel heeft (voor CI)",
    )
    new = _command(commands, "new")
    new.add_argument(
        "--doelzin", required=True, metavar="DOELZIN", help="de doelzin, zoals DG-po-23B"
    )
    new.add_argument(
        "--groepen",
        nargs="+",
        choices=GROEPEN,
        default=[],
        metavar="GROEP",
        help="voor welke groepen: 1-2, 3-4, 5-6 en/of 7-8 (standaard: alle vier)",
    )
    new.add_argument("--titel", metavar="TITEL", help="de titel (standaard: sjabloontekst)")
    return top
