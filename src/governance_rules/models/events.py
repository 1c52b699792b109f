"""Records of what bodies do besides meeting: hearings, disclosures, audits, reports,
proposals, reviews, assessments and archive inspections."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import Field, model_validator

from ._base import RecordModel
from ._types import Count, Day, Period, Slug, Text
from .body import DecisionRef
from .meeting import Matter, Outcome, Votes


class HearingStep(StrEnum):
    """The steps of a hearing in the order SQ-SIFANG:379 gives them."""

    TOPIC_REPORTED = "topic_reported"  # 主持人报告议题
    COMMITTEE_BRIEFING = "committee_briefing"  # 居委会通报相关情况
    DISCUSSION = "discussion"  # 听证会成员充分讨论
    OFFICIALS_ANSWER = "officials_answer"  # 政府相关部门代表回答咨询
    VOTE = "vote"  # 投票表决


class Hearing(RecordModel):
    """A community hearing (听证会): who convened it, its steps as held, its vote and publication.

    >>> Hearing(id="h1", body="rc", date="2022-05-10", topic="占道摊点整治",
    ...         steps=["topic_reported", "vote"]).steps[-1]
    <HearingStep.VOTE: 'vote'>
    """

    id: Slug
    body: Slug = Field(description="the body that convened and chaired it")
    date: Day
    chair: Slug | None = Field(default=None, description="who chaired it (the person; the "
                               "roster decides whether they held a residents' committee seat)")
    topic: Text
    matter: Matter = Matter.ORDINARY
    involves_law_or_policy: bool = False
    concerns_government: bool = False
    steps: list[HearingStep] = Field(default_factory=list, max_length=20)
    votes: Votes | None = None
    outcome: Outcome | None = None
    published_on: Day | None = None
    sent_in_writing_on: Day | None = None

    @model_validator(mode="after")
    def _dates_follow_the_hearing(self) -> Hearing:
        for name in ("published_on", "sent_in_writing_on"):
            day = getattr(self, name)
            if day is not None and day < self.date:
                raise ValueError(f"{name} {day} is before the hearing {self.date}")
        return self


class DisclosureCategory(StrEnum):
    GOVERNMENT_AFFAIRS = "government_affairs"  # 政务
    AFFAIRS = "affairs"  # 事务
    FINANCE = "finance"  # 财务


class Disclosure(RecordModel):
    """A publication to residents (三公开); ``decision`` is the party committee's decision to publish."""

    id: Slug
    body: Slug
    date: Day
    category: DisclosureCategory
    title: Text
    decision: DecisionRef | None = None


class AuditKind(StrEnum):
    QUARTERLY_REVIEW = "quarterly_review"  # 居务监督小组每季度清理审查
    HANDOVER = "handover"  # 离岗审计与财务交接


class Audit(RecordModel):
    """A review of the accounts of ``body``; a handover audit names the ``person`` leaving."""

    id: Slug
    body: Slug = Field(description="the body whose accounts were audited")
    date: Day
    kind: AuditKind
    by: Slug | None = Field(default=None, description="the auditing body")
    person: Slug | None = None
    published_on: Day | None = None


class ReportKind(StrEnum):
    DISPUTE_MONTHLY = "dispute_monthly"  # 矛盾纠纷排查调处情况（月报，含零报告）
    SCREENING = "screening"  # 半月一次的矛盾纠纷排查
    SECURITY_ANALYSIS = "security_analysis"  # 季度治安形势分析
    INSPECTION = "inspection"  # 半年综治检查通报
    WORK_RECORD = "work_record"  # 领导综治实绩档案（每季度）
    PLAN = "plan"  # 规划 / 活动计划
    RESPONSIBILITY_LETTER = "responsibility_letter"  # 责任状
    HALF_YEAR_SUMMARY = "half_year_summary"
    ANNUAL_SUMMARY = "annual_summary"


class Report(RecordModel):
    """A report or material document submitted by ``body`` for a ``period``.

    Material documents carry their format: title, page size, line spacing and length.
    """

    id: Slug
    body: Slug
    kind: ReportKind
    period: Period
    submitted_on: Day
    to: Text | None = None
    title: Text | None = None
    page_size: Text | None = None
    line_spacing_pt: Count | None = None
    length_chars: Count | None = None
    cases: Count | None = Field(default=None, description="disputes reported; 0 is a zero report")


class Proposal(RecordModel):
    """A proposal to convene an ad hoc assembly, with who signed it out of how many (SQ-SIFANG:448).

    ``assembly`` names the meeting held in response, if any.
    """

    id: Slug
    body: Slug = Field(description="the assembly it asks to convene")
    date: Day
    residents_signed: Count = 0
    residents_total: Count = 0
    households_signed: Count = 0
    households_total: Count = 0
    groups_signed: Count = 0
    groups_total: Count = 0
    representatives_signed: Count = 0
    representatives_total: Count = 0
    assembly: Slug | None = None

    @model_validator(mode="after")
    def _signed_within_total(self) -> Proposal:
        for what in ("residents", "households", "groups", "representatives"):
            signed, total = getattr(self, f"{what}_signed"), getattr(self, f"{what}_total")
            if signed > total:
                raise ValueError(f"{what}_signed ({signed}) exceeds {what}_total ({total})")
        return self


class Review(RecordModel):
    """A democratic review of a body's year of work (年度民主评议), by other bodies."""

    id: Slug
    body: Slug = Field(description="the body reviewed")
    date: Day
    by: list[Slug] = Field(default_factory=list, max_length=20)
    reviewers: list[Slug] = Field(
        default_factory=list, max_length=100_000,
        description="the persons who reviewed: residents' committee members and residents' "
                    "representatives; the roster decides the seat each held on the date")


class Assessment(RecordModel):
    """A "zero-case / peaceful village" acceptance (ZZB-DINGYUAN:64–65) for one village and year."""

    id: Slug
    body: Slug = Field(description="the office that assessed")
    date: Day
    village: Text
    year: int = Field(strict=True, ge=1949, le=2200)
    accepted: bool
    cult_activity: Count = 0
    collective_petitions: Count = 0
    criminal_cases: Count = 0
    major_accidents: Count = 0
    satisfaction_percent: Decimal = Field(ge=0, le=100, decimal_places=2)


class ArchiveFile(StrEnum):
    """The ten files (十档), SQ-SIFANG:390."""

    HIGHER_LEVEL_DOCUMENTS = "higher_level_documents"
    PLANS_AND_SUMMARIES = "plans_and_summaries"
    PARTY_BUILDING = "party_building"
    SERVICE = "service"
    HEALTH = "health"
    CULTURE = "culture"
    SECURITY = "security"
    ENVIRONMENT = "environment"
    EDUCATION = "education"
    WOMEN_AND_DISABLED = "women_and_disabled"


class Register(StrEnum):
    """The six registers (六簿), SQ-SIFANG:390."""

    MEETINGS = "meetings"
    TELEPHONE = "telephone"
    LETTERS_VISITS_MEDIATION = "letters_visits_mediation"
    ACTIVITIES = "activities"
    RESIDENTS_AND_UNITS = "residents_and_units"
    SEAL_USE = "seal_use"


class Archive(RecordModel):
    """What the community's archive held when it was inspected on ``date``."""

    id: Slug
    date: Day
    files: list[ArchiveFile] = Field(default_factory=list, max_length=100)
    registers: list[Register] = Field(default_factory=list, max_length=100)
