"""The default engine: plain Python predicates compiled from each rule's conditions.

Thread-safe and free of global state; exceptions propagate.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._base import Case, Verdict

_NA, _PASS, _FAIL = Verdict.NOT_APPLICABLE, Verdict.PASSED, Verdict.VIOLATED


class NativeEngine:
    """Pure Python over the typed facts: the default engine.

    >>> NativeEngine().evaluate([])
    []
    """

    name = "native"

    def evaluate(self, cases: Sequence[Case]) -> list[Verdict]:
        out = []
        for bound, fact in cases:
            values = fact.values
            if not bound.guard_test(values):
                out.append(_NA)
            elif bound.violation_test(values):
                out.append(_FAIL)
            else:
                out.append(_PASS)
        return out
