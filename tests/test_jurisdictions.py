"""One rule, two overlays: the monthly dispute report is due by the 5th of the next month in
Dingyuan and by the 25th of the month in Taonan; dated parameter versions; rules limited to a
jurisdiction; a district's own overlay folder."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from _helpers import check, half_consent
from test_cli import run

from governance_rules import Rulebook, load_rulebook

DINGYUAN = ["cn", "anhui", "chuzhou", "dingyuan", "zhangqiao"]
TAONAN = ["cn", "jilin", "baicheng", "taonan", "wanbao"]


def office(jurisdiction: list[str], submitted: str) -> dict[str, Any]:
    return {
        "community.yaml": {"community": {"id": "t", "name": "某镇", "jurisdiction": jurisdiction}},
        "office.yaml": {"body": {"id": "office", "kind": "governance_office", "name": "综治办",
                                 "seats": []}},
        "report.yaml": {"report": {"id": "disputes-2022-03", "body": "office",
                                   "kind": "dispute_monthly", "period": "2022-03",
                                   "submitted_on": submitted, "cases": 0}},
    }


def late(report: Any) -> list[Any]:
    return [f for f in report.findings if f.rule_id == "zz-dispute-report-deadline"]


@pytest.mark.parametrize("engine", ["native", "durable"])
def test_the_same_report_is_on_time_in_dingyuan_and_late_in_taonan(engine: str) -> None:
    assert late(check(office(DINGYUAN, "2022-04-03"), engine=engine)) == []
    [finding] = late(check(office(TAONAN, "2022-04-03"), engine=engine))
    assert finding.parameters["zz.dispute_report_day"].value == "25"
    assert finding.parameters["zz.dispute_report_day"].overlay == "cn/jilin/baicheng/taonan"
    assert "25th of the same month" in finding.message.en


def test_a_late_report_is_titled_with_its_county_s_deadline_in_force() -> None:
    """The title stated both counties' days whatever the finding's place, and kept Dingyuan's
    5th under a what-if of the 3rd (矛盾纠纷排查情况按时上报（定远：次月5日前；洮南：每月25日前）
    beside a message saying 须于次月3日前报送): a finding is titled with its place's deadline;
    the rule set's list of rules still says both."""
    book = load_rulebook()
    what_if = book.with_parameter("zz.dispute_report_day", 3, "cn/anhui/chuzhou/dingyuan")
    [dingyuan] = late(check(office(DINGYUAN, "2022-04-04"), rulebook=what_if))
    assert (dingyuan.title.zh, dingyuan.title.en) == (
        "矛盾纠纷排查情况按时上报（次月3日前）",
        "The monthly dispute report is on time (by the 3rd of the next month)")
    [taonan] = late(check(office(TAONAN, "2022-04-03"), rulebook=what_if))
    assert (taonan.title.zh, taonan.title.en) == (
        "矛盾纠纷排查情况按时上报（当月25日前）",
        "The monthly dispute report is on time (by the 25th of the same month)")
    [source] = late(check(office(DINGYUAN, "2022-04-06")))
    assert source.title.zh == "矛盾纠纷排查情况按时上报（次月5日前）"
    for rules in (book, what_if):
        assert rules.rule("zz-dispute-report-deadline").title.zh == (
            "矛盾纠纷排查情况按时上报（定远：次月5日前；洮南：每月25日前）")


@pytest.mark.parametrize(("jurisdiction", "day", "is_late"), [
    (DINGYUAN, "2022-04-05", False), (DINGYUAN, "2022-04-06", True),
    (DINGYUAN, "2022-03-31", False), (TAONAN, "2022-03-25", False), (TAONAN, "2022-03-26", True),
])
def test_deadline_boundaries(jurisdiction: list[str], day: str, is_late: bool) -> None:
    assert bool(late(check(office(jurisdiction, day)))) is is_late


def test_elsewhere_the_rule_has_no_deadline_to_apply() -> None:
    report = check(office(["cn", "shandong", "qingdao"], "2022-06-30"))
    assert late(report) == [] and "zz-dispute-report-deadline" not in report.summary.applied


def test_rules_from_one_county_apply_only_there() -> None:
    taonan_only = "zz-plan-deadline"
    files = office(DINGYUAN, "2022-04-03")
    files["plan.yaml"] = {"report": {"id": "plan", "body": "office", "kind": "plan",
                                     "period": "2022", "submitted_on": "2022-05-01"}}
    assert taonan_only not in [f.rule_id for f in check(files).findings]
    files["community.yaml"]["community"]["jurisdiction"] = TAONAN
    assert taonan_only in [f.rule_id for f in check(files).findings]


def test_a_district_overlay_folder_changes_the_deadline(tmp_path: Path) -> None:
    (tmp_path / "parameters").mkdir()
    (tmp_path / "ruleset.yaml").write_text("adopt:\n  cn/shandong/qingdao:\n    - ZZ-SCREENING\n",
                                           encoding="utf-8")
    (tmp_path / "parameters" / "my-district.yaml").write_text(
        "parameters:\n"
        "  zz.dispute_report_month_offset:\n"
        "    overlays:\n      cn/shandong/qingdao:\n        - value: 1\n"
        "  zz.dispute_report_day:\n"
        "    overlays:\n      cn/shandong/qingdao:\n        - value: 10\n", encoding="utf-8")
    book = load_rulebook(tmp_path)
    qingdao = ["cn", "shandong", "qingdao", "sifang"]
    assert late(check(office(qingdao, "2022-04-10"), rulebook=book)) == []
    [finding] = late(check(office(qingdao, "2022-04-11"), rulebook=book))
    assert finding.title.en == "The monthly dispute report is on time (by the 10th of the next month)"


def test_a_place_that_adopted_taonan_s_document_is_cited_taonan_s_clause(tmp_path: Path) -> None:
    """A township outside both counties that adopts ZZB-TAONAN, with its own deadline of the
    25th (an overlay): a late report was cited Dingyuan's 于下月5日前 (ZZB-DINGYUAN:50) beside
    须于当月25日前, and a missing month ZZB-DINGYUAN:50 and :56, since no document bound the
    place by its county; the document it adopted binds it."""
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "qingdao.yaml").write_text(
        "parameters:\n"
        "  zz.dispute_report_month_offset:\n"
        "    overlays:\n      cn/shandong/qingdao:\n        - value: 0\n"
        "  zz.dispute_report_day:\n"
        "    overlays:\n      cn/shandong/qingdao:\n        - value: 25\n", encoding="utf-8")
    files = office(["cn", "shandong", "qingdao", "jimo"], "2022-04-03")
    files["community.yaml"]["community"]["adopts"] = ["ZZB-TAONAN"]
    book = load_rulebook(tmp_path)
    [finding] = late(check(files, rulebook=book))
    assert [(s.document, s.lines) for s in finding.sources] == [("ZZB-TAONAN", [102])]
    assert "25th of the same month" in finding.message.en
    # no report for April: Taonan's monthly report and zero report, not Dingyuan's :50 and :56
    report = check(files, rulebook=book, window=(date(2022, 3, 1), date(2022, 4, 30)))
    [zero] = [f for f in report.findings if f.rule_id == "zz-zero-report"]
    assert [(s.document, s.quote) for s in zero.sources] == [
        ("ZZB-TAONAN", "要求每月25日前及時上報矛盾糾紛排查情況"), ("ZZB-TAONAN", "實施零報告制度")]


@pytest.mark.parametrize("engine", ["native", "durable"])
def test_an_overlay_keyed_by_a_community_holds_for_that_community_alone(
        tmp_path: Path, engine: str) -> None:
    """An overlay keyed by a community's path (its jurisdiction, then its id), as `adopt:` and
    `binds:` may be keyed, was silently ignored (a street-level key worked): the community's
    report of 4 April passed under Dingyuan's 5th though its own overlay says the 3rd. It holds
    for that community, and for no other of its street."""
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "one-community.yaml").write_text(
        "parameters:\n  zz.dispute_report_day:\n    overlays:\n"
        f"      {'/'.join(DINGYUAN)}/t:\n        - value: 3\n", encoding="utf-8")
    book = load_rulebook(tmp_path)
    [finding] = late(check(office(DINGYUAN, "2022-04-04"), rulebook=book, engine=engine))
    assert finding.parameters["zz.dispute_report_day"].value == "3"
    assert finding.parameters["zz.dispute_report_day"].overlay == f"{'/'.join(DINGYUAN)}/t"
    assert "3rd of the next month" in finding.message.en
    neighbour = office(DINGYUAN, "2022-04-04")
    neighbour["community.yaml"]["community"]["id"] = "u"
    assert late(check(neighbour, rulebook=book, engine=engine)) == []


def test_explain_reads_a_community_s_own_overlay(tmp_path: Path) -> None:
    (tmp_path / "rules" / "parameters").mkdir(parents=True)
    (tmp_path / "rules" / "parameters" / "one-community.yaml").write_text(
        "parameters:\n  zz.dispute_report_day:\n    overlays:\n"
        "      cn/anhui/chuzhou/dingyuan/zhangqiao/zhangqiao-town:\n        - value: 3\n",
        encoding="utf-8")
    out = run("--rules", str(tmp_path / "rules"), "explain", "zz-dispute-report-deadline",
              "disputes-2022-03", "examples/dingyuan").stdout
    assert "zz.dispute_report_day = 3" in out, out


def test_an_overlay_value_with_no_reference_cites_no_clause(tmp_path: Path) -> None:
    """A street's 2/3 with no `reference` was cited to the clause it overrides: 须达三分之二以上
    beside 依据：HLS-356:26「必须经过80%以上成员同意后…」, and the JSON parameters gave 2/3 with
    source HLS-356:26. The value rests on no clause: its entry has no source, and the finding
    says that the value is the place's own setting, on no clause the rule set names (in words
    of its own: it said 假设值 / what-if value, a test's words, before); an overlay giving the
    source's own value says nothing."""
    from governance_rules import check_data

    files = half_consent()
    for value in ("2/3", "4/5"):
        folder = tmp_path / value.replace("/", "-")
        (folder / "parameters").mkdir(parents=True)
        (folder / "parameters" / "consent.yaml").write_text(
            "parameters:\n  cc.consent_share:\n    overlays:\n"
            f"      cn/heilongjiang/harbin:\n        - value: \"{value}\"\n", encoding="utf-8")
        [finding] = [f for f in check_data(files, rulebook=load_rulebook(folder)).findings
                     if f.rule_id == "cc-consent-80"]
        used = finding.parameters["cc.consent_share"]
        assert (used.value, used.overlay, used.source) == (value, "cn/heilongjiang/harbin", None)
        if value == "2/3":
            assert finding.message.zh.endswith(
                "须达三分之二以上；还差1人；本次检查用了本地设定值：协商议题形成决策性意见所需同意成员"
                "比例（以上，含本数）为2/3，规则集未注明其依据，非原文的规定"), finding.message.zh
            assert finding.message.en.endswith(
                "; checked with a local value the rule set gives no source for, not the source's: "
                "share of committee members whose consent makes a topic a decision (inclusive) "
                "is 2/3"), finding.message.en
            assert "假设" not in finding.message.zh and "what-if" not in finding.message.en
        else:
            assert "本地设定" not in finding.message.zh and "local value" not in finding.message.en


def test_a_what_if_is_measured_against_the_community_s_own_value(tmp_path: Path) -> None:
    """A what-if of 2/3 for a community whose own overlay (keyed by its id) is 2/3 already
    checks it by the value in force there: the finding says nothing of a what-if. The value in
    force was read for the jurisdiction alone (80%), so the finding said it was checked with a
    what-if value; a neighbour without the overlay is still told."""
    from governance_rules import check_data

    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "consent.yaml").write_text(
        "parameters:\n  cc.consent_share:\n    overlays:\n"
        "      cn/heilongjiang/harbin/hl3:\n        - value: \"2/3\"\n"
        "          reference: {document: HLS-356, lines: [26], quote: 必须经过80%以上成员同意后}\n",
        encoding="utf-8")
    book = load_rulebook(tmp_path).with_parameter("cc.consent_share", "2/3")
    for community, told in (("hl3", False), ("hl4", True)):
        files = half_consent()
        files["c.yaml"]["community"]["id"] = community
        [finding] = [f for f in check_data(files, rulebook=book).findings
                     if f.rule_id == "cc-consent-80"]
        assert ("假设值" in finding.message.zh) is told, (community, finding.message.zh)
        assert ("what-if" in finding.message.en) is told, (community, finding.message.en)


def test_the_overlay_folder_through_the_cli(tmp_path: Path) -> None:
    (tmp_path / "rules" / "parameters").mkdir(parents=True)
    (tmp_path / "rules" / "parameters" / "taonan-2023.yaml").write_text(
        "parameters:\n"
        "  zz.dispute_report_month_offset:\n    overlays:\n"
        "      cn/jilin/baicheng/taonan/wanbao:\n        - value: 1\n"
        "  zz.dispute_report_day:\n    overlays:\n"
        "      cn/jilin/baicheng/taonan/wanbao:\n        - value: 5\n", encoding="utf-8")

    def deadline_findings(*args: str) -> list[str]:
        out = json.loads(run(*args, "check", "examples/taonan", "--format", "json").stdout)
        return [f["record"]["id"] for f in out["findings"]
                if f["rule_id"] == "zz-dispute-report-deadline"]

    assert deadline_findings() == ["disputes-2022-03"]
    assert deadline_findings("--rules", str(tmp_path / "rules")) == []


def test_dated_parameter_versions(tmp_path: Path, rulebook: Rulebook) -> None:
    """A parameter changed from 2023: records before use the old value, records after the new."""
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "dated.yaml").write_text(
        "parameters:\n  hear.publish_days:\n    type: days\n"
        "    description: {zh: 公示期限, en: publication deadline}\n"
        "    values:\n      - {value: 3, until: 2023-01-01}\n      - {value: 5, from: 2023-01-01}\n",
        encoding="utf-8")
    book = load_rulebook(tmp_path)

    def hearing(day: str, published: str) -> dict[str, Any]:
        return {
            "community.yaml": {"community": {"id": "c", "name": "社区", "jurisdiction": ["cn"],
                                             "adopts": ["SQ-SIFANG"]}},
            "rc.yaml": {"body": {"id": "rc", "kind": "residents_committee", "name": "居委会",
                                 "seats": []}},
            "h.yaml": {"hearing": {"id": "h", "body": "rc", "date": day, "topic": "议题",
                                   "published_on": published}}}

    def publish_findings(files: dict[str, Any]) -> list[Any]:
        return [f for f in check(files, rulebook=book).findings if f.rule_id == "hear-publish"]

    [old] = publish_findings(hearing("2022-05-10", "2022-05-14"))
    assert old.parameters["hear.publish_days"].value == "3"
    assert old.parameters["hear.publish_days"].in_force_from is None
    assert publish_findings(hearing("2023-05-10", "2023-05-14")) == []
    [new] = publish_findings(hearing("2023-05-10", "2023-05-16"))
    assert new.parameters["hear.publish_days"].in_force_from == "2023-01-01"

    # One dossier, the same rule selecting both hearings: each is judged by its day's version.
    both = hearing("2022-05-10", "2022-05-14")
    both["h2.yaml"] = {"hearing": {"id": "h2", "body": "rc", "date": "2023-05-10",
                                   "topic": "议题", "published_on": "2023-05-14"}}
    [old] = publish_findings(both)
    assert (old.record.id, old.parameters["hear.publish_days"].value) == ("h", "3")
    both["h2.yaml"]["hearing"]["published_on"] = "2023-05-16"
    assert [(f.record.id, f.parameters["hear.publish_days"].value)
            for f in publish_findings(both)] == [("h", "3"), ("h2", "5")]


def test_a_rule_not_in_force_is_not_applied(tmp_path: Path) -> None:
    (tmp_path / "late-rule.yaml").write_text((Path(__file__).parents[1] / "rules" / "openness.yaml")
                                             .read_text(encoding="utf-8").replace(
        "  - id: hear-publish\n", "  - id: hear-publish\n    in_force: {from: 2023-01-01}\n"),
        encoding="utf-8")
    book = load_rulebook(tmp_path)
    assert book.rule("hear-publish").in_force.covers(date(2023, 1, 1))
    files = {
        "community.yaml": {"community": {"id": "c", "name": "社区", "jurisdiction": ["cn"],
                                         "adopts": ["SQ-SIFANG"]}},
        "rc.yaml": {"body": {"id": "rc", "kind": "residents_committee", "name": "居委会", "seats": []}},
        "h.yaml": {"hearing": {"id": "h", "body": "rc", "date": "2022-05-10", "topic": "议题"}}}
    report = check(files, rulebook=book)
    assert "hear-publish" not in report.summary.applied
    assert "hear-publish" in check(files).summary.applied


def test_each_rule_set_reports_the_parameter_versions_it_judged_with() -> None:
    """The parameter versions a report shows are made once a rule set, not once a call: a
    what-if checked after the rule set it came from, and that rule set again after it, each
    show their own value, on findings and on the records that passed."""
    from _helpers import body, bundled_rulebook
    from _helpers import check as check_files

    files = {"community.yaml": {"community": {"id": "c", "name": "社区", "jurisdiction": ["cn"],
                                              "adopts": ["SQ-SIFANG"]}},
             "rc.yaml": body("rc", "residents_committee", 4, roles={0: "director"})}
    base = bundled_rulebook()
    what_if = base.with_parameter("rc.min_members", 3)

    def min_members(book: Rulebook) -> tuple[list[str], list[str]]:
        report = check_files(files, rulebook=book)
        return ([f.parameters["rc.min_members"].value for f in report.findings
                 if f.rule_id == "rc-size"],
                [c.parameters["rc-size"]["rc.min_members"].value for c in report.checked
                 if "rc-size" in c.parameters])

    assert min_members(base) == (["5"], ["5"])
    assert min_members(what_if) == ([], ["3"])
    assert min_members(base) == (["5"], ["5"])
