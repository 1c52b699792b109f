"""A record left out for its input errors is named where its absence shows: a period found
short says a record of its own was left out, and a record naming a left-out meeting says which
meeting and where it is, not that there is none."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from _helpers import EXAMPLES

from governance_rules import Report, check_paths


def _sifang_with_stranger(tmp_path: Path, meeting: str) -> Path:
    """examples/sifang with somebody who held no seat present at residents' committee meeting
    ``meeting``: the meeting is left out of the check."""
    root = tmp_path / "sifang"
    shutil.copytree(EXAMPLES / "sifang", root)
    path = root / "meetings" / "residents-committee.yaml"
    text = path.read_text(encoding="utf-8")
    head = f"- id: {meeting}\n"
    at = text.index(head)
    present = text.index("  present:\n", at) + len("  present:\n")
    path.write_text(text[:present] + "  - stranger\n" + text[present:], encoding="utf-8")
    return root


def _monthly(report: object, month: str) -> list:
    return [f for f in report.findings  # type: ignore[attr-defined]
            if f.rule_id == "rc-monthly" and f.record.id.endswith(month)]


@pytest.mark.parametrize("engine", ["native", "durable"])
def test_a_month_short_of_its_left_out_meeting_says_so(tmp_path: Path, engine: str) -> None:
    root = _sifang_with_stranger(tmp_path, "rc-2022-02")
    report = check_paths([root], base=tmp_path, engine=engine)
    assert [e.type for e in report.input_errors] == ["not_seated"]
    [finding] = _monthly(report, "2022-02")
    line = finding.message.zh.split("另：")[1]
    assert line.startswith("会议「rc-2022-02」（2022年2月5日，sifang/meetings/residents-committee.yaml第")
    assert "；另：" in finding.message.zh and "; also: " in finding.message.en  # a clause apart
    assert "因输入错误未纳入本次检查，更正后本项结论可能改变" in finding.message.zh
    assert ("also: meeting rc-2022-02 of 5 February 2022, sifang/meetings/residents-committee.yaml:"
            in finding.message.en)
    assert "was left out of this check for its input errors" in finding.message.en
    assert finding.evidence.details["left_out"] == "rc-2022-02"
    # the other months are judged as before, with no such note
    assert not any("left out" in f.message.en for f in report.findings if f is not finding)


def test_a_period_that_passes_or_lies_elsewhere_gets_no_note(tmp_path: Path) -> None:
    root = _sifang_with_stranger(tmp_path, "rc-2022-02")
    report = check_paths([root], base=tmp_path)
    clean = check_paths([EXAMPLES / "sifang"], base=EXAMPLES)
    assert not _monthly(clean, "2022-02")
    assert len(report.findings) == len(clean.findings) + 1


def test_a_record_naming_a_left_out_meeting_says_where_it_is(tmp_path: Path) -> None:
    root = _sifang_with_stranger(tmp_path, "rc-2022-06")
    report = check_paths([root], base=tmp_path)
    assert not [e for e in report.input_errors if e.type == "unknown_id"]
    [named] = [e for e in report.input_errors if e.type == "left_out_with"]
    assert named.file == "sifang/meetings/residents-committee.yaml"
    assert named.msg == ("meeting 'rc-2022-06' was left out for its input errors, and with it 1 "
                         "record that names it (sifang/hearings.yaml: hearing-2022-05); correct "
                         "the meeting and all are checked")
    assert named.ctx["zh"].startswith("会议「rc-2022-06」因输入错误未予检查，引用它的1条记录")
    assert "本卷宗没有" not in named.ctx["zh"]


def test_a_book_naming_an_expense_refused_for_its_own_errors_is_still_checked(
        tmp_path: Path) -> None:
    """An expense refused for its amount (八十元) made the ledger naming it "name an expense the
    dossier lacks", so the ledger was left out too and every other expense was found not
    entered in it (ten false fin-books errors)."""
    root = tmp_path / "sifang"
    shutil.copytree(EXAMPLES / "sifang", root)
    path = root / "expenses" / "exp-2022-001.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("amount: '80.00'", "amount: 八十元"),
                    encoding="utf-8")
    report = check_paths([root], base=tmp_path)
    [refused] = report.input_errors
    assert refused.file == "sifang/expenses/exp-2022-001.yaml" and refused.ctx["record"] == "exp-2022-001"
    clean = check_paths([EXAMPLES / "sifang"], base=EXAMPLES)
    books = [f.record.id for f in report.findings if f.rule_id.startswith("fin-books")]
    assert books == [f.record.id for f in clean.findings if f.rule_id.startswith("fin-books")]
    assert "exp-2022-001" not in {f.record.id for f in report.findings}


def test_a_body_listing_somebody_on_two_seats_is_left_out_not_judged_by_one(
        tmp_path: Path) -> None:
    """马军 listed twice on the residents' committee (a member's seat before the director's):
    judged by the first seat, the body gave ~33 findings such as "马军 held no director's seat
    on 14 February 2022, held that day by 马军"."""
    root = tmp_path / "sifang"
    shutil.copytree(EXAMPLES / "sifang", root)
    path = root / "bodies" / "residents-committee.yaml"
    text = path.read_text(encoding="utf-8")
    earlier = ("  - person: ma-jun\n    name: 马军\n    role: member\n    terms:\n"
               "    - start: '2018-06-20'\n      end: '2021-06-19'\n      obtained_by: election\n")
    path.write_text(text.replace("  seats:\n", "  seats:\n" + earlier, 1), encoding="utf-8")
    report = check_paths([root], base=tmp_path)
    said = {(e.type, e.file): e for e in report.input_errors}
    at = "sifang/bodies/residents-committee.yaml"
    assert said["duplicate_id", at].loc == ("body", "seats", 1, "person")
    assert said["left_out_with", at].msg.startswith(
        "body 兴华路社区居民委员会 (residents-committee) was left out for its input errors, and "
        "with it ")
    assert said["left_out_with", at].text("zh").startswith(
        "机构兴华路社区居民委员会（residents-committee）因输入错误未予检查，引用它的")
    assert not [f for f in report.findings if "held that day by 马军" in f.message.en
                or ("ma-jun" in f.message.en and "held no" in f.message.en)]


def test_every_finding_of_a_dossier_whose_body_was_left_out_says_it_may_change(
        tmp_path: Path) -> None:
    """A residents' committee left out for its input errors made its workers' months "no report
    to the residents' committee" (its meetings were left out with it): 48 findings that read as
    settled. Each finding of the dossier now says the body was left out and where."""
    root = tmp_path / "sifang"
    shutil.copytree(EXAMPLES / "sifang", root)
    path = root / "bodies" / "residents-committee.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("end: '2022-10-14'",
                                                             "end: '2020-10-14'", 1),
                    encoding="utf-8")
    report = check_paths([root], base=tmp_path)
    assert report.findings
    for finding in report.findings:
        assert finding.evidence.details["bodies_left_out"] == "residents-committee"
        assert finding.message.zh.endswith(
            "；另：机构兴华路社区居民委员会（residents-committee，sifang/bodies/"
            "residents-committee.yaml第13行）"
            "因输入错误未予检查，依赖其名册或记录的结论更正后可能改变"), finding.message.zh
    clean = check_paths([EXAMPLES / "sifang"], base=EXAMPLES)
    assert not any("bodies_left_out" in f.evidence.details for f in clean.findings)


def _convened_by_a_refused_body(name: object = "rc") -> Report:
    """The report of meeting ra-1 convened by body rc (named ``name``), refused for its
    established day (2003-05-41)."""
    from _helpers import body, community, members

    from governance_rules import check_data

    refused = body("rc", "residents_committee", 3)
    refused["body"].update(name=name, established="2003-05-41")
    return check_data({"c.yaml": community(), "rc.yaml": refused,
                       "ra.yaml": body("ra", "member_representative_assembly", 3),
                       "m.yaml": {"meeting": {"id": "ra-1", "body": "ra", "date": "2022-03-01",
                                              "convened_by": "rc",
                                              "present": members("ra", 3)}}})


def test_a_meeting_convened_by_a_left_out_body_is_left_out_with_it() -> None:
    """ra-1, convened by a body left out for its errors, was listed as left out with it and
    then checked all the same ("the convening body is not recorded")."""
    report = _convened_by_a_refused_body()
    [named] = [e for e in report.input_errors if e.type == "left_out_with"]
    assert named.msg.startswith("body 'rc' was left out for its input errors, and with it 1 "
                                "record that names it (m.yaml: ra-1)")
    assert not [f for f in report.findings if f.record.id == "ra-1"]


@pytest.mark.parametrize(("name", "en", "zh"), [
    ("四方居委会", "body 四方居委会 (rc)", "机构四方居委会（rc）"),
    (7, "body 'rc'", "机构「rc」"),  # a name that is no text: by its id alone
], ids=["by its name", "by its id"])
def test_a_body_refused_for_its_errors_is_named_by_its_name(name: object, en: str,
                                                             zh: str) -> None:
    """A body refused for a mistyped day was named by its id alone ("body 'rc' was left out
    …", 机构「rc」) though its record gave its name."""
    report = _convened_by_a_refused_body(name)
    [named] = [e for e in report.input_errors if e.type == "left_out_with"]
    assert named.msg == (f"{en} was left out for its input errors, and with it 1 record that "
                         "names it (m.yaml: ra-1); correct the body and all are checked")
    assert named.text("zh") == (f"{zh}因输入错误未予检查，引用它的1条记录随之未予检查"
                                "（m.yaml：「ra-1」）；更正该机构后一并检查")


def test_the_records_days_window_does_not_reach_back_to_a_body_set_up_years_before(
        tmp_path: Path) -> None:
    """Without records_cover the window began on the residents' committee's established day,
    1 May 2003: 'no full-member meetings in May 2003' and 224 more months of three rules."""
    root = tmp_path / "sifang"
    shutil.copytree(EXAMPLES / "sifang", root)
    path = root / "community.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.rindex("\n", 0, text.index("records_cover")) + 1
    end = text.index("\n", text.index("to:", start))
    path.write_text(text[:start] + text[end + 1:], encoding="utf-8")
    report = check_paths([root], base=tmp_path)
    assert not report.input_errors and report.findings
    assert not [f for f in report.findings if (f.date or "") < "2021"], [
        (f.rule_id, f.date) for f in report.findings if (f.date or "") < "2021"]


def _example_with(tmp_path: Path, example: str, file: str, old: str, new: str) -> Path:
    """``examples/<example>`` with ``old`` in ``file`` written ``new`` (once)."""
    root = tmp_path / example
    shutil.copytree(EXAMPLES / example, root)
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def test_a_meeting_on_a_proposal_left_out_is_left_out_with_it(tmp_path: Path) -> None:
    """proposal-2022-10 refused for its date (2022-10-38) gave "no proposal with id
    'proposal-2022-10' in this dossier" at ra-2022-10, and ra-adhoc-basis then found the ad
    hoc meeting held "with neither a proposal nor stated special circumstances"."""
    root = _example_with(tmp_path, "sifang", "proposals.yaml", "date: '2022-10-08'",
                         "date: '2022-10-38'")
    report = check_paths([root], base=tmp_path)
    assert {e.type for e in report.input_errors} == {"value_error", "left_out_with"}
    [named] = [e for e in report.input_errors if e.type == "left_out_with"]
    assert named.file == "sifang/proposals.yaml"
    assert named.msg.startswith("proposal 'proposal-2022-10' was left out for its input errors, "
                                "and with it 1 record that names it (sifang/meetings/assembly."
                                "yaml: ra-2022-10)")
    assert not [f for f in report.findings if f.record.id == "ra-2022-10"]


def test_a_meeting_on_a_proposal_not_held_is_left_out(tmp_path: Path) -> None:
    """A mistyped proposal id was reported and the meeting judged all the same as a sitting on
    no proposal (ra-adhoc-basis: "neither a proposal nor stated special circumstances")."""
    root = _example_with(tmp_path, "sifang", "meetings/assembly.yaml",
                         "proposal: proposal-2022-10", "proposal: proposal-2022-11")
    report = check_paths([root], base=tmp_path)
    said = {e.type: e for e in report.input_errors}
    assert said["unknown_id"].msg == "no proposal with id 'proposal-2022-11' in this dossier"
    assert said["left_out_with"].msg.startswith("meeting 'ra-2022-10' was left out")
    assert not [f for f in report.findings if f.record.id == "ra-2022-10"]


def test_a_motion_naming_an_expense_left_out_says_where_it_is(tmp_path: Path) -> None:
    """exp-2022-005 refused for its paid_on (2022-05-41) gave "no expense with id
    'exp-2022-005' in this dossier" at the motion naming it."""
    root = _example_with(tmp_path, "sifang", "expenses/exp-2022-005.yaml",
                         "paid_on: '2022-05-06'", "paid_on: '2022-05-41'")
    report = check_paths([root], base=tmp_path)
    said = {e.type: e for e in report.input_errors}
    assert said.keys() == {"value_error", "names_left_out"}
    link = said["names_left_out"]
    assert link.file == "sifang/meetings/assembly.yaml" and link.loc[-2:] == ("expense", "id")
    assert link.msg == ("expense 'exp-2022-005' was left out for its input errors "
                        "(sifang/expenses/exp-2022-005.yaml:5); this link to it counts for "
                        "nothing until it is corrected")
    assert link.text("zh") == ("开支「exp-2022-005」因输入错误未予检查（sifang/expenses/"
                               "exp-2022-005.yaml第5行），此处对它的引用不计，更正后一并检查")
    clean = check_paths([EXAMPLES / "sifang"], base=EXAMPLES)
    assert {f.record.id for f in report.findings} <= {f.record.id for f in clean.findings}


def test_a_rectification_of_an_inspection_left_out_is_left_out_with_it(tmp_path: Path) -> None:
    """inspection-2022-h1 refused for its period (2022) gave "no inspection report
    'inspection-2022-h1' of 'office' in this dossier", the office by its id."""
    root = _example_with(tmp_path, "dingyuan", "reports.yaml", "period: 2022-H1\n",
                         "period: 2022\n")
    report = check_paths([root], base=tmp_path)
    assert not [e for e in report.input_errors if e.type == "unknown_id"]
    [named] = [e for e in report.input_errors if e.type == "left_out_with"]
    assert named.msg.startswith("inspection report 'inspection-2022-h1' was left out for its "
                                "input errors, and with it 1 record that names it "
                                "(dingyuan/rectifications.yaml: ")


def test_a_meeting_naming_two_records_not_held_says_both() -> None:
    from _helpers import body, community, members

    from governance_rules import check_data

    files = {"c.yaml": community(), "ra.yaml": body("ra", "member_representative_assembly", 3),
             "m.yaml": {"meeting": {"id": "ra-1", "body": "ra", "date": "2022-03-01",
                                    "convened_by": "rc", "proposal": "p-1",
                                    "present": members("ra", 3)}}}
    report = check_data(files)
    assert sorted(e.loc[-1] for e in report.input_errors) == ["convened_by", "proposal"]
    assert not [f for f in report.findings if f.record.id == "ra-1"]


def _noted(finding: Any, zh: str, en: str) -> None:
    """``finding``'s message ends naming one record left out, as ``zh`` and ``en`` name it."""
    assert finding.message.zh.endswith(f"；另：{zh}因输入错误未纳入本次检查，更正后本项结论可能改变")
    assert finding.message.en.endswith(
        f"; also: {en}, was left out of this check for its input errors; the verdict may change "
        "once it is corrected")


def _dingyuan_with(tmp_path: Path, old: str, new: str) -> Path:
    root = tmp_path / "dingyuan"
    shutil.copytree(EXAMPLES / "dingyuan", root)
    path = root / "reports.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return root


@pytest.mark.parametrize("engine", ["native", "durable"])
def test_a_half_year_short_of_its_refused_inspection_report_names_it(
        tmp_path: Path, engine: str) -> None:
    """An inspection report refused for its own input errors (a rectification due on 31
    August written 2022-08-32) left zz-inspection saying only "no inspection reports in the
    first half of 2022; at least 1 required", as settled: a report is refused by its own checks
    only, and such a record never reached the records left out of a period. The half year now
    names it, as a month names a meeting left out."""
    root = _dingyuan_with(tmp_path, "    by: '2022-08-31'", "    by: '2022-08-32'")
    report = check_paths([root], base=tmp_path, engine=engine)
    [refused] = [e for e in report.input_errors if e.ctx.get("record") == "inspection-2022-h1"]
    [half] = [f for f in report.findings if f.rule_id == "zz-inspection"]
    assert half.record.id == "office/report_inspection/2022-H1"
    _noted(half, "报告「inspection-2022-h1」（2022年7月4日，dingyuan/reports.yaml第224行）",
           "report inspection-2022-h1 of 4 July 2022, dingyuan/reports.yaml:224")
    assert half.evidence.details["left_out"] == "inspection-2022-h1"
    assert refused.file == "dingyuan/reports.yaml"


def test_a_record_refused_whole_or_for_its_period_is_named_by_no_period(tmp_path: Path) -> None:
    """A report whose period itself was refused cannot say which half year it would have
    counted for: no period names it (the input error does)."""
    root = _dingyuan_with(tmp_path, "  period: 2022-H1\n", "  period: 2022-Q2\n")
    report = check_paths([root], base=tmp_path)
    assert [e.loc[-1] for e in report.input_errors
            if e.ctx.get("record") == "inspection-2022-h1"] == ["period"]
    assert not [f for f in report.findings if "left out of this check" in f.message.en]


def test_a_month_short_of_a_meeting_refused_by_its_own_checks_names_it(tmp_path: Path) -> None:
    """A meeting refused for a field no meeting has was not named by its month either."""
    root = tmp_path / "sifang"
    shutil.copytree(EXAMPLES / "sifang", root)
    path = root / "meetings" / "residents-committee.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("  present:\n", text.index("- id: rc-2022-02\n"))
    path.write_text(text[:at] + "  quorum_note: 1\n" + text[at:], encoding="utf-8")
    report = check_paths([root], base=tmp_path)
    assert [e.type for e in report.input_errors] == ["extra_forbidden"]
    [finding] = _monthly(report, "2022-02")
    assert "also: meeting rc-2022-02 of 5 February 2022" in finding.message.en


def _sifang_with(tmp_path: Path, edits: dict[str, tuple[str, str]]) -> Path:
    """examples/sifang with ``edits`` (file → old text, new text) made."""
    root = tmp_path / "sifang"
    shutil.copytree(EXAMPLES / "sifang", root)
    for name, (old, new) in edits.items():
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


_HE_PING_LEAVES = ("bodies/residents-committee.yaml", (
    "  - person: he-ping\n    name: 何平\n    role: deputy_director\n",
    "  - person: he-ping\n    name: 何平\n    role: deputy_director\n    handled_funds: true\n"))


def _he_ping_until(root: Path, last: str) -> None:
    """何平's deputy director term ends on ``last``: he leaves the post that kept the funds."""
    path = root / "bodies" / "residents-committee.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("  - person: he-ping\n")
    end = text.index("      end: '2024-06-19'", at)
    path.write_text(text[:end] + f"      end: '{last}'" + text[end + len("      end: '2024-06-19'"):],
                    encoding="utf-8")


def test_an_expense_short_of_its_left_out_ledger_names_it(tmp_path: Path) -> None:
    """FIN-BOOKS (SQ-SIFANG:383): an account book left out for an entry naming no expense was
    the expenses' book; their "not entered in the account book" findings name it, and no other
    rule's finding on the expenses does (fin-tiers reads no entry)."""
    root = _sifang_with(tmp_path, {"finance-books/ledger-2022.yaml": (
        "  entries:\n", "  entries:\n  - expense: exp-2022-099\n    entered_on: '2022-12-01'\n")})
    report = check_paths([root], base=tmp_path)
    books = [f for f in report.findings if f.rule_id == "fin-books"]
    assert books and all(f.evidence.details["left_out"] == "ledger-2022" for f in books)
    first = next(f for f in books if f.record.id == "exp-2022-001")
    _noted(first, "账簿「ledger-2022」（sifang/finance-books/ledger-2022.yaml第2行）",
           "ledger ledger-2022, sifang/finance-books/ledger-2022.yaml:2")
    tiers = [f for f in report.findings if f.rule_id == "fin-tiers"]
    assert tiers and not any("left_out" in f.evidence.details for f in tiers)


def test_a_quarter_short_of_its_left_out_review_names_it(tmp_path: Path) -> None:
    """FIN-AUDIT (SQ-SIFANG:386): the supervision group's review of 20 September, refused for
    its publication day, is named by the third quarter it would have counted in."""
    root = _sifang_with(tmp_path, {"audits.yaml": ("audits:\n", (
        "audits:\n- id: audit-t\n  body: residents-committee\n  date: '2022-09-20'\n"
        "  kind: quarterly_review\n  by: supervision-group\n  published_on: '2022-09-31'\n"))})
    report = check_paths([root], base=tmp_path)
    [quarter] = [f for f in report.findings if f.rule_id == "fin-audit"]
    assert quarter.evidence.details["left_out"] == "audit-t"
    assert "；另：财务审查「audit-t」（2022年9月20日，sifang/audits.yaml第" in quarter.message.zh
    assert "; also: audit audit-t of 20 September 2022, sifang/audits.yaml:" in quarter.message.en


@pytest.mark.parametrize("day", ["2022-09-31", "2022-09-20"])
def test_a_handover_short_of_its_left_out_audit_names_it(tmp_path: Path, day: str) -> None:
    """FIN-HANDOVER (SQ-SIFANG:387): a handover audit naming 何平, refused for its impossible
    date (no period to count it in: it names the person) or for its auditor that is no body of
    the dossier, is named by his finding, not left as "no handover audit is recorded"."""
    by = "street-office" if day.endswith("31") else "no-such-office"
    root = _sifang_with(tmp_path, {"audits.yaml": ("audits:\n", (
        f"audits:\n- id: audit-ho\n  body: residents-committee\n  date: '{day}'\n"
        f"  kind: handover\n  by: {by}\n  person: he-ping\n")), _HE_PING_LEAVES[0]: _HE_PING_LEAVES[1]})
    _he_ping_until(root, "2022-08-31")
    report = check_paths([root], base=tmp_path)
    assert [e.file for e in report.input_errors] == ["sifang/audits.yaml"]
    [handover] = [f for f in report.findings if f.rule_id == "fin-handover"]
    assert handover.evidence.details["left_out"] == "audit-ho"
    assert "；另：财务审查「audit-ho」（" in handover.message.zh
    assert "; also: audit audit-ho" in handover.message.en
