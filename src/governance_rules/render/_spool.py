"""Sorted runs of items kept in a temporary file, read back in one sorted stream.

A streamed report receives each dossier's findings (and ``checked`` entries, input errors...)
already sorted, but a whole report is sorted across dossiers: the files of one dossier may sort
between those of another (``a-b/x.yaml`` comes before ``a/x.yaml``; a dossier nested in
another's folder). So each dossier's items go to the spool as one *run*; reading merges the runs.
Runs that arrive in order (the usual case: dossiers are checked in path order) are read back
one after the other; otherwise they are merged :data:`FAN_IN` at a time (an external merge
sort), so memory stays bounded however many runs there are. Ties keep the order items were
added in, as :func:`sorted` would.

Items are ``(key, payload)`` pairs, pickled in blocks of up to :data:`BLOCK` items (a list
behind a 4-byte length: one pickle call a block, not an item). Items given one at a time
(:meth:`SortedSpool.add`) are sorted in batches of :data:`BATCH` in memory, each batch then
written as a run.
"""

from __future__ import annotations

import heapq
import io
import os
import pickle
import struct
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from typing import IO, Any

FAN_IN = 64
"""Runs merged at once (each holds a read buffer of :data:`CHUNK` bytes)."""
CHUNK = 64 * 1024
MAX_RUNS = 1_024
"""Runs kept before they are merged into one (runs that continue one another count as one)."""
BATCH = 2_000
"""Items :meth:`SortedSpool.add` keeps in memory before it writes them as one sorted run..."""
BATCH_CHARS = 1 << 20
"""... or fewer, when their payloads (strings) reach this many characters."""
BLOCK = 256
"""Items pickled together..."""
BLOCK_CHARS = 1 << 16
"""... or fewer, when their payloads (strings) reach this many characters (a merge holds one
block of each of :data:`FAN_IN` runs)."""
_LENGTH = struct.Struct("<I")
_first = itemgetter(0)


class SortedSpool:
    """Sorted runs of ``(key, payload)`` in a temporary file (in ``TMPDIR``).

    >>> spool = SortedSpool()
    >>> spool.add_run([((1,), "a"), ((3,), "c")])
    >>> spool.add_run([((2,), "b")])
    >>> spool.add((0,), "z")
    >>> [payload for _, payload in spool]
    ['z', 'a', 'b', 'c']
    """

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="governance-rules-")  # noqa: SIM115 - closed by close()
        self._runs: list[tuple[int, int]] = []
        self._last: Any = None
        self.in_order = True
        """Whether every run so far starts at or after the end of the one before (then they
        are one run)."""
        self.count = 0
        self._batch: list[tuple[Any, Any]] = []
        self._batch_chars = 0

    def add(self, key: Any, payload: Any) -> None:
        """Add one item, in any order (kept in a batch of at most :data:`BATCH` in memory)."""
        self._batch.append((key, payload))
        if isinstance(payload, str):
            self._batch_chars += len(payload)
        if len(self._batch) >= BATCH or self._batch_chars >= BATCH_CHARS:
            self._flush()

    def _flush(self) -> None:
        if self._batch:
            self._batch.sort(key=_first)
            batch, self._batch, self._batch_chars = self._batch, [], 0
            self._write_run(batch)

    def add_run(self, items: Iterable[tuple[Any, Any]]) -> None:
        """Add items sorted by key (not checked: an unsorted run is read back unsorted)."""
        self._flush()
        self._write_run(items)

    def add_packed(self, run: PackedRun) -> None:
        """Add a run packed elsewhere (:meth:`PackedRun.of`): its bytes are copied as they are."""
        self._flush()
        if run.count:
            start = self._file.tell()
            self._file.write(run.data)
            self._place(start, run.first, run.last, run.count)

    def _write_run(self, items: Iterable[tuple[Any, Any]]) -> None:
        start = self._file.tell()
        first, last, count = _dump(self._file, items)
        if first is not None and last is not None:
            self._place(start, first[0], last[0], count)

    def _place(self, start: int, first: Any, last: Any, count: int) -> None:
        """Record the run of ``count`` items from ``first`` to ``last`` (keys) just written at
        ``start``."""
        self.count += count
        end = self._file.tell()
        if self._runs and not first < self._last:  # it continues the last run
            self._runs[-1] = (self._runs[-1][0], end)
        else:
            self._runs.append((start, end))
        self._last = last
        self.in_order = len(self._runs) == 1
        if len(self._runs) > MAX_RUNS:
            self._compact()

    def _compact(self) -> None:
        """Merge every run into one, in a new file (so that the list of runs stays short)."""
        merged: IO[bytes] = tempfile.TemporaryFile(prefix="governance-rules-")  # noqa: SIM115 - closed by close()
        _, last, _ = _dump(merged, iter(self))
        self._file.close()
        self._file, self._runs = merged, [(0, merged.tell())]
        self._last, self.in_order = last[0] if last is not None else None, True

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        """Every item, in key order (ties: the order they were added in)."""
        self._flush()
        self._file.flush()
        if not self._runs:
            return
        if self.in_order:
            yield from _read(self._file.fileno(), self._runs[0][0], self._runs[-1][1])
            return
        source, runs = self._file, self._runs
        merged: list[IO[bytes]] = []
        try:
            while len(runs) > FAN_IN:
                out: IO[bytes] = tempfile.TemporaryFile(prefix="governance-rules-")  # noqa: SIM115 - closed by close()
                merged.append(out)
                next_runs = []
                for i in range(0, len(runs), FAN_IN):
                    start = out.tell()
                    _dump(out, _merge(source, runs[i:i + FAN_IN]))
                    next_runs.append((start, out.tell()))
                out.flush()
                source, runs = out, next_runs
            yield from _merge(source, runs)
        finally:
            for out in merged:
                out.close()

    def close(self) -> None:
        self._file.close()


@dataclass(frozen=True)
class PackedRun:
    """Items sorted by key, already in a spool's stored form (pickled blocks behind their
    lengths): packed where the items are made (a worker process), so that the process that
    keeps the spool copies bytes instead of unpickling and pickling them again.

    >>> spool = SortedSpool()
    >>> spool.add_packed(PackedRun.of([((2,), "b"), ((3,), "c")]))
    >>> spool.add_packed(PackedRun.of([((1,), "a")]))
    >>> [payload for _, payload in spool]
    ['a', 'b', 'c']
    """

    first: Any
    """The first item's key (``None`` when there is no item)."""
    last: Any
    count: int
    data: bytes

    @classmethod
    def of(cls, items: Iterable[tuple[Any, Any]]) -> PackedRun:
        buffer = io.BytesIO()
        first, last, count = _dump(buffer, items)
        return cls(first[0] if first else None, last[0] if last else None, count,
                   buffer.getvalue())


def _dump(handle: IO[bytes], items: Iterable[tuple[Any, Any]]
          ) -> tuple[tuple[Any, Any] | None, tuple[Any, Any] | None, int]:
    """Write ``items`` to ``handle`` in pickled blocks; their first, their last and how many."""
    first = last = None
    count = chars = 0
    block: list[tuple[Any, Any]] = []
    pack, dumps = _LENGTH.pack, pickle.dumps

    def put() -> None:
        data = dumps(block, pickle.HIGHEST_PROTOCOL)
        handle.write(pack(len(data)))
        handle.write(data)
        block.clear()

    for item in items:
        if first is None:
            first = item
        block.append(item)
        if isinstance(item[1], str):
            chars += len(item[1])
        if len(block) >= BLOCK or chars >= BLOCK_CHARS:
            count += len(block)
            put()
            chars = 0
        last = item
    if block:
        count += len(block)
        put()
    return first, last, count


def _merge(source: IO[bytes], runs: list[tuple[int, int]]) -> Iterator[tuple[Any, Any]]:
    fd = source.fileno()
    return heapq.merge(*(_read(fd, start, end) for start, end in runs), key=_first)


def _read(fd: int, start: int, end: int) -> Iterator[tuple[Any, Any]]:
    """The items stored (in blocks) between ``start`` and ``end``, read ``CHUNK`` bytes at a time with
    :func:`os.pread` (so that many readers share one file without sharing a position)."""
    buffer = b""
    at = 0
    offset = start
    unpack, loads, size = _LENGTH.unpack_from, pickle.loads, _LENGTH.size
    while True:
        if len(buffer) - at >= size:
            (length,) = unpack(buffer, at)
            if len(buffer) - at - size >= length:
                yield from loads(buffer[at + size:at + size + length])
                at += size + length
                continue
        if offset >= end:
            return
        want = max(CHUNK, (unpack(buffer, at)[0] + size) if len(buffer) - at >= size else CHUNK)
        chunk = os.pread(fd, min(want, end - offset), offset)
        if not chunk:  # pragma: no cover - the file shrank under us
            return
        offset += len(chunk)
        buffer = buffer[at:] + chunk
        at = 0
