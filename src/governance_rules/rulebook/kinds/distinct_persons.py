"""Roles that must not be held by the same person (会计、出纳要分设; 主任不得兼任出纳)."""

from __future__ import annotations

from ..._words import person_words
from ...facts.schema import Fact
from ...report._trusted import trusted
from ...report.model import Text
from ..conditions import Cmp, Field, all_of
from ._base import KindParams
from ._clauses import Clause, ClauseKind

ROLE_NAMES = {
    "accountant": ("会计", "the accountant"),
    "cashier": ("出纳", "the cashier"),
    "director": ("社区居委会主任", "the residents' committee director"),
}


class DistinctPersonsParams(KindParams):
    pairs: list[tuple[str, str]]


class DistinctPersons(ClauseKind[DistinctPersonsParams]):
    """For each pair of role fields, the two people must differ (an unknown holder never matches)."""

    name = "distinct_persons"
    summary = "two roles are held by different people"
    fact_types = frozenset({"expense"})
    params_model = DistinctPersonsParams

    def clauses(self, params: DistinctPersonsParams) -> list[Clause]:
        out = []
        for a, b in params.pairs:
            (za, ea), (zb, eb) = ROLE_NAMES.get(a, (a, a)), ROLE_NAMES.get(b, (b, b))
            out.append(Clause(
                all_of(Cmp(Field(a), "!=", ""), Cmp(Field(a), "==", Field(b))),
                f"{za}与{zb}为同一人", f"{ea} and {eb} are the same person", name=f"{a}/{b}",
            ))
        return out

    def measured(self, fact: Fact, params: DistinctPersonsParams) -> Text:
        zh, en = [], []
        for a, b in params.pairs:
            for role in (a, b):
                role_zh, role_en = ROLE_NAMES.get(role, (role, role))
                who = str(fact.values[role])
                name = fact.names.get(f"{role}_name", "")
                zh.append(f"{role_zh}：{person_words(name, who, 'zh')}" if who
                          else f"{role_zh}：未记录")
                en.append(f"{role_en}: {person_words(name, who, 'en')}" if who
                          else f"{role_en}: not recorded")
        return trusted(Text, zh="；".join(zh), en="; ".join(en))
