"""JUnit XML, for CI test reports (GitLab, Jenkins, Azure, GitHub test-report actions).

One ``testsuite`` per checked file; one ``testcase`` per rule applied to each record in it.
A passing case is empty; a finding is ``<failure type=RULE>`` with the citation and
evidence in its body; a waived finding is ``<skipped>``; an input error is ``<error>``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field

from ..errors import InputError
from ..report.model import Finding, Report
from ._common import citation_text, evidence_text, one_line, xml_safe


@dataclass
class _Case:
    name: str
    classname: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def render_junit(report: Report, lang: str = "en") -> str:
    """>>> from governance_rules import check_data
    >>> render_junit(check_data({})).splitlines()[1]
    '<testsuites name="governance-rules" tests="0" failures="0" errors="0" skipped="0" time="0.000000" />'
    """
    suites: dict[str, dict[tuple[str, str, str], _Case]] = defaultdict(dict)
    for checked in report.checked:
        rec = checked.record
        for rule_id in checked.rules:
            suites[rec.file][(rule_id, rec.type, rec.id)] = _Case(
                name=f"{rule_id} · {rec.type} {rec.id}", classname=rule_id)
    for finding in report.findings:
        rec = finding.record
        key = (finding.rule_id, rec.type, rec.id)
        case = suites[rec.file].setdefault(key, _Case(
            name=f"{finding.rule_id} · {rec.type} {rec.id}", classname=finding.rule_id))
        case.findings.append(finding)
    for n, error in enumerate(report.input_errors):
        key = ("input-error", error.type, str(n))
        suites[error.file][key] = _Case(name=f"input error · {error.field or error.type}",
                                        classname="input-error", errors=[error])
    root = ET.Element("testsuites", name="governance-rules")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    total_time = 0.0
    for file in sorted(suites):
        cases = suites[file]
        per_case = round(report.seconds_by_file.get(file, 0.0) / max(len(cases), 1), 6)
        suite = ET.SubElement(root, "testsuite", name=xml_safe(file))
        counts = {"tests": len(cases), "failures": 0, "errors": 0, "skipped": 0}
        for key in sorted(cases):
            outcome = _testcase(suite, cases[key], per_case, lang, file)
            if outcome in counts:
                counts[outcome] += 1
        suite_time = per_case * len(cases)
        for name, value in counts.items():
            suite.set(name, str(value))
            totals[name] += value
        suite.set("time", f"{suite_time:.6f}")
        total_time += suite_time
    for name, value in totals.items():
        root.set(name, str(value))
    root.set("time", f"{total_time:.6f}")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _testcase(suite: ET.Element, case: _Case, seconds: float, lang: str, file: str) -> str:
    """Add ``case`` to ``suite``; returns ``failures``, ``errors``, ``skipped`` or ``passed``."""
    element = ET.SubElement(suite, "testcase", name=xml_safe(case.name),
                            classname=xml_safe(case.classname), file=xml_safe(file),
                            time=f"{seconds:.6f}")
    if case.errors:
        error = case.errors[0]
        child = ET.SubElement(element, "error", message=xml_safe(error.msg), type=error.type)
        child.text = xml_safe(one_line(error.render()))
        return "errors"
    active = [f for f in case.findings if f.active]
    if active:
        first = active[0]
        child = ET.SubElement(element, "failure", message=xml_safe(first.message.get(lang)),
                              type=first.rule_id)
        child.text = xml_safe("\n\n".join(_body(f, lang) for f in active))
        return "failures"
    if case.findings:
        s = case.findings[0].suppression
        assert s is not None
        ET.SubElement(element, "skipped", message=xml_safe(
            f"waived until {s.expires} by {s.approved_by}: {s.reason} ({s.file}:{s.line})"))
        return "skipped"
    return "passed"


def _body(finding: Finding, lang: str) -> str:
    rec, ev = finding.record, finding.evidence
    lines = [
        f"{rec.file}:{rec.line or 1} {rec.path}",
        finding.message.get(lang),
        evidence_text(ev, lang),
    ]
    citation = citation_text(finding, lang)
    if citation:
        lines.append(f"source: {citation}")
    return "\n".join(one_line(line) for line in lines)
