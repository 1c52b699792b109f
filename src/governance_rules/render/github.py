"""GitHub Actions workflow commands: an annotation per finding on the file and line.

``::error file=…,line=…,title=RULE::message``, with ``::warning`` and ``::notice`` for the
lower severities. The runner shows only the first annotations of each kind, so past
:data:`ANNOTATIONS_PER_SEVERITY` a closing line says how many more there are.
"""

from __future__ import annotations

import re
from collections import Counter

from ..report.model import Report, Severity
from ._common import citation_text, evidence_text

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
    'governance-rules: 0 finding(s): 0 error, 0 warning, 0 info; 0 input error(s)'
    """
    shown: Counter[str] = Counter()
    hidden: Counter[str] = Counter()
    lines: list[str] = []

    def annotate(command: str, file: str, line: int | None, column: int | None, title: str,
                 message: str) -> None:
        if shown[command] >= ANNOTATIONS_PER_SEVERITY:
            hidden[command] += 1
            return
        shown[command] += 1
        props = [f"file={escape_property(file)}", f"line={max(line or 1, 1)}"]
        if column:
            props.append(f"col={column}")
        props.append(f"title={escape_property(title)}")
        lines.append(f"::{command} {','.join(props)}::{escape_data(message)}")

    for error in report.input_errors:
        annotate("error", error.file, error.line, error.column, f"input error [{error.type}]",
                 error.render())
    for finding in report.active_findings():
        citation = citation_text(finding, lang)
        message = (finding.message.get(lang) + "\n" + evidence_text(finding.evidence, lang)
                   + (f"\n{citation}" if citation else ""))
        annotate(_COMMANDS[finding.severity], finding.record.file, finding.record.line, None,
                 finding.rule_id, message)
    for command in ("error", "warning", "notice"):
        if hidden[command]:
            lines.append(f"governance-rules: {hidden[command]} more {command} annotation(s) not "
                         "shown; use --format sarif to see every finding in code scanning")
    counts = report.summary.by_severity
    summary = (f"governance-rules: {report.summary.total - report.summary.suppressed} finding(s): "
               f"{counts.get('error', 0)} error, {counts.get('warning', 0)} warning, "
               f"{counts.get('info', 0)} info; {len(report.input_errors)} input error(s)")
    if report.summary.suppressed:
        summary += f"; {report.summary.suppressed} waived"
    lines.append(summary)
    return "\n".join(lines) + "\n"
