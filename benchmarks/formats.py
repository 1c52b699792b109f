"""Volume benchmark: `make bench` (or `python benchmarks/formats.py --files 10000`).

Writes synthetic dossiers as real record files (10 files per dossier) to a temporary folder,
checks the folder, then renders every output format. It does so at half and at the full size
and prints, per format, the time per finding at each size: equal figures mean time linear in
the number of findings.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from run import dossier

from governance_rules import check_paths, load_rulebook
from governance_rules.render import FORMATS

FILES_PER_DOSSIER = 10


def write_dossier(root: Path, k: int) -> None:
    files = dossier(k)
    meetings = files["meetings.yaml"]["meetings"]
    expenses = files["expenses.yaml"]["expenses"][:24]
    out: dict[str, Any] = {
        "community.yaml": files["community.yaml"],
        "bodies.yaml": files["bodies.yaml"],
    }
    for q in range(4):
        out[f"meetings/q{q + 1}.yaml"] = {"meetings": meetings[q::4]}
        out[f"expenses/batch-{q + 1}.yaml"] = {"expenses": expenses[q::4]}
    folder = root / f"community-{k:05d}"
    for name, data in out.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True),
                        encoding="utf-8")


def measure(root: Path, dossiers: int) -> None:
    book = load_rulebook()
    paths = sorted(root.iterdir())[:dossiers]
    started = time.perf_counter()
    report = check_paths(paths, rulebook=book, base=root)
    checked = time.perf_counter() - started
    n = max(len(report.findings), 1)
    print(f"{dossiers * FILES_PER_DOSSIER} files, {report.summary.records_checked} records, "
          f"{len(report.findings)} findings; check {checked:.1f} s")
    for name, render in sorted(FORMATS.items()):
        started = time.perf_counter()
        size = len(render(report, "en").encode("utf-8"))
        took = time.perf_counter() - started
        print(f"  {name:<7} {took:7.2f} s  {took * 1e6 / n:7.1f} µs/finding  {size / 1e6:8.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=10_000)
    args = parser.parse_args()
    dossiers = max(args.files // FILES_PER_DOSSIER, 2)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for k in range(dossiers):
            write_dossier(root, k)
        measure(root, dossiers // 2)
        measure(root, dossiers)


if __name__ == "__main__":
    main()
