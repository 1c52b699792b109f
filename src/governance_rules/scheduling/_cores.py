"""How many processors this process may use: its affinity, and any CPU quota its control group
sets (a container run with ``--cpus 2``, a Kubernetes CI runner with a CPU limit).

A container on a large host sees every core of the host in its affinity while its quota lets
it use two: ``--jobs`` by default would then start a worker for each of the host's cores, each
holding a rulebook (~70 MiB), and run them on two cores' time, slower than two workers and
past the memory limit. The quota is read as joblib's ``loky`` reads it: cgroup v2's
``cpu.max`` (``"max 100000"``: none; ``"200000 100000"``: two), else cgroup v1's
``cpu.cfs_quota_us`` over ``cpu.cfs_period_us``, rounded up.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

CGROUP_ROOT = Path("/sys/fs/cgroup")

_V1_FOLDERS = ("cpu", "cpu,cpuacct")


def available_cores(cgroup_root: Path = CGROUP_ROOT) -> int:
    """The processors this process may run on (its affinity), no more than its control
    group's CPU quota allows, at least 1.

    >>> available_cores() >= 1
    True
    """
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        cores = int(counter() or 1)
    else:
        try:
            cores = len(os.sched_getaffinity(0)) or 1
        except AttributeError:  # pragma: no cover - macOS, Windows
            cores = os.cpu_count() or 1
    quota = cgroup_cpu_quota(cgroup_root)
    return max(1, min(cores, quota)) if quota is not None else cores


def cgroup_cpu_quota(cgroup_root: Path = CGROUP_ROOT) -> int | None:
    """The CPUs the control group's quota allows, rounded up (``None``: no quota, or no
    control groups here, as on macOS and Windows).

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> _ = (root / "cpu.max").write_text("150000 100000\\n")
    >>> cgroup_cpu_quota(root)
    2
    """
    v2 = _read_numbers(cgroup_root / "cpu.max")
    if v2 is not None:
        return _cpus(*v2) if len(v2) == 2 else None
    for folder in _V1_FOLDERS:
        quota = _read_numbers(cgroup_root / folder / "cpu.cfs_quota_us")
        period = _read_numbers(cgroup_root / folder / "cpu.cfs_period_us")
        if quota is not None and period is not None and len(quota) == len(period) == 1:
            return _cpus(quota[0], period[0])
    return None


def _cpus(quota: int | None, period: int | None) -> int | None:
    if quota is None or period is None or quota <= 0 or period <= 0:  # "max" or -1: no quota
        return None
    return max(1, math.ceil(quota / period))


def _read_numbers(path: Path) -> list[int | None] | None:
    """The whitespace-separated numbers of a small control-group file (``max`` as ``None``);
    ``None`` when it cannot be read or is not that."""
    try:
        with open(path, "rb") as handle:
            words = handle.read(256).split()
    except OSError:
        return None
    try:
        return [None if word == b"max" else int(word) for word in words] or None
    except ValueError:
        return None
