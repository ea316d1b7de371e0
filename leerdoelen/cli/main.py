"""The command line: parse arguments, call one function, report, return an exit code.

Exit codes: 0 all good, 1 problems in the content (or a file that could not be read or
written), 2 usage error. Output into a pipe whose reader has gone (``leerdoelen codes |
head -1``) ends quietly with 141, the code a shell reports for a Unix tool stopped by
SIGPIPE. No command ends in a traceback: an unexpected error is reported in Dutch as an
internal error, with where it happened.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from leerdoelen import __version__
from leerdoelen.load.project import GOALS, find_root
from leerdoelen.util.files import describe

if TYPE_CHECKING:
    from leerdoelen.commands.check import CheckResult

OK, CONTENT, USAGE = 0, 1, 2
PIPE_CLOSED = 128 + 13  # 128 + SIGPIPE


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
    check.add_argument(
        "--base",
        metavar="REVISIE",
        help="controleer ook de identiteitsregels (LD5xx) ten opzichte van deze revisie",
    )

    diff = commands.add_parser(
        "diff", help="wat is er veranderd tussen twee revisies (of de werkmap)"
    )
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

    release = commands.add_parser(
        "release", help="controleer en maak een release-tag met de wijzigingen als bericht"
    )
    release.add_argument("tag", metavar="vJJJJ.N", help="de naam van de release, zoals v2026.1")
    release.add_argument(
        "--branch",
        metavar="NAAM",
        help="tag een andere branch dan de standaardbranch (origin/HEAD, anders main); "
        "NAAM moet de huidige branch zijn",
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

    school = commands.add_parser(
        "school", help="meld scholen aan en houd hun checklist bij met de leerdoelen"
    )
    school_commands = school.add_subparsers(
        dest="school_command", metavar="OPDRACHT", required=True, parser_class=_Parser
    )
    add = school_commands.add_parser(
        "add",
        help="meld een school aan: schrijft adoptie/scholen/<BRIN>.yaml met de huidige "
        "leerdoelen op 'niet gestart'",
    )
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
        help="netwerk uit adoptie/netwerken/ waar de school bij hoort (mag vaker)",
    )
    add.add_argument("--rio", metavar="CODE", help="RIO-code van de school")
    sync = school_commands.add_parser(
        "sync",
        help="werk de checklists bij na gewijzigde leerdoelen: voeg nieuwe doelen toe en "
        "archiveer vervallen doelen",
    )
    sync.add_argument(
        "brins", nargs="*", metavar="BRIN", help="alleen deze scholen (standaard: alle)"
    )
    importer = commands.add_parser(
        "import", help="neem gegevens van buiten over in het kader (goals/<domein>/kader.yaml)"
    )
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
        choices=("po", "vo"),
        default=None,
        help="welke kerndoelen: po (standaard) of vo (mag vaker)",
    )
    export = commands.add_parser("export", help="schrijf alle doelen als open data")
    export.add_argument(
        "formaat",
        choices=("slo", "case", "json", "csv"),
        help="slo: SLO's curriculum-fo (een map); case: CASE 1.1-pakket; json; csv",
    )
    export.add_argument(
        "--out", required=True, metavar="PAD", type=Path, help="map (slo) of bestand"
    )
    return parser


def _root(directory: Path | None) -> Path:
    start = directory or Path.cwd()
    if not start.is_dir():
        wat = "is geen map" if start.exists() else "bestaat niet"
        raise UsageError(f"map '{start}' {wat}")
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


@contextlib.contextmanager
def _git_usage() -> Iterator[None]:
    """A revision or release that cannot be used is a usage error."""
    from leerdoelen.versions.release import ReleaseError
    from leerdoelen.versions.revisions import RevisionError

    try:
        yield
    except (RevisionError, ReleaseError) as error:
        raise UsageError(str(error)) from None


def run_check(args: argparse.Namespace) -> int:
    from leerdoelen.cli.report import REPORTERS, default_format
    from leerdoelen.commands.check import check

    root = _root(args.directory)
    base = (args.directory or Path.cwd()).resolve()
    only = _relative_paths(root, args.paths, base)
    previous = None
    if args.base is not None:
        from leerdoelen.versions.revisions import load_revision, open_repo, resolve

        with _git_usage(), open_repo(root) as repo:
            previous = load_revision(root, repo, resolve(repo, args.base).hexsha).corpus
    result = check(root, only, base=previous)
    sys.stdout.write(REPORTERS[args.format or default_format()](result))
    return OK if result.ok else CONTENT


def run_diff(args: argparse.Namespace) -> int:
    from leerdoelen.render.diff import as_json, markdown
    from leerdoelen.versions.review import review

    root = _root(args.directory)
    with _git_usage():
        summary = review(root, args.base, args.head)
    if args.format == "json":
        sys.stdout.write(as_json(summary))
    else:
        sys.stdout.write(markdown(summary, title="Wijzigingen in de leerdoelen"))
    for d in summary.errors:
        print(f"leerdoelen: {d.code} {d.title}: {d.path}: {d.message}", file=sys.stderr)
    return OK if summary.ok else CONTENT


def run_release(args: argparse.Namespace) -> int:
    from leerdoelen.commands.check import check
    from leerdoelen.render.diff import tag_message
    from leerdoelen.versions import release
    from leerdoelen.versions.revisions import Revision, dirty_goals, load_revision, open_repo

    number = release.version(args.tag)
    if number is None:
        raise UsageError(f"'{args.tag}' is geen releasenaam; gebruik vJJJJ.N, zoals v2026.1")
    root = _root(args.directory)
    with _git_usage(), open_repo(root) as repo:
        if not repo.head.is_valid():
            raise UsageError("de repository heeft nog geen commits")
        branch = release.release_branch(repo, args.branch)
        if any(tag.name == args.tag for tag in repo.tags):
            raise UsageError(f"tag {args.tag} bestaat al")
        earlier = release.releases(repo)
        previous = earlier[0] if earlier else None
        if previous is not None and previous.version >= number:
            raise UsageError(f"{args.tag} moet hoger zijn dan de laatste release, {previous.name}")
        if dirty := dirty_goals(repo, root):
            raise UsageError(
                f"niet vastgelegde wijzigingen in {GOALS}/ ({', '.join(dirty[:5])}"
                f"{', …' if len(dirty) > 5 else ''}); commit ze eerst"
            )
        head = Revision("HEAD", repo.head.commit.hexsha)
        base = load_revision(root, repo, previous.sha).corpus if previous else None
        result = check(root, base=base)
        if not result.ok:
            return _refuse(result, f"geen release {args.tag}: los eerst de fouten op")
        summary = release.summary_since(root, repo, previous, Revision(args.tag, head.sha))
        message = tag_message(args.tag, summary)
        release.create_tag(repo, args.tag, head.sha or "", message)
    sys.stdout.write(message)
    since = f"sinds {previous.name}" if previous else "sinds het begin"
    print(f"release {args.tag} gemaakt op {head.short} ({branch}), met de wijzigingen {since}")
    return OK


def run_schemas(args: argparse.Namespace) -> int:
    from leerdoelen.load.schemas import stale_schemas, write_schemas

    folder = _root(args.directory) / "schemas"
    if args.check:
        stale = stale_schemas(folder)
        for path in stale:
            print(f"schemas/{path.name} is verouderd; draai 'leerdoelen schemas'")
        return CONTENT if stale else OK
    try:
        written = write_schemas(folder)
    except OSError as error:
        print(f"leerdoelen: schemas niet bijgewerkt: {describe(error)}", file=sys.stderr)
        return CONTENT
    for path in written:
        print(f"bijgewerkt: schemas/{path.name}")
    return OK


def run_codes(args: argparse.Namespace) -> int:
    from leerdoelen.core.catalogue import CATALOGUE

    for code, entry in CATALOGUE.items():
        kind = "waarschuwing" if entry.severity == "warning" else "fout"
        print(
            f"{code} ({kind}): {entry.titel}\n  voorbeeld: {entry.voorbeeld}\n"
            f"  oplossing: {entry.oplossing}"
        )
    return OK


def run_build(args: argparse.Namespace) -> int:
    from leerdoelen.cli.report import REPORTERS, default_format
    from leerdoelen.commands.build import BuildError, build_site
    from leerdoelen.commands.outputs import OutputRefused

    root = _root(args.directory)
    base = (args.directory or Path.cwd()).resolve()
    out = base / args.out if args.out else root / "public"
    try:
        result = build_site(root, out)
    except OutputRefused as error:
        raise UsageError(f"geen site gebouwd: {error}") from None
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
    from leerdoelen.cli.report import REPORTERS, default_format
    from leerdoelen.commands.serve import ServeError, serve

    try:
        return serve(_root(args.directory), args.dev_addr, REPORTERS[default_format()])
    except ServeError as error:
        raise UsageError(str(error)) from None


def run_school(args: argparse.Namespace) -> int:
    return {"add": _school_add, "sync": _school_sync}[args.school_command](args)


def _suggest(name: str, known: Sequence[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f"; bedoelde je '{close[0]}'?" if close else ""


def _refuse(result: CheckResult, hint: str) -> int:
    """Print the errors that stop a school command, and say so."""
    from leerdoelen.cli.report import REPORTERS, default_format

    sys.stdout.write(REPORTERS[default_format()](result))
    print(f"leerdoelen: {hint}", file=sys.stderr)
    return CONTENT


def _school_add(args: argparse.Namespace) -> int:
    from leerdoelen.adoptie import sync
    from leerdoelen.commands.check import check

    naam, plaats = args.naam.strip(), args.plaats.strip()
    problems = [
        sync.brin_problem(args.brin),
        sync.rio_problem(args.rio) if args.rio is not None else None,
        sync.text_problem("--naam", naam),
        sync.text_problem("--plaats", plaats),
    ]
    if problem := next((p for p in problems if p), None):
        raise UsageError(problem)
    root = _root(args.directory)
    relative = f"{sync.SCHOLEN}/{args.brin}.yaml"
    path = root / relative
    if path.exists():
        raise UsageError(
            f"{relative} bestaat al; een bestaande school werk je bij met 'leerdoelen school sync'"
        )
    result = check(root)
    if not result.ok:
        hint = "school niet toegevoegd: los eerst de fouten op"
        if any(d.code in sync.FIXED_BY_SYNC for d in result.diagnostics):
            hint += " (records van vervallen doelen: draai eerst 'leerdoelen school sync')"
        return _refuse(result, hint)
    corpus = result.project.corpus
    netwerken = list(dict.fromkeys(args.netwerken))
    for slug in netwerken:
        if slug not in corpus.netwerken:
            known = sorted(corpus.netwerken)
            bekend = f" (bekend: {', '.join(known)})" if known else " (er zijn nog geen netwerken)"
            raise UsageError(
                f"onbekend netwerk '{slug}': geen adoptie/netwerken/{slug}.yaml"
                f"{_suggest(slug, known)}{bekend}"
            )
    try:
        text, doelen = sync.new_school_text(
            corpus, args.brin, naam, plaats, args.soort, netwerken, args.rio
        )
        sync.write_new(path, text)
    except FileExistsError:
        raise UsageError(f"{relative} bestaat al") from None
    except sync.SyncError as error:
        print(f"leerdoelen: school niet toegevoegd: {error}", file=sys.stderr)
        return CONTENT
    except OSError as error:
        print(f"leerdoelen: school niet toegevoegd: {describe(error)}", file=sys.stderr)
        return CONTENT
    after = check(root)
    if not after.ok:  # not expected: the text was read back before writing
        path.unlink()
        return _refuse(after, f"school niet toegevoegd: {relative} zou fouten geven")
    print(
        f"school toegevoegd: {relative} ({naam}, {plaats}) met {doelen} "
        f"{'leerdoel' if doelen == 1 else 'leerdoelen'} op '{sync.NIET_GESTART}'"
    )
    return OK


def _school_sync(args: argparse.Namespace) -> int:
    from leerdoelen.adoptie import sync
    from leerdoelen.commands.check import CheckResult, check
    from leerdoelen.core.diagnostics import Severity

    root = _root(args.directory)
    folder = root / sync.SCHOLEN
    known = sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []
    for brin in args.brins:
        if brin not in known:
            raise UsageError(
                f"onbekende school '{brin}': geen {sync.SCHOLEN}/{brin}.yaml{_suggest(brin, known)}"
            )
    result = check(root)
    blocking = [
        d
        for d in result.diagnostics
        if d.severity is Severity.ERROR and d.code not in sync.FIXED_BY_SYNC
    ]
    if blocking:
        return _refuse(
            CheckResult(result.project, result.files, blocking),
            "niets bijgewerkt: los eerst de fouten op",
        )
    corpus = result.project.corpus
    brins = list(dict.fromkeys(args.brins)) or sorted(corpus.scholen)
    if not brins:
        print(f"niets te doen: geen scholen in {sync.SCHOLEN}/")
        return OK
    plans, errors = sync.sync(root, corpus, brins)
    for plan in plans:
        print(f"{plan.path} ({plan.naam}): {plan.summary()}")
        for line in plan.lines:
            print(f"  {line}")
    for error in errors:
        print(f"leerdoelen: {error}", file=sys.stderr)
    changed = sum(plan.changed for plan in plans)
    if not changed and not errors:
        print("niets te doen: alle checklists zijn bij")
    else:
        print(
            f"{changed} {'school' if changed == 1 else 'scholen'} bijgewerkt, "
            f"{len(plans) - changed} ongewijzigd"
            + (f", {len(errors)} niet bijgewerkt" if errors else "")
        )
    synced = {plan.path for plan in plans}
    after = check(root)
    left = [
        d
        for d in after.diagnostics
        if d.severity is Severity.ERROR
        and not (d.code in sync.FIXED_BY_SYNC and d.path not in synced)
    ]
    if left:  # not expected: every file was read back before it was written
        return _refuse(CheckResult(after.project, after.files, left), "na sync zijn er fouten")
    return CONTENT if errors else OK


def _print_diagnostics(diagnostics: Sequence[object]) -> None:
    for d in diagnostics:
        print(f"{d.path}:{d.line}:{d.column}: {d.code}: {d.message}")  # type: ignore[attr-defined]


def run_import(args: argparse.Namespace) -> int:
    from leerdoelen.commands.import_slo import ImportUsageError, import_slo

    root = _root(args.directory)
    base = (args.directory or Path.cwd()).resolve()
    source = base / args.map
    if not source.is_dir():
        raise UsageError(f"map '{args.map}' bestaat niet")
    try:
        result = import_slo(root, source, args.sets, args.niveaus or ["po"])
    except ImportUsageError as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        print(f"leerdoelen: import mislukt: {describe(error)}", file=sys.stderr)
        return CONTENT
    if result.problems:
        _print_diagnostics(result.problems)
        n = len(result.problems)
        print(
            f"leerdoelen: niets geïmporteerd: {n} {'fout' if n == 1 else 'fouten'} in de invoer",
            file=sys.stderr,
        )
        return CONTENT
    for title in result.missing_defaults:
        print(f"niet in de invoer, overgeslagen: {title}")
    for path in result.written:
        if path in result.relaid:
            print(
                f"bijgewerkt: {path} (helemaal opnieuw geschreven: de opmaak, met de "
                "opmerkingen, kon niet blijven staan; zie 'git diff')"
            )
        else:
            print(f"bijgewerkt: {path}")
    for path in result.unchanged:
        print(f"ongewijzigd: {path}")
    _print_diagnostics(result.reports)
    if result.reports:
        print(
            f"{len(result.reports)} verwijzingen van leerdoelen naar vervangen of verdwenen "
            "doelzinnen: pas die leerdoelen aan en draai 'leerdoelen check'"
        )
    return OK


def run_export(args: argparse.Namespace) -> int:
    from leerdoelen.commands import outputs
    from leerdoelen.commands.build import export_settings, site_settings
    from leerdoelen.commands.check import check
    from leerdoelen.export.opendata import ExportError, export_bytes, slo_export

    root = _root(args.directory)
    base = (args.directory or Path.cwd()).resolve()
    out = base / args.out
    try:
        if args.formaat == "slo":  # refused before any work, as build does
            out = outputs.claim_folder(root, out, outputs.SLO_EXPORT)
        result = check(root)
        if not result.ok:
            return _refuse(result, "niets geëxporteerd: los eerst de fouten op")
        corpus = result.project.corpus
        if args.formaat == "slo":
            outputs.write_folder(root, out, outputs.SLO_EXPORT, slo_export(corpus))
        else:
            settings = export_settings(site_settings(root))
            data = export_bytes(args.formaat, root, corpus, settings)
            out = outputs.write_file(root, out, args.formaat, data)
    except outputs.OutputRefused as error:
        raise UsageError(f"niets geëxporteerd: {error}") from None
    except ExportError as error:
        _print_diagnostics(error.problems)
        print("leerdoelen: niets geëxporteerd: de export klopt niet", file=sys.stderr)
        return CONTENT
    except OSError as error:
        print(f"leerdoelen: export mislukt: {error}", file=sys.stderr)
        return CONTENT
    print(f"geëxporteerd ({args.formaat}): {out}")
    return OK


COMMANDS = {
    "check": run_check,
    "diff": run_diff,
    "release": run_release,
    "schemas": run_schemas,
    "codes": run_codes,
    "build": run_build,
    "serve": run_serve,
    "school": run_school,
    "import": run_import,
    "export": run_export,
}


def _check_today() -> None:
    from leerdoelen.core.clock import today

    try:
        today()
    except ValueError as error:
        raise UsageError(str(error)) from None


def main(argv: Sequence[str] | None = None) -> int:
    _escape_unencodable_output()
    try:
        try:
            args = _parser().parse_args(argv)
        finally:
            sys.stdout.flush()  # --help and --version print, then exit
        try:
            _check_today()
            return COMMANDS[args.command](args)
        finally:
            sys.stdout.flush()  # a reader that has gone shows here, not at exit
    except UsageError as error:
        print(f"leerdoelen: fout: {error}", file=sys.stderr)
        return USAGE
    except KeyboardInterrupt:
        return 130
    except OSError as error:
        if isinstance(error, BrokenPipeError) and _reader_gone():
            return PIPE_CLOSED
        # The commands name their own files; this is for any other path.
        print(f"leerdoelen: fout bij lezen of schrijven: {describe(error)}", file=sys.stderr)
        return CONTENT
    except Exception as error:  # a bug: said in Dutch, where it happened, without a traceback
        print(_internal_error(error), file=sys.stderr)
        return CONTENT


def _escape_unencodable_output() -> None:
    """A path that is not UTF-8 (os.fsdecode's surrogates) prints escaped, not as a crash."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def _reader_gone() -> bool:
    """Whether stdout is a pipe that nobody reads any more. If so, stdout is pointed at
    the null device, so that the interpreter's last flush stays quiet too."""
    import select

    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test's capture)
        return False
    if hasattr(select, "poll"):  # a pipe without a reader polls as an error
        poller = select.poll()
        poller.register(fd, select.POLLOUT)
        if not any(events & (select.POLLERR | select.POLLHUP) for _, events in poller.poll(0)):
            return False
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)
    return True


def _internal_error(error: Exception) -> str:
    import traceback

    frames = traceback.extract_tb(error.__traceback__)
    where = f" in {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return (
        f"leerdoelen: interne fout ({type(error).__name__}{where}: {error}). Dit ligt aan "
        "leerdoelen, niet aan de inhoud: meld het aan de beheerders, met de opdracht en "
        "deze melding."
    )


if __name__ == "__main__":
    sys.exit(main())
