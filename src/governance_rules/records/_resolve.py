"""Cross-record consistency: every id a record names must exist and make sense on its date.

An inconsistent record is an input error, not a finding, and is left out of the check.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from ..errors import InputError, short_input
from ..models import Body, DecisionRef
from ._resolve_township import resolve_township
from ._resolve_work import resolve_work, work_days
from .dossier import Dossier, Located


def resolve(dossier: Dossier) -> None:
    """Drop the records that contradict the rest, reporting why (file, line, field)."""
    errors = dossier.input_errors
    if dossier.community is None and dossier.files:
        errors.append(InputError(
            type="missing_community", file=dossier.root,
            msg="no `community:` record in this dossier; add a community.yaml so that the "
            "jurisdiction (and its rule overlays) is known",
        ))
    people = {s.person for b in dossier.bodies.values() for s in b.record.seats}

    def fail(located: Located[Any], sub: tuple[str | int, ...], kind: str, msg: str,
             value: Any = None) -> None:
        where = located.where(*sub)
        errors.append(InputError(type=kind, file=where.file, line=where.line,
                                 loc=(*located.path, *sub), msg=msg,
                                 input=None if value is None else short_input(value)))

    for located_body in dossier.bodies.values():
        body = located_body.record
        persons = [s.person for s in body.seats]
        for i, seat in enumerate(body.seats):
            if persons.index(seat.person) != i:
                fail(located_body, ("seats", i, "person"), "duplicate_id",
                     f"{seat.person!r} has two seats on {body.id!r}; list every term on one seat")
            for j, term in enumerate(seat.terms):
                if term.replaces is not None and body.seat_of(term.replaces) is None:
                    fail(located_body, ("seats", i, "terms", j, "replaces"), "unknown_id",
                         f"no member {term.replaces!r} on {body.id!r} to replace")

    kept_meetings = []
    for located in dossier.meetings:
        meeting = located.record
        body_entry = dossier.bodies.get(meeting.body)
        if body_entry is None:
            fail(located, ("body",), "unknown_id", _unknown("body", meeting.body, dossier.bodies))
            continue
        body = body_entry.record
        ok = True
        for i, person in enumerate(meeting.present):
            held = body.seat_of(person)
            if held is None or held.latest_term_started_by(meeting.date) is None:
                ok = False
                fail(located, ("present", i), "not_seated",
                     f"{person!r} holds no seat on {body.id!r} on {meeting.date}", person)
        for role in ("chair", "convener"):
            person = getattr(meeting, role)
            if person is not None and person not in people:
                ok = False
                fail(located, (role,), "unknown_id",
                     f"{role} {person!r} is not a member of any body in this dossier", person)
        if ok:
            kept_meetings.append(located)
    dossier.meetings = kept_meetings
    dossier.meetings_by_id = {m.record.id: m for m in kept_meetings}

    def check_decision(located: Located[Any], sub: tuple[str | int, ...],
                       ref: DecisionRef | None) -> bool:
        if ref is None:
            return True
        if dossier.meeting(ref.meeting) is None:
            fail(located, (*sub, "meeting"), "unknown_id",
                 f"no meeting {ref.meeting!r} in this dossier (or it was left out above)")
            return False
        if dossier.motion(ref.meeting, ref.motion) is None:
            fail(located, (*sub, "motion"), "unknown_id",
                 f"meeting {ref.meeting!r} has no motion {ref.motion!r}")
            return False
        return True

    for located_body in list(dossier.bodies.values()):
        body = located_body.record
        check_decision(located_body, ("established_by",), body.established_by)
        for i, seat in enumerate(body.seats):
            check_decision(located_body, ("seats", i, "resignation"), seat.resignation)
            for j, term in enumerate(seat.terms):
                check_decision(located_body, ("seats", i, "terms", j, "decision"), term.decision)

    proposal_ids = {p.record.id for p in dossier.proposals}
    expense_ids = {e.record.id for e in dossier.expenses}
    for located in dossier.meetings:
        meeting = located.record
        _check_links(located, meeting, dossier, expense_ids, fail)
        if meeting.convened_by is not None and meeting.convened_by not in dossier.bodies:
            fail(located, ("convened_by",), "unknown_id",
                 _unknown("body", meeting.convened_by, dossier.bodies))
        if meeting.proposal is not None and meeting.proposal not in proposal_ids:
            fail(located, ("proposal",), "unknown_id",
                 f"no proposal with id {meeting.proposal!r} in this dossier")

    for collection in ("hearings", "disclosures", "audits", "reports", "proposals", "reviews",
                       "assessments", "sessions", "party_matters", "work_points_list", "suggestions",
                       "credentials_reviews", "unit_letters", "rectifications",
                       "year_end_filings", "retentions", "mailboxes", "leading_groups",
                       "pilots"):

        kept: list[Located[Any]] = []
        for located in getattr(dossier, collection):
            record = located.record
            ok = record.body in dossier.bodies
            if not ok:
                fail(located, ("body",), "unknown_id", _unknown("body", record.body, dossier.bodies))
            for field in ("by", "decision", "assembly", "confirmed_by"):
                value = getattr(record, field, None)
                if isinstance(value, DecisionRef):
                    ok = check_decision(located, (field,), value) and ok
                elif field == "assembly" and value is not None and dossier.meeting(value) is None:
                    ok = False
                    fail(located, (field,), "unknown_id", f"no meeting {value!r} in this dossier")
                elif field == "by" and isinstance(value, str) and value not in dossier.bodies:
                    ok = False
                    fail(located, (field,), "unknown_id", _unknown("body", value, dossier.bodies))
            if ok:
                kept.append(located)
        setattr(dossier, collection, kept)
    resolve_township(dossier, people, fail, check_decision)

    _check_inspections(dossier, fail)

    kept_expenses = []
    for located_expense in dossier.expenses:
        expense = located_expense.record
        ok = expense.body in dossier.bodies
        if not ok:
            fail(located_expense, ("body",), "unknown_id",
                 _unknown("body", expense.body, dossier.bodies))
        ok = check_decision(located_expense, ("assembly_decision",),
                            expense.assembly_decision) and ok
        if ok:
            kept_expenses.append(located_expense)
    dossier.expenses = kept_expenses
    _resolve_books(dossier, fail)
    kept_handovers = []
    for located_handover in dossier.archive_handovers:
        handover = located_handover.record
        ok = True
        for field in ("outgoing", "incoming"):
            person = getattr(handover, field)
            if person not in people:
                ok = False
                fail(located_handover, (field,), "unknown_id",
                     f"{field} {person!r} is not a member of any body in this dossier", person)
        if ok:
            kept_handovers.append(located_handover)
    dossier.archive_handovers = kept_handovers

    kept_recalls = []
    for located_recall in dossier.recalls:
        recall = located_recall.record
        entry = dossier.bodies.get(recall.body)
        if entry is None:
            fail(located_recall, ("body",), "unknown_id",
                 _unknown("body", recall.body, dossier.bodies))
            continue
        ok = check_decision(located_recall, ("decision",), recall.decision)
        for field in ("person", "replaced_by"):
            person = getattr(recall, field)
            if person is not None and entry.record.seat_of(person) is None:
                ok = False
                fail(located_recall, (field,), "unknown_id",
                     f"no member {person!r} on {recall.body!r}", person)
        if ok:
            kept_recalls.append(located_recall)
    dossier.recalls = kept_recalls
    _party_records(dossier, fail, people)
    resolve_work(dossier)
    _check_span(dossier)


def _check_links(located: Located[Any], meeting: Any, dossier: Dossier, expense_ids: set[str],
                 fail: Any) -> None:
    """A meeting's links to other records (the emergency handlings reported to it, the expense a
    motion decides) must name records of the dossier: a dangling link is an input error; the
    meeting itself is still checked, the link counts for nothing."""
    for i, handled in enumerate(meeting.emergency_reports):
        if dossier.meeting(handled) is None:
            fail(located, ("emergency_reports", i), "unknown_id",
                 f"no meeting {handled!r} in this dossier to report on", handled)
    for i, motion in enumerate(meeting.motions):
        subject = motion.expense
        if subject is not None and subject.id is not None and subject.id not in expense_ids:
            fail(located, ("motions", i, "expense", "id"), "unknown_id",
                 f"no expense with id {subject.id!r} in this dossier", subject.id)


def _party_records(dossier: Dossier, fail: Any, people: set[str]) -> None:
    """Minutes and leave requests name a meeting of the dossier; a leave request's member holds
    a seat on that meeting's body, and the person asked is somebody on a roster; a member
    record's person holds a seat on its body."""
    kept_minutes = []
    for located in dossier.minutes:
        ok = dossier.meeting(located.record.meeting) is not None
        if not ok:
            fail(located, ("meeting",), "unknown_id",
                 f"no meeting {located.record.meeting!r} in this dossier (or it was left out)")
        taken_by = located.record.taken_by
        if taken_by is not None and taken_by not in people:
            ok = False
            fail(located, ("taken_by",), "unknown_id",
                 f"{taken_by!r} is not a member of any body in this dossier", taken_by)
        if ok:
            kept_minutes.append(located)
    dossier.minutes = kept_minutes
    kept_leave = []
    for entry in dossier.leave_requests:
        leave = entry.record
        meeting = dossier.meeting(leave.meeting)
        if meeting is None:
            fail(entry, ("meeting",), "unknown_id",
                 f"no meeting {leave.meeting!r} in this dossier (or it was left out)")
            continue
        ok = True
        if dossier.bodies[meeting.record.body].record.seat_of(leave.person) is None:
            ok = False
            fail(entry, ("person",), "unknown_id",
                 f"{leave.person!r} holds no seat on {meeting.record.body!r}", leave.person)
        if leave.to not in people:
            ok = False
            fail(entry, ("to",), "unknown_id",
                 f"{leave.to!r} is not a member of any body in this dossier", leave.to)
        if ok:
            kept_leave.append(entry)
    dossier.leave_requests = kept_leave
    kept_entries = []
    for item in dossier.member_records:
        record = item.record
        owner = dossier.bodies.get(record.body)
        if owner is None:
            fail(item, ("body",), "unknown_id", _unknown("body", record.body, dossier.bodies))
        elif (seat := owner.record.seat_of(record.person)) is None:
            fail(item, ("person",), "unknown_id",
                 f"{record.person!r} holds no seat on {record.body!r}", record.person)
        elif record.household is not None and record.household not in seat.households:
            fail(item, ("household",), "unknown_id",
                 f"{record.household!r} is not one of {record.person!r}'s assigned households "
                 f"on {record.body!r}", record.household)
        else:
            kept_entries.append(item)
    dossier.member_records = kept_entries
    expenses = {e.record.id for e in dossier.expenses}
    kept_matters = []
    for matter in dossier.party_matters:
        if matter.record.expense is not None and matter.record.expense not in expenses:
            fail(matter, ("expense",), "unknown_id",
                 f"no expense {matter.record.expense!r} in this dossier", matter.record.expense)
        else:
            kept_matters.append(matter)
    dossier.party_matters = kept_matters
def _resolve_books(dossier: Dossier, fail: Any) -> None:
    """A ledger or asset register names its body, and every entry an expense of the dossier."""
    expenses = {e.record.id for e in dossier.expenses}
    for collection in ("ledgers", "asset_registers"):
        kept: list[Located[Any]] = []
        for located in getattr(dossier, collection):
            record = located.record
            ok = record.body in dossier.bodies
            if not ok:
                fail(located, ("body",), "unknown_id", _unknown("body", record.body, dossier.bodies))
            for i, entry in enumerate(record.entries):
                if entry.expense is not None and entry.expense not in expenses:
                    ok = False
                    fail(located, ("entries", i, "expense"), "unknown_id",
                         f"no expense {entry.expense!r} in this dossier", entry.expense)
            if ok:
                kept.append(located)
        setattr(dossier, collection, kept)


MAX_WINDOW_YEARS = 20
"""The longest checked window the records may imply (docs/hardening.md)."""


def _check_span(dossier: Dossier) -> None:
    """A ``records_cover`` or a spread of record dates longer than :data:`MAX_WINDOW_YEARS` is
    an input error (``window_too_long``): most often one mistyped year (9022 for 2022), which
    would make the cadence rules judge every month of decades."""
    community = dossier.community
    cover = community.record.records_cover if community is not None else None
    if community is not None and cover is not None:
        years = _years(cover.from_, cover.to)
        if years > MAX_WINDOW_YEARS:
            where = community.where("records_cover")
            dossier.input_errors.append(InputError(
                type="window_too_long", file=where.file, line=where.line,
                loc=(*community.path, "records_cover"),
                msg=f"records_cover spans {years} years; at most {MAX_WINDOW_YEARS} are checked "
                "at once: split the records, or check a part with --from/--to"))
        return
    dated = sorted(_dated(dossier), key=lambda item: item[0])
    if not dated or _years(dated[0][0], dated[-1][0]) <= MAX_WINDOW_YEARS:
        return
    days = sorted([*(item[0] for item in dated), date.today()])
    middle = days[len(days) // 2]  # today counts too: with two records, the mistyped one is far from it
    first, last = dated[0], dated[-1]
    day, located, field = first if (middle - first[0]) > (last[0] - middle) else last
    where = located.where(field)
    dossier.input_errors.append(InputError(
        type="window_too_long", file=where.file, line=where.line, loc=(*located.path, field),
        msg=f"dated {day}, {abs(_years(min(day, middle), max(day, middle)))} years from the middle "
        f"of the other records ({middle}): the checked window would span "
        f"{_years(first[0], last[0])} years, more than {MAX_WINDOW_YEARS} (a mistyped year?); "
        "check a part with --from/--to"))


def _years(start: date, end: date) -> int:
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def _dated(dossier: Dossier) -> Iterator[tuple[date, Located[Any], str]]:
    for m in dossier.meetings:
        yield m.record.date, m, "date"
    for e in dossier.expenses:
        yield e.record.paid_on, e, "paid_on"
    for collection in (dossier.hearings, dossier.disclosures, dossier.audits, dossier.proposals,
                       dossier.reviews, dossier.assessments, dossier.archives, dossier.sessions,
                       dossier.member_records, dossier.party_matters,
                       dossier.work_points_list, dossier.suggestions,
                       dossier.credentials_reviews,
                       dossier.rectifications, dossier.year_end_filings, dossier.retentions,
                       dossier.archive_handovers):
        for located in collection:
            yield located.record.date, located, "date"
    for r in dossier.reports:
        yield r.record.submitted_on, r, "submitted_on"
    yield from work_days(dossier)


def _check_inspections(dossier: Dossier, fail: Any) -> None:
    """ZZ-RECTIFICATION: a rectification names an inspection report of its office that ordered
    that unit to rectify."""
    orders = {(r.record.id, r.record.body): {o.unit for o in r.record.rectify}
              for r in dossier.reports if r.record.kind.value == "inspection"}
    kept = []
    for located in dossier.rectifications:
        record = located.record
        units = orders.get((record.inspection, record.body))
        if units is None:
            fail(located, ("inspection",), "unknown_id",
                 f"no inspection report {record.inspection!r} of {record.body!r} in this dossier")
        elif record.unit not in units:
            fail(located, ("unit",), "unknown_id",
                 f"inspection {record.inspection!r} ordered no rectification of {record.unit!r}")
        else:
            kept.append(located)
    dossier.rectifications = kept


def _unknown(what: str, value: str, known: dict[str, Located[Body]]) -> str:
    choices = ", ".join(sorted(known)) or "none defined"
    return f"no {what} with id {value!r}; known: {choices}"
