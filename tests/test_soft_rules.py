"""Norms (一般 / 原则上 / 为宜) yield to a stated exception and become info; mandatory rules never do."""

from __future__ import annotations

from typing import Any

import pytest
from _helpers import ADOPTS_ALL, check

from governance_rules import Severity


def party(exceptions: list[dict[str, str]] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": "pc", "kind": "party_committee", "name": "党委",
        "seats": [{"person": "s", "name": "书记", "role": "secretary",
                   "terms": [{"start": "2021-01-01", "obtained_by": "election"}]}]}
    if exceptions is not None:
        body["exceptions"] = exceptions
    return {
        "community.yaml": {"community": {"id": "c", "name": "社区", "jurisdiction": ["cn"],
                                         "adopts": ADOPTS_ALL,
                                         "records_cover": {"from": "2022-01-01",
                                                           "to": "2022-02-28"}}},
        "pc.yaml": {"body": body},
        "m.yaml": {"meetings": [{"id": "m1", "body": "pc", "date": "2022-01-10",
                                 "notice_date": "2022-01-09", "present": ["s"]}]},
    }


def findings(files: dict[str, Any], rule: str, engine: str = "native") -> list[Any]:
    return [f for f in check(files, engine=engine).findings if f.rule_id == rule]


@pytest.mark.parametrize("engine", ["native", "durable"])
def test_a_warning_without_a_reason_stays_a_warning(engine: str) -> None:
    [finding] = findings(party(), "po-meetings", engine)
    assert finding.severity is Severity.WARNING and "exception" not in finding.evidence.details


@pytest.mark.parametrize("engine", ["native", "durable"])
def test_a_stated_reason_turns_the_warning_into_info_and_is_quoted(engine: str) -> None:
    reason = "春节假期，会议并入三月例会"
    [finding] = findings(party([{"period": "2022-02", "reason": reason}]), "po-meetings", engine)
    assert finding.severity is Severity.INFO
    assert finding.evidence.details["exception"] == reason
    assert reason in finding.message.zh and reason in finding.message.en


def test_a_reason_for_another_period_does_not_count() -> None:
    [finding] = findings(party([{"period": "2022-03", "reason": "别的月份"}]), "po-meetings")
    assert finding.severity is Severity.WARNING


def test_a_mandatory_rule_cannot_be_waived_by_a_reason() -> None:
    files = {
        "community.yaml": {"community": {"id": "c", "name": "社区", "jurisdiction": ["cn"],
                                         "adopts": ADOPTS_ALL,
                                         "records_cover": {"from": "2022-01-01",
                                                           "to": "2022-02-28"}}},
        "rc.yaml": {"body": {"id": "rc", "kind": "residents_committee", "name": "居委会",
                             "exceptions": [{"period": "2022-02", "reason": "春节"}],
                             "seats": [{"person": "d", "name": "主任", "role": "director",
                                        "terms": [{"start": "2021-01-01",
                                                   "obtained_by": "election"}]}]}},
        "m.yaml": {"meeting": {"id": "m1", "body": "rc", "date": "2022-01-10", "present": ["d"]}},
    }
    [finding] = findings(files, "rc-monthly")
    assert finding.severity is Severity.ERROR and "exception" not in finding.evidence.details


def test_special_circumstances_on_a_record() -> None:
    files = {
        "community.yaml": {"community": {"id": "c", "name": "社区", "jurisdiction": ["cn"],
                                         "adopts": ADOPTS_ALL,
                                         "households": 800,
                                         "special_circumstances": "单一物业小区，按规定单独设立"}},
    }
    [finding] = findings(files, "rc-community-size")
    assert finding.severity is Severity.INFO and "单一物业小区" in finding.message.zh
