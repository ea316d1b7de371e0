"""Use every core for work that is the same for thousands of files.

Parsing school files and rendering their pages and downloads take some 25 ms a school,
all of it pure Python; MkDocs and the rest of a build run in one process. ``pmap`` hands
such work to worker processes, in order, with a bounded number of items in flight, so the
caller can go on with the results while the workers run.

Workers are forked when ``pmap`` starts: they begin at once and inherit everything this
process has loaded, the function too, so it may be a bound method or a closure over the
corpus (only the items and the results are pickled). The functions must be pure: they
return what they make and change nothing that this process would see. Small jobs (fewer
than ``min_items``) and machines with one core run in this process, as does everything
when ``LEERDOELEN_PROCESSEN=1``.
"""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from itertools import chain, islice
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.connection import Connection
from typing import Any, TypeVar

ENV = "LEERDOELEN_PROCESSEN"
MIN_ITEMS = 64  # below this, starting workers costs more than it saves
AHEAD = 8  # tasks in flight per worker: enough to keep them busy, little memory
CHUNK = 8  # files per task, for work of a few milliseconds a file (``pmap``'s ``chunk``)
PR_SET_PDEATHSIG = 1  # prctl(2): the signal this process gets when its parent dies

T = TypeVar("T")


def processes() -> int:
    """Worker processes to use: ``LEERDOELEN_PROCESSEN``, or the cores this process may use."""
    setting = os.environ.get(ENV, "").strip()
    if setting.isdigit() and int(setting) > 0:
        return int(setting)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def pmap(
    function: Callable[..., T],
    items: Iterable[tuple[Any, ...]],
    min_items: int | None = None,
    start: bool = False,
    chunk: int = 1,
) -> Iterator[T]:
    """``function(*item)`` for every item, in order; in worker processes when it pays.

    ``items`` may be a generator: the first ``min_items`` (default ``MIN_ITEMS``) are read
    at once, to decide, the rest a few ahead of the results. An exception in a worker is
    raised here, as it would be without workers, after the results of the items before it.

    A worker is handed ``chunk`` items at a time: each task costs this process some
    0.3 ms (measured: a third of its time in a national build went to 14,000 tasks of one
    school each), so small items go in chunks.

    With ``start``, workers (if it uses them) start at once and are given every item:
    they work while this process does something else, until it reads the results, which
    wait, all of them (so: for small results, such as those of work that writes its own
    files). Without workers, each item is done when its result is read.
    """
    if min_items is None:
        min_items = MIN_ITEMS
    workers = processes()
    iterator = iter(items)
    first = list(islice(iterator, min_items))
    source = chain(first, iterator)
    if workers < 2 or len(first) < min_items or "fork" not in get_all_start_methods():
        return (function(*item) for item in source)
    tasks = _chunks(source, max(chunk, 1))
    if start:
        return _Started(function, tasks, workers)
    return _mapped(function, tasks, workers)


Task = list[tuple[Any, ...]]  # the items a worker is handed at once
Done = tuple[list[Any], BaseException | None]  # their results, up to an exception


def _chunks(items: Iterable[tuple[Any, ...]], size: int) -> Iterator[Task]:
    iterator = iter(items)
    while task := list(islice(iterator, size)):
        yield task


def _mapped(function: Callable[..., T], tasks: Iterable[Task], workers: int) -> Iterator[T]:
    # Forked, the workers get `function` as it is: initargs are not pickled.
    context = get_context("fork")
    with ProcessPoolExecutor(workers, context, initializer=_inherit, initargs=(function,)) as pool:
        pending: deque[Future[Done]] = deque()
        for task in tasks:
            pending.append(pool.submit(_call, task))
            if len(pending) >= workers * AHEAD:
                yield from _results(pending.popleft())
        while pending:
            yield from _results(pending.popleft())


def _results(future: Future[Done]) -> Iterator[Any]:
    done, error = future.result()
    yield from done
    if error is not None:
        raise error


class _Started(Iterator[T]):
    """The results of work handed out to worker processes at once (``pmap(start=True)``);
    the workers stop when the last result is read, or when this is dropped unread."""

    def __init__(self, function: Callable[..., T], tasks: Iterable[Task], workers: int) -> None:
        pool = ProcessPoolExecutor(
            workers, get_context("fork"), initializer=_inherit, initargs=(function,)
        )
        self._pending: deque[Future[Done]] = deque(pool.submit(_call, task) for task in tasks)
        self._stop = weakref.finalize(self, pool.shutdown, wait=True, cancel_futures=True)
        self._done: Iterator[T] = iter(())

    def __next__(self) -> T:
        while True:
            try:
                return next(self._done)
            except StopIteration:
                if not self._pending:
                    self._stop()
                    raise
                self._done = _results(self._pending.popleft())
            except BaseException:
                self._stop()
                raise


_function: Callable[..., Any] | None = None  # in a worker: what it runs


def _inherit(function: Callable[..., Any]) -> None:
    global _function
    gc.freeze()  # what the worker inherited is never visited by its collections (fork: COW)
    _function = function


def _call(task: Task) -> Done:
    assert _function is not None
    done = []
    try:
        for item in task:
            done.append(_function(*item))
    except Exception as error:  # after the results before it, as without workers
        return done, error
    return done, None


@contextmanager
def beside(function: Callable[..., object], *args: Any) -> Iterator[None]:
    """Run ``function(*args)`` in a forked process while the block runs, and wait for it
    at the end of the block; its exception is raised here. Without fork, or with one
    process (``LEERDOELEN_PROCESSEN=1``), it runs here after the block.

    For work that uses one core while the block keeps the others busy: a site generator
    beside the school pages that skip it.
    """
    if processes() < 2 or "fork" not in get_all_start_methods():
        yield
        function(*args)
        return
    context = get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_report, args=(send, os.getpid(), function, args), daemon=True)
    child.start()
    send.close()
    try:
        yield
    except BaseException:
        child.terminate()
        child.join()
        raise
    try:
        outcome = receive.recv()
    except EOFError:  # the process died without a word (killed, out of memory)
        outcome = RuntimeError(f"het werk naast de bouw stopte onverwacht ({child.exitcode})")
    finally:
        child.join()
        receive.close()
    if outcome is not None:
        raise outcome


def _die_with(parent: int) -> None:
    """Let this process be killed when ``parent`` dies, even by SIGKILL (Linux): a killed
    build must not leave its site generator writing into a folder the next build removes."""
    prctl = getattr(ctypes.CDLL(None), "prctl", None)
    if prctl is not None:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before that was set
        os._exit(1)


def _report(
    send: Connection, parent: int, function: Callable[..., object], args: tuple[Any, ...]
) -> None:
    _die_with(parent)
    # The parent may have paused the collector (util.gcpause), and this process runs long:
    # collect again, but never over what it inherited (the corpus), whose every visit
    # would copy the parent's memory page by page.
    gc.freeze()
    gc.enable()
    try:
        function(*args)
        outcome: BaseException | None = None
    except BaseException as error:
        outcome = error
    try:
        send.send(outcome)
    except Exception:  # not picklable: its words are enough
        send.send(RuntimeError(f"{type(outcome).__name__}: {outcome}"))
    finally:
        send.close()
