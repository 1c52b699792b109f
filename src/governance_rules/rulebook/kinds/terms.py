"""Terms of office: a term is no longer than N years; nobody acts after their term ended."""

from __future__ import annotations

from ...facts.schema import Fact
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


def _span_text(fact: Fact) -> str:
    v = fact.values
    return f"{v['span_years']} years {v['span_months']} months {v['span_days']} days"


class TermLength(ClauseKind[TermParams]):
    """A declared term may end on its N-th anniversary at the latest (start + N years)."""

    name = "term_length"
    summary = "a declared term lasts at most N years"
    fact_types = frozenset({"term"})
    params_model = TermParams

    def clauses(self, params: TermParams) -> list[Clause]:
        return [Clause(all_of(eq("has_end", 1), _beyond_years(params.years)),
                       f"任期超过{params.years}年", f"the term is longer than {params.years} years")]

    def measured(self, fact: Fact, params: TermParams) -> str:
        return _span_text(fact)

    def required(self, params: TermParams) -> str:
        return f"<= {params.years} years"


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
                   "{person_name}（{person}）的任期已届满仍参加会议",
                   "{person_name} ({person}) acted after their term ended"),
            Clause(all_of(eq("has_end", 0), _beyond_years(params.years)),
                   f"{{person_name}}（{{person}}）任期已超过{params.years}年未换届仍参加会议",
                   f"{{person_name}} ({{person}}) acted more than {params.years} years "
                   "into an open-ended term"),
        ]

    def measured(self, fact: Fact, params: TermParams) -> str:
        return f"acted {_span_text(fact)} after the term started"

    def required(self, params: TermParams) -> str:
        return f"act within the term (declared end, or {params.years} years from its start)"
