"""JSON output: the report model, indented, keys in a fixed order, byte-identical per input."""

from __future__ import annotations

from ..report.model import Report
from ._common import json_inert


def render_json(report: Report, lang: str = "en") -> str:
    """>>> from governance_rules import check_data
    >>> render_json(check_data({})).startswith('{')
    True
    """
    return json_inert(report.to_json())
