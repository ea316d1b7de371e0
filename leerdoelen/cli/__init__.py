"""The command line; ``main`` is the entry point."""

from leerdoelen.cli.main import COMMANDS, _parser, main

__all__ = ["COMMANDS", "_parser", "main"]
