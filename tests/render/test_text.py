"""Text output: suppressed findings and waivers are shown, record text cannot drive the terminal."""

from __future__ import annotations

from _hostile import HOSTILE_NAME

from governance_rules import Report
from governance_rules.errors import InputError
from governance_rules.render.text import render_text


def test_waived_findings_say_why(waived_report: Report) -> None:
    out = render_text(waived_report)
    assert "error (suppressed)  cc-consent-80" in out
    assert "re-voted at the next meeting" in out and "街道办 李明" in out
    assert out.splitlines()[-1].endswith("; suppressed 1")
    assert "waiver-unused" in out and "waiver-expired" in out


def test_chinese_labels(waived_report: Report) -> None:
    out = render_text(waived_report, "zh")
    assert "已豁免" in out and "有效期至2099年12月31日" in out


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


def test_layout_groups_by_file_with_blank_lines_between(waived_report: Report) -> None:
    """Input errors first, then the findings of each file under its name; a blank line
    between blocks and before the summary, none at the end without the summary (``--quiet``)."""
    error = InputError(type="yaml_syntax", file="x.yaml", line=2, msg="invalid YAML")
    waived_report = waived_report.model_copy(update={"input_errors": [error]})
    out = render_text(waived_report)
    blocks = out.split("\n\n")
    assert blocks[0] == "input errors\n  x.yaml:2: invalid YAML [yaml_syntax]"
    files = [block.splitlines()[0] for block in blocks[1:-1]]
    assert files == sorted({f.record.file for f in waived_report.findings})
    assert all(line.startswith("  ") for block in blocks[:-1] for line in block.splitlines()[1:])
    assert blocks[-1].count("\n") == 1 and blocks[-1].startswith(f"{waived_report.summary.total} ")
    assert "1 input error;" in blocks[-1]
    quiet = render_text(waived_report, summary=False)
    assert quiet == "\n\n".join(blocks[:-1]) + "\n"
    clean = render_text(waived_report.model_copy(update={"findings": [], "input_errors": []}))
    assert clean.splitlines()[0] == "no findings" and clean.count("\n") == 2
    assert render_text(waived_report.model_copy(update={"findings": [], "input_errors": []}),
                       summary=False) == ""
