"""Run units of work one after another in this process."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from ._gc import batch_gc

T = TypeVar("T")
R = TypeVar("R")


def run_serial(unit: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
    """``unit(item)`` for each item in order, each result yielded before the next item is read,
    with the collector tuned for a batch run (:func:`batch_gc`) while the results are drawn."""
    with batch_gc():
        for item in items:
            yield unit(item)
