"""The default engine: plain Python compiled from each rule's conditions, one call a case
(:attr:`BoundRule.judge <governance_rules.rulebook.book.BoundRule.judge>`).

Thread-safe and free of global state; exceptions propagate.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._base import Case, Verdict

_VERDICTS = (Verdict.NOT_APPLICABLE, Verdict.PASSED, Verdict.VIOLATED)
"""The verdicts by their numbers, as a bound rule's ``judge`` gives them."""


class NativeEngine:
    """Pure Python over the typed facts: the default engine.

    >>> NativeEngine().evaluate([])
    []
    """

    name = "native"

    def evaluate(self, cases: Sequence[Case]) -> list[Verdict]:
        return [_VERDICTS[bound.judge(fact.values)] for bound, fact in cases]
