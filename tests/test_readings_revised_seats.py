"""Revised readings (issue 9) where the roster decides who acted: the year-end review's
reviewers (CC-ANNUAL-REVIEW, HLS-356:26) and the coordination group's convener for the party
(general) branch (PO-COORDINATION, SQ-SIFANG:173), at and around every boundary, on both engines."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from _helpers import check, rule_ids
from hypothesis import given, settings
from hypothesis import strategies as st

HARBIN = {"community": {"id": "hl3", "name": "某社区",
                        "jurisdiction": ["cn", "heilongjiang", "harbin"], "adopts": ["HLS-356"]}}
SIFANG = {"community": {"id": "sf", "name": "四方示例社区",
                        "jurisdiction": ["cn", "shandong", "qingdao", "sifang"]}}
ENGINES = st.sampled_from(["native", "durable"])
SHIFTS = st.one_of(st.none(), st.integers(-2, 2))
"""A seat's end relative to the act's day (None: no seat at all); 0 = ends that very day."""


def _seat(person: str, role: str, end: date | None) -> dict[str, Any]:
    term: dict[str, Any] = {"start": "2021-01-01", "obtained_by": "election"}
    if end is not None:
        term["end"] = end.isoformat()
    return {"person": person, "name": person, "role": role, "terms": [term]}


def _cc() -> dict[str, Any]:
    return {"body": {"id": "cc", "kind": "consultation_committee", "name": "协商委员会",
                     "seats": [{"person": "a", "name": "甲", "role": "convener",
                                "sector": "party_organisation",
                                "terms": [{"start": "2021-12-25", "end": "2024-12-24",
                                           "obtained_by": "nomination"}]}]}}


# CC-ANNUAL-REVIEW ------------------------------------------------------------------------------

def _review(day: date, rc_end: int | None, rep_end: int | None, rep_role: str,
            extra_outsider: bool) -> dict[str, Any]:
    rc = [_seat("r1", "member", day + timedelta(rc_end))] if rc_end is not None else []
    ra = [_seat("p1", rep_role, day + timedelta(rep_end))] if rep_end is not None else []
    files: dict[str, Any] = {
        "community.yaml": HARBIN, "cc.yaml": _cc(),
        "rc.yaml": {"body": {"id": "rc", "kind": "residents_committee", "name": "居委会",
                             "seats": rc or [_seat("z", "director", None)]}},
        "ra.yaml": {"body": {"id": "ra", "kind": "member_representative_assembly",
                             "name": "代表", "seats": ra or [_seat("y", "representative", None)]}},
        "review.yaml": {"review": {"id": "r", "body": "cc", "date": day.isoformat(),
                                   "reviewers": ["r1", "p1"] + (["x"] if extra_outsider
                                                                 else [])}},
    }
    return files


@settings(max_examples=60, deadline=None)
@given(before_end=st.sampled_from([0, 1, 29, 30, 31, 32, 200]), rc_end=SHIFTS, rep_end=SHIFTS,
       unit=st.booleans(), outsider=st.booleans(), engine=ENGINES)
def test_the_review_is_at_the_year_end_by_persons_seated_that_day(
        before_end: int, rc_end: int | None, rep_end: int | None, unit: bool, outsider: bool,
        engine: str) -> None:
    day = date(2022, 12, 31) - timedelta(before_end)
    report = check(_review(day, rc_end, rep_end, "unit_representative" if unit else
                           "representative", outsider), engine=engine,
                   window=(date(2022, 1, 1), date(2022, 12, 31)))
    assert report.input_errors == []
    rc_seated = rc_end is not None and rc_end >= 0
    rep_seated = rep_end is not None and rep_end >= 0 and not unit
    ok = before_end <= 30 and rc_seated and rep_seated and not outsider
    assert ("cc-annual-review-reviewers" in rule_ids(report)) == (not ok), (
        before_end, rc_end, rep_end, unit, outsider)


@pytest.mark.parametrize("engine", ["native", "durable"])
def test_the_review_evidence_names_who_held_which_seat(engine: str) -> None:
    day = date(2022, 12, 28)
    report = check(_review(day, -1, 0, "representative", False), engine=engine,
                   window=(date(2022, 1, 1), date(2022, 12, 31)))
    found = [f for f in report.findings if f.rule_id == "cc-annual-review-reviewers"]
    assert len(found) == 1
    text = " ".join(found[0].evidence.details.values())
    assert "p1" in text and "r1" in text and "2022-12-28" in text
    assert [s.quote for s in found[0].sources] == [
        "社区居民委员会和社区居民代表对社区协商委员会年度工作进行民主评议"]


@pytest.mark.parametrize("engine", ["native", "durable"])
def test_a_review_without_reviewers_fails_and_cites_the_reviewers_clause(engine: str) -> None:
    files = _review(date(2022, 12, 28), 0, 0, "representative", False)
    files["review.yaml"]["review"]["reviewers"] = []
    report = check(files, engine=engine, window=(date(2022, 1, 1), date(2022, 12, 31)))
    assert "cc-annual-review-reviewers" in rule_ids(report)


# PO-COORDINATION -------------------------------------------------------------------------------

def _coordination(day: date, party_end: int | None, on_group_only: bool,
                  recorded: bool) -> dict[str, Any]:
    pc = ([_seat("k", "member", day + timedelta(party_end))] if party_end is not None else [])
    meeting: dict[str, Any] = {"id": "cg1", "body": "cg", "date": day.isoformat(),
                               "notice_date": (day - timedelta(7)).isoformat(),
                               "present": ["u1"]}
    if recorded:
        meeting["convener"] = "k"
    return {
        "community.yaml": SIFANG,
        "pc.yaml": {"body": {"id": "pc", "kind": "party_committee", "name": "党委",
                             "seats": [*pc, _seat("s", "secretary", None)]}},
        "cg.yaml": {"body": {"id": "cg", "kind": "coordination_group", "name": "党建协调小组",
                             "seats": [_seat("u1", "member", None)]
                             + ([_seat("k", "leader", None)] if on_group_only else [])}},
        "m.yaml": {"meeting": meeting},
    }


@settings(max_examples=40, deadline=None)
@given(party_end=SHIFTS, on_group_only=st.booleans(), recorded=st.booleans(), engine=ENGINES)
def test_the_convener_for_the_branch_holds_a_seat_on_its_committee_that_day(
        party_end: int | None, on_group_only: bool, recorded: bool, engine: str) -> None:
    day = date(2022, 5, 1)
    report = check(_coordination(day, party_end, on_group_only, recorded), engine=engine)
    if recorded and party_end is None and not on_group_only:  # on no roster at all
        assert [e.type for e in report.input_errors] == ["unknown_id"]
        return
    assert report.input_errors == []
    ok = recorded and party_end is not None and party_end >= 0
    assert ("po-coordination-convener" in rule_ids(report)) == (not ok), (
        party_end, on_group_only, recorded)


@pytest.mark.parametrize("engine", ["native", "durable"])
def test_the_convener_evidence_names_who_held_the_branch_seats(engine: str) -> None:
    report = check(_coordination(date(2022, 5, 1), -1, True, True), engine=engine)
    found = [f for f in report.findings if f.rule_id == "po-coordination-convener"]
    assert len(found) == 1
    text = " ".join(found[0].evidence.details.values())
    assert ("k (k) held no party (general) branch committee seat on 2022-05-01, "
            "held that day by s (s)") in text


# RC-TERM / RA-TERM -----------------------------------------------------------------------------

def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _terms(start: date, rc_shift: int, rep_shift: int, act_shift: int) -> dict[str, Any]:
    """A residents' committee seat of start + 3 years - 1 day + rc_shift, a representative's of
    the committee's end + rep_shift, and an assembly meeting act_shift days after the
    representative's last day."""
    rc_end = _add_years(start, 3) - timedelta(1) + timedelta(rc_shift)
    rep_end = rc_end + timedelta(rep_shift)
    act = rep_end + timedelta(act_shift)
    return {
        "community.yaml": SIFANG,
        "rc.yaml": {"body": {"id": "rc", "kind": "residents_committee", "name": "居委会",
                             "seats": [{"person": "d", "name": "主任", "role": "director",
                                        "terms": [{"start": start.isoformat(),
                                                   "end": rc_end.isoformat(),
                                                   "obtained_by": "election"}]}]}},
        "ra.yaml": {"body": {"id": "ra", "kind": "member_representative_assembly", "name": "代表",
                             "seats": [{"person": "p", "name": "代表", "role": "representative",
                                        "group": "g1",
                                        "terms": [{"start": start.isoformat(),
                                                   "end": rep_end.isoformat(),
                                                   "obtained_by": "election"}]}]}},
        "m.yaml": {"meeting": {"id": "m", "body": "ra", "date": act.isoformat(),
                               "present": ["p"] if act_shift <= 0 else []}},
    }, rc_end, rep_end


@settings(max_examples=60, deadline=None)
@given(start=st.dates(date(2018, 1, 1), date(2022, 12, 31)), rc_shift=st.integers(-2, 2),
       rep_shift=st.integers(-2, 2), engine=ENGINES)
def test_terms_end_within_three_years_and_a_representative_with_the_committee(
        start: date, rc_shift: int, rep_shift: int, engine: str) -> None:
    files, rc_end, rep_end = _terms(start, rc_shift, rep_shift, 0)
    report = check(files, engine=engine, window=(start, rep_end + timedelta(1)))
    assert report.input_errors == []
    ids = rule_ids(report)
    latest = _add_years(start, 3)  # ends at the latest 3 years after it starts (bound included)
    assert ("rc-term-length" in ids) == (rc_end > latest), (start, rc_end)
    assert ("ra-term-length" in ids) == (rep_end > latest), (start, rep_end)
    assert ("ra-term-with-rc" in ids) == (rep_shift > 0), (rc_end, rep_end)


@settings(max_examples=40, deadline=None)
@given(start=st.dates(date(2018, 1, 1), date(2021, 12, 31)), act_shift=st.integers(-2, 2),
       engine=ENGINES)
def test_a_member_of_an_open_term_acts_only_up_to_three_years_from_its_start(
        start: date, act_shift: int, engine: str) -> None:
    files, _, _ = _terms(start, 0, 0, 0)
    for body in ("rc", "ra"):
        del files[f"{body}.yaml"]["body"]["seats"][0]["terms"][0]["end"]
    act = _add_years(start, 3) + timedelta(act_shift)
    for body, person, rule in (("rc", "d", "rc-term-acting"), ("ra", "p", "ra-term-acting")):
        files["m.yaml"] = {"meeting": {"id": "m", "body": body, "date": act.isoformat(),
                                       "present": [person]}}
        report = check(files, engine=engine, window=(start, act))
        assert report.input_errors == []
        assert (rule in rule_ids(report)) == (act > _add_years(start, 3)), (start, act)


# PO-LIFE-MEETING -------------------------------------------------------------------------------

@settings(max_examples=30, deadline=None)
@given(notice=st.one_of(st.none(), st.integers(0, 7)), report=st.integers(3, 7), engine=ENGINES)
def test_the_life_meeting_is_reported_five_days_ahead_and_notified_to_the_members(
        notice: int | None, report: int, engine: str) -> None:
    day = date(2022, 12, 20)
    meeting: dict[str, Any] = {"id": "m1", "body": "pc", "kind": "life_meeting",
                               "date": day.isoformat(), "present": ["s"],
                               "reported_on": (day - timedelta(report)).isoformat()}
    if notice is not None:
        meeting["notice_date"] = (day - timedelta(notice)).isoformat()
    files = {"community.yaml": SIFANG,
             "pc.yaml": {"body": {"id": "pc", "kind": "party_committee", "name": "党委",
                                  "seats": [_seat("s", "secretary", None)]}},
             "m.yaml": {"meeting": meeting}}
    result = check(files, engine=engine)
    assert result.input_errors == []
    ids = rule_ids(result)
    assert ("po-life-meeting-notice" in ids) == (notice is None)
    assert ("po-life-meeting-report" in ids) == (report < 5)
