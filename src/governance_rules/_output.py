"""Where a report goes: a file or stdout, with the same two outcomes every command keeps.

A reader that closes the pipe early (``| head``) is not an error; a file that cannot be written
is an :class:`~governance_rules.errors.OutputError` (exit 2), never a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from ._said import Said, os_reason


class OutputError(Said):
    """The report could not be written where ``--output`` asked (exit 2, with the reason).

    >>> OutputError.at("out/r.json", FileNotFoundError(2, "No such file")).text("zh")
    '无法将报告写入 out/r.json：文件或文件夹不存在'
    """

    @classmethod
    def at(cls, output: str, exc: OSError) -> OutputError:
        """The error of writing to ``output`` that failed with ``exc``."""
        return cls(f"cannot write the report to {output}: {os_reason(exc, 'en')}",
                   f"无法将报告写入 {output}：{os_reason(exc, 'zh')}")


def emit(text: str, output: str | None) -> None:
    """Write the report to ``output`` or stdout. A reader that closes the pipe early (``| head``)
    is not an error: the rest of the output is dropped quietly and the exit code kept."""
    if output is None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            silence_stdout()
        return
    try:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise OutputError.at(output, exc) from None


def emit_bytes(data: bytes, output: str | None) -> None:
    """:func:`emit` for a binary report (a workbook)."""
    if output is None:
        try:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        except BrokenPipeError:
            silence_stdout()
        return
    try:
        with open(output, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise OutputError.at(output, exc) from None


def emit_with(produce: Callable[[Callable[[str], object]], None], output: str | None) -> None:
    """:func:`emit` for output written piece by piece: ``produce(write)``."""
    if output is None:
        try:
            produce(sys.stdout.write)
            sys.stdout.flush()
        except BrokenPipeError:
            silence_stdout()
        return
    try:
        with open(output, "w", encoding="utf-8") as handle:
            produce(handle.write)
    except OSError as exc:
        raise OutputError.at(output, exc) from None


def silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # pragma: no cover - stdout without a file descriptor
        pass
