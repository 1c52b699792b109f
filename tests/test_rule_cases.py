"""Runs the YAML rule cases in tests/cases/: each names a rule and whether it must pass or fail.

A case may set ``window: [from, to]`` (the checked window, as ``--from``/``--to``), and a failing
case ``cites: [DOC:LINE, …]``: exactly the clauses the rule's findings must cite (the clause that
decided, not the rule's first source); ``DOC:LINE quote`` also names the quote.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from _helpers import check, rule_ids

from governance_rules import Rulebook
from governance_rules.records._parse import parse_record_text

CASES_DIR = Path(__file__).parent / "cases"


def _load() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data, _ = parse_record_text(path.read_bytes(), str(path))
        for case in data["cases"]:
            out.append((f"{path.stem}: {case['name']}", data["base"], case))
    return out


CASES = _load()


def _files(base: dict[str, Any], case: dict[str, Any]) -> dict[str, Any]:
    return {**base, **(case.get("records") or {})}


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


@pytest.mark.parametrize(("name", "base", "case"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("engine", ["native", "durable"])
def test_case(name: str, base: dict[str, Any], case: dict[str, Any], engine: str) -> None:
    start, end = case.get("window") or (None, None)
    window = (_day(start), _day(end))
    report = check(_files(base, case), engine=engine, window=window)
    assert report.input_errors == [], [e.render() for e in report.input_errors]
    rule = case["rule"]
    assert report.summary.applied.get(rule, 0) > 0, f"{rule} was never applied in this case"
    if case["expect"] == "fail":
        assert rule in rule_ids(report)
        if "cites" in case:
            sources = [s for f in report.findings if f.rule_id == rule for s in f.sources]
            cited = {f"{s.document}:{','.join(map(str, s.lines))}"
                     + (f" {s.quote}" if " " in want else "")
                     for s in sources for want in case["cites"]}
            assert set(case["cites"]) <= cited
            assert len({(s.document, tuple(s.lines), s.quote) for s in sources}) == len(
                case["cites"])
            assert all(f.source == f.sources[0] for f in report.findings)
    else:
        assert rule not in rule_ids(report), [f.message.en for f in report.findings]


def test_every_rule_has_a_passing_and_a_failing_case(rulebook: Rulebook) -> None:
    covered = {(c["rule"], c["expect"]) for _, _, c in CASES}
    missing = [(r.id, e) for r in rulebook.rules for e in ("pass", "fail")
               if (r.id, e) not in covered]
    assert missing == []
