"""The finance rules read from the rosters day by day (SQ-SIFANG:382, :384, :386), tested with
hypothesis at and around every date bound: the supervision group's last day and the review's
quarter (FIN-AUDIT), the publication's day, and the first day two duties or a duty and a seat meet
(FIN-SEG-SEPARATE, FIN-SEG-DIRECTOR, FIN-SEG-CUSTODY, FIN-STAFF); the day the cash is balanced
and the day a month is closed (FIN-BOOKS)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest
from _helpers import check, rule_ids
from hypothesis import given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=30, deadline=None)
ENGINES = st.sampled_from(["native", "durable"])
Q1 = (date(2022, 1, 1), date(2022, 3, 31))
SIFANG = {"community": {"id": "sf", "name": "四方示例社区",
                        "jurisdiction": ["cn", "shandong", "qingdao", "sifang"]}}


def _term(start: date | str, end: date | str | None = "2024-06-19", **extra: Any) -> dict[str, Any]:
    return {"start": str(start), **({"end": str(end)} if end else {}),
            "obtained_by": "election", **extra}


def _seat(person: str, role: str = "member", duties: list[dict[str, Any]] | None = None,
          terms: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"person": person, "name": person, "role": role, "duties": duties or [],
            "terms": terms or [_term("2021-06-20")]}


def _rc(*seats: dict[str, Any]) -> dict[str, Any]:
    return {"body": {"id": "rc", "kind": "residents_committee", "name": "居委会",
                     "seats": [_seat("d", "director"), *seats]}}


def _audit(group_end: date | None, review: date, published: date | None) -> dict[str, Any]:
    audit: dict[str, Any] = {"id": "a1", "body": "rc", "by": "sg", "date": str(review),
                             "kind": "quarterly_review"}
    if published is not None:
        audit["published_on"] = str(published)
    return {"c.yaml": SIFANG, "rc.yaml": _rc(),
            "sg.yaml": {"body": {"id": "sg", "kind": "supervision_committee", "name": "监督小组",
                                 "seats": [_seat("g", "director",
                                                 terms=[_term("2021-06-20", group_end)])]}},
            "a.yaml": {"audit": audit}}


@SETTINGS
@given(shift=st.integers(-3, 3), engine=ENGINES)
def test_the_result_is_published_on_or_after_the_review(shift: int, engine: str) -> None:
    review = date(2022, 3, 10)
    report = check(_audit(None, review, review + timedelta(days=shift)), engine=engine,
                   window=Q1)
    assert ("fin-audit" in rule_ids(report)) is (shift < 0)


@SETTINGS
@given(group_end=st.dates(date(2022, 3, 11), date(2022, 4, 5)), engine=ENGINES)
def test_the_group_is_seated_on_every_day_of_the_quarter(group_end: date, engine: str) -> None:
    report = check(_audit(group_end, date(2022, 3, 10), date(2022, 3, 10)), engine=engine,
                   window=Q1)
    assert ("fin-audit" in rule_ids(report)) is (group_end < Q1[1])


@SETTINGS
@given(review=st.dates(date(2022, 3, 28), date(2022, 4, 3)), engine=ENGINES)
def test_the_review_falls_inside_its_quarter(review: date, engine: str) -> None:
    report = check(_audit(None, review, review), engine=engine, window=Q1)
    assert ("fin-audit" in rule_ids(report)) is (review > Q1[1])


YEAR = (date(2022, 1, 1), date(2022, 12, 31))


@SETTINGS
@given(seat_end=st.dates(date(2022, 5, 1), date(2022, 5, 20)),
       duty_start=st.dates(date(2022, 5, 1), date(2022, 5, 20)), engine=ENGINES)
def test_the_director_never_holds_the_cashier_duty(seat_end: date, duty_start: date,
                                                   engine: str) -> None:
    """od is director until ``seat_end``, then a member; the cashier duty from ``duty_start``."""
    od = _seat("od", "director", [{"duty": "cashier", "start": str(duty_start)}],
               [_term("2021-06-20", seat_end),
                _term(seat_end + timedelta(days=1), "2024-06-19", role="member")])
    files = {"c.yaml": SIFANG, "rc.yaml": {"body": {"id": "rc", "kind": "residents_committee",
                                                    "name": "居委会", "seats": [od]}}}
    report = check(files, engine=engine, window=YEAR)
    assert ("fin-seg-director-roster" in rule_ids(report)) is (duty_start <= seat_end)


@SETTINGS
@given(first_end=st.dates(date(2022, 6, 1), date(2022, 6, 20)),
       second_start=st.dates(date(2022, 6, 1), date(2022, 6, 20)),
       pair=st.sampled_from([("accountant", "cashier", "fin-seg-separate-roster"),
                             ("accountant", "goods_keeper", "fin-seg-custody"),
                             ("cashier", "goods_keeper", "fin-seg-custody")]),
       engine=ENGINES)
def test_two_keepers_duties_never_meet_in_one_hand(first_end: date, second_start: date,
                                                   pair: tuple[str, str, str],
                                                   engine: str) -> None:
    first, second, rule = pair
    k = _seat("k", "member", [{"duty": first, "end": str(first_end)},
                              {"duty": second, "start": str(second_start)}])
    report = check({"c.yaml": SIFANG, "rc.yaml": _rc(k)}, engine=engine, window=YEAR)
    assert (rule in rule_ids(report)) is (second_start <= first_end)
    if first == "accountant" and second == "cashier":  # reported once, under FIN-SEG-SEPARATE
        assert "fin-seg-custody" not in rule_ids(report)


@SETTINGS
@given(seat_end=st.dates(date(2022, 7, 1), date(2022, 7, 20)),
       duty_end=st.dates(date(2022, 7, 1), date(2022, 7, 20)),
       duty=st.sampled_from(["accountant", "cashier"]), engine=ENGINES)
def test_the_keeper_holds_the_qualifying_seat_on_every_day_of_the_duty(
        seat_end: date, duty_end: date, duty: str, engine: str) -> None:
    """w is a professional worker until ``seat_end``, then a plain member; the duty runs until
    ``duty_end``."""
    w = _seat("w", "worker", [{"duty": duty, "end": str(duty_end)}],
              [_term("2021-06-20", seat_end),
               _term(seat_end + timedelta(days=1), "2024-06-19", role="member")])
    report = check({"c.yaml": SIFANG, "rc.yaml": _rc(w)}, engine=engine, window=YEAR)
    assert ("fin-staff" in rule_ids(report)) is (duty_end > seat_end)


def _books(paid: date, balanced: date, closed: date) -> dict[str, Any]:
    expense = {"id": "e1", "body": "rc", "amount": 30, "paid_on": str(paid), "payee": "店",
               "purpose": "茶叶", "voucher": "invoice", "accountant": "k", "cashier": "c"}
    return {"c.yaml": SIFANG, "rc.yaml": _rc(), "e.yaml": {"expense": expense},
            "book.yaml": {"ledger": {"id": "book", "body": "rc",
                                     "entries": [{"expense": "e1", "entered_on": str(paid)}],
                                     "balanced_on": [str(balanced)],
                                     "closings": [{"month": "2022-03", "closed_on": str(closed)}]}}}


@SETTINGS
@given(shift=st.integers(-2, 2), engine=ENGINES)
def test_the_cash_is_balanced_on_the_payment_day(shift: int, engine: str) -> None:
    paid = date(2022, 3, 10)
    report = check(_books(paid, paid + timedelta(days=shift), date(2022, 3, 31)), engine=engine)
    assert ("fin-books" in rule_ids(report)) is (shift != 0)


@SETTINGS
@given(closed=st.dates(date(2022, 3, 27), date(2022, 4, 5)), engine=ENGINES)
def test_a_month_is_closed_on_or_after_its_last_day(closed: date, engine: str) -> None:
    paid = date(2022, 3, 10)
    report = check(_books(paid, paid, closed), engine=engine,
                   window=(date(2022, 3, 1), date(2022, 3, 31)))
    assert ("fin-month-closing" in rule_ids(report)) is (closed < date(2022, 3, 31))


@pytest.mark.parametrize(("value", "said"), [
    ("600.00", "tier 2 goes up to 500.00 yuan, not above the tier before it (600.00 yuan)"),
    ("500", "tier 2 goes up to 500.00 yuan, not above the tier before it (500 yuan)"),
    ("-1", "tier 1 goes up to -1 yuan, below 0"),
])
def test_a_what_if_tier_limit_must_keep_the_tiers_rising(value: str, said: str) -> None:
    """A first tier up to 600 over a second up to 500 judged a 500.01-yuan payment by the first
    tier's approval; a limit below 0 made a 0-yuan payment a second-tier one."""
    from governance_rules import load_rulebook

    with pytest.raises(ValueError, match=re.escape(said)):
        load_rulebook().with_parameter("fin.tier1_limit", value)


def test_a_handover_finding_names_the_post_left_and_its_last_day() -> None:
    """FIN-HANDOVER (掌管社区经费的…副主任…离岗时, SQ-SIFANG:387): 离岗 is leaving the post that
    kept the funds. A deputy director who stays on the committee as a plain member left the
    post, not the committee: the finding says which post, and its last day."""
    files = {"community.yaml": SIFANG,
             "rc.yaml": _rc({**_seat("v", "deputy_director", terms=[
                 _term("2021-06-20", "2022-05-31"),
                 _term("2022-06-01", "2024-06-19", role="member")]), "name": "何平",
                 "handled_funds": True}),
             "m.yaml": {"meeting": {"id": "m1", "body": "rc", "date": "2022-12-20",
                                    "present": ["d", "v"]}}}
    [finding] = [f for f in check(files).findings if f.rule_id == "fin-handover"]
    assert finding.message.zh.startswith(
        "何平（v）离开居委会副主任岗位（最后任职日2022年5月31日）：掌管经费")
    assert finding.message.en.startswith(
        "何平 (v) left the post of deputy director of 居委会, last held on 31 May 2022: kept the "
        "funds")
    assert "离开居委会：" not in finding.message.zh
