"""governance_rules: check Chinese community and township governance records against a
declarative, cited rule set.

>>> from governance_rules import check_data
>>> report = check_data({"community.yaml": {"community": {
...     "id": "demo", "name": "示范社区", "jurisdiction": ["cn"]}}})
>>> report.summary.total, report.input_errors
(0, [])

Three ways in: this API (no global state), the ``governance-rules`` CLI (formats text,
json, jsonl, sarif, junit, github, gitlab, html, xlsx; see docs/ci.md), and notebooks
(:mod:`governance_rules.analysis`: tables, what-if over a parameter, plots).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Where each public name lives. Names are imported on first use (PEP 562), so that the command
# line starts without building the record models it may not need (`governance-rules --help`).
_EXPORTS = {
    "DossierResult": "._checker", "ReportBuilder": "._checker", "check_data": "._checker",
    "check_dossiers": "._checker", "check_paths": "._checker", "iter_check_paths": "._checker",
    "ENGINES": ".engines", "get_engine": ".engines",
    "EngineUnavailable": ".errors", "InputError": ".errors", "RulebookError": ".errors",
    "Dossier": ".records", "dossier_from_data": ".records", "load_dossier": ".records",
    "Evidence": ".report", "Finding": ".report", "Report": ".report", "Severity": ".report",
    "Rule": ".rulebook", "Rulebook": ".rulebook", "load_rulebook": ".rulebook",
    "apply_waivers": ".waivers", "load_waivers": ".waivers",
}

if TYPE_CHECKING:
    from ._checker import (
        DossierResult,
        ReportBuilder,
        check_data,
        check_dossiers,
        check_paths,
        iter_check_paths,
    )
    from .engines import ENGINES, get_engine
    from .errors import EngineUnavailable, InputError, RulebookError
    from .records import Dossier, dossier_from_data, load_dossier
    from .report import Evidence, Finding, Report, Severity
    from .rulebook import Rule, Rulebook, load_rulebook
    from .waivers import apply_waivers, load_waivers


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


__all__ = [
    "ENGINES",
    "Dossier",
    "DossierResult",
    "EngineUnavailable",
    "Evidence",
    "Finding",
    "InputError",
    "Report",
    "ReportBuilder",
    "Rule",
    "Rulebook",
    "RulebookError",
    "Severity",
    "__version__",
    "apply_waivers",
    "check_data",
    "check_dossiers",
    "check_paths",
    "dossier_from_data",
    "get_engine",
    "iter_check_paths",
    "load_dossier",
    "load_rulebook",
    "load_waivers",
]
