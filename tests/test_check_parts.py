"""benchmarks/check_parts.py times the parts of an in-process check by wrapping the functions
the check calls by name: a part renamed or moved must fail here, not leave the benchmark
timing nothing."""

from __future__ import annotations

import re
import subprocess
import sys

from _helpers import ROOT


def test_every_part_is_found_and_timed() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "check_parts.py"), "2"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from check_parts import PARTS

    lines = done.stdout.splitlines()
    for label, _, _ in PARTS:
        [line] = [line for line in lines if line.strip().startswith(label + " ")]
        assert float(re.split(r"\s{2,}", line.strip())[1]) > 0, line
    assert any("keeping the models" in line for line in lines)
