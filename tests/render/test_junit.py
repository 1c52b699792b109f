"""JUnit XML: one suite per file, one case per rule applied to a record, counts that add up."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from _hostile import HOSTILE_TITLE

from governance_rules import Report, Rulebook, check_data, check_paths
from governance_rules.render.junit import render_junit


def parse(report: Report) -> ET.Element:
    return ET.fromstring(render_junit(report).encode("utf-8"))


def test_one_suite_per_file_one_case_per_rule_and_record(examples_report: Report) -> None:
    root = parse(examples_report)
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    files_checked = {c.record.file for c in examples_report.checked}
    assert set(suites) == files_checked
    expected: Counter[str] = Counter()
    for checked in examples_report.checked:
        expected[checked.record.file] += len(checked.rules)
    for name, suite in suites.items():
        cases = suite.findall("testcase")
        assert len(cases) == int(suite.get("tests", "")) == expected[name]


def test_counts_match_the_children(examples_report: Report) -> None:
    root = parse(examples_report)
    totals = Counter[str]()
    for suite in root.findall("testsuite"):
        cases = suite.findall("testcase")
        for child in ("failure", "error", "skipped"):
            n = sum(1 for c in cases if c.find(child) is not None)
            assert int(suite.get(child + "s" if child != "skipped" else "skipped", "")) == n
            totals[child] += n
        totals["tests"] += len(cases)
        assert abs(float(suite.get("time", "")) - sum(float(c.get("time", "")) for c in cases)) < 1e-9
    assert int(root.get("tests", "")) == totals["tests"]
    failing = {(f.record.file, f.rule_id, f.record.type, f.record.id)
               for f in examples_report.findings}
    assert int(root.get("failures", "")) == totals["failure"] == len(failing) > 30
    assert int(root.get("errors", "")) == totals["error"] == 0
    assert float(root.get("time", "")) > 0


def test_a_failure_carries_rule_citation_and_evidence(examples_report: Report) -> None:
    root = parse(examples_report)
    failure = root.find(".//testcase[@classname='cc-consent-80']/failure")
    assert failure is not None and failure.get("type") == "cc-consent-80"
    assert "6 of 8 members consented" in (failure.get("message") or "")
    body = failure.text or ""
    assert "HLS-356:26" in body and "2022-03.yaml:17" in body
    assert "measured: 6 members who consented of 8 members seated" in body


def test_passing_cases_have_no_child(examples_report: Report) -> None:
    root = parse(examples_report)
    passing = [c for c in root.iter("testcase") if len(c) == 0]
    assert len(passing) == int(root.get("tests", "")) - int(root.get("failures", ""))
    assert all(c.get("classname") and c.get("name") for c in passing)


def test_markup_in_records_is_escaped_and_survives(hostile_report: Report) -> None:
    text = render_junit(hostile_report)
    assert "<img" not in text
    failure = ET.fromstring(text.encode("utf-8")).find(".//failure[@type='cc-consent-80']")
    assert failure is not None
    assert HOSTILE_TITLE.replace("\r", "") in (failure.get("message") or "").replace("\r", "")


def test_control_characters_do_not_break_the_xml(rulebook: Rulebook) -> None:
    report = check_data({"c": {"community": {"id": "c\x01", "name": "x", "jurisdiction": ["cn"]}}},
                        rulebook=rulebook)
    root = ET.fromstring(render_junit(report).encode("utf-8"))
    assert root.find(".//error") is not None


def test_input_errors_are_errors_with_location(tmp_path: Path, rulebook: Rulebook) -> None:
    (tmp_path / "community.yaml").write_text("community: {id: c, name: x, jurisdiction: [cn]}\n")
    (tmp_path / "m.yaml").write_text("meeting:\n  id: m\n  date: 2022-02-30\n")
    root = parse(check_paths([tmp_path], rulebook=rulebook, base=tmp_path))
    errors = root.findall(".//testsuite[@name='m.yaml']/testcase/error")
    assert errors and int(root.get("errors", "")) == len(errors)
    assert any((e.text or "").startswith("m.yaml:3:3:") for e in errors)


def test_waived_findings_are_skipped(waived_report: Report) -> None:
    root = parse(waived_report)
    skipped = root.findall(".//testcase/skipped")
    assert len(skipped) == 1 and "re-voted" in (skipped[0].get("message") or "")
    assert int(root.get("skipped", "")) == 1
    waiver_failures = [f for f in root.iter("failure") if (f.get("type") or "").startswith("waiver-")]
    assert {f.get("type") for f in waiver_failures} == {"waiver-expired", "waiver-unused"}


def test_a_chinese_report_says_waivers_and_input_errors_in_chinese(
        waived_report: Report, tmp_path: Path, rulebook: Rulebook) -> None:
    root = ET.fromstring(render_junit(waived_report, "zh").encode("utf-8"))
    skipped = root.findall(".//testcase/skipped")
    assert skipped and all((s.get("message") or "").startswith("已豁免") for s in skipped)
    assert not any("waived" in (s.get("message") or "") for s in skipped)
    assert all("有效期至2099年12月31日" in (s.get("message") or "") for s in skipped)
    (tmp_path / "community.yaml").write_text("community: {id: c, name: x, jurisdiction: [cn]}\n")
    (tmp_path / "m.yaml").write_text("meeting:\n  id: m\n  date: 2022-02-30\n")
    report = check_paths([tmp_path], rulebook=rulebook, base=tmp_path)
    errors = ET.fromstring(render_junit(report, "zh").encode("utf-8")).findall(".//error")
    assert any("不是真实存在的日期" in (e.get("message") or "") for e in errors)
    assert not any("Field required" in (e.text or "") for e in errors)


def test_xml_safe_replaces_exactly_what_xml_1_0_does_not_allow_and_c1_and_line_separators() -> None:
    """Every code point: kept when XML 1.0 allows it and it is not a C1 control (U+007F–U+009F)
    or a line or paragraph separator (U+2028, U+2029), else replaced with U+FFFD."""
    from governance_rules.render._common import xml_safe

    def kept(c: int) -> bool:
        return (c in (0x9, 0xA, 0xD) or 0x20 <= c <= 0x7E or 0xA0 <= c <= 0x2027
                or 0x202A <= c <= 0xD7FF or 0xE000 <= c <= 0xFFFD or 0x10000 <= c <= 0x10FFFF)

    every = "".join(chr(c) for c in range(0x110000))
    assert xml_safe(every) == "".join(ch if kept(ord(ch)) else "\ufffd" for ch in every)


def test_a_chinese_report_names_record_types_and_clauses_in_chinese(
        examples_report: Report) -> None:
    """Case names give the record's type in words (会议, not ``meeting``), a failure's body
    its clause after 依据; the English keeps the codes CI history has."""
    root = ET.fromstring(render_junit(examples_report, "zh").encode("utf-8"))
    names = [c.get("name") or "" for c in root.iter("testcase")]
    assert any(" · 议题 " in n for n in names) and not any(" · motion " in n for n in names)
    bodies = [f.text or "" for f in root.iter("failure")]
    assert bodies and all("依据：" in b and "source:" not in b for b in bodies
                          if "HLS-356" in b or "SQ-SIFANG" in b)
    english = parse(examples_report)
    assert any(" · motion " in (c.get("name") or "") for c in english.iter("testcase"))
