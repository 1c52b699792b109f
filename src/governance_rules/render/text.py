"""Human-readable text: findings grouped by file, coloured on a terminal, in zh or en."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from .._terminal import terminal_safe as _clean
from .._words import fill_counts
from ..errors import InputError
from ..report.model import Finding, Report, Severity, Source, Summary
from ._common import evidence_text, quoted, waiver_note
from ._kept import FormatOptions, Kept

if TYPE_CHECKING:
    from .._spooled import SpooledReport

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_WORDS = {
    "zh": {"input": "输入错误", "summary": "共 {total} 项：错误 {error}，警告 {warning}，提示 {info}；"
           "输入错误 {inputs}；检查记录 {records} 条", "clean": "未发现问题", "source": "依据",
           "evidence": "证据", "suppressed": "已豁免"},
    "en": {"input": "input errors", "suppressed": "suppressed",
           "summary": "{total|finding|findings}: {error|error|errors}, "
           "{warning|warning|warnings}, {info} info; {inputs|input error|input errors}; "
           "{records|record|records} checked",
           "clean": "no findings", "source": "source", "evidence": "evidence"},
}


def render_text(report: Report, lang: str = "en", colour: bool = False,
                summary: bool = True) -> str:
    """Render ``report`` for a person reading a terminal or a CI log; without ``summary``
    (``--quiet``), only the input errors and findings.

    >>> from governance_rules import check_data
    >>> render_text(check_data({})).splitlines()[-1]
    '0 findings: 0 errors, 0 warnings, 0 info; 0 input errors; 0 records checked'
    """
    parts: list[str] = []
    _write_text(parts.append, report.input_errors,
                (text_entry(f, lang, colour) for f in report.findings),
                report.summary, lang, colour, summary)
    return "".join(parts)


def text_entry(finding: Finding, lang: str = "en", colour: bool = False) -> tuple[str, str]:
    """The finding's file and its lines in the text report: what a report kept on disk holds
    of it (:attr:`~governance_rules._spooled.SpooledReport.finding_entry`), rendered where the
    finding was made."""
    return finding.record.file, "\n".join(_finding(finding, lang, _painter(colour)))


def write_text(spooled: SpooledReport, write: Callable[[str], object], lang: str = "en",
               colour: bool = False, summary: bool = True) -> None:
    """Write the text report of ``spooled`` (whose findings were kept by :func:`text_entry`)
    with ``write``, finding by finding: the text :func:`render_text` gives for the whole
    report, without holding it."""
    _write_text(write, spooled.input_errors(), spooled.finding_payloads(), spooled.summary(),
                lang, colour, summary)


def kept(options: FormatOptions) -> Kept:
    """The text report kept on disk: each finding's lines (:func:`text_entry`)."""
    entry = partial(text_entry, lang=options.lang, colour=options.colour)
    return Kept(write=partial(write_text, lang=options.lang, colour=options.colour,
                              summary=options.summary), finding_entry=entry)


def _write_text(write: Callable[[str], object], errors: Sequence[InputError],
                findings: Iterable[tuple[str, str]], counted: Summary, lang: str, colour: bool,
                summary: bool) -> None:
    """The text report from its input errors, its findings' (file, lines) in report order and
    its counts: findings grouped by file, a blank line after each group (the last one only
    before the summary)."""
    words = _WORDS[lang]
    paint = _painter(colour)
    gap = False  # a blank line is owed before whatever comes next
    if errors:
        write(paint(words["input"], "1;31") + "\n")
        for error in errors:
            write(f"  {_clean(error.render(lang))}\n")
        gap = True
    last: str | None = None
    for file, lines in findings:
        if file != last:
            write(("\n" if gap else "") + paint(_clean(file), "1") + "\n")
            last, gap = file, True
        write(lines + "\n")
    if not summary:
        return
    if gap:
        write("\n")
    counts = counted.by_severity
    totals = fill_counts(words["summary"], {
        "total": counted.total, "error": counts.get("error", 0),
        "warning": counts.get("warning", 0), "info": counts.get("info", 0),
        "inputs": len(errors), "records": counted.records_checked}, lang)
    if counted.suppressed:
        totals += (f"；{words['suppressed']} {counted.suppressed}" if lang == "zh"
                   else f"; {words['suppressed']} {counted.suppressed}")
    if last is None and not errors:
        write(paint(words["clean"], "32") + "\n")
    write(totals + "\n")


def _painter(colour: bool) -> Callable[[str, str], str]:
    if colour:
        return lambda text, code: f"\x1b[{code}m{text}\x1b[0m"
    return lambda text, code: text


def _finding(finding: Finding, lang: str, paint: Callable[[str, str], str]) -> list[str]:
    label = paint(finding.severity.words(lang), _COLOURS[finding.severity])
    line = finding.record.line or 0
    words = _WORDS[lang]
    colon = "：" if lang == "zh" else ": "
    if finding.suppression is not None:
        label += f"（{words['suppressed']}）" if lang == "zh" else f" ({words['suppressed']})"
    out = [
        f"  {line:>4}  {label}  {finding.rule_id}  {_clean(finding.message.get(lang))}",
        f"        {words['evidence']}{colon}{_clean(evidence_text(finding.evidence, lang))}",
    ]
    src = finding.source
    if src is not None:
        lines_text = ",".join(str(n) for n in src.lines)
        out.append(f"        {words['source']}{colon}{src.document}:{lines_text}{_title(src, lang)} "
                   f"{_clean(quoted(src, lang))}")
    if finding.suppression is not None:
        out.append("        " + _clean(waiver_note(finding.suppression, lang)))
    return out


def _title(source: Source, lang: str) -> str:
    """The document's title after its id: 《…》 in Chinese, in brackets in English."""
    if source.title is None:
        return ""
    title = _clean(source.title.get(lang))
    return f" 《{title}》" if lang == "zh" else f" ({title})"
