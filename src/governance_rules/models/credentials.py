"""The credentials committee's work (代表资格审查, RD-TOWNSHIP:507): examinations of elected
deputies, and reports on deputies suspended or whose credentials ended."""

from __future__ import annotations

from pydantic import Field

from ._base import RecordModel
from ._types import Day, Slug, TextEnum
from .body import DecisionRef


class ReviewKind(TextEnum):
    EXAMINATION = "examination"  # 对补选和选举的代表的代表资格和当选结果进行审查
    SUSPENSION = "suspension"  # 暂时停止执行职务
    TERMINATION = "termination"  # 资格终止


class CredentialsReview(RecordModel):
    """One report of the credentials committee on the deputies it names.

    An ``examination`` is confirmed by a presidium meeting (``confirmed_by``) and the list of
    deputies is published (``list_published_on``) before the ``session``; a ``suspension`` or a
    ``termination`` is reported to the ``session``, and a termination is announced
    (``announced_on``).

    >>> CredentialsReview(id="cr", body="dsw", date="2022-05-20", kind="examination",
    ...                   deputies=["r3"]).kind
    <ReviewKind.EXAMINATION: 'examination'>
    """

    id: Slug
    body: Slug = Field(description="the credentials committee")
    date: Day = Field(description="the day of its report")
    kind: ReviewKind
    deputies: list[Slug] = Field(min_length=1, max_length=10_000)
    confirmed_by: DecisionRef | None = Field(default=None, description="the presidium meeting's "
                                             "motion confirming the report (由主席团会议确认)")
    list_published_on: Day | None = Field(default=None, description="the day the list of "
                                          "deputies was published (在人代会前公布代表名单)")
    session: Slug | None = Field(default=None, description="the session it is for (examination) "
                                 "or was reported to (suspension, termination)")
    announced_on: Day | None = Field(default=None, description="the day a termination was "
                                     "announced (予以公告)")
