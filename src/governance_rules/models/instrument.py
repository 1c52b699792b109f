"""A written instrument a body adopts: its rules of procedure (议事规则)."""

from __future__ import annotations

from pydantic import Field

from ._base import RecordModel
from ._types import Day, Text


class Instrument(RecordModel):
    """A body's written rules, e.g. 《乡镇人民代表大会议事规则》 (RD-TOWNSHIP:500).

    >>> Instrument(title="王村镇人民代表大会议事规则", adopted_on="2021-10-12").adopted_on.year
    2021
    """

    title: Text
    adopted_on: Day = Field(description="the day the body adopted it; it exists from then")
