"""``--from/--to``: a check judges the days of its window (docs/cli.md, docs/readings.md): a
meeting (with its motions), an expense or a term none of whose days is in it gives no finding
and is not among the records checked, as a hearing or a report outside it is not."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from _helpers import EXAMPLES

from governance_rules import check_data

_FILES = {p.relative_to(EXAMPLES / "sifang").as_posix(): yaml.safe_load(p.read_text("utf-8"))
          for p in sorted((EXAMPLES / "sifang").rglob("*.yaml"))}


def _days() -> dict[tuple[str, str], date]:
    """Each meeting's, motion's and expense's day, by (type, id) as a report names them."""
    days: dict[tuple[str, str], date] = {}
    for content in _FILES.values():
        for meeting in [*content.get("meetings", []), *filter(None, [content.get("meeting")])]:
            day = date.fromisoformat(str(meeting["date"]))
            days["meeting", meeting["id"]] = day
            for motion in meeting.get("motions", []):
                days["motion", f"{meeting['id']}/{motion['id']}"] = day
        expense = content.get("expense")
        if expense is not None:
            days["expense", expense["id"]] = date.fromisoformat(str(expense["paid_on"]))
    return days


@pytest.mark.parametrize("window", [(None, date(2022, 6, 30)), (date(2022, 7, 1), None)],
                         ids=["to", "from"])
def test_records_outside_the_window_are_neither_judged_nor_counted(
        window: tuple[date | None, date | None]) -> None:
    first, last = window[0] or date.min, window[1] or date.max
    days = _days()
    report = check_data(_FILES, window=window)
    checked = [(e.record.type, e.record.id) for e in report.checked]
    dated = [days[key] for key in checked if key in days]
    assert dated and all(first <= day <= last for day in dated)
    outside = {key for key, day in days.items() if not first <= day <= last}
    assert outside and not outside & set(checked)
    assert not [f.rule_id for f in report.findings
                if (f.record.type, f.record.id) in outside]
