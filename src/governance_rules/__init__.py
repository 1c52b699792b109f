"""governance_rules: check Chinese community and township governance records against a
declarative, cited rule set.

>>> from governance_rules import check_data
>>> report = check_data({"community.yaml": {"community": {
...     "id": "demo", "name": "示范社区", "jurisdiction": ["cn"]}}})
>>> report.summary.total, report.input_errors
(0, [])

Three ways in: this API (no global state), the ``governance-rules`` CLI (formats text,
json, sarif, junit, github, html; see docs/ci.md), and notebooks
(:mod:`governance_rules.analysis`: tables, what-if over a parameter, plots).
"""

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

__version__ = "0.1.0"

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
