"""Pydantic models of the records: communities, bodies, seats, terms, meetings, expenses, recalls.

Models know nothing about rules. They validate what one record can say about itself;
consistency across records (unknown ids, attendees without a seat) is checked when a
dossier is resolved (:mod:`governance_rules.records`).
"""

from .body import (
    Body,
    BodyKind,
    DecisionRef,
    Duty,
    DutySpan,
    PartyForm,
    PeriodException,
    Role,
    Seat,
    SeatOrigin,
    Sector,
    Term,
    WorkArea,
)
from .community import Community
from .events import (
    Archive,
    ArchiveFile,
    Assessment,
    Audit,
    AuditKind,
    Disclosure,
    DisclosureCategory,
    Hearing,
    HearingStep,
    Proposal,
    Register,
    Report,
    ReportKind,
    Review,
)
from .finance import Approval, ApproverRole, Expense, Filing, Signature, SignatureRole, Voucher
from .meeting import (
    AgendaItem,
    ExpenseSubject,
    Matter,
    Meeting,
    MeetingKind,
    Motion,
    Outcome,
    Votes,
)
from .recall import DepartureKind, Recall
from .record_file import RecordFile
from .township import Post, PostFilled, Session

__all__ = [
    "AgendaItem",
    "Approval",
    "ApproverRole",
    "Archive",
    "ArchiveFile",
    "Assessment",
    "Audit",
    "AuditKind",
    "Body",
    "BodyKind",
    "Community",
    "DecisionRef",
    "DepartureKind",
    "Disclosure",
    "DisclosureCategory",
    "Duty",
    "DutySpan",
    "Expense",
    "ExpenseSubject",
    "Filing",
    "Hearing",
    "HearingStep",
    "Matter",
    "Meeting",
    "MeetingKind",
    "Motion",
    "Outcome",
    "PartyForm",
    "PeriodException",
    "Post",
    "PostFilled",
    "Proposal",
    "Recall",
    "RecordFile",
    "Register",
    "Report",
    "ReportKind",
    "Review",
    "Role",
    "Seat",
    "SeatOrigin",
    "Sector",
    "Session",
    "Signature",
    "SignatureRole",
    "Term",
    "Votes",
    "Voucher",
    "WorkArea",
]
