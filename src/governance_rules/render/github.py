"""GitHub Actions workflow commands: an annotation per finding on the file and line.

``::error file=…,line=…,title=RULE::message``, with ``::warning`` and ``::notice`` for the
lower severities. The runner shows only the first annotations of each kind, so past
:data:`ANNOTATIONS_PER_SEVERITY` a closing line says how many more there are.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from .._words import fill_counts
from ..errors import InputError
from ..report.model import Finding, Report, Severity, Summary
from ._common import citation_text, evidence_text
from ._kept import FormatOptions, Kept

if TYPE_CHECKING:
    from .._spooled import SpooledReport

ANNOTATIONS_PER_SEVERITY = 10
_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def escape_data(text: str) -> str:
    """Escape a message the way the runner unescapes it; other control characters (ESC, C1,
    line separators) become U+FFFD, so that a record cannot drive the log or start a line.

    >>> escape_data("50% done\\nnext")
    '50%25 done%0Anext'
    """
    return _CONTROLS.sub("\ufffd", text.replace("%", "%25").replace("\r", "%0D")
                         .replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a property value (file, title): also ``:`` and ``,``.

    >>> escape_property("a,b:c")
    'a%2Cb%3Ac'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, lang: str = "en") -> str:
    """>>> from governance_rules import check_data
    >>> render_github(check_data({})).splitlines()[-1]
    'governance-rules: 0 findings: 0 errors, 0 warnings, 0 info; 0 input errors'
    """
    lines: list[str] = []
    _write_github(lines.append, report.input_errors,
                  (github_entry(f, lang) for f in report.findings), report.summary, lang)
    return "".join(lines)


def github_entry(finding: Finding, lang: str = "en") -> tuple[str, str] | None:
    """The finding's workflow command and its annotation (``None`` for a waived finding, which
    is not annotated): what a report kept on disk holds of it
    (:attr:`~governance_rules._spooled.SpooledReport.finding_entry`)."""
    if not finding.active:
        return None
    citation = citation_text(finding, lang)
    message = (finding.message.get(lang) + "\n" + evidence_text(finding.evidence, lang)
               + (f"\n{citation}" if citation else ""))
    command = _COMMANDS[finding.severity]
    return command, _annotation(command, finding.record.file, finding.record.line, None,
                                finding.rule_id, message)


def write_github(spooled: SpooledReport, write: Callable[[str], object],
                 lang: str = "en") -> None:
    """Write the annotations of ``spooled`` (whose findings were kept by :func:`github_entry`)
    with ``write``: what :func:`render_github` gives for the whole report, without holding
    it."""
    _write_github(write, spooled.input_errors(), spooled.finding_payloads(), spooled.summary(),
                  lang)


def kept(options: FormatOptions) -> Kept:
    """The annotations kept on disk: each finding's command and annotation
    (:func:`github_entry`)."""
    return Kept(write=partial(write_github, lang=options.lang),
                finding_entry=partial(github_entry, lang=options.lang))


def _write_github(write: Callable[[str], object], errors: Sequence[InputError],
                  annotations: Iterable[tuple[str, str] | None], counted: Summary,
                  lang: str = "en") -> None:
    """The input errors' annotations, then the findings', at most
    :data:`ANNOTATIONS_PER_SEVERITY` of each command; then how many more, and the counts."""
    shown: Counter[str] = Counter()
    hidden: Counter[str] = Counter()

    def annotate(command: str, text: str) -> None:
        if shown[command] >= ANNOTATIONS_PER_SEVERITY:
            hidden[command] += 1
            return
        shown[command] += 1
        write(text + "\n")

    for error in errors:
        annotate("error", _annotation("error", error.file, error.line, error.column,
                                      "输入错误" if lang == "zh" else f"input error [{error.type}]",
                                      error.render(lang)))
    for annotation in annotations:
        if annotation is not None:
            annotate(*annotation)
    for command in ("error", "warning", "notice"):
        if hidden[command]:
            if lang == "zh":
                write(f"governance-rules：另有 {hidden[command]} 条{_ZH_COMMANDS[command]}标注"
                      "未显示；用 --format sarif 可在代码扫描中看到全部结果\n")
                continue
            more = fill_counts(f"{{n|more {command} annotation|more {command} annotations}}",
                               {"n": hidden[command]}, "en")
            write(f"governance-rules: {more} not shown; use --format sarif to see every "
                  "finding in code scanning\n")
    counts = counted.by_severity
    summary = "governance-rules" + fill_counts(_SUMMARY[lang], {
        "total": counted.total - counted.suppressed, "error": counts.get("error", 0),
        "warning": counts.get("warning", 0), "info": counts.get("info", 0),
        "inputs": len(errors)}, lang)
    if counted.suppressed:
        summary += (f"；已豁免 {counted.suppressed}" if lang == "zh"
                    else f"; {counted.suppressed} waived")
    write(summary + "\n")


_SUMMARY = {
    "zh": "：共 {total} 项：错误 {error}，警告 {warning}，提示 {info}；输入错误 {inputs}",
    "en": ": {total|finding|findings}: {error|error|errors}, {warning|warning|warnings}, "
          "{info} info; {inputs|input error|input errors}",
}
_ZH_COMMANDS = {"error": "错误", "warning": "警告", "notice": "提示"}


def _annotation(command: str, file: str, line: int | None, column: int | None, title: str,
                message: str) -> str:
    props = [f"file={escape_property(file)}", f"line={max(line or 1, 1)}"]
    if column:
        props.append(f"col={column}")
    props.append(f"title={escape_property(title)}")
    return f"::{command} {','.join(props)}::{escape_data(message)}"
