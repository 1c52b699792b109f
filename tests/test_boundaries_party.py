"""The party organisation's bounds (SQ-SIFANG:144, :293–340), tested with hypothesis at and around
every number on both engines: the form by membership (the ranges overlap at 50 and at 100), the
committee's size by form, and the dates and counts of the party organisation's records."""

from __future__ import annotations

from typing import Any

import pytest
from _helpers import body, check, community
from hypothesis import given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=30, deadline=None)
ENGINES = pytest.mark.parametrize("engine", ["native", "durable"])

_FORMS = {"branch": (3, 5), "general_branch": (5, 7), "party_committee": (5, 9)}


def _allowed_forms(members: int) -> set[str]:
    """The catalogue's reading of SQ-SIFANG:144: 50人以下 and 50—100 both take in 50, 50—100 and
    100人以上 both take in 100; above 100 a general branch or a party committee."""
    forms = set()
    if members <= 50:
        forms.add("branch")
    if members >= 50:
        forms.add("general_branch")
    if members >= 100:
        forms.add("party_committee")
    return forms


def _organisation(form: str, members: int, seated: int) -> dict[str, Any]:
    pc = body("pc", "party_committee", seated, roles={0: "secretary"})
    pc["body"].update({"form": form, "party_members": members})
    return {"c.yaml": community(), "pc.yaml": pc}


@ENGINES
@SETTINGS
@given(members=st.one_of(st.sampled_from([0, 49, 50, 51, 99, 100, 101]), st.integers(0, 300)),
       form=st.sampled_from(sorted(_FORMS)), seated=st.integers(1, 11))
def test_po_form_by_membership_and_committee_size(engine: str, members: int, form: str,
                                                  seated: int) -> None:
    low, high = _FORMS[form]
    breached = form not in _allowed_forms(members) or not low <= seated <= high
    found = [f for f in check(_organisation(form, members, seated), engine=engine).findings
             if f.rule_id == "po-form"]
    assert bool(found) is breached, (members, form, seated, [f.message.en for f in found])
    assert all(f.severity == "warning" for f in found)


@pytest.mark.parametrize(("members", "forms"), [
    (49, {"branch"}), (50, {"branch", "general_branch"}), (51, {"general_branch"}),
    (99, {"general_branch"}), (100, {"general_branch", "party_committee"}),
    (101, {"general_branch", "party_committee"})])
def test_po_form_boundaries_are_the_catalogues(members: int, forms: set[str]) -> None:
    assert _allowed_forms(members) == forms
    for form in _FORMS:
        seated = _FORMS[form][0]
        found = [f.rule_id for f in check(_organisation(form, members, seated)).findings]
        assert ("po-form" in found) is (form not in forms), (members, form)


def _group(leader_end: str, meeting_day: str) -> dict[str, Any]:
    group = body("g1", "party_group", 3, start="2021-04-10", end=None, roles={0: "leader"})
    group["body"]["seats"][0]["terms"][0]["end"] = leader_end
    group["body"]["seats"].append({"person": "g1-new", "name": "新组长", "role": "leader",
                                   "terms": [{"start": "2022-06-01", "obtained_by": "election"}]})
    return {"c.yaml": community(), "g1.yaml": group,
            "m.yaml": {"meeting": {"id": "m", "body": "g1", "kind": "party_group",
                                   "date": meeting_day, "chair": "g1-p0",
                                   "present": ["g1-p1", "g1-p2"]}}}


@ENGINES
@SETTINGS
@given(offset=st.integers(-3, 3))
def test_party_group_chair_holds_the_leader_seat_that_day(engine: str, offset: int) -> None:
    """SQ-SIFANG:323 由党小组长主持: the leader's last day still counts, the day after does not."""
    from datetime import date, timedelta
    day = date(2022, 5, 31) + timedelta(days=offset)
    report = check(_group("2022-05-31", day.isoformat()), engine=engine)
    found = [f for f in report.findings if f.rule_id == "po-party-group-chair"]
    assert bool(found) is (offset > 0), (offset, [f.message.en for f in found])


def _committee(n: int, **extra: Any) -> dict[str, Any]:
    return body("pc", "party_committee", n, start="2021-04-10", end="2024-04-09",
                roles={0: "secretary"}, **extra)


@ENGINES
@SETTINGS
@given(offset=st.integers(-3, 3), to_secretary=st.booleans())
def test_leave_is_asked_of_the_secretary_on_or_before_the_meeting_day(
        engine: str, offset: int, to_secretary: bool) -> None:
    """SQ-SIFANG:294 要事先向书记请假: the meeting day itself counts (dates, not hours)."""
    from datetime import date, timedelta
    asked = date(2022, 3, 15) + timedelta(days=offset)
    files = {"c.yaml": community(), "pc.yaml": _committee(4),
             "m.yaml": {"meeting": {"id": "m", "body": "pc", "date": "2022-03-15",
                                    "notice_date": "2022-03-10",
                                    "present": ["pc-p0", "pc-p1", "pc-p2"]}},
             "l.yaml": {"leave_request": {"id": "l", "meeting": "m", "person": "pc-p3",
                                          "date": asked.isoformat(),
                                          "to": "pc-p0" if to_secretary else "pc-p1"}}}
    found = [f for f in check(files, engine=engine).findings if f.rule_id == "po-leave"]
    assert bool(found) is (offset > 0 or not to_secretary), (offset, to_secretary)


@ENGINES
@SETTINGS
@given(offset=st.integers(-3, 3))
def test_committee_election_is_held_on_or_before_the_seats_start(engine: str, offset: int) -> None:
    """SQ-SIFANG:144 由党员大会…选举产生: an election on the start day counts, a day later not."""
    from datetime import date, timedelta
    held = date(2021, 4, 10) + timedelta(days=offset)
    decision = {"meeting": "e", "motion": "elect"}
    pc = _committee(3)
    for seat in pc["body"]["seats"]:
        seat["terms"][0]["decision"] = decision
    files = {"c.yaml": community(), "pc.yaml": pc,
             "e.yaml": {"meeting": {"id": "e", "body": "pc", "kind": "member_assembly",
                                    "date": held.isoformat(),
                                    "present": ["pc-p0", "pc-p1", "pc-p2"] if offset >= 0 else [],
                                    "voters": 30,
                                    "motions": [{"id": "elect", "title": "选举委员",
                                                 "outcome": "adopted", "votes": {"yes": 29}}]}}}
    report = check(files, engine=engine)
    assert report.input_errors == []
    found = [f for f in report.findings if f.rule_id == "po-election"]
    assert len(found) == (3 if offset > 0 else 0), offset


def _station(records: list[dict[str, Any]], head_end: str | None = None) -> dict[str, Any]:
    pc = _committee(3)
    head: dict[str, Any] = {"start": "2021-05-01", "obtained_by": "appointment"}
    if head_end:
        head["end"] = head_end
    station = {"body": {"id": "ws", "kind": "work_station", "name": "在职党员工作站",
                        "established": "2021-05-01", "seats": [
                            {"person": "pc-p0", "name": "书记", "role": "head", "terms": [head]},
                            {"person": "a", "name": "在职党员", "group": "building-1",
                             "terms": [{"start": "2021-05-01", "obtained_by": "nomination"}]}]}}
    books = [{"id": "card", "body": "ws", "person": "a", "kind": "registration_card",
              "date": "2021-05-10"},
             {"id": "book", "body": "ws", "person": "a", "kind": "record_book",
              "date": "2021-05-10"}]
    return {"c.yaml": community(), "pc.yaml": pc, "ws.yaml": station,
            "r.yaml": {"member_records": books + records}}


def _found(files: dict[str, Any], rule: str, engine: str, window: tuple[str, str]) -> int:
    from datetime import date
    report = check(files, engine=engine,
                   window=(date.fromisoformat(window[0]), date.fromisoformat(window[1])))
    assert report.input_errors == []
    return sum(1 for f in report.findings if f.rule_id == rule)


@ENGINES
@SETTINGS
@given(offset=st.integers(-3, 3))
def test_station_contact_counts_in_its_own_quarter(engine: str, offset: int) -> None:
    """SQ-SIFANG:334 每季度…至少联系一次: a contact on 31 March counts for Q1, on 1 April not."""
    from datetime import date, timedelta
    day = date(2022, 3, 31) + timedelta(days=offset)
    files = _station([{"id": "c", "body": "ws", "person": "a", "kind": "contact",
                       "date": day.isoformat()}])
    assert _found(files, "po-station-contact", engine, ("2022-01-01", "2022-03-31")) == (
        1 if offset > 0 else 0)


@ENGINES
@SETTINGS
@given(activities=st.integers(0, 4))
def test_station_activities_at_least_two_a_year(engine: str, activities: int) -> None:
    """SQ-SIFANG:335 每年参加社区活动不少于二次: two is enough (不少于 includes the number)."""
    files = _station([{"id": f"a{i}", "body": "ws", "person": "a", "kind": "activity",
                       "date": f"2022-0{i + 1}-10"} for i in range(activities)]
                     + [{"id": "fb", "body": "ws", "person": "a", "kind": "feedback",
                         "date": "2022-06-30"}])
    assert _found(files, "po-station-activities", engine, ("2022-01-01", "2022-12-31")) == (
        1 if activities < 2 else 0)


@ENGINES
@SETTINGS
@given(days=st.integers(-1, 95))
def test_station_activity_feedback_within_the_parameter(engine: str, days: int) -> None:
    """SQ-SIFANG:335 及时反馈: on or after the activity, within po.station_feedback_days (92)."""
    from datetime import date, timedelta
    feedback = date(2022, 4, 2) + timedelta(days=days)
    files = _station([{"id": "act", "body": "ws", "person": "a", "kind": "activity",
                       "date": "2022-04-02"},
                      {"id": "fb", "body": "ws", "person": "a", "kind": "feedback",
                       "date": feedback.isoformat()}])
    assert _found(files, "po-station-activity-feedback", engine,
                  ("2022-01-01", "2022-12-31")) == (1 if days < 0 or days > 92 else 0)


@ENGINES
@SETTINGS
@given(offset=st.integers(-2, 2))
def test_station_head_is_the_secretary_every_day(engine: str, offset: int) -> None:
    """SQ-SIFANG:332 站长由社区党组织书记担任: the head's seat ending before the window's last
    day leaves days without a head who is the secretary."""
    from datetime import date, timedelta
    end = date(2022, 12, 31) + timedelta(days=offset)
    files = _station([], head_end=end.isoformat())
    assert _found(files, "po-station-head", engine, ("2022-01-01", "2022-12-31")) == (
        1 if offset < 0 else 0)


def _group_books(records: list[dict[str, Any]], team: bool = True) -> dict[str, Any]:
    group = {"body": {"id": "g", "kind": "party_group", "name": "党小组", "seats": [
        {"person": "pc-p0", "name": "书记", "role": "leader",
         "terms": [{"start": "2021-04-10", "obtained_by": "election"}]},
        {"person": "m", "name": "党员", "households": ["h-1"],
         "terms": [{"start": "2021-04-10", "obtained_by": "election"}]}]}}
    files = {"c.yaml": community(), "pc.yaml": _committee(1), "g.yaml": group,
             "r.yaml": {"member_records": [
                 {"id": "reg-0", "body": "g", "person": "pc-p0", "kind": "link_register",
                  "date": "2021-05-01"},
                 {"id": "reg-m", "body": "g", "person": "m", "kind": "link_register",
                  "date": "2021-05-01"}, *records]}}
    if team:
        files["t.yaml"] = body("team", "backbone_team", 0)
        files["t.yaml"]["body"]["seats"] = [{"person": "pc-p0", "name": "书记", "terms": [
            {"start": "2021-05-01", "obtained_by": "appointment"}]}]
    return files


@ENGINES
@SETTINGS
@given(offset=st.integers(-2, 2))
def test_household_contact_counts_in_its_own_month(engine: str, offset: int) -> None:
    """SQ-SIFANG:329 每月对联户对象至少联系一次: a contact on 31 March counts for March only."""
    from datetime import date, timedelta
    day = date(2022, 3, 31) + timedelta(days=offset)
    files = _group_books([{"id": "c", "body": "g", "person": "m", "kind": "household_contact",
                           "household": "h-1", "date": day.isoformat()},
                          {"id": "r", "body": "g", "person": "m", "kind": "contact_report",
                           "date": day.isoformat()}])
    assert _found(files, "po-link-contact", engine, ("2022-03-01", "2022-03-31")) == (
        1 if offset > 0 else 0)


@ENGINES
@SETTINGS
@given(days=st.integers(-1, 34))
def test_contact_report_back_within_the_parameter(engine: str, days: int) -> None:
    """SQ-SIFANG:329 及时向党组织反馈: on or after the contact, within po.link_report_days (31)."""
    from datetime import date, timedelta
    report = date(2022, 3, 1) + timedelta(days=days)
    files = _group_books([{"id": "c", "body": "g", "person": "m", "kind": "household_contact",
                           "household": "h-1", "date": "2022-03-01"},
                          {"id": "r", "body": "g", "person": "m", "kind": "contact_report",
                           "date": report.isoformat()}])
    assert _found(files, "po-link-contact-report", engine, ("2022-01-01", "2022-12-31")) == (
        1 if days < 0 or days > 31 else 0)


@ENGINES
@SETTINGS
@given(registered=st.integers(-2, 2))
def test_register_lists_members_by_the_roster_day(engine: str, registered: int) -> None:
    """SQ-SIFANG:327 将社区党员登记造册: a line dated on the roster day counts, a day later not."""
    from datetime import date, timedelta
    files = _group_books([])
    files["r.yaml"]["member_records"][1]["date"] = (
        date(2022, 12, 31) + timedelta(days=registered)).isoformat()
    assert _found(files, "po-link-register", engine, ("2022-01-01", "2022-12-31")) == (
        1 if registered > 0 else 0)


@ENGINES
@SETTINGS
@given(offset=st.integers(-2, 2))
def test_backbone_team_holds_the_group_leader_on_the_roster_day(engine: str, offset: int) -> None:
    """SQ-SIFANG:326 由书记、委员、党小组长等组成: the leader's team seat must cover the roster day."""
    from datetime import date, timedelta
    files = _group_books([])
    files["g.yaml"]["body"]["seats"][1]["role"] = "leader"
    files["t.yaml"]["body"]["seats"].append({"person": "m", "name": "党员", "terms": [
        {"start": "2021-05-01", "end": (date(2022, 12, 31) + timedelta(days=offset)).isoformat(),
         "obtained_by": "appointment"}]})
    assert _found(files, "po-link-team-members", engine, ("2022-01-01", "2022-12-31")) == (
        1 if offset < 0 else 0)


@ENGINES
@SETTINGS
@given(days=st.integers(-1, 33))
def test_life_meeting_report_within_the_parameter(engine: str, days: int) -> None:
    """SQ-SIFANG:319 会后要及时…报告: on or after the meeting, within po.life_record_report_days."""
    from datetime import date, timedelta
    reported = date(2022, 12, 20) + timedelta(days=days)
    files = {"c.yaml": community(), "pc.yaml": _committee(3),
             "m.yaml": {"meeting": {"id": "lm", "body": "pc", "kind": "life_meeting",
                                    "date": "2022-12-20", "reported_on": "2022-12-10",
                                    "present": ["pc-p0", "pc-p1", "pc-p2"]}},
             "n.yaml": {"minutes": [{"id": "n", "meeting": "lm", "taken_by": "pc-p1",
                                     "reported_on": reported.isoformat(),
                                     "measures_notified_on": "2022-12-28"}]}}
    found = [f for f in check(files, engine=engine, window=(None, date(2023, 3, 31))).findings
             if f.rule_id == "po-life-record"]
    assert bool(found) is (days < 0 or days > 30), days


@ENGINES
@SETTINGS
@given(run=st.integers(0, 40))
def test_life_meeting_report_missed_only_once_due(engine: str, run: int) -> None:
    """A life meeting's report (and its measures' notice) not yet made is missed only once the
    window reaches the last day allowed, po.life_record_report_days (30) after the meeting."""
    from datetime import date, timedelta
    files = {"c.yaml": community(), "pc.yaml": _committee(3),
             "m.yaml": {"meeting": {"id": "lm", "body": "pc", "kind": "life_meeting",
                                    "date": "2022-11-20", "reported_on": "2022-11-10",
                                    "present": ["pc-p0", "pc-p1", "pc-p2"]}},
             "n.yaml": {"minutes": [{"id": "n", "meeting": "lm", "taken_by": "pc-p1"}]}}
    end = date(2022, 11, 20) + timedelta(days=run)
    found = [f for f in check(files, engine=engine, window=(None, end)).findings
             if f.rule_id == "po-life-record"]
    assert bool(found) is (run >= 30), run


@ENGINES
@SETTINGS
@given(amount=st.sampled_from(["0.01", "499.99", "500.00", "500.01", "501.00", "12000.00"]),
       decided=st.booleans(), offset=st.integers(-2, 2))
def test_larger_expenditures_rest_on_a_committee_decision(engine: str, amount: str,
                                                          decided: bool, offset: int) -> None:
    """SQ-SIFANG:299 较大数额经费开支: above po.matters_large_amount (500.00) the committee decides,
    on or before the payment day."""
    from datetime import date, timedelta
    from decimal import Decimal
    meeting = (date(2022, 5, 1) + timedelta(days=offset)).isoformat()
    files: dict[str, Any] = {
        "c.yaml": community(), "pc.yaml": _committee(3),
        "e.yaml": {"expense": {"id": "e", "body": "pc", "amount": amount,
                               "paid_on": "2022-05-01", "payee": "店", "purpose": "购置",
                               "voucher": "invoice", "accountant": "pc-p1",
                               "cashier": "pc-p2"}}}
    if decided:
        files["m.yaml"] = {"meeting": {"id": "m", "body": "pc", "date": meeting,
                                       "present": ["pc-p0", "pc-p1", "pc-p2"],
                                       "motions": [{"id": "x", "title": "开支", "outcome": "adopted",
                                                    "consented": ["pc-p0", "pc-p1"]}]}}
        files["p.yaml"] = {"party_matter": {"id": "pm", "body": "pc", "kind": "expenditure",
                                            "date": "2022-05-01", "title": "开支", "expense": "e",
                                            "decision": {"meeting": "m", "motion": "x"}}}
    found = [f for f in check(files, engine=engine).findings if f.rule_id == "po-matters"]
    larger = Decimal(amount) > Decimal("500.00")
    breached = (larger and not decided) or (decided and offset > 0)
    assert bool(found) is breached, (amount, decided, offset)
