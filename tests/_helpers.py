from __future__ import annotations

import copy
import functools
import shutil
from datetime import date
from pathlib import Path
from typing import Any

from governance_rules import Report, Rulebook, check_data, load_rulebook

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


ADOPTS_ALL = ["HLS-356", "SQ-SIFANG", "RD-TOWNSHIP", "ZZB-VILLAGE"]
"""What a test community adopts by default, so that every rule that is not limited to one county
applies to it (the scope of each document is tested in tests/test_scope.py)."""
COUNTIES = (("cn", "anhui", "chuzhou", "dingyuan"), ("cn", "jilin", "baicheng", "taonan"))
"""The counties whose documents bind their townships: a test community there is one of them, so
it does not adopt ZZB-VILLAGE by default (a community that does is a village, which the county's
document does not bind: docs/readings.md, "Scope of each document")."""


def community(jurisdiction: list[str] | None = None,
              adopts: list[str] | None = None) -> dict[str, Any]:
    chain = jurisdiction or ["cn", "test"]
    if adopts is None:
        township = tuple(chain[:4]) in COUNTIES
        adopts = [d for d in ADOPTS_ALL if not (township and d == "ZZB-VILLAGE")]
    return {"community": {"id": "test", "name": "测试社区", "jurisdiction": chain,
                          "adopts": adopts, "charter_adopted_on": "2000-01-01"}}


def body(body_id: str, kind: str, n: int, *, start: str = "2021-01-01",
         end: str | None = "2023-12-31", roles: dict[int, str] | None = None,
         **seat_extra: Any) -> dict[str, Any]:
    """A body with ``n`` seated members p0 … p{n-1}."""
    seats = []
    for i in range(n):
        term: dict[str, Any] = {"start": start, "obtained_by": "election"}
        if end:
            term["end"] = end
        seats.append({"person": f"{body_id}-p{i}", "name": f"成员{i}",
                      "role": (roles or {}).get(i, "member"), "terms": [term], **seat_extra})
    return {"body": {"id": body_id, "kind": kind, "name": body_id, "seats": seats}}


def half_consent() -> dict[str, Any]:
    """A consultation committee of six in Harbin (HLS-356 adopted) whose topic 停车 is recorded
    as adopted on 2022-03-15 with 3 of 6 consenting: short of 4/5, and of 2/3."""
    return {
        "c.yaml": {"community": {"id": "hl3", "name": "某社区",
                                 "jurisdiction": ["cn", "heilongjiang", "harbin"],
                                 "adopts": ["HLS-356"]}},
        "cc.yaml": {"body": {"id": "cc", "kind": "consultation_committee", "name": "协商委员会",
                             "seats": [{"person": p, "name": p, "terms": [
                                 {"start": "2021-12-25", "end": "2024-12-24",
                                  "obtained_by": "nomination"}]} for p in "abcdef"]}},
        "m.yaml": {"meeting": {"id": "m3", "body": "cc", "date": "2022-03-15",
                               "present": list("abcdef"), "motions": [
                                   {"id": "t", "title": "停车", "outcome": "adopted",
                                    "votes": {"yes": 3, "no": 3}}]}}}


def members(body_id: str, n: int) -> list[str]:
    return [f"{body_id}-p{i}" for i in range(n)]


def check(files: dict[str, Any], rulebook: Rulebook | None = None, engine: str = "native",
          window: tuple[date | None, date | None] = (None, None)) -> Report:
    return check_data(copy.deepcopy(files), rulebook=rulebook or bundled_rulebook(),
                      engine=engine, window=window)


@functools.cache
def bundled_rulebook() -> Rulebook:
    """The bundled rule set, loaded once for the whole run (loading takes a tenth of a second:
    the hypothesis tests check hundreds of dossiers each)."""
    return load_rulebook()


def rule_ids(report: Report) -> list[str]:
    return [f.rule_id for f in report.findings]


def copies_of_haliang(root: Path, copies: int, broken: tuple[str, str]) -> Path:
    """``copies`` copies of examples/haliang-3 under ``root`` (``c00``, ``c01`` …), each its own
    community, and one broken file (``(copy, text)``): a corpus for the scheduling tests."""
    for k in range(copies):
        target = root / f"c{k:02d}"
        shutil.copytree(EXAMPLES / "haliang-3", target)
        community = target / "community.yaml"
        community.write_text(community.read_text(encoding="utf-8").replace(
            "id: haliang-3", f"id: copy-{k}\n  adopts: [HLS-356]"), encoding="utf-8")
    copy, text = broken
    (root / copy / "meetings" / "broken.yaml").write_text(text)
    return root
