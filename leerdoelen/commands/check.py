"""``check``: load the project, validate every file, run the rules, collect diagnostics."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from leerdoelen.commands.errors import git_usage
from leerdoelen.core.corpus import Corpus
from leerdoelen.core.diagnostics import Diagnostic, Severity
from leerdoelen.load.checkcache import CheckCache
from leerdoelen.load.project import Project, load_project
from leerdoelen.util.gcpause import gc_paused
from leerdoelen.util.progress import step
from leerdoelen.validate.adoptie import judge_alone
from leerdoelen.validate.rules import run_rules
from leerdoelen.versions.diff import compare
from leerdoelen.versions.identity import identity_rules
from leerdoelen.versions.removed import removed_at_head, removed_rules


@dataclass(frozen=True)
class CheckResult:
    project: Project
    files: int
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> int:
        return sum(d.severity is Severity.ERROR for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return len(self.diagnostics) - self.errors

    @property
    def ok(self) -> bool:
        return self.errors == 0


class Refused(Exception):
    """The check found errors, so the command did nothing: the CLI prints ``result`` as
    a check report and ``leerdoelen: <hint>`` on stderr, and exits 1."""

    def __init__(self, result: CheckResult, hint: str) -> None:
        super().__init__(hint)
        self.result = result
        self.hint = hint


def check(
    root: Path, only: Iterable[str] = (), base: Corpus | None = None, cache: bool = False
) -> CheckResult:
    """Check the whole project; with ``only`` (paths relative to the root, files or
    folders), report just the diagnostics in those paths. References are always
    resolved against the whole project. With ``base`` (the content at an earlier
    revision), the identity rules (LD5xx) run too.

    With ``cache``, school files that passed before and are unchanged are answered from
    ``build/cache`` (``leerdoelen.load.checkcache``), and the others are judged alone where
    they are read (``validate.adoptie.judge_alone``): the result is the same, but the
    schools that passed are not in ``corpus.scholen``, only their summaries, so only a
    command that reports or builds uses it."""
    remembered = CheckCache(root) if cache else None
    judge = judge_alone if cache else None
    with gc_paused():
        project = load_project(root, cache=remembered, judge=judge)
        found = list(project.diagnostics)
        for file in project.files:
            found.extend(file.problems)
            found.extend(file.warnings)
        corpus = project.corpus
        removed = removed_at_head(root, corpus)
        diff = compare(base, corpus) if base is not None else None
        # Goals removed since HEAD (or since the base): references to them say so.
        corpus.verwijderd = {r.code: r.path for r in removed}
        for change in diff.changes if diff is not None else ():
            if change.change == "removed" and change.kind == "leerdoel" and change.old_path:
                corpus.verwijderd.setdefault(change.code, change.old_path)
        with step("Regels controleren"):
            found.extend(run_rules(corpus))
        if base is not None and diff is not None:
            found.extend(identity_rules(diff, base, corpus))
        # With --base, a goal removed since the base is reported there (with its title
        # at the base); the HEAD check adds only what the base did not see.
        seen = {d.path for d in found if d.code == "LD501"}
        found.extend(d for d in removed_rules(removed) if d.path not in seen)
    if remembered is not None:
        sources = corpus.adoptie_sources
        loaded = {sources[b].path: sources[b].blob for b in corpus.scholen}
        remembered.keep(project.passed | loaded, found)
    paths = [*(f.path for f in project.files), *project.recalled, *project.passed]
    files = len(paths)
    if only := tuple(p.rstrip("/") for p in only):
        found = [d for d in found if any(_within(p, only) for p in (d.path, *d.related))]
        files = sum(_within(p, only) for p in paths)
    return CheckResult(project, files, sorted(set(found)))


def checked(
    root: Path, hint: str, *, base: Corpus | None = None, ignore: Collection[str] = ()
) -> CheckResult:
    """``check``, for a command that may only go on without errors: raises ``Refused``
    (with ``hint``) when there are any. Errors with a code in ``ignore`` (ones the command
    itself fixes) do not stop it; with ``ignore``, the refusal reports just the errors
    that do, without the warnings."""
    result = check(root, base=base)
    blocking = [
        d for d in result.diagnostics if d.severity is Severity.ERROR and d.code not in ignore
    ]
    if blocking:
        shown = CheckResult(result.project, result.files, blocking) if ignore else result
        raise Refused(shown, hint)
    return result


def corpus_at(root: Path, revision: str) -> Corpus:
    """The content at ``revision`` (for ``check --base``); UsageError when git cannot
    give it."""
    from leerdoelen.versions.revisions import load_revision, open_repo, resolve

    with git_usage(), open_repo(root) as repo:
        return load_revision(root, repo, resolve(repo, revision).hexsha).corpus


def _within(path: str, prefixes: tuple[str, ...]) -> bool:
    return any(path == p or path.startswith(p + "/") or p in ("", ".") for p in prefixes)
