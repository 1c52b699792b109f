"""A dossier's indexes (each member's book entries, the motions naming each expense, the seats
holding a role on a day) give what a scan of its records gives, and follow records added later.
Fact builders ask them once a body, an expense or a meeting: scanning instead made a large
dossier's check grow with its bodies times its entries, its expenses times its motions and its
meetings times its seats (a community's records copied 64 times: 8.5 s, now 3.7 s)."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from _helpers import EXAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from governance_rules import Report, check_dossiers, load_rulebook
from governance_rules.models import (
    Body,
    BodyKind,
    Expense,
    ExpenseSubject,
    Outcome,
    Role,
    Seat,
    Term,
)
from governance_rules.records.dossier import Dossier, Located
from governance_rules.records.loader import discover, load_dossier

DAY0 = date(2022, 1, 1)


def _sifang():  # type: ignore[no-untyped-def]
    sources, _ = discover([EXAMPLES / "sifang"])
    return load_dossier(sources[0], EXAMPLES)


def test_member_entries_are_each_members_entries_in_file_order() -> None:
    dossier = _sifang()
    scanned: dict[tuple[str, str], list[object]] = {}
    for located in dossier.member_records:
        scanned.setdefault((located.record.body, located.record.person), []).append(
            located.record)
    assert dossier.member_entries() == scanned and len(scanned) > 5
    assert dossier.member_entries() is dossier.member_entries()  # made once
    added = copy.copy(dossier.member_records[0])
    dossier.member_records.append(added)
    key = (added.record.body, added.record.person)
    assert dossier.member_entries()[key][-1] is added.record


def test_motions_on_an_expense_are_those_that_name_it() -> None:
    """By the expense's id, or by its purpose and payee (SQ-SIFANG:385, docs/readings.md)."""
    dossier = _sifang()
    expenses = {e.record.id: e.record for e in dossier.expenses}

    def names(subject: ExpenseSubject | None, expense: Expense) -> bool:
        return subject is not None and (subject.id == expense.id or (
            subject.id is None
            and (subject.purpose, subject.payee) == (expense.purpose, expense.payee)))

    found = {i: dossier.motions_on_expense(e) for i, e in expenses.items()}
    assert found == {i: [(m.record, motion) for m in dossier.meetings
                         for motion in m.record.motions if names(motion.expense, e)]
                     for i, e in expenses.items()}
    nothing = next(iter(expenses.values())).model_copy(
        update={"id": "no-such-expense", "purpose": "无此用途", "payee": "无此收款方"})
    assert any(found.values()) and dossier.motions_on_expense(nothing) == []
    spent, named = next((i, pair) for i, pairs in found.items() for pair in pairs)
    meeting = copy.copy(next(m for m in dossier.meetings if m.record is named[0]))
    dossier.meetings.append(meeting)
    assert dossier.motions_on_expense(expenses[spent])[-1] == (meeting.record, named[1])
    by_purpose = expenses[spent].model_copy(update={"id": "later-record"})
    assert named[1].expense is not None
    if named[1].expense.id is None:  # named by purpose and payee: found whatever the id
        assert dossier.motions_on_expense(by_purpose)[-1] == (meeting.record, named[1])


_ROLES = ["member", "chair", "vice_chair", "secretary", "director"]
_KINDS = ["township_congress", "party_committee", "residents_committee"]


@st.composite
def _bodies(draw: st.DrawFn) -> list[Body]:
    bodies = []
    for b in range(draw(st.integers(1, 4))):
        seats = []
        for i in range(draw(st.integers(0, 5))):
            starts = sorted(draw(st.lists(st.integers(0, 40), min_size=1, max_size=3,
                                          unique=True)))
            terms = []
            for k, start in enumerate(starts):  # terms that never overlap
                nxt = starts[k + 1] if k + 1 < len(starts) else None
                end = (draw(st.one_of(st.none(), st.integers(start, 60))) if nxt is None
                       else draw(st.integers(start, nxt - 1)))
                terms.append(Term(start=DAY0 + timedelta(days=start),
                                  end=None if end is None else DAY0 + timedelta(days=end),
                                  role=draw(st.one_of(st.none(), st.sampled_from(_ROLES))),
                                  obtained_by=draw(st.sampled_from(["election",
                                                                    "appointment"]))))
            seats.append(Seat(person=f"p{b}-{i}", name="某", role=draw(st.sampled_from(_ROLES)),
                              terms=terms))
        bodies.append(Body(id=f"b{b}", kind=draw(st.sampled_from(_KINDS)), name="某", seats=seats))
    return bodies


@settings(max_examples=200, deadline=None)
@given(bodies=_bodies(), kind=st.sampled_from(_KINDS),
       roles=st.lists(st.sampled_from(_ROLES), min_size=1, max_size=3),
       days=st.lists(st.integers(-2, 62), min_size=1, max_size=5))
def test_seat_holders_are_the_seats_holding_the_roles_that_day(
        bodies: list[Body], kind: str, roles: list[str], days: list[int]) -> None:
    dossier = Dossier(root=".", bodies={b.id: Located(b, f"{b.id}.yaml", ("body",))
                                        for b in bodies})
    wanted = tuple(Role(r) for r in roles)
    for k in days:
        day = DAY0 + timedelta(days=k)
        assert dossier.seat_holders(BodyKind(kind), wanted, day) == [
            seat for body in dossier.bodies_of_kind(BodyKind(kind)) for seat in body.seats
            if seat.role_on(day) in wanted]


@settings(max_examples=200, deadline=None)
@given(bodies=_bodies(), role=st.sampled_from(_ROLES),
       days=st.lists(st.integers(-2, 62), min_size=1, max_size=5))
def test_a_bodys_terms_in_a_role_are_those_its_seats_hold_in_it(
        bodies: list[Body], role: str, days: list[int]) -> None:
    """:meth:`Body.terms_in_role` and the count of a post's elected holders made from it (the
    congress posts' vacancies, TPC-VACANCY) are what a pass over the seats gives."""
    from governance_rules.facts._township import ELECTED, _elected_holders

    wanted = Role(role)
    for body in bodies:
        assert list(body.terms_in_role(wanted)) == [
            (i, seat, term) for i, seat in enumerate(body.seats) for term in seat.terms
            if (term.role or seat.role) is wanted]
        assert all(body.seat_of(s.person) is body.seats_of(s.person)[0] is next(
            x for x in body.seats if x.person == s.person) for s in body.seats)
        for k in days:
            day = DAY0 + timedelta(days=k)
            assert _elected_holders(body, wanted, day) == sum(
                1 for s in body.holders_of(wanted, day)
                if (t := s.term_on(day)) is not None and t.obtained_by in ELECTED)


def _without_seats(dossier: Dossier) -> None:
    for key, located in dossier.bodies.items():
        dossier.bodies[key] = dataclasses.replace(
            located, record=located.record.model_copy(update={"seats": []}))


def _entries_of_nobody(dossier: Dossier) -> None:
    for i, located in enumerate(dossier.member_records):
        dossier.member_records[i] = dataclasses.replace(
            located, record=located.record.model_copy(update={"person": "nobody"}))


def _motions_rejected(dossier: Dossier) -> None:
    for i, located in enumerate(dossier.meetings):
        motions = [m.model_copy(update={"outcome": Outcome.REJECTED}) for m in located.record.motions]
        dossier.meetings[i] = dataclasses.replace(
            located, record=located.record.model_copy(update={"motions": motions}))


@pytest.mark.parametrize("change", [_without_seats, _entries_of_nobody, _motions_rejected])
def test_records_replaced_between_two_checks_are_checked_as_they_now_are(
        change: Callable[[Dossier], None]) -> None:
    """A what-if in a notebook: check a dossier, replace records in place (their count stays),
    check again. The second check judges the records as they now are, as a new dossier of them
    would (the indexes are made afresh each check; they were kept while the counts held)."""
    book = load_rulebook()
    dossier = _sifang()
    before = _findings(check_dossiers([dossier], rulebook=book))
    change(dossier)
    after = _findings(check_dossiers([dossier], rulebook=book))
    anew = dataclasses.replace(dossier, meetings_by_id={m.record.id: m for m in dossier.meetings})
    fresh = _findings(check_dossiers([anew], rulebook=book))
    assert after == fresh != before


def _findings(report: Report) -> list[str]:
    return [f.model_dump_json() for f in report.findings]
