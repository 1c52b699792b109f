"""Waivers: suppression, expiry (inclusive), unused entries, discovery and bad files."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from _helpers import EXAMPLES
from test_cli import run

from governance_rules import Report
from governance_rules.waivers import apply_waivers, load_waivers

WAIVE_ALL_ERRORS = """\
# yaml-language-server: $schema=none
waivers:
  - rule: "*"
    record: "*"
    scope: everything
    reason: records migrated from paper, reviewed line by line
    approved_by: 街道办事处 王主任
    expires: {expires}
"""


def waivers_file(folder: Path, text: str, name: str = "governance-waivers.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_waived_finding_is_reported_but_does_not_count(examples_report: Report,
                                                         tmp_path: Path) -> None:
    waivers, errors = load_waivers(waivers_file(tmp_path, WAIVE_ALL_ERRORS.format(
        expires="2027-01-31")))
    assert not errors
    report = apply_waivers(examples_report, waivers, date(2026, 11, 22))
    total = len(examples_report.findings)
    waived = [f for f in report.findings if f.record.type != "waiver"]
    assert len(waived) == total and all(not f.active for f in waived)
    assert [f.rule_id for f in report.active_findings()] == ["waiver-everything"]
    assert report.summary.suppressed == total and report.summary.by_severity["error"] == 0
    assert not report.fails_at(waived[0].severity)
    suppression = waived[0].suppression
    assert suppression is not None and suppression.approved_by == "街道办事处 王主任"
    assert suppression.line == 3


@pytest.mark.parametrize(("today", "expired"), [(date(2027, 1, 30), False),
                                                (date(2027, 1, 31), False),
                                                (date(2027, 2, 1), True)])
def test_expiry_is_inclusive(examples_report: Report, tmp_path: Path, today: date,
                             expired: bool) -> None:
    waivers, _ = load_waivers(waivers_file(tmp_path, WAIVE_ALL_ERRORS.format(expires="2027-01-31")))
    report = apply_waivers(examples_report, waivers, today)
    assert len(report.active_findings()) == (len(examples_report.findings) + 1 if expired else 1)
    assert [f.rule_id for f in report.findings if f.rule_id.startswith("waiver-")] == (
        ["waiver-expired"] if expired else ["waiver-everything"])


def test_unused_and_expired_waivers_are_findings(waived_report: Report) -> None:
    about = {f.rule_id: f for f in waived_report.findings if f.record.type == "waiver"}
    assert set(about) == {"waiver-expired", "waiver-unused"}
    assert about["waiver-expired"].record.line == 7 and about["waiver-unused"].record.line == 12
    quorum = next(f for f in waived_report.findings if f.rule_id == "ra-quorum")
    assert quorum.active
    assert waived_report.summary.suppressed == 1


def test_cli_fail_on_and_waivers(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "haliang-3", tmp_path / "records")
    records = str(tmp_path / "records")
    assert run("check", records).returncode == 1
    assert run("check", records, "--fail-on", "never").returncode == 0
    waive_errors = waivers_file(tmp_path, WAIVE_ALL_ERRORS.format(expires="2099-12-31").replace(
        'record: "*"', 'record: "cc-2022-0[!3]*"').replace("    scope: everything\n", ""), "w.yaml")
    result = run("check", records, "--waivers", str(waive_errors), "--format", "json")
    report = json.loads(result.stdout)
    active = [f for f in report["findings"] if f["suppression"] is None]
    assert [(f["rule_id"], f["severity"]) for f in active] == [
        ("cc-composition", "error"), ("cc-term-length", "warning"), ("cc-replacement", "error"),
        ("cc-consent-80", "error")]
    assert [f["rule_id"] for f in report["findings"] if f["suppression"]] == [
        "cc-term-acting", "cc-submission"]
    assert result.returncode == 1


def test_cli_discovers_waivers_in_the_checked_root(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "haliang-3", tmp_path / "records")
    waivers_file(tmp_path / "records", WAIVE_ALL_ERRORS.format(expires="2099-12-31"))
    result = run("check", str(tmp_path / "records"))
    assert result.returncode == 0, result.stdout
    assert "suppressed 6" in result.stdout.splitlines()[-1]
    assert run("check", str(tmp_path / "records"), "--today", "2100-01-01").returncode == 1
    assert run("check", str(tmp_path / "records"), "--fail-on", "warning",
               "--today", "2100-01-01").returncode == 1


def test_warnings_fail_only_when_asked(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "haliang-3", tmp_path / "records")
    waivers = waivers_file(tmp_path, """\
waivers:
  - {rule: "cc-[crs]*", record: "*", reason: r, approved_by: a, expires: 2099-01-01}
  - {rule: cc-term-acting, record: "*", reason: r, approved_by: a, expires: 2099-01-01}
""")
    base = ("check", str(tmp_path / "records"), "--waivers", str(waivers))
    assert run(*base).returncode == 0
    assert run(*base, "--fail-on", "warning").returncode == 1
    assert run(*base, "--fail-on", "info").returncode == 1
    assert run(*base, "--fail-on", "never").returncode == 0


@pytest.mark.parametrize(("text", "expected"), [
    ("waivers:\n  - rule: x\n    record: y\n    approved_by: a\n    expires: 2027-01-01\n",
     "w.yaml:2:5: waivers[0].reason: a required field is missing"),
    ("waivers:\n  - {rule: x, record: y, reason: r, approved_by: a, expires: 2027-02-30}\n",
     "w.yaml:2:"),
    ("waivers: [\n", "w.yaml:2"),
    ("- just a list\n", "w.yaml:1"),
])
def test_a_bad_waivers_file_is_an_input_error(tmp_path: Path, text: str, expected: str) -> None:
    shutil.copytree(EXAMPLES / "haliang-3", tmp_path / "records")
    waivers_file(tmp_path, text, "w.yaml")
    result = run("check", "records", "--waivers", "w.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert expected in result.stdout


def test_the_waivers_file_is_not_read_as_records(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "haliang-3", tmp_path / "records")
    waivers_file(tmp_path / "records", "waivers: []\n")
    result = run("check", str(tmp_path / "records"), "--format", "json")
    assert json.loads(result.stdout)["input_errors"] == []


UNSTATED = ("waivers:\n  - {{rule: {rule}, record: {record}, reason: r, approved_by: a, "
            "expires: 2099-01-01}}\n")


@pytest.mark.parametrize(("rule", "record"), [
    ("'*'", "'*'"), ("'**'", "'?*'"), ("'*?*'", "'*'"),
    # a character class that leaves out only what no id holds is '*' too
    ("'*'", "'[!~]*'"), ("'*'", "'*[!~]*'"), ("'[!~]*'", "'*'"), ("'*'", "\"[!\\x01]*\""),
])
def test_a_waiver_of_everything_must_say_so(tmp_path: Path, rule: str, record: str) -> None:
    path = waivers_file(tmp_path, "# reviewed\n" + UNSTATED.format(rule=rule, record=record), "w.yaml")
    waivers, errors = load_waivers(path, tmp_path)
    assert waivers == [] and [e.type for e in errors] == ["waiver_everything_unstated"]
    error = errors[0]
    assert (error.file, error.line, error.field) == ("w.yaml", 3, "waivers[0].scope")
    assert "scope: everything" in error.msg and "every rule on every record" in error.msg
    shutil.copytree(EXAMPLES / "haliang-3", tmp_path / "records")
    result = run("check", "records", "--waivers", "w.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "w.yaml:3:5: waivers[0].scope:" in result.stdout
    assert "[waiver_everything_unstated]" in result.stdout


@pytest.mark.parametrize(("extra", "kind"), [("scope: everything", "waiver_scope_mismatch"),
                                             ("scope: all", "literal_error")])
def test_scope_everything_only_on_a_waiver_of_everything(tmp_path: Path, extra: str, kind: str) -> None:
    path = waivers_file(tmp_path, UNSTATED.format(rule="'fin-*'", record="'*'").replace(
        "}", f", {extra}}}"), "w.yaml")
    _, errors = load_waivers(path, tmp_path)
    assert [(e.type, e.line, e.field) for e in errors] == [(kind, 2, "waivers[0].scope")]


def test_a_stated_waiver_of_everything_is_shown_in_the_report(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "haliang-3", tmp_path / "records")
    waivers_file(tmp_path / "records", WAIVE_ALL_ERRORS.format(expires="2099-12-31"))
    text = run("check", str(tmp_path / "records")).stdout
    assert "waiver-everything" in text and "6 findings suppressed" in text
    result = run("check", str(tmp_path / "records"), "--format", "json")
    report = json.loads(result.stdout)
    [shown] = [f for f in report["findings"] if f["rule_id"] == "waiver-everything"]
    assert shown["severity"] == "info" and shown["suppression"] is None
    assert shown["record"]["line"] == 3 and shown["record"]["file"].endswith("governance-waivers.yaml")
    assert shown["evidence"]["measured"] == {"zh": "隐去6个问题", "en": "6 findings suppressed"}
    assert result.returncode == 0
    assert run("check", str(tmp_path / "records"), "--fail-on", "info").returncode == 1
    sarif = json.loads(run("check", str(tmp_path / "records"), "--format", "sarif").stdout)
    rules = {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert "waiver-everything" in rules
    expired = run("check", str(tmp_path / "records"), "--today", "2100-01-01", "--format", "json")
    assert {f["rule_id"] for f in json.loads(expired.stdout)["findings"]
            if f["record"]["type"] == "waiver"} == {"waiver-expired"}


PRE_COMMIT_WAIVERS = """\
waivers:
  - {rule: cc-consent-80, record: cc-2022-03/parking-plan, reason: re-voted, approved_by: 街道,
     expires: 2099-01-01}
  - {rule: ra-quorum, record: ra-2022-07, reason: rebuilt roster, approved_by: 街道, expires: 2099-01-01}
"""


@pytest.mark.parametrize("given", [(), ("--waivers", "records/governance-waivers.yaml")])
def test_a_file_checked_on_its_own_is_waived_as_its_folder_is(tmp_path: Path,
                                                               given: tuple[str, ...]) -> None:
    """The pre-commit hook names the files a commit touches: the waivers file above them was not
    found, so a waived finding blocked the commit; given with --waivers, the waiver for another
    dossier was 'unused', and --fail-on warning blocked it again."""
    shutil.copytree(EXAMPLES / "haliang-3", tmp_path / "records" / "haliang-3")
    shutil.copytree(EXAMPLES / "sifang", tmp_path / "records" / "sifang")
    waivers_file(tmp_path / "records", PRE_COMMIT_WAIVERS)
    result = run("check", "records/haliang-3/meetings/2022-03.yaml", "--fail-on", "warning",
                 "--format", "json", *given, cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule_id"], f["suppression"]["reason"]) for f in findings] == [
        ("cc-consent-80", "re-voted")]
    whole = run("check", "records", "--format", "json", cwd=tmp_path)  # a whole tree: all used
    assert "waiver-unused" not in whole.stdout


SIFANG_WAIVERS = """\
waivers:
  - {rule: ra-quorum, record: ra-2022-07, reason: re-held, approved_by: 街道办事处,
     expires: 2099-06-30}
  - {rule: fin-tiers, record: exp-2022-004, reason: reviewed, approved_by: 街道办事处,
     expires: 2099-06-30}
"""
"""A waiver of an assembly meeting's finding, and one of an expense's."""


def _sifang_waived(tmp_path: Path) -> Path:
    root = tmp_path / "dossiers" / "sifang"
    shutil.copytree(EXAMPLES / "sifang", root)
    waivers_file(root, SIFANG_WAIVERS)
    return root


def _waiver_findings(result: object) -> list[tuple[str, bool]]:
    report = json.loads(result.stdout)  # type: ignore[attr-defined]
    return [(f["rule_id"], bool(f["suppression"])) for f in report["findings"]
            if f["rule_id"] in ("ra-quorum", "waiver-unused")]


def test_a_subfolder_of_a_dossier_is_checked_with_the_dossiers_waivers(tmp_path: Path) -> None:
    """``check sifang/meetings`` read no waivers (ra-quorum on ra-2022-07 unwaived), and with
    ``--waivers sifang/governance-waivers.yaml`` the expense's waiver was 'waiver-unused'
    though no expense was checked."""
    root = _sifang_waived(tmp_path)
    found = run("check", "sifang/meetings", "--format", "json", cwd=root.parent)
    assert _waiver_findings(found) == [("ra-quorum", True)]
    named = run("check", "sifang/meetings", "--waivers", "sifang/governance-waivers.yaml",
                "--format", "json", cwd=root.parent)
    assert _waiver_findings(named) == [("ra-quorum", True)]
    whole = run("check", "sifang", "--format", "json", cwd=root.parent)
    assert _waiver_findings(whole) == [("ra-quorum", True)]


def test_a_file_named_from_anywhere_is_checked_with_its_dossiers_waivers(
        tmp_path: Path) -> None:
    """Naming sifang/meetings/assembly.yaml from a folder outside the dossier left ra-quorum
    unwaived: waivers were looked for only up to the folder the check ran in."""
    root = _sifang_waived(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run("check", str(root / "meetings" / "assembly.yaml"), "--format", "json",
                 cwd=elsewhere)
    assert _waiver_findings(result) == [("ra-quorum", True)]


def test_waivers_are_looked_for_up_to_the_dossiers_root(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from governance_rules.waivers.loader import find_waiver_files, whole_folders

    monkeypatch.chdir(tmp_path)
    root = _sifang_waived(tmp_path)
    waivers = root / "governance-waivers.yaml"
    outer = waivers_file(tmp_path / "dossiers", "waivers: []\n")
    own = waivers_file(root / "party", "waivers: []\n")
    assert find_waiver_files([root / "meetings"]) == [waivers]
    assert find_waiver_files([root / "meetings" / "assembly.yaml"]) == [waivers]
    assert find_waiver_files([root / "party"]) == [own]
    assert find_waiver_files([root / "party" / "minutes.yaml"]) == [own]
    assert find_waiver_files([root]) == [waivers]
    assert find_waiver_files([tmp_path / "dossiers"]) == [outer]
    waivers.unlink()  # a repository's one file for its dossiers, as a check of it reads it
    assert find_waiver_files([root / "meetings"]) == [outer]
    assert find_waiver_files([root]) == []  # whole: its own only
    assert whole_folders([root]) and whole_folders([tmp_path / "dossiers"])
    assert not whole_folders([root / "meetings"])
    assert not whole_folders([root / "meetings" / "assembly.yaml"])
    assert not whole_folders([root, root / "party"])
