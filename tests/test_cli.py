"""The command line, through a subprocess, as CI runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "governance_rules", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300, check=False)


def _no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr + result.stdout


def test_check_examples_text_exit_1() -> None:
    result = run("check", "examples/")
    _no_traceback(result)
    assert result.returncode == 1
    assert "examples/haliang-3/meetings/2022-03.yaml" in result.stdout
    assert "cc-consent-80" in result.stdout and "\x1b[" not in result.stdout


def test_check_zh() -> None:
    result = run("check", "examples/haliang-3", "--lang", "zh")
    assert "须达80%以上" in result.stdout and "错误" in result.stdout
    assert "证据：实际：会议当日在任的委员会成员8人，同意成员6人（75%）" in result.stdout


def test_json_is_byte_identical_and_complete() -> None:
    first = run("check", "examples/", "--format", "json")
    second = run("check", "examples/", "--format", "json")
    assert first.returncode == 1 and first.stdout == second.stdout
    report = json.loads(first.stdout)
    assert {"findings", "summary", "input_errors", "ruleset_version", "jurisdictions"} <= set(report)
    finding = report["findings"][0]
    assert {"rule_id", "catalogue", "severity", "record", "message", "evidence", "source"} <= set(finding)
    assert {"id", "file", "line", "path"} <= set(finding["record"])
    assert {"zh", "en"} == set(finding["message"])
    assert {"measured", "required", "denominator", "denominator_basis"} <= set(finding["evidence"])
    assert report["format_version"] == "2.1"
    assert all({"zh", "en"} == set(f["evidence"]["measured"]) == set(f["evidence"]["required"])
               for f in report["findings"])
    assert {"document", "title", "lines", "quote", "quote_simplified"} == set(finding["source"])
    assert set(finding["source"]["title"]) == {"zh", "en"}


def test_a_finished_command_flushes_its_output_and_skips_the_teardown() -> None:
    """``run()`` ends the process with ``main()``'s code once stdout and stderr are flushed,
    without the interpreter's teardown (no exit handlers, no freeing of every object)."""
    script = (
        "import atexit, sys\n"
        "from governance_rules import cli\n"
        "atexit.register(lambda: sys.stderr.write('teardown'))\n"
        "def main():\n"
        "    sys.stdout.write('x' * 100_000 + 'end')\n"
        "    return 4\n"
        "cli.main = main\n"
        "cli.run()\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 4
    assert done.stdout == "x" * 100_000 + "end"
    assert "teardown" not in done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_a_full_disk_is_a_clear_error_not_an_internal_one(fmt: str) -> None:
    with open("/dev/full", "w") as full:  # every write fails: no space left on device
        done = subprocess.run([sys.executable, "-m", "governance_rules", "check", "examples/",
                               "--format", fmt], cwd=ROOT, stdout=full, stderr=subprocess.PIPE,
                              text=True, timeout=300, check=False)
    assert done.returncode == 2, done.stderr
    assert "cannot write: No space left on device" in done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr


def test_durable_engine_same_json() -> None:
    native = run("check", "examples/", "--format", "json")
    durable = run("check", "examples/", "--format", "json", "--engine", "durable")
    assert durable.returncode == 1
    assert native.stdout.replace('"engine": "native"', "") == \
        durable.stdout.replace('"engine": "durable"', "")


def test_clean_input_exits_0(tmp_path: Path) -> None:
    (tmp_path / "community.yaml").write_text("community: {id: c, name: 社区, jurisdiction: [cn],\n"
        "            adopts: [HLS-356, SQ-SIFANG, RD-TOWNSHIP]}\n")
    result = run("check", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_broken_file_among_good_ones_exit_2(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(ROOT / "examples" / "haliang-3", tmp_path / "hl")
    (tmp_path / "hl" / "meetings" / "2022-13.yaml").write_text("meeting: {id: x, date: 2022-13-01\n")
    result = run("check", str(tmp_path / "hl"), "--format", "json")
    _no_traceback(result)
    assert result.returncode == 2
    report = json.loads(result.stdout)
    assert [e["file"].rsplit("/", 1)[-1] for e in report["input_errors"]] == ["2022-13.yaml"]
    assert report["summary"]["by_rule"]["cc-consent-80"] == 1


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = run("check", "examples/sifang", "--format", "json", "--output", str(out))
    assert result.returncode == 1 and result.stdout == ""
    assert json.loads(out.read_text())["summary"]["total"] > 0


def test_jobs_do_not_change_the_report() -> None:
    """The default (the cores available) and one process write the same bytes; progress goes to
    stderr when asked for, and by default only on a terminal."""
    one = run("check", "examples/", "--format", "json", "--jobs", "1", "--progress")
    default = run("check", "examples/", "--format", "json")
    assert one.returncode == default.returncode == 1
    assert one.stdout == default.stdout
    dossiers = len(list((ROOT / "examples").glob("*/community.yaml")))
    assert f"checked {dossiers}/{dossiers} dossiers [" in one.stderr
    assert one.stderr.endswith("\n")
    assert "dossiers" not in default.stderr


def test_jsonl_streams_findings_then_a_summary(tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text("waivers:\n  - rule: cc-consent-80\n    record: cc-2022-03/*\n"
                       "    reason: re-voted\n    approved_by: 街道办\n    expires: 2099-12-31\n"
                       "  - rule: ra-quorum\n    record: nothing-like-this\n    reason: x\n"
                       "    approved_by: x\n    expires: 2099-12-31\n", encoding="utf-8")
    out = tmp_path / "report.jsonl"
    result = run("check", "examples/", "--format", "jsonl", "--jobs", "2", "--output", str(out),
                 "--waivers", str(waivers))
    whole = run("check", "examples/", "--format", "json", "--jobs", "1", "--waivers", str(waivers))
    _no_traceback(result)
    assert result.returncode == whole.returncode == 1 and result.stdout == ""
    *lines, last = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    report = json.loads(whole.stdout)
    key = lambda f: json.dumps(f, sort_keys=True)  # noqa: E731
    assert sorted(lines, key=key) == sorted(report["findings"], key=key)
    assert [f["rule_id"] for f in lines if f["suppression"]] == ["cc-consent-80"]
    assert lines[-1]["rule_id"] == "waiver-unused"
    assert last["summary"] == report["summary"] and last["exit_status"] == 1
    assert last["input_errors"] == [] and "checked" not in last


def test_an_interrupted_jsonl_run_closes_with_a_summary_that_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C after the first dossier: its findings stay, then a summary line marked
    ``interrupted`` with exit status 130 (the counts of what was done, no finding about a
    waiver a later dossier might have used), and the command exits 130."""
    from governance_rules import _checker, cli

    real = _checker.iter_check_paths

    def stopped_after_one(*args: object, **kwargs: object) -> Iterator[object]:
        results = real(*args, **kwargs)  # type: ignore[arg-type]
        try:
            yield next(r for r in results if r.root is not None)
            raise KeyboardInterrupt
        finally:
            results.close()

    monkeypatch.setattr(_checker, "iter_check_paths", stopped_after_one)
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text("waivers:\n  - rule: ra-quorum\n    record: nothing-like-this\n"
                       "    reason: x\n    approved_by: x\n    expires: 2099-12-31\n",
                       encoding="utf-8")
    out = tmp_path / "report.jsonl"
    code = cli.main(["check", str(ROOT / "examples"), "--format", "jsonl", "--jobs", "1",
                     "--quiet", "--output", str(out), "--waivers", str(waivers)])
    *lines, last = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert code == 130
    assert last["interrupted"] is True and last["exit_status"] == 130
    assert last["summary"]["total"] == len(lines) > 0
    assert 0 < last["summary"]["records_checked"] < 1_736
    assert not any(f["rule_id"] == "waiver-unused" for f in lines)
    assert all("interrupted" not in f for f in lines)


def test_a_finished_jsonl_run_does_not_say_interrupted(tmp_path: Path) -> None:
    out = tmp_path / "report.jsonl"
    run("check", "examples/", "--format", "jsonl", "--output", str(out))
    assert "interrupted" not in json.loads(out.read_text(encoding="utf-8").splitlines()[-1])


@pytest.mark.parametrize("args", [
    ("check", "examples/", "--jobs", "0"), ("check", "examples/", "--jobs", "two"),
    ("check", "examples/", "--progress", "--quiet"),
    ("check",), ("check", "examples/", "--format", "xml"), ("check", "examples/", "--as-of", "2022-02-30"),
    ("check", "examples/", "--engine", "drools"), ("rules", "show", "no-such-rule"), ("rules", "show"),
    ("frobnicate",), ("--rules", "/no/such/dir", "rules"),
])
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    _no_traceback(result)
    assert result.returncode == 2, result.stderr


def test_missing_path_is_an_input_error() -> None:
    result = run("check", "no/such/folder")
    assert result.returncode == 2 and "path_not_found" in result.stdout


def test_as_of_drops_later_records() -> None:
    result = run("check", "examples/haliang-3", "--as-of", "2022-02-28", "--format", "json")
    rules = json.loads(result.stdout)["summary"]["by_rule"]
    assert "cc-consent-80" not in rules


def test_rules_list_and_show() -> None:
    listing = run("rules")
    assert listing.returncode == 0
    assert "cc-consent-80" in listing.stdout and "HLS-356:26" in listing.stdout
    shown = run("rules", "show", "fin-tiers")
    assert shown.returncode == 0
    assert "fin.tier1_limit" in shown.stdout and "100.00" in shown.stdout
    assert "SQ-SIFANG:385" in shown.stdout


@pytest.mark.parametrize("which", ["records", "report"])
def test_schema(which: str) -> None:
    result = run("schema", which)
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["type"] == "object"


def test_report_validates_against_its_schema(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(run("schema", "report").stdout)
    report = json.loads(run("check", "examples/", "--format", "json").stdout)
    jsonschema.validate(report, schema)
    (tmp_path / "community.yaml").write_text("community: {id: c, name: x, jurisdiction: [cn]}\n")
    (tmp_path / "m.yaml").write_text("meeting:\n  id: m\n  body: b\n  date: 2022-02-30\n")
    broken = json.loads(run("check", str(tmp_path), "--format", "json").stdout)
    assert broken["input_errors"]
    jsonschema.validate(broken, schema)
    assert "message" in schema["$defs"]["InputError"]["required"]
    dated = next(e for e in broken["input_errors"] if e["loc"] == ["meeting", "date"])
    assert dated["message"] == {"zh": "「2022-02-30」不是真实存在的日期", "en": dated["msg"]}


def test_example_records_validate_against_the_record_schema() -> None:
    import yaml

    schema = json.loads(run("schema", "records").stdout)
    for path in sorted((ROOT / "examples").rglob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        assert set(data) <= set(schema["properties"]), path


def test_rules_show_works_for_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    from governance_rules.cli import main

    assert main(["rules"]) == 0
    ids = [line.split()[0] for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert len(ids) > 80
    for rule_id in ids:
        assert main(["rules", "show", rule_id]) == 0, rule_id
        assert "violated when" in capsys.readouterr().out
    main(["rules", "show", "zz-dispute-report-deadline"])
    overlays = capsys.readouterr().out
    assert "violated when (cn/anhui/chuzhou/dingyuan)" in overlays
    assert "violated when (cn/jilin/baicheng/taonan)" in overlays


def test_progress_on_a_terminal_only_unless_quiet() -> None:
    """On a terminal stderr gets the bar (dossiers, records/s); ``--quiet`` keeps it silent."""
    import os
    import pty

    def stderr_on_a_terminal(*args: str) -> str:
        controller, terminal = pty.openpty()
        try:
            proc = subprocess.run([sys.executable, "-m", "governance_rules", "check",
                                   "examples/", "--format", "jsonl", *args], cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=terminal, timeout=300,
                                  check=False)
            os.close(terminal)
            terminal = -1
            chunks = []
            while True:
                try:
                    chunk = os.read(controller, 65536)
                except OSError:  # the terminal's other end is closed: all is read
                    break
                if not chunk:
                    break
                chunks.append(chunk)
        finally:
            os.close(controller)
            if terminal >= 0:
                os.close(terminal)
        assert proc.returncode == 1
        return b"".join(chunks).decode("utf-8")

    dossiers = len(list((ROOT / "examples").glob("*/community.yaml")))
    shown = stderr_on_a_terminal("--jobs", "1")
    assert f"checked {dossiers}/{dossiers} dossiers [" in shown and " records/s" in shown
    assert stderr_on_a_terminal("--quiet") == ""


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif", "gitlab"])
def test_a_report_written_inside_the_checked_folder_is_not_read_as_records(
        tmp_path: Path, fmt: str) -> None:
    """``check . --output report.json`` run in CI again and again: the report written inside
    the folder checked is not read as records, by the run writing it (JSON Lines opened it,
    empty, before reading the folder) or by the next (a report of unknown keys, exit 2)."""
    import shutil

    shutil.copytree(ROOT / "examples" / "village", tmp_path / "c")
    first = run("check", ".", "--format", fmt, "--output", f"report.{fmt}.json", cwd=tmp_path)
    again = run("check", ".", "--format", fmt, "--output", f"report.{fmt}.json", cwd=tmp_path)
    other = run("check", ".", "--format", "json", cwd=tmp_path)
    assert first.returncode == again.returncode == other.returncode == 1, again.stderr
    assert json.loads(other.stdout)["input_errors"] == []


def test_output_onto_a_record_file_being_checked_is_refused(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(ROOT / "examples" / "village", tmp_path / "c")
    records = (tmp_path / "c" / "bodies.yaml").read_bytes()
    for fmt in ("json", "jsonl"):
        result = run("check", "c", "--format", fmt, "--output", "c/bodies.yaml", cwd=tmp_path)
        _no_traceback(result)
        assert result.returncode == 2 and "would replace it" in result.stderr
    assert (tmp_path / "c" / "bodies.yaml").read_bytes() == records


def test_output_onto_records_that_begin_like_a_report_is_refused(tmp_path: Path) -> None:
    """A record file that only begins as a report does is records: not written over."""
    import shutil

    shutil.copytree(ROOT / "examples" / "village", tmp_path / "c")
    lookalike = tmp_path / "c" / "more.json"
    lookalike.write_text('{"format_version": "2.1", "meetings": []}', encoding="utf-8")
    result = run("check", "c", "--format", "json", "--output", "c/more.json", cwd=tmp_path)
    _no_traceback(result)
    assert result.returncode == 2 and "would replace it" in result.stderr
    assert lookalike.read_text(encoding="utf-8") == '{"format_version": "2.1", "meetings": []}'


def test_one_path_given_alone_is_one_path() -> None:
    """``check_paths("records")``: one folder, not one path per character of its name."""
    from governance_rules import check_paths, iter_check_paths

    folder = ROOT / "examples" / "village"
    alone, listed = check_paths(str(folder)), check_paths([folder])
    assert alone.input_errors == [] and alone.to_json() == listed.to_json()
    assert [r.root for r in iter_check_paths(folder)] == [r.root for r in iter_check_paths([folder])]
