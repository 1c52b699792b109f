"""The flat, typed facts that rules are evaluated over, one per case.

Each fact type lists its fields and their types (``int`` or ``str`` only: booleans are 0/1,
dates are day ordinals, money is whole fen). Rules are checked against these schemas when
the rulebook loads, and the durable-rules backend checks every value before posting it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..records.dossier import Where

FACT_SCHEMAS: dict[str, dict[str, type]] = {
    "meeting": {
        "body": str, "body_kind": str, "meeting_kind": str,
        "present": int, "seated": int, "special_circumstances": int,
    },
    "motion": {
        "body": str, "body_kind": str, "meeting_kind": str, "outcome": str,
        "yes": int, "no": int, "abstain": int, "votes_cast": int, "consented": int,
        "present": int, "seated": int,
    },
    "expense": {
        "body": str, "body_kind": str, "amount_fen": int,
        "approved_rc_director": int, "approved_rc_director_in_time": int,
        "approved_street_deputy": int, "approved_street_deputy_in_time": int,
        "assembly_decision": int, "assembly_decision_in_time": int, "filed": int,
        "signed_handler": int, "signed_director": int, "signed_party_secretary": int,
        "signed_deputy_director": int, "distinct_signers": int, "informal_slip": int,
        "director_is_secretary": int, "accountant": str, "cashier": str, "director": str,
    },
    "term": {
        "body": str, "body_kind": str, "person": str, "role": str, "obtained_by": str,
        "has_end": int, "span_years": int, "span_months": int, "span_days": int,
        "decision_body_kind": str, "decision_adopted": int,
    },
    "act": {
        "body": str, "body_kind": str, "person": str, "act_day": int,
        "has_end": int, "term_end": int,
        "span_years": int, "span_months": int, "span_days": int,
    },
    "replacement": {
        "body": str, "body_kind": str, "departure": str, "has_successor": int,
        "sector": str, "successor_sector": str, "group": str, "successor_group": str,
        "successor_obtained_by": str, "decision_found": int, "decision_body": str,
        "decision_adopted": int, "decision_consented": int, "decision_seated": int,
    },
}
"""Fact type → field → type."""


@dataclass(frozen=True, slots=True)
class RecordRef:
    """The record a finding is about."""

    id: str
    type: str
    where: Where


@dataclass(frozen=True, slots=True)
class Fact:
    """One case to check: a motion, a meeting, an expense, a term, an act of a member …

    ``values`` holds exactly the fields of ``FACT_SCHEMAS[type]``; ``day`` selects the
    parameter versions in force; ``dates`` and ``names`` are only for explaining a finding.
    """

    type: str
    ref: RecordRef
    day: date
    jurisdiction: tuple[str, ...]
    values: dict[str, int | str]
    dates: dict[str, date] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
