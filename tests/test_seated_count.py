"""``Body.seated_count_on`` counts in sorted term bounds what ``seated_members_on`` finds seat by
seat: the same number on every day, for any roster whose seats' terms do not overlap."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from governance_rules.models.body import Body, Seat, Term

_START = date(2020, 1, 1)


@st.composite
def rosters(draw: st.DrawFn) -> Body:
    seats = []
    for n in range(draw(st.integers(0, 6))):
        terms, day = [], draw(st.integers(0, 30))
        for _ in range(draw(st.integers(1, 3))):
            length = draw(st.none() | st.integers(0, 40))
            terms.append(Term(start=_START + timedelta(days=day), obtained_by="election",
                              end=None if length is None else _START + timedelta(days=day + length)))
            if length is None:
                break
            day += length + draw(st.integers(1, 20))
        seats.append(Seat(person=f"p{n}", name=f"成员{n}", terms=terms))
    return Body(id="cc", kind="consultation_committee", name="协商委员会", seats=seats)


@given(rosters(), st.integers(-5, 200))
def test_the_count_is_the_seats_held_that_day(body: Body, offset: int) -> None:
    day = _START + timedelta(days=offset)
    assert body.seated_count_on(day) == len(body.seated_members_on(day))
