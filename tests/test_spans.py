"""The fast span computation agrees with dateutil's relativedelta on every pair of days."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from governance_rules.facts._build import _span


@given(st.dates(date(2000, 1, 1), date(2040, 12, 31)), st.dates(date(2000, 1, 1), date(2040, 12, 31)))
def test_span_matches_relativedelta(a: date, b: date) -> None:
    start, end = min(a, b), max(a, b)
    delta = relativedelta(end, start)
    assert _span(start, end) == (delta.years, delta.months, delta.days)
