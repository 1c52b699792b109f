"""Who holds a duty (accountant, cashier …) on a day: the expense facts work it out from spans
made once a dossier (a seat's terms cut by each duty's span), which must agree day by day with
:meth:`Seat.duty_on`, the roster's own answer, at every boundary of a term or a duty."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from governance_rules.facts._build import _FactBuilder, record_window
from governance_rules.models.body import Duty
from governance_rules.records import dossier_from_data

START = date(2022, 1, 1)
DAYS = 40


def _day(n: int) -> str:
    return (START + timedelta(days=n)).isoformat()


@st.composite
def _seat(draw: st.DrawFn, person: str) -> dict[str, Any]:
    """A seat of one or two terms that do not overlap (the second may be open) and up to two
    duty spans, each end given or left open."""
    cuts = sorted(draw(st.lists(st.integers(0, DAYS), min_size=3, max_size=3, unique=True)))
    terms = [{"start": _day(cuts[0]), "end": _day(cuts[1]), "obtained_by": "election"}]
    if draw(st.booleans()):
        end = draw(st.none() | st.integers(cuts[2], DAYS + 5))
        terms.append({"start": _day(cuts[2]), "obtained_by": "election",
                      **({"end": _day(end)} if end is not None else {})})
    duties = []
    for _ in range(draw(st.integers(0, 2))):
        first, last = sorted(draw(st.lists(st.integers(-3, DAYS + 3), min_size=2, max_size=2)))
        span: dict[str, Any] = {"duty": draw(st.sampled_from(["accountant", "cashier"]))}
        if draw(st.booleans()):
            span["start"] = _day(first)
        if draw(st.booleans()):
            span["end"] = _day(last)
        duties.append(span)
    return {"person": person, "name": person.upper(), "terms": terms, "duties": duties}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["p0", "p1", "p2"]), min_size=1, max_size=3, unique=True)
       .flatmap(lambda people: st.tuples(*[_seat(p) for p in people])),
       st.lists(st.integers(-2, DAYS + 6), min_size=1, max_size=12))
def test_the_holders_of_a_duty_are_those_the_roster_gives_that_day(
        seats: tuple[dict[str, Any], ...], days: list[int]) -> None:
    dossier = dossier_from_data({
        "community.yaml": {"community": {"id": "c", "name": "c", "jurisdiction": ["cn"]}},
        "body.yaml": {"body": {"id": "rc", "kind": "residents_committee", "name": "居委会",
                               "seats": list(seats)}}})
    assert not dossier.input_errors
    builder = _FactBuilder(dossier, None, record_window(dossier), None, None, None)
    body = dossier.bodies["rc"].record
    for n in days:
        day = START + timedelta(days=n)
        for duty in (Duty.ACCOUNTANT, Duty.CASHIER):
            by_roster = sorted({seat.person for seat in body.seats if seat.duty_on(duty, day)})
            assert builder._duty_holders(duty, day) == by_roster, (duty, day)
