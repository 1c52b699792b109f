"""Meetings, the people present, and the motions put to them."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from ._base import RecordModel
from ._types import Count, Day, Slug, Text


class MeetingKind(StrEnum):
    REGULAR = "regular"
    AD_HOC = "ad_hoc"


class Outcome(StrEnum):
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


class Motion(RecordModel):
    """A topic put to a meeting.

    Record either ``votes`` (counts) or ``consented`` (who agreed, by person id);
    a withdrawn motion needs neither.
    """

    id: Slug
    title: Text
    outcome: Outcome
    votes: Votes | None = None
    consented: list[Slug] | None = Field(default=None, max_length=100_000)

    @model_validator(mode="after")
    def _has_a_count(self) -> Motion:
        if self.outcome is not Outcome.WITHDRAWN and self.votes is None and self.consented is None:
            raise ValueError("a motion that was voted on needs `votes` or `consented`")
        if self.consented is not None and len(set(self.consented)) != len(self.consented):
            raise ValueError("`consented` names the same person twice")
        if (
            self.votes is not None
            and self.consented is not None
            and self.votes.yes != len(self.consented)
        ):
            raise ValueError(
                f"votes.yes is {self.votes.yes} but `consented` names {len(self.consented)} people"
            )
        return self

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
    present: list[Slug] = Field(max_length=100_000)
    special_circumstances: Text | None = None
    motions: list[Motion] = Field(default_factory=list, max_length=10_000)

    @model_validator(mode="after")
    def _counts_are_possible(self) -> Meeting:
        if len(set(self.present)) != len(self.present):
            raise ValueError("`present` names the same person twice")
        if self.notice_date is not None and self.notice_date > self.date:
            raise ValueError(f"notice_date {self.notice_date} is after the meeting {self.date}")
        present = set(self.present)
        seen: set[str] = set()
        for motion in self.motions:
            if motion.id in seen:
                raise ValueError(f"motion id {motion.id!r} is used twice in this meeting")
            seen.add(motion.id)
            if motion.votes is not None and motion.votes.cast > len(present):
                raise ValueError(
                    f"motion {motion.id!r} has {motion.votes.cast} votes but only "
                    f"{len(present)} people are present"
                )
            absent = sorted(set(motion.consented or ()) - present)
            if absent:
                raise ValueError(
                    f"motion {motion.id!r}: {', '.join(absent)} consented but are not in `present`"
                )
        return self
