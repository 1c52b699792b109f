"""The township people's congress: its sessions and what they elected (RD-TOWNSHIP)."""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field, model_validator

from .._words import day_name
from ._base import RecordModel, field_error
from ._types import Count, Day, Slug, Text, TextEnum
from .body import DecisionRef, SeatOrigin


class Post(TextEnum):
    CHAIR = "chair"  # 乡镇人大主席
    VICE_CHAIR = "vice_chair"
    HEAD = "head"  # 乡镇长
    DEPUTY_HEAD = "deputy_head"


class PostFilled(RecordModel):
    """A leadership post filled at a session, and how.

    The oath (宪法宣誓, RD-TOWNSHIP:499) is shown by ``oath_on``, the day it was taken: a flag
    alone (``oath_taken``) is no record of it, and an oath dated before the session is not an
    oath of the newly elected.
    """

    post: Post
    person: Slug
    obtained_by: SeatOrigin
    oath_taken: bool = Field(default=False, description="kept for old records; the oath counts "
                             "only with `oath_on`")
    oath_on: Day | None = Field(default=None, description="the day the constitutional oath was "
                                "taken (应进行宪法宣誓, RD-TOWNSHIP:499): on or after the election")


class SessionItem(TextEnum):
    """What an agenda item of a session is (RD-TOWNSHIP:498, :500)."""

    GOVERNMENT_WORK_REPORT = "government_work_report"  # 听取和审查政府工作报告
    ANNUAL_PLANS = "annual_plans"  # 全年性重大工作安排
    PRESIDIUM_REPORT = "presidium_report"  # 人大主席团工作报告
    BUDGET = "budget"  # 财政预算、预算调整
    RESOLUTION_CHECK = "resolution_check"  # 检查人大决议、决定的执行
    SPECIAL_SUPERVISION = "special_supervision"  # 开展专项监督
    HALF_YEAR_PROGRESS = "half_year_progress"  # 听取政府上半年工作进展情况
    SUGGESTIONS_REPORT = "suggestions_report"  # 代表建议、批评和意见办理情况的报告
    ELECTION = "election"
    OTHER = "other"


class AgendaEntry(RecordModel):
    """One item on a session's agenda: when it was deliberated (审议) and, if it was voted on,
    when (杜绝“只表决不讨论”, RD-TOWNSHIP:497)."""

    item: SessionItem
    title: Text | None = None
    deliberated_on: Day | None = None
    voted_on: Day | None = None


class SittingKind(TextEnum):
    PREPARATORY = "preparatory"  # 大会预备会
    PRESIDIUM = "presidium"  # 主席团会
    PLENARY = "plenary"  # 全体会


class Sitting(RecordModel):
    """A meeting held within a session, in the order held (RD-TOWNSHIP:500)."""

    kind: SittingKind
    date: Day


class Preparation(RecordModel):
    """The steps before a session (RD-TOWNSHIP:498): the party committee's approval of the
    presidium's request, the presidium meeting that fixed the date and voted the agenda and
    drafts, the notice and the reports sent to the deputies."""

    party_approved_on: Day | None = Field(default=None, description="the township party "
                                          "committee approved the session's matters (经批准后)")
    presidium_decision: DecisionRef | None = Field(
        default=None, description="the presidium meeting's adopted motion fixing the date and "
        "the agenda (召开人大主席团会议…表决通过)")
    notice_on: Day | None = Field(default=None, description="the day the notice went out")
    reports_sent_on: Day | None = Field(default=None, description="the day the presidium's "
                                        "report and the government work report were sent to the "
                                        "deputies")


class Closing(RecordModel):
    """What follows a session's close (会议闭幕后做好公告、上报、存档等工作, RD-TOWNSHIP:500)."""

    announced_on: Day | None = None
    reported_on: Day | None = Field(default=None, description="reported to the higher level")
    archived_on: Day | None = None


class Session(RecordModel):
    """A session (会议) of the township people's congress.

    ``number`` is its number within the congress's term (1 = first session); ``days`` its
    length; ``election`` whether it held elections, with the day the election method was
    adopted by a plenary vote.

    >>> Session(id="s1", body="tpc", date="2022-03-10", number=1, days=2).days
    2
    """

    id: Slug
    body: Slug
    date: Day
    number: int = Field(strict=True, ge=1, le=100)
    days: Count = Field(description="its length in days, opening and closing day included; 0 "
                        "for a sitting shorter than a day")
    extra: bool = Field(default=False, description="an extra session decided by the presidium")
    decision: DecisionRef | None = Field(
        default=None, description="the presidium's decision to add this session (可以由人大主席团"
        "决定增开会议, RD-TOWNSHIP:496)")
    election: bool = False
    election_method_adopted_on: Day | None = None
    posts: list[PostFilled] = Field(default_factory=list, max_length=50)
    preparation: Preparation | None = Field(default=None, description="TPC-PREPARATION")
    sittings: list[Sitting] = Field(default_factory=list, max_length=100,
                                    description="its meetings in the order held (TPC-SESSION-ORDER)")
    agenda: list[AgendaEntry] = Field(default_factory=list, max_length=100,
                                      description="its agenda items (TPC-SESSION-AGENDA, -ORDER)")
    closing: Closing | None = Field(default=None, description="TPC-SESSION-CLOSE")
    special_circumstances: Text | None = Field(
        default=None, description="why a norm (侧重: the session's focus) was not met")

    @property
    def days_held(self) -> int:
        """Its length as its records show it: its ``days``, or, where its sittings are dated,
        the days from its opening to its last sitting where those are fewer (a session said to
        last two days whose sittings all fell on the first lasted one, TPC-DURATION).

        >>> Session(id="s1", body="tpc", date="2022-03-10", number=1, days=2,
        ...         sittings=[{"kind": "plenary", "date": "2022-03-10"}]).days_held
        1
        """
        if not self.sittings:
            return self.days
        return min(self.days, (max(s.date for s in self.sittings) - self.date).days + 1)

    @property
    def closing_day(self) -> Day:
        """The day it closed, the one every rule reads: its opening day and the days it was
        held (:attr:`days_held`), the closing day included; its opening day for a sitting
        shorter than a day.

        >>> Session(id="s1", body="tpc", date="2022-03-10", number=1, days=2).closing_day
        datetime.date(2022, 3, 11)
        """
        return self.date + timedelta(days=max(self.days_held, 1) - 1)

    @model_validator(mode="after")
    def _sittings_in_the_session(self) -> Session:
        last = self.date + timedelta(days=max(self.days, 1) - 1)
        for i, sitting in enumerate(self.sittings):
            if not self.date <= sitting.date <= last:
                span, span_zh = ((day_name(self.date, "en"), day_name(self.date, "zh")) if last == self.date
                                 else (f"{day_name(self.date, 'en')} to {day_name(last, 'en')}",
                                       f"{day_name(self.date, 'zh')}至{day_name(last, 'zh')}"))
                raise field_error(
                    self, ("sittings", i, "date"), f"a sitting on {day_name(sitting.date, 'en')} "
                    f"is outside the session's days ({span}, by its `days`)",
                    sitting.date.isoformat(),
                    zh=f"{day_name(sitting.date, 'zh')}的会议不在会期（{span_zh}）之内")
        return self

    @model_validator(mode="after")
    def _method_not_after_the_session(self) -> Session:
        day = self.election_method_adopted_on
        if day is not None and day < self.date:
            raise field_error(self, ("election_method_adopted_on",), f"election_method_adopted_on "
                              f"{day} is before the session starts", day.isoformat(),
                              zh=f"「election_method_adopted_on」（{day}）早于会议开幕")
        return self
