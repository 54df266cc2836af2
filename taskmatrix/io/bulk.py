"""Bulk loading helpers."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a reader builds many objects.

    Building 100,000 tasks triggers repeated full collections that scan every object made
    so far (over a second at that size); the objects a reader makes hold no cycles.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def release_native_memory() -> None:
    """Hand memory freed by native code (calamine's copy of a workbook) back to the system,
    so building the plan afterwards does not stack on top of it (glibc only; else nothing)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
