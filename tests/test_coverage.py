"""Every id of ../shared/design/rule-catalogue.md is implemented by a rule, excluded with a reason,
or pending (accepted work in progress, listed with what it needs in docs/coverage.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _helpers import ROOT, SHARED
from test_cli import run

from governance_rules import Rulebook, load_rulebook
from governance_rules.errors import RulebookError
from governance_rules.rulebook.coverage import coverage, parse_catalogue

CATALOGUE = SHARED / "design" / "rule-catalogue.md"
needs_catalogue = pytest.mark.skipif(not CATALOGUE.is_file(),
                                     reason="../shared/design is not beside this checkout")


@needs_catalogue
def test_every_catalogue_id_is_implemented_or_excluded(rulebook: Rulebook) -> None:
    rows = coverage(rulebook, parse_catalogue(CATALOGUE.read_text(encoding="utf-8")))
    assert len(rows) >= 60
    assert [r.entry.id for r in rows if r.status == "not covered"] == []
    excluded = [r for r in rows if r.status == "excluded"]
    assert len(excluded) <= 5
    documented = (ROOT / "docs" / "coverage.md").read_text(encoding="utf-8")
    for row in excluded:
        assert row.entry.id in documented and row.exclusion
    pending_section = documented.split("## Pending ids", 1)[1].split("\n## ", 1)[0]
    for row in rows:
        if row.status == "pending":
            assert f"| {row.entry.id} |" in pending_section, row.entry.id


@needs_catalogue
def test_pending_and_excluded_ids_are_catalogue_ids_without_rules(rulebook: Rulebook) -> None:
    """A pending id that gained a rule must leave the list: the list says what is still to do."""
    known = {e.id for e in parse_catalogue(CATALOGUE.read_text(encoding="utf-8"))}
    implemented = {c for r in rulebook.rules for c in r.catalogue}
    assert sorted(set(rulebook.pending) - known) == []
    assert sorted(set(rulebook.exclusions) - known) == []
    assert sorted(set(rulebook.pending) & implemented) == []
    assert sorted(set(rulebook.pending) & set(rulebook.exclusions)) == []


@needs_catalogue
def test_rules_name_only_catalogue_ids(rulebook: Rulebook) -> None:
    known = {e.id for e in parse_catalogue(CATALOGUE.read_text(encoding="utf-8"))}
    assert sorted({c for r in rulebook.rules for c in r.catalogue} - known) == []


@needs_catalogue
def test_cli_coverage_lists_every_id() -> None:
    result = run("rules", "--coverage", "--catalogue", str(CATALOGUE))
    assert result.returncode == 0, result.stderr
    ids = {e.id for e in parse_catalogue(CATALOGUE.read_text(encoding="utf-8"))}
    listed = {line.split()[0] for line in result.stdout.splitlines()[:-1]
              if not line.startswith("--")}
    assert listed == ids
    assert re.search(r"^CC-CONSENT-80 +cc-consent-80$", result.stdout, re.M)
    assert result.stdout.splitlines()[-1].startswith(f"{len(ids)} catalogue ids: ")


def test_cli_coverage_reports_gaps_and_exclusions(tmp_path: Path) -> None:
    catalogue = tmp_path / "catalogue.md"
    catalogue.write_text("| id | rule | severity | cite |\n|---|---|---|---|\n"
                         "| CC-CONSENT-80 | 80% | error | HLS-356:26 |\n"
                         "| XX-NEW | a new procedure | error | X:1 |\n"
                         "| XX-DREAM | cannot be seen in records | warning | X:2 |\n"
                         "| XX-LATER | needs a new record | error | X:3 |\n")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "ruleset.yaml").write_text(
        "exclusions:\n  XX-DREAM: the sources give no observable criterion\n"
        "pending:\n  XX-LATER: a register of later things\n", encoding="utf-8")
    result = run("--rules", str(rules), "rules", "--coverage", "--catalogue", str(catalogue))
    assert result.returncode == 1
    out = result.stdout.splitlines()
    lines = {line.split(None, 1)[0]: line.split(None, 1)[1] for line in out}
    assert lines["XX-NEW"] == "NOT COVERED"
    assert lines["XX-DREAM"] == "excluded: the sources give no observable criterion"
    assert lines["XX-LATER"] == "pending: a register of later things"
    separator = next(i for i, line in enumerate(out) if line.startswith("-- pending: 1 "))
    assert out.index(next(x for x in out if x.startswith("XX-LATER"))) > separator
    assert all(not x.startswith(("XX-NEW", "XX-DREAM")) for x in out[separator:])
    assert ("4 catalogue ids: 1 implemented, 1 excluded, 1 pending, 1 not covered"
            in result.stdout)
    zh = run("--rules", str(rules), "rules", "--coverage", "--catalogue", str(catalogue),
             "--lang", "zh")
    assert zh.returncode == 1
    said = {line.split(None, 1)[0]: line.split(None, 1)[1] for line in zh.stdout.splitlines()}
    assert said["XX-NEW"] == "未覆盖"
    assert said["XX-DREAM"] == "不实现：the sources give no observable criterion"
    assert said["XX-LATER"] == "待办：a register of later things"
    assert "-- 待办：1 个编号暂作进行中的工作（docs/coverage.md） --" in zh.stdout
    assert "目录编号共 4 个：已实现 1，不实现 1，待办 1，未覆盖 1（" in zh.stdout


def test_pending_alone_does_not_fail_coverage(tmp_path: Path) -> None:
    catalogue = tmp_path / "catalogue.md"
    catalogue.write_text("| CC-CONSENT-80 | 80% | error | HLS-356:26 |\n"
                         "| XX-LATER | needs a new record | error | X:3 |\n", encoding="utf-8")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "ruleset.yaml").write_text("pending:\n  XX-LATER: a register\n", encoding="utf-8")
    result = run("--rules", str(rules), "rules", "--coverage", "--catalogue", str(catalogue))
    assert result.returncode == 0, result.stdout
    assert "1 implemented, 0 excluded, 1 pending, 0 not covered" in result.stdout


def test_missing_catalogue_is_a_usage_error(tmp_path: Path) -> None:
    result = run("rules", "--coverage", "--catalogue", str(tmp_path / "none.md"))
    assert result.returncode == 2 and "cannot read the catalogue" in result.stderr
    assert "No such file" in result.stderr


def test_exclusions_load_from_the_ruleset_header(tmp_path: Path) -> None:
    (tmp_path / "ruleset.yaml").write_text("exclusions:\n  XX-A: reason\n", encoding="utf-8")
    assert load_rulebook(tmp_path).exclusions == {"XX-A": "reason"}


def test_pending_needs_a_reason(tmp_path: Path) -> None:
    (tmp_path / "ruleset.yaml").write_text("pending:\n  XX-A: ''\n", encoding="utf-8")
    with pytest.raises(RulebookError, match="pending map a catalogue id"):
        load_rulebook(tmp_path)
