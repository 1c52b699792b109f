"""Records of the township comprehensive-governance offices (综治办) besides their reports:
the responsibility letters the office signs with its villages and member units, rectifications
after an inspection, year-end archive filings, and checks that materials are kept
(ZZB-DINGYUAN, ZZB-TAONAN).

The parts a report itself carries (units inspected, rectification orders, plan kind, summary
parts, signer and seal) are small models here too, used by :class:`~.events.Report`.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from ._base import RecordModel, field_error
from ._types import Day, Slug, Text, TextEnum


class PlanKind(TextEnum):
    """The three plans of ZZB-TAONAN:100."""

    PEACE_BUILDING = "peace_building"  # 综治和平安创建规划
    PUBLICITY = "publicity"  # 综治及平安创建工作宣传规划
    LEGAL_EDUCATION = "legal_education"  # 综治及平安创建工作普法规划


class SummaryPart(TextEnum):
    """What a half-year or annual summary states (ZZB-TAONAN:101)."""

    PRACTICE = "practice"  # 有做法
    EXPERIENCE = "experience"  # 有经验体会
    SHORTCOMINGS = "shortcomings"  # 工作中存在的不足
    NEXT_STEPS = "next_steps"  # 下步工作设想


class RectifyOrder(RecordModel):
    """A unit the inspection found poor (工作不力) and the day set for it to put things right
    (限期整改, ZZB-DINGYUAN:58)."""

    unit: Text
    by: Day | None = Field(default=None, description="the deadline the notice sets")


class UnitLetter(RecordModel):
    """A governance responsibility letter (责任书) the township office signed with one village
    (residents') committee or member unit of its area for a year (ZZB-DINGYUAN:58): the half-year
    inspections are made against these.

    >>> UnitLetter(id="l1", body="office", unit="张桥村", year=2022, signed_on="2022-02-10").unit
    '张桥村'
    """

    id: Slug
    body: Slug = Field(description="the township governance office")
    unit: Text = Field(description="the village (residents') committee or member unit, by the "
                                   "name the inspection reports use")
    year: int = Field(strict=True, ge=1949, le=2200)
    signed_on: Day


class Rectification(RecordModel):
    """A unit's rectification after an inspection ordered it (ZZB-DINGYUAN:58)."""

    id: Slug
    body: Slug = Field(description="the township governance office")
    inspection: Slug = Field(description="the inspection report that ordered it")
    unit: Text
    date: Day = Field(description="the day the rectification was done and recorded")


class FilingArea(TextEnum):
    """The areas the year's archive is filed by (ZZB-DINGYUAN:60)."""

    ORGANISATION_LEADERSHIP = "organisation_leadership"  # 组织领导
    SOCIAL_STABILITY = "social_stability"  # 社会稳定
    SECURITY_PREVENTION = "security_prevention"  # 治安防范
    DISPUTES = "disputes"  # 矛盾纠纷


class YearEndFiling(RecordModel):
    """The township office's year-end filing of the year's materials (规范化整理归档,
    ZZB-DINGYUAN:60–61), as entered in its archive register."""

    id: Slug
    body: Slug = Field(description="the township governance office")
    year: int = Field(strict=True, ge=1949, le=2200, description="the year whose materials")
    date: Day
    areas: list[FilingArea] = Field(default_factory=list, max_length=20)

    @model_validator(mode="after")
    def _not_before_the_year(self) -> YearEndFiling:
        if self.date.year < self.year:
            raise field_error(self, ("date",), f"filed on {self.date}, before the year "
                              f"{self.year} it files", self.date.isoformat(),
                              zh=f"报送日（{self.date}）早于所报年度（{self.year}年）")
        return self


class Retention(RecordModel):
    """A check of which years' governance materials the office keeps (ZZB-TAONAN:88)."""

    id: Slug
    body: Slug = Field(description="the governance office")
    date: Day
    years: list[int] = Field(default_factory=list, max_length=100,
                             description="the years whose materials were found kept")


class MailboxLog(RecordModel):
    """The days the office mailbox was checked, over the days the log covers (both included)."""

    from_: Day = Field(alias="from")
    to: Day
    checked: list[Day] = Field(default_factory=list, max_length=20_000)

    @model_validator(mode="after")
    def _ordered(self) -> MailboxLog:
        if self.to < self.from_:
            raise field_error(self, ("to",), f"the log ends ({self.to}) before it starts "
                              f"({self.from_})", self.to.isoformat(),
                              zh=f"日志结束日（{self.to}）早于开始日（{self.from_}）")
        return self


class Mailbox(RecordModel):
    """The governance office's e-mail box (ZZB-TAONAN:104, :106).

    >>> Mailbox(id="m", body="office", address="wbzzzb@163.com", name_pinyin="wan bao zhen zong zhi ban",
    ...         keeper="gu-hong", assigned_by="sun-gang", assigned_on="2022-01-04").address
    'wbzzzb@163.com'
    """

    id: Slug
    body: Slug = Field(description="the governance office")
    address: Text
    name_pinyin: Text = Field(description="the office's name in pinyin, one syllable per "
                                          "character, e.g. `wan bao zhen zong zhi ban`")
    keeper: Slug = Field(description="the person who keeps it (专人负责)")
    assigned_by: Slug = Field(description="who assigned the keeper: the leader in charge")
    assigned_on: Day
    log: MailboxLog | None = Field(default=None, description="the daily-check log, where kept")


class GroupArea(TextEnum):
    """The township's leading groups (ZZB-DINGYUAN:34)."""

    PEACE_BUILDING = "peace_building"  # 平安创建工作领导小组
    JUVENILE_CRIME = "juvenile_crime"  # 预防青少年违法犯罪
    SCHOOL_SURROUNDINGS = "school_surroundings"  # 校园及周边环境整治
    RELEASED_PRISONERS = "released_prisoners"  # 刑释解教人员安置帮教
    FLOATING_POPULATION = "floating_population"  # 流动人口管理
    DRUG_CONTROL = "drug_control"  # 禁毒
    RAILWAY = "railway"  # 铁路护路 (炉桥镇、年家岗需设立)
    OTHER = "other"  # 其他工作领导小组


class GroupChange(RecordModel):
    """A change of people in the group (人员变动) and the day its membership was adjusted."""

    date: Day
    adjusted_on: Day | None = None


class LeadingGroup(RecordModel):
    """A township leading group and the document that set it up, reported up and issued down
    (以文件形式上报下发, ZZB-DINGYUAN:34)."""

    id: Slug
    body: Slug = Field(description="the township governance office")
    area: GroupArea
    established: Day
    document: Text | None = Field(default=None, description="the setting-up document (文号)")
    reported_on: Day | None = Field(default=None, description="sent up to the county (上报)")
    issued_on: Day | None = Field(default=None, description="issued down (下发)")
    changes: list[GroupChange] = Field(default_factory=list, max_length=1000)


class LedgerPart(TextEnum):
    """The six parts of a pilot village's ledger (村级台帐, ZZB-DINGYUAN:63)."""

    HIGHER_LEVEL_DOCUMENTS = "higher_level_documents"  # 上级综治工作文件
    ORGANISATION_NETWORK = "organisation_network"  # 综治组织网络资料
    WORK_ROOM_RULES = "work_room_rules"  # 综治工作室工作规范资料
    PEACE_BUILDING = "peace_building"  # 平安创建资料
    DISPUTES = "disputes"  # 矛盾纠纷排查调处资料
    LEGAL_PUBLICITY = "legal_publicity"  # 法制宣传资料


class Pilot(RecordModel):
    """A village (residents' committee) the township selected for the "zero-case / peaceful
    village" activity (ZZB-DINGYUAN:63), with its work room and ledger."""

    id: Slug
    body: Slug = Field(description="the township governance office")
    village: Text
    selected_on: Day
    ended_on: Day | None = None
    work_room: bool = Field(default=False, description="a governance work room is set up")
    ledger: list[LedgerPart] = Field(default_factory=list, max_length=20)

    @model_validator(mode="after")
    def _ordered(self) -> Pilot:
        if self.ended_on is not None and self.ended_on < self.selected_on:
            raise field_error(self, ("ended_on",), f"ended ({self.ended_on}) before it was "
                              f"selected ({self.selected_on})", self.ended_on.isoformat(),
                              zh=f"结束日（{self.ended_on}）早于选定日（{self.selected_on}）")
        return self
