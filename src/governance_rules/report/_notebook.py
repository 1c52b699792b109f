"""How a :class:`~governance_rules.report.model.Report` shows in a notebook: a summary line and a
collapsible table of findings, every value escaped (record text may hold markup)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any, Protocol

from ._engines import engine_words


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
    @property
    def scopes(self) -> Sequence[Any]: ...

MAX_ROWS = 200
"""Findings shown in the table; the rest are counted (use ``findings_frame`` for all)."""


def summary_line(report: Report, lang: str = "en") -> str:
    """One line: findings by severity, suppressed, input errors and records checked.

    >>> summary_line(report)  # doctest: +SKIP
    '47 findings (39 errors, 7 warnings, 1 info), 0 input errors, 212 records checked'
    >>> summary_line(report, "zh")  # doctest: +SKIP
    '问题47个（错误39个，警告7个，提示1个），输入错误0个，检查记录212条'
    """
    s = report.summary
    if lang == "zh":
        severities = "，".join(f"{_SEVERITY_ZH.get(k, k)}{n}个" for k, n in s.by_severity.items()
                               if n)
        waived = f"，已豁免{s.suppressed}个" if s.suppressed else ""
        return (f"问题{s.total}个（{severities or '无有效问题'}{waived}），"
                f"输入错误{s.input_errors}个，检查记录{s.records_checked}条")
    severities = ", ".join(_counted(n, k, "info" if k == "info" else f"{k}s")
                           for k, n in s.by_severity.items() if n)
    waived = f", {s.suppressed} waived" if s.suppressed else ""
    return (f"{_counted(s.total, 'finding', 'findings')} ({severities or 'none active'}{waived}), "
            f"{_counted(s.input_errors, 'input error', 'input errors')}, "
            f"{_counted(s.records_checked, 'record', 'records')} checked")


def _counted(count: int, one: str, more: str) -> str:
    return f"{count} {one if count == 1 else more}"


_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}

_WORDS: dict[str, dict[str, Any]] = {
    "en": {"title": "governance-rules report", "ruleset": "rule set", "engine": "engine",
           "findings": "findings", "errors": "input errors",
           "head": ("rule", "severity", "community", "record", "message", "clause"),
           "more": "… {more} more (findings_frame(report) has all)"},
    "zh": {"title": "governance-rules 检查报告", "ruleset": "规则集", "engine": "引擎",
           "findings": "问题", "errors": "输入错误",
           "head": ("规则", "严重程度", "社区", "记录", "说明", "依据条款"),
           "more": "…… 另有{more}个（findings_frame(report) 列出全部）"},
}


def community_names(report: Report, lang: str = "en") -> dict[str, str]:
    """Each community of the report by its id, as a reader names it: ``兴华路社区（xinghua-road）``
    (its name from the report's ``scopes``; the id alone where no record names it)."""
    return {scope.community: (f"{scope.name}（{scope.community}）" if lang == "zh"
                              else f"{scope.name} ({scope.community})")
            for scope in report.scopes if scope.community and scope.name}


def report_html(report: Report, lang: str = "en") -> str:
    """A compact HTML view in ``lang``: the summary, then findings (rule, severity, record,
    message, clause) in a ``<details>`` block, and input errors in another."""
    words = _WORDS["zh" if lang == "zh" else "en"]
    named = community_names(report, lang)
    rows = []
    for f in report.findings[:MAX_ROWS]:
        where = f"{f.record.file}:{f.record.line}" if f.record.line else f.record.file
        title = f.source.title.get(lang) if f.source and f.source.title else ""
        clause = (f"{f.source.document}:{','.join(map(str, f.source.lines))}"
                  + ((f"《{title}》" if lang == "zh" else f" ({title})") if title else "")
                  if f.source else "")
        rows.append("<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in (
            f.rule_id, f.severity.words(lang), named.get(f.community or "", f.community or ""),
            where, f.message.get(lang), clause,
        )) + "</tr>")
    more = len(report.findings) - MAX_ROWS
    if more > 0:
        rows.append(f'<tr><td colspan="6">{escape(words["more"].format(more=more))}</td></tr>')
    head = "".join(f"<th>{h}</th>" for h in words["head"])
    errors = "".join(f"<li>{escape(e.render(lang))}</li>"
                     for e in report.input_errors[:MAX_ROWS])
    parts = [f"<div><strong>{words['title']}</strong> · {escape(summary_line(report, lang))}"
             f" · {words['ruleset']} {escape(report.ruleset_version)}"
             f" · {words['engine']} {escape(engine_words(report.engine, lang))}",
             f"<details><summary>{words['findings']}</summary><table><thead><tr>{head}</tr>"
             f"</thead><tbody>{''.join(rows)}</tbody></table></details>"]
    if errors:
        parts.append(f"<details open><summary>{words['errors']}</summary><ul>{errors}</ul>"
                     "</details>")
    parts.append("</div>")
    return "".join(parts)
