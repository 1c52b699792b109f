"""Thresholds, tested at and around every bound with hypothesis."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from _helpers import body, check, community, members, rule_ids
from hypothesis import given, settings
from hypothesis import strategies as st


def _motion_dossier(kind: str, seated: int, present: int, yes: int) -> dict[str, object]:
    people = members("b", seated)
    return {
        "c.yaml": community(),
        "b.yaml": body("b", kind, seated),
        "m.yaml": {"meeting": {"id": "m", "body": "b", "date": "2022-03-15",
                               "present": people[:present],
                               "motions": [{"id": "x", "title": "议题", "outcome": "adopted",
                                            "consented": people[:yes]}]}},
    }


@settings(max_examples=60, deadline=None)
@given(seated=st.integers(1, 40), data=st.data())
def test_cc_consent_is_at_least_four_fifths_of_seated(seated: int, data: st.DataObject) -> None:
    exact = Fraction(4, 5) * seated
    near = sorted({max(0, min(seated, int(exact) + d)) for d in (-1, 0, 1, 2)})
    yes = data.draw(st.sampled_from(near))
    report = check(_motion_dossier("consultation_committee", seated, seated, yes))
    assert ("cc-consent-80" in rule_ids(report)) == (Fraction(yes, seated) < Fraction(4, 5))


def test_cc_consent_exactly_80_percent_passes_and_just_under_fails() -> None:
    assert "cc-consent-80" not in rule_ids(check(_motion_dossier("consultation_committee", 10, 10, 8)))
    assert "cc-consent-80" in rule_ids(check(_motion_dossier("consultation_committee", 10, 10, 7)))
    assert "cc-consent-80" in rule_ids(check(_motion_dossier("consultation_committee", 8, 8, 6)))


@settings(max_examples=60, deadline=None)
@given(seated=st.integers(1, 41), data=st.data())
def test_quorums_are_strictly_more_than_half(seated: int, data: st.DataObject) -> None:
    present = data.draw(st.sampled_from(sorted({max(1, seated // 2 + d) for d in (-1, 0, 1)}
                                               & set(range(1, seated + 1)))))
    for kind, rule in (("member_representative_assembly", "ra-quorum"),
                       ("party_committee", "po-quorum")):
        report = check(_motion_dossier(kind, seated, present, 0) | {"m.yaml": {"meeting": {
            "id": "m", "body": "b", "date": "2022-03-15",
            "present": members("b", seated)[:present]}}})
        assert (rule in rule_ids(report)) == (2 * present <= seated), (kind, seated, present)


@settings(max_examples=60, deadline=None)
@given(present=st.integers(1, 40), data=st.data())
def test_assembly_majority_is_strictly_more_than_half_of_present(present: int,
                                                                data: st.DataObject) -> None:
    yes = data.draw(st.sampled_from(sorted({max(0, present // 2 + d) for d in (-1, 0, 1)}
                                           & set(range(present + 1)))))
    report = check(_motion_dossier("member_representative_assembly", present, present, yes))
    assert ("ra-majority" in rule_ids(report)) == (2 * yes <= present)


def test_even_and_odd_committees_at_exactly_half() -> None:
    for seated, yes, fails in ((6, 3, True), (6, 4, False), (7, 3, True), (7, 4, False)):
        report = check(_motion_dossier("party_committee", seated, seated, yes))
        assert ("po-decision" in rule_ids(report)) == fails, (seated, yes)


def _expense(amount: str, approvals: list[str]) -> dict[str, object]:
    roles = {"director": "residents_committee_director", "street": "street_office_deputy_director"}
    approver = {"director": "rc-p0", "street": "so-p0"}  # roles are seats: they hold them
    return {
        "c.yaml": community(),
        "rc.yaml": body("rc", "residents_committee", 3, roles={0: "director"}),
        "so.yaml": body("so", "street_office", 1, roles={0: "deputy_director"}),
        "e.yaml": {"expense": {
            "id": "e", "body": "rc", "amount": amount, "paid_on": "2022-03-03", "payee": "店",
            "purpose": "用品", "voucher": "invoice", "accountant": "rc-p1", "cashier": "rc-p2",
            "approvals": [{"role": roles[a], "person": approver[a], "date": "2022-03-01"}
                          for a in approvals]}},
    }


@settings(max_examples=80, deadline=None)
@given(amount=st.one_of(
    st.sampled_from(["0.01", "99.99", "100.00", "100.01", "499.99", "500.00", "500.01"]),
    st.decimals(min_value=0, max_value=2000, places=2).map(str)))
def test_expense_tiers(amount: str) -> None:
    value = Decimal(amount)
    director_only = "fin-tiers" in rule_ids(check(_expense(amount, ["director"])))
    street_only = "fin-tiers" in rule_ids(check(_expense(amount, ["street"])))
    assert director_only == (value > 100)
    assert street_only == (value <= 100 or value > 500)


def test_tier_bounds_exactly() -> None:
    assert "fin-tiers" not in rule_ids(check(_expense("100.00", ["director"])))
    assert "fin-tiers" in rule_ids(check(_expense("100.01", ["director"])))
    assert "fin-tiers" not in rule_ids(check(_expense("500.00", ["street"])))
    assert "fin-tiers" in rule_ids(check(_expense("500.01", ["street"])))
