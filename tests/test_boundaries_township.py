"""The township congress's day boundaries (RD-TOWNSHIP), tested at and around every bound with
hypothesis: by-election in time, the oath's date, and the deadlines added with the coverage of
the RD-TOWNSHIP ids."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from _helpers import check, community, rule_ids
from hypothesis import given, settings
from hypothesis import strategies as st

from governance_rules import check_paths

SETTINGS = settings(max_examples=30, deadline=None)
TERM = {"start": "2021-10-01", "end": "2026-09-30", "obtained_by": "election"}
WINDOW = (date(2022, 1, 1), date(2022, 12, 31))


def seat(person: str, role: str, **term: Any) -> dict[str, Any]:
    return {"person": person, "name": person, "role": role, "terms": [{**TERM, **term}]}


def township(*extra_bodies: dict[str, Any], gov: list[dict[str, Any]] | None = None,
             **files: Any) -> dict[str, Any]:
    """A congress (chair c1, vice-chair v1, deputies r1, r2), its presidium and government."""
    bodies = [
        {"id": "tpc", "kind": "township_congress", "name": "镇人大",
         "seats": [seat("c1", "chair"), seat("v1", "vice_chair"), seat("r1", "representative"),
                   seat("r2", "representative")]},
        {"id": "zxt", "kind": "presidium", "name": "主席团",
         "seats": [seat("c1", "chair"), seat("v1", "member"), seat("r1", "member")]},
        {"id": "gov", "kind": "township_government", "name": "镇政府",
         "seats": gov if gov is not None else [seat("h1", "head")]},
        *extra_bodies,
    ]
    return {"c.yaml": community(), "b.yaml": {"bodies": bodies}, **files}


def day(offset: int, base: date = date(2022, 3, 2)) -> str:
    return (base + timedelta(days=offset)).isoformat()


@SETTINGS
@given(gap=st.integers(0, 200))
def test_by_election_in_time_includes_the_bound(gap: int) -> None:
    """TPC-ELECTION (c): the head's post vacant from 2022-03-02, by-elected at a session ``gap``
    days later; `tpc.by_election_days` (90) days are in time."""
    elected = day(gap)
    if elected > "2022-12-31":
        return
    files = township(gov=[seat("h1", "head", end="2022-03-01"),
                          seat("h2", "head", start=elected, obtained_by="by_election")],
                     **{"s.yaml": {"session": {
                         "id": "s", "body": "tpc", "date": elected, "number": 3, "days": 1,
                         "election": True, "election_method_adopted_on": elected,
                         "posts": [{"post": "head", "person": "h2", "obtained_by": "by_election",
                                    "oath_on": elected}]}}})
    found = "tpc-election-vacancy" in rule_ids(check(files, window=WINDOW))
    assert found is (gap > 90)


@SETTINGS
@given(offset=st.integers(-5, 5))
def test_the_oath_is_dated_on_or_after_the_election(offset: int) -> None:
    """TPC-ELECTION (d): an oath dated before the session's opening is not the oath of the
    newly elected."""
    files = township(**{"s.yaml": {"session": {
        "id": "s", "body": "tpc", "date": "2022-03-10", "number": 2, "days": 2,
        "election": True, "election_method_adopted_on": "2022-03-10",
        "posts": [{"post": "head", "person": "h1", "obtained_by": "election",
                   "oath_on": day(offset, date(2022, 3, 10))}]}}})
    found = "tpc-election" in rule_ids(check(files))
    assert found is (offset < 0)


@SETTINGS
@given(offset=st.integers(-3, 3))
def test_the_presidium_chair_holds_the_seat_that_day(offset: int) -> None:
    """TPC-PRESIDIUM-CHAIR: the congress chair's term ends on 2022-05-10; a presidium meeting
    ``offset`` days from then chaired by them is in order up to that day, not after it."""
    files = township(**{"m.yaml": {"meeting": {
        "id": "m", "body": "zxt", "date": day(offset, date(2022, 5, 10)), "chair": "c1",
        "convener": "c1", "present": ["c1", "r1"]}}})
    files["b.yaml"]["bodies"][0]["seats"][0]["terms"][0]["end"] = "2022-05-10"
    found = "tpc-presidium-chair" in rule_ids(check(files))
    assert found is (offset > 0)


@SETTINGS
@given(offset=st.integers(-3, 3))
def test_the_party_committee_hears_the_report_within_the_year(offset: int) -> None:
    """TPC-PARTY-REPORT: the hearing counts in the calendar year it is dated in; 31 December
    is the last day for 2022."""
    files = township(**{"r.yaml": {"report": {
        "id": "r", "body": "tpc", "kind": "congress_work_report", "period": "2022",
        "submitted_on": day(offset, date(2022, 12, 31)), "to": "镇党委"}}})
    files["c.yaml"]["community"]["records_cover"] = {"from": "2022-01-01", "to": "2022-12-31"}
    found = "tpc-party-report" in rule_ids(check(files))
    assert found is (offset > 0)


@SETTINGS
@given(offset=st.integers(-3, 3), which=st.sampled_from(["tpc", "zxt"]))
def test_rules_of_procedure_exist_by_the_roster_day(offset: int, which: str) -> None:
    """TPC-SETUP: rules of procedure adopted ``offset`` days from the roster day (the window's
    last day) exist on it up to that day itself."""
    office = {"id": "office", "kind": "presidium_office", "name": "办公室",
              "seats": [seat("w1", "worker", obtained_by="appointment")]}
    files = township(office)
    for b in files["b.yaml"]["bodies"][:2]:
        b["rules_of_procedure"] = {"title": "议事规则", "adopted_on": "2021-10-10"}
    files["c.yaml"]["community"]["name"] = "测试镇"
    files["b.yaml"]["bodies"][1]["seal"] = "测试镇人民代表大会主席团"
    target = files["b.yaml"]["bodies"][0 if which == "tpc" else 1]
    target["rules_of_procedure"]["adopted_on"] = day(offset, WINDOW[1])
    rule = "tpc-setup-congress" if which == "tpc" else "tpc-setup-presidium"
    found = rule in rule_ids(check(files, window=WINDOW))
    assert found is (offset > 0)


@SETTINGS
@given(offset=st.integers(-3, 3))
def test_work_points_are_approved_no_later_than_their_implementation(offset: int) -> None:
    """TPC-WORK-POINTS: implementation on 2022-01-20, approval ``offset`` days from then; the
    same day counts (records carry dates, not hours)."""
    files = township(**{"w.yaml": {"work_points": {
        "id": "wp", "body": "zxt", "date": "2022-01-10", "reported_on": "2022-01-10",
        "approved_on": day(offset, date(2022, 1, 20)), "implemented_on": "2022-01-20",
        "implemented_by": "c1"}}})
    found = "tpc-work-points" in rule_ids(check(files))
    assert found is (offset > 0)


@SETTINGS
@given(days=st.integers(80, 100), answered=st.booleans())
def test_suggestions_are_answered_within_the_limit(days: int, answered: bool) -> None:
    """TPC-SUGGESTIONS: answered ``days`` after it was made (or, unanswered, ``days`` to the
    window's end); `tpc.suggestion_answer_days` (90) days are within the limit."""
    made = date(2022, 3, 1)
    item: dict[str, Any] = {"id": "y", "body": "tpc", "date": made.isoformat(), "deputy": "r1"}
    window = (date(2022, 1, 1), made + timedelta(days=days)) if not answered else WINDOW
    if answered:
        item["answered_on"] = day(days, made)
    found = "tpc-suggestions" in rule_ids(check(township(**{"y.yaml": {"suggestion": item}}),
                                                window=window))
    assert found is (days > 90)


@SETTINGS
@given(days=st.integers(80, 100), organiser=st.sampled_from(["c1", "v1", "r1"]))
def test_groups_are_formed_in_time_by_a_chair(days: int, organiser: str) -> None:
    """TPC-GROUP-FORMATION: the deputies' terms start on 2021-10-01; a group formed ``days``
    later is in time up to `tpc.group_formation_days` (90); only the chair or a vice-chair
    organises it."""
    formed = day(days, date(2021, 10, 1))
    group = {"id": "g", "kind": "representative_group", "name": "小组", "established": formed,
             "organised_by": organiser,
             "seats": [seat("r2", "leader", start=formed)]}
    found = "tpc-group-formation" in rule_ids(check(township(group)))
    assert found is (days > 90 or organiser == "r1")


def _session(opening: date, **extra: Any) -> dict[str, Any]:
    """A session of ``opening`` held and prepared in order, with ``extra`` fields replaced."""
    o = opening.isoformat()
    session: dict[str, Any] = {
        "id": "s", "body": "tpc", "date": o, "number": 2, "days": 1,
        "preparation": {"party_approved_on": day(-30, opening),
                        "presidium_decision": {"meeting": "zp", "motion": "fix"},
                        "notice_on": day(-10, opening), "reports_sent_on": day(-10, opening)},
        "sittings": [{"kind": k, "date": o} for k in ("preparatory", "presidium", "plenary")],
        "agenda": [{"item": "government_work_report", "deliberated_on": o, "voted_on": o},
                   {"item": "half_year_progress"}],
        "closing": {"announced_on": o, "reported_on": o, "archived_on": o}, **extra}
    return township(**{"s.yaml": {"session": session}, "p.yaml": {"meeting": {
        "id": "zp", "body": "zxt", "date": day(-20, opening), "chair": "c1",
        "present": ["c1", "v1", "r1"],
        "motions": [{"id": "fix", "title": "决定召开会议", "outcome": "adopted",
                     "votes": {"yes": 3}}]}}})


@SETTINGS
@given(ahead=st.integers(0, 3), which=st.sampled_from(["notice_on", "reports_sent_on"]))
def test_the_notice_goes_out_a_whole_day_ahead(ahead: int, which: str) -> None:
    """TPC-PREPARATION: the notice and the reports reach the deputies at least
    `tpc.notice_days` (1) whole days before the opening."""
    opening = date(2022, 2, 20)
    files = _session(opening)
    files["s.yaml"]["session"]["preparation"][which] = day(-ahead, opening)
    assert ("tpc-preparation" in rule_ids(check(files))) is (ahead < 1)


@SETTINGS
@given(offset=st.integers(-3, 3), days=st.integers(1, 3))
def test_close_acts_are_dated_on_or_after_the_closing_day(offset: int, days: int) -> None:
    """TPC-SESSION-CLOSE: the session closes on its last day (opening + days - 1, its last
    plenary held that day); an announcement dated before then is not one of the closed
    session."""
    opening = date(2022, 2, 20)
    closed = opening + timedelta(days=days - 1)
    files = _session(opening, days=days)
    files["s.yaml"]["session"]["sittings"].append({"kind": "plenary", "date": closed.isoformat()})
    files["s.yaml"]["session"]["closing"] = {"announced_on": day(offset, closed),
                                             "reported_on": closed.isoformat(),
                                             "archived_on": closed.isoformat()}
    assert ("tpc-session-close" in rule_ids(check(files))) is (offset < 0)


@SETTINGS
@given(opening=st.sampled_from([date(2022, 3, 31), date(2022, 4, 1), date(2022, 6, 30),
                                date(2022, 7, 1), date(2022, 9, 30), date(2022, 10, 1)]))
def test_the_session_focus_follows_the_quarter_of_its_opening(opening: date) -> None:
    """TPC-SESSION-AGENDA: a session with only a budget item breaches the focus in the first
    and the third quarter only, by the quarter of its opening day."""
    files = _session(opening, agenda=[{"item": "budget"}])
    quarter = (opening.month - 1) // 3 + 1
    assert ("tpc-session-agenda" in rule_ids(check(files))) is (quarter in (1, 3))


@SETTINGS
@given(offset=st.integers(-3, 3))
def test_every_vote_is_deliberated_no_later_than_it(offset: int) -> None:
    """TPC-SESSION-ORDER: an item deliberated ``offset`` days from its vote; the same day
    counts (deliberation first, records carry dates)."""
    opening = date(2022, 2, 20)
    files = _session(opening, days=7, agenda=[
        {"item": "government_work_report", "deliberated_on": day(3 + offset, opening),
         "voted_on": day(3, opening)}])
    assert ("tpc-session-order" in rule_ids(check(files))) is (offset > 0)


@SETTINGS
@given(offset=st.integers(-3, 3))
def test_the_deputies_list_is_published_by_the_sessions_first_day(offset: int) -> None:
    """TPC-CREDENTIALS-REVIEW: 在人代会前公布代表名单; records carry dates, so a list
    published on the opening day counts (catalogue, open readings)."""
    committee = {"id": "dsw", "kind": "credentials_committee", "name": "资格审查委员会",
                 "seats": [seat("r1", "chair"), seat("r2", "member")]}
    opening = date(2022, 8, 20)
    files = township(committee, **{
        "s.yaml": {"session": {"id": "s3", "body": "tpc", "date": opening.isoformat(),
                               "number": 3, "days": 1}},
        "p.yaml": {"meeting": {"id": "zc", "body": "zxt", "date": "2022-05-12", "chair": "c1",
                               "present": ["c1", "r1"],
                               "motions": [{"id": "ok", "title": "确认审查报告",
                                            "outcome": "adopted", "votes": {"yes": 2}}]}},
        "cr.yaml": {"credentials_review": {
            "id": "cr", "body": "dsw", "date": "2022-05-10", "kind": "examination",
            "deputies": ["r2"], "confirmed_by": {"meeting": "zc", "motion": "ok"},
            "list_published_on": day(offset, opening), "session": "s3"}}})
    found = "tpc-credentials-review" in rule_ids(check(files))
    assert found is (offset > 0)


def test_unknown_references_are_input_errors_at_their_line(tmp_path: Path) -> None:
    """A suggestion naming no known session, work points carried out by nobody on any roster
    and a session whose preparation names no known meeting are input errors at their line, and
    left out."""
    files = township(**{
        "y.yaml": {"suggestion": {"id": "y", "body": "tpc", "date": "2022-03-01",
                                  "deputy": "r1", "reported_at": "nowhere"}},
        "w.yaml": {"work_points": {"id": "w", "body": "zxt", "date": "2022-01-10",
                                   "implemented_on": "2022-01-20", "implemented_by": "ghost"}},
        "s.yaml": {"session": {"id": "s", "body": "tpc", "date": "2022-02-20", "number": 2,
                               "days": 1, "preparation": {"presidium_decision": {
                                   "meeting": "none", "motion": "x"}}}}})
    for name, data in files.items():
        (tmp_path / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    report = check_paths([tmp_path])
    found = sorted((Path(e.file).name, e.type, e.loc[-1], e.line) for e in report.input_errors)
    assert found == [("s.yaml", "unknown_id", "meeting", 9),
                     ("w.yaml", "unknown_id", "implemented_by", 5),
                     ("y.yaml", "unknown_id", "reported_at", 6)]
    assert not [f for f in report.findings if f.record.id in ("s", "w", "y")]


@SETTINGS
@given(stated=st.integers(1, 3), held=st.integers(1, 3))
def test_duration_and_close_read_one_closing_day(stated: int, held: int) -> None:
    """TPC-DURATION and TPC-SESSION-CLOSE read the same closing day: a session said to last
    ``stated`` days whose last sitting fell on its ``held``-th day closed that day (its sittings
    decide where they end sooner), so closing acts dated that day are not early. They used to
    disagree: the duration counted the sittings, the close ``date + days - 1``."""
    opening = date(2022, 2, 20)
    held = min(held, stated)
    closed = opening + timedelta(days=held - 1)
    files = _session(opening, days=stated)
    files["s.yaml"]["session"]["sittings"].append({"kind": "plenary", "date": closed.isoformat()})
    c = closed.isoformat()
    files["s.yaml"]["session"]["closing"] = {"announced_on": c, "reported_on": c,
                                             "archived_on": c}
    assert "tpc-session-close" not in rule_ids(check(files))
