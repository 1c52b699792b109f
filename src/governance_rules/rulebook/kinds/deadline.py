"""B within N days after A, at least N days before it, or a report due by a day of the month.

Day gaps come from the facts (``-1`` when the later or earlier day is not recorded, which
counts as missed unless ``missing_ok``; with ``run``, a later day not recorded is missed only
once the window reaches the last day allowed: a hearing on the window's last day has not yet
missed its three days, one three days before it has).
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date
from typing import Literal

from pydantic import Field as PydanticField

from ..._words import _MONTHS_EN, counted, day_name, due_words, not_yet_words
from ...facts.schema import Fact
from ...report._trusted import trusted
from ...report.model import Text
from ..conditions import Cmp, Condition, Field, all_of, any_of, eq
from ._base import Explanation, KindParams
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
                out.append(Clause(missed, "{not_made}", "{not_made}"))
            if params.mode == "within_days":
                out.append(Clause(Cmp(Field(params.gap), ">", params.days),
                                  f"{zh}在{{{params.gap}}}天后，超过{params.days}天",
                                  f"{en} came {{{params.gap}|day|days}} after; at most "
                                  f"{counted(params.days, 'day', 'en')} allowed"))
            else:
                least_en = f"at least {counted(params.days, 'day', 'en')} required"
                if params.days > 0:  # on the day itself is no day before: said as such
                    out.append(Clause(eq(params.gap, 0),
                                      f"{zh}当天才发出，须至少提前{params.days}天",
                                      f"{en} came only on the day itself; {least_en}"))
                out.append(Clause(all_of(Cmp(Field(params.gap), ">", 0),  # never at 0 days
                                         Cmp(Field(params.gap), "<", params.days)),
                                  f"{zh}只提前{{{params.gap}}}天，须至少提前{params.days}天",
                                  f"{en} came only {{{params.gap}|day|days}} before; "
                                  f"{least_en}"))
        elif params.mode == "by_day_of_month":
            k, d = params.month_offset, params.day
            out.append(Clause(any_of(Cmp(Field("months_after"), ">", k),
                                     all_of(eq("months_after", k),
                                            Cmp(Field("submitted_day"), ">", d))),
                              *self._late(params)))
        else:
            m, d = params.month, params.day
            out.append(Clause(any_of(Cmp(Field("year_offset"), ">", 0),
                                     all_of(eq("year_offset", 0),
                                            any_of(Cmp(Field("submitted_month"), ">", m),
                                                   all_of(eq("submitted_month", m),
                                                          Cmp(Field("submitted_day"), ">", d))))),
                              *self._late(params)))
        return out

    def _late(self, params: DeadlineParams) -> tuple[str, str]:
        """A late report's reason: the day it came, how many days late, and the day it was
        due, by the rule (次月5日) and as a date (``{due_on}``) where the rule counts from the
        period."""
        zh, en = params.what.get("zh", "?"), params.what.get("en", "?")
        came_zh = f"{zh}于{{submitted_on}}报送，逾期{{days_late}}天"
        came_en = f"{en} came on {{submitted_on}}, {{days_late|day|days}} late"
        if params.mode == "by_date":
            return f"{came_zh}：须于{{due_on}}前报送", f"{came_en}: it was due by {{due_on}}"
        return (f"{came_zh}：须于{self._due(params, 'zh')}（{{due_on}}）前报送",
                f"{came_en}: it was due by {self._due(params, 'en')} ({{due_on}})")

    @staticmethod
    def _due_day(fact: Fact, params: DeadlineParams) -> date | None:
        """The last day a report of the fact's period may come (``by_day_of_month``,
        ``by_date``), as the clauses decide it: the month's last day where it has no
        ``day``-th; ``None`` for the other modes or without the period's end.

        >>> from governance_rules.facts.schema import RecordRef
        >>> from governance_rules.records.dossier import Where
        >>> fact = Fact("report", RecordRef("r", "report", Where("r.yaml", 1, "report")),
        ...             date(2022, 3, 1), (), {}, {"period_end": date(2022, 1, 31)})
        >>> params = DeadlineParams(mode="by_day_of_month", month_offset=1, day=31, what={})
        >>> Deadline._due_day(fact, params)
        datetime.date(2022, 2, 28)
        >>> Deadline._due_day(fact, DeadlineParams(mode="by_date", month=3, day=25, what={}))
        datetime.date(2022, 3, 25)
        """
        end = fact.dates.get("period_end")
        if end is None or params.mode not in ("by_day_of_month", "by_date"):
            return None
        if params.mode == "by_date":
            year, month = end.year, params.month
        else:
            year, month = divmod(end.year * 12 + end.month - 1 + params.month_offset, 12)
            month += 1
        return date(year, month, min(params.day, monthrange(year, month)[1]))

    def derived(self, fact: Fact, params: DeadlineParams) -> dict[str, str]:
        """A late report's days in words: the day it came (``submitted_on``), the day it was
        due (``due_on``) and the days between (``days_late``); a step not made, in words
        (``not_made``: none recorded, or none yet by the day the check is as of)."""
        if params.gap:
            if int(fact.values[params.gap]) != -1:
                return {}
            said = self._not_made(fact, params)
            return {"not_made": said.en, "not_made_en": said.en, "not_made_zh": said.zh}
        due, submitted = self._due_day(fact, params), fact.dates.get("submitted")
        if due is None or submitted is None:
            return {}
        return {"submitted_on": day_name(submitted, "en"),
                "submitted_on_zh": day_name(submitted, "zh"),
                "submitted_on_en": day_name(submitted, "en"),
                "due_on": day_name(due, "en"), "due_on_zh": day_name(due, "zh"),
                "due_on_en": day_name(due, "en"),
                "days_late": str((submitted - due).days)}

    def explain(self, fact: Fact, params: DeadlineParams) -> Explanation:
        """:meth:`ClauseKind.explain`, with the day a report was due among its dates."""
        explanation = super().explain(fact, params)
        due = self._due_day(fact, params)
        if due is not None:  # the day it was due, beside the day it came (evidence.dates)
            explanation.evidence["dates"] = {**explanation.evidence["dates"],
                                             "due": due.isoformat()}
        return explanation

    def shortfall(self, fact: Fact, params: DeadlineParams,
                  failed: tuple[str, ...] = ()) -> Text | None:
        """By how many days the fact missed, in words (逾期3天, 3 days late; 超出2天, 2 days
        over; 少1天, 1 day short); ``None`` where no day is recorded.

        >>> from governance_rules.facts.schema import RecordRef
        >>> from governance_rules.records.dossier import Where
        >>> fact = Fact("meeting", RecordRef("m", "meeting", Where("m.yaml", 1, "meeting")),
        ...             date(2022, 3, 1), (), {"gap": 7})
        >>> within = DeadlineParams(mode="within_days", gap="gap", days=3, what={})
        >>> Deadline().shortfall(fact, within)
        Text(zh='超出4天', en='4 days over')
        >>> fact.values["gap"] = 0
        >>> Deadline().shortfall(fact, within.model_copy(update={"mode": "days_before"}))
        Text(zh='少3天', en='3 days short')
        >>> fact.values["gap"] = -1
        >>> Deadline().shortfall(fact, within) is None
        True
        """
        if params.gap:
            gap, d = int(fact.values[params.gap]), params.days
            if params.mode == "within_days" and gap > d:
                return trusted(Text, zh=f"超出{gap - d}天",
                               en=f"{counted(gap - d, 'day', 'en')} over")
            if params.mode == "days_before" and 0 <= gap < d:
                return trusted(Text, zh=f"少{d - gap}天",
                               en=f"{counted(d - gap, 'day', 'en')} short")
            return None
        due, submitted = self._due_day(fact, params), fact.dates.get("submitted")
        if due is not None and submitted is not None and submitted > due:
            late = (submitted - due).days
            return trusted(Text, zh=f"逾期{late}天", en=f"{counted(late, 'day', 'en')} late")
        return None

    @staticmethod
    def _not_made(fact: Fact, params: DeadlineParams) -> Text:
        """A step with no day: none recorded, or made only after the day the check is as of
        (``{gap}_not_by``: that day), which is not yet made, not unrecorded."""
        zh, en = params.what.get("zh", ""), params.what.get("en", "")
        by = fact.names.get(f"{params.gap}_not_by")
        if by:
            not_yet_zh, not_yet_en = not_yet_words(zh, en, date.fromisoformat(by))
            return trusted(Text, zh=not_yet_zh, en=not_yet_en)
        return trusted(Text, zh=f"未记录{zh}日期", en=f"no date of {en} recorded")

    def measured(self, fact: Fact, params: DeadlineParams) -> Text:
        zh, en = params.what.get("zh", ""), params.what.get("en", "")
        if params.gap:
            gap = int(fact.values[params.gap])
            if gap == -1:
                return self._not_made(fact, params)
            if params.mode == "within_days":
                return trusted(Text, zh=f"{zh}在{gap}天后",
                               en=f"{en} {counted(gap, 'day', 'en')} after")
            if gap == 0:
                return trusted(Text, zh=f"{zh}当天才发出", en=f"{en} on the day itself")
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
        if params.mode == "days_before" and d == 0:  # 并通知党组织委员: no days, not 提前0天
            return trusted(Text, zh=f"{zh}须不晚于会议当日",
                           en=f"{en} no later than the meeting day")
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
        return due_words(params.month_offset, params.day, lang)
