"""What a rule asks (``required``) and what a finding lists are in words in both languages: a
parameter's value, not its id (``within 90 days``, not ``within tpc.by_election_days``), and
labels, not enum values (``legal publicity materials``, not ``legal_publicity``), while
``evidence.details`` keep the codes for programs."""

from __future__ import annotations

import pytest
from _helpers import EXAMPLES
from pydantic import ValidationError

from governance_rules import check_paths, load_rulebook
from governance_rules.rulebook.kinds.requirement import RequiredText


def _finding(report, rule_id):  # type: ignore[no-untyped-def]
    (found,) = [f for f in report.findings if f.rule_id == rule_id]
    return found


@pytest.mark.parametrize("days", [90, 30, 1])
def test_required_states_the_parameter_in_force(days: int) -> None:
    book = load_rulebook().with_parameter("tpc.by_election_days", days)
    report = check_paths([EXAMPLES / "township"], rulebook=book)
    required = _finding(report, "tpc-election-vacancy").evidence.required
    unit = "day" if days == 1 else "days"
    assert required.en == (f"a by-election at a session of the congress within {days} {unit} "
                           "of the post falling vacant")
    assert required.zh == f"领导职务出缺之日起{days}日内召开代表大会会议补选"


def test_a_placeholder_without_its_value_is_a_rule_error() -> None:
    with pytest.raises(ValidationError, match=r"\{days\} .* is not one of `values`"):
        RequiredText(zh="{days}日内", en="within {days} days", values={"weeks": 2})
    assert RequiredText(zh="1日内", en="within 1 days", values={}).text() == (
        "1日内", "within 1 day")


def test_lists_are_words_in_messages_and_codes_in_details() -> None:
    pilot = _finding(check_paths([EXAMPLES / "dingyuan"]), "zz-pilot-village")
    assert "legal publicity materials" in pilot.message.en
    assert "法制宣传资料" in pilot.message.zh
    assert pilot.evidence.details["ledger_missing"] == "legal_publicity"
    sifang = check_paths([EXAMPLES / "sifang"])
    title = _finding(sifang, "rc-standard-title")
    assert title.message.en.endswith("steps missing: public notice")
    assert "公示" in title.message.zh
    board = _finding(sifang, "open-board")
    assert "(channels: a residents' representatives meeting)" in board.message.en
    election = _finding(sifang, "rc-election")
    assert "not obtained by election or by-election" in election.message.en


def test_every_built_in_requirement_states_what_it_asks_in_both_languages() -> None:
    """A plain ``required`` is English only, and the rule's title stands for it in Chinese,
    which says less (the source clause, not the reading): every requirement of the built-in
    rule set gives ``{zh, en}``."""
    plain = [rule.id for rule in load_rulebook().rules
             if rule.kind == "requirement" and isinstance(rule.params.get("required"), str)]
    assert plain == []


def test_a_minimum_age_changed_is_the_age_every_text_states() -> None:
    """Under ra.min_age = 20 the finding said 只有17周岁，未满十八周岁 / under 18, and its
    required text and title 年满十八周岁: a threshold the check did not judge with."""
    book = load_rulebook().with_parameter("ra.min_age", 20)
    finding = _finding(check_paths([EXAMPLES / "sifang"], rulebook=book), "ra-eligibility")
    assert "只有17周岁，未满二十周岁" in finding.message.zh
    assert "17 years old on the seat's first day, under 20" in finding.message.en
    assert "社区居民代表任职首日年满二十周岁" in finding.evidence.required.zh
    assert "a residents' representative is 20 or over" in finding.evidence.required.en
    assert "年满二十周岁以上" in finding.title.zh and "aged 20 or over" in finding.title.en
    plain = _finding(check_paths([EXAMPLES / "sifang"]), "ra-eligibility")
    assert "未满十八周岁" in plain.message.zh and "年满十八周岁以上" in plain.title.zh


def test_a_party_committee_share_changed_is_the_share_every_text_states() -> None:
    """Under po.half_share = 2/3 open-procedure said 到会委员未达半数以上（3/5）, false of 3/5;
    po-matters asked 赞同委员超过当日在任委员半数, also under po.half_comparison = at_least."""
    from fractions import Fraction

    book = load_rulebook()
    report = check_paths([EXAMPLES / "sifang"], rulebook=book.with_parameter(
        "po.half_share", Fraction(2, 3)))
    disclosure = next(f for f in report.findings if f.rule_id == "open-procedure"
                      and "3/5" in f.message.zh)
    assert "到会委员未超过三分之二（3/5），决定无效" in disclosure.message.zh
    assert "3 of 5 members present, more than two thirds required" in disclosure.message.en
    assert "半数" not in disclosure.message.zh
    matters = _finding(report, "po-matters").evidence.required
    assert "赞同委员占当日在任委员超过三分之二" in matters.zh
    assert "the consent of more than two thirds of the members seated" in matters.en
    at_least = _finding(check_paths([EXAMPLES / "sifang"], rulebook=book.with_parameter(
        "po.half_comparison", "at_least")), "po-matters").evidence.required
    assert "赞同委员占当日在任委员达半数以上" in at_least.zh
    assert "the consent of at least half of the members" in at_least.en


@pytest.mark.parametrize(("name", "value", "rule_id", "zh", "en"), [
    ("ra.quorum_share", "2/3", "ra-quorum", "须有代表过三分之二出席",
     "more than two thirds of all representatives present"),
    ("ra.majority_share", "2/3", "ra-majority", "须由出席人过三分之二通过",
     "more than two thirds of those present"),
    ("po.half_share", "2/3", "po-quorum", "须有三分之二以上委员到会",
     "needs more than two thirds of its members present"),
    ("po.half_comparison", "at_least", "po-decision", "须由应到会半数以上的委员赞同",
     "the consent of at least half of the members"),
    ("fin.min_signers", 5, "fin-signatures", "书记五人以上签字", "signatures of handler"),
    ("hear.publish_days", 1, "hear-publish", "表决结果于一日内公示", "within 1 day"),
    ("po.notice_days", 5, "po-notice", "须提前五天通知", "notified 5 days ahead"),
    ("po.life_meeting_report_days", 10, "po-life-meeting-report", "提前十日书面报告",
     "10 days ahead"),
])
def test_a_finding_is_titled_with_the_value_it_was_judged_by(
        name: str, value: object, rule_id: str, zh: str, en: str) -> None:
    """The titles kept the replaced number beside a message stating the new one:
    社区成员代表大会须有代表过半数出席才能召开 beside 须超过三分之二."""
    book = load_rulebook().with_parameter(name, value)
    report = check_paths([EXAMPLES / "sifang"], rulebook=book)
    titles = {(f.title.zh, f.title.en) for f in report.findings if f.rule_id == rule_id}
    assert titles and all(zh in t_zh and en in t_en for t_zh, t_en in titles), titles


def test_the_rule_set_s_titles_read_as_the_sources_write_them() -> None:
    """Numbers the sources write in Chinese numerals stay so: 三日内, 提前一天, 十八周岁."""
    rules = {rule.id: rule.title for rule in load_rulebook().rules}
    assert rules["hear-publish"].zh == "听证会表决结果于三日内公示"
    assert rules["po-notice"].zh == "党组织委员会议的日期、议题须提前一天通知（临时会议除外）"
    assert "notified a day ahead" in rules["po-notice"].en
    assert rules["ra-quorum"].zh == "社区成员代表大会须有代表过半数出席才能召开"
    assert rules["po-quorum"].en == "A party committee meeting needs more than half of its members present"
    assert "年满十八周岁以上" in rules["ra-eligibility"].zh


def test_an_emergency_is_titled_with_the_reading_of_half_it_was_judged_by() -> None:
    """po-emergency's title took the share but not its reading: under po.half_comparison =
    at_least, 2 of 6 was titled 委员不足半数时 / by fewer than half, the same words as under
    more_than, where 3 of 6 fails too; the title says the reading the finding was judged by."""
    import yaml
    from _helpers import ROOT, check

    files = dict(yaml.safe_load((ROOT / "rules" / "cases" / "party-organisation.yaml")
                                .read_text(encoding="utf-8"))["base"])
    files["m.yaml"] = {"meetings": [
        {"id": "m1", "body": "pc", "kind": "ad_hoc", "emergency": True, "date": "2022-02-08",
         "present": ["s", "t1"]},
        {"id": "m2", "body": "pc", "date": "2022-02-20", "notice_date": "2022-02-18",
         "present": ["s", "t1", "t2", "t3"]}]}
    book = load_rulebook()
    for rules, zh, en in (
            (book, "紧急情况下到会委员未超过半数时处理的重大问题",
             "handled in an emergency without more than half of the members present"),
            (book.with_parameter("po.half_comparison", "at_least"),
             "紧急情况下到会委员未达半数以上时处理的重大问题",
             "handled in an emergency without at least half of the members present")):
        emergency = _finding(check(files, rulebook=rules), "po-emergency")
        assert zh in emergency.title.zh and en in emergency.title.en, emergency.title
