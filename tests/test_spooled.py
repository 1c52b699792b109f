"""The JSON report in bounded memory: entries spooled to disk per dossier, then streamed; the
same bytes as the report built in memory, and memory that does not grow with the dossiers."""

from __future__ import annotations

import gc
import io
import json
import os
import shutil
import subprocess
import sys
import tracemalloc
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from _helpers import EXAMPLES, ROOT

from governance_rules import Rulebook, dossier_from_data, iter_check_paths
from governance_rules._checker import DossierChecker, DossierResult, ReportBuilder
from governance_rules._spooled import SpooledReport, report_texts
from governance_rules.records import Dossier
from governance_rules.render import _spool
from governance_rules.render._spool import SortedSpool
from governance_rules.render.json import render_json, write_json
from governance_rules.waivers import apply_waivers, load_waivers

SEATS = [{"person": p, "name": p, "sector": s,
          "terms": [{"start": "2021-12-25", "end": "2024-12-24", "obtained_by": "nomination"}]}
         for p, s in zip("abcdefgh", ["party_organisation", "residents_committee",
                                      "supervision_committee", "grid_workers", "residents", "women",
                                      "units", "backbone"], strict=True)]


def _small_dossier(folder: Path, k: int, community: str | None = None, name: str = "社区") -> None:
    """A community, a committee and a meeting whose motion fails the 80 % consent rule."""
    folder.mkdir(parents=True)
    (folder / "community.yaml").write_text(
        f"community: {{id: {community or f'c{k}'}, name: {name}, jurisdiction: [cn, d{k % 3}], "
        "adopts: [HLS-356]}\n", encoding="utf-8")
    (folder / "cc.json").write_text(json.dumps({"body": {
        "id": "cc", "kind": "consultation_committee", "name": "协商委员会", "seats": SEATS}}),
        encoding="utf-8")
    (folder / "m.yaml").write_text(json.dumps({"meeting": {
        "id": f"m{k}", "body": "cc", "date": "2022-03-15", "present": list("abcdefgh"),
        "motions": [{"id": "t", "title": "停车", "outcome": "adopted",
                     "votes": {"yes": 6, "no": 2}}]}}, ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Dossiers whose files do not sort in dossier order (``c-1`` sorts before ``c/``, and
    ``c/inner`` is a dossier nested in ``c``), a broken file and a shared scope."""
    root = tmp_path_factory.mktemp("spooled")
    shutil.copytree(EXAMPLES / "haliang-3", root / "c")
    _small_dossier(root / "c" / "inner", 1)
    _small_dossier(root / "c-1", 2)
    _small_dossier(root / "c-0", 2)  # the same community id and places as c-1: one scope
    (root / "c" / "zz.yaml").write_text("meeting: {id: x, date: 2022-13-01\n", encoding="utf-8")
    return root


def _both(results: list[DossierResult], book: Rulebook, **kw: object) -> tuple[str, str]:
    builder = ReportBuilder(book, "native", None)
    with SpooledReport(book, "native", None) as spooled:
        for result in results:
            builder.add(result)
            spooled.add(result)
        spooled.finish()
        out: list[str] = []
        write_json(spooled, out.append)
    return render_json(builder.build()), "".join(out)


def _waivers(folder: Path, record: str) -> tuple[list, list]:
    """A waiver of cc-consent-80 for ``record`` (until 2030), an expired one that matches
    nothing, and the errors of those and of a broken waivers file."""
    waivers_file = folder / "governance-waivers.yaml"
    waivers_file.write_text(
        "waivers:\n"
        f"  - {{rule: cc-consent-80, record: {record}, reason: 有说明, approved_by: a,"
        " expires: 2030-01-01}\n"
        "  - {rule: cc-consent-80, record: nothing, reason: r, approved_by: a,"
        " expires: 2020-01-01}\n", encoding="utf-8")
    waivers, errors = load_waivers(waivers_file)
    broken = folder / "broken-waivers.yaml"
    broken.write_text("waivers: [{rule: x\n", encoding="utf-8")
    return waivers, [*errors, *load_waivers(broken)[1]]


def test_same_bytes_as_the_report_in_memory(corpus: Path, rulebook: Rulebook) -> None:
    results = list(iter_check_paths([corpus, corpus / "missing"], rulebook=rulebook, base=corpus))
    whole, streamed = _both(results, rulebook)
    assert streamed == whole
    report = json.loads(streamed)
    files = [f["record"]["file"] for f in report["findings"]]
    assert files == sorted(files) and "c-1/m.yaml" in files and "c/inner/m.yaml" in files
    assert len(report["scopes"]) == 3  # c-0 and c-1 share one
    assert [e["type"] for e in report["input_errors"]][:1] == ["path_not_found"]


def test_entries_rendered_by_the_workers_give_the_same_bytes(corpus: Path,
                                                            rulebook: Rulebook) -> None:
    """``prepare=report_texts``: each dossier's entries come back as text, findings too unless
    waivers are to be applied; the report written from them is the report built in memory."""
    paths = [corpus, corpus / "missing"]
    whole = _both(list(iter_check_paths(paths, rulebook=rulebook, base=corpus)), rulebook)[0]
    for findings in (True, False):
        results = list(iter_check_paths(paths, rulebook=rulebook, base=corpus, jobs=2,
                                        prepare=partial(report_texts, findings=findings)))
        dossiers = [r for r in results if r.root is not None]
        assert all(r.texts and not r.checked and r.texts["checked"].count for r in dossiers)
        assert any(r.findings for r in dossiers) is not findings
        with SpooledReport(rulebook, "native", None) as spooled:
            for result in results:
                spooled.add(result)
            spooled.finish()
            out: list[str] = []
            write_json(spooled, out.append)
        assert "".join(out) == whole


def test_findings_rendered_by_the_workers_cannot_be_waived(corpus: Path, rulebook: Rulebook,
                                                            tmp_path: Path) -> None:
    waivers_file = tmp_path / "governance-waivers.yaml"
    waivers_file.write_text("waivers: []\n", encoding="utf-8")
    waivers, _ = load_waivers(waivers_file)
    result = next(r for r in iter_check_paths([corpus], rulebook=rulebook, base=corpus,
                                              prepare=report_texts) if r.root is not None)
    with SpooledReport(rulebook, "native", None, waivers=waivers, today=date(2026, 1, 1)) as spooled, \
            pytest.raises(ValueError, match="cannot be waived"):
        spooled.add(result)


def test_same_bytes_with_waivers_and_records_given_twice(rulebook: Rulebook, corpus: Path,
                                                         tmp_path: Path) -> None:
    """Two dossiers of data with the same file names (their ``checked`` entries merge), and a
    waivers file: suppressions, unused waivers and their errors as apply_waivers gives them."""
    checker = DossierChecker(rulebook)
    data = {"community.yaml": {"community": {"id": "c", "name": "x", "jurisdiction": ["cn"],
                                             "adopts": ["HLS-356"]}},
            "cc.yaml": {"body": {"id": "cc", "kind": "consultation_committee", "name": "协商委员会",
                                 "seats": SEATS}},
            "m.yaml": {"meeting": {"id": "m", "body": "cc", "date": "2022-03-15",
                                   "present": list("abcdefgh"),
                                   "motions": [{"id": "t", "title": "停车", "outcome": "adopted",
                                                "votes": {"yes": 6, "no": 2}}]}}}
    results = [checker.check(dossier_from_data(data)), checker.check(dossier_from_data(data))]
    whole, streamed = _both(results, rulebook)
    assert streamed == whole
    waivers, errors = _waivers(tmp_path, "m/t")
    today = date(2026, 1, 1)
    builder = ReportBuilder(rulebook, "native", None)
    with SpooledReport(rulebook, "native", None, waivers=waivers, today=today) as spooled:
        for result in results:
            builder.add(result)
            spooled.add(result)
        spooled.finish(errors)
        out: list[str] = []
        write_json(spooled, out.append)
        report = apply_waivers(builder.build(), waivers, today, errors)
        assert "".join(out) == render_json(report)
        assert spooled.summary() == report.summary and report.summary.suppressed == 2
        assert spooled.exit_code("error") == 2 and report.input_errors


def test_runs_out_of_order_merge_in_bounded_fan_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_spool, "FAN_IN", 3)
    spool = SortedSpool()
    runs = [[((k % 7, k), f"{k}-{i}") for i in range(3)] for k in range(20)]
    for run in runs:
        spool.add_run(run)
    assert not spool.in_order
    expected = sorted((item for run in runs for item in run), key=lambda item: item[0])
    assert list(spool) == expected and spool.count == 60
    monkeypatch.setattr(_spool, "MAX_RUNS", 4)  # runs held: at most 4, then merged into one
    compacted = SortedSpool()
    for run in runs:
        compacted.add_run(run)
        assert len(compacted._runs) <= 4
    assert list(compacted) == expected
    ordered = SortedSpool()
    for k in range(10):
        ordered.add_run([((k, 0), "a"), ((k, 1), "b")])
    assert ordered.in_order and len(ordered._runs) == 1 and len(list(ordered)) == 20
    big = SortedSpool()
    big.add_run([((1,), "x" * 200_000), ((2,), "y")])
    assert [len(p) for _, p in big] == [200_000, 1]


def test_items_are_stored_in_blocks_and_read_back_one_by_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks end at :data:`BLOCK` items or :data:`BLOCK_CHARS` characters; runs that span
    several blocks merge as items, not blocks."""
    monkeypatch.setattr(_spool, "BLOCK", 3)
    monkeypatch.setattr(_spool, "BLOCK_CHARS", 10)
    monkeypatch.setattr(_spool, "FAN_IN", 2)
    spool = SortedSpool()
    runs = [[((k % 3, k, i), "ab" * (i % 4)) for i in range(11)] for k in range(7)]
    for run in runs:
        spool.add_run(run)
    expected = sorted((item for run in runs for item in run), key=lambda item: item[0])
    assert list(spool) == expected and spool.count == 77
    fd, at, blocks = spool._file.fileno(), 0, 0
    while header := os.pread(fd, 4, at):
        at += 4 + int.from_bytes(header, "little")
        blocks += 1
    assert 77 / 3 <= blocks < 77


def _reachable(obj: object, book: Rulebook) -> int:
    """Bytes of the objects reachable from ``obj`` (the rulebook and modules apart)."""
    seen = {id(book)}
    todo, total = [obj], 0
    while todo:
        here = todo.pop()
        if id(here) in seen or isinstance(here, type | type(sys)):
            continue
        seen.add(id(here))
        total += sys.getsizeof(here)
        todo.extend(gc.get_referents(here))
    return total


def _retained(book: Rulebook, root: Path, count: int, spooled: bool) -> tuple[int, int]:
    """Bytes still allocated after ``count`` dossiers went into the report (results dropped),
    and bytes reachable from the report."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        keeper = (SpooledReport(book, "native", None) if spooled
                  else ReportBuilder(book, "native", None))
        paths = sorted(root.iterdir())[:count]
        for result in iter_check_paths(paths, rulebook=book, base=root):
            keeper.add(result)
        del result
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
        assert not [r for r in gc.get_referrers(keeper) if isinstance(r, Dossier)]
        reachable = _reachable(keeper, book)
        if isinstance(keeper, SpooledReport):
            assert keeper.dossiers == count and keeper.findings.count >= count
            keeper.close()
        return kept, reachable
    finally:
        tracemalloc.stop()


def test_memory_held_does_not_grow_with_the_dossiers(rulebook: Rulebook, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The spooled report holds counts and one batch of entries not yet written (made small
    here, so that 40 dossiers more than fill it); the report built in memory holds them all."""
    monkeypatch.setattr(_spool, "BATCH", 4)
    for k in range(48):
        _small_dossier(tmp_path / f"d{k:03d}", k)
    # warm the caches (bound rules, parameters, and the texts each dossier's findings put in
    # words): what a run holds the first time it sees a dossier is the caches', and a cache's
    # table growing past a size while measured is no report growing
    _retained(rulebook, tmp_path, 48, spooled=True)
    (few, held_few), (many, held_many) = (_retained(rulebook, tmp_path, n, spooled=True)
                                          for n in (8, 48))
    (whole_few, _), (whole_many, _) = (_retained(rulebook, tmp_path, n, spooled=False)
                                       for n in (8, 48))
    # What the report object holds: the same after 48 dossiers as after 8 (a few counters).
    assert held_many - held_few < 2_000, (held_few, held_many)
    # What the process holds (interpreter caches included): a little, not a report's worth.
    grown = many - few
    assert grown < 64_000, f"the spooled report grew by {grown} bytes for 40 more dossiers"
    assert whole_many - whole_few > 15 * max(grown, 4_000)  # the measure sees what a report holds


def test_cli_json_is_the_same_for_jobs_and_within_bounds(corpus: Path, tmp_path: Path) -> None:
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"r{jobs}.json"
        proc = subprocess.run([sys.executable, "-m", "governance_rules", "check", str(corpus),
                               "--format", "json", "--jobs", jobs, "--output", str(out)],
                              cwd=corpus, capture_output=True, text=True, check=False,
                              env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
        assert proc.returncode == 2, proc.stderr  # the broken file, the nested community
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    report = json.loads(outs[0])
    assert [e["file"] for e in report["input_errors"]] == ["c/inner/community.yaml", "c/zz.yaml"]
    assert report["checked"] and report["inputs"]


def test_counts_only_for_json_lines(corpus: Path, rulebook: Rulebook) -> None:
    """``entries=False`` (``--format jsonl``): each dossier's findings are handed back to be
    written at once and none is kept; the summary is the whole report's."""
    results = list(iter_check_paths([corpus], rulebook=rulebook, base=corpus))
    builder = ReportBuilder(rulebook, "native", None)
    with SpooledReport(rulebook, "native", None, entries=False) as spooled:
        shown = []
        for result in results:
            builder.add(result)
            shown += spooled.add(result)
        spooled.finish()
        report = builder.build()
        assert spooled.summary() == report.summary
        assert shown == [f for r in results for f in r.findings]
        assert spooled.findings.count == spooled.checked.count == spooled.record_keys.count == 0
        assert spooled.summary_report().input_errors == report.input_errors


@pytest.mark.parametrize("fmt", ["text", "sarif", "html", "github"])
def test_formats_without_checked_entries_render_the_same(corpus: Path, rulebook: Rulebook,
                                                         fmt: str) -> None:
    """The CLI builds these reports without the ``checked`` entries (only JUnit reads them), so
    that they hold findings, not a line per record: the same bytes as the whole report."""
    from governance_rules.render import renderer

    results = list(iter_check_paths([corpus, corpus / "c"], rulebook=rulebook, base=corpus))
    rendered = []
    for details in (True, False):
        builder = ReportBuilder(rulebook, "native", None, details=details)
        for result in results:
            builder.add(result)
        report = builder.build()
        assert bool(report.checked) is details
        rendered.append(renderer(fmt)(report, "zh"))
    assert rendered[0] == rendered[1]


def test_checked_entries_render_as_the_model_renders_them(corpus: Path,
                                                          rulebook: Rulebook) -> None:
    """``checked`` entries rendered from parts shared within a dossier are the text the model
    gives, odd characters included (a record's id with a quote, a backslash, a line separator,
    a C1 control, a tab, DEL, NUL, an astral character; other controls elsewhere)."""
    from governance_rules._spooled import _checked_texts, _entry
    from governance_rules.facts import RecordRef
    from governance_rules.records.dossier import Where
    from governance_rules.report.model import CheckedRecord, location_fields, rules_and_parameters

    results = [r for r in iter_check_paths([corpus], rulebook=rulebook, base=corpus)
               if r.checked]
    ref = RecordRef('a"b\\c\u2028d\x85e\tf\x7fg\x00h\x1fi/\U0001f600', "meeting\x08\x0c\r",
                    Where("x/ü\u2029.yaml", None, "meeting[0]\n"))
    used = next(u for r in results for _, ruled in r.checked.values() for _, u in ruled if u)
    results[0].checked[("x/ü.yaml", "meeting", "odd")] = (ref, [("z", {}), ("a", used),
                                                                ("z", {}), ("a", {})])
    compared = 0
    for result in results:
        expected = [(key, _entry(CheckedRecord.at(location_fields(ref), *rules_and_parameters(ruled))
                                 .model_dump_json(indent=2)))
                    for key, (ref, ruled) in sorted(result.checked.items())]
        assert list(_checked_texts(result)) == expected
        compared += len(expected)
    assert compared > 50


def _text_both(results: list[DossierResult], book: Rulebook, waivers: list | None = None,
               errors: list | None = None, fmt: str = "text", **options: bool | str
               ) -> tuple[Any, Any]:
    """The report in format ``fmt`` (text, SARIF, GitHub, GitLab, the workbook …) rendered
    whole, and the one written from findings kept on disk as the format's ``kept`` says, with
    the format's options (``lang``, ``colour``, ``summary``)."""
    from governance_rules._checker import _rule_infos
    from governance_rules.render import binary_renderer, kept_on_disk, renderer
    from governance_rules.render._kept import FormatOptions

    lang, colour = str(options.get("lang", "en")), bool(options.get("colour", False))
    summary = bool(options.get("summary", True))
    today = date(2026, 1, 1)
    builder = ReportBuilder(book, "native", None, details=False)
    kept = kept_on_disk(fmt, FormatOptions(lang=lang, colour=colour, summary=summary,
                                           rules=partial(_rule_infos, book)))
    with SpooledReport(book, "native", None, waivers=waivers, today=today, entries=False,
                       finding_entry=kept.finding_entry, finding_key=kept.finding_key,
                       community_names=kept.community_names) as spooled:
        for result in results:
            builder.add(result)
            spooled.add(result)
        spooled.finish(errors or [])
        out: list[str] = []
        if kept.write is not None:
            kept.write(spooled, out.append)
        assert spooled.checked.count == spooled.record_keys.count == 0
        written = _sheets(kept.write_bytes(spooled)) if kept.write_bytes else "".join(out)
    report = builder.build()
    if waivers is not None:
        report = apply_waivers(report, waivers, today, errors or [])
    if fmt == "text":
        from governance_rules.render.text import render_text

        return render_text(report, lang, colour=colour, summary=summary), written
    if kept.write_bytes is not None:
        return _sheets(binary_renderer(fmt)(report, lang)), written
    return renderer(fmt)(report, lang), written


def _sheets(workbook: bytes) -> list[tuple[str, str | None, list[list[tuple[Any, str, bool]]]]]:
    """Each sheet of ``workbook`` as a reader sees it: its name, its filters and each cell's
    value, type and boldness."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(workbook))
    return [(sheet.title, sheet.auto_filter.ref,
             [[(c.value, c.data_type, bool(c.font.b)) for c in row] for row in sheet.iter_rows()])
            for sheet in book]


def test_sarif_log_kept_on_disk_is_the_log_in_memory(corpus: Path, rulebook: Rulebook,
                                                     tmp_path: Path) -> None:
    """``--format sarif`` keeps each result on disk, rendered by the worker that found it:
    the same log as the whole report's, with input errors (results after the findings'), the
    documents' titles of every community, in both languages, with waivers, with no results."""
    from governance_rules._checker import _rule_infos
    from governance_rules._spooled import finding_entries
    from governance_rules.render.sarif import rule_indexes, sarif_entry

    paths = [corpus, corpus / "missing"]
    results = list(iter_check_paths(paths, rulebook=rulebook, base=corpus, details=False))
    for lang in ("en", "zh"):
        whole, streamed = _text_both(results, rulebook, fmt="sarif", lang=lang)
        assert streamed == whole
        log = json.loads(whole)["runs"][0]
        assert log["results"][-1]["ruleId"] == "input-error" and log["results"][0]["ruleId"] != \
            "input-error" and "《" in json.dumps(log["tool"], ensure_ascii=False)
    entry = partial(sarif_entry, lang="zh", index=rule_indexes(_rule_infos(rulebook)))
    rendered = list(iter_check_paths(paths, rulebook=rulebook, base=corpus, jobs=2, details=False,
                                     prepare=partial(finding_entries, entry=entry)))
    assert _text_both(rendered, rulebook, fmt="sarif", lang="zh")[1] == \
        _text_both(results, rulebook, fmt="sarif", lang="zh")[0]
    nothing, streamed_nothing = _text_both([], rulebook, fmt="sarif")
    assert streamed_nothing == nothing and '"results": [],' in nothing
    only_errors = [r for r in results if r.root is None]
    assert only_errors and only_errors[0].input_errors
    assert _text_both(only_errors, rulebook, fmt="sarif")[1] == \
        _text_both(only_errors, rulebook, fmt="sarif")[0]
    waivers, errors = _waivers(tmp_path, "m2/t")
    whole, streamed = _text_both(results, rulebook, waivers, errors, fmt="sarif")
    assert streamed == whole and '"suppressions"' in whole


@pytest.mark.parametrize(("lang", "colour", "summary"),
                         [("en", False, True), ("zh", True, True), ("zh", False, False),
                          ("en", True, False)])
def test_text_report_kept_on_disk_is_the_report_in_memory(corpus: Path, rulebook: Rulebook,
                                                          lang: str, colour: bool,
                                                          summary: bool) -> None:
    """``--format text`` keeps each finding's lines on disk, rendered by the worker that found
    it: the same text as the whole report, with input errors, with several files, in both
    languages, coloured or not, with or without the summary; and with nothing to report."""
    paths = [corpus, corpus / "missing"]
    options = {"lang": lang, "colour": colour, "summary": summary}
    whole, streamed = _text_both(list(iter_check_paths(paths, rulebook=rulebook, base=corpus)),
                                 rulebook, **options)
    assert streamed == whole and "c-1/m.yaml" in whole and "[path_not_found]" in whole
    from governance_rules._spooled import finding_entries
    from governance_rules.render.text import text_entry

    rendered = list(iter_check_paths(paths, rulebook=rulebook, base=corpus, jobs=2, details=False,
                                     prepare=partial(finding_entries, entry=partial(
                                         text_entry, lang=lang, colour=colour))))
    assert not any(r.findings for r in rendered) and any(r.tally for r in rendered)
    assert _text_both(rendered, rulebook, **options)[1] == whole
    nothing, streamed_nothing = _text_both([], rulebook, **options)
    assert streamed_nothing == nothing
    assert ("未发现问题" in nothing or "no findings" in nothing) is summary


def test_text_report_kept_on_disk_with_waivers(rulebook: Rulebook, corpus: Path,
                                               tmp_path: Path) -> None:
    """Waivers applied as findings arrive: suppressed findings, an expired waiver's finding and
    a broken waivers file read as in the report rendered whole."""
    waivers, errors = _waivers(tmp_path, "m2/t")
    results = list(iter_check_paths([corpus], rulebook=rulebook, base=corpus, details=False))
    for lang in ("en", "zh"):
        whole, streamed = _text_both(results, rulebook, waivers, errors, lang=lang)
        assert streamed == whole
        assert ("已豁免" if lang == "zh" else "suppressed") in whole


def test_cli_text_is_the_same_for_jobs(corpus: Path, tmp_path: Path) -> None:
    """The CLI's text report (kept on disk) is the same whatever the number of workers."""
    outs = []
    for jobs in ("1", "2"):
        proc = subprocess.run([sys.executable, "-m", "governance_rules", "check", str(corpus),
                               "--jobs", jobs, "--lang", "zh"],
                              cwd=corpus, capture_output=True, text=True, check=False,
                              env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
        assert proc.returncode == 2, proc.stderr
        outs.append(proc.stdout)
    assert outs[0] == outs[1] and "c/zz.yaml" in outs[0] and "c-1/m.yaml" in outs[0]


def test_github_annotations_kept_on_disk_are_the_report_in_memory(
        corpus: Path, rulebook: Rulebook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``--format github`` keeps each active finding's annotation on disk (a waived one is not
    annotated): the same lines as the whole report, the cap per command included."""
    from governance_rules._spooled import finding_entries
    from governance_rules.render import github

    paths = [corpus, corpus / "missing"]
    results = list(iter_check_paths(paths, rulebook=rulebook, base=corpus, details=False))
    waivers, errors = _waivers(tmp_path, "m2/t")
    for cap in (100, 1):
        monkeypatch.setattr(github, "ANNOTATIONS_PER_SEVERITY", cap)
        for lang in ("en", "zh"):
            whole, streamed = _text_both(results, rulebook, fmt="github", lang=lang)
            assert streamed == whole and "::error file=" in whole
            more = "条错误标注未显示" if lang == "zh" else "more error annotation"
            assert (more in whole) is (cap == 1)
        whole, streamed = _text_both(results, rulebook, waivers, errors, fmt="github")
        assert streamed == whole and "waived" in whole.splitlines()[-1]
    rendered = list(iter_check_paths(paths, rulebook=rulebook, base=corpus, jobs=2, details=False,
                                     prepare=partial(finding_entries, entry=github.github_entry)))
    assert _text_both(rendered, rulebook, fmt="github")[1] == \
        _text_both(results, rulebook, fmt="github")[0]


def _junit_both(results: list[DossierResult], book: Rulebook, waivers: list | None = None,
                errors: list | None = None, lang: str = "en") -> tuple[str, str]:
    """The JUnit report rendered whole from ``results`` and the one written from items kept
    on disk, packed from a copy of each (:func:`junit_items`, findings as models when there
    are waivers to apply)."""
    import copy

    from governance_rules.render.junit import (
        finding_key,
        junit_finding,
        junit_items,
        render_junit,
        write_junit,
    )

    today = date(2026, 1, 1)
    builder = ReportBuilder(book, "native", None)
    with SpooledReport(book, "native", None, waivers=waivers, today=today, entries=False,
                       finding_entry=partial(junit_finding, lang=lang),
                       finding_key=finding_key) as spooled:
        for result in results:
            spooled.add(junit_items(copy.deepcopy(result), lang, findings=waivers is None))
            builder.add(result)
        spooled.finish(errors or [])
        out: list[str] = []
        write_junit(spooled, out.append, lang)
        assert spooled.checked.count == spooled.record_keys.count == 0
    report = builder.build()
    if waivers is not None:
        report = apply_waivers(report, waivers, today, errors or [])
    return render_junit(report, lang), "".join(out)


def test_junit_report_kept_on_disk_is_the_report_in_memory(corpus: Path, rulebook: Rulebook,
                                                           tmp_path: Path) -> None:
    """``--format junit`` keeps a test case for each rule applied to each record, each file's
    seconds and each finding's texts on disk, packed by the worker that checked the dossier
    (:func:`junit_items`): the same XML as the report built in memory (the times too, from
    the same seconds), with input errors, waivers (skipped cases, the waivers file's own
    findings and errors), in both languages, and with nothing checked."""
    import re
    import xml.etree.ElementTree as ET

    from governance_rules.render.junit import junit_items

    paths = [corpus, corpus / "missing"]
    results = list(iter_check_paths(paths, rulebook=rulebook, base=corpus))
    for lang in ("en", "zh"):
        whole, streamed = _junit_both(results, rulebook, lang=lang)
        assert streamed == whole
        root = ET.fromstring(streamed.encode("utf-8"))
        assert int(root.get("tests", 0)) > 100 and int(root.get("errors", 0)) >= 3
        assert int(root.get("failures", 0)) > 0 and float(root.get("time", 0)) > 0
    waivers, errors = _waivers(tmp_path, "m2/t")
    whole, streamed = _junit_both(results, rulebook, waivers, errors)
    assert streamed == whole and "<skipped" in whole and "waiver-" in whole
    nothing, streamed_nothing = _junit_both([], rulebook)
    assert streamed_nothing == nothing and nothing.count("<testsuites") == 1
    rendered = list(iter_check_paths(paths, rulebook=rulebook, base=corpus, jobs=2,
                                     prepare=junit_items))
    assert all(not r.checked and not r.findings and not r.seconds for r in rendered)
    from governance_rules.render.junit import finding_key, junit_finding, write_junit

    with SpooledReport(rulebook, "native", None, entries=False, finding_entry=junit_finding,
                       finding_key=finding_key) as spooled:
        for result in rendered:
            spooled.add(result)
        spooled.finish()
        out: list[str] = []
        write_junit(spooled, out.append)
    untimed = [re.sub(r'time="[0-9.]+"', 'time="t"', xml) for xml in ("".join(out), whole)]
    assert untimed[0] == re.sub(r'time="[0-9.]+"', 'time="t"', _junit_both(results, rulebook)[0])


def test_junit_input_errors_of_a_file_keep_the_report_order(rulebook: Rulebook,
                                                            tmp_path: Path) -> None:
    """A file's input errors (of one kind) are its suite's cases in report order, numbered
    within the file: the 10th does not sort before the 2nd."""
    import xml.etree.ElementTree as ET

    from governance_rules import check_data
    from governance_rules.render.junit import render_junit

    bad = [{"id": f"m{i:02d}", "body": "cc", "date": f"2022-{13 + i}-01"} for i in range(12)]
    report = check_data({"m.yaml": {"meetings": bad}}, rulebook=rulebook)
    kind = "value_error"
    in_file = [e for e in report.input_errors if e.file == "m.yaml" and e.type == kind]
    assert len(in_file) == 12 and len({e.msg for e in in_file}) == 12
    suite = next(s for s in ET.fromstring(render_junit(report).encode("utf-8"))
                 if s.get("name") == "m.yaml")
    shown = [c.find("error").get("message") for c in suite
             if c.find("error") is not None and c.find("error").get("type") == kind]
    assert shown == [e.msg for e in in_file]


def test_gitlab_issues_kept_on_disk_are_the_report_in_memory(corpus: Path, rulebook: Rulebook,
                                                            tmp_path: Path) -> None:
    """``--format gitlab`` keeps each active finding's issue on disk (a waived one is left
    out), its clause's title looked up at the end among every community's documents: the same
    array as the whole report's, fingerprints made unique over all of it, input errors last."""
    from governance_rules._spooled import finding_entries
    from governance_rules.render.gitlab import gitlab_entry

    paths = [corpus, corpus / "missing"]
    results = list(iter_check_paths(paths, rulebook=rulebook, base=corpus, details=False))
    for lang in ("en", "zh"):
        whole, streamed = _text_both(results, rulebook, fmt="gitlab", lang=lang)
        assert streamed == whole
        issues = json.loads(whole)
        assert issues[-1]["check_name"] == "input-error" and issues[0]["check_name"] != \
            "input-error"
        titled = any("《" in i["description"] for i in issues)  # an English title in brackets
        assert titled if lang == "zh" else not titled
    twice = [*results, *results[1:]]  # every finding twice: their fingerprints get -1
    whole, streamed = _text_both(twice, rulebook, fmt="gitlab")
    assert streamed == whole and '-1"' in whole
    waivers, errors = _waivers(tmp_path, "m2/t")
    whole, streamed = _text_both(results, rulebook, waivers, errors, fmt="gitlab")
    assert streamed == whole
    assert _text_both([], rulebook, fmt="gitlab") == ("[]\n", "[]\n")
    rendered = list(iter_check_paths(paths, rulebook=rulebook, base=corpus, jobs=2, details=False,
                                     prepare=partial(finding_entries, entry=gitlab_entry)))
    assert _text_both(rendered, rulebook, fmt="gitlab")[1] == \
        _text_both(results, rulebook, fmt="gitlab")[0]


def test_workbook_kept_on_disk_is_the_workbook_in_memory(corpus: Path, rulebook: Rulebook,
                                                         tmp_path: Path) -> None:
    """``--format xlsx`` keeps each finding's row on disk, rendered by the worker that found
    it, and writes the sheets a row at a time: the same sheets as the whole report's (its
    clause's document title looked up at the end, the summary counted as the rows go by),
    with input errors, in both languages, with waivers, with nothing to report."""
    pytest.importorskip("openpyxl", reason="openpyxl is in the dev and excel extras")
    from governance_rules._spooled import finding_entries
    from governance_rules.render.xlsx import xlsx_entry

    paths = [corpus, corpus / "missing"]
    results = list(iter_check_paths(paths, rulebook=rulebook, base=corpus, details=False))
    for lang in ("en", "zh"):
        whole, streamed = _text_both(results, rulebook, fmt="xlsx", lang=lang)
        assert streamed == whole
        findings, summary, errors = whole
        assert len(findings[2]) > 10 and len(summary[2]) > 3 and len(errors[2]) > 1
    waivers, waiver_errors = _waivers(tmp_path, "m2/t")
    whole, streamed = _text_both(results, rulebook, waivers, waiver_errors, fmt="xlsx")
    assert streamed == whole and any(row[-1][0] for row in whole[0][2][1:])
    assert _text_both([], rulebook, fmt="xlsx")[0] == _text_both([], rulebook, fmt="xlsx")[1]
    rendered = list(iter_check_paths(paths, rulebook=rulebook, base=corpus, jobs=2, details=False,
                                     prepare=partial(finding_entries,
                                                     entry=partial(xlsx_entry, lang="zh"))))
    assert _text_both(rendered, rulebook, fmt="xlsx", lang="zh")[1] == \
        _text_both(results, rulebook, fmt="xlsx", lang="zh")[0]


def test_html_page_kept_on_disk_is_the_page_in_memory(corpus: Path, rulebook: Rulebook,
                                                      tmp_path: Path) -> None:
    """``--format html`` keeps each finding's article on disk, by community id, body and rule,
    and writes the communities in the page's order, by name: the same page as the whole
    report's, when the names' order is not the ids' (一 before 丙, b1 after a1), when one
    community id has two names (its scopes' places differ: the last scope's name heads it),
    with input errors, in both languages, with waivers, with nothing to report."""
    from governance_rules._spooled import worker_step
    from governance_rules.render import kept_on_disk
    from governance_rules.render._kept import FormatOptions

    _small_dossier(tmp_path / "x" / "a", 1, "a1", "丙")
    _small_dossier(tmp_path / "x" / "b", 2, "b1", "一")
    _small_dossier(tmp_path / "x" / "c", 3, "dup", "甲")
    _small_dossier(tmp_path / "x" / "d", 4, "dup", "乙")
    paths = [corpus, tmp_path / "x", corpus / "missing"]
    results = list(iter_check_paths(paths, rulebook=rulebook, base=corpus, details=False))
    for lang in ("en", "zh"):
        whole, streamed = _text_both(results, rulebook, fmt="html", lang=lang)
        assert streamed == whole
    assert whole.index("一（b1）") < whole.index("丙（a1）") and "乙（dup）" in whole
    assert "甲（dup）" not in whole and "path_not_found" in whole
    waivers, errors = _waivers(tmp_path, "m2/t")
    whole, streamed = _text_both(results, rulebook, waivers, errors, fmt="html")
    assert streamed == whole and 'data-waived="1"' in whole
    nothing, streamed_nothing = _text_both([], rulebook, fmt="html")
    assert streamed_nothing == nothing and "No findings." in nothing
    step = worker_step(kept_on_disk("html", FormatOptions(lang="zh")))
    rendered = list(iter_check_paths(paths, rulebook=rulebook, base=corpus, jobs=2, details=False,
                                     prepare=step))
    assert not any(r.findings for r in rendered)
    assert _text_both(rendered, rulebook, fmt="html", lang="zh")[1] == \
        _text_both(results, rulebook, fmt="html", lang="zh")[0]
