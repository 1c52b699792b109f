"""Analysis: expenses that together cross an approval limit while each stays under it."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field as PydanticField

from ..._words import yuan
from ...facts.schema import Fact
from ...report._trusted import trusted
from ...report.model import Text
from ..conditions import Cmp, Field, all_of
from ._base import KindParams
from ._clauses import Clause, ClauseKind


class SplittingParams(KindParams):
    limits: list[Decimal] = PydanticField(min_length=1, description="tier limits in yuan")


class Splitting(ClauseKind[SplittingParams]):
    """Flags the expense at which a group (same payee or purpose, within the window) first
    crosses a limit that none of its members crosses alone."""

    name = "splitting"
    summary = "no group of small expenses crosses an approval limit"
    fact_types = frozenset({"expense_cluster"})
    params_model = SplittingParams

    def clauses(self, params: SplittingParams) -> list[Clause]:
        out = []
        for n, limit in enumerate(params.limits, 1):  # named limit_1, limit_2 …: a citation
            fen = int(limit * 100)                      # decides the limit it is `for`
            out.append(Clause(
                all_of(Cmp(Field("cluster_size"), ">=", 2), Cmp(Field("max_single_fen"), "<=", fen),
                       Cmp(Field("cluster_before_fen"), "<=", fen), Cmp(Field("cluster_fen"), ">", fen)),
                f"{{window_days}}天内付给「{{group_key}}」的{{cluster_size}}笔开支"
                f"合计{{cluster_total}}元，超过{yuan(limit, 'zh')}，而单笔均未超过这一限额："
                "{expenses}",
                f"{{cluster_size}} expenses to \"{{group_key}}\" within {{window_days}} days "
                f"total {{cluster_total}} yuan, over {yuan(limit, 'en')}, while "
                "no single payment exceeds that limit: {expenses}", f"limit_{n}"))
        return out

    def measured(self, fact: Fact, params: SplittingParams) -> Text:
        total, size = fact.names.get("cluster_total", "0"), int(fact.values["cluster_size"])
        return trusted(Text, zh=f"{size}笔开支合计{yuan(total, 'zh', paid=True)}",
                       en=f"{size} expenses totalling {yuan(total, 'en', paid=True)}")

    def required(self, params: SplittingParams) -> Text:
        return trusted(Text,
            zh="同一收款人或用途的开支不得拆分以规避" + "、".join(
                yuan(limit, "zh") for limit in params.limits) + "的审批限额",
            en="no expenses split to stay under the approval limits of " + ", ".join(
                yuan(limit, "en") for limit in params.limits))
