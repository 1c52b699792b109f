"""An Excel workbook for offices that work in spreadsheets (needs the ``excel`` extra, openpyxl).

Three sheets, headed in Chinese or English: every finding (community, body, record, file and
line, rule, severity, message, evidence, and the clause with its document's title and quote),
with filters and a frozen header; a summary of findings per community and rule; and the input
errors. Record text is written as text, never as a formula, and characters a workbook cannot
hold become U+FFFD. The workbook is bytes: the command line writes it to ``--output FILE``.
The same report gives the same bytes whenever it is written (the document's times and every
archive member's are fixed), so that a CI job can compare or cache it.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from .._said import Said
from .._type_words import record_type
from ..errors import InputError
from ..report.model import Finding, Report, RuleInfo
from ._common import document_titles, evidence_text, source_title, waiver_note
from ._kept import FormatOptions, Kept

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    from .._spooled import SpooledReport

_WORDS: dict[str, dict[str, Any]] = {
    "zh": {
        "findings": "问题清单", "summary": "汇总", "errors": "输入错误",
        "finding_header": ["社区", "机构", "记录", "记录类型", "文件", "行", "规则", "目录编号",
                           "严重程度", "问题", "证据", "依据文件", "条款位置", "条款原文",
                           "日期", "豁免"],
        "summary_header": ["社区", "规则", "规则名称", "严重程度", "问题数", "已豁免"],
        "error_header": ["文件", "行", "列", "字段", "错误", "类型"],
        "no_community": "（未标明社区）", "lines": "第 {lines} 行", "line": "第 {lines} 行",
    },
    "en": {
        "findings": "Findings", "summary": "Summary", "errors": "Input errors",
        "finding_header": ["Community", "Body", "Record", "Record type", "File", "Line", "Rule",
                           "Catalogue", "Severity", "Message", "Evidence", "Document",
                           "Clause", "Quote", "Date", "Waived"],
        "summary_header": ["Community", "Rule", "Rule title", "Severity", "Findings", "Waived"],
        "error_header": ["File", "Line", "Column", "Field", "Error", "Type"],
        "no_community": "(no community named)", "lines": "lines {lines}", "line": "line {lines}",
    },
}
_WIDTHS = {"findings": [14, 22, 18, 12, 34, 6, 22, 18, 9, 60, 40, 36, 18, 50, 11, 30],
           "summary": [18, 24, 50, 9, 10, 10], "errors": [34, 6, 6, 24, 60, 24]}
_NOT_IN_XLSX = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_FIXED_TIME = datetime(2000, 1, 1)
"""The workbook's creation and modification time, and each archive member's."""


class ExcelUnavailable(Said):
    """``--format xlsx`` without openpyxl installed."""


def render_xlsx(report: Report, lang: str = "en") -> bytes:
    """The workbook of ``report`` as the bytes of an ``.xlsx`` file.

    >>> from governance_rules import check_data
    >>> render_xlsx(check_data({}))[:2]
    b'PK'
    """
    names = {s.community: s.name for s in report.scopes if s.community and s.name}
    return _workbook((xlsx_entry(f, lang) for f in report.findings), report.rules,
                     document_titles(report), report.input_errors, lang, names)


def write_xlsx(spooled: SpooledReport, lang: str = "en") -> bytes:
    """The workbook of ``spooled`` (whose findings were kept by :func:`xlsx_entry`): the one
    :func:`render_xlsx` gives for the whole report, written a row at a time (openpyxl's
    write-only mode keeps each sheet in a temporary file, not its cells in memory)."""
    return _workbook(spooled.finding_payloads(), spooled.head().rules,
                     spooled.document_titles(), spooled.input_errors(), lang,
                     spooled.community_names())


def kept(options: FormatOptions) -> Kept:
    """The workbook kept on disk: each finding's row (:func:`xlsx_entry`)."""
    return Kept(write_bytes=partial(write_xlsx, lang=options.lang),
                finding_entry=partial(xlsx_entry, lang=options.lang), community_names=True)


XlsxEntry = tuple[list[Any], tuple[str, str] | None, str, bool]
"""A finding's row with its clause's document left out, the clause's (document, title of its
own) to fill it in once every document's title is known, the finding's title and whether it
is active (for the summary sheet)."""


def xlsx_entry(finding: Finding, lang: str) -> XlsxEntry:
    """What the workbook needs of ``finding`` (rendered where it was found, as
    :attr:`~governance_rules._spooled.SpooledReport.finding_entry`): a plain row, so that a
    worker sends a few strings rather than the finding's nested models."""
    words = _WORDS["zh" if lang == "zh" else "en"]
    rec, src = finding.record, finding.source
    body = f"{finding.body.name}（{finding.body.id}）" if finding.body and lang == "zh" else (
        f"{finding.body.name} ({finding.body.id})" if finding.body else "")
    waived = ""
    if finding.suppression is not None:
        waived = waiver_note(finding.suppression, lang)
    row = [
        finding.community or "", body, rec.id, record_type(rec.type, lang), rec.file, rec.line,
        finding.rule_id,
        ", ".join(finding.catalogue), finding.severity.words(lang),
        finding.message.get(lang), evidence_text(finding.evidence, lang), None,
        ((words["lines"] if len(src.lines) > 1 else words["line"]).format(
            lines=",".join(map(str, src.lines))) if src else ""),
        src.quote if src else "", finding.date or "", waived,
    ]
    clause = (src.document, source_title(src, {}, lang)) if src else None
    return row, clause, finding.title.get(lang), finding.active


_DOCUMENT, _DATE = 11, 14
"""The Document and Date columns of the findings sheet (0-based)."""


def _workbook(entries: Iterable[XlsxEntry], rules: Sequence[RuleInfo], titles: dict[str, str],
              errors: Sequence[InputError], lang: str, names: dict[str, str] | None = None
              ) -> bytes:
    """The workbook's bytes; a community is shown by its name (``names``, id → name) with its
    id in brackets, as a body is."""
    try:
        from openpyxl import Workbook
    except ImportError:
        raise ExcelUnavailable("--format xlsx needs openpyxl: "
                               "pip install 'governance-rules[excel]'",
                               "--format xlsx 需要安装 openpyxl："
                               "pip install 'governance-rules[excel]'") from None
    words = _WORDS["zh" if lang == "zh" else "en"]
    book = Workbook(write_only=True)
    findings = book.create_sheet(words["findings"])
    summary = book.create_sheet(words["summary"])
    input_errors = book.create_sheet(words["errors"])
    tally = _Tally(rules, lang, words, names or {})
    _table(findings, words["finding_header"], (tally.row(entry, titles, lang) for entry in entries),
           _WIDTHS["findings"])
    _table(summary, words["summary_header"], tally.rows(), _WIDTHS["summary"])
    _table(input_errors, words["error_header"],
           ([e.file, e.line, e.column, e.field, e.text(lang), e.type] for e in errors), _WIDTHS["errors"])
    book.properties.creator = "governance-rules"
    book.properties.title = "治理记录检查报告" if lang == "zh" else "Governance records check"
    book.properties.created = book.properties.modified = _FIXED_TIME
    out = io.BytesIO()
    _save(book, out)
    return out.getvalue()


def _save(book: Any, out: io.BytesIO) -> None:
    """``book.save(out)`` without the times of the moment: openpyxl's ``save`` sets the
    document's ``modified`` to now and the archive stamps each member with the time it was
    written; here both are :data:`_FIXED_TIME`."""
    from openpyxl.writer.excel import ExcelWriter

    with _FixedTimeZip(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(book, archive).save()


class _FixedTimeZip(zipfile.ZipFile):
    """A zip archive whose members all carry :data:`_FIXED_TIME` and the same permissions."""

    def _stamped(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=_FIXED_TIME.timetuple()[:6])
        info.compress_type = self.compression
        info.external_attr = 0o600 << 16
        return info

    def writestr(self, zinfo_or_arcname: str | zipfile.ZipInfo, data: Any,
                 compress_type: int | None = None, compresslevel: int | None = None) -> None:
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = self._stamped(zinfo_or_arcname)
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename: Any, arcname: Any = None, compress_type: int | None = None,
              compresslevel: int | None = None) -> None:
        info = self._stamped(str(arcname if arcname is not None else filename))
        if compress_type is not None:
            info.compress_type = compress_type
        with open(filename, "rb") as source, self.open(info, "w") as member:
            shutil.copyfileobj(source, member, 1 << 20)


class _Tally:
    """The summary sheet's counts, kept as the findings sheet's rows go by: findings per
    community and rule, active and waived, with each rule's severity and title."""

    def __init__(self, rules: Sequence[RuleInfo], lang: str, words: dict[str, Any],
                 names: dict[str, str]) -> None:
        self.titles = {r.id: r.title.get(lang) for r in rules}
        self.words = words
        self.named = {c: (f"{n}（{c}）" if lang == "zh" else f"{n} ({c})")
                      for c, n in names.items() if n != c}
        self.active: Counter[tuple[str, str]] = Counter()
        self.waived: Counter[tuple[str, str]] = Counter()
        self.severity: dict[str, str] = {}
        self.title: dict[str, str] = {}

    def row(self, entry: XlsxEntry, titles: dict[str, str], lang: str) -> list[Any]:
        row, clause, title, active = entry
        row[0] = self.named.get(row[0], row[0])
        if row[_DATE]:  # a date cell, which a spreadsheet sorts and filters as one
            row[_DATE] = date.fromisoformat(row[_DATE])
        rule = row[6]
        key = (row[0] or self.words["no_community"], rule)
        (self.active if active else self.waived)[key] += 1
        self.severity[rule] = row[8]
        self.title[rule] = self.titles.get(rule, title)
        if clause is not None:
            document, own = clause
            row[_DOCUMENT] = _document(document, own or titles.get(document, ""), lang)
        else:
            row[_DOCUMENT] = ""
        return row

    def rows(self) -> list[list[Any]]:
        return [[community, rule, self.title[rule], self.severity[rule],
                 self.active[(community, rule)], self.waived[(community, rule)]]
                for community, rule in sorted(self.active.keys() | self.waived.keys())]


def _document(document: str, title: str, lang: str) -> str:
    if not title:
        return document
    return f"{document}《{title}》" if lang == "zh" else f"{document}: {title}"


def _table(sheet: WriteOnlyWorksheet, header: list[str], rows: Iterable[list[Any]],
           widths: list[int]) -> None:
    """A sheet with a bold frozen header, filters over every column, and text kept as text
    (never a formula, whatever it starts with), written a row at a time."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    def text(value: str, **style: Any) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, _safe(value))
        cell.data_type = "s"
        for name, setting in style.items():
            setattr(cell, name, setting)
        return cell

    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    sheet.append([text(name, font=bold) for name in header])
    wrapped = Alignment(wrap_text=True, vertical="top")
    written = 1
    for row in rows:
        sheet.append([text(value, alignment=wrapped) if isinstance(value, str) else value
                      for value in row])
        written += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{written}"


def _safe(value: Any) -> Any:
    if isinstance(value, str):
        return _NOT_IN_XLSX.sub("\ufffd", value)
    return value
