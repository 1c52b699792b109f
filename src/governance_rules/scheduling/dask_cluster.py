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
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError
from contextlib import ExitStack
from typing import Any, TypeVar

from .._said import Said
from ._gc import batch_gc, tune_for_batch

T = TypeVar("T")
R = TypeVar("R")

IN_FLIGHT_PER_THREAD = 2
LOCAL = "local"


class DaskUnavailable(Said, RuntimeError):
    """``--dask`` was asked for but no cluster can be used: the ``distributed`` package is not
    installed (this class), or the scheduler cannot be reached (:class:`DaskUnreachable`), or
    the cluster failed during the run (:class:`DaskFailed`)."""


class DaskUnreachable(DaskUnavailable):
    """No scheduler answered at the address given (none running there, a wrong host or port,
    a firewall) within Dask's connect timeout."""


class DaskFailed(DaskUnavailable):
    """The cluster failed during the run: the scheduler went away, or a task's worker died
    (out of memory?) as many times as the scheduler allows."""


SCHEMES = ("tcp", "tls", "ucx", "ws", "wss")
"""The address schemes of Dask's comms between processes (``tcp`` when none is written);
``inproc://`` addresses (a cluster inside this process) are taken as they are."""
_ADDRESS = re.compile(r"(?:(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://)?"
                      r"(?P<host>\[[0-9A-Fa-f:.]+\]|[^\s/:\[\]]+):(?P<port>[0-9]{1,5})/?")


def scheduler_address(text: str) -> str:
    """``text`` if it names a scheduler: ``local``, or a Dask address ``[scheme://]host:port``
    (e.g. ``tcp://10.0.0.5:8786``); else a :class:`ValueError` that says what is wrong. Checked
    before anything is started or imported, so that a mistyped address fails at once rather
    than after the connect timeout or as a traceback.

    >>> scheduler_address("tcp://10.0.0.5:8786"), scheduler_address("[::1]:8786")
    ('tcp://10.0.0.5:8786', '[::1]:8786')
    >>> scheduler_address("10.0.0.5")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    governance_rules.scheduling.dask_cluster.AddressError: '10.0.0.5' is not a Dask scheduler ...
    """
    if text == LOCAL or text.startswith("inproc://"):  # inproc: a cluster in this process
        return text
    found = _ADDRESS.fullmatch(text.strip())
    if found is None:
        raise AddressError(f"{text!r} is not a Dask scheduler address: expected `local` or "
                           "[scheme://]host:port, e.g. tcp://10.0.0.5:8786",
                           f"「{text}」不是 Dask 调度器的地址，须为 local 或 [协议://]主机:端口，"
                           "如 tcp://10.0.0.5:8786")
    scheme, port = found["scheme"], int(found["port"])
    if scheme is not None and scheme.lower() not in SCHEMES:
        raise AddressError(f"{text!r}: Dask knows no scheme {scheme!r} (one of "
                           f"{', '.join(SCHEMES)})",
                           f"「{text}」：Dask 没有「{scheme}」协议，可用的有：{'、'.join(SCHEMES)}")
    if not 1 <= port <= 65535:
        raise AddressError(f"{text!r}: port {port} is not between 1 and 65535",
                           f"「{text}」：端口{port}不在1至65535之间")
    return text.strip()


class AddressError(Said, ValueError):
    """:func:`scheduler_address`'s refusal, in English and Chinese."""


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
    scheduler = scheduler_address(scheduler)
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - depends on the install
        raise DaskUnavailable("--dask needs the distributed package: "
                              "pip install 'governance-rules[distributed]'",
                              "--dask 需要安装 distributed："
                              "pip install 'governance-rules[distributed]'") from None
    with ExitStack() as stack:
        if scheduler == LOCAL:
            cluster = stack.enter_context(LocalCluster(
                n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                # no dashboard, and its HTTP routes on a free port: two runs at once do not
                # both ask for 8787 (the second warned that it was in use)
                scheduler_kwargs={"dashboard_address": ":0"},
                silence_logs=logging.ERROR))
            client = stack.enter_context(Client(cluster))
        else:
            try:
                client = stack.enter_context(Client(scheduler))
            except OSError as exc:  # a timeout, a refused connection, a host not found
                raise DaskUnreachable(
                    f"cannot reach the Dask scheduler at {scheduler}: {exc}. Is `dask scheduler` "
                    "running there, and its port open to this machine? (docs/scale.md; Dask's "
                    "connect timeout is set by DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT)",
                    f"无法连接 {scheduler} 的 Dask 调度器：那里是否运行着 `dask scheduler`，"
                    "其端口是否对本机开放？（见 docs/scale.md；连接超时由环境变量 "
                    "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT 设定）"
                ) from None
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
                    result: R = _result_of(future, scheduler)
                    future.release()
                    for item in remaining:
                        pending.append(client.submit(_apply, shared, item, pure=False))
                        break
                    yield result
        finally:
            if pending:
                client.cancel(list(pending))


def _result_of(future: Any, scheduler: str) -> Any:
    """The task's result; the cluster's own failures (its scheduler gone, a worker dead as
    often as the scheduler retries a task) as :class:`DaskFailed`, while an error the task
    itself raised stays what it is. (Dask's exception types are imported only on a failure:
    every task's result passes here.)"""
    try:
        return future.result()
    except Exception as exc:
        from distributed import KilledWorker
        from distributed.comm import CommClosedError

        if isinstance(exc, KilledWorker):
            tries = getattr(exc, "allowed_failures", None)
            raise DaskFailed(f"the Dask cluster at {scheduler} lost the worker running a "
                             f"dossier's check {'' if tries is None else f'{tries + 1} times '}"
                             "(a worker out of memory, or stopped)",
                             f"{scheduler} 的 Dask 集群中检查卷宗的工作进程"
                             f"{'' if tries is None else f'{tries + 1}次'}中途退出"
                             "（内存不足，或被停止）") from None
        if isinstance(exc, CommClosedError):
            raise DaskFailed(f"the connection to the Dask scheduler at {scheduler} closed "
                             f"during the run ({exc})",
                             f"检查过程中与 {scheduler} 的 Dask 调度器的连接断开") from None
        if isinstance(exc, CancelledError):
            raise DaskFailed(f"the Dask cluster at {scheduler} cancelled a dossier's check (the "
                             f"connection to its scheduler was lost, or it restarted): {exc}",
                             f"{scheduler} 的 Dask 集群取消了一个卷宗的检查（与调度器的连接断开，"
                             "或调度器重启）") from None
        raise
