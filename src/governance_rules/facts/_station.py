"""Facts about the party organisation's books on single party members: the in-service party
members' work station (SQ-SIFANG:330–340), its head, its records, and each member's contacts,
activities and feedback per calendar period; the "一管三带一联" activity (:325–329): the backbone
team, the register kept by each party group, and each member's household contacts."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from functools import partial
from typing import Any

from ..models import Body, BodyKind, MemberRecord, MemberRecordKind, Role, Seat
from ..records.dossier import Dossier, Located
from ._labels import label
from ._periods import body_start
from ._seats import _who_zh
from ._seats import who as _who
from ._spans import Span, covers, far
from ._window import Labelled, Window, calendar
from .schema import Fact, RecordRef

MEMBER_CADENCES: dict[BodyKind, tuple[tuple[str, str], ...]] = {
    BodyKind.WORK_STATION: (("contact", "quarter"), ("activity", "year"), ("feedback", "quarter")),
    BodyKind.PARTY_GROUP: (("link_performance", "year"), ("household_contact", "month")),
}
"""(category, granularity) counted per member of a body of each kind: the in-service member's
contact with the community every quarter (:334), activities every year (:335), the feedback form
to the unit every quarter (:340); a party member's performance entered in the register every year
(:327) and a contact with each assigned household every month (:329, counted per household)."""

_MEMBER_ROLES: dict[BodyKind, tuple[Role, ...]] = {
    BodyKind.WORK_STATION: (Role.MEMBER,),
    BodyKind.PARTY_GROUP: (Role.MEMBER, Role.LEADER),
}
"""The members a body's books are kept on: the in-service party members of a station are its
plain seats (the head is the secretary); every party member of a party group, its leader too."""

_FOLLOW_UPS = {MemberRecordKind.ACTIVITY: MemberRecordKind.FEEDBACK,
               MemberRecordKind.HOUSEHOLD_CONTACT: MemberRecordKind.CONTACT_REPORT}
"""An entry that must be followed in time (及时) by another about the same member: an activity by
the feedback to the member's unit (:335), a household contact by the report back (:329)."""

_FOLLOW_UP_KINDS = frozenset(_FOLLOW_UPS.values())
"""The kinds of entry looked up as a follow-up (the others need no index)."""

_FOLLOWED_TEXT = {kind: kind.value for kind in _FOLLOW_UPS}
"""The text of each kind of entry followed up, for its fact (a member's ``value`` is a Python
call; hashing it into a dict costs a third of that)."""

_PER_HOUSEHOLD = "household_contact"
_FEEDBACK = "feedback"
"""A household contact is owed to each assigned household (联户对象, :329), counted apart."""

ROSTER_FIELDS = ("head_days_off", "cards_missing", "book_missing", "building_groups_missing",
                 "backbone_teams", "team_missing", "register_missing")

STATION_KINDS = frozenset((BodyKind.PARTY_COMMITTEE, BodyKind.BACKBONE_TEAM,
                           BodyKind.PARTY_GROUP, BodyKind.WORK_STATION))
"""The kinds of body :func:`station_roster` has fields for; any other body has
:data:`NO_STATION`."""

NO_STATION: tuple[dict[str, int], dict[str, str]] = (dict.fromkeys(ROSTER_FIELDS, 0), {})
""":func:`station_roster` of a body of no kind in :data:`STATION_KINDS` (not to be changed)."""


_BACKBONE_TEAM = BodyKind.BACKBONE_TEAM
_HEAD = Role.HEAD
_LEADER = Role.LEADER
_LINK_REGISTER = MemberRecordKind.LINK_REGISTER
_MEMBER = Role.MEMBER
_PARTY_COMMITTEE = BodyKind.PARTY_COMMITTEE
_PARTY_GROUP = BodyKind.PARTY_GROUP
_RECORD_BOOK = MemberRecordKind.RECORD_BOOK
_REGISTRATION_CARD = MemberRecordKind.REGISTRATION_CARD
_SECRETARY = Role.SECRETARY
_WORK_STATION = BodyKind.WORK_STATION
"""Members of enums compared or passed in the functions below: names, not class attributes
looked up each time (through ``EnumType``'s slow path, about 1k instructions each)."""


def members_of(body: Body, day: date) -> list[Seat]:
    roles = _MEMBER_ROLES.get(body.kind, (_MEMBER,))
    return [s for s in body.seated_members_on(day) if s.role_on(day) in roles]


def station_roster(dossier: Dossier, body: Body, window: Window
                   ) -> tuple[dict[str, int], dict[str, str]]:
    """The roster fact's fields for a work station (0 for any other body): the days in the window
    on which the head seat was not held by the party secretary (PO-STATION-HEAD), and the members
    seated on the roster day without a registration card, a page in the record book or a
    building activity group (PO-STATION-RECORDS)."""
    values = dict.fromkeys(ROSTER_FIELDS, 0)
    kind = body.kind  # a record's field: read once
    if kind is _PARTY_COMMITTEE:
        values["backbone_teams"] = len(dossier.bodies_of_kind(_BACKBONE_TEAM))
        return values, {}
    if kind is _BACKBONE_TEAM:
        missing, missing_zh = _off_team(dossier, body, window.end)
        values["team_missing"] = len(missing)
        return values, {"team_missing": ", ".join(missing) or "nobody",
                        "team_missing_zh": "、".join(missing_zh) or "无"}
    if kind is _PARTY_GROUP:
        unlisted = _without(dossier, body, members_of(body, window.end), window.end,
                            _LINK_REGISTER)
        values["register_missing"] = len(unlisted)
        return values, {"register_missing": ", ".join(unlisted) or "nobody"}
    if kind is not _WORK_STATION:
        return values, {}
    day = window.end
    members = members_of(body, day)

    cards = _without(dossier, body, members, day, _REGISTRATION_CARD)
    book = _without(dossier, body, members, day, _RECORD_BOOK)
    groups = [_who(dossier, s.person) for s in members if not s.group]
    off, first = _head_days_off(dossier, body, window)
    names = {"cards_missing": ", ".join(cards) or "nobody",
             "book_missing": ", ".join(book) or "nobody",
             "building_groups_missing": ", ".join(groups) or "nobody",
             "head_off": first[0] if first else "-", "head_off_zh": first[1] if first else "-"}
    values.update({"head_days_off": off, "cards_missing": len(cards), "book_missing": len(book),
                   "building_groups_missing": len(groups)})
    return values, names


def _without(dossier: Dossier, body: Body, members: list[Seat], day: date,
             kind: MemberRecordKind) -> list[str]:
    """The ``members`` of ``body`` (those seated on ``day``, :func:`members_of`) with no entry of
    ``kind`` dated by then."""
    entries = dossier.member_entries()
    body_id = body.id
    return [_who(dossier, s.person) for s in members
            if not any(e.kind is kind and e.date <= day
                       for e in entries.get((body_id, s.person), []))]


def _off_team(dossier: Dossier, team: Body, day: date) -> tuple[list[str], list[str]]:
    """PO-LINK-BACKBONE (SQ-SIFANG:326, 由书记、委员、党小组长等组成): the party committee's
    members (the secretary among them) and the party group leaders seated on ``day`` who hold
    no seat on the backbone team that day, in English and in Chinese
    (``何平（he-ping，中共兴华路社区委员会委员）``)."""
    wanted: dict[str, tuple[str, str]] = {}  # person → their seat in English, in Chinese
    for b in dossier.bodies_of_kind(_PARTY_COMMITTEE):
        for s in b.seated_members_on(day):
            role = s.role_on(day)
            wanted[s.person] = (f"{role} of {b.name}", f"{b.name}{label(role, 'zh')}")
    for group in dossier.bodies_of_kind(_PARTY_GROUP):
        for s in group.holders_of(_LEADER, day):
            wanted.setdefault(s.person, (f"leader of {group.name}", f"{group.name}组长"))
    off = [(person, en, zh) for person, (en, zh) in sorted(wanted.items())
           if not team.holds(person, None, day)]
    return ([f"{_who(dossier, person)} ({en})" for person, en, _ in off],
            [f"{dossier.person_name(person) or '未记录姓名者'}（{person}，{zh}）"
             for person, _, zh in off])


def _head_days_off(dossier: Dossier, body: Body, window: Window
                   ) -> tuple[int, tuple[str, str] | None]:
    """PO-STATION-HEAD (SQ-SIFANG:332, 工作站站长由社区党组织书记担任): the days of the window
    (from the station's start) on which no head of the station held the party committee's
    secretary seat by the rosters, and the first such day in words (English, Chinese)."""
    start = max(window.start, body_start(body) or window.start)
    if start > window.end:
        return 0, None
    committees = dossier.bodies_of_kind(_PARTY_COMMITTEE)
    changes = {start}
    for b in (body, *committees):
        for seat in b.seats:
            for term in seat.terms:
                for d in (term.start, term.end + timedelta(days=1) if term.end else None):
                    if d is not None and start < d <= window.end:
                        changes.add(d)
    points = sorted(changes)
    off, first = 0, None
    for i, point in enumerate(points):
        until = points[i + 1] if i + 1 < len(points) else window.end + timedelta(days=1)
        heads = [s.person for s in body.holders_of(_HEAD, point)]
        if any(dossier.holds_seat(h, _PARTY_COMMITTEE, (_SECRETARY,), point)
               for h in heads):
            continue
        off += (until - point).days
        if first is None:
            secretaries = [s.person for s in dossier.seat_holders(
                _PARTY_COMMITTEE, (_SECRETARY,), point)]
            named = ", ".join(_who(dossier, h) for h in heads)
            held = ", ".join(_who(dossier, s) for s in secretaries)
            first = (f"from {point}, "
                     + (f"the head was {named}" if named else "the head's seat was vacant")
                     + (f" and the party secretary was {held}" if held
                        else " and the party secretary's seat was vacant"),
                     f"自{point}起，"
                     + (f"站长为{'、'.join(_who_zh(dossier, h) for h in heads)}" if heads
                        else "站长空缺")
                     + (f"，社区党组织书记为{'、'.join(_who_zh(dossier, s) for s in secretaries)}"
                        if secretaries else "，社区党组织书记空缺"))
    return off, first


def member_period_facts(dossier: Dossier, window: Window) -> Iterator[Fact]:
    """One fact per member, category and calendar period that the member held the seat through:
    how many entries of that kind the books hold for them in it."""
    entries = dossier.member_entries()
    jurisdiction = dossier.jurisdiction
    for located in dossier.bodies.values():
        body = located.record
        body_kind = body.kind
        cadences = MEMBER_CADENCES.get(body_kind)
        if not cadences:
            continue
        start = body_start(body)
        roles = _MEMBER_ROLES.get(body_kind, (_MEMBER,))
        kinds = {MemberRecordKind(category): category for category, _ in cadences}
        existed = {granularity: [(labelled, {"period_start": labelled.period.start,
                                             "period_end": labelled.period.end})
                                 for labelled in calendar(granularity, window)
                                 if start is None or labelled.period.start >= start]
                   for _, granularity in cadences}  # a period's ``dates``: one dict, read-only
        body_id, kind, body_name = body.id, body_kind.value, body.name  # read once a body
        for i, seat in enumerate(body.seats):
            person, name, seat_role = seat.person, seat.name, seat.role
            days = _entry_days(entries.get((body_id, person), []), kinds, seat.unit)
            where = located.where("seats", i)
            in_role = [(t.start, far(t.end)) for t in seat.terms if (t.role or seat_role) in roles]
            held = {granularity: _held_at_both_ends(in_role, periods)
                    for granularity, periods in existed.items()}
            for category, granularity in cadences:
                subjects: list[str | None] = (
                    list(seat.households) if category == _PER_HOUSEHOLD else [None])
                for household in subjects:
                    listed = days.get((category, household), [])
                    key = f"{person}/{household}" if household else person
                    ids = f"{body_id}/{key}/{category}/"  # and the period's label
                    names_of = partial(_member_period_names, body_name, person, name,
                                       category, household, key)  # and the period's label
                    for labelled, dates in held[granularity]:
                        period, label = labelled.period, labelled.label
                        last = period.end
                        count = (bisect_right(listed, last)
                                 - bisect_left(listed, period.start)) if listed else 0
                        yield Fact(
                            "member_period", RecordRef(ids + label, "period", where),
                            last, jurisdiction,
                            {"body": body_id, "body_kind": kind, "person": person,
                             "granularity": granularity, "part": labelled.part,
                             "category": category, "count": count},
                            dates, {}, partial(names_of, label))


def _member_period_names(body_name: str, person: str, name: str, category: str,
                         household: str | None, key: str, label: str) -> dict[str, str]:
    """A member period's names, made when a finding reads them (:meth:`Fact.explained`): the
    most numerous facts of a dossier, and the fewest of them break a rule."""
    return {"body_name": body_name, "subject": household or f"{key} {label}", "period": label,
            "person": person, "person_name": name, "category": category,
            "household": household or "-"}


_Dated = list[tuple[Labelled, dict[str, date]]]
"""Calendar periods, each with its facts' ``dates``."""


def _held_at_both_ends(spans: list[Span], periods: _Dated) -> _Dated:
    """The ``periods`` whose first and last days each lie in one of ``spans``; for the usual
    seat, with one span, that span holds the whole period.

    >>> year = Window(date(2022, 1, 1), date(2022, 12, 31))
    >>> quarters = [(q, {}) for q in calendar("quarter", year)]
    >>> [q.label for q, _ in _held_at_both_ends([(date(2022, 1, 1), date(2022, 7, 31))], quarters)]
    ['2022-Q1', '2022-Q2']
    """
    if len(spans) == 1:
        (first, last), = spans
        return [p for p in periods if first <= p[0].period.start and p[0].period.end <= last]
    return [p for p in periods
            if covers(spans, p[0].period.start) and covers(spans, p[0].period.end)]


def _entry_days(entries: list[MemberRecord], kinds: dict[MemberRecordKind, str],
                unit: str | None = None) -> dict[tuple[str, str | None], list[date]]:
    """The days of a member's entries of ``kinds`` (each kind with its category's text, looked
    up without reading the kind's ``value`` for every entry), sorted, by category and, for a
    household contact, household. A feedback form sent to a unit other than the member's
    ``unit`` (the seat's) is none (向在职党员所在单位进行反馈, SQ-SIFANG:340)."""
    days: dict[tuple[str, str | None], list[date]] = {}
    for entry in entries:
        category = kinds.get(entry.kind)
        if (category == _FEEDBACK and unit is not None and entry.unit is not None
                and entry.unit != unit):
            continue
        if category is not None:
            household = entry.household if category == _PER_HOUSEHOLD else None
            days.setdefault((category, household), []).append(entry.date)
    for listed in days.values():
        listed.sort()
    return days


def entry_facts(dossier: Dossier, window: Window, as_of: date | None = None
                ) -> Iterator[Fact]:
    """PO-STATION-FEEDBACK (SQ-SIFANG:335, 将活动情况及时向党员所在单位党组织反馈) and PO-LINK-CONTACT
    (:329, 并及时向党组织反馈联户帮扶情况): for each activity and each household contact in the
    window, the days to the first follow-up on the member (the feedback form, the report back)
    dated on or after it (-1 for none; one dated after ``as_of`` is none yet)."""
    follow_ups: dict[tuple[str, str, MemberRecordKind], list[date]] = {}
    followed: list[tuple[Located[MemberRecord], MemberRecord, MemberRecordKind,
                         MemberRecordKind, date]] = []
    since, until = window.start, window.end
    for located in dossier.member_records:  # each field read once: a record's reads are slow
        entry = located.record
        kind, day = entry.kind, entry.date
        if kind in _FOLLOW_UP_KINDS and (as_of is None or day <= as_of):  # it has happened
            follow_ups.setdefault((entry.body, entry.person, kind), []).append(day)
        follow_up = _FOLLOW_UPS.get(kind)
        if follow_up is not None and since <= day <= until:
            followed.append((located, entry, kind, follow_up, day))
    for days in follow_ups.values():
        days.sort()
    jurisdiction = dossier.jurisdiction
    names = dossier.roster_names()
    bodies: dict[str, tuple[str, str, str]] = {}
    for located, record, kind, follow_up, day in followed:
        body_id, person, record_id = record.body, record.person, record.id
        about = bodies.get(body_id)
        if about is None:
            body = dossier.bodies[body_id].record
            about = bodies[body_id] = (body.id, body.kind.value, body.name)
        later = follow_ups.get((body_id, person, follow_up), ())
        at = bisect_left(later, day)
        first = later[at] if at < len(later) else None
        dates: dict[str, Any] = {"activity": day}
        if first is not None:
            dates["feedback"] = first
        yield Fact("member_entry", RecordRef(record_id, "member_record", located.where()),
                   day, jurisdiction,
                   {"body": about[0], "body_kind": about[1], "person": person,
                    "kind": _FOLLOWED_TEXT[kind], "household": record.household or "",
                    "followed_days": (first - day).days if first is not None else -1,
                    "days_run": (until - day).days},
                   dates, {}, partial(_entry_names, names, about[2], record_id, person))


def _entry_names(people: Mapping[str, str], body_name: str, record_id: str, person: str
                 ) -> dict[str, str]:
    """An entry's names, made when a finding reads them (:meth:`Fact.explained`); a message
    names the entry by its day and a household contact by its ``household`` too, not by its
    id (the ``subject``, for a program)."""
    return {"body_name": body_name, "subject": record_id, "person": person,
            "person_name": people.get(person, "")}


