"""The township congress's work between sessions (RD-TOWNSHIP:502): the presidium's work points
and the deputies' suggestions. Kept apart from ``township.py`` (the sessions)."""

from __future__ import annotations

from pydantic import Field, model_validator

from ._base import RecordModel, field_error
from ._types import Day, Slug, Text


class WorkPoints(RecordModel):
    """The presidium's work points (工作要点) for a year: reported to the township party committee,
    approved by it, then carried out under the congress chair (RD-TOWNSHIP:502).

    >>> WorkPoints(id="wp", body="zxt", date="2022-01-10", approved_on="2022-01-15").approved_on.day
    15
    """

    id: Slug
    body: Slug = Field(description="the presidium that drew them up")
    date: Day = Field(description="the day the presidium drew them up")
    title: Text | None = None
    reported_on: Day | None = Field(default=None, description="the day they were reported to "
                                    "the township party committee (向乡镇党委报告)")
    approved_on: Day | None = Field(default=None, description="the day the party committee "
                                    "approved them (党委批准后)")
    implemented_on: Day | None = Field(default=None, description="the day of the first act "
                                       "carrying them out")
    implemented_by: Slug | None = Field(default=None, description="who organised it: the "
                                        "person, who must hold the congress chair's seat that day")

    @model_validator(mode="after")
    def _not_before_drawn_up(self) -> WorkPoints:
        for name in ("reported_on", "approved_on", "implemented_on"):
            day = getattr(self, name)
            if day is not None and day < self.date:
                raise field_error(self, (name,), f"{name} {day} is before the work points "
                                  f"were drawn up ({self.date})", day.isoformat(),
                                  zh=f"「{name}」（{day}）早于工作要点拟定日（{self.date}）")
        if self.implemented_by is not None and self.implemented_on is None:
            raise field_error(self, ("implemented_by",), "`implemented_by` needs "
                              "`implemented_on`, the day of that act", self.implemented_by,
                              zh="「implemented_by」须同时写明实施日「implemented_on」")
        return self


class Suggestion(RecordModel):
    """A deputy's suggestion, criticism or opinion (代表建议、批评和意见, RD-TOWNSHIP:502): when it
    was made, when it was answered, and the later session whose agenda had the report on it.

    >>> Suggestion(id="s1", body="tpc", date="2022-02-25", deputy="r1").answered_on is None
    True
    """

    id: Slug
    body: Slug = Field(description="the township congress")
    date: Day = Field(description="the day the deputy made it")
    deputy: Slug = Field(description="the deputy: a seat on the congress that day")
    title: Text | None = None
    answered_on: Day | None = Field(default=None, description="the day the deputy was answered")
    reported_at: Slug | None = Field(default=None, description="the session whose agenda had the "
                                     "report on its handling (向乡镇人民代表大会报告，并提请会议审议)")

    @model_validator(mode="after")
    def _answer_not_before(self) -> Suggestion:
        if self.answered_on is not None and self.answered_on < self.date:
            raise field_error(self, ("answered_on",), f"answered_on {self.answered_on} is "
                              f"before the suggestion ({self.date})", self.answered_on.isoformat(),
                              zh=f"答复日（{self.answered_on}）早于建议提出日（{self.date}）")
        return self
