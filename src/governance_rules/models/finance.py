"""Expenses, their approvals, signatures and the people who keep the money."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from ._base import RecordModel
from ._types import Day, Slug, Text, Yuan
from .body import DecisionRef


class ApproverRole(StrEnum):
    RESIDENTS_COMMITTEE_DIRECTOR = "residents_committee_director"  # 社区居委会主任
    STREET_OFFICE_DEPUTY_DIRECTOR = "street_office_deputy_director"  # 街道办事处分管主任


class SignatureRole(StrEnum):
    HANDLER = "handler"  # 经办人
    DIRECTOR = "director"  # 主任
    PARTY_SECRETARY = "party_secretary"  # 书记
    DEPUTY_DIRECTOR = "deputy_director"  # 副主任


class Voucher(StrEnum):
    INVOICE = "invoice"
    RECEIPT = "receipt"
    INFORMAL_SLIP = "informal_slip"  # 白条


class Approval(RecordModel):
    role: ApproverRole
    person: Slug
    date: Day


class Signature(RecordModel):
    role: SignatureRole
    person: Slug


class Filing(RecordModel):
    """备案: where and when a tier-3 expense was filed."""

    date: Day
    with_: Text | None = Field(default=None, alias="with")


class Expense(RecordModel):
    """One payment out of community funds.

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

    @model_validator(mode="after")
    def _one_signature_per_role(self) -> Expense:
        roles = [s.role for s in self.signatures]
        if len(set(roles)) != len(roles):
            raise ValueError("`signatures` lists the same role twice")
        return self
