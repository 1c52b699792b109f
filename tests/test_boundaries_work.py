"""Boundaries of the community-work rules (SQ-SIFANG:125, :132, :150, :154, :273–274, :351,
:395–396, :432; HLS-356:26), with hypothesis, on both engines: month and week edges, the days
of a seat, the order of dated steps."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from _helpers import check, community
from hypothesis import example, given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=25, deadline=None)
ENGINES = st.sampled_from(["native", "durable"])


def _seat(person: str, role: str, start: str, end: str | None = None) -> dict[str, Any]:
    term: dict[str, Any] = {"start": start, "obtained_by": "appointment"}
    if end is not None:
        term["end"] = end
    return {"person": person, "name": person, "role": role, "terms": [term]}


def _centre(*seats: dict[str, Any]) -> dict[str, Any]:
    return {"body": {"id": "ac", "kind": "affairs_centre", "name": "事务受理中心",
                     "seats": list(seats)}}


def _rc() -> dict[str, Any]:
    return {"body": {"id": "rc", "kind": "residents_committee", "name": "居委会",
                     "seats": [_seat("d", "director", "2021-01-01")]}}


def _findings(files: dict[str, Any], rule: str, engine: str,
              window: tuple[date | None, date | None] = (None, None)) -> list[Any]:
    return [f for f in check(files, engine=engine, window=window).findings if f.rule_id == rule]


FEB = (date(2022, 2, 1), date(2022, 2, 28))


@SETTINGS
@given(offset=st.integers(-3, 3), engine=ENGINES)
def test_a_worker_report_counts_in_the_month_of_its_date(offset: int, engine: str) -> None:
    """RC-WORKERS-REPORT: a report dated on the last day of February counts for February; one
    dated the next day does not (and the checked window is February)."""
    day = date(2022, 2, 28) + timedelta(days=offset)
    files = {"c.yaml": community(), "rc.yaml": _rc(),
             "ac.yaml": _centre(_seat("w", "worker", "2021-01-01")),
             "r.yaml": {"worker_report": {"id": "r", "person": "w", "date": day.isoformat(),
                                          "to": "rc"}}}
    found = _findings(files, "rc-workers-report", engine, FEB)
    assert bool(found) is (offset > 0)


@SETTINGS
@given(end_offset=st.integers(-3, 3), engine=ENGINES)
def test_a_month_is_judged_only_when_the_seat_covers_all_of_it(end_offset: int,
                                                               engine: str) -> None:
    """RC-WORKERS-REPORT: a worker whose term ends on 28 February owes a February report; one
    whose term ends earlier in February (part of the month) does not."""
    end = date(2022, 2, 28) + timedelta(days=end_offset)
    files = {"c.yaml": community(), "rc.yaml": _rc(),
             "ac.yaml": _centre(_seat("w", "worker", "2021-01-01", end.isoformat()))}
    found = _findings(files, "rc-workers-report", engine, FEB)
    assert bool(found) is (end_offset >= 0)


def _weekly(meetings: list[dict[str, Any]], secretary_end: str = "2025-12-31") -> dict[str, Any]:
    return {"c.yaml": community(), "rc.yaml": _rc(),
            "pc.yaml": {"body": {"id": "pc", "kind": "party_committee", "name": "党支部",
                                 "seats": [_seat("s", "secretary", "2021-01-01", secretary_end)]}},
            "ac.yaml": _centre(_seat("w0", "director", "2021-01-01"),
                               _seat("w1", "worker", "2021-01-01")),
            "m.yaml": {"meetings": [{"body": "ac", "present": ["w0", "w1"], **m}
                                    for m in meetings]}}


WEEK = (date(2022, 1, 3), date(2022, 1, 9))  # Monday to Sunday


@SETTINGS
@given(work=st.integers(-2, 8), study=st.integers(-2, 8), engine=ENGINES)
def test_a_week_runs_from_monday_to_sunday(work: int, study: int, engine: str) -> None:
    """RC-WORKERS-WEEKLY: a meeting on the Monday or the Sunday counts for the week; one on the
    Sunday before or the Monday after does not. Each missing kind is its own clause."""
    files = _weekly([
        {"id": "wm", "date": (WEEK[0] + timedelta(days=work)).isoformat(), "convener": "s"},
        {"id": "st", "kind": "study", "date": (WEEK[0] + timedelta(days=study)).isoformat(),
         "convener": "d"}])
    found = _findings(files, "rc-workers-weekly", engine, WEEK)
    missing = {"work": not 0 <= work <= 6, "study": not 0 <= study <= 6}
    assert bool(found) is any(missing.values())
    cited = {line for f in found for s in f.sources for line in s.lines}
    assert cited == {n for n, gone in ((395, missing["work"]), (396, missing["study"])) if gone}


@SETTINGS
@given(offset=st.integers(-3, 3), engine=ENGINES)
def test_the_organiser_holds_the_secretary_seat_that_day(offset: int, engine: str) -> None:
    """RC-WORKERS-WEEKLY: the party secretary organises on the last day of the seat, not the day
    after (the roster decides, not the label)."""
    day = date(2022, 6, 30) + timedelta(days=offset)
    files = _weekly([{"id": "wm", "date": day.isoformat(), "convener": "s"}],
                    secretary_end="2022-06-30")
    found = _findings(files, "rc-workers-organiser", engine)
    assert bool(found) is (offset > 0)


def test_the_centre_director_organises_only_where_the_parameter_admits_it(
        rulebook: Any) -> None:
    files = _weekly([{"id": "wm", "date": "2022-01-04", "convener": "w0"}])
    assert "rc-workers-organiser" in [f.rule_id for f in check(files).findings]
    admitted = rulebook.with_parameter("rc.workers_centre_director_organises", True)
    assert "rc-workers-organiser" not in [
        f.rule_id for f in check(files, rulebook=admitted).findings]


def _director(approved: date) -> dict[str, Any]:
    """w0 is a worker from 2021-01-01 and the affairs centre's director from 2021-07-01."""
    seat = {"person": "w0", "name": "吴敏", "role": "worker", "terms": [
        {"start": "2021-01-01", "end": "2021-06-30", "obtained_by": "appointment"},
        {"start": "2021-07-01", "role": "director", "obtained_by": "appointment"}]}
    return {
        "c.yaml": community(), "rc.yaml": _rc(), "ac.yaml": _centre(seat),
        "pc.yaml": {"body": {"id": "pc", "kind": "party_committee", "name": "党支部",
                             "seats": [_seat("s", "secretary", "2020-01-01")]}},
        "so.yaml": {"body": {"id": "so", "kind": "street_office", "name": "街道办事处",
                             "seats": [_seat("so-d", "director", "2020-01-01")]}},
        "a.yaml": {"director_approval": {
            "id": "a", "body": "ac", "person": "w0", "recommended_by": ["pc", "rc"],
            "recommended_on": "2020-06-01", "approved_by": "so", "approver": "so-d",
            "approved_on": approved.isoformat()}}}


@SETTINGS
@given(offset=st.integers(-4, 4), engine=ENGINES)
def test_the_director_is_approved_by_the_seat_s_start(offset: int, engine: str) -> None:
    """RC-AFFAIRS-DIRECTOR: an approval on the day the director's seat starts (2021-07-01) is in
    time, the day after is not."""
    found = _findings(_director(date(2021, 7, 1) + timedelta(days=offset)),
                      "rc-affairs-director", engine)
    assert bool(found) is (offset > 0)


@SETTINGS
@given(offset=st.integers(-4, 4), engine=ENGINES)
def test_the_director_was_a_worker_on_the_day_of_the_approval(offset: int, engine: str) -> None:
    """RC-AFFAIRS-DIRECTOR: the person holds a worker's seat (from 2021-01-01) on the day of the
    approval: an approval the day before that seat began finds no worker."""
    found = _findings(_director(date(2021, 1, 1) + timedelta(days=offset)),
                      "rc-affairs-director", engine)
    assert bool(found) is (offset < 0)
    assert all(s.quote == "職業社區工作者作為人選" for f in found for s in f.sources)


def _term_plan(plan_day: date | None, end: date) -> dict[str, Any]:
    """A residents' committee elected on 2021-06-20; its plan drawn up on ``plan_day``; the
    records run to ``end``."""
    seats = [{"person": p, "name": p, "role": r, "terms": [
        {"start": "2021-06-20", "end": "2024-06-19", "obtained_by": "election"}]}
        for p, r in (("d", "director"), ("m", "member"))]
    files: dict[str, Any] = {
        "c.yaml": {"community": {**community()["community"],
                                 "records_cover": {"from": "2021-06-20", "to": end.isoformat()}}},
        "rc.yaml": {"body": {"id": "rc", "kind": "residents_committee", "name": "居委会",
                             "seats": seats}}}
    if plan_day is not None:
        files["p.yaml"] = {"term_plan": {"id": "p", "body": "rc", "date": plan_day.isoformat(),
                                         "parts": ["term_objectives", "work_plan"]}}
    return files


@SETTINGS
@given(days=st.integers(-2, 95), engine=ENGINES)
def test_the_term_plan_comes_within_the_days_after_the_term_starts(days: int,
                                                                    engine: str) -> None:
    """RC-TERM-PLAN: a plan dated 0 to 90 days (rc.term_plan_days) after the term's start is in
    order; 91 days is late; a plan before the start belongs to no term of this committee."""
    start = date(2021, 6, 20)
    files = _term_plan(start + timedelta(days=days), date(2022, 12, 31))
    found = _findings(files, "rc-term-plan", engine)
    assert bool(found) is not (0 <= days <= 90)


@SETTINGS
@given(run=st.integers(85, 95), engine=ENGINES)
def test_a_missing_plan_is_a_finding_once_the_allowance_has_run(run: int, engine: str) -> None:
    """RC-TERM-PLAN: with no plan, the term is judged once the records reach its 90th day, the
    last allowed."""
    files = _term_plan(None, date(2021, 6, 20) + timedelta(days=run))
    assert bool(_findings(files, "rc-term-plan", engine)) is (run >= 90)


@SETTINGS
@given(offset=st.integers(-3, 3), engine=ENGINES)
def test_the_district_decides_no_later_than_the_change(offset: int, engine: str) -> None:
    """RC-COMMUNITY-CHANGE: a district decision dated on the day the resizing takes effect is in
    order; a day later is not."""
    decided = date(2022, 7, 1) + timedelta(days=offset)
    files = {"c.yaml": community(), "x.yaml": {"community_change": {
        "id": "x", "kind": "resizing", "date": "2022-07-01", "decided_by": "district_government",
        "decided_on": decided.isoformat()}}}
    assert bool(_findings(files, "rc-community-change", engine)) is (offset > 0)


STEPS = ["self_assessment", "street_review", "democratic_assessment", "public_notice",
         "civil_affairs_acceptance", "district_approval"]


@SETTINGS
@given(gaps=st.lists(st.integers(-2, 3), min_size=7, max_size=7), engine=ENGINES)
def test_title_steps_follow_in_order_same_day_allowed(gaps: list[int], engine: str) -> None:
    """RC-STANDARD-TITLE: each step is dated no earlier than the one before it (a step on the
    same day is in order); the title is granted no earlier than the district's approval."""
    day = date(2022, 9, 1)
    dated = []
    for gap in gaps:
        day += timedelta(days=gap)
        dated.append(day)
    files = {"c.yaml": community(), "rc.yaml": _rc(), "t.yaml": {"standard_title": {
        "id": "t", "body": "rc", "granted_on": dated[6].isoformat(),
        "steps": [{"step": s, "date": d.isoformat()} for s, d in zip(STEPS, dated, strict=False)]}}}
    in_order = all(g >= 0 for g in gaps[1:])
    assert bool(_findings(files, "rc-standard-title", engine)) is not in_order


def _group(leader_end: str, meeting_day: date | None = None) -> dict[str, Any]:
    rc = {"body": {"id": "rc", "kind": "residents_committee", "name": "居委会", "seats": [
        {"person": "d", "name": "主任", "role": "director", "terms": [
            {"start": "2021-06-20", "end": "2024-06-19", "obtained_by": "election"}]}]}}
    group = {"body": {"id": "g", "kind": "residents_group", "name": "第一居民小组",
                      "households": 80, "seats": [
                          {"person": "gl", "name": "组长", "role": "leader", "terms": [
                              {"start": "2021-06-20", "end": leader_end,
                               "obtained_by": "election"}]},
                          {"person": "gm", "name": "组员", "terms": [
                              {"start": "2021-06-20", "end": "2024-06-19",
                               "obtained_by": "election"}]}]}}
    files: dict[str, Any] = {"c.yaml": community(), "rc.yaml": rc, "g.yaml": group}
    if meeting_day is not None:
        files["m.yaml"] = {"meeting": {"id": "gm", "body": "g", "date": meeting_day.isoformat(),
                                       "chair": "gl", "present": ["gm"]}}
    return files


@SETTINGS
@given(offset=st.integers(-3, 3), engine=ENGINES)
def test_a_group_leader_s_term_ends_with_the_committee_s(offset: int, engine: str) -> None:
    """RC-GROUP-LEADER: a leader's term ending on the committee's last day (2024-06-19), or
    earlier, is in order; a day later is not."""
    end = date(2024, 6, 19) + timedelta(days=offset)
    found = _findings(_group(end.isoformat()), "rc-group-leader-term", engine)
    assert bool(found) is (offset > 0)


@SETTINGS
@given(offset=st.integers(-3, 3), engine=ENGINES)
def test_the_group_leader_chairs_while_holding_the_seat(offset: int, engine: str) -> None:
    """RC-GROUP-LEADER: the leader whose seat ends on 2022-06-30 chairs a group meeting that
    day, but not the day after (the roster decides)."""
    day = date(2022, 6, 30) + timedelta(days=offset)
    found = _findings(_group("2022-06-30", day), "rc-group-meeting-chair", engine)
    assert bool(found) is (offset > 0)


def _review(day: date, worker_end: date) -> dict[str, Any]:
    """A year-end review by a representative of the committee's director, not of the worker
    whose seat ends on ``worker_end``."""
    ra = {"body": {"id": "ra", "kind": "member_representative_assembly", "name": "代表大会",
                   "seats": [_seat("r", "representative", "2021-01-01")]}}
    return {"c.yaml": community(), "rc.yaml": _rc(), "ra.yaml": ra,
            "ac.yaml": _centre(_seat("w", "worker", "2021-01-01", worker_end.isoformat())),
            "v.yaml": {"review": {"id": "v", "body": "rc", "date": day.isoformat(),
                                  "reviewers": ["r"], "reviewed": ["d"]}}}


@SETTINGS
@given(offset=st.integers(-3, 3), engine=ENGINES)
def test_the_year_end_starts_thirty_days_before_new_year_s_eve(offset: int, engine: str) -> None:
    """RC-YEAR-END-REVIEW: 年终 is read as the last 30 days of the year (rc.review_year_end_days):
    1 December is at the year end, 30 November is not."""
    day = date(2022, 12, 1) + timedelta(days=offset)
    found = _findings(_review(day, date(2022, 6, 30)), "rc-year-end-review-scope", engine)
    assert bool(found) is (offset < 0)


@SETTINGS
@given(offset=st.integers(-3, 3), engine=ENGINES)
def test_everyone_seated_on_the_review_day_is_reviewed(offset: int, engine: str) -> None:
    """RC-YEAR-END-REVIEW: a worker whose seat ends on the review day is still seated and must be
    reviewed; one whose seat ended the day before is not due."""
    day = date(2022, 12, 20)
    found = _findings(_review(day, day + timedelta(days=offset)), "rc-year-end-review-scope",
                      engine)
    assert bool(found) is (offset >= 0)


@SETTINGS
@given(start=st.dates(date(2010, 1, 1), date(2030, 12, 31)), offset=st.integers(-2, 2),
       engine=ENGINES)
@example(start=date(2028, 2, 29), offset=0, engine="native")
@example(start=date(2028, 2, 29), offset=1, engine="durable")
def test_a_representative_is_18_on_the_18th_birthday(start: date, offset: int,
                                                     engine: str) -> None:
    """RA-ELIGIBILITY (SQ-SIFANG:432, charter): a residents' representative whose seat starts on
    the 18th birthday is eligible, one day younger is not. ``eighteenth`` is the latest date of
    birth that makes the person 18 on ``start``."""
    try:
        eighteenth = start.replace(year=start.year - 18)
    except ValueError:  # the seat starts on 29 February; 18 years back is a common year
        eighteenth = date(start.year - 18, 2, 28)
    born = eighteenth + timedelta(days=offset)
    files = {"c.yaml": community(),
             "ra.yaml": {"body": {"id": "ra", "kind": "member_representative_assembly",
                                  "name": "代表大会", "seats": [
                                      _seat("r", "representative", start.isoformat())]}},
             "reg.yaml": {"representative_register": {"id": "reg", "body": "ra", "entries": [
                 {"person": "r", "born_on": born.isoformat(), "voting_rights": True}]}}}
    found = _findings(files, "ra-eligibility", engine)
    assert bool(found) is (offset > 0)


def test_born_on_29_february_turns_18_on_1_march_in_a_common_year() -> None:
    from governance_rules.facts._community_work import age_on
    assert age_on(date(2004, 2, 29), date(2022, 2, 28)) == 17
    assert age_on(date(2004, 2, 29), date(2022, 3, 1)) == 18
    assert age_on(date(2004, 2, 29), date(2024, 2, 29)) == 20


def _cc(consented: int, submitted: dict[str, int], window_end: date) -> dict[str, Any]:
    """A consultation committee of 10 adopting a topic on 2022-03-15 with ``consented`` of 10,
    submitted ``submitted[body]`` days later to each body named."""
    seats = [{"person": f"p{i}", "name": f"成员{i}", "terms": [
        {"start": "2021-12-25", "end": "2024-12-24", "obtained_by": "nomination"}]}
        for i in range(10)]
    members = [f"p{i}" for i in range(10)]
    meeting = date(2022, 3, 15)
    return {
        "c.yaml": {"community": {**community()["community"],
                                 "records_cover": {"from": "2022-01-01",
                                                   "to": window_end.isoformat()}}},
        "cc.yaml": {"body": {"id": "cc", "kind": "consultation_committee", "name": "协商委员会",
                             "seats": seats}},
        "b.yaml": {"bodies": [{"id": "po", "kind": "party_committee", "name": "党委", "seats": []},
                              {"id": "rc", "kind": "residents_committee", "name": "居委会",
                               "seats": []}]},
        "m.yaml": {"meeting": {"id": "m", "body": "cc", "date": meeting.isoformat(),
                               "chair": "p0", "present": members, "motions": [
                                   {"id": "t", "title": "议题", "outcome": "adopted",
                                    "consented": members[:consented]}]}},
        "s.yaml": {"submissions": [
            {"id": f"s-{to}", "decision": {"meeting": "m", "motion": "t"}, "to": to,
             "date": (meeting + timedelta(days=days)).isoformat()}
            for to, days in submitted.items()]},
    }


@SETTINGS
@given(days=st.integers(-1, 33), engine=ENGINES)
def test_a_decision_is_submitted_within_thirty_days(days: int, engine: str) -> None:
    """CC-SUBMISSION: a submission 0 to 30 days (cc.submission_days) after the meeting is in
    order; 31 days is late; one dated before the meeting does not count."""
    files = _cc(8, {"po": days, "rc": 0}, date(2022, 12, 31))
    found = _findings(files, "cc-submission", engine)
    assert bool(found) is not (0 <= days <= 30)


@SETTINGS
@given(consented=st.integers(6, 10), engine=ENGINES)
def test_only_a_decision_formed_under_the_80_percent_rule_must_be_submitted(
        consented: int, engine: str) -> None:
    """CC-SUBMISSION: 8 of 10 (80%, the bound) forms a decision that must be submitted; 7 of 10
    forms none (CC-CONSENT-80 reports that adoption), so no submission is owed."""
    found = _findings(_cc(consented, {}, date(2022, 12, 31)), "cc-submission", engine)
    assert bool(found) is (consented >= 8)


@SETTINGS
@given(run=st.integers(28, 33), engine=ENGINES)
def test_a_missing_submission_is_judged_once_the_days_have_run(run: int, engine: str) -> None:
    found = _findings(_cc(10, {}, date(2022, 3, 15) + timedelta(days=run)), "cc-submission",
                      engine)
    assert bool(found) is (run >= 30)  # the records reach the 30th day, the last allowed


def test_the_chinese_names_what_the_english_names() -> None:
    """The Chinese finding says who reviewed and who was left out, which plans the term has,
    where a decision went, the approval and who held the approver's seat: before, it said only
    that something was wrong (the English named them)."""
    def zh(files: dict[str, Any], rule: str) -> str:
        (finding,) = _findings(files, rule, "native")
        return finding.message.zh

    review = zh(_review(date(2022, 12, 20), date(2022, 12, 31)), "rc-year-end-review-scope")
    assert review.endswith("当日在任的1名居委会成员或职业社区工作者未接受评议：w（w）"), review
    plan = zh(_term_plan(None, date(2021, 6, 20) + timedelta(days=100)), "rc-term-plan")
    assert plan.endswith("仍未制定三年任期目标；任期已过100天，仍未制定工作计划"), plan  # no note
    # twice that the term has no plan (its reasons say it); the plans it has are named
    submitted = zh(_cc(8, {"rc": 3}, date(2022, 12, 31)), "cc-submission")
    assert "未提交社区党组织（2022年3月18日报送居委会的「s-rc」）" in submitted, submitted
    late = zh(_director(date(2021, 7, 3)), "rc-affairs-director")
    assert "审批晚于任职之日或未注明日期：审批（a）于2021年7月3日作出，任职始于2021年7月1日" in late, late
