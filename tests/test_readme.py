"""The README's "Three ways in": each example runs as written, from the top of the checkout."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from _helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index("## Three ways in"):README.index("## Use it")]
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", SECTION, flags=re.S)


def test_the_first_lines_give_make_demo_and_make_test() -> None:
    first = README.split("```")[1]
    assert "make demo" in first and "make test" in first


def test_three_ways_each_have_an_example() -> None:
    kinds = [kind for kind, _ in BLOCKS]
    assert kinds == ["python", "toml", "sh", "python"]
    for way in ("**Imported by an app.**", "**In CI, over folders of records.**", "**In a notebook**"):
        assert way in SECTION
    assert (ROOT / "docs" / "consent-share-what-if.ipynb").is_file()


def test_the_app_example_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
                              ) -> None:
    monkeypatch.chdir(ROOT)
    exec(BLOCKS[0][1], {})
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 6 and out[1].strip().startswith("HLS-356:")


def test_the_ci_example_runs(tmp_path: Path) -> None:
    config = tomllib.loads(BLOCKS[1][1])
    assert set(config) <= {"format", "lang", "fail-on", "rules", "waivers", "jobs"}
    commands = [line.split("#")[0].strip() for line in BLOCKS[2][1].splitlines() if line.strip()]
    for command in commands:
        args = shlex.split(command)
        assert args[0] == "governance-rules"
        output = args[args.index("--output") + 1]
        args[args.index("--output") + 1] = str(tmp_path / output)
        result = subprocess.run([sys.executable, "-m", "governance_rules", *args[1:]], cwd=ROOT,
                                capture_output=True, text=True, timeout=300, check=False)
        assert result.returncode == 1, result.stderr  # the examples hold deliberate violations
        assert (tmp_path / output).stat().st_size > 1000


def test_the_notebook_example_runs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("openpyxl")
    from governance_rules import check_paths

    monkeypatch.chdir(ROOT)
    code = BLOCKS[3][1].replace('"findings.xlsx"', repr(str(tmp_path / "findings.xlsx")))
    exec(code, {"report": check_paths(["examples/haliang-3"])})
    assert "cc-consent-80" in capsys.readouterr().out
    assert (tmp_path / "findings.xlsx").stat().st_size > 1000
