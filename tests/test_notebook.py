"""The example notebook in docs/ runs from top to bottom in a Jupyter kernel, and its answers are
the ones a check gives: under a 2/3 consent share the consent findings go away."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from _helpers import ROOT

NOTEBOOK = ROOT / "docs" / "consent-share-what-if.ipynb"


def test_the_what_if_notebook_runs(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("matplotlib")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert not any(cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")
    env_path = os.environ.get("PYTHONPATH", "")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env_path) if p)
    try:
        nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                                resources={"metadata": {"path": str(ROOT / "docs")}}).execute()
    finally:
        os.environ["PYTHONPATH"] = env_path
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    html = [o.data.get("text/html", "") for o in outputs if o.output_type == "execute_result"]
    assert any("haliang-3" in h and "change" in h for h in html)  # the per-community table
    assert sum("image/png" in o.get("data", {}) for o in outputs) == 2  # the two plots
    texts = [o.data.get("text/plain", "") for o in outputs if o.output_type == "execute_result"]
    assert "['consent-share.xlsx', 'findings.parquet']" in texts


def test_the_notebook_view_names_communities_and_cites_as_reports_do() -> None:
    """The table named a community by its id (xinghua-road) and cited a clause in ASCII
    brackets in Chinese; it reads as the CLI's HTML does now."""
    from governance_rules import check_paths

    report = check_paths(["examples/sifang"])
    zh, en = report.to_html("zh"), report.to_html("en")
    assert "<td>兴华路社区（xinghua-road）</td>" in zh and "<td>xinghua-road</td>" not in zh
    assert "《" in zh and "兴华路社区 (xinghua-road)" in en
