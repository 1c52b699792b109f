"""Period facts: how many events of each category a body had in each calendar period.

A cadence rule ("a working meeting every month") judges these. Only periods wholly inside
the checked window, and starting on or after the body existed, become facts, so a partial
period or a month before the body was set up is never judged.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta
from typing import Any

from ..models import (
    AgendaItem,
    Body,
    BodyKind,
    Report,
    ReportKind,
    Session,
)
from ..records.dossier import COUNTED_RECORDS, Dossier, Located
from ._window import GRANULARITIES, Period, Window, calendar, happened, period_of
from .schema import Fact, RecordRef, Wanted

CATEGORIES: dict[BodyKind, tuple[str, ...]] = {
    BodyKind.CONSULTATION_COMMITTEE: ("regular", "review"),
    BodyKind.MEMBER_REPRESENTATIVE_ASSEMBLY: ("meeting", "agenda_work_report",
                                              "agenda_finance_report"),
    BodyKind.RESIDENTS_COMMITTEE: ("regular", "work_report_heard", "disclosure_government_affairs",
                                   "disclosure_affairs", "disclosure_finance",
                                   "account_closing"),
    BodyKind.PARTY_COMMITTEE: ("regular", "member_assembly", "party_group", "party_lecture",
                               "life_meeting"),
    BodyKind.WORK_COMMITTEE: ("regular",),
    BodyKind.COORDINATION_GROUP: ("regular",),
    BodyKind.GOVERNANCE_COMMITTEE: ("regular",),
    BodyKind.GOVERNANCE_OFFICE: ("report_dispute_monthly", "report_screening",
                                 "report_security_analysis", "report_inspection",
                                 "report_work_record"),
    BodyKind.TOWNSHIP_CONGRESS: ("session", "party_hearing"),
    # TPC-PRESIDIUM (人大主席团会议一般每季度举行一次, RD-TOWNSHIP:502): any meeting of the
    # presidium between sessions, regular or ad hoc
    BodyKind.PRESIDIUM: ("meeting",),
    BodyKind.REPRESENTATIVE_GROUP: ("activity", "report_plan"),
    BodyKind.PARTY_GROUP: ("party_group",),
    BodyKind.WORK_STATION: ("regular", "member_assembly"),
    BodyKind.BACKBONE_TEAM: ("regular", "agenda_link_briefing"),
}
"""Which event categories are counted for each kind of body."""

_HEARERS = frozenset({BodyKind.MEMBER_REPRESENTATIVE_ASSEMBLY, BodyKind.COMMUNITY_MEMBERS})
"""The bodies a residents' committee reports its work to (向社区成员(代表)会议汇报工作,
SQ-SIFANG:353, :473): the assembly of representatives or a meeting of all community members."""

_SCREENING = ReportKind.SCREENING
_AHEAD = frozenset({ReportKind.PLAN, ReportKind.RESPONSIBILITY_LETTER})
"""The reports made for a period before it begins; every other reports on its period, and
one dated before that period began is no report of it."""


def counts_for_its_period(report: Report, covered: Period) -> bool:
    """Whether ``report`` counts for the period it covers (``covered``): one dated before that
    period began reports on nothing of it and counts for none, unless it is made ahead (a plan,
    a responsibility letter). November's dispute report dated 20 October, or a third quarter's
    performance file dated 30 June, is no report of its period."""
    return report.submitted_on >= covered.start or report.kind in _AHEAD


_WORK_REPORT = AgendaItem.WORK_REPORT

_PARTY_COMMITTEE = BodyKind.PARTY_COMMITTEE
_PRESIDIUM_KIND = BodyKind.PRESIDIUM
"""Compared with each body's kind: a name, not a member of ``BodyKind`` looked up each time (a
class attribute of an enum goes through ``EnumType.__getattr__``)."""


def event_days(dossier: Dossier, window: Window, counted: Mapping[str, tuple[str, ...]],
               sitting: frozenset[date] | None = None, as_of: date | None = None
               ) -> dict[str, dict[str, list[date]]]:
    """The days of the dated events inside ``window`` of each body of ``counted``, by category
    (only the categories ``counted`` lists for the body), sorted. ``sitting``: the days the
    township congress sits (:func:`_session_days`), by default the dossier's own.

    A report or a month's closing counts in the period it covers, which may end before it is
    made; one made after ``as_of`` (the day the check is as of) has not happened and counts for
    none: October's dispute report sent on 10 November is no report yet as of 7 November."""
    out: dict[str, dict[str, list[date]]] = {
        body: {c: [] for c in categories} for body, categories in counted.items()}

    first, last = window.start, window.end  # read once: every meeting asks
    agendas = {body for body, categories in counted.items()  # the bodies counting agenda items
               if any(c.startswith("agenda_") for c in categories)}

    def add(body: str, day: date, *categories: str) -> None:
        by_category = out.get(body)
        if by_category is not None and first <= day <= last:
            for category in categories:
                days = by_category.get(category)
                if days is not None:
                    days.append(day)

    # the bodies counting every meeting or its agenda items; the others, only meetings by kind
    every = {body for body, categories in counted.items() if "meeting" in categories} | agendas
    # a residents' committee's work report counts for it at whichever assembly heard it
    reported = [by_category["work_report_heard"] for by_category in out.values()
                if "work_report_heard" in by_category]
    hearers = {body for body, located in dossier.bodies.items()
               if located.record.kind in _HEARERS} if reported else set()
    # TPC-PRESIDIUM (闭会期间…每季度, RD-TOWNSHIP:502): a presidium meeting on a day the
    # congress sits is one of the session's, not one held between sessions
    presidiums = {body for body in counted
                  if dossier.bodies[body].record.kind is _PRESIDIUM_KIND}
    if sitting is None:
        sitting = _session_days(dossier) if presidiums else frozenset()
    for m in dossier.meetings:  # the most numerous: each field read once
        meeting = m.record
        body = meeting.body
        if body in presidiums and meeting.date in sitting:
            continue
        if body in hearers and _WORK_REPORT in meeting.agenda and first <= meeting.date <= last:
            for heard in reported:
                heard.append(meeting.date)
        by_category = out.get(body)
        if by_category is None or not first <= (day := meeting.date) <= last:
            continue
        # a kind (a ``StrEnum``) finds the category named by its text
        if (days := by_category.get(meeting.kind)) is not None:
            days.append(day)
        if body in every:
            if (days := by_category.get("meeting")) is not None:
                days.append(day)
            for item in meeting.agenda:
                if (days := by_category.get(f"agenda_{item.value}")) is not None:
                    days.append(day)
    for s in dossier.sessions:
        add(s.record.body, s.record.date, "session")
    for d in dossier.disclosures:
        add(d.record.body, d.record.date, f"disclosure_{d.record.category.value}")
    for a in dossier.audits:
        add(a.record.body, a.record.date, f"audit_{a.record.kind.value}")
    for r in dossier.reports:
        if r.record.body not in out or not happened(r.record.submitted_on, as_of):
            continue
        covered = period_of(r.record.period)
        day = covered.start
        if r.record.kind is _SCREENING:  # 每半月一次: a screening counts on its day, in its month
            day = min(r.record.submitted_on, covered.end)
        if counts_for_its_period(r.record, covered):
            add(r.record.body, day, f"report_{r.record.kind.value}")
        if r.record.kind is ReportKind.CONGRESS_WORK_REPORT:
            # TPC-PARTY-REPORT (每年听取, RD-TOWNSHIP:510): the year the party committee heard it
            add(r.record.body, r.record.submitted_on, "party_hearing")
    for v in dossier.reviews:
        add(v.record.body, v.record.date, "review")
    for ledger in dossier.ledgers:  # FIN-BOOKS: a closing counts in the month it closes, if
        if ledger.record.body not in out:  # made on or after that month's last day (月结)
            continue
        for closing in ledger.record.closings:
            month = period_of(closing.month)
            if closing.closed_on >= month.end and happened(closing.closed_on, as_of):
                add(ledger.record.body, month.start, "account_closing")
    for by_category in out.values():
        for days in by_category.values():
            days.sort()
    return out


_COUNTED_COLLECTIONS = COUNTED_RECORDS
"""The records :func:`event_days` counts events of, each with its collection."""

LeftOutEvents = dict[tuple[str, str], list[tuple[date, Located[Any]]]]
"""The records left out for their input errors that a period would have counted, each with the
day it would have counted on, by the body and category counted."""


def left_out_events(dossier: Dossier, window: Window, as_of: date | None = None
                    ) -> LeftOutEvents:
    """What each record of ``dossier.left_out`` would have counted for (as :func:`event_days`
    counts it), so that a period found short can say a record of its own was left out: a
    meeting refused for one attendee without a seat is still a meeting held that month.

    Counted a record at a time (there are few): which body and category it counts for is
    :func:`event_days`'s own decision, not a second copy of it.
    """
    counted = {located.record.id: categories for located in dossier.bodies.values()
               if (categories := _categories(dossier, located.record))}
    sitting = _session_days(dossier, also=dossier.left_out)  # a session left out still sat
    out: LeftOutEvents = {}
    for located in dossier.left_out:
        collection = _COUNTED_COLLECTIONS.get(type(located.record))
        if collection is None:
            continue
        alone = Dossier(root=dossier.root, bodies=dossier.bodies)
        setattr(alone, collection, [located])
        for body, by_category in event_days(alone, window, counted, sitting, as_of).items():
            for category, days in by_category.items():
                for day in days:
                    out.setdefault((body, category), []).append((day, located))
    return out


def _session_days(dossier: Dossier, also: Iterable[Located[Any]] = ()) -> frozenset[date]:
    """Every day a session of the township congress sits, from its opening to its closing day
    (:attr:`Session.closing_day <governance_rules.models.Session.closing_day>`; the dossier's
    sessions and the sessions among ``also``)."""
    sessions = [s.record for s in dossier.sessions]
    sessions += [s.record for s in also if isinstance(s.record, Session)]
    return frozenset(s.date + timedelta(days=i) for s in sessions
                     for i in range((s.closing_day - s.date).days + 1))


def _categories(dossier: Dossier, body: Body) -> tuple[str, ...]:
    """The categories counted for ``body``. PO-THREE-MEETINGS (c): where the dossier models its
    party groups (``party_group`` bodies), each group's own meetings are counted, not the
    committee's; otherwise the party group meetings recorded on the committee are."""
    kind = body.kind
    categories = CATEGORIES.get(kind, ())
    if kind is _PARTY_COMMITTEE and dossier.bodies_of_kind(BodyKind.PARTY_GROUP):
        return tuple(c for c in categories if c != "party_group")
    return categories


def body_start(body: Body) -> date | None:
    """When the body existed from: ``established``, else the earliest term start."""
    if body.established is not None:
        return body.established
    starts = [t.start for s in body.seats for t in s.terms]
    return min(starts) if starts else None


def period_facts(dossier: Dossier, window: Window, wanted: Wanted | None = None,
                 plans: Plans | None = None, reach: date | None = None,
                 as_of: date | None = None) -> Iterator[Fact]:
    """A fact for each body, category and calendar period of ``window``: how many events of the
    category the body had in it. With ``wanted``, only the categories and granularities some
    rule may read (a period no cadence rule judges is not a record checked).

    ``plans``: the periods judged, made with the same ``wanted`` for the same ``window``, which
    the caller may keep for the next dossier with both (asking ``wanted`` of every period of
    every kind of body is a third of these facts' cost); filled as they are made.

    ``reach``: the last day time is known to have run to (the check's ``as_of``, else the
    records' last day, never before the window's end): a count reported after its period
    (a December report due on 5 January) is judged once it is due by then. ``as_of``: a report
    or closing made after it counts for none (:func:`event_days`).
    """
    counted = {located.record.id: categories for located in dossier.bodies.values()
               if (categories := _categories(dossier, located.record))}
    events = event_days(dossier, window, counted, as_of=as_of)
    jurisdiction = dossier.jurisdiction
    ran_to = reach or window.end
    if plans is None:
        plans = {}  # the same for every body of a kind
    for located in dossier.bodies.values():
        body = located.record
        categories = counted.get(body.id, ())
        if not categories:
            continue
        start = body_start(body)
        exceptions = {e.period: e.reason for e in body.exceptions}
        days = events[body.id]
        where = located.where()
        body_id, body_kind, body_name = body.id, body.kind.value, body.name
        plan = plans.get((body_kind, categories))
        if plan is None:
            plan = plans[body_kind, categories] = _plan(body_kind, categories, window, wanted)
        for granularity, part, label, first, last, middle, judged in plan:
            if start is not None and first < start:
                continue
            dates = {"period_start": first, "period_end": last}  # the body's facts of the period
            exception = exceptions.get(label)
            special = 0 if exception is None else 1
            days_run = (ran_to - last).days  # its report may not be due yet
            for category in judged:
                listed = days[category]
                names = {"body_name": body_name, "subject": label, "period": label,
                         "category": category}
                if exception:
                    names["special_circumstances"] = exception
                start_at = bisect_left(listed, first)
                count = bisect_right(listed, last) - start_at
                first_half = (-1 if middle is None
                              else bisect_right(listed, middle, start_at) - start_at)
                yield Fact(
                    "period", RecordRef(f"{body_id}/{category}/{label}", "period", where),
                    last, jurisdiction,
                    {"body": body_id, "body_kind": body_kind, "granularity": granularity,
                     "part": part, "category": category, "count": count,
                     "first_half": first_half,
                     "second_half": -1 if middle is None else count - first_half,
                     "special_circumstances": special, "days_run": days_run},
                    dates, names)


_Plan = list[tuple[str, str, str, date, date, date | None, list[str]]]
"""The calendar periods of a window that some rule may judge for a kind of body, in order, each
as its granularity, part of the year, label, first and last days, the last day of a month's
first half (每半月一次: the 1st to the 15th, the 16th to its end; ``None`` for a longer period)
and the categories judged in it: worked out once for every body of the kind."""

Plans = dict[tuple[str, tuple[str, ...]], _Plan]
"""The periods of one window judged for a kind of body counting some categories (:func:`_plan`),
by that kind and those categories."""


def _plan(body_kind: str, categories: tuple[str, ...], window: Window,
          wanted: Wanted | None) -> _Plan:
    """The periods of ``window`` some rule may judge for a body of ``body_kind`` counting
    ``categories``, by granularity and part of the year (Q3, H1 …)."""
    plan: _Plan = []
    # One mapping, refilled for each question (a kind of body asks hundreds; ``wanted`` keeps none)
    asked: dict[str, int | str] = {"body_kind": body_kind}
    for granularity in GRANULARITIES:
        asked["granularity"] = granularity
        for labelled in calendar(granularity, window):
            asked["part"] = labelled.part
            judged = []
            for category in categories:
                asked["category"] = category
                if wanted is None or wanted("period", asked):
                    judged.append(category)
            if judged:
                period = labelled.period
                first = period.start
                plan.append((granularity, labelled.part, labelled.label, first, period.end,
                             first.replace(day=15) if granularity == "month" else None, judged))
    return plan
