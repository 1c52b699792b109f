"""The fact types of the community-work records (facts/_community_work.py), merged into
:data:`~governance_rules.facts.schema.FACT_SCHEMAS`."""

from __future__ import annotations

WORK_SCHEMAS: dict[str, dict[str, type]] = {
    # RC-WORKERS-REPORT (SQ-SIFANG:395): one worker, one month
    "worker_month": {"body": str, "body_kind": str, "person": str, "reports": int},
    # RC-WORKERS-WEEKLY (SQ-SIFANG:395–396): one affairs centre, one week; one of its meetings
    "centre_week": {"body": str, "body_kind": str, "work_meetings": int, "studies": int},
    "centre_meeting": {"body": str, "body_kind": str, "meeting_kind": str,
                       "organiser_recorded": int, "organiser_secretary": int,
                       "organiser_rc_director": int, "organiser_centre_director": int},
    # RC-AFFAIRS-DIRECTOR (SQ-SIFANG:154): one term in the affairs centre's director seat
    "director_term": {"body": str, "body_kind": str, "person": str, "approval_found": int,
                      "approved_in_time": int, "recommended_by_party": int,
                      "recommended_by_rc": int, "recommended_on_recorded": int,
                      "approved_by_street": int, "approver_seated": int,
                      "worker_on_approval": int},
    # RC-TERM-PLAN (SQ-SIFANG:125): one term (届) of a residents' committee
    "rc_term": {"body": str, "body_kind": str, "term_objectives_days": int,
                "work_plan_days": int, "days_run": int},
    # RC-COMMUNITY-CHANGE (SQ-SIFANG:150): one setting up, abolition or resizing
    "community_change": {"change_kind": str, "decided_by_district": int,
                         "decider_recorded": int, "decided_on_recorded": int,
                         "decided_in_time": int},
    # RC-STANDARD-TITLE (SQ-SIFANG:132): one standardised-community title
    "standard_title": {"body": str, "body_kind": str, "steps_missing": int,
                       "steps_out_of_order": int},
    # RC-YEAR-END-REVIEW (SQ-SIFANG:351, :472): one committee and year; one review of it
    "rc_review_year": {"body": str, "body_kind": str, "reviews": int},
    "rc_review": {"body": str, "body_kind": str, "reviewers": int, "rep_reviewers": int,
                  "unseated_reviewers": int, "unreviewed": int, "days_to_year_end": int},
    # RA-ELIGIBILITY (SQ-SIFANG:432): one term of a seat on the assembly
    "representative_term": {"body": str, "body_kind": str, "role": str, "registered": int,
                            "age": int, "voting_rights": int, "unit_in_area": int},
    # CC-SUBMISSION (HLS-356:26): one adopted motion of a consultation committee
    "cc_decision": {"body": str, "body_kind": str, "consented": int, "seated": int,
                    "party_days": int, "rc_days": int, "days_run": int},
}
