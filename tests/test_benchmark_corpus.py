"""The realistic corpus of ``make bench`` (benchmarks/corpus.py): deterministic, loads without an
input error, and every run finds its known faults one for one, whatever the scheduling."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from _helpers import ROOT

from governance_rules import Report, Rulebook, check_paths
from governance_rules.render.json import render_json

sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus as bench_corpus

Found = Counter[tuple[str, str, int]]


def _found(report: Report) -> Found:
    return Counter((f.rule_id, f.record.file, f.record.line or 0) for f in report.findings)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Found]:
    root = tmp_path_factory.mktemp("realistic")
    return root, bench_corpus.generate(root, 3, seed=11, fault_rate=0.5)


def test_the_same_seed_writes_the_same_corpus(generated: tuple[Path, Found],
                                              tmp_path: Path) -> None:
    root, expected = generated
    again = bench_corpus.generate(tmp_path / "again", 3, seed=11, fault_rate=0.5)
    assert again == expected and _tree(tmp_path / "again") == _tree(root)
    other = bench_corpus.generate(tmp_path / "other", 3, seed=12, fault_rate=0.5)
    assert other != expected
    assert len(list((root / "c00000").rglob("*.yaml"))) == 62


def test_every_injected_fault_gives_its_finding(rulebook: Rulebook, tmp_path: Path) -> None:
    """Each fault alone, on top of the template's own findings: exactly the ones it names."""
    expected = bench_corpus.generate(tmp_path, 1, fault_rate=1.0)
    report = check_paths([tmp_path], rulebook=rulebook, base=tmp_path)
    assert report.input_errors == []
    assert _found(report) == expected
    base = Counter((rule, f"c00000/{file}", line)
                   for rule, file, line in bench_corpus.known_findings(bench_corpus.TEMPLATE))
    injected = Counter((rule, f"c00000/{file}", line) for fault in bench_corpus.FAULTS
                       for rule, file, line in fault.findings)
    assert len(bench_corpus.FAULTS) >= 5 and expected - base == injected


def test_known_findings_whatever_the_scheduling(generated: tuple[Path, Found],
                                                rulebook: Rulebook) -> None:
    root, expected = generated
    one = check_paths([root], rulebook=rulebook, base=root, jobs=1)
    two = check_paths([root], rulebook=rulebook, base=root, jobs=2)
    assert one.input_errors == [] and _found(one) == expected
    assert render_json(two) == render_json(one)
    lines = subprocess.run([sys.executable, "-m", "governance_rules", "check", ".", "--format",
                            "jsonl", "--jobs", "2"], cwd=root, capture_output=True, text=True,
                           timeout=300, check=False).stdout.splitlines()
    *findings, summary = [json.loads(line) for line in lines]
    assert Counter((f["rule_id"], f["record"]["file"], f["record"]["line"])
                   for f in findings) == expected
    assert summary["summary"] == json.loads(render_json(one))["summary"]


def test_records_cut_into_smaller_files_give_their_findings_at_their_new_lines(
        rulebook: Rulebook, tmp_path: Path) -> None:
    """``records_per_file=3`` (the issue's picture of ~3 records a file): the same records in
    more files, each finding at the file and line its record moved to, the same counts."""
    whole = bench_corpus.generate(tmp_path / "whole", 1, seed=5, fault_rate=1.0)
    cut = bench_corpus.generate(tmp_path / "cut", 1, seed=5, fault_rate=1.0, records_per_file=3)
    files = list((tmp_path / "cut" / "c00000").rglob("*.yaml"))
    assert len(files) > 4 * 62 and "c00000/party/link-books-002.yaml" in {
        f.relative_to(tmp_path / "cut").as_posix() for f in files}
    report = check_paths([tmp_path / "cut"], rulebook=rulebook, base=tmp_path / "cut")
    assert report.input_errors == [] and _found(report) == cut
    assert cut != whole
    assert Counter(rule for rule, _, _ in cut.elements()) == Counter(
        rule for rule, _, _ in whole.elements())
    assert report.summary.records_checked == check_paths(
        [tmp_path / "whole"], rulebook=rulebook, base=tmp_path / "whole").summary.records_checked


def test_every_finding_of_the_realistic_corpus_reads_well(tmp_path: Path) -> None:
    """Every fault the benchmark injects, read as tests/_finding_text.py reads the examples' (a
    Chinese clause here counted 'audit-2022-q2 (published …)' times)."""
    from _finding_text import finding_problems

    bench_corpus.generate(tmp_path, 1, fault_rate=1.0)
    report = check_paths([tmp_path])
    problems = {f"{f.rule_id} {f.record.id}: {p}" for f in report.findings
                for p in finding_problems(f)}
    assert report.findings and sorted(problems)[:5] == []
