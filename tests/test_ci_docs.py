"""docs/ci.md and .pre-commit-hooks.yaml, run exactly as written against a copy of examples/."""

from __future__ import annotations

import itertools
import json
import re
import shlex
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from _helpers import EXAMPLES, ROOT
from test_cli import run

from governance_rules import Report, check_paths

DOC = ROOT / "docs" / "ci.md"


def yaml_blocks() -> list[Any]:
    text = DOC.read_text(encoding="utf-8")
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.S)]


def documented_commands() -> list[str]:
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str) and node.startswith("governance-rules "):
            found.append(node)

    for block in yaml_blocks():
        walk(block)
    return found


COMMANDS = documented_commands()


def test_the_docs_have_a_github_workflow_and_a_gitlab_job() -> None:
    blocks = yaml_blocks()
    assert any(isinstance(b, dict) and "jobs" in b for b in blocks)
    assert any(isinstance(b, dict) and "script" in b.get("governance-records", {}) for b in blocks)
    assert len(COMMANDS) >= 6


def check_output(fmt: str, path: Path, report: Report) -> None:
    text = path.read_text(encoding="utf-8")
    total = len(report.findings)
    if fmt == "sarif":
        log = json.loads(text)
        assert log["version"] == "2.1.0" and len(log["runs"][0]["results"]) == total
    elif fmt == "junit":
        failing = {(f.record.file, f.rule_id, f.record.type, f.record.id) for f in report.findings}
        assert int(ET.fromstring(text.encode()).get("failures", "")) == len(failing)
    elif fmt == "html":
        assert text.startswith("<!DOCTYPE html>") and text.count('class="finding"') == total
    else:
        raise AssertionError(f"no check for --format {fmt}")


@pytest.mark.parametrize("command", COMMANDS)
def test_documented_command(command: str, tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "records")
    args = shlex.split(command)[1:]
    options = dict(itertools.pairwise(args))
    result = run(*args, cwd=tmp_path)
    assert "Traceback" not in result.stderr
    fail_on = options.get("--fail-on", "error")
    assert result.returncode == (0 if fail_on == "never" else 1), result.stderr
    fmt = options.get("--format", "text")
    if "--output" in options:
        report = check_paths([tmp_path / "records"], base=tmp_path)
        check_output(fmt, tmp_path / options["--output"], report)
        assert result.stdout == ""
    elif fmt == "github":
        assert result.stdout.count("::error file=records/") == 10
    else:
        assert "records/haliang-3/meetings/2022-03.yaml" in result.stdout


def hook() -> dict[str, Any]:
    (entry,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return entry  # type: ignore[no-any-return]


def staged_files(root: Path) -> list[str]:
    """What pre-commit would pass: every file matching ``files`` and not ``exclude``."""
    spec = hook()
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    return [f for f in files if re.search(spec["files"], f) and not re.search(spec["exclude"], f)]


def run_hook(root: Path, files: list[str]) -> Any:
    spec = hook()
    assert spec["language"] == "python" and spec["entry"].startswith("governance-rules ")
    return run(*shlex.split(spec["entry"])[1:], *spec.get("args", []), *files, cwd=root)


def test_pre_commit_hook_over_a_repository(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "records")
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yml").write_text("on: push\n")
    (tmp_path / "records" / "governance-waivers.yaml").write_text("waivers: []\n")
    files = staged_files(tmp_path)
    assert files and not any(f.startswith(".github") or "waivers" in f for f in files)
    assert all(not f.endswith(".py") and not f.endswith(".md") for f in files)
    result = run_hook(tmp_path, files)
    total = len(check_paths([tmp_path / "records"], base=tmp_path).findings)
    assert result.returncode == 1 and f"{total} finding(s)" in result.stdout


def test_pre_commit_hook_on_a_clean_change(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "records")
    result = run_hook(tmp_path, ["records/haliang-3/meetings/2022-04.yaml"])
    assert result.returncode == 0, result.stdout
    result = run_hook(tmp_path, ["records/haliang-3/meetings/2022-03.yaml"])
    assert result.returncode == 1 and "cc-consent-80" in result.stdout
