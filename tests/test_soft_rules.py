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


# 党课一般每两个月举行一次 (SQ-SIFANG:324): a norm; January–February 2022 has no lecture.
@pytest.mark.parametrize("engine", ["native", "durable"])
def test_a_warning_without_a_reason_stays_a_warning(engine: str) -> None:
    [finding] = findings(party(), "po-party-lecture", engine)
    assert finding.severity is Severity.WARNING and "exception" not in finding.evidence.details


@pytest.mark.parametrize("engine", ["native", "durable"])
def test_a_stated_reason_turns_the_warning_into_info_and_is_quoted(engine: str) -> None:
    reason = "春节假期，党课并入三月"
    [finding] = findings(party([{"period": "2022-B1", "reason": reason}]), "po-party-lecture",
                         engine)
    assert finding.severity is Severity.INFO
    assert "_explain" in finding.__dict__  # its severity read without its words
    assert finding.evidence.details["exception"] == reason
    assert reason in finding.message.zh and reason in finding.message.en


def test_a_reason_for_another_period_does_not_count() -> None:
    [finding] = findings(party([{"period": "2022-B2", "reason": "别的两个月"}]),
                         "po-party-lecture")
    assert finding.severity is Severity.WARNING


def test_a_month_without_a_committee_meeting_is_an_error_whatever_the_reason() -> None:
    """一般每月召开1—2次 (:293) is a norm, but 委员会议每月召开一次 (:322) is a plain statement:
    the one finding of the pair takes the stricter severity, and a stated reason does not
    soften it (catalogue "Overlaps")."""
    [finding] = findings(party([{"period": "2022-02", "reason": "春节假期"}]), "po-meetings")
    assert finding.severity is Severity.ERROR and "exception" not in finding.evidence.details
    assert finding.catalogue == ["PO-THREE-MEETINGS", "PO-MEETINGS"]
    assert [(s.document, s.lines) for s in finding.sources] == [
        ("SQ-SIFANG", [322]), ("SQ-SIFANG", [293])]


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
