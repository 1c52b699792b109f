"""What every rule kind provides: parameters, the condition it compiles to, how it explains a failure."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from functools import lru_cache
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, PrivateAttr

from ...facts.schema import Fact
from ..conditions import Condition

P = TypeVar("P", bound=BaseModel)


class KindParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True,
                              defer_build=True)
    _only: frozenset[str] | None = PrivateAttr(default=None)
    """The names of the only clauses judged, where the rule is bound in a place through its
    ``overlaps`` alone (:meth:`Rule.judging_only <governance_rules.rulebook.model.Rule.judging_only>`);
    ``None``: every clause."""

    @property
    def only(self) -> frozenset[str] | None:
        return self._only

    def judging_only(self, clauses: frozenset[str] | None) -> KindParams:
        """These parameters judging only the clauses named ``clauses`` (all for ``None``)."""
        if clauses is None:
            return self
        part = self.model_copy()
        part._only = clauses
        return part


@dataclass(slots=True)
class Explanation:
    """Evidence for the report plus the values a rule's message template may use.

    Read-only by convention, not frozen: one is made a finding, and a frozen dataclass sets
    each field through ``object.__setattr__`` (its making cost twice as much).

    ``evidence`` holds the fields of the finding's :class:`~governance_rules.report.model.Evidence`,
    in field order: the checker makes it once, with the rule's title for a language the kind
    leaves empty in ``required``. A value is either plain text, or a ``{"zh": …, "en": …}``
    pair picked per language.
    """

    evidence: dict[str, Any]
    values: Mapping[str, str | Mapping[str, str]] = field(default_factory=dict)
    failed: tuple[str, ...] = ()
    """The names of the clauses that failed (see :class:`~governance_rules.rulebook.model.Citation`)."""


class RuleKind(ABC, Generic[P]):
    """A family of rules the sources use, e.g. "a share of a count meets a threshold".

    A kind is code; a rule in ``rules/`` is an instance of it with parameters. The kind
    compiles its parameters to a :mod:`condition <governance_rules.rulebook.conditions>`
    (true when the rule is violated), which either engine evaluates, and it explains a
    violation in words and numbers.
    """

    name: ClassVar[str]
    summary: ClassVar[str]
    fact_types: ClassVar[frozenset[str]]
    params_model: ClassVar[type[BaseModel]]
    message_fields: ClassVar[frozenset[str]]
    fact_fields_in_messages: ClassVar[bool] = False
    """Whether a rule's message may also name any field of the fact it judges."""

    @abstractmethod
    def violated(self, params: P) -> Condition: ...

    @abstractmethod
    def explain(self, fact: Fact, params: P) -> Explanation: ...

    def clause_names(self, params: P) -> frozenset[str]:
        """The names a rule's citations may give in ``for:``; none for a one-clause kind."""
        return frozenset()

    def parse_params(self, raw: Mapping[str, Any]) -> P:
        return self.params_model.model_validate(dict(raw))  # type: ignore[return-value]


def percent(value: Fraction) -> str:
    """A share rounded for reading, e.g. ``Fraction(3, 4)`` → ``75.0%``. Never used to decide."""
    tenths = round(value * 1000)
    return f"{tenths // 10}.{tenths % 10}%"


def fraction_text(value: Fraction) -> str:
    return f"{value.numerator}/{value.denominator}"


def day_texts(fact: Fact) -> dict[str, str]:
    """The fact's days by role, ISO 8601 (``evidence.dates``)."""
    return {k: _iso_day(v) for k, v in fact.dates.items()}


@lru_cache(maxsize=4096)
def _iso_day(day: date) -> str:
    """``day.isoformat()``, remembered: a dossier's findings name the same days, and making the
    text costs several times looking it up."""
    return day.isoformat()


def bilingual(zh: str, en: str) -> dict[str, str]:
    return {"zh": zh, "en": en}
