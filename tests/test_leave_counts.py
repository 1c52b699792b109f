"""PO-LEAVE's counts for a meeting are taken from the members present and those who asked
leave, not from a pass over the roster (a body of thousands of seats meeting hundreds of times
made that pass the largest cost of its check): they are the counts the pass gives, for any
roster (a person listed twice, terms that do not cover the day), attendance (outsiders)
and requests (late, early, of someone who is not the secretary that day)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from governance_rules.facts._party import _leave, _leave_counts
from governance_rules.models import Body, LeaveRequest, Meeting, Seat, Term
from governance_rules.records.dossier import Dossier

DAY = date(2022, 6, 15)
PEOPLE = [f"p{i}" for i in range(6)]
_around = st.integers(-3, 3).map(lambda k: DAY + timedelta(days=k))


@st.composite
def _seat(draw: st.DrawFn) -> Seat:
    start = draw(_around)
    end = draw(st.one_of(st.none(), st.integers(0, 4).map(lambda k: start + timedelta(days=k))))
    return Seat(person=draw(st.sampled_from(PEOPLE)), name="某",
                role=draw(st.sampled_from(["member", "secretary", "deputy_secretary"])),
                terms=[Term(start=start, end=end, obtained_by="election")])


@settings(max_examples=300, deadline=None)
@given(seats=st.lists(_seat(), max_size=7),
       present=st.lists(st.sampled_from([*PEOPLE, "outsider"]), max_size=7, unique=True),
       asked=st.lists(st.tuples(st.sampled_from(PEOPLE), _around,
                                st.sampled_from([*PEOPLE, "outsider"])), max_size=6))
def test_leave_counts_are_the_roster_pass_counts(
        seats: list[Seat], present: list[str], asked: list[tuple[str, date, str]]) -> None:
    body = Body(id="pc", kind="party_committee", name="党委", seats=seats)
    meeting = Meeting(id="m", body="pc", date=DAY, present=present)
    requests = [LeaveRequest(id=f"lv{i}", meeting="m", person=person, date=day, to=to)
                for i, (person, day, to) in enumerate(asked) if person != to]
    for_meeting: dict[str, list[LeaveRequest]] = {}
    for r in requests:
        for_meeting.setdefault(r.person, []).append(r)
    counts, _ = _leave(Dossier(root="."), meeting, body, for_meeting)
    assert _leave_counts(meeting, body, for_meeting) == counts
