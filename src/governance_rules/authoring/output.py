"""How a run of rule cases is shown: a line per case (the diff under a failure), or JUnit XML;
in English or Chinese (``lang``).

>>> from governance_rules.authoring.runner import Run
>>> render_summary(Run()), render_summary(Run(), "zh")
('0 passed, 0 failed\\n', '通过 0 个，未通过 0 个\\n')
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from .._said import in_language
from .._terminal import terminal_safe
from ..render._common import xml_safe
from .runner import CaseResult, Run

_WORDS = {
    "en": {"pass": "PASS ", "fail": "FAIL ", "error": "ERROR", "malformed": "the records are "
           "malformed: ", "diff": "findings (- expected, not found; + found, not expected):",
           "case_file": "case file {n}"},
    "zh": {"pass": "通过", "fail": "未通过", "error": "出错", "malformed": "记录有误：",
           "diff": "问题（- 期望而未出现；+ 出现而未期望）：", "case_file": "用例文件 {n}"},
}


def render_result(result: CaseResult, lang: str = "en") -> str:
    """``PASS file: name``, or ``FAIL``/``ERROR`` with the reasons and the findings' diff."""
    words = _WORDS["zh" if lang == "zh" else "en"]
    case = result.case
    if result.passed:
        return f"{words['pass']} {terminal_safe(case.title)}\n"
    where = f"{case.file}:{case.line}" if case.line else case.file
    lines = [f"{words['error'] if result.errors else words['fail']} {case.title}  ({where})"]
    lines.extend(f"      {words['malformed']}{in_language(e, lang)}" for e in result.errors)
    lines.extend(f"      {in_language(p, lang)}" for p in result.problems)
    if result.diff:
        lines.append(f"      {words['diff']}")
        lines.extend(f"        {in_language(d, lang)}" for d in result.diff)
    return "\n".join(map(terminal_safe, lines)) + "\n"


def render_summary(run: Run, lang: str = "en") -> str:
    """The malformed case files, then the final line ``N passed, M failed``."""
    malformed = len(run.malformed)
    if lang == "zh":
        lines = [f"出错 {e.text('zh')}" for e in run.malformed]
        if malformed:
            lines.append(f"{malformed} 个用例文件无法读取")
        lines.append(f"通过 {run.passed} 个，未通过 {run.failed} 个")
        return "\n".join(lines) + "\n"
    lines = [f"ERROR {e}" for e in run.malformed]
    if malformed:
        lines.append(f"{malformed} case file{'s' * (malformed != 1)} could not be read")
    lines.append(f"{run.passed} passed, {run.failed} failed")
    return "\n".join(lines) + "\n"


def render_junit(run: Run, lang: str = "en") -> str:
    """One ``testsuite`` per case file, one ``testcase`` per case; a failing case holds a
    ``failure`` with the reasons and diff, malformed records or files an ``error``."""
    by_file: dict[str, list[CaseResult]] = defaultdict(list)
    for result in run.results:
        by_file[result.case.file].append(result)
    words = _WORDS["zh" if lang == "zh" else "en"]
    root = ET.Element("testsuites", name="governance-rules test",
                      tests=str(len(run.results) + len(run.malformed)),
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
                error = ET.SubElement(case, "error", message=_WORDS["zh" if lang == "zh" else "en"]
                                      ["malformed"].rstrip(": ："))
                error.text = xml_safe("\n".join(in_language(e, lang) for e in result.errors))
            elif result.problems:
                problems = [in_language(p, lang) for p in result.problems]
                failure = ET.SubElement(case, "failure", message=xml_safe(problems[0]))
                diff = ([words["diff"], *(in_language(d, lang) for d in result.diff)]
                        if result.diff else [])
                failure.text = xml_safe("\n".join(problems + diff))
    for n, problem in enumerate(run.malformed):
        suite = ET.SubElement(root, "testsuite", name=xml_safe(problem.file), tests="1",
                              failures="0", errors="1")
        case = ET.SubElement(suite, "testcase", name=words["case_file"].format(n=n + 1),
                             classname=xml_safe(problem.file))
        error = ET.SubElement(case, "error", message=xml_safe(problem.text(lang)))
        error.text = xml_safe(problem.text(lang))
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
