"""Both engines must return byte-identical findings on records generated around every threshold."""

from __future__ import annotations

from typing import Any

import pytest
from _helpers import ADOPTS_ALL, body, check, community, members
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


DAYS = ["2022-01-03", "2022-02-27", "2022-03-01", "2022-03-31", "2022-04-05", "2022-04-06",
        "2022-05-20", "2022-06-30"]
STEPS = ["topic_reported", "committee_briefing", "discussion", "officials_answer", "vote"]


@st.composite
def periodic_dossiers(draw: st.DrawFn) -> dict[str, Any]:
    """Rosters, cadences, deadlines, sequences, triggers and splits around their thresholds."""
    jurisdiction = draw(st.sampled_from([["cn", "anhui", "chuzhou", "dingyuan"],
                                         ["cn", "jilin", "baicheng", "taonan"], ["cn", "test"]]))
    files: dict[str, Any] = {"c.yaml": {"community": {
        "id": "c", "name": "社区", "jurisdiction": jurisdiction, "adopts": ADOPTS_ALL,
        "households": draw(st.sampled_from([999, 1000, 3000, 3001])),
        "records_cover": {"from": "2022-01-01", "to": "2022-06-30"}}}}
    kinds = ["consultation_committee", "residents_committee", "party_committee",
             "governance_office", "work_committee", "representative_group", "presidium"]
    bodies = []
    for i, kind in enumerate(kinds):
        seated = draw(st.integers(0, 10))
        b = body(f"b{i}", kind, seated, start="2021-01-01", end=None,
                 roles={0: draw(st.sampled_from(["director", "secretary", "chair", "member"]))})
        bodies.append(b["body"])
    files["b.yaml"] = {"bodies": bodies}
    meetings = []
    for n in range(draw(st.integers(0, 10))):
        owner = draw(st.integers(0, len(kinds) - 1))
        if not bodies[owner]["seats"]:
            continue
        day = draw(st.sampled_from(DAYS))
        meetings.append({"id": f"m{n}", "body": f"b{owner}", "date": day,
                         "kind": draw(st.sampled_from(["regular", "ad_hoc", "party_group",
                                                       "activity"])),
                         "present": [bodies[owner]["seats"][0]["person"]],
                         **({"notice_date": draw(st.sampled_from(["2022-01-01", day]))}
                            if draw(st.booleans()) and day >= "2022-01-03" else {})})
    if meetings:
        files["m.yaml"] = {"meetings": meetings}
    # each kind with a period of its own granularity (another is an input error)
    periods_of = {"dispute_monthly": ["2022-02", "2022-03"], "screening": ["2022-02", "2022-03"],
                  "work_record": ["2022-Q1"], "plan": ["2022"]}
    reports = [{"id": f"r{n}", "body": "b3",
                "kind": (report_kind := draw(st.sampled_from(sorted(periods_of)))),
                "period": draw(st.sampled_from(periods_of[report_kind])),
                "submitted_on": draw(st.sampled_from(DAYS)),
                "title": "报" * draw(st.integers(19, 21)),
                "line_spacing_pt": draw(st.sampled_from([28, 30]))}
               for n in range(draw(st.integers(0, 4)))]
    if reports:
        files["r.yaml"] = {"reports": reports}
    hearings = [{"id": f"h{n}", "body": draw(st.sampled_from(["b1", "b2"])), "date": "2022-03-01",
                 "topic": "议题", "steps": draw(st.permutations(STEPS))[:draw(st.integers(3, 5))],
                 "published_on": draw(st.sampled_from(["2022-03-04", "2022-03-05"]))}
                for n in range(draw(st.integers(0, 2)))]
    if hearings:
        files["h.yaml"] = {"hearings": hearings}
    expenses = [{"id": f"e{n}", "body": "b1", "amount": draw(st.sampled_from(["50.00", "50.01",
                                                                               "450.00"])),
                 "paid_on": draw(st.sampled_from(DAYS[:4])), "payee": "店", "purpose": "用品",
                 "voucher": "invoice", "accountant": "a", "cashier": "b", "approvals": []}
                for n in range(draw(st.integers(0, 3)))]
    if expenses:
        files["e.yaml"] = {"expenses": expenses}
    return files


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=periodic_dossiers())
def test_engines_agree_over_periods_rosters_and_deadlines(files: dict[str, Any]) -> None:
    native = check(files, engine="native")
    durable = check(files, engine="durable")
    assert native.input_errors == [] and durable.input_errors == []
    assert native.model_dump_json(exclude={"engine"}) == durable.model_dump_json(exclude={"engine"})
