"""Openness and hearings at their date bounds, with hypothesis: HEAR-TIMING (SQ-SIFANG:375), the
residents' committee's decision on the matter heard falls on the hearing day or later, never
before it; HEAR-PARTICIPANTS (:377), no more votes than members given a vote; OPEN-SUPERVISORS
(:372), a community supervisor is seated on every day; ARCH-HANDOVER (:392), the handover lies
within the tolerance of the outgoing keeper's last day and the incoming keeper's first day."""

from __future__ import annotations

from datetime import date, timedelta

from _helpers import check, rule_ids
from hypothesis import given, settings
from hypothesis import strategies as st

SIFANG = {"community": {"id": "sf", "name": "四方示例社区",
                        "jurisdiction": ["cn", "shandong", "qingdao", "sifang"]}}


@settings(max_examples=30, deadline=None)
@given(shift=st.integers(-5, 5), engine=st.sampled_from(["native", "durable"]))
def test_the_hearing_comes_no_later_than_the_decision(shift: int, engine: str) -> None:
    hearing = date(2022, 5, 10)
    decided = hearing + timedelta(days=shift)
    files = {
        "c.yaml": SIFANG,
        "rc.yaml": {"body": {"id": "rc", "kind": "residents_committee", "name": "居委会", "seats": [
            {"person": "d", "name": "主任", "role": "director",
             "terms": [{"start": "2021-06-20", "end": "2024-06-19", "obtained_by": "election"}]}]}},
        "m.yaml": {"meeting": {"id": "rc-m", "body": "rc", "date": str(decided), "present": ["d"],
                               "motions": [{"id": "x", "title": "决定", "outcome": "adopted",
                                            "votes": {"yes": 1}}]}},
        "h.yaml": {"hearing": {"id": "h1", "body": "rc", "date": str(hearing), "chair": "d",
                               "topic": "占道摊点整治",
                               "decision": {"meeting": "rc-m", "motion": "x"}}},
    }
    report = check(files, engine=engine)
    assert report.input_errors == []
    assert ("hear-timing" in rule_ids(report)) is (shift < 0)


@settings(max_examples=30, deadline=None)
@given(first_end=st.dates(date(2022, 3, 20), date(2022, 4, 10)),
       second_start=st.dates(date(2022, 3, 20), date(2022, 4, 10)),
       engine=st.sampled_from(["native", "durable"]))
def test_a_community_supervisor_is_seated_on_every_day(first_end: date, second_start: date,
                                                       engine: str) -> None:
    files = {
        "c.yaml": SIFANG,
        "rc.yaml": {"body": {"id": "rc", "kind": "residents_committee", "name": "居委会", "seats": [
            {"person": "d", "name": "主任", "role": "director",
             "terms": [{"start": "2021-06-20", "end": "2024-06-19", "obtained_by": "election"}]}]}},
        "sv.yaml": {"body": {"id": "sv", "kind": "community_supervisors", "name": "社区监督员",
                             "supervision_day": "每月第一个星期五", "seats": [
            {"person": "m1", "name": "甲", "terms": [{"start": "2021-06-20", "end": str(first_end),
                                                     "obtained_by": "appointment"}]},
            {"person": "m2", "name": "乙", "terms": [{"start": str(second_start),
                                                     "obtained_by": "appointment"}]}]}},
    }
    report = check(files, engine=engine, window=(date(2022, 1, 1), date(2022, 12, 31)))
    gap = second_start > first_end + timedelta(days=1)
    assert ("open-supervisors" in rule_ids(report)) is gap


@settings(max_examples=30, deadline=None)
@given(given_vote=st.integers(1, 60), shift=st.integers(-2, 2),
       engine=st.sampled_from(["native", "durable"]))
def test_no_more_votes_than_members_given_a_vote(given_vote: int, shift: int,
                                                 engine: str) -> None:
    cast = max(1, given_vote + shift)
    files = {
        "c.yaml": SIFANG,
        "rc.yaml": {"body": {"id": "rc", "kind": "residents_committee", "name": "居委会", "seats": [
            {"person": "d", "name": "主任", "role": "director",
             "terms": [{"start": "2021-06-20", "end": "2024-06-19", "obtained_by": "election"}]}]}},
        "h.yaml": {"hearing": {"id": "h1", "body": "rc", "date": "2022-05-10", "chair": "d",
                               "topic": "楼道堆物清理", "voting_members": given_vote,
                               "votes": {"yes": cast}}},
    }
    report = check(files, engine=engine)
    assert ("hear-participants" in rule_ids(report)) is (cast > given_vote)


@settings(max_examples=40, deadline=None)
@given(shift=st.integers(-33, 33), engine=st.sampled_from(["native", "durable"]))
def test_the_archive_handover_lies_within_the_tolerance(shift: int, engine: str) -> None:
    """a1 keeps the archives until 30 June, a2 from 1 July; the handover ``shift`` days from
    30 June. Tolerance: arch.handover_tolerance_days (30), bound included."""
    last = date(2022, 6, 30)
    keeper = {"role": "worker", "terms": [{"start": "2021-06-20", "obtained_by": "appointment"}]}
    files = {
        "c.yaml": SIFANG,
        "ac.yaml": {"body": {"id": "ac", "kind": "affairs_centre", "name": "事务受理中心", "seats": [
            {"person": "a1", "name": "甲", **keeper,
             "duties": [{"duty": "archive_keeper", "end": str(last)}]},
            {"person": "a2", "name": "乙", **keeper,
             "duties": [{"duty": "archive_keeper", "start": str(last + timedelta(days=1))}]}]}},
        "h.yaml": {"archive_handover": {"id": "ah", "date": str(last + timedelta(days=shift)),
                                        "outgoing": "a1", "incoming": "a2"}},
    }
    report = check(files, engine=engine, window=(date(2022, 1, 1), date(2022, 12, 31)))
    found = rule_ids(report)
    assert ("arch-handover" in found) is (abs(shift) > 30)
    assert ("arch-handover-parties" in found) is (abs(shift) > 30 or abs(shift - 1) > 30)
