"""The books of the residents' committee's finances: the account book with its entries, daily
balances and month-end closings (SQ-SIFANG:383–384), and the fixed-asset register (:127)."""

from __future__ import annotations

from pydantic import Field, model_validator

from ._base import RecordModel, field_error
from ._types import Day, Period, Slug, Text


class LedgerEntry(RecordModel):
    """An expense entered in the account book (入账), on ``entered_on``."""

    expense: Slug
    entered_on: Day


class MonthClosing(RecordModel):
    """The month-end closing (月结) of ``month`` (``YYYY-MM``), made on ``closed_on``."""

    month: Period
    closed_on: Day

    @model_validator(mode="after")
    def _a_month(self) -> MonthClosing:
        if len(self.month) != 7 or self.month[5] in "QHB":
            raise field_error(self, ("month",), "`month` names a calendar month such as "
                              f"2022-03, got {self.month!r}", self.month,
                              zh=f"「month」须为日历月份，如 2022-03，实为「{self.month}」")
        return self


class Ledger(RecordModel):
    """The account book of ``body`` (账簿): its entries, the days the cash was balanced (日清) and
    the month-end closings (月结).

    >>> Ledger(id="book-2022", body="rc", entries=[{"expense": "e1", "entered_on": "2022-03-03"}],
    ...        balanced_on=["2022-03-03"], closings=[{"month": "2022-03", "closed_on": "2022-03-31"}]
    ...        ).closings[0].month
    '2022-03'
    """

    id: Slug
    body: Slug
    entries: list[LedgerEntry] = Field(default_factory=list, max_length=100_000)
    balanced_on: list[Day] = Field(default_factory=list, max_length=10_000,
                                   description="the days the cash was counted and balanced (日清)")
    closings: list[MonthClosing] = Field(default_factory=list, max_length=1_000)


class AssetEntry(RecordModel):
    """A fixed asset entered in the register (登记造册): what, the expense that bought it (if
    any), and when it was entered."""

    asset: Text
    expense: Slug | None = None
    entered_on: Day


class AssetRegister(RecordModel):
    """The fixed-asset register and account book of ``body`` (对固定资产要登记造册,建立帐簿).

    >>> AssetRegister(id="assets", body="rc", entries=[{"asset": "投影仪", "expense": "e7",
    ...               "entered_on": "2022-06-01"}]).entries[0].asset
    '投影仪'
    """

    id: Slug
    body: Slug
    entries: list[AssetEntry] = Field(default_factory=list, max_length=100_000)
