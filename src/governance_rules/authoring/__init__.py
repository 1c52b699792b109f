"""For rule authors: YAML test cases run by ``governance-rules test``, and ``explain``.

An author who writes an overlay (a parameter changed from a date, a document adopted for a
place, a local rule) tests it the way OpenFisca's YAML tests do, records in and findings out
(:mod:`.cases`, :mod:`.runner`), and asks why a rule fired on one record (:mod:`.explain`).
The walk-through is docs/authoring.md. Names are imported on first use, so that the command
line, which registers its commands from :mod:`.cli`, starts without the rule machinery.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .cases import CaseFileError, Expectation, ExpectedFinding, TestCase, load_case_file
    from .explain import CaseExplanation, ExplainError, explain_dossiers
    from .runner import CaseResult, Run, run_case, run_paths

_LAZY = {"CaseFileError": ".cases", "Expectation": ".cases", "ExpectedFinding": ".cases",
         "TestCase": ".cases", "load_case_file": ".cases", "CaseExplanation": ".explain",
         "ExplainError": ".explain", "explain_dossiers": ".explain", "CaseResult": ".runner",
         "Run": ".runner", "run_case": ".runner", "run_paths": ".runner"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "CaseExplanation",
    "CaseFileError",
    "CaseResult",
    "Expectation",
    "ExpectedFinding",
    "ExplainError",
    "Run",
    "TestCase",
    "explain_dossiers",
    "load_case_file",
    "run_case",
    "run_paths",
]
