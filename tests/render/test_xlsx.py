"""The Excel workbook, opened with openpyxl as an office's spreadsheet program would read it."""

from __future__ import annotations

import io
import re
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from _helpers import ROOT

from governance_rules import Report, Rulebook, check_paths
from governance_rules.cli import main
from governance_rules.report.model import BodyRef, Text

openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is in the dev and excel extras")

from governance_rules.render.xlsx import render_xlsx  # noqa: E402


def workbook(report: Report, lang: str = "en") -> Any:
    return openpyxl.load_workbook(io.BytesIO(render_xlsx(report, lang)))


def rows(sheet: Any) -> list[dict[str, Any]]:
    values = list(sheet.iter_rows(values_only=True))
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


def test_three_sheets_with_filters_and_a_frozen_header(examples_report: Report) -> None:
    book = workbook(examples_report)
    assert book.sheetnames == ["Findings", "Summary", "Input errors"]
    for sheet in book:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref.startswith("A1:") and sheet["A1"].font.b
    findings = book["Findings"]
    assert findings.auto_filter.ref == f"A1:P{len(examples_report.findings) + 1}"


def test_a_row_per_finding_with_its_clause(examples_report: Report) -> None:
    table = rows(workbook(examples_report)["Findings"])
    assert len(table) == len(examples_report.findings)
    for row, finding in zip(table, examples_report.findings, strict=True):
        assert (row["Rule"], row["File"], row["Line"]) == (finding.rule_id, finding.record.file,
                                                          finding.record.line)
        assert row["Record"] == finding.record.id and row["Message"] == finding.message.en
        named = {s.community: s.name for s in examples_report.scopes}
        assert row["Community"] == f"{named[finding.community]} ({finding.community})"
        assert row["Severity"] == finding.severity.value
        assert row["Date"] == (datetime.fromisoformat(finding.date) if finding.date else None)
        assert finding.evidence.measured.en in row["Evidence"]
        if finding.source is not None:
            assert row["Quote"] == finding.source.quote
            assert row["Document"].startswith(finding.source.document + ": ")
        if finding.body is not None:
            assert row["Body"] == f"{finding.body.name} ({finding.body.id})"
    consent = next(r for r in table if r["Rule"] == "cc-consent-80")
    assert consent["Document"] == ("HLS-356: The \"356\" consultation method of Haliang No. 3 "
                                   "community (Xiangfang district, Harbin)")
    assert consent["Clause"] == "line 26"


def test_summary_per_community_and_rule(waived_report: Report) -> None:
    table = rows(workbook(waived_report)["Summary"])
    assert sum(r["Findings"] + r["Waived"] for r in table) == len(waived_report.findings)
    assert sum(r["Waived"] for r in table) == waived_report.summary.suppressed == 1
    keys = [(r["Community"], r["Rule"]) for r in table]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    consent = next(r for r in table if r["Rule"] == "cc-consent-80")
    assert consent["Community"] == "哈量三社区 (haliang-3)" and consent["Waived"] == 1
    assert consent["Rule title"].startswith("A consultation topic")
    waived = next(r for r in rows(workbook(waived_report)["Findings"]) if r["Waived"])
    assert "re-voted at the next meeting" in waived["Waived"]


def test_chinese_headings_and_words(examples_report: Report) -> None:
    book = workbook(examples_report, "zh")
    assert book.sheetnames == ["问题清单", "汇总", "输入错误"]
    table = rows(book["问题清单"])
    consent = next(r for r in table if r["规则"] == "cc-consent-80")
    assert consent["严重程度"] == "错误" and consent["条款位置"] == "第 26 行"
    assert consent["依据文件"].startswith("HLS-356《黑龙江省哈尔滨市")
    assert consent["问题"] == next(f for f in examples_report.findings
                                 if f.rule_id == "cc-consent-80").message.zh
    assert consent["记录类型"] == "议题"
    assert all(re.fullmatch(r"[\u4e00-\u9fff、，]+", r["记录类型"]) for r in table), \
        {r["记录类型"] for r in table}


def test_input_errors_sheet(tmp_path: Path, rulebook: Rulebook) -> None:
    (tmp_path / "community.yaml").write_text("community: {id: c, name: x, jurisdiction: [cn]}\n")
    (tmp_path / "m.yaml").write_text("meeting:\n  id: m\n  body: nobody\n  date: 2022-02-30\n")
    table = rows(workbook(check_paths([tmp_path], rulebook=rulebook, base=tmp_path))["Input errors"])
    (row,) = [r for r in table if r["Field"] == "meeting.date"]
    assert (row["File"], row["Line"], row["Column"]) == ("m.yaml", 4, 3)


def test_record_text_is_never_a_formula(examples_report: Report) -> None:
    first = examples_report.findings[0]
    formula = '=HYPERLINK("http://x","y")'
    hostile = first.model_copy(update={
        "body": BodyRef(id="cc", name="=1+1\x01"),
        "message": Text(zh=formula, en=formula)})
    report = examples_report.model_copy(update={"findings": [hostile]})
    (row,) = list(workbook(report)["Findings"].iter_rows(min_row=2))
    cells = {cell.value: cell for cell in row}
    assert cells[formula].data_type == "s" and "=1+1\ufffd (cc)" in cells
    assert all(cell.data_type != "f" for cell in row)


def test_cli_writes_the_workbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "report.xlsx"
    assert main(["check", "examples/", "--format", "xlsx", "--lang", "zh", "--quiet",
                 "--output", str(out)]) == 1
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "问题清单"
    communities = {r["社区"] for r in rows(book["问题清单"])}
    assert {"哈量三社区（haliang-3）", "张桥镇（zhangqiao-town）"} <= communities, communities


def test_cli_refuses_a_terminal(capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["check", "examples/", "--format", "xlsx"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "--output FILE" in captured.err


def test_rows_are_written_without_scanning_the_sheet(examples_report: Report,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A row's cells are reached by their place: ``max_row`` (and ``sheet[n]``, which asks for
    ``max_column``) walk every cell written so far, so asking them for each row made a sheet
    of n findings cost n² (100k written records: 127 s, now 19 s)."""
    from openpyxl.worksheet.worksheet import Worksheet

    asked = {"max_row": 0, "max_column": 0}
    for name in asked:
        original = getattr(Worksheet, name)

        def counted(self: Any, _name: str = name, _original: Any = original) -> int:
            asked[_name] += 1
            return int(_original.fget(self))

        monkeypatch.setattr(Worksheet, name, property(counted))
    sheets = workbook(examples_report)
    assert len(rows(sheets.worksheets[0])) == len(examples_report.findings) > 50
    assert asked["max_row"] + asked["max_column"] < 12, asked


def test_the_same_report_gives_the_same_bytes_at_any_time(examples_report: Report,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    """A CI job may compare or cache the workbook: neither the document's times nor the
    archive's say when it was written."""
    import datetime as real_datetime
    import time as real_time
    import types
    import zipfile

    import openpyxl.writer.excel as excel

    first = render_xlsx(examples_report, "en")

    class Later(real_datetime.datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Any:
            return real_datetime.datetime(2031, 5, 6, 7, 8, 9, tzinfo=tz)

    later = real_time.time() + 86_400 * 400
    monkeypatch.setattr(excel, "datetime", types.SimpleNamespace(
        datetime=Later, timezone=real_datetime.timezone))
    monkeypatch.setattr(zipfile, "time", types.SimpleNamespace(
        time=lambda: later, localtime=real_time.localtime))
    assert render_xlsx(examples_report, "en") == first
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert {info.date_time for info in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    assert b"<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z" in archive.read(
        "docProps/core.xml")
