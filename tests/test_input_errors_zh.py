"""Input errors read in Chinese in a Chinese report, as findings do: made from the error's type,
input and context (``governance_rules._input_words``), or said by the check that found it."""

from __future__ import annotations

import ast
import copy
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from _finding_text import common_problems, zh_problems
from _helpers import ROOT, body, community, members

from governance_rules import check_data, check_paths
from governance_rules._input_words import _BY_TYPE, _UNKNOWN
from governance_rules.errors import InputError

SRC = ROOT / "src" / "governance_rules"
_FORMATS = re.compile(r"\b(?:YAML|JSON|UTF-8)(?:\b|(?=\s))")
"""The names of the file formats, as Chinese writes them too."""


def _meeting(**changes: Any) -> dict[str, Any]:
    meeting = {"id": "m", "body": "b", "date": "2022-03-15", "present": members("b", 3),
               "motions": [{"id": "x", "title": "议题", "outcome": "adopted",
                            "consented": members("b", 2)}]}
    return {"meeting": {**meeting, **changes}}


BAD_DATA: dict[str, dict[str, Any]] = {
    "missing": _meeting(present=None) | {},
    "extra_forbidden": _meeting(chairman="b-p0"),
    "enum": _meeting(kind="weekly"),
    "list_type": _meeting(present="b-p0"),
    "string_type": _meeting(id=12),
    "string_pattern_mismatch": _meeting(id="会议一"),
    "value_error": _meeting(date="2022-02-30"),
    "unknown_id": _meeting(body="nobody"),
    "not_seated": _meeting(present=["b-p0", "b-p1", "stranger"]),
    "decimal_max_places": {"assessment": {
        "id": "a", "body": "b", "date": "2022-12-20", "village": "张桥村", "year": 2022,
        "accepted": True, "satisfaction_percent": "94.999"}},
}
"""A meeting file wrong in one way, by the input error it gives."""


def _errors(files: dict[str, Any]) -> list[InputError]:
    dossier = {"c.yaml": community(), "b.yaml": body("b", "consultation_committee", 3), **files}
    for data in files.values():
        meeting = data.get("meeting", {})
        if meeting.get("present", "") is None:
            del meeting["present"]
    return check_data(dossier).input_errors


def _reads_as_chinese(error: InputError) -> None:
    text = error.text("zh")
    assert text and text != _UNKNOWN, error
    problems = [*zh_problems(_FORMATS.sub("", text)), *common_problems(text)]
    assert problems == [], (error.type, error.msg, text)


@pytest.mark.parametrize("kind", sorted(BAD_DATA))
def test_a_records_input_error_reads_in_chinese(kind: str) -> None:
    errors = _errors({"m.yaml": BAD_DATA[kind]})
    assert kind in {e.type for e in errors}, [e.render() for e in errors]
    for error in errors:
        _reads_as_chinese(error)
        assert error.render("zh").endswith(f"{error.text('zh')} [{error.type}]")
        assert error.render("en").endswith(f"{error.msg} [{error.type}]")


def test_a_record_models_own_checks_say_it_in_chinese() -> None:
    """The models' checks (a day that does not exist, counts that cannot be) give their own
    Chinese, not the type's general words."""
    cases = [
        _meeting(date="2022-02-30"),
        _meeting(date="1800-03-15"),  # the years records may be dated in, no gap by a number
        _meeting(present=["b-p0", "b-p0"]),
        _meeting(notice_date="2022-04-01"),
        _meeting(motions=[{"id": "x", "title": "议题", "outcome": "adopted"}]),
        _meeting(motions=[{"id": "x", "title": "议题", "outcome": "adopted",
                           "votes": {"yes": 9, "no": 0}}]),
    ]
    for files in cases:
        errors = [e for e in _errors({"m.yaml": files}) if e.type == "value_error"]
        assert errors, files
        for error in errors:
            assert error.ctx.get("zh") == error.text("zh"), error
            _reads_as_chinese(error)


def test_a_files_input_error_reads_in_chinese(tmp_path: Path) -> None:
    """Files that cannot be read as records: each error in Chinese, in the text report too."""
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "community.yaml").write_text(
        "community: {id: c, name: 社区, jurisdiction: [cn]}\n", encoding="utf-8")
    (folder / "syntax.yaml").write_text("meeting: [\n", encoding="utf-8")
    (folder / "empty.yaml").write_text("", encoding="utf-8")
    (folder / "twice.yaml").write_text("meeting: {id: a}\nmeeting: {id: b}\n", encoding="utf-8")
    (folder / "alias.yaml").write_text("a: &x 1\nb: *x\n", encoding="utf-8")
    (folder / "list.yaml").write_text("- 1\n- 2\n", encoding="utf-8")
    (folder / "kind.yaml").write_text("meating: {id: a}\n", encoding="utf-8")
    (folder / "broken.yaml").symlink_to(tmp_path / "gone.yaml")
    errors = check_paths([tmp_path], base=tmp_path).input_errors
    kinds = {e.type for e in errors}
    assert {"yaml_syntax", "empty_file", "duplicate_key", "yaml_alias", "not_a_mapping",
            "unknown_key", "broken_link"} <= kinds, [e.render() for e in errors]
    for error in errors:
        _reads_as_chinese(error)
    shown = subprocess.run([sys.executable, "-m", "governance_rules", "check", str(tmp_path),
                            "--lang", "zh"], capture_output=True, text=True, cwd=tmp_path)
    lines = [line for line in shown.stdout.splitlines() if line.startswith("  ")]
    assert len(lines) == len(errors) and "文件未读取" in shown.stdout
    assert "did not find" not in shown.stdout and "Field required" not in shown.stdout


def _error_types_made_in_src() -> set[str]:
    """The literal types the package gives its input errors (``InputError(type=...)``, the
    parser's ``_fail(file, "kind", ...)``, the resolvers' ``fail(located, sub, "kind", ...)``)."""
    found = set()
    for path in SRC.rglob("*.py"):
        if "server" in path.parts:  # HTTP problem details, not report input errors
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "InputError":
                found |= {kw.value.value for kw in node.keywords if kw.arg == "type"
                          and isinstance(kw.value, ast.Constant)}
            elif name in ("_fail", "fail"):
                found |= {arg.value for arg in node.args[:3] if isinstance(arg, ast.Constant)
                          and isinstance(arg.value, str) and arg.value.islower()
                          and arg.value.replace("_", "").isalpha()}
    return found


def test_every_input_error_type_has_chinese() -> None:
    made = _error_types_made_in_src()
    assert {"unknown_id", "yaml_syntax", "file_too_large", "missing_community"} <= made
    assert made - _BY_TYPE.keys() == set()


def test_every_model_check_says_it_in_chinese() -> None:
    """Each ``field_error`` and ``Problem`` of the record models gives its Chinese."""
    for path in (SRC / "models").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "field_error":
                assert any(kw.arg == "zh" for kw in node.keywords), f"{path.name}:{node.lineno}"
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                assert getattr(node.exc.func, "id", "") != "ValueError", (
                    f"{path.name}:{node.lineno}: raise Problem(english, chinese)")


def test_an_unknown_reference_says_in_chinese_what_it_names_and_what_is_known() -> None:
    """As much as the English: the kind of record named, and the bodies there are."""
    (error,) = [e for e in _errors({"m.yaml": _meeting(body="nobody")}) if e.type == "unknown_id"]
    assert "known: b" in error.msg
    assert error.text("zh") == "本卷宗没有编号为「nobody」的机构；已有的机构：「b」"
    (error,) = [e for e in _errors({"m.yaml": _meeting(chair="stranger")})
                if e.type == "unknown_id"]
    assert error.text("zh") in ("「stranger」不是本卷宗任何机构的成员", "「stranger」不是机构「b」的成员")
    _reads_as_chinese(error)


def test_waivers_encodings_and_a_json_lines_line_say_what_to_do_in_chinese(
        tmp_path: Path) -> None:
    """Each was the generic 输入有误 (or said the whole file was not read, where one line was
    left out)."""
    from governance_rules.waivers import load_waivers

    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "c.yaml").write_text("community: {id: c, name: 某社区, jurisdiction: [cn]}\n",
                                   encoding="utf-8")
    (folder / "bad.yaml").write_bytes(b"meeting: \xff\xfe\n")
    (folder / "m.jsonl").write_text('{"community_note": 1}\n{bad\n', encoding="utf-8")
    errors = {e.type: e for e in check_paths([folder], base=folder).input_errors}
    assert errors["not_utf8"].text("zh") == "文件不是 UTF-8 编码的文本（第10个字节无法解码），未读取"
    assert errors["json_syntax"].text("zh") == (
        "JSON 格式错误：键须写在双引号内，此行未读取（其余各行照常读取）")
    waivers = tmp_path / "w.yaml"
    waivers.write_text('waivers:\n  - {rule: "*", record: "*", reason: r, approved_by: x, '
                       "expires: 2099-06-30}\n", encoding="utf-8")
    _, (unstated,) = load_waivers(waivers, tmp_path)
    assert "「scope: everything」" in unstated.text("zh") and unstated.text("zh") != _UNKNOWN
    for error in (*errors.values(), unstated):
        _reads_as_chinese(error)


def test_a_chinese_input_error_names_the_person_the_body_the_day_and_the_other_record(
        tmp_path: Path) -> None:
    """The Chinese says what the English says: who, on which body, on which day, where the id
    is already used, and why a file could not be read, never a vaguer sentence."""
    roster = body("b", "consultation_committee", 3)
    roster["body"]["name"] = "协商委员会"
    roster["body"]["seats"][0]["name"] = "李娜"
    roster["body"]["seats"].append(copy.deepcopy(roster["body"]["seats"][2]))  # b-p2 twice
    roster["body"]["seats"][1]["terms"][0]["replaces"] = "nobody"
    files = {"c.yaml": community(), "b.yaml": roster,
             "m1.yaml": _meeting(present=["b-p0", "b-p1"]), "m2.yaml": _meeting(),
             "m3.yaml": _meeting(id="m3", date="2019-05-05", present=["b-p0"], motions=[])}
    texts = {(e.type, e.field): e.text("zh") for e in _errors(files)}
    assert texts[("duplicate_id", "body.seats[3].person")] == (
        "成员2（b-p2）在协商委员会（b）有两个席位；同一人的各届任期请列在同一席位下")
    assert texts[("unknown_id", "body.seats[1].terms[0].replaces")] == (
        "协商委员会（b）没有可接替的成员「nobody」")
    assert texts[("duplicate_id", "meeting.id")].startswith("编号「m」已由 m1.yaml")
    del roster["body"]["seats"][3]  # a body listing somebody twice is left out: the meetings too
    texts = {(e.type, e.field): e.text("zh") for e in _errors({**files, "b.yaml": roster})}
    assert texts[("not_seated", "meeting.present[0]")] == "李娜（b-p0）2019年5月5日未在协商委员会（b）任职"
    (tmp_path / "c.yaml").write_text("community: {id: c, name: 社区, jurisdiction: [cn]}\n",
                                     encoding="utf-8")
    (tmp_path / "m.yaml").write_text("meeting:\n  id: x\n  body: b\n   date: 1\n", encoding="utf-8")
    report = check_paths([tmp_path, tmp_path / "missing.yaml"], base=tmp_path)
    said = {e.type: e.text("zh") for e in report.input_errors}
    assert said["yaml_syntax"] == ("YAML 格式错误：此处不能写「键: 值」（多为冒号后缺空格、缩进不齐，"
                                   "或值中的冒号未加引号），文件未读取")
    assert "不存在" in said["path_not_found"]


@pytest.mark.parametrize("changes", [{"date": None}, {"body": None}, {"kind": None}])
def test_a_field_left_empty_is_said_to_be_empty_not_none(changes: dict[str, Any]) -> None:
    """``date:`` with nothing after it read "got None" / 实为「None」: Python's word for it."""
    errors = _errors({"m.yaml": _meeting(**changes)})
    assert errors, changes
    for error in errors:
        zh, en = error.text("zh"), error.text("en")
        assert "None" not in zh + en + str(error.input), (zh, en, error.input)
    assert any("未填写" in e.text("zh") and "nothing" in e.text("en")
               for e in errors), [(e.text("zh"), e.text("en")) for e in errors]


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_number_too_long_to_read_says_the_limit_in_both_languages(tmp_path: Path,
                                                                     suffix: str) -> None:
    """45 nines read "cannot read value '999…': a number written with more than 40 characters
    ('9999…)", an unbalanced quote, and in Chinese only 无法识别的数字."""
    (tmp_path / "community.yaml").write_text(
        "community: {id: c, name: 社区, jurisdiction: [cn]}\n", encoding="utf-8")
    (tmp_path / f"m{suffix}").write_text(
        '{"meeting": {"id": "m", "votes": {"yes": ' + "9" * 45 + "}}}", encoding="utf-8")
    [error] = check_paths([tmp_path], base=tmp_path).input_errors
    assert error.type == "bad_number"
    assert error.msg == ("cannot read value '999999999999999999999…': a number written with "
                         "more than 40 characters")
    assert error.text("zh") == "数字「999999999999999999999…」超过40个字符，无法读取，文件未读取"


@pytest.mark.parametrize("kind", ["inspection", "dispute_monthly", "security_analysis",
                                  "annual_summary"])
def test_a_report_of_the_wrong_period_names_its_kind_in_words(kind: str) -> None:
    """A half-year inspection report labelled 2022 read "a inspection report covers a half
    year, such as 2022-H1, not '2022'" / 「inspection」报告所报期间须为半年…: the kind's code,
    and "a" before a vowel; 2022-H1 outside quotes in the Chinese."""
    from governance_rules.models.events import REPORT_KIND_WORDS, ReportKind

    period = "2022-Q4" if kind == "dispute_monthly" else "2022-10"
    [error] = _errors({"r.yaml": {"report": {"id": "r", "body": "b", "kind": kind,
                                             "period": period, "submitted_on": "2022-12-20"}}})
    zh, en = REPORT_KIND_WORDS[ReportKind(kind)]
    assert error.msg.startswith(f"the period of this {en} is a "), error.msg
    assert error.text("zh").startswith(f"{zh}所报期间须为"), error.text("zh")
    assert f"「{kind}」" not in error.text("zh")
    _reads_as_chinese(error)


def test_a_value_left_empty_reads_alike_in_every_chinese_message() -> None:
    """A record model's check and an input error's type words each wrote 空值（未填写） for a
    value left empty; one constant beside _input_words.NOTHING says it for both."""
    from governance_rules._input_words import NOTHING, NOTHING_ZH, quoted_input
    from governance_rules.models._types import _zh_shown

    assert _zh_shown(None) == quoted_input(NOTHING) == NOTHING_ZH == "空值（未填写）"
    written = [path.name for path in SRC.rglob("*.py")
               if any(isinstance(node, ast.Constant) and node.value == NOTHING_ZH
                      for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))))]
    assert written == ["_input_words.py"]
