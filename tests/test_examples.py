"""Each example produces exactly the findings its README lists, with both engines."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if (p / "README.md").is_file())
_ROW = re.compile(r"^\| ([a-z0-9-]+) \| ([^ |]+) \| (\d+) \|$")


def expected(example: Path) -> list[tuple[str, str, int]]:
    rows = []
    for line in (example / "README.md").read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line.strip())
        if match:
            rule, file, number = match.groups()
            rows.append((rule, f"examples/{example.name}/{file}", int(number)))
    return sorted(rows)


@pytest.mark.parametrize("engine", ["native", "durable"])
@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_example_findings_match_readme(example: Path, engine: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "governance_rules", "check", f"examples/{example.name}",
         "--format", "json", "--engine", engine],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    report = json.loads(result.stdout)
    assert report["input_errors"] == []
    found = sorted((f["rule_id"], f["record"]["file"], f["record"]["line"])
                   for f in report["findings"])
    assert found == expected(example)
    assert expected(example), "the README lists no findings"
    assert result.returncode == (1 if any(f["severity"] == "error" for f in report["findings"])
                                 else 0)
