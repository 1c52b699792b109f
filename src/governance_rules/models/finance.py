"""Expenses, their approvals, signatures and the people who keep the money."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from ._base import RecordModel
from ._types import Day, Slug, Text, TextEnum, Yuan
from .body import DecisionRef


class ApproverRole(TextEnum):
    RESIDENTS_COMMITTEE_DIRECTOR = "residents_committee_director"  # 社区居委会主任
    STREET_OFFICE_DEPUTY_DIRECTOR = "street_office_deputy_director"  # 街道办事处分管主任


class SignatureRole(TextEnum):
    HANDLER = "handler"  # 经办人
    DIRECTOR = "director"  # 主任
    PARTY_SECRETARY = "party_secretary"  # 书记
    DEPUTY_DIRECTOR = "deputy_director"  # 副主任


class Voucher(TextEnum):
    INVOICE = "invoice"
    RECEIPT = "receipt"
    INFORMAL_SLIP = "informal_slip"  # 白条


class Approval(RecordModel):
    role: ApproverRole
    person: Slug
    date: Day


class Signature(RecordModel):
    """A signature on the voucher; ``date`` is the day of signing (by default the payment day).
    The signer's seat (director, party secretary, deputy director) is read from the roster on
    that day; the handler (经办人) is not a seat."""

    role: SignatureRole
    person: Slug
    date: Day | None = None


class Filing(RecordModel):
    """备案: where and when a tier-3 expense was filed."""

    date: Day
    with_: Text | None = Field(default=None, alias="with")


class Expense(RecordModel):
    """One payment out of community funds. Whether it contradicts itself (two people as the
    residents' committee director on one day …) is checked with the rosters known, when the
    dossier is resolved (``records._resolve``), so that the error names them.

    >>> Expense(id="e1", body="rc", amount="120.50", paid_on="2022-05-03", payee="x",
    ...         purpose="y", voucher="invoice", accountant="a", cashier="b").amount
    Decimal('120.50')
    """

    id: Slug
    body: Slug
    amount: Yuan
    paid_on: Day
    payee: Text
    purpose: Text
    voucher: Voucher
    approvals: list[Approval] = Field(default_factory=list, max_length=100)
    assembly_decision: DecisionRef | None = None
    filing: Filing | None = None
    signatures: list[Signature] = Field(default_factory=list, max_length=100)
    accountant: Slug
    cashier: Slug
    fixed_asset: bool = Field(default=False, description="the payment buys a fixed asset, to be "
                              "entered in the asset register (SQ-SIFANG:127)")

    def signed_on(self, signature: Signature) -> date:
        """The day ``signature`` was made: its own date, else the payment day."""
        return signature.date or self.paid_on
