"""Something happens at least N times per calendar period (每月 / 每季度 / 每半年 / 每年)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field as PydanticField
from pydantic import model_validator

from ..._words import period_name
from ...facts.schema import Fact
from ...report._trusted import trusted
from ...report.model import Text
from ..conditions import Cmp, Condition, Field, all_of
from ._base import KindParams
from ._clauses import Clause, ClauseKind


class CadenceParams(KindParams):
    at_least: int = PydanticField(default=1, ge=1)
    what: dict[str, str] = PydanticField(description="what is counted, {zh, en}")
    due_month_offset: Literal[0, 1] | None = PydanticField(
        default=None, description="for what is reported after its period (a monthly report due "
        "by the 5th of the next month): 1 the month after the period, 0 its last month; with "
        "``due_day``, a period is judged once the records reach that day")
    due_day: int | None = PydanticField(default=None, ge=1, le=31,
                                        description="the last day the report is due on")

    @model_validator(mode="after")
    def _due_in_full(self) -> CadenceParams:
        if (self.due_month_offset is None) != (self.due_day is None):
            raise ValueError("due_month_offset and due_day are given together, or neither")
        return self

    @property
    def days_after_period(self) -> int:
        """How many days after its period's last day a report of it may still come: the due
        day of the next month (5 for 次月5日前), none when it is due within the period."""
        return self.due_day if self.due_month_offset == 1 and self.due_day else 0


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
        short: Condition = Cmp(Field("count"), "<", params.at_least)
        if params.due_day is not None:  # missed once the records reach the due day
            short = all_of(short, Cmp(Field("days_run"), ">=", params.days_after_period))
        return [Clause(short, "{tally}", "{tally}")]

    def derived(self, fact: Fact, params: CadenceParams) -> dict[str, str]:
        """The period's tally in words: none at all is said as such (没有…, no …), and a
        count is never put before a noun that would have to agree with it.

        >>> from datetime import date
        >>> from governance_rules.facts.schema import RecordRef
        >>> from governance_rules.records.dossier import Where
        >>> fact = Fact("period", RecordRef("b", "body", Where("b.yaml", 1, "body")),
        ...             date(2022, 8, 1), (), {"count": 0}, names={"period": "2022-08"})
        >>> meetings = CadenceParams(at_least=1, what={"zh": "全体委员会议", "en": "full meetings"})
        >>> tally = Cadence().derived(fact, meetings)
        >>> tally["tally_zh"], tally["tally_en"]
        ('2022年8月没有全体委员会议，至少须1次', 'no full meetings in August 2022; at least 1 required')
        >>> fact.values["count"] = 1
        >>> Cadence().derived(fact, meetings.model_copy(update={"at_least": 2}))["tally_en"]
        'full meetings in August 2022: only 1; at least 2 required'
        """
        count, period = int(fact.values["count"]), fact.names.get("period", "")
        zh, en = params.what.get("zh", "?"), params.what.get("en", "?")
        when_zh, when_en, least = period_name(period, "zh"), period_name(period, "en"), params.at_least
        said_zh = (f"{when_zh}没有{zh}" if count == 0 else f"{when_zh}只有{count}次{zh}")
        said_en = (f"no {en} in {when_en}" if count == 0 else f"{en} in {when_en}: only {count}")
        return {"tally": said_en, "tally_en": f"{said_en}; at least {least} required",
                "tally_zh": f"{said_zh}，至少须{least}次"}

    def measured(self, fact: Fact, params: CadenceParams) -> Text:
        count, period = int(fact.values["count"]), fact.names.get("period", "")
        zh, en = params.what.get("zh", ""), params.what.get("en", "")
        when_zh, when_en = period_name(period, "zh"), period_name(period, "en")
        return trusted(Text,
            zh=f"{when_zh}没有{zh}" if count == 0 else f"{when_zh}{zh}{count}次",
            en=f"no {en} in {when_en}" if count == 0 else f"{en} in {when_en}: {count}")

    def shortfall(self, fact: Fact, params: CadenceParams, failed: tuple[str, ...]) -> Text:
        short = params.at_least - int(fact.values["count"])
        return trusted(Text, zh=f"还差{short}次", en=f"{short} more needed")

    def required(self, params: CadenceParams) -> None:
        """The rule's title says how often, in the source's words (每月 / 每季度 …)."""
        return None
