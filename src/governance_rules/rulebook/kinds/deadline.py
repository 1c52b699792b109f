"""B within N days after A, at least N days before it, or a report due by a day of the month.

Day gaps come from the facts (``-1`` when the later or earlier day is not recorded, which
counts as missed unless ``missing_ok``; with ``run``, a later day not recorded is missed only
once the window reaches the last day allowed: a hearing on the window's last day has not yet
missed its three days, one three days before it has).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field as PydanticField

from ..._words import _MONTHS_EN, counted, day_name, ordinal
from ...facts.schema import Fact
from ...report._trusted import trusted
from ...report.model import Text
from ..conditions import Cmp, Condition, Field, all_of, any_of, eq
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
    run: str = PydanticField(
        default="", description="within_days: the field of the days from the first day to the "
        "window's end; a later day not recorded is missed only once the window reaches the "
        "last day allowed (``days`` after)")
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
                missed: Condition = eq(params.gap, -1)
                if params.run and params.mode == "within_days":  # due by the window's end
                    missed = all_of(missed, Cmp(Field(params.run), ">=", params.days))
                out.append(Clause(missed, f"未记录{zh}日期", f"no date of {en} recorded"))
            if params.mode == "within_days":
                out.append(Clause(Cmp(Field(params.gap), ">", params.days),
                                  f"{zh}在{{{params.gap}}}天后，超过{params.days}天",
                                  f"{en} came {{{params.gap}|day|days}} after; at most "
                                  f"{counted(params.days, 'day', 'en')} allowed"))
            else:
                out.append(Clause(all_of(Cmp(Field(params.gap), ">=", 0),
                                         Cmp(Field(params.gap), "<", params.days)),
                                  f"{zh}只提前{{{params.gap}}}天，须至少提前{params.days}天",
                                  f"{en} came only {{{params.gap}|day|days}} before; at least "
                                  f"{counted(params.days, 'day', 'en')} required"))
        elif params.mode == "by_day_of_month":
            k, d = params.month_offset, params.day
            due_zh, due_en = self._due(params, "zh"), self._due(params, "en")
            late_zh, late_en = f"{zh}逾期：须于{due_zh}前报送", f"{en} was late: due by {due_en}"
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
                              f"{zh}逾期：须于{m}月{d}日前报送",
                              f"{en} was late: due by {self._due(params, 'en')}"))
        return out

    def measured(self, fact: Fact, params: DeadlineParams) -> Text:
        zh, en = params.what.get("zh", ""), params.what.get("en", "")
        if params.gap:
            gap = int(fact.values[params.gap])
            if gap == -1:
                return trusted(Text, zh=f"未记录{zh}日期", en=f"no date of {en} recorded")
            if params.mode == "within_days":
                return trusted(Text, zh=f"{zh}在{gap}天后",
                               en=f"{en} {counted(gap, 'day', 'en')} after")
            return trusted(Text, zh=f"{zh}只提前{gap}天",
                           en=f"{en} {counted(gap, 'day', 'en')} before")
        submitted = fact.dates.get("submitted")
        if submitted is None:
            return trusted(Text, zh=f"未记录{zh}报送日期", en=f"no date of {en} recorded")
        return trusted(Text, zh=f"{day_name(submitted, 'zh')}报送",
                       en=f"submitted on {day_name(submitted, 'en')}")

    def required(self, params: DeadlineParams) -> Text:
        zh, en, d = params.what.get("zh", ""), params.what.get("en", ""), params.days
        if params.mode == "within_days":
            return trusted(Text, zh=f"{zh}须在{d}天内", en=f"{en} within {counted(d, 'day', 'en')}")
        if params.mode == "days_before":
            return trusted(Text, zh=f"{zh}须至少提前{d}天",
                           en=f"{en} at least {counted(d, 'day', 'en')} before")
        return trusted(Text, zh=f"须于{self._due(params, 'zh')}前报送",
                       en=f"due by {self._due(params, 'en')}")

    @staticmethod
    def _due(params: DeadlineParams, lang: str) -> str:
        if params.mode == "by_date":
            m, d = params.month, params.day
            return f"{m}月{d}日" if lang == "zh" else f"{d} {_MONTHS_EN[m - 1]}"
        k, d = params.month_offset, params.day
        if lang == "zh":
            return f"当月{d}日" if k == 0 else f"次月{d}日" if k == 1 else f"其后第{k}个月{d}日"
        if k == 0:
            return f"the {ordinal(d)} of the same month"
        return (f"the {ordinal(d)} of the next month" if k == 1
                else f"the {ordinal(d)} of the {ordinal(k)} month after")
