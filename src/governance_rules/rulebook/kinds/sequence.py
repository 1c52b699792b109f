"""Steps happen in order, none left out (SQ-SIFANG:379 for hearings)."""

from __future__ import annotations

from ...report._trusted import trusted
from ...report.model import Text
from ..conditions import Cmp, Field
from ._base import KindParams
from ._clauses import Clause, ClauseKind


class SequenceParams(KindParams):
    pass


class Sequence(ClauseKind[SequenceParams]):
    """The facts count steps missing and steps out of the prescribed order."""

    name = "sequence"
    summary = "every step, in the prescribed order"
    fact_types = frozenset({"hearing"})
    params_model = SequenceParams

    def clauses(self, params: SequenceParams) -> list[Clause]:
        return [
            Clause(Cmp(Field("steps_missing"), ">", 0),
                   "缺少{steps_missing}个程序步骤（{missing_steps}）",
                   "{steps_missing|step|steps} missing ({missing_steps})"),
            Clause(Cmp(Field("steps_out_of_order"), ">", 0), "程序步骤顺序颠倒（{steps}）",
                   "steps out of order ({steps})"),
        ]

    def required(self, params: SequenceParams) -> Text:
        return trusted(Text, zh="程序步骤齐全，且按规定顺序进行",
                       en="every step, in the prescribed order")
