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
        "notice_days": int, "report_days": int, "convener_kind": str, "chair_role": str,
        "convener_role": str, "has_proposal": int, "chair_recorded": int,
        "chair_on_convener": int,
        "convener_recorded": int, "convener_on_party": int, "handling": str,
        "next_meeting": int, "reported_next": int,
        **{f"{what}_{n}": int for what in ("residents", "households", "groups",
                                             "representatives") for n in ("signed", "total")},
    },
    "motion": {
        "body": str, "body_kind": str, "meeting_kind": str, "outcome": str, "matter": str,
        "yes": int, "no": int, "abstain": int, "votes_cast": int, "consented": int,
        "present": int, "seated": int, "handling": str,
    },
    "expense": {
        "body": str, "body_kind": str, "amount_fen": int,
        "approved_rc_director": int, "approved_rc_director_in_time": int,
        "approved_street_deputy": int, "approved_street_deputy_in_time": int,
        "assembly_decision": int, "assembly_decision_in_time": int, "decision_present": int,
        "decision_seated": int, "decision_yes": int, "filed": int,
        "signed_handler": int, "signed_director": int, "signed_party_secretary": int,
        "signed_deputy_director": int, "distinct_signers": int, "informal_slip": int,
        "director_is_secretary": int, "accountant": str, "cashier": str, "director": str,
        "accountant_seated": int, "cashier_seated": int, "accountant_on_roster": str,
        "cashier_on_roster": str,
    },
    "term": {
        "body": str, "body_kind": str, "person": str, "role": str, "obtained_by": str,
        "has_end": int, "span_years": int, "span_months": int, "span_days": int,
        "decision_body_kind": str, "decision_adopted": int, "decision_in_time": int,
        "rc_term_known": int, "rc_end_gap": int, "ended": int,
        "handled_funds": int, "handover_audit": int, "handover_days_before": int,
        "handover_days_after": int, "days_to_window_end": int, "left_region": int,
        "acted_after_leaving": int, "acts_after_leaving": int, "resignation_decided": int,
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
    "period": {
        "body": str, "body_kind": str, "granularity": str, "part": str, "category": str,
        "count": int, "special_circumstances": int,
    },
    "roster": {
        "body": str, "body_kind": str, "seated": int, "form": str, "party_members": int,
        "households": int, "office_rooms": int, "full_time_members": int,
        "sectors_missing": int, "sectors_repeated": int, "zones_missing": int,
        "groups": int, "groups_short": int, "groups_over": int, "unit_reps": int,
        "gov_posts": int, "work_committees_missing": int, "leaders_outside_presidium": int,
        "established_by_plenary": int, "special_circumstances": int,
        **{f"n_{role}": int for role in ("director", "deputy_director", "chair", "vice_chair",
                                          "secretary", "convener", "leader")},
    },
    "community": {"households": int, "special_circumstances": int},
    "archive": {"files_missing": int, "registers_missing": int},
    "hearing": {
        "body": str, "body_kind": str, "matter": str, "decided": int, "steps_missing": int,
        "steps_out_of_order": int, "publish_days": int, "concerns_government": int,
        "sent_in_writing": int, "chair_recorded": int, "chair_on_rc": int,
    },
    "review": {
        "body": str, "body_kind": str, "reviewers": int, "rc_reviewers": int,
        "rep_reviewers": int, "unseated_reviewers": int, "days_to_year_end": int,
    },
    "disclosure": {"body": str, "body_kind": str, "category": str, "decided_by_party": int,
                   "decided_in_time": int, "decision_present": int, "decision_seated": int,
                   "decision_consented": int},
    "report": {
        "body": str, "body_kind": str, "report_kind": str, "granularity": str,
        "months_after": int, "year_offset": int, "submitted_month": int, "submitted_day": int,
        "title_length": int, "page_size": str, "line_spacing_pt": int, "length_chars": int,
    },
    "proposal": {
        "body": str, "body_kind": str, "followed": int,
        **{f"{what}_{n}": int for what in ("residents", "households", "groups",
                                             "representatives") for n in ("signed", "total")},
    },
    "session": {
        "body": str, "body_kind": str, "number": int, "days": int, "extra": int,
        "extra_decided": int, "extra_decided_in_time": int,
        "election": int, "method_adopted": int, "posts_appointed": int, "oath_missing": int,
    },
    "assessment": {
        "body": str, "body_kind": str, "accepted": int, "cult_activity": int,
        "collective_petitions": int, "criminal_cases": int, "major_accidents": int,
        "satisfaction_bp": int,
    },
    "expense_cluster": {
        "body": str, "body_kind": str, "cluster_size": int, "cluster_fen": int,
        "cluster_before_fen": int, "max_single_fen": int,
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
