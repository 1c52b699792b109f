"""What an engine is: it decides, for each (bound rule, fact) case, the rule's verdict."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Protocol

from ..facts.schema import Fact
from ..rulebook.book import BoundRule

Case = tuple[BoundRule, Fact]


class Verdict(IntEnum):
    NOT_APPLICABLE = 0
    PASSED = 1
    VIOLATED = 2


class Engine(Protocol):
    """Evaluates cases. Engines decide; kinds explain; the report layer renders.

    An engine may also have ``batch``: how many facts' cases it takes at a time. Without it
    a checker gives it all of a dossier's at once (the durable-rules engine makes one rule
    set of the rules of each call).
    """

    name: str

    def evaluate(self, cases: Sequence[Case]) -> list[Verdict]: ...


class EngineError(RuntimeError):
    """An engine failed to give exactly one verdict per case."""
