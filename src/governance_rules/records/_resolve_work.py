"""Cross-record checks of the community-work records (models/community_work.py): every body,
person and decision they name must exist. An inconsistent record is an input error and is
left out, as in :mod:`._resolve`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from ..errors import InputError, short_input
from .dossier import Dossier, Located


def resolve_work(dossier: Dossier) -> None:
    """Drop the community-work records that name an unknown body, person or decision."""
    people = {s.person for b in dossier.bodies.values() for s in b.record.seats}

    def fail(located: Located[Any], sub: str | tuple[str | int, ...], msg: str,
             value: Any = None) -> None:
        sub = (sub,) if isinstance(sub, str) else sub
        where = located.where(*sub)
        dossier.input_errors.append(InputError(
            type="unknown_id", file=where.file, line=where.line, loc=(*located.path, *sub),
            msg=msg, input=None if value is None else short_input(value)))

    def body_ok(located: Located[Any], sub: str | tuple[str | int, ...],
                value: str | None) -> bool:
        if value is None or value in dossier.bodies:
            return True
        known = ", ".join(sorted(dossier.bodies)) or "none defined"
        fail(located, sub, f"no body with id {value!r}; known: {known}", value)
        return False

    def person_ok(located: Located[Any], field: str, value: str | None) -> bool:
        if value is None or value in people:
            return True
        fail(located, field, f"{field} {value!r} is not a member of any body in this dossier",
             value)
        return False

    def keep(collection: str, check: Any) -> None:
        setattr(dossier, collection, [r for r in getattr(dossier, collection) if check(r)])

    keep("worker_reports", lambda r: all([body_ok(r, "to", r.record.to),
                                          person_ok(r, "person", r.record.person)]))
    keep("term_plans", lambda r: body_ok(r, "body", r.record.body))
    keep("representative_registers", lambda r: body_ok(r, "body", r.record.body))
    keep("standard_titles", lambda r: body_ok(r, "body", r.record.body))
    keep("director_approvals", lambda r: all([
        body_ok(r, "body", r.record.body), person_ok(r, "person", r.record.person),
        *(body_ok(r, ("recommended_by", i), b) for i, b in enumerate(r.record.recommended_by)),
        body_ok(r, "approved_by", r.record.approved_by),
        person_ok(r, "approver", r.record.approver)]))

    def submission_ok(located: Located[Any]) -> bool:
        ref = located.record.decision
        ok = body_ok(located, "to", located.record.to)
        if dossier.meeting(ref.meeting) is None:
            fail(located, ("decision", "meeting"), f"no meeting {ref.meeting!r} in this dossier "
                 "(or it was left out above)", ref.meeting)
            return False
        if dossier.motion(ref.meeting, ref.motion) is None:
            fail(located, ("decision", "motion"), f"meeting {ref.meeting!r} has no motion "
                 f"{ref.motion!r}", ref.motion)
            return False
        return ok

    keep("submissions", submission_ok)


def work_days(dossier: Dossier) -> Iterator[tuple[date, Located[Any], str]]:
    """The dated community-work records: (day, record, field), for the checked window."""
    for collection in (dossier.worker_reports, dossier.term_plans, dossier.submissions):
        for located in collection:
            yield located.record.date, located, "date"
    for change in dossier.community_changes:
        yield change.record.date, change, "date"
    for title in dossier.standard_titles:
        yield title.record.granted_on, title, "granted_on"
    for approval in dossier.director_approvals:
        if approval.record.approved_on is not None:
            yield approval.record.approved_on, approval, "approved_on"
