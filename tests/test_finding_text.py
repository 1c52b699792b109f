"""Every finding reads like an inspector wrote it, in Chinese and in English (issue 13).

Reads every finding of the examples and of a corpus made by the benchmark's generator
(benchmarks/formats.py) and fails on English words, enum values or record ids outside brackets
and quotes in Chinese text, placeholders (``{…}``, ``None``, ``nan``, ``∞``, a lone ``-``),
wrong English ordinals, a finding on a body's record whose message does not name the body, and
evidence that is not in both languages. The rules of reading are in tests/_finding_text.py.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from _finding_text import finding_problems, split_zh, zh_problems

from governance_rules import Rulebook, check_paths
from governance_rules.report.model import (
    BodyRef,
    Evidence,
    Finding,
    RecordLocation,
    Report,
    Severity,
    Text,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.is_dir())
CORPUS_DOSSIERS = 8
BODY_RECORDS = {"meeting", "motion", "expense", "term", "period", "hearing", "disclosure",
                "report", "review", "session", "roster", "replacement"}
"""Record types that are always a body's: their findings must name it."""


def _problems(report: Report) -> dict[str, list[str]]:
    """rule → the problems of its findings (one line each, with the record), at most 5."""
    out: dict[str, list[str]] = defaultdict(list)
    for f in report.findings:
        found = finding_problems(f)
        if f.record.type in BODY_RECORDS and f.body is None:
            found.append(f"a {f.record.type}'s finding names no body")
        for problem in found:
            if len(out[f.rule_id]) < 5:
                out[f.rule_id].append(f"{f.record.file}:{f.record.line} {f.record.id}: {problem}")
    return dict(out)


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from formats import write_dossier
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    root = tmp_path_factory.mktemp("corpus")
    for k in range(CORPUS_DOSSIERS):
        write_dossier(root, k)
    return check_paths([root])


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_finding_of_the_examples_reads_well(example: Path) -> None:
    report = check_paths([example])
    assert report.findings, f"{example.name} has deliberate violations"
    assert _problems(report) == {}


def test_every_finding_of_a_generated_corpus_reads_well(corpus_report: Report) -> None:
    assert len(corpus_report.findings) > 1000
    assert len({f.rule_id for f in corpus_report.findings}) >= 20
    assert _problems(corpus_report) == {}


def test_the_reading_rules_catch_what_issue_13_reported() -> None:
    """Each text the issue quoted fails; its rewrite passes."""
    bad = ["证据: 0 in 2022-Q3 (>= 1 per period)", "主持人身份为 member", "缺少：residents",
           "继任者gao-jian不属于原方面", "会议 pc-2022-06：未记录主持人", "2022-B5只有0次",
           "晚于支付 -", "第3档 (500.00, ∞]", "{body_name}的签字", "须≥ None",
           "李庄村 2022被验收为平安村", "2022年年的材料没有年底归档记录",
           "主持人 书记（s） 当日不在社区居委会任职", "2022年 年没有评议",
           "只有 6/8 名成员同意", "还差 1 人", "满意率仅 93.50%",
           "请假对象当日不是书记（于兰（yu-lan）于2022年4月1日请假）"]
    good = ["2022年第三季度只有0次", "继任者高建（gao-jian）不属于原方面",
            "2022年6月15日社区党组织委员会会议（pc-2022-06）：未记录主持人",
            "超过500元（第三档）", "议题「Parking plan」记为通过", "须达80%以上",
            "李庄村（2022年度）被验收为平安村", "满意率仅93.50%", "共2022人",
            "主持人书记（s）当日不在社区居委会任职", "有2天未查看", "编号 2022-07 的会议",
            "请假对象当日不是书记：于兰（yu-lan）于2022年4月1日请假",
            "未记录召集人（例会由社区党（总）支召集）", "（「冬季防滑垫（续购）」95.00元）"]
    for text in bad:
        evidence = Evidence(measured=Text(zh=text, en="x"), required=Text(zh="须", en="y"))
        assert finding_problems(_finding(f"居委会：{text}", evidence)), text
    for text in good:
        assert list(zh_problems(text)) == [], text
    english = _finding("居委会：主持人未记录", Evidence(measured=Text(zh="实测", en="the 21th and 1th"),
                                      required=Text(zh="须", en="z")))
    assert any("ordinal" in p for p in finding_problems(english))
    nameless = _finding("主持人未记录", Evidence(measured=Text(zh="实测", en="m"),
                                               required=Text(zh="须", en="r")))
    assert any("does not name the body" in p for p in finding_problems(nameless))
    one_language = _finding("居委会：主持人未记录", Evidence(measured=Text(zh="6/8", en="6/8"),
                                                 required=Text(zh="须", en="r")))
    assert any("not in Chinese" in p for p in finding_problems(one_language))
    for english_text, problem in (("seated on 14 day(s)", "number open"),
                                  ("held on 1 days", "disagree"), ("3 step missing", "disagree")):
        counted_wrong = _finding("居委会：主持人未记录", Evidence(
            measured=Text(zh="实测", en=english_text), required=Text(zh="须", en="r")))
        assert any(problem in p for p in finding_problems(counted_wrong)), english_text
    counted_right = _finding("居委会：主持人未记录", Evidence(
        measured=Text(zh="实测", en="on 1 day, 14 days and 2 person-days"),
        required=Text(zh="须", en="r")))
    assert finding_problems(counted_right) == []


def test_brackets_and_quotes_may_hold_ids_but_not_english_prose() -> None:
    outside, brackets, quotes = split_zh("沈建国（rep-07b）就「Parking (east)」发言（held by x）")
    assert (outside, brackets, quotes) == ("沈建国就发言", ["rep-07b", "held by x"],
                                           ["Parking (east)"])
    assert [p for p in zh_problems("沈建国（held by nobody）")]


def _finding(zh: str, evidence: Evidence) -> Finding:
    return Finding(
        rule_id="r", catalogue=[], severity=Severity.ERROR, title=Text(zh="题", en="t"),
        record=RecordLocation(id="m1", type="meeting", file="f.yaml", line=1, path="meetings[0]"),
        body=BodyRef(id="rc", name="居委会"), message=Text(zh=zh, en="居委会: message"),
        evidence=evidence, source=None, jurisdiction=[])


_CASE_PROBLEMS = ("a code, not words", "English words in brackets", "a lone '-'", "placeholder",
                  "brackets inside brackets", "a space beside a number")
"""What the bundled rule cases' findings are held to: their records give many people bare ids
without names (``c``, ``od``), which a Chinese text cannot put in words, so the check of ids
outside brackets applies to the examples and the corpus only."""


def test_every_rule_case_finding_reads_in_words() -> None:
    """Every rule's failing cases (rules/cases/): no enum value or parameter id in English, no
    English sentence inside Chinese brackets, no dash or placeholder for a missing value."""
    from governance_rules import load_rulebook
    from governance_rules.authoring.cases import load_case_file
    from governance_rules.authoring.runner import check_case

    book = load_rulebook()
    found: dict[str, list[str]] = defaultdict(list)
    findings = 0
    for path in sorted((ROOT / "rules" / "cases").glob("*.yaml")):
        for case in load_case_file(path, book, path.stem):
            for f in check_case(case, book, "native").findings:
                findings += 1
                for problem in finding_problems(f):
                    if any(kind in problem for kind in _CASE_PROBLEMS) and len(found[f.rule_id]) < 3:
                        found[f.rule_id].append(f"{case.title}: {problem}")
    assert findings > 1_000
    assert dict(found) == {}


_NAMED = re.compile(r"\{([^{}|:]+)")

CHINESE_SAYS_LESS: set[tuple[str, str]] = set()
"""Clauses whose Chinese may name less than their English (none today): a clause added here
must say why."""


def test_a_clause_names_in_chinese_what_it_names_in_english(rulebook: Rulebook) -> None:
    """A Chinese reader gets the evidence an English reader gets: a clause that names a value
    in English (``{judicial_head_not_office}``: who, on which day) names it, or its Chinese
    twin (``_zh``), name (``_name``) or note (``_note``, which names the person), in Chinese
    too. Before, 13 clauses of the township
    offices' rules said only 有的日子… ("on some days") where the English named person and day.
    """
    gaps = set()
    for rule in rulebook.rules:
        clauses = rule.params.get("clauses") if isinstance(rule.params, dict) else None
        for clause in clauses or []:
            zh = set(_NAMED.findall(clause.get("zh", "")))
            for name in _NAMED.findall(clause.get("en", "")):
                if not {name, f"{name}_zh", f"{name}_name", f"{name}_note"} & zh:
                    gaps.add((rule.id, name))
    assert gaps - CHINESE_SAYS_LESS == set(), "the Chinese of these clauses names less"
    assert CHINESE_SAYS_LESS - gaps == set(), "fixed: take these off CHINESE_SAYS_LESS"


def test_findings_name_what_the_records_give_not_their_ids(examples_report) -> None:  # type: ignore[no-untyped-def]
    """A reader is told the post, the group's area, the decision's title, the person's name
    and the office, where the records give them (not only ids and codes)."""
    said = {}
    for finding in examples_report.findings:
        said.setdefault(finding.rule_id, finding)
    expected_zh = {
        "tpc-election-vacancy": "副乡镇长职务自2022年7月1日出缺",
        "zz-leading-group-setup": "张桥镇综治办的禁毒领导小组（group-drug-control）",
        "hear-timing": "决策「楼院油烟噪音治理公约」（rc-2022-09/fumes，2022年9月5日）",
        "fin-splitting": ("而单笔均未超过这一限额：「冬季防滑垫」90.00元（exp-2022-010）、"
                          "「冬季防滑垫（续购）」95.00元（exp-2022-011）"),
        "fin-seg-separate": "会计和出纳是同一人：何平（he-ping）",
        "po-matters": "「活动室墙面粉刷（860.00元）」",
        "tpc-session-close": "闭幕后的工作缺少记录：存档",
        "tpc-presidium-chair": "：召集并主持会议的赵敏（zhao-min）当日不是乡镇人大主席",
        "rc-group-meeting-chair": "由马军（ma-jun）（当日未在第二居民小组任职）召集并主持",
    }
    expected_en = {
        "tpc-election-vacancy": "the deputy head post was vacant from 1 July 2022",
        "zz-leading-group-setup": "leading group for drug control (group-drug-control)",
        "fin-seg-separate": "the same person, 何平 (he-ping)",
        "tpc-session-close": "with no record of: archiving",
        "rc-community-change": "decided by the street office",
    }
    for rule_id, text in expected_zh.items():
        assert text in said[rule_id].message.zh, (rule_id, said[rule_id].message.zh)
    for rule_id in ("tpc-presidium-chair", "rc-group-meeting-chair"):  # one person, said once
        assert said[rule_id].message.zh.count("当日") <= 3, said[rule_id].message.zh
    for rule_id, text in expected_en.items():
        assert text in said[rule_id].message.en, (rule_id, said[rule_id].message.en)


def test_a_breakdown_does_not_repeat_what_its_rule_says(examples_report) -> None:  # type: ignore[no-untyped-def]
    """Each person's line in a breakdown gives who and when; the rule's text says what they
    held (it used to say it again for each person, and "not reviewed" after each name)."""
    texts = {f.rule_id: f.message.en for f in examples_report.findings}
    assert texts["fin-staff"].endswith(": 马军 (ma-jun) on 7 days from 8 October 2022; 徐刚 (xu-gang) "
                                       "on 365 days from 1 January 2022")
    assert texts["fin-staff"].count("without a professional community worker seat") == 1
    assert "no community supervisor was seated on 14 days from 1 April 2022; the supervisors' " \
           "roster lists 孟庆华 (meng-qinghua), " in texts["open-supervisors"]
    assert texts["rc-year-end-review-scope"].count("not reviewed") == 1
    assert "the cashier duty on 7 days: 马军 (ma-jun) from 8 October 2022" \
           in texts["fin-seg-director-roster"]  # one person: the count is the rule's


def test_a_count_names_what_it_counts(examples_report) -> None:  # type: ignore[no-untyped-def]
    """An inspector names the register missing and the chair holding a government post, not
    only how many there are."""
    by_rule = {f.rule_id: f for f in examples_report.findings}
    archive = by_rule["arch-ten-six"].message
    assert "（缺：印章使用登记）" in archive.zh and "(missing: seal-use register)" in archive.en
    leadership = by_rule["tpc-leadership"].message
    assert "赵敏（zhao-min）任副主席，2021年10月12日起同时在王村镇人民政府任副乡镇长" in leadership.zh
    assert "vice chair, held a deputy head seat on 王村镇人民政府 from 12 October 2021" \
           in leadership.en


def test_a_proposal_s_counts_not_given_are_not_zero_of_zero() -> None:
    """RA-ADHOC's evidence said "0 of 0 households proposed it" for counts the proposal never
    gave: only the counts given are said, or that none is recorded."""
    from datetime import date

    from governance_rules import load_rulebook
    from governance_rules.facts.schema import Fact, RecordRef
    from governance_rules.records.dossier import Where
    from governance_rules.rulebook.book import compile_rule

    book = load_rulebook()
    rule = book.rule("ra-adhoc-follow-up")
    bound = compile_rule(rule, {n: book.parameters[n].values[0]
                                for n in book.parameter_names(rule)})
    values = {f"{w}_{n}": 0 for w in ("residents", "households", "groups", "representatives")
              for n in ("signed", "total")}
    fact = Fact("proposal", RecordRef("p", "proposal", Where("p.yaml", 1, "proposal")),
                date(2022, 1, 1), (), {**values, "residents_signed": 250,
                                       "residents_total": 1000})
    said = bound.kind.measured(fact, bound.params)
    assert said.en == "250 of 1000 residents aged 18 or over proposed it", said
    nothing = Fact("proposal", fact.ref, fact.day, (), values)
    assert bound.kind.measured(nothing, bound.params).zh == "提议未记录提议人数"


def test_votes_are_counted_in_votes() -> None:
    """RA-MAJORITY's message said 还差 1 票 while its evidence said 赞成票12人 … 还差1人."""
    from datetime import date

    from governance_rules import load_rulebook
    from governance_rules.facts.schema import Fact, RecordRef
    from governance_rules.records.dossier import Where
    from governance_rules.rulebook.book import compile_rule

    book = load_rulebook()
    rule = book.rule("ra-majority")
    bound = compile_rule(rule, {n: book.parameters[n].values[0]
                                for n in book.parameter_names(rule)})
    fact = Fact("motion", RecordRef("m/x", "motion", Where("m.yaml", 1, "meeting")),
                date(2022, 1, 10), (), {"yes": 3, "present": 7})
    evidence = bound.kind.explain(fact, bound.params).evidence
    assert evidence["measured"].zh.endswith("赞成票3票（42.9%）"), evidence["measured"]
    assert evidence["shortfall"].zh == "还差1票"


def _signature_finding(secretary: dict[str, str]) -> Finding:
    """fin-signatures' finding on a 30-yuan expense of rules/cases/finance.yaml's community,
    signed by the handler k, the director d and, as party secretary, ``secretary``."""
    import yaml

    from governance_rules import check_data

    doc = yaml.safe_load((ROOT / "rules" / "cases" / "finance.yaml").read_text(encoding="utf-8"))
    files = dict(doc["base"])
    files["e.yaml"] = {"expense": {
        "id": "e1", "body": "rc", "amount": 30, "paid_on": "2022-03-03", "payee": "店",
        "purpose": "茶叶", "voucher": "receipt", "accountant": "k", "cashier": "c",
        "signatures": [{"role": "handler", "person": "k"}, {"role": "director", "person": "d"},
                       secretary]}}
    [finding] = [f for f in check_data(files).findings if f.rule_id == "fin-signatures"]
    return finding


def test_a_signature_that_does_not_count_says_why() -> None:
    """A party secretary's signature by someone else read as 缺少书记签字, the reason only in the
    English details: the evidence now says whose signature did not count and who held the seat."""
    finding = _signature_finding({"role": "party_secretary", "person": "k"})
    measured = finding.evidence.measured
    assert "不计的签字：" in measured.zh and "未任社区党组织书记" in measured.zh, measured.zh
    assert "当日任社区党组织书记的是书记（s）" in measured.zh, measured.zh
    assert "not counted:" in measured.en and "held no party organisation secretary seat" in \
        measured.en, measured.en
    # the message itself says the signature was given and why it does not count
    assert ("缺少书记的有效签字：会计（k）于2022年3月3日未任社区党组织书记，"
            "当日任社区党组织书记的是书记（s）") in finding.message.zh, finding.message.zh
    assert "no valid signature of the party secretary: 会计 (k) held no party organisation " \
        "secretary seat on 3 March 2022, held that day by 书记 (s)" in finding.message.en, \
        finding.message.en


def test_a_signature_after_the_payment_is_late_not_missing() -> None:
    finding = _signature_finding({"role": "party_secretary", "person": "s", "date": "2022-03-04"})
    assert "缺少书记的有效签字：书记（s）于2022年3月4日任社区党组织书记，签字晚于2022年3月3日的支付" in \
        finding.message.zh, finding.message.zh
    assert ("no valid signature of the party secretary: 书记 (s) held the party organisation "
            "secretary seat on 4 March 2022, signed after the payment on 3 March 2022"
            in finding.message.en), finding.message.en


def test_a_hearing_missing_a_step_names_it() -> None:
    """hear-order said 缺少 1 个程序步骤 without saying which."""
    import yaml

    from governance_rules import check_data

    doc = yaml.safe_load((ROOT / "rules" / "cases" / "openness.yaml").read_text(encoding="utf-8"))
    files = dict(doc["base"])
    files["h.yaml"] = {"hearing": {"id": "h1", "body": "rc", "date": "2022-05-10",
                                   "topic": "占道摊点整治", "published_on": "2022-05-11",
                                   "steps": ["topic_reported", "discussion", "vote"]}}
    [finding] = [f for f in check_data(files).findings if f.rule_id == "hear-order"]
    assert finding.message.zh.endswith("缺少1个程序步骤（居委会通报情况）"), finding.message.zh
    assert finding.message.en.endswith("1 step missing (the committee's briefing)")
