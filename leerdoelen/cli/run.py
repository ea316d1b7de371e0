"""One ``run_<command>(args) -> exit code`` per command: arguments in, the command called,
its result printed. The work is in ``leerdoelen.commands``; a command that stops
(UsageError, Refused, Failed) is reported by ``leerdoelen.cli.main``.

Each imports its command when it runs, so that ``--help`` and ``codes`` start quickly.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from leerdoelen.cli.exits import CONTENT, OK
from leerdoelen.cli.new import run_new
from leerdoelen.cli.paths import root_of, workdir
from leerdoelen.cli.school import run_school
from leerdoelen.commands.errors import UsageError
from leerdoelen.util.files import describe


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
    from leerdoelen.cli.report import REPORTERS, default_format
    from leerdoelen.commands.check import check, corpus_at

    root = root_of(args.directory)
    only = _relative_paths(root, args.paths, workdir(args))
    previous = corpus_at(root, args.base) if args.base is not None else None
    result = check(root, only, base=previous, cache=previous is None and not args.no_cache)
    sys.stdout.write(REPORTERS[args.format or default_format()](result))
    return OK if result.ok else CONTENT


def run_diff(args: argparse.Namespace) -> int:
    from leerdoelen.commands.diff import diff
    from leerdoelen.render.diff import as_json, markdown

    summary = diff(root_of(args.directory), args.base, args.head)
    if args.format == "json":
        sys.stdout.write(as_json(summary))
    else:
        sys.stdout.write(markdown(summary, title="Wijzigingen in de leerdoelen"))
    for d in summary.errors:
        print(f"leerdoelen: {d.code} {d.title}: {d.path}: {d.message}", file=sys.stderr)
    return OK if summary.ok else CONTENT


def run_release(args: argparse.Namespace) -> int:
    from leerdoelen.commands.release import make_release, tag_version

    tag_version(args.tag)  # a bad name is refused before the project is looked for
    done = make_release(root_of(args.directory), args.tag, args.branch)
    sys.stdout.write(done.message)
    since = f"sinds {done.previous}" if done.previous else "sinds het begin"
    print(f"release {done.tag} gemaakt op {done.short} ({done.branch}), met de wijzigingen {since}")
    return OK


def run_schemas(args: argparse.Namespace) -> int:
    from leerdoelen.load.schemas import stale_schemas, write_schemas

    folder = root_of(args.directory) / "schemas"
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
    from leerdoelen.commands.build import build_site
    from leerdoelen.commands.engines import BuildError, choose
    from leerdoelen.commands.outputs import OutputRefused

    root = root_of(args.directory)
    out = workdir(args) / args.out if args.out else root / "public"
    try:
        result = build_site(root, out, choose(args.engine))
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
        return serve(root_of(args.directory), args.dev_addr, REPORTERS[default_format()])
    except ServeError as error:
        raise UsageError(str(error)) from None


def run_import(args: argparse.Namespace) -> int:
    from leerdoelen.cli.report import line
    from leerdoelen.commands.import_slo import Naming, import_slo

    root = root_of(args.directory)
    source = workdir(args) / args.map
    if not source.is_dir():
        raise UsageError(f"map '{args.map}' bestaat niet")
    try:
        naming = Naming(args.domein, args.afkorting)
        result = import_slo(root, source, args.sets, args.niveaus, naming)
    except OSError as error:
        print(f"leerdoelen: import mislukt: {describe(error)}", file=sys.stderr)
        return CONTENT
    if result.problems:
        for d in result.problems:
            print(line(d))
        n = len(result.problems)
        print(
            f"leerdoelen: niets geïmporteerd: {n} {'fout' if n == 1 else 'fouten'} in de invoer",
            file=sys.stderr,
        )
        return CONTENT
    for d in result.warnings:
        print(line(d))
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
    for d in result.reports:
        print(line(d))
    if result.reports:
        print(
            f"{len(result.reports)} verwijzingen van leerdoelen naar vervangen of verdwenen "
            "doelzinnen: pas die leerdoelen aan en draai 'leerdoelen check'"
        )
    for title, why in result.refused.items():
        for d in why:
            print(line(d))
        print(f"niet geïmporteerd: {title}")
    if result.refused:
        n = len(result.refused)
        sets = f"{n} {'set' if n == 1 else 'sets'} geweigerd"
        if result.written or result.unchanged:
            print(f"leerdoelen: {sets}; de andere sets zijn geïmporteerd", file=sys.stderr)
        else:
            print(f"leerdoelen: niets geïmporteerd: {sets}", file=sys.stderr)
        return CONTENT
    return OK


def run_export(args: argparse.Namespace) -> int:
    from leerdoelen.commands.export import export

    out = export(root_of(args.directory), args.formaat, workdir(args) / args.out)
    print(f"geëxporteerd ({args.formaat}): {out}")
    return OK


def run_coverage(args: argparse.Namespace) -> int:
    from leerdoelen.commands.coverage import coverage
    from leerdoelen.render.dekking import as_csv, as_json, as_text

    dekking = coverage(root_of(args.directory))
    if args.format == "csv":
        data = as_csv(dekking)
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a stream without bytes (a test's StringIO)
            sys.stdout.write(data.decode("utf-8"))
        else:
            buffer.write(data)
            buffer.flush()
    else:
        sys.stdout.write(as_json(dekking) if args.format == "json" else as_text(dekking))
    gaten = len(dekking.gaten)
    if args.fail_on_gaps and gaten:
        soort = "uitwerking heeft" if gaten == 1 else "uitwerkingen hebben"
        print(f"leerdoelen: {gaten} {soort} nog geen leerdoel", file=sys.stderr)
        return CONTENT
    return OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
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
    "coverage": run_coverage,
    "new": run_new,
}
