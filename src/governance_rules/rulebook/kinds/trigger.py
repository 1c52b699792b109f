"""A trigger obliges a follow-up, and the follow-up rests on a trigger (RA-ADHOC).

A proposal qualifies when any threshold is met: ``signed ≥ share × total`` for one of
residents, households, residents' groups or representatives (a total of 0 never qualifies).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

from pydantic import Field as PydanticField

from ..._words import days_in_words, share_words, threshold_words
from ...facts.schema import Fact
from ...report._trusted import trusted
from ...report.model import Text
from ..conditions import Cmp, Condition, Field, all_of, any_of, eq
from ._base import KindParams
from ._clauses import Clause, ClauseKind


class Threshold(KindParams):
    who: Literal["residents", "households", "groups", "representatives"]
    share: Fraction


_WHO = {"residents": ("18周岁以上居民", "名", "residents aged 18 or over"),
        "households": ("居民户", "户", "households"),
        "groups": ("居民小组", "个", "residents' groups"),
        "representatives": ("代表", "名", "representatives")}


class TriggerParams(KindParams):
    direction: Literal["obliges", "rests_on"]
    thresholds: list[Threshold] = PydanticField(min_length=1)
    within_days: int | None = PydanticField(
        default=None, ge=0, le=3650, description="(obliges) the follow-up comes within this "
        "many days of the trigger; a trigger with none is judged once that many days have run "
        "by the window's end (none: any later follow-up counts, none at all fails)")


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
            met = any_of(*(_met(t) for t in params.thresholds))
            days = params.within_days
            if days is None:
                return [Clause(all_of(met, eq("followed", 0)), "提议达到法定比例，但未召开临时会议",
                               "the proposal met a threshold but no assembly followed it")]
            return [
                Clause(all_of(met, eq("followed", 0), Cmp(Field("days_to_window_end"), ">=", days)),
                       f"提议达到法定比例，{days}天内未召开临时会议",
                       f"the proposal met a threshold but no assembly followed within {days} "
                       f"day{'' if days == 1 else 's'}"),
                Clause(all_of(met, eq("followed", 1), Cmp(Field("follow_days"), ">", days)),
                       f"提议达到法定比例，临时会议于提议后{{follow_days}}天才召开，超过{days}天",
                       f"the proposal met a threshold, but the assembly was held {{follow_days}} "
                       f"days after it, more than {days}"),
            ]
        return [
            Clause(all_of(eq("has_proposal", 0), eq("special_circumstances", 0)),
                   "临时会议既无提议也未说明特殊情况",
                   "ad hoc meeting with neither a proposal nor stated special circumstances"),
            Clause(all_of(eq("has_proposal", 1), eq("special_circumstances", 0),
                          eq("proposal_after", 0), *(_unmet(t) for t in params.thresholds)),
                   "提议未达到任何法定比例（{counts}）",
                   "the proposal met none of the thresholds ({counts})"),
            Clause(all_of(eq("has_proposal", 1), eq("special_circumstances", 0),
                          eq("proposal_after", 1)),
                   "所依据的提议于{proposal_day}才提出，晚于会议",
                   "the proposal it rests on was made only on {proposal_day}, after the sitting"),
        ]

    def derived(self, fact: Fact, params: TriggerParams) -> dict[str, str]:
        """The proposers counted against each threshold, for the message (by how much)."""
        counts = self._counts(fact, params)
        return {"counts": counts.en, "counts_en": counts.en, "counts_zh": counts.zh}

    def measured(self, fact: Fact, params: TriggerParams) -> Text:
        """The proposers counted; for a sitting, first whether it had a proposal at all and
        when it was made (a sitting with none measured ``no count of proposers is recorded``,
        as if it had one)."""
        v = fact.values
        if params.direction == "obliges" or v.get("special_circumstances") == 1:
            return self._counts(fact, params)
        if v.get("has_proposal") == 0:
            return trusted(Text, zh="没有提议，也未说明特殊情况",
                           en="no proposal, and no special circumstances stated")
        counts = self._counts(fact, params)
        if v.get("proposal_after") == 1:
            made = fact.names.get("proposal_day", "")
            return trusted(Text,
                zh=f"提议于{days_in_words(made, 'zh')}提出，晚于会议；{counts.zh}",
                en=f"the proposal was made on {days_in_words(made, 'en')}, after the sitting; "
                   f"{counts.en}")
        return counts

    def _counts(self, fact: Fact, params: TriggerParams) -> Text:
        v = fact.values
        zh, en = [], []
        for t in params.thresholds:
            who_zh, unit, who_en = _WHO[t.who]
            signed, total = v[f"{t.who}_signed"], v[f"{t.who}_total"]
            if not signed and not total:  # a count the proposal does not give: not "0 of 0"
                continue
            zh.append(f"{who_zh}{total}{unit}，其中{signed}{unit}提议")
            en.append(f"{signed} of {total} {who_en} proposed it")
        if not zh:
            return trusted(Text, zh="提议未记录提议人数", en="no count of proposers is recorded")
        return trusted(Text, zh="；".join(zh), en="; ".join(en))

    def required(self, params: TriggerParams) -> Text:
        zh = "或".join(f"{share_words(t.share, 'zh')}以上的{_WHO[t.who][0]}提议"
                      for t in params.thresholds)
        en = " or ".join(f"{threshold_words(t.share, 'at_least', 'en')} of the {_WHO[t.who][2]}"
                         for t in params.thresholds)
        if params.direction == "obliges":
            days = params.within_days
            return trusted(Text, zh=f"{zh}的，应召开临时会议"
                           + (f"（{days}天内）" if days is not None else ""),
                           en=f"an ad hoc assembly when proposed by {en}"
                           + (f", within {days} day{'' if days == 1 else 's'}"
                              if days is not None else ""))
        return trusted(Text, zh=f"临时会议须经{zh}，或说明特殊情况",
                       en=f"an ad hoc assembly only on a proposal by {en}, or "
                       "with special circumstances stated")
