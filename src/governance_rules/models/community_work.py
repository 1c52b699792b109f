"""Records of the residents' committee's and the professional workers' own work (SQ-SIFANG
annexes 1, 3, 5 and 6): worker reports, term plans, changes of the community, the standardised-
community title, the affairs-centre director's approval, the assembly's register of
representatives (eligibility), and the consultation committee's submissions of its decisions
(HLS-356:26). Each is its own record kind, so that a dossier adds them in files of their own."""

from __future__ import annotations

from pydantic import Field, model_validator

from ._base import RecordModel, field_error
from ._types import Day, Slug, Text, TextEnum
from .body import DecisionRef


class WorkerReport(RecordModel):
    """A professional community worker's monthly report to the residents' committee
    (职业社区工作者每月向社区居委会汇报一次工作, SQ-SIFANG:395).

    >>> WorkerReport(id="wr1", person="wu-min", date="2022-03-28", to="rc").to
    'rc'
    """

    id: Slug
    person: Slug = Field(description="the worker who reported (the roster decides whether they "
                         "held a seat on the affairs centre that day)")
    date: Day
    to: Slug = Field(description="the body reported to: the residents' committee")


class TermPlanPart(TextEnum):
    """The two parts of a term plan (要制定三年任期目标和工作计划, SQ-SIFANG:125)."""

    TERM_OBJECTIVES = "term_objectives"  # 三年任期目标
    WORK_PLAN = "work_plan"  # 工作计划


class TermPlan(RecordModel):
    """The residents' committee's three-year term objectives and work plan, drawn up on
    ``date``; it counts for the term (届) in force that day.

    >>> TermPlan(id="tp", body="rc", date="2021-08-01",
    ...          parts=["term_objectives", "work_plan"]).parts[0]
    <TermPlanPart.TERM_OBJECTIVES: 'term_objectives'>
    """

    id: Slug
    body: Slug = Field(description="the residents' committee")
    date: Day
    parts: list[TermPlanPart] = Field(min_length=1, max_length=2)


class ChangeKind(TextEnum):
    """What happened to the community (其设置、撤销、规模调整, SQ-SIFANG:150)."""

    SETUP = "setup"  # 设置
    ABOLITION = "abolition"  # 撤销
    RESIZING = "resizing"  # 规模调整


class Authority(TextEnum):
    """Who decided a change of the community."""

    DISTRICT_GOVERNMENT = "district_government"  # 区人民政府
    STREET_OFFICE = "street_office"  # 街道办事处
    CIVIL_AFFAIRS_BUREAU = "civil_affairs_bureau"  # 区民政局
    RESIDENTS_COMMITTEE = "residents_committee"
    OTHER = "other"


class CommunityChange(RecordModel):
    """The community's setting up, abolition or change of size, effective on ``date``, and the
    decision behind it (``decided_by``, ``decided_on``, ``document``).

    >>> CommunityChange(id="c1", kind="resizing", date="2022-07-01",
    ...                 decided_by="district_government", decided_on="2022-06-10").kind
    <ChangeKind.RESIZING: 'resizing'>
    """

    id: Slug
    kind: ChangeKind
    date: Day = Field(description="the day the change took effect")
    decided_by: Authority | None = None
    decided_on: Day | None = None
    document: Text | None = Field(default=None, description="the decision's document number")
    households_before: int | None = Field(default=None, strict=True, ge=0, le=10_000_000)
    households_after: int | None = Field(default=None, strict=True, ge=0, le=10_000_000)


class TitleStep(TextEnum):
    """The steps before a "standardised community" title, in the order of SQ-SIFANG:132."""

    SELF_ASSESSMENT = "self_assessment"  # 社区居委会自我申报、自我评估
    STREET_REVIEW = "street_review"  # 街道办事处初审
    DEMOCRATIC_ASSESSMENT = "democratic_assessment"  # 民主测评
    PUBLIC_NOTICE = "public_notice"  # 公示
    CIVIL_AFFAIRS_ACCEPTANCE = "civil_affairs_acceptance"  # 区民政局考核验收
    DISTRICT_APPROVAL = "district_approval"  # 区政府批准


class TitleStepDone(RecordModel):
    step: TitleStep
    date: Day


class StandardTitle(RecordModel):
    """A "standardised community" title (规范化社区) granted on ``granted_on``, with the dated
    steps that led to it.

    >>> StandardTitle(id="t", body="rc", granted_on="2022-12-20",
    ...               steps=[{"step": "self_assessment", "date": "2022-09-01"}]).steps[0].step
    <TitleStep.SELF_ASSESSMENT: 'self_assessment'>
    """

    id: Slug
    body: Slug = Field(description="the residents' committee that applied")
    granted_on: Day
    steps: list[TitleStepDone] = Field(default_factory=list, max_length=20)

    @model_validator(mode="after")
    def _steps_once(self) -> StandardTitle:
        seen: set[TitleStep] = set()
        for i, done in enumerate(self.steps):
            if done.step in seen:
                raise field_error(self, ("steps", i, "step"), "`steps` names the same step twice",
                                  done.step.value, zh="「steps」中同一步骤写了两次")
            seen.add(done.step)
        return self


class DirectorApproval(RecordModel):
    """The street office's approval of the affairs centre's director (报街道办事处审批,
    SQ-SIFANG:154), on the recommendation of the party organisation and the residents'
    committee.

    >>> DirectorApproval(id="a", body="ac", person="wu-min", recommended_by=["pc", "rc"],
    ...                  recommended_on="2021-06-25", approved_by="so",
    ...                  approver="so-director", approved_on="2021-06-30").approved_by
    'so'
    """

    id: Slug
    body: Slug = Field(description="the affairs centre")
    person: Slug = Field(description="the worker approved as its director")
    recommended_by: list[Slug] = Field(default_factory=list, max_length=10,
                                       description="the bodies that recommended the person")
    recommended_on: Day | None = None
    approved_by: Slug | None = Field(default=None, description="the street office (a body)")
    approver: Slug | None = Field(default=None, description="who approved for the street "
                                  "office (the roster decides their seat that day)")
    approved_on: Day | None = None

    @model_validator(mode="after")
    def _ordered(self) -> DirectorApproval:
        if (self.recommended_on is not None and self.approved_on is not None
                and self.approved_on < self.recommended_on):
            raise field_error(self, ("approved_on",), f"approved_on {self.approved_on} is "
                              f"before recommended_on {self.recommended_on}",
                              self.approved_on.isoformat(),
                              zh=f"批准日（{self.approved_on}）早于推荐日（{self.recommended_on}）")
        return self


class Submission(RecordModel):
    """A consultation committee decision submitted to a body for implementation (提交社区党组织
    和社区居民委员会统筹落实, HLS-356:26).

    >>> Submission(id="s", decision={"meeting": "m", "motion": "x"}, to="rc",
    ...            date="2022-03-16").to
    'rc'
    """

    id: Slug
    decision: DecisionRef = Field(description="the committee's motion submitted")
    to: Slug = Field(description="the body it was submitted to")
    date: Day


class RepresentativeEntry(RecordModel):
    """One representative in the assembly's register: what eligibility rests on
    (年满十八周岁以上有选举权和被选举权的社区居民代表及辖区单位代表, SQ-SIFANG:432)."""

    person: Slug
    born_on: Day | None = Field(default=None, description="a residents' representative's date "
                                "of birth")
    voting_rights: bool | None = Field(default=None, description="holds the right to vote and "
                                       "to stand (有选举权和被选举权)")
    unit: Text | None = Field(default=None, description="a unit representative's unit")
    unit_in_area: bool | None = Field(default=None, description="the unit lies in the "
                                      "community's area (辖区单位)")


class RepresentativeRegister(RecordModel):
    """The register of the member representative assembly's representatives (代表名册).

    >>> RepresentativeRegister(id="reg", body="ra", entries=[
    ...     {"person": "r1", "born_on": "1970-05-01", "voting_rights": True}]).entries[0].person
    'r1'
    """

    id: Slug
    body: Slug = Field(description="the member representative assembly")
    entries: list[RepresentativeEntry] = Field(min_length=1, max_length=100_000)

    @model_validator(mode="after")
    def _once_each(self) -> RepresentativeRegister:
        seen: set[str] = set()
        for i, entry in enumerate(self.entries):
            if entry.person in seen:
                raise field_error(self, ("entries", i, "person"),
                                  "`entries` names the same person twice", entry.person,
                                  zh="「entries」中同一人写了两次")
            seen.add(entry.person)
        return self
