"""SARIF 2.1.0 output, validated against the official OASIS schema in ../shared/schemas/."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from _helpers import EXAMPLES, ROOT, SHARED

from governance_rules import Report, Rulebook, check_paths
from governance_rules.render.sarif import render_sarif

SCHEMA_PATH = SHARED / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    if not SCHEMA_PATH.is_file():
        pytest.skip("../shared/schemas/sarif-schema-2.1.0.json is not present")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def sarif(report: Report, lang: str = "en") -> dict[str, Any]:
    return json.loads(render_sarif(report, lang))  # type: ignore[no-any-return]


@pytest.mark.parametrize("which", ["examples_report", "hostile_report", "waived_report"])
def test_validates_against_the_official_schema(which: str, validator: jsonschema.protocols.Validator,
                                               request: pytest.FixtureRequest) -> None:
    log = sarif(request.getfixturevalue(which))
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_rules_carry_descriptions_help_and_citations(examples_report: Report) -> None:
    driver = sarif(examples_report)["runs"][0]["tool"]["driver"]
    by_id = {r["id"]: r for r in driver["rules"]}
    reference = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for info in examples_report.rules:
        rule = by_id[info.id]
        assert rule["shortDescription"]["text"] == info.title.en
        assert info.sources[0].quote in rule["fullDescription"]["text"]
        path, anchor = rule["helpUri"].split("#")
        assert (ROOT / path).is_file() and f"### `{anchor}`" in reference
        assert rule["properties"]["catalogue"] == info.catalogue
        assert rule["properties"]["sources"][0]["document"] == info.sources[0].document


def test_descriptions_follow_the_language(examples_report: Report) -> None:
    rules = sarif(examples_report, "zh")["runs"][0]["tool"]["driver"]["rules"]
    first = next(r for r in rules if r["id"] == "cc-consent-80")
    assert "80%" in first["shortDescription"]["text"] and re.search("[\u4e00-\u9fff]",
                                                                   first["shortDescription"]["text"])


def test_results_point_at_files_and_lines(examples_report: Report) -> None:
    run = sarif(examples_report)["runs"][0]
    results = run["results"]
    assert len(results) == len(examples_report.findings) > 30
    levels = {"error": 0, "warning": 0, "note": 0}
    for result, finding in zip(results, examples_report.findings, strict=True):
        assert result["ruleId"] == finding.rule_id
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == finding.rule_id
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        assert not uri.startswith("/") and (ROOT / uri).is_file()
        assert location["region"]["startLine"] == finding.record.line >= 1
        assert finding.message.en in result["message"]["text"]
        levels[result["level"]] += 1
    counts = examples_report.summary.by_severity
    assert levels == {"error": counts["error"], "warning": counts["warning"], "note": counts["info"]}
    assert levels["note"] > 0


def test_fingerprints_survive_unrelated_line_moves(tmp_path: Path, rulebook: Rulebook) -> None:
    shutil.copytree(EXAMPLES / "haliang-3", tmp_path / "before")
    shutil.copytree(EXAMPLES / "haliang-3", tmp_path / "after")
    moved = tmp_path / "after" / "meetings" / "2022-03.yaml"
    moved.write_text("# minutes typed up by the secretary\n\n\n" + moved.read_text(encoding="utf-8"),
                     encoding="utf-8")

    def results(folder: str) -> dict[str, dict[str, Any]]:
        report = check_paths([tmp_path / folder], rulebook=rulebook, base=tmp_path / folder)
        out = sarif(report)["runs"][0]["results"]
        return {r["partialFingerprints"]["governanceFinding/v1"]: r for r in out}

    def where(result: dict[str, Any]) -> tuple[str, int]:
        location = result["locations"][0]["physicalLocation"]
        return location["artifactLocation"]["uri"], location["region"]["startLine"]

    before, after = results("before"), results("after")
    assert set(before) == set(after) and len(before) == 6
    for fp, result in before.items():
        (uri, line), (_, moved_line) = where(result), where(after[fp])
        assert moved_line - line == (3 if uri == "meetings/2022-03.yaml" else 0)


def test_waived_findings_are_suppressions(waived_report: Report) -> None:
    results = sarif(waived_report)["runs"][0]["results"]
    waived = [r for r in results if "suppressions" in r]
    assert len(waived) == 1 and waived[0]["ruleId"] == "cc-consent-80"
    suppression = waived[0]["suppressions"][0]
    assert suppression["kind"] == "external" and suppression["status"] == "accepted"
    assert suppression["justification"] == "re-voted at the next meeting"
    assert {r["ruleId"] for r in results} >= {"waiver-expired", "waiver-unused"}


def test_hostile_paths_are_percent_encoded(hostile_report: Report) -> None:
    [result] = [r for r in sarif(hostile_report)["runs"][0]["results"]
                if r["ruleId"] == "cc-consent-80"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "meetings/2022%2C03%3Ax.yaml"


def test_input_errors_keep_line_and_column(tmp_path: Path, rulebook: Rulebook,
                                           validator: jsonschema.protocols.Validator) -> None:
    (tmp_path / "community.yaml").write_text("community: {id: c, name: x, jurisdiction: [cn]}\n")
    (tmp_path / "m.yaml").write_text("meeting:\n  id: m\n  body: nobody\n  date: 2022-02-30\n")
    log = sarif(check_paths([tmp_path], rulebook=rulebook, base=tmp_path))
    assert not list(validator.iter_errors(log))
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"input-error"}
    (result,) = [r for r in results if "date" in r["message"]["text"]]
    assert result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (4, 3)
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False
