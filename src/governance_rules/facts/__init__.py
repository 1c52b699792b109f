"""Facts: one flat, typed case per motion, meeting, expense, term, act, replacement, period,
roster, hearing, report … (see ``FACT_SCHEMAS``)."""

from ._build import FactOptions, build_facts, iter_facts, record_window
from ._finance import LeftOutRecords, left_out_for, left_out_records
from ._periods import LeftOutEvents, Plans, left_out_events
from ._window import Window
from .schema import FACT_SCHEMAS, Fact, RecordRef

__all__ = ["FACT_SCHEMAS", "Fact", "FactOptions", "LeftOutEvents", "LeftOutRecords", "Plans",
           "RecordRef", "Window", "build_facts", "iter_facts", "left_out_events", "left_out_for",
           "left_out_records", "record_window"]
