"""Facts of the residents' committee's and the professional workers' own work (SQ-SIFANG:125,
:132, :150, :154, :273–274, :351, :395–396, :432; HLS-356:26): one fact per worker and month,
per week of the affairs centre, per term of the committee, per record.

Every person who acts is judged by the roster on the day of the act (``seat_check``): a worker
reports only while holding an affairs-centre seat, an organiser holds the party secretary's or
the director's seat that day, the director's approval finds them a worker.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from datetime import date, timedelta
from functools import partial
from operator import itemgetter
from typing import Any

from ..models import (
    Authority,
    Body,
    BodyKind,
    Meeting,
    MeetingKind,
    Outcome,
    Role,
    TermPlanPart,
    TitleStep,
)
from ..models.body import HeldSeat
from ..records.dossier import Dossier, Located, Where
from ._labels import label, labels
from ._periods import body_start
from ._seats import (
    ROLE_VALUES,
    _who_zh,
    consent_seated,
    general_elections,
    located_bodies,
    seated_on,
)
from ._seats import who as _who
from ._spans import Span, covers, far, merge, within
from ._window import Window, calendar, happened
from .schema import Fact, RecordRef


def community_work_facts(dossier: Dossier, window: Window, as_of: date | None) -> Iterator[Fact]:
    people = _People(dossier)
    centre = BodyKind.AFFAIRS_CENTRE  # an enum's member, looked up once
    centres = {key: located for key, located in dossier.bodies.items()
               if located.record.kind is centre}
    centre_meetings: _CentreMeetings = []
    first, last = window.start, window.end
    for i, located in enumerate(dossier.meetings):
        meeting = located.record
        if (body := meeting.body) in centres and first <= (day := meeting.date) <= last:
            centre_meetings.append((i, located, body, day, meeting.kind))
    yield from _worker_months(dossier, window, centres)
    yield from _centre_weeks(dossier, window, centres, centre_meetings)
    yield from _centre_meetings(dossier, centres, centre_meetings, people)
    yield from _director_terms(dossier, as_of, centres)
    yield from _committee_terms(dossier, window, as_of)
    yield from _community_changes(dossier, window)
    yield from _standard_titles(dossier, window)
    yield from _committee_review_years(dossier, window)
    yield from _committee_reviews(dossier, window, people)
    yield from _representative_terms(dossier, as_of)
    yield from _cc_decisions(dossier, window, as_of)


_Centres = dict[str, Located[Body]]
"""The affairs centres of a dossier, by id: the professional community workers' seats."""

_CentreMeetings = list[tuple[int, Located[Meeting], str, date, MeetingKind]]
"""The affairs centres' meetings inside the checked window, with their places in the files, and
their bodies, days and kinds (read once: a record's fields are slow to read)."""


class _People:
    """The names of the few people these facts ask about (organisers, reviewers, approvers),
    made once a person for a dossier: each is named in many facts' notes. Whether they held a
    seat is :meth:`Dossier.holds_seat`'s (gathered once a person there)."""

    def __init__(self, dossier: Dossier) -> None:
        self._dossier = dossier
        self._named: dict[str, str] = {}

    def who(self, person: str) -> str:
        """``id (name)``, as :func:`~governance_rules.facts._seats.who`."""
        named = self._named.get(person)
        if named is None:
            named = self._named[person] = _who(self._dossier, person)
        return named

    def who_zh(self, person: str) -> str:
        """:meth:`who` for a Chinese sentence: an id no roster names in 「」."""
        return _who_zh(self._dossier, person)


def _worker_months(dossier: Dossier, window: Window, centres: _Centres) -> Iterator[Fact]:
    """RC-WORKERS-REPORT (SQ-SIFANG:395): for every professional community worker (a seat on an
    affairs centre) and every calendar month wholly inside the checked window and held through
    by the worker (terms back to back join: a worker made the centre's director mid-month held
    the seat all month), the reports the worker made to a residents' committee that month.
    A month in which the seat starts or ends part-way is not judged."""
    reports: dict[str, list[tuple[date, int, str]]] = {}
    committee = BodyKind.RESIDENTS_COMMITTEE  # an enum's member, looked up once
    for i, located in enumerate(dossier.worker_reports):
        report = located.record
        to = dossier.bodies[report.to].record
        if to.kind is committee and window.covers(report.date):
            reports.setdefault(report.person, []).append((report.date, i, report.id))
    for made in reports.values():
        made.sort()
    months = [(month.period.start, month.period.end, month.label)
              for month in calendar("month", window)]
    jurisdiction = dossier.jurisdiction
    for located_body in centres.values():
        body = located_body.record
        body_id, body_kind, body_name = body.id, body.kind.value, body.name
        for i, seat in enumerate(body.seats):
            person, name = seat.person, seat.name
            terms = merge((t.start, far(t.end)) for t in seat.terms)
            made = reports.get(person, [])
            days = [day for day, _, _ in made]
            where = located_body.where("seats", i)
            for start, end, month in months:
                if not within(terms, start, end):
                    continue
                these = made[bisect_left(days, start):bisect_right(days, end)]
                yield Fact(
                    "worker_month",
                    RecordRef(f"{body_id}/{person}/{month}", "worker_month", where),
                    end, jurisdiction,
                    {"body": body_id, "body_kind": body_kind, "person": person,
                     "reports": len(these)},
                    {"period_start": start, "period_end": end},
                    {"body_name": body_name, "person": person, "person_name": name,
                     "period": month},
                    partial(_reports_named, these, name, month))


def _reports_named(made: list[tuple[date, int, str]], name: str, month: str) -> dict[str, str]:
    """A worker's reports of a month, by id in the order of the files, and the worker's month
    as a finding names it (made for the few months that break a rule)."""
    return {"reports": ", ".join(rid for _, _, rid in sorted(made, key=itemgetter(1))) or "none",
            "subject": f"{name} {month}"}


_WORK_MEETINGS = (MeetingKind.REGULAR, MeetingKind.AD_HOC)
"""RC-WORKERS-WEEKLY (SQ-SIFANG:395): the workers' meetings to study and plan work (组织召开一次
会议,研究部署工作); their study sessions (:396) are meetings of kind ``study``."""

_STUDY = MeetingKind.STUDY
_ORGANISED_MEETINGS = frozenset((*_WORK_MEETINGS, _STUDY))
"""RC-WORKERS-WEEKLY (SQ-SIFANG:395–396): the meetings whose organiser is judged."""

_MEETING_KIND_VALUES = {kind: kind.value for kind in MeetingKind}
"""Each meeting kind's value (a member's ``value`` is a slow read; one a centre's meeting)."""

_SIX_DAYS, _ONE_WEEK = timedelta(days=6), timedelta(days=7)


def weeks_within(window: Window) -> Iterator[tuple[date, date]]:
    """The calendar weeks (Monday to Sunday) lying wholly inside ``window``.

    >>> [(a.isoformat(), b.isoformat()) for a, b in weeks_within(
    ...     Window(date(2022, 1, 1), date(2022, 1, 16)))]
    [('2022-01-03', '2022-01-09'), ('2022-01-10', '2022-01-16')]
    """
    monday = window.start + timedelta(days=-window.start.weekday() % 7)
    while (sunday := monday + _SIX_DAYS) <= window.end:
        yield monday, sunday
        monday += _ONE_WEEK


def _centre_weeks(dossier: Dossier, window: Window, centres: _Centres,
                  held_in_window: _CentreMeetings) -> Iterator[Fact]:
    """RC-WORKERS-WEEKLY (SQ-SIFANG:395–396): for every affairs centre and every week (Monday to
    Sunday) wholly inside the checked window and starting on or after the centre existed, its
    work meetings and study sessions that week."""
    meetings: dict[str, list[tuple[date, int, MeetingKind, str]]] = {}
    for i, located_meeting, body_id, day, kind in held_in_window:
        meetings.setdefault(body_id, []).append((day, i, kind, located_meeting.record.id))
    jurisdiction = dossier.jurisdiction
    for located in centres.values():
        body = located.record
        start = body_start(body)
        if start is None:
            continue
        body_id, body_kind, body_name = body.id, body.kind.value, body.name
        held = sorted(meetings.get(body_id, []))
        days = [day for day, _, _, _ in held]
        work = [day for day, _, kind, _ in held if kind in _WORK_MEETINGS]
        study = [day for day, _, kind, _ in held if kind is _STUDY]
        where = located.where()
        for monday, sunday in weeks_within(window):
            if monday < start:
                continue
            yield Fact(
                "centre_week",
                RecordRef(f"{body_id}/week/{monday.isoformat()}", "period", where),
                sunday, jurisdiction,
                {"body": body_id, "body_kind": body_kind,
                 "work_meetings": bisect_right(work, sunday) - bisect_left(work, monday),
                 "studies": bisect_right(study, sunday) - bisect_left(study, monday)},
                {"period_start": monday, "period_end": sunday},
                {"body_name": body_name},
                partial(_week_named, held, days, monday, sunday))


def _week_named(held: list[tuple[date, int, MeetingKind, str]], days: list[date],
                monday: date, sunday: date) -> dict[str, str]:
    """A week's work meetings, then its study sessions, by id in the order of the files, and the
    week as a finding names it (made for the few weeks that break a rule)."""
    week = held[bisect_left(days, monday):bisect_right(days, sunday)]
    in_files = sorted(week, key=itemgetter(1))
    work = [mid for _, _, kind, mid in in_files if kind in _WORK_MEETINGS]
    study = [mid for _, _, kind, mid in in_files if kind is _STUDY]
    return {"meetings": ", ".join(work + study) or "none",
            "subject": f"{monday.isoformat()}–{sunday.isoformat()}"}


def _centre_meetings(dossier: Dossier, centres: _Centres, held_in_window: _CentreMeetings,
                     people: _People) -> Iterator[Fact]:
    """RC-WORKERS-WEEKLY (SQ-SIFANG:395–396): who organised each work meeting and study session
    of an affairs centre (its ``convener``, else its ``chair``), by the seat the roster gives that
    person on the day: the party organisation's secretary, the residents' committee's director,
    or (admitted only by a parameter) the affairs centre's own director."""
    jurisdiction = dossier.jurisdiction
    about: dict[str, tuple[str, str, str, dict[str, list[Span]]]] = {}
    organisers: dict[tuple[str, str], tuple[_SeatChanges, str]] = {}
    for _, located, body_id, day, kind in held_in_window:
        if kind not in _ORGANISED_MEETINGS:
            continue
        body = about.get(body_id)
        if body is None:
            record = centres[body_id].record
            body = about[body_id] = (record.id, record.kind.value, record.name,
                                     _directors(record))
        meeting = located.record
        meeting_id = meeting.id
        person = meeting.convener or meeting.chair
        if person:
            organiser = organisers.get((body_id, person))
            if organiser is None:
                organiser = organisers[body_id, person] = (_seat_changes(
                    _held_as(dossier, person, BodyKind.PARTY_COMMITTEE, Role.SECRETARY),
                    _held_as(dossier, person, BodyKind.RESIDENTS_COMMITTEE, Role.DIRECTOR),
                    body[3].get(person, [])), people.who(person))
            (days, held), who = organiser
            at = bisect_right(days, day) - 1
            seats = held[at] if at >= 0 else _NO_SEATS
        else:
            seats, who = _NO_SEATS, ""
        yield Fact(
            "centre_meeting", RecordRef(meeting_id, "meeting", located.where()), day,
            jurisdiction,
            {"body": body[0], "body_kind": body[1], "meeting_kind": _MEETING_KIND_VALUES[kind],
             "organiser_recorded": 0 if person is None else 1,
             "organiser_secretary": 1 if seats[0] else 0,
             "organiser_rc_director": 1 if seats[1] else 0,
             "organiser_centre_director": 1 if seats[2] else 0},
            {"meeting": day},
            {"body_name": body[2], "subject": meeting_id, "organiser": who},
            partial(_organiser_seat, dossier, person, seats, day))


_Seats = tuple[bool, bool, bool]
"""Whether an organiser holds the party secretary's, the residents' committee director's and
the affairs centre director's seat."""

_NO_SEATS: _Seats = (False, False, False)

_SeatChanges = tuple[list[date], list[_Seats]]
"""The days on which an organiser's seats change, in order, and the seats held from each."""


def _seat_changes(secretary: list[Span], director: list[Span], centre: list[Span]
                  ) -> _SeatChanges:
    """When the seats held as ``secretary``, ``director`` and ``centre`` director (days as
    spans) change, and which are held from each such day till the next: worked out once an
    organiser, then looked up (``bisect``) for each meeting they organised.

    >>> days, held = _seat_changes([(date(2022, 1, 1), date(2022, 6, 30))], [], [])
    >>> [(d.isoformat(), h) for d, h in zip(days, held)]
    [('2022-01-01', (True, False, False)), ('2022-07-01', (False, False, False))]
    """
    spans = (secretary, director, centre)
    days = sorted({day for held in spans for start, end in held
                   for day in (start, end + timedelta(days=1))})
    return days, [(covers(secretary, d), covers(director, d), covers(centre, d)) for d in days]


def _held_as(dossier: Dossier, person: str, kind: BodyKind, role: Role) -> list[Span]:
    """The days ``person`` holds ``role`` by their (first) seat on each body of ``kind``, as
    :meth:`Dossier.holds_seat <governance_rules.records.dossier.Dossier.holds_seat>` reads the
    rosters: gathered once an organiser, asked of each meeting they organised."""
    return [span for body in dossier.bodies_of_kind(kind)
            if (held := body.held_seats().get(person)) for span in _days_as(held[0], role)]


def _days_as(seat: HeldSeat, role: Role) -> list[Span]:
    """The spans of ``seat``'s terms held as ``role`` (a term's own role, else the seat's)."""
    return [(start, far(end)) for start, end, held in seat.terms if held is role]


def _directors(body: Body) -> dict[str, list[Span]]:
    """The days each person holds a director's seat on ``body`` by their (first) seat, as
    :meth:`Body.holds <governance_rules.models.Body.holds>` finds them: made once a centre,
    asked of each of its meetings."""
    return {person: _days_as(held[0], Role.DIRECTOR)
            for person, held in body.held_seats().items()}


_SEAT_WORDS = ("the party secretary's seat", "the residents' committee director's seat",
               "the centre director's seat")
"""The seats an organiser may hold, in the order of ``centre_meeting``'s fields."""


def _organiser_seat(dossier: Dossier, person: str | None, seats: tuple[bool, bool, bool],
                    day: date) -> dict[str, str]:
    """Which of the seats that may organise ``person`` held on ``day``, and who held each."""
    if not person:
        return {"organiser_seat": ""}
    seated = [(en, zh, dossier.seat_holders(
        kind, (Role.SECRETARY,) if kind is BodyKind.PARTY_COMMITTEE else (Role.DIRECTOR,), day))
        for en, zh, kind in (
            ("party secretary", "社区党组织书记", BodyKind.PARTY_COMMITTEE),
            ("residents' committee director", "社区居委会主任", BodyKind.RESIDENTS_COMMITTEE),
            ("affairs centre director", "事务受理中心主任", BodyKind.AFFAIRS_CENTRE))]
    holders = ", ".join(f"the {en} was " + ", ".join(_who(dossier, s.person) for s in people)
                        if people else f"nobody was {en}" for en, _, people in seated)
    held = [words for words, held_that_day in zip(_SEAT_WORDS, seats, strict=True)
            if held_that_day]
    return {"organiser_seat": f"{_who(dossier, person)} held "
                              + (" and ".join(held) if held else "none of these seats")
                              + f" on {day}; that day {holders}",
            "organiser_seat_zh": "当日" + "，".join(
                f"{zh}为{'、'.join(_who_zh(dossier, s.person) for s in people)}" if people
                else f"无人任{zh}" for _, zh, people in seated)}


_STREET_APPROVERS = (Role.DIRECTOR, Role.DEPUTY_DIRECTOR)
"""RC-AFFAIRS-DIRECTOR (SQ-SIFANG:154, 报街道办事处审批): who approves for the street office, as
for FIN-TIERS tier 2 (docs/readings.md): its director or a deputy director."""


def _director_terms(dossier: Dossier, as_of: date | None, centres: _Centres,
                    ) -> Iterator[Fact]:
    """RC-AFFAIRS-DIRECTOR (SQ-SIFANG:154): every term in which a person holds the affairs
    centre's director seat rests on a street-office approval dated on or before its start, on
    the recommendation of the party organisation and the residents' committee, of a person
    who held a professional community worker's seat (a seat on the affairs centre) on the day
    of the approval; the approver holds a street-office director's or deputy director's seat."""
    for located_body in centres.values():
        body = located_body.record
        for i, seat in enumerate(body.seats):
            for j, term in enumerate(seat.terms):
                if ((term.role or seat.role) is not Role.DIRECTOR
                        or (as_of is not None and term.start > as_of)):
                    continue
                yield _director_term(dossier, body.id,
                                     located_body.where("seats", i, "terms", j),
                                     seat.person, seat.name, body.name, term.start)


def _director_term(dossier: Dossier, body_id: str, where: Where, person: str, name: str,
                   body_name: str, start: date) -> Fact:
    approvals = [a.record for a in dossier.director_approvals
                 if a.record.body == body_id and a.record.person == person]
    dated = [a for a in approvals if a.approved_on is not None and a.approved_on <= start]
    approval = max(dated, key=lambda a: a.approved_on or start, default=None)
    if approval is None and approvals:
        approval = approvals[0]
    day = approval.approved_on if approval is not None else None
    kinds = ({dossier.bodies[b].record.kind for b in approval.recommended_by}
             if approval is not None else set())
    street = (approval is not None and approval.approved_by is not None
              and dossier.bodies[approval.approved_by].record.kind is BodyKind.STREET_OFFICE)
    approver_held = (day is not None and street and approval is not None
                     and dossier.holds_seat(approval.approver, BodyKind.STREET_OFFICE,
                                            _STREET_APPROVERS, day))
    worker = day is not None and dossier.bodies[body_id].record.holds(person, None, day)
    notes = {"approval": (f"the approval ({approval.id}) "
                          + (f"was made on {day}" if day is not None else "is undated")
                          + f", the seat starting on {start}" if approval is not None
                          else f"no approval of {_who(dossier, person)} recorded"),
             "approval_zh": (f"审批（{approval.id}）"
                             + (f"于{day}作出" if day is not None else "未注明日期")
                             + f"，任职始于{start}" if approval is not None
                             else f"未记录对{_who_zh(dossier, person)}的审批"),
             "approver": "", "worker": "", "approver_zh": "", "worker_zh": ""}
    if approval is not None and day is not None:
        approver = approval.approver
        holders = dossier.seat_holders(BodyKind.STREET_OFFICE, _STREET_APPROVERS, day)
        seated = ", ".join(_who(dossier, s.person) for s in holders)
        by = dossier.bodies.get(approval.approved_by or "")
        notes["approver"] = ((f"approved by {_who(dossier, approver)}" if approver
                              else "no approver recorded")
                             + (f" for {by.record.name}" if by is not None else "")
                             + (f"; that day the street office's director's and deputy "
                                f"directors' seats were held by {seated}" if seated
                                else "; that day nobody held the street office's director's "
                                "or deputy director's seat"))
        notes["worker"] = (f"{_who(dossier, person)} "
                           f"{'held' if worker else 'held no'} seat on {body_name} on {day}")
        notes["approver_zh"] = (
            (f"审批人为{_who_zh(dossier, approver)}" if approver else "未记录审批人")
            + "，当日任街道办事处主任、副主任的"
            + (f"是{'、'.join(_who_zh(dossier, s.person) for s in holders)}" if holders
               else "无人"))
        notes["worker_zh"] = (f"{_who_zh(dossier, person)}于{day}"
                              f"{'在' if worker else '未在'}{body_name}任职")
    return Fact(
        "director_term", RecordRef(f"{body_id}/{person}", "term", where), start,
        dossier.jurisdiction,
        {"body": body_id, "body_kind": BodyKind.AFFAIRS_CENTRE.value, "person": person,
         "approval_found": int(approval is not None),
         "approved_in_time": int(day is not None and day <= start),
         "recommended_by_party": int(BodyKind.PARTY_COMMITTEE in kinds),
         "recommended_by_rc": int(BodyKind.RESIDENTS_COMMITTEE in kinds),
         "recommended_on_recorded": int(approval is not None
                                        and approval.recommended_on is not None),
         "approved_by_street": int(street), "approver_seated": int(approver_held),
         "worker_on_approval": int(worker)},
        {"term_start": start, **({"approved": day} if day else {})},
        {"body_name": body_name, "person": person, "person_name": name, "subject": person,
         **notes})


def committee_terms(body: Body) -> list[tuple[date, date | None]]:
    """The terms (届) of a residents' committee. A term begins with a general election: a day on
    which most of the members seated that day (a hired ``worker`` is none) start a term by
    ``election``. A member elected deputy director mid-term (his seat split on that day), or a
    by-election, starts no term: that committee's three years run on. Each term ends on the
    latest end of the terms that began that day, or the day before the next term begins (open if
    neither)."""
    members = [t for s in body.seats for t in s.terms if (t.role or s.role) is not Role.WORKER]
    starts = general_elections(members)
    out: list[tuple[date, date | None]] = []
    for k, start in enumerate(starts):
        ends = [t.end for t in members if t.start == start and t.end is not None]
        end = max(ends) if ends else None
        if k + 1 < len(starts) and (end is None or end >= starts[k + 1]):
            end = starts[k + 1] - timedelta(days=1)
        out.append((start, end))
    return out


def _committee_terms(dossier: Dossier, window: Window, as_of: date | None = None
                     ) -> Iterator[Fact]:
    """RC-TERM-PLAN (SQ-SIFANG:125): for every term of a residents' committee that overlaps the
    checked window, how many days into the term its three-year objectives and its work plan were
    drawn up (-1: not yet, as is a plan dated after ``as_of``), and how many days of the term
    had run by the window's end."""
    for located in located_bodies(dossier, BodyKind.RESIDENTS_COMMITTEE):
        body = located.record
        plans = [p.record for p in dossier.term_plans
                 if p.record.body == body.id and happened(p.record.date, as_of)]
        for start, end in committee_terms(body):
            if start > window.end or (end is not None and end < window.start):
                continue
            inside = sorted((p for p in plans
                             if start <= p.date and (end is None or p.date <= end)),
                            key=lambda p: p.date)

            def first(part: TermPlanPart, inside: list[Any] = inside) -> Any:
                return next((p for p in inside if part in p.parts), None)

            found = {part: first(part) for part in TermPlanPart}
            label = f"{start.isoformat()}–{end.isoformat() if end else ''}"
            yield Fact(
                "rc_term", RecordRef(f"{body.id}/term/{start.isoformat()}", "term",
                                     located.where()),
                start, dossier.jurisdiction,
                {"body": body.id, "body_kind": body.kind.value,
                 **{f"{part.value}_days": (found[part].date - start).days
                    if found[part] is not None else -1 for part in TermPlanPart},
                 "days_run": (min(window.end, end or window.end) - start).days},
                {"term_start": start, **({"term_end": end} if end else {})},
                {"body_name": body.name, "subject": label, "term": label,
                 # the plans the term has, after the reason that one is missing (none: the
                 # reasons say so already, and two said it twice)
                 "plans": ", ".join(f"{p.id} ({p.date}: {', '.join(x.value for x in p.parts)})"
                                    for p in inside),
                 "plans_en": ("; plans in the term: " + "; ".join(
                     f"{labels(p.parts, 'en')} of {p.date} ({p.id})" for p in inside)
                     if inside else ""),
                 "plans_zh": ("；任期内的计划为" + "，".join(
                     f"{p.date}的{labels(p.parts, 'zh')}（{p.id}）" for p in inside)
                     if inside else "")})


_AUTHORITY_ZH: dict[Authority | None, str] = {
    Authority.DISTRICT_GOVERNMENT: "区人民政府", Authority.STREET_OFFICE: "街道办事处",
    Authority.CIVIL_AFFAIRS_BUREAU: "区民政局", Authority.RESIDENTS_COMMITTEE: "社区居委会",
    Authority.OTHER: "其他机关"}

_AUTHORITY_EN: dict[Authority | None, str] = {
    Authority.DISTRICT_GOVERNMENT: "the district people's government",
    Authority.STREET_OFFICE: "the street office",
    Authority.CIVIL_AFFAIRS_BUREAU: "the district civil affairs bureau",
    Authority.RESIDENTS_COMMITTEE: "the residents' committee", Authority.OTHER: "another authority"}


def _community_changes(dossier: Dossier, window: Window) -> Iterator[Fact]:
    """RC-COMMUNITY-CHANGE (SQ-SIFANG:150): who decided each setting up, abolition or resizing
    of the community, and whether the decision is dated no later than the change."""
    for located in dossier.community_changes:
        change = located.record
        if not window.covers(change.date):
            continue
        decided = change.decided_on
        yield Fact(
            "community_change", RecordRef(change.id, "community_change", located.where()),
            change.date, dossier.jurisdiction,
            {"change_kind": change.kind.value,
             "decided_by_district": int(change.decided_by is Authority.DISTRICT_GOVERNMENT),
             "decider_recorded": int(change.decided_by is not None),
             "decided_on_recorded": int(decided is not None),
             "decided_in_time": int(decided is not None and decided <= change.date)},
            {"effective": change.date, **({"decided": decided} if decided else {})},
            {"subject": change.id, "body_name": dossier.community.record.name
             if dossier.community else "",
             "decided_by": _AUTHORITY_EN.get(change.decided_by, "nobody recorded"),
             "decided_by_zh": _AUTHORITY_ZH.get(change.decided_by, "未记录"),
             "document": change.document or ""})


def _standard_titles(dossier: Dossier, window: Window) -> Iterator[Fact]:
    """RC-STANDARD-TITLE (SQ-SIFANG:132): the steps before a standardised-community title, in
    the text's order (self-nomination and self-assessment, the street office's preliminary
    review, the democratic assessment, public notice, the civil-affairs bureau's acceptance, the
    district government's approval), each dated no earlier than the one before (the same day is
    in order: records carry dates, not hours), the title granted no earlier than the approval."""
    order = list(TitleStep)
    for located in dossier.standard_titles:
        title = located.record
        if not window.covers(title.granted_on):
            continue
        body = dossier.bodies[title.body].record
        done = {s.step: s.date for s in title.steps}
        missing = [s for s in order if s not in done]
        present = [s for s in order if s in done]
        reversed_ = [(a, b) for a, b in itertools.pairwise(present) if done[b] < done[a]]
        late = [f"{label(b, 'en')} ({done[b]}) before {label(a, 'en')} ({done[a]})"
                for a, b in reversed_]
        late_zh = [f"{label(b, 'zh')}（{done[b]}）早于{label(a, 'zh')}（{done[a]}）"
                   for a, b in reversed_]
        approval = done.get(TitleStep.DISTRICT_APPROVAL)
        if approval is not None and title.granted_on < approval:
            late.append(f"granted ({title.granted_on}) before the district's approval ({approval})")
            late_zh.append(f"授予称号（{title.granted_on}）早于区政府审批（{approval}）")
        yield Fact(
            "standard_title", RecordRef(title.id, "standard_title", located.where()),
            title.granted_on, dossier.jurisdiction,
            {"body": body.id, "body_kind": body.kind.value, "steps_missing": len(missing),
             "steps_out_of_order": len(late)},
            {"granted": title.granted_on, **{s.value: d for s, d in done.items()}},
            {"body_name": body.name, "subject": title.id,
             "missing": ", ".join(s.value for s in missing) or "none",
             "missing_zh": labels(missing, "zh"), "missing_en": labels(missing, "en"),
             "disorder": "; ".join(late) or "none",
             "disorder_zh": "；".join(late_zh) or "无"})


_MEMBER_REPRESENTATIVES = None
"""RC-YEAR-END-REVIEW (SQ-SIFANG:351): 社区成员代表, any seat on the assembly, residents' and
units' alike (社区成员代表由…居民小组推选…和驻社区单位代表组成, :147): the plain ``member`` too."""


def _committee_review_years(dossier: Dossier, window: Window) -> Iterator[Fact]:
    """RC-YEAR-END-REVIEW (SQ-SIFANG:351, :472): for every residents' committee and every
    calendar year wholly inside the checked window (and after the committee existed), the
    reviews of the committee dated in that year."""
    for located in located_bodies(dossier, BodyKind.RESIDENTS_COMMITTEE):
        body = located.record
        start = body_start(body)
        days = [r.record.date for r in dossier.reviews if r.record.body == body.id]
        for labelled in calendar("year", window):
            year, label = labelled.period, labelled.label
            if start is not None and year.start < start:
                continue
            count = sum(1 for d in days if year.start <= d <= year.end)
            yield Fact(
                "rc_review_year", RecordRef(f"{body.id}/review/{label}", "period",
                                            located.where()),
                year.end, dossier.jurisdiction,
                {"body": body.id, "body_kind": body.kind.value, "reviews": count},
                {"period_start": year.start, "period_end": year.end},
                {"body_name": body.name, "subject": label, "period": label})


def _committee_reviews(dossier: Dossier, window: Window, people: _People) -> Iterator[Fact]:
    """RC-YEAR-END-REVIEW (SQ-SIFANG:351, :472): each review of a residents' committee: its
    days before 31 December, the reviewers holding a member representative's seat (or, by the
    charter, a residents' committee seat) that day, and the committee members and professional
    community workers seated that day whom it did not review."""
    for located in dossier.reviews:
        review = located.record
        body = dossier.bodies[review.body].record
        if body.kind is not BodyKind.RESIDENTS_COMMITTEE or not window.covers(review.date):
            continue
        day = review.date
        reviewers = review.reviewers
        seated = seated_on(dossier, BodyKind.MEMBER_REPRESENTATIVE_ASSEMBLY,
                           _MEMBER_REPRESENTATIVES, day)
        reps = [p for p in reviewers if p in seated]
        seated = seated_on(dossier, BodyKind.RESIDENTS_COMMITTEE, None, day)
        on_rc = [p for p in reviewers if p in seated]
        unseated = [p for p in reviewers if p not in reps and p not in on_rc]
        due = sorted({s.person for kind in (BodyKind.RESIDENTS_COMMITTEE, BodyKind.AFFAIRS_CENTRE)
                      for b in dossier.bodies_of_kind(kind) for s in b.seated_members_on(day)})
        missed = [p for p in due if p not in review.reviewed]
        yield Fact(
            "rc_review", RecordRef(review.id, "review", located.where()), day,
            dossier.jurisdiction,
            {"body": body.id, "body_kind": body.kind.value, "reviewers": len(reviewers),
             "rep_reviewers": len(reps), "unseated_reviewers": len(unseated),
             "unreviewed": len(missed), "days_to_year_end": (date(day.year, 12, 31) - day).days},
            {"review": day},
            {"body_name": body.name, "subject": review.id},
            partial(_reviewers_named, people, reps, unseated, missed, day))


def _reviewers_named(people: _People, reps: list[str], unseated: list[str], missed: list[str],
                     day: date) -> dict[str, str]:
    """Who of a review's reviewers were member representatives on ``day``, who held no seat, and
    who seated that day went unreviewed."""

    def who(persons: list[str]) -> str:
        return ", ".join(people.who(p) for p in persons) or "nobody"

    def who_zh(persons: list[str]) -> str:
        return "、".join(people.who_zh(p) for p in persons) or "无"

    return {"representatives": f"{who(reps)} held a member representative's seat on {day}",
            "unseated": who(unseated),
            "not_reviewed": f"{who(missed)} (seated on {day})",
            "unseated_zh": who_zh(unseated), "not_reviewed_zh": who_zh(missed)}


def age_on(born: date, day: date) -> int:
    """Whole years of age on ``day``: a person is 18 on their 18th birthday (one born on
    29 February turns a year older on 1 March in a common year).

    >>> age_on(date(2004, 6, 20), date(2022, 6, 20)), age_on(date(2004, 6, 21), date(2022, 6, 20))
    (18, 17)
    """
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _tri(value: bool | None) -> int:
    return -1 if value is None else int(value)


def _representative_terms(dossier: Dossier, as_of: date | None) -> Iterator[Fact]:
    """RA-ELIGIBILITY (SQ-SIFANG:432): on the start of each term of a seat on the member
    representative assembly, what the assembly's register says of the person: a residents'
    representative's age that day and right to vote and stand, a unit representative's unit
    lying in the area."""
    entries = {(r.record.body, e.person): e for r in dossier.representative_registers
               for e in r.record.entries}
    jurisdiction = dossier.jurisdiction
    for located in located_bodies(dossier, BodyKind.MEMBER_REPRESENTATIVE_ASSEMBLY):
        body = located.record
        body_id, body_kind, body_name = body.id, body.kind.value, body.name
        for i, seat in enumerate(body.seats):
            person, name, seat_role = seat.person, seat.name, seat.role
            entry = entries.get((body_id, person))
            born, voting, in_area, unit = (
                (entry.born_on, _tri(entry.voting_rights), _tri(entry.unit_in_area), entry.unit)
                if entry is not None else (None, -1, -1, None))
            for j, term in enumerate(seat.terms):
                start = term.start
                if as_of is not None and start > as_of:
                    continue
                role = term.role or seat_role
                yield Fact(
                    "representative_term",
                    RecordRef(f"{body_id}/{person}", "term",
                              located.where("seats", i, "terms", j)),
                    start, jurisdiction,
                    {"body": body_id, "body_kind": body_kind, "role": ROLE_VALUES[role],
                     "registered": int(entry is not None),
                     "age": age_on(born, start) if born is not None else -1,
                     "voting_rights": voting, "unit_in_area": in_area},
                    {"term_start": start, **({"born": born} if born else {})},
                    {"body_name": body_name, "person": person, "person_name": name,
                     "subject": person, "unit": unit or "not named", "unit_zh": unit or "未写明"})


_NONE = -1


def _cc_decisions(dossier: Dossier, window: Window, as_of: date | None) -> Iterator[Fact]:
    """CC-SUBMISSION (HLS-356:26): for every adopted motion of a consultation committee, the
    consent it had (for the rule to tell a decision formed under CC-CONSENT-80), and how many days
    after the meeting it was first submitted to a party organisation and to a residents'
    committee (-1: not at all; a submission dated before the meeting does not count, nor one
    dated after ``as_of``: not made yet)."""
    committee = BodyKind.CONSULTATION_COMMITTEE  # an enum's member, looked up once
    committees = {key: located.record for key, located in dossier.bodies.items()
                  if located.record.kind is committee}
    if not committees:
        return
    sent: dict[tuple[str, str], list[tuple[BodyKind, date, str, str]]] = {}
    for submitted in dossier.submissions:
        sub = submitted.record
        if not happened(sub.date, as_of):
            continue
        to = dossier.bodies[sub.to].record
        sent.setdefault((sub.decision.meeting, sub.decision.motion), []).append(
            (to.kind, sub.date, sub.id, to.name))
    for located in dossier.meetings:
        meeting = located.record
        body = committees.get(meeting.body)
        if (body is None or not window.covers(meeting.date)
                or (as_of is not None and meeting.date > as_of)):
            continue
        seated = body.seated_count_on(meeting.date)
        for i, motion in enumerate(meeting.motions):
            if motion.outcome is not Outcome.ADOPTED:
                continue
            these = sent.get((meeting.id, motion.id), [])

            def first(kind: BodyKind, these: list[tuple[BodyKind, date, str, str]] = these,
                      held: date = meeting.date) -> int:
                days = [(d - held).days for k, d, _, _ in these if k is kind and d >= held]
                return min(days, default=_NONE)

            yield Fact(
                "cc_decision", RecordRef(f"{meeting.id}/{motion.id}", "motion",
                                         located.where("motions", i)),
                meeting.date, dossier.jurisdiction,
                {"body": body.id, "body_kind": body.kind.value,
                 "consented": consent_seated(motion, body, meeting.date), "seated": seated,
                 "party_days": first(BodyKind.PARTY_COMMITTEE),
                 "rc_days": first(BodyKind.RESIDENTS_COMMITTEE),
                 "days_run": (window.end - meeting.date).days},
                {"meeting": meeting.date},
                {"body_name": body.name, "subject": motion.title, "title": motion.title,
                 **_submission_names("party", BodyKind.PARTY_COMMITTEE, these, meeting.date),
                 **_submission_names("rc", BodyKind.RESIDENTS_COMMITTEE, these, meeting.date)})


def _submission_names(prefix: str, kind: BodyKind,
                      sent: list[tuple[BodyKind, date, str, str]], held: date) -> dict[str, str]:
    """What was sent to a body of ``kind`` (``{prefix}_submissions`` and its ``_zh``): each
    submission by day and id, one dated before the meeting ``held`` said not to count (a
    decision is submitted once it is made); with none, what went elsewhere, each body by its
    name (the other of the two, or a body that is neither), or that none is recorded."""
    these = [(day, sid) for k, day, sid, _ in sent if k is kind]
    if not these:
        return {f"{prefix}_submissions": "; ".join(
                    f"submission {sid}, sent to {name} on {d}"
                    for _, d, sid, name in sent) or "none recorded",
                f"{prefix}_submissions_zh": "；".join(
                    f"{d}报送{name}的「{sid}」" for _, d, sid, name in sent) or "未见报送记录"}
    return {
        f"{prefix}_submissions": "; ".join(
            f"submission {sid} of {day}" + (f", before the meeting of {held}, does not count"
                                            if day < held else "") for day, sid in these),
        f"{prefix}_submissions_zh": "；".join(
            f"{day}报送的「{sid}」" + (f"早于{held}的会议，不计" if day < held else "")
            for day, sid in these)}
