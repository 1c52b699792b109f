"""Findings and the report that holds them."""

from .model import (
    BodyRef,
    CheckedEntries,
    CheckedRecord,
    Evidence,
    Finding,
    ParameterUse,
    RecordLocation,
    Report,
    RuleInfo,
    Severity,
    Source,
    Summary,
    Suppression,
    Text,
    summarise,
)

__all__ = [
    "BodyRef",
    "CheckedEntries",
    "CheckedRecord",
    "Evidence",
    "Finding",
    "ParameterUse",
    "RecordLocation",
    "Report",
    "RuleInfo",
    "Severity",
    "Source",
    "Summary",
    "Suppression",
    "Text",
    "summarise",
]
