"""The fast span computation agrees with dateutil's relativedelta on every pair of days, except
where a start on 29 February is read to have its anniversary on 1 March in a common year (as a
person born that day turns a year older): there it counts from the last anniversary reached."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta
from hypothesis import example, given
from hypothesis import strategies as st

from governance_rules.facts._build import _span

_DAYS = st.dates(date(2000, 1, 1), date(2040, 12, 31))


def _anniversary(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February in a common year
        return date(start.year + years, 3, 1)


@given(_DAYS, _DAYS)
@example(date(2020, 2, 29), date(2022, 1, 1))
@example(date(2020, 2, 29), date(2023, 2, 28))
@example(date(2020, 2, 29), date(2024, 3, 1))
def test_span_matches_relativedelta(a: date, b: date) -> None:
    start, end = min(a, b), max(a, b)
    if (start.month, start.day) != (2, 29):
        delta = relativedelta(end, start)
        assert _span(start, end) == (delta.years, delta.months, delta.days)
        return
    years = max(k for k in range(end.year - start.year + 1) if _anniversary(start, k) <= end)
    delta = relativedelta(end, _anniversary(start, years))
    assert _span(start, end) == (years, delta.months, delta.days)
