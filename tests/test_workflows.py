"""The GitHub workflows: they load, call our CLI with arguments that exist, check out the
whole history, and never paste GitHub values into a script."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from leerdoelen.cli import _parser

WORKFLOWS = Path(__file__).parents[1] / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
_SHELL = {">", ">>", "<", "|", "||", "&&", ";", "2>", "2>&1"}


def load(path: Path) -> dict:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["on"] = document.pop(True, document.get("on"))  # YAML 1.1 reads `on` as true
    return document


def steps(document: dict) -> list[dict]:
    return [step for job in document["jobs"].values() for step in job.get("steps", [])]


def invocations(script: str) -> list[list[str]]:
    """The argument lists of every `leerdoelen …` command in a run script."""
    found = []
    for line in script.splitlines():
        words = shlex.split(line, comments=True)
        for i, word in enumerate(words):
            if word == "leerdoelen" and (i == 0 or words[i - 1] in _SHELL):
                args = []
                for arg in words[i + 1 :]:
                    if arg in _SHELL:
                        break
                    args.append(arg)
                found.append(args)
    return found


def all_invocations() -> list[list[str]]:
    return [
        args
        for path in FILES
        for step in steps(load(path))
        for args in invocations(step.get("run", ""))
    ]


def test_there_are_workflows_for_pull_requests_and_main() -> None:
    triggers = {path.name: load(path)["on"] for path in FILES}
    assert triggers["pull-request.yml"] == "pull_request"
    assert triggers["pages.yml"]["push"] == {"branches": ["main"]}


@pytest.mark.parametrize("args", all_invocations(), ids=" ".join)
def test_every_cli_call_parses(args: list[str]) -> None:
    try:
        parsed = _parser().parse_args(args)
    except SystemExit as error:  # argparse exits on unknown commands or options
        pytest.fail(f"leerdoelen {' '.join(args)}: argparse weigert ({error.code})")
    assert parsed.command in {"check", "diff", "build", "release", "schemas", "codes"}


def test_the_pull_request_steps() -> None:
    calls = [" ".join(args) for args in all_invocations()]
    assert "check --format github --base $BASE" in calls
    assert "diff $BASE HEAD --format markdown" in calls
    assert calls.count("build --out public") == 2  # a PR artifact, and Pages on main
    document = load(WORKFLOWS / "pull-request.yml")
    uses = [step.get("uses", "") for step in steps(document)]
    assert any(u.startswith("actions/upload-artifact@") for u in uses)
    runs = " ".join(step.get("run", "") for step in steps(document))
    assert "gh pr comment" in runs and "--body-file samenvatting.md" in runs


def test_main_deploys_to_pages() -> None:
    uses = [step.get("uses", "") for step in steps(load(WORKFLOWS / "pages.yml"))]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_checkout_is_not_shallow(path: Path) -> None:
    """diff and check --base read the base commit; the site reads the release tags."""
    checkouts = [s for s in steps(load(path)) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    assert all(step.get("with", {}).get("fetch-depth") == 0 for step in checkouts)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_expressions_inside_scripts(path: Path) -> None:
    """GitHub values reach scripts through env:, never pasted in (script injection)."""
    for step in steps(load(path)):
        assert not re.search(r"\$\{\{", step.get("run", "")), step


def test_zizmor_finds_nothing_of_medium_or_high_severity() -> None:
    """The GitHub Actions security linter: actions pinned to a commit, least permissions per
    job, no checkout that keeps the token. It runs offline."""
    zizmor = Path(sys.executable).with_name("zizmor")
    found = subprocess.run(
        [str(zizmor), "--offline", "--min-severity", "medium", "--format", "plain", str(WORKFLOWS)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert found.returncode == 0, found.stdout + found.stderr


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_checkout_keeps_the_token(path: Path) -> None:
    for step in steps(load(path)):
        if str(step.get("uses", "")).startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, step
