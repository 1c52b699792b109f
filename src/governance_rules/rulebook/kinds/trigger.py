"""A trigger obliges a follow-up, and the follow-up rests on a trigger (RA-ADHOC).

A proposal qualifies when any threshold is met: ``signed ≥ share × total`` for one of
residents, households, residents' groups or representatives (a total of 0 never qualifies).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

from pydantic import Field as PydanticField

from ...facts.schema import Fact
from ..conditions import Cmp, Condition, Field, all_of, any_of, eq
from ._base import KindParams
from ._clauses import Clause, ClauseKind


class Threshold(KindParams):
    who: Literal["residents", "households", "groups", "representatives"]
    share: Fraction


class TriggerParams(KindParams):
    direction: Literal["obliges", "rests_on"]
    thresholds: list[Threshold] = PydanticField(min_length=1)


def _met(t: Threshold) -> Condition:
    return all_of(Cmp(Field(f"{t.who}_total"), ">", 0),
                  Cmp(Field(f"{t.who}_signed", t.share.denominator), ">=",
                      Field(f"{t.who}_total", t.share.numerator)))


def _unmet(t: Threshold) -> Condition:
    return any_of(eq(f"{t.who}_total", 0),
                  Cmp(Field(f"{t.who}_signed", t.share.denominator), "<",
                      Field(f"{t.who}_total", t.share.numerator)))


class Trigger(ClauseKind[TriggerParams]):
    name = "trigger"
    summary = "a qualifying trigger and its follow-up go together"
    fact_types = frozenset({"proposal", "meeting"})
    params_model = TriggerParams

    def clauses(self, params: TriggerParams) -> list[Clause]:
        if params.direction == "obliges":
            return [Clause(all_of(any_of(*(_met(t) for t in params.thresholds)), eq("followed", 0)),
                           "提议达到法定人数，但未召开临时会议",
                           "the proposal met a threshold but no assembly followed it")]
        return [
            Clause(all_of(eq("has_proposal", 0), eq("special_circumstances", 0)),
                   "临时会议既无提议也未说明特殊情况",
                   "ad hoc meeting with neither a proposal nor stated special circumstances"),
            Clause(all_of(eq("has_proposal", 1), eq("special_circumstances", 0),
                          *(_unmet(t) for t in params.thresholds)),
                   "提议未达到任何法定比例", "the proposal met none of the thresholds"),
        ]

    def measured(self, fact: Fact, params: TriggerParams) -> str:
        v = fact.values
        return ", ".join(f"{t.who} {v[f'{t.who}_signed']}/{v[f'{t.who}_total']}"
                         for t in params.thresholds)

    def required(self, params: TriggerParams) -> str:
        return " or ".join(f"{t.who} >= {t.share}" for t in params.thresholds)
