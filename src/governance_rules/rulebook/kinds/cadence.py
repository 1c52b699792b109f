"""Something happens at least N times per calendar period (每月 / 每季度 / 每半年 / 每年)."""

from __future__ import annotations

from pydantic import Field as PydanticField

from ..._words import period_name
from ...facts.schema import Fact
from ...report._trusted import trusted
from ...report.model import Text
from ..conditions import Cmp, Field
from ._base import KindParams
from ._clauses import Clause, ClauseKind


class CadenceParams(KindParams):
    at_least: int = PydanticField(default=1, ge=1)
    what: dict[str, str] = PydanticField(description="what is counted, {zh, en}")


class Cadence(ClauseKind[CadenceParams]):
    """Judges one period fact: its ``count`` of the category named in the rule's ``when``.

    The rule's guard picks body kind, granularity (month, bimonth, quarter, half, year),
    category and, if needed, which parts of the year (``part: [Q1, Q3]``).
    """

    name = "cadence"
    summary = "at least N per period"
    fact_types = frozenset({"period", "member_period"})
    params_model = CadenceParams
    message_fields = ClauseKind.message_fields | {"period"}

    def clauses(self, params: CadenceParams) -> list[Clause]:
        zh, en = params.what.get("zh", "?"), params.what.get("en", "?")
        return [Clause(Cmp(Field("count"), "<", params.at_least),
                       f"{{period}}只有{{count}}次{zh}，至少须{params.at_least}次",
                       f"{{period}} had {{count}} {en}; at least {params.at_least} required")]

    def measured(self, fact: Fact, params: CadenceParams) -> Text:
        count, period = int(fact.values["count"]), fact.names.get("period", "")
        zh, en = params.what.get("zh", ""), params.what.get("en", "")
        return trusted(Text,
            zh=f"{period_name(period, 'zh')}{zh}{count}次",
            en=f"{count} {en} in {period_name(period, 'en')}")

    def required(self, params: CadenceParams) -> None:
        """The rule's title says how often, in the source's words (每月 / 每季度 …)."""
        return None
