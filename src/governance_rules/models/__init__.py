"""Pydantic models of the records: communities, bodies, seats, terms, meetings, expenses, recalls.

Models know nothing about rules. They validate what one record can say about itself;
consistency across records (unknown ids, attendees without a seat) is checked when a
dossier is resolved (:mod:`governance_rules.records`).
"""

from .body import Body, BodyKind, DecisionRef, Role, Seat, SeatOrigin, Sector, Term
from .community import Community
from .finance import Approval, ApproverRole, Expense, Filing, Signature, SignatureRole, Voucher
from .meeting import Meeting, MeetingKind, Motion, Outcome, Votes
from .recall import DepartureKind, Recall
from .record_file import RecordFile

__all__ = [
    "Approval",
    "ApproverRole",
    "Body",
    "BodyKind",
    "Community",
    "DecisionRef",
    "DepartureKind",
    "Expense",
    "Filing",
    "Meeting",
    "MeetingKind",
    "Motion",
    "Outcome",
    "Recall",
    "RecordFile",
    "Role",
    "Seat",
    "SeatOrigin",
    "Sector",
    "Signature",
    "SignatureRole",
    "Term",
    "Votes",
    "Voucher",
]
