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
    batch: int | None = 256
    """How many facts a checker gives it the cases of at a time: a dossier's facts are then
    never all held at once (:meth:`DossierChecker.check
    <governance_rules._checker.DossierChecker.check>`), and a batch is still large enough
    that a dossier takes few calls."""

    def evaluate(self, cases: Sequence[Case]) -> list[Verdict]:
        return [_VERDICTS[bound.judge(fact.values)] for bound, fact in cases]
