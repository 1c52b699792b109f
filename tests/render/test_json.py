"""JSON output: the report model, round-tripping, with suppressions and rule descriptions."""

from __future__ import annotations

import json

from governance_rules import Report
from governance_rules.render.json import render_json


def test_round_trips_through_the_model(waived_report: Report) -> None:
    text = render_json(waived_report)
    again = Report.model_validate_json(text)
    assert again.findings == waived_report.findings
    assert render_json(again) == text


def test_carries_rules_checked_records_and_suppressions(waived_report: Report) -> None:
    data = json.loads(render_json(waived_report))
    assert {r["id"] for r in data["rules"]} >= {"cc-consent-80", "fin-tiers"}
    assert data["summary"]["suppressed"] == 1
    waived = [f for f in data["findings"] if f["suppression"]]
    assert waived[0]["suppression"]["approved_by"] == "街道办 李明"
    checked_rules = {rule for c in data["checked"] for rule in c["rules"]}
    assert checked_rules == set(data["summary"]["applied"])
    assert sum(len(c["rules"]) for c in data["checked"]) <= sum(data["summary"]["applied"].values())
    assert "seconds_by_file" not in data
