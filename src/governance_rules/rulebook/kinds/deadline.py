"""B within N days after A, at least N days before it, or a report due by a day of the month.

Day gaps come from the facts (``-1`` when the later or earlier day is not recorded, which
counts as missed unless ``missing_ok``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field as PydanticField

from ...facts.schema import Fact
from ..conditions import Cmp, Field, all_of, any_of, eq
from ._base import KindParams
from ._clauses import Clause, ClauseKind


class DeadlineParams(KindParams):
    mode: Literal["within_days", "days_before", "by_day_of_month", "by_date"]
    gap: str = PydanticField(default="", description="the day-gap field (within_days, days_before)")
    days: int = PydanticField(default=0, ge=0)
    month_offset: int = PydanticField(default=0, ge=0, le=12,
                                      description="0: the period's last month; 1: the next month")
    day: int = PydanticField(default=1, ge=1, le=31)
    month: int = PydanticField(default=1, ge=1, le=12)
    missing_ok: bool = False
    what: dict[str, str]


class Deadline(ClauseKind[DeadlineParams]):
    name = "deadline"
    summary = "done in time"
    fact_types = frozenset({"meeting", "hearing", "report"})
    params_model = DeadlineParams
    message_fields = ClauseKind.message_fields | {"period"}

    def clauses(self, params: DeadlineParams) -> list[Clause]:
        zh, en = params.what.get("zh", "?"), params.what.get("en", "?")
        out = []
        if params.mode in ("within_days", "days_before"):
            if not params.missing_ok:
                out.append(Clause(eq(params.gap, -1), f"未记录{zh}日期", f"no date of {en} recorded"))
            if params.mode == "within_days":
                out.append(Clause(Cmp(Field(params.gap), ">", params.days),
                                  f"{zh}在 {{{params.gap}}} 天后，超过 {params.days} 天",
                                  f"{en} came {{{params.gap}}} days after, more than {params.days}"))
            else:
                out.append(Clause(all_of(Cmp(Field(params.gap), ">=", 0),
                                         Cmp(Field(params.gap), "<", params.days)),
                                  f"{zh}只提前 {{{params.gap}}} 天，须至少 {params.days} 天",
                                  f"{en} only {{{params.gap}}} days before; at least "
                                  f"{params.days} required"))
        elif params.mode == "by_day_of_month":
            k, d = params.month_offset, params.day
            due_zh = f"{'次' * k if k <= 1 else f'{k}个'}月{d}日前" if k else f"当月{d}日前"
            due_en = f"the {d}th of the {'next' if k == 1 else f'{k}th'} month" if k \
                else f"the {d}th of the same month"
            late_zh, late_en = f"{zh}逾期：须于{due_zh}报送", f"{en} late: due by {due_en}"
            out.append(Clause(any_of(Cmp(Field("months_after"), ">", k),
                                     all_of(eq("months_after", k),
                                            Cmp(Field("submitted_day"), ">", d))),
                              late_zh, late_en))
        else:
            m, d = params.month, params.day
            out.append(Clause(any_of(Cmp(Field("year_offset"), ">", 0),
                                     all_of(eq("year_offset", 0),
                                            any_of(Cmp(Field("submitted_month"), ">", m),
                                                   all_of(eq("submitted_month", m),
                                                          Cmp(Field("submitted_day"), ">", d))))),
                              f"{zh}逾期：须于{m}月{d}日前报送", f"{en} late: due by {m}/{d}"))
        return out

    def measured(self, fact: Fact, params: DeadlineParams) -> str:
        if params.gap:
            gap = fact.values[params.gap]
            return "not recorded" if gap == -1 else f"{gap} days"
        return f"submitted {fact.dates.get('submitted', '?')}"

    def required(self, params: DeadlineParams) -> str:
        return {"within_days": f"within {params.days} days",
                "days_before": f">= {params.days} days before",
                "by_day_of_month": f"by day {params.day}, {params.month_offset} month(s) after",
                "by_date": f"by {params.month:02d}-{params.day:02d}"}[params.mode]
