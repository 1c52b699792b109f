"""Where work is spread: dossiers one at a time (streamed, none kept), or in worker processes,
with the same report whatever the scheduling."""

from __future__ import annotations

import gc
import threading
import weakref
from pathlib import Path
from typing import Any

import pytest
from _helpers import EXAMPLES, ROOT, copies_of_haliang

from governance_rules import Report, Rulebook, check_paths, iter_check_paths
from governance_rules import _checker as checker
from governance_rules.records import Dossier
from governance_rules.scheduling import available_cores, run_units, units_runner
from governance_rules.scheduling._cores import cgroup_cpu_quota

COPIES = 12


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Copies of haliang-3 under other community ids, and one broken file."""
    return copies_of_haliang(tmp_path_factory.mktemp("corpus"), COPIES,
                             ("c03", "meeting: {id: x, date: 2022-13-01\n"))


def test_units_run_in_item_order_and_raise_where_they_fail() -> None:
    assert list(run_units(abs, [-3, 1, -2, 5, -8], jobs=2)) == [3, 1, 2, 5, 8]
    assert list(run_units(abs, [-3], jobs=2)) == [3]
    results = run_units(int, ["1", "2", "x", "4"], jobs=2)
    assert next(results) == 1
    with pytest.raises(ValueError, match="'x'"):
        list(results)
    with pytest.raises(ValueError, match="at least 1"):
        run_units(abs, [1], jobs=0)
    assert available_cores() >= 1


@pytest.mark.parametrize(("files", "quota"), [
    ({"cpu.max": "200000 100000\n"}, 2),
    ({"cpu.max": "150000 100000\n"}, 2),  # one and a half CPUs: two workers, not one
    ({"cpu.max": "50000 100000\n"}, 1),
    ({"cpu.max": "max 100000\n"}, None),
    ({"cpu/cpu.cfs_quota_us": "300000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 3),
    ({"cpu,cpuacct/cpu.cfs_quota_us": "100000\n", "cpu,cpuacct/cpu.cfs_period_us": "100000\n"}, 1),
    ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),
    ({"cpu.max": "garbage\n"}, None),
    ({"cpu.max": ""}, None),
    ({}, None),
])
def test_a_containers_cpu_quota_bounds_the_default_jobs(
        tmp_path: Path, files: dict[str, str], quota: int | None) -> None:
    """In a container limited to N CPUs on a larger host (``docker --cpus``, a CI runner's
    limit), the default ``--jobs`` is N, not the host's cores: the affinity sees them all."""
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert cgroup_cpu_quota(tmp_path) == quota
    mine = available_cores(tmp_path / "none")
    assert available_cores(tmp_path) == (min(mine, quota) if quota else mine)


def test_no_dossier_outlives_its_check(corpus: Path, rulebook: Rulebook,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Each dossier is dropped once checked: the results and the report hold none."""
    loaded: list[weakref.ref[Dossier]] = []
    load = checker.load_dossier

    def tracked(*args: Any, **kwargs: Any) -> Dossier:
        dossier = load(*args, **kwargs)
        loaded.append(weakref.ref(dossier))
        return dossier

    monkeypatch.setattr(checker, "load_dossier", tracked)
    results = []
    for result in iter_check_paths([corpus], rulebook=rulebook, base=corpus):
        gc.collect()
        assert [ref for ref in loaded if ref() is not None] == []
        results.append(result)
    assert len(loaded) == len(results) == COPIES
    report = check_paths([corpus], rulebook=rulebook, base=corpus)
    gc.collect()
    assert len(loaded) == 2 * COPIES and all(ref() is None for ref in loaded)
    assert not [r for r in gc.get_referrers(*results) if isinstance(r, Dossier)]
    assert report.summary.by_rule["cc-consent-80"] == COPIES
    assert [e.file for e in report.input_errors] == ["c03/meetings/broken.yaml"]


def test_results_come_in_path_order_with_discovery_errors_first(corpus: Path,
                                                               rulebook: Rulebook) -> None:
    results = list(iter_check_paths([corpus / "c01", corpus / "missing", corpus / "c00"],
                                    rulebook=rulebook, base=corpus))
    assert [r.root for r in results] == [None, "c00", "c01"]
    assert [e.type for e in results[0].input_errors] == ["path_not_found"]
    assert all(r.findings == sorted(r.findings, key=lambda f: f.sort_key()) for r in results)


def test_jobs_give_the_same_report(corpus: Path, rulebook: Rulebook,
                                   examples_report: Report) -> None:
    """Identical JSON for 1 and 2 processes, on the examples and on a generated corpus."""
    two = check_paths([EXAMPLES], rulebook=rulebook, base=ROOT, jobs=2)
    assert two.to_json() == examples_report.to_json()
    one = check_paths([corpus], rulebook=rulebook, base=corpus, jobs=1)
    assert check_paths([corpus], rulebook=rulebook, base=corpus, jobs=3).to_json() == one.to_json()


def test_jobs_give_the_same_report_with_durable(rulebook: Rulebook) -> None:
    pytest.importorskip("durable")
    haliang = EXAMPLES / "haliang-3"
    one = check_paths([haliang, EXAMPLES / "sifang"], rulebook=rulebook, base=ROOT,
                      engine="durable")
    two = check_paths([haliang, EXAMPLES / "sifang"], rulebook=rulebook, base=ROOT,
                      engine="durable", jobs=2)
    assert one.engine == "durable" and two.to_json() == one.to_json()


def test_workers_without_fork_get_the_rulebook_by_pickle(rulebook: Rulebook,
                                                         examples_report: Report) -> None:
    """While another thread runs, workers are not forked from this process: the unit (rulebook
    without its compiled caches, engine by name) is pickled to them."""
    stop = threading.Event()
    waiter = threading.Thread(target=stop.wait, daemon=True)
    waiter.start()
    try:
        two = check_paths([EXAMPLES], rulebook=rulebook, base=ROOT, jobs=2)
    finally:
        stop.set()
        waiter.join()
    assert two.to_json() == examples_report.to_json()


@pytest.mark.parametrize("jobs", [1, 2])
def test_findings_rendered_in_the_workers_are_the_same_lines(corpus: Path, rulebook: Rulebook,
                                                             jobs: int) -> None:
    from governance_rules.render.jsonl import finding_line

    plain = list(iter_check_paths([corpus], rulebook=rulebook, base=corpus, details=False))
    rendered = list(iter_check_paths([corpus], rulebook=rulebook, base=corpus, details=False,
                                     jobs=jobs, render=finding_line))
    assert [r.lines for r in rendered] == [[finding_line(f) for f in r.findings] for r in plain]
    assert [r.tally for r in rendered] == [
        [(f.rule_id, f.severity.value, f.active) for f in r.findings] for r in plain]
    assert not any(r.findings for r in rendered) and any(r.lines for r in rendered)
    assert [r.input_errors for r in rendered] == [r.input_errors for r in plain]


def test_workers_for_a_folder_of_dossiers_start_before_discovery(
        corpus: Path, rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    """Forked before the folder's files are listed, the workers do not carry that list; a
    single community's folder, or a folder with fewer folders than workers, starts none early
    (they may not all be needed)."""
    import multiprocessing
    import shutil

    seen: list[int] = []
    discover = checker.discover

    def counted(*args: Any, **kwargs: Any) -> Any:
        seen.append(len(multiprocessing.active_children()))
        return discover(*args, **kwargs)

    monkeypatch.setattr(checker, "discover", counted)
    here = check_paths([corpus], rulebook=rulebook, base=corpus)
    spread = check_paths([corpus], rulebook=rulebook, base=corpus, jobs=2)
    assert spread.model_dump() == here.model_dump()
    one = next(p for p in sorted(corpus.iterdir()) if (p / "community.yaml").is_file())
    alone = check_paths([one], rulebook=rulebook, base=corpus, jobs=2)
    assert alone.summary.records_checked > 0
    shutil.copytree(one, tmp_path / "district" / one.name)
    district = check_paths([tmp_path / "district"], rulebook=rulebook, base=tmp_path, jobs=2)
    assert district.summary.records_checked == alone.summary.records_checked
    # forked (this process runs one thread) both are up; from a fork server, at least one
    assert seen[0] == 0 and seen[1] >= 1 and seen[2:] == [0, 0], seen
    with units_runner(abs, jobs=2, start_now=True) as run:  # started, then not needed
        assert len(multiprocessing.active_children()) >= 1
        assert list(run([-4])) == [4]
    assert multiprocessing.active_children() == []


def _full_collections(_: object) -> tuple[int, int, tuple[int, ...]]:
    return gc.get_stats()[2]["collections"], gc.get_freeze_count(), gc.get_threshold()


def test_forked_workers_inherit_the_frozen_objects_and_do_not_collect_them() -> None:
    """Workers are forked while the parent's objects are frozen: they start tuned for a batch
    without a full collection (which would walk, and copy, every inherited object)."""
    import multiprocessing

    from governance_rules.scheduling import processes
    from governance_rules.scheduling._gc import BATCH_THRESHOLD

    if processes._context().get_start_method() != "fork":  # pragma: no cover - not Linux
        pytest.skip("workers are forked only on Linux, from a process of one thread")
    before = gc.get_stats()[2]["collections"]
    pool = processes.start_workers(_full_collections, 1)
    results = list(processes.run_processes(_full_collections, [0], jobs=1, pool=pool))
    collections, frozen, thresholds = results[0]
    assert collections == before, "a forked worker ran a full collection as it started"
    assert frozen > 0 and thresholds == BATCH_THRESHOLD
    assert gc.get_freeze_count() == 0 or gc.get_threshold() != BATCH_THRESHOLD
    assert multiprocessing.active_children() == []


def test_overlapping_batches_put_the_collector_back_once_all_end() -> None:
    """Batch blocks that overlap (a server's threads, one batch inside another) tune the
    collector while any is open, and the last to end puts it back as it was, whatever order
    they end in: before, a block ending while another ran left the other's thresholds behind
    for good."""
    from governance_rules.scheduling import batch_gc
    from governance_rules.scheduling._gc import BATCH_THRESHOLD

    before = gc.get_threshold()
    assert gc.get_freeze_count() == 0 and before != BATCH_THRESHOLD
    first, second = batch_gc(), batch_gc()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)  # the first to begin ends first
    assert gc.get_threshold() == BATCH_THRESHOLD and gc.get_freeze_count() > 0
    second.__exit__(None, None, None)
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0

    start = threading.Barrier(4)

    def check_in_a_batch() -> None:
        start.wait()
        for _ in range(50):
            with batch_gc():
                assert gc.get_threshold() == BATCH_THRESHOLD

    threads = [threading.Thread(target=check_in_a_batch) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_a_check_of_dossiers_tunes_the_collector_while_it_runs(rulebook: Rulebook,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    """``check_dossiers`` (``check_data``, the server) checks with the collector tuned for a
    batch, as a check of paths does, and leaves it as it was."""
    from governance_rules import dossier_from_data
    from governance_rules.scheduling._gc import BATCH_THRESHOLD

    seen = []
    real = checker.DossierChecker.check

    def noting(self: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(gc.get_threshold())
        return real(self, *args, **kwargs)

    monkeypatch.setattr(checker.DossierChecker, "check", noting)
    before = gc.get_threshold()
    dossier = dossier_from_data({"c": {"community": {"id": "c", "name": "x",
                                                     "jurisdiction": ["cn"]}}})
    checker.check_dossiers([dossier], rulebook=rulebook)
    assert seen == [BATCH_THRESHOLD]
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_what_a_batch_kept_is_old_not_young_and_still_collectable() -> None:
    """The objects a batch made and kept (a report) leave it in the oldest generation, so the
    first allocation after it does not walk them all in a young collection (3% of a check from
    dicts); cyclic garbage made in the block is still freed by a full collection."""
    import weakref

    from governance_rules.scheduling import batch_gc

    class Node:
        pass

    gc.collect()
    with batch_gc():
        kept = [[i] for i in range(20_000)]
        cycle = Node()
        cycle.self = cycle  # type: ignore[attr-defined]
        gone = weakref.ref(cycle)
        del cycle
        assert gc.get_count()[0] > 10_000
    assert gc.get_count()[0] < 700, "a young collection would walk the block's objects"
    assert gc.get_freeze_count() == 0 and len(kept) == 20_000
    assert gone() is not None
    gc.collect()
    assert gone() is None


def test_a_check_in_an_app_that_froze_its_objects_freezes_none_of_its_own(
        rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch) -> None:
    """An app that froze its objects (a server that freezes before forking its workers) keeps
    them as it froze them: a check does not freeze the app's other objects for good (it could
    not unfreeze them alone, so its cyclic garbage would never be collected), and it asks the
    collector how many are frozen once, not each call (the count walks every frozen object:
    18 ms a call with two million)."""
    from governance_rules.scheduling import _gc
    from governance_rules.scheduling._gc import BATCH_THRESHOLD

    asked = []
    real_count = gc.get_freeze_count

    def counting() -> int:
        asked.append(1)
        return real_count()

    monkeypatch.setattr(_gc, "_frozen_by_others", False)
    monkeypatch.setattr(gc, "get_freeze_count", counting)
    files = {"c": {"community": {"id": "c", "name": "x", "jurisdiction": ["cn"]}}}
    before = gc.get_threshold()
    gc.freeze()
    try:
        frozen = real_count()
        kept = [[] for _ in range(100)]  # the app's objects alive during the checks
        for _ in range(3):
            checker.check_data(files, rulebook=rulebook)
            assert real_count() <= frozen  # (frozen objects may still be freed)
        assert len(asked) == 1 and len(kept) == 100
        assert gc.get_threshold() == before != BATCH_THRESHOLD
    finally:
        gc.unfreeze()
    assert real_count() == 0
    monkeypatch.setattr(_gc, "_frozen_by_others", False)
    checker.check_data(files, rulebook=rulebook)  # nothing frozen: asking is free, each call
    checker.check_data(files, rulebook=rulebook)
    assert len(asked) == 3 and real_count() == 0


def _exit_abruptly(item: int) -> int:
    import os

    if item == 3:
        os._exit(9)  # as the out-of-memory killer ends a worker: no exception, no goodbye
    return item


def test_a_worker_that_dies_is_a_clear_error_not_an_internal_one() -> None:
    from governance_rules.scheduling.processes import WorkerLost

    results = run_units(_exit_abruptly, list(range(8)), jobs=2)
    with pytest.raises(WorkerLost, match="for want of memory"):
        list(results)


def test_workers_end_with_the_process_that_started_them(tmp_path: Path) -> None:
    """Killed with SIGKILL (nothing runs after it), the command's workers end too: each held
    its end of the task queue open and waited for tasks for ever."""
    import os
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "starter.py"
    script.write_text(
        "import os, signal, sys\n"
        "from governance_rules.scheduling.processes import start_workers\n"
        "pool = start_workers(abs, 2)\n"
        "list(pool.map(abs, [1, 2, 3]))\n"
        "print(' '.join(str(p) for p in pool._processes), flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert done.returncode == -signal.SIGKILL
    workers = [int(p) for p in done.stdout.split()]
    assert len(workers) == 2
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(p) for p in workers):
        time.sleep(0.05)
    assert not any(_alive(p) for p in workers)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(") ")[-1][:1] not in ("Z", "X")
    except FileNotFoundError:
        return False


def test_sigterm_stops_a_run_as_ctrl_c_does(tmp_path: Path) -> None:
    """A CI job cancelled (SIGTERM to the command alone, as ``docker stop`` sends it): the
    workers stop, the JSON Lines report ends with its summary line marked interrupted, and
    the command exits 143. It ended at once, leaving both workers waiting for ever."""
    import json
    import os
    import shutil
    import signal
    import subprocess
    import sys
    import time

    for i in range(1_500):
        shutil.copytree(EXAMPLES / "village", tmp_path / "many" / f"c{i}")
    out = tmp_path / "out.jsonl"
    run = subprocess.Popen([sys.executable, "-m", "governance_rules", "check", "many",
                            "--jobs", "2", "--format", "jsonl", "--output", str(out)],
                           cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.exists() and out.stat().st_size):
        time.sleep(0.02)
    children = Path(f"/proc/{run.pid}/task/{run.pid}/children").read_text(encoding="ascii")
    workers = [int(p) for p in children.split()]
    run.send_signal(signal.SIGTERM)
    assert run.wait(timeout=60) == 143
    last = json.loads(out.read_text(encoding="utf-8").splitlines()[-1])
    assert last["interrupted"] is True and last["exit_status"] == 143
    assert last["summary"]["records_checked"] > 0
    time.sleep(0.5)
    assert workers and not any(_alive(p) for p in workers)


def test_a_worker_started_after_its_parent_ended_ends_at_once() -> None:
    """On a loaded machine a forked worker may run its start after the parent is gone: the
    parent-death signal it asks for would never come, and it would wait for tasks for ever
    (holding the command's output open). It sees its parent changed and ends."""
    import os
    import subprocess
    import sys

    code = ("from governance_rules.scheduling.processes import _end_with_parent\n"
            "_end_with_parent(1)\n"  # not this process's parent: the parent has "ended"
            "print('still here')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert (done.returncode, done.stdout) == (0, ""), done
    kept = subprocess.run([sys.executable, "-c", code.replace("_end_with_parent(1)",
                                                             "_end_with_parent(os.getppid())")
                           .replace("\n", "\nimport os\n", 1)],
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert kept.stdout == "still here\n", kept
