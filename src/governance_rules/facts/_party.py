"""What the party organisation's own books say about one meeting: its minutes (PO-MINUTES,
PO-LIFE-RECORD) and the leave asked by the members absent from it (PO-LEAVE)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date

from ..models import Body, LeaveRequest, Meeting, Minutes, Role
from ..models.body import HeldSeat
from ..records.dossier import Dossier
from ._seats import PeopleNamed, held_role
from ._seats import who as _who
from ._window import happened


class PartyBooks:
    """The minutes and leave requests of a dossier, indexed by meeting once; as of ``as_of``
    (``--as-of``), what is dated after it has not happened: a leave request asked later is
    none asked, a report or a notice of the minutes made later none made (docs/readings.md,
    --as-of)."""

    def __init__(self, dossier: Dossier, as_of: date | None = None) -> None:
        self.dossier = dossier
        self.as_of = as_of
        self.minutes: dict[str, list[Minutes]] = defaultdict(list)
        for m in dossier.minutes:
            self.minutes[m.record.meeting].append(m.record)
        self.asked: dict[str, dict[str, list[LeaveRequest]]] = defaultdict(dict)
        """meeting → person → the leave they asked for it (by ``as_of``)."""
        for r in dossier.leave_requests:
            if happened(r.record.date, as_of):
                self.asked[r.record.meeting].setdefault(r.record.person, []).append(r.record)

    def meeting(self, meeting: Meeting, body: Body, values: dict[str, int | str],
                names: dict[str, str], seats: Mapping[str, tuple[HeldSeat, ...]] | None = None,
                seated: int | None = None) -> None:
        """Add the meeting fact's fields on minutes and leave to ``values``, and the minutes'
        evidence in words to ``names`` (the leave's is :meth:`leave_names`, made for a finding
        only); ``seats`` and ``seated``: the body's, as :func:`_leave_counts` takes them."""
        meeting_id = meeting.id
        found = self.minutes.get(meeting_id)
        if found:
            minutes, minutes_names = _minutes(self.dossier, meeting, found, self.as_of)
            values |= minutes
            names |= minutes_names
        else:  # most meetings
            values |= _NO_MINUTES
            names["minutes_taken_by"] = _NOBODY_NAMED
        values |= _leave_counts(meeting, body, self.asked.get(meeting_id, _NO_LEAVE), seats,
                                seated)

    def leave_names(self, meeting: Meeting, body: Body) -> dict[str, str]:
        """Who was absent from the meeting, and who of them asked no leave, late, or of someone
        not holding the secretary's seat: in words, one name each (a finding's evidence)."""
        return _leave(self.dossier, meeting, body, self.asked.get(meeting.id, {}))[1]


_NOBODY_NAMED = "nobody named"
_NO_MINUTES = {"minutes": 0, "minutes_taker": 0, "minutes_report_days": -1,
               "measures_notice_days": -1}
"""What :func:`_minutes` gives a meeting without minutes (most meetings): made once."""
_NO_LEAVE: dict[str, list[LeaveRequest]] = {}
"""The leave asked for a meeting nobody asked leave for (read only)."""


def _days_after(day: date | None, meeting: Meeting) -> int:
    return (day - meeting.date).days if day is not None else -1


def _minutes(dossier: Dossier, meeting: Meeting, found: list[Minutes],
             as_of: date | None = None) -> tuple[dict[str, int], dict[str, str]]:
    """The minutes' fields of ``meeting``: who kept them, and the earliest report and notice
    made by ``as_of`` (one dated after it is not made yet: SQ-SIFANG:318–319)."""
    taker: str | None = None  # the first named; the earliest days (most meetings have none)
    reported: date | None = None
    notified: date | None = None
    for m in found:
        if taker is None:
            taker = m.taken_by
        if ((day := m.reported_on) is not None and happened(day, as_of)
                and (reported is None or day < reported)):
            reported = day
        if ((day := m.measures_notified_on) is not None and happened(day, as_of)
                and (notified is None or day < notified)):
            notified = day
    names = {"minutes_taken_by": _who(dossier, taker) if taker else _NOBODY_NAMED}
    if reported is not None:
        names["minutes_reported_on"] = reported.isoformat()
    return ({"minutes": int(bool(found)), "minutes_taker": int(taker is not None),
             "minutes_report_days": _days_after(reported, meeting),
             "measures_notice_days": _days_after(notified, meeting)}, names)


def _leave_counts(meeting: Meeting, body: Body, asked: dict[str, list[LeaveRequest]],
                  seats: Mapping[str, tuple[HeldSeat, ...]] | None = None,
                  seated: int | None = None) -> dict[str, int]:
    """:func:`_leave`'s counts from the members present and those who asked leave, without a
    pass over the roster: the seats held on the day are counted from the term bounds, and only
    a present person's or an asker's seats are looked at (a body of thousands of seats meeting
    hundreds of times made this the largest cost of its check). ``seats``: the body's seats by
    person as plain values (:meth:`Body.held_seats`), the body's own when not given;
    ``seated``: the seats held on the day (:meth:`Body.seated_count_on`), when the caller
    has counted them already.

    Each seat counts once, as in :func:`_leave` (a person listed twice on the roster has two).
    """
    if seats is None:
        seats = body.held_seats()
    day = meeting.date
    present = set(meeting.present)
    seated_present = 0
    for person in present:
        for seat in seats.get(person, ()):
            for start, end, _ in seat.terms:  # the seat is held on the day (HeldSeat.role_on)
                if start <= day and (end is None or day <= end):
                    seated_present += 1
                    break
    absent = (body.seated_count_on(day) if seated is None else seated) - seated_present
    with_leave = late = not_secretary = not_member = 0
    for person, requests in asked.items():
        if person in present:
            continue
        held = sum(1 for seat in seats.get(person, ()) if seat.role_on(day) is not None)
        if not held:
            continue
        with_leave += held
        in_time = [r for r in requests if r.date <= day]
        if not in_time:
            late += held
        elif held_role(seats, person, day) is Role.SECRETARY:  # asks another member
            if not any(held_role(seats, r.to, r.date) is not None for r in in_time):
                not_member += held
        elif not any(held_role(seats, r.to, r.date) is Role.SECRETARY for r in in_time):
            not_secretary += held
    return {"absent": absent, "leave_missing": absent - with_leave, "leave_late": late,
            "leave_not_secretary": not_secretary, "leave_not_member": not_member}


def _leave(dossier: Dossier, meeting: Meeting, body: Body,
           asked_for: dict[str, list[LeaveRequest]]
           ) -> tuple[dict[str, int], dict[str, str]]:
    """PO-LEAVE (SQ-SIFANG:294, 委员因故不能出席会议，要事先向书记请假): every member seated on
    the meeting day and absent from it asked leave on or before that day (事先: records carry
    dates, not hours) of the person holding the secretary's seat on the day of asking; the
    secretary of the meeting day, who cannot ask himself, of another member seated on the
    committee that day (docs/readings.md). ``asked_for``: the leave asked for this meeting, by
    person."""
    present, day = set(meeting.present), meeting.date
    seats = body.held_seats()
    if len(seats) == len(body.seats):  # a seat a person: by person is in roster order
        absent = [person for person, held in seats.items()
                  if person not in present and held[0].role_on(day) is not None]
    else:
        absent = [s.person for s in body.seated_members_on(day) if s.person not in present]
    named = PeopleNamed(dossier.roster_names())
    missing: list[str] = []
    late: list[str] = []
    late_zh: list[str] = []
    not_secretary: list[str] = []
    not_secretary_zh: list[str] = []
    not_member: list[str] = []
    not_member_zh: list[str] = []
    for person in absent:
        asked = asked_for.get(person)
        if not asked:
            missing.append(named[person])
            continue
        in_time = [r for r in asked if r.date <= day]
        if not in_time:
            days = sorted(r.date.isoformat() for r in asked)
            late.append(f"{named[person]} asked on {', '.join(days)}")
            late_zh.append(f"{named[person]}于{'、'.join(days)}请假")
        elif body.holds(person, (Role.SECRETARY,), day):  # asks another member
            if not any(body.holds(r.to, None, r.date) for r in in_time):
                not_member.append("; ".join(
                    f"{named[person]} asked {named[r.to]} on {r.date}, who held no seat on "
                    f"{body.name} that day" for r in in_time))
                not_member_zh.append("；".join(
                    f"{named[person]}于{r.date}向{named[r.to]}请假，而{named[r.to]}当日未在"
                    f"{body.name}任职" for r in in_time))
        elif not any(body.holds(r.to, (Role.SECRETARY,), r.date) for r in in_time):
            holders = {r.date: ", ".join(named[s.person]
                                         for s in body.holders_of(Role.SECRETARY, r.date))
                       for r in in_time}
            not_secretary.append("; ".join(
                f"{named[person]} asked {named[r.to]} on {r.date}, but "
                + (f"the secretary that day was {holders[r.date]}" if holders[r.date]
                   else "nobody held the secretary's seat that day")
                for r in in_time))
            not_secretary_zh.append("；".join(
                f"{named[person]}于{r.date}向{named[r.to]}请假，而当日"
                + (f"书记为{holders[r.date]}" if holders[r.date] else "无人任书记")
                for r in in_time))
    names = {"absent": ", ".join([named[p] for p in absent]) or "nobody",
             "leave_missing": ", ".join(missing) or "nobody",
             "leave_late": "; ".join(late) or "nobody",
             "leave_not_secretary": "; ".join(not_secretary) or "nobody",
             "leave_not_member": "; ".join(not_member) or "nobody",
             "leave_late_zh": "；".join(late_zh) or "无",
             "leave_not_secretary_zh": "；".join(not_secretary_zh) or "无",
             "leave_not_member_zh": "；".join(not_member_zh) or "无"}
    return ({"absent": len(absent), "leave_missing": len(missing), "leave_late": len(late),
             "leave_not_secretary": len(not_secretary), "leave_not_member": len(not_member)},
            names)
