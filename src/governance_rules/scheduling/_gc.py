"""The garbage collector in batch runs.

A check allocates many small objects (parsed nodes, records, facts) that die young and are
never in reference cycles that matter, while the rulebook and the imported modules live for the
whole run. Left alone, the collector walks the long-lived objects again and again: it took about
half of the wall time of large runs. For a batch run the objects alive at the start are frozen
(:func:`gc.freeze`, never examined again) and young collections are rarer.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

BATCH_THRESHOLD = (50_000, 20, 20)
"""Allocations between young collections (CPython's default is 700, 10, 10)."""


def tune_for_batch(*, collect: bool = True) -> None:
    """Freeze what is alive now and raise the thresholds, for the rest of this process (a
    worker's). ``collect=False`` skips the full collection first: a worker forked inside
    :func:`batch_gc` inherits its parent's objects frozen already, and collecting would walk
    (and copy, page by page) every one of them for nothing."""
    if collect:
        gc.collect()
    gc.freeze()
    gc.set_threshold(*BATCH_THRESHOLD)


_lock = threading.Lock()
_open = 0
"""How many :func:`batch_gc` blocks are open in this process (threads, nested batches)."""
_before: tuple[tuple[int, ...], bool] = ((700, 10, 10), False)
"""The thresholds, and whether anything was frozen, when the first open block began."""


@contextmanager
def batch_gc() -> Iterator[None]:
    """:func:`tune_for_batch` for the duration of the block, then the collector as it was.

    Blocks may overlap (a server's threads checking at once, a batch inside another): the
    first to begin tunes the collector, the last to end puts it back, whatever order they
    end in.

    >>> thresholds = gc.get_threshold()
    >>> with batch_gc():
    ...     gc.get_threshold() == BATCH_THRESHOLD
    True
    >>> gc.get_threshold() == thresholds
    True
    """
    global _open, _before
    with _lock:
        if not _open:
            _before = (gc.get_threshold(), gc.get_freeze_count() > 0)
            gc.freeze()
            gc.set_threshold(*BATCH_THRESHOLD)
        _open += 1
    try:
        yield
    finally:
        with _lock:
            _open -= 1
            if not _open:
                thresholds, frozen_before = _before
                gc.set_threshold(*thresholds)
                if not frozen_before:
                    gc.unfreeze()
