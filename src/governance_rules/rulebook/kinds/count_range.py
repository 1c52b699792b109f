"""Counts lie in a range (5–9 members, at least 30 representatives, exactly one director …)."""

from __future__ import annotations

from pydantic import Field as PydanticField

from ...facts.schema import Fact
from ...report._trusted import trusted
from ...report.model import Text
from ..conditions import Cmp, Field, all_of, negate
from ._base import KindParams
from ._clauses import Clause, ClauseKind
from .requirement import comparison


class CountRange(KindParams):
    field: str
    name: str = PydanticField(default="", description="what citations name in `for:`; "
                              "default: the field")
    min: int | None = None
    max: int | None = None
    label: dict[str, str]
    detail: dict[str, str] = PydanticField(
        default_factory=dict, description="text added to the reason, may name fact fields")
    unless: list[tuple[str, str, object]] = PydanticField(
        default_factory=list, description="comparisons that exempt the fact from this range")
    omit_unknown: bool = PydanticField(
        default=False, description="leave the count out of the evidence when it is -1 (the "
        "count does not apply, e.g. one the model charter replaces), not say 'not recorded'")


class CountRangeParams(KindParams):
    ranges: list[CountRange] = PydanticField(min_length=1)
    known_only: bool = PydanticField(default=True, description="skip counts recorded as unknown (-1)")


class CountInRange(ClauseKind[CountRangeParams]):
    name = "count_range"
    summary = "counts within their ranges"
    fact_types = frozenset({"roster", "community", "archive", "session", "assessment"})
    params_model = CountRangeParams

    def clauses(self, params: CountRangeParams) -> list[Clause]:
        out = []
        for r in params.ranges:
            zh, en = r.label.get("zh", r.field), r.label.get("en", r.field)
            dzh, den = r.detail.get("zh", ""), r.detail.get("en", "")
            exempt = [comparison(f, op, v) for f, op, v in r.unless]
            known = [Cmp(Field(r.field), ">=", 0)] if params.known_only else []
            guard = [*known, *(negate(c) for c in exempt)]
            count = f"{{{r.field}}}"
            if r.min is not None:
                out.append(Clause(all_of(*guard, Cmp(Field(r.field), "<", r.min)),
                                  f"{zh}为{count}{dzh}，至少须为{r.min}",
                                  f"{en}: {count}{den}; at least {r.min} required",
                                  r.name or r.field))
            if r.max is not None:
                out.append(Clause(all_of(*guard, Cmp(Field(r.field), ">", r.max)),
                                  f"{zh}为{count}{dzh}，"
                                  + ("应为0" if r.max == 0 else f"至多为{r.max}"),
                                  f"{en}: {count}{den}; "
                                  + ("none allowed" if r.max == 0 else f"at most {r.max} allowed"),
                                  r.name or r.field))
        return out

    def measured(self, fact: Fact, params: CountRangeParams) -> Text:
        zh, en = [], []
        for r in params.ranges:
            value = int(fact.values[r.field])
            if value < 0 and r.omit_unknown:
                continue
            label_zh, label_en = r.label.get("zh", ""), r.label.get("en", "")
            zh.append(f"{label_zh}未记录" if value < 0 else f"{label_zh}为{value}")
            en.append(f"{label_en}: not recorded" if value < 0 else f"{label_en}: {value}")
        return trusted(Text, zh="；".join(zh), en="; ".join(en))

    def shortfall(self, fact: Fact, params: CountRangeParams,
                  failed: tuple[str, ...]) -> Text | None:
        """How far each count whose range failed (``failed``: the ranges' names) lies from it
        (户数超出32, 代表人数还差7).

        >>> from datetime import date
        >>> from governance_rules.facts.schema import RecordRef
        >>> from governance_rules.records.dossier import Where
        >>> fact = Fact("community", RecordRef("g", "community", Where("g.yaml", 1, "group")),
        ...             date(2022, 3, 1), (), {"households": 132})
        >>> size = CountRange(field="households", min=50, max=100,
        ...                   label={"zh": "户数", "en": "the number of households"})
        >>> CountInRange().shortfall(fact, CountRangeParams(ranges=[size]), ("households",))
        Text(zh='户数超出32', en='the number of households: 32 over')
        """
        zh, en = [], []
        for r in params.ranges:
            if (r.name or r.field) not in failed:
                continue
            value = int(fact.values[r.field])
            if value < 0:  # not recorded: no distance to give
                continue
            label_zh, label_en = r.label.get("zh", r.field), r.label.get("en", r.field)
            if r.min is not None and value < r.min:
                zh.append(f"{label_zh}还差{r.min - value}")
                en.append(f"{label_en}: {r.min - value} short")
            elif r.max is not None and value > r.max:
                zh.append(f"{label_zh}超出{value - r.max}")
                en.append(f"{label_en}: {value - r.max} over")
        return trusted(Text, zh="；".join(zh), en="; ".join(en)) if zh else None

    def required(self, params: CountRangeParams) -> None:
        """The rule's title says the range in the source's words (5至9人, 每组不少于2名 …)."""
        return None
