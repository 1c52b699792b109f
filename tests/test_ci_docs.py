"""docs/ci.md and .pre-commit-hooks.yaml, run exactly as written against a copy of examples/."""

from __future__ import annotations

import io
import itertools
import json
import re
import shlex
import shutil
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from _helpers import EXAMPLES, ROOT
from test_cli import run

from governance_rules import Report, __version__, check_paths

DOC = ROOT / "docs" / "ci.md"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
REPOSITORY = PROJECT["urls"]["Repository"]
TAG = f"v{__version__}"


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


def block(key: str) -> dict[str, Any]:
    (found,) = [b for b in yaml_blocks() if isinstance(b, dict) and key in b]
    return found


def shell_lines() -> list[str]:
    """Every command the CI snippets run (GitHub ``run:`` steps, GitLab ``script:`` lines)."""
    steps = block("jobs")["jobs"]["check"]["steps"]
    return [s["run"] for s in steps if "run" in s] + block("governance-records")[
        "governance-records"]["script"]


def test_the_docs_have_a_github_workflow_and_a_gitlab_job() -> None:
    assert block("jobs") and "script" in block("governance-records")["governance-records"]
    assert len(COMMANDS) >= 5
    assert set(shell_lines()) - set(COMMANDS) == {line for line in shell_lines()
                                                  if line.startswith("pip install ")}


def test_installs_are_pinned_to_a_release_tag() -> None:
    """The install lines and the pre-commit ``rev`` name the repository of pyproject.toml's
    ``[project.urls]`` at the tag of this version (no package index, no placeholder host)."""
    installs = [line for line in shell_lines() if line.startswith("pip install ")]
    assert len(installs) == 2
    for line in installs:
        (requirement,) = shlex.split(line)[2:]
        name, _, url = requirement.partition(" @ ")
        assert re.fullmatch(r"governance-rules(\[excel\])?", name), name
        assert url == f"git+{REPOSITORY}@{TAG}"
    (repo,) = block("repos")["repos"]
    assert (repo["repo"], repo["rev"]) == (REPOSITORY, TAG)
    assert PROJECT["urls"]["Documentation"].startswith(REPOSITORY + "/")


def test_the_github_workflow_uploads_whatever_the_check_found() -> None:
    job = block("jobs")["jobs"]["check"]
    assert job["permissions"]["security-events"] == "write"
    assert job["permissions"]["checks"] == "write"
    steps = job["steps"]
    check = next(i for i, s in enumerate(steps) if "--format sarif" in s.get("run", ""))
    assert "--fail-on" not in steps[check]["run"]
    after = steps[check + 1:]
    assert after and all(s.get("if") == "always()" for s in after)
    upload = next(s for s in after if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    sarif_out = dict(itertools.pairwise(shlex.split(steps[check]["run"])))["--output"]
    assert upload["with"]["sarif_file"] == sarif_out
    junit = next(s for s in after if "--format junit" in s.get("run", ""))
    report = next(s for s in after if "action-junit-report" in s.get("uses", ""))
    assert report["with"]["report_paths"] == dict(itertools.pairwise(shlex.split(junit["run"])))[
        "--output"]


def test_the_gitlab_job_publishes_code_quality_and_junit() -> None:
    job = block("governance-records")["governance-records"]
    outputs = {dict(itertools.pairwise(shlex.split(line))).get("--format"):
               dict(itertools.pairwise(shlex.split(line))).get("--output")
               for line in job["script"] if line.startswith("governance-rules ")}
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"] == {"codequality": outputs["gitlab"],
                                           "junit": outputs["junit"]}
    assert job["script"][-1].startswith("governance-rules check") and "--fail-on never" not in \
        job["script"][-1]


def test_the_pre_commit_files_pattern_takes_records_only() -> None:
    (repo,) = block("repos")["repos"]
    (entry,) = repo["hooks"]
    for pattern in (entry["files"], hook()["files"]):
        assert re.search(pattern, "records/haliang-3/meetings/2022-03.yaml")
        assert re.search(pattern, "records/village/community.json")
        for other in ("mkdocs.yml", ".github/workflows/ci.yml", "docs/config.yaml",
                      "records/README.md", "package.json"):
            assert not re.search(pattern, other), (pattern, other)


def check_output(fmt: str, path: Path, report: Report) -> None:
    total = len(report.findings)
    if fmt == "xlsx":
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(path.read_bytes()))
        assert book.worksheets[0].max_row == total + 1
        return
    text = path.read_text(encoding="utf-8")
    if fmt == "gitlab":
        issues = json.loads(text)
        assert len(issues) == total and all(i["location"]["path"].startswith("records/")
                                            for i in issues)
    elif fmt == "sarif":
        log = json.loads(text)
        assert log["version"] == "2.1.0" and len(log["runs"][0]["results"]) == total
        assert all(r["helpUri"].startswith("https://") for r in log["runs"][0]["tool"]["driver"]["rules"])
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
    (tmp_path / "mkdocs.yml").write_text("site_name: records\nnav: [index.md]\n")
    (tmp_path / "records" / "governance-waivers.yaml").write_text("waivers: []\n")
    files = staged_files(tmp_path)
    assert files and all(f.startswith("records/") and "waivers" not in f for f in files)
    assert all(not f.endswith(".py") and not f.endswith(".md") for f in files)
    result = run_hook(tmp_path, files)
    total = len(check_paths([tmp_path / "records"], base=tmp_path).findings)
    assert result.returncode == 1 and f"{total} finding{'' if total == 1 else 's'}:" in result.stdout


def test_pre_commit_hook_on_a_clean_change(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "records")
    result = run_hook(tmp_path, ["records/haliang-3/meetings/2022-04.yaml"])
    assert result.returncode == 0, result.stdout
    result = run_hook(tmp_path, ["records/haliang-3/meetings/2022-03.yaml"])
    assert result.returncode == 1 and "cc-consent-80" in result.stdout
