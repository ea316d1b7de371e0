"""``coverage``: check, then how the leerdoelen cover SLO's po uitwerkingen
(``leerdoelen.slo.dekking``)."""

from __future__ import annotations

from pathlib import Path

from leerdoelen.commands.check import checked
from leerdoelen.slo.dekking import Dekking, dekking


def coverage(root: Path) -> Dekking:
    """The coverage of the project's content; ``Refused`` when the check finds errors
    (an uitwerking named in the wrong place would count where it does not belong)."""
    corpus = checked(root, "geen dekking berekend: los eerst de fouten op").project.corpus
    return dekking(corpus)
