"""GitLab Code Quality: a JSON array of issues that merge requests show beside the diff.

Each active finding is an issue with ``description`` (the message and the clause, with the
document's title), ``check_name`` (the rule id), a ``fingerprint`` that survives unrelated
edits, ``severity`` (``major`` for errors, ``minor`` for warnings, ``info``) and
``location.path`` / ``location.lines.begin``. Input errors are ``critical`` issues named
``input-error``. Waived findings are left out: GitLab has no way to show an accepted one.
Publish it with ``artifacts: reports: codequality:`` (docs/ci.md).
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import InputError
from ..report.model import Finding, Report, Severity
from ._common import (
    document_titles,
    fingerprint,
    input_fingerprint,
    json_inert,
    one_line,
    source_label,
)

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
"""Code Quality severities (info, minor, major, critical, blocker) by finding severity."""
INPUT_ERROR_SEVERITY = "critical"


def render_gitlab(report: Report, lang: str = "en") -> str:
    """>>> from governance_rules import check_data
    >>> render_gitlab(check_data({}))
    '[]\\n'
    """
    titles = document_titles(report)
    issues = [_finding_issue(f, lang, titles) for f in report.active_findings()]
    issues += [_input_issue(e) for e in report.input_errors]
    seen: dict[str, int] = {}
    for issue in issues:
        base = issue["fingerprint"]
        count = seen.get(base, 0)
        seen[base] = count + 1
        if count:
            issue["fingerprint"] = f"{base}-{count}"
    return json_inert(json.dumps(issues, ensure_ascii=False, indent=2)) + "\n"


def _finding_issue(finding: Finding, lang: str, titles: dict[str, str]) -> dict[str, Any]:
    description = finding.message.get(lang)
    if finding.source is not None:
        clause = f"{source_label(finding.source, titles)} 「{finding.source.quote}」"
        description += ("，依据 " if lang == "zh" else " — ") + clause
    return {
        "type": "issue",
        "description": one_line(description),
        "check_name": finding.rule_id,
        "fingerprint": fingerprint(finding),
        "severity": SEVERITIES[finding.severity],
        "location": {"path": finding.record.file,
                     "lines": {"begin": max(finding.record.line or 1, 1)}},
    }


def _input_issue(error: InputError) -> dict[str, Any]:
    return {
        "type": "issue",
        "description": one_line(error.render()),
        "check_name": "input-error",
        "fingerprint": input_fingerprint(error),
        "severity": INPUT_ERROR_SEVERITY,
        "location": {"path": error.file, "lines": {"begin": max(error.line or 1, 1)}},
    }
