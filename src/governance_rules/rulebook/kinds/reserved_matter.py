"""Matters only one body may decide (RA-RESERVED, HEAR-ESCALATE)."""

from __future__ import annotations

from pydantic import Field as PydanticField

from ...facts.schema import Fact
from ..conditions import Cmp, Field, all_of, any_of, eq
from ._base import KindParams
from ._clauses import Clause, ClauseKind


class ReservedMatterParams(KindParams):
    matters: list[str] = PydanticField(min_length=1)
    reserved_to: str
    decided_only: bool = PydanticField(
        default=False, description="judge only records that decided (a hearing that voted)")


class ReservedMatter(ClauseKind[ReservedMatterParams]):
    """Broken when a decision on a reserved matter is taken by another kind of body."""

    name = "reserved_matter"
    summary = "a reserved matter is decided by the body it is reserved to"
    fact_types = frozenset({"motion", "hearing"})
    params_model = ReservedMatterParams

    def clauses(self, params: ReservedMatterParams) -> list[Clause]:
        decided = [eq("decided", 1)] if params.decided_only else []
        return [Clause(all_of(any_of(*(eq("matter", m) for m in params.matters)),
                              Cmp(Field("body_kind"), "!=", params.reserved_to), *decided),
                       "{body_name}就保留事项（{matter}）作出决定，该事项应由"
                       f"{params.reserved_to}决定",
                       "{body_name} decided a reserved matter ({matter}) that only the "
                       f"{params.reserved_to} may decide")]

    def measured(self, fact: Fact, params: ReservedMatterParams) -> str:
        return f"{fact.values['matter']} decided by {fact.values['body_kind']}"

    def required(self, params: ReservedMatterParams) -> str:
        return f"decided by the {params.reserved_to}"
