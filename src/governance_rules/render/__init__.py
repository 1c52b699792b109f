"""Output formats: one module per format, each a ``render_<format>(report, lang)`` function."""

from collections.abc import Callable

from ..report.model import Report
from .json import render_json
from .text import render_text

FORMATS: dict[str, Callable[[Report, str], str]] = {
    "json": render_json,
    "text": render_text,
}

__all__ = ["FORMATS", "render_json", "render_text"]
