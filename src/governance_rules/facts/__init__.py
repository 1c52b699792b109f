"""Facts: one flat, typed case per motion, meeting, expense, term, act or replacement."""

from ._build import build_facts
from .schema import FACT_SCHEMAS, Fact, RecordRef

__all__ = ["FACT_SCHEMAS", "Fact", "RecordRef", "build_facts"]
