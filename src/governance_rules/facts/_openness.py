"""Facts of the openness rules read from the rosters over time: community supervisors
(社区监督员, SQ-SIFANG:372–373) seated on every date, and their fixed supervision day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from .._words import counted
from ..models import Body, BodyKind
from ..records.dossier import Dossier, Located
from ._periods import body_start
from ._seats import _who_zh, located_bodies, who
from ._spans import days, far, merge, uncovered
from ._window import Window
from .schema import Fact, RecordRef


def supervisor_facts(dossier: Dossier, window: Window) -> Iterator[Fact]:
    """One ``supervisors`` fact per residents' committee: the days of the window (from the
    committee's start) on which no community supervisor was seated, and whether a supervision
    day is fixed. The fact is about the supervisors' roster where there is one."""
    rosters = located_bodies(dossier, BodyKind.COMMUNITY_SUPERVISORS)
    seated = merge((t.start, far(t.end)) for b in rosters for s in b.record.seats
                   for t in s.terms)
    fixed = [b.record.supervision_day for b in rosters if b.record.supervision_day]
    for located in located_bodies(dossier, BodyKind.RESIDENTS_COMMITTEE):
        body = located.record
        start = body_start(body)
        lo = max(window.start, start) if start is not None else window.start
        if lo > window.end:
            continue
        gaps = uncovered([(lo, window.end)], seated)
        about = rosters[0] if rosters else located
        names = {"body_name": body.name, "subject": about.record.name,
                 **_gap_words(gaps),
                 **_roster_words(dossier, rosters),
                 "supervision_day": "; ".join(fixed)}
        yield Fact("supervisors", RecordRef(about.record.id, "body", about.where()), window.end,
                   dossier.jurisdiction,
                   {"body": body.id, "body_kind": body.kind.value, "gap_days": days(gaps),
                    "supervision_day_fixed": int(bool(fixed))},
                   {"from": lo, "to": window.end}, names)


_GAPS_NAMED = 5
"""How many separate gaps a finding names, the rest counted in the total."""


def _gap_words(gaps: list[tuple[date, date]]) -> dict[str, str]:
    """The days no supervisor was seated, each gap apart (two gaps read as one run did):
    ``76 days: 14 from 2022-04-01, 62 from 2022-07-01`` / ``自…起14天、自…起62天，共``.

    >>> _gap_words([(date(2022, 4, 1), date(2022, 4, 14))])["gap"]
    '14 days from 2022-04-01'
    >>> said = _gap_words([(date(2022, 4, 1), date(2022, 4, 14)),
    ...                    (date(2022, 7, 1), date(2022, 8, 31))])
    >>> said["gap"], said["gap_zh"]
    ('76 days: 14 from 2022-04-01, 62 from 2022-07-01', '自2022-04-01起14天、自2022-07-01起62天，共')
    """
    if not gaps:
        return {"gap": "", "gap_zh": ""}
    if len(gaps) == 1:
        return {"gap": f"{counted(days(gaps), 'day', 'en')} from {gaps[0][0]}",
                "gap_zh": f"自{gaps[0][0]}起"}
    named = gaps[:_GAPS_NAMED]
    more = len(gaps) - len(named)
    en = ", ".join(f"{(e - s).days + 1} from {s}" for s, e in named)
    zh = "、".join(f"自{s}起{(e - s).days + 1}天" for s, e in named)
    return {"gap": f"{counted(days(gaps), 'day', 'en')}: {en}"
                   + (f" and {more} more gaps" if more else ""),
            "gap_zh": zh + (f"等{len(gaps)}段" if more else "") + "，共"}


def _roster_words(dossier: Dossier, rosters: list[Located[Body]]) -> dict[str, str]:
    """Who the supervisors' roster lists, as a sentence of its own: a finding says it after the
    days without a supervisor (``…没有在册的社区监督员；社区监督员名册所列为孟庆华（meng-qinghua）``),
    not in a bracket around the names' own brackets."""
    seats = [s for b in rosters for s in b.record.seats]
    if not seats:
        return {"supervisors": "there is no supervisors' roster",
                "supervisors_zh": "档案中没有社区监督员名册"}
    return {"supervisors": "the supervisors' roster lists "
                           + ", ".join(who(dossier, s.person) for s in seats),
            "supervisors_zh": "社区监督员名册所列为"
                              + "、".join(_who_zh(dossier, s.person) for s in seats)}
