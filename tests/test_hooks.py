"""The hook and editor configuration point at commands and schemas that exist."""

from __future__ import annotations

import fnmatch
import json
import shlex
from pathlib import Path

import pytest
import yaml

from leerdoelen.cli import _parser

ROOT = Path(__file__).parents[1]


def _commands_exist(entry: str) -> None:
    argv = shlex.split(entry)
    if argv[0] != "leerdoelen":
        return
    with pytest.raises(SystemExit) as exit_:  # --help exits 0 only for a real command
        _parser().parse_args([*argv[1:], "--help"])
    assert exit_.value.code == 0, entry


def test_pre_commit_hooks_for_content_repositories() -> None:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "leerdoelen-check"
    _commands_exist(hook["entry"])


def test_own_pre_commit_config_uses_local_hooks() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    assert {repo["repo"] for repo in config["repos"]} == {"local"}
    ids = {hook["id"] for repo in config["repos"] for hook in repo["hooks"]}
    assert {"ruff", "leerdoelen-check"} <= ids
    for repo in config["repos"]:
        for hook in repo["hooks"]:
            _commands_exist(hook["entry"])


def test_vscode_maps_every_content_file_to_its_schema() -> None:
    mapping = json.loads((ROOT / ".vscode" / "settings.json").read_text())["yaml.schemas"]
    for schema in mapping:
        assert (ROOT / schema).is_file()
    files = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "goals").glob("*/*.yaml"))
    assert files
    for path in files:
        expected = "kader" if path.endswith("/kader.yaml") else "leerdoel"
        matched = [
            Path(schema).name
            for schema, globs in mapping.items()
            for glob in ([globs] if isinstance(globs, str) else globs)
            if fnmatch.fnmatch(path, glob)
        ]
        assert matched == [f"{expected}.schema.json"], path


def test_every_content_file_names_its_schema_on_the_first_line() -> None:
    for path in (ROOT / "goals").glob("*/*.yaml"):
        kind = "kader" if path.name == "kader.yaml" else "leerdoel"
        first = path.read_text(encoding="utf-8").partition("\n")[0]
        assert first == f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json"
        assert (path.parent / "../../schemas" / f"{kind}.schema.json").resolve().is_file()
