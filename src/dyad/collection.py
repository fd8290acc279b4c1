"""Garbage collection paused while many small objects are built (indexes, caches): the
collections find nothing to free and, run meanwhile, double or triple the build's time."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Collection off for the ``with`` block, back as it was after (on, unless it was off)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
