"""GitHub workflow commands: one annotation per finding, escaped the way the runner expects."""

from __future__ import annotations

import re

from _hostile import HOSTILE_TITLE

from governance_rules import Report
from governance_rules.render.github import ANNOTATIONS_PER_SEVERITY, render_github

COMMAND = re.compile(r"^::(error|warning|notice) ((?:[a-z]+=[^,:]*)(?:,[a-z]+=[^,:]*)*)::(.*)$")


def unescape_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    return unescape_data(text.replace("%3A", ":").replace("%2C", ","))


def commands(output: str) -> list[tuple[str, dict[str, str], str]]:
    out = []
    for line in output.splitlines():
        match = COMMAND.match(line)
        if match:
            props = dict(p.split("=", 1) for p in match.group(2).split(","))
            out.append((match.group(1), {k: unescape_property(v) for k, v in props.items()},
                        unescape_data(match.group(3))))
    return out


def test_one_command_per_finding_up_to_the_limit(examples_report: Report) -> None:
    output = render_github(examples_report)
    found = commands(output)
    kinds = [k for k, _, _ in found]
    counts = examples_report.summary.by_severity
    for command, severity in (("error", "error"), ("warning", "warning"), ("notice", "info")):
        assert kinds.count(command) == min(counts[severity], ANNOTATIONS_PER_SEVERITY)
        hidden = counts[severity] - ANNOTATIONS_PER_SEVERITY
        plural = "annotation" if hidden == 1 else "annotations"
        assert (f"{hidden} more {command} {plural} not shown; use --format sarif"
                in output) == (hidden > 0)
    assert counts["error"] > ANNOTATIONS_PER_SEVERITY and counts["info"] > 0
    first = examples_report.active_findings()[0]
    first_props = found[0][1]
    assert (first_props["title"], first_props["file"], first_props["line"]) == (
        first.rule_id, first.record.file, str(first.record.line))


def test_every_output_line_is_a_command_or_a_summary(examples_report: Report) -> None:
    for line in render_github(examples_report).splitlines():
        assert COMMAND.match(line) or line.startswith("governance-rules: ")


def test_message_and_properties_are_escaped(hostile_report: Report) -> None:
    output = render_github(hostile_report)
    [(kind, props, message)] = [c for c in commands(output) if c[1]["title"] == "cc-consent-80"]
    assert kind == "error" and props["file"] == "meetings/2022,03:x.yaml"
    assert HOSTILE_TITLE in message and "50%, a:b" in message
    [raw] = [line for line in output.splitlines() if "title=cc-consent-80" in line]
    assert "%25" in raw and "%0D%0A" in raw and "file=meetings/2022%2C03%3Ax.yaml" in raw


def test_waived_findings_are_not_annotated(waived_report: Report) -> None:
    output = render_github(waived_report)
    titles = [p["title"] for _, p, _ in commands(output)]
    assert "cc-consent-80" not in titles and "1 waived" in output.splitlines()[-1]


def test_a_chinese_report_ends_with_its_counts_in_chinese(examples_report: Report) -> None:
    lines = render_github(examples_report, "zh").splitlines()
    counts = examples_report.summary.by_severity
    assert lines[-1] == (f"governance-rules：共 {examples_report.summary.total} 项："
                         f"错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}；"
                         "输入错误 0")
    hidden = [line for line in lines if line.startswith("governance-rules：另有")]
    assert hidden and all("findings" not in line and "annotation" not in line for line in hidden)
