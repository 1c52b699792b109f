"""Findings and the report that holds them."""

from .model import (
    Evidence,
    Finding,
    ParameterUse,
    RecordLocation,
    Report,
    Severity,
    Source,
    Summary,
    Text,
)

__all__ = [
    "Evidence",
    "Finding",
    "ParameterUse",
    "RecordLocation",
    "Report",
    "Severity",
    "Source",
    "Summary",
    "Text",
]
