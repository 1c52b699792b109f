"""An amount selects a tier, and the tier requires approvals dated no later than the payment."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Literal

from ...facts.schema import Fact
from ...report.model import Evidence
from ..conditions import Cmp, Condition, Field, all_of, any_of, eq
from ._base import Explanation, KindParams, RuleKind, day_texts

Requirement = Literal["rc_director_approval", "street_deputy_approval", "assembly_decision", "filing"]

REQUIREMENTS: dict[str, tuple[str, str, str, str]] = {
    # name: (present field, in-time field, zh, en)
    "rc_director_approval": ("approved_rc_director", "approved_rc_director_in_time",
                             "社区居委会主任审批", "approval by the residents' committee director"),
    "street_deputy_approval": ("approved_street_deputy", "approved_street_deputy_in_time",
                               "街道办事处分管主任同意",
                               "consent of the street office's deputy director in charge"),
    "assembly_decision": ("assembly_decision", "assembly_decision_in_time",
                          "社区成员代表大会讨论决定", "a decision of the member representative assembly"),
    "filing": ("filed", "filed", "备案", "filing (备案)"),
}


class Tier(KindParams):
    up_to: Decimal | None = None
    requires: list[Requirement]


class TieredApprovalParams(KindParams):
    tiers: list[Tier]
    decision_quorum: Fraction | None = None
    """The assembly's decision counts only from a sitting with more than this share of the
    representatives seated present (RA-QUORUM)."""
    decision_majority: Fraction | None = None
    """… and with more than this share of those present voting for it (RA-MAJORITY)."""


def _fen(yuan: Decimal) -> int:
    return int(yuan * 100)


def _sitting_fails(params: TieredApprovalParams) -> list[Condition]:
    """The decision's sitting failed RA-QUORUM or RA-MAJORITY (strictly more than the share)."""
    out: list[Condition] = []
    for share, part, whole in ((params.decision_quorum, "decision_present", "decision_seated"),
                               (params.decision_majority, "decision_yes", "decision_present")):
        if share is not None:
            out.append(all_of(eq("assembly_decision", 1),
                              Cmp(Field(part, share.denominator), "<=",
                                  Field(whole, share.numerator))))
    return out


def sitting_faults(values: dict[str, int | str], params: TieredApprovalParams) -> list[str]:
    """Why the decision's sitting does not count, in words (empty when it does)."""
    if values["assembly_decision"] != 1:
        return []
    present, seated, yes = (int(values[k]) for k in
                            ("decision_present", "decision_seated", "decision_yes"))
    out = []
    if params.decision_quorum is not None and present * params.decision_quorum.denominator <= \
            seated * params.decision_quorum.numerator:
        out.append(f"the sitting had {present} of {seated} representatives present, not more "
                   f"than {params.decision_quorum} (RA-QUORUM)")
    if params.decision_majority is not None and yes * params.decision_majority.denominator <= \
            present * params.decision_majority.numerator:
        out.append(f"{yes} of {present} present voted for it, not more than "
                   f"{params.decision_majority} (RA-MAJORITY)")
    return out


class TieredApproval(RuleKind[TieredApprovalParams]):
    """Tier *n* covers ``(up_to[n-1], up_to[n]]``; the last tier has no upper bound.

    Every requirement of the tier must exist and, where it has a date, be dated no later
    than the payment.
    """

    name = "tiered_approval"
    summary = "an amount selects a tier that requires approvals before payment"
    fact_types = frozenset({"expense"})
    params_model = TieredApprovalParams
    message_fields = frozenset({"amount", "tier", "range", "missing", "late", "payee", "purpose"})

    def violated(self, params: TieredApprovalParams) -> Condition:
        parts = []
        lower: Decimal | None = None
        for tier in params.tiers:
            bounds = []
            if lower is not None:
                bounds.append(Cmp(Field("amount_fen"), ">", _fen(lower)))
            if tier.up_to is not None:
                bounds.append(Cmp(Field("amount_fen"), "<=", _fen(tier.up_to)))
            unmet = any_of(*(eq(REQUIREMENTS[r][1], 0) for r in tier.requires),
                           *(_sitting_fails(params) if "assembly_decision" in tier.requires
                             else ()))
            parts.append(all_of(*bounds, unmet))
            lower = tier.up_to
        return any_of(*parts)

    def tier_of(self, amount_fen: int, params: TieredApprovalParams) -> tuple[int, str]:
        lower: Decimal | None = None
        for number, tier in enumerate(params.tiers, start=1):
            if tier.up_to is None or amount_fen <= _fen(tier.up_to):
                low = f"{lower}" if lower is not None else "0"
                high = f"{tier.up_to}" if tier.up_to is not None else "∞"
                return number, f"({low}, {high}]" if lower is not None else f"[0, {high}]"
            lower = tier.up_to
        raise ValueError("no tier covers the amount; the last tier must have no `up_to`")

    def explain(self, fact: Fact, params: TieredApprovalParams) -> Explanation:
        amount = int(fact.values["amount_fen"])
        number, span = self.tier_of(amount, params)
        tier = params.tiers[number - 1]
        faults = sitting_faults(fact.values, params) if "assembly_decision" in tier.requires \
            else []
        missing = [r for r in tier.requires if fact.values[REQUIREMENTS[r][0]] == 0
                   or (r == "assembly_decision" and faults)]
        late = [r for r in tier.requires
                if r not in missing and fact.values[REQUIREMENTS[r][1]] == 0]
        yuan = fact.names.get("amount", f"{Decimal(amount) / 100:.2f}")

        def listing(names: list[Requirement], lang: int) -> str:
            return ("、" if lang == 2 else ", ").join(REQUIREMENTS[n][lang] for n in names) or "-"

        return Explanation(
            Evidence(
                measured=f"{yuan} yuan, tier {number} {span}",
                required=", ".join(REQUIREMENTS[r][3] for r in tier.requires)
                + ", each dated no later than the payment",
                shortfall=f"{len(missing)} missing, {len(late)} after the payment",
                dates=day_texts(fact),
                details={**{k: v for k, v in fact.names.items()
                            if v and (k.startswith("approval_") or k == "assembly_decision")},
                         **({"assembly_sitting": "; ".join(faults)} if faults else {}),
                         "missing": ", ".join(missing), "late": ", ".join(late),
                         "tier": str(number)},
            ),
            {
                "amount": yuan, "tier": str(number), "range": span,
                "missing": {"zh": listing(missing, 2), "en": listing(missing, 3)},
                "late": {"zh": listing(late, 2), "en": listing(late, 3)},
                "payee": fact.names.get("payee", ""), "purpose": fact.names.get("purpose", ""),
            },
        )
