"""The township people's congress: its sessions and what they elected (RD-TOWNSHIP)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from ._base import RecordModel
from ._types import Count, Day, Slug
from .body import DecisionRef, SeatOrigin


class Post(StrEnum):
    CHAIR = "chair"  # 乡镇人大主席
    VICE_CHAIR = "vice_chair"
    HEAD = "head"  # 乡镇长
    DEPUTY_HEAD = "deputy_head"


class PostFilled(RecordModel):
    """A leadership post filled at a session, and how."""

    post: Post
    person: Slug
    obtained_by: SeatOrigin
    oath_taken: bool = False


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

    @model_validator(mode="after")
    def _method_not_after_the_session(self) -> Session:
        day = self.election_method_adopted_on
        if day is not None and day < self.date:
            raise ValueError(f"election_method_adopted_on {day} is before the session starts")
        return self
