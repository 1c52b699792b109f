"""SARIF 2.1.0, for code-scanning dashboards (GitHub, GitLab, Azure DevOps).

Rules go in ``tool.driver.rules`` with their catalogue ids and citations; each finding is a
result at ``file`` / ``startLine`` with a fingerprint that survives unrelated edits; waived
findings carry ``suppressions``; input errors are ``input-error`` results at file:line:column.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..errors import InputError
from ..report.model import Finding, Report, RuleInfo, Severity
from ..waivers import WAIVER_RULES
from ._common import LEVELS, citation_text, fingerprint, json_inert

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INPUT_ERROR_RULE = "input-error"


def render_sarif(report: Report, lang: str = "en") -> str:
    """>>> from governance_rules import check_data
    >>> import json
    >>> json.loads(render_sarif(check_data({})))["version"]
    '2.1.0'
    """
    descriptors = [_descriptor(rule, lang) for rule in report.rules]
    descriptors += [_plain_descriptor(rule_id, text.get(lang), "warning")
                    for rule_id, text in sorted(WAIVER_RULES.items())]
    descriptors.append(_plain_descriptor(
        INPUT_ERROR_RULE, "记录无法读取或校验" if lang == "zh" else "A record cannot be read or validated",
        "error"))
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    results = [_result(f, lang, index) for f in report.findings]
    results += [_input_result(e, index) for e in report.input_errors]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "governance-rules",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": descriptors,
                "properties": {"rulesetVersion": report.ruleset_version},
            }},
            "invocations": [{"executionSuccessful": not report.input_errors}],
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"engine": report.engine, "asOf": report.as_of,
                           "recordsChecked": report.summary.records_checked},
        }],
    }
    return json_inert(json.dumps(log, ensure_ascii=False, indent=2)) + "\n"


def _descriptor(rule: RuleInfo, lang: str) -> dict[str, Any]:
    cites = "; ".join(f"{s.document}:{','.join(map(str, s.lines))} 「{s.quote}」"
                      for s in rule.sources)
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": rule.title.get(lang)},
        "fullDescription": {"text": f"{rule.title.get(lang)} ({cites})"},
        "helpUri": rule.help,
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "catalogue": rule.catalogue,
            "sources": [s.model_dump() for s in rule.sources],
            "tags": ["governance", *rule.catalogue],
        },
    }


def _plain_descriptor(rule_id: str, text: str, level: str) -> dict[str, Any]:
    return {"id": rule_id, "name": rule_id, "shortDescription": {"text": text},
            "fullDescription": {"text": text}, "defaultConfiguration": {"level": level}}


def _location(file: str, line: int | None, column: int | None = None) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": max(line or 1, 1)}
    if column:
        region["startColumn"] = column
    return {"physicalLocation": {
        "artifactLocation": {"uri": quote(file), "uriBaseId": "%SRCROOT%"},
        "region": region,
    }}


def _result(finding: Finding, lang: str, index: dict[str, int]) -> dict[str, Any]:
    message = finding.message.get(lang)
    citation = citation_text(finding)
    location = _location(finding.record.file, finding.record.line)
    location["logicalLocations"] = [{"name": finding.record.id, "kind": finding.record.type,
                                     "fullyQualifiedName": finding.record.path}]
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "level": LEVELS[finding.severity],
        "message": {"text": f"{message} — {citation}" if citation else message},
        "locations": [location],
        "partialFingerprints": {"governanceFinding/v1": fingerprint(finding)},
        "properties": {
            "catalogue": finding.catalogue,
            "evidence": finding.evidence.model_dump(exclude_none=True),
            "parameters": {k: v.model_dump(exclude_none=True) for k, v in finding.parameters.items()},
        },
    }
    if finding.rule_id in index:
        result["ruleIndex"] = index[finding.rule_id]
    if finding.suppression is not None:
        s = finding.suppression
        result["suppressions"] = [{
            "kind": "external", "status": "accepted", "justification": s.reason,
            "location": _location(s.file, s.line),
            "properties": {"approvedBy": s.approved_by, "expires": s.expires},
        }]
    return result


def _input_result(error: InputError, index: dict[str, int]) -> dict[str, Any]:
    return {
        "ruleId": INPUT_ERROR_RULE,
        "ruleIndex": index[INPUT_ERROR_RULE],
        "level": LEVELS[Severity.ERROR],
        "message": {"text": error.render()},
        "locations": [_location(error.file, error.line, error.column)],
        "properties": {"type": error.type, "field": error.field},
    }

