"""Tables, pictures and what-if runs for policy-analysis notebooks.

Needs the ``analysis`` extra (pandas, matplotlib): ``pip install 'governance-rules[analysis]'``.

>>> from governance_rules import check_paths
>>> from governance_rules.analysis import findings_frame
>>> findings_frame(check_paths(["examples/haliang-3"]))[["rule_id", "severity"]].head(2)  # doctest: +SKIP
          rule_id severity
0  cc-composition    error
1  cc-term-length  warning
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import Any

from ._checker import check_dossiers
from .errors import EngineUnavailable
from .records import Dossier, load_dossier
from .records.loader import discover
from .report.model import Report
from .rulebook import Rulebook, load_rulebook

FINDING_COLUMNS = ["rule_id", "catalogue", "severity", "suppressed", "body", "record_type",
                   "record_id", "file", "line", "message", "measured", "required", "shortfall",
                   "document", "lines", "quote"]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise EngineUnavailable("tables need pandas: pip install 'governance-rules[analysis]' "
                                f"({exc})") from None
    return pandas


def findings_frame(report: Report, lang: str = "en") -> Any:
    """One row per finding, with the clause it breaks; a ``pandas.DataFrame``."""
    rows = [{
        "rule_id": f.rule_id, "catalogue": ",".join(f.catalogue), "severity": f.severity.value,
        "suppressed": f.suppression is not None, "body": f.body.id if f.body else None,
        "record_type": f.record.type, "record_id": f.record.id, "file": f.record.file,
        "line": f.record.line, "message": f.message.get(lang), "measured": f.evidence.measured,
        "required": f.evidence.required, "shortfall": f.evidence.shortfall,
        "document": f.source.document if f.source else None,
        "lines": ",".join(map(str, f.source.lines)) if f.source else None,
        "quote": f.source.quote if f.source else None,
    } for f in report.findings]
    return _pandas().DataFrame(rows, columns=FINDING_COLUMNS)


def rules_frame(report: Report, lang: str = "en") -> Any:
    """One row per rule: how often it applied, how often it failed, and the failure rate."""
    rows = []
    for rule in report.rules:
        applied = report.summary.applied.get(rule.id, 0)
        failed = report.summary.by_rule.get(rule.id, 0)
        rows.append({"rule_id": rule.id, "catalogue": ",".join(rule.catalogue),
                     "severity": rule.severity.value, "title": rule.title.get(lang),
                     "applied": applied, "findings": failed,
                     "failure_rate": failed / applied if applied else None})
    return _pandas().DataFrame(rows)


def load_dossiers(paths: Sequence[str | os.PathLike[str]]) -> list[Dossier]:
    """Read the dossiers under ``paths`` once, to check them under several rulebooks."""
    sources, _ = discover(paths)
    return [load_dossier(source) for source in sources]


def what_if(dossiers: Iterable[Dossier], parameter: str, values: Iterable[Any],
            rulebook: Rulebook | None = None) -> Any:
    """Findings per rule as ``parameter`` takes each of ``values`` (e.g. the 80% consent share).

    Returns a ``pandas.DataFrame`` with one row per value and one column per rule that found
    anything under some value, plus ``total``.

    >>> from fractions import Fraction
    >>> table = what_if(load_dossiers(["examples/haliang-3"]), "cc.consent_share",
    ...                 [Fraction(2, 3), Fraction(4, 5)])  # doctest: +SKIP
    """
    book = rulebook or load_rulebook()
    dossiers = list(dossiers)
    rows = []
    for value in values:
        report = check_dossiers(dossiers, rulebook=book.with_parameter(parameter, value))
        rows.append({"value": str(value), **report.summary.by_rule, "total": report.summary.total})
    frame = _pandas().DataFrame(rows).fillna(0).set_index("value")
    return frame.astype(int)


def plot_what_if(table: Any, rules: Sequence[str] | None = None, ax: Any = None) -> Any:
    """A line per rule: findings against the parameter's value. Returns the matplotlib Axes."""
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise EngineUnavailable("plots need matplotlib: pip install 'governance-rules[analysis]' "
                                f"({exc})") from None
    columns = list(rules) if rules is not None else [c for c in table.columns if c != "total"]
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))
    for column in columns:
        ax.plot(table.index, table[column], marker="o", label=column)
    ax.set_xlabel(table.index.name or "value")
    ax.set_ylabel("findings")
    ax.legend(loc="best", fontsize="small")
    return ax
