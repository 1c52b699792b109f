"""`governance-rules test`: YAML rule cases, what a case file may say, and how a run reports."""

from __future__ import annotations

import pickle
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from governance_rules import load_rulebook
from governance_rules.authoring.cases import CaseFileError, find_case_files, parse_case_file
from governance_rules.authoring.runner import run_paths
from governance_rules.cli import main

ROOT = Path(__file__).resolve().parents[1]
BOOK = load_rulebook()

BASE = """\
base:
  community.yaml:
    community: {id: sf, name: 四方示例社区, jurisdiction: [cn, shandong, qingdao, sifang],
                charter_adopted_on: 2020-01-01}
  ra.yaml:
    body:
      id: ra
      kind: member_representative_assembly
      name: 成员代表大会
      seats:
        - {person: r0, name: 代表0, terms: [{start: 2021-06-20, end: 2024-06-19, obtained_by: election}]}
        - {person: r1, name: 代表1, terms: [{start: 2021-06-20, end: 2024-06-19, obtained_by: election}]}
        - {person: r2, name: 代表2, terms: [{start: 2021-06-20, end: 2024-06-19, obtained_by: election}]}
        - {person: r3, name: 代表3, terms: [{start: 2021-06-20, end: 2024-06-19, obtained_by: election}]}
cases:
"""

QUORUM_FAILS = """\
  - name: one of four present is no quorum
    records:
      m.yaml: {meeting: {id: m1, body: ra, date: 2022-01-10, present: [r0]}}
    findings:
      - {rule: ra-quorum, record: m1, severity: error, evidence: {numerator: 1, denominator: 4}}
    passes: [ra-term-length]
    not_applicable: [cc-consent-80]
"""


def _write(tmp_path: Path, text: str, name: str = "cases/ra.yaml") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_findings_passes_and_not_applicable(tmp_path: Path) -> None:
    _write(tmp_path, BASE + QUORUM_FAILS)
    run = run_paths([tmp_path], engine="both")
    assert run.malformed == [] and [r.problems for r in run.results] == [[]]
    assert run.exit_code() == 0


def test_a_wrong_expectation_fails_with_a_diff(tmp_path: Path) -> None:
    wrong = QUORUM_FAILS.replace("numerator: 1", "numerator: 2")
    passes = """\
  - name: one of four present, said to pass
    records:
      m.yaml: {meeting: {id: m1, body: ra, date: 2022-01-10, present: [r0]}}
    passes: [ra-quorum]
"""
    _write(tmp_path, BASE + wrong.replace("findings:", "findings:\n      - {rule: ra-majority}")
           + passes)
    run = run_paths([tmp_path])
    first, second = run.results
    assert run.exit_code() == 1 and not first.passed and not second.passed
    assert "the findings differ: 2 expected not found, 1 found not expected" in first.problems
    assert "- error ra-quorum m1 denominator=4, numerator=2" in first.diff
    assert "- any ra-majority any record" in first.diff
    assert any(d.startswith("+ error ra-quorum m.yaml:m1 measured=1/4") for d in first.diff)
    assert second.problems == ["ra-quorum was expected to pass, but gave 1 finding"]
    assert [d[:30] for d in second.diff] == ["+ error ra-quorum m.yaml:m1 me"]


def test_expect_short_form_and_does_not_apply(tmp_path: Path) -> None:
    _write(tmp_path, BASE + """\
  - name: quorum met
    rule: ra-quorum
    expect: pass
    records:
      m.yaml: {meeting: {id: m1, body: ra, date: 2022-01-10, present: [r0, r1, r2]}}
  - name: a rule of another jurisdiction does not apply
    rule: cc-composition
    expect: not_applicable
  - name: ra-quorum applies to no record without a meeting
    rule: ra-quorum
    expect: fail
""")
    run = run_paths([tmp_path])
    assert [r.passed for r in run.results] == [True, True, False]
    assert "(it applied to no record)" in run.results[2].problems[0]


def test_jurisdiction_as_of_and_window(tmp_path: Path) -> None:
    _write(tmp_path, BASE + """\
  - name: moved to Harbin, the Sifang charter no longer binds
    jurisdiction: cn/heilongjiang
    records:
      m.yaml: {meeting: {id: m1, body: ra, date: 2022-01-10, present: [r0]}}
    not_applicable: [ra-quorum]
  - name: as of the day before, the meeting has not happened
    as_of: 2022-01-09
    records:
      m.yaml: {meeting: {id: m1, body: ra, date: 2022-01-10, present: [r0]}}
    not_applicable: [ra-quorum]
  - name: a window
    window: [2022-01-01, 2022-12-31]
    records:
      m.yaml: {meeting: {id: m1, body: ra, date: 2022-01-10, present: [r0]}}
    findings: [ra-quorum]
""")
    run = run_paths([tmp_path], engine="both")
    assert [r.problems for r in run.results] == [[], [], []]


def test_a_folder_of_records(tmp_path: Path) -> None:
    _write(tmp_path, "cases:\n  - name: the Harbin example\n    folder: ../examples\n"
           "    findings:\n      - {rule: cc-consent-80, record: cc-2022-03/parking-plan}\n",
           "suite/cases/h.yaml")
    (tmp_path / "suite" / "examples").symlink_to(ROOT / "examples" / "haliang-3")
    run = run_paths([tmp_path / "suite"])
    assert [r.problems for r in run.results] == [[]], run.results[0].diff


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("cases:\n  - name: x\n    rule: ra-quroum\n    expect: pass\n", 3,
         "no rule 'ra-quroum' (did you mean 'ra-quorum'?)"),
        ("cases:\n  - name: x\n    rule: ra-quorum\n    expcet: pass\n", 4,
         "unknown key 'expcet' (did you mean 'expect'?)"),
        ("cases:\n  - name: x\n    rule: ra-quorum\n    expect: fial\n", 4,
         "got 'fial' (did you mean 'fail'?)"),
        ("cases:\n  - name: x\n    findings:\n      - {rule: ra-quorum, severty: error}\n", 4,
         "unknown key 'severty' (did you mean 'severity'?)"),
        ("cases:\n  - name: x\n    findings:\n      - {rule: ra-quorum, severity: eror}\n", 4,
         "(did you mean 'error'?)"),
        ("bsae: {}\ncases: [{name: x, findings: []}]\n", 1, "did you mean 'base'?"),
        ("cases:\n  - name: x\n    as_of: 2022-13-01\n    findings: []\n", 3, "YYYY-MM-DD"),
        ("cases:\n  - name: x\n    as_of: 1200-01-01\n    findings: []\n", 3,
         "as_of: 1 January 1200 is outside the years 1900–2200 that records may be dated in"),
        ("cases:\n  - name: x\n    window: [2022-06-01, 2022-05-30]\n    findings: []\n", 3,
         "window[0] (1 June 2022) is after window[1] (30 May 2022)"),
        ("as_of: 2022-03-01\ncases:\n  - name: x\n    window: [2022-06-01, null]\n"
         "    findings: []\n", 4, "window[0] (1 June 2022) is after as_of (1 March 2022): no day"),
        ("cases:\n  - name: x\n", 2, "says what must come out"),
        ("cases: []\n", 1, "non-empty list"),
        ("cases:\n  - {name: x, findings: []}\n  - {name: x, findings: []}\n", 3,
         "a second case named 'x'"),
        ("cases: [\n", 2, ""),
    ],
)
def test_a_malformed_case_file_names_file_line_and_key(text: str, line: int, message: str) -> None:
    with pytest.raises(CaseFileError) as caught:
        parse_case_file(text.encode(), "c.yaml", BOOK)
    assert (caught.value.file, caught.value.line) == ("c.yaml", line), str(caught.value)
    assert message in str(caught.value)
    said = caught.value.text("zh")  # the same place, said in Chinese
    assert said.startswith(f"c.yaml 第{line}行") and re.search(r"[\u4e00-\u9fff]", said), said
    prose = re.sub(r"「[^」]*」|`[^`]*`", "", said)
    assert not _ENGLISH_PROSE.search(prose), said
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (str(copy), copy.text("zh")) == (str(caught.value), said)


def test_a_window_holding_no_day_is_refused_as_the_command_line_refuses_it() -> None:
    """A case's window starting after its ``as_of`` was the run's internal error (the API's
    refusal, uncaught), and one starting after its last day was said in words of its own."""

    def cases(window: str) -> bytes:
        return (f"as_of: 2022-03-01\ncases:\n  - name: x\n    window: {window}\n"
                "    findings: []\n").encode()

    for window, zh in (("[2022-06-01, 2022-05-30]", "晚于 window[1]（2022年5月30日）"),
                       ("[2022-06-01, null]", "晚于 as_of（2022年3月1日），期间内没有一天已经到来")):
        with pytest.raises(CaseFileError) as caught:
            parse_case_file(cases(window), "c.yaml", BOOK)
        assert caught.value.text("zh") == f"c.yaml 第4行，cases[0].window：window[0]（2022年6月1日）{zh}"
    [case] = parse_case_file(cases("[2022-01-01, 2022-06-30]"), "c.yaml", BOOK)
    assert case.window == (date(2022, 1, 1), date(2022, 6, 30))


def test_a_day_outside_the_years_is_refused_as_the_command_line_refuses_it() -> None:
    """A case's day outside 1900–2200 was said with words of its own, an ISO day in the
    Chinese (1200-01-01 不在1900至2200年之内)."""
    with pytest.raises(CaseFileError) as caught:
        parse_case_file(b"cases:\n  - name: x\n    window: [1200-01-01, null]\n    findings: []\n",
                        "c.yaml", BOOK)
    assert caught.value.text("zh") == ("c.yaml 第3行，cases[0].window：1200年1月1日不在记录可用的"
                                       "年份（1900至2200年）之内")


_ENGLISH_PROSE = re.compile(r"\b(expected|unknown|cannot|must|got|no such|did you mean|each|"
                            r"needs?|list of|mapping|given|either|both|goes with|see|says|"
                            r"second|found|malformed|outside|case)\b")


def test_the_command_says_a_run_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """``test --lang zh``: each case's verdict and reasons, the summary, a malformed file and
    a case's malformed records, and the JUnit report's messages."""
    monkeypatch.chdir(tmp_path)
    good = _write(tmp_path, BASE + QUORUM_FAILS, "good.cases.yaml")
    bad = _write(tmp_path, BASE + QUORUM_FAILS.replace("numerator: 1", "numerator: 2")
                 + "  - name: said to pass\n    records:\n      m.yaml: {meeting: {id: m1, body: ra, "
                 "date: 2022-01-10, present: [r0]}}\n    passes: [ra-quorum]\n", "bad.cases.yaml")
    broken = _write(tmp_path, "cases:\n  - name: x\n    rule: ra-quroum\n    expect: pass\n",
                    "broken.cases.yaml")
    undated = _write(tmp_path, BASE + "  - name: no date\n    records:\n      m.yaml: {meeting: "
                     "{id: m1, body: ra, present: [r0]}}\n    findings: []\n", "undated.cases.yaml")
    assert main(["test", str(good), str(bad), "--lang", "zh"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "通过 good.cases.yaml: one of four present is no quorum"
    assert out[1].startswith("未通过 bad.cases.yaml: one of four present is no quorum  (")
    assert "      问题与期望不符：期望而未出现1个，出现而未期望1个" in out
    assert "      问题（- 期望而未出现；+ 出现而未期望）：" in out
    diff = [line.strip() for line in out if line.startswith("        ")]
    assert diff[0] == "- 错误 ra-quorum m1 分母=4，分子=2", diff
    assert diff[1].startswith("+ 错误 ra-quorum m.yaml:m1 实测=1/4，要求="), diff
    assert not any(word in line for line in diff for word in ("measured", "required", "error"))
    assert "      规则 ra-quorum 应当通过，实际给出问题1个" in out
    assert out[-1] == "通过 1 个，未通过 2 个"
    assert main(["test", str(broken), str(undated), "--lang", "zh"]) == 2
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("出错 undated.cases.yaml: no date  (undated.cases.yaml:"), out
    assert out[1].startswith("      记录有误：") and "缺少必填项" in out[1], out
    assert out[-3:] == ["出错 broken.cases.yaml 第3行，cases[0].rule：没有规则「ra-quroum」（是否指"
                        "「ra-quorum」？）；规则一览见 `governance-rules rules`",
                        "1 个用例文件无法读取", "通过 0 个，未通过 1 个"]
    assert main(["test", str(bad), "--format", "junit", "--lang", "zh"]) == 1
    suites = ET.fromstring(capsys.readouterr().out)
    messages = [f.get("message") for f in suites.iter("failure")]
    assert messages == ["问题与期望不符：期望而未出现1个，出现而未期望1个",
                        "规则 ra-quorum 应当通过，实际给出问题1个"]
    texts = "\n".join(f.text or "" for f in suites.iter("failure"))
    assert "问题（- 期望而未出现；+ 出现而未期望）：\n- 错误 ra-quorum m1" in texts
    assert "+ 错误 ra-quorum m.yaml:m1 实测=1/4" in texts and "measured" not in texts
    assert main(["test", str(broken), "--format", "junit", "--lang", "zh"]) == 2
    suites = ET.fromstring(capsys.readouterr().out)
    assert suites.get("tests") == "1" and suites.get("errors") == "1"
    assert [c.get("name") for c in suites.iter("testcase")] == ["用例文件 1"]


def test_case_files_are_found_in_cases_folders_and_by_suffix(tmp_path: Path) -> None:
    for name in ("cases/a.yaml", "x/b.cases.yml", "x/rule.yaml", "cases/notes.txt"):
        _write(tmp_path, "cases: []\n", name)
    found, errors = find_case_files([tmp_path, tmp_path / "nope"])
    assert sorted(p.name for p in found) == ["a.yaml", "b.cases.yml"]
    assert len(errors) == 1 and "no such file or folder" in str(errors[0])


def test_command_exit_codes_summary_and_junit(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                              ) -> None:
    good = _write(tmp_path, BASE + QUORUM_FAILS, "good.cases.yaml")
    bad = _write(tmp_path, BASE + QUORUM_FAILS.replace("severity: error", "severity: warning"),
                 "bad.cases.yaml")
    broken = _write(tmp_path, "cases:\n  - name: x\n    rule: ra-quroum\n    expect: pass\n",
                    "broken.cases.yaml")
    assert main(["test", str(good)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("PASS ") and out.endswith("1 passed, 0 failed\n")
    assert main(["test", str(good), str(bad), "--engine", "both"]) == 1
    out = capsys.readouterr().out
    assert "FAIL " in out and "- warning ra-quorum m1" in out
    assert out.splitlines()[-1] == "1 passed, 1 failed"
    assert main(["test", str(good), str(broken)]) == 2
    captured = capsys.readouterr().out
    assert "broken.cases.yaml:3: cases[0].rule: no rule 'ra-quroum'" in captured
    assert main(["test", str(good), str(bad), "--format", "junit"]) == 1
    suites = ET.fromstring(capsys.readouterr().out)
    assert (suites.get("tests"), suites.get("failures")) == ("2", "1")
    failure = suites.find(".//failure")
    assert failure is not None and "ra-quorum" in (failure.text or "")


def test_bundled_rules_pass_through_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    """`governance-rules test rules/` finds the bundled cases (one file here, for time; every
    file runs on both engines in test_rule_cases.py)."""
    found, _ = find_case_files([ROOT / "rules"])
    assert len(found) >= 12 and all(p.parent.name == "cases" for p in found)
    assert main(["test", str(ROOT / "rules" / "cases" / "citations.yaml"), "-q"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith(" passed, 0 failed")


def test_a_misspelt_evidence_name_is_pointed_at(tmp_path: Path) -> None:
    _write(tmp_path, BASE + QUORUM_FAILS.replace("numerator: 1", "numerator: 1, measurd: 1/4"))
    (result,) = run_paths([tmp_path]).results
    assert any("no finding of ra-quorum has the evidence 'measurd' (did you mean 'measured'?)"
               in p for p in result.problems), result.problems


def test_a_rule_both_failing_and_passing_is_refused() -> None:
    text = "cases:\n  - name: x\n    findings: [ra-quorum]\n    passes: [ra-quorum]\n"
    with pytest.raises(CaseFileError, match="expected to give findings and also to pass"):
        parse_case_file(text.encode(), "c.yaml", BOOK)


def test_malformed_records_in_a_case_are_an_error_not_a_failure(tmp_path: Path) -> None:
    _write(tmp_path, BASE + """\
  - name: a meeting without its date
    records:
      m.yaml: {meeting: {id: m1, body: ra, present: [r0]}}
    findings: []
""")
    run = run_paths([tmp_path])
    (result,) = run.results
    assert run.exit_code() == 2 and not result.passed
    assert any("m.yaml" in e and "date" in e for e in result.errors), result.errors


def test_a_case_name_is_one_printable_line() -> None:
    text = 'cases:\n  - name: "x\\n::error::y"\n    findings: []\n'
    with pytest.raises(CaseFileError, match="one line without control characters"):
        parse_case_file(text.encode(), "c.yaml", BOOK)


def test_a_finding_without_its_rule_says_so() -> None:
    text = "cases:\n  - name: x\n    findings:\n      - {record: m1}\n"
    with pytest.raises(CaseFileError, match="a rule id is needed here") as caught:
        parse_case_file(text.encode(), "c.yaml", BOOK)
    assert "None" not in str(caught.value) and "须写明规则编号" in caught.value.text("zh")
