"""The command line: parse arguments, call one command, report, return an exit code.

The exit codes are in ``leerdoelen.cli.exits``. Output into a pipe whose reader has gone
(``leerdoelen codes | head -1``) ends quietly. No command ends in a traceback: an
unexpected error is reported in Dutch as an internal error, with where it happened.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from leerdoelen.cli.dutch import in_dutch
from leerdoelen.cli.exits import CONTENT, INTERRUPTED, PIPE_CLOSED, USAGE
from leerdoelen.cli.parser import parser
from leerdoelen.cli.run import COMMANDS
from leerdoelen.commands.check import Refused
from leerdoelen.commands.errors import Failed, UsageError
from leerdoelen.util import progress
from leerdoelen.util.files import describe


def _check_today() -> None:
    from leerdoelen.core.clock import today

    try:
        today()
    except ValueError as error:
        raise UsageError(str(error)) from None


def _run(args: argparse.Namespace) -> int:
    """The command, with a refusal or failure reported: the report on stdout, what it
    means on stderr."""
    try:
        return COMMANDS[args.command](args)
    except Refused as refused:
        from leerdoelen.cli.report import REPORTERS, default_format

        sys.stdout.write(REPORTERS[default_format()](refused.result))
        print(f"leerdoelen: {refused.hint}", file=sys.stderr)
        return CONTENT
    except Failed as failed:
        from leerdoelen.cli.report import line

        for d in failed.problems:
            print(line(d))
        print(f"leerdoelen: {failed.message}", file=sys.stderr)
        return CONTENT


def main(argv: Sequence[str] | None = None) -> int:
    _escape_unencodable_output()
    try:
        try:
            with in_dutch():
                args = parser().parse_args(argv)
        finally:
            sys.stdout.flush()  # --help and --version print, then exit
        progress.enable(progress.wanted(args.quiet, sys.stderr))
        try:
            _check_today()
            return _run(args)
        finally:
            progress.enable(False)
            sys.stdout.flush()  # a reader that has gone shows here, not at exit
    except UsageError as error:
        print(f"leerdoelen: fout: {error}", file=sys.stderr)
        return USAGE
    except KeyboardInterrupt:
        return INTERRUPTED
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
