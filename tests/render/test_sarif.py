"""SARIF 2.1.0 output, validated against the official OASIS schema in ../shared/schemas/ with
format checking (every URI must be one), and by Microsoft's SARIF multitool with the rules GitHub
code scanning applies (``validate --rule-kind "Gh;Sarif"``).

The multitool is the npm package ``@microsoft/sarif-multitool``; ``.ci/run`` installs it and
names its executable in ``GOVERNANCE_RULES_SARIF_MULTITOOL``, as it installs Chromium for the
HTML test. Elsewhere the test finds ``sarif-multitool`` on ``PATH`` or skips.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from _helpers import EXAMPLES, ROOT, SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

from governance_rules import Report, Rulebook, check_paths
from governance_rules.render._links import documentation_url
from governance_rules.render.sarif import render_sarif

SCHEMA_PATH = SHARED / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    if not SCHEMA_PATH.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{SCHEMA_PATH} is missing: CI has shared/ beside the clone")
        pytest.skip("../shared/schemas/sarif-schema-2.1.0.json is not present")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    checker = jsonschema.FormatChecker()
    assert not checker.conforms("docs/rules.md#x", "uri"), "jsonschema[format-nongpl] is missing"
    return cls(schema, format_checker=checker)


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
    base = documentation_url()
    assert base and base.startswith("https://") and driver["informationUri"] == base
    for info in examples_report.rules:
        rule = by_id[info.id]
        assert rule["shortDescription"]["text"] == info.title.en
        assert rule["name"] != rule["id"]
        assert info.sources[0].quote in rule["fullDescription"]["text"]
        page, anchor = rule["helpUri"].split("#")
        assert page == f"{base}/rules.md" and f"### `{anchor}`" in reference
        for text in (rule["help"]["text"], rule["help"]["markdown"]):
            assert info.title.en in text and info.title.zh in text
            assert all(f"{s.document}:{','.join(map(str, s.lines))}" in text for s in info.sources)
        assert all(s.quote in rule["help"]["text"] for s in info.sources)
        assert f"]({rule['helpUri']})" in rule["help"]["markdown"]
        assert rule["properties"]["catalogue"] == info.catalogue
        assert rule["properties"]["sources"][0]["document"] == info.sources[0].document
    for rule in driver["rules"]:
        assert rule["help"]["text"] and rule["helpUri"].startswith(base + "/")


def test_help_names_the_document_title(examples_report: Report) -> None:
    rules = sarif(examples_report, "zh")["runs"][0]["tool"]["driver"]["rules"]
    rule = next(r for r in rules if r["id"] == "cc-consent-80")
    assert ("HLS-356:26《黑龙江省哈尔滨市香坊区民生路街道哈量三社区的"
            "“356协商议事”工作法》") in rule["help"]["text"]
    assert rule["help"]["text"].startswith("规则：")


def test_help_uri_base_overrides_the_documentation_url(examples_report: Report,
                                                       validator: jsonschema.protocols.Validator,
                                                       ) -> None:
    log = json.loads(render_sarif(examples_report, "en",
                                  help_uri_base="https://docs.example.gov.cn/治理/"))
    assert not list(validator.iter_errors(log))
    rule = next(r for r in log["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "cc-consent-80")
    assert rule["helpUri"] == "https://docs.example.gov.cn/%E6%B2%BB%E7%90%86/rules.md#cc-consent-80"


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


def test_input_errors_have_stable_fingerprints(tmp_path: Path, rulebook: Rulebook) -> None:
    (tmp_path / "community.yaml").write_text("community: {id: c, name: x, jurisdiction: [cn]}\n")
    (tmp_path / "m.yaml").write_text("meeting:\n  id: m\n  body: nobody\n  date: 2022-02-30\n")
    first = sarif(check_paths([tmp_path], rulebook=rulebook, base=tmp_path))["runs"][0]["results"]
    (tmp_path / "m.yaml").write_text("# moved\nmeeting:\n  id: m\n  body: nobody\n"
                                     "  date: 2022-02-30\n")
    second = sarif(check_paths([tmp_path], rulebook=rulebook, base=tmp_path))["runs"][0]["results"]
    prints = [{r["partialFingerprints"]["governanceInputError/v1"] for r in rs}
              for rs in (first, second)]
    assert prints[0] == prints[1] and len(prints[0]) == len(first) >= 1


def multitool() -> str:
    """The multitool's executable: ``GOVERNANCE_RULES_SARIF_MULTITOOL``, else the platform binary
    behind ``sarif-multitool`` on PATH (its npm wrapper passes arguments through a shell, which
    would split ``Gh;Sarif``)."""
    named = os.environ.get("GOVERNANCE_RULES_SARIF_MULTITOOL")
    if named:
        assert os.access(named, os.X_OK), f"GOVERNANCE_RULES_SARIF_MULTITOOL={named} is not executable"
        return named
    wrapper = shutil.which("sarif-multitool")
    if wrapper is not None:
        package = Path(wrapper).resolve().parent
        binary = package.parent / f"sarif-multitool-{sys.platform}" / "Sarif.Multitool"
        if os.access(binary, os.X_OK):
            return str(binary)
    if os.environ.get("CI"):
        pytest.fail("the SARIF multitool is required in CI (.ci/run installs it with npm)")
    pytest.skip("the SARIF multitool is not installed (npm install @microsoft/sarif-multitool; "
                ".ci/run does)")


@pytest.mark.parametrize("which", ["examples_report", "waived_report"])
def test_the_multitool_with_githubs_rules_finds_nothing(which: str, tmp_path: Path,
                                                        request: pytest.FixtureRequest) -> None:
    tool = multitool()
    log_file, out_file = tmp_path / "governance.sarif", tmp_path / "validation.sarif"
    log_file.write_text(render_sarif(request.getfixturevalue(which)), encoding="utf-8")
    done = subprocess.run([tool, "validate", "--rule-kind", "Gh;Sarif", "--output", str(out_file),
                           str(log_file)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "DOTNET_CLI_TELEMETRY_OPTOUT": "1"}, check=False)
    assert done.returncode == 0 and out_file.is_file(), done.stdout + done.stderr
    run = json.loads(out_file.read_text(encoding="utf-8-sig"))["runs"][0]
    assert run["invocations"][0]["executionSuccessful"] is True
    problems = [f"{r['ruleId']}: {r['message'].get('text', r['message'])}" for r in run["results"]
                if r.get("level", "warning") in ("error", "warning")]
    assert not problems, problems[:5]
    assert "GH2012" not in done.stdout and "SARIF1002" not in done.stdout


def test_cli_help_uri_base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    from governance_rules.cli import main

    monkeypatch.chdir(ROOT)
    out = tmp_path / "governance.sarif"
    assert main(["check", "examples/haliang-3", "--format", "sarif", "--quiet", "--output", str(out),
                 "--help-uri-base", "https://intranet.example.gov.cn/rules-ref"]) == 1
    rules = json.loads(out.read_text(encoding="utf-8"))["runs"][0]["tool"]["driver"]["rules"]
    assert rules[0]["helpUri"].startswith("https://intranet.example.gov.cn/rules-ref/rules.md#")
    assert main(["check", "examples/haliang-3", "--format", "sarif",
                 "--help-uri-base", "docs/"]) == 2
    assert "expected an absolute http(s) URL" in capsys.readouterr().err


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20)


@given(_JSON_VALUES)
@settings(max_examples=300, deadline=None)
def test_indented_json_is_the_standard_librarys(value: Any) -> None:
    """SARIF results and GitLab issues are written by pydantic's serializer: the text
    ``json.dumps(value, ensure_ascii=False, indent=2)`` gives, odd characters included; a
    lone surrogate (which UTF-8 cannot hold) falls back to the standard library."""
    from governance_rules.render._common import indented_json

    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)
    odd = {"a": ["\ud800", value]}
    assert indented_json(odd) == json.dumps(odd, ensure_ascii=False, indent=2)
