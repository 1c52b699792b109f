"""Scaling benchmark: `make bench` (or `python benchmarks/scale.py --dossiers 40 --jobs 1 2`).

Writes a corpus of synthetic dossiers as real record files (10 files and ~100 records per
dossier, the generator of formats.py), then runs ``governance-rules check DIR --format json``
as a child process once per ``--jobs`` value (and with ``--dask local`` when asked) and
prints, for each: wall seconds, CPU seconds
(user + system of the whole process tree), the peak RSS of the whole process tree (the sum of
the RSS of the command and its workers, sampled every 10 ms from /proc on Linux), records/s,
and whether the JSON report is byte-identical to the one of the first run.

``--keep DIR`` writes the corpus to DIR (kept, reused when it exists) instead of a temporary
folder, so that other tools can time the same command (docs/performance.md).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

from _measure import measure
from formats import FILES_PER_DOSSIER, write_dossier


def generate(root: Path, dossiers: int) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for k in range(dossiers):
        if not (root / f"community-{k:05d}").exists():
            write_dossier(root, k)


def run(root: Path, jobs: int, extra: list[str]) -> tuple[float, float, int, str, int, int]:
    """Wall s, CPU s, peak tree RSS bytes, sha256 of stdout, exit code and records checked of
    one check."""
    run = measure([sys.executable, "-m", "governance_rules", "check", str(root), "--format",
                   "json", "--jobs", str(jobs), *extra])
    records = json.loads(run.out)["summary"]["records_checked"] if run.out else 0
    return (run.wall, run.cpu, run.peak, hashlib.sha256(run.out).hexdigest(), run.code,
            records)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=40)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", type=Path, help="write (or reuse) the corpus in this folder")
    parser.add_argument("--repeat", type=int, default=1, help="runs per --jobs value (median)")
    parser.add_argument("--dask", action="store_true",
                        help="also run with --dask local (a LocalCluster of the last --jobs "
                        "processes), when the distributed extra is installed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp) / "corpus"
        generate(root, args.dossiers)
        print(f"{args.dossiers} dossiers, {args.dossiers * FILES_PER_DOSSIER} files in {root}")
        print(f"{'jobs':>4}  {'wall s':>7}  {'cpu s':>7}  {'peak RSS':>9}  {'records/s':>9}  output")
        first = None
        variants: list[tuple[str, int, list[str]]] = [(str(j), j, []) for j in args.jobs]
        if args.dask and importlib.util.find_spec("distributed") is not None:
            variants.append((f"dask {args.jobs[-1]}", args.jobs[-1], ["--dask", "local"]))
        for label, jobs, extra in variants:
            runs = sorted((run(root, jobs, extra) for _ in range(args.repeat)),
                          key=lambda r: r[0])
            wall, cpu, peak, digest, code, records = runs[len(runs) // 2]
            first = first or digest
            same = "identical" if digest == first else "DIFFERENT"
            print(f"{label:>4}  {wall:7.2f}  {cpu:7.2f}  {peak / 2**20:6.0f} MiB  "
                  f"{records / wall:9.0f}  {same} (exit {code})")


if __name__ == "__main__":
    main()
