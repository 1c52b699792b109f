"""Meetings, the people present, and the motions put to them."""

from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_core import InitErrorDetails

from ._base import Problem, RecordModel, field_errors, field_problem
from ._types import Count, Day, Slug, Text, TextEnum, Yuan


class MeetingKind(TextEnum):
    """What sort of meeting: the body's regular or ad hoc meeting, or one of the party
    organisation's meeting types (SQ-SIFANG:309, :321–324), or a group's activity."""

    REGULAR = "regular"
    AD_HOC = "ad_hoc"
    MEMBER_ASSEMBLY = "member_assembly"  # 党员大会
    PARTY_CONGRESS = "party_congress"  # 党员代表大会 (SQ-SIFANG:144)
    PARTY_GROUP = "party_group"  # 党小组会
    PARTY_LECTURE = "party_lecture"  # 党课
    LIFE_MEETING = "life_meeting"  # 民主生活会
    ACTIVITY = "activity"  # 代表小组活动
    STUDY = "study"  # 职业社区工作者政治学习和业务学习 (SQ-SIFANG:396)


class AgendaItem(TextEnum):
    WORK_REPORT = "work_report"  # 工作报告
    FINANCE_REPORT = "finance_report"  # 财务收支情况报告
    WORK_PLAN = "work_plan"
    ELECTION = "election"
    LINK_BRIEFING = "link_briefing"  # "一管三带一联"活动情况通报、讲评 (SQ-SIFANG:328)


class Matter(TextEnum):
    """What a motion or hearing decides; some matters are reserved to the assembly (RA-RESERVED)."""

    ORDINARY = "ordinary"
    MAJOR_RESIDENTS_MATTER = "major_residents_matter"  # 涉及全体社区成员利益的重大问题
    RC_ELECTION = "rc_election"  # 选举、撤换或补选社区居委会成员
    CHARTER = "charter"  # 居民公约或居民自治章程
    EXPENSE_OVER_500 = "expense_over_500"
    RC_OWNERS_DISPUTE = "rc_owners_dispute"  # 居委会与业主委员会意见不同
    RESIGNATION = "resignation"
    ESTABLISH_BODY = "establish_body"


class Outcome(TextEnum):
    """The outcome the minutes claim for a motion."""

    ADOPTED = "adopted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Votes(RecordModel):
    yes: Count
    no: Count = 0
    abstain: Count = 0

    @property
    def cast(self) -> int:
        return self.yes + self.no + self.abstain


class ExpenseSubject(RecordModel):
    """The expense an assembly motion decides (FIN-TIERS tier 3 (i), SQ-SIFANG:385): the
    expense record by ``id``, or its ``purpose`` and ``payee`` with the ``amount`` allowed (the
    most that may be paid). An ``amount`` given with an ``id`` also caps the payment."""

    id: Slug | None = None
    purpose: Text | None = None
    payee: Text | None = None
    amount: Yuan | None = None

    @model_validator(mode="after")
    def _names_an_expense(self) -> ExpenseSubject:
        if self.id is None and (self.purpose is None or self.payee is None or self.amount is None):
            raise Problem("`expense` names the expense by `id`, or by `purpose`, `payee` "
                          "and `amount`",
                          "「expense」须写明支出的「id」，或写明「purpose」、「payee」和「amount」")
        return self


class Motion(RecordModel):
    """A topic put to a meeting.

    Record either ``votes`` (counts) or ``consented`` (who agreed, by person id);
    a withdrawn motion needs neither.
    """

    id: Slug
    title: Text
    matter: Matter = Matter.ORDINARY
    outcome: Outcome
    votes: Votes | None = None
    consented: list[Slug] | None = Field(default=None, max_length=100_000)
    expense: ExpenseSubject | None = Field(
        default=None, description="the expense this motion decides (an assembly's tier-3 "
        "decision, SQ-SIFANG:385)")

    def problems(self, at: tuple[str | int, ...] = ()) -> list[InitErrorDetails]:
        """What is wrong with the motion's counts, each at its field under ``at`` (the motion's
        place in its meeting): checked by the meeting with its own checks, so that one
        motion's error hides neither another motion's nor the meeting's (a motion's own
        validator failing would stop the meeting's)."""
        if self.outcome is not Outcome.WITHDRAWN and self.votes is None and self.consented is None:
            return [field_problem(at, f"motion {self.named('en')} was voted on and needs "
                                  "`votes` or `consented`", self,
                                  zh=f"议题{self.named('zh')}已表决，须写明「votes」或「consented」")]
        consented = self.consented
        if consented is None:
            return []
        problems = []
        if (twice := _second(consented)) is not None:
            problems.append(field_problem((*at, "consented", twice), "`consented` names the "
                                          "same person twice", consented[twice],
                                          zh="「consented」中同一人写了两次"))
        if self.votes is not None and self.votes.yes != len(consented):
            problems.append(field_problem(
                (*at, "votes", "yes"),
                f"votes.yes is {self.votes.yes} but `consented` names {len(consented)} "
                f"{'person' if len(consented) == 1 else 'people'}",
                self.votes.yes,
                zh=f"「votes.yes」为{self.votes.yes}，但「consented」列了{len(consented)}人"))
        return problems

    def named(self, lang: str) -> str:
        """The motion as an input error names it: by its title (``"停车"`` / ``「停车」``).

        >>> Motion(id="c", title="丙", outcome="withdrawn").named("en")
        '"丙"'
        """
        return f"「{self.title}」" if lang == "zh" else f'"{self.title}"'

    @property
    def consent_count(self) -> int:
        if self.consented is not None:
            return len(self.consented)
        return self.votes.yes if self.votes is not None else 0


class Meeting(RecordModel):
    """A meeting of one body on one day.

    >>> Meeting(id="m1", body="cc", kind="regular", date="2022-03-15", present=["a"]).date.month
    3
    """

    id: Slug
    body: Slug
    kind: MeetingKind = MeetingKind.REGULAR
    date: Day
    convener: Slug | None = None
    chair: Slug | None = None
    notice_date: Day | None = None
    convened_by: Slug | None = Field(default=None, description="the body that convened it")
    reported_on: Day | None = Field(
        default=None, description="day its time and topics were reported to the higher body")
    proposal: Slug | None = Field(default=None, description="the proposal that triggered it")
    agenda: list[AgendaItem] = Field(default_factory=list, max_length=100)
    present: list[Slug] = Field(max_length=100_000)
    voters: Count | None = Field(
        default=None, description="how many took part, where they are not listed in `present` "
        "(a meeting of all community members electing the residents' committee directly)")
    special_circumstances: Text | None = None
    emergency: bool = Field(
        default=False, description="handling marked as an emergency (紧急情况, SQ-SIFANG:305): "
        "judged by PO-EMERGENCY, not by the quorum and the majority")
    emergency_reports: list[Slug] = Field(
        default_factory=list, max_length=1000,
        description="the emergency handlings (meeting ids) reported to this meeting (事后应向下次"
        "党组织委员会议汇报)")
    motions: list[Motion] = Field(default_factory=list, max_length=10_000)

    @model_validator(mode="after")
    def _counts_are_possible(self) -> Meeting:
        # Every meeting is validated and few are wrong: each check first asks the cheapest
        # question that clears a sound meeting (the set of those present is made once), and
        # reads the fields as items of the model's dict (a model's attribute costs more).
        # Every problem found is reported at once, not one a run.
        fields = self.__dict__
        listed = fields["present"]
        present = set(listed)
        problems = []
        if len(present) < len(listed) and (twice := _second(listed)) is not None:
            problems.append(field_problem(("present", twice), "`present` names the same person "
                                          "twice", listed[twice], zh="「present」中同一人写了两次"))
        if fields["notice_date"] is not None or fields["reported_on"] is not None:
            held = fields["date"]
            for name in ("notice_date", "reported_on"):
                day = fields[name]
                if day is not None and day > held:
                    problems.append(field_problem((name,), f"{name} {day} is after the meeting "
                                                  f"{held}", day.isoformat(),
                                                  zh=f"「{name}」（{day}）晚于会议日期（{held}）"))
        seen: set[str] = set()
        taking_part = max(len(present), fields["voters"] or 0)
        for i, motion in enumerate(fields["motions"]):
            if motion.id in seen:
                problems.append(field_problem(
                    ("motions", i, "id"), f"motion id {motion.id!r} is used twice in this "
                    "meeting", motion.id, zh=f"议题编号「{motion.id}」在本次会议中用了两次"))
            seen.add(motion.id)
            problems.extend(motion.problems(("motions", i)))
            if motion.votes is not None and motion.votes.cast > taking_part:
                problems.append(field_problem(
                    ("motions", i, "votes"),
                    f"motion {motion.named('en')} has {motion.votes.cast} votes but only "
                    f"{taking_part} people are present", motion.votes,
                    zh=f"议题{motion.named('zh')}共{motion.votes.cast}票，但出席只有{taking_part}人"))
            consented = motion.consented
            if consented is not None and not present.issuperset(consented):
                absent = sorted(set(consented) - present)
                problems.append(field_problem(
                    ("motions", i, "consented", consented.index(absent[0])),
                    f"motion {motion.named('en')}: {', '.join(absent)} consented but "
                    f"{'is' if len(absent) == 1 else 'are'} not in `present`", absent[0],
                    zh=f"议题{motion.named('zh')}：{'、'.join(f'「{a}」' for a in absent)}列为同意，"
                    "但不在「present」中"))
        if problems:
            raise field_errors(self, problems)
        return self


def _second(names: list[str]) -> int | None:
    """The index of the first name that appears a second time, or None."""
    seen: set[str] = set()
    for i, name in enumerate(names):
        if name in seen:
            return i
        seen.add(name)
    return None
