"""Both engines must return byte-identical findings on records generated around every threshold."""

from __future__ import annotations

from typing import Any

import pytest
from _helpers import body, check, community, members
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("durable", reason="the durable extra is installed by `make test`")

KINDS = ["consultation_committee", "member_representative_assembly", "party_committee",
         "residents_committee"]


@st.composite
def dossiers(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(KINDS))
    seated = draw(st.integers(1, 12))
    people = members("b", seated)
    files: dict[str, Any] = {"c.yaml": community(), "b.yaml": body(
        "b", kind, seated, end=draw(st.sampled_from(["2023-12-31", "2024-01-01", "2024-01-02"])))}
    files["rc.yaml"] = body("rc", "residents_committee", 3, roles={0: "director"})
    files["pc.yaml"] = body("pc", "party_committee", 2, roles={0: "secretary"})
    meetings = []
    for i in range(draw(st.integers(0, 3))):
        present = draw(st.integers(1, seated))
        outcome = draw(st.sampled_from(["adopted", "rejected"]))
        yes = draw(st.integers(0, present))
        meetings.append({"id": f"m{i}", "body": "b",
                         "date": draw(st.sampled_from(["2021-06-01", "2023-12-31", "2024-01-02"])),
                         "present": people[:present],
                         "motions": [{"id": "x", "title": "议题", "outcome": outcome,
                                      "votes": {"yes": yes, "no": present - yes}}]})
    if meetings:
        files["m.yaml"] = {"meetings": meetings}
    expenses = []
    for i in range(draw(st.integers(0, 3))):
        amount = draw(st.sampled_from(["99.99", "100.00", "100.01", "500.00", "500.01", "900"]))
        approvals = [{"role": r, "person": "x", "date": draw(st.sampled_from(
            ["2022-03-02", "2022-03-03", "2022-03-04"]))}
            for r in draw(st.sets(st.sampled_from(
                ["residents_committee_director", "street_office_deputy_director"])))]
        signers = draw(st.sets(st.sampled_from(["handler", "director", "party_secretary",
                                                "deputy_director"])))
        expenses.append({
            "id": f"e{i}", "body": "rc", "amount": amount, "paid_on": "2022-03-03",
            "payee": "店", "purpose": "用品",
            "voucher": draw(st.sampled_from(["invoice", "informal_slip"])),
            "accountant": draw(st.sampled_from(["rc-p1", "rc-p2"])),
            "cashier": draw(st.sampled_from(["rc-p0", "rc-p2"])),
            "approvals": approvals,
            "signatures": [{"role": s, "person": f"s-{s}"} for s in sorted(signers)],
            **({"filing": {"date": "2022-03-01"}} if draw(st.booleans()) else {}),
        })
    if expenses:
        files["e.yaml"] = {"expenses": expenses}
    return files


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=dossiers())
def test_engines_agree(files: dict[str, Any]) -> None:
    native = check(files, engine="native")
    durable = check(files, engine="durable")
    assert native.input_errors == durable.input_errors
    assert native.model_dump_json(exclude={"engine"}) == durable.model_dump_json(exclude={"engine"})
