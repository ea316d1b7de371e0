"""The ``new`` handler: a new leerdoel from the template; prints the path of its file."""

from __future__ import annotations

import argparse
import sys

from leerdoelen.cli.exits import OK
from leerdoelen.cli.paths import root_of


def run_new(args: argparse.Namespace) -> int:
    from leerdoelen.commands.new import new_goal

    nieuw = new_goal(root_of(args.directory), args.doelzin, args.groepen, args.titel)
    print(nieuw.path)
    if not nieuw.history:
        print(
            f"leerdoelen: let op: geen git-geschiedenis gevonden; {nieuw.code} is alleen "
            "vergeleken met de codes in de werkmap",
            file=sys.stderr,
        )
    return OK
