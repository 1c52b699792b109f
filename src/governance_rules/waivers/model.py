"""The shape of a waivers file."""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date
from fnmatch import fnmatchcase
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

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
    scope: Literal["everything"] | None = Field(
        default=None, validate_default=True,
        description="`everything`: required, and only allowed, when `rule` and `record` are both "
        "`*`, so that silencing every rule on every record is said explicitly")

    @field_validator("scope", mode="after")
    @classmethod
    def _everything_is_stated(cls, scope: str | None, info: ValidationInfo) -> str | None:
        rule, record = info.data.get("rule"), info.data.get("record")
        if rule is None or record is None:  # already an error of its own
            return scope
        everything = matches_every_id(rule) and matches_every_id(record)
        if everything and scope is None:
            raise PydanticCustomError(
                "waiver_everything_unstated",
                "rule {rule} on record {record} silences every rule on every record; "
                "say so with `scope: everything` on this waiver, or narrow rule or record",
                {"rule": repr(rule), "record": repr(record)})
        if scope is not None and not everything:
            raise PydanticCustomError(
                "waiver_scope_mismatch",
                "`scope: everything` is only for a waiver with rule '*' and record '*'; "
                "this one is narrower (rule {rule}, record {record}): remove `scope`",
                {"rule": repr(rule), "record": repr(record)})
        return scope

    @property
    def everything(self) -> bool:
        """Whether this waiver silences every rule on every record (``scope: everything``)."""
        return self.scope == "everything"

    def matches(self, rule_id: str, record_id: str) -> bool:
        return fnmatchcase(rule_id, self.rule) and fnmatchcase(record_id, self.record)

    def expired_on(self, today: date) -> bool:
        return today > self.expires


def matches_every_id(pattern: str) -> bool:
    """Whether the glob ``pattern`` matches every id a record or rule can have: every
    one-character id of the ids' alphabet, and ids of every shape and length. A character class
    that leaves out only what no id holds (``[!~]*``, ``*[!\x01]*``) matches every id as
    ``*`` does, and needs ``scope: everything`` as ``*`` does.

    >>> [matches_every_id(p) for p in ("*", "**", "?*", "*?*", "??*", "fin-*", "*[!x]")]
    [True, True, True, True, False, False, False]
    >>> [matches_every_id(p) for p in ("[!~]*", "*[!~]*", "[!\x01]*", "[a-z]*", "*-*")]
    [True, True, True, False, False]
    """
    return all(fnmatchcase(probe, pattern) for probe in _EVERY_SHAPE)


_EVERY_SHAPE = (*string.ascii_letters, *string.digits, ".", "_", "-", "a1", "Z9", "fin-tiers",
                "cc-2022-03/parking-plan", "exp-2022-008", "A.B_c-9", "_x", "-1", ".a",
                "x" * 128, "0" * 3)
"""Ids of every shape (records' ids are letters, digits, ``.``, ``_`` and ``-``; a motion's is
``meeting/motion``): a pattern that matches them all matches every id."""


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
