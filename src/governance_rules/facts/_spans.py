"""Day spans: the days a seat or a duty is held, both ends included, merged and compared.

Rules that must hold *on every date* (a keeper's duties never meet in one hand, a supervision
group or a community supervisor always seated) are judged over spans, not day by day.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

Span = tuple[date, date]
_ONE_DAY = timedelta(days=1)


def merge(spans: Iterable[Span]) -> list[Span]:
    """Sorted, non-overlapping spans covering the same days (touching spans join)."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1] + _ONE_DAY:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def covers(spans: Iterable[Span], day: date) -> bool:
    """Whether one of ``spans`` holds ``day``.

    >>> covers([(date(2022, 1, 1), date(2022, 6, 30))], date(2022, 7, 1))
    False
    """
    for start, end in spans:  # noqa: SIM110 - any() of a generator costs more than the few spans
        if start <= day <= end:
            return True
    return False


def within(spans: Iterable[Span], start: date, end: date) -> bool:
    """Whether one of ``spans`` holds every day from ``start`` to ``end``.

    >>> within([(date(2022, 1, 1), date(2022, 6, 30))], date(2022, 6, 1), date(2022, 7, 1))
    False
    """
    for first, last in spans:  # noqa: SIM110 - any() of a generator costs more than the few spans
        if first <= start and end <= last:
            return True
    return False


def clip(spans: Iterable[Span], lo: date, hi: date) -> list[Span]:
    return merge((max(s, lo), min(e, hi)) for s, e in spans if s <= hi and e >= lo)


def overlap(a: list[Span], b: list[Span]) -> list[Span]:
    """The days in both ``a`` and ``b``."""
    return merge((max(s1, s2), min(e1, e2)) for s1, e1 in a for s2, e2 in b
                  if max(s1, s2) <= min(e1, e2))


def uncovered(spans: list[Span], cover: list[Span]) -> list[Span]:
    """The days of ``spans`` that ``cover`` leaves out."""
    out: list[Span] = []
    for start, end in spans:
        day = start
        for c_start, c_end in cover:
            if c_end < day or c_start > end:
                continue
            if c_start > day:
                out.append((day, c_start - _ONE_DAY))
            day = max(day, c_end + _ONE_DAY)
            if day > end:
                break
        if day <= end:
            out.append((day, end))
    return out


def days(spans: list[Span]) -> int:
    return sum((e - s).days + 1 for s, e in spans)


FAR, EARLY = date(9999, 12, 30), date(1, 1, 2)
"""An open end and an open start (a day away from the calendar's ends, so a day may be added)."""


def far(end: date | None) -> date:
    return end if end is not None else FAR
