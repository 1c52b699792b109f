"""How work is spread: one unit of work per dossier, run here or in worker processes.

A *unit* is a picklable callable that takes one item (a dossier's
:class:`~governance_rules.records.loader.DossierSource`) and returns a picklable result; what it
does (load, check) is the checker's business (:class:`governance_rules._checker.CheckSource`),
where it runs is decided here. Every scheduler yields the results in the order of the items,
so a report merged from them is the same whichever scheduler ran them.

- :mod:`.serial`: one item after another in this process;
- :mod:`.processes`: ``jobs`` worker processes, each given the unit once (and so the rulebook),
  then only items; at most a few items per worker in flight, so memory stays bounded. They can
  be started before the items are known (:func:`units_runner`), so that what the caller builds
  to find them (the list of a large folder's files) is not forked into each worker;
- :mod:`.dask_cluster`: tasks on a Dask distributed cluster (``dask="tcp://host:8786"``, or
  ``"local"`` for a LocalCluster of ``jobs`` processes); the same shape: the unit sent to each
  worker once, a few items per worker thread in flight.

Batch runs tune the garbage collector (:func:`batch_gc`): the rulebook and everything loaded
before the run is frozen out of collection, and collections are rarer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from ._cores import available_cores
from ._gc import batch_gc
from .processes import run_processes, start_workers
from .serial import run_serial

T = TypeVar("T")
R = TypeVar("R")


def run_units(unit: Callable[[T], R], items: Iterable[T], *, jobs: int = 1,
              dask: str | None = None) -> Iterator[R]:
    """``unit(item)`` for each item, in item order: on the Dask cluster ``dask`` when given
    (``"local"``: a LocalCluster of ``jobs`` processes), else here when ``jobs`` is 1 or there is
    at most one item, else in ``min(jobs, items)`` worker processes."""
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    listed = list(items)
    if dask is not None:
        from .dask_cluster import run_dask

        return run_dask(unit, listed, scheduler=dask, jobs=min(jobs, max(len(listed), 1)))
    if jobs == 1 or len(listed) <= 1:
        return run_serial(unit, listed)
    return run_processes(unit, listed, jobs=min(jobs, len(listed)))


@contextmanager
def units_runner(unit: Callable[[T], R], *, jobs: int = 1, dask: str | None = None,
                 start_now: bool = False) -> Iterator[Callable[[Iterable[T]], Iterator[R]]]:
    """:func:`run_units` as a function of the items, with the worker processes started now
    when ``start_now`` (and ``jobs`` > 1, without ``dask``): on Linux they are forked from
    this process as it is, so that what it builds before handing them the items (a large
    folder's list of files) is not copied into each of them. Workers started but not needed
    (one item or none) are stopped when the block ends.

    >>> with units_runner(abs, jobs=2) as run:
    ...     list(run([-1, 2, -3]))
    [1, 2, 3]
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    pool = start_workers(unit, jobs) if start_now and jobs > 1 and dask is None else None

    def run(items: Iterable[T]) -> Iterator[R]:
        nonlocal pool
        listed = list(items)
        if pool is not None and len(listed) > 1:
            started, pool = pool, None
            return run_processes(unit, listed, jobs=jobs, pool=started)
        return run_units(unit, listed, jobs=jobs, dask=dask)

    try:
        yield run
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


__all__ = ["available_cores", "batch_gc", "run_processes", "run_serial", "run_units",
           "start_workers", "units_runner"]
