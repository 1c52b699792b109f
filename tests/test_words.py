"""Periods, days and ordinals in words, as findings say them in Chinese and in English."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from _helpers import EXAMPLES
from hypothesis import given
from hypothesis import strategies as st

from governance_rules import Rulebook, check_data, check_paths
from governance_rules._words import (
    LISTED_PEOPLE,
    chinese_number,
    day_name,
    names_first,
    ordinal,
    people_counted,
    period_name,
)
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
    assert any("2022年9—10月没有党课，至少须1次" in f.message.zh for f in lecture), lecture
    assert any("no party lectures in September–October 2022; at least 1 required"
               in f.message.en for f in lecture), lecture
    assert not any("2022-B" in f.message.zh + f.message.en for f in lecture)


def test_thresholds_tiers_and_people_in_the_sources_terms() -> None:
    from decimal import Decimal
    from fractions import Fraction

    from governance_rules._words import names_first, threshold_words, tier_words

    assert threshold_words(Fraction(4, 5), "at_least", "zh") == "达80%以上"
    assert threshold_words(Fraction(1, 2), "more_than", "zh") == "超过半数"
    assert threshold_words(Fraction(2, 3), "at_least", "en") == "at least two thirds"
    assert tier_words(3, Decimal("500.00"), None, "zh") == "超过500元（第三档）"
    assert tier_words(1, None, Decimal("100.00"), "zh") == "不超过100元（第一档）"
    assert tier_words(21, Decimal(1), None, "en") == "over 1 yuan (21st tier)"
    once = names_first("held that day by xu-gang (徐刚), d1 (成员1)", "zh")
    assert once == "held that day by 徐刚（xu-gang）、成员1（d1）"
    assert names_first(once, "zh") == once
    assert names_first("an informal slip (白条)", "zh") == "an informal slip (白条)"


@pytest.mark.parametrize("absent", [20, 21, 3_000])
def test_a_finding_names_at_most_twenty_people_in_a_list_and_counts_them_all(absent: int) -> None:
    """A party committee meeting that many seated members missed without asking leave: the
    message names the first 20 and counts all (甲、乙……等N人), where it named every one (a
    65,000-character message for 4,000); the JSON's evidence details keep every id."""
    from _helpers import body, check, community

    seats = 5 + absent
    meeting = {"id": "m1", "body": "b", "kind": "regular", "date": "2022-03-10",
               "present": [f"b-p{i}" for i in range(5)], "chair": "b-p0", "convener": "b-p0"}
    report = check({"c.yaml": community(), "b.yaml": body("b", "party_committee", seats),
                    "m.yaml": {"meetings": [meeting]}})
    (finding,) = [f for f in report.findings if f.rule_id == "po-leave"]
    named = finding.message.zh.count("（b-p")
    assert named == min(absent, LISTED_PEOPLE)
    assert finding.message.en.count(" (b-p") == named
    if absent > LISTED_PEOPLE:
        assert f"成员24（b-p24）等{absent}人" in finding.message.zh
        assert f"and {absent - LISTED_PEOPLE:,} more ({absent:,} in all)" in finding.message.en
    else:
        assert "等" not in finding.message.zh and " more (" not in finding.message.en
    assert all(f"b-p{i} " in finding.evidence.details["leave_missing"] + " "
               for i in range(5, seats))


@given(st.integers(0, 60), st.sampled_from(["zh", "en"]))
def test_a_list_of_people_is_cut_only_past_the_limit(people: int, lang: str) -> None:
    separator = "、" if lang == "zh" else ", "
    listed = separator.join(names_first(f"p-{i} (成员{i})", lang) for i in range(people))
    text = people_counted(f"缺席 {listed} 未请假", lang)
    assert text.count("p-") == min(people, LISTED_PEOPLE)
    assert text.endswith(" 未请假") and text.startswith("缺席 ")
    if people > LISTED_PEOPLE:
        assert f"等{people}人" in text if lang == "zh" else f"({people} in all)" in text


def _plain_ids(examples: Path, into: Path) -> set[str]:
    """The examples copied to ``into`` with every person id that has a hyphen and no digit
    written without its hyphens (``he-ping`` → ``heping``, as pinyin ids often are)."""
    shutil.copytree(examples, into)
    files = list(into.rglob("*.yaml"))
    people = {m.group(1) for p in files
              for m in re.finditer(r"person:\s*([A-Za-z0-9._-]+)", p.read_text(encoding="utf-8"))
              if "-" in m.group(1) and not any(c.isdigit() for c in m.group(1))}
    ids = re.compile(r"(?<![A-Za-z0-9._-])(" + "|".join(
        map(re.escape, sorted(people, key=len, reverse=True))) + r")(?![A-Za-z0-9._-])")
    for path in files:
        text = path.read_text(encoding="utf-8")
        path.write_text(ids.sub(lambda m: m.group(1).replace("-", ""), text), encoding="utf-8")
    return people


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_people_with_plain_ids_are_named_as_the_others(tmp_path: Path, lang: str,
                                                       rulebook: Rulebook) -> None:
    """An id without a hyphen or a digit (``zhangwei``) is a person wherever the roster gives
    that id the name beside it: the findings read as they do with ``zhang-wei``, name first
    (``张伟（zhangwei）``), not ``zhangwei (张伟)`` inside a Chinese sentence."""
    people = _plain_ids(EXAMPLES, tmp_path / "plain")
    assert len(people) > 50
    hyphened = check_paths([EXAMPLES], rulebook=rulebook, base=EXAMPLES)
    plain = check_paths([tmp_path / "plain"], rulebook=rulebook, base=tmp_path / "plain")
    assert len(plain.findings) == len(hyphened.findings) > 50
    named = 0
    for before, after in zip(hyphened.findings, plain.findings, strict=True):
        for text_before, text_after in ((getattr(before.message, lang),
                                         getattr(after.message, lang)),
                                        (getattr(before.evidence.measured, lang),
                                         getattr(after.evidence.measured, lang))):
            assert text_after.replace("-", "") == text_before.replace("-", ""), (
                text_before, text_after)
            named += any(f"（{p.replace('-', '')}）" in text_after
                         or f" ({p.replace('-', '')})" in text_after for p in people)
    assert named > 20
