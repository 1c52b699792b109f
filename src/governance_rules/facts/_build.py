"""Derive the facts of a resolved dossier: counts, day spans, who signed, which tier …"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property, lru_cache, partial
from typing import cast

from dateutil.relativedelta import relativedelta

from .._words import day_name, yuan
from ..models import (
    AgendaItem,
    ApproverRole,
    Audit,
    AuditKind,
    Body,
    BodyKind,
    DecisionRef,
    Duty,
    Expense,
    Matter,
    Meeting,
    MeetingKind,
    Motion,
    Outcome,
    Proposal,
    Recall,
    Role,
    Seat,
    SeatOrigin,
    SignatureRole,
    Term,
    Voucher,
)
from ..models.body import HeldSeat
from ..records._resolve_work import work_days
from ..records.dossier import Dossier, Located
from ._archives import archive_facts
from ._community_work import committee_terms, community_work_facts
from ._finance import WORKER_SEATS, Books, finance_facts
from ._governance import governance_facts, village_facts
from ._labels import label, seat_label
from ._matters import matter_facts
from ._openness import supervisor_facts
from ._party import PartyBooks
from ._periods import Plans, period_facts
from ._records import cluster_facts, proposal_counts, record_facts, roster_facts
from ._seats import (
    RC_MEMBERS,
    ROLE_VALUES,
    PeopleNamed,
    _who_zh,
    consent_seated,
    general_elections,
    held_role,
    seat_check,
    seat_note_zh,
    seated_among,
    served_since,
)
from ._seats import who as _who
from ._station import entry_facts, member_period_facts
from ._township import (
    ELECTED_POSTS,
    NO_DEPUTY,
    NO_VACANCY,
    NOT_PRESIDIUM,
    deputy_credentials,
    post_vacancy,
    presidium_chair,
    vacancy_names,
)
from ._window import Window, happened
from .schema import Fact, RecordRef, Wanted

_NONE_DAYS = 999_999
"""Days to a handover audit that does not exist: more than any allowance."""
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class FactOptions:
    """Settings of the analysis facts (FIN-SPLITTING): the window in days and the grouping key."""

    split_window_days: int = 30
    split_key: str = "payee"


def build_facts(dossier: Dossier, as_of: date | None = None, window: Window | None = None,
                options: FactOptions | None = None, wanted: Wanted | None = None, *,
                lazy_names: bool = False, unread: set[tuple[str, str, str]] | None = None,
                plans: Plans | None = None) -> list[Fact]:
    """Every fact of ``dossier``; records dated after ``as_of`` have not happened yet.

    ``window`` bounds the periods that cadence rules judge and the day rosters are read on;
    by default it runs from the first to the last dated record (or ``as_of``). With
    ``wanted``, what no rule reads is left out: the acts of members on a body no act rule is
    about (their record is the meeting's), the details of a meeting no meeting rule selects
    (its fact keeps the record and the guarded values), and the calendar periods of a body no
    cadence rule judges (a month of a committee's reviews when only years are judged: not a
    record checked).
    With ``lazy_names``, names only a finding reads are made when :meth:`Fact.explained` asks
    (a checker does, for the few facts that break a rule). With ``unread``, a record whose
    fact no rule may select (a meeting no meeting rule selects, without motions) gives no fact:
    its (file, type, id) is added to ``unread`` instead (a checker counts it as a record
    checked, as it would count its fact's). ``plans``: the calendar periods judged for each
    kind of body, made with this ``wanted`` over this ``window``, kept by the caller for the
    next dossier with both (:func:`~governance_rules.facts._periods.period_facts`).
    """
    facts = list(iter_facts(dossier, as_of, window, options, wanted, unread=unread, plans=plans))
    if not lazy_names:
        for fact in facts:
            fact.explained()
    return facts


def iter_facts(dossier: Dossier, as_of: date | None = None, window: Window | None = None,
               options: FactOptions | None = None, wanted: Wanted | None = None, *,
               unread: set[tuple[str, str, str]] | None = None,
               plans: Plans | None = None) -> Iterator[Fact]:
    """:func:`build_facts` one fact at a time, the names only a finding reads left to
    :meth:`Fact.explained`: a checker judges a batch of them and drops it before it builds the
    next, so that a dossier's facts are never all held at once (a community's year of them
    was a fifth of its check's peak memory).
    ``unread`` is complete once the facts are.

    >>> from governance_rules.records import dossier_from_data
    >>> dossier = dossier_from_data({"c.yaml": {"community": {
    ...     "id": "c", "name": "c", "jurisdiction": ["cn"], "households": 900}}})
    >>> facts = iter_facts(dossier)
    >>> next(facts).type  # the rest are not made yet
    'community'
    """
    dossier.forget_indexes()  # the caller may have changed records since they were indexed
    builder = _FactBuilder(dossier, as_of, window or record_window(dossier, as_of), wanted,
                           unread, plans)
    people = dossier.roster_names()
    for fact in builder.facts(options or FactOptions()):
        fact.people = people
        yield fact


def record_window(dossier: Dossier, as_of: date | None = None) -> Window:
    """The community's ``records_cover``, else from the earliest to the latest day any record
    of ``dossier`` is dated; capped at ``as_of``."""
    cover = dossier.community.record.records_cover if dossier.community else None
    if cover is not None:
        end = cover.to if as_of is None else min(cover.to, as_of)
        return Window(cover.from_, max(end, cover.from_))
    days = [d for d in _record_days(dossier) if as_of is None or d <= as_of]
    # a body set up after the last record is one more: the window reaches it (not one set up
    # before the first, which would reach back to years nobody kept records of)
    set_up = [b.record.established for b in dossier.bodies.values()
              if b.record.established is not None and (as_of is None or b.record.established <= as_of)]
    if days and set_up and max(set_up) > max(days):
        days.append(max(set_up))
    if not days:
        starts = [t.start for b in dossier.bodies.values() for s in b.record.seats for t in s.terms
                  if as_of is None or t.start <= as_of]
        last = max(starts, default=as_of or date(1970, 1, 1))
        return Window(last, last)
    return Window(min(days), max(days))


def _record_days(dossier: Dossier) -> Iterator[date]:
    for m in dossier.meetings:
        yield m.record.date
    for e in dossier.expenses:
        yield e.record.paid_on
    for collection in (dossier.hearings, dossier.disclosures, dossier.audits, dossier.proposals,
                       dossier.reviews, dossier.assessments, dossier.archives, dossier.sessions,
                       dossier.member_records, dossier.party_matters,
                       dossier.work_points_list, dossier.suggestions,
                       dossier.credentials_reviews,
                       dossier.rectifications, dossier.year_end_filings, dossier.retentions,
                       dossier.archive_handovers):
        for located in collection:
            yield located.record.date
    for r in dossier.reports:
        yield r.record.submitted_on
    yield from (day for day, _, _ in work_days(dossier))


def _decided_by(dossier: Dossier, decision: DecisionRef, body_id: str) -> int:
    """1 where ``decision``'s meeting is one of the body ``body_id``'s own, else 0."""
    found = dossier.meeting(decision.meeting)
    return 1 if found is not None and found.record.body == body_id else 0


def _on_days(start: date, end: date | None, first: date | None, last: date | None) -> bool:
    """Whether a term from ``start`` to ``end`` (open: ``None``) has a day from ``first`` to
    ``last`` (:attr:`_FactBuilder._term_bounds`; ``None``: unbounded).

    >>> _on_days(date(2015, 4, 10), date(2018, 4, 9), date(2022, 1, 1), None)
    False
    >>> _on_days(date(2021, 4, 10), None, date(2022, 1, 1), date(2022, 6, 30))
    True
    """
    return (last is None or start <= last) and (first is None or end is None or end >= first)


@lru_cache(maxsize=65_536)
def _span(start: date, end: date) -> tuple[int, int, int]:
    """Whole (years, months, days) from ``start`` to ``end`` (cached: a dossier asks for the
    same few term starts and meeting days thousands of times). A start on 29 February has its
    anniversary on 1 March in a common year, as a person born that day turns a year older
    (:func:`~._community_work.age_on`): a three-year term from 29 February 2020 may end on
    1 March 2023.

    >>> _span(date(2021, 12, 25), date(2024, 12, 26))
    (3, 0, 1)
    >>> _span(date(2020, 2, 29), date(2023, 3, 1)), _span(date(2020, 2, 29), date(2023, 3, 2))
    ((3, 0, 0), (3, 0, 1))
    >>> _span(date(2020, 2, 29), date(2023, 2, 28)), _span(date(2020, 2, 29), date(2024, 2, 29))
    ((2, 11, 27), (4, 0, 0))
    """
    if end < start:
        delta = relativedelta(end, start)
        return delta.years, delta.months, delta.days
    years = end.year - start.year - ((end.month, end.day) < (start.month, start.day))
    try:
        anniversary = start.replace(year=start.year + years)
    except ValueError:  # 29 February in a common year
        anniversary = date(start.year + years, 3, 1)
    delta = relativedelta(end, anniversary)
    return years, delta.months, delta.days


@dataclass(slots=True)
class _BodyView:
    """What every meeting, motion and act fact of a body reads of it, read once a build: its
    id, kind and name, its seats by person (:meth:`Body.held_seats`) and its terms' sorted
    starts and ends (the seats held on a day, as :meth:`Body.seated_count_on` counts them)."""

    body: Body
    id: str
    kind: str
    name: str
    seats: dict[str, tuple[HeldSeat, ...]]
    starts: list[date]
    ends: list[date]
    acts: bool | None = None
    """Whether some act rule may read the acts of the body's members (asked once)."""
    general: frozenset[date] | None = None
    """A residents' committee's general elections, where its terms (届) begin."""

    @classmethod
    def of(cls, body: Body) -> _BodyView:
        seats = body.held_seats()
        terms = [term for held in seats.values() for seat in held for term in seat.terms]
        return cls(body, body.id, body.kind.value, body.name, seats,
                   sorted([start for start, _, _ in terms]),
                   sorted([end for _, end, _ in terms if end is not None]),
                   general=frozenset(start for start, _ in committee_terms(body))
                   if body.kind is BodyKind.RESIDENTS_COMMITTEE else None)

    def seated_on(self, day: date) -> int:
        """How many seats are held on ``day``."""
        return bisect_right(self.starts, day) - bisect_left(self.ends, day)

    def present_on(self, people: Sequence[str], day: date) -> int:
        """How many of ``people`` hold a seat on the body on ``day``: those a quorum counts
        (someone whose term has ended is present as nobody's representative)."""
        return seated_among(self.seats, people, day)


class _FactBuilder:
    def __init__(self, dossier: Dossier, as_of: date | None, window: Window,
                 wanted: Wanted | None = None,
                 unread: set[tuple[str, str, str]] | None = None,
                 plans: Plans | None = None) -> None:
        self.dossier = dossier
        self.wanted: Wanted = wanted or (lambda fact_type, values: True)
        self.as_of = as_of
        self.window = window
        self.jurisdiction = dossier.jurisdiction
        self._holders: dict[tuple[BodyKind, Role, date], str | None] = {}
        self._views: dict[str, _BodyView] = {}
        self._meetings_wanted: dict[tuple[str, MeetingKind, bool], bool] = {}
        """Whether some meeting rule may select a meeting, by body, kind and whether it was
        an emergency handling."""
        self._books = PartyBooks(dossier, as_of)
        self.books = Books(dossier)
        self.unread = unread
        """Where the records that give no fact go (:func:`build_facts`), if anywhere."""
        self.plans = plans

    def _role_holder(self, kind: BodyKind, role: Role, day: date) -> str | None:
        key = (kind, role, day)
        if key not in self._holders:
            self._holders[key] = self.dossier.role_holder(kind, role, day)
        return self._holders[key]

    @cached_property
    def reach(self) -> date:
        """The last day time is known to have run to: the check's ``as_of``, else the latest
        day a record is dated (records may run past the window, as a December report filed in
        January does); never before the window's end. What is due after its period is judged
        against it."""
        if self.as_of is not None:
            return max(self.as_of, self.window.end)
        return max(self.window.end, max(_record_days(self.dossier), default=self.window.end))

    def _happened(self, day: date) -> bool:
        return happened(day, self.as_of)

    @cached_property
    def _term_bounds(self) -> tuple[date | None, date | None]:
        """The day a term must reach, and the day it must start by, to be judged: the window's
        ends where they were asked for (``--from``/``--to``) or declared (``records_cover``), a
        term none of whose days is checked being no seat held on them; an end the window only
        takes from the records' first or last day does not bound the roster (a member
        by-elected after the last meeting recorded is judged), save ``as_of`` (a term starting
        after it has not happened yet)."""
        window, community = self.window, self.dossier.community
        if community is not None and community.record.records_cover is not None:
            return window.start, window.end
        found = record_window(self.dossier, self.as_of)
        return (None if window.start == found.start else window.start,
                self.as_of if window.end == found.end else window.end)

    def facts(self, options: FactOptions) -> Iterator[Fact]:
        yield from roster_facts(self.dossier, self.window.end, self.window, self.wanted)
        yield from period_facts(self.dossier, self.window, self.wanted, self.plans,
                                self.reach, self.as_of)
        yield from member_period_facts(self.dossier, self.window)
        yield from entry_facts(self.dossier, self.window, self.as_of)
        yield from matter_facts(self.dossier, self.window, self.as_of)
        yield from record_facts(self.dossier, self.window, self.as_of)
        yield from governance_facts(self.dossier, self.window, self.as_of, self.reach)
        yield from village_facts(self.dossier, self.window)
        yield from finance_facts(self.dossier, self.window)
        yield from supervisor_facts(self.dossier, self.window)
        yield from archive_facts(self.dossier, self.window, self.as_of)
        yield from cluster_facts(self.dossier, self.window, options.split_window_days,
                                 options.split_key)
        yield from community_work_facts(self.dossier, self.window, self.as_of)
        # a meeting (its motions and its members' acts) and an expense are judged when dated
        # on a day of the window, as a hearing or a report is (the window ends by ``as_of``:
        # what is dated after it has not happened); one outside it is no record checked
        first, last = self.window.start, self.window.end  # read once, compared for each
        meeting_facts: list[Fact] = []  # one meeting's, given on at once (most give none)
        for meeting in self.dossier.meetings:
            if first <= meeting.record.date <= last:
                self._meeting(meeting, meeting_facts)
                if meeting_facts:
                    yield from meeting_facts
                    meeting_facts.clear()
        for expense in self.dossier.expenses:
            if first <= expense.record.paid_on <= last:
                yield self._expense(expense)
        for located_body in self.dossier.bodies.values():
            yield from self._terms(located_body)
        yield from self._replacements()

    def _meeting(self, located: Located[Meeting], out: list[Fact]) -> None:
        """Add the facts of a meeting, its motions and its members' acts to ``out`` (most
        meetings give none: a list, not a generator made for each)."""
        meeting = located.record
        body_id, meeting_kind, emergency = meeting.body, meeting.kind, meeting.emergency
        view = self._views.get(body_id) or self._body_view(body_id)
        may = self._meetings_wanted.get((view.id, meeting_kind, emergency))
        if may is None:
            may = self._may_want_meeting(view, meeting_kind, emergency)
        meeting_id, motions = meeting.id, meeting.motions
        if not (may or motions):  # no rule reads its attendance: the record and guarded values
            if self.unread is not None:
                self.unread.add((located.file, "meeting", meeting_id))
            else:
                kind, handling = meeting_kind.value, _HANDLING[emergency]
                out.append(Fact("meeting", RecordRef(meeting_id, "meeting", located.where()),
                                meeting.date, self.jurisdiction,
                                {"body": view.id, "body_kind": view.kind, "meeting_kind": kind,
                                 "handling": handling}))
        else:
            day, kind, handling = meeting.date, meeting_kind.value, _HANDLING[emergency]
            ref = RecordRef(meeting_id, "meeting", located.where())
            seated = view.seated_on(day)
            common: dict[str, int | str] = {
                "body": view.id, "body_kind": view.kind, "meeting_kind": kind,
                "present": view.present_on(meeting.present, day), "seated": seated,
                "handling": handling,
            }
            # not asked again with ``present`` and ``seated``: no rule's guard reads them, and
            # a fact no rule selects gives no case, whatever values it carries
            if may:
                out.append(self._meeting_fact(located, view, day, common, seated, ref))
            else:
                out.append(Fact("meeting", ref, day, self.jurisdiction, common))
            for i, motion in enumerate(motions):
                votes, named = motion.votes, motion.consented
                # a consent counts from a member seated that day (as the present do)
                consented = (view.present_on(named, day) if named is not None
                             else votes.yes if votes else 0)
                values: dict[str, int | str] = {
                    **common, "outcome": motion.outcome.value, "matter": motion.matter.value,
                    "yes": consented,  # the votes for, of those seated where names are given
                    "no": votes.no if votes else 0,
                    "abstain": votes.abstain if votes else 0,
                    "votes_cast": votes.cast if votes else consented,
                    "consented": consented,
                }
                out.append(Fact("motion", RecordRef(f"{meeting_id}/{motion.id}", "motion",
                                                    located.where("motions", i)),
                                day, self.jurisdiction, values, {"meeting": day},
                                {"body_name": view.name, "title": motion.title,
                                 "subject": motion.title}))
        acts = view.acts
        if acts is None:
            acts = view.acts = self.wanted("act", {"body": view.id, "body_kind": view.kind})
        if acts:
            self._acts(located, meeting.date, view, out)

    def _body_view(self, body_id: str) -> _BodyView:
        view = self._views.get(body_id)
        if view is None:
            view = self._views[body_id] = _BodyView.of(
                self.dossier.bodies[body_id].record)
        return view

    def _may_want_meeting(self, view: _BodyView, kind: MeetingKind, emergency: bool) -> bool:
        """Whether some meeting rule may select a meeting of this body, kind and handling
        (an emergency one or not), whatever its attendance: asked once each (no rule selects
        most meetings), before the meeting's own values are made."""
        may = self._meetings_wanted.get((view.id, kind, emergency))  # the body's kind too
        if may is None:
            may = self._meetings_wanted[view.id, kind, emergency] = self.wanted(
                "meeting", {"body": view.id, "body_kind": view.kind, "meeting_kind": kind.value,
                            "handling": _HANDLING[emergency]})
        return may

    def _meeting_fact(self, located: Located[Meeting], view: _BodyView, day: date,
                      common: dict[str, int | str], seated: int, ref: RecordRef) -> Fact:
        """The fact of a meeting on ``day`` some meeting rule may select; ``common``: the
        values its motions' facts share, ``seated`` among them."""
        meeting = located.record
        body = view.body
        special, proposal_id = meeting.special_circumstances, meeting.proposal
        notice, reported = meeting.notice_date, meeting.reported_on
        values = {**common, "special_circumstances": 0 if special is None else 1}
        proposal = self._proposal(proposal_id)
        self._meeting_extras(meeting, view, day, notice, reported, proposal, values)
        counts, note = (self._no_proposal if proposal is None
                        else proposal_counts(self.dossier, proposal))
        values |= counts
        names = {"body_name": view.name, "subject": ref.id}
        self._books.meeting(meeting, body, values, names, view.seats, seated)
        if special:
            names["special_circumstances"] = special
        if proposal_id is not None:  # RA-ADHOC (b): the representatives' denominator
            names["representatives"] = note
        if proposal is not None:
            names["proposal_day"] = proposal.date.isoformat()
        dates = {"meeting": day}
        if notice:
            dates["notice"] = notice
        if reported:
            dates["reported"] = reported
        return Fact("meeting", ref, day, self.jurisdiction, values, dates, names,
                    partial(self._later_names, meeting, body))

    @cached_property
    def _no_proposal(self) -> tuple[dict[str, int], str]:
        """:func:`proposal_counts` of no proposal: the same for every meeting (read only)."""
        return proposal_counts(self.dossier, None)

    def _meeting_extras(self, meeting: Meeting, view: _BodyView, day: date, notice: date | None,
                        reported: date | None, proposal: Proposal | None,
                        values: dict[str, int | str]) -> None:
        """Add to ``values`` (holding the meeting's kind and handling) the meeting fact's
        fields on its chair, convener, notice and report; the held seats only as yes or no
        (the sentences naming who held them are the finding's, :meth:`_chair_names`)."""
        chair, convener_id, convened_by = meeting.chair, meeting.convener, meeting.convened_by
        convener = self._body_view(convened_by) if convened_by in self.dossier.bodies else None
        seats = view.seats
        chair_role = held_role(seats, chair, day)
        values["notice_days"] = (day - notice).days if notice is not None else -1
        values["report_days"] = (day - reported).days if reported is not None else -1
        values["days_run"] = (self.window.end - day).days  # what follows it may not be due yet
        values["convener_kind"] = convener.kind if convener else ""
        # RA-CONVENER: a sitting that elects (an election on its agenda or an election motion),
        # the only one the election committee convenes (换届选举时, SQ-SIFANG:176, :448)
        # (a field's 0 or 1 by a conditional, not ``int()``: a call costs several times as much)
        values["election_sitting"] = 1 if (
            _ELECTION_ITEM in meeting.agenda
            or (meeting.motions and any(m.matter is _RC_ELECTION for m in meeting.motions))
        ) else 0
        values["chair_role"] = _role_text(chair, chair_role)
        values["convener_role"] = _role_text(convener_id, held_role(seats, convener_id, day))
        values["chair_recorded"] = 0 if chair is None else 1
        values["convener_is_chair"] = 1 if chair is not None and convener_id == chair else 0
        # RA-CONVENER: the chair sits on the convening body that day; on the residents'
        # committee as a member (a hired worker on its roster is none, docs/record-format.md)
        chair_there = None
        if convener is not None:
            chair_there = held_role(convener.seats, chair, day)
            if convener.kind == _RESIDENTS_COMMITTEE.value and chair_there not in RC_MEMBERS:
                chair_there = None
        values["chair_on_convener"] = 0 if chair_there is None else 1
        # PO-COORDINATION: whoever convenes for the party (general) branch holds a seat on
        # the branch's committee on the date (SQ-SIFANG:173); as :func:`seat_check` decides
        values["convener_recorded"] = 0 if convener_id is None else 1
        values["convener_on_party"] = 1 if convener_id is not None and self.dossier.holds_seat(
            convener_id, _PARTY_COMMITTEE, _ANY_SEAT, day) else 0
        values["has_proposal"] = 0 if proposal is None else 1
        # RA-ADHOC (b): a sitting rests on a proposal made before it, not after
        values["proposal_after"] = 1 if proposal is not None and proposal.date > day else 0
        values["chair_group_leader"] = 1 if (
            values["meeting_kind"] == _PARTY_GROUP_MEETING
            and _leads_group(self.dossier, view, chair, chair_role, day)) else 0
        if view.kind == _PRESIDIUM_KIND:
            values |= presidium_chair(self.dossier, view.body, chair, convener_id, day)[0]
        else:
            values |= NOT_PRESIDIUM
        values |= (self._emergency_report(meeting) if values["handling"] == _EMERGENCY
                   else _NO_EMERGENCY)

    def _emergency_report(self, meeting: Meeting) -> dict[str, int]:
        """PO-EMERGENCY (SQ-SIFANG:305): is there a next committee meeting of the body after an
        emergency handling (a regular or ad hoc meeting on a later day, that has happened), and
        do its minutes record the report on it."""
        if not meeting.emergency:
            return _NO_EMERGENCY
        days, held = self._committee_meetings.get(meeting.body, ([], []))
        at = bisect_right(days, meeting.date)  # the earliest later day; of one day, the first
        nxt = held[at] if at < len(held) else None
        # records give days, not hours: another meeting of the same day that records the report
        # on it was held after it (the record says so)
        same_day = any(meeting.id in m.emergency_reports
                       for m in held[bisect_left(days, meeting.date):at] if m is not meeting)
        return {"next_meeting": int(nxt is not None or same_day),
                "reported_next": int(same_day or (nxt is not None
                                                  and meeting.id in nxt.emergency_reports))}

    def _proposal(self, proposal_id: str | None) -> Proposal | None:
        """The proposal of that id (the first listed)."""
        return self._proposals.get(proposal_id) if proposal_id is not None else None

    @cached_property
    def _proposals(self) -> dict[str, Proposal]:
        proposals: dict[str, Proposal] = {}
        for located in self.dossier.proposals:
            proposals.setdefault(located.record.id, located.record)
        return proposals

    @cached_property
    def _committee_meetings(self) -> dict[str, tuple[list[date], list[Meeting]]]:
        """Each body's regular and ad hoc meetings that have happened, by day (of one day, in
        file order), and their days: made once (each emergency handling asked every meeting)."""
        by_body: dict[str, list[tuple[date, int, Meeting]]] = {}
        for i, located in enumerate(self.dossier.meetings):
            m = located.record
            if m.kind in (MeetingKind.REGULAR, MeetingKind.AD_HOC) and self._happened(m.date):
                by_body.setdefault(m.body, []).append((m.date, i, m))
        out = {}
        for body_id, held in by_body.items():
            held.sort(key=lambda item: item[:2])
            out[body_id] = ([d for d, _, _ in held], [m for _, _, m in held])
        return out

    def _later_names(self, meeting: Meeting, body: Body) -> dict[str, str]:
        """A meeting's names that take work to make: who chaired and convened, who was absent
        and asked leave (each a pass over the roster)."""
        return {**self._chair_names(meeting, body), **self._books.leave_names(meeting, body)}

    def _chair_names(self, meeting: Meeting, body: Body) -> dict[str, str]:
        """Who chaired and convened, the seat each held that day, and who held the seats the
        sources name for the chair (the evidence names them)."""
        day = meeting.date
        out: dict[str, str] = {}
        held_seats = body.held_seats()  # plain copies the facts made: seat_of's index is not
        named = PeopleNamed(self.dossier.roster_names())
        for what, person in (("chair", meeting.chair), ("convener", meeting.convener)):
            if person is None:
                continue
            seats = held_seats.get(person)  # the first is seat_of's
            role = seats[0].role_on(day) if seats else None
            who = named[person]
            if role is not None:
                out[what] = f"{who}, {seat_label(role, body.kind, 'en')} of {body.name} on {day}"
                out[f"{what}_zh"] = f"{who}（时任{body.name}{seat_label(role, body.kind, 'zh')}）"
            else:
                out[what] = f"{who}, holding no seat on {body.name} on {day}"
                out[f"{what}_zh"] = f"{who}（当日未在{body.name}任职）"
        if body.kind is BodyKind.COORDINATION_GROUP and meeting.convener is not None:
            out["convener_party_seat"] = seat_check(
                self.dossier, meeting.convener, BodyKind.PARTY_COMMITTEE, _ANY_SEAT, day,
                _BRANCH_SEAT)[1]
            seated = "、".join(_who_zh(self.dossier, s.person) for s in self.dossier.seat_holders(
                BodyKind.PARTY_COMMITTEE, _ANY_SEAT, day))
            out["convener_party_seat_zh"] = (
                f"召集人为{_who_zh(self.dossier, meeting.convener)}，"
                + (f"当日在社区党（总）支委员会任职的有{seated}" if seated
                   else "当日社区党（总）支委员会无人任职"))
        if meeting.kind is MeetingKind.PARTY_GROUP:
            out["group_leader_seat"] = _group_leader(self.dossier, meeting, body)[1]
            out["group_leader_seat_zh"] = _group_leader_zh(self.dossier, meeting, body)
        convening = self.dossier.bodies.get(meeting.convened_by or "")
        if convening is not None:
            out["convening_body"] = convening.record.name
        if convening is not None and meeting.chair is not None:
            on = convening.record
            held = ("no seat" if not on.holds(meeting.chair, None, day)
                    else "a seat" if on.kind is not _RESIDENTS_COMMITTEE
                    or on.holds(meeting.chair, RC_MEMBERS, day)
                    else "only a hired worker's seat, no member's,")
            out["chair_on_convening_body"] = (
                f"{named[meeting.chair]} held {held} on {on.name} on {day}")
        out.update(presidium_chair(self.dossier, body, meeting.chair, meeting.convener, day)[1])
        roles = _CHAIR_ROLES.get(body.kind)
        if roles:
            holders = [(role, [named[s.person] for s in body.holders_of(role, day)])
                       for role in roles]
            out["seat_holders"] = "; ".join(
                f"{label(role, 'en')} that day: {', '.join(people)}" if people
                else f"no {label(role, 'en')} that day" for role, people in holders)
            out["seat_holders_zh"] = "；".join(
                f"当日{label(role, 'zh')}为{'、'.join(people)}" if people
                else f"当日无人任{label(role, 'zh')}" for role, people in holders)
        return out

    def _acts(self, located: Located[Meeting], day: date, view: _BodyView,
              out: list[Fact]) -> None:
        """Add to ``out`` the acts of the members present at the meeting on ``day`` (the
        ``i``-th present, the ``i``-th act), each in the term of their (first) seat that had
        last started by the day; what every act of the meeting shares is read once."""
        meeting_id, act_day, jurisdiction = located.record.id, day.toordinal(), self.jurisdiction
        body_id, body_kind, body_name, seats = view.id, view.kind, view.name, view.seats
        general = view.general
        # RA-TERM (与社区居委会任期一致, SQ-SIFANG:147, :434): a representative's open term ends
        # with the residents' committee's term in force at its start
        with_rc = body_kind == _ASSEMBLY_KIND
        for i, person in enumerate(located.record.present):
            held = seats.get(person)
            if not held:
                continue
            seat = held[0]
            term = seat.latest_start_by(day)
            if term is None:
                continue
            start, end, role = term
            if end is None and general is not None:
                start = served_since(seat.seat, start, general)
            years, months, days = _span(start, day)
            rc_end = 0
            if end is None:
                dates, has_end, term_end = {"meeting": day, "term_start": start}, 0, 0
                rc_day = self._rc_term_end(start) if with_rc else None
                if rc_day is not None:
                    dates["rc_term_end"], rc_end = rc_day, rc_day.toordinal()
            else:
                dates = {"meeting": day, "term_start": start, "term_end": end}
                has_end, term_end = 1, end.toordinal()
            out.append(Fact(
                "act", RecordRef(meeting_id, "meeting", located.where("present", i)), day,
                jurisdiction,
                {"body": body_id, "body_kind": body_kind, "person": person,
                 "term_role": ROLE_VALUES[role],  # a hired worker's seat has no term (RC-TERM)
                 "act_day": act_day, "has_end": has_end, "term_end": term_end,
                 "rc_term_end": rc_end,
                 "span_years": years, "span_months": months, "span_days": days},
                dates, {"person": person, "person_name": seat.name, "body_name": body_name},
            ))

    def _terms(self, located_body: Located[Body]) -> Iterator[Fact]:
        body = located_body.record
        body_id, body_kind = body.id, body.kind.value  # read once a body
        dossier = self.dossier
        jurisdiction = self.jurisdiction
        window = self.window
        first, last = self._term_bounds
        as_of = self.as_of
        township = body.kind in _TOWNSHIP_KINDS
        fund_posts = _FUND_POSTS.get(body.kind, ())
        general = ({start for start, _ in committee_terms(body)}
                   if body.kind is BodyKind.RESIDENTS_COMMITTEE else None)
        # the congress's general elections: a deputy's term that continues the seat's previous
        # one elects no deputy (TPC-CREDENTIALS-REVIEW)
        elections = (frozenset(general_elections([t for s in body.seats for t in s.terms]))
                     if body.kind is _TOWNSHIP_CONGRESS else frozenset())
        for i, seat in enumerate(body.seats):
            person, left = seat.person, seat.left_region_on
            seat_role = seat.role
            role = ROLE_VALUES[seat_role]
            # a field's 0 or 1 by a conditional, not ``int()``: a call costs ten times as much,
            # and a dossier has a fact for every term
            handled_funds = 1 if seat.handled_funds else 0
            resigned = _NO_RESIGNATION
            if seat.resignation is not None:  # most seats: no decision to look up
                resigned = _resignation(dossier, seat.resignation, left)
            for j, term in enumerate(seat.terms):
                start, end = term.start, term.end
                if not _on_days(start, end, first, last):
                    continue  # no day of it is checked
                served = start if general is None else served_since(seat, start, general)
                years, months, days = _span(served, end) if end else (0, 0, 0)
                decision = term.decision
                decision_kind, adopted, decided_on, meeting_kind, election = (
                    self._decision(decision) if decision is not None else _NO_DECISION)
                rc_end = self._rc_term_end(start)
                obtained_by = term.obtained_by
                dates = {"term_start": start}
                if served != start:  # the term it continues (a post taken mid-term)
                    dates["served_from"] = served
                if end:
                    dates["term_end"] = end
                if rc_end is not None:
                    dates["rc_term_end"] = rc_end
                if decided_on:
                    dates["decided"] = decided_on
                if left:
                    dates["left_region"] = left
                values: dict[str, int | str] = {
                    "body": body_id, "body_kind": body_kind, "person": person,
                    "role": role, "obtained_by": _ORIGIN_TEXT[obtained_by],
                    "has_end": 0 if end is None else 1, "span_years": years,
                    "span_months": months, "span_days": days,
                    "decision_body_kind": decision_kind, "decision_adopted": adopted,
                    "decision_meeting_kind": meeting_kind, "decision_election": election,
                    # RC-GROUP-LEADER: chosen by this body itself, not another of its kind
                    "decision_own_body": 0 if decision is None else _decided_by(
                        dossier, decision, body_id),
                    "decision_in_time": (1 if decided_on is not None and decided_on <= start
                                         else 0),
                    "rc_term_known": 0 if rc_end is None else 1,
                    "rc_end_gap": ((end - rc_end).days
                                   if rc_end is not None and end is not None else 0)}
                # FIN-HANDOVER (SQ-SIFANG:387): who kept the funds is the seat's flag, or the
                # cashier duty the roster gives it on the term's last day, on a director's,
                # deputy director's or worker's seat that term (a role is a seat)
                held_as = term.role or seat_role
                funds = 1 if held_as in fund_posts and (
                    handled_funds or (seat.duties and end is not None
                                      and seat.duty_on(_CASHIER, end))) else 0
                self._departure(values, person, left, start, end, funds, resigned)
                if township:
                    values.update(post_vacancy(dossier, body, seat, term, window.end, as_of))
                    values.update(deputy_credentials(dossier, body, seat, term, window, elections))
                else:
                    values["term_role"] = ROLE_VALUES[held_as]
                    values.update(_NOT_TOWNSHIP)
                yield Fact(
                    "term",
                    RecordRef(f"{body_id}/{person}", "term",
                              located_body.where("seats", i, "terms", j)),
                    start, jurisdiction, values, dates, {},
                    partial(_term_names, dossier, body, seat, term, rc_end, township, as_of),
                )

    def _rc_term_end(self, day: date) -> date | None:
        """RA-TERM (SQ-SIFANG:147, :434): the end of the residents' committee's term (届) in
        force on ``day``, a term as ``committee_terms`` reads it: a member's election to deputy
        director mid-term neither starts nor stretches one."""
        starts, latest = self._rc_ends
        at = bisect_right(starts, day)
        # the latest end of the terms started by ``day`` covers it if any of them does
        return latest[at - 1] if at and latest[at - 1] >= day else None

    @cached_property
    def _rc_ends(self) -> tuple[list[date], list[date]]:
        """The residents' committee's term starts in order, and the latest end of the terms
        started by each."""
        terms = sorted((start, end) for b in self.dossier.bodies_of_kind(
            BodyKind.RESIDENTS_COMMITTEE) for start, end in committee_terms(b) if end is not None)
        return [start for start, _ in terms], list(itertools.accumulate(
            (end for _, end in terms), max))

    def _departure(self, values: dict[str, int | str], person: str, left: date | None,
                   start: date, end: date | None, handled_funds: int,
                   resignation: tuple[int, int, int]) -> None:
        """Add to a term's ``values`` how it (from ``start`` to ``end`` on a seat of ``person``,
        who left the region on ``left``) ended: was it over by the window's end, was a handover
        audit held, did the holder leave the region and keep acting; the seat's
        ``handled_funds`` (its flag, or a cashier duty on the term's last day) and
        ``resignation`` (:func:`_resignation`), as 0 or 1. Written into ``values``, each step only
        for a term it concerns
        (most terms run on, and most holders never left the region)."""
        window_end = self.window.end
        ended = 0
        before, after = _NONE_DAYS, _NONE_DAYS
        if end is not None:
            # 离岗 (SQ-SIFANG:387): the person holds no fund-keeping seat the day after the last
            # day; a re-election (a next term from that day, on this body or another) is not
            # leaving.
            if end < window_end and not self._keeps_funds_on(person, end + _ONE_DAY):
                ended = 1
            # 离岗时 gives no number of days: the nearest handover audit on or before the last
            # day and after it, in days from the last day; the rule holds them to its two
            # parameters
            for audit_day in self._handover_audits.get(person, ()):
                gap = (audit_day - end).days
                if gap <= 0:
                    before = min(before, -gap)
                else:
                    after = min(after, gap)
        acts = left_in_term = acted_after = 0
        if left is not None and start <= left and (end is None or left <= end + _ONE_DAY):
            left_in_term = 1
            acted_after = int(end is None or end > left)
            acts = len(self._acts_after(person, left))
        values["ended"] = ended
        values["acts_after_leaving"] = acts
        values["handled_funds"] = handled_funds
        values["handover_audit"] = 1 if before < _NONE_DAYS or after < _NONE_DAYS else 0
        values["handover_days_before"] = before
        values["handover_days_after"] = after
        values["handover_audits_own"] = (len(self._own_handover_audits.get(person, ()))
                                         if ended else 0)
        values["days_to_window_end"] = (window_end - end).days if end is not None else 0
        values["left_region"] = left_in_term
        values["acted_after_leaving"] = acted_after
        (values["resignation_voted"], values["resignation_on_matter"],
         values["resignation_decided"]) = resignation

    def _acts_after(self, person: str, left: date) -> list[Meeting]:
        """TPC-DEPARTURE (a): meetings of the township congress, its presidium or its committees
        after the transfer date at which ``person`` was present or in the chair."""
        return [m for m in self._congress_acts.get(person, ())
                if m.date > left and self._happened(m.date)]

    @cached_property
    def _congress_acts(self) -> dict[str, list[Meeting]]:
        """Each person's meetings of the township congress, its presidium or its committees
        (present or in the chair), by day."""
        kinds = (BodyKind.TOWNSHIP_CONGRESS, BodyKind.PRESIDIUM, BodyKind.CREDENTIALS_COMMITTEE,
                 BodyKind.REPRESENTATIVE_GROUP)
        acts: dict[str, list[Meeting]] = {}
        for located in self.dossier.meetings:
            m = located.record
            if self.dossier.bodies[m.body].record.kind in kinds:
                for person in dict.fromkeys([*m.present, *([m.chair] if m.chair else [])]):
                    acts.setdefault(person, []).append(m)
        for held in acts.values():
            held.sort(key=lambda m: m.date)
        return acts

    def _keeps_funds_on(self, person: str, day: date) -> bool:
        """Whether ``person`` holds a seat that keeps the community's funds on ``day``: a
        director's, deputy director's or worker's (:data:`_FUND_POSTS`) that day."""
        return any((term := s.term_on(day)) is not None
                   and (term.role or s.role) in posts
                   and (s.handled_funds or s.duty_on(_CASHIER, day))
                   for s, posts in self._fund_seats.get(person, ()))

    @cached_property
    def _fund_seats(self) -> dict[str, list[tuple[Seat, tuple[Role, ...]]]]:
        """The seats that may keep funds (handled them, or carry a cashier duty) on a body with
        fund-keeping posts, with those posts, by person."""
        seats: dict[str, list[tuple[Seat, tuple[Role, ...]]]] = {}
        for located in self.dossier.bodies.values():
            posts = _FUND_POSTS.get(located.record.kind)
            if posts is None:
                continue
            for seat in located.record.seats:
                duties = seat.duties  # most seats carry none: no generator made for them
                if seat.handled_funds or (duties and any(d.duty is _CASHIER for d in duties)):
                    seats.setdefault(seat.person, []).append((seat, posts))
        return seats

    @cached_property
    def _handover_audits(self) -> dict[str | None, list[date]]:
        """The days of each person's handover audits by the street office or a department
        outside the community (接受街道办事处和有关部门的审计, SQ-SIFANG:387): one the
        community's own bodies made, or that names no auditor, is none, nor one dated after the
        day the check is as of, which has not happened (each ended term asked every audit)."""
        days: dict[str | None, list[date]] = {}
        for a in self.dossier.audits:
            if (a.record.kind is AuditKind.HANDOVER and self._happened(a.record.date)
                    and outside_auditor(self.dossier, a.record)):
                days.setdefault(a.record.person, []).append(a.record.date)
        return days

    @cached_property
    def _own_handover_audits(self) -> dict[str | None, list[Audit]]:
        """:func:`own_handover_audits`, made once a dossier (each ended term asks)."""
        return own_handover_audits(self.dossier, self.as_of)

    def _decision(self, ref: DecisionRef | None) -> tuple[str, int, date | None, str, int]:
        """Of the motion ``ref`` names (a term's decision): the kind of its body, whether it
        was adopted, the sitting's day and the kind of meeting (a party members' assembly, a
        party members' representative assembly …, PO-ELECTION, SQ-SIFANG:144) and whether it is
        an election (a motion on the election, or one of a sitting with an election on its
        agenda, RC-ELECTION); ``("", 0, None, "", 0)`` for none (:data:`_NO_DECISION`), and
        for one whose sitting has not happened by ``as_of`` (none on record yet)."""
        found = self.dossier.motion(ref.meeting, ref.motion) if ref is not None else None
        if found is None or not self._happened(found[0].date):
            return _NO_DECISION
        meeting, motion = found
        return (self.dossier.bodies[meeting.body].record.kind.value,
                int(motion.outcome is Outcome.ADOPTED), meeting.date, meeting.kind.value,
                int(motion.matter is Matter.RC_ELECTION or AgendaItem.ELECTION in meeting.agenda))

    def _seat_check(self, person: str, kind: BodyKind, roles: tuple[Role, ...], day: date,
                    seat: str) -> tuple[bool, str]:
        """Whether ``person`` held ``seat`` (a seat of ``roles`` on a body of ``kind``) on
        ``day`` by the roster, and a sentence naming who held it that day."""
        return seat_check(self.dossier, person, kind, roles, day, seat)

    def _expense(self, located: Located[Expense]) -> Fact:
        """An expense's fact: whether the seats that approved and signed it were held on the
        days by the roster, and its other fields; the sentences naming who held them are a
        finding's (:meth:`_expense_names`), made for the few expenses that break a rule."""
        expense = located.record
        dossier = self.dossier
        body = dossier.bodies[expense.body].record
        paid = expense.paid_on
        approved: dict[ApproverRole, list[date]] = {role: [] for role in _APPROVERS}
        for a in expense.approvals:  # one dated after the day checked is not given yet
            kind, roles, _ = _APPROVERS[a.role]
            if self._happened(a.date) and dossier.holds_seat(a.person, kind, roles, a.date):
                approved[a.role].append(a.date)
        director, street = (approved[_RC_DIRECTOR_APPROVAL], approved[_STREET_APPROVAL])
        decision = self._assembly_decision(expense, {})
        decision_day = decision[0].date if decision is not None else None
        signed: set[SignatureRole] = set()
        signers: set[str] = set()  # 三人以上: only the signatures that count make up the three
        for signature in expense.signatures:
            role, day = signature.role, expense.signed_on(signature)
            seat_of = _SIGNERS.get(role)  # the handler (经办人) is not a seat
            if day <= paid and (seat_of is None or dossier.holds_seat(
                    signature.person, seat_of[0], seat_of[1], day)):
                signed.add(role)
                signers.add(signature.person)
        rc_director = self._role_holder(_RESIDENTS_COMMITTEE, _DIRECTOR, paid)
        secretary = self._role_holder(_PARTY_COMMITTEE, _SECRETARY, paid)
        accountant, cashier = expense.accountant, expense.cashier
        accountants = self._duty_holders(_ACCOUNTANT, paid)
        cashiers = self._duty_holders(_CASHIER, paid)
        dates = {"paid_on": paid}
        for a in expense.approvals:
            if self._happened(a.date):
                dates.setdefault(f"approval_{a.role.value}", a.date)
        if decision_day is not None:
            dates["assembly_decision"] = decision_day
        return Fact(
            "expense", RecordRef(expense.id, "expense", located.where()), paid, self.jurisdiction,
            {"body": body.id, "body_kind": body.kind.value,
             "amount_fen": int(expense.amount * 100),
             "approved_rc_director": 1 if director else 0,
             "approved_rc_director_in_time": 1 if director and min(director) <= paid else 0,
             "approved_street_deputy": 1 if street else 0,
             "approved_street_deputy_in_time": 1 if street and min(street) <= paid else 0,
             "assembly_decision": 0 if decision is None else 1,
             "assembly_decision_in_time": (
                 1 if decision_day is not None and decision_day <= paid else 0),
             **self._sitting(decision),
             "filed": 1 if expense.filing is not None and self._happened(expense.filing.date) else 0,
             "signed_handler": 1 if _HANDLER_SIGNED in signed else 0,
             "signed_director": 1 if _DIRECTOR_SIGNED in signed else 0,
             "signed_party_secretary": 1 if _SECRETARY_SIGNED in signed else 0,
             "signed_deputy_director": 1 if _DEPUTY_SIGNED in signed else 0,
             "distinct_signers": len(signers),
             "informal_slip": 1 if expense.voucher is _INFORMAL_SLIP else 0,
             "director_is_secretary": (
                 1 if rc_director is not None and rc_director == secretary else 0),
             "accountant": accountant, "cashier": cashier,
             "director": rc_director or "",
             "accountant_seated": 1 if accountant in accountants else 0,
             "cashier_seated": 1 if cashier in cashiers else 0,
             "accountant_on_roster": ",".join(accountants),
             "cashier_on_roster": ",".join(cashiers),
             **self.books.values(expense)},
            dates, {}, partial(self._expense_names, expense, body))

    def _expense_names(self, expense: Expense, body: Body) -> dict[str, str]:
        """The expense's evidence: its amount, payee and purpose, and a sentence for each
        approval, signature and duty saying who held the seat on the day, by the roster."""
        paid = expense.paid_on
        notes: dict[str, list[str]] = {}
        not_by = [str(self.as_of)]  # what is dated after the day checked: not made by then
        for role, (kind, roles, seat) in _APPROVERS.items():
            for a in expense.approvals:
                if a.role is role and not self._happened(a.date):
                    notes[f"approval_{role.value}_not_by"] = not_by
                elif a.role is role:
                    notes.setdefault(f"approval_{role.value}", []).append(
                        self._seat_check(a.person, kind, roles, a.date, seat)[1])
                    notes.setdefault(f"approval_{role.value}_zh", []).append(seat_note_zh(
                        self.dossier, a.person, kind, roles, a.date, _APPROVER_SEATS_ZH[role]))
        self._assembly_decision(expense, notes)
        if expense.filing is not None and not self._happened(expense.filing.date):
            notes["filing_not_by"] = not_by
        for signature in expense.signatures:
            day = expense.signed_on(signature)
            seat_of = _SIGNERS.get(signature.role)
            if not self._happened(day):  # not signed yet by the day checked
                note = (f"{_who(self.dossier, signature.person)} had not signed by "
                        f"{self.as_of}, the day checked")
                note_zh = f"截至{self.as_of}（检查日）{_who_zh(self.dossier, signature.person)}尚未签字"
            elif seat_of is None:  # the handler (经办人) is not a seat
                note = f"{_who(self.dossier, signature.person)} signed as handler on {day}"
                note_zh = f"{_who_zh(self.dossier, signature.person)}于{day}作为经办人签字"
            else:
                kind, roles, seat = seat_of
                note = self._seat_check(signature.person, kind, roles, day, seat)[1]
                note_zh = seat_note_zh(self.dossier, signature.person, kind, roles, day,
                                       _SIGNER_SEATS_ZH[signature.role])
            if day > paid and self._happened(day):
                note = f"{note}, signed after the payment on {paid}"
                note_zh = f"{note_zh}，签字晚于{paid}的支付"
            notes.setdefault(f"signature_{signature.role.value}", []).append(note)
            notes.setdefault(f"signature_{signature.role.value}_zh", []).append(note_zh)
        for duty in (Duty.ACCOUNTANT, Duty.CASHIER):
            self._duty_notes(expense, duty, paid, notes)
        rc_director = self._role_holder(BodyKind.RESIDENTS_COMMITTEE, Role.DIRECTOR, paid)
        if rc_director is not None:
            notes["director_on_payment_day"] = [
                f"{_who(self.dossier, rc_director)} held the residents' committee director "
                f"seat on {paid}"]
        return {"amount": f"{expense.amount:.2f}", "payee": expense.payee,
                "purpose": expense.purpose, "subject": expense.id, "body_name": body.name,
                "paid_on": paid.isoformat(),
                "accountant_who": _who(self.dossier, expense.accountant),
                "cashier_who": _who(self.dossier, expense.cashier),
                **({"director_who": _who(self.dossier, rc_director)} if rc_director else {}),
                **{key: ("；" if key.endswith("_zh") else "; ").join(lines)
                   for key, lines in notes.items()},
                # FIN-SIGNATURES: what was signed in a role that does not count, and why
                **{f"void_{role.value}{lang}": (f"{mark}{sep.join(notes[key])}"
                                               if (key := f"signature_{role.value}{lang}") in notes
                                               else "")
                   for role in SignatureRole
                   for lang, mark, sep in (("", ": ", "; "), ("_zh", "：", "；"))}}

    def _assembly_decision(self, expense: Expense,
                           notes: dict[str, list[str]]) -> tuple[Meeting, Motion] | None:
        """The adopted assembly motion that decides ``expense`` (FIN-TIERS tier 3 (i),
        SQ-SIFANG:385): the motion the expense points at, else one that names the expense (by
        id, or by its purpose and payee: :meth:`Dossier.motions_on_expense`).
        It counts only if it names this expense (by id, or its purpose and payee) for no less
        than the amount paid; whether its sitting met RA-QUORUM and RA-MAJORITY is for the rule
        (``decision_*`` fields), as those shares are parameters. ``notes`` get which motion was
        tried and why it does not count, in English and Chinese (``assembly_decision``,
        ``assembly_decision_zh``; ``assembly_decision_tried`` where one was)."""
        candidates: list[tuple[Meeting, Motion]] = []
        ref = expense.assembly_decision
        if ref is not None:
            found = self.dossier.motion(ref.meeting, ref.motion)
            if found is None:
                notes["assembly_decision"] = [f"motion {ref.meeting}/{ref.motion} not found"]
                notes["assembly_decision_zh"] = [f"会议「{ref.meeting}」没有议题「{ref.motion}」"]
                return None
            candidates.append(found)
        else:
            candidates.extend(self.dossier.motions_on_expense(expense))
        reasons: list[tuple[str, str]] = []
        for meeting, motion in candidates:
            held_by = self.dossier.bodies[meeting.body].record
            day_en, day_zh = day_name(meeting.date, "en"), day_name(meeting.date, "zh")
            where = f'the motion "{motion.title}" at {held_by.name} on {day_en}'
            where_zh = f"{held_by.name}{day_zh}会议的「{motion.title}」"
            subject = motion.expense
            if not self._happened(meeting.date):  # not held yet by the day checked
                checked_on = cast(date, self.as_of)
                notes["assembly_decision_not_by"] = [checked_on.isoformat()]
                reasons.append((f"{where} is dated after {day_name(checked_on, 'en')}, the "
                                "day checked",
                                f"{where_zh}晚于检查日{day_name(checked_on, 'zh')}"))
                continue
            notes["assembly_decision_tried"] = ["1"]
            if held_by.kind is not BodyKind.MEMBER_REPRESENTATIVE_ASSEMBLY:
                reasons.append((f"{where} is not the member representative assembly's",
                                f"{where_zh}不是社区成员代表大会的决定"))
            elif motion.outcome is not Outcome.ADOPTED:
                reasons.append((f"{where} was not adopted", f"{where_zh}未获通过"))
            elif subject is None:
                reasons.append((f"{where} names no expense: another motion does not decide "
                                "this one",
                                f"{where_zh}未写明所决定的开支，不能代替对本项开支的决定"))
            elif not (subject.id == expense.id or (
                    subject.id is None and subject.purpose == expense.purpose
                    and subject.payee == expense.payee)):
                other = (f"expense {subject.id}" if subject.id is not None
                         else f'"{subject.purpose}" paid to "{subject.payee}"')
                other_zh = (f"开支「{subject.id}」" if subject.id is not None
                            else f"支付给「{subject.payee}」的「{subject.purpose}」")
                reasons.append((f"{where} decides another expense, {other}",
                                f"{where_zh}决定的是另一项开支：{other_zh}"))
            elif subject.amount is not None and subject.amount < expense.amount:
                reasons.append((
                    f"{where} allows {yuan(subject.amount, 'en', paid=True)}, less than the "
                    f"{yuan(expense.amount, 'en', paid=True)} paid",
                    f"{where_zh}只准许支出{yuan(subject.amount, 'zh', paid=True)}，"
                    f"少于实际支付的{yuan(expense.amount, 'zh', paid=True)}"))
            else:
                notes["assembly_decision"] = [f"{where} decides this expense"]
                notes["assembly_decision_zh"] = [f"{where_zh}决定了本项开支"]
                return meeting, motion
        notes["assembly_decision"] = ([en for en, _ in reasons]
                                      or ["no assembly motion names this expense"])
        notes["assembly_decision_zh"] = ([zh for _, zh in reasons]
                                         or ["没有社区成员代表大会的议题写明本项开支"])
        return None

    def _sitting(self, decision: tuple[Meeting, Motion] | None) -> dict[str, int]:
        """Present, seated and votes for at the sitting that took ``decision`` (0 for none)."""
        if decision is None:
            return {"decision_present": 0, "decision_seated": 0, "decision_yes": 0}
        meeting, motion = decision
        body = self.dossier.bodies[meeting.body].record
        return {"decision_present": len(meeting.present),
                "decision_seated": body.seated_count_on(meeting.date),
                "decision_yes": consent_seated(motion, body, meeting.date)}

    def _duty_holders(self, duty: Duty, day: date) -> list[str]:
        """Who holds ``duty`` on ``day`` by the roster (a seat held that day, with the duty
        then), sorted."""
        return sorted({person for person, first, last in self._duty_spans.get(duty, ())
                       if first <= day <= last})

    def _duty_notes(self, expense: Expense, duty: Duty, day: date,
                    notes: dict[str, list[str]]) -> None:
        """The sentences, in English and Chinese, on whether the person the expense names for
        ``duty`` held it on ``day``, and who did."""
        named = expense.accountant if duty is Duty.ACCOUNTANT else expense.cashier
        holders = self._duty_holders(duty, day)
        held = named in holders
        who = ", ".join(_who(self.dossier, p) for p in holders)
        notes[f"{duty.value}_note"] = [
            f"{_who(self.dossier, named)} held the {duty.value} duty on {day}" if held else
            f"{_who(self.dossier, named)} is named {duty.value} but held no {duty.value} duty "
            f"on {day}; " + (f"held that day by {who}" if who else "nobody held it that day")]
        who_zh = "、".join(_who_zh(self.dossier, p) for p in holders)
        notes[f"{duty.value}_note_zh"] = [
            f"{_who_zh(self.dossier, named)}当日担任{label(duty, 'zh')}" if held else
            f"{_who_zh(self.dossier, named)}未担任{label(duty, 'zh')}，当日"
            + (f"由{who_zh}担任" if holders else "无人担任")]

    @cached_property
    def _duty_spans(self) -> dict[Duty, list[tuple[str, date, date]]]:
        """Each duty's holders and the days they held it, made once for every expense: a
        term of a seat cut by the span of a duty carried with it (:meth:`Seat.duty_on`),
        as (person, first day, last day), ``date.max`` for open."""
        spans: dict[Duty, list[tuple[str, date, date]]] = {}
        for located in self.dossier.bodies.values():
            for seat in located.record.seats:
                for held in seat.duties:
                    for term in seat.terms:
                        first = max(term.start, held.start or term.start)
                        last = min(term.end or date.max, held.end or date.max)
                        if first <= last:
                            spans.setdefault(held.duty, []).append((seat.person, first, last))
        return spans

    def _replacements(self) -> Iterator[Fact]:
        """Each successor seated by the check's day, with the departure it fills; each departure
        (``recalls``) with none, once the seat is vacant on the check's day (:attr:`reach`, and
        no earlier than the departure): a member who still holds the seat has left nothing to
        fill, and a successor whose term starts after the check's day is pending, not missing
        (neither text gives a number of days, SQ-SIFANG:435, HLS-356:26: a step with no deadline
        is not overdue)."""
        recalls_by_person: dict[tuple[str, str], Located[Recall]] = {
            (r.record.body, r.record.person): r for r in self.dossier.recalls
        }
        covered: set[tuple[str, str]] = set()
        first, last = self._term_bounds  # a replacement on a day checked, as a term
        for located_body in self.dossier.bodies.values():
            body = located_body.record
            for i, seat in enumerate(body.seats):
                for j, term in enumerate(seat.terms):
                    if term.replaces is None:
                        continue
                    if not (self._happened(term.start)
                            and _on_days(term.start, term.start, first, last)):
                        # not yet seated, or seated on a day another check judges: no vacancy
                        covered.add((body.id, term.replaces))
                        continue
                    old = body.seat_of(term.replaces)
                    recall = recalls_by_person.get((body.id, term.replaces))
                    covered.add((body.id, term.replaces))
                    decision = (recall.record.decision if recall and recall.record.decision
                                else term.decision)
                    yield self._replacement_fact(
                        body, old, seat, term, decision,
                        RecordRef(f"{body.id}/{seat.person}", "term",
                                  located_body.where("seats", i, "terms", j)),
                        recall.record if recall else None, term.start)
        for key, located_recall in recalls_by_person.items():
            departure = located_recall.record
            if key in covered or not (self._happened(departure.date)
                                      and _on_days(departure.date, departure.date, first, last)):
                continue
            body = self.dossier.bodies[departure.body].record
            day = max(self.reach, departure.date)  # the check's day: the departure has come
            if any(seat.term_on(day) for seat in body.seats_of(departure.person)):
                continue  # still seated on the check's day: no vacancy yet
            yield self._replacement_fact(
                body, body.seat_of(departure.person), None, None, departure.decision,
                RecordRef(departure.id, "recall", located_recall.where()), departure, departure.date)

    def _replacement_fact(self, body: Body, old: Seat | None, new: Seat | None,
                          term: Term | None, decision: DecisionRef | None, ref: RecordRef,
                          recall: Recall | None, day: date) -> Fact:
        found_body, adopted, consented, seated = "", 0, 0, 0
        decision_day: date | None = None
        if decision is not None:
            found = self.dossier.motion(decision.meeting, decision.motion)
            if found is not None:
                meeting, motion = found
                deciding = self.dossier.bodies[meeting.body].record
                found_body = deciding.id
                adopted = int(motion.outcome is Outcome.ADOPTED)
                consented = consent_seated(motion, deciding, meeting.date)
                seated = deciding.seated_count_on(meeting.date)
                decision_day = meeting.date
        return Fact(
            "replacement", ref, day, self.jurisdiction,
            {"body": body.id, "body_kind": body.kind.value,
             "departure": recall.kind.value if recall else "replacement",
             "has_successor": int(new is not None),
             "sector": _text(old.sector if old else None),
             "successor_sector": _text(new.sector if new else None),
             "group": (old.group or "") if old else "",
             "successor_group": (new.group or "") if new else "",
             "successor_obtained_by": term.obtained_by.value if term else "",
             "decision_found": int(decision_day is not None), "decision_body": found_body,
             "decision_adopted": adopted, "decision_consented": consented,
             "decision_seated": seated,
             # 表决后…增补 (HLS-356:26): the vote no later than the successor's first day
             "decision_before_successor": int(
                 term is None or (decision_day is not None and decision_day <= term.start))},
            {"day": day, **({"decision": decision_day} if decision_day else {})},
            {"person": (person := old.person if old else (recall.person if recall else "")),
             "person_name": old.name if old else "",
             "departed": f"{old.name} ({person})" if old and old.name else person,
             "departed_zh": f"{old.name}（{person}）" if old and old.name else f"「{person}」",
             "successor": new.person if new else "", "successor_name": new.name if new else "",
             "body_name": body.name},
        )


_NO_RESIGNATION = (0, 0, 0)
""":func:`_resignation` of a seat that names no decision on a resignation."""


def _resignation(dossier: Dossier, named: DecisionRef, left: date | None) -> tuple[int, int, int]:
    """TPC-DEPARTURE (b) (应向人代会提出辞职,大会决定是否接受辞职, RD-TOWNSHIP:499): of the
    decision a seat names as the congress's on its holder's resignation, as 0 or 1, whether it
    is a vote of a township congress (adopted or rejected: either way it decides; a withdrawn
    motion is none), whether that vote is on a resignation (``matter: resignation``: another
    motion of the congress, its credentials committee's list, decides none), and whether it
    decides the resignation the transfer called for: on a resignation, voted on or after the day
    the holder left the region (调离…应…提出辞职: the resignation follows the transfer)."""
    found = dossier.motion(named.meeting, named.motion)
    if (found is None or dossier.bodies[found[0].body].record.kind is not _TOWNSHIP_CONGRESS
            or found[1].outcome is Outcome.WITHDRAWN):
        return _NO_RESIGNATION
    if found[1].matter is not Matter.RESIGNATION:
        return 1, 0, 0
    return 1, 1, int(left is None or found[0].date >= left)


def _term_names(dossier: Dossier, body: Body, seat: Seat, term: Term, rc_end: date | None,
                township: bool, as_of: date | None = None) -> dict[str, str]:
    """A term's names, made when a finding reads them (:meth:`Fact.explained`; a day written
    out costs more than the fact's other names together): the holder, the body, how the term
    was obtained, the end of the residents' committee's term in force and, for a township body
    (the only kind with elected posts), the post's later holders, for a finding on its vacancy
    (:func:`vacancy_names`)."""
    names = {"person": seat.person, "person_name": seat.name, "body_name": body.name,
             "obtained_by_zh": _ORIGIN_ZH[term.obtained_by], **_term_words(term)}
    if term.end is not None:  # the post the term held and its last day (FIN-HANDOVER: 离岗)
        role = term.role or seat.role
        post_en, post_zh = seat_label(role, body.kind, "en"), seat_label(role, body.kind, "zh")
        names["subject"] = names["subject_en"] = (
            f"the post of {post_en} of {body.name}, last held on {term.end}")
        names["subject_zh"] = f"{body.name}{post_zh}岗位（最后任职日{term.end}）"
    own = own_handover_audits(dossier, as_of).get(seat.person, [])
    if own:  # FIN-HANDOVER: the audits that do not count, and by whom
        names["own_audits_en"] = "; ".join(
            f"the audit of {day_name(a.date, 'en')} was made by "
            f"{dossier.bodies[a.by].record.name}" if a.by
            else f"the audit of {day_name(a.date, 'en')} names no auditor" for a in own)
        names["own_audits_zh"] = "；".join(
            f"{day_name(a.date, 'zh')}的审计由{dossier.bodies[a.by].record.name}进行" if a.by
            else f"{day_name(a.date, 'zh')}的审计未写明审计机构" for a in own)
        names["own_audits"] = names["own_audits_en"]
    if rc_end is not None:
        names["rc_term_end"] = rc_end.isoformat()
    if (term.decision is not None and (found := dossier.meeting(term.decision.meeting))
            and happened(found.record.date, as_of)):
        decided = found.record  # RC-ELECTION: whose decision the seat rests on
        by = dossier.bodies[decided.body].record.name if decided.body in dossier.bodies else ""
        names["decided_by"] = f"{by} of {decided.date} ({decided.id}/{term.decision.motion})"
        names["decided_by_zh"] = f"{by}{decided.date}的决定（{decided.id}/{term.decision.motion}）"
    if seat.resignation is not None and (
            voted := dossier.motion(seat.resignation.meeting, seat.resignation.motion)):
        # TPC-DEPARTURE (b): the vote the seat names as the decision on the resignation
        names["resignation_motion"] = voted[1].title
        names["resignation_on"] = voted[0].date.isoformat()
    if township:
        names.update(vacancy_names(dossier, body, seat, term, as_of))
    return names


COMMUNITY_OWN_KINDS = frozenset({
    BodyKind.RESIDENTS_COMMITTEE, BodyKind.PARTY_COMMITTEE, BodyKind.CONSULTATION_COMMITTEE,
    BodyKind.MEMBER_REPRESENTATIVE_ASSEMBLY, BodyKind.SUPERVISION_COMMITTEE,
    BodyKind.AFFAIRS_CENTRE, BodyKind.RESIDENTS_GROUP, BodyKind.WORK_COMMITTEE,
    BodyKind.COORDINATION_GROUP, BodyKind.ELECTION_COMMITTEE, BodyKind.COMMUNITY_MEMBERS,
    BodyKind.PARTY_GROUP, BodyKind.WORK_STATION, BodyKind.BACKBONE_TEAM,
    BodyKind.COMMUNITY_SUPERVISORS})
"""The community's own bodies: an audit of one who leaves is the street office's and the
departments' concerned (SQ-SIFANG:387), not theirs."""


def _term_words(term: Term) -> dict[str, str]:
    """The term's days in words (``term_days``): a finding on one of a seat's terms names
    which (a seat may have held an appointed term years before its elected one).

    >>> _term_words(Term(start="2021-04-10", end="2024-04-09", obtained_by="election"))
    {'term_days': 'from 10 April 2021 to 9 April 2024', 'term_days_zh': '2021年4月10日至2024年4月9日'}
    >>> _term_words(Term(start="2021-04-10", obtained_by="election"))["term_days_zh"]
    '自2021年4月10日起'
    """
    start, end = term.start, term.end
    if end is None:
        return {"term_days": f"from {day_name(start, 'en')}",
                "term_days_zh": f"自{day_name(start, 'zh')}起"}
    return {"term_days": f"from {day_name(start, 'en')} to {day_name(end, 'en')}",
            "term_days_zh": f"{day_name(start, 'zh')}至{day_name(end, 'zh')}"}


def own_handover_audits(dossier: Dossier, as_of: date | None = None
                        ) -> dict[str | None, list[Audit]]:
    """Each person's handover audits that are not by an outside auditor
    (:func:`outside_auditor`): FIN-HANDOVER counts none of them, and its finding names them;
    none dated after ``as_of``, which has not happened."""
    own: dict[str | None, list[Audit]] = {}
    for a in dossier.audits:
        if (a.record.kind is AuditKind.HANDOVER and happened(a.record.date, as_of)
                and not outside_auditor(dossier, a.record)):
            own.setdefault(a.record.person, []).append(a.record)
    return own


def outside_auditor(dossier: Dossier, audit: Audit) -> bool:
    """Whether ``audit`` names its auditor (``by``) and that is a body outside the community
    (the street office, a department): FIN-HANDOVER's 接受街道办事处和有关部门的审计."""
    by = dossier.bodies.get(audit.by) if audit.by is not None else None
    return by is not None and by.record.kind not in COMMUNITY_OWN_KINDS


def _role_text(person: str | None, role: Role | None) -> str:
    """The ``role`` ``person`` holds on a body (:func:`held_role`), as a meeting fact gives it:
    "" if nobody, "outsider" if no seat."""
    if person is None:
        return ""
    return "outsider" if role is None else role.value


_ANY_SEAT: tuple[Role, ...] = tuple(Role)
_LEADER = (Role.LEADER,)
_PARTY_COMMITTEE, _PARTY_GROUP, _TOWNSHIP_CONGRESS = (
    BodyKind.PARTY_COMMITTEE, BodyKind.PARTY_GROUP, BodyKind.TOWNSHIP_CONGRESS)
_PARTY_GROUP_MEETING = MeetingKind.PARTY_GROUP
_ELECTION_ITEM, _RC_ELECTION = AgendaItem.ELECTION, Matter.RC_ELECTION
_ASSEMBLY_KIND = BodyKind.MEMBER_REPRESENTATIVE_ASSEMBLY.value
_RESIDENTS_COMMITTEE, _DIRECTOR, _SECRETARY = (
    BodyKind.RESIDENTS_COMMITTEE, Role.DIRECTOR, Role.SECRETARY)
_ACCOUNTANT, _CASHIER, _INFORMAL_SLIP = Duty.ACCOUNTANT, Duty.CASHIER, Voucher.INFORMAL_SLIP
# FIN-HANDOVER (SQ-SIFANG:387): 掌管社区经费的社区居委会正、副主任和职业社区工作者, the seats
# whose holder, keeping the funds, is audited on leaving (a worker of the committee or its centre)
_FUND_POSTS = {**WORKER_SEATS, BodyKind.RESIDENTS_COMMITTEE: (
    Role.DIRECTOR, Role.DEPUTY_DIRECTOR, *WORKER_SEATS[BodyKind.RESIDENTS_COMMITTEE])}
_RC_DIRECTOR_APPROVAL, _STREET_APPROVAL = (
    ApproverRole.RESIDENTS_COMMITTEE_DIRECTOR, ApproverRole.STREET_OFFICE_DEPUTY_DIRECTOR)
_HANDLER_SIGNED, _DIRECTOR_SIGNED, _SECRETARY_SIGNED, _DEPUTY_SIGNED = (
    SignatureRole.HANDLER, SignatureRole.DIRECTOR, SignatureRole.PARTY_SECRETARY,
    SignatureRole.DEPUTY_DIRECTOR)
"""Read for each meeting, seat or expense: names, not members of an enum looked up each time (a
class attribute of an enum goes through ``EnumType.__getattr__``)."""
_EMERGENCY = "emergency"
_HANDLING = {False: "ordinary", True: _EMERGENCY}
"""A meeting's ``handling`` value, by whether it was an emergency handling."""
_PRESIDIUM_KIND = BodyKind.PRESIDIUM.value
_NO_EMERGENCY = {"next_meeting": 0, "reported_next": 0}
"""What :meth:`_FactBuilder._emergency_report` gives an ordinary meeting (most; read only)."""
_TOWNSHIP_KINDS = frozenset((*ELECTED_POSTS, BodyKind.TOWNSHIP_CONGRESS))
_NOT_TOWNSHIP = {**NO_VACANCY, **NO_DEPUTY}
"""What :func:`post_vacancy` (after the term's role) and :func:`deputy_credentials` give every
term of a body whose kind is not in :data:`_TOWNSHIP_KINDS`: no elected post, no deputy."""
_NO_DECISION: tuple[str, int, date | None, str, int] = ("", 0, None, "", 0)
""":meth:`_FactBuilder._decision` of a term that names no decision."""
_ORIGIN_ZH = {origin: label(origin, "zh") for origin in SeatOrigin}
"""How a term was obtained, in Chinese: looked up for every term."""
_ORIGIN_TEXT = {origin: origin.value for origin in SeatOrigin}
"""How a term was obtained, as its fact gives it (looked up as :data:`~._seats.ROLE_VALUES` is)."""
_BRANCH_SEAT = "party (general) branch committee"
"""PO-COORDINATION (SQ-SIFANG:173): any seat on the branch's committee."""

_CHAIR_ROLES: dict[BodyKind, tuple[Role, ...]] = {
    BodyKind.CONSULTATION_COMMITTEE: (Role.CONVENER, Role.ROTATING_DIRECTOR),
    BodyKind.PARTY_COMMITTEE: (Role.SECRETARY,),
    BodyKind.RESIDENTS_GROUP: (Role.LEADER,),  # RC-GROUP-LEADER (SQ-SIFANG:274)
}
"""The seats whose holder convenes and chairs a body's meetings (HLS-356:26; SQ-SIFANG:293)."""

_APPROVERS: dict[ApproverRole, tuple[BodyKind, tuple[Role, ...], str]] = {
    ApproverRole.RESIDENTS_COMMITTEE_DIRECTOR: (
        BodyKind.RESIDENTS_COMMITTEE, (Role.DIRECTOR,), "residents' committee director"),
    # 街道办事处分管主任: the director or a deputy director of the street office (docs/readings.md)
    ApproverRole.STREET_OFFICE_DEPUTY_DIRECTOR: (
        BodyKind.STREET_OFFICE, (Role.DIRECTOR, Role.DEPUTY_DIRECTOR),
        "street office director in charge"),
}
_APPROVER_SEATS_ZH = {ApproverRole.RESIDENTS_COMMITTEE_DIRECTOR: "社区居委会主任",
                      ApproverRole.STREET_OFFICE_DEPUTY_DIRECTOR: "街道办事处分管主任"}
"""The approvers' seats as SQ-SIFANG:385 names them."""
_SIGNER_SEATS_ZH = {SignatureRole.DIRECTOR: "社区居委会主任",
                    SignatureRole.DEPUTY_DIRECTOR: "社区居委会副主任",
                    SignatureRole.PARTY_SECRETARY: "社区党组织书记"}
"""The signers' seats as SQ-SIFANG:384 names them."""
_SIGNERS: dict[SignatureRole, tuple[BodyKind, tuple[Role, ...], str]] = {
    SignatureRole.DIRECTOR: (BodyKind.RESIDENTS_COMMITTEE, (Role.DIRECTOR,),
                             "residents' committee director"),
    SignatureRole.DEPUTY_DIRECTOR: (BodyKind.RESIDENTS_COMMITTEE, (Role.DEPUTY_DIRECTOR,),
                                    "residents' committee deputy director"),
    SignatureRole.PARTY_SECRETARY: (BodyKind.PARTY_COMMITTEE, (Role.SECRETARY,),
                                    "party organisation secretary"),
}


def _leads_group(dossier: Dossier, view: _BodyView, chair: str | None, chair_role: Role | None,
                 day: date) -> bool:
    """:func:`_group_leader`'s answer without its sentence, for a party group meeting
    (``chair_role``: the chair's role on the meeting's body that day); only a finding reads
    the sentence."""
    if view.kind != _PARTY_GROUP.value or chair is None:
        return dossier.holds_seat(chair, _PARTY_GROUP, _LEADER, day)
    return chair_role is _LEADER[0]


def _group_leader(dossier: Dossier, meeting: Meeting, body: Body) -> tuple[bool, str]:
    """PO-THREE-MEETINGS (c) (SQ-SIFANG:323, 由党小组长主持): whether the chair held the party
    group leader's seat on the meeting day: of the group itself when the meeting is a group's,
    of some party group of the dossier when it is recorded on the committee."""
    if meeting.kind is not MeetingKind.PARTY_GROUP:
        return False, ""
    if body.kind is not BodyKind.PARTY_GROUP or meeting.chair is None:
        return seat_check(dossier, meeting.chair, BodyKind.PARTY_GROUP, (Role.LEADER,),
                          meeting.date, "party group leader")
    if body.holds(meeting.chair, (Role.LEADER,), meeting.date):
        return True, (f"{_who(dossier, meeting.chair)} held the leader seat of {body.name} "
                      f"on {meeting.date}")
    who = ", ".join(_who(dossier, s.person) for s in body.holders_of(Role.LEADER, meeting.date))
    return False, (f"{_who(dossier, meeting.chair)} held no leader seat of {body.name} on "
                   f"{meeting.date}; held that day by {who or 'nobody'}")


def _group_leader_zh(dossier: Dossier, meeting: Meeting, body: Body) -> str:
    """Who led the party group on the meeting day, in Chinese, for :func:`_group_leader`."""
    groups = ([body] if body.kind is BodyKind.PARTY_GROUP
              else dossier.bodies_of_kind(BodyKind.PARTY_GROUP))
    chair = _who_zh(dossier, meeting.chair) if meeting.chair else "未记录主持人"
    if not groups:  # as seat_check says it: no roster to read the seat from
        return f"档案中没有党小组名册，无法核对主持人{chair}于{meeting.date}是否任党小组长"
    leaders = "、".join(f"{g.name}组长为{_who_zh(dossier, s.person)}" for g in groups
                       for s in g.holders_of(Role.LEADER, meeting.date))
    return f"主持人为{chair}，当日" + (leaders if leaders else "无人任党小组长")


def _text(value: object) -> str:
    return "" if value is None else str(getattr(value, "value", value))
