"""How seats are filled: who decides, and who may succeed whom."""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

from pydantic import Field as PydanticField

from ..._words import threshold_words
from ..conditions import Cmp, Field, all_of, any_of, eq
from ._base import KindParams
from ._clauses import Clause, ClauseKind

ORIGINS_ZH = {"election": "选举", "by_election": "补选", "appointment": "任命", "nomination": "推选"}
ORIGINS_EN = {"by_election": "by-election"}
"""How a seat was obtained, in words (the other origins are one word already)."""


def origins_en(origins: list[str]) -> str:
    """``["election", "by_election"]`` → ``election or by-election``."""
    return " or ".join(ORIGINS_EN.get(a, a.replace("_", " ")) for a in origins)


class DecisionParams(KindParams):
    by_same_body: bool = True
    threshold: Fraction | None = None
    comparison: Literal["at_least", "more_than"] = "at_least"


class ReplacementParams(KindParams):
    same: Literal["sector", "group"] | None = None
    obtained_by: list[str] | None = None
    require_successor: bool = True
    decision: DecisionParams | None = None


_SAME = {"sector": ("方面", "sector"), "group": ("居民小组", "residents' group")}


class Replacement(ClauseKind[ReplacementParams]):
    """A member who leaves is replaced: by a successor from the same sector or group, obtained
    the required way, after a decision of the body that meets its threshold."""

    name = "replacement"
    summary = "a departing member is replaced the prescribed way"
    fact_types = frozenset({"replacement"})
    params_model = ReplacementParams

    def clauses(self, params: ReplacementParams) -> list[Clause]:
        out = []
        has = eq("has_successor", 1)
        if params.require_successor:
            out.append(Clause(eq("has_successor", 0), "{departed}离任后未补选增补",
                              "no successor recorded for {departed}", "successor"))
        if params.same is not None:
            zh, en = _SAME[params.same]
            out.append(Clause(all_of(has, Cmp(Field(params.same), "!=",
                                              Field(f"successor_{params.same}"))),
                              f"继任者{{successor_name}}（{{successor}}）不属于原{zh}",
                              f"successor {{successor_name}} ({{successor}}) is not from the "
                              f"same {en}", "same"))
        if params.obtained_by:
            allowed = origins_en(params.obtained_by)
            out.append(Clause(
                all_of(has, *(Cmp(Field("successor_obtained_by"), "!=", a)
                              for a in params.obtained_by)),
                f"继任者不是经{'或'.join(ORIGINS_ZH.get(a, a) for a in params.obtained_by)}产生",
                f"successor not obtained by {allowed}", "obtained_by"))
        decision = params.decision
        if decision is not None:
            out.append(Clause(eq("decision_found", 0), "没有记录表决决定",
                              "no recorded vote of the body decided the replacement", "decision"))
            found = eq("decision_found", 1)
            if decision.by_same_body:
                out.append(Clause(all_of(found, Cmp(Field("decision_body"), "!=", Field("body"))),
                                  "决定不是由本机构表决作出", "decided by another body",
                                  "decision"))
            out.append(Clause(all_of(found, eq("decision_adopted", 0)),
                              "该表决未获通过", "the vote did not adopt the replacement",
                              "decision"))
            out.append(Clause(all_of(found, eq("decision_before_successor", 0)),
                              "继任者在表决之前已经就任（须表决后再增补）",
                              "the successor took the seat before the vote (the vote comes "
                              "first, then the successor)", "decision"))
            if decision.threshold is not None:
                p, q = decision.threshold.numerator, decision.threshold.denominator
                op = "<" if decision.comparison == "at_least" else "<="
                needed_zh = threshold_words(decision.threshold, decision.comparison, "zh")
                needed_en = threshold_words(decision.threshold, decision.comparison, "en")
                out.append(Clause(
                    all_of(found, Cmp(Field("decision_consented", q), op,
                                      Field("decision_seated", p))),
                    f"撤换表决只有{{decision_consented}}/{{decision_seated}}名在任成员同意，"
                    f"须{needed_zh}",
                    f"only {{decision_consented}} of {{decision_seated}} seated members consented "
                    f"to the replacement; {needed_en} required", "consent"))
        return out


class SeatOriginParams(KindParams):
    obtained_by: list[str]
    decided_by_kind: str | list[str]
    """The kind(s) of body whose adopted motion, dated on or before the term's start, the seat
    rests on (e.g. the assembly, or a meeting of all community members)."""

    election: bool = PydanticField(
        default=False, description="the decision is an election: a motion on the election "
        "(`rc_election`) or one of a sitting with an election on its agenda")

    def kinds(self) -> list[str]:
        return ([self.decided_by_kind] if isinstance(self.decided_by_kind, str)
                else list(self.decided_by_kind))


_KIND_ZH = {"member_representative_assembly": "社区成员代表大会",
            "community_members": "社区成员会议"}
"""The bodies a seat's election may come from, as a finding names them."""


class SeatOrigin(ClauseKind[SeatOriginParams]):
    """A seat is obtained only the prescribed way (e.g. elected by the assembly), by a decision
    held on or before the seat's start."""

    name = "seat_origin"
    summary = "a seat is obtained the prescribed way, by the prescribed body, before it starts"
    fact_types = frozenset({"term"})
    params_model = SeatOriginParams

    def clauses(self, params: SeatOriginParams) -> list[Clause]:
        allowed = origins_en(params.obtained_by)
        allowed_zh = "或".join(ORIGINS_ZH.get(a, a) for a in params.obtained_by)
        kinds = params.kinds()
        kinds_zh = "或".join(_KIND_ZH.get(k, k) for k in kinds)
        by_kind = any_of(*(Cmp(Field("decision_body_kind"), "==", k) for k in kinds))
        return [
            Clause(all_of(*(Cmp(Field("obtained_by"), "!=", a) for a in params.obtained_by)),
                   f"{{person_name}}的席位不是经{allowed_zh}产生",
                   f"{{person_name}}'s seat was not obtained by {allowed}", "obtained_by"),
            Clause(eq("decision_body_kind", ""),
                   f"没有记录{kinds_zh}的选举决定",
                   "no recorded decision of the "
                   + " or the ".join(k.replace("_", " ") for k in kinds),
                   "decided_by"),
            Clause(all_of(Cmp(Field("decision_body_kind"), "!=", ""),
                          *(Cmp(Field("decision_body_kind"), "!=", k) for k in kinds)),
                   f"席位依据的是{{decided_by}}，不是{kinds_zh}的选举",
                   "the seat rests on a decision of {decided_by}, not of the "
                   + " or the ".join(k.replace("_", " ") for k in kinds),
                   "decided_by"),
            Clause(all_of(by_kind, eq("decision_adopted", 0)),
                   "选举表决未获通过", "the election motion was not adopted", "adopted"),
            Clause(all_of(by_kind, eq("decision_adopted", 1), eq("decision_in_time", 0)),
                   "选举晚于任期开始之日", "the election was held after the seat's start date",
                   "in_time"),
            *([Clause(all_of(by_kind, eq("decision_adopted", 1), eq("decision_election", 0)),
                      "所记录的决定不是选举（既非选举事项的表决，也非有选举议程的会议）",
                      "the decision recorded is no election (neither a motion on the election "
                      "nor one of a sitting with an election on its agenda)", "decided_by")]
              if params.election else []),
        ]
