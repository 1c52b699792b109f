"""Cross-record consistency: every id a record names must exist and make sense on its date.

An inconsistent record is an input error, not a finding, and is left out of the check.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from ..errors import InputError, short_input
from ..models import Body, DecisionRef
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
                       "assessments", "sessions"):
        kept: list[Located[Any]] = []
        for located in getattr(dossier, collection):
            record = located.record
            ok = record.body in dossier.bodies
            if not ok:
                fail(located, ("body",), "unknown_id", _unknown("body", record.body, dossier.bodies))
            for field in ("by", "decision", "assembly"):
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
                       dossier.reviews, dossier.assessments, dossier.archives, dossier.sessions):
        for located in collection:
            yield located.record.date, located, "date"
    for r in dossier.reports:
        yield r.record.submitted_on, r, "submitted_on"


def _unknown(what: str, value: str, known: dict[str, Located[Body]]) -> str:
    choices = ", ".join(sorted(known)) or "none defined"
    return f"no {what} with id {value!r}; known: {choices}"
