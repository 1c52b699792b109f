"""The kernel's pseudo file systems (``/proc``, ``/sys``, ``/dev`` …): never walked for records.

Why: they hold the state of the running system, not files anyone wrote, and a walk of them
does not end in any useful time (``check /`` walked every process's folders in ``/proc`` and
every device in ``/sys``). They are recognised by the type of the file system they are, as
Linux lists the mounts in ``/proc/self/mountinfo``, read once a discovery: a walk skips the
folders where one is mounted (a set lookup a folder: nothing measurable), and a folder the
user names is asked which device it is on (one ``stat``). Where that list cannot be read
(other systems), nothing is recognised and folders are walked as before.

>>> line = "22 27 0:21 / /proc rw,relatime - proc proc rw"
>>> known = PseudoFileSystems.of_mountinfo(line + "\\n25 1 254:0 / / rw - ext4 /dev/vda rw\\n")
>>> sorted(known.mount_points), known.type_of_device(os.makedev(0, 21))
(['/proc'], 'proc')
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

PSEUDO_FILE_SYSTEM_TYPES = frozenset({
    "proc", "sysfs", "devtmpfs", "devpts", "debugfs", "tracefs", "securityfs", "cgroup",
    "cgroup2", "pstore", "bpf", "configfs", "fusectl", "mqueue", "hugetlbfs", "binfmt_misc",
    "efivarfs", "selinuxfs", "smackfs", "rpc_pipefs", "nsfs",
})
"""File system types that show the kernel's state rather than hold files (``tmpfs`` holds
files people write, e.g. ``/tmp``, and is walked; so is ``autofs``, under which real file
systems are mounted)."""

MOUNTINFO = "/proc/self/mountinfo"
MAX_MOUNTINFO_BYTES = 8 << 20
"""More than the list of mounts of any machine (about 150 bytes a mount); past it, the mounts
left out are walked as ordinary folders."""


class PseudoFileSystems:
    """Where pseudo file systems are mounted (``mount_points``, real paths) and which devices
    they are (``type_of``): made once a discovery, from the list of mounts as it is then.

    >>> PseudoFileSystems(()).type_of("/")  # nothing known: nothing is a pseudo file system
    """

    __slots__ = ("_devices", "mount_points")

    def __init__(self, mounts: Iterable[tuple[str, int, str]]) -> None:
        """``mounts``: each mount's point, device number and file system type, in the order
        they were mounted (a later mount on the same point hides the earlier one)."""
        on_point: dict[str, str] = {}
        devices: dict[int, str] = {}
        for point, device, kind in mounts:
            on_point[point] = kind
            if kind in PSEUDO_FILE_SYSTEM_TYPES:
                devices[device] = kind
        self.mount_points = frozenset(point for point, kind in on_point.items()
                                      if kind in PSEUDO_FILE_SYSTEM_TYPES)
        self._devices = devices

    @classmethod
    def of_this_machine(cls) -> PseudoFileSystems:
        """The pseudo file systems mounted now, as this process sees them; none where the
        list of mounts cannot be read."""
        try:
            with open(MOUNTINFO, "rb") as listing:
                text = listing.read(MAX_MOUNTINFO_BYTES).decode("utf-8", "surrogateescape")
        except (OSError, ValueError):
            return cls(())
        return cls.of_mountinfo(text)

    @classmethod
    def of_mountinfo(cls, text: str) -> PseudoFileSystems:
        """Read from the text of ``/proc/<pid>/mountinfo`` (proc(5)): ``id parent major:minor
        root mount-point options [optional fields] - type source options``; a line that is
        not of that form is passed over."""
        mounts = []
        for line in text.splitlines():
            fields, _, after = line.partition(" - ")
            parts = fields.split(" ")
            kind = after.split(" ", 1)[0]
            if len(parts) < 5 or not kind:
                continue
            major, _, minor = parts[2].partition(":")
            try:
                device = os.makedev(int(major), int(minor))
            except (ValueError, OverflowError):
                continue
            mounts.append((_unescaped(parts[4]), device, kind))
        return cls(mounts)

    def type_of_device(self, device: int) -> str | None:
        """The pseudo file system type of the device numbered ``device``, else None."""
        return self._devices.get(device)

    def type_of(self, folder: str | os.PathLike[str]) -> str | None:
        """The pseudo file system type ``folder`` is on (``proc`` for ``/proc/self``), else
        None (an ordinary folder, or one that cannot be looked at: reading it says why)."""
        if not self._devices:
            return None
        try:
            return self._devices.get(os.stat(folder).st_dev)
        except (OSError, ValueError):
            return None


def _unescaped(point: str) -> str:
    r"""A mount point as mountinfo writes it, with a space, tab, line break or backslash as an
    octal escape (``\040``).

    >>> _unescaped("/mnt/my\\040disk")
    '/mnt/my disk'
    """
    return _OCTAL.sub(lambda escape: chr(int(escape.group(1), 8)), point)


_OCTAL = re.compile(r"\\([0-7]{3})")
