"""The commands a person reads besides the report, in Chinese: ``rules``, ``rules show`` and
``explain``'s answers when there is nothing to explain; and record types in words (会议, not
``meeting``) wherever a Chinese report names them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from governance_rules import load_rulebook
from governance_rules._rule_card import rule_card
from governance_rules._type_words import TYPE_WORDS, type_words
from governance_rules.authoring.explain import ExplainError, explain_dossiers
from governance_rules.cli import main
from governance_rules.facts.schema import FACT_SCHEMAS
from governance_rules.records.loader import dossier_from_data

ROOT = Path(__file__).resolve().parents[1]
BOOK = load_rulebook()
_ENGLISH_LABELS = ("catalogue", "severity", "kind:", "applies to", "defined in", "sources",
                   "parameters", "params", "violated when", "overlay", "decides", "always",
                   " from ", " until ")


def _record_types_named_by_facts() -> set[str]:
    """The record types the fact builders write: the second argument of each
    ``RecordRef(id, "meeting", …)``, either branch of ``"body" if … else "community"``."""
    found: set[str] = set()
    for path in (ROOT / "src" / "governance_rules" / "facts").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "RecordRef" and len(node.args) >= 2):
                continue
            kind = node.args[1]
            branches = [kind.body, kind.orelse] if isinstance(kind, ast.IfExp) else [kind]
            for branch in branches:
                assert isinstance(branch, ast.Constant), f"{path.name}:{node.lineno}"
                found.add(branch.value)
    return found


def test_every_fact_type_and_record_type_has_words() -> None:
    record_types = _record_types_named_by_facts()
    assert {"meeting", "motion", "term", "body", "community", "period"} <= record_types
    missing = (set(FACT_SCHEMAS) | record_types) - set(TYPE_WORDS)
    assert not missing, f"no words for {sorted(missing)} in _type_words.TYPE_WORDS"
    for code, (zh, one, many) in TYPE_WORDS.items():
        assert re.fullmatch(r"[\u4e00-\u9fff、，]+", zh), code
        assert "_" not in one + many and one != many, code


def test_the_examples_record_types_read_in_words(examples_report) -> None:  # type: ignore[no-untyped-def]
    for finding in examples_report.findings:
        assert type_words(finding.record.type, "zh") != finding.record.type


@pytest.mark.parametrize("rule_id", sorted(r.id for r in BOOK.rules))
def test_every_rule_card_reads_in_chinese(rule_id: str) -> None:
    card = rule_card(BOOK, rule_id, "zh")
    rule = BOOK.rule(rule_id)
    labels = [line.split("：")[0].strip() for line in card.splitlines()[1:]
              if re.match(r"  \S", line)]
    assert labels[:7] == ["目录编号", "严重程度", "规则类型", "筛选条件", "定义位置", "依据",
                          *(["参数"] if BOOK.parameter_names(rule) else ["规则参数"])]
    assert labels[-1].startswith("违反条件")
    assert f"严重程度：{rule.severity.words('zh')}\n" in card
    assert f"逐个检查{type_words(rule.applies_to, 'zh')}" in card
    # English only inside what the rule file writes (guard, params, the violated expression)
    prose = "\n".join(line for line in card.splitlines()
                      if not re.match(r"  (筛选条件|规则参数|违反条件)", line))
    for english in _ENGLISH_LABELS:
        assert english not in prose, (english, card)


def test_a_rule_card_names_each_overlay_and_dates_in_chinese() -> None:
    card = rule_card(BOOK, "zz-dispute-report-deadline", "zh")
    assert "违反条件（cn/anhui/chuzhou/dingyuan）：" in card
    assert "5（地方规定 cn/anhui/chuzhou/dingyuan）" in card
    english = rule_card(BOOK, "zz-dispute-report-deadline", "en")
    assert "violated when (cn/jilin/baicheng/taonan): " in english
    assert "25  (overlay cn/jilin/baicheng/taonan)" in english


def test_a_rule_card_gives_a_traditional_quote_in_simplified_characters_too() -> None:
    """SQ-SIFANG is written in traditional characters: the card quotes it as written, then in
    simplified characters (as a report's ``quote_simplified`` does); a simplified quote once."""
    card = rule_card(BOOK, "po-coordination", "zh")
    assert ("「社區黨建協調小組每半年召開一次工作會議」（简体：「社区党建协调小组每半年召开一次工作会议」）"
            in card), card
    english = rule_card(BOOK, "po-coordination", "en")
    assert " (simplified: 「社区党建协调小组每半年召开一次工作会议」)" in english
    simplified = rule_card(BOOK, "cc-consent-80", "zh")
    assert "简体" not in simplified


def test_rules_show_of_an_unknown_id_answers_in_the_language_asked(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "show", "cc-consent80", "--lang", "zh"]) == 2
    assert capsys.readouterr().err == ("governance-rules: 没有规则「cc-consent80」（是否指「cc-consent-80」"
                                       "？）；规则一览见 `governance-rules rules`\n")
    assert main(["rules", "show", "cc-consent80"]) == 2
    assert "did you mean 'cc-consent-80'?" in capsys.readouterr().err


def test_rules_lists_severities_in_chinese_and_each_clause_once(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--lang", "zh"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(BOOK.rules)
    for line in lines:
        rule_id, _, severity, cites = line.split(maxsplit=4)[:4]
        assert severity == BOOK.rule(rule_id).severity.words("zh")
        labels = cites.split(";")
        assert len(labels) == len(set(labels)), line
    filing = next(line for line in lines if line.startswith("arch-filing "))
    assert "SQ-SIFANG:389; SQ-SIFANG:389" not in filing


_COMMITTEE = {"community.yaml": {"community": {"id": "x", "name": "某社区", "jurisdiction": ["cn"],
                                                "adopts": ["HLS-356"]}},
              "cc.yaml": {"body": {"id": "committee", "kind": "consultation_committee",
                                   "name": "协商", "seats": []}}}


def test_explain_says_in_chinese_why_there_is_nothing_to_explain() -> None:
    dossier = dossier_from_data(_COMMITTEE)
    cases = [("cc-compositon", "committee", "没有规则「cc-compositon」（是否指「cc-composition」？）"),
             ("cc-consent-80", "committee", "规则 cc-consent-80 逐个检查议题；记录「committee」只涉及"),
             ("cc-composition", "comittee", "（是否指「committee」？）；该规则逐个检查机构名册")]
    for rule_id, record, said in cases:
        with pytest.raises(ExplainError) as raised:
            explain_dossiers(BOOK, rule_id, record, [dossier])
        zh = raised.value.text("zh")
        assert said in zh, zh
        assert raised.value.text("en") == str(raised.value)
        words = re.sub(r"「[^」]*」|[a-z0-9-]+|`[^`]*`", "", zh)
        assert not re.search(r"[A-Za-z]", words), zh


def test_explain_command_answers_in_the_language_asked(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    args = ["explain", "cc-consent-80", "consultation-committee", "examples/haliang-3"]
    assert main([*args, "--lang", "zh"]) == 2
    assert "本规则不适用于该记录" in capsys.readouterr().err
    assert main(args) == 2
    assert "so the rule does not apply to it" in capsys.readouterr().err


def test_check_says_its_own_errors_and_progress_in_chinese(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    examples = str(ROOT / "examples" / "haliang-3")
    backwards = ["check", examples, "--from", "2022-06-01", "--to", "2022-01-01"]
    assert main([*backwards, "--lang", "zh"]) == 2
    assert capsys.readouterr().err == (
        "governance-rules: --from（2022年6月1日）晚于 --to（2022年1月1日）\n")
    assert main(backwards) == 2
    assert capsys.readouterr().err == (
        "governance-rules: --from (1 June 2022) is after --to (1 January 2022)\n")
    before = ["check", examples, "--from", "2022-06-01", "--as-of", "2022-03-01"]
    assert main([*before, "--lang", "zh"]) == 2
    assert capsys.readouterr().err == ("governance-rules: --from（2022年6月1日）晚于 --as-of"
                                       "（2022年3月1日），期间内没有一天已经到来\n")
    assert main(before) == 2
    assert capsys.readouterr().err == (
        "governance-rules: --from (1 June 2022) is after --as-of (1 March 2022): no day of the "
        "window has come by then\n")
    record = ROOT / "examples" / "haliang-3" / "community.yaml"
    assert main(["check", examples, "--output", str(record), "--lang", "zh"]) == 2
    assert "是被检查的记录文件之一，报告会覆盖它" in capsys.readouterr().err
    assert main(["check", examples, "--jobs", "1", "--progress", "--lang", "zh",
                 "--format", "json", "--output", str(tmp_path / "r.json")]) == 1
    shown = capsys.readouterr().err
    assert "已检查 1/1 个卷宗 [" in shown and "条记录" in shown, shown
    assert not re.search(r"[A-Za-z]", shown.replace("\x1b[K", "")), shown


def test_a_rule_cards_yes_no_and_choices_read_in_chinese() -> None:
    organiser = rule_card(BOOK, "rc-workers-organiser", "zh").splitlines()
    named = next(i for i, line in enumerate(organiser)
                 if line.strip().startswith("rc.workers_centre_director_organises："))
    assert organiser[named + 1].strip() == "否"
    assert "\n      超过（more_than）\n" in rule_card(BOOK, "po-decision", "zh")
    assert "\n      false\n" in rule_card(BOOK, "rc-workers-organiser", "en")


def test_a_rule_card_says_what_each_decided_clause_is() -> None:
    """A citation's ``for`` names a clause (``cult``, ``tier1``): the card gives the clause's
    reason, or the tier in words, in the card's language, not the clause's internal name."""
    zh, en = (rule_card(BOOK, "zz-peaceful-village", lang) for lang in ("zh", "en"))
    assert "（判定：发生邪教或非法宗教活动）" in zh and "判定：cult" not in zh
    assert "— decides: cult or illegal religious activity occurred" in en
    assert "违法犯罪人员未减少（本年…人，上年…人）／未记录本年违法犯罪人员数" in zh
    tiers = rule_card(BOOK, "fin-tiers", "zh")
    assert "（判定：第三档）" in tiers and "tier3" not in tiers


def test_a_rule_card_names_the_catalogue_overlap_of_a_clause() -> None:
    """A clause the catalogue lists under two ids (a rule's ``overlaps``) is named on the card
    by its reason with the ids its finding names, in the card's language."""
    zh, en = (rule_card(BOOK, "tpc-preparation", lang) for lang in ("zh", "en"))
    assert "\n    违反“增开的会议既未见人大主席团增开会议的决定，" \
           "也未见主席团会议通过会期和议程的决定”这一条款的，同时属于TPC-SESSIONS：" \
           "发现列入TPC-PREPARATION、TPC-SESSIONS\n" in zh
    assert "\n    a breach of the clause \"the added session has no recorded decision of the " \
           "presidium, neither to add it nor fixing its date and agenda\" is also TPC-SESSIONS's:" \
           " its finding is listed under TPC-PREPARATION, TPC-SESSIONS\n" in en
    assert "is also" not in rule_card(BOOK, "tpc-sessions", "en")


def test_every_category_a_period_record_counts_has_words() -> None:
    """A period record's id (``party-committee/party_lecture/2022-B5``) named a JUnit test case
    and an HTML finding's place with its code and its period code: they read in words now."""
    from governance_rules._type_words import CATEGORY_WORDS, record_words
    from governance_rules.facts._periods import CATEGORIES
    from governance_rules.facts._station import MEMBER_CADENCES

    counted = {c for categories in CATEGORIES.values() for c in categories}
    counted |= {c for cadences in MEMBER_CADENCES.values() for c, _ in cadences}
    missing = counted - set(CATEGORY_WORDS)
    assert not missing, f"no words for {sorted(missing)} in _type_words.CATEGORY_WORDS"
    said = record_words("period", "rc/work_report_heard/2022-H2", "zh")
    assert said == "周期 rc · 向社区成员（代表）会议汇报工作 · 2022年下半年"
