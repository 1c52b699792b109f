"""A small file named by a person or a rule set, read bounded: a device, a FIFO or a file
larger than the limit is refused before it is read (``--config /dev/zero``, a document whose
``file`` links to ``/dev/zero``). Standard library only: the command line's start-up reads it.
"""

from __future__ import annotations

import os
import stat


class NotRegular(Exception):
    """The path is a device, a FIFO, a socket or a folder, not a file."""


class TooLarge(Exception):
    """The file holds more than the limit."""


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them (one more is read,
    so that a file that grows while it is read is refused too).

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile(delete=False) as handle:
    ...     _ = handle.write(b"format = 'json'")
    >>> read_regular(handle.name, 100), len(read_regular(handle.name, 15))
    (b"format = 'json'", 15)
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise NotRegular(str(path))
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(str(path))
    return data
