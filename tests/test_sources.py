"""Citations a reader can follow: the document registry, titles beside ids in every report, and
`governance-rules source DOC:LINE` reading the clause from the sources shipped with the package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from _helpers import ROOT, SHARED

from governance_rules import Rulebook, check_paths
from governance_rules.render import render_html, render_text
from governance_rules.sources import SourceError, default_sources_dir, parse_reference, read_clause


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "governance_rules", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120, check=False)


def test_registry_names_every_document_in_both_languages(rulebook: Rulebook) -> None:
    for doc in rulebook.documents.values():
        assert doc.title and doc.title_en and doc.title != doc.title_en
        assert doc.issuer is not None and doc.place is not None, doc.id
        assert not doc.issued or len(doc.issued) in (4, 10)
        assert all("(" not in s and "（20" not in s for s in (doc.title,)), "date in the title"
    assert rulebook.documents["ZZB-DINGYUAN"].issued == "2006-09-13"
    assert rulebook.documents["RD-TOWNSHIP"].issued == "2020-07-24"


def test_bundled_sources_are_the_shared_ones() -> None:
    bundled = default_sources_dir()
    assert bundled is not None and bundled == ROOT / "sources"
    names = sorted(p.name for p in bundled.iterdir())
    assert names == ["000_2c966b159bac8284.txt", "001_e6bb56d07abd103e.txt", "README.md"]
    shared = SHARED / "sources"
    if shared.is_dir():  # beside a checkout: the copy has not drifted
        for name in names:
            assert (bundled / name).read_bytes() == (shared / name).read_bytes(), name


def test_the_wheel_ships_the_sources_and_their_readme() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"sources" = "governance_rules/_bundled/sources"' in text


def test_every_cited_document_has_its_file(rulebook: Rulebook) -> None:
    for doc in rulebook.documents.values():
        clause = read_clause(rulebook, f"{doc.id}:{doc.first_line}", context=0)
        assert clause.lines[0].number == doc.first_line


def test_a_clause_with_its_context_and_readings(rulebook: Rulebook) -> None:
    clause = read_clause(rulebook, "SQ-SIFANG:382", context=1)
    assert [(x.number, x.cited) for x in clause.lines] == [(381, False), (382, True), (383, False)]
    cited = clause.lines[1]
    assert "社區(qū)居委會主任不得兼任出納" in cited.text  # as the file has it
    assert cited.reading is not None and "社区居委会主任不得兼任出纳" in cited.reading
    assert clause.simplified and "fin-seg-director" in clause.cited_by
    # the simplified source has no reading; context stops at the document's span
    plain = read_clause(rulebook, "HLS-356:12", context=3)
    assert plain.lines[0].number == 12 and all(x.reading is None for x in plain.lines)


@pytest.mark.parametrize(("reference", "message"), [
    ("HLS-365:26", "did you mean 'HLS-356'"),
    ("HLS-356:2", "spans lines 12–33"),
    ("HLS-356:0", "line numbers start at 1"),
    ("HLS-356:30-26", "a range runs upwards"),
    ("not a reference!", "expected DOC:LINE"),
])
def test_bad_references_say_why(rulebook: Rulebook, reference: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        read_clause(rulebook, reference)


def test_references_as_reports_print_them() -> None:
    assert parse_reference("SQ-SIFANG:382,383") == ("SQ-SIFANG", [382, 383])
    assert parse_reference("HLS-356") == ("HLS-356", [])


def test_source_command() -> None:
    result = run("source", "SQ-SIFANG:382,383", "--context", "0", "--lang", "zh")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("SQ-SIFANG  关于加强社区规范化建设的若干意见")
    assert "> 382  (一)會計" in out and "= (一)会计、出纳要分设" in out and "381" not in out
    assert "引用此处的规则和参数：" in out and "fin-seg-director" in out
    english = run("source", "HLS-356:26").stdout
    assert 'The "356" consultation method' in english and "dated: 25 December 2021" in english
    assert "> 26  一是定期例会制度" in english and "cited by: " in english
    # a parameter whose value rests on the line is named too (an overlay's 2/3 cites its notice)
    assert "parameter cc.consent_share" in english.splitlines()[-1]
    listing = run("source").stdout
    assert all(doc in listing for doc in ("HLS-356", "ZZB-TAONAN", "RD-TOWNSHIP"))
    bad = run("source", "SQ-SIFNAG:382")
    assert bad.returncode == 2 and "did you mean 'SQ-SIFANG'" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_every_output_names_the_title_beside_the_id(rulebook: Rulebook) -> None:
    report = check_paths([ROOT / "examples" / "haliang-3"], rulebook=rulebook)
    title = rulebook.documents["HLS-356"]
    assert render_text(report, "zh").count("HLS-356:") > 0
    assert f"《{title.title}》" in render_text(report, "zh")
    assert f"({title.title_en})" in render_text(report, "en")
    html = render_html(report, "zh")
    assert f'<cite class="doc">《{title.title}》</cite>' in html
    data = json.loads(report.to_json())
    finding = data["findings"][0]
    assert finding["source"]["title"] == {"zh": title.title, "en": title.title_en}
    assert all(s["title"]["zh"] for r in data["rules"] for s in r["sources"])
    uses = [u["source"] for c in data["checked"] for p in c["parameters"].values()
            for u in p.values() if u["source"]]
    assert uses and all(u["title"] for u in uses)


def test_a_documents_title_may_be_plain_text(tmp_path: Path) -> None:
    """An overlay's own document may give one title; English outputs then show it as is."""
    from governance_rules import load_rulebook

    (tmp_path / "ruleset.yaml").write_text(
        "documents:\n  - id: LOCAL-1\n    file: local.txt\n    lines: [1, 3]\n"
        "    title: 某县议事规则\n", encoding="utf-8")
    doc = load_rulebook(tmp_path).documents["LOCAL-1"]
    assert doc.title_in("en") == doc.title_in("zh") == "某县议事规则" and doc.issuer is None
    (tmp_path / "ruleset.yaml").write_text(
        "documents:\n  - id: LOCAL-1\n    file: local.txt\n    lines: [1, 3]\n"
        "    title: {zh: 某县议事规则}\n", encoding="utf-8")
    from governance_rules.errors import RulebookError

    with pytest.raises(RulebookError, match="title"):
        load_rulebook(tmp_path)


def test_rules_show_names_the_document_title(rulebook: Rulebook) -> None:
    doc = rulebook.documents["HLS-356"]
    assert f"HLS-356:26 ({doc.title_en}) 「" in run("rules", "show", "cc-consent-80").stdout
    assert f"HLS-356:26 《{doc.title}》 「" in run("rules", "show", "cc-consent-80",
                                                "--lang", "zh").stdout


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_source_file_that_is_a_device_is_refused_not_read(rulebook: Rulebook,
                                                            tmp_path: Path) -> None:
    """A sources folder whose document is a link to ``/dev/zero`` (it used to be read until
    memory ran out)."""
    from governance_rules.sources import _file_lines

    document = rulebook.documents["HLS-356"]
    (tmp_path / document.file).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / document.file).symlink_to("/dev/zero")
    _file_lines.cache_clear()
    with pytest.raises(SourceError, match="not a regular file"):
        read_clause(rulebook, "HLS-356:26", folder=tmp_path)


def test_an_overlays_own_document_is_read_beside_its_rules(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A district's notice registered by its overlay, kept in the overlay's folder: `source`
    shows its lines (it looked only in the bundled sources)."""
    from governance_rules.cli import main

    overlay = tmp_path / "local"
    overlay.mkdir()
    (overlay / "ruleset.yaml").write_text(
        "documents:\n  - {id: LOCAL-1, file: notice.txt, lines: [1, 2], title: 某区通知}\n",
        encoding="utf-8")
    (overlay / "notice.txt").write_text("某区社区协商议事规则\n协商议题经三分之二以上成员同意\n",
                                        encoding="utf-8")
    assert main(["--rules", str(overlay), "source", "LOCAL-1:2", "-C", "0"]) == 0
    out = capsys.readouterr().out
    assert "> 2  协商议题经三分之二以上成员同意" in out, out
