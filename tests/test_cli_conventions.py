"""Command-line conventions: `--rules` before or after the subcommand, `--version` with the rule
set, `--quiet`, defaults from governance-rules.toml or pyproject.toml (flags win), shell completion
and "did you mean"."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from _helpers import ROOT

from governance_rules import Rulebook
from governance_rules._config import ConfigError, find_config

OVERLAY = """\
parameters:
  cc.consent_share:
    overlays:
      cn/heilongjiang: [{value: "2/3"}]
"""


def run(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "governance_rules", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env or {})})


@pytest.fixture
def overlay(tmp_path: Path) -> Path:
    folder = tmp_path / "lenient"
    (folder / "parameters").mkdir(parents=True)
    (folder / "parameters" / "consent.yaml").write_text(OVERLAY, encoding="utf-8")
    return folder


def test_rules_before_or_after_the_subcommand(overlay: Path) -> None:
    haliang = str(ROOT / "examples" / "haliang-3")
    plain = run("check", haliang, "--format", "json")
    before = run("--rules", str(overlay), "check", haliang, "--format", "json")
    after = run("check", haliang, "--format", "json", "--rules", str(overlay))
    assert before.stdout == after.stdout != plain.stdout
    assert '"value": "2/3"' in after.stdout
    shown = run("rules", "show", "cc-consent-80", "--rules", str(overlay)).stdout
    assert "2/3  (overlay cn/heilongjiang)" in shown  # the place named once


def test_version_names_the_rule_set(rulebook: Rulebook) -> None:
    result = run("--version")
    catalogue = {c for r in rulebook.rules for c in r.catalogue}
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "governance-rules 0.1.0",
        f"rule set {rulebook.version} (bundled): {len(rulebook.rules)} rules for "
        f"{len(catalogue)} catalogue ids, citing {len(rulebook.documents)} documents"]


def test_quiet_prints_only_findings(tmp_path: Path) -> None:
    haliang = str(ROOT / "examples" / "haliang-3")
    loud, quiet = run("check", haliang), run("--quiet", "check", haliang)
    assert quiet.returncode == loud.returncode == 1
    assert "findings:" in loud.stdout and "findings:" not in quiet.stdout
    assert quiet.stdout == loud.stdout[:len(quiet.stdout)] and quiet.stdout.endswith("\n")
    assert run("check", haliang, "-q").stdout == quiet.stdout
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "community.yaml").write_text(
        "community: {id: c, name: 社区, jurisdiction: [cn, test]}\n", encoding="utf-8")
    assert run("check", str(clean), "-q").stdout.strip() in ("", "no findings")


def test_defaults_from_governance_rules_toml(tmp_path: Path, overlay: Path) -> None:
    shutil.copytree(ROOT / "examples" / "haliang-3", tmp_path / "records")
    (tmp_path / "governance-rules.toml").write_text(
        'format = "json"\nlang = "zh"\nfail-on = "never"\njobs = 1\n'
        f'rules = ["{overlay.name}"]\n', encoding="utf-8")
    nested = tmp_path / "records" / "meetings"
    result = run("check", "..", cwd=nested)
    assert result.returncode == 0, result.stderr  # fail-on never
    assert result.stdout.startswith("{") and '"value": "2/3"' in result.stdout
    text = run("check", "..", "--format", "text", cwd=nested)  # a flag wins
    assert "错误" in text.stdout and not text.stdout.startswith("{")
    lenient_off = run("check", "..", "--rules", str(ROOT / "rules" / "parameters"), cwd=nested)
    assert '"value": "2/3"' not in lenient_off.stdout  # --rules replaces the file's list
    ignored = run("--no-config", "check", "..", cwd=nested)
    assert ignored.returncode == 1 and not ignored.stdout.startswith("{")


def test_defaults_from_pyproject(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples" / "haliang-3", tmp_path / "records")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.governance-rules]\nformat = "junit"\n', encoding="utf-8")
    result = run("check", "records", cwd=tmp_path)
    assert result.stdout.startswith("<?xml")
    other = tmp_path / "other.toml"
    other.write_text('lang = "zh"\n', encoding="utf-8")
    named = run("--config", str(other), "check", "records", cwd=tmp_path)
    assert "错误" in named.stdout  # --config names the file instead


@pytest.mark.parametrize(("text", "message"), [
    ('fromat = "json"\n', "unknown key 'fromat'; did you mean 'format'?"),
    ('format = "jsn"\n', "did you mean 'json'"),
    ("jobs = 0\n", "jobs = 0: expected a number of processes"),
    ('rules = [1]\n', "rules is a list of paths"),
    ("format = \n", "not valid TOML"),
])
def test_bad_configuration_says_where_and_why(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "governance-rules.toml").write_text(text, encoding="utf-8")
    result = run("check", ".", cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr, result.stderr
    assert str(tmp_path / "governance-rules.toml") in result.stderr
    assert "Traceback" not in result.stderr


def test_find_config_prefers_the_nearest(tmp_path: Path) -> None:
    (tmp_path / "governance-rules.toml").write_text('lang = "zh"\n', encoding="utf-8")
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    (tmp_path / "a" / "pyproject.toml").write_text("[tool.other]\nx = 1\n", encoding="utf-8")
    assert find_config(inner).values == {"lang": "zh"}  # a pyproject without the table is passed
    (tmp_path / "a" / "pyproject.toml").write_text('[tool.governance-rules]\nlang = "en"\n',
                                                   encoding="utf-8")
    assert find_config(inner).values == {"lang": "en"}
    (tmp_path / "a" / "pyproject.toml").write_text("[tool]\ngovernance-rules = 3\n",
                                                   encoding="utf-8")
    with pytest.raises(ConfigError, match="must be a table"):
        find_config(inner)


@pytest.mark.parametrize(("args", "message"), [
    (("chek", "examples"), "did you mean 'check'?"),
    (("check", "examples", "--format", "sarf"), "did you mean 'sarif'?"),
    (("rules", "show", "cc-consent80"), "did you mean 'cc-consent-80'?"),
    (("rules", "show", "CC-CONSENT80"), "did you mean 'CC-CONSENT-80'?"),
    (("source", "HLS-365:26"), "did you mean 'HLS-356'?"),
])
def test_did_you_mean(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2 and message in result.stderr, result.stderr


def test_rules_show_takes_a_catalogue_id(rulebook: Rulebook) -> None:
    result = run("rules", "show", "fin-seg-director")
    assert result.returncode == 0
    by_catalogue = run("rules", "show", rulebook.rule("fin-seg-director").catalogue[0])
    implementing = rulebook.rules_for_catalogue(rulebook.rule("fin-seg-director").catalogue[0])
    assert by_catalogue.stdout.count("  catalogue:  ") == len(implementing) >= 1


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts(shell: str) -> None:
    result = run("completion", shell)
    assert result.returncode == 0 and "governance-rules" in result.stdout
    if shell == "bash" and shutil.which("bash"):
        checked = subprocess.run(["bash", "-n"], input=result.stdout, text=True,
                                 capture_output=True, check=False)
        assert checked.returncode == 0, checked.stderr


def _complete(line: str, tmp_path: Path) -> list[str]:
    """What the shell would offer after ``line`` (argcomplete's protocol, as the script calls)."""
    out = tmp_path / "completions"
    run(*[], env={"_ARGCOMPLETE": "1", "_ARGCOMPLETE_SHELL": "bash", "COMP_LINE": line,
                  "COMP_POINT": str(len(line)), "_ARGCOMPLETE_IFS": "\n",
                  "_ARGCOMPLETE_STDOUT_FILENAME": str(out)})
    found = out.read_text(encoding="utf-8").split("\n") if out.exists() else []
    return [word.strip() for word in found]


def test_completion_answers_from_the_parser_and_the_rule_set(tmp_path: Path) -> None:
    assert "check" in _complete("governance-rules ch", tmp_path)
    assert set(_complete("governance-rules check x --format js", tmp_path)) == {"json", "jsonl"}
    assert "cc-consent-80" in _complete("governance-rules rules show cc-cons", tmp_path)
    assert _complete("governance-rules source HLS", tmp_path) == ["HLS-356:"]


def test_an_adopted_id_that_does_not_exist_is_named(tmp_path: Path) -> None:
    (tmp_path / "ruleset.yaml").write_text("adopt:\n  cn/shandong:\n    - HLS-356\n"
                                           "    - CC-CONSENT80\n", encoding="utf-8")
    result = run("rules", "--rules", str(tmp_path))
    assert result.returncode == 2
    assert "ruleset.yaml:4" in result.stderr and "did you mean 'CC-CONSENT-80'?" in result.stderr


def test_waivers_from_the_configuration(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples" / "haliang-3", tmp_path / "records")
    (tmp_path / "ci").mkdir()
    (tmp_path / "ci" / "accepted.yaml").write_text(
        'waivers:\n  - {rule: "cc-*", record: "*", reason: r, approved_by: a, '
        "expires: 2099-01-01}\n", encoding="utf-8")
    (tmp_path / "governance-rules.toml").write_text('waivers = ["ci/accepted.yaml"]\n',
                                                    encoding="utf-8")
    waived = run("check", "records", "--format", "json", cwd=tmp_path)
    assert '"suppression": {' in waived.stdout and "accepted.yaml" in waived.stdout
    assert run("--no-config", "check", "records", cwd=tmp_path).returncode == 1
