"""Pause Python's cyclic garbage collector while the corpus is built.

Loading thousands of school files makes millions of small objects that all live on. The
collector would scan them again and again as they pile up: measured with 1,000 synthetic
schools, check took 42 s with it and 17 s without. Our data has no reference cycles to
collect, so nothing is lost by pausing it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
