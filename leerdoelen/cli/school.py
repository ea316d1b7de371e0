"""The ``school`` commands' handlers (add, sync, set, import): arguments in, the command
called, what it did printed. Like ``run``, each imports its command when it runs."""

from __future__ import annotations

import argparse
import sys

from leerdoelen.cli.exits import CONTENT, OK
from leerdoelen.cli.paths import root_of, workdir


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
    added = add_school(root_of(args.directory), school)
    n = added.doelen
    print(
        f"school toegevoegd: {added.path} ({added.naam}, {added.plaats}) met {n} "
        f"{'leerdoel' if n == 1 else 'leerdoelen'} op '{added.status}'"
    )
    return OK


def _school_sync(args: argparse.Namespace) -> int:
    from leerdoelen.adoptie.sync import SCHOLEN
    from leerdoelen.commands.school import sync_schools

    synced = sync_schools(root_of(args.directory), args.brins, args.netwerken)
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
        root_of(args.directory),
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

    root = root_of(args.directory)
    imported = import_file(root, workdir(args) / args.bestand, args.school, args.dry_run)
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
