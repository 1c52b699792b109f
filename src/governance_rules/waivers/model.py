"""The shape of a waivers file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fnmatch import fnmatchcase

from pydantic import Field

from ..models._base import RecordModel
from ..models._types import Day, Text


class Waiver(RecordModel):
    """One accepted finding (or family of findings, through globs).

    >>> w = Waiver(rule="ra-quorum", record="ra-2022-*", reason="roster rebuilt after merger",
    ...            approved_by="Street office, Li Ming", expires="2027-06-30")
    >>> w.matches("ra-quorum", "ra-2022-07"), w.matches("ra-majority", "ra-2022-07")
    (True, False)
    """

    rule: Text = Field(description="rule id, or a glob such as `fin-*`")
    record: Text = Field(description="record id as the report shows it, or a glob")
    reason: Text
    approved_by: Text
    expires: Day = Field(description="last day the waiver holds (inclusive)")

    def matches(self, rule_id: str, record_id: str) -> bool:
        return fnmatchcase(rule_id, self.rule) and fnmatchcase(record_id, self.record)

    def expired_on(self, today: date) -> bool:
        return today > self.expires


class WaiverFile(RecordModel):
    """A YAML or JSON file with a ``waivers:`` list."""

    schema_: str | None = Field(default=None, alias="$schema")
    waivers: list[Waiver]


@dataclass(frozen=True)
class LocatedWaiver:
    """A waiver with where it was written, so that findings about it can point there."""

    waiver: Waiver
    file: str
    line: int | None
    index: int
