"""GitLab Code Quality JSON: the fields GitLab reads, one issue per active finding or input error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from _helpers import EXAMPLES, ROOT

from governance_rules import Report, Rulebook, check_paths
from governance_rules.render.gitlab import render_gitlab

CODE_QUALITY_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "description": "The fields GitLab's Code Quality report requires (docs.gitlab.com, "
                   "'Code Quality report format').",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "type": {"const": "issue"},
            "description": {"type": "string", "minLength": 1, "pattern": "^[^\\n]*$"},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1, "not": {"pattern": "^/"}},
                    "lines": {"type": "object", "required": ["begin"],
                              "properties": {"begin": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
}


def issues(report: Report, lang: str = "en") -> list[dict[str, Any]]:
    """The issues, checked against the fields GitLab requires (paths relative to the checkout,
    except a waivers file named by an absolute path, as the test fixture's is)."""
    out = json.loads(render_gitlab(report, lang))
    jsonschema.validate([i for i in out if not i["check_name"].startswith("waiver-")],
                        CODE_QUALITY_SCHEMA)
    return out  # type: ignore[no-any-return]


def test_one_issue_per_active_finding(examples_report: Report) -> None:
    out = issues(examples_report)
    active = examples_report.active_findings()
    assert len(out) == len(active) > 30
    assert len({i["fingerprint"] for i in out}) == len(out)
    expected = {"error": "major", "warning": "minor", "info": "info"}
    for issue, finding in zip(out, active, strict=True):
        assert issue["check_name"] == finding.rule_id
        assert issue["severity"] == expected[finding.severity.value]
        assert issue["location"] == {"path": finding.record.file,
                                     "lines": {"begin": finding.record.line}}
        assert (ROOT / issue["location"]["path"]).is_file()
        assert issue["description"].startswith(finding.message.en)
        if finding.source is not None:
            assert finding.source.quote in issue["description"]


def test_descriptions_name_the_document_in_chinese(examples_report: Report) -> None:
    issue = next(i for i in issues(examples_report, "zh") if i["check_name"] == "cc-consent-80")
    assert ("依据 HLS-356:26《黑龙江省哈尔滨市香坊区民生路街道哈量三社区的"
            "“356协商议事”工作法》") in issue["description"]


def test_waived_findings_are_left_out(waived_report: Report) -> None:
    out = issues(waived_report)
    assert len(out) == len(waived_report.active_findings())
    assert "cc-consent-80" not in {i["check_name"] for i in out}
    assert {"waiver-expired", "waiver-unused"} <= {i["check_name"] for i in out}


def test_fingerprints_survive_unrelated_line_moves(tmp_path: Path, rulebook: Rulebook) -> None:
    for name in ("before", "after"):
        shutil.copytree(EXAMPLES / "haliang-3", tmp_path / name)
    moved = tmp_path / "after" / "meetings" / "2022-03.yaml"
    moved.write_text("# typed up later\n" + moved.read_text(encoding="utf-8"), encoding="utf-8")
    prints = [{i["fingerprint"]: i["location"]["lines"]["begin"] for i in issues(
        check_paths([tmp_path / name], rulebook=rulebook, base=tmp_path / name))}
        for name in ("before", "after")]
    assert prints[0].keys() == prints[1].keys() and len(prints[0]) == 6
    assert any(prints[1][fp] == line + 1 for fp, line in prints[0].items())


def test_input_errors_are_critical_issues(tmp_path: Path, rulebook: Rulebook) -> None:
    (tmp_path / "community.yaml").write_text("community: {id: c, name: x, jurisdiction: [cn]}\n")
    (tmp_path / "m.yaml").write_text("meeting:\n  id: m\n  body: nobody\n  date: 2022-02-30\n")
    out = issues(check_paths([tmp_path], rulebook=rulebook, base=tmp_path))
    (issue,) = [i for i in out if "date" in i["description"]]
    assert issue["check_name"] == "input-error" and issue["severity"] == "critical"
    assert issue["location"] == {"path": "m.yaml", "lines": {"begin": 4}}


def test_record_text_stays_on_one_line(hostile_report: Report) -> None:
    out = issues(hostile_report)
    assert out and all("\n" not in i["description"] for i in out)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_byte_stable(examples_report: Report, lang: str) -> None:
    assert render_gitlab(examples_report, lang) == render_gitlab(examples_report, lang)


def test_an_english_issue_names_the_document_in_english(examples_report: Report) -> None:
    """The English description gives the clause's document by its English title in brackets
    (it gave the Chinese title in 《》); the Chinese one keeps 《…》."""
    english = json.loads(render_gitlab(examples_report))
    chinese = json.loads(render_gitlab(examples_report, "zh"))
    peace = next(i for i in english if "ZZB-DINGYUAN:65" in i["description"])
    assert "ZZB-DINGYUAN:65 (Dingyuan county:" in peace["description"]
    assert "《" not in peace["description"]
    assert any("ZZB-DINGYUAN:65《定远县" in i["description"] for i in chinese)
