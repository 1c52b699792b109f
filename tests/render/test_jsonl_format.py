"""JSON Lines output: one finding per line, then one summary line; nothing a record says can
break a line or act on a terminal."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from governance_rules import Finding, Report
from governance_rules.render._common import json_inert
from governance_rules.render.jsonl import finding_line, render_jsonl, summary_line
from governance_rules.report.model import Text


def lines(text: str) -> list[dict[str, object]]:
    assert text.endswith("\n")
    return [json.loads(line) for line in text.split("\n")[:-1]]


def test_one_finding_per_line_then_the_summary(examples_report: Report) -> None:
    text = render_jsonl(examples_report)
    rows = lines(text)
    assert len(rows) == len(examples_report.findings) + 1
    *findings, summary = rows
    assert all("rule_id" in row and "summary" not in row for row in findings)
    assert [Finding.model_validate(row) for row in findings] == examples_report.findings
    assert summary["summary"] == json.loads(examples_report.summary.model_dump_json())
    assert summary["exit_status"] == 1 and summary["input_errors"] == []
    assert (summary["engine"], summary["ruleset_version"]) == ("native",
                                                               examples_report.ruleset_version)


def test_findings_are_those_of_the_json_report(examples_report: Report) -> None:
    whole = json.loads(examples_report.to_json())["findings"]
    assert lines(render_jsonl(examples_report))[:-1] == whole


def test_exit_status_is_given_or_judged(examples_report: Report) -> None:
    assert lines(summary_line(examples_report, 0))[0]["exit_status"] == 0
    clean = examples_report.model_copy(update={"findings": []})
    assert lines(summary_line(clean))[0]["exit_status"] == 0


def test_suppressions_are_kept(waived_report: Report) -> None:
    *findings, summary = lines(render_jsonl(waived_report))
    counts = summary["summary"]
    assert isinstance(counts, dict)
    assert sum(1 for f in findings if f["suppression"]) == counts["suppressed"] == 1


def test_control_characters_are_inert(hostile_report: Report) -> None:
    text = render_jsonl(hostile_report)
    assert text.count("\n") == len(hostile_report.findings) + 1
    for raw in ("\r", "\x1b", "\x85", "\u2028", "\u2029"):
        assert raw not in text
    [finding] = [f for f in hostile_report.findings if f.rule_id == "cc-consent-80"]
    assert '"><img' in finding.message.zh and "\r\n" in finding.message.zh
    line = finding_line(finding.model_copy(
        update={"message": Text(zh=finding.message.zh, en="a\x1b[2J\u2028b\x85c\nd")}))
    assert line.count("\n") == 1 and "\\u001b" in line and "\\u2028" in line and "\\u0085" in line
    assert json.loads(line)["message"]["en"] == "a\x1b[2J\u2028b\x85c\nd"


_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029]")


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(
    ["\x7f", "\x85", "\x9f", "\xa0", "\xb7", "\u2028", "\u2029", "\u2027", "\u202a", "中"])))
def test_inert_json_escapes_exactly_the_characters_a_terminal_acts_on(text: str) -> None:
    assert json_inert(text) == _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    assert not _UNSAFE.search(json_inert(text))
