"""Records of what bodies do besides meeting: hearings, disclosures, audits, reports,
proposals, reviews, assessments and archive inspections."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field, model_validator

from ._base import RecordModel, field_error, field_errors, field_problem
from ._types import Count, Day, Period, Slug, Text, TextEnum, granularity_of
from .body import DecisionRef
from .governance import PlanKind, RectifyOrder, SummaryPart
from .meeting import Matter, Outcome, Votes


class HearingStep(TextEnum):
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
    decision: DecisionRef | None = Field(
        default=None, description="the residents' committee's decision on the matter heard (a "
        "motion of its meeting): the hearing comes before it, 在做出决策前 (SQ-SIFANG:375)")
    invited: list[Text] = Field(
        default_factory=list, max_length=100,
        description="the government departments, street office and units in the community whose "
        "representatives the residents' committee invited to attend (经社区居委会邀请, SQ-SIFANG:377)")
    attended: list[Text] = Field(
        default_factory=list, max_length=100,
        description="which of the invited sent a representative (列席)")
    voting_members: Count | None = Field(
        default=None, description="how many hearing members the residents' committee gave a "
        "vote (听证表决权,由社区居委会确定, SQ-SIFANG:377); votes cast may not exceed them")

    @model_validator(mode="after")
    def _attended_invited_and_dates_after(self) -> Hearing:
        """Those who attended were invited; publication and the written reply follow the
        hearing (every problem reported at once)."""
        problems = []
        stray = sorted(set(self.attended) - set(self.invited))
        if stray:
            problems.append(field_problem(
                ("attended", self.attended.index(stray[0])),
                f"`attended` names {', '.join(stray)}, who are not in `invited`", stray[0],
                zh=f"「attended」中的{'、'.join(stray)}不在「invited」之列"))
        for name in ("published_on", "sent_in_writing_on"):
            day = getattr(self, name)
            if day is not None and day < self.date:
                problems.append(field_problem((name,), f"{name} {day} is before the hearing "
                                              f"{self.date}", day.isoformat(),
                                              zh=f"「{name}」（{day}）早于听证日期（{self.date}）"))
        if problems:
            raise field_errors(self, problems)
        return self


class DisclosureCategory(TextEnum):
    GOVERNMENT_AFFAIRS = "government_affairs"  # 政务
    AFFAIRS = "affairs"  # 事务
    FINANCE = "finance"  # 财务


class DisclosureChannel(TextEnum):
    """Where a disclosure was made known (公开形式, SQ-SIFANG:368)."""

    NOTICE_BOARD = "notice_board"  # 公开栏（固定橱窗式）
    PARTY_MEMBERS_MEETING = "party_members_meeting"  # 党员大会
    CADRES_MEETING = "cadres_meeting"  # 组长以上干部会议
    REPRESENTATIVES_MEETING = "representatives_meeting"  # 居民代表会议
    BULLETIN = "bulletin"  # 通报
    OPEN_LETTER = "open_letter"  # 公开信


class Disclosure(RecordModel):
    """A publication to residents (三公开); ``decision`` is the party committee's decision to publish.

    >>> Disclosure(id="d1", body="rc", date="2022-03-12", category="finance", title="财务公开",
    ...            channels=["notice_board"]).channels[0]
    <DisclosureChannel.NOTICE_BOARD: 'notice_board'>
    """

    id: Slug
    body: Slug
    date: Day
    category: DisclosureCategory
    title: Text
    decision: DecisionRef | None = None
    channels: list[DisclosureChannel] = Field(
        default_factory=list, max_length=10,
        description="where it was made known (公开形式, SQ-SIFANG:368); an item for all "
                    "residents must list `notice_board` (必须在公开栏公布)")
    to_all_residents: bool = Field(
        default=True, description="an item to be published to all residents (需向全体居民公布的); "
                                  "false for one made known to a narrower circle only")


class AuditKind(TextEnum):
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


class ReportKind(TextEnum):
    DISPUTE_MONTHLY = "dispute_monthly"  # 矛盾纠纷排查调处情况（月报，含零报告）
    SCREENING = "screening"  # 半月一次的矛盾纠纷排查
    SECURITY_ANALYSIS = "security_analysis"  # 季度治安形势分析
    INSPECTION = "inspection"  # 半年综治检查通报
    WORK_RECORD = "work_record"  # 领导综治实绩档案（每季度）
    PLAN = "plan"  # 规划 / 活动计划
    RESPONSIBILITY_LETTER = "responsibility_letter"  # 责任状
    HALF_YEAR_SUMMARY = "half_year_summary"
    ANNUAL_SUMMARY = "annual_summary"
    CONGRESS_WORK_REPORT = "congress_work_report"  # 乡镇人大工作汇报，乡镇党委听取 (RD-TOWNSHIP:510)


REPORT_PERIODS: dict[ReportKind, str] = {
    ReportKind.DISPUTE_MONTHLY: "month", ReportKind.SCREENING: "month",
    ReportKind.SECURITY_ANALYSIS: "quarter", ReportKind.WORK_RECORD: "quarter",
    ReportKind.INSPECTION: "half", ReportKind.HALF_YEAR_SUMMARY: "half",
    ReportKind.PLAN: "year", ReportKind.RESPONSIBILITY_LETTER: "year",
    ReportKind.ANNUAL_SUMMARY: "year", ReportKind.CONGRESS_WORK_REPORT: "year"}
"""The calendar period each kind of report is made for (每月, 每季度, 每半年, 每年): a monthly
dispute report labelled ``2022-Q4`` is a mistake in the record, not October's report."""

REPORT_KIND_WORDS: dict[ReportKind, tuple[str, str]] = {
    ReportKind.DISPUTE_MONTHLY: ("矛盾纠纷月报", "monthly dispute report"),
    ReportKind.SCREENING: ("矛盾纠纷排查报告", "dispute screening report"),
    ReportKind.SECURITY_ANALYSIS: ("治安形势分析", "security analysis"),
    ReportKind.INSPECTION: ("检查报告", "inspection report"),
    ReportKind.WORK_RECORD: ("工作记录", "work record"),
    ReportKind.PLAN: ("工作计划", "plan"),
    ReportKind.RESPONSIBILITY_LETTER: ("目标责任书", "responsibility letter"),
    ReportKind.HALF_YEAR_SUMMARY: ("半年工作总结", "half-year summary"),
    ReportKind.ANNUAL_SUMMARY: ("年度工作总结", "annual summary"),
    ReportKind.CONGRESS_WORK_REPORT: ("人大工作报告", "report on the congress's work"),
}
"""Each kind of report in words, Chinese and English: a record's own check names the kind
(``this inspection report``), as findings do (:func:`~governance_rules.facts._labels.label`)."""

_PERIOD_WORDS = {"month": ("a month", "月份", "2022-10"), "quarter": ("a quarter", "季度", "2022-Q3"),
                 "half": ("a half year", "半年", "2022-H1"), "year": ("a year", "年度", "2022")}


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
    units: list[Text] = Field(default_factory=list, max_length=10_000,
                              description="inspection: the villages and member units inspected")
    notice: Text | None = Field(default=None, description="inspection: the document (文号) "
                                "by which the result was notified (以文件形式予以通报)")
    rectify: list[RectifyOrder] = Field(default_factory=list, max_length=10_000,
                                        description="inspection: units ordered to rectify")
    person: Slug | None = Field(default=None, description="work record: whose performance file")
    signed_by: Slug | None = Field(default=None, description="who signed it (the person)")
    signed_on: Day | None = None
    sealed: bool = Field(default=False, description="bears the official seal (加盖公章)")
    plan_kind: PlanKind | None = None
    signature: Text | None = Field(default=None, description="the signature block (落款)")
    dated_on: Day | None = Field(default=None, description="the date written on the document")
    parts: list[SummaryPart] = Field(default_factory=list, max_length=10,
                                     description="summary: what it states")
    special_circumstances: Text | None = Field(
        default=None, description="why a norm (一般: a title of at most 20 characters) was not "
        "met: turns that warning into info, quoting the reason; a mandatory rule is not softened")

    @model_validator(mode="after")
    def _period_of_its_kind(self) -> Report:
        """The period is of the granularity the kind is made for (:data:`REPORT_PERIODS`)."""
        wanted = REPORT_PERIODS[self.kind]
        if granularity_of(self.period) != wanted:
            en, zh, example = _PERIOD_WORDS[wanted]
            kind_zh, kind_en = REPORT_KIND_WORDS[self.kind]
            raise field_error(self, ("period",), f"the period of this {kind_en} is {en}, "
                              f"such as {example}, not {self.period!r}", self.period,
                              zh=f"{kind_zh}所报期间须为{zh}，如「{example}」，实为「{self.period}」")
        return self


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
    representatives_total: Count | None = Field(
        default=None, description="the number of representatives the proposal states; shown "
        "only: RA-ADHOC divides by the representatives seated on the assembly on the proposal "
        "date by its roster (SQ-SIFANG:448)")
    assembly: Slug | None = None

    @model_validator(mode="after")
    def _signed_within_total(self) -> Proposal:
        for what in ("residents", "households", "groups", "representatives"):
            signed, total = getattr(self, f"{what}_signed"), getattr(self, f"{what}_total")
            if total is not None and signed > total:
                raise field_error(self, (f"{what}_signed",),
                                  f"{what}_signed ({signed}) exceeds {what}_total ({total})", signed,
                                  zh=f"「{what}_signed」（{signed}）多于「{what}_total」（{total}）")
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
    reviewed: list[Slug] = Field(
        default_factory=list, max_length=100_000,
        description="the persons reviewed: in the residents' committee's year-end review, every "
                    "committee member and professional community worker seated on the date "
                    "(SQ-SIFANG:351)")


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
    offenders: Count | None = Field(
        default=None, description="offenders (违法犯罪人员) in the village in the year assessed")
    offenders_previous_year: Count | None = Field(
        default=None, description="offenders in the year before: 违法犯罪人员减少 (:65) asks for "
                                  "fewer this year; an acceptance without both counts shows no "
                                  "decrease")
    prominent_security_problem: bool = Field(
        default=False, description="the assessment's own finding that the village has a "
                                   "prominent security problem (突出治安问题, :65)")
    satisfaction_percent: Decimal = Field(ge=0, le=100, decimal_places=2)


class ArchiveFile(TextEnum):
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


class Register(TextEnum):
    """The six registers (六簿), SQ-SIFANG:390."""

    MEETINGS = "meetings"
    TELEPHONE = "telephone"
    LETTERS_VISITS_MEDIATION = "letters_visits_mediation"
    ACTIVITIES = "activities"
    RESIDENTS_AND_UNITS = "residents_and_units"
    SEAL_USE = "seal_use"


class ElectionFiles(TextEnum):
    """Where the general-election files are kept (换届选举档案应专立专存, SQ-SIFANG:389)."""

    SEPARATE = "separate"  # 专立专存: a volume of their own, kept apart
    MIXED = "mixed"  # filed in with other materials
    NONE = "none"  # the archive holds no general-election files


class Archive(RecordModel):
    """What the community's archive held when it was inspected on ``date``, and how it is filed.

    >>> Archive(id="a1", date="2022-12-20", filed_in_volumes=True, indexed=True,
    ...         election_files="separate").election_files
    <ElectionFiles.SEPARATE: 'separate'>
    """

    id: Slug
    date: Day
    files: list[ArchiveFile] = Field(default_factory=list, max_length=100)
    registers: list[Register] = Field(default_factory=list, max_length=100)
    filed_in_volumes: bool = Field(default=False, description="the materials of each category "
                                   "are filed in volumes (按立卷归档, SQ-SIFANG:389)")
    indexed: bool = Field(default=False, description="with an index to find them (有目可查)")
    election_files: ElectionFiles = Field(
        default=ElectionFiles.NONE, description="where the general-election files are: a "
        "`separate` volume kept apart (专立专存), `mixed` in with others, or `none` held")
    registration: bool = Field(default=False, description="the archive register is kept: what "
                               "enters and leaves the archive is logged (档案登记制度, SQ-SIFANG:392)")


class ArchiveHandover(RecordModel):
    """The handover of the archives (交接, SQ-SIFANG:392) from the keeper leaving to the next.

    >>> ArchiveHandover(id="h1", date="2022-07-01", outgoing="a", incoming="b").incoming
    'b'
    """

    id: Slug
    date: Day
    outgoing: Slug = Field(description="the keeper handing over (the `archive_keeper` duty up "
                           "to the last day, by the roster)")
    incoming: Slug = Field(description="the keeper taking over (the duty from the first day)")

    @model_validator(mode="after")
    def _two_people(self) -> ArchiveHandover:
        if self.outgoing == self.incoming:
            raise field_error(self, ("incoming",), "`outgoing` and `incoming` name the same "
                              "person", self.incoming, zh="「outgoing」和「incoming」是同一人")
        return self
