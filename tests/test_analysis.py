"""Notebook helpers: tables of findings and rules, what-if over a parameter, a plot."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from _helpers import EXAMPLES

from governance_rules import Report, check_paths
from governance_rules.analysis import (
    FINDING_COLUMNS,
    findings_frame,
    load_dossiers,
    plot_what_if,
    rules_frame,
    what_if,
)

pytest.importorskip("pandas", reason="the analysis extra is installed by `make test`")


def test_findings_frame_has_a_row_per_finding(examples_report: Report) -> None:
    frame = findings_frame(examples_report)
    assert list(frame.columns) == FINDING_COLUMNS
    assert len(frame) == len(examples_report.findings)
    counts = frame["severity"].value_counts().to_dict()
    assert counts == {k: v for k, v in examples_report.summary.by_severity.items() if v}
    consent = frame[frame["rule_id"] == "cc-consent-80"].iloc[0]
    assert consent["document"] == "HLS-356" and consent["measured"] == "6/8"


def test_rules_frame_gives_failure_rates(examples_report: Report) -> None:
    frame = rules_frame(examples_report, "zh").set_index("rule_id")
    assert len(frame) == len(examples_report.rules)
    row = frame.loc["cc-consent-80"]
    assert row["applied"] == examples_report.summary.applied["cc-consent-80"]
    assert row["failure_rate"] == pytest.approx(row["findings"] / row["applied"])
    assert "80%" in row["title"]


def test_what_if_the_consent_share_were_two_thirds(tmp_path: Path) -> None:
    dossiers = load_dossiers([EXAMPLES / "haliang-3"])
    table = what_if(dossiers, "cc.consent_share", [Fraction(2, 3), Fraction(4, 5), Fraction(9, 10)])
    assert list(table.index) == ["2/3", "4/5", "9/10"]
    consent = table["cc-consent-80"].tolist()
    assert consent[0] == 0 and consent[1] == 1 and consent[2] > consent[1]
    assert table.loc["4/5", "total"] == len(check_paths([EXAMPLES / "haliang-3"]).findings)
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    ax = plot_what_if(table, ["cc-consent-80"])
    assert [line.get_label() for line in ax.get_lines()] == ["cc-consent-80"]
    ax.figure.savefig(tmp_path / "what-if.png")
    assert (tmp_path / "what-if.png").stat().st_size > 1000
