"""A verdict rests on the clause that decided it, and a pass shows what it was judged with.

The per-clause cases are YAML (rules/cases/citations.yaml, with ``cites:``); here: every clause of
a rule with clause-specific citations has one, a wrong ``for:`` does not load, and the report's
``checked`` entries carry the parameter versions applied, with the clause each rests on.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from _helpers import body, check, community, members
from test_jurisdictions import TAONAN, office

from governance_rules import Rulebook, load_rulebook
from governance_rules.errors import RulebookError
from governance_rules.rulebook.book import _all_versions, compile_rule


def _clause_names(book: Rulebook, rule_id: str) -> frozenset[str]:
    rule = book.rule(rule_id)
    versions = {n: _all_versions(book.parameters[n])[0] for n in book.parameter_names(rule)}
    return compile_rule(rule, versions).clause_names


def test_rules_that_cite_per_clause_cite_every_clause(rulebook: Rulebook) -> None:
    """Where a rule ties citations to clauses, no clause falls back to an unrelated citation."""
    gaps = {}
    for rule in rulebook.rules:
        tagged = {t for c in rule.source for t in c.for_}
        untagged = [c for c in rule.source if not c.for_]
        if tagged and not untagged:
            missing = _clause_names(rulebook, rule.id) - tagged
            if missing:
                gaps[rule.id] = sorted(missing)
    assert gaps == {}


def test_a_citation_for_an_unknown_clause_does_not_load(tmp_path: Path) -> None:
    (tmp_path / "extra.yaml").write_text("""rules:
  - id: my-segregation
    catalogue: [FIN-SEGREGATION]
    kind: distinct_persons
    applies_to: expense
    severity: error
    title: {zh: 会计出纳分设, en: Accountant and cashier differ}
    message: {zh: "{reasons}", en: "{reasons}"}
    params: {pairs: [[accountant, cashier]]}
    source:
      - {document: SQ-SIFANG, lines: [382], quote: 會計、出納要分設, for: [director/cashier]}
""", encoding="utf-8")
    with pytest.raises(RulebookError, match="not a clause of this rule; its clauses: "
                       "accountant/cashier"):
        load_rulebook(tmp_path)


@pytest.mark.parametrize("engine", ["native", "durable"])
def test_a_pass_shows_the_overlay_and_the_clause_it_was_judged_by(engine: str) -> None:
    report = check(office(TAONAN, "2022-03-25"), engine=engine)
    # the one day checked is also the first quarter's performance files' (zz-performance-files)
    assert [f for f in report.findings if f.rule_id == "zz-dispute-report-deadline"] == []
    [entry] = [c for c in report.checked if c.record.id == "disputes-2022-03"]
    used = entry.parameters["zz-dispute-report-deadline"]["zz.dispute_report_day"]
    assert (used.value, used.overlay) == ("25", "cn/jilin/baicheng/taonan")
    assert used.source is not None and (used.source.document, used.source.lines) == (
        "ZZB-TAONAN", [102])


def test_a_passing_decision_shows_a_district_share_from_its_date(tmp_path: Path) -> None:
    """The issue's case: a district sets 2/3 from 2023; a 2023 decision that passes says so."""
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "district.yaml").write_text(
        "parameters:\n  cc.consent_share:\n    overlays:\n      cn/test:\n"
        "        - {from: 2023-01-01, value: 2/3}\n", encoding="utf-8")
    book = load_rulebook(tmp_path)
    files = {"community.yaml": community(["cn", "test"]),
             "cc.yaml": body("cc", "consultation_committee", 9),
             "m.yaml": {"meeting": {"id": "m1", "body": "cc", "date": "2023-02-10",
                                    "present": members("cc", 9),
                                    "motions": [{"id": "x", "title": "议题", "outcome": "adopted",
                                                 "votes": {"yes": 6, "no": 3}}]}}}
    report = check(files, rulebook=book, window=(date(2023, 2, 1), date(2023, 2, 28)))
    assert "cc-consent-80" not in {f.rule_id for f in report.findings}
    used = next(c.parameters["cc-consent-80"]["cc.consent_share"] for c in report.checked
                if "cc-consent-80" in c.parameters)
    assert (used.value, used.in_force_from, used.overlay) == ("2/3", "2023-01-01", "cn/test")


@pytest.mark.parametrize(("adopted_on", "lines"), [
    ("2022-07-01", [343]), ("2022-03-01", [343, 449]), (None, [343])])
def test_the_charter_is_cited_only_once_adopted(adopted_on: str | None, lines: list[int]) -> None:
    """出席人过半数通过 stands in annex 3 (:343) and in the model charter (:449): a vote before
    the community adopted the charter (or with none adopted) breaks the annex's clause alone."""
    place = community(["cn", "shandong", "qingdao", "sifang"], adopts=[])
    place["community"]["charter_adopted_on"] = adopted_on
    files = {"community.yaml": place,
             "ra.yaml": body("ra", "member_representative_assembly", 10),
             "m.yaml": {"meeting": {"id": "m1", "body": "ra", "date": "2022-05-10",
                                    "present": members("ra", 8),
                                    "motions": [{"id": "x", "title": "议题", "outcome": "adopted",
                                                 "votes": {"yes": 4, "no": 4}}]}}}
    [finding] = [f for f in check(files).findings if f.rule_id == "ra-majority"]
    assert [(s.document, s.lines) for s in finding.sources] == [("SQ-SIFANG", lines)]
