"""The general form: a rule broken when any of its clauses holds, each clause a conjunction of
comparisons written in the rule file. The specific kinds (cadence, deadline, count range …)
are this with a fixed shape; use this one for a flag or a plain comparison.

A comparison is ``[field, op, value]`` (``op`` also ``more_than`` / ``at_least``); ``value`` is
a number or text, ``{field: other}``, ``{share: 1/5, of: total}`` (``field op share × total``,
exactly), or ``{value: 95, times: 100}``.
A clause's ``unless:`` comparisons, all holding, keep it from holding.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from string import Formatter
from typing import Any

from pydantic import Field as PydanticField
from pydantic import model_validator

from ..._words import split_placeholder
from ...errors import short_input
from ...facts.schema import FACT_SCHEMAS
from ...models._base import Problem
from ...report._trusted import trusted
from ...report.model import Text
from ..conditions import NEGATED, Cmp, Field, all_of, negate
from ..model import Localised, Threshold, placeholders_problem, put_values
from ._base import KindParams
from ._clauses import Clause, ClauseKind


class RequirementClause(KindParams):
    when: list[tuple[str, str, Any]] = PydanticField(min_length=1)
    unless: list[tuple[str, str, Any]] = PydanticField(
        default_factory=list, description="the clause holds only when these do not all hold")
    zh: str
    en: str
    name: str = PydanticField(default="", description="what citations name in `for:`")

    @model_validator(mode="after")
    def _counts_have_both_forms(self) -> RequirementClause:
        """A count with its noun is ``{count|one|more}``: refused here, not at a finding."""
        for text in (self.zh, self.en):
            for _, name, _, _ in Formatter().parse(text):
                if name:
                    split_placeholder(name)
        return self


class RequiredText(Localised):
    """What the rule asks, in both languages, with the parameter values it names: ``{days}``
    in the text is the value of ``values: {days: {param: tpc.notice_days}}`` in force for the
    case (an overlay's where one applies), so that the text never states a number the rule did
    not judge with; ``{age:chinese}`` writes it in Chinese numerals in Chinese (年满十八周岁),
    and a share with its reading (``{share: {param: …}, comparison: {param: …}}``) is said as
    a threshold (超过半数). The rule's clauses may name the same values.

    >>> RequiredText(zh="开幕{days}日前", en="{days} days before", values={"days": 3}).text()
    ('开幕3日前', '3 days before')
    >>> RequiredText(zh="{n:chinese}日内", en="within {n|day|days}", values={"n": 1}).text()
    ('一日内', 'within 1 day')
    >>> RequiredText(zh="赞同委员{half}", en="{half} consenting", values={"half": {
    ...     "share": Fraction(2, 3), "comparison": "at_least"}}).text()
    ('赞同委员达三分之二以上', 'at least two thirds consenting')
    """

    values: dict[str, int | Decimal | Fraction | Threshold | str] = PydanticField(
        default_factory=dict)

    @model_validator(mode="after")
    def _placeholders_are_values(self) -> RequiredText:
        for text in (self.zh, self.en):
            problem = placeholders_problem(text, self.values)
            if problem is not None:
                raise ValueError(problem)
        return self

    def text(self) -> tuple[str, str]:
        """(zh, en) with the values put in (``1 day``, not ``1 days``)."""
        return (put_values(self.zh, self.values, "zh").format(),
                _ONE_DAY.sub("1 day", put_values(self.en, self.values, "en").format()))


_ONE_DAY = re.compile(r"(?<![\d.,])1 days\b")


class RequirementParams(KindParams):
    clauses: list[RequirementClause] = PydanticField(min_length=1)
    required: str | RequiredText = PydanticField(
        default="", description="what the rule asks, {zh, en}, optionally with `values` its "
        "text names as {name} (`{param: …}` each); plain text is English and the rule's title "
        "stands for it in Chinese")


def comparison(field: str, op: str, value: Any) -> Cmp:
    """Compile ``[field, op, value]`` (see the module docstring) exactly, without division.

    >>> comparison("signed", ">=", {"share": Fraction(1, 5), "of": "total"})
    Cmp(left=Field(name='signed', times=5), op='>=', right=Field(name='total', times=1))
    """
    op = _OP_WORDS.get(op, op) if isinstance(op, str) else op
    if op not in _OPS:  # e.g. an overlay's reading of a comparison parameter
        raise Problem(f"unknown comparison {short_input(op)}; one of "
                      f"{', '.join([*_OPS, *_OP_WORDS])}",
                      f"「{str(op)[:40]}」不是可用的比较方式，须为以下之一："
                      f"{'、'.join([*_OPS, *_OP_WORDS])}")
    if isinstance(value, dict):
        if set(value) == {"field"}:
            return Cmp(Field(field), op, Field(str(value["field"])))
        if set(value) == {"share", "of"}:
            share = Fraction(value["share"])
            if not 0 < share <= 1:
                raise Problem(f"a share is more than 0 and at most 1, got "
                              f"{short_input(value['share'])}",
                              f"比例须大于0且不大于1，实为「{value['share']}」")
            return Cmp(Field(field, share.denominator), op, Field(str(value["of"]), share.numerator))
        if set(value) == {"value", "times"}:
            return Cmp(Field(field), op, whole(Decimal(str(value["value"])) * int(value["times"])))
        raise ValueError(f"unknown comparison value {value!r}")
    if isinstance(value, bool):
        return Cmp(Field(field), op, int(value))
    if isinstance(value, int | str):
        return Cmp(Field(field), op, value)
    if isinstance(value, Decimal | Fraction):
        return Cmp(Field(field), op, whole(value))
    raise ValueError(f"cannot compare with {value!r}")


_OPS = tuple(NEGATED)
"""The comparisons a clause may make (each has its negation, for ``unless:``)."""

_OP_WORDS = {"more_than": ">", "at_least": ">="}
"""The readings of a share parameter (``po.half_comparison``) as operators, so that a clause can
take its operator from a parameter: ``[present, {param: po.half_comparison}, {share: …}]``."""


def whole(value: Decimal | Fraction) -> int:
    if value != int(value):
        raise ValueError(f"{value} is not a whole number; scale it with {{value: …, times: …}}")
    return int(value)


class Requirement(ClauseKind[RequirementParams]):
    """Broken when any clause holds; every clause that holds is named in the finding."""

    name = "requirement"
    summary = "the record meets every stated requirement"
    fact_types = frozenset(FACT_SCHEMAS)
    params_model = RequirementParams

    def clauses(self, params: RequirementParams) -> list[Clause]:
        values = params.required.values if isinstance(params.required, RequiredText) else {}
        return [Clause(all_of(*(comparison(*c) for c in clause.when),
                              *([negate(all_of(*(comparison(*c) for c in clause.unless)))]
                                if clause.unless else [])),
                       put_values(clause.zh, values, "zh"), put_values(clause.en, values, "en"),
                       clause.name) for clause in params.clauses]

    def required(self, params: RequirementParams) -> Text | None:
        if isinstance(params.required, RequiredText):
            zh, en = params.required.text()
            return trusted(Text, zh=zh, en=en)
        return trusted(Text, zh="", en=params.required) if params.required else None
