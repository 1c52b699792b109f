"""Terms of office: a term is no longer than N years; nobody acts after their term ended."""

from __future__ import annotations

from datetime import date

from ..._words import counted, day_name
from ...facts.schema import Fact
from ...report._trusted import trusted
from ...report.model import Text
from ..conditions import Cmp, Condition, Field, all_of, any_of, eq
from ._base import KindParams
from ._clauses import Clause, ClauseKind


class TermParams(KindParams):
    years: int


def _beyond_years(years: int) -> Condition:
    """The (years, months, days) span exceeds ``years`` whole years."""
    return any_of(
        Cmp(Field("span_years"), ">", years),
        all_of(eq("span_years", years),
               any_of(Cmp(Field("span_months"), ">", 0), Cmp(Field("span_days"), ">", 0))),
    )


def _span_text(fact: Fact, lang: str, less_years: int = 0) -> str:
    """``3年2个月5天`` / ``3 years, 2 months and 5 days``, leaving out the parts that are 0;
    ``less_years``: that many years fewer (what runs over a term of so many years)."""
    v = fact.values
    parts = [(int(v["span_years"]) - less_years, "year", "年"), (int(v["span_months"]), "month", "个月"),
             (int(v["span_days"]), "day", "天")]
    said = [counted(n, noun, lang, unit) for n, noun, unit in parts if n] or [
        counted(0, "day", lang, "天")]
    if lang == "zh":
        return "".join(said)
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]


def _counted_span(fact: Fact, lang: str) -> str:
    """:func:`_span_text`, and where the term continues an earlier one (a member elected to a
    post mid-term) the day it is counted from: ``3年1天（自2021年6月20日起连任）``."""
    span, served = _span_text(fact, lang), fact.dates.get("served_from")
    if served is None:
        return span
    if lang == "zh":
        return f"{span}（自{day_name(served, 'zh')}起连任）"
    return f"{span} counted from {day_name(served, 'en')}, the start of the term it continues"


def _over(fact: Fact, years: int) -> Text:
    """By how much a span of more than ``years`` years runs over them (超出1年10天, 1 year
    and 10 days over)."""
    return trusted(Text, zh=f"超出{_span_text(fact, 'zh', years)}",
                   en=f"{_span_text(fact, 'en', years)} over")


class TermLength(ClauseKind[TermParams]):
    """A declared term may end on its N-th anniversary at the latest (start + N years)."""

    name = "term_length"
    summary = "a declared term lasts at most N years"
    fact_types = frozenset({"term"})
    params_model = TermParams

    def clauses(self, params: TermParams) -> list[Clause]:
        return [Clause(all_of(eq("has_end", 1), _beyond_years(params.years)),
                       f"任期{{span}}，超过{params.years}年",
                       f"a term of {{span}}, longer than {params.years} years")]

    def derived(self, fact: Fact, params: TermParams) -> dict[str, str]:
        """The term's length in words, for the message (by how much it runs over), and for a
        post taken mid-term the day it is counted from (the start of the term it continues)."""
        en, zh = _counted_span(fact, "en"), _counted_span(fact, "zh")
        return {"span": en, "span_en": en, "span_zh": zh}

    def measured(self, fact: Fact, params: TermParams) -> Text:
        return trusted(Text, zh=f"任期{_counted_span(fact, 'zh')}",
                       en=f"a term of {_counted_span(fact, 'en')}")

    def shortfall(self, fact: Fact, params: TermParams, failed: tuple[str, ...]) -> Text:
        return _over(fact, params.years)

    def required(self, params: TermParams) -> Text:
        return trusted(Text, zh=f"每届任期不超过{params.years}年",
                       en=f"a term of at most {params.years} years")


class ActingWithinTerm(ClauseKind[TermParams]):
    """A member acts (attends, votes) only within a term: before its declared end, or, for an
    open term, within N years of its start."""

    name = "acting_within_term"
    summary = "a member acts only while their term runs"
    fact_types = frozenset({"act"})
    params_model = TermParams

    def clauses(self, params: TermParams) -> list[Clause]:
        return [
            Clause(all_of(eq("has_end", 1), Cmp(Field("act_day"), ">", Field("term_end"))),
                   "{person_name}（{person}）的任期已于{term_ended}届满，届满后第{days_after_end}天"
                   "仍参加会议",
                   "{person_name} ({person}) acted {days_after_end_words} after their term "
                   "ended on {term_ended}"),
            Clause(all_of(eq("has_end", 0), _beyond_years(params.years)),
                   f"{{person_name}}（{{person}}）任期已超过{params.years}年（{{years_ran_out}}届满）"
                   "未换届仍参加会议",
                   f"{{person_name}} ({{person}}) acted more than {params.years} years "
                   "into an open-ended term (the years ran out on {years_ran_out})"),
        ]

    def derived(self, fact: Fact, params: TermParams) -> dict[str, str]:
        if fact.values["has_end"] != 1:
            start = fact.dates.get("term_start")
            if start is None:
                return {}
            try:  # the N-th anniversary; 29 February's is 1 March in a common year
                ran_out = start.replace(year=start.year + params.years)
            except ValueError:
                ran_out = date(start.year + params.years, 3, 1)
            return {"years_ran_out": ran_out.isoformat()}
        end = date.fromordinal(int(fact.values["term_end"]))
        late = int(fact.values["act_day"]) - int(fact.values["term_end"])
        return {"days_after_end": str(late), "days_after_end_words": counted(late, "day", "en"),
                "term_ended": end.isoformat()}

    def measured(self, fact: Fact, params: TermParams) -> Text:
        act, end = fact.dates.get("meeting") or fact.day, fact.dates.get("term_end")
        if fact.values["has_end"] == 1 and end is not None:
            late = (act - end).days
            return trusted(Text,
                zh=f"{day_name(act, 'zh')}参加会议，在任期届满（{day_name(end, 'zh')}）后第{late}天",
                en=f"acted on {day_name(act, 'en')}, {counted(late, 'day', 'en')} after the "
                f"term ended on {day_name(end, 'en')}")
        return trusted(Text,
            zh=f"{day_name(act, 'zh')}参加会议，距任期开始已{_span_text(fact, 'zh')}，未换届",
            en=f"acted on {day_name(act, 'en')}, {_span_text(fact, 'en')} into an open-ended "
            "term")

    def shortfall(self, fact: Fact, params: TermParams, failed: tuple[str, ...]) -> Text | None:
        act, end = fact.dates.get("meeting") or fact.day, fact.dates.get("term_end")
        if fact.values["has_end"] == 1:
            if end is None:
                return None
            late = (act - end).days
            return trusted(Text, zh=f"超出任期{late}天",
                           en=f"{counted(late, 'day', 'en')} after the term")
        return _over(fact, params.years)

    def required(self, params: TermParams) -> Text:
        return trusted(Text,
            zh=f"只在任期内参加会议（至任期届满之日；未定届满日的，自任期开始起不超过{params.years}年）",
            en=f"acting only within the term (to its declared end, or {params.years} years "
            "from its start)")
