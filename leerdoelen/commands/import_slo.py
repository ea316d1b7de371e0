"""``import slo``: bring SLO's kerndoelen into the frames, each set on its own.

Order: read the SLO checkout, validate what each chosen set reaches, map the sets onto the
frames, render every ``kader.yaml`` (an existing one edited in place: only what changed
changes) and read each one back, and only then write: each file through a temporary file
and a rename, and only the files whose bytes change. A set that cannot be imported (an
examenprogramma, an error in its entities, none of the chosen niveaus) is refused with the
reason and the other sets are imported; an unreadable checkout, or two sets that would share
a folder or an afkorting, writes nothing. Leerdoelen are never written; the ones that point
at a doelzin that the new release replaced or dropped are reported, with the doelzin to
point at now.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from leerdoelen.commands.errors import UsageError
from leerdoelen.core.diagnostics import Diagnostic, diagnostic, suggest
from leerdoelen.core.model import Afkorting, DomeinNaam, Kader
from leerdoelen.load.project import GOALS, KADER, Project, at, load_project
from leerdoelen.load.yamlfile import MAX_BYTES, parse_yaml
from leerdoelen.slo import niveaus as niveau
from leerdoelen.slo.changes import Change
from leerdoelen.slo.frame import FramePlan, Naming, build_frames
from leerdoelen.slo.kaderfile import kader_text
from leerdoelen.slo.release import release_of
from leerdoelen.slo.source import Dataset, load_checkout
from leerdoelen.util.files import write_atomic
from leerdoelen.util.progress import counted, step

__all__ = ["ImportResult", "Naming", "import_slo"]

DEFAULT_SETS = ("Kerndoelen digitale geletterdheid", "Kerndoelen mens en natuur")
DEFAULT_NIVEAUS = ("po",)
CLOSE = 0.6  # how alike an unknown set title must be to a known one to be suggested


@dataclass
class ImportResult:
    problems: list[Diagnostic] = field(default_factory=list)  # any: nothing was written
    refused: dict[str, list[Diagnostic]] = field(default_factory=dict)  # set title → why
    warnings: list[Diagnostic] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    relaid: list[str] = field(default_factory=list)  # written whole: the layout was lost
    unchanged: list[str] = field(default_factory=list)
    missing_defaults: list[str] = field(default_factory=list)
    reports: list[Diagnostic] = field(default_factory=list)  # leerdoelen to look at
    plan: FramePlan | None = None


def import_slo(
    root: Path,
    source: Path,
    set_titles: list[str],
    niveaus: list[str] | None = None,
    naming: Naming | None = None,
) -> ImportResult:
    """Import ``set_titles`` (the default sets when empty) at ``niveaus`` (niveau titles;
    po when None) from the SLO checkout ``source``; UsageError for a set or niveau that is
    not there, or a name that cannot be used."""
    naming = naming or Naming()
    _check_naming(set_titles, naming)
    result = ImportResult()
    data, problems = load_checkout(source)
    if problems:
        result.problems = sorted(problems)
        return result
    by_title = {str(s.get("title")): s for s in data.of("fo_set")}
    if set_titles:
        for title in set_titles:
            if title not in by_title:
                raise UsageError(
                    f"set '{title}' staat niet in {source}{suggest(title, by_title, CLOSE)} "
                    f"(beschikbaar: {', '.join(sorted(by_title)) or 'geen'})"
                )
        chosen = list(dict.fromkeys(set_titles))
    else:
        chosen = [t for t in DEFAULT_SETS if t in by_title]
        result.missing_defaults = [t for t in DEFAULT_SETS if t not in by_title]
        if not chosen:
            raise UsageError(
                f"geen van de standaardsets staat in {source}; kies er een met --set "
                f"(beschikbaar: {', '.join(sorted(by_title)) or 'geen'})"
            )
    sets = [by_title[t] for t in chosen]
    if niveaus:
        _check_niveaus(data, sets, niveaus)
    wanted = list(dict.fromkeys(niveaus or DEFAULT_NIVEAUS))

    project = load_project(root)
    corpus = project.corpus
    release = release_of(source)
    with step("Kaders maken"):
        plan = build_frames(data, sets, wanted, dict(corpus.kaders), naming, release)
    result.plan = plan
    result.refused = plan.refused
    result.warnings = sorted(plan.warnings)
    problems = list(plan.problems)
    for kader in plan.kaders:
        relative = f"{GOALS}/{kader.domein}/{KADER}"
        if (root / relative).exists() and kader.domein not in corpus.kaders:
            problems.append(
                diagnostic(
                    "LD608",
                    relative,
                    probleem=f"{relative} heeft fouten; draai 'leerdoelen check' en los ze "
                    "eerst op, anders gaan de eigen titels en codes verloren",
                )
            )
    texts: dict[str, str] = {}
    for kader in plan.kaders:
        relative = f"{GOALS}/{kader.domein}/{KADER}"
        old = corpus.sources.get(kader.domein) if kader.domein in corpus.kaders else None
        text, kept = kader_text(kader, old.text if old and old.path == relative else None)
        if not kept:
            result.relaid.append(relative)
        problem = _read_back_problem(text, relative, kader)
        if problem:
            problems.append(diagnostic("LD608", relative, probleem=problem))
        texts[relative] = text
    if problems:
        result.problems = sorted(problems)
        return result

    for relative, text in counted(texts.items(), "Kaders schrijven", len(texts)):
        path = root / relative
        data_bytes = text.encode("utf-8")
        if path.is_file() and path.read_bytes() == data_bytes:
            result.unchanged.append(relative)
        else:
            write_atomic(path, data_bytes)
            result.written.append(relative)
    result.reports = _report_leerdoelen(project, plan.changes)
    return result


def _check_naming(set_titles: list[str], naming: Naming) -> None:
    given = naming.domein is not None or naming.afkorting is not None
    if given and len(set(set_titles)) != 1:
        raise UsageError("--domein en --afkorting gelden voor één set: geef precies één --set")
    if naming.domein is not None and not _matches(DomeinNaam, naming.domein):
        raise UsageError(
            f"--domein '{naming.domein}' is geen mapnaam van kleine letters, cijfers en "
            "streepjes, zoals functionele-digitale-geletterdheid"
        )
    if naming.afkorting is not None and not _matches(Afkorting, naming.afkorting):
        raise UsageError(f"--afkorting '{naming.afkorting}' moet 2 tot 4 hoofdletters zijn")


def _matches(kind: Any, value: str) -> bool:
    return re.fullmatch(str(kind.__metadata__[0].pattern), value) is not None


def _check_niveaus(data: Dataset, sets: list[dict[str, Any]], niveaus: list[str]) -> None:
    """Every ``--niveau`` must be a niveau that one of the chosen sets uses."""
    used = niveau.ordered(data, (n for s in sets for n in niveau.of_set(data, s)))
    for title in niveaus:
        if title not in used:
            raise UsageError(
                f"niveau '{title}' komt niet voor in de gekozen sets"
                f"{suggest(title, used, CLOSE)} (beschikbaar: {', '.join(used) or 'geen'})"
            )


def _read_back_problem(text: str, relative: str, kader: Kader) -> str | None:
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        return f"{relative} zou {size} bytes worden; de grens is {MAX_BYTES} bytes"
    file = parse_yaml(text.encode("utf-8"), relative)
    try:
        same = file.ok and Kader.model_validate(file.data) == kader
    except ValidationError:
        same = False
    return None if same else f"{relative} kan niet veilig geschreven worden (teruglezen mislukt)"


def _report_leerdoelen(project: Project, changes: dict[str, Change]) -> list[Diagnostic]:
    """Every leerdoel whose doelzin or ook_bij names a replaced or dropped doelzin."""
    if not changes:
        return []
    corpus = project.corpus
    found = []
    for code in sorted(corpus.leerdoelen):
        doel = corpus.leerdoelen[code]
        file = corpus.sources[code]
        targets: list[tuple[str, str, tuple[str | int, ...]]] = [
            ("doelzin", doel.doelzin, ("doelzin",))
        ]
        targets += [("ook_bij", c, ("ook_bij", i)) for i, c in enumerate(doel.ook_bij)]
        for veld, target, loc in targets:
            change = changes.get(target)
            if change is None:
                continue
            if change.new_code:
                found.append(
                    diagnostic(
                        "LD609",
                        *at(file, *loc),
                        code=code,
                        oud=target,
                        veld=veld,
                        nieuw=f"{change.new_code} ({change.new_id})",
                        nieuwe_code=change.new_code,
                    )
                )
            else:
                found.append(diagnostic("LD610", *at(file, *loc), code=code, oud=target, veld=veld))
    return found
