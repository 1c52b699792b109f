"""Terms of office: a term is no longer than N years; nobody acts after their term ended."""

from __future__ import annotations

from datetime import date

from pydantic import Field as PydanticField

from ..._words import counted, day_name
from ...facts.schema import Fact
from ...report._trusted import trusted
from ...report.model import Text
from ..conditions import Cmp, Condition, Field, all_of, any_of, eq
from ._base import KindParams
from ._clauses import Clause, ClauseKind


class TermParams(KindParams):
    years: int


class ActingParams(TermParams):
    ends_with_rc: bool = PydanticField(
        default=False, description="an open-ended term ends with the residents' committee's "
        "term (届) in force at its start, where the records show one (与社区居委会任期一致); "
        "else `years` from its start")


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


class ActingWithinTerm(ClauseKind[ActingParams]):
    """A member acts (attends, votes) only within a term: before its declared end, or, for an
    open term, within N years of its start (with ``ends_with_rc``, before the end of the
    residents' committee's term in force at its start, where the records show one)."""

    name = "acting_within_term"
    summary = "a member acts only while their term runs"
    fact_types = frozenset({"act"})
    params_model = ActingParams

    def clauses(self, params: ActingParams) -> list[Clause]:
        open_years = all_of(eq("has_end", 0), _beyond_years(params.years))
        if params.ends_with_rc:  # the years count only where no committee term is known
            open_years = all_of(eq("rc_term_end", 0), open_years)
        return [
            Clause(all_of(eq("has_end", 1), Cmp(Field("act_day"), ">", Field("term_end"))),
                   "{person_name}（{person}）的任期已于{term_ended}届满，届满后第{days_after_end}天"
                   "仍参加会议",
                   "{person_name} ({person}) acted {days_after_end_words} after their term "
                   "ended on {term_ended}"),
            Clause(open_years,
                   f"{{person_name}}（{{person}}）任期已超过{params.years}年（{{years_ran_out}}届满）"
                   "未换届仍参加会议",
                   f"{{person_name}} ({{person}}) acted more than {params.years} years "
                   "into an open-ended term (the years ran out on {years_ran_out})"),
            *([Clause(all_of(eq("has_end", 0), Cmp(Field("rc_term_end"), ">", 0),
                             Cmp(Field("act_day"), ">", Field("rc_term_end"))),
                      "{person_name}（{person}）的任期未写明届满日，随社区居委会任期于{term_ended}"
                      "届满，届满后第{days_after_end}天仍参加会议",
                      "{person_name} ({person}) acted {days_after_end_words} after their "
                      "open-ended term ended with the residents' committee's term on "
                      "{term_ended}")]
              if params.ends_with_rc else []),
        ]

    @staticmethod
    def _end(fact: Fact) -> date | None:
        """The day the term ended: its declared end, else the end of the residents' committee's
        term it runs with (an ``rc_term_end`` the facts give only for such a term)."""
        v = fact.values
        if v["has_end"] == 1:
            return fact.dates.get("term_end")
        return fact.dates.get("rc_term_end") if v.get("rc_term_end") else None

    def derived(self, fact: Fact, params: ActingParams) -> dict[str, str]:
        ended = self._end(fact)
        if ended is None:
            start = fact.dates.get("term_start")
            if start is None:
                return {}
            try:  # the N-th anniversary; 29 February's is 1 March in a common year
                ran_out = start.replace(year=start.year + params.years)
            except ValueError:
                ran_out = date(start.year + params.years, 3, 1)
            return {"years_ran_out": ran_out.isoformat()}
        late = int(fact.values["act_day"]) - ended.toordinal()
        return {"days_after_end": str(late), "days_after_end_words": counted(late, "day", "en"),
                "term_ended": ended.isoformat()}

    def measured(self, fact: Fact, params: ActingParams) -> Text:
        act, end = fact.dates.get("meeting") or fact.day, self._end(fact)
        if end is not None:
            late = (act - end).days
            if fact.values["has_end"] != 1:
                return trusted(Text,
                    zh=f"{day_name(act, 'zh')}参加会议，在其任期随社区居委会任期届满"
                       f"（{day_name(end, 'zh')}）后第{late}天",
                    en=f"acted on {day_name(act, 'en')}, {counted(late, 'day', 'en')} after the "
                       f"open-ended term ended with the residents' committee's term on "
                       f"{day_name(end, 'en')}")
            return trusted(Text,
                zh=f"{day_name(act, 'zh')}参加会议，在任期届满（{day_name(end, 'zh')}）后第{late}天",
                en=f"acted on {day_name(act, 'en')}, {counted(late, 'day', 'en')} after the "
                f"term ended on {day_name(end, 'en')}")
        return trusted(Text,
            zh=f"{day_name(act, 'zh')}参加会议，距任期开始已{_span_text(fact, 'zh')}，未换届",
            en=f"acted on {day_name(act, 'en')}, {_span_text(fact, 'en')} into an open-ended "
            "term")

    def shortfall(self, fact: Fact, params: ActingParams, failed: tuple[str, ...]
                  ) -> Text | None:
        act, end = fact.dates.get("meeting") or fact.day, self._end(fact)
        if fact.values["has_end"] == 1 or end is not None:
            if end is None:
                return None
            late = (act - end).days
            return trusted(Text, zh=f"超出任期{late}天",
                           en=f"{counted(late, 'day', 'en')} after the term")
        return _over(fact, params.years)

    def required(self, params: ActingParams) -> Text:
        if params.ends_with_rc:
            return trusted(Text,
                zh=f"只在任期内参加会议：至任期届满之日；未定届满日的，至任期开始时在任的那一届"
                   f"社区居委会任期届满之日，无记录可查的，自任期开始起不超过{params.years}年",
                en="acting only within the term: to its declared end; for an open-ended term, "
                   "to the end of the residents' committee's term in force at its start, or "
                   f"{params.years} years from its start where the records show none")
        return trusted(Text,
            zh=f"只在任期内参加会议（至任期届满之日；未定届满日的，自任期开始起不超过{params.years}年）",
            en=f"acting only within the term (to its declared end, or {params.years} years "
            "from its start)")
