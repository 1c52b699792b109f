"""A share of a count meets a threshold: 80% of members consent; more than half are present."""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

from pydantic import field_validator

from ..._words import day_name, percent_words, threshold_words
from ...facts.schema import Fact
from ...models._base import Problem
from ...report._trusted import trusted
from ...report.model import Text
from ..conditions import Cmp, Condition, Field
from ..model import Localised
from ._base import Explanation, KindParams, RuleKind, day_texts, fraction_text


class ShareThresholdParams(KindParams):
    numerator: str
    denominator: str
    threshold: Fraction
    comparison: Literal["at_least", "more_than"]
    numerator_label: Localised
    denominator_label: Localised

    @field_validator("threshold")
    @classmethod
    def _a_share(cls, threshold: Fraction) -> Fraction:
        """A share of a count: more than 0 and at most 1 (``1e308`` or a number of days is
        refused where the rule is loaded, not at its first finding)."""
        if not 0 < threshold <= 1:
            shown = str(threshold)
            shown = shown if len(shown) <= 24 else f"{shown[:20]}…"
            raise Problem(f"a share is more than 0 and at most 1, got {shown}",
                          f"比例须大于0且不大于1，实为「{shown}」")
        return threshold


class ShareThreshold(RuleKind[ShareThresholdParams]):
    """``numerator / denominator`` must be ``>= threshold`` (以上) or ``> threshold`` (过半数).

    Decided exactly, by cross-multiplying: ``numerator × q`` against ``denominator × p``.
    """

    name = "share_threshold"
    summary = "a share of a count meets a threshold (以上 includes it, 过半数 is strict)"
    fact_types = frozenset({"meeting", "motion"})
    params_model = ShareThresholdParams
    message_fields = frozenset({
        "numerator", "denominator", "share", "required", "shortfall",
        "numerator_label", "denominator_label", "body_name", "title", "day", "subject",
    })

    def violated(self, params: ShareThresholdParams) -> Condition:
        p, q = params.threshold.numerator, params.threshold.denominator
        op = "<" if params.comparison == "at_least" else "<="
        return Cmp(Field(params.numerator, q), op, Field(params.denominator, p))

    def explain(self, fact: Fact, params: ShareThresholdParams) -> Explanation:
        num = int(fact.values[params.numerator])
        den = int(fact.values[params.denominator])
        threshold, comparison = params.threshold, params.comparison
        share = Fraction(num, den) if den else Fraction(0)
        shown = percent_words(share)
        needed = _minimum_count(den, threshold, comparison)
        short = max(needed - num, 0)
        req = {lang: threshold_words(threshold, comparison, lang) for lang in ("zh", "en")}
        num_label, den_label = params.numerator_label, params.denominator_label
        (num_en, _), (den_en, basis_en) = (_counted_label(num, num_label.en),
                                          _counted_label(den, den_label.en))
        unit = "票" if num_label.zh.endswith("票") else "人"  # votes counted in votes (赞成票)
        return Explanation(
            dict(
                measured=trusted(Text,
                    zh=f"{den_label.zh}{den}人，{num_label.zh}{num}{unit}（{shown}）",
                    en=f"{num_en} of {den_en} ({shown})"),
                required=trusted(Text,
                    zh=f"{num_label.zh}须{req['zh']}，即至少{needed}{unit}",
                    en=f"{req['en']}, that is at least {needed}"),
                shortfall=trusted(Text, zh=f"还差{short}{unit}", en=f"{short} more needed"),
                numerator=num, denominator=den,
                denominator_basis=trusted(Text, zh=den_label.zh, en=basis_en),
                dates=day_texts(fact),
                details={"share": fraction_text(share), "threshold": fraction_text(threshold),
                         "comparison": comparison, "minimum_count": str(needed)},
            ),
            {
                "numerator": str(num), "denominator": str(den), "share": shown,
                "required": req, "shortfall": str(short),
                "numerator_label": {"zh": num_label.zh, "en": num_label.en},
                "denominator_label": {"zh": den_label.zh, "en": den_label.en},
                "body_name": fact.names.get("body_name", ""),
                "title": fact.names.get("title", ""),
                # the meeting: its day in words, and its id (a motion's is its meeting's)
                "day": {"zh": day_name(fact.day, "zh"), "en": day_name(fact.day, "en")},
                "subject": fact.ref.id.split("/")[0],
            },
        )


def _counted_label(n: int, label: str) -> tuple[str, str]:
    """A count with its label (a plural noun first, as rules write them), agreeing; and the
    label as it agrees with the count (what the count counts).

    >>> _counted_label(6, "members who consented"), _counted_label(1, "votes for")
    (('6 members who consented', 'members who consented'), ('1 vote for', 'vote for'))
    >>> _counted_label(20, "all representatives seated that day")[0]
    'all 20 representatives seated that day'
    >>> _counted_label(1, "all representatives seated that day")
    ('the 1 representative seated that day', 'representative seated that day')
    """
    whole = label.startswith("all ")
    if whole:
        label = label[4:]
    if n == 1:
        noun, space, rest = label.partition(" ")
        if noun.endswith("s") and not noun.endswith("ss"):
            label = f"{noun[:-1]}{space}{rest}"
    if not whole:
        return f"{n} {label}", label
    return (f"the 1 {label}" if n == 1 else f"all {n} {label}"), label


def _minimum_count(denominator: int, threshold: Fraction, comparison: str) -> int:
    """The smallest count that satisfies the rule for this denominator (in whole numbers:
    ``denominator × threshold`` exactly, without a fraction's arithmetic).

    >>> [_minimum_count(d, Fraction(2, 3), "at_least") for d in (0, 3, 4)]
    [0, 2, 3]
    >>> [_minimum_count(d, Fraction(1, 2), "more_than") for d in (0, 4, 5)]
    [1, 3, 3]
    """
    floor, rest = divmod(denominator * threshold.numerator, threshold.denominator)
    if comparison == "at_least":
        return floor if rest == 0 else floor + 1
    return floor + 1


