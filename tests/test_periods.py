"""Cadence windows: whole periods only, never before the body existed, one finding per period."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from _helpers import check, community
from test_cli import run

from governance_rules.facts import Window
from governance_rules.facts._window import period_of, periods_within


def committee(established: str | None = None, meetings: tuple[str, ...] = ()) -> dict[str, Any]:
    body: dict[str, Any] = {"id": "rc", "kind": "residents_committee", "name": "居委会",
                            "seats": [{"person": "d", "name": "主任", "role": "director",
                                       "terms": [{"start": "2020-01-01",
                                                  "obtained_by": "election"}]}]}
    if established:
        body["established"] = established
    return {"c.yaml": community(), "rc.yaml": {"body": body},
            "m.yaml": {"meetings": [{"id": f"m{i}", "body": "rc", "date": day, "present": ["d"]}
                                    for i, day in enumerate(meetings)]}}


def missing_months(report: Any) -> list[str]:
    return sorted(f.record.id.rsplit("/", 1)[1] for f in report.findings
                  if f.rule_id == "rc-monthly")


def test_partial_months_at_either_end_are_not_judged() -> None:
    report = check(committee(meetings=("2022-01-20", "2022-04-10")))
    assert missing_months(report) == ["2022-02", "2022-03"]


def test_each_missing_period_is_its_own_finding_naming_it() -> None:
    report = check(committee(meetings=("2022-01-01", "2022-06-30")))
    months = missing_months(report)
    assert months == ["2022-02", "2022-03", "2022-04", "2022-05"]
    finding = next(f for f in report.findings if f.rule_id == "rc-monthly")
    assert "February 2022" in finding.message.en and "2022年2月" in finding.message.zh
    assert finding.evidence.dates == {"period_start": "2022-02-01", "period_end": "2022-02-28"}


def test_months_before_the_body_existed_are_not_judged() -> None:
    report = check(committee("2022-04-01", ("2022-01-01", "2022-06-30")))
    assert missing_months(report) == ["2022-04", "2022-05"]


def test_an_explicit_window_overrides_the_records() -> None:
    report = check(committee(meetings=("2022-01-01", "2022-06-30")),
                   window=(date(2022, 3, 1), date(2022, 4, 30)))
    assert missing_months(report) == ["2022-03", "2022-04"]


def test_records_cover_sets_the_default_window() -> None:
    files = committee(meetings=("2022-01-01",))
    files["c.yaml"]["community"]["records_cover"] = {"from": "2022-01-01", "to": "2022-03-31"}
    assert missing_months(check(files)) == ["2022-02", "2022-03"]


def test_cli_from_and_to(tmp_path: Path) -> None:
    import yaml

    for name, data in committee(meetings=("2022-01-01", "2022-06-30")).items():
        (tmp_path / name.replace("c.yaml", "community.yaml")).write_text(
            yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run("check", str(tmp_path), "--from", "2022-05-01", "--to", "2022-05-31",
                 "--format", "json")
    ids = [f["record"]["id"] for f in json.loads(result.stdout)["findings"]
           if f["rule_id"] == "rc-monthly"]
    assert ids == ["rc/regular/2022-05"]
    assert run("check", str(tmp_path), "--from", "2022-06-01", "--to", "2022-05-01").returncode == 2


def test_periods_within_and_labels() -> None:
    window = Window(date(2022, 1, 15), date(2022, 12, 31))
    assert [p.label for p in periods_within("quarter", window)] == ["2022-Q2", "2022-Q3", "2022-Q4"]
    assert [p.label for p in periods_within("half", window)] == ["2022-H2"]
    assert [p.part for p in periods_within("bimonth", window)] == ["B2", "B3", "B4", "B5", "B6"]
    assert list(periods_within("year", window)) == []
    assert period_of("2022-02").end == date(2022, 2, 28)
    assert period_of("2024-02").end == date(2024, 2, 29)
    assert period_of("2022-Q4").start == date(2022, 10, 1)
