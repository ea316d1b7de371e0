"""``school add`` and ``school sync``: check, write, check again.

Both refuse to write when the content has errors (``Refused``); sync goes on past the
errors it fixes itself (records of vervallen goals). A new school file that would give
errors after all is removed again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from leerdoelen.adoptie import sync
from leerdoelen.commands.check import CheckResult, Refused, check, checked
from leerdoelen.commands.errors import Failed, UsageError
from leerdoelen.core.diagnostics import Severity, suggest
from leerdoelen.load import schoolfile
from leerdoelen.load.names import brin_problem, rio_problem, text_problem
from leerdoelen.load.project import ADOPTIE
from leerdoelen.util.files import describe

NETWERKEN = f"{ADOPTIE}/netwerken"
CLOSE = 0.6  # how alike an unknown name must be to a known one to be suggested
NO_NETWORK = (
    "geef het netwerk van de school met --netwerk SLUG: een school zonder netwerk komt nooit "
    "op de site; de netwerken staan in adoptie/netwerken/ (SLUG is de bestandsnaam zonder "
    ".yaml, bekijk ze met 'ls adoptie/netwerken/')"
)


@dataclass(frozen=True)
class NewSchool:
    """The arguments of ``school add``, checked; names without surrounding spaces."""

    brin: str
    naam: str
    plaats: str
    soort: str
    netwerken: list[str]  # each once, in the order given
    rio: str | None


@dataclass(frozen=True)
class Added:
    path: str  # relative to the project root
    naam: str
    plaats: str
    doelen: int  # how many leerdoelen its checklist starts with
    status: str  # the status they start at


@dataclass(frozen=True)
class Synced:
    brins: list[str]  # the schools synced; none when there are no schools
    plans: list[sync.Plan]  # what was done to each school that could be synced
    errors: list[str]  # the schools that could not, and why
    # The check after writing found errors (not expected: every file was read back).
    refused: Refused | None = None

    @property
    def changed(self) -> int:
        return sum(plan.changed for plan in self.plans)


def new_school(
    brin: str, naam: str, plaats: str, soort: str, netwerken: list[str], rio: str | None
) -> NewSchool:
    """Check the arguments on their own, before the project is looked for; UsageError
    for the first that is wrong. A school needs a network: without one it is never
    published."""
    naam, plaats = naam.strip(), plaats.strip()
    problems = [
        brin_problem(brin),
        rio_problem(rio) if rio is not None else None,
        text_problem("--naam", naam),
        text_problem("--plaats", plaats),
    ]
    if problem := next((p for p in problems if p), None):
        raise UsageError(problem)
    if not netwerken:
        raise UsageError(NO_NETWORK)
    return NewSchool(brin, naam, plaats, soort, list(dict.fromkeys(netwerken)), rio)


def add_school(root: Path, school: NewSchool) -> Added:
    """Write ``adoptie/scholen/<BRIN>.yaml`` with every current leerdoel on 'niet gestart'."""
    relative = f"{sync.SCHOLEN}/{school.brin}.yaml"
    path = root / relative
    if path.exists():
        raise UsageError(
            f"{relative} bestaat al; de stand van een bestaande school werk je bij door dat "
            "bestand te bewerken"
        )
    hint = "school niet toegevoegd: los eerst de fouten op"
    try:
        result = checked(root, hint)
    except Refused as refused:
        if not any(d.code in sync.FIXED_BY_SYNC for d in refused.result.diagnostics):
            raise
        hint += " (records van vervallen doelen: draai eerst 'leerdoelen school sync')"
        raise Refused(refused.result, hint) from None
    corpus = result.project.corpus
    for slug in school.netwerken:
        if slug not in corpus.netwerken:
            raise UsageError(_unknown_network(slug, sorted(corpus.netwerken)))
    try:
        text, doelen = sync.new_school_text(
            corpus,
            school.brin,
            school.naam,
            school.plaats,
            school.soort,
            school.netwerken,
            school.rio,
        )
        sync.write_new(path, text)
    except FileExistsError:
        raise UsageError(f"{relative} bestaat al") from None
    except sync.SyncError as error:
        raise Failed(f"school niet toegevoegd: {error}") from None
    except OSError as error:
        raise Failed(f"school niet toegevoegd: {describe(error)}") from None
    try:  # not expected to refuse: the text was read back before writing
        checked(root, f"school niet toegevoegd: {relative} zou fouten geven")
    except Refused:
        path.unlink()
        raise
    return Added(relative, school.naam, school.plaats, doelen, schoolfile.NIET_GESTART)


def _unknown_network(slug: str, known: list[str]) -> str:
    bekend = f" (bekend: {', '.join(known)})" if known else " (er zijn nog geen netwerken)"
    return (
        f"onbekend netwerk '{slug}': geen {NETWERKEN}/{slug}.yaml"
        f"{suggest(slug, known, CLOSE)}{bekend}"
    )


def sync_schools(root: Path, brins: list[str], netwerken: Sequence[str] = ()) -> Synced:
    """Bring the checklists of ``brins`` in line with the goals: all schools when none are
    given, or only the schools of ``netwerken`` when those are given. With both, every
    school given must be in one of the networks (UsageError otherwise): only those given
    are synced, and a school is never touched that is not in a network asked for."""
    folder = root / sync.SCHOLEN
    known = sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []
    for brin in brins:
        if brin not in known:
            raise UsageError(
                f"onbekende school '{brin}': geen {sync.SCHOLEN}/{brin}.yaml"
                f"{suggest(brin, known, CLOSE)}"
            )
    networks = root / NETWERKEN
    slugs = sorted(p.stem for p in networks.glob("*.yaml")) if networks.is_dir() else []
    for slug in netwerken:
        if slug not in slugs:
            raise UsageError(_unknown_network(slug, slugs))
    result = checked(root, "niets bijgewerkt: los eerst de fouten op", ignore=sync.FIXED_BY_SYNC)
    corpus = result.project.corpus
    chosen = list(dict.fromkeys(brins)) or sorted(corpus.scholen)
    if netwerken:
        wanted = set(netwerken)
        outside = [b for b in brins if not wanted & set(corpus.scholen[b].netwerken)]
        if outside:
            raise UsageError(
                f"school {', '.join(outside)} hoort niet bij netwerk {', '.join(netwerken)}: "
                "geef alleen scholen van die netwerken, of laat --netwerk weg"
            )
        chosen = [b for b in chosen if wanted & set(corpus.scholen[b].netwerken)]
    if not chosen:
        return Synced([], [], [])
    plans, errors = sync.sync(root, corpus, chosen)
    synced = {plan.path for plan in plans}
    after = check(root)
    left = [
        d
        for d in after.diagnostics
        if d.severity is Severity.ERROR
        and not (d.code in sync.FIXED_BY_SYNC and d.path not in synced)
    ]
    refused = None
    if left:
        refused = Refused(CheckResult(after.project, after.files, left), "na sync zijn er fouten")
    return Synced(chosen, plans, errors, refused)
