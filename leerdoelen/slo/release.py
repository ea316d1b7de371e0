"""Which release of SLO's curriculum-fo a checkout is, and how an export says so again.

A checkout of SLO's repository names its release in git (its tag, or ``git describe``). An
export of ours is a plain folder: it says the release in ``package.json``'s ``version``
(SLO's own package.json has the same shape, without a version), so that importing the
export gives the frame the release it was imported from.
"""

from __future__ import annotations

import json
from pathlib import Path

from leerdoelen.core.corpus import Corpus

BRON = "SLO curriculum-fo"
ONBEKEND = "onbekend"  # the release of a checkout that is neither a git repository nor ours
PACKAGE = "package.json"


def release_of(source: Path) -> str:
    """The tag (or ``git describe``) of the checkout when it is a git repository itself;
    else the ``version`` of its package.json (an export of ours); else ``onbekend``."""
    return _git_release(source) or _package_release(source) or ONBEKEND


def _git_release(source: Path) -> str | None:
    try:
        import git
    except ImportError:  # GitPython refuses to import without a git executable
        return None
    try:
        repo = git.Repo(source)
        if Path(repo.working_dir).resolve() != source.resolve():
            return None
        return str(repo.git.describe("--tags", "--always")).strip() or None
    except (git.InvalidGitRepositoryError, git.NoSuchPathError, git.GitCommandError, OSError):
        return None


def _package_release(source: Path) -> str | None:
    try:
        package = json.loads((source / PACKAGE).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # none, or not ours to read
        return None
    version = package.get("version") if isinstance(package, dict) else None
    if not isinstance(version, str):
        return None
    return " ".join(version.split())[:100] or None  # one line, and short: it is shown


def package_json(corpus: Corpus) -> bytes | None:
    """The export's package.json, when every imported frame in it came from one known
    release; None otherwise (an import of the export then says ``onbekend``)."""
    releases = {k.slo_bron.release for k in corpus.kaders.values() if k.slo_bron is not None}
    if len(releases) != 1 or ONBEKEND in releases:
        return None
    package = {
        "name": "curriculum-fo",
        "description": "Export van leerdoelen in de indeling van SLO's curriculum-fo",
        "main": "context.json",
        "version": releases.pop(),
    }
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
