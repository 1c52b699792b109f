"""Records of the community party organisation's own work (SQ-SIFANG annex 3, :293–340): the
minutes of its meetings, the members' leave requests, and its books about single party members
(the in-service members' work station: registration cards, contacts, activities, feedback).

They are records of their own, pointing at the meeting they belong to, so that a dossier's
meetings stay as they were written and the party organisation's books can be added beside them.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from ._base import RecordModel, field_error
from ._types import Day, Slug, Text, TextEnum
from .body import DecisionRef


class Minutes(RecordModel):
    """The minutes of one meeting (会议记录, SQ-SIFANG:306, :322, :319).

    ``taken_by`` is the person who kept them (for a democratic life meeting, the person
    designated for it, 指定专人); ``reported_on`` the day the meeting's outcome and minutes
    went to the street party working committee (会后要及时…报告, :319); ``measures_notified_on``
    the day the problems found and the measures were made known (在适当范围内进行通报, :318).

    >>> Minutes(id="min-1", meeting="pc-2022-02", taken_by="guo-hong").meeting
    'pc-2022-02'
    """

    id: Slug
    meeting: Slug = Field(description="the meeting these minutes record")
    taken_by: Slug | None = Field(default=None, description="who kept the minutes (a person)")
    reported_on: Day | None = Field(
        default=None, description="day the outcome and the minutes were reported to the street "
        "party working committee (a democratic life meeting, SQ-SIFANG:319)")
    reported_to: Text | None = Field(default=None, description="to whom they were reported")
    measures_notified_on: Day | None = Field(
        default=None, description="day the problems found and the measures to fix them were "
        "made known within a suitable circle (SQ-SIFANG:318)")


class LeaveRequest(RecordModel):
    """A committee member's request for leave from a meeting (请假, SQ-SIFANG:294): who asked,
    on which day, and whom (the person; the roster decides whether they held the secretary's
    seat that day).

    >>> LeaveRequest(id="lv-1", meeting="pc-2022-03", person="yu-lan", date="2022-03-08",
    ...              to="ma-jun").to
    'ma-jun'
    """

    id: Slug
    meeting: Slug = Field(description="the meeting the member could not attend")
    person: Slug = Field(description="the member asking for leave")
    date: Day = Field(description="the day leave was asked")
    to: Slug = Field(description="the person asked (the secretary, by the roster)")
    reason: Text | None = None

    @model_validator(mode="after")
    def _not_to_oneself(self) -> LeaveRequest:
        if self.person == self.to:
            raise field_error(self, ("to",), "a member does not ask leave of themselves",
                              self.to, zh="党员不能向自己请假")
        return self


class MemberRecordKind(TextEnum):
    """What one entry of the party organisation's books about one party member says."""

    REGISTRATION_CARD = "registration_card"  # 在职党员社区登记卡 (SQ-SIFANG:338)
    RECORD_BOOK = "record_book"  # the member's page in 《在职党员社区表现记录簿》 (:335, :339)
    CONTACT = "contact"  # 在职党员与社区联系 (:334)
    ACTIVITY = "activity"  # 参加社区活动, entered in the record book (:335)
    FEEDBACK = "feedback"  # 在职党员社区表现反馈单 to the member's unit (:340, :335)
    LINK_REGISTER = "link_register"  # the member's line in the "一管三带一联" register (:327)
    LINK_PERFORMANCE = "link_performance"  # performance in the activity entered there (:327)
    HOUSEHOLD_CONTACT = "household_contact"  # contact with an assigned household, 联户 (:329)
    CONTACT_REPORT = "contact_report"  # reporting back to the party organisation (:329)


class MemberRecord(RecordModel):
    """One entry about one party member in the books of a body of the party organisation: of
    the in-service members' work station, a registration card, the member's page in the
    performance record book, a contact with the community, an activity taken part in, or a
    feedback form sent to the member's unit (``unit``); of the member's party group ("一管三带一
    联", SQ-SIFANG:325–329), the member's line in the register, a performance entry there, a
    contact with an assigned ``household``, or the report back on such contacts.

    >>> MemberRecord(id="c-1", body="station", person="dy-liu", kind="contact",
    ...              date="2022-02-15").kind
    <MemberRecordKind.CONTACT: 'contact'>
    """

    id: Slug
    body: Slug = Field(description="the body whose books hold the entry (e.g. the work station)")
    person: Slug = Field(description="the party member the entry is about (a seat on `body`)")
    kind: MemberRecordKind
    date: Day
    unit: Text | None = Field(default=None, description="the unit a feedback form went to")
    household: Slug | None = Field(
        default=None, description="the household contacted (one of the member's seat's "
        "`households`, 联户对象)")
    note: Text | None = None

    @model_validator(mode="after")
    def _household_only_for_contacts(self) -> MemberRecord:
        if (self.household is None) is (self.kind is MemberRecordKind.HOUSEHOLD_CONTACT):
            where = ("kind",) if self.household is None else ("household",)
            raise field_error(self, where, "`household` names the household of a "
                              "`household_contact`, and only of one",
                              self.kind.value if self.household is None else self.household,
                              zh="「household」只用于「household_contact」，且只写一户")
        return self


class MatterKind(TextEnum):
    """The matters the party committee studies and decides (研究决定, SQ-SIFANG:299)."""

    BUILDING_PLAN = "building_plan"  # 社区建设规划
    FINANCE_PLAN = "finance_plan"  # 财务收支计划
    FIXED_ASSET = "fixed_asset"  # 固定资产购置
    EXPENDITURE = "expenditure"  # 较大数额经费开支
    OUTLET = "outlet"  # 所属商业网点
    LEASE = "lease"  # 房屋租赁
    CONTRACT = "contract"  # 合同的签定
    PLACEMENT = "placement"  # 下岗职工安置
    PRESSING_PROBLEM = "pressing_problem"  # 居民群众关心的热点、难点问题


class PartyMatter(RecordModel):
    """A plan, purchase, lease, contract or other matter of the party committee's remit
    (SQ-SIFANG:299), dated, with the committee's ``decision`` on it; ``expense`` names the
    expense record it is, where it is one.

    >>> PartyMatter(id="lease-1", body="rc", kind="lease", date="2022-05-01",
    ...             title="社区用房出租", decision={"meeting": "pc-4", "motion": "lease"}).kind
    <MatterKind.LEASE: 'lease'>
    """

    id: Slug
    body: Slug = Field(description="the body that adopted the plan or made the purchase, lease "
                       "or contract")
    kind: MatterKind
    date: Day = Field(description="the day the plan took effect, or the purchase, lease or "
                      "contract was made")
    title: Text
    decision: DecisionRef | None = Field(default=None,
                                         description="the party committee's decision on it")
    expense: Slug | None = Field(default=None, description="the expense record it is, if any")
