"""Bad input is an input error naming file, line and field; never a traceback; nothing is lost."""

from __future__ import annotations

import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from _helpers import body, check, community, members

from governance_rules import check_paths

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
      votes: {yes: 3, no: 0}
"""


def _dossier(tmp_path: Path, meeting: str | bytes) -> Path:
    import yaml

    (tmp_path / "community.yaml").write_text(yaml.safe_dump(community()), encoding="utf-8")
    (tmp_path / "body.yaml").write_text(
        yaml.safe_dump(body("b", "consultation_committee", 3), allow_unicode=True), encoding="utf-8")
    path = tmp_path / "meeting.yaml"
    path.write_bytes(meeting if isinstance(meeting, bytes) else meeting.encode())
    return path


@pytest.mark.parametrize(
    ("text", "kind", "line", "field"),
    [
        (MEETING.replace("yes: 3", 'yes: "3"'), "int_type", 10, "meeting.motions[0].votes.yes"),
        (MEETING.replace("2022-03-15", "2022-02-30"), "value_error", 4, "meeting.date"),
        (MEETING.replace("2022-03-15", "15/03/2022"), "value_error", 4, "meeting.date"),
        (MEETING.replace("yes: 3, no: 0", "yes: 3, no: 2"), "value_error", 10,
         "meeting.motions[0].votes"),
        (MEETING.replace("body: b", "body: nope"), "unknown_id", 3, "meeting.body"),
        (MEETING.replace("b-p2]", "stranger]"), "not_seated", 5, "meeting.present[2]"),
        (MEETING.replace("  motions:", "  emergency_reports: [m0]\n  motions:"), "unknown_id", 6,
         "meeting.emergency_reports[0]"),
        (MEETING + "      expense: {id: nowhere}\n", "unknown_id", 11,
         "meeting.motions[0].expense.id"),
        (MEETING.replace("  id: m1\n", "  id: m1\n  colour: red\n"), "extra_forbidden", 3,
         "meeting.colour"),
        (MEETING.replace("present:", "attendees:"), "missing", 1, "meeting.present"),
        (MEETING.replace("yes: 3", "yes: -1"), "greater_than_equal", 10,
         "meeting.motions[0].votes.yes"),
        (MEETING + "  bogus: [\n", "yaml_syntax", 12, ""),
        ("meeting: [1, 2", "yaml_syntax", 2, ""),
        ("", "empty_file", 1, ""),
        ("# only a comment\n", "empty_file", 1, ""),
        ("- a\n- b\n", "not_a_mapping", 1, ""),
        ("meating: {}\n", "unknown_key", 1, "meating"),
        ("meeting: !!python/object/apply:os.system [ls]\n", "yaml_tag", 1, "meeting"),
        ("a: &x [1]\nb: *x\n", "yaml_alias", 2, "b"),
        ("meeting: {id: a}\nmeeting: {id: b}\n", "duplicate_key", 2, ""),
    ],
)
def test_input_error(tmp_path: Path, text: str, kind: str, line: int | None, field: str) -> None:
    _dossier(tmp_path, text)
    report = check_paths([tmp_path], base=tmp_path)
    errors = [e for e in report.input_errors if e.file == "meeting.yaml"]
    assert errors, report.input_errors
    error = errors[0]
    assert error.type == kind, error.render()
    assert error.line == line, error.render()
    assert error.field == field, error.render()
    assert error.msg


def test_non_utf8_file(tmp_path: Path) -> None:
    _dossier(tmp_path, "meeting:\n  title: 会议".encode("gbk"))
    [error] = [e for e in check_paths([tmp_path], base=tmp_path).input_errors
               if e.file == "meeting.yaml"]
    assert error.type == "not_utf8" and error.line == 2


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    _dossier(tmp_path, "\n".join(lines) + "\n")
    started = time.perf_counter()
    report = check_paths([tmp_path], base=tmp_path)
    assert time.perf_counter() - started < 5
    assert [e.type for e in report.input_errors if e.file == "meeting.yaml"] == ["yaml_alias"]


def test_deep_nesting_and_huge_files(tmp_path: Path) -> None:
    _dossier(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n")
    report = check_paths([tmp_path], base=tmp_path)
    assert [e.type for e in report.input_errors if e.file == "meeting.yaml"] == ["too_deep"]
    (tmp_path / "meeting.yaml").write_bytes(b"#" * (17 * 1024 * 1024))
    report = check_paths([tmp_path], base=tmp_path)
    assert [e.type for e in report.input_errors if e.file == "meeting.yaml"] == ["file_too_large"]


def test_broken_json_names_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "community.json").write_text('{"community": {"id": "c",\n "name": }}')
    [error] = [e for e in check_paths([tmp_path], base=tmp_path).input_errors
               if e.file == "community.json"]
    assert (error.type, error.line, error.column) == ("json_syntax", 2, 10)


def test_json_records_keep_lines(tmp_path: Path) -> None:
    (tmp_path / "community.json").write_text(
        '{\n "community": {\n  "id": "c",\n  "name": "社区",\n  "jurisdiction": "cn"\n }\n}\n')
    [error] = [e for e in check_paths([tmp_path], base=tmp_path).input_errors
               if e.file == "community.json"]
    assert (error.line, error.field) == (5, "community.jurisdiction")


def test_a_broken_file_does_not_stop_the_others(tmp_path: Path) -> None:
    _dossier(tmp_path, MEETING.replace("yes: 3, no: 0", "yes: 2, no: 1"))
    (tmp_path / "broken.yaml").write_text("meeting: {id: [\n", encoding="utf-8")
    report = check_paths([tmp_path], base=tmp_path)
    assert [e.file for e in report.input_errors] == ["broken.yaml"]
    assert "cc-consent-80" in [f.rule_id for f in report.findings]


def test_duplicate_ids_and_missing_community() -> None:
    meeting = {"id": "m", "body": "b", "date": "2022-01-01", "present": members("b", 2)}
    report = check({"b.yaml": body("b", "consultation_committee", 2),
                    "m1.yaml": {"meeting": meeting}, "m2.yaml": {"meeting": meeting}})
    assert sorted(e.type for e in report.input_errors) == ["duplicate_id", "missing_community"]


def test_money_must_be_exact() -> None:
    expense = {"id": "e", "body": "b", "amount": 1.5, "paid_on": "2022-01-01", "payee": "p",
               "purpose": "q", "voucher": "invoice", "accountant": "a", "cashier": "c"}
    report = check({"c.yaml": community(), "b.yaml": body("b", "residents_committee", 1),
                    "e.yaml": {"expense": expense}})
    assert [e.field for e in report.input_errors] == ["expense.amount"]
    expense["amount"] = "12.345"
    report = check({"c.yaml": community(), "b.yaml": body("b", "residents_committee", 1),
                    "e.yaml": {"expense": expense}})
    assert "two decimals" in report.input_errors[0].msg


@pytest.mark.parametrize(("amount", "en", "zh"), [
    ("1,000.00", "expected an amount of yuan without a thousands separator (1000.00), got "
     "'1,000.00'", "金额（元）不用千位分隔符，应写作1000.00，实为「1,000.00」"),
    ("99999999999999999999999999.99", "an amount must be below 1000000000 yuan, got "
     "'99999999999999999999999999.99'", "金额须小于1000000000元，实为「99999999999999999999999999.99」"),
    (Decimal("99999999999999999999999999.99"), "an amount must be below 1000000000 yuan, got "
     "99999999999999999999999999.99", "金额须小于1000000000元，实为「99999999999999999999999999.99」"),
    ("12.345", "expected an amount of yuan with at most two decimals, got '12.345'",
     "应为金额（元），至多两位小数，实为「12.345」"),
    ("八十元", "expected an amount of yuan in digits, such as 120.50, got '八十元'",
     "应为用数字写的金额（元），如120.50，实为「八十元」"),
    (Decimal("NaN"), "expected an amount of yuan, got NaN, which is not a number",
     "应为金额（元），「NaN」不是数字"),
])
def test_an_amount_refused_says_what_is_wrong_with_it(amount: object, en: str, zh: str) -> None:
    """A thousands separator, a 26-digit amount, a word or NaN were all "at most two decimals"
    or "below 1000000000, got Decimal('NaN')": the message says what is wrong, in both
    languages, the input as written."""
    expense = {"id": "e", "body": "b", "amount": amount, "paid_on": "2022-01-01", "payee": "p",
               "purpose": "q", "voucher": "invoice", "accountant": "a", "cashier": "c"}
    report = check({"c.yaml": community(), "b.yaml": body("b", "residents_committee", 1),
                    "e.yaml": {"expense": expense}})
    [error] = report.input_errors
    assert (error.field, error.msg, error.text("zh")) == ("expense.amount", en, zh)
    assert "Decimal(" not in f"{error.msg}{error.input}{error.text('zh')}"


@pytest.mark.parametrize(("field", "value"), [
    ("paid_on", "x" * 100_000), ("paid_on", list(range(10_000))), ("amount", "1" * 100_000),
    ("amount", "9" * 5_000 + ".001")])
def test_a_huge_value_is_quoted_bounded_in_both_languages(field: str, value: object) -> None:
    """The message says what was given, cut short: a 100 kB value once came back whole."""
    expense = {"id": "e", "body": "b", "amount": "10.00", "paid_on": "2022-01-01", "payee": "p",
               "purpose": "q", "voucher": "invoice", "accountant": "a", "cashier": "c",
               field: value}
    report = check({"c.yaml": community(), "b.yaml": body("b", "residents_committee", 1),
                    "e.yaml": {"expense": expense}})
    [error] = [e for e in report.input_errors if e.field == f"expense.{field}"]
    assert len(error.msg) < 300 and len(error.ctx["zh"]) < 300
    assert "实为「" in error.ctx["zh"] and "…" in error.msg


def test_the_records_of_the_whole_system_fail_clearly(tmp_path: Path) -> None:
    (tmp_path / "community.yaml").write_text(
        "community: {id: c, name: 社区, jurisdiction: [cn],"
        " records_cover: {from: 2022-12-31, to: 2022-01-01}}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "body: {id: rc, kind: residents_committee, name: 居委会, seats: []}\n", encoding="utf-8")
    (tmp_path / "r.yaml").write_text(
        "reports:\n"
        "  - {id: r1, body: rc, kind: dispute_monthly, period: '2022-13', submitted_on: 2022-01-01}\n"
        "  - {id: r2, body: nobody, kind: plan, period: 2022, submitted_on: 2022-01-01}\n"
        "proposal: {id: p, body: rc, date: 2022-01-01, residents_signed: 300, residents_total: 200}\n"
        "hearing: {id: h, body: rc, date: 2022-05-10, topic: x, published_on: 2022-05-01}\n"
        "session: {id: s, body: rc, date: 2022-01-01, number: 0, days: 1}\n"
        "meeting: {id: m, body: rc, date: 2022-01-01, present: [], proposal: nope}\n",
        encoding="utf-8")
    errors = {e.render() for e in check_paths([tmp_path], base=tmp_path).input_errors}
    expected = [
        ".: the `community:` record in community.yaml has input errors and was left out, so "
        "the jurisdiction (and its rule overlays) is not known [missing_community]",
        "community.yaml:1:84: community.records_cover.to: records_cover ends (2022-01-01) before "
        "it starts (2022-12-31) [value_error]",
        "r.yaml:2:47: reports[0].period: expected a calendar period such as 2022, 2022-H1, "
        "2022-Q3, 2022-B2 or 2022-03, got '2022-13' [value_error]",
        "r.yaml:3:14: reports[1].body: no body with id 'nobody'; known: rc [unknown_id]",
        "r.yaml:4:47: proposal.residents_signed: residents_signed (300) exceeds residents_total "
        "(200) [value_error]",
        "r.yaml:5:56: hearing.published_on: published_on 2022-05-01 is before the hearing "
        "2022-05-10 [value_error]",
        "r.yaml:6:46: session.number: must be at least 1, got 0 [greater_than_equal]",
        "r.yaml:7:59: meeting.proposal: no proposal with id 'nope' in this dossier [unknown_id]",
    ]
    assert sorted(errors) == sorted(expected)


@pytest.mark.parametrize("fast", [True, False], ids=["binding", "pyyaml"])
@pytest.mark.parametrize(("raw", "lines"), [
    (b"meeting:\n  id: !<%ED%A0%80> m\n", (2, 2)),  # a lone surrogate, %-escaped
    (b"meeting: !<%C0%80> {}\n", (1, 1)),  # an overlong NUL
    (b"%TAG !e! tag:%C0%80\n---\nmeeting:\n  id: !e!x m\n", (4, 1)),
    (b"\xef\xbb\xbfmeeting:\n  id: !<%ED%A0%80> m\n", (2, 2)),  # with a BOM
])
def test_a_tag_whose_escapes_are_not_utf8_is_refused_at_its_place(
        raw: bytes, lines: tuple[int, int], fast: bool) -> None:
    """libyaml turns a tag's %-escapes into bytes that need not be UTF-8: the tag is refused
    like any other, at its line, not raised as a decoding error (an "internal error" before).
    The binding gives the tag's place; PyYAML's raises without one, and the error is put at
    the first tag or ``%TAG`` directive written with a %-escape."""
    line = lines[0] if fast else lines[1]
    from governance_rules.records._parse import BOM, ParseFailure, _YamlBuilder, parse_record_text

    with pytest.raises(ParseFailure) as failure:
        if fast:
            parse_record_text(raw, "m.yaml")
        else:
            body_ = raw[len(BOM):] if raw.startswith(BOM) else raw
            _YamlBuilder("m.yaml", fast=False).build(body_.decode())
    assert (failure.value.error.type, failure.value.error.line) == ("yaml_tag", line)


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif", "github", "gitlab", "junit",
                                 "html"])
def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path, fmt: str) -> None:
    """A file name with a byte that is not UTF-8 (a Windows share, an old archive): the report
    names it as ``ls -b`` does (``b\\xe9.yaml``), its findings and input errors are reported,
    and the run ends as any other; it was an internal error with no report at all."""
    import os
    import subprocess
    import sys

    examples = Path(__file__).resolve().parents[1] / "examples" / "village"
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "community.yaml").write_bytes((examples / "community.yaml").read_bytes())
    root = os.fsencode(folder)
    with open(root + b"/b\xe9.yaml", "wb") as handle:
        handle.write((examples / "bodies.yaml").read_bytes())
    with open(root + b"/x\xe9.yaml", "wb") as handle:
        handle.write(b"foo: [")
    done = subprocess.run([sys.executable, "-m", "governance_rules", "check", root, b"nope\xff",
                           "--format", fmt], capture_output=True, cwd=tmp_path, timeout=120)
    out = done.stdout.decode("utf-8")
    assert done.returncode == 2, done.stderr
    assert done.stderr == b""
    assert "x\\xe9.yaml" in out or "x\\\\xe9.yaml" in out
    assert "nope\\xff" in out or "nope\\\\xff" in out


def test_a_community_or_body_left_out_for_its_errors_is_not_called_missing() -> None:
    """A community record with a field error is refused, not absent; a record that names a
    refused body says it may have been left out."""
    place = community()
    place["community"]["nickname"] = "x"
    report = check({"c.yaml": place, "b.yaml": {"body": {"id": "b", "kind": "committeee",
                                                           "name": "委员会", "seats": []}},
                    "m.yaml": {"meeting": {"id": "m", "body": "b", "date": "2022-01-01",
                                           "present": []}}})
    said = {e.type: e for e in report.input_errors}
    assert "c.yaml has input errors and was left out" in said["missing_community"].msg
    assert "c.yaml中的社区（community）记录有输入错误" in said["missing_community"].text("zh")
    named = said["left_out_with"]  # at the body, the root of it; the meeting left out with it
    assert named.file == "b.yaml"
    assert named.msg == ("body 委员会 (b) was left out for its input errors, and with it 1 record "
                         "that names it (m.yaml: m); correct the body and all are checked")
    assert named.text("zh") == ("机构委员会（b）因输入错误未予检查，引用它的1条记录随之未予检查"
                                "（m.yaml：「m」）；更正该机构后一并检查")
    assert "unknown_id" not in said
    clean = check({"c.yaml": community(), "m.yaml": {"meeting": {
        "id": "m", "body": "b", "date": "2022-01-01", "present": []}}})
    assert "left out" not in next(e for e in clean.input_errors if e.type == "unknown_id").msg


def test_a_sitting_outside_its_session_s_days_is_refused_at_its_line() -> None:
    """A session of one stated day whose sittings ran into a second contradicts itself: the
    length TPC-DURATION judges would be a guess."""
    from governance_rules import check_data

    report = check_data({"s.yaml": {"session": {
        "id": "s1", "body": "tpc", "date": "2022-03-10", "number": 2, "days": 1,
        "sittings": [{"kind": "plenary", "date": "2022-03-10"},
                     {"kind": "plenary", "date": "2022-03-11"}]}}})
    [error] = [e for e in report.input_errors if e.file == "s.yaml"]
    assert error.loc[-3:] == ("sittings", 1, "date"), error
    assert "a sitting on 11 March 2022 is outside the session's days (10 March 2022" in error.msg
    assert "2022年3月11日的会议不在会期（2022年3月10日）之内" in error.ctx["zh"]


def test_every_problem_of_a_record_is_reported_in_one_run(tmp_path: Path) -> None:
    """A record's own checks report all they find, not the first: five problems of one
    meeting (a notice after the day, a person twice, too many votes, a motion id twice, a
    consent from somebody absent) are five input errors at their five lines in one run."""
    path = _dossier(tmp_path, MEETING.replace("  date: 2022-03-15\n",
                                              "  date: 2022-03-15\n  notice_date: 2022-03-20\n")
                    .replace("b-p2]", "b-p0]").replace("no: 0}", "no: 2}")
                    + "    - id: x\n      title: 议题\n      outcome: adopted\n"
                      "      consented: [b-p2]\n")
    report = check_paths([path.parent])
    assert [(e.line, e.loc[1:]) for e in report.input_errors] == [
        (5, ("notice_date",)), (6, ("present", 2)), (11, ("motions", 0, "votes")),
        (12, ("motions", 1, "id")), (15, ("motions", 1, "consented", 0))]
    assert all(e.type == "value_error" and e.ctx.get("zh") for e in report.input_errors)


def test_one_motion_s_error_hides_no_other_motion_s(tmp_path: Path) -> None:
    """A motion's own error (votes.yes 2, one person consented) stopped the meeting's checks,
    so the other motion's consent from someone absent went unreported until the first was
    mended, and it named the motion by its id ('c') where its title was known: both are input
    errors of one run, and a motion is named by its title."""
    path = _dossier(tmp_path, MEETING.replace(", b-p2]", "]").replace(
        "    - id: x\n      title: 议题\n      outcome: adopted\n      votes: {yes: 3, no: 0}\n",
        "    - {id: c, title: 丙, outcome: adopted, consented: [b-p0, b-p2]}\n"
        "    - {id: f, title: 己, outcome: adopted, consented: [b-p0], votes: {yes: 2}}\n"
        "    - {id: g, title: 庚, outcome: adopted}\n"))
    report = check_paths([path.parent])
    assert [(e.loc[1:], e.msg, e.ctx["zh"]) for e in report.input_errors] == [
        (("motions", 0, "consented", 1), 'motion "丙": b-p2 consented but is not in `present`',
         "议题「丙」：「b-p2」列为同意，但不在「present」中"),
        (("motions", 1, "votes", "yes"), "votes.yes is 2 but `consented` names 1 person",
         "「votes.yes」为2，但「consented」列了1人"),
        (("motions", 2), 'motion "庚" was voted on and needs `votes` or `consented`',
         "议题「庚」已表决，须写明「votes」或「consented」")]


def test_an_expense_and_a_hearing_report_every_problem_at_once() -> None:
    from pydantic import ValidationError

    from governance_rules.models import Hearing

    with pytest.raises(ValidationError) as hearing:
        Hearing.model_validate({
            "id": "h", "body": "rc", "date": "2022-05-10", "topic": "t", "invited": ["a"],
            "attended": ["b"], "published_on": "2022-05-01", "sent_in_writing_on": "2022-05-02"})
    assert [e["loc"] for e in hearing.value.errors()] == [
        ("attended", 0), ("published_on",), ("sent_in_writing_on",)]
    # an expense's contradictions are found with the rosters known (its people named), when
    # the dossier is resolved: every one at once, each at its field
    signature = {"role": "director", "person": "d", "date": "2022-01-05"}
    report = _expense_checked([signature, {**signature, "person": "x"},
                               {"role": "deputy_director", "person": "x"},
                               {"role": "handler", "person": "h"},
                               {"role": "handler", "person": "h"}])
    assert [e.loc[1:] for e in report.input_errors] == [  # in the file's order
        ("signatures", 1, "person"), ("signatures", 2, "person"), ("signatures", 4, "person")]


def _expense_checked(signatures: list[dict[str, str]]) -> Any:
    """A dossier of one 50-yuan expense with ``signatures``, checked."""
    return check({"c.yaml": community(), "b.yaml": body("rc", "residents_committee", 1),
                  "e.yaml": {"expense": {
                      "id": "e", "body": "rc", "purpose": "p", "payee": "q", "amount": "50",
                      "paid_on": "2022-01-05", "accountant": "a", "cashier": "c",
                      "voucher": "invoice", "signatures": signatures}}})


def test_two_deputy_directors_may_both_sign() -> None:
    """三人以上签字 (SQ-SIFANG:384): more signers than three is no contradiction, so a second
    signer in a role is kept (a second director on one day still is one)."""
    from governance_rules.models import Expense

    expense = Expense.model_validate({
        "id": "e", "body": "rc", "purpose": "p", "payee": "q", "amount": "300",
        "paid_on": "2022-01-05", "accountant": "a", "cashier": "c", "voucher": "invoice",
        "signatures": [{"role": "handler", "person": "h"}, {"role": "director", "person": "d"},
                       {"role": "deputy_director", "person": "v1"},
                       {"role": "deputy_director", "person": "v2"}]})
    assert len(expense.signatures) == 4


def test_a_director_signing_as_deputy_is_found_whatever_the_order() -> None:
    for deputies in (["m", "t"], ["t", "m"]):
        report = _expense_checked([{"role": "director", "person": "m"},
                                   *({"role": "deputy_director", "person": p} for p in deputies)])
        assert [e.loc[1:] for e in report.input_errors] == [
            ("signatures", 1 + deputies.index("m"), "person")]


@pytest.mark.parametrize(("kind", "period", "wanted_en", "wanted_zh"), [
    ("dispute_monthly", "2022-Q4", "this monthly dispute report is a month, such as 2022-10",
     "矛盾纠纷月报所报期间须为月份，如「2022-10」"),
    ("security_analysis", "2022-10", "this security analysis is a quarter, such as 2022-Q3",
     "治安形势分析所报期间须为季度，如「2022-Q3」"),
    ("inspection", "2022", "this inspection report is a half year, such as 2022-H1",
     "检查报告所报期间须为半年，如「2022-H1」")])
def test_a_report_of_another_period_than_its_kind_is_refused(kind: str, period: str,
                                                             wanted_en: str,
                                                             wanted_zh: str) -> None:
    """A monthly dispute report labelled with a quarter would count for the quarter's first
    month and never be judged late: the period is of the kind's granularity, or the report is
    an input error at its period."""
    from governance_rules import check_data

    report = check_data({"r.yaml": {"report": {"id": "r", "body": "o", "kind": kind,
                                               "period": period,
                                               "submitted_on": "2022-11-03"}}})
    [error] = [e for e in report.input_errors if e.file == "r.yaml"]
    assert error.loc[-1] == "period" and wanted_en in error.msg, error
    assert wanted_zh in error.text("zh") and f"实为「{period}」" in error.text("zh")


@pytest.mark.parametrize(("asked", "said_en", "said_zh"), [
    ({"window": (None, date(2021, 6, 30))},
     "from 1 January 2022 (the first day of records_cover) to 30 June 2021 (window[1])",
     "自2022年1月1日（「records_cover」的首日）至2021年6月30日（参数window[1]）"),
    ({"as_of": date(2021, 6, 30)},
     "from 1 January 2022 (the first day of records_cover) to 30 June 2021 (as_of)",
     "自2022年1月1日（「records_cover」的首日）至2021年6月30日（参数as_of）"),
    ({"window": (date(2023, 2, 1), None)},
     "from 1 February 2023 (window[0]) to 31 December 2022 (the last day of records_cover)",
     "自2023年2月1日（参数window[0]）至2022年12月31日（「records_cover」的末日）")])
def test_days_asked_outside_records_cover_are_an_input_error_and_nothing_is_checked(
        asked: dict[str, Any], said_en: str, said_zh: str) -> None:
    """Records that cover 2022, checked to 30 June 2021, hold no day to check: the run says
    so at records_cover (exit 2), in both languages, rather than find or pass anything. The
    days asked for are named as the caller gave them (a Python caller passed no `--to`)."""
    from governance_rules import check_data

    place = community()
    place["community"]["records_cover"] = {"from": "2022-01-01", "to": "2022-12-31"}
    report = check_data({"c.yaml": place, "b.yaml": body("b", "consultation_committee", 1),
                         "m.yaml": {"meeting": {"id": "m", "body": "b", "date": "2022-03-01",
                                                "present": ["b-p0"]}}}, **asked)
    [error] = report.input_errors
    assert error.loc == ("community", "records_cover") and said_en in error.msg, error
    assert said_zh in error.text("zh") and "起日晚于止日" in error.text("zh")
    assert report.findings == [] and report.summary.records_checked == 0
    on_the_first = check_data({"c.yaml": place}, window=(None, date(2022, 1, 1)))
    assert on_the_first.input_errors == []  # one day is a window


def test_days_outside_the_records_name_the_flag_on_the_command_line(
        capsys: pytest.CaptureFixture[str]) -> None:
    """The command line names its own flag, as the API and the server name theirs."""
    from _helpers import EXAMPLES

    from governance_rules.cli import main

    assert main(["check", str(EXAMPLES / "sifang"), "--to", "2021-01-01", "--format",
                 "json"]) == 2
    assert "to 1 January 2021 (--to): the first is after the last" in capsys.readouterr().out


@pytest.mark.parametrize(("value", "limit", "shown"), [
    ("\n" * 50, 12, r"'\n\n\n\n…'"),
    ("x" * 20 + "\\" * 20, 30, "'" + "x" * 20 + "\\\\" * 3 + "…'"),
    ('"' + "'" * 40, 14, "'\"" + "\\'" * 5 + "…'"),
    ("短" * 100, 10, "'" + "短" * 7 + "…'"),
    ("ok", 10, "'ok'"),
])
def test_a_long_text_shown_keeps_its_quotes_and_escapes(value: str, limit: int,
                                                        shown: str) -> None:
    """short_input('\\n' * 50) gave '\\n\\n… with no closing quote, and a text of backslashes
    was cut inside an escape ('…\\…'): the text is cut before it is quoted."""
    from governance_rules.errors import short_input

    assert short_input(value, limit) == shown
    assert len(shown) <= limit


def test_a_long_text_shown_in_chinese_has_no_escaped_quotes() -> None:
    """_zh_shown('"' + "'" * 40) showed 「"\\'\\'\\'…」: Python's escapes of its own quote."""
    from governance_rules.models._types import _zh_shown

    assert _zh_shown('"' + "'" * 40) == "「\"" + "'" * 38 + "…」"
    assert _zh_shown("\n" * 50) == "「" + "\\n" * 38 + "…」"


def test_a_township_record_naming_a_body_of_another_kind_is_an_input_error() -> None:
    """A suggestion on the presidium, work points of the congress: each was left out without a
    word (its findings vanished, 0 input errors); now each is an input error at its ``body``
    saying, in both languages, what the record belongs to and what the body named is."""
    files = {"community.yaml": community(),
             "tpc.yaml": {"body": {"id": "tpc", "kind": "township_congress", "name": "某镇人大",
                                   "seats": [{"person": "d", "name": "代表甲", "terms": [
                                       {"start": "2021-10-01", "obtained_by": "election"}]}]}},
             "zxt.yaml": body("zxt", "presidium", 3),
             "y.yaml": {"suggestion": {"id": "y1", "body": "zxt", "date": "2022-02-24",
                                       "deputy": "d", "answered_on": "2022-08-30"}},
             "w.yaml": {"work_points": {"id": "wp", "body": "tpc", "date": "2022-01-10"}}}
    errors = {e.file: e for e in check(files).input_errors}
    suggestion, points = errors["y.yaml"], errors["w.yaml"]
    assert (suggestion.type, suggestion.field) == ("wrong_body_kind", "suggestion.body")
    assert suggestion.msg == ("a deputy's suggestion belongs to the township people's "
                                  "congress; 'zxt' is the presidium of the congress"), suggestion
    assert suggestion.text("zh") == "代表建议属于乡镇人民代表大会，「zxt」是人大主席团"
    assert points.msg == ("a set of work points belongs to the presidium of the congress; "
                              "某镇人大 (tpc) is the township people's congress")
    assert points.text("zh") == "工作要点属于人大主席团，某镇人大（tpc）是乡镇人民代表大会"
