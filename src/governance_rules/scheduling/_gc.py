"""The garbage collector in batch runs.

A check allocates many small objects (parsed nodes, records, facts) that die young and are
never in reference cycles that matter, while the rulebook and the imported modules live for the
whole run. Left alone, the collector walks the long-lived objects again and again: it took about
half of the wall time of large runs. For a batch run the objects alive at the start are frozen
(:func:`gc.freeze`, never examined again) and young collections are rarer.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

BATCH_THRESHOLD = (50_000, 20, 20)
"""Allocations between young collections (CPython's default is 700, 10, 10)."""


def tune_for_batch() -> None:
    """Freeze what is alive now and raise the thresholds, for the rest of this process (a
    worker's)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*BATCH_THRESHOLD)


@contextmanager
def batch_gc() -> Iterator[None]:
    """:func:`tune_for_batch` for the duration of the block, then the collector as it was."""
    thresholds = gc.get_threshold()
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    gc.set_threshold(*BATCH_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if not frozen_before:
            gc.unfreeze()
