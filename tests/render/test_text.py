"""Text output: suppressed findings and waivers are shown, record text cannot drive the terminal."""

from __future__ import annotations

from _hostile import HOSTILE_NAME

from governance_rules import Report
from governance_rules.render.text import render_text


def test_waived_findings_say_why(waived_report: Report) -> None:
    out = render_text(waived_report)
    assert "error (suppressed)  cc-consent-80" in out
    assert "re-voted at the next meeting" in out and "街道办 李明" in out
    assert out.splitlines()[-1].endswith("; suppressed 1")
    assert "waiver-unused" in out and "waiver-expired" in out


def test_chinese_labels(waived_report: Report) -> None:
    out = render_text(waived_report, "zh")
    assert "已豁免" in out and "有效期至 2099-12-31" in out


def test_control_characters_are_neutralised(hostile_report: Report) -> None:
    out = render_text(hostile_report, colour=False)
    assert "\r" not in out and "\x1b" not in out
    assert HOSTILE_NAME not in out or "<script>" in out
