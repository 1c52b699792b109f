"""The garbage collector in batch runs.

A check allocates many small objects (parsed nodes, records, facts) that die young and are
never in reference cycles that matter, while the rulebook and the imported modules live for the
whole run. Left alone, the collector walks the long-lived objects again and again: it took about
half of the wall time of large runs. For a batch run the objects alive at the start are frozen
(:func:`gc.freeze`, never examined again) and young collections are rarer. What a block made
and kept (a report) leaves it in the oldest generation, where a full collection still frees it.
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
"""The thresholds, and whether this block froze what was alive, when the first open block began."""
_frozen_by_others = False
"""Whether something else froze objects in this process (an app server that freezes before it
forks its workers, or :func:`tune_for_batch` in a worker): seen once, remembered."""


@contextmanager
def batch_gc() -> Iterator[None]:
    """:func:`tune_for_batch` for the duration of the block, then the collector as it was.

    Blocks may overlap (a server's threads checking at once, a batch inside another): the
    first to begin tunes the collector, the last to end puts it back, whatever order they
    end in.

    What is alive is frozen only while nothing else in the process is frozen: a block that
    froze on top of an app's own frozen objects could not unfreeze its part alone, and the
    app's objects alive at the time (its cyclic garbage too) would never be collected again.
    Whether something is frozen is asked of the collector once a process (the count walks
    every frozen object: 18 ms a call in a process that froze two million), and then only
    while the answer is no, when asking costs nothing.

    >>> thresholds = gc.get_threshold()
    >>> with batch_gc():
    ...     gc.get_threshold() == BATCH_THRESHOLD
    True
    >>> gc.get_threshold() == thresholds
    True
    """
    global _open, _before, _frozen_by_others
    with _lock:
        if not _open:
            if not _frozen_by_others:
                _frozen_by_others = gc.get_freeze_count() > 0
            _before = (gc.get_threshold(), not _frozen_by_others)
            if not _frozen_by_others:
                gc.freeze()
            gc.set_threshold(*BATCH_THRESHOLD)
        _open += 1
    try:
        yield
    finally:
        with _lock:
            _open -= 1
            if not _open:
                thresholds, froze = _before
                gc.set_threshold(*thresholds)
                if froze:
                    # what the block made and kept (a report) joins the old generation with
                    # the rest, unexamined: left young, the first allocation after the block
                    # would walk all of it (3% of a check from dicts)
                    gc.freeze()
                    gc.unfreeze()
