"""JSON output: the report model, indented, keys in a fixed order, byte-identical per input.

:func:`render_json` renders a :class:`Report` held in memory; :func:`write_json` writes the same
bytes from a :class:`~governance_rules._spooled.SpooledReport` piece by piece, so that a run over
any number of dossiers holds no more than one dossier's entries at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from typing import TYPE_CHECKING

from ._common import json_inert
from ._kept import FormatOptions, Kept

if TYPE_CHECKING:
    from .._spooled import SpooledReport
    from ..report.model import Report

def kept(options: FormatOptions) -> Kept:
    """The JSON report kept on disk: every entry of its long lists, as it is written."""
    return Kept(write=write_json, report_entries=True, details=True)


WRITE_CHUNK = 1 << 16
"""Characters gathered before each write."""


def render_json(report: Report, lang: str = "en") -> str:
    """>>> from governance_rules import check_data
    >>> render_json(check_data({})).startswith('{')
    True
    """
    return json_inert(report.to_json())


def write_json(spooled: SpooledReport, write: Callable[[str], object]) -> None:
    """Write the JSON report of ``spooled`` with ``write``: the head of the report (every key,
    the long lists empty), with each long list's entries streamed from the spool in its place
    (the spool's entries are inert already).
    """
    sections = spooled.sections()
    buffer: list[str] = []
    size = 0

    def put(text: str) -> None:
        nonlocal size
        buffer.append(text)
        size += len(text)
        if size >= WRITE_CHUNK:
            write("".join(buffer))
            buffer.clear()
            size = 0

    lines = json_inert(spooled.head().to_json()).split("\n")
    for i, line in enumerate(lines):
        if i:
            put("\n")
        name, _, rest = line.strip().partition(": ")
        entries = sections.get(name[1:-1]) if line.startswith('  "') and line[3] != " " \
            and rest.rstrip(",") == "[]" else None
        if entries is None:
            put(line)
            continue
        first = next(entries, None)
        if first is None:
            put(line)
            continue
        put(f"  {name}: [\n")
        put(first)
        while group := list(islice(entries, 256)):
            put(",\n" + ",\n".join(group))
        put("\n  ]" + ("," if rest.endswith(",") else ""))
    if buffer:
        write("".join(buffer))
