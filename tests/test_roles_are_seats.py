"""Roles are seats: a role label on a record never satisfies a rule by itself; the roster decides
whether the person held the seat on the day of the act, and the evidence names who held it.

The rule cases in rules/cases/*.yaml hold the pass / label-contradicts-roster / former-holder cases
of every role-dependent rule; here: the date boundary (hypothesis, both engines), the evidence, and
the records that contradict themselves (input errors).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from _helpers import check, rule_ids
from hypothesis import given, settings
from hypothesis import strategies as st

SIFANG = {"community": {"id": "sf", "name": "四方示例社区",
                        "jurisdiction": ["cn", "shandong", "qingdao", "sifang"]}}
START = date(2021, 6, 20)


def _term(start: date, end: date | None, **extra: Any) -> dict[str, Any]:
    term: dict[str, Any] = {"start": start.isoformat(), "obtained_by": "election", **extra}
    if end is not None:
        term["end"] = end.isoformat()
    return term


def _dossier(director_end: date, expense: dict[str, Any]) -> dict[str, Any]:
    """od is the director until ``director_end``; d holds the seat from the day after."""
    after = director_end + timedelta(days=1)
    return {
        "community.yaml": SIFANG,
        "rc.yaml": {"body": {"id": "rc", "kind": "residents_committee", "name": "居委会", "seats": [
            {"person": "od", "name": "原主任", "role": "director",
             "terms": [_term(START, director_end)]},
            {"person": "d", "name": "新主任", "role": "director",
             "terms": [_term(after, date(2025, 6, 19), obtained_by="by_election")]},
            {"person": "k", "name": "会计", "duties": [{"duty": "accountant"}],
             "terms": [_term(START, date(2025, 6, 19))]},
            {"person": "c", "name": "出纳", "duties": [{"duty": "cashier"}],
             "terms": [_term(START, date(2025, 6, 19))]},
        ]}},
        "pc.yaml": {"body": {"id": "pc", "kind": "party_committee", "name": "党委", "seats": [
            {"person": "s", "name": "书记", "role": "secretary",
             "terms": [_term(START, date(2025, 6, 19))]}]}},
        "e.yaml": {"expense": {"id": "e1", "body": "rc", "amount": "80.00", "payee": "店",
                               "purpose": "文具", "voucher": "invoice", "accountant": "k",
                               "cashier": "c", **expense}},
    }


@settings(max_examples=25, deadline=None)
@given(seat_end=st.dates(date(2022, 1, 2), date(2022, 12, 30)), shift=st.integers(-3, 3),
       engine=st.sampled_from(["native", "durable"]))
def test_an_approval_counts_only_up_to_the_seats_last_day(seat_end: date, shift: int,
                                                          engine: str) -> None:
    act = seat_end + timedelta(days=shift)
    files = _dossier(seat_end, {"paid_on": act.isoformat(), "approvals": [
        {"role": "residents_committee_director", "person": "od", "date": act.isoformat()}]})
    report = check(files, engine=engine)
    assert report.input_errors == []
    assert ("fin-tiers" in rule_ids(report)) == (act > seat_end)


@settings(max_examples=25, deadline=None)
@given(seat_end=st.dates(date(2022, 1, 2), date(2022, 12, 30)), shift=st.integers(-3, 3),
       engine=st.sampled_from(["native", "durable"]))
def test_a_signature_counts_only_up_to_the_seats_last_day(seat_end: date, shift: int,
                                                         engine: str) -> None:
    signed = seat_end + timedelta(days=shift)
    files = _dossier(seat_end, {"paid_on": (signed + timedelta(days=2)).isoformat(),
                                "signatures": [
                                    {"role": "handler", "person": "k"},
                                    {"role": "director", "person": "od",
                                     "date": signed.isoformat()},
                                    {"role": "party_secretary", "person": "s"}]})
    report = check(files, engine=engine)
    assert report.input_errors == []
    assert ("fin-signatures" in rule_ids(report)) == (signed > seat_end)


@settings(max_examples=25, deadline=None)
@given(seat_end=st.dates(date(2022, 1, 2), date(2022, 12, 30)), shift=st.integers(-3, 3),
       engine=st.sampled_from(["native", "durable"]))
def test_the_cashier_may_not_be_director_on_the_payment_day(seat_end: date, shift: int,
                                                           engine: str) -> None:
    paid = seat_end + timedelta(days=shift)
    files = _dossier(seat_end, {"paid_on": paid.isoformat(), "cashier": "od"})
    # od keeps the cashier duty on a member's seat after the director seat ends
    od = files["rc.yaml"]["body"]["seats"][0]
    od["duties"] = [{"duty": "cashier"}]
    od["terms"].append(_term(seat_end + timedelta(days=1), date(2025, 6, 19), role="member"))
    report = check(files, engine=engine)
    assert ("fin-seg-director" in rule_ids(report)) == (paid <= seat_end)


@settings(max_examples=25, deadline=None)
@given(duty_end=st.dates(date(2022, 1, 2), date(2022, 12, 30)), shift=st.integers(-3, 3),
       who=st.sampled_from(["accountant", "cashier"]),
       engine=st.sampled_from(["native", "durable"]))
def test_the_named_accountant_and_cashier_hold_the_duty_on_the_payment_day(
        duty_end: date, shift: int, who: str, engine: str) -> None:
    paid = duty_end + timedelta(days=shift)
    files = _dossier(date(2025, 1, 1), {"paid_on": paid.isoformat()})
    for seat in files["rc.yaml"]["body"]["seats"]:
        if seat["person"] in ("k", "c"):
            duty = "accountant" if seat["person"] == "k" else "cashier"
            seat["duties"] = [{"duty": duty, **({"end": duty_end.isoformat()}
                                                if duty == who else {})}]
    report = check(files, engine=engine)
    findings = [f for f in report.findings if f.rule_id == "fin-seg-seated"]
    assert bool(findings) == (paid > duty_end)
    for f in findings:
        assert f.source.quote == "會計、出納要分設"
        assert f"held no {who} duty" in f.message.en


def test_the_evidence_names_who_held_the_seat_that_day() -> None:
    files = _dossier(date(2022, 2, 24), {"paid_on": "2022-03-03", "signatures": [
        {"role": "handler", "person": "k"}, {"role": "director", "person": "od"},
        {"role": "party_secretary", "person": "s"}]})
    [finding] = [f for f in check(files).findings if f.rule_id == "fin-signatures"]
    note = finding.evidence.details["signature_director"]
    assert "od (原主任) held no residents' committee director seat on 2022-03-03" in note
    assert "held that day by d (新主任)" in note


def test_the_expense_facts_name_the_approvers_seat() -> None:
    from governance_rules.facts import build_facts
    from governance_rules.records import dossier_from_data

    files = _dossier(date(2022, 2, 24), {"paid_on": "2022-03-03", "approvals": [
        {"role": "residents_committee_director", "person": "od", "date": "2022-03-03"}]})
    dossier = dossier_from_data(files)
    [fact] = [f for f in build_facts(dossier) if f.type == "expense"]
    assert fact.values["approved_rc_director"] == 0
    assert "held that day by d (新主任)" in fact.names["approval_residents_committee_director"]


def test_a_tier_finding_says_who_gave_the_approval_that_does_not_count() -> None:
    """SQ-SIFANG:385, the roster decides: an approval by the former director is not missing, it
    does not count, and the finding names who held the seat that day (both languages)."""
    files = _dossier(date(2022, 2, 24), {"paid_on": "2022-03-03", "approvals": [
        {"role": "residents_committee_director", "person": "od", "date": "2022-03-03"}]})
    [finding] = [f for f in check(files).findings if f.rule_id == "fin-tiers"]
    assert "缺少" not in finding.message.zh
    assert ("所记社区居委会主任审批不作数：原主任（od）于2022年3月3日未任社区居委会主任，"
            "当日任社区居委会主任的是新主任（d）") in finding.message.zh
    assert "recorded does not count: 原主任 (od) held no" in finding.message.en
    assert "held that day by d (新主任)" in (
        finding.evidence.details["approval_residents_committee_director"])


@pytest.mark.parametrize(("expense", "says"), [
    ({"approvals": [{"role": "residents_committee_director", "person": "od",
                     "date": "2022-03-03"}],
      "signatures": [{"role": "director", "person": "d"}]},
     ("the record names 新主任 (d) and 原主任 (od) as the residents' committee director on "
      "3 March 2022", "记录将新主任（d）、原主任（od）均列为2022年3月3日的社区居委会主任")),
    ({"signatures": [{"role": "director", "person": "d"},
                     {"role": "deputy_director", "person": "d"}]},
     ("新主任 (d) signs both as director and as deputy director",
      "新主任（d）同时以主任和副主任身份签字")),
    ({"signatures": [{"role": "deputy_director", "person": "h9"},
                     {"role": "deputy_director", "person": "h9"}]},
     ("`signatures` lists 'h9' signing as deputy director twice",
      "「signatures」中「h9」以同一身份签字写了两次")),
])
def test_a_record_that_contradicts_itself_is_an_input_error(expense: dict[str, Any],
                                                            says: tuple[str, str]) -> None:
    """Said with the names the rosters give (the ids where none does), the day in words: the
    two directors' error read 记录将d、od均列为2022-03-03的居委会主任."""
    files = _dossier(date(2022, 2, 24), {"paid_on": "2022-03-03", **expense})
    report = check(files)
    assert [(e.msg, e.text("zh").split(": ", 1)[-1]) for e in report.input_errors] == [says]


def test_a_chair_is_judged_by_the_seat_on_the_meeting_day() -> None:
    files = {
        "community.yaml": SIFANG,
        "pc.yaml": {"body": {"id": "pc", "kind": "party_committee", "name": "党委", "seats": [
            {"person": "s", "name": "原书记", "role": "secretary",
             "terms": [_term(START, date(2022, 1, 2))]},
            {"person": "t", "name": "新书记", "terms": [
                _term(START, date(2022, 1, 2)),
                _term(date(2022, 1, 3), date(2024, 4, 9), role="secretary")]},
        ]}},
        "m.yaml": {"meeting": {"id": "m1", "body": "pc", "date": "2022-01-10", "chair": "s",
                               "present": ["s", "t"]}},
    }
    [finding] = [f for f in check(files).findings if f.rule_id == "po-meeting-chair"]
    assert "secretary that day: t (新书记)" in finding.evidence.details["seat_holders"]
    assert "s (原书记), holding no seat" in finding.evidence.details["chair"]
