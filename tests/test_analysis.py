"""Notebook helpers: tables of findings and rules, what-if over a parameter, a plot."""

from __future__ import annotations

import re
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
    assert consent["document"] == "HLS-356"
    assert (consent["numerator"], consent["denominator"]) == (6, 8)
    assert consent["measured"].startswith("6 members who consented of 8 members seated")
    assert findings_frame(examples_report, "zh").loc[consent.name, "shortfall"] == "还差1人"


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


def test_findings_frame_says_where_and_when(examples_report: Report) -> None:
    frame = findings_frame(examples_report)
    assert frame["community"].notna().all() and frame["date"].notna().all()
    assert str(frame["date"].dtype).startswith("datetime64")
    consent = frame[frame["rule_id"] == "cc-consent-80"].iloc[0]
    assert consent["community"] == "haliang-3"
    assert consent["jurisdiction"].startswith("cn/heilongjiang")
    assert consent["body_key"] == f"haliang-3/{consent['body']}"
    assert consent["source_line"] == int(consent["lines"].split(",")[0])
    by_month = frame.groupby(["community", frame["date"].dt.to_period("M")]).size()
    assert by_month.sum() == len(frame)


def test_body_keys_do_not_collide_across_communities(tmp_path: Path) -> None:
    import yaml
    from _helpers import body, community

    for name in ("east", "west"):
        (tmp_path / name).mkdir()
        record = {"community": {**community()["community"], "id": name}}
        (tmp_path / name / "community.yaml").write_text(yaml.safe_dump(record), encoding="utf-8")
        (tmp_path / name / "rc.yaml").write_text(
            yaml.safe_dump(body("rc", "residents_committee", 3), allow_unicode=True),
            encoding="utf-8")
    frame = findings_frame(check_paths([tmp_path]))
    keys = set(frame.loc[frame["body"] == "rc", "body_key"])
    assert keys == {"east/rc", "west/rc"}


def test_what_if_sweeps_jurisdictions_and_keeps_overlays() -> None:
    dossiers = load_dossiers([EXAMPLES / "haliang-3", EXAMPLES / "sifang"])
    table = what_if(dossiers, "cc.consent_share", [Fraction(2, 3), Fraction(9, 10)],
                    jurisdictions=["cn/heilongjiang", "cn/shandong"])
    assert list(table.index) == [("cn/heilongjiang", "2/3"), ("cn/heilongjiang", "9/10"),
                                 ("cn/shandong", "2/3"), ("cn/shandong", "9/10")]
    assert list(table.columns)[-1] == "total"
    assert list(table.columns)[:-1] == sorted(table.columns[:-1])
    base = check_paths([EXAMPLES / "haliang-3"]).summary.by_rule.get("cc-consent-80", 0)
    # a value set for Shandong leaves the Harbin community's consent findings as they were
    assert table.loc[("cn/shandong", "9/10"), "cc-consent-80"] == base
    assert table.loc[("cn/heilongjiang", "9/10"), "cc-consent-80"] > base
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    ax = plot_what_if(table, ["cc-consent-80", "ra-quorum-never-found"], lang="zh")
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert sorted(lines) == ["cc-consent-80 · cn/heilongjiang", "cc-consent-80 · cn/shandong",
                             "ra-quorum-never-found · cn/heilongjiang",
                             "ra-quorum-never-found · cn/shandong"]  # one line a place
    assert list(lines["cc-consent-80 · cn/shandong"].get_xdata()) == ["2/3", "9/10"]
    assert list(lines["ra-quorum-never-found · cn/shandong"].get_ydata()) == [0, 0]


def test_dossiers_are_named_as_a_check_names_them_and_a_missing_path_is_an_error() -> None:
    from governance_rules import check_dossiers

    dossiers = load_dossiers([EXAMPLES / "haliang-3"], base=EXAMPLES)
    by_dossiers = findings_frame(check_dossiers(dossiers))
    by_paths = findings_frame(check_paths([EXAMPLES / "haliang-3"], base=EXAMPLES))
    assert list(by_dossiers["file"]) == list(by_paths["file"])
    assert by_paths["file"].str.startswith("haliang-3/").all()
    with pytest.raises(ValueError, match="path_not_found"):
        load_dossiers([EXAMPLES / "haliang-3", EXAMPLES / "no-such-dossier"])


@pytest.mark.parametrize("lang", ["zh-CN", "fr", ""])
def test_a_language_other_than_zh_or_en_is_refused(examples_report: Report, lang: str) -> None:
    with pytest.raises(ValueError, match="lang is 'zh' or 'en'"):
        findings_frame(examples_report, lang)
    with pytest.raises(ValueError, match="lang is 'zh' or 'en'"):
        rules_frame(examples_report, lang)


def test_plots_draw_chinese_without_missing_glyphs(examples_report: Report, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    import warnings

    import matplotlib

    from governance_rules.analysis import plot_findings

    matplotlib.use("Agg")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for by in ("rule", "community", "severity"):
            ax = plot_findings(examples_report, by=by, lang="zh")
            assert "每月发现问题数" in ax.get_title()
            ax.figure.savefig(tmp_path / f"{by}.png")
            assert (tmp_path / f"{by}.png").stat().st_size > 1000
    with pytest.raises(ValueError, match="by must be"):
        plot_findings(examples_report, by="colour")


def test_report_shows_itself_in_a_notebook() -> None:
    from _helpers import body, community

    from governance_rules import check_data

    files = {"community.yaml": community(),
             "rc.yaml": {**body("rc", "residents_committee", 3)}}
    files["rc.yaml"]["body"]["name"] = "<script>alert(1)</script>居委会"  # type: ignore[index]
    report = check_data(files)
    assert report.findings
    html = report._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count("<tr>") == 2 * (len(report.findings) + 1)  # English, then 中文
    assert repr(report).startswith("<Report: ") and len(repr(report)) < 200
    zh = report.to_html("zh")
    assert "<th>规则</th><th>严重程度</th>" in zh and "<td>错误</td>" in zh and "引擎 内置" in zh
    assert "问题" in zh and not re.search(r"\b(findings|error|warning|records checked)\b", zh)
    assert "<td>error</td>" in report.to_html("en")
    with pytest.raises(ValueError, match="lang is 'zh' or 'en'"):
        report.to_html("fr")


def test_frames_write_to_parquet_and_excel(examples_report: Report, tmp_path: Path) -> None:
    """The frames are plain pandas: Parquet (pyarrow) and Excel (openpyxl) read them back."""
    pytest.importorskip("pyarrow")
    openpyxl = pytest.importorskip("openpyxl")
    import pandas

    frame = findings_frame(examples_report, lang="zh")
    frame.to_parquet(tmp_path / "findings.parquet")
    back = pandas.read_parquet(tmp_path / "findings.parquet")
    assert list(back.columns) == FINDING_COLUMNS and len(back) == len(frame)
    assert back["date"].dtype.kind == "M" and str(back["source_line"].dtype) == "Int64"
    assert back["document_title"].str.startswith("黑龙江省").any()
    table = what_if(load_dossiers([EXAMPLES / "haliang-3"]), "cc.consent_share",
                    [Fraction(2, 3)], jurisdictions=["cn/heilongjiang"])
    table.to_parquet(tmp_path / "what-if.parquet")
    assert pandas.read_parquet(tmp_path / "what-if.parquet").equals(table)
    with pandas.ExcelWriter(tmp_path / "report.xlsx") as sheets:
        frame.to_excel(sheets, sheet_name="findings", index=False)
        rules_frame(examples_report, lang="zh").to_excel(sheets, sheet_name="rules", index=False)
        table.to_excel(sheets, sheet_name="what if")
    book = openpyxl.load_workbook(tmp_path / "report.xlsx")
    assert book.sheetnames == ["findings", "rules", "what if"]
    header = [c.value for c in book["findings"][1]]
    assert header == FINDING_COLUMNS and book["findings"].max_row == len(frame) + 1


def test_findings_frame_columns_hold_what_they_say(examples_report: Report) -> None:
    """`period` was empty for every finding of a period (rc-monthly's 2022-08); counts read
    6.0 (float); an empty report's frame had `numerator` and `suppressed` as objects; the
    Chinese frames said error / motion."""
    from governance_rules import check_data

    frame = findings_frame(examples_report)
    periods = frame[frame["record_type"] == "period"]
    assert len(periods) and periods["period"].notna().all()
    assert (periods["record_id"].str.rsplit("/", n=1).str[-1] == periods["period"]).all()
    assert str(frame["numerator"].dtype) == str(frame["denominator"].dtype) == "Int64"
    assert (6, 8) in set(zip(frame["numerator"].dropna(), frame["denominator"].dropna(),
                             strict=True))
    empty = findings_frame(check_data({}), "zh")
    assert empty.empty and empty.dtypes.to_dict() == frame.dtypes.to_dict()
    chinese = findings_frame(examples_report, "zh")
    assert set(chinese["severity"]) <= {"错误", "警告", "提示"}
    assert {"议题", "周期", "会议"} <= set(chinese["record_type"])
    assert set(rules_frame(examples_report, "zh")["severity"]) == {"错误", "警告", "提示"}
