"""An Excel workbook for offices that work in spreadsheets (needs the ``excel`` extra, openpyxl).

Three sheets, headed in Chinese or English: every finding (community, body, record, file and
line, rule, severity, message, evidence, and the clause with its document's title and quote),
with filters and a frozen header; a summary of findings per community and rule; and the input
errors. Record text is written as text, never as a formula, and characters a workbook cannot
hold become U+FFFD. The workbook is bytes: the command line writes it to ``--output FILE``.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..report.model import Finding, Report, Severity
from ._common import document_titles, evidence_text, source_title

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

_SEVERITY = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}
_WORDS: dict[str, dict[str, Any]] = {
    "zh": {
        "findings": "问题清单", "summary": "汇总", "errors": "输入错误",
        "finding_header": ["社区", "机构", "记录", "记录类型", "文件", "行", "规则", "目录编号",
                           "严重程度", "问题", "证据", "依据文件", "条款位置", "条款原文",
                           "日期", "豁免"],
        "summary_header": ["社区", "规则", "规则名称", "严重程度", "问题数", "已豁免"],
        "error_header": ["文件", "行", "列", "字段", "错误", "类型"],
        "waived": "已豁免至 {expires}（{approved_by}）：{reason}",
        "no_community": "（未标明社区）", "lines": "第 {lines} 行",
    },
    "en": {
        "findings": "Findings", "summary": "Summary", "errors": "Input errors",
        "finding_header": ["Community", "Body", "Record", "Record type", "File", "Line", "Rule",
                           "Catalogue", "Severity", "Message", "Evidence", "Document",
                           "Clause", "Quote", "Date", "Waived"],
        "summary_header": ["Community", "Rule", "Rule title", "Severity", "Findings", "Waived"],
        "error_header": ["File", "Line", "Column", "Field", "Error", "Type"],
        "waived": "waived until {expires} by {approved_by}: {reason}",
        "no_community": "(no community named)", "lines": "lines {lines}",
    },
}
_WIDTHS = {"findings": [14, 22, 18, 12, 34, 6, 22, 18, 9, 60, 40, 36, 18, 50, 11, 30],
           "summary": [18, 24, 50, 9, 10, 10], "errors": [34, 6, 6, 24, 60, 24]}
_NOT_IN_XLSX = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_FIXED_TIME = datetime(2000, 1, 1)


class ExcelUnavailable(Exception):
    """``--format xlsx`` without openpyxl installed."""


def render_xlsx(report: Report, lang: str = "en") -> bytes:
    """The workbook of ``report`` as the bytes of an ``.xlsx`` file.

    >>> from governance_rules import check_data
    >>> render_xlsx(check_data({}))[:2]
    b'PK'
    """
    try:
        from openpyxl import Workbook
    except ImportError:
        raise ExcelUnavailable("--format xlsx needs openpyxl: "
                               "pip install 'governance-rules[excel]'") from None
    words = _WORDS["zh" if lang == "zh" else "en"]
    titles = document_titles(report)
    book = Workbook()
    findings = book.active
    assert findings is not None
    findings.title = words["findings"]
    _table(findings, words["finding_header"],
           [_finding_row(f, lang, words, titles) for f in report.findings], _WIDTHS["findings"])
    _table(book.create_sheet(words["summary"]), words["summary_header"],
           _summary_rows(report, lang, words), _WIDTHS["summary"])
    _table(book.create_sheet(words["errors"]), words["error_header"],
           [[e.file, e.line, e.column, e.field, e.msg, e.type] for e in report.input_errors],
           _WIDTHS["errors"])
    book.properties.creator = "governance-rules"
    book.properties.title = "治理记录检查报告" if lang == "zh" else "Governance records check"
    book.properties.created = book.properties.modified = _FIXED_TIME
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _finding_row(finding: Finding, lang: str, words: dict[str, Any],
                 titles: dict[str, str]) -> list[Any]:
    rec, src = finding.record, finding.source
    body = f"{finding.body.name}（{finding.body.id}）" if finding.body and lang == "zh" else (
        f"{finding.body.name} ({finding.body.id})" if finding.body else "")
    waived = ""
    if finding.suppression is not None:
        waived = words["waived"].format_map(finding.suppression.model_dump())
    return [
        finding.community or "", body, rec.id, rec.type, rec.file, rec.line, finding.rule_id,
        ", ".join(finding.catalogue), _SEVERITY[lang if lang == "zh" else "en"][finding.severity],
        finding.message.get(lang), evidence_text(finding.evidence, lang),
        _document(src.document, source_title(src, titles), lang) if src else "",
        (words["lines"].format(lines=",".join(map(str, src.lines))) if src else ""),
        src.quote if src else "", finding.date or "", waived,
    ]


def _document(document: str, title: str, lang: str) -> str:
    if not title:
        return document
    return f"{document}《{title}》" if lang == "zh" else f"{document}: {title}"


def _summary_rows(report: Report, lang: str, words: dict[str, Any]) -> list[list[Any]]:
    rules = {r.id: r for r in report.rules}
    active: Counter[tuple[str, str]] = Counter()
    waived: Counter[tuple[str, str]] = Counter()
    severity: dict[str, Severity] = {}
    title: dict[str, str] = {}
    for f in report.findings:
        key = (f.community or words["no_community"], f.rule_id)
        (active if f.active else waived)[key] += 1
        severity[f.rule_id] = f.severity
        title[f.rule_id] = (rules[f.rule_id].title if f.rule_id in rules else f.title).get(lang)
    labels = _SEVERITY[lang if lang == "zh" else "en"]
    return [[community, rule, title[rule], labels[severity[rule]], active[(community, rule)],
             waived[(community, rule)]]
            for community, rule in sorted(active.keys() | waived.keys())]


def _table(sheet: Worksheet, header: list[str], rows: list[list[Any]], widths: list[int]) -> None:
    """A sheet with a bold frozen header, filters over every column, and text kept as text."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrapped = Alignment(wrap_text=True, vertical="top")
    last = 1
    for last, row in enumerate(rows, start=2):  # cells by their place: sheet.max_row and
        sheet.append([_safe(v) for v in row])   # sheet[n] scan every cell (a run was quadratic)
        for column, value in enumerate(row, start=1):
            if isinstance(value, str):
                cell = sheet.cell(row=last, column=column)
                cell.data_type = "s"
                cell.alignment = wrapped
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{last}"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _safe(value: Any) -> Any:
    if isinstance(value, str):
        return _NOT_IN_XLSX.sub("\ufffd", value)
    return value
