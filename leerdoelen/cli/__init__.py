"""The command line; ``main`` is the entry point."""

from leerdoelen.cli.main import main
from leerdoelen.cli.parser import parser as _parser
from leerdoelen.cli.run import COMMANDS

__all__ = ["COMMANDS", "_parser", "main"]
