"""JUnit XML, for CI test reports (GitLab, Jenkins, Azure, GitHub test-report actions).

One ``testsuite`` per checked file; one ``testcase`` per rule applied to each record in it.
A passing case is empty; a finding is ``<failure type=RULE>`` with the citation and
evidence in its body; a waived finding is ``<skipped>``; an input error is ``<error>``.

The report is written from one sorted stream of *items*, ``(key, payload)`` with the key
``(file, case, kind, order)``: a file's seconds (case ``()``), a record checked by a rule
(kind 0, no payload), a finding of it (kind 1, its texts: :func:`junit_finding`) and an input
error (kind 2). :func:`render_junit` sorts the items of a report held in memory;
:func:`write_junit` reads them from a report kept on disk, where each worker put the items of
its dossier (:func:`junit_items`). Either way one suite is held at a
time, and the totals the root element carries come from a first pass over the items.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from heapq import merge
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from .._type_words import record_words
from ..errors import InputError
from ..report.model import Finding, Report
from ._common import citation_text, evidence_text, one_line, waiver_note, xml_safe
from ._kept import FormatOptions, Kept
from ._spool import PackedRun

if TYPE_CHECKING:
    from .._checker import DossierResult
    from .._spooled import SpooledReport

Item = tuple[tuple[Any, ...], Any]
"""``((file, case, kind, order), payload)``."""
_CHECKED, _FINDING, _ERROR = 0, 1, 2


def render_junit(report: Report, lang: str = "en") -> str:
    """>>> from governance_rules import check_data
    >>> render_junit(check_data({})).splitlines()[1]
    '<testsuites name="governance-rules" tests="0" failures="0" errors="0" skipped="0" time="0.000000" />'
    """
    items: list[Item] = [*seconds_items(report.seconds_by_file),
                         *(finding_item(f, lang) for f in report.findings),
                         *_error_items(report.input_errors, lang)]
    for checked in report.checked:
        rec = checked.record
        items.extend(checked_items(rec.file, rec.type, rec.id, checked.rules))
    items.sort(key=_key)
    parts: list[str] = []
    _write_junit(parts.append, lambda: iter(items), lang)
    return "".join(parts)


def write_junit(spooled: SpooledReport, write: Callable[[str], object], lang: str = "en") -> None:
    """Write the JUnit report of ``spooled``, whose findings spool holds the items of every
    dossier (:func:`junit_items`), with ``write``: what
    :func:`render_junit` gives for the whole report, one suite in memory at a time."""
    errors = _error_items(spooled.input_errors(), lang)
    _write_junit(write, lambda: merge(iter(spooled.findings), errors, key=_key), lang)


def kept(options: FormatOptions) -> Kept:
    """The JUnit report kept on disk: one stream of items (:func:`junit_items`), a test case
    for each rule applied to each record among them."""
    return Kept(write=partial(write_junit, lang=options.lang),
                finding_entry=partial(junit_finding, lang=options.lang),
                finding_key=finding_key, details=True,
                worker=partial(junit_items, lang=options.lang))


def junit_items(result: DossierResult, lang: str = "en", findings: bool = True
                ) -> DossierResult:
    """``result`` with what the JUnit report needs of it packed as the report kept on disk
    spools it (:mod:`governance_rules.render.junit`): a test case for each rule applied to each
    record, each file's seconds, and (with ``findings``) each finding's texts and ``tally``.
    Findings stay models when waivers are to be applied to them (``findings=False``)."""
    items = [*seconds_items(result.seconds)]
    for (file, record_type, record_id), (_, ruled) in result.checked.items():
        items.extend(checked_items(file, record_type, record_id,
                                   sorted({rule_id for rule_id, _ in ruled})))
    texts = result.texts if result.texts is not None else {}
    if findings:
        items.extend(finding_item(f, lang) for f in result.findings)
        result.tally = [f.count_key() for f in result.findings]
        result.findings = []
    items.sort(key=_key)
    texts["findings" if findings else "cases"] = PackedRun.of(items)
    result.checked, result.records, result.seconds, result.texts = {}, set(), {}, texts
    return result


def checked_items(file: str, record_type: str, record_id: str, rules: Iterable[str]
                  ) -> Iterator[Item]:
    """A test case for each rule applied to a record (a passing one, unless a finding or an
    input error is filed under it)."""
    return (((file, (rule_id, record_type, record_id), _CHECKED, ()), None) for rule_id in rules)


def seconds_items(seconds: dict[str, float]) -> Iterator[Item]:
    """The time checking each file took (a report divides it among the file's cases)."""
    return (((file, (), _CHECKED, ()), spent) for file, spent in seconds.items())


def finding_item(finding: Finding, lang: str = "en") -> Item:
    """The finding under its record's test case, with the texts its ``<failure>`` or
    ``<skipped>`` shows (rendered where the finding was made)."""
    return finding_key(finding), junit_finding(finding, lang)


def finding_key(finding: Finding) -> tuple[Any, ...]:
    """Where the finding's item goes: under its record's test case, in report order."""
    rec = finding.record
    return rec.file, (finding.rule_id, rec.type, rec.id), _FINDING, finding.sort_key()


def junit_finding(finding: Finding, lang: str = "en") -> tuple[str, str, str] | str:
    """An active finding's (message, rule id, body); a waived one's ``<skipped>`` message."""
    s = finding.suppression
    if s is not None:
        return xml_safe(waiver_note(s, lang))
    return xml_safe(finding.message.get(lang)), finding.rule_id, _body(finding, lang)


def _error_items(errors: Sequence[InputError], lang: str = "en") -> list[Item]:
    """Each input error as a case of its file, numbered in report order within the file."""
    seen: dict[str, int] = {}
    items = []
    for error in errors:
        n = seen[error.file] = seen.get(error.file, -1) + 1
        items.append(((error.file, ("input-error", error.type, f"{n:09d}"), _ERROR, ()),
                      (xml_safe(error.text(lang)), error.type, xml_safe(one_line(error.render(lang))),
                       f"{'输入错误' if lang == 'zh' else 'input error'} · "
                       f"{error.field or error.type}")))
    return items


_key = itemgetter(0)


def _suites(items: Iterable[Item]
            ) -> Iterator[tuple[str, float, list[tuple[tuple[Any, ...], list[Item]]]]]:
    """Each file's seconds and its cases (each case's items), in report order."""
    for file, in_file in groupby(items, key=lambda item: item[0][0]):
        seconds = 0.0
        cases = []
        for case, of_case in groupby(in_file, key=lambda item: item[0][1]):
            if case == ():
                for _, spent in of_case:
                    seconds += spent
            else:
                cases.append((case, list(of_case)))
        if cases:
            yield file, seconds, cases


def _write_junit(write: Callable[[str], object], items: Callable[[], Iterable[Item]],
                 lang: str = "en") -> None:
    """The report from ``items()`` (asked twice: the totals, then the suites)."""
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    total_time = 0.0
    for _, seconds, cases in _suites(items()):
        per_case = round(seconds / max(len(cases), 1), 6)
        totals["tests"] += len(cases)
        for _, of_case in cases:
            outcome = _outcome(of_case)
            if outcome in totals:
                totals[outcome] += 1
        total_time += per_case * len(cases)
    root = ET.Element("testsuites", name="governance-rules")
    for name, value in totals.items():
        root.set(name, str(value))
    root.set("time", f"{total_time:.6f}")
    write('<?xml version="1.0" encoding="UTF-8"?>\n')
    if not totals["tests"]:
        write(ET.tostring(root, encoding="unicode") + "\n")
        return
    root.text = "\0"
    write(ET.tostring(root, encoding="unicode").partition("\0")[0])
    for file, seconds, cases in _suites(items()):
        per_case = round(seconds / max(len(cases), 1), 6)
        suite = ET.Element("testsuite", name=xml_safe(file))
        counts = {"tests": len(cases), "failures": 0, "errors": 0, "skipped": 0}
        for case, of_case in cases:
            outcome = _testcase(suite, case, of_case, per_case, file, lang)
            if outcome in counts:
                counts[outcome] += 1
        for name, value in counts.items():
            suite.set(name, str(value))
        suite.set("time", f"{per_case * len(cases):.6f}")
        ET.indent(suite, level=1)
        write("\n  " + ET.tostring(suite, encoding="unicode"))
    write("\n</testsuites>\n")


def _outcome(of_case: list[Item]) -> str:
    """What the case's items make it: ``errors``, ``failures``, ``skipped`` or ``passed``."""
    kinds = [key[2] for key, _ in of_case]
    if _ERROR in kinds:
        return "errors"
    findings = [payload for key, payload in of_case if key[2] == _FINDING]
    if any(isinstance(f, tuple) for f in findings):
        return "failures"
    return "skipped" if findings else "passed"


def _testcase(suite: ET.Element, case: tuple[Any, ...], of_case: list[Item], seconds: float,
              file: str, lang: str = "en") -> str:
    """Add the test case to ``suite``; returns :func:`_outcome`. A case is named by its rule,
    and its record's type (in words in Chinese) and id."""
    errors = [payload for key, payload in of_case if key[2] == _ERROR]
    if errors:
        msg, kind, text, name = errors[0]
        element = ET.SubElement(suite, "testcase", name=xml_safe(name),
                                classname="input-error", file=xml_safe(file),
                                time=f"{seconds:.6f}")
        child = ET.SubElement(element, "error", message=msg, type=kind)
        child.text = text
        return "errors"
    rule_id, record_type, record_id = case
    element = ET.SubElement(suite, "testcase",
                            name=xml_safe(f"{rule_id} · "
                                          f"{record_words(record_type, record_id, lang)}"),
                            classname=xml_safe(rule_id), file=xml_safe(file),
                            time=f"{seconds:.6f}")
    findings = [payload for key, payload in of_case if key[2] == _FINDING]
    active = [f for f in findings if isinstance(f, tuple)]
    if active:
        message, first_rule, _ = active[0]
        child = ET.SubElement(element, "failure", message=message, type=first_rule)
        child.text = xml_safe("\n\n".join(body for _, _, body in active))
        return "failures"
    if findings:
        ET.SubElement(element, "skipped", message=findings[0])
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
        lines.append(f"依据：{citation}" if lang == "zh" else f"source: {citation}")
    return "\n".join(one_line(line) for line in lines)
