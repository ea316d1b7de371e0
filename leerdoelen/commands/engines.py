"""The site generators that ``build`` can run over ``build/pages``: MkDocs (the default)
and Zensical (an optional extra, ``leerdoelen[zensical]``). Both read the project's
mkdocs.yml as it is; each gets the same two settings on top: the docs folder and the
footer's version line (``extra.versie``, read by site/overrides/partials/copyright.html),
and the engine's name (``extra.bouwer``, for the overrides that differ per engine:
site/overrides/partials/search.html).

MkDocs runs in-process with the settings in its config object. Zensical runs as a child
process (its Rust core prints straight to the terminal) with a derived config in
``build/zensical.yml``, which inherits the user's mkdocs.yml and never changes it.
Zensical wants docs_dir and site_dir inside the folder of its config, so it builds into
``build/zensical-site``, and that tree is moved into the staging folder afterwards.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import yaml

from leerdoelen.commands.errors import UsageError

MKDOCS, ZENSICAL = "mkdocs", "zensical"
ENGINES = (MKDOCS, ZENSICAL)
DEFAULT = MKDOCS
# Chooses the engine when --engine is not given; unset or empty: MkDocs.
ENGINE_ENV = "LEERDOELEN_ENGINE"
ZENSICAL_YML = "zensical.yml"
ZENSICAL_SITE = "zensical-site"
# Zensical's own theme look that matches Material for MkDocs; its default, "modern",
# restyles the whole site. A theme.variant in mkdocs.yml wins.
ZENSICAL_VARIANT = "classic"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_WARNING = re.compile(r"^(?:Warning|Error): (.*)$")
_WHERE = re.compile(r"\[ (\S+:\d+:\d+) \]")


class BuildError(Exception):
    """The site generator failed; the message is Dutch and says what to do."""


def choose(name: str | None) -> str:
    """The engine to build with: ``name`` (from --engine), else $LEERDOELEN_ENGINE, else
    MkDocs. An unknown name in the variable is a usage error."""
    if name:
        return name
    wanted = os.environ.get(ENGINE_ENV, "").strip().lower()
    if not wanted:
        return DEFAULT
    if wanted not in ENGINES:
        raise UsageError(f"{ENGINE_ENV}={wanted!r} is geen bouwer; kies uit {', '.join(ENGINES)}")
    return wanted


def require(engine: str) -> None:
    """A usage error, before any work, when ``engine`` is not installed."""
    if engine == ZENSICAL and find_spec("zensical") is None:
        raise UsageError(
            "Zensical is niet geïnstalleerd: installeer leerdoelen[zensical] "
            "(pip install 'leerdoelen[zensical]'), of bouw met MkDocs (--engine mkdocs)"
        )


def mkdocs(
    config_file: Path, docs_dir: Path, site_dir: Path, versie: dict[str, str] | None
) -> None:
    """Build with MkDocs in-process, strict: a warning fails the build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)
    warnings = _Collector()
    logger.addHandler(warnings)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
        config["docs_dir"] = str(docs_dir)
        config["extra"]["bouwer"] = MKDOCS
        if versie is not None:
            config["extra"]["versie"] = versie
        build(config)
    except MkDocsException as error:
        said = "".join(f"\n  {message}" for message in warnings.messages)
        raise BuildError(f"MkDocs kon de site niet bouwen ({error}){said}") from error
    finally:
        logger.removeHandler(warnings)


class _Collector(logging.Handler):
    """Keeps MkDocs' warnings, so that a failed strict build can say what failed."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def zensical(
    config_file: Path, docs_dir: Path, site_dir: Path, versie: dict[str, str] | None, work: Path
) -> None:
    """Build with Zensical (strict, from a clean cache) into ``site_dir``, which exists.

    ``work`` (``build/``) holds the derived config, Zensical's cache and its output, and
    must contain ``docs_dir``.
    """
    derived = work / ZENSICAL_YML
    output = work / ZENSICAL_SITE
    derived.write_text(
        yaml.safe_dump(
            zensical_config(config_file, docs_dir, work, versie),
            allow_unicode=True,
            sort_keys=False,
        ),
        encoding="utf-8",
    )
    shutil.rmtree(output, ignore_errors=True)
    command = [sys.executable, "-m", "zensical", "build", "--strict", "--clean"]
    try:
        done = subprocess.run(
            [*command, "--config-file", str(derived)],
            cwd=work,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
    except OSError as error:
        raise BuildError(f"Zensical kon niet starten ({error.strerror})") from None
    if done.returncode != 0 or not (output / "index.html").is_file():
        raise BuildError(f"Zensical kon de site niet bouwen{_said(done.stdout, done.stderr)}")
    for entry in output.iterdir():
        shutil.move(entry, site_dir / entry.name)  # a rename on the same file system
    output.rmdir()


def zensical_config(
    config_file: Path, docs_dir: Path, work: Path, versie: dict[str, str] | None
) -> dict[str, Any]:
    """The derived config: the user's mkdocs.yml (INHERIT, deep-merged by Zensical) plus
    our folders, the theme's overrides as an absolute path (a relative one would be read
    from ``work``), the classic look and the footer's version."""
    theme = _theme(config_file)
    derived_theme: dict[str, Any] = {}
    custom_dir = theme.get("custom_dir")
    if isinstance(custom_dir, str) and custom_dir:
        derived_theme["custom_dir"] = str((config_file.parent / custom_dir).resolve())
    if not theme.get("variant"):
        derived_theme["variant"] = ZENSICAL_VARIANT
    config: dict[str, Any] = {
        "INHERIT": os.path.relpath(config_file.resolve(), work.resolve()),
        "docs_dir": os.path.relpath(docs_dir.resolve(), work.resolve()),
        "site_dir": ZENSICAL_SITE,
    }
    if derived_theme:
        config["theme"] = derived_theme
    config["extra"] = {"bouwer": ZENSICAL}
    if versie is not None:
        config["extra"]["versie"] = versie
    return config


def _theme(config_file: Path) -> dict[str, Any]:
    """``theme`` of mkdocs.yml as far as plain YAML reads it (tags such as !ENV are left
    as None); {} when there is none. MkDocs' own check of the file comes first."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Tolerant)
    except (OSError, yaml.YAMLError):
        return {}
    theme = config.get("theme") if isinstance(config, dict) else None
    return theme if isinstance(theme, dict) else {}


class _Tolerant(yaml.SafeLoader):
    """Safe YAML that reads any tag (!ENV, !!python/name:...) as None."""


_Tolerant.add_multi_constructor("!", lambda _loader, _suffix, _node: None)
_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", lambda _loader, _suffix, _node: None)


def _said(stdout: str, stderr: str) -> str:
    """Zensical's warnings as ``\\n  file:line:col: message`` lines, plus its last error
    line when it stopped for another reason."""
    lines = _ANSI.sub("", stdout + "\n" + stderr).splitlines()
    said: list[str] = []
    for number, line in enumerate(lines):
        warning = _WARNING.match(line.strip())
        if warning is None:
            continue
        where = next(
            (m.group(1) for x in lines[number + 1 : number + 3] if (m := _WHERE.search(x))), ""
        )
        said.append(f"{where}: {warning.group(1)}" if where else warning.group(1))
    last = [line.strip() for line in stderr.splitlines() if line.strip()]
    if last and "--strict" not in last[-1] and not said:
        said.append(_ANSI.sub("", last[-1]))
    return "".join(f"\n  {line}" for line in said)
