"""The party organisation's findings name what a reader knows by name: a decision by its
meeting's day and its motion's title, a household contact by its day and household, not by the
records' ids; in Chinese and in English (SQ-SIFANG:299, :329)."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import yaml
from _helpers import EXAMPLES

from governance_rules import check_data
from governance_rules.report.model import Finding

_FILES = {p.relative_to(EXAMPLES / "sifang").as_posix(): yaml.safe_load(p.read_text("utf-8"))
          for p in sorted((EXAMPLES / "sifang").rglob("*.yaml"))}


def _entry(files: dict[str, Any], file: str, collection: str, record_id: str) -> dict[str, Any]:
    return next(r for r in files[file][collection] if r["id"] == record_id)


def _findings(files: dict[str, Any], rule: str) -> list[Finding]:
    return [f for f in check_data(files).findings if f.rule_id == rule]


def test_a_late_decision_is_named_by_its_meeting_day_and_motion_title() -> None:
    files = copy.deepcopy(_FILES)
    _entry(files, "party/matters.yaml", "party_matters", "finance-plan-2022")["date"] = "2022-04-24"
    found = [f for f in _findings(files, "po-matters") if f.record.id == "finance-plan-2022"]
    assert len(found) == 1
    en, zh = found[0].message.en, found[0].message.zh
    assert ('decided it only afterwards (中共兴华路社区委员会 meeting of 25 April 2022 on '
            '"2022年社区财务收支计划")') in en
    assert "（中共兴华路社区委员会2022年4月25日会议「2022年社区财务收支计划」）" in zh
    assert "pc-2022-04-25" not in en + zh and "finance-plan" not in en + zh


def test_a_household_contact_is_named_by_its_day_and_household() -> None:
    files = copy.deepcopy(_FILES)
    _entry(files, "party/link-books.yaml", "member_records", "report-dy-zhao-01")["date"] = (
        "2022-02-13")
    found = sorted(_findings(files, "po-link-contact-report"), key=lambda f: f.record.line or 0)
    assert [f.record.id for f in found] == ["contact-dy-zhao-01-1", "contact-dy-zhao-01-2"]
    assert found[0].message.en == (
        "第一党小组, party member 赵德顺 (dy-zhao), contact of 5 January 2022 with household "
        "(h-zhao-1): the report back came 39 days after the contact")
    assert found[0].message.zh == (
        "第一党小组党员赵德顺（dy-zhao）2022年1月5日对联户对象（h-zhao-1）的联系：联户后39天才反馈")


def _branch(party_members: int | None, seated: int) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": "pc", "kind": "party_committee", "name": "中共示例社区支部委员会", "form": "branch",
        "seats": [{"person": f"p{i}", "name": f"委员{i}", "terms": [
            {"start": "2021-04-10", "end": "2024-04-09", "obtained_by": "appointment"}]}
            for i in range(seated)]}
    if party_members is not None:
        body["party_members"] = party_members
    return {"community.yaml": {"community": {
                "id": "sf", "name": "示例社区", "jurisdiction": ["cn", "shandong", "qingdao", "sifang"],
                "records_cover": {"from": "2022-01-01", "to": "2022-12-31"}}},
            "pc.yaml": {"body": body}}


def test_a_membership_not_recorded_is_said_so_not_minus_one() -> None:
    found = _findings(_branch(None, 2), "po-form")
    assert [(f.message.en, f.message.zh) for f in found] == [(
        "中共示例社区支部委员会 (party members not recorded, constituted as a branch, "
        "2 committee members): a branch committee has fewer than 3 members",
        "中共示例社区支部委员会（党员人数未记录，设党支部，委员2人）：支部委员会少于3人")]
    found = _findings(_branch(40, 1), "po-form")
    assert [(f.message.en, f.message.zh) for f in found] == [(
        "中共示例社区支部委员会 (40 party members, constituted as a branch, "
        "1 committee member): a branch committee has fewer than 3 members",
        "中共示例社区支部委员会（党员40人，设党支部，委员1人）：支部委员会少于3人")]


def test_an_election_finding_names_the_term_it_judges() -> None:
    """A seat that held an appointed term years before its elected one: the finding names the
    term's days, and a term that ended before the window is not judged (PO-ELECTION, :144)."""
    files = copy.deepcopy(_FILES)
    seat = next(s for s in files["bodies/party-committee.yaml"]["body"]["seats"]
                if s["person"] == "he-ping")
    seat["terms"].insert(0, {"start": "2015-04-10", "end": "2018-04-09",
                             "obtained_by": "appointment"})
    assert not [f for f in _findings(files, "po-election") if f.record.id.endswith("/he-ping")]
    found = [f for f in check_data(files, window=(date(2015, 1, 1), None)).findings
             if f.rule_id == "po-election" and f.record.id.endswith("/he-ping")]
    assert [(f.message.en, f.message.zh) for f in found] == [(
        "中共兴华路社区委员会: Seat of party committee member 何平 (he-ping), term from "
        "10 April 2015 to 9 April 2018: the term was not obtained by election; no election by "
        "a party members' assembly or representative assembly is recorded",
        "中共兴华路社区委员会：党组织委员何平（he-ping）2015年4月10日至2018年4月9日的任期："
        "该任期不是经选举产生；未记录党员大会或党员代表大会的选举决定")]
