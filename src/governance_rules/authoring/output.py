"""How a run of rule cases is shown: a line per case (the diff under a failure), or JUnit XML.

>>> from governance_rules.authoring.runner import Run
>>> render_summary(Run())
'0 passed, 0 failed\\n'
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from ..render._common import xml_safe
from .runner import CaseResult, Run


def render_result(result: CaseResult) -> str:
    """``PASS file: name``, or ``FAIL``/``ERROR`` with the reasons and the findings' diff."""
    case = result.case
    if result.passed:
        return f"PASS  {case.title}\n"
    where = f"{case.file}:{case.line}" if case.line else case.file
    lines = [f"{'ERROR' if result.errors else 'FAIL '} {case.title}  ({where})"]
    lines.extend(f"      the records are malformed: {e}" for e in result.errors)
    lines.extend(f"      {p}" for p in result.problems)
    if result.diff:
        lines.append("      findings (- expected, not found; + found, not expected):")
        lines.extend(f"        {d}" for d in result.diff)
    return "\n".join(lines) + "\n"


def render_summary(run: Run) -> str:
    """The malformed case files, then the final line ``N passed, M failed``."""
    lines = [f"ERROR {e}" for e in run.malformed]
    if run.malformed:
        lines.append(f"{len(run.malformed)} case file{'s' * (len(run.malformed) != 1)} "
                     "could not be read")
    lines.append(f"{run.passed} passed, {run.failed} failed")
    return "\n".join(lines) + "\n"


def render_junit(run: Run) -> str:
    """One ``testsuite`` per case file, one ``testcase`` per case; a failing case holds a
    ``failure`` with the reasons and diff, malformed records or files an ``error``."""
    by_file: dict[str, list[CaseResult]] = defaultdict(list)
    for result in run.results:
        by_file[result.case.file].append(result)
    root = ET.Element("testsuites", name="governance-rules test", tests=str(len(run.results)),
                      failures=str(sum(1 for r in run.results if r.problems and not r.errors)),
                      errors=str(sum(1 for r in run.results if r.errors) + len(run.malformed)))
    for file in sorted(by_file):
        results = by_file[file]
        suite = ET.SubElement(root, "testsuite", name=xml_safe(file), tests=str(len(results)),
                              failures=str(sum(1 for r in results if r.problems and not r.errors)),
                              errors=str(sum(1 for r in results if r.errors)),
                              time=f"{sum(r.seconds for r in results):.6f}")
        for result in results:
            case = ET.SubElement(suite, "testcase", name=xml_safe(result.case.name),
                                 classname=xml_safe(file), time=f"{result.seconds:.6f}")
            if result.errors:
                error = ET.SubElement(case, "error", message="the records are malformed")
                error.text = xml_safe("\n".join(result.errors))
            elif result.problems:
                failure = ET.SubElement(case, "failure", message=xml_safe(result.problems[0]))
                failure.text = xml_safe("\n".join(result.problems + result.diff))
    for n, problem in enumerate(run.malformed):
        suite = ET.SubElement(root, "testsuite", name=xml_safe(problem.file), tests="1",
                              failures="0", errors="1")
        case = ET.SubElement(suite, "testcase", name=f"case file {n + 1}",
                             classname=xml_safe(problem.file))
        error = ET.SubElement(case, "error", message=xml_safe(str(problem)))
        error.text = xml_safe(str(problem))
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
