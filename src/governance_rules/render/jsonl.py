"""JSON Lines output: one finding per line, then one summary line; for pipelines and very large
runs, where the command writes each dossier's findings as soon as that dossier is done.

Each finding line is the finding exactly as in the JSON report (``Finding.model_validate_json``
reads it back); the last line is the only one with a ``summary`` key: the counts, the input
errors, the exit status and what was run. Lines are compact JSON with the keys in a fixed order,
and control characters, C1 controls and line separators are escaped, so that no record text can
break a line or act on a terminal.
"""

from __future__ import annotations

import json
from typing import Any

from ..report.model import Finding, Report
from ._common import json_inert


def finding_line(finding: Finding) -> str:
    """One finding as one line of JSON, newline included."""
    return json_inert(finding.model_dump_json()) + "\n"


def default_exit_status(report: Report) -> int:
    """The command's exit code with the default ``--fail-on error``: 2 for input errors, 1 for
    an active error, else 0."""
    if report.input_errors:
        return 2
    return 1 if report.has_errors() else 0


def summary_line(report: Report, exit_status: int | None = None, *,
                 interrupted: bool = False) -> str:
    """The closing line: ``summary`` (the report's counts), ``input_errors``, ``exit_status``
    and the rule set, engine and day the run judged with. A run stopped before every dossier
    was checked (Ctrl-C, a CI job cancelled) says so with ``"interrupted": true``: its counts
    are those of the dossiers done, and a reader must not take them for the whole.

    >>> from governance_rules import check_data
    >>> line = json.loads(summary_line(check_data({}), 130, interrupted=True))
    >>> line["exit_status"], line["interrupted"]
    (130, True)
    """
    data: dict[str, Any] = {
        "summary": report.summary.model_dump(mode="json"),
        "input_errors": [e.model_dump(mode="json") for e in report.input_errors],
        "exit_status": default_exit_status(report) if exit_status is None else exit_status,
        "format_version": report.format_version,
        "ruleset_version": report.ruleset_version,
        "engine": report.engine,
        "as_of": report.as_of,
    }
    if interrupted:
        data["interrupted"] = True
    return json_inert(json.dumps(data, ensure_ascii=False, separators=(",", ":"))) + "\n"


def render_jsonl(report: Report, lang: str = "en", exit_status: int | None = None) -> str:
    """Every finding of ``report``, one per line in report order, then the summary line.

    ``lang`` is unused: messages carry both languages, as in the JSON report.

    >>> from governance_rules import check_data
    >>> json.loads(render_jsonl(check_data({})))["exit_status"]
    0
    """
    return "".join(finding_line(f) for f in report.findings) + summary_line(report, exit_status)
