"""Measuring one command as a whole process tree, for the benchmarks: wall and CPU seconds and
the peak RSS of the command and every worker it starts (sampled every 20 ms from /proc)."""

from __future__ import annotations

import os
import resource
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Measured:
    """One run: its standard output and exit code, wall and CPU seconds (user + system of the
    whole tree) and the peak RSS in bytes of the tree."""

    out: bytes
    code: int
    wall: float
    cpu: float
    peak: int


def measure(cmd: list[str], cwd: Path | None = None) -> Measured:
    """Run ``cmd``, standard error discarded, and measure it.

    Its output goes to a temporary file, read once it has ended: reading a pipe while it runs
    (tens of megabytes of findings at 1M records) took a core's time from the command.
    """
    with tempfile.TemporaryFile() as output:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=output, stderr=subprocess.DEVNULL)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], tree_rss(proc.pid))
                time.sleep(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        proc.wait()
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        output.seek(0)
        out = output.read()
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Measured(out, proc.returncode, wall, cpu, peak[0])


def tree_rss(pid: int) -> int:
    """The RSS in bytes of ``pid`` and all its descendants (Linux /proc; 0 elsewhere).

    Follows each process's ``task/*/children`` down from ``pid``, so a sample reads a few
    files of the command's own processes: reading every process's ``stat`` (as this did at
    first) took a good part of a core every 10 ms, from the command it measured.
    """
    if not os.path.exists(f"/proc/{pid}/task/{pid}/children"):
        return _tree_rss_by_scan(pid)
    total, todo, seen = 0, [pid], set()
    while todo:
        here = todo.pop()
        if here in seen:
            continue
        seen.add(here)
        try:
            with open(f"/proc/{here}/statm", encoding="ascii") as handle:
                total += int(handle.read().split()[1]) * _PAGE
            for task in os.listdir(f"/proc/{here}/task"):
                with open(f"/proc/{here}/task/{task}/children", encoding="ascii") as handle:
                    todo.extend(int(child) for child in handle.read().split())
        except (OSError, ValueError, IndexError):  # it ended while it was read
            continue
    return total


_PAGE = resource.getpagesize()


def _tree_rss_by_scan(pid: int) -> int:
    """:func:`tree_rss` from every process's ``stat``, where ``children`` files do not exist."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return 0
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21]) * _PAGE
    total, todo = 0, [pid]
    while todo:
        here = todo.pop()
        total += rss.get(here, 0)
        todo.extend(children.get(here, ()))
    return total


def load_average() -> float:
    """The 1-minute load average (0 where /proc/loadavg does not exist)."""
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except OSError:
        return 0.0
