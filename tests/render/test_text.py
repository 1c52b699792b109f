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


def test_a_traditional_quote_is_also_given_in_simplified_characters(examples_report: Report) -> None:
    """SQ-SIFANG is written in traditional characters: its quotes carry their simplified form,
    and a simplified quote (HLS-356) carries none."""
    sifang = next(f for f in examples_report.findings if f.rule_id == "arch-ten-six")
    assert sifang.source is not None
    assert (sifang.source.quote, sifang.source.quote_simplified) == ("建立十檔六簿", "建立十档六簿")
    haliang = next(f for f in examples_report.findings if f.rule_id == "cc-consent-80")
    assert haliang.source is not None and haliang.source.quote_simplified is None
    out = render_text(examples_report, "zh", colour=False)
    assert "「建立十檔六簿」（简体：「建立十档六簿」）" in out
    assert "「建立十檔六簿」 (simplified: 「建立十档六簿」)" in render_text(examples_report, "en",
                                                                      colour=False)
