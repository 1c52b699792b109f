"""Facts of the archive handover (ARCH-HANDOVER, SQ-SIFANG:392): each change of the keeper of
the archives, read from the `archive_keeper` duty on the rosters, and each handover record with
how far it lies from the keepers' last and first days."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..models import Body, Duty
from ..records.dossier import Dossier, Located
from ._finance import duty_days
from ._spans import FAR
from ._window import Window, happened
from .schema import Fact, RecordRef

_KEEPER = (Duty.ARCHIVE_KEEPER,)
"""The one duty these facts read (:func:`duty_days` of it alone)."""

NONE_DAYS = 999_999
"""Days to a handover, a last day or a first day that does not exist: more than any tolerance."""


def archive_facts(dossier: Dossier, window: Window, as_of: date | None = None
                  ) -> Iterator[Fact]:
    """Each keeper's last day inside ``window``, with the days to the nearest handover made by
    ``as_of`` (one dated later has not happened yet), and each handover in ``window``."""
    keepers = duty_days(dossier, _KEEPER)[Duty.ARCHIVE_KEEPER]
    last_days = {p: [end for _, end in spans if end < FAR] for p, spans in keepers.items()}
    first_days = {p: [start for start, _ in spans] for p, spans in keepers.items()}
    handovers = [h for h in dossier.archive_handovers if window.covers(h.record.date)]
    for person, ends in sorted(last_days.items()):
        for end in ends:
            if not window.start <= end < window.end:
                continue
            gap = min((abs((h.record.date - end).days) for h in dossier.archive_handovers
                       if h.record.outgoing == person and happened(h.record.date, as_of)),
                      default=NONE_DAYS)
            held, i = _seat_of(dossier, person)
            body = held.record
            name = dossier.person_name(person)
            yield Fact(
                "keeper_change", RecordRef(f"{body.id}/{person}", "term", held.where("seats", i)),
                end, dossier.jurisdiction,
                {"body": body.id, "body_kind": body.kind.value,
                 "handover_gap": gap, "days_to_window_end": (window.end - end).days},
                {"last_day": end},
                {"body_name": body.name, "person": person, "person_name": name,
                 "subject": f"{person} ({name})" if name else person,
                 "last_day": end.isoformat()})
    for entry in handovers:
        handover = entry.record
        out_gap = _nearest(handover.date, last_days.get(handover.outgoing, []))
        in_gap = _nearest(handover.date, first_days.get(handover.incoming, []))
        yield Fact(
            "archive_handover", RecordRef(handover.id, "archive_handover", entry.where()),
            handover.date, dossier.jurisdiction,
            {"outgoing_gap": out_gap, "incoming_gap": in_gap},
            {"handover": handover.date},
            {"subject": handover.id,
             "outgoing_name": dossier.person_name(handover.outgoing) or handover.outgoing,
             "incoming_name": dossier.person_name(handover.incoming) or handover.incoming,
             "outgoing": _keeper(dossier, handover.outgoing, last_days, "last"),
             "outgoing_zh": _keeper_zh(dossier, handover.outgoing, last_days, "最后一"),
             "incoming": _keeper(dossier, handover.incoming, first_days, "first"),
             "incoming_zh": _keeper_zh(dossier, handover.incoming, first_days, "第一")})


def _nearest(day: date, days: list[date]) -> int:
    return min((abs((day - d).days) for d in days), default=NONE_DAYS)


def _keeper(dossier: Dossier, person: str, days: dict[str, list[date]], which: str) -> str:
    name = dossier.person_name(person)
    who = f"{person} ({name})" if name else person
    kept = days.get(person, [])
    listed = ", ".join(d.isoformat() for d in kept) or "none: never the keeper"
    return (f"{who}, {which} {'day' if len(kept) == 1 else 'days'} as keeper of the archives "
            f"by the roster: {listed}")


def _keeper_zh(dossier: Dossier, person: str, days: dict[str, list[date]], which: str) -> str:
    """:func:`_keeper` in Chinese: ``唐莉（tang-li），按名册担任档案人员的最后一日：2022-06-30``
    (``which``: 最后一 or 第一)."""
    name = dossier.person_name(person)
    who = f"{name}（{person}）" if name else f"「{person}」"
    kept = days.get(person, [])
    listed = "、".join(d.isoformat() for d in kept) or "无，从未担任档案人员"
    return f"{who}，按名册担任档案人员的{which}日：{listed}"


def _seat_of(dossier: Dossier, person: str) -> tuple[Located[Body], int]:
    """The body and the index of the seat on which ``person`` keeps the archives."""
    for located in dossier.bodies.values():
        for i, seat in enumerate(located.record.seats):
            if seat.person == person and any(d.duty is Duty.ARCHIVE_KEEPER for d in seat.duties):
                return located, i
    raise LookupError(person)  # duty_days found the duty on some seat
