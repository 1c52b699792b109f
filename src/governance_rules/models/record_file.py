"""The shape of one record file; its JSON Schema is what ``governance-rules schema records`` prints."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from ._base import RecordModel
from .body import Body
from .books import AssetRegister, Ledger
from .community import Community
from .community_work import (
    CommunityChange,
    DirectorApproval,
    RepresentativeRegister,
    StandardTitle,
    Submission,
    TermPlan,
    WorkerReport,
)
from .credentials import CredentialsReview
from .events import Archive, ArchiveHandover, Assessment, Audit, Disclosure, Hearing, Proposal, Report, Review
from .finance import Expense
from .governance import (
    LeadingGroup,
    Mailbox,
    Pilot,
    Rectification,
    Retention,
    UnitLetter,
    YearEndFiling,
)
from .meeting import Meeting
from .party import LeaveRequest, MemberRecord, Minutes, PartyMatter
from .recall import Recall
from .township import Session
from .township_work import Suggestion, WorkPoints


class RecordFile(RecordModel):
    """A YAML or JSON file of records. Each key takes one record or a list of them.

    A folder of such files with one ``community`` is a dossier.

    Only its JSON Schema and the HTTP server read it whole (a check validates record by
    record): pydantic builds it when first asked, not at import (every command's start).
    """

    model_config = ConfigDict(defer_build=True)

    schema_: str | None = Field(default=None, alias="$schema")
    community: Community | None = None
    body: Body | None = None
    bodies: list[Body] | None = None
    meeting: Meeting | None = None
    meetings: list[Meeting] | None = None
    expense: Expense | None = None
    expenses: list[Expense] | None = None
    recall: Recall | None = None
    recalls: list[Recall] | None = None
    hearing: Hearing | None = None
    hearings: list[Hearing] | None = None
    disclosure: Disclosure | None = None
    disclosures: list[Disclosure] | None = None
    audit: Audit | None = None
    audits: list[Audit] | None = None
    report: Report | None = None
    reports: list[Report] | None = None
    proposal: Proposal | None = None
    proposals: list[Proposal] | None = None
    review: Review | None = None
    reviews: list[Review] | None = None
    assessment: Assessment | None = None
    assessments: list[Assessment] | None = None
    archive: Archive | None = None
    archives: list[Archive] | None = None
    session: Session | None = None
    sessions: list[Session] | None = None
    minutes: list[Minutes] | None = None
    leave_request: LeaveRequest | None = None
    leave_requests: list[LeaveRequest] | None = None
    member_record: MemberRecord | None = None
    member_records: list[MemberRecord] | None = None
    party_matter: PartyMatter | None = None
    party_matters: list[PartyMatter] | None = None
    work_points: WorkPoints | None = None
    work_points_list: list[WorkPoints] | None = None
    suggestion: Suggestion | None = None
    suggestions: list[Suggestion] | None = None
    credentials_review: CredentialsReview | None = None
    credentials_reviews: list[CredentialsReview] | None = None
    unit_letter: UnitLetter | None = None
    unit_letters: list[UnitLetter] | None = None
    rectification: Rectification | None = None
    rectifications: list[Rectification] | None = None
    year_end_filing: YearEndFiling | None = None
    year_end_filings: list[YearEndFiling] | None = None
    retention: Retention | None = None
    retentions: list[Retention] | None = None
    mailbox: Mailbox | None = None
    mailboxes: list[Mailbox] | None = None
    leading_group: LeadingGroup | None = None
    leading_groups: list[LeadingGroup] | None = None
    pilot: Pilot | None = None
    pilots: list[Pilot] | None = None
    worker_report: WorkerReport | None = None
    worker_reports: list[WorkerReport] | None = None
    term_plan: TermPlan | None = None
    term_plans: list[TermPlan] | None = None
    community_change: CommunityChange | None = None
    community_changes: list[CommunityChange] | None = None
    standard_title: StandardTitle | None = None
    standard_titles: list[StandardTitle] | None = None
    director_approval: DirectorApproval | None = None
    director_approvals: list[DirectorApproval] | None = None
    submission: Submission | None = None
    submissions: list[Submission] | None = None
    representative_register: RepresentativeRegister | None = None
    representative_registers: list[RepresentativeRegister] | None = None
    ledger: Ledger | None = None
    ledgers: list[Ledger] | None = None
    asset_register: AssetRegister | None = None
    asset_registers: list[AssetRegister] | None = None
    archive_handover: ArchiveHandover | None = None
    archive_handovers: list[ArchiveHandover] | None = None


RECORD_KEYS: dict[str, tuple[str, type[object]]] = {
    "community": ("communities", Community),
    "body": ("bodies", Body),
    "bodies": ("bodies", Body),
    "meeting": ("meetings", Meeting),
    "meetings": ("meetings", Meeting),
    "expense": ("expenses", Expense),
    "expenses": ("expenses", Expense),
    "recall": ("recalls", Recall),
    "recalls": ("recalls", Recall),
    **{key: (plural, model) for singular, plural, model in [
        ("hearing", "hearings", Hearing), ("disclosure", "disclosures", Disclosure),
        ("audit", "audits", Audit), ("report", "reports", Report),
        ("proposal", "proposals", Proposal), ("review", "reviews", Review),
        ("assessment", "assessments", Assessment), ("archive", "archives", Archive),
        ("session", "sessions", Session),
        ("leave_request", "leave_requests", LeaveRequest),
        ("member_record", "member_records", MemberRecord),
        ("party_matter", "party_matters", PartyMatter),
        ("work_points", "work_points_list", WorkPoints), ("suggestion", "suggestions", Suggestion),
        ("credentials_review", "credentials_reviews", CredentialsReview),
        ("unit_letter", "unit_letters", UnitLetter),
        ("rectification", "rectifications", Rectification),
        ("year_end_filing", "year_end_filings", YearEndFiling),
        ("retention", "retentions", Retention),
        ("mailbox", "mailboxes", Mailbox),
        ("leading_group", "leading_groups", LeadingGroup),
        ("pilot", "pilots", Pilot),
        ("worker_report", "worker_reports", WorkerReport),
        ("term_plan", "term_plans", TermPlan),
        ("community_change", "community_changes", CommunityChange),
        ("standard_title", "standard_titles", StandardTitle),
        ("director_approval", "director_approvals", DirectorApproval),
        ("submission", "submissions", Submission),
        ("representative_register", "representative_registers", RepresentativeRegister),
        ("ledger", "ledgers", Ledger),
        ("asset_register", "asset_registers", AssetRegister),
        ("archive_handover", "archive_handovers", ArchiveHandover),
    ] for key in (singular, plural)},
    "minutes": ("minutes", Minutes),
}
"""Top-level key → (collection it joins, model). A key equal to its collection takes a list."""
