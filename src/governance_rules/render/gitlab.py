"""GitLab Code Quality: a JSON array of issues that merge requests show beside the diff.

Each active finding is an issue with ``description`` (the message and the clause, with the
document's title), ``check_name`` (the rule id), a ``fingerprint`` that survives unrelated
edits, ``severity`` (``major`` for errors, ``minor`` for warnings, ``info``) and
``location.path`` / ``location.lines.begin``. Input errors are ``critical`` issues named
``input-error``. Waived findings are left out: GitLab has no way to show an accepted one.
Publish it with ``artifacts: reports: codequality:`` (docs/ci.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from itertools import chain
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..report.model import Finding, Report, Severity
from ._common import (
    clause_label,
    document_titles,
    fingerprint,
    indented_json,
    input_fingerprint,
    json_inert,
    one_line,
    source_title,
)
from ._kept import FormatOptions, Kept

if TYPE_CHECKING:
    from .._spooled import SpooledReport

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
"""Code Quality severities (info, minor, major, critical, blocker) by finding severity."""
INPUT_ERROR_SEVERITY = "critical"


def render_gitlab(report: Report, lang: str = "en") -> str:
    """>>> from governance_rules import check_data
    >>> render_gitlab(check_data({}))
    '[]\\n'
    """
    parts: list[str] = []
    _write_gitlab(parts.append, (gitlab_entry(f, lang) for f in report.findings),
                  report.input_errors, document_titles(report), lang)
    return "".join(parts)


def gitlab_entry(finding: Finding, lang: str = "en") -> tuple[Any, ...] | None:
    """What the finding's issue needs (``None`` for a waived finding, which is left out): its
    fields, and its clause apart, since a clause's document title may come from another
    community's scope (:func:`~governance_rules.render._common.document_titles`). What a report
    kept on disk holds of it (:attr:`~governance_rules._spooled.SpooledReport.finding_entry`)."""
    if not finding.active:
        return None
    source = finding.source
    own = source.title.get(lang) if source is not None and source.title is not None else ""
    clause = None if source is None else (
        source.document, ",".join(str(n) for n in source.lines),
        own if lang != "zh" else source_title(source, {}), source.quote)
    return (finding.message.get(lang), clause, finding.rule_id, fingerprint(finding),
            SEVERITIES[finding.severity], finding.record.file,
            max(finding.record.line or 1, 1))


def write_gitlab(spooled: SpooledReport, write: Callable[[str], object],
                 lang: str = "en") -> None:
    """Write the Code Quality report of ``spooled`` (whose findings were kept by
    :func:`gitlab_entry`) with ``write``: what :func:`render_gitlab` gives for the whole
    report, issue by issue."""
    _write_gitlab(write, spooled.finding_payloads(), spooled.input_errors(),
                  spooled.document_titles(), lang)


def kept(options: FormatOptions) -> Kept:
    """The Code Quality report kept on disk: each finding's issue fields
    (:func:`gitlab_entry`)."""
    return Kept(write=partial(write_gitlab, lang=options.lang),
                finding_entry=partial(gitlab_entry, lang=options.lang))


def _write_gitlab(write: Callable[[str], object], entries: Iterable[tuple[Any, ...] | None],
                  errors: Sequence[InputError], titles: dict[str, str], lang: str) -> None:
    """The issues of the active findings, then of the input errors; a fingerprint met again
    gets ``-1``, ``-2`` … (the report holds the fingerprints seen, 32 characters each)."""
    issues = chain((_finding_issue(entry, lang, titles) for entry in entries if entry is not None),
                   (_input_issue(e, lang) for e in errors))
    seen: dict[str, int] = {}
    first = True
    for issue in issues:
        base = issue["fingerprint"]
        count = seen.get(base, 0)
        seen[base] = count + 1
        if count:
            issue["fingerprint"] = f"{base}-{count}"
        text = indented_json(issue).replace("\n", "\n  ")
        write(("[\n  " if first else ",\n  ") + json_inert(text))
        first = False
    write("[]\n" if first else "\n]\n")


def _finding_issue(entry: tuple[Any, ...], lang: str, titles: dict[str, str]) -> dict[str, Any]:
    message, clause, rule_id, print_, severity, file, line = entry
    description = message
    if clause is not None:  # as source_label writes it, the title from the scopes if need be
        document, lines, title, quote = clause
        label = clause_label(document, lines,
                             title or (titles.get(document, "") if lang == "zh" else ""), lang)
        description += ("，依据 " if lang == "zh" else " — ") + f"{label} 「{quote}」"
    return {
        "type": "issue",
        "description": one_line(description),
        "check_name": rule_id,
        "fingerprint": print_,
        "severity": severity,
        "location": {"path": file, "lines": {"begin": line}},
    }


def _input_issue(error: InputError, lang: str = "en") -> dict[str, Any]:
    return {
        "type": "issue",
        "description": one_line(error.render(lang)),
        "check_name": "input-error",
        "fingerprint": input_fingerprint(error),
        "severity": INPUT_ERROR_SEVERITY,
        "location": {"path": error.file, "lines": {"begin": max(error.line or 1, 1)}},
    }
