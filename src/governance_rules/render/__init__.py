"""Output formats: one module per format, each a ``render_<format>(report, lang)`` function.

A new format is a module here with its own tests in ``tests/render/`` and one line below.
Text formats return ``str``; binary ones (:data:`BINARY_FORMAT_NAMES`, e.g. the Excel
workbook) return ``bytes`` and are not in :data:`FORMATS`. A format that can be written from
entries kept on disk (a run of any size in bounded memory) also has ``kept(options)``
(:mod:`._kept`) and is listed in :data:`KEPT_FORMAT_NAMES`.
Modules are imported when a format is first used (``FORMATS`` included), so that the command
line starts without them.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..report.model import Report
    from ._kept import FormatOptions, Kept
    from .github import render_github
    from .gitlab import render_gitlab
    from .html import render_html
    from .json import render_json
    from .jsonl import render_jsonl
    from .junit import render_junit
    from .sarif import render_sarif
    from .text import render_text
    from .xlsx import render_xlsx

FORMAT_NAMES = ("github", "gitlab", "html", "json", "jsonl", "junit", "sarif", "text")
"""Every text format, by the name ``--format`` takes; format ``x`` is ``render_x`` in module
``.x``."""

BINARY_FORMAT_NAMES = ("xlsx",)
"""Formats whose ``render_x`` returns bytes (written only to a file or a pipe)."""


KEPT_FORMAT_NAMES = ("github", "gitlab", "html", "json", "junit", "sarif", "text", "xlsx")
"""Formats written from entries kept on disk (``kept`` in their module); JSON Lines writes
each dossier's findings as they come instead."""


def kept_on_disk(name: str, options: FormatOptions) -> Kept:
    """How format ``name`` keeps a report on disk (its module's ``kept(options)``)."""
    if name not in KEPT_FORMAT_NAMES:
        raise KeyError(name)
    kept: Callable[[FormatOptions], Kept] = import_module(f".{name}", __name__).kept
    return kept(options)


def renderer(name: str) -> Callable[[Report, str], str]:
    """The ``render_<name>`` function of format ``name``."""
    if name not in FORMAT_NAMES:
        raise KeyError(name)
    render: Callable[[Report, str], str] = getattr(import_module(f".{name}", __name__),
                                                   f"render_{name}")
    return render


def binary_renderer(name: str) -> Callable[[Report, str], bytes]:
    """The ``render_<name>`` function of binary format ``name``."""
    if name not in BINARY_FORMAT_NAMES:
        raise KeyError(name)
    render: Callable[[Report, str], bytes] = getattr(import_module(f".{name}", __name__),
                                                     f"render_{name}")
    return render


def __getattr__(name: str) -> Any:
    if name == "FORMATS":
        formats = {n: renderer(n) for n in FORMAT_NAMES}
        globals()["FORMATS"] = formats
        return formats
    if name.startswith("render_") and name.removeprefix("render_") in FORMAT_NAMES:
        return renderer(name.removeprefix("render_"))
    if name.startswith("render_") and name.removeprefix("render_") in BINARY_FORMAT_NAMES:
        return binary_renderer(name.removeprefix("render_"))
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


FORMATS: dict[str, Callable[[Report, str], str]]

__all__ = ["BINARY_FORMAT_NAMES", "FORMATS", "FORMAT_NAMES", "KEPT_FORMAT_NAMES", "binary_renderer",
           "kept_on_disk", "render_github", "render_gitlab", "render_html", "render_json",
           "render_jsonl", "render_junit", "render_sarif", "render_text", "render_xlsx",
           "renderer"]
