"""Run units of work in worker processes, results in item order.

The unit is pickled once per worker (the pool's initializer), then only items travel to the
workers and results back. At most ``2 × jobs`` items are in flight, so memory stays bounded
however many items there are; results are yielded in item order as soon as each one and all
before it are done.

On Linux, when this process runs a single thread, workers are forked: starting one costs a
fork, not an interpreter start, the unit and its rulebook are inherited (copy-on-write; the
collector's frozen objects are not touched), and a script that calls the API needs no
``if __name__ == "__main__"`` guard. When other threads run (the durable engine's, a caller's),
forking could copy a lock held by one of them, so workers come from a fork server that has
imported this package; elsewhere they are spawned. Both of those re-import the caller's main
module in each worker: a script then needs the guard.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
from typing import Any, TypeVar

from .._said import Said
from ._gc import batch_gc, tune_for_batch

T = TypeVar("T")
R = TypeVar("R")

IN_FLIGHT_PER_JOB = 2

_unit: Callable[[Any], Any] | None = None


class WorkerLost(Said, RuntimeError):
    """A worker process ended in the middle of the run (killed: by the system for want of
    memory, or by someone), so some dossiers were not checked."""


def _start_worker(unit: Callable[[Any], Any], forked: bool = False,
                  parent: int | None = None) -> None:
    global _unit
    _unit = unit
    _end_with_parent(parent)
    tune_for_batch(collect=not forked)


def _end_with_parent(parent: int | None = None) -> None:
    """A worker ends when the process that started it does, however that ends (``kill``, the
    out-of-memory killer): it holds its end of the task queue open itself, so it would wait
    for tasks for ever. It also takes the default action on SIGTERM and SIGHUP, whatever a
    forked parent had set (the command reports an interrupted run; a worker just stops)."""
    for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if signum is not None:
            signal.signal(signum, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        import ctypes  # a worker's, once: not on every command's way in

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
            pass
    # the parent may have ended before the request above was made (a loaded machine starts a
    # worker late): the signal will never come, so the worker ends now
    if parent is not None and os.getppid() != parent:
        os._exit(0)


_PR_SET_PDEATHSIG = 1


def _run(item: Any) -> Any:
    assert _unit is not None, "worker started without a unit"
    return _unit(item)


def _context() -> BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["governance_rules._checker"])
        return context
    return multiprocessing.get_context("spawn")  # pragma: no cover - Windows


def _nothing() -> None:
    return None


def _pool(unit: Callable[[Any], Any], jobs: int) -> tuple[ProcessPoolExecutor, bool]:
    """A pool of ``jobs`` workers for ``unit``, and whether they are forked (all of them at
    its first task, which the caller submits inside :func:`batch_gc`: they inherit this
    process's objects frozen, and need not collect them)."""
    context = _context()
    forked = context.get_start_method() == "fork"
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker,
                               initargs=(unit, forked, os.getpid() if forked else None)), forked


def start_workers(unit: Callable[[Any], Any], jobs: int) -> ProcessPoolExecutor:
    """``jobs`` worker processes given ``unit``, started now (forked, where they are, from this
    process as it is at this moment) rather than at the first item.

    A caller about to build something large that the workers do not need (the list of a
    province's files) starts them first, so that it is not copied into each of them. Forked
    workers are not waited for: they set themselves up while the caller goes on.
    """
    pool, forked = _pool(unit, jobs)
    with batch_gc():
        started = [pool.submit(_nothing) for _ in range(jobs)]
    if not forked:  # spawned workers start one a task while none is idle: all of them now
        for future in started:
            future.result()
    return pool


def run_processes(unit: Callable[[T], R], items: Iterable[T], *, jobs: int,
                  pool: ProcessPoolExecutor | None = None) -> Iterator[R]:
    """``unit(item)`` for each item, computed in ``jobs`` processes, yielded in item order; in
    ``pool`` when given (from :func:`start_workers` with the same unit; shut down here too).

    An exception in a worker is raised here, at that item; closing the iterator early cancels
    the items not yet started.
    """
    if pool is None:
        pool = _pool(unit, jobs)[0]
    pending: deque[Future[R]] = deque()
    remaining = iter(items)
    try:
        with batch_gc():  # the results are many small objects, kept: fewer collections
            for item in remaining:
                pending.append(_submit(pool, item))
                if len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                    break
            while pending:
                try:
                    result = pending.popleft().result()
                except BrokenProcessPool:
                    raise WorkerLost(*_LOST) from None
                for item in remaining:
                    pending.append(_submit(pool, item))
                    break
                yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool: ProcessPoolExecutor, item: Any) -> Future[Any]:
    try:
        return pool.submit(_run, item)
    except BrokenProcessPool:
        raise WorkerLost(*_LOST) from None


_LOST = ("a worker process stopped in the middle of the run (killed: by the system for want of "
         "memory, or by someone); the report would be incomplete. Try fewer --jobs, or check "
         "the machine's memory",
         "一个工作进程在检查中途退出（因内存不足被系统终止，或被人停止），报告将不完整。"
         "请减少 --jobs，或检查本机内存")
