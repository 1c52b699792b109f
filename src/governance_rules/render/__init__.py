"""Output formats: one module per format, each a ``render_<format>(report, lang)`` function.

A new format is a module here with its own tests in ``tests/render/`` and one line below.
"""

from collections.abc import Callable

from ..report.model import Report
from .github import render_github
from .html import render_html
from .json import render_json
from .jsonl import render_jsonl
from .junit import render_junit
from .sarif import render_sarif
from .text import render_text

FORMATS: dict[str, Callable[[Report, str], str]] = {
    "github": render_github,
    "html": render_html,
    "json": render_json,
    "jsonl": render_jsonl,
    "junit": render_junit,
    "sarif": render_sarif,
    "text": render_text,
}

__all__ = ["FORMATS", "render_github", "render_html", "render_json", "render_jsonl", "render_junit",
           "render_sarif", "render_text"]
