"""How a :class:`~governance_rules.report.model.Report` shows in a notebook: a summary line and a
collapsible table of findings, every value escaped (record text may hold markup)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any, Protocol


class Report(Protocol):
    """What the notebook view reads of a report (the model's ``Report`` has it: this module is
    imported by the model, not the other way round)."""

    @property
    def summary(self) -> Any: ...
    @property
    def findings(self) -> Sequence[Any]: ...
    @property
    def input_errors(self) -> Sequence[Any]: ...
    @property
    def ruleset_version(self) -> str: ...
    @property
    def engine(self) -> str: ...

MAX_ROWS = 200
"""Findings shown in the table; the rest are counted (use ``findings_frame`` for all)."""


def summary_line(report: Report) -> str:
    """One line: findings by severity, suppressed, input errors and records checked.

    >>> summary_line(report)  # doctest: +SKIP
    '47 findings (39 error, 7 warning, 1 info), 0 input errors, 212 records checked'
    """
    s = report.summary
    severities = ", ".join(f"{n} {k}" for k, n in s.by_severity.items() if n)
    waived = f", {s.suppressed} waived" if s.suppressed else ""
    return (f"{s.total} findings ({severities or 'none active'}{waived}), "
            f"{s.input_errors} input errors, {s.records_checked} records checked")


def report_html(report: Report, lang: str = "en") -> str:
    """A compact HTML view: the summary, then findings (rule, severity, record, message,
    clause) in a ``<details>`` block, and input errors in another."""
    rows = []
    for f in report.findings[:MAX_ROWS]:
        where = f"{f.record.file}:{f.record.line}" if f.record.line else f.record.file
        clause = (f"{f.source.document}:{','.join(map(str, f.source.lines))}"
                  + (f" ({f.source.title.get(lang)})" if f.source.title else "")
                  if f.source else "")
        rows.append("<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in (
            f.rule_id, f.severity.value, f.community or "", where, f.message.get(lang), clause,
        )) + "</tr>")
    more = len(report.findings) - MAX_ROWS
    if more > 0:
        rows.append(f'<tr><td colspan="6">… {more} more (findings_frame(report) has all)</td></tr>')
    head = "".join(f"<th>{h}</th>" for h in
                   ("rule", "severity", "community", "record", "message", "clause"))
    errors = "".join(f"<li>{escape(e.render())}</li>" for e in report.input_errors[:MAX_ROWS])
    parts = [f"<div><strong>governance-rules report</strong> · {escape(summary_line(report))}"
             f" · rule set {escape(report.ruleset_version)} · engine {escape(report.engine)}",
             f"<details><summary>findings</summary><table><thead><tr>{head}</tr></thead>"
             f"<tbody>{''.join(rows)}</tbody></table></details>"]
    if errors:
        parts.append(f"<details open><summary>input errors</summary><ul>{errors}</ul></details>")
    parts.append("</div>")
    return "".join(parts)
