"""The command line: parse arguments, call one function, report, return an exit code.

Exit codes: 0 all good, 1 problems in the content, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from leerdoelen import __version__
from leerdoelen.load.project import GOALS, find_root

OK, CONTENT, USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad arguments or a project that cannot be found: exit 2 with a Dutch message."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 itself; keep its contract
        self.print_usage(sys.stderr)
        self.exit(USAGE, f"{self.prog}: fout: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="leerdoelen",
        description="Leerdoelen wetenschap & technologie en digitale geletterdheid: "
        "controleren, publiceren en volgen.",
    )
    parser.add_argument("--version", action="version", version=f"leerdoelen {__version__}")
    parser.add_argument(
        "-C",
        dest="directory",
        metavar="MAP",
        type=Path,
        help="werk alsof leerdoelen in MAP is gestart (zoals git -C)",
    )
    commands = parser.add_subparsers(
        dest="command", metavar="OPDRACHT", required=True, parser_class=_Parser
    )

    check = commands.add_parser("check", help="controleer de leerdoelen en het kader")
    check.add_argument(
        "paths", nargs="*", metavar="PAD", help="alleen meldingen voor deze bestanden of mappen"
    )
    check.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default=None,
        help="uitvoer: text (standaard), json, of github (standaard in GitHub Actions)",
    )

    schemas = commands.add_parser("schemas", help="schrijf de JSON Schemas naar schemas/")
    schemas.add_argument(
        "--check", action="store_true", help="schrijf niets; meld alleen of schemas/ verouderd is"
    )
    commands.add_parser("codes", help="toon alle meldingscodes met uitleg")

    build = commands.add_parser("build", help="controleer en bouw de site voor leraren")
    build.add_argument(
        "--out",
        metavar="MAP",
        type=Path,
        default=None,
        help="waar de site komt (standaard: public/ in het project)",
    )

    serve = commands.add_parser(
        "serve", help="live preview: pagina's worden bijgewerkt bij opslaan"
    )
    serve.add_argument(
        "--dev-addr",
        default="127.0.0.1:8000",
        metavar="ADRES:POORT",
        help="waar de preview luistert (standaard 127.0.0.1:8000)",
    )
    return parser


def _root(directory: Path | None) -> Path:
    start = directory or Path.cwd()
    if not start.is_dir():
        raise UsageError(f"map '{start}' bestaat niet")
    root = find_root(start)
    if root is None:
        raise UsageError(f"geen project gevonden: geen map '{GOALS}/' in '{start}' of daarboven")
    return root


def _relative_paths(root: Path, paths: Sequence[str], base: Path) -> list[str]:
    relative = []
    for path in paths:
        full = (base / path).resolve()
        try:
            relative.append(full.relative_to(root).as_posix())
        except ValueError:
            raise UsageError(f"'{path}' ligt buiten het project ({root})") from None
        if not full.exists():
            raise UsageError(f"'{path}' bestaat niet")
    return relative


def run_check(args: argparse.Namespace) -> int:
    from leerdoelen.check import check
    from leerdoelen.report import REPORTERS, default_format

    root = _root(args.directory)
    base = (args.directory or Path.cwd()).resolve()
    result = check(root, _relative_paths(root, args.paths, base))
    sys.stdout.write(REPORTERS[args.format or default_format()](result))
    return OK if result.ok else CONTENT


def run_schemas(args: argparse.Namespace) -> int:
    from leerdoelen.schemas import stale_schemas, write_schemas

    folder = _root(args.directory) / "schemas"
    if args.check:
        stale = stale_schemas(folder)
        for path in stale:
            print(f"schemas/{path.name} is verouderd; draai 'leerdoelen schemas'")
        return CONTENT if stale else OK
    for path in write_schemas(folder):
        print(f"bijgewerkt: schemas/{path.name}")
    return OK


def run_codes(args: argparse.Namespace) -> int:
    from leerdoelen.catalogue import CATALOGUE

    for code, entry in CATALOGUE.items():
        kind = "waarschuwing" if entry.severity == "warning" else "fout"
        print(
            f"{code} ({kind}): {entry.titel}\n  voorbeeld: {entry.voorbeeld}\n"
            f"  oplossing: {entry.oplossing}"
        )
    return OK


def run_build(args: argparse.Namespace) -> int:
    from leerdoelen.build import BuildError, build_site
    from leerdoelen.report import REPORTERS, default_format

    root = _root(args.directory)
    base = (args.directory or Path.cwd()).resolve()
    out = base / args.out if args.out else root / "public"
    try:
        result = build_site(root, out)
    except BuildError as error:
        print(f"leerdoelen: bouwen mislukt, de vorige site blijft staan: {error}", file=sys.stderr)
        return CONTENT
    if result.out is None:
        sys.stdout.write(REPORTERS[default_format()](result.check))
        print("leerdoelen: niet gepubliceerd: los eerst de fouten op", file=sys.stderr)
        return CONTENT
    print(f"site gebouwd: {result.pages} pagina's in {result.out}")
    return OK


def run_serve(args: argparse.Namespace) -> int:
    from leerdoelen.serve import serve

    return serve(_root(args.directory), args.dev_addr)


COMMANDS = {
    "check": run_check,
    "schemas": run_schemas,
    "codes": run_codes,
    "build": run_build,
    "serve": run_serve,
}


def _check_today() -> None:
    from leerdoelen.clock import today

    try:
        today()
    except ValueError as error:
        raise UsageError(str(error)) from None


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        _check_today()
        return COMMANDS[args.command](args)
    except UsageError as error:
        print(f"leerdoelen: fout: {error}", file=sys.stderr)
        return USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
