"""``build``: check, generate the pages, run MkDocs, and publish the site atomically.

The site is built in a staging folder beside the target and swapped in only when the build
succeeded, so a failed build never destroys the previous good site; where a site may go,
and how it replaces the old one, is ``leerdoelen.commands.outputs``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from leerdoelen.adoptie.praktijk import per_leerdoel
from leerdoelen.adoptie.staleness import SCHOLEN, commit_dates
from leerdoelen.adoptie.view import NetwerkCijfers, adoptie_view
from leerdoelen.commands import buildcache, engines
from leerdoelen.commands.check import CheckResult, check
from leerdoelen.commands.enginecache import EngineCache, engine_key
from leerdoelen.commands.engines import BuildError
from leerdoelen.commands.outputs import SITE, claim_folder, replacing
from leerdoelen.commands.publish import (
    STATIC,
    fill_slots,
    publish_static,
    publish_theme_stylesheets,
)
from leerdoelen.commands.settings import (
    MKDOCS_YML,
    edit_settings,
    export_settings,
    markdown_extensions,
    site_settings,
)
from leerdoelen.commands.tree import Folder, write_tree
from leerdoelen.core.clock import today
from leerdoelen.export.opendata import ExportError, open_data
from leerdoelen.load.project import GOALS
from leerdoelen.load.regular import FILE, SOORT, NotRegular, open_regular
from leerdoelen.load.source import DiskSource, below
from leerdoelen.render.adoptie import adoptie_parts
from leerdoelen.render.changelog import changelog_parts
from leerdoelen.render.checklist import ONGEPUBLICEERD
from leerdoelen.render.pages import page_parts
from leerdoelen.render.slots import Slots, inline_slots
from leerdoelen.render.versie import version_in_words
from leerdoelen.util import parallel
from leerdoelen.util.files import Written, contents
from leerdoelen.util.gcpause import gc_paused
from leerdoelen.util.progress import step
from leerdoelen.versions.log import Version, read_history, read_version
from leerdoelen.versions.release import Changelog, changelog, version

PAGES = Path("build/pages")
SITE_PAGES = Path("site/pages")
C = TypeVar("C")  # what a stream of files carries
ENGINE_NAMES = {engines.MKDOCS: "MkDocs", engines.ZENSICAL: "Zensical"}


@dataclass(frozen=True)
class BuildResult:
    check: CheckResult
    out: Path | None = None  # None when the check refused to publish
    pages: int = 0


def newest_release(log: Changelog) -> str:
    """The newest release tag of the changelog (readable or not), else ``ongepubliceerd``."""
    names = [release.name for release, _ in log.per_release] + list(log.unavailable)
    known = [(number, name) for name in names if (number := version(name))]
    return max(known)[1] if known else ONGEPUBLICEERD


def docs_tree(root: Path, result: CheckResult) -> dict[str, str | bytes]:
    """Everything MkDocs reads: generated pages plus hand-written ones from ``site/pages``,
    with the slots in their pages."""
    files, scholen, slots = site_parts(root, result)
    inline_slots(files, slots)
    files.update(contents(_no_clash(scholen, files)))
    return files


def _refuse_clash(path: str, files: dict[str, str | bytes]) -> None:
    if path in files:
        raise BuildError(f"{SITE_PAGES.as_posix()}/{path} botst met een gegenereerde pagina")


def _no_clash(
    made: Iterable[tuple[str, C]], files: dict[str, str | bytes]
) -> Iterator[tuple[str, C]]:
    for path, content in made:
        _refuse_clash(path, files)
        yield path, content


def site_parts(
    root: Path,
    result: CheckResult,
    cache: buildcache.BuildCache | None = None,
    sink: Folder | None = None,
) -> tuple[dict[str, str | bytes], Iterator[tuple[str, str | bytes | Written]], Slots]:
    """The site's files in three parts: what the site generator reads, the slots of its
    pages (what counts schools, ``render.slots``), and the standalone files
    (school checklists, ready HTML, and the downloads of schools and networks: MkDocs would
    only copy them, so they skip it and are linked into its output; measured at 3,000
    schools, MkDocs took 8.2-10.4 s with the school files, 5.4 s without, plus 0.6 s to link
    them), made in worker processes as they are read. With ``cache``, what an earlier build
    made from the same inputs is used: those files are left out. With ``sink``, the workers
    write the standalone files into it (``build/static``) as they make them."""
    corpus = result.project.corpus
    # One `git log` pass gives the history of every goal file and school file.
    history = read_history(root, (GOALS, SCHOLEN) if corpus.samenvattingen else (GOALS,))
    site = edit_settings(root, site_settings(root))
    # What changed per release (git tags vJJJJ.N), from the diff engine.
    releases = changelog(root, corpus)
    version = read_version(root)
    # Adoption: what the pages show of schools and networks; a network's figures count
    # all its schools, for the overview and for leer van elkaar on the goal pages.
    view = adoptie_view(corpus, commit_dates(history), today())
    cijfers: dict[str, NetwerkCijfers] = {}

    def counted() -> dict[str, NetwerkCijfers]:
        cijfers.update(buildcache.cijfers(view, cache))
        return cijfers

    # School checklists, network dashboards and their overview; the checklist workbooks
    # name the goals' version, the newest release. With a sink, the schools' files are
    # made while the networks are counted and the pages made here.
    versie = newest_release(releases)
    adoptie, scholen, adoptie_slots = adoptie_parts(view, counted, site, versie, cache, sink)
    praktijk = per_leerdoel(c.praktijk for c in cijfers.values())
    files, slots = page_parts(corpus, history, site.bewerken, version_text(version), praktijk)
    files.update(adoptie)
    slots.update(adoptie_slots)
    # Before the first release, the goals' history; the commit, for editors, only here.
    changes, changes_slots = changelog_parts(releases, corpus, history, version)
    files.update(changes)
    slots.update(changes_slots)
    # Open data: exactly what `leerdoelen export` writes.
    try:
        files.update(open_data(corpus, export_settings(site), history))
    except ExportError as error:
        said = "".join(f"\n  {d.path}: {d.code}: {d.message}" for d in error.problems[:20])
        raise BuildError(f"de SLO-export klopt niet{said}") from error
    # Hand-written pages: regular files only, never through a symlink (check refused any
    # already, with LD114; this is the belt).
    pages = SITE_PAGES.as_posix()
    for entry in below(DiskSource(root), pages):
        relative = entry.path.removeprefix(f"{pages}/")
        if relative in files:
            raise BuildError(f"{entry.path} botst met een gegenereerde pagina")
        try:
            if entry.kind != FILE:
                raise NotRegular(entry.kind)
            with open_regular(root / entry.path) as stream:
                files[relative] = stream.read()
        except NotRegular as error:
            soort = SOORT[error.kind]
            raise BuildError(f"{entry.path} is {soort}: dat wordt niet gepubliceerd") from None
    return files, scholen, slots


def generate(root: Path, apart: bool = True) -> tuple[CheckResult, list[str]]:
    """Check, then bring ``build/pages`` (and ``build/static``) in line with the content.

    With ``apart``, the standalone files go to ``build/static``, for ``publish_static``,
    and the pages keep their slots' placeholders, as ``build`` writes them; without
    (``serve``, whose MkDocs serves only its docs), both are in the pages. Returns what
    changed.
    """
    result = check(root)
    if not result.ok:
        return result, []
    with gc_paused():
        files, scholen, slots = site_parts(root, result)
        static = dict(contents(_no_clash(scholen, files)))
        if not apart:
            inline_slots(files, slots)
            files.update(static)
            static = {}
        return result, write_tree(root / PAGES, files) + write_tree(root / STATIC, static)


def _engine_key(root: Path, engine: str, files: dict[str, str | bytes], version: Version) -> str:
    read = (root / MKDOCS_YML, root / "site" / "overrides")
    return engine_key(root, engine, files, footer_version(version), read)


def version_text(version: Version) -> str:
    """The content's version in words, without the commit (that is on the changelog page,
    for editors): the footer's, and the one a printed year plan names."""
    if version.commit is None:
        return version_in_words(None)
    return version_in_words(
        version.datum, version.release, version.release_datum, version.at_release
    )


def footer_version(version: Version) -> dict[str, str]:
    """What the footer (``site/overrides/partials/copyright.html``) shows as the version."""
    return {"tekst": version_text(version)}


def run_mkdocs(root: Path, site_dir: Path, version: Version | None = None) -> None:
    engines.mkdocs(_config_file(root), root / PAGES, site_dir, _footer(version))


def run_zensical(root: Path, site_dir: Path, version: Version | None = None) -> None:
    engines.zensical(_config_file(root), root / PAGES, site_dir, _footer(version), root / "build")


def run_engine(engine: str, root: Path, site_dir: Path, version: Version | None = None) -> None:
    """Build ``build/pages`` into ``site_dir`` with ``engine`` (looked up here, so that the
    benchmarks can time run_mkdocs and run_zensical)."""
    run = run_zensical if engine == engines.ZENSICAL else run_mkdocs
    run(root, site_dir, version)


def _engine_and_slots(
    engine: str,
    root: Path,
    staging: Path,
    version: Version,
    engine_cache: EngineCache,
    slots: Slots,
    extensions: list[str | dict[str, object]],
) -> None:
    """Beside the schools' files: the site generator, its output kept for the next build,
    and the slots filled in, here in this process (the schools' workers use the cores)."""
    run_engine(engine, root, staging, version)
    engine_cache.keep(staging)
    fill_slots(root, staging, slots, extensions, alone=True)


def _config_file(root: Path) -> Path:
    config_file = root / MKDOCS_YML
    if not config_file.is_file():
        raise BuildError(f"{MKDOCS_YML} ontbreekt in {root}")
    return config_file


def _footer(version: Version | None) -> dict[str, str] | None:
    return None if version is None else footer_version(version)


def build_site(root: Path, out: Path, engine: str = engines.DEFAULT) -> BuildResult:
    """Check and build the site into ``out`` with ``engine``; raises ``OutputRefused`` (or
    ``UsageError`` for an engine that is not installed) before any work when ``out`` is not
    a place for a site."""
    engines.require(engine)
    out = claim_folder(root, out, SITE)
    with step("Bouwen", total=4) as bar:
        bar.label("Bouwen: controleren")
        result = check(root, cache=True)
        if not result.ok:
            return BuildResult(result)
        bar.advance()
        bar.label("Bouwen: pagina's maken")
        with gc_paused():
            cache = buildcache.prepared(root, result, STATIC)
            files, scholen, slots = site_parts(root, result, cache, Folder(root / STATIC))
            write_tree(root / PAGES, files)
            bar.advance()
            bar.label(f"Bouwen: site bouwen ({ENGINE_NAMES[engine]}) en schoolpagina's maken")
            version = read_version(root)
            engine_cache = EngineCache(root, _engine_key(root, engine, files, version))
            with replacing(root, out, SITE) as staging:
                static = _no_clash(scholen, files)
                extensions = markdown_extensions(root)
                if engine_cache.reuse(staging):  # only schools changed: its output stands
                    write_tree(root / STATIC, static, keep=cache.keeps)
                    fill_slots(root, staging, slots, extensions)
                else:  # the engine uses one core; the schools' files, which skip it, the others
                    run = (engine, root, staging, version, engine_cache, slots, extensions)
                    with parallel.beside(_engine_and_slots, *run):
                        write_tree(root / STATIC, static, keep=cache.keeps)
                bar.advance()
                bar.label("Bouwen: publiceren")
                publish_theme_stylesheets(staging)
                pages = sum(1 for _ in staging.rglob("index.html"))  # the engine's
                pages += publish_static(root, staging)
            cache.save(result.project.corpus)
        bar.advance()
    return BuildResult(result, out, pages)
