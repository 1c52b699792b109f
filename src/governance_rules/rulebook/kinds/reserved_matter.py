"""Matters only one body may decide (RA-RESERVED, HEAR-ESCALATE)."""

from __future__ import annotations

from pydantic import Field as PydanticField

from ...facts.schema import Fact
from ...report._trusted import trusted
from ...report.model import Text
from ..conditions import Cmp, Field, all_of, eq
from ._base import KindParams
from ._clauses import Clause, ClauseKind

MATTERS = {
    # :344 与居民利益相关的重大问题 before the charter, :450 涉及全体社区成员利益的 under it
    "major_residents_matter": ("与居民利益相关的重大问题", "a major matter of the residents' interests"),
    "rc_election": ("选举、撤换或补选社区居委会成员", "electing, removing or by-electing committee members"),
    "charter": ("居民公约或居民自治章程", "the residents' convention or charter"),
    "expense_over_500": ("超过500元的开支", "an expense over 500 yuan"),
    "rc_owners_dispute": ("居委会与业主委员会的不同意见",
                          "a disagreement between the committee and the owners' committee"),
}
BODIES = {"member_representative_assembly": ("社区成员代表大会", "member representative assembly")}


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
        body_zh, body_en = BODIES.get(params.reserved_to, (params.reserved_to, params.reserved_to))
        out = []
        for matter in params.matters:
            zh, en = MATTERS.get(matter, (matter, matter))
            out.append(Clause(
                all_of(eq("matter", matter), Cmp(Field("body_kind"), "!=", params.reserved_to),
                       *decided),
                f"{{body_name}}就{zh}作出决定，该事项应由{body_zh}决定",
                f"{{body_name}} decided {en}, which only the {body_en} may decide", matter))
        return out

    def measured(self, fact: Fact, params: ReservedMatterParams) -> Text:
        matter_zh, matter_en = MATTERS.get(str(fact.values["matter"]), ("其他事项", "another matter"))
        body = fact.names.get("body_name", "")
        return trusted(Text, zh=f"{body}就{matter_zh}作出决定",
                       en=f"{body} decided {matter_en}")

    def required(self, params: ReservedMatterParams) -> Text:
        zh, en = BODIES.get(params.reserved_to, ("规定的机构", "the body it is reserved to"))
        return trusted(Text, zh=f"由{zh}决定", en=f"decided by the {en}")
