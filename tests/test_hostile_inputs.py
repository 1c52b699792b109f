"""The reproducers of the hardening issue (#11), each held as a regression test.

Every hostile file, overlay, waiver or flag ends in a clear outcome: an input error naming the
file and line (exit 2), or a correct reading; never an internal error (exit 3), a hang or
unbounded memory; and the other files of the run are still checked and reported.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from _helpers import ROOT, body, check, community

from governance_rules import check_data, check_paths
from governance_rules.cli import main
from governance_rules.errors import RulebookError
from governance_rules.rulebook import load_rulebook

MEETING = """\
meeting:
  id: m1
  body: b
  date: 2022-03-15
  present: [b-p0, b-p1, b-p2]
  motions:
    - id: x
      title: 议题
      outcome: adopted
      votes: {yes: 2, no: 1}
"""
"""A good meeting that breaks cc-consent-80: the finding that must survive every bad file."""


HANG_SECONDS = 60
"""A guard against hangs, not a speed test (speed is measured by `make bench`): generous, so that
a loaded CI machine never fails it."""

def _dossier(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "community.yaml").write_text(yaml.safe_dump(community()), encoding="utf-8")
    (root / "body.yaml").write_text(
        yaml.safe_dump(body("b", "consultation_committee", 3), allow_unicode=True), encoding="utf-8")
    (root / "meeting.yaml").write_text(MEETING, encoding="utf-8")
    return root


def _bad_file(tmp_path: Path, text: str | bytes, name: str = "bad.yaml") -> list[Any]:
    """Check a good dossier plus one bad file; the good finding must still be there."""
    root = _dossier(tmp_path / "d")
    path = root / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    started = time.perf_counter()
    report = check_paths([root], base=root)
    assert time.perf_counter() - started < HANG_SECONDS
    assert "cc-consent-80" in [f.rule_id for f in report.findings], report.input_errors
    errors = [e for e in report.input_errors if e.file == name]
    assert errors, report.input_errors
    for error in errors:
        assert error.line is not None, error.render()
    return errors


def _cli(*args: str | Path, capsys: pytest.CaptureFixture[str] | None = None) -> int:
    code = main([str(a) for a in args])
    assert code in (0, 1, 2)
    return code


# 1. Core YAML tags on odd scalars ------------------------------------------------------------

@pytest.mark.parametrize("value", ["!!bool maybe", "!!timestamp x", '!!int ""', "!!float abc",
                                   "!!null x", "!!int 0x"])
def test_core_tags_on_odd_scalars(tmp_path: Path, value: str) -> None:
    [error] = _bad_file(tmp_path, f"meeting:\n  id: {value}\n")
    assert (error.type, error.line, error.field) == ("bad_scalar", 2, "meeting.id"), error.render()


def test_core_tags_in_waivers_and_rule_files(tmp_path: Path) -> None:
    waivers = tmp_path / "w.yaml"
    waivers.write_text("waivers:\n  - rule: !!bool maybe\n", encoding="utf-8")
    assert _cli("check", _dossier(tmp_path / "d"), "--waivers", waivers) == 2
    overlay = tmp_path / "o"
    (overlay / "parameters").mkdir(parents=True)
    (overlay / "parameters" / "p.yaml").write_text(
        "parameters:\n  cc.consent_share:\n    overlays:\n      cn/x: [{value: !!int ''}]\n")
    with pytest.raises(RulebookError) as caught:
        load_rulebook(overlay)
    assert caught.value.line == 4


# 2. Dates at the ends of the calendar ---------------------------------------------------------

@pytest.mark.parametrize(("old", "new"), [("2022-03-15", "9999-12-15"), ("2022-03-15", "0001-01-01"),
                                          ("2022-03-15", "1899-12-31")])
def test_record_dates_outside_the_calendar_range(tmp_path: Path, old: str, new: str) -> None:
    [error] = _bad_file(tmp_path, MEETING.replace(old, new).replace("id: m1", "id: m2"))
    assert error.field == "meeting.date" and "1900–2200" in error.msg, error.render()


@pytest.mark.parametrize("period", ["'0000'", "9999-Q4", "'9999-12'"])
def test_periods_outside_the_calendar_range(tmp_path: Path, period: str) -> None:
    text = (f"report: {{id: r, body: b, kind: plan, period: {period}, submitted_on: 2022-01-01}}\n")
    [error] = _bad_file(tmp_path, text)
    assert error.field == "report.period", error.render()


def test_term_ending_at_the_end_of_the_calendar(tmp_path: Path) -> None:
    data = body("c2", "residents_committee", 2, end="9999-12-31")
    data["body"]["seats"][0]["left_region_on"] = "2022-05-01"
    errors = _bad_file(tmp_path, yaml.safe_dump(data, allow_unicode=True))
    assert {e.type for e in errors} == {"value_error"}


@pytest.mark.parametrize("flag", ["--to", "--from", "--as-of", "--today"])
def test_date_flags_outside_the_calendar_range(tmp_path: Path, flag: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli("check", _dossier(tmp_path / "d"), flag, "9999-12-31") == 2
    assert "1900–2200" in capsys.readouterr().err


# 3. and 4. Numbers ------------------------------------------------------------------------------

EXPENSE = ("expense: {{id: e, body: b, amount: {amount}, paid_on: 2022-01-05, payee: p, "
           "purpose: q, voucher: invoice, accountant: a, cashier: c}}\n")


@pytest.mark.parametrize(("amount", "kind"), [
    ("1.0e+999999", "bad_number"), ("1.0e+300000000", "bad_number"), ("1" * 5000, "bad_number"),
    ("'1" + "0" * 19 + "'", "value_error"), ("12345678901234567890", "value_error"),
    ("'1e999999'", "value_error"), ("1.0e-999999", "bad_number"),
])
def test_amounts_are_bounded(tmp_path: Path, amount: str, kind: str) -> None:
    [error] = _bad_file(tmp_path, EXPENSE.format(amount=amount))
    assert error.type == kind and error.field == "expense.amount", error.render()


def test_a_large_valid_amount_with_the_durable_engine(tmp_path: Path) -> None:
    pytest.importorskip("durable")
    root = _dossier(tmp_path / "d")
    (root / "bodies.yaml").write_text(yaml.safe_dump(body("rc", "residents_committee", 2)))
    (root / "e.yaml").write_text(EXPENSE.format(amount="999999999.99").replace("body: b", "body: rc"))
    report = check_paths([root], base=root, engine="durable")
    assert not report.input_errors
    assert _cli("check", root, "--engine", "durable") in (0, 1)


@pytest.mark.parametrize(("votes", "kind"), [
    ("0x" + "F" * 5000, "bad_number"), ("1" * 5000, "bad_number"), ("0b" + "1" * 100, "bad_number"),
    ("1" + ":30" * 100_000, "int_type"),  # base 60 is YAML 1.1's only: text, no number
])
def test_integers_are_bounded(tmp_path: Path, votes: str, kind: str) -> None:
    [error] = _bad_file(tmp_path, MEETING.replace("yes: 2", f"yes: {votes}").replace("m1", "m2"))
    assert error.type == kind and error.line == 10, error.render()
    assert len(error.render()) < 1000


def _meeting_data(meeting_id: str = "m1") -> dict[str, Any]:
    return {"meeting": {"id": meeting_id, "body": "b", "date": "2022-03-15",
                        "present": ["b-p0", "b-p1", "b-p2"],
                        "motions": [{"id": "x", "title": "议题", "outcome": "adopted",
                                     "votes": {"yes": 2, "no": 1}}]}}


def test_huge_integers_from_an_app() -> None:
    meeting = _meeting_data()
    meeting["meeting"]["motions"][0]["votes"]["yes"] = 10 ** 5000
    report = check({"c": community(), "b": body("b", "consultation_committee", 3), "m": meeting})
    [error] = report.input_errors
    assert error.field == "meeting.motions[0].votes.yes" and "5001 digits" in (error.input or "")


def test_file_names_that_are_not_text() -> None:
    report = check_data({1: community(), ("x",): {"meeting": {}}, "b": {2: 3}})  # type: ignore[dict-item]
    assert {e.file for e in report.input_errors} >= {"('x',)", "b"}


# 5. Deep nesting -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "a:\n" + "- " * 50_000 + "x\n",
    "a: " + "[" * 50_000 + "]" * 50_000 + "\n",
    "a: " + "{b: " * 50_000 + "1" + "}" * 50_000 + "\n",
    "".join("  " * i + f"k{i}:\n" for i in range(70)) + "  " * 70 + "x: 1\n",
])
def test_deep_nesting_is_refused_while_parsing(tmp_path: Path, text: str) -> None:
    [error] = _bad_file(tmp_path, text)
    assert error.type == "too_deep", error.render()


def test_deep_json_is_refused_while_parsing(tmp_path: Path) -> None:
    [error] = _bad_file(tmp_path, "[" * 50_000 + "]" * 50_000, "bad.json")
    assert error.type == "too_deep", error.render()


# 6., 7., 8. Files that are not plain files ------------------------------------------------------

def test_a_symlink_loop(tmp_path: Path) -> None:
    root = _dossier(tmp_path / "d")
    os.symlink("b.yaml", root / "a.yaml")
    os.symlink("a.yaml", root / "b.yaml")
    report = check_paths([root], base=root)
    assert "cc-consent-80" in [f.rule_id for f in report.findings]
    assert sorted((e.file, e.type) for e in report.input_errors) == [
        ("a.yaml", "unreadable"), ("b.yaml", "unreadable")]


def _run(*args: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "governance_rules", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifos_never_block(tmp_path: Path) -> None:
    root = _dossier(tmp_path / "d")
    os.mkfifo(root / "pipe.yaml")
    result = _run("check", root, "--format", "json")
    assert result.returncode == 2, result.stderr
    report = json.loads(result.stdout)
    assert [e["type"] for e in report["input_errors"]] == ["not_a_file"]
    assert "cc-consent-80" in [f["rule_id"] for f in report["findings"]]
    os.mkfifo(tmp_path / "w.yaml")
    result = _run("check", root, "--waivers", tmp_path / "w.yaml")
    assert result.returncode == 2 and "not a regular file" in result.stdout, result.stderr
    overlay = tmp_path / "o"
    (overlay / "parameters").mkdir(parents=True)
    os.mkfifo(overlay / "parameters" / "p.yaml")
    result = _run("--rules", overlay, "rules")
    assert result.returncode == 2 and "not a regular file" in result.stderr, result.stderr


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs Unix sockets")
def test_a_socket_in_a_dossier_is_not_a_file(tmp_path: Path) -> None:
    """A socket cannot be opened (ENXIO): it is reported as what it is, not as unreadable."""
    root = _dossier(tmp_path / "d")
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(root / "sock.yaml"))
        report = check_paths([root], base=root)
    [error] = report.input_errors
    assert (error.file, error.type) == ("sock.yaml", "not_a_file")
    assert "a socket" in error.msg and "套接字" in error.message["zh"], error
    assert "cc-consent-80" in [f.rule_id for f in report.findings]


def test_a_link_to_a_device_is_not_read(tmp_path: Path) -> None:
    root = _dossier(tmp_path / "d")
    os.symlink("/dev/zero", root / "zero.yaml")
    report = check_paths([root], base=root)
    assert [(e.file, e.type) for e in report.input_errors] == [("zero.yaml", "symlink_outside")]
    [error] = check_paths([root / "zero.yaml"], base=root).input_errors
    assert error.type == "not_a_file"


def test_a_huge_sparse_file_is_not_read(tmp_path: Path) -> None:
    root = _dossier(tmp_path / "d")
    with open(root / "sparse.yaml", "wb") as handle:
        handle.truncate(2 * 1024 ** 3)
    [error] = _bad_file(tmp_path, b"", "other.yaml")  # keeps the dossier; sparse.yaml is in it
    assert error.type == "empty_file"
    report = check_paths([root], base=root)
    assert ("sparse.yaml", "file_too_large") in [(e.file, e.type) for e in report.input_errors]


def test_a_file_is_read_whole_in_as_few_reads_as_its_size_allows(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch
                                                                 ) -> None:
    """A file is one read of its size and a byte more (a short read at the size ``fstat`` gave
    is its end), whatever its size; one that grows while it is read is read to its end; one
    over the limit is still refused."""
    from governance_rules.records import _parse

    reads: list[int] = []
    real_read = os.read

    def counted(fd: int, size: int) -> bytes:
        reads.append(size)
        return real_read(fd, size)

    monkeypatch.setattr(_parse.os, "read", counted)
    small = tmp_path / "small.yaml"
    small.write_bytes(b"community: {}\n")
    assert _parse.read_file(small, "small.yaml") == b"community: {}\n"
    assert len(reads) == 1
    assert reads == [len(b"community: {}\n") + 1]
    big = tmp_path / "big.yaml"
    body = b"# " + b"x" * (3 << 20) + b"\n"
    big.write_bytes(body)
    reads.clear()
    assert _parse.read_file(big, "big.yaml") == body
    assert reads == [len(body) + 1]

    def growing(fd: int, size: int) -> bytes:
        reads.append(size)
        chunk = real_read(fd, size)
        if len(reads) == 1:  # the file grew after fstat: its first read is all it asked
            with open(small, "ab") as handle:
                handle.write(b"# more\n")
            return chunk + real_read(fd, 1)
        return chunk

    monkeypatch.setattr(_parse.os, "read", growing)
    reads.clear()
    assert _parse.read_file(small, "small.yaml") == b"community: {}\n# more\n"
    with pytest.raises(_parse.ParseFailure) as failure:
        _parse.read_file(big, "big.yaml", limit=1 << 20)
    assert failure.value.error.type == "file_too_large"


# 9. Limits while parsing ---------------------------------------------------------------------

def test_a_huge_flow_list_stops_at_the_node_limit(tmp_path: Path) -> None:
    [error] = _bad_file(tmp_path, "a: [" + ",".join(["1"] * 600_000) + "]\n")
    assert error.type == "too_many_nodes", error.render()


def test_a_huge_json_list_stops_at_the_node_limit(tmp_path: Path) -> None:
    [error] = _bad_file(tmp_path, "[" + ",".join(["1"] * 600_000) + "]", "bad.json")
    assert error.type == "too_many_nodes", error.render()


# 11. One dossier, one check -------------------------------------------------------------------

def test_one_dossier_reached_by_several_spellings(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    root = _dossier(tmp_path / "d")
    (root / "meetings").mkdir()
    (root / "meeting.yaml").rename(root / "meetings" / "x.yaml")
    os.symlink(root, tmp_path / "link")
    monkeypatch.chdir(tmp_path)
    once = check_paths(["d"])
    assert [f.rule_id for f in once.findings].count("cc-consent-80") == 1
    for paths in (["d", str(root)], ["d", "d/meetings/../meetings/x.yaml"], ["d", "link"]):
        report = check_paths(paths)
        assert report.findings == once.findings, paths
        assert report.summary.records_checked == once.summary.records_checked, paths
    one_file = check_paths(["d/meetings"])
    assert one_file.findings == check_paths(["link/meetings/x.yaml", "d/meetings"]).findings


def test_links_leaving_the_checked_folder_are_not_followed(tmp_path: Path) -> None:
    root = _dossier(tmp_path / "d")
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(MEETING.replace("m1", "m9"), encoding="utf-8")
    os.symlink(outside, root / "link.yaml")
    report = check_paths([root], base=root)
    [error] = report.input_errors
    assert (error.type, error.file) == ("symlink_outside", "link.yaml"), error.render()
    assert [f.record.id for f in report.findings if f.rule_id == "cc-consent-80"] == ["m1/x"]


# 12. JSON read by a JSON parser ---------------------------------------------------------------

def test_json_with_surrogate_pair_escapes(tmp_path: Path) -> None:
    root = _dossier(tmp_path / "d")
    data = _meeting_data("m2")
    data["meeting"]["motions"][0]["title"] = "𠮷野家"
    (root / "m2.json").write_text(json.dumps(data), encoding="utf-8")
    report = check_paths([root], base=root)
    assert not report.input_errors
    [finding] = [f for f in report.findings if f.record.id == "m2/x"]
    assert finding.record.file == "m2.json"


def test_json_errors_keep_lines(tmp_path: Path) -> None:
    errors = _bad_file(tmp_path, '{"meeting": {"id": "m2",\n "body": "b",\n "date": "2022-02-30"}}',
                       "bad.json")
    [error] = [e for e in errors if e.field == "meeting.date"]
    assert error.line == 3, error.render()
    [error] = _bad_file(tmp_path, '{"a": 1,\n "a": 2}', "bad.json")
    assert (error.type, error.line) == ("duplicate_key", 2)
    [error] = _bad_file(tmp_path, '{"a": NaN}', "bad.json")
    assert error.type == "json_syntax"


# 13. and 15. Output --------------------------------------------------------------------------

@pytest.mark.parametrize("target", ["missing/out.txt", ".", "/dev/full"])
def test_output_write_errors(tmp_path: Path, target: str, capsys: pytest.CaptureFixture[str]) -> None:
    if target == "/dev/full" and not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    output = target if target.startswith("/") else str(tmp_path / target)
    assert _cli("check", _dossier(tmp_path / "d"), "--output", output) == 2
    err = capsys.readouterr().err
    assert f"cannot write the report to {output}" in err and "internal error" not in err


@pytest.mark.parametrize("args", [("rules",), ("check", "examples/"), ("schema",)])
def test_a_closed_pipe_is_a_quiet_exit(args: tuple[str, ...]) -> None:
    command = [sys.executable, "-m", "governance_rules", *args]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read().decode()
        code = proc.wait(timeout=60)
    assert code in (0, 1), err
    assert "internal error" not in err and "Traceback" not in err


# 14. Overlays -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "line"), [
    ("parameters:\n  cc.consent_share:\n    overlays: [1]\n", 2),
    ("parameters:\n  cc.consent_share:\n    overlays: cn\n", 2),
    ("parameters:\n  cc.consent_share:\n    overlays:\n      cn/x:\n        - value: '1/0'\n", 5),
    ("parameters:\n  cc.consent_share:\n    overlays:\n      cn/x:\n        - value: '1e-999999999'\n", 5),
    ("parameters:\n  fin.tier1_limit:\n    overlays:\n      cn/x:\n        - value: '1e999999'\n", 5),
    ("parameters:\n  fin.tier1_limit:\n    overlays:\n      cn/x:\n        - value: 1.0e+300000\n", 5),
    ("parameters:\n  cc.consent_share:\n    overlays:\n      cn/x:\n"
     "        - {value: '1/2', from: 9999-12-31}\n", 5),
    ("parameters:\n  cc.consent_share:\n    overlays:\n      cn/x: 5\n", 2),
])
def test_malformed_overlays(tmp_path: Path, text: str, line: int) -> None:
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "p.yaml").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(RulebookError) as caught:
        load_rulebook(tmp_path)
    assert time.perf_counter() - started < HANG_SECONDS
    assert caught.value.line == line, caught.value
    assert _cli("--rules", tmp_path, "rules") == 2


def test_malformed_ruleset_header(tmp_path: Path) -> None:
    (tmp_path / "ruleset.yaml").write_text("documents: 5\n", encoding="utf-8")
    with pytest.raises(RulebookError):
        load_rulebook(tmp_path)


# 10. The checked window is bounded --------------------------------------------------------------

def test_a_records_cover_of_centuries(tmp_path: Path) -> None:
    data = community()
    data["community"]["records_cover"] = {"from": "1900-01-01", "to": "2200-12-31"}
    root = _dossier(tmp_path / "d")
    (root / "community.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    started = time.perf_counter()
    report = check_paths([root], base=root)
    assert time.perf_counter() - started < HANG_SECONDS
    [error] = report.input_errors
    written = (root / "community.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(written, 1) if text.strip() == "records_cover:")
    assert (error.type, error.field, error.line) == ("window_too_long", "community.records_cover",
                                                     line)


def test_one_mistyped_year(tmp_path: Path) -> None:
    [error] = _bad_file(tmp_path, MEETING.replace("2022-03-15", "2122-03-15").replace("m1", "m2"))
    assert (error.type, error.field, error.line) == ("window_too_long", "meeting.date", 4)


# Output: record text stays inert in every format -------------------------------------------------

HOSTILE = "成员\n::warning file=x::pwned\x1b[2J\r\n  ::error::again\u2028\x9b31m"


@pytest.mark.parametrize("fmt", ["text", "github", "junit", "sarif", "html", "json"])
def test_record_text_cannot_start_a_workflow_command(tmp_path: Path, fmt: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    root = _dossier(tmp_path / "d")
    data = body("b", "consultation_committee", 3)
    data["body"]["name"] = HOSTILE
    data["body"]["seats"][0]["name"] = HOSTILE
    (root / "body.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (root / "m2.yaml").write_text(MEETING.replace("m1", "m2").replace("议题", HOSTILE.replace(
        "\n", "\\n").replace("\r", "\\r")).replace("title: ", "title: \"").replace(
        "\n      outcome", "\"\n      outcome").replace("\x1b", "\\e").replace("\x9b", "\\x9b")
        .replace("\u2028", "\\L"), encoding="utf-8")
    assert _cli("check", root, "--format", fmt) == 1
    out = capsys.readouterr().out
    assert "cc-consent-80" in out
    for line in out.splitlines():
        assert not line.lstrip().startswith(("::warning file=x", "::error::again")), line
    assert "\x1b" not in out and "\x9b" not in out and "\u2028" not in out


def _overlay_requirement(when: str, en: str) -> str:
    """An overlay file with one requirement rule on assessments: one clause, ``when`` and its
    English text ``en``."""
    return f"""rules:
  - id: my-rule
    catalogue: [ZZ-PEACEFUL-VILLAGE]
    kind: requirement
    applies_to: assessment
    severity: error
    title: {{zh: 标题, en: title}}
    message: {{zh: "{{reasons}}", en: "{{reasons}}"}}
    params:
      clauses:
        - when: [{when}]
          zh: 满意率
          en: "{en}"
    source:
      - {{document: ZZB-DINGYUAN, lines: [65], quote: 群眾對治安滿意和基本滿意率達95%以上}}
"""


def test_a_malformed_clause_value_in_an_overlay_rule_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "extra.yaml").write_text(_overlay_requirement(
        '[satisfaction_bp, "<", {value: 1, times: [2]}]', "satisfaction"), encoding="utf-8")
    with pytest.raises(RulebookError, match="my-rule"):
        load_rulebook(tmp_path)


def test_a_count_without_both_forms_in_an_overlay_clause_is_refused_on_loading(
        tmp_path: Path) -> None:
    """``{satisfaction_bp|point}`` in a clause's text: refused when the rule set loads, naming
    the rule, not an internal error at the first finding."""
    (tmp_path / "extra.yaml").write_text(_overlay_requirement(
        '[satisfaction_bp, "<", 9500]', "satisfaction {satisfaction_bp|point}"),
        encoding="utf-8")
    with pytest.raises(RulebookError, match=r"my-rule.*\{count\|one\|more\}"):
        load_rulebook(tmp_path)
    text = (tmp_path / "extra.yaml").read_text(encoding="utf-8")
    (tmp_path / "extra.yaml").write_text(text.replace("|point}", "|point|points}"),
                                         encoding="utf-8")
    assert load_rulebook(tmp_path).rule("my-rule")


def test_a_long_window_asked_for_with_from_and_to_is_not_an_error() -> None:
    files = {"community.yaml": {"community": {
        "id": "c", "name": "社区", "jurisdiction": ["cn"],
        "records_cover": {"from": "1950-01-01", "to": "2022-12-31"}}}}
    assert [e.type for e in check_data(files).input_errors] == ["window_too_long"]
    asked = check_data(files, window=(date(1950, 1, 1), date(2022, 12, 31)))
    assert asked.input_errors == []


# Lower: a waiver of every rule on every record -------------------------------------------------

def test_a_waiver_of_everything_must_be_stated_and_is_shown(tmp_path: Path) -> None:
    """`rule: '*'`, `record: '*'` used to silence everything without saying so."""
    root = _dossier(tmp_path / "d")
    waivers = tmp_path / "w.yaml"
    entry = "  - {rule: '*', record: '*', reason: r, approved_by: a, expires: 2099-01-01%s}\n"
    waivers.write_text("waivers:\n" + entry % "", encoding="utf-8")
    result = _run("check", root, "--waivers", waivers)
    assert result.returncode == 2 and "waivers[0].scope" in result.stdout
    assert "scope: everything" in result.stdout and "w.yaml:2:" in result.stdout
    waivers.write_text("waivers:\n" + entry % ", scope: everything", encoding="utf-8")
    result = _run("check", root, "--waivers", waivers)
    assert result.returncode == 0 and "waiver-everything" in result.stdout


# Found by `make fuzz` ------------------------------------------------------------------------

def test_a_share_too_precise_for_the_durable_engine(tmp_path: Path) -> None:
    """`value: '0.000000000000000001'` for cc.consent_share loaded, then `--engine durable`
    ended in an internal error (EngineError: 10^18×consented is too large), exit 3."""
    pytest.importorskip("durable")
    overlay = tmp_path / "o"
    (overlay / "parameters").mkdir(parents=True)
    (overlay / "parameters" / "p.yaml").write_text(
        "parameters:\n  cc.consent_share:\n    overlays:\n"
        "      cn: [{value: '0.000000000000000001'}]\n", encoding="utf-8")
    result = _run("--rules", overlay, "check", _dossier(tmp_path / "d"), "--engine", "durable")
    assert result.returncode == 2 and "p.yaml:4" in result.stdout + result.stderr, result.stderr


# Configuration files --------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "said"), [
    ("x = " + "[" * 2000 + "]" * 2000 + "\n", "nested too deeply to read"),
    ('rules = ["a\\u0000b"]\n', "rules is a list of paths"),
    ('waivers = ["a\\u0000b"]\n', "waivers is a list of paths"),
    ("format = '" + "x" * (2 << 20) + "'\n", "larger than 1,048,576 bytes"),
    ('format = "' + "y" * 5000 + '"\n', "is not one of"),
])
def test_a_hostile_configuration_file_is_refused_with_a_reason(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        text: str, said: str) -> None:
    _dossier(tmp_path / "d")
    (tmp_path / "governance-rules.toml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _cli("check", "d") == 2
    err = capsys.readouterr().err
    assert said in err and "internal error" not in err, err[:500]
    assert len(err) < 2000  # a long value is cut, not echoed


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_configuration_that_is_a_device_is_not_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli("--config", "/dev/zero", "check", _dossier(tmp_path / "d")) == 2
    assert "/dev/zero: not a regular file" in capsys.readouterr().err


def test_an_empty_path_is_not_the_current_folder(capsys: pytest.CaptureFixture[str]) -> None:
    """``check "$RECORDS"`` with the variable unset: an input error, not a check of wherever
    the command was run."""
    assert _cli("check", "", "--format", "json") == 2
    report = json.loads(capsys.readouterr().out)
    assert [e["type"] for e in report["input_errors"]] == ["path_not_found"]
    assert report["summary"]["records_checked"] == 0


@pytest.mark.parametrize(("text", "said"), [
    ("meeting:\n  id: m\n  present: !!map [a, b]\n", "!!map on a list"),
    ("meeting: !!seq {id: m}\n", "!!seq on a mapping"),
])
def test_a_collection_tag_on_the_other_kind_of_node_is_refused(tmp_path: Path, text: str,
                                                               said: str) -> None:
    """``!!map`` on a list, ``!!seq`` on a mapping: the tag says one thing and the node another
    (as ``!!int`` on a word does); the right ones are still read."""
    [error] = _bad_file(tmp_path, text, "bad.yaml")
    assert (error.type, said in error.msg) == ("bad_scalar", True), error.render()
    from governance_rules.records._parse import parse_record_text

    assert parse_record_text(b"a: !!map {x: 1}\nb: !!seq [1]\n", "ok.yaml")[0] == {
        "a": {"x": 1}, "b": [1]}


# Found by the fuzzing review of discovery ------------------------------------------------------

@pytest.mark.skipif(not os.path.exists("/proc/self/mountinfo"), reason="Linux's /proc")
def test_checking_proc_is_an_input_error_not_a_walk(capsys: pytest.CaptureFixture[str]) -> None:
    """``check /proc`` walked every process's folders (and ``check /`` walked /proc and /sys
    without end in sight): the kernel's pseudo file systems are never walked."""
    started = time.perf_counter()
    assert _cli("check", "/proc", "--format", "json") == 2
    assert time.perf_counter() - started < HANG_SECONDS
    report = json.loads(capsys.readouterr().out)
    assert [(e["type"], e["file"]) for e in report["input_errors"]] == [
        ("pseudo_file_system", "/proc")]
    assert _cli("check", "/proc", "--lang", "zh") == 2
    assert "proc 虚拟文件系统" in capsys.readouterr().out


_MEETING_M2 = json.dumps({"id": "m2", "body": "b", "date": "2022-03-16",
                          "present": ["b-p0", "b-p1", "b-p2"],
                          "motions": [{"id": "x", "title": "议题", "outcome": "adopted",
                                       "votes": {"yes": 2, "no": 1}}]}, ensure_ascii=False)
"""A second meeting that breaks cc-consent-80, hidden in a file that begins like a report."""


@pytest.mark.parametrize(("name", "text"), [
    ("r.json", '{"format_version": "2.1", "ruleset_version": "x", "meeting": %s}'),
    ("r.yaml", '{"format_version": "2.1", meeting: %s}'),
    ("r.jsonl", '{"rule_id": "x", "catalogue": []}\n{"meeting": %s}\n'),
    ("r.jsonl", '{"summary": {}, "format_version": "2.1"}\n{"meeting": %s}\n'),
    ("r.json", '{"$schema": "sarif", "runs": [], "meeting": %s}'),
])
def test_records_in_a_file_that_begins_like_a_report_are_checked(
        tmp_path: Path, name: str, text: str) -> None:
    """A file that only begins as this tool's reports do (``{"format_version"``…) was taken for
    one and skipped without a word: its records were never checked and the run could pass.
    It is read as records: its meeting is checked, its report-like keys are input errors."""
    root = _dossier(tmp_path / "d")
    (root / name).write_text(text % _MEETING_M2, encoding="utf-8")
    report = check_paths([root], base=root)
    assert ("cc-consent-80", "m2/x", name) in [
        (f.rule_id, f.record.id, f.record.file) for f in report.findings]
    assert {e.type for e in report.input_errors if e.file == name} == {"unknown_key"}


@pytest.mark.parametrize(("text", "kind"), [
    ('{"format_version": "2.1", "ruleset_version": "x", "findings": [}', "json_syntax"),
    ('{"format_version": "2.1", "ruleset_version": "x", "findings": [1,]}', "json_syntax"),
    ('{"format_version": "2.1", "ruleset_version": "x"}\n{"format_version": "2.1"}',
     "json_syntax"),
    ('{"rule_id": "x", "catalogue": [], "body": {"id": "b2", "kind": "consultation_committee",'
     ' "name": {"zh": "协商委员会"}, "seats": []}}', "unknown_key"),
    ('{"rule_id": "x", "catalogue": [], "community": {"id": "c2"}}', "unknown_key"),
])
def test_a_file_that_begins_like_a_report_but_is_not_one_says_what_is_wrong(
        tmp_path: Path, text: str, kind: str) -> None:
    """Broken JSON, or a finding line whose ``body`` or ``community`` is a record: not a
    report, so read as records, with the input errors any record file would give."""
    errors = _bad_file(tmp_path, text, "r.json")
    assert kind in {e.type for e in errors}, [e.render() for e in errors]


def test_this_tools_reports_are_still_not_read_as_records() -> None:
    """Every format whose report could be taken for records (JSON, JSON Lines with and without
    its summary line, SARIF) is recognised whole, findings (with their body and community)
    and all; a report cut short is not one."""
    from governance_rules.records.loader import is_report
    from governance_rules.render.json import render_json
    from governance_rules.render.jsonl import render_jsonl
    from governance_rules.render.sarif import render_sarif

    for report in (check_paths([ROOT / "examples" / "village"]), check_data({})):
        texts = [render_json(report), render_jsonl(report), render_sarif(report),
                 render_jsonl(report).rsplit("\n", 2)[0]]
        if report.findings:
            assert any('"body":{' in line for line in render_jsonl(report).splitlines())
        for text in texts:
            if text.strip():
                assert is_report(text.encode("utf-8")), text[:200]
        assert not is_report(render_json(report)[:-10].encode("utf-8"))


def test_a_report_followed_by_millions_of_lines_is_told_apart_at_once() -> None:
    """A report's object, then millions of short lines: not JSON as a whole, and no JSON Lines
    report (a line that is no object): answered without parsing every line (6 s and 450 MB
    before its lines were bounded and read one by one)."""
    import tracemalloc

    from governance_rules.records.loader import is_report

    text = ('{"format_version": "2.1", "ruleset_version": "x", "findings": []}\n'
            + "12\n" * 5_000_000).encode("utf-8")
    tracemalloc.start()
    started = time.perf_counter()
    assert not is_report(text)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert seconds < 2 and peak < 2 * len(text) + 50_000_000, (seconds, peak)


def _more(report: Any, file: str) -> Any:
    listed = [e for e in report.input_errors if e.file == file and e.type != "more_input_errors"]
    [more] = [e for e in report.input_errors if e.file == file and e.type == "more_input_errors"]
    return listed, more


@pytest.mark.parametrize(("name", "text", "unlisted"), [
    ("m.yaml", "meetings:\n" + "- {}\n" * 5000, 5000 * 4 - 100),      # 4 missing fields each
    ("k.yaml", "".join(f"k{i}: 1\n" for i in range(3000)), 3000 - 100),  # unknown keys
    ("l.jsonl", "not json\n" * 2000, 2000 - 100),                       # bad lines
])
def test_a_file_lists_its_first_hundred_input_errors_and_counts_the_rest(
        tmp_path: Path, name: str, text: str, unlisted: int) -> None:
    """A small file of broken records once gave millions of errors and gigabytes of memory."""
    (tmp_path / "c.yaml").write_text(yaml.safe_dump(community()), encoding="utf-8")
    (tmp_path / name).write_text(text, encoding="utf-8")
    listed, more = _more(check_paths([tmp_path], base=tmp_path), name)
    assert len(listed) == 100
    assert more.msg.startswith(f"{unlisted} more input errors in this file are not listed")
    assert more.text("zh").startswith(f"此文件另有{unlisted}处输入错误未列出")


def test_references_to_what_is_not_there_are_capped_too() -> None:
    meetings = [{"id": f"m{i}", "body": "nobody", "date": "2022-01-01", "present": []}
                for i in range(300)]
    duplicates = [{"id": "d", "body": "b", "date": "2022-01-01", "present": []}] * 300
    report = check({"c.yaml": community(), "b.yaml": body("b", "consultation_committee", 2),
                    "m.yaml": {"meetings": meetings}, "d.yaml": {"meetings": duplicates}})
    for file, unlisted in (("m.yaml", 200), ("d.yaml", 299 - 100)):
        listed, more = _more(report, file)
        assert len(listed) == 100 and more.msg.startswith(f"{unlisted} more"), file


def test_a_lone_surrogate_in_a_key_or_a_name_is_shown_escaped(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]
                                                             ) -> None:
    """No report in UTF-8 can hold "\\ud800": it once ended the whole run (exit 3)."""
    report = check_data({"c.yaml": community(), "\ud800.yaml": {"\ud800": 1},
                         "m.jsonl": {"\udc80meetings": 1}})
    report.model_dump_json()  # writable
    assert {(e.file, e.loc) for e in report.input_errors} >= {
        ("\\ud800.yaml", ("\\ud800",)), ("m.jsonl", ("\\x80meetings",))}
    (tmp_path / "c.yaml").write_text(yaml.safe_dump(community()), encoding="utf-8")
    (tmp_path / "k.json").write_text('{"\\ud800": 1}', encoding="utf-8")
    assert main(["check", str(tmp_path), "--format", "json", "-q"]) == 2
    assert "\\\\ud800" in capsys.readouterr().out


def test_path_options_too_long_or_looping_are_usage_errors(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A name part over 255 bytes, a symbolic-link loop: exit 2 with why, not exit 3."""
    long = str(tmp_path / ("x" * 300))
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    for argv in (["rules", "--rules", long], ["rules", "--rules", str(tmp_path / "loop")],
                 ["rules", "--coverage", "--catalogue", long],
                 ["rules", "--coverage", "--catalogue", "/dev/zero"]):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert "internal error" not in err and err.startswith("governance-rules: "), argv


def test_the_catalogue_is_read_within_the_bound(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    huge = tmp_path / "catalogue.md"
    with huge.open("wb") as out:  # sparse: no disk used
        out.truncate(5 << 30)
    assert main(["rules", "--coverage", "--catalogue", str(huge)]) == 2
    assert "at most 16777216 are read" in capsys.readouterr().err


@pytest.mark.parametrize(("kwargs", "error", "says"), [
    ({"as_of": date(9999, 12, 31)}, ValueError,
     "as_of (31 December 9999) is outside the years 1900–2200 that records may be dated in"),
    ({"window": (None, date.max)}, ValueError, "window[1] (31 December 9999) is outside"),
    ({"window": (date(1200, 1, 1), None)}, ValueError, "window[0] (1 January 1200) is outside"),
    ({"window": (date(2022, 2, 1), date(2022, 1, 1))}, ValueError,
     "window[0] (1 February 2022) is after window[1] (1 January 2022)"),
    ({"window": (date(2022, 6, 1), None), "as_of": date(2022, 3, 1)}, ValueError,
     "window[0] (1 June 2022) is after as_of (1 March 2022): no day of the window has come"),
    ({"as_of": "2022-01-01"}, TypeError, "as_of is a datetime.date or None"),
    ({"window": date(2022, 1, 1)}, TypeError, "window is a pair"),
])
def test_the_api_refuses_days_it_cannot_use_saying_why(kwargs: dict[str, Any],
                                                       error: type[Exception],
                                                       says: str) -> None:
    for call in (lambda: check_data({"c.yaml": community()}, **kwargs),
                 lambda: check_paths([], **kwargs)):
        with pytest.raises(error, match=re.escape(says)):
            call()


@pytest.mark.parametrize(("kwargs", "zh"), [
    ({"window": (date(2022, 2, 1), date(2022, 1, 1))},
     "window[0]（2022年2月1日）晚于 window[1]（2022年1月1日）"),
    ({"window": (date(2022, 6, 1), None), "as_of": date(2022, 3, 1)},
     "window[0]（2022年6月1日）晚于 as_of（2022年3月1日），期间内没有一天已经到来"),
    ({"as_of": date(9999, 12, 31)}, "as_of（9999年12月31日）不在记录可用的年份（1900至2200年）之内"),
    ({"window": (None, date(1200, 1, 1))},
     "window[1]（1200年1月1日）不在记录可用的年份（1900至2200年）之内"),
], ids=["after its last day", "after as_of", "as_of outside the years",
        "window outside the years"])
def test_the_api_refuses_days_it_cannot_use_in_both_languages(kwargs: dict[str, Any],
                                                               zh: str) -> None:
    """The API said a window holding no day, and a day outside the years records may be dated
    in, in English alone, its days as ISO dates ("window's last day 9999-12-31 is outside the
    years …"), where the command line and the web service say them in both languages."""
    for call in (lambda: check_data({"c.yaml": community()}, **kwargs),
                 lambda: check_paths([], **kwargs)):
        with pytest.raises(ValueError) as refused:
            call()
        assert refused.value.text("zh") == zh  # type: ignore[attr-defined]


def test_the_api_refuses_records_that_are_not_a_mapping_and_a_path_with_a_nul() -> None:
    with pytest.raises(TypeError, match="a mapping of file name"):
        check_data(None)  # type: ignore[arg-type]
    [error] = check_paths(["/tmp/a\0b"]).input_errors
    assert error.type == "path_not_found"


def test_an_output_fifo_without_a_reader_is_refused_not_waited_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Opening a FIFO to write waits for a reader: with none, the run hung without a word."""
    import threading

    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    village = str(ROOT / "examples" / "village")
    assert main(["check", village, "--output", str(fifo), "-q"]) == 2
    assert "is a FIFO that no process reads" in capsys.readouterr().err
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    while not got and reader.is_alive():  # its open waits for a writer, this one's for it
        if main(["check", village, "--output", str(fifo), "-q", "--format", "json"]) != 2:
            break
        time.sleep(0.05)
    reader.join(10)
    assert got and json.loads(got[0])["summary"]["records_checked"] > 0


@pytest.mark.parametrize("make", ["fifo", "device", "empty name"])
def test_an_overlay_that_cannot_be_read_is_refused_not_skipped(
        tmp_path: Path, make: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "overlay"
    folder.mkdir()
    if make == "fifo":
        os.mkfifo(folder / "ruleset.yaml")
    elif make == "device":
        (folder / "ruleset.yaml").symlink_to("/dev/zero")
    rules = "" if make == "empty name" else str(folder)
    assert main(["rules", "--rules", rules]) == 2
    err = capsys.readouterr().err
    assert ("not a regular file" in err) if make != "empty name" else ("empty" in err)
