"""Runs the bundled YAML rule cases (rules/cases/*.yaml) on both engines, through the same runner
as `governance-rules test rules/`, and checks that every rule has a passing and a failing case.

The format is in docs/authoring.md and governance_rules.authoring.cases: each case names records
and what must come out (``rule`` with ``expect: pass | fail | not_applicable``, or ``findings``,
``passes``, ``not_applicable``); ``window: [from, to]`` is the checked window; a failing case's
``cites: [DOC:LINE, …]`` are exactly the clauses the rule's findings cite.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from governance_rules import Rulebook, load_rulebook
from governance_rules.authoring.cases import TestCase, load_case_file
from governance_rules.authoring.runner import check_case, judge, run_case

CASES_DIR = Path(__file__).resolve().parents[1] / "rules" / "cases"
BOOK = load_rulebook()


def _load() -> list[TestCase]:
    return [case for path in sorted(CASES_DIR.glob("*.yaml"))
            for case in load_case_file(path, BOOK, f"{path.stem}")]


CASES = _load()


@pytest.mark.parametrize("case", CASES, ids=[c.title for c in CASES])
def test_case(case: TestCase) -> None:
    """The case holds on each engine, and the two engines give the same findings."""
    result = run_case(case, BOOK, ("native", "durable"))
    assert result.errors == []
    assert result.problems == [], "\n".join(result.problems + result.diff)


def test_a_case_that_expects_the_wrong_outcome_fails() -> None:
    case = next(c for c in CASES if c.expectations and c.expectations[0].outcome == "fail")
    flipped = TestCase(**{**case.__dict__, "expectations": (
        type(case.expectations[0])(case.expectations[0].rule, "pass"),), "cites": ()})
    problems, diff = judge(flipped, check_case(flipped, BOOK, "native"))
    assert problems and "expected to pass" in problems[0]
    assert diff and all(line.startswith("+ ") for line in diff)


def test_every_rule_has_a_passing_and_a_failing_case(rulebook: Rulebook) -> None:
    covered = {(e.rule, e.outcome) for c in CASES for e in c.expectations}
    covered |= {(f.rule, "fail") for c in CASES for f in c.findings or ()}
    missing = [(r.id, e) for r in rulebook.rules for e in ("pass", "fail")
               if (r.id, e) not in covered]
    assert missing == []
