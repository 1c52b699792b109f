"""What the fact builder looks up in indexes made once a dossier (the next committee meeting
after an emergency handling, the residents' committee's term in force on a day, a person's
handover audits, whether a person keeps funds, a proposal by id) is what a scan of every record
gives. Each was a scan for every meeting or term: a large dossier's check grew with the square
of its records."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from _helpers import community
from hypothesis import given, settings
from hypothesis import strategies as st

from governance_rules.facts._build import _NONE_DAYS, _FactBuilder
from governance_rules.facts._community_work import committee_terms
from governance_rules.facts._window import Window
from governance_rules.models import AuditKind, BodyKind, MeetingKind, Role
from governance_rules.records.loader import dossier_from_data

START = date(2022, 1, 1)
_days = st.integers(0, 60).map(lambda k: (START + timedelta(days=k)).isoformat())


def _builder(files: dict[str, Any], as_of: date | None = None) -> _FactBuilder:
    dossier = dossier_from_data({"c.yaml": community(), **files})
    assert not dossier.input_errors, dossier.input_errors
    return _FactBuilder(dossier, as_of, Window(START, START + timedelta(days=90)))


@st.composite
def _meetings(draw: st.DrawFn) -> list[dict[str, Any]]:
    count = draw(st.integers(1, 8))
    return [{"id": f"m{i}", "body": draw(st.sampled_from(["pc", "rc"])), "date": draw(_days),
             "kind": draw(st.sampled_from(["regular", "ad_hoc", "study"])),
             "emergency": draw(st.booleans()), "present": [],
             "emergency_reports": draw(st.lists(st.sampled_from([f"m{j}" for j in range(count)]),
                                                max_size=2, unique=True))}
            for i in range(count)]


def _seats(prefix: str, terms: list[tuple[int, int | None]],
           roles: tuple[str, ...] = ("member",)) -> list[dict[str, Any]]:
    return [{"person": f"{prefix}-p{i}", "name": f"成员{i}", "handled_funds": i % 2 == 0,
             "role": roles[i % len(roles)],
             "terms": [{"start": (START + timedelta(days=a)).isoformat(),
                        **({"end": (START + timedelta(days=a + b)).isoformat()}
                           if b is not None else {}), "obtained_by": "election"}]}
            for i, (a, b) in enumerate(terms)]


_terms = st.lists(st.tuples(st.integers(0, 60), st.one_of(st.none(), st.integers(0, 30))),
                  min_size=1, max_size=6)


@settings(max_examples=150, deadline=None)
@given(meetings=_meetings(), rc_terms=_terms, pc_terms=_terms,
       audits=st.lists(st.tuples(_days, st.sampled_from(["handover", "quarterly_review"]),
                                 st.sampled_from(["pc-p0", "pc-p1", "rc-p0"]),
                                 st.sampled_from(["so", "rc", None])), max_size=5),
       as_of=st.one_of(st.none(), st.integers(0, 60).map(lambda k: START + timedelta(days=k))),
       day=st.integers(-5, 95).map(lambda k: START + timedelta(days=k)))
def test_indexed_lookups_are_the_scans(meetings: list[dict[str, Any]],
                                       rc_terms: list[tuple[int, int | None]],
                                       pc_terms: list[tuple[int, int | None]],
                                       audits: list[tuple[str, str, str, str | None]],
                                       as_of: date | None,
                                       day: date) -> None:
    files = {
        "pc.yaml": {"body": {"id": "pc", "kind": "party_committee", "name": "党委",
                             "seats": _seats("pc", pc_terms)}},
        "rc.yaml": {"body": {"id": "rc", "kind": "residents_committee", "name": "居委会",
                             "seats": _seats("rc", rc_terms,
                                             ("deputy_director", "member", "worker"))}},
        "so.yaml": {"body": {"id": "so", "kind": "street_office", "name": "街道办事处",
                             "seats": _seats("so", [(0, None)])}},
        "m.yaml": {"meetings": meetings},
        "a.yaml": {"audits": [{"id": f"a{i}", "body": "pc", "date": d, "kind": kind,
                               "person": person, **({"by": by} if by else {})}
                              for i, (d, kind, person, by) in enumerate(audits)]},
    }
    builder = _builder(files, as_of)
    dossier = builder.dossier
    for located in dossier.meetings:
        meeting = located.record
        later = [m.record for m in dossier.meetings
                 if m.record.body == meeting.body and m.record.date > meeting.date
                 and m.record.kind in (MeetingKind.REGULAR, MeetingKind.AD_HOC)
                 and (as_of is None or m.record.date <= as_of)]
        nxt = min(later, key=lambda m: m.date, default=None)
        same_day = any(meeting.id in m.record.emergency_reports for m in dossier.meetings
                       if m.record is not meeting and m.record.body == meeting.body
                       and m.record.date == meeting.date
                       and m.record.kind in (MeetingKind.REGULAR, MeetingKind.AD_HOC)
                       and (as_of is None or m.record.date <= as_of))
        expected = ({"next_meeting": int(nxt is not None or same_day),
                     "reported_next": int(same_day or (
                         nxt is not None and meeting.id in nxt.emergency_reports))}
                    if meeting.emergency else {"next_meeting": 0, "reported_next": 0})
        assert builder._emergency_report(meeting) == expected
    ends = [end for start, end in committee_terms(dossier.bodies["rc"].record)
            if end is not None and start <= day <= end]
    assert builder._rc_term_end(day) == max(ends, default=None)
    for located in [*dossier.bodies["pc"].record.seats, *dossier.bodies["rc"].record.seats]:
        person = located.person
        handovers = [a.record.date for a in dossier.audits  # by the street office only,
                     if a.record.kind is AuditKind.HANDOVER and a.record.person == person
                     and a.record.by == "so"  # that have happened by the day checked
                     and (as_of is None or a.record.date <= as_of)]
        assert builder._handover_audits.get(person, []) == handovers
        assert builder._keeps_funds_on(person, day) == any(  # a director's, deputy's, worker's
            s.person == person and s.term_on(day) is not None and s.handled_funds
            and b.record.kind is BodyKind.RESIDENTS_COMMITTEE
            and s.role in (Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.WORKER)
            for b in dossier.bodies.values() for s in b.record.seats)
    assert _NONE_DAYS > 0


def test_a_proposal_is_found_by_its_id_the_first_listed() -> None:
    files = {"p.yaml": {"proposals": [
        {"id": "pr1", "body": "ra", "date": "2022-03-01",
         "representatives_signed": 3},
        {"id": "pr2", "body": "ra", "date": "2022-03-02",
         "representatives_signed": 4}]},
        "ra.yaml": {"body": {"id": "ra", "kind": "member_representative_assembly", "name": "代表会议",
                             "seats": _seats("ra", [(0, None)] * 3)}}}
    builder = _builder(files)
    assert [builder._proposal(i) for i in ("pr2", "pr1", "none", None)] == [
        builder.dossier.proposals[1].record, builder.dossier.proposals[0].record, None, None]


@settings(max_examples=100, deadline=None)
@given(meetings=st.lists(st.tuples(st.sampled_from(["tc", "rc"]), _days,
                                   st.lists(st.sampled_from(["0", "1", "2"]), unique=True),
                                   st.one_of(st.none(), st.sampled_from(["0", "1", "2"]))),
                         max_size=8),
       as_of=st.one_of(st.none(), st.integers(0, 60).map(lambda k: START + timedelta(days=k))),
       left=st.integers(-2, 62).map(lambda k: START + timedelta(days=k)))
def test_a_deputys_acts_after_leaving_are_the_scans(
        meetings: list[tuple[str, str, list[str], str | None]], as_of: date | None,
        left: date) -> None:
    """TPC-DEPARTURE (a): the congress meetings a person attended or chaired after a day, from
    each person's meetings indexed once, are what a scan of every meeting gives, in order."""
    files = {
        "tc.yaml": {"body": {"id": "tc", "kind": "township_congress", "name": "人大",
                             "seats": _seats("tc", [(0, None)] * 3)}},
        "rc.yaml": {"body": {"id": "rc", "kind": "residents_committee", "name": "居委会",
                             "seats": _seats("rc", [(0, None)] * 3)}},
        "m.yaml": {"meetings": [{"id": f"m{i}", "body": body, "date": day,
                                 "present": [f"{body}-p{p}" for p in present],
                                 **({"chair": f"{body}-p{chair}"} if chair else {})}
                                for i, (body, day, present, chair) in enumerate(meetings)]}}
    builder = _builder(files, as_of)
    for person in ("tc-p0", "tc-p1", "tc-p2", "rc-p0"):
        assert builder._acts_after(person, left) == sorted(
            (m.record for m in builder.dossier.meetings
             if m.record.date > left and (as_of is None or m.record.date <= as_of)
             and m.record.body == "tc"
             and (person in m.record.present or m.record.chair == person)),
            key=lambda m: m.date)


def test_the_shared_values_of_a_meeting_without_minutes_are_what_no_minutes_give() -> None:
    """Most meetings have no minutes: their fact takes :data:`_NO_MINUTES`, made once, which
    must be what :func:`_minutes` makes of none."""
    from governance_rules.facts._party import _NO_MINUTES, _NOBODY_NAMED, _minutes

    builder = _builder({"pc.yaml": {"body": {"id": "pc", "kind": "party_committee",
                                             "name": "党委", "seats": _seats("pc", [(0, None)])}},
                        "m.yaml": {"meetings": [{"id": "m0", "body": "pc", "kind": "regular",
                                                 "date": START.isoformat(), "present": []}]}})
    meeting = builder.dossier.meetings[0].record
    assert _minutes(builder.dossier, meeting, []) == (_NO_MINUTES,
                                                      {"minutes_taken_by": _NOBODY_NAMED})
