"""Dossiers as tasks on a Dask cluster: the same report as a local run, on a LocalCluster
started for the run (``dask="local"``) and on one reached by its address (``--dask tcp://…``).
Skipped when the ``distributed`` extra is not installed (the dev extra installs it)."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from _helpers import ROOT, copies_of_haliang

from governance_rules import Rulebook, check_paths
from governance_rules.cli import main
from governance_rules.render.json import render_json

COPIES = 4


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copies_of_haliang(tmp_path_factory.mktemp("dask"), COPIES, ("c01", "meeting: {id: x\n"))


def test_without_distributed_dask_is_a_usage_error(corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    assert main(["check", str(corpus), "--dask", "local", "--format", "json"]) == 2
    assert "pip install 'governance-rules[distributed]'" in capsys.readouterr().err


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=logging.ERROR) as local:
        yield local.scheduler_address


def test_local_cluster_gives_the_local_report(corpus: Path, rulebook: Rulebook) -> None:
    pytest.importorskip("distributed")
    here = check_paths([corpus], rulebook=rulebook, base=corpus)
    on_dask = check_paths([corpus], rulebook=rulebook, base=corpus, dask="local", jobs=2)
    assert render_json(on_dask) == render_json(here)
    assert on_dask.summary.by_rule["cc-consent-80"] == COPIES
    assert [e.file for e in on_dask.input_errors] == ["c01/meetings/broken.yaml"]


def test_cli_on_a_scheduler_address(corpus: Path, cluster: str, tmp_path: Path) -> None:
    outs = []
    for extra in ([], ["--dask", cluster]):
        out = tmp_path / f"r{len(outs)}.json"
        proc = subprocess.run([sys.executable, "-m", "governance_rules", "check", str(corpus),
                               "--format", "json", "--jobs", "1", "--output", str(out), *extra],
                              cwd=corpus, capture_output=True, text=True, check=False,
                              env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
        assert proc.returncode == 2, proc.stderr  # the broken file
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


@pytest.mark.parametrize("fmt", ["text", "sarif", "junit", "html"])
def test_cli_formats_kept_on_disk_on_a_scheduler_address(corpus: Path, cluster: str,
                                                         tmp_path: Path, fmt: str) -> None:
    """The reports whose entries the workers render (the default text, SARIF, JUnit's test
    cases, the HTML page's articles in its own order) are the same when Dask's workers render
    them (JUnit apart from its times)."""
    import re

    outs = []
    for extra in ([], ["--dask", cluster]):
        out = tmp_path / f"r{len(outs)}.{fmt}"
        proc = subprocess.run([sys.executable, "-m", "governance_rules", "check", str(corpus),
                               "--format", fmt, "--jobs", "1", "--output", str(out), *extra],
                              cwd=corpus, capture_output=True, text=True, check=False,
                              env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
        assert proc.returncode == 2, proc.stderr  # the broken file
        outs.append(re.sub(r'time="[0-9.]+"', "", out.read_text(encoding="utf-8")))
    assert outs[0] == outs[1] and "cc-consent-80" in outs[0]


@pytest.mark.parametrize(("address", "said"), [
    ("nonsense", "is not a Dask scheduler address"), ("10.0.0.5", "[scheme://]host:port"),
    ("foo://h:8786", "Dask knows no scheme 'foo'"), ("tcp://h:70000", "port 70000"),
    ("", "is not a Dask scheduler address")])
def test_a_mistyped_scheduler_address_is_refused_at_once(
        corpus: Path, capsys: pytest.CaptureFixture[str], address: str, said: str) -> None:
    """A scheduler address that cannot be one is a usage error before anything starts (it was
    an 'internal error' with a traceback's last line, or one after a 30 s connect timeout)."""
    from governance_rules.scheduling.dask_cluster import scheduler_address

    assert main(["check", str(corpus), "--dask", address]) == 2
    err = capsys.readouterr().err
    assert said in err and "internal error" not in err
    with pytest.raises(ValueError, match=said.replace("[", r"\[")):
        scheduler_address(address)
    with pytest.raises(ValueError, match=said.replace("[", r"\[")):
        check_paths([corpus], base=corpus, dask=address)
    assert [scheduler_address(a) for a in ("local", "tcp://10.0.0.5:8786", "[::1]:8786",
                                           "tls://scheduler.example:8786")] == [
        "local", "tcp://10.0.0.5:8786", "[::1]:8786", "tls://scheduler.example:8786"]


def test_a_scheduler_nobody_answers_at_is_a_clear_error(
        corpus: Path, rulebook: Rulebook, capsys: pytest.CaptureFixture[str]) -> None:
    """No scheduler at the address: a usage error naming it and what to look at, within Dask's
    connect timeout (it was 'internal error: OSError … please report this')."""
    import socket

    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    from governance_rules.scheduling.dask_cluster import DaskUnreachable

    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{free.getsockname()[1]}"
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        assert main(["check", str(corpus), "--dask", address, "--format", "json"]) == 2
        err = capsys.readouterr().err
        assert f"cannot reach the Dask scheduler at {address}" in err
        assert "dask scheduler" in err and "internal error" not in err
        with pytest.raises(DaskUnreachable, match="cannot reach"):
            check_paths([corpus], rulebook=rulebook, base=corpus, dask=address)


def test_a_cluster_that_fails_during_the_run_is_said_so_and_a_task_error_stays_itself() -> None:
    """A worker lost as often as the scheduler retries, the scheduler's connection closed, a
    task cancelled under the run: :class:`DaskFailed` (a usage error at the command line) with
    what happened; an error raised by the check itself is not hidden behind it."""
    pytest.importorskip("distributed")
    from concurrent.futures import CancelledError

    from distributed import KilledWorker
    from distributed.comm import CommClosedError

    from governance_rules.scheduling.dask_cluster import DaskFailed, DaskUnavailable, _result_of

    class Failing:
        def __init__(self, exc: Exception) -> None:
            self.exc = exc

        def result(self) -> None:
            raise self.exc

    for exc, said in ((KilledWorker("t", "w", 3), "out of memory"),
                      (CommClosedError("gone"), "closed during the run"),
                      (CancelledError("lost"), "cancelled a dossier's check")):
        with pytest.raises(DaskFailed, match=said):
            _result_of(Failing(exc), "tcp://10.0.0.5:8786")
    assert issubclass(DaskFailed, DaskUnavailable)
    with pytest.raises(ZeroDivisionError):
        _result_of(Failing(ZeroDivisionError()), "tcp://10.0.0.5:8786")
