"""Expenses, their approvals, signatures and the people who keep the money."""

from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from ._base import RecordModel, field_errors, field_problem
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
    fixed_asset: bool = Field(default=False, description="the payment buys a fixed asset, to be "
                              "entered in the asset register (SQ-SIFANG:127)")

    @model_validator(mode="after")
    def _roles_signed_once_and_one_director(self) -> Expense:
        """The record contradicts itself when it lists one signature twice, names two people
        as the residents' committee director on one day, or one person as both its director
        and its deputy director (every problem reported at once)."""
        problems = []
        seen: set[tuple[SignatureRole, str]] = set()
        for i, signature in enumerate(self.signatures):  # two deputies may sign (三人以上)
            if (signature.role, signature.person) in seen:
                problems.append(field_problem(
                    ("signatures", i, "person"), f"`signatures` lists {signature.person!r} "
                    f"signing as {signature.role.value} twice", signature.person,
                    zh=f"「signatures」中「{signature.person}」以同一身份签字写了两次"))
            seen.add((signature.role, signature.person))
        claims: dict[object, dict[str, tuple[str | int, ...]]] = {}
        for i, a in enumerate(self.approvals):
            if a.role is ApproverRole.RESIDENTS_COMMITTEE_DIRECTOR:
                claims.setdefault(a.date, {}).setdefault(a.person, ("approvals", i, "person"))
        for i, s in enumerate(self.signatures):
            if s.role is SignatureRole.DIRECTOR:
                claims.setdefault(s.date or self.paid_on, {}).setdefault(
                    s.person, ("signatures", i, "person"))
        for day, persons in sorted(claims.items(), key=lambda kv: str(kv[0])):
            if len(persons) > 1:
                second = list(persons)[1]
                problems.append(field_problem(
                    persons[second], f"the record names {' and '.join(sorted(persons))} as the "
                    f"residents' committee director on {day}", second,
                    zh=f"记录将{'、'.join(sorted(persons))}均列为{day}的居委会主任"))
        directors = {s.person for s in self.signatures if s.role is SignatureRole.DIRECTOR}
        both = next(((i, s.person) for i, s in enumerate(self.signatures)
                     if s.role is SignatureRole.DEPUTY_DIRECTOR and s.person in directors), None)
        if both is not None:  # whichever order the signatures are listed in
            deputy, director = both
            problems.append(field_problem(
                ("signatures", deputy, "person"), f"{director!r} signs both as director and as "
                "deputy director", director, zh=f"「{director}」同时以主任和副主任身份签字"))
        if problems:
            raise field_errors(self, problems)
        return self

    def signed_on(self, signature: Signature) -> date:
        """The day ``signature`` was made: its own date, else the payment day."""
        return signature.date or self.paid_on
