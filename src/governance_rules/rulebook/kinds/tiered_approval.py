"""An amount selects a tier, and the tier requires approvals dated no later than the payment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from pydantic import model_validator

from ..._words import day_name, in_words, not_yet_words, threshold_words, tier_words, yuan
from ...facts.schema import Fact
from ...models._base import Problem
from ...report._trusted import trusted
from ...report.model import Text
from ..conditions import Cmp, Condition, Field, all_of, any_of, eq
from ._base import Explanation, KindParams, RuleKind, day_texts

Requirement = Literal["rc_director_approval", "street_deputy_approval", "assembly_decision", "filing"]

REQUIREMENTS: dict[str, tuple[str, str, str, str]] = {
    # name: (present field, in-time field, zh, en)
    "rc_director_approval": ("approved_rc_director", "approved_rc_director_in_time",
                             "社区居委会主任审批", "approval by the residents' committee director"),
    "street_deputy_approval": ("approved_street_deputy", "approved_street_deputy_in_time",
                               "街道办事处分管主任同意",
                               "consent of the street office's director in charge"),
    "assembly_decision": ("assembly_decision", "assembly_decision_in_time",
                          "社区成员代表大会讨论决定", "a decision of the member representative assembly"),
    "filing": ("filed", "filed", "备案", "filing"),
}


_APPROVAL_ROLES = {"rc_director_approval": "residents_committee_director",
                   "street_deputy_approval": "street_office_deputy_director"}
"""The approval a requirement is met by: the record's approver role (``approvals[].role``)."""


def _note(requirement: str) -> str:
    """The name under which an expense's fact says, in English (its Chinese twin ``…_zh``),
    why the record of ``requirement`` given does not count: who held the approver's seat
    that day, which assembly motion was tried and why it does not decide the expense."""
    role = _APPROVAL_ROLES.get(requirement)
    return f"approval_{role}" if role else requirement


def _not_by(requirement: str) -> str:
    """The name under which an expense's fact gives the day the check is as of, where the
    record of ``requirement`` is dated after it (made later: not yet made by then)."""
    role = _APPROVAL_ROLES.get(requirement)
    return f"approval_{role}_not_by" if role else f"{requirement}_not_by"


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

    @model_validator(mode="after")
    def _tiers_rise(self) -> TieredApprovalParams:
        """Each tier's upper bound is above the one before (0 at the least), and only the
        last is open: a first tier up to 600 over a second up to 500 judged a 500.01-yuan
        payment by the first."""
        below = Decimal(-1)
        for n, tier in enumerate(self.tiers, 1):
            if tier.up_to is None:
                if n != len(self.tiers):
                    raise Problem(f"tier {n} has no upper bound but is not the last",
                                  f"第{n}档没有上限，却不是最后一档")
                continue
            if tier.up_to < 0:
                raise Problem(f"tier {n} goes up to {tier.up_to} yuan, below 0",
                              f"第{n}档上限{tier.up_to}元，小于0")
            if tier.up_to <= below:
                raise Problem(f"tier {n} goes up to {tier.up_to} yuan, not above the tier "
                              f"before it ({below} yuan)",
                              f"第{n}档上限{tier.up_to}元，须高于前一档（{below}元）")
            below = tier.up_to
        return self


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


def sitting_faults(values: dict[str, int | str], params: TieredApprovalParams
                   ) -> list[tuple[str, str]]:
    """Why the decision's sitting does not count, in words (zh, en); empty when it does."""
    if values["assembly_decision"] != 1:
        return []
    present, seated, yes = (int(values[k]) for k in
                            ("decision_present", "decision_seated", "decision_yes"))
    out = []
    quorum, majority = params.decision_quorum, params.decision_majority
    if quorum is not None and present * quorum.denominator <= seated * quorum.numerator:
        out.append((f"作出决定的会议{seated}名代表中只有{present}名出席，"
                    f"未{threshold_words(quorum, 'more_than', 'zh')}",
                    f"the sitting had {present} of {seated} representatives present, not "
                    f"{threshold_words(quorum, 'more_than', 'en')}"))
    if majority is not None and yes * majority.denominator <= present * majority.numerator:
        out.append((f"出席的{present}名代表中只有{yes}名赞成，"
                    f"未{threshold_words(majority, 'more_than', 'zh')}",
                    f"{yes} of {present} representatives present voted for it, not "
                    f"{threshold_words(majority, 'more_than', 'en')}"))
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
    message_fields = frozenset({"amount", "tier", "range", "missing", "late", "payee", "purpose",
                                "problems", "paid_on", "body_name"})

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

    def clause_names(self, params: TieredApprovalParams) -> frozenset[str]:
        """``tier1``, ``tier2`` …: each tier is a clause of its own (SQ-SIFANG:385 states the
        three in turn), and a finding cites the one its amount falls in."""
        return frozenset(f"tier{number}" for number in range(1, len(params.tiers) + 1))

    def tier_of(self, amount_fen: int, params: TieredApprovalParams
                ) -> tuple[int, Decimal | None, Decimal | None]:
        """The tier's number and bounds: above ``lower``, up to and including ``upper``."""
        lower: Decimal | None = None
        for number, tier in enumerate(params.tiers, start=1):
            if tier.up_to is None or amount_fen <= _fen(tier.up_to):
                return number, lower, tier.up_to
            lower = tier.up_to
        raise ValueError("no tier covers the amount; the last tier must have no `up_to`")

    def explain(self, fact: Fact, params: TieredApprovalParams) -> Explanation:
        amount = int(fact.values["amount_fen"])
        number, lower, upper = self.tier_of(amount, params)
        tier = params.tiers[number - 1]
        faults = sitting_faults(fact.values, params) if "assembly_decision" in tier.requires \
            else []
        missing = [r for r in tier.requires if fact.values[REQUIREMENTS[r][0]] == 0
                   or (r == "assembly_decision" and faults)]
        late = [r for r in tier.requires
                if r not in missing and fact.values[REQUIREMENTS[r][1]] == 0]
        money = fact.names.get("amount", f"{Decimal(amount) / 100:.2f}")
        paid = fact.dates.get("paid_on")

        def listing(names: list[Requirement], lang: str) -> str:
            return ("、" if lang == "zh" else ", ").join(
                REQUIREMENTS[n][2 if lang == "zh" else 3] for n in names)

        # an approval given by somebody the roster does not seat counts for nothing: say who;
        # an assembly motion that does not decide this expense: say which, and why; but a
        # record dated after the day checked is not made yet (``not_yet``)
        names = fact.names
        refused = {r: names[_note(r)] for r in missing if _note(r) in names
                   and not names.get(_not_by(r)) and (r in _APPROVAL_ROLES or (
                       r == "assembly_decision" and not faults
                       and names.get("assembly_decision_tried")))}

        def problems(lang: str, missing_words: str, late_words: str) -> str:
            zh = lang == "zh"
            out = []
            if absent:
                out.append(f"缺少{missing_words}" if zh else f"missing {missing_words}")
            if not_yet:  # dated after the day checked: not made by then
                checked_on = date.fromisoformat(fact.names[_not_by(not_yet[0])])
                out.append(not_yet_words(  # "no decision", not "no a decision"
                    listing(not_yet, "zh"), listing(not_yet, "en").removeprefix("a "),
                    checked_on)[0 if zh else 1])
            for r in refused:
                note = in_words(names.get(f"{_note(r)}_zh" if zh else _note(r), ""), lang,
                                fact.people)
                out.append(f"所记{REQUIREMENTS[r][2]}不作数：{note}" if zh else
                           f"the {REQUIREMENTS[r][3].removeprefix('a ')} recorded does not "
                           f"count: {note}")
            out += [zh_en[0 if zh else 1] for zh_en in faults]
            if late:
                out.append(f"{late_words}晚于支付" if zh
                           else f"{late_words} dated after the payment")
            return ("；" if zh else "; ").join(out)

        def needed(lang: str) -> str:
            items = listing(list(tier.requires), lang)
            return (f"{items}，均不晚于支付之日" if lang == "zh"
                    else f"{items}, each dated no later than the payment")

        # the refused are said on their own, and so are those made after the day checked
        not_yet = [r for r in missing if r not in refused and fact.names.get(_not_by(r))]
        absent = [r for r in missing if r not in refused and r not in not_yet]
        missing_zh, missing_en = listing(absent, "zh"), listing(absent, "en")
        late_zh, late_en = listing(late, "zh"), listing(late, "en")
        problems_zh = problems("zh", missing_zh, late_zh)
        problems_en = problems("en", missing_en, late_en)
        paid_words = {lang: day_name(paid, lang) if paid else
                      ("未记录支付日期" if lang == "zh" else "no payment date recorded")
                      for lang in ("zh", "en")}
        tiers = {lang: tier_words(number, lower, upper, lang) for lang in ("zh", "en")}
        amounts = {lang: yuan(money, lang, paid=True) for lang in ("zh", "en")}
        return Explanation(
            dict(
                measured=trusted(Text,
                    zh=f"{paid_words['zh']}支付{amounts['zh']}，属{tiers['zh']}；{problems_zh}",
                    en=f"{amounts['en']} paid ({paid_words['en']}), {tiers['en']}; "
                    f"{problems_en}"),
                required=trusted(Text, zh=needed("zh"), en=needed("en")),
                shortfall=trusted(Text,
                    zh="，".join([*([f"缺少{len(missing)}项"] if missing else []),
                                 *([f"{len(late)}项晚于支付"] if late else [])])
                    or "所作决定的会议不作数",
                    en=", ".join([*([f"{len(missing)} missing"] if missing else []),
                                  *([f"{len(late)} dated after the payment"] if late else [])])
                    or "the decision's sitting does not count"),
                numerator=None, denominator=None, denominator_basis=None,
                dates=day_texts(fact),
                details={"amount": money, "tier": str(number),
                         **({"assembly_decision": fact.names["assembly_decision"]}
                            if "assembly_decision" in tier.requires
                            and fact.names.get("assembly_decision") else {}),
                         **({"assembly_sitting": "; ".join(en for _, en in faults)}
                            if faults else {}),
                         **({"tier_above": str(lower)} if lower is not None else {}),
                         **({"tier_up_to": str(upper)} if upper is not None else {}),
                         **({"missing": ",".join(missing)} if missing else {}),
                         **{_note(r): note for r, note in refused.items()},
                         **({"late": ",".join(late)} if late else {})},
            ),
            {
                "amount": amounts, "tier": tiers, "range": tiers,
                "missing": {"zh": missing_zh or "无", "en": missing_en or "none"},
                "late": {"zh": late_zh or "无", "en": late_en or "none"},
                "problems": {"zh": problems_zh, "en": problems_en},
                "paid_on": paid_words,
                "payee": fact.names.get("payee", ""), "purpose": fact.names.get("purpose", ""),
                "body_name": fact.names.get("body_name", ""),
            },
            failed=(f"tier{number}",),
        )
