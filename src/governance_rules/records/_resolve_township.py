"""Cross-record references of the township congress's records (RD-TOWNSHIP): the persons and
sessions that work points, suggestions, credentials reports, sessions and groups name.

An unknown reference is an input error at its file and line, and the record is left out of the
check (a body is kept, as for its other references)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..models import DecisionRef
from .dossier import Dossier, Located

Fail = Callable[..., None]
CheckDecision = Callable[[Located[Any], tuple[str | int, ...], DecisionRef | None], bool]


def resolve_township(dossier: Dossier, people: set[str], fail: Fail,
                     check_decision: CheckDecision) -> None:
    """Check every reference the township records make; drop the records that fail."""

    def person(located: Located[Any], sub: tuple[str | int, ...], who: str | None) -> bool:
        if who is None or who in people:
            return True
        fail(located, sub, "unknown_id", f"{who!r} is not a member of any body in this dossier",
             who)
        return False

    for located_body in dossier.bodies.values():
        person(located_body, ("organised_by",), located_body.record.organised_by)
    kept_sessions = []
    for located in dossier.sessions:
        prep = located.record.preparation
        if check_decision(located, ("preparation", "presidium_decision"),
                          prep.presidium_decision if prep else None):
            kept_sessions.append(located)
    dossier.sessions = kept_sessions
    sessions = {s.record.id for s in dossier.sessions}

    def session(located: Located[Any], field: str, value: str | None) -> bool:
        if value is None or value in sessions:
            return True
        fail(located, (field,), "unknown_id",
             f"no session {value!r} in this dossier (or it was left out above)", value)
        return False

    dossier.work_points_list = [
        w for w in dossier.work_points_list
        if person(w, ("implemented_by",), w.record.implemented_by)]
    dossier.suggestions = [
        s for s in dossier.suggestions
        if all([person(s, ("deputy",), s.record.deputy),
                session(s, "reported_at", s.record.reported_at)])]
    dossier.credentials_reviews = [
        r for r in dossier.credentials_reviews
        if all([session(r, "session", r.record.session),
                *(person(r, ("deputies", i), p) for i, p in enumerate(r.record.deputies))])]
