"""Run units of work as tasks on a Dask distributed cluster, results in item order.

``scheduler`` is the address of a running scheduler (``tcp://host:8786``) or ``local`` for a
:class:`distributed.LocalCluster` started here (``jobs`` worker processes, one thread each) and
stopped at the end. Needs the ``distributed`` extra (``pip install governance-rules[distributed]``).

The unit (and with it the rulebook) is sent to every worker once (:meth:`Client.scatter` with
``broadcast``); then each task carries one item (a dossier's paths) and returns its result (the
dossier's findings and counts). The workers read the files themselves: every worker must see them
at the same paths as this process (a shared or copied file system; docs/scale.md). At most
:data:`IN_FLIGHT_PER_THREAD` tasks per worker thread are submitted ahead, so that memory stays
bounded here and on the scheduler however many items there are.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from typing import Any, TypeVar

from ._gc import batch_gc, tune_for_batch

T = TypeVar("T")
R = TypeVar("R")

IN_FLIGHT_PER_THREAD = 2
LOCAL = "local"


class DaskUnavailable(RuntimeError):
    """``--dask`` was asked for but the ``distributed`` package is not installed."""


def _apply(unit: Callable[[Any], Any], item: Any) -> Any:
    return unit(item)


def _tune_worker() -> None:
    tune_for_batch()


def run_dask(unit: Callable[[T], R], items: Iterable[T], *, scheduler: str,
             jobs: int = 1) -> Iterator[R]:
    """``unit(item)`` for each item as a task on the cluster at ``scheduler`` (``local``: a
    LocalCluster of ``jobs`` processes), yielded in item order.

    An exception in a task is raised here, at that item; closing the iterator early cancels the
    tasks not yet done.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - depends on the install
        raise DaskUnavailable("--dask needs the distributed package: "
                              "pip install 'governance-rules[distributed]'") from None
    with ExitStack() as stack:
        if scheduler == LOCAL:
            cluster = stack.enter_context(LocalCluster(
                n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                silence_logs=logging.ERROR))
            client = stack.enter_context(Client(cluster))
        else:
            client = stack.enter_context(Client(scheduler))
        client.run(_tune_worker)
        threads = max(sum(client.nthreads().values()), 1)
        shared = client.scatter(unit, broadcast=True, hash=False)
        pending: deque[Any] = deque()
        remaining = iter(items)
        try:
            with batch_gc():
                for item in remaining:
                    pending.append(client.submit(_apply, shared, item, pure=False))
                    if len(pending) >= threads * IN_FLIGHT_PER_THREAD:
                        break
                while pending:
                    future = pending.popleft()
                    result: R = future.result()
                    future.release()
                    for item in remaining:
                        pending.append(client.submit(_apply, shared, item, pure=False))
                        break
                    yield result
        finally:
            if pending:
                client.cancel(list(pending))
