"""Periods, days and ordinals in words, as findings say them in Chinese and in English."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from governance_rules import check_data
from governance_rules._words import chinese_number, day_name, ordinal, period_name
from governance_rules.facts._window import Window, periods_within


@given(st.integers(1, 10_000))
def test_ordinals_follow_english_usage(n: int) -> None:
    text = ordinal(n)
    assert text.startswith(str(n))
    expected = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    assert text.endswith(expected)


@given(st.integers(0, 99))
def test_chinese_numbers_read_back(n: int) -> None:
    text = chinese_number(n)
    digits = "零一二三四五六七八九"
    if "十" not in text:
        value = digits.index(text)
    else:
        tens, _, ones = text.partition("十")
        value = (digits.index(tens) if tens else 1) * 10 + (digits.index(ones) if ones else 0)
    assert value == n


@given(st.sampled_from(["month", "bimonth", "quarter", "half", "year"]), st.integers(1950, 2150))
def test_every_period_has_a_name_without_codes(granularity: str, year: int) -> None:
    for period in periods_within(granularity, Window(date(year, 1, 1), date(year, 12, 31))):
        zh, en = period_name(period.label, "zh"), period_name(period.label, "en")
        assert zh.startswith(f"{year}年") and not any(c in zh for c in "QHBY-")
        assert str(year) in en and "-" not in en


def test_day_names() -> None:
    assert day_name(date(2022, 12, 31), "zh") == "2022年12月31日"
    assert day_name(date(2022, 12, 31), "en") == "31 December 2022"


def test_cadence_findings_name_the_period_in_words() -> None:
    from _helpers import body, community

    report = check_data({"community.yaml": {"community": {**community()["community"],
                                                          "records_cover": {"from": "2022-01-01",
                                                                            "to": "2022-12-31"}}},
                         "pc.yaml": body("pc", "party_committee", 5, roles={0: "secretary"})})
    lecture = [f for f in report.findings if f.rule_id == "po-party-lecture"]
    assert lecture, [f.rule_id for f in report.findings]
    assert any("2022年9—10月只有0次" in f.message.zh for f in lecture)
    assert any("September–October 2022 had 0" in f.message.en for f in lecture)
    assert not any("2022-B" in f.message.zh + f.message.en for f in lecture)


def test_thresholds_tiers_and_people_in_the_sources_terms() -> None:
    from decimal import Decimal
    from fractions import Fraction

    from governance_rules._words import names_first, threshold_words, tier_words

    assert threshold_words(Fraction(4, 5), "at_least", "zh") == "达80%以上"
    assert threshold_words(Fraction(1, 2), "more_than", "zh") == "超过半数"
    assert threshold_words(Fraction(2, 3), "at_least", "en") == "at least two thirds"
    assert tier_words(3, Decimal("500.00"), None, "zh") == "500元以上（第三档）"
    assert tier_words(1, None, Decimal("100.00"), "zh") == "不超过100元（第一档）"
    assert tier_words(21, Decimal(1), None, "en") == "over 1 yuan (21st tier)"
    once = names_first("held that day by xu-gang (徐刚), d1 (成员1)", "zh")
    assert once == "held that day by 徐刚（xu-gang）、成员1（d1）"
    assert names_first(once, "zh") == once
    assert names_first("an informal slip (白条)", "zh") == "an informal slip (白条)"
