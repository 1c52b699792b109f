"""The shape of one record file; its JSON Schema is what ``governance-rules schema records`` prints."""

from __future__ import annotations

from pydantic import Field

from ._base import RecordModel
from .body import Body
from .community import Community
from .events import Archive, Assessment, Audit, Disclosure, Hearing, Proposal, Report, Review
from .finance import Expense
from .meeting import Meeting
from .recall import Recall
from .township import Session


class RecordFile(RecordModel):
    """A YAML or JSON file of records. Each key takes one record or a list of them.

    A folder of such files with one ``community`` is a dossier.
    """

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
    ] for key in (singular, plural)},
}
"""Top-level key → (collection it joins, model). A key equal to its collection takes a list."""
