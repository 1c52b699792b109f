"""Human-readable text: findings grouped by file, coloured on a terminal, in zh or en."""

from __future__ import annotations

from itertools import groupby

from ..report.model import Finding, Report, Severity, Source
from ._common import evidence_text, quoted

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_LABELS = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}
_WORDS = {
    "zh": {"input": "输入错误", "summary": "共 {total} 项：错误 {error}，警告 {warning}，提示 {info}；"
           "输入错误 {inputs}；检查记录 {records} 条", "clean": "未发现问题", "source": "依据",
           "evidence": "证据", "suppressed": "已豁免",
           "waiver": "豁免依据 {file}:{line}，批准人 {approved_by}，有效期至 {expires}：{reason}"},
    "en": {"input": "input errors", "suppressed": "suppressed", "waiver": "waived by {file}:{line}, "
           "approved by {approved_by} until {expires}: {reason}",
           "summary": "{total} finding(s): {error} error, {warning} "
           "warning, {info} info; {inputs} input error(s); {records} record(s) checked",
           "clean": "no findings", "source": "source", "evidence": "evidence"},
}


def render_text(report: Report, lang: str = "en", colour: bool = False,
                summary: bool = True) -> str:
    """Render ``report`` for a person reading a terminal or a CI log; without ``summary``
    (``--quiet``), only the input errors and findings.

    >>> from governance_rules import check_data
    >>> render_text(check_data({})).splitlines()[-1]
    '0 finding(s): 0 error, 0 warning, 0 info; 0 input error(s); 0 record(s) checked'
    """
    words = _WORDS[lang]

    def paint(text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if colour else text

    lines: list[str] = []
    if report.input_errors:
        lines.append(paint(words["input"], "1;31"))
        for error in report.input_errors:
            lines.append(f"  {_clean(error.render())}")
        lines.append("")
    for file, group in groupby(report.findings, key=lambda f: f.record.file):
        lines.append(paint(_clean(file), "1"))
        for finding in group:
            lines.extend(_finding(finding, lang, paint))
        lines.append("")
    if not summary:
        return "\n".join(lines[:-1]) + "\n" if lines else ""
    counts = report.summary.by_severity
    totals = words["summary"].format(
        total=report.summary.total, error=counts.get("error", 0),
        warning=counts.get("warning", 0), info=counts.get("info", 0),
        inputs=len(report.input_errors), records=report.summary.records_checked)
    if report.summary.suppressed:
        totals += f"; {words['suppressed']} {report.summary.suppressed}"
    if not report.findings and not report.input_errors:
        lines.append(paint(words["clean"], "32"))
    lines.append(totals)
    return "\n".join(lines) + "\n"


def _finding(finding: Finding, lang: str, paint: object) -> list[str]:
    assert callable(paint)
    label = paint(_LABELS[lang][finding.severity], _COLOURS[finding.severity])
    line = finding.record.line or 0
    words = _WORDS[lang]
    if finding.suppression is not None:
        label += f" ({words['suppressed']})"
    out = [
        f"  {line:>4}  {label}  {finding.rule_id}  {_clean(finding.message.get(lang))}",
        f"        {words['evidence']}: {_clean(evidence_text(finding.evidence, lang))}",
    ]
    src = finding.source
    if src is not None:
        lines_text = ",".join(str(n) for n in src.lines)
        out.append(f"        {words['source']}: {src.document}:{lines_text}{_title(src, lang)} "
                   f"{_clean(quoted(src, lang))}")
    if finding.suppression is not None:
        out.append("        " + _clean(words["waiver"].format_map(finding.suppression.model_dump())))
    return out


def _title(source: Source, lang: str) -> str:
    """The document's title after its id: 《…》 in Chinese, in brackets in English."""
    if source.title is None:
        return ""
    title = _clean(source.title.get(lang))
    return f" 《{title}》" if lang == "zh" else f" ({title})"


def _clean(text: str) -> str:
    """Strip control characters from record text so that a record cannot drive the terminal."""
    return "".join(ch if ch.isprintable() or ch == " " else "�" for ch in text)
