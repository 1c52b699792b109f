"""Cross-record checks of the community-work records (models/community_work.py): every body,
person and decision they name must exist. An inconsistent record is an input error and is
left out, as in :mod:`._resolve`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from ._references import References
from .dossier import Dossier, Located


def resolve_work(dossier: Dossier, refs: References) -> None:
    """Drop the community-work records that name an unknown body, person or decision."""
    body, person = refs.body, refs.person
    refs.keep("worker_reports", lambda r: all([body(r, "to", r.record.to),
                                               person(r, "person", r.record.person)]))
    refs.keep("term_plans", lambda r: body(r, "body", r.record.body))
    refs.keep("representative_registers", lambda r: body(r, "body", r.record.body))
    refs.keep("standard_titles", lambda r: body(r, "body", r.record.body))
    refs.keep("director_approvals", lambda r: all([
        body(r, "body", r.record.body), person(r, "person", r.record.person),
        *(body(r, ("recommended_by", i), b)
          for i, b in enumerate(r.record.recommended_by)),
        body(r, "approved_by", r.record.approved_by),
        person(r, "approver", r.record.approver)]))
    refs.keep("submissions", lambda r: all([body(r, "to", r.record.to),
                                            refs.decision(r, ("decision",), r.record.decision)]))


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
