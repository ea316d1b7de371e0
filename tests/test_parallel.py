"""Worker processes (``leerdoelen.util.parallel``) give exactly what one process gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import add_adoptie, copy_project

from leerdoelen.cli.report import as_json
from leerdoelen.commands.build import docs_tree
from leerdoelen.commands.check import check
from leerdoelen.load.cachefile import CACHE
from leerdoelen.util import parallel


def _square(x: int) -> int:
    if x < 0:
        raise ValueError(f"negatief: {x}")
    return x * x


def _pid(_: int) -> int:
    import os

    return os.getpid()


@pytest.mark.parametrize("start", [False, True])
@pytest.mark.parametrize("chunk", [1, 7])
def test_pmap_keeps_order_in_workers(
    monkeypatch: pytest.MonkeyPatch, chunk: int, start: bool
) -> None:
    monkeypatch.setenv(parallel.ENV, "2")
    items = ((i,) for i in range(200))
    assert list(parallel.pmap(_square, items, min_items=1, start=start, chunk=chunk)) == [
        i * i for i in range(200)
    ]


def test_pmap_hands_workers_a_closure_without_pickling_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(parallel.ENV, "2")
    table = {i: str(i) * 2 for i in range(100)}  # as a renderer holds the corpus
    assert list(parallel.pmap(lambda i: table[i], ((i,) for i in range(100)), min_items=1)) == [
        table[i] for i in range(100)
    ]


def test_pmap_uses_workers_only_when_it_pays(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.setenv(parallel.ENV, "2")
    assert set(parallel.pmap(_pid, [(1,), (2,)], min_items=3)) == {os.getpid()}
    assert os.getpid() not in set(parallel.pmap(_pid, [(i,) for i in range(50)], min_items=1))
    monkeypatch.setenv(parallel.ENV, "1")
    assert set(parallel.pmap(_pid, [(i,) for i in range(50)], min_items=1)) == {os.getpid()}


@pytest.mark.parametrize("start", [False, True])
@pytest.mark.parametrize("chunk", [1, 4])
def test_pmap_raises_a_workers_exception_after_the_results_before_it(
    monkeypatch: pytest.MonkeyPatch, chunk: int, start: bool
) -> None:
    monkeypatch.setenv(parallel.ENV, "2")
    results = parallel.pmap(_square, [(1,), (2,), (-3,), (4,)], 1, start, chunk)
    assert [next(results), next(results)] == [1, 4]  # as in one process
    with pytest.raises(ValueError, match="negatief: -3"):
        next(results)


def _write(folder: Path, i: int) -> int:
    (folder / f"{i}.txt").write_text(str(i), encoding="utf-8")
    return i


def test_started_work_is_done_before_its_results_are_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """``start=True``: the workers are given every item at once and work while this
    process does something else; the results come in order."""
    import time
    from functools import partial

    monkeypatch.setenv(parallel.ENV, "2")
    results = parallel.pmap(partial(_write, tmp_path), ((i,) for i in range(100)), 1, start=True)
    deadline = time.monotonic() + 60
    while len(list(tmp_path.iterdir())) < 100 and time.monotonic() < deadline:
        time.sleep(0.05)  # nothing read yet
    assert len(list(tmp_path.iterdir())) == 100
    assert list(results) == list(range(100))


def test_started_work_dropped_unread_stops_its_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc
    import multiprocessing

    monkeypatch.setenv(parallel.ENV, "2")
    results = parallel.pmap(_square, ((i,) for i in range(100)), 1, start=True)
    assert next(results) == 0
    del results
    gc.collect()
    assert multiprocessing.active_children() == []


def _check_and_pages(root: Path, cache: bool = False) -> tuple[str, dict[str, str | bytes]]:
    shutil.rmtree(root / CACHE, ignore_errors=True)  # a build's check, from scratch
    result = check(root, cache=cache)
    report = as_json(result)
    return report, docs_tree(root, result) if result.ok else {}


@pytest.mark.parametrize("broken", [False, True], ids=["geldig", "met-fouten"])
def test_check_and_pages_are_the_same_with_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken: bool
) -> None:
    root = copy_project(tmp_path / "project")
    add_adoptie(root)
    if broken:  # diagnostics from worker-parsed files keep their order and positions
        school = sorted((root / "adoptie" / "scholen").glob("*.yaml"))[3]
        school.write_text(school.read_text(encoding="utf-8") + "  - code: [\n", encoding="utf-8")
        (root / "adoptie" / "scholen" / "leesmij.txt").write_text("x", encoding="utf-8")
    monkeypatch.setenv("LEERDOELEN_VANDAAG", "2026-11-29")
    monkeypatch.setenv(parallel.ENV, "1")
    alone = _check_and_pages(root)
    monkeypatch.setenv(parallel.ENV, "2")
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)  # every school and network in workers
    together = _check_and_pages(root)
    # As a build checks: each school judged alone in the worker that read it.
    judged = _check_and_pages(root, cache=True)
    assert together[0] == alone[0] == judged[0]
    assert together[1] == alone[1] == judged[1]
    assert bool(alone[1]) is not broken
    if broken:
        assert '"LD107"' in alone[0] and '"LD409"' in alone[0]
