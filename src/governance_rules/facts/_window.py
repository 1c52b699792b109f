"""The checked window and calendar periods: which months, quarters, half years and years
a cadence rule judges."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from ..models._types import granularity_of

GRANULARITIES = ("month", "bimonth", "quarter", "half", "year")
MAX_PERIOD_YEARS = 20
"""Calendar periods are judged for at most the last this many years of a window, so that no
window (an explicit ``--from/--to`` included) can make the check unbounded; a longer span of
records is reported as ``window_too_long`` when the records are read (docs/hardening.md)."""
_MONTHS = {"month": 1, "bimonth": 2, "quarter": 3, "half": 6, "year": 12}
_PARTS = {"month": "{:02d}", "bimonth": "B{}", "quarter": "Q{}", "half": "H{}", "year": "Y"}


@dataclass(frozen=True, slots=True)
class Window:
    """The days a check covers, both ends included.

    >>> Window(date(2022, 1, 1), date(2022, 12, 31)).covers(date(2022, 6, 30))
    True
    """

    start: date
    end: date

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


def happened(day: date | None, as_of: date | None) -> bool:
    """Whether ``day`` has come by the day the check is as of (``--as-of``; without one, every
    day has): what is dated after it has not happened yet, so a report, a publication or an
    answer dated later neither counts as done nor is judged late (docs/readings.md, --as-of).
    A day not recorded has not happened either.

    >>> happened(date(2022, 11, 10), date(2022, 11, 7)), happened(date(2022, 11, 7), date(2022, 11, 7))
    (False, True)
    >>> happened(date(2022, 11, 10), None), happened(None, None)
    (True, False)
    """
    return day is not None and (as_of is None or day <= as_of)


def report_day(submitted: date, period: str, window: Window, as_of: date | None = None) -> date:
    """The day a report counts on for ``window``: the day it was submitted, where that is in
    the window or after the day the check is as of (not made yet); else the last day of the
    period it covers. A report is judged when it was submitted in the window or covers a
    period ending in it (docs/readings.md): December's report, or the year's summary, filed
    in January is judged with the year it counts for.

    >>> year = Window(date(2022, 1, 1), date(2022, 12, 31))
    >>> report_day(date(2023, 1, 4), "2022-H2", year)
    datetime.date(2022, 12, 31)
    >>> report_day(date(2023, 1, 4), "2022-H2", year, as_of=date(2023, 1, 3))
    datetime.date(2023, 1, 4)
    """
    if window.covers(submitted) or (as_of is not None and submitted > as_of):
        return submitted
    return period_of(period).end


@dataclass(frozen=True, slots=True)
class Period:
    """A calendar period, e.g. the third quarter of 2022."""

    granularity: str
    start: date
    end: date

    @property
    def part(self) -> str:
        """``03`` for March, ``B2`` for March–April, ``Q1``, ``H2``, or ``Y``."""
        index = (self.start.month - 1) // _MONTHS[self.granularity] + 1
        return _PARTS[self.granularity].format(index)

    @property
    def label(self) -> str:
        """How records and reports name the period: ``2022-03``, ``2022-Q1``, ``2022-H2``, ``2022``.

        >>> next(periods_within("quarter", Window(date(2022, 1, 1), date(2022, 12, 31)))).label
        '2022-Q1'
        """
        part = self.part
        return str(self.start.year) if part == "Y" else f"{self.start.year}-{part}"


def periods_within(granularity: str, window: Window) -> Iterator[Period]:
    """The periods of ``granularity`` lying wholly inside ``window``, in order; of a window
    longer than :data:`MAX_PERIOD_YEARS`, those of its last :data:`MAX_PERIOD_YEARS` years.

    >>> len(list(periods_within("month", Window(date(1900, 1, 1), date(2200, 12, 31)))))
    240
    """
    if window.end.year - window.start.year >= MAX_PERIOD_YEARS:
        earliest = add_months(window.end.replace(day=1), 1 - 12 * MAX_PERIOD_YEARS)
        if window.start < earliest:
            window = Window(earliest, window.end)
    step = _MONTHS[granularity]
    month = ((window.start.month - 1) // step) * step + 1
    start = date(window.start.year, month, 1)
    while start <= window.end:
        end = add_months(start, step) - timedelta(days=1)
        if start >= window.start and end <= window.end:
            yield Period(granularity, start, end)
        start = add_months(start, step)


@dataclass(frozen=True, slots=True)
class Labelled:
    """A period with its part and label worked out once (a window's calendar is shared by every
    body of a dossier, and usually by every dossier of a run)."""

    period: Period
    part: str
    label: str


@lru_cache(maxsize=256)
def calendar(granularity: str, window: Window) -> tuple[Labelled, ...]:
    """:func:`periods_within` as a tuple, each period with its part and label (cached).

    >>> [p.label for p in calendar("half", Window(date(2022, 1, 1), date(2022, 12, 31)))]
    ['2022-H1', '2022-H2']
    """
    return tuple(Labelled(p, p.part, p.label) for p in periods_within(granularity, window))


def period_of(label: str) -> Period:
    """Parse a period label (as validated by the models).

    >>> period_of("2022-H2").start, period_of("2022-H2").end
    (datetime.date(2022, 7, 1), datetime.date(2022, 12, 31))
    >>> period_of("2022-B2").start, period_of("2022-B2").end
    (datetime.date(2022, 3, 1), datetime.date(2022, 4, 30))
    """
    granularity = granularity_of(label)
    part = 1 if granularity == "year" else int(label[5:].lstrip("QHB"))
    year, month = int(label[:4]), (part - 1) * _MONTHS[granularity] + 1
    start = date(year, month, 1)
    return Period(granularity, start, add_months(start, _MONTHS[granularity]) - timedelta(days=1))


def month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


@lru_cache(maxsize=65_536)
def add_months(day: date, months: int) -> date:
    """``day`` moved by whole calendar months, clamped to the month's end (``relativedelta``).
    Cached: fact building asks the same few (day, months) pairs thousands of times a dossier,
    and ``relativedelta`` is a measurable part of it.

    >>> add_months(date(2022, 1, 31), 1), add_months(date(2022, 11, 1), 2)
    (datetime.date(2022, 2, 28), datetime.date(2023, 1, 1))
    """
    return day + relativedelta(months=months)
