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
from leerdoelen.commands.errors import UsageError
from leerdoelen.load.project import GOALS, find_root
from leerdoelen.util.files import describe


def _root(directory: Path | None) -> Path:
    start = directory or Path.cwd()
    if not start.is_dir():
        wat = "is geen map" if start.exists() else "bestaat niet"
        raise UsageError(f"map '{start}' {wat}")
    root = find_root(start)
    if root is None:
        raise UsageError(f"geen project gevonden: geen map '{GOALS}/' in '{start}' of daarboven")
    return root


def _workdir(args: argparse.Namespace) -> Path:
    """The folder that relative paths in the arguments start from (``-C`` or the cwd)."""
    return (args.directory or Path.cwd()).resolve()


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

    root = _root(args.directory)
    only = _relative_paths(root, args.paths, _workdir(args))
    previous = corpus_at(root, args.base) if args.base is not None else None
    result = check(root, only, base=previous)
    sys.stdout.write(REPORTERS[args.format or default_format()](result))
    return OK if result.ok else CONTENT


def run_diff(args: argparse.Namespace) -> int:
    from leerdoelen.commands.diff import diff
    from leerdoelen.render.diff import as_json, markdown

    summary = diff(_root(args.directory), args.base, args.head)
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
    done = make_release(_root(args.directory), args.tag, args.branch)
    sys.stdout.write(done.message)
    since = f"sinds {done.previous}" if done.previous else "sinds het begin"
    print(f"release {done.tag} gemaakt op {done.short} ({done.branch}), met de wijzigingen {since}")
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
    out = _workdir(args) / args.out if args.out else root / "public"
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
    handlers = {
        "add": _school_add,
        "sync": _school_sync,
        "set": _school_set,
        "import": _school_import,
    }
    return handlers[args.school_command](args)


def _school_add(args: argparse.Namespace) -> int:
    from leerdoelen.commands.school import add_school, new_school

    school = new_school(args.brin, args.naam, args.plaats, args.soort, args.netwerken, args.rio)
    added = add_school(_root(args.directory), school)
    n = added.doelen
    print(
        f"school toegevoegd: {added.path} ({added.naam}, {added.plaats}) met {n} "
        f"{'leerdoel' if n == 1 else 'leerdoelen'} op '{added.status}'"
    )
    return OK


def _school_sync(args: argparse.Namespace) -> int:
    from leerdoelen.adoptie.sync import SCHOLEN
    from leerdoelen.commands.school import sync_schools

    synced = sync_schools(_root(args.directory), args.brins, args.netwerken)
    if not synced.brins:
        where = f"netwerk {', '.join(args.netwerken)}" if args.netwerken else f"{SCHOLEN}/"
        print(f"niets te doen: geen scholen in {where}")
        return OK
    plans, errors, changed = synced.plans, synced.errors, synced.changed
    for plan in plans:
        print(f"{plan.path} ({plan.naam}): {plan.summary()}")
        for line in plan.lines:
            print(f"  {line}")
    for error in errors:
        print(f"leerdoelen: {error}", file=sys.stderr)
    if not changed and not errors:
        print("niets te doen: alle checklists zijn bij")
    else:
        print(
            f"{changed} {'school' if changed == 1 else 'scholen'} bijgewerkt, "
            f"{len(plans) - changed} ongewijzigd"
            + (f", {len(errors)} niet bijgewerkt" if errors else "")
        )
    if synced.refused is not None:  # reported after what was written
        raise synced.refused
    return CONTENT if errors else OK


def _school_set(args: argparse.Namespace) -> int:
    from leerdoelen.adoptie.changes import describe_plans
    from leerdoelen.commands.school_set import set_records

    plan, refused = set_records(
        _root(args.directory),
        args.brin,
        args.codes,
        args.status,
        args.groepen,
        args.datum,
        args.toelichting,
    )
    for line in describe_plans([plan]):
        print(line)
    if not plan.changed:
        print("niets veranderd")
    if refused is not None:
        raise refused
    return OK


def _school_import(args: argparse.Namespace) -> int:
    from leerdoelen.adoptie.changes import describe_plans
    from leerdoelen.commands.school_import import import_file

    root = _root(args.directory)
    imported = import_file(root, _workdir(args) / args.bestand, args.school, args.dry_run)
    for line in describe_plans(imported.plans):
        print(line)
    changed = imported.changed
    scholen = f"{changed} {'school' if changed == 1 else 'scholen'}"
    if not changed:
        print("niets veranderd")
    elif args.dry_run:
        print(
            f"proefdraai: {scholen} zou{'' if changed == 1 else 'den'} veranderen; er is "
            "niets geschreven"
        )
    else:
        print(f"{scholen} bijgewerkt")
    if imported.refused is not None:
        raise imported.refused
    return OK


def run_import(args: argparse.Namespace) -> int:
    from leerdoelen.cli.report import line
    from leerdoelen.commands.import_slo import Naming, import_slo

    root = _root(args.directory)
    source = _workdir(args) / args.map
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

    out = export(_root(args.directory), args.formaat, _workdir(args) / args.out)
    print(f"geëxporteerd ({args.formaat}): {out}")
    return OK


def run_coverage(args: argparse.Namespace) -> int:
    from leerdoelen.commands.coverage import coverage
    from leerdoelen.render.dekking import as_csv, as_json, as_text

    dekking = coverage(_root(args.directory))
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
}
