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
