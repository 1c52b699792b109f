"""What keeps one request from hurting the others: a body size limit enforced while the body
arrives, a bearer token, and a bounded number of checks with a time limit each.
"""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from .._said import Worded

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
T = TypeVar("T")


class BodyTooLarge(Exception):
    """The request body is over the limit (413); raised while it is read, never after."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the request body is over {limit} bytes")
        self.limit = limit


class BadLength(Exception):
    """A ``Content-Length`` header that is not a number (400)."""


class BodyLimit:
    """ASGI middleware: refuse a body whose declared length is over ``limit`` before reading
    it, and stop reading one that grows past it (chunked uploads declare no length)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        received = 0
        bad = too_large = False
        if declared is not None:
            try:
                too_large = int(declared) > self.limit
            except ValueError:
                bad = True

        async def limited() -> Message:
            nonlocal received
            if bad:
                raise BadLength("Content-Length is not a number")
            if too_large:
                raise BodyTooLarge(self.limit)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        await self.app(scope, limited, send)


def token_ok(header: str | None, token: str) -> bool:
    """Whether an ``Authorization`` header carries ``token`` (compared in constant time).

    >>> token_ok("Bearer s3cret", "s3cret"), token_ok("Bearer nope", "s3cret"), token_ok(None, "x")
    (True, False, False)
    """
    if not header:
        return False
    scheme, _, value = header.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode("utf-8"),
                                                              token.encode("utf-8"))


class Busy(Exception):
    """No check slot came free, or the check ran past the time limit (503)."""

    def __init__(self, reason: str, retry_after: int) -> None:
        super().__init__(reason)
        self.reason, self.retry_after = reason, retry_after


class CheckSlots:
    """At most ``size`` checks at once, each in a worker thread, each answered within
    ``timeout`` seconds (the wait for a slot included).

    A thread cannot be stopped: a check past its time limit is answered with 503 at once, but
    keeps its slot until it ends, so runaway checks can never pile up beyond ``size``. The
    library's input bounds (file size, depth, nodes, numbers, date span) keep every check finite.
    """

    def __init__(self, size: int, timeout: float) -> None:
        self.size, self.timeout = size, timeout
        self._pool = ThreadPoolExecutor(max_workers=size, thread_name_prefix="check")
        self._free: asyncio.Semaphore | None = None

    async def run(self, work: Callable[[], T]) -> T:
        loop = asyncio.get_running_loop()
        if self._free is None:
            self._free = asyncio.Semaphore(self.size)
        free = self._free
        deadline = loop.time() + self.timeout
        retry = max(1, round(self.timeout))
        try:
            await asyncio.wait_for(free.acquire(), self.timeout)
        except TimeoutError:
            raise Busy(Worded(f"every check slot stayed busy for {self.timeout:g} s",
                              f"所有检查名额在{self.timeout:g}秒内一直被占用"), retry) from None
        try:
            future = loop.run_in_executor(self._pool, work)
        except BaseException:
            free.release()
            raise
        future.add_done_callback(lambda _: free.release())
        try:
            return await asyncio.wait_for(asyncio.shield(future), max(0.0, deadline - loop.time()))
        except TimeoutError:
            future.add_done_callback(_consume)
            raise Busy(Worded(f"the check ran past the time limit of {self.timeout:g} s",
                              f"检查超过了{self.timeout:g}秒的时限"), retry) from None

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _consume(future: asyncio.Future[Any]) -> None:
    """Retrieve the outcome of an abandoned check so that asyncio does not log it."""
    if not future.cancelled():
        future.exception()
