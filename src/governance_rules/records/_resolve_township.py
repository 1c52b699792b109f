"""Cross-record references of the township congress's records (RD-TOWNSHIP): the persons and
sessions that work points, suggestions, credentials reports, sessions and groups name.

An unknown reference is an input error at its file and line, and the record is left out of the
check (a body is kept, as for its other references)."""

from __future__ import annotations

from typing import Any

from ._references import References
from .dossier import Dossier, Located


def resolve_township(dossier: Dossier, refs: References) -> None:
    """Check every reference the township records make; drop the records that fail."""

    for located_body in dossier.bodies.values():
        refs.person(located_body, "organised_by", located_body.record.organised_by, named=False)
    refs.keep("sessions", lambda s: refs.decision(
        s, ("preparation", "presidium_decision"),
        s.record.preparation.presidium_decision if s.record.preparation else None))
    sessions = {s.record.id for s in dossier.sessions}

    def session(located: Located[Any], field: str, value: str | None) -> bool:
        if value is None or value in sessions:
            return True
        return refs.missing(located, (field,), "sessions", ("session", "人民代表大会会议"), value,
                            f"no session {value!r} in this dossier",
                            f"本卷宗没有人民代表大会会议「{value}」")

    refs.keep("work_points_list", lambda w: refs.person(w, "implemented_by",
                                                        w.record.implemented_by, named=False))
    refs.keep("suggestions", lambda s: all([
        refs.person(s, "deputy", s.record.deputy, named=False),
        session(s, "reported_at", s.record.reported_at)]))
    refs.keep("credentials_reviews", lambda r: all([
        session(r, "session", r.record.session),
        *(refs.person(r, ("deputies", i), p, named=False)
          for i, p in enumerate(r.record.deputies))]))
