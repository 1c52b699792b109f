"""A document binds the places it was issued for, or a community that adopted it, and the report
says for every community which documents applied and why, and which did not."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from _helpers import body, check, members

from governance_rules import load_rulebook
from governance_rules.errors import RulebookError

SIFANG = ["cn", "shandong", "qingdao", "sifang"]
HARBIN = ["cn", "heilongjiang", "harbin", "xiangfang", "minsheng"]


def _community(cid: str, jurisdiction: list[str], **extra: Any) -> dict[str, Any]:
    return {"community": {"id": cid, "name": "某社区", "jurisdiction": jurisdiction, **extra}}


def _cc_meeting(cid: str, jurisdiction: list[str], **extra: Any) -> dict[str, Any]:
    """A consultation committee decision with 6 of 9 in favour: below HLS-356's 80%."""
    return {"community.yaml": _community(cid, jurisdiction, **extra),
            "cc.yaml": body("cc", "consultation_committee", 9),
            "m.yaml": {"meeting": {"id": "m1", "body": "cc", "date": "2022-02-10",
                                   "present": members("cc", 9),
                                   "motions": [{"id": "x", "title": "议题", "outcome": "adopted",
                                                "votes": {"yes": 6, "no": 3}}]}}}


def _rc(jurisdiction: list[str], **extra: Any) -> dict[str, Any]:
    """A residents' committee of 4: below SQ-SIFANG's 5-9."""
    return {"community.yaml": _community("c", jurisdiction, **extra),
            "rc.yaml": body("rc", "residents_committee", 4, roles={0: "director"})}


def _consent(report: Any) -> list[Any]:
    return [f for f in report.findings if f.rule_id == "cc-consent-80"]


@pytest.mark.parametrize("engine", ["native", "durable"])
def test_hls_356_binds_haliang_3_and_communities_that_adopt_it(engine: str) -> None:
    assert _consent(check(_cc_meeting("haliang-3", HARBIN), engine=engine))
    assert _consent(check(_cc_meeting("other", ["cn", "test"], adopts=["HLS-356"]),
                          engine=engine))
    elsewhere = check(_cc_meeting("other", ["cn", "test"], adopts=[]), engine=engine)
    assert _consent(elsewhere) == [] and "cc-consent-80" not in elsewhere.summary.applied


def test_the_report_says_which_documents_applied_and_why() -> None:
    report = check(_cc_meeting("other", ["cn", "shandong", "qingdao", "sifang", "x"],
                               adopts=["HLS-356"]))
    [scope] = report.scopes
    applied = {d.document: d.reason.en for d in scope.applied}
    assert applied == {"HLS-356": "adopted by the community",
                       "SQ-SIFANG": "issued for Sifang district, Qingdao, Shandong "
                                    "(cn/shandong/qingdao/sifang)"}
    not_applied = {d.document: d.reason for d in scope.not_applied}
    assert not_applied["ZZB-TAONAN"].en == ("binds only Taonan city, Baicheng, Jilin "
                                            "(cn/jilin/baicheng/taonan); not adopted here")
    assert not_applied["ZZB-TAONAN"].zh == (
        "仅适用于吉林省白城市洮南市（cn/jilin/baicheng/taonan），本社区未采用")
    assert not_applied["RD-TOWNSHIP"].en == "names no place it binds; not adopted here"


def test_a_sifang_rule_is_not_applied_in_harbin() -> None:
    assert "rc-size" in check(_rc(SIFANG)).summary.by_rule
    harbin = check(_rc(HARBIN))
    assert "rc-size" not in harbin.summary.applied


def test_an_overlay_adopts_a_document_or_a_single_id_for_a_jurisdiction(tmp_path: Path) -> None:
    district = tmp_path / "district"
    district.mkdir()
    (district / "ruleset.yaml").write_text(
        "adopt:\n  cn/hebei/baoding:\n    - SQ-SIFANG\n  cn/test:\n    - CC-CONSENT-80\n",
        encoding="utf-8")
    book = load_rulebook(district)
    assert "rc-size" in check(_rc(["cn", "hebei", "baoding", "x"]), rulebook=book).summary.by_rule
    only_one = check(_cc_meeting("t", ["cn", "test"], adopts=[]), rulebook=book)
    assert _consent(only_one)
    assert "cc-monthly-meeting" not in only_one.summary.applied


def test_an_overlay_narrows_a_document_scope(tmp_path: Path) -> None:
    book = load_rulebook()
    sifang = book.documents["SQ-SIFANG"]
    (tmp_path / "ruleset.yaml").write_text(
        "documents:\n  - id: SQ-SIFANG\n    file: " + sifang.file + "\n    lines: [108, 480]\n"
        "    title: narrowed\n    binds: [cn/shandong/qingdao/sifang/xinghua]\n",
        encoding="utf-8")
    narrowed = load_rulebook(tmp_path)
    assert "rc-size" not in check(_rc([*SIFANG, "other"]), rulebook=narrowed).summary.applied
    assert "rc-size" in check(_rc([*SIFANG, "xinghua"]), rulebook=narrowed).summary.by_rule


def test_adopting_an_unknown_document_is_an_input_error() -> None:
    report = check(_rc(SIFANG, adopts=["HLS-357"]))
    [error] = report.input_errors
    assert (error.type, error.loc, error.input) == ("unknown_document",
                                                    ("community", "adopts", 0), "HLS-357")


def test_charter_clauses_bind_from_the_day_the_charter_was_adopted() -> None:
    """RA-ELIGIBILITY-like rules citing only annex 6 (SQ-SIFANG:422-480) wait for the charter."""
    from governance_rules.rulebook.scope import scope_for

    book = load_rulebook()
    charter_rule = book.rule("rc-size").model_copy(update={"id": "charter-only", "source": [
        book.rule("rc-size").source[0].model_copy(update={"lines": [454]})]})
    before = scope_for(book, "c", SIFANG)
    after = scope_for(book, "c", SIFANG, charter_adopted_on=date(2022, 5, 1))
    assert not before.admits(charter_rule, date(2022, 6, 1))
    assert not after.admits(charter_rule, date(2022, 4, 30))
    assert after.admits(charter_rule, date(2022, 5, 1))
    assert after.admits(book.rule("rc-size"), date(2022, 4, 30))
    rules = (charter_rule, book.rule("tpc-sessions"), book.rule("rc-size"))
    for scope in (before, after):  # what the checker asks, once per fact: the same answers
        for day in (date(2022, 4, 30), date(2022, 5, 1), date(2022, 6, 1)):
            assert scope.admitted(rules, day) == tuple(
                r for r in rules if scope.admits(r, day))
    assert [r.id for r in after.admitted(rules, date(2022, 5, 1))] == ["charter-only", "rc-size"]


@pytest.mark.parametrize("engine", ["native", "durable"])
def test_one_dossier_s_records_before_the_charter_day_are_not_judged_by_it(engine: str) -> None:
    """Two ad hoc sittings of one assembly, on either side of the day the community adopted the
    charter: only the later one is judged by RA-ADHOC, which cites only the charter
    (SQ-SIFANG:448); the facts the same rules select are paired once per side of that day."""
    def sitting(meeting_id: str, day: str) -> dict[str, Any]:
        return {"meeting": {"id": meeting_id, "body": "ra", "kind": "ad_hoc", "date": day,
                            "present": members("ra", 3)}}

    files = {
        "c.yaml": {"community": {"id": "c", "name": "社区", "jurisdiction": SIFANG,
                                 "charter_adopted_on": "2022-05-10"}},
        "ra.yaml": body("ra", "member_representative_assembly", 3),
        "m1.yaml": sitting("m1", "2022-05-01"), "m2.yaml": sitting("m2", "2022-05-20"),
        "m3.yaml": sitting("m3", "2022-06-20")}
    report = check(files, engine=engine)
    assert sorted(f.record.id for f in report.findings if f.rule_id == "ra-adhoc-basis") == [
        "m2", "m3"]


@pytest.mark.parametrize("engine", ["native", "durable"])
def test_community_size_is_sifang_s_and_not_haliang_3_s(engine: str) -> None:
    """RC-COMMUNITY-SIZE (SQ-SIFANG:150) binds Sifang's communities: Haliang No. 3 (4980
    households, HLS-356:14) is not held to it unless it adopts SQ-SIFANG."""
    harbin = {"community.yaml": _community("haliang-3", HARBIN, households=4980)}
    report = check(harbin, engine=engine)
    assert "rc-community-size" not in report.summary.applied
    assert [f for f in report.findings if f.rule_id == "rc-community-size"] == []
    adopted = {"community.yaml": _community("haliang-3", HARBIN, households=4980,
                                            adopts=["SQ-SIFANG"])}
    assert [f.rule_id for f in check(adopted, engine=engine).findings] == ["rc-community-size"]
    sifang = {"community.yaml": _community("x", SIFANG, households=4980)}
    assert [f.rule_id for f in check(sifang, engine=engine).findings] == ["rc-community-size"]
    estate = {"community.yaml": _community("x", SIFANG, households=4980, single_estate=True)}
    assert check(estate, engine=engine).findings == []


def test_the_pairings_a_rule_set_keeps_are_bounded() -> None:
    """A rule set keeps the facts' bound rules per way of admitting rules (a scope) across
    dossiers and calls; a province's many scopes and places make it start again, not grow."""
    from governance_rules.rulebook.book import MAX_PAIRED_PER_SCOPE, MAX_PAIRED_SCOPES

    book = load_rulebook()
    for i in range(MAX_PAIRED_SCOPES + 5):
        book.pairings(("scope", i))[("meeting", i, ("cn",), False)] = ()
    assert len(book._paired) <= MAX_PAIRED_SCOPES
    for i in range(MAX_PAIRED_PER_SCOPE + 5):
        book.pairings("one")[("meeting", i, ("cn",), False)] = ()
    assert len(book.pairings("one")) <= MAX_PAIRED_PER_SCOPE


def test_a_document_not_bound_here_names_the_ids_an_overlay_adopted_from_it() -> None:
    """scopes said HLS-356 was 'not adopted here' while an overlay had adopted its
    CC-CONSENT-80 for the place, and the finding applied: the reason now names the ids."""
    from governance_rules import load_rulebook
    from governance_rules.rulebook import Rulebook
    from governance_rules.rulebook.scope import scope_for

    book = load_rulebook()
    adopting = Rulebook(book.version, book.rules, book.parameters, book.documents,
                        book.exclusions, book.pending, {"cn/gansu/lanzhou/anning": ["CC-CONSENT-80"]})
    scope = scope_for(adopting, "xilu", ["cn", "gansu", "lanzhou", "anning"])
    reason = scope.not_applied["HLS-356"]
    assert reason.zh.endswith("本社区未采用（规则叠加层为本辖区采用了其中的CC-CONSENT-80）"), reason
    assert reason.en.endswith("not adopted here (its CC-CONSENT-80 adopted for this place by an "
                              "overlay)")
    plain = scope_for(book, "xilu", ["cn", "gansu", "lanzhou", "anning"]).not_applied["HLS-356"]
    assert plain.zh.endswith("本社区未采用")


DINGYUAN_VILLAGE = ["cn", "anhui", "chuzhou", "dingyuan", "hongxing"]


def _village_office(**extra: Any) -> dict[str, Any]:
    """A village of Dingyuan county with its governance office directed by its party secretary."""
    return {"community.yaml": _community("hongxing-village", DINGYUAN_VILLAGE, **extra),
            "office.yaml": {"bodies": [
                {"id": "zzb", "kind": "governance_office", "name": "红星村综治办", "seats": [
                    {"person": "p1", "name": "甲", "role": "director",
                     "terms": [{"start": "2021-01-01", "obtained_by": "appointment"}]}]},
                {"id": "pc", "kind": "party_committee", "name": "红星村党支部", "seats": [
                    {"person": "p1", "name": "甲", "role": "secretary",
                     "terms": [{"start": "2021-01-01", "obtained_by": "election"}]}]}]}}


def test_a_village_that_keeps_its_office_by_zzb_village_is_no_township_of_its_county() -> None:
    """ZZB-DINGYUAN is addressed to the county's townships (各乡镇综治委, :26): a village of the
    county that adopts ZZB-VILLAGE got every township rule (no governance committee, no
    inspection, leading groups, screenings, the centre's posts…); now ZZB-VILLAGE's alone,
    and the report says why ZZB-DINGYUAN was not applied."""
    window = (date(2022, 1, 1), date(2022, 12, 31))
    report = check(_village_office(adopts=["ZZB-VILLAGE"]), window=window)
    assert {f.rule_id for f in report.findings} == set()
    assert "zz-village-office" in report.summary.applied
    assert not [r for r in report.summary.applied if r != "zz-village-office"
                and r.startswith("zz-")]
    [scope] = report.scopes
    reasons = {d.document: d.reason for d in scope.not_applied}
    assert reasons["ZZB-DINGYUAN"].zh == ("适用范围：安徽省滁州市定远县（cn/anhui/chuzhou/dingyuan），"
                                         "但不含采用ZZB-VILLAGE的社区（本社区已采用）")
    assert reasons["ZZB-DINGYUAN"].en == (
        "issued for Dingyuan county, Chuzhou, Anhui (cn/anhui/chuzhou/dingyuan), but not for a "
        "community that adopted ZZB-VILLAGE, as this one did")
    # a township of the county, or a village that adopts the county's document itself, is held to it
    township = check(_village_office(), window=window)
    assert "zz-committee" in {f.rule_id for f in township.findings}
    both = check(_village_office(adopts=["ZZB-VILLAGE", "ZZB-DINGYUAN"]), window=window)
    assert "zz-committee" in {f.rule_id for f in both.findings}


def test_unless_adopted_names_a_document_of_the_rule_set(tmp_path: Path) -> None:
    (tmp_path / "notice.txt").write_text("某县通知\n各乡镇综治委\n", encoding="utf-8")
    (tmp_path / "ruleset.yaml").write_text(
        "documents:\n  - {id: X-NOTICE, file: notice.txt, lines: [1, 2], title: 某县通知,"
        " binds: [cn/x], unless_adopted: [ZZB-VILAGE]}\n", encoding="utf-8")
    with pytest.raises(RulebookError, match=r"'ZZB-VILAGE' is not a document of the rule set.*"
                                            r"ZZB-VILLAGE"):
        load_rulebook(tmp_path)
