"""Identity rules between two versions of the content (``diff``, ``check --base``).

A goal's code is a promise to every school that tracks it. So a code that existed stays
(retired with status vervallen, never deleted), a vervallen code never comes back, and a
goal whose doelzin moves to another kerndoel is a different goal that needs a new code.
A change to the omschrijving or groepen of a vastgesteld goal is allowed but flagged.
"""

from __future__ import annotations

from leerdoelen.core.corpus import Corpus
from leerdoelen.core.diagnostics import Diagnostic, diagnostic
from leerdoelen.load.project import at
from leerdoelen.versions.diff import VERVALLEN, Change, Diff, kerndoel_of

_WIJZIGING = {
    "omschrijving": "de omschrijving is gewijzigd",
    "groepen": "de groepen zijn gewijzigd",
}


def identity_rules(diff: Diff, old: Corpus, new: Corpus) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for change in diff.changes:
        if change.change == "removed":
            assert change.old_path is not None
            if change.kind == "leerdoel":
                found.append(
                    diagnostic("LD501", change.old_path, 1, 1, code=change.code, titel=change.titel)
                )
            else:
                found.append(
                    diagnostic(
                        "LD504",
                        change.old_path,
                        soort=change.kind,
                        code=change.code,
                        titel=change.titel,
                    )
                )
        elif change.change == "changed" and change.kind == "leerdoel":
            found.extend(_goal_rules(change, old, new))
    return found


def _goal_rules(change: Change, old: Corpus, new: Corpus) -> list[Diagnostic]:
    file = new.sources[change.code]
    found = []
    if change.old_status == VERVALLEN and change.new_status != VERVALLEN:
        found.append(
            diagnostic("LD502", *at(file, "status"), code=change.code, status=change.new_status)
        )
    for veld in change.fields:
        if veld.field == "doelzin":
            assert isinstance(veld.old, str) and isinstance(veld.new, str)
            kern_oud, kern_nieuw = kerndoel_of(old, veld.old), kerndoel_of(new, veld.new)
            if kern_oud != kern_nieuw:
                found.append(
                    diagnostic(
                        "LD503",
                        *at(file, "doelzin"),
                        code=change.code,
                        oud=veld.old,
                        nieuw=veld.new,
                        kern_oud=kern_oud,
                        kern_nieuw=kern_nieuw,
                    )
                )
        if veld.flagged:
            found.append(
                diagnostic(
                    "LD505",
                    *at(file, veld.field),
                    code=change.code,
                    wijziging=_WIJZIGING[veld.field],
                )
            )
    return found
