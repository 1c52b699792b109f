"""The generated rule reference in docs/ is current."""

from __future__ import annotations

from pathlib import Path

from governance_rules import Rulebook
from governance_rules._docs import rule_reference

ROOT = Path(__file__).resolve().parents[1]


def test_rule_reference_is_current(rulebook: Rulebook) -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rule_reference(rulebook), "run `make docs` and commit docs/rules.md"


def test_every_rule_is_in_the_reference(rulebook: Rulebook) -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert all(f"### `{rule.id}`" in text for rule in rulebook.rules)
