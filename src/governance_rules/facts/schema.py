"""The flat, typed facts that rules are evaluated over, one per case.

Each fact type lists its fields and their types (``int`` or ``str`` only: booleans are 0/1,
dates are day ordinals, money is whole fen). Rules are checked against these schemas when
the rulebook loads, and the durable-rules backend checks every value before posting it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from ..records.dossier import Where
from ._work_schema import WORK_SCHEMAS

FACT_SCHEMAS: dict[str, dict[str, type]] = {
    "meeting": {
        "body": str, "body_kind": str, "meeting_kind": str,
        "present": int, "seated": int, "special_circumstances": int,
        "notice_days": int, "report_days": int, "convener_kind": str, "election_sitting": int,
        "chair_role": str,
        "convener_role": str, "has_proposal": int, "proposal_after": int, "chair_recorded": int,
        "chair_on_convener": int, "convener_is_chair": int,
        "convener_recorded": int, "convener_on_party": int, "handling": str,
        "next_meeting": int, "reported_next": int, "chair_group_leader": int,
        "minutes": int, "minutes_taker": int, "minutes_report_days": int,
        "measures_notice_days": int, "days_run": int, "absent": int, "leave_missing": int, "leave_late": int,
        "leave_not_secretary": int, "leave_not_member": int,
        "chaired_by_tpc_chair": int, "convened_by_tpc_chair": int,
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
        "cashier_on_roster": str, "entered": int, "balanced": int, "fixed_asset": int,
        "asset_registered": int,
    },
    "term": {
        "body": str, "body_kind": str, "person": str, "role": str, "obtained_by": str,
        "has_end": int, "span_years": int, "span_months": int, "span_days": int,
        "decision_body_kind": str, "decision_adopted": int, "decision_in_time": int,
        "decision_meeting_kind": str, "decision_election": int, "decision_own_body": int,
        "rc_term_known": int, "rc_end_gap": int, "ended": int,
        "handled_funds": int, "handover_audit": int, "handover_days_before": int,
        "handover_days_after": int, "handover_audits_own": int, "days_to_window_end": int, "left_region": int,
        "acted_after_leaving": int, "acts_after_leaving": int, "resignation_voted": int,
        "resignation_on_matter": int, "resignation_decided": int,
        "term_role": str, "vacancy": int, "vacancy_days": int, "refilled": int,
        "deputy_elected": int, "credentials_examined": int, "ended_early": int,
        "ending_reported": int,
    },
    "act": {
        "body": str, "body_kind": str, "person": str, "term_role": str, "act_day": int,
        "has_end": int, "term_end": int, "rc_term_end": int,
        "span_years": int, "span_months": int, "span_days": int,
    },
    "replacement": {
        "body": str, "body_kind": str, "departure": str, "has_successor": int,
        "sector": str, "successor_sector": str, "group": str, "successor_group": str,
        "successor_obtained_by": str, "decision_found": int, "decision_body": str,
        "decision_adopted": int, "decision_consented": int, "decision_seated": int,
        "decision_before_successor": int,
    },
    "period": {
        "body": str, "body_kind": str, "granularity": str, "part": str, "category": str,
        "count": int, "first_half": int, "second_half": int, "special_circumstances": int,
        "days_run": int,
    },
    "roster": {
        "body": str, "body_kind": str, "seated": int, "form": str, "party_members": int,
        "households": int, "office_rooms": int, "full_time_members": int, "full_time_least": int,
        "sectors_missing": int, "sectors_repeated": int, "zones_missing": int,
        "groups": int, "groups_short": int, "groups_over": int, "unit_reps": int,
        "gov_posts": int, "work_committees_missing": int, "leaders_outside_presidium": int,
        "established_by_plenary": int, "special_circumstances": int,
        "head_days_off": int, "cards_missing": int, "book_missing": int,
        "building_groups_missing": int, "backbone_teams": int, "team_missing": int,
        "register_missing": int,
        "rules_of_procedure": int, "office_staff": int, "seal_ok": int,
        "formation_days": int, "election_known": int, "organiser_recorded": int,
        "organiser_is_leader": int,
        **{f"n_{role}": int for role in ("director", "deputy_director", "chair", "vice_chair",
                                          "secretary", "convener", "leader")},
        # the worst of each count over the window (facts/_every_date.py; -1: not judged)
        "seated_least": int, "seated_most": int, "representatives_least": int,
        "residents_least": int, "sectors_missing_most": int, "sectors_repeated_most": int,
        "groups_short_most": int, "groups_over_most": int,
    },
    "member_period": {
        "body": str, "body_kind": str, "person": str, "granularity": str, "part": str,
        "category": str, "count": int,
    },
    "member_entry": {"body": str, "body_kind": str, "person": str, "kind": str,
                     "household": str, "followed_days": int, "days_run": int},
    "party_matter": {
        "body": str, "body_kind": str, "matter_kind": str, "amount_fen": int, "recorded": int,
        "decided": int, "decision_named": int, "decided_in_time": int, "decision_seated": int,
        "decision_consented": int,
    },
    "community": {"households": int, "special_circumstances": int, "single_estate": int},
    "archive": {"files_missing": int, "registers_missing": int, "filed_in_volumes": int,
                "indexed": int, "election_files": str, "registration": int},
    "keeper_change": {"body": str, "body_kind": str, "handover_gap": int,
                      "days_to_window_end": int},
    "archive_handover": {"outgoing_gap": int, "incoming_gap": int},
    "hearing": {
        "body": str, "body_kind": str, "matter": str, "decided": int, "result": str,
        "steps_missing": int,
        "steps_out_of_order": int, "publish_days": int, "concerns_government": int,
        "sent_in_writing": int, "chair_recorded": int, "chair_on_rc": int,
        "decision_recorded": int, "decision_days_after": int, "decision_body_kind": str,
        "needs_invitation": int, "invited": int, "invited_absent": int, "voters_set": int,
        "voting_members": int, "votes_cast": int, "days_run": int,
    },
    "review": {
        "body": str, "body_kind": str, "reviewers": int, "rc_reviewers": int,
        "rep_reviewers": int, "unseated_reviewers": int, "days_to_year_end": int,
    },
    "disclosure": {"body": str, "body_kind": str, "category": str, "decided_by_party": int,
                   "decided_in_time": int, "decision_present": int, "decision_seated": int,
                   "decision_consented": int, "to_all_residents": int, "on_notice_board": int},
    "report": {
        "body": str, "body_kind": str, "report_kind": str, "granularity": str,
        "months_after": int, "year_offset": int, "submitted_month": int, "submitted_day": int,
        "title_length": int, "page_size": str, "line_spacing_pt": int, "length_chars": int,
    },
    "proposal": {
        "body": str, "body_kind": str, "followed": int, "follow_days": int,
        "days_to_window_end": int,
        **{f"{what}_{n}": int for what in ("residents", "households", "groups",
                                             "representatives") for n in ("signed", "total")},
    },
    "session": {
        "body": str, "body_kind": str, "number": int, "days": int, "extra": int,
        "extra_decided": int, "extra_decided_in_time": int,
        "election": int, "method_adopted": int, "method_in_time": int, "posts_appointed": int,
        "oath_missing": int,
        "oath_before": int, "quarter": int, "has_gov_report": int, "has_resolution": int,
        "has_q3_focus": int, "sittings_missing": int, "sittings_out_of_order": int,
        "voted_undeliberated": int, "close_missing": int, "close_early": int,
        "party_approved": int, "presidium_decided": int, "approval_first": int,
        "decided_before_notice": int, "notice_days": int, "reports_days": int,
    },
    "work_points": {
        "body": str, "body_kind": str, "reported": int, "approved": int, "implemented": int,
        "reported_first": int, "approved_in_time": int, "implementer_recorded": int,
        "implementer_is_chair": int,
    },
    "suggestion": {
        "body": str, "body_kind": str, "deputy_seated": int, "answered": int, "answer_days": int,
        "later_session": int, "reported": int, "named_unreported": int,
    },
    "credentials_review": {
        "body": str, "body_kind": str, "review_kind": str, "confirmed": int,
        "confirmed_after_review": int, "session_known": int, "list_days": int, "reported": int,
        "announced": int,
    },
    "assessment": {
        "body": str, "body_kind": str, "accepted": int, "cult_activity": int,
        "collective_petitions": int, "criminal_cases": int, "major_accidents": int,
        "satisfaction_bp": int, "offenders": int, "offenders_previous_year": int,
        "prominent_security_problem": int,
    },
    "zz_inspection": {"body": str, "body_kind": str, "letters": int, "units_missing": int,
                      "notified": int},
    "zz_rectification": {"body": str, "body_kind": str, "deadline_set": int, "rectified": int,
                         "rectified_in_time": int},
    "zz_material": {
        "body": str, "body_kind": str, "report_kind": str, "plan_kind": str, "signature": int,
        "dated": int, "sealed": int, "signer_recorded": int, "signer_principal": int,
        "parts_missing": int, "length_chars": int,
    },
    "zz_year": {
        "body": str, "body_kind": str, "year": int, "letters": int,
        "plans_peace_building": int, "plans_publicity": int, "plans_legal_education": int,
        "half_year_summaries": int, "annual_summaries": int, "filings": int,
        "filing_lead": int, "filing_lag": int, "filing_areas_missing": int, "pilots": int,
        "days_run": int,
    },
    "zz_committee": {"body": str, "body_kind": str, "has_committee": int,
                     "committee_director_missing": int, "committee_director_unseated": int},
    "zz_posts": {
        "body": str, "body_kind": str, "has_centre": int, "has_judicial_office": int,
        "centre_director_missing": int, "centre_director_unseated": int,
        "office_director_missing": int, "office_director_not_party": int,
        "office_director_not_centre": int, "judicial_head_missing": int,
        "judicial_head_not_centre": int, "judicial_head_not_office": int,
    },
    "zz_groups": {"body": str, "body_kind": str, "groups_missing": int, "railway_required": int},
    "zz_group": {"body": str, "body_kind": str, "area": str, "document": int, "reported": int,
                 "issued": int, "adjust_gap_max": int},
    "zz_pilot": {"body": str, "body_kind": str, "work_room": int, "ledger_missing": int},
    "zz_mailbox": {"body": str, "body_kind": str, "name_ok": int, "keeper_seated": int,
                   "assigner_in_charge": int, "log_kept": int, "days_unchecked": int},
    "zz_village": {"body": str, "body_kind": str, "has_office": int, "director_missing": int,
                   "director_unseated": int},
    "zz_performance": {
        "body": str, "body_kind": str, "year": int, "seat": str, "holder_known": int,
        "filed": int, "filed_in_time": int, "signed_by_person": int, "sealed": int,
    },
    "zz_retention": {"body": str, "body_kind": str, "years_missing": int},
    "finance_duties": {
        "body": str, "body_kind": str, "accountant_cashier_days": int,
        "director_cashier_days": int, "goods_accountant_days": int, "goods_cashier_days": int,
        "accountant_unqualified_days": int, "cashier_unqualified_days": int,
    },
    "audit_quarter": {
        "body": str, "body_kind": str, "group_gap_days": int, "reviews_by_group": int,
        "reviews_other": int, "unpublished": int, "published_early": int,
    },
    "supervisors": {"body": str, "body_kind": str, "gap_days": int, "supervision_day_fixed": int},
    "expense_cluster": {
        "body": str, "body_kind": str, "cluster_size": int, "cluster_fen": int,
        "cluster_before_fen": int, "max_single_fen": int,
    },
    **WORK_SCHEMAS,
}
"""Fact type → field → type."""


@dataclass(slots=True, unsafe_hash=True)
class RecordRef:
    """The record a finding is about."""

    id: str
    type: str
    where: Where


@dataclass(slots=True)
class Fact:
    """One case to check: a motion, a meeting, an expense, a term, an act of a member …

    ``values`` holds exactly the fields of ``FACT_SCHEMAS[type]``; ``day`` selects the
    parameter versions in force; ``dates`` and ``names`` are only for explaining a finding.
    Read-only by convention, not frozen: a dossier has thousands of facts, and a frozen
    dataclass sets each field through ``object.__setattr__`` (four times slower to build).
    """

    type: str
    ref: RecordRef
    day: date
    jurisdiction: tuple[str, ...]
    values: dict[str, int | str]
    dates: dict[str, date] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    later: Callable[[], dict[str, str]] | None = None
    """Names that take work to make and that only a finding reads (who held which seats that
    day …): added to ``names`` by :meth:`explained`, for the few facts that break a rule.
    A name already in ``names`` is not replaced."""
    people: Mapping[str, str] | None = None
    """The dossier's people on a roster, id → name (:meth:`Dossier.roster_names
    <governance_rules.records.dossier.Dossier.roster_names>`): a text for a reader puts the
    name first of each of them it names ``id (name)``, whatever the id's shape."""

    def explained(self) -> Fact:
        """This fact with all its names (``later``'s made and added once).

        >>> fact = Fact("community", RecordRef("c", "community", Where("c.yaml", 1, "community")),
        ...             date(2024, 1, 1), (), {}, names={"subject": "c"},
        ...             later=lambda: {"note": "made on demand"})
        >>> fact.explained().names
        {'subject': 'c', 'note': 'made on demand'}
        """
        if self.later is not None:
            later, names = self.later(), self.names
            if names.keys().isdisjoint(later):  # most facts: no name given twice
                names.update(later)
            else:
                for name, text in later.items():  # a name given at once stands
                    names.setdefault(name, text)
            self.later = None
        return self


Wanted = Callable[[str, Mapping[str, int | str]], bool]
"""Whether some rule may read a fact of a type with some of its values (e.g.
:meth:`Rulebook.may_select <governance_rules.rulebook.Rulebook.may_select>`)."""
