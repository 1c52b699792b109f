"""Realistic benchmark: `python benchmarks/realistic.py --written 10000 100000 --jobs 1 2 --dask`.

The corpus is written by :mod:`corpus` (``benchmarks/corpus.py``): communities of 62 files each,
the bodies, rosters and cadences of the catalogue (examples/sifang), 738 written records a
community, the template's own faults plus faults injected from ``--seed``; every finding is
known (rule, file, line). For each size the benchmark prints, per run of
``governance-rules check DIR --format jsonl``: wall and CPU seconds, the peak RSS of the whole
process tree (sampled from /proc), written records/s, the 1-minute load average at the start and the
end of the run, and whether the findings are exactly the known ones, one for one. Then, in this
process, per record of one community: bare ``model_validate`` of its records, a check of the
same records given as dicts (``check_data``) and a check of its files (``check_paths``).
Then the 40k target: ``check --jobs 2`` (``--format json`` and ``jsonl``) against libyaml's
``CSafeLoader`` only loading the same files (``benchmarks/yaml_load.py``), run in alternation
(``--pairs``, after a warm-up of each) and compared pair by pair.

``--written`` sizes a corpus by written records (a meeting, an expense …: 738 a community, the
count of the scale targets), ``--records`` by records checked (what the report counts: the
written records and the calendar periods a rule judges, 1,164 a community). ``--keep DIR``
writes (or reuses) the corpus there.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from _measure import load_average, measure
from corpus import TEMPLATE, generate, records_per_community


def run(root: Path, extra: list[str]) -> tuple[float, float, int, Counter[tuple[str, str, int]],
                                               dict[str, Any]]:
    """Wall s, CPU s, peak tree RSS bytes, the findings and the summary line of one check."""
    run = measure([sys.executable, "-m", "governance_rules", "check", ".", "--format", "jsonl",
                   "--quiet", *extra], cwd=root)
    found: Counter[tuple[str, str, int]] = Counter()
    summary: dict[str, Any] = {}
    for line in run.out.decode("utf-8").splitlines():
        data = json.loads(line)
        if "summary" in data:
            summary = data
        else:
            found[(data["rule_id"], data["record"]["file"], data["record"]["line"])] += 1
    return run.wall, run.cpu, run.peak, found, summary


def against_libyaml(root: Path, pairs: int) -> None:
    """Wall seconds of ``check --jobs 2`` (the default text report, JSON, JSON Lines) and of a
    libyaml load of the same files, in alternation; medians and each check's ratio to the load
    of its own round."""
    commands = {
        "check --jobs 2 (text)": [sys.executable, "-m", "governance_rules", "check", ".",
                                  "--jobs", "2", "--quiet"],
        "check --jobs 2 --format json": [sys.executable, "-m", "governance_rules", "check", ".",
                                         "--jobs", "2", "--format", "json", "--quiet"],
        "check --jobs 2 --format jsonl": [sys.executable, "-m", "governance_rules", "check", ".",
                                          "--jobs", "2", "--format", "jsonl", "--quiet"],
        "libyaml CSafeLoader load": [sys.executable, str(Path(__file__).with_name("yaml_load.py")),
                                     "."],
    }
    for cmd in commands.values():
        measure(cmd, cwd=root)
    rounds = [{label: measure(cmd, cwd=root).wall for label, cmd in commands.items()}
              for _ in range(pairs)]
    base = "libyaml CSafeLoader load"
    print(f"against libyaml, {root.name}, {pairs} rounds in alternation, wall s; medians (range), "
          f"load {load_average():.1f}:")
    for label in commands:
        walls = sorted(r[label] for r in rounds)
        ratios = sorted(r[label] / r[base] for r in rounds)
        ratio = ("" if label == base else
                 f"   {statistics.median(ratios):5.2f}× the load ({ratios[0]:.2f}–{ratios[-1]:.2f})")
        print(f"  {label:<30} {statistics.median(walls):7.2f} s ({walls[0]:.2f}–{walls[-1]:.2f})"
              f"{ratio}")


def every_format(root: Path) -> None:
    """One ``check --jobs 2`` in each report format: wall s, peak RSS of the process tree and
    the report's size (formats kept on disk hold no more than a dossier's entries; the others
    build the report in memory)."""
    from governance_rules.render import BINARY_FORMAT_NAMES, FORMAT_NAMES

    print(f"every format, {root.name}, --jobs 2, one run each, load {load_average():.1f}:")
    for fmt in (*FORMAT_NAMES, *BINARY_FORMAT_NAMES):
        if fmt == "xlsx" and importlib.util.find_spec("openpyxl") is None:
            continue
        run = measure([sys.executable, "-m", "governance_rules", "check", ".", "--jobs", "2",
                       "--quiet", "--format", fmt], cwd=root)
        print(f"  {fmt:<7} {run.wall:7.2f} s  {run.peak / 2**20:6.0f} MiB  "
              f"{len(run.out) / 2**20:8.1f} MB out", flush=True)


def _cpu(fn: Callable[[], object], repeat: int = 1) -> float:
    """The least CPU seconds of ``repeat`` calls of ``fn``."""
    times = []
    for _ in range(repeat):
        started = time.process_time()
        fn()
        times.append(time.process_time() - started)
    return min(times)


def template_records() -> tuple[dict[str, Any], list[tuple[Any, Any]]]:
    """The template community's files as data, and its written (top-level) records, each with
    the model that validates it."""
    from governance_rules.models.record_file import RECORD_KEYS

    files = {p.relative_to(TEMPLATE).as_posix(): yaml.safe_load(p.read_text(encoding="utf-8"))
             for p in sorted(TEMPLATE.rglob("*.yaml"))}
    items = []
    for data in files.values():
        for key, value in data.items():
            collection, model = RECORD_KEYS[key]
            for item in (value if key == collection else [value]):
                items.append((model, item))
    return files, items


def machine_speed(items: list[tuple[Any, Any]]) -> float:
    """µs of CPU to validate one of the template's written records (best of 5): this
    machine's speed at the time, printed beside each run (it has been seen to double)."""
    def validate() -> None:
        for model, item in items:
            model.model_validate(item)

    return _cpu(validate, 5) * 1e6 / len(items)


def per_record(pairs: int = 15) -> None:
    """CPU µs per record of one community: bare validation, check from dicts (its findings'
    words made when read, :meth:`Finding.explained_later`), the same with every finding read,
    from files, and from files whose values the parser has not seen and whose days the rule set has not bound
    rules for (its cache of plain values and the rule set's bindings emptied first: the corpus
    repeats its template's values and days, real records mostly do not).

    Measured in rounds (bare validation, then each check, each the best of 3 calls, so that
    the ratios compare like with like) and each check divided by the bare validation of its
    own round: this machine's speed drifts from one second to the next, and a ratio of
    figures taken seconds apart carries that drift.
    """
    from governance_rules import check_data, check_paths, load_rulebook
    from governance_rules._checker import _PERIOD_PLANS
    from governance_rules.records import _parse

    book = load_rulebook()
    files, items = template_records()

    def validate() -> None:
        for model, item in items:
            model.model_validate(item)

    def from_dicts() -> None:
        check_data(files, rulebook=book)

    def from_dicts_read() -> None:
        for finding in check_data(files, rulebook=book).findings:
            finding.message  # noqa: B018  # its words made: a finding is explained when read

    def from_files() -> None:
        check_paths([TEMPLATE], rulebook=book, base=TEMPLATE)

    def from_new_values() -> None:
        _parse._PLAIN_VALUES.clear()
        for learned in (book._by_case, book._selected, book._may_select, book._paired,
                        _PERIOD_PLANS(book)):
            learned.clear()  # what the rule set keeps by values, days, scopes and windows seen
        check_paths([TEMPLATE], rulebook=book, base=TEMPLATE)

    records = len(items)
    for warm in (validate, from_dicts, from_files):
        warm()
    rounds = [(_cpu(validate, 3), _cpu(from_dicts, 3), _cpu(from_dicts_read, 3),
               _cpu(from_files, 3), _cpu(from_new_values, 3)) for _ in range(pairs)]
    print(f"per written record, one community ({records} records in {len(files)} files), CPU, {pairs} "
          f"rounds, best of 3 calls each, each check divided by the bare validation of its round; "
          f"medians (range), "
          f"load {load_average():.1f}:")
    for i, label in enumerate(("bare model_validate", "check from dicts",
                               "  findings read", "check from files", "  new values, days")):
        micros = sorted(r[i] * 1e6 / records for r in rounds)
        ratios = sorted(r[i] / r[0] for r in rounds)
        print(f"  {label:<20} {statistics.median(micros):8.1f} µs ({micros[0]:.1f}–{micros[-1]:.1f})"
              f"   {statistics.median(ratios):5.1f}× bare ({ratios[0]:.1f}–{ratios[-1]:.1f})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--written", type=int, nargs="*", default=[10_000],
                        help="sizes in written records (a meeting, an expense …: 738 a "
                             "community), the count of the scale targets")
    parser.add_argument("--records", type=int, nargs="*", default=[],
                        help="also sizes in records checked (written records and the calendar "
                             "periods a rule judges)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--dask", action="store_true", help="also --dask local (last --jobs)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--libyaml", type=int, default=40_000, metavar="WRITTEN",
                        help="the size (written records) of the comparison with a libyaml "
                             "load, the 40k target (0: none)")
    parser.add_argument("--records-per-file", type=int, default=None, metavar="N",
                        help="cut the corpus's lists of records into files of at most N "
                             "(3: the issue's picture of ~3 records a file; the template has ~12)")
    parser.add_argument("--formats-at", type=int, default=0, metavar="WRITTEN",
                        help="also every report format at this size (written records), one "
                             "run each with --jobs 2: wall, peak RSS of the tree, bytes (0: none)")
    parser.add_argument("--pairs", type=int, default=5,
                        help="rounds of that comparison (each runs all three commands)")
    parser.add_argument("--keep", type=Path, help="write (or reuse) the corpus in this folder")
    args = parser.parse_args()
    per_community = records_per_community()
    template_files, template_items = template_records()
    written_per_community, files_per_community = len(template_items), len(template_files)
    cut = (f" (cut into files of at most {args.records_per_file} records)"
           if args.records_per_file else "")
    print(f"{written_per_community} written records a community in {files_per_community} files"
          f"{cut}, "
          f"{per_community} "
          f"records checked (the calendar periods a rule judges too); CPU and RSS of the whole "
          f"process tree; speed: µs of CPU to validate one written record just before the run "
          f"(this machine's speed drifts, at times twofold)")
    print(f"{'written':>9}  {'checked':>9}  {'files':>7}  {'run':>7}  {'wall s':>7}  "
          f"{'cpu s':>7}  {'peak RSS':>9}  {'written/s':>9}  {'load':>9}  {'speed':>5}  findings")
    with tempfile.TemporaryDirectory() as tmp:
        sizes = [max(round(target / written_per_community), 1) for target in args.written]
        sizes += [max(round(target / per_community), 1) for target in args.records]
        for communities in sizes:
            root, expected = corpus_of(args.keep or Path(tmp), communities, args.seed,
                                       args.records_per_file)
            variants: list[tuple[str, list[str]]] = [
                (f"jobs {j}", ["--jobs", str(j)]) for j in args.jobs]
            if args.dask and importlib.util.find_spec("distributed") is not None:
                variants.append(("dask", ["--dask", "local", "--jobs", str(args.jobs[-1])]))
            for label, extra in variants:
                load_before, speed = load_average(), machine_speed(template_items)
                wall, cpu, peak, found, summary = run(root, extra)
                records = int(summary["summary"]["records_checked"])
                errors = int(summary["summary"]["input_errors"])
                verdict = ("the known ones" if found == expected and not errors else
                           f"DIFFERENT: {sum((found - expected).values())} unexpected, "
                           f"{sum((expected - found).values())} missing, {errors} input errors")
                written_records = communities * written_per_community
                files = communities * sum(1 for _ in (root / "c00000").rglob("*.yaml"))
                print(f"{written_records:>9}  {records:>9}  {files:>7}  {label:>7}  "
                      f"{wall:7.2f}  {cpu:7.2f}  "
                      f"{peak / 2**20:5.0f} MiB  {written_records / wall:9.0f}  "
                      f"{load_before:4.1f}-{load_average():<4.1f}  {speed:5.1f}  "
                      f"{sum(found.values())} ({verdict})", flush=True)
        per_record()
        if args.formats_at:
            communities = max(round(args.formats_at / written_per_community), 1)
            every_format(corpus_of(args.keep or Path(tmp), communities, args.seed,
                                   args.records_per_file)[0])
        if args.libyaml:
            communities = max(round(args.libyaml / written_per_community), 1)
            against_libyaml(corpus_of(args.keep or Path(tmp), communities, args.seed,
                                      args.records_per_file)[0], args.pairs)


def corpus_of(folder: Path, communities: int, seed: int, records_per_file: int | None = None
              ) -> tuple[Path, Counter[tuple[str, str, int]]]:
    """The corpus of ``communities`` in ``folder`` (written there unless it is already) and the
    findings it should give. Its folder's name carries a digest of the template and the
    generator, so that a corpus kept from an older template is never taken for today's."""
    cut = f"-per-file{records_per_file}" if records_per_file else ""
    root = folder / f"corpus-{communities}-seed{seed}{cut}-{_template_digest()}"
    written = root / ".expected.json"
    if written.is_file():
        return root, Counter({tuple(k): n for k, n in json.loads(written.read_text())})
    expected = generate(root, communities, seed=seed, records_per_file=records_per_file)
    written.write_text(json.dumps([[list(k), n] for k, n in expected.items()]))
    return root, expected



def _template_digest() -> str:
    """Eight hex digits of the template's files (records and README) and the generator."""
    import hashlib

    digest = hashlib.sha256(Path(__file__).with_name("corpus.py").read_bytes())
    for path in sorted(TEMPLATE.rglob("*")):
        if path.is_file() and path.suffix in (".yaml", ".md"):
            digest.update(path.relative_to(TEMPLATE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


if __name__ == "__main__":
    main()
