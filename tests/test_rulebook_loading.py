"""A malformed rule or parameter file fails to load with a message naming the file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from governance_rules import RulebookError, load_rulebook

GOOD_RULE = """\
rules:
  - id: my-rule
    catalogue: [CC-CONSENT-80]
    kind: share_threshold
    applies_to: motion
    when: {body_kind: consultation_committee}
    severity: error
    title: {zh: 标题, en: title}
    message: {zh: "{share}", en: "{share}"}
    params:
      numerator: consented
      denominator: seated
      threshold: "2/3"
      comparison: at_least
      numerator_label: {zh: 同意, en: consented}
      denominator_label: {zh: 在任, en: seated}
    source:
      - {document: HLS-356, lines: [26], quote: 必须经过80%以上成员同意后}
"""


def _load(tmp_path: Path, text: str, name: str = "extra.yaml") -> RulebookError:
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(RulebookError) as caught:
        load_rulebook(tmp_path)
    return caught.value


def test_a_good_extra_rule_loads(tmp_path: Path) -> None:
    (tmp_path / "extra.yaml").write_text(GOOD_RULE, encoding="utf-8")
    assert load_rulebook(tmp_path).rule("my-rule").kind == "share_threshold"


def test_a_count_with_its_noun_agrees(tmp_path: Path) -> None:
    """``{numerator|member|members}`` in a message: the count with the noun that agrees."""
    from _helpers import body, community, members

    from governance_rules import check_data

    rule = GOOD_RULE.replace('en: "{share}"', 'en: "{numerator|member|members} of {denominator}"')
    (tmp_path / "extra.yaml").write_text(rule, encoding="utf-8")
    book = load_rulebook(tmp_path)
    people = members("b", 4)
    for consented, words in ((1, "1 member of 4"), (2, "2 members of 4")):
        report = check_data({
            "c.yaml": community(), "b.yaml": body("b", "consultation_committee", 4),
            "m.yaml": {"meeting": {"id": "m", "body": "b", "date": "2022-03-15", "present": people,
                                   "motions": [{"id": "x", "title": "议题", "outcome": "adopted",
                                                "consented": people[:consented]}]}}},
            rulebook=book)
        mine = [f.message.en for f in report.findings if f.rule_id == "my-rule"]
        assert len(mine) == 1 and mine[0].endswith(words), mine


@pytest.mark.parametrize(
    ("change", "line", "pattern"),
    [
        (("kind: share_threshold", "kind: no_such_kind"), 4, "unknown rule kind"),
        (("numerator: consented", "numerator: consentd"), 2, "no field 'consentd'"),
        (("lines: [26]", "lines: [99]"), 18, "outside its lines 12-33"),
        (("document: HLS-356", "document: NOPE"), 18, "unknown document"),
        (('"2/3"', "{param: no.such}"), 13, "unknown parameter"),
        (('zh: "{share}"', 'zh: "{nope}"'), 9, r"placeholder \{nope\}"),
        (('zh: "{share}"', 'zh: "{share.__class__}"'), 9, "placeholder"),
        (('en: "{share}"', 'en: "{numerator|member}"'), 9, r"\{count\|one\|more\}"),
        (('en: "{share}"', 'en: "{nope|member|members}"'), 9, r"placeholder \{nope\}"),
        (("severity: error", "severity: fatal"), 7, "severity"),
        (("    title: {zh: 标题, en: title}\n", ""), 2, "title"),
        (("when: {body_kind: consultation_committee}", "when: {seated: x}"), 6, "text fields"),
        (("comparison: at_least", "comparison: roughly"), 14, "comparison"),
        (('"2/3"', "0.8"), 2, None),
    ],
)
def test_malformed_rule_names_file_and_line(tmp_path: Path, change: tuple[str, str], line: int,
                                           pattern: str | None) -> None:
    text = GOOD_RULE.replace(*change)
    if pattern is None:  # an exact decimal share is accepted
        (tmp_path / "extra.yaml").write_text(text, encoding="utf-8")
        assert load_rulebook(tmp_path).rule("my-rule")
        return
    error = _load(tmp_path, text)
    assert error.file.endswith("extra.yaml")
    assert error.line == line
    assert re.search(pattern, str(error)), str(error)


@pytest.mark.parametrize(
    ("change", "line", "hint"),
    [
        (("kind: share_threshold", "kind: share_treshold"), 4, "did you mean 'share_threshold'"),
        (("applies_to: motion", "applies_to: motoin"), 5, "did you mean 'motion'"),
        (("severity: error", "sevrity: error"), 7, "did you mean 'severity'"),
        (("document: HLS-356", "document: HLS-35"), 18, "did you mean 'HLS-356'"),
        (('"2/3"', "{param: cc.consent_shar}"), 13, "did you mean 'cc.consent_share'"),
        (("when: {body_kind:", "when: {body_knd:"), 6, "did you mean 'body_kind'"),
        (("comparison: at_least", "comparsion: at_least"), 14, "did you mean 'comparison'"),
    ],
)
def test_a_misspelt_name_is_pointed_at_with_the_nearest_valid_one(
        tmp_path: Path, change: tuple[str, str], line: int, hint: str) -> None:
    error = _load(tmp_path, GOOD_RULE.replace(*change))
    assert (error.file.endswith("extra.yaml"), error.line) == (True, line)
    assert hint in str(error), str(error)


@pytest.mark.parametrize(
    ("name", "text", "line", "hint"),
    [
        ("parameters/p.yaml", "parameters:\n  cc.consent_shar:\n    overlays:\n"
         "      cn/x: [{value: \"2/3\"}]\n", 2, "did you mean 'cc.consent_share'"),
        ("parameters/p.yaml", "parameters:\n  cc.consent_share:\n    overlays:\n"
         "      cn/x: [{vale: \"2/3\"}]\n", 4, "did you mean 'value'"),
        ("ruleset.yaml", "versoin: x\n", 1, "did you mean 'version'"),
        ("ruleset.yaml", "adopt:\n  cn/x: [RD-TOWNSHP]\n", 2, "did you mean 'RD-TOWNSHIP'"),
    ],
)
def test_a_misspelt_overlay_is_pointed_at(tmp_path: Path, name: str, text: str, line: int,
                                          hint: str) -> None:
    error = _load(tmp_path, text, name)
    assert (error.file.endswith(name), error.line) == (True, line)
    assert hint in str(error), str(error)


def test_yaml_syntax_error_names_line(tmp_path: Path) -> None:
    error = _load(tmp_path, "rules:\n  - id: x\n    kind: [\n")
    assert error.file.endswith("extra.yaml") and error.line == 4


def test_malformed_parameter_file(tmp_path: Path) -> None:
    error = _load(tmp_path, "parameters:\n  x.share:\n    type: fraction\n    description: "
                  "{zh: 甲, en: a}\n    values:\n      - value: 1.5\n", "parameters/p.yaml")
    assert error.file.endswith("p.yaml") and error.line == 6  # the value itself
    assert "share must lie in (0, 1]" in str(error)


def test_float_parameter_value_is_refused(tmp_path: Path) -> None:
    error = _load(tmp_path, "parameters:\n  x.n:\n    type: int\n    description: {zh: 甲, en: a}\n"
                  "    values:\n      - value: \"3\"\n", "parameters/p.yaml")
    assert "whole number" in str(error)


REQUIREMENT_RULE = """\
rules:
  - id: my-req
    catalogue: [CC-CONSENT-80]
    kind: requirement
    applies_to: meeting
    when: {body_kind: consultation_committee}
    severity: error
    title: {zh: 标题, en: title}
    message: {zh: "{reasons}", en: "{reasons}"}
    params:
      clauses:
        - when: [[present, ">", 0]]
          zh: 出席{present}人
          en: "{present} present"
    source:
      - {document: HLS-356, lines: [26], quote: 必须经过80%以上成员同意后}
"""


@pytest.mark.parametrize("placeholder", ["{present:d}", "{present!r}", "{subject.amount}",
                                         "{present[0]}", "{}"])
def test_a_reason_that_would_fail_at_its_first_finding_is_refused_on_loading(
        tmp_path: Path, placeholder: str) -> None:
    """A format spec, conversion, attribute or index in a clause's reason was an internal error
    at the first finding (exit 3); it is the rule file's error, at its line."""
    error = _load(tmp_path, REQUIREMENT_RULE.replace('"{present} present"', f'"{placeholder}"'))
    assert error.line is not None and "clause 1 (en): placeholder" in error.msg, error


@pytest.mark.parametrize("threshold", ["1e308", "3/2", "0", "-1/2"])
def test_a_share_threshold_is_a_share(tmp_path: Path, threshold: str) -> None:
    error = _load(tmp_path, GOOD_RULE.replace('threshold: "2/3"', f'threshold: "{threshold}"'))
    assert "a share is more than 0 and at most 1" in error.msg and len(str(error)) < 300, error


def test_a_share_threshold_from_a_parameter_of_days_is_refused(tmp_path: Path) -> None:
    error = _load(tmp_path, GOOD_RULE.replace(
        'threshold: "2/3"', "threshold: {param: cc.review_year_end_days}"))
    assert "a share is more than 0 and at most 1" in error.msg, error


@pytest.mark.parametrize(("file", "lines", "said"), [
    ("/etc/passwd", "[1, 2]", "a path inside the sources folder"),
    ("../../etc/passwd", "[1, 2]", "a path inside the sources folder"),
    ("a.txt", "[6, 1]", "lines run from 1 upwards"),
    ("a.txt", "[0, 3]", "lines run from 1 upwards"),
])
def test_a_registry_document_stays_in_the_sources_folder(tmp_path: Path, file: str, lines: str,
                                                         said: str) -> None:
    error = _load(tmp_path, f"documents:\n  - {{id: LOCAL, file: '{file}', lines: {lines}, "
                  "title: t}\n", "ruleset.yaml")
    assert said in error.msg and error.line == 2, error


def test_a_rule_text_with_a_control_character_is_refused(tmp_path: Path) -> None:
    """Titles and messages reach terminals and CI logs: an escape or a line break that would
    start a line ``::error …`` there is the rule file's error."""
    error = _load(tmp_path, GOOD_RULE.replace("title: {zh: 标题, en: title}",
                                              'title: {zh: 标题, en: "t\\e[31m\\n::error::x"}'))
    assert "title.en" in error.msg and "control character (U+001B)" in error.msg, error


def test_a_misspelt_when_value_is_refused_with_the_nearest(tmp_path: Path) -> None:
    """The rule would never apply: no record has that value."""
    error = _load(tmp_path, GOOD_RULE.replace("when: {body_kind: consultation_committee}",
                                              "when: {body_kind: consultation_comittee}"))
    assert "did you mean 'consultation_committee'" in error.msg, error


@pytest.mark.parametrize(("reference", "said"), [
    ("{document: NOPE, lines: [300], quote: 引文}", "reference cites unknown document 'NOPE'"),
    ("{document: HLS-356, lines: [99999], quote: 引文}", "line 99999, outside its lines"),
])
def test_a_parameters_reference_is_a_clause_of_the_rule_set(tmp_path: Path, reference: str,
                                                           said: str) -> None:
    """A finding cites the clause that set the value it was judged with: it must exist."""
    error = _load(tmp_path, "parameters:\n  cc.consent_share:\n    overlays:\n      cn/x:\n"
                  f"        - {{from: 2023-01-01, value: '2/3', reference: {reference}}}\n",
                  "parameters/p.yaml")
    assert said in error.msg and "cc.consent_share" in error.msg, error


def test_two_versions_from_one_day_are_refused(tmp_path: Path) -> None:
    error = _load(tmp_path, "parameters:\n  cc.consent_share:\n    overlays:\n      cn/x:\n"
                  "        - {from: 2023-01-01, value: '2/3'}\n"
                  "        - {from: 2023-01-01, value: '3/4'}\n", "parameters/p.yaml")
    assert "a second version from 2023-01-01" in error.msg and error.line == 6, error


def test_an_empty_rule_file_says_what_it_should_hold(tmp_path: Path) -> None:
    """Not "a mapping of records such as `meeting:`": a rule set's file holds rules."""
    error = _load(tmp_path, "", "ruleset.yaml")
    assert "expected `rules:`, `parameters:` or a rule set's header" in error.msg, error


_PARAMETER = "parameters:\n  x.v:\n    type: {kind}\n    description: {{zh: 甲, en: a}}\n" \
             "    values:\n      - value: {value}\n"


@pytest.mark.parametrize(("text", "english", "chinese"), [
    (_PARAMETER.format(kind="int", value="1.5"), "expected a whole number, got 1.5",
     "参数 x.v 写法有误，规则集未能载入：须为整数，实为「1.5」"),
    (_PARAMETER.format(kind="int", value="'3'"), "expected a whole number, got '3'",
     "须为整数，实为「3」"),
    (_PARAMETER.format(kind="int", value="99999999999"), "within ±1000000000",
     "须为绝对值不超过1000000000的整数，实为「99999999999」"),
    (_PARAMETER.format(kind="fraction", value="'3/2'"), "a share must lie in (0, 1]",
     "比例须大于0且不大于1，实为「3/2」"),
    (_PARAMETER.format(kind="fraction", value="'3/0'"), "needs q > 0", "比例 p/q 的 q 须大于0"),
    (_PARAMETER.format(kind="fraction", value="abc"), "expected a share written p/q",
     "比例须写成 p/q（如「4/5」），实为「abc」"),
    (_PARAMETER.format(kind="money", value="'12.345'"), "at most two decimals",
     "应为金额（元），至多两位小数"),
    (_PARAMETER.format(kind="bool", value="3"), "expected true or false", "须为「true」或「false」"),
    ("parameters:\n  cc.consent_share:\n    overlays:\n      cn/x:\n"
     "        - {from: 2023-13-01, value: '2/3'}\n", "not a real calendar date",
     "「2023-13-01」不是真实存在的日期"),
    ("parameters:\n  cc.consent_share:\n    overlays:\n      cn/x:\n"
     "        - {from: 2023-01-01, valeu: '2/3'}\n", "unknown key 'valeu'",
     "每个版本须有 value（可另有 from、until、reference）；「valeu」不是版本的键"),
    ("parameters:\n  cc.consent_share:\n    overlays:\n      cn/x:\n"
     "        - {from: 2023-01-01, value: '2/3'}\n        - {from: 2023-01-01, value: '3/4'}\n",
     "a second version from 2023-01-01", "有两个版本都自2023-01-01起：每个版本须从不同的日期起"),
    ("parameters:\n  cc.consent_share:\n    overlays: [a]\n", "maps a jurisdiction prefix",
     "overlays 须为辖区前缀（如 cn/jilin）到版本列表的键值对"),
])
def test_a_parameter_value_error_is_said_in_both_languages(tmp_path: Path, text: str,
                                                           english: str, chinese: str) -> None:
    """The reason itself in Chinese, not pydantic's or a parser's English quoted inside the
    Chinese frame; and a value as the file wrote it (1.5, not Decimal('1.5'))."""
    error = _load(tmp_path, text, "parameters/p.yaml")
    assert english in str(error), error
    said = error.text("zh")
    assert chinese in said and "校验结果" not in said and "Decimal" not in str(error), said
    words = set(re.findall(r"[A-Za-z_]{4,}", said.split("：", 1)[1]))
    assert words <= _KEYS_AND_LITERALS, said


_KEYS_AND_LITERALS = {"value", "values", "overlays", "from", "until", "reference", "valeu",
                      "jilin", "true", "false", "consent_share"}
"""What a Chinese message may quote in Latin letters: the file's own keys, names and literals."""


@pytest.mark.parametrize(("change", "english", "chinese"), [
    (("    severity: error\n", "    severity: error\n    in_force: {from: 2023-13-01}\n"),
     "in_force.from: '2023-13-01' is not a real calendar date",
     "in_force.from：「2023-13-01」不是真实存在的日期"),
    (('threshold: "2/3"', 'threshold: "2/x"'), "params.threshold: expected a fraction such as 4/5, got '2/x'",
     "规则 my-rule 写法有误，规则集未能载入：params.threshold：应为分数（如「4/5」），实为「2/x」"),
    (('threshold: "2/3"', 'threshold: 1.5'), "at most 1, got 3/2",
     "规则 my-rule 写法有误，规则集未能载入：params.threshold：比例须大于0且不大于1，实为「3/2」"),
    (('comparison: at_least', 'comparison: atleast'),
     "'atleast' is not one of the allowed values: 'at_least' or 'more_than'",
     "params.comparison：取值「atleast」不可用，须为以下之一：「at_least」、「more_than」"),
])
def test_a_rule_value_error_is_said_in_both_languages(tmp_path: Path, change: tuple[str, str],
                                                      english: str, chinese: str) -> None:
    """A wrong value in a rule (a date, a share, a choice) is said in Chinese too; only the
    rule language's own words (an unknown key or kind) are quoted in English."""
    error = _load(tmp_path, GOOD_RULE.replace(*change))
    assert english in str(error) and "Value error" not in str(error), error
    assert chinese in error.text("zh") and "校验结果" not in error.text("zh"), error.text("zh")


def test_a_validators_own_english_reason_is_quoted_not_lost(tmp_path: Path) -> None:
    """A clause's count without its noun's forms (``{n|天}``) is refused by a validator that
    says why in English only: the Chinese quotes that reason, not "不符合要求" and the value."""
    error = _load(tmp_path, REQUIREMENT_RULE.replace("出席{present}人", "出席{present|人}"))
    said = error.text("zh")
    assert "a count with its noun is {count|one|more}" in said, said
    assert "不符合要求" not in said and "{'when'" not in said, said


def test_a_rules_folder_with_nothing_to_load_is_refused(tmp_path: Path) -> None:
    """A mistyped or foreign folder (``--rules /proc``) loaded nothing and said nothing."""
    (tmp_path / "cases").mkdir()  # a folder of cases only is not a rule set either
    with pytest.raises(RulebookError) as caught:
        load_rulebook(tmp_path)
    assert "nothing to load in this rules folder" in caught.value.msg
    assert "没有可加载的内容" in str(caught.value.zh)
    (tmp_path / "ruleset.yaml").write_text("adopt: {}\n", encoding="utf-8")
    assert load_rulebook(tmp_path).rules


@pytest.mark.parametrize(("name", "value", "said", "zh"), [
    ("po.half_comparison", '"more"', "unknown comparison 'more'; one of <, <=, >, >=, ==, !=, "
     "more_than, at_least (as rule ", "「more」不是可用的比较方式"),
    ("zz.dispute_report_day", "40", "must be at most 31, got 40 (as rule "
     "zz-dispute-report-deadline reads it)", "不得大于31，实为「40」"),
])
def test_an_overlay_value_a_rule_cannot_use_is_reported_at_the_overlay(
        tmp_path: Path, name: str, value: str, said: str, zh: str) -> None:
    """The overlay's line, not the bundled rule's (the mistake is the overlay's), and never an
    internal error: a comparison parameter's unknown reading was a KeyError (exit 3)."""
    error = _load(tmp_path, f"parameters:\n  {name}:\n    overlays:\n      cn/gansu:\n"
                  f"        - {{from: 2023-01-01, value: {value}}}\n", "parameters/p.yaml")
    assert (Path(error.file).name, error.line) == ("p.yaml", 5), error
    assert said in error.msg and "version" in error.msg and "[cn/gansu]" in error.msg, error.msg
    assert zh in str(error.zh) and "自2023年1月1日起" in str(error.zh), error.zh


def test_a_misspelt_key_of_a_document_is_refused_at_its_line(tmp_path: Path) -> None:
    """``bind:`` for ``binds:`` bound the document nowhere, and the district's rules citing it
    applied nowhere: a clean check of records that break them."""
    error = _load(tmp_path, "documents:\n  - id: X-DOC\n    file: notice.txt\n    lines: [1, 3]\n"
                  "    title: 某通知\n    bind: [cn/gansu]\n", "ruleset.yaml")
    assert error.line == 6 and "unknown key 'bind' of a document (did you mean 'binds'?)" \
        in error.msg, error
    assert "文件没有「bind」这一项（是否指「binds」？）" in str(error.zh)


_QUOTE = "协商委员会会议须有三分之二以上成员出席方可举行"


def _overlay_with_notice(tmp_path: Path, cited: int, quote: str = _QUOTE) -> RulebookError | None:
    (tmp_path / "d").mkdir(parents=True, exist_ok=True)
    (tmp_path / "d" / "notice.txt").write_text(
        "安宁区社区协商议事规则\n一、设立社区协商委员会。\n二、协商议题经三分之二以上成员同意。\n"
        "三、協商委員會會議須有三分之二以上成員出席方可舉行。\n", encoding="utf-8")
    (tmp_path / "ruleset.yaml").write_text(
        "documents:\n  - id: X-2022\n    file: d/notice.txt\n    lines: [1, 4]\n"
        "    title: 某区通知\n    binds: [cn/gansu]\n", encoding="utf-8")
    (tmp_path / "local.yaml").write_text(GOOD_RULE.replace(
        "{document: HLS-356, lines: [26], quote: 必须经过80%以上成员同意后}",
        f"{{document: X-2022, lines: [{cited}], quote: {quote}}}"), encoding="utf-8")
    return _load_only(tmp_path)


def test_an_overlay_s_quote_must_stand_on_the_line_it_cites(tmp_path: Path) -> None:
    """A mistyped line number cited the wrong line in every finding (the bundled quotes are held
    to their lines by test_quotes; an overlay's are checked as it loads). Traditional characters
    and punctuation in the file do not matter."""
    assert _overlay_with_notice(tmp_path, 4) is None
    error = _overlay_with_notice(tmp_path, 1)
    assert error is not None and error.line == 18, error  # the source entry's line
    assert "X-2022:1 does not hold the quote" in error.msg and "it stands on line 4" in error.msg
    assert "X-2022 第1行没有所引的文字" in str(error.zh) and "该文字在第4行" in str(error.zh)
    error = _overlay_with_notice(tmp_path, 3, "从未出现的文字")
    assert error is not None and "it stands on no line of the document" in error.msg


@pytest.mark.parametrize("kind", ["folder", "fifo", "not_utf8", "too_large"])
def test_an_overlay_document_there_but_unreadable_is_refused(tmp_path: Path, kind: str) -> None:
    """A notice given beside the overlay that cannot be read (a folder, a FIFO, not UTF-8, over
    16 MiB) loaded with any quote at all: the check was skipped as for a notice not given."""
    import os

    assert _overlay_with_notice(tmp_path, 4) is None
    notice = tmp_path / "d" / "notice.txt"
    notice.unlink()
    if kind == "folder":
        notice.mkdir()
    elif kind == "fifo":
        os.mkfifo(notice)
    elif kind == "not_utf8":
        notice.write_bytes(b"\xff\xfe")
    else:
        with notice.open("wb") as out:
            out.truncate(17 << 20)
    from governance_rules import _source_files

    _source_files._file_lines.cache_clear()
    error = _load_only(tmp_path)
    assert error is not None and "the text of X-2022 cannot be read" in error.msg, error
    assert "无法读取 X-2022 的原文" in str(error.zh)


def _load_only(tmp_path: Path) -> RulebookError | None:
    """The error loading the rule set of ``tmp_path`` gives, if any."""
    try:
        load_rulebook(tmp_path)
    except RulebookError as error:
        return error
    return None


def test_a_large_file_or_a_blocking_link_beside_an_overlay_is_never_read(tmp_path: Path) -> None:
    """The cache key of a rule set read every file of its folders whole: a 5 GB scan kept beside
    the overlay was an internal error (MemoryError), a link to a FIFO hung for ever."""
    import os

    from governance_rules._listing_cache import rules_key_for

    assert _overlay_with_notice(tmp_path, 4) is None
    with (tmp_path / "scan.pdf").open("wb") as out:
        out.truncate(5 << 30)  # sparse: no disk used, 5 GB if read
    os.mkfifo(tmp_path / "pipe")
    first = rules_key_for([tmp_path])
    assert first is not None
    (tmp_path / "d" / "notice.txt").write_text("安宁区\n", encoding="utf-8")
    assert rules_key_for([tmp_path]) != first  # a change is still seen


@pytest.mark.parametrize(("change", "zh"), [
    (("kind: share_threshold", "kind: share_treshold"),
     "没有规则类型「share_treshold」（是否指「share_threshold」？）"),
    (("comparison: at_least", "compare: at_least"),
     "params 中没有「compare」这一项（是否指「comparison」？）；share_threshold 规则的参数有："),
    (("document: HLS-356", "document: HLS-355"),
     "依据引用了未登记的文件「HLS-355」（是否指「HLS-356」？）"),
    (("when: {body_kind: consultation_committee}", "when: {body_knd: consultation_committee}"),
     "when 只能筛选「motion」的文本字段，「body_knd」不是（是否指「body_kind」？）"),
    (('"2/3"', "{param: cc.consent_shar}"),
     "没有参数「cc.consent_shar」（是否指「cc.consent_share」？）"),
    (('zh: "{share}"', 'zh: "{shar}"'), "占位符 {shar} 不可用（是否指「share」？）"),
    (("lines: [26]", "lines: [99]"), "依据引用 HLS-356 第99行，不在该文件的第12至33行之内"),
])
def test_an_author_s_mistake_reads_in_chinese(tmp_path: Path, change: tuple[str, str],
                                             zh: str) -> None:
    """The mistakes docs/authoring.md names were English inside the Chinese (校验结果：…)."""
    error = _load(tmp_path, GOOD_RULE.replace(*change))
    said = error.text("zh")
    assert zh in said, said
    assert "校验结果" not in said and not re.search(r"\b(unknown|known|cites|placeholder)\b", said)


def test_a_misspelt_key_of_a_parameter_version_or_a_field_names_the_nearest(
        tmp_path: Path) -> None:
    """``form:`` for ``from:`` said only "Extra inputs are not permitted"; a misspelt fact field
    named no field it could have been."""
    error = _load(tmp_path, "parameters:\n  cc.consent_share:\n    overlays:\n      cn/gansu:\n"
                  "        - {value: \"2/3\",\n           form: 2023-01-01}\n", "parameters/p.yaml")
    assert error.line == 6 and "unknown key 'form' of a version (did you mean 'from'?)" \
        in error.msg, error
    assert "版本没有「form」这一项（是否指「from」？）" in str(error.zh)
    error = _load(tmp_path / "f", GOOD_RULE.replace("numerator: consented", "numerator: consentd"))
    assert "no field 'consentd' (did you mean 'consented'?)" in error.msg
    assert "所判断的事实没有字段「consentd」（是否指「consented」？）" in error.text("zh")


def test_an_overlay_parameter_s_quote_must_stand_on_its_line(tmp_path: Path) -> None:
    assert _overlay_with_notice(tmp_path, 4) is None
    error = _load(tmp_path, "parameters:\n  cc.consent_share:\n    overlays:\n      cn/gansu:\n"
                  "        - {from: 2023-01-01, value: \"2/3\",\n"
                  "           reference: {document: X-2022, lines: [2],\n"
                  "                       quote: 协商议题经三分之二以上成员同意}}\n",
                  "parameters/p.yaml")
    assert error.file.endswith("p.yaml") and error.line == 6, error
    assert "X-2022:2 does not hold the quote" in error.msg and "it stands on line 3" in error.msg


def test_a_when_list_is_bounded(tmp_path: Path) -> None:
    """480,000 values in one `when` list made the guard an OR of as many comparisons (1.8 GB,
    16 s); it is refused at the rule's line, in both languages."""
    many = ", ".join(["consultation_committee"] * 101)
    error = _load(tmp_path, GOOD_RULE.replace("when: {body_kind: consultation_committee}",
                                              f"when: {{body_kind: [{many}]}}"))
    assert "body_kind lists 101 values; a `when` names at most 100" in error.msg, error
    assert "「body_kind」列了101个值" in error.text("zh")


def test_an_overlay_document_s_span_must_fit_its_text(tmp_path: Path) -> None:
    """A span to line 10^12 of a four-line notice loaded; only `source` objected."""
    assert _overlay_with_notice(tmp_path, 4) is None
    ruleset = tmp_path / "ruleset.yaml"
    ruleset.write_text(ruleset.read_text(encoding="utf-8").replace(
        "lines: [1, 4]", "lines: [1, 1000000000000]"), encoding="utf-8")
    error = _load_only(tmp_path)
    assert error is not None and error.line == 4, error
    assert "X-2022 spans lines 1–1000000000000, but d/notice.txt has 4 lines" in error.msg
    assert "X-2022 的 lines 为第1至1000000000000行" in str(error.zh)
    # one line past the last: the newline that ends line 4 begins no fifth (it loaded, and
    # `source` then refused every citation)
    ruleset.write_text(ruleset.read_text(encoding="utf-8").replace(
        "lines: [1, 1000000000000]", "lines: [1, 5]"), encoding="utf-8")
    error = _load_only(tmp_path)
    assert error is not None and "d/notice.txt has 4 lines" in error.msg, error


@pytest.mark.parametrize(("old", "new", "en", "zh"), [
    ("severity: error", "severity: fatal",
     "severity: 'fatal' is not one of the allowed values: 'error', 'warning' or 'info'",
     "severity：取值「fatal」不可用"),
    ("quote: 必须经过80%以上成员同意后", 'quote: ""',
     "source[0].quote: needs at least 2 characters", "source[0].quote："),
])
def test_a_rule_s_schema_error_is_worded_as_the_records_are(tmp_path: Path, old: str, new: str,
                                                            en: str, zh: str) -> None:
    """pydantic's own words (severity: Input should be 'error', …; source.0.quote: String
    should have at least 2 characters) and a dotted path where the records write source[0]."""
    error = _load(tmp_path, GOOD_RULE.replace(old, new))
    assert error.msg.endswith(en), error.msg
    assert zh in str(error.zh), error.zh


def test_a_title_naming_values_names_the_rule_set_s_parameters(tmp_path: Path) -> None:
    """A title's number may come from a parameter (so that an overlay's value titles its
    findings); one naming no parameter, or a placeholder with no value, is refused."""
    error = _load(tmp_path, GOOD_RULE.replace(
        "title: {zh: 标题, en: title}",
        "title: {zh: '须{s}', en: 'at least {s}', values: {s: {param: cc.consent_shar}}}"))
    assert "names no parameter 'cc.consent_shar'" in error.msg, error.msg
    assert "did you mean 'cc.consent_share'" in error.msg
    error = _load(tmp_path, GOOD_RULE.replace("title: {zh: 标题, en: title}",
                                              "title: {zh: '须{s}', en: 'at least {s}'}"))
    assert "{s} in the title" in error.msg, error.msg
    (tmp_path / "extra.yaml").write_text(GOOD_RULE.replace(
        "title: {zh: 标题, en: title}",
        "title: {zh: '须{s}', en: 'at least {s}', values: {s: {param: cc.consent_share}}}"),
        encoding="utf-8")
    assert load_rulebook(tmp_path).rule("my-rule").title.en == "at least 80%"


def test_a_title_naming_a_value_given_only_for_places_says_its_general_words(
        tmp_path: Path) -> None:
    """A title naming the dispute report's deadline, which only the counties' overlays give,
    has words for the rule set's list of rules (``general``), else it is refused: the list
    showed ``{due}`` as written."""
    due = ("title: {zh: '按时（{due}前）', en: 'on time (by {due})', values: {due: {day: "
           "{param: zz.dispute_report_day}, month_offset: {param: zz.dispute_report_month_offset}}}")
    error = _load(tmp_path, GOOD_RULE.replace("title: {zh: 标题, en: title}", due + "}"))
    assert "{due} names 'zz.dispute_report_day', which has a value only for places" in error.msg
    assert "general" in str(error.zh), error.zh
    (tmp_path / "extra.yaml").write_text(GOOD_RULE.replace(
        "title: {zh: 标题, en: title}", due + ", general: {zh: 按时, en: on time}}"),
        encoding="utf-8")
    assert load_rulebook(tmp_path).rule("my-rule").title.en == "on time"
