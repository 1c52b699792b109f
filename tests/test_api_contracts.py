"""What an app that imports the library relies on: results and built reports do not change
when more are merged, reports compare by what they say, print as their summary, and a rule set
pickles whatever it was used for."""

from __future__ import annotations

import copy
import pickle

import pytest
from _helpers import EXAMPLES, half_consent

from governance_rules import check_paths, iter_check_paths, load_rulebook
from governance_rules._checker import ReportBuilder
from governance_rules.report import Report

BOOK = load_rulebook()


def _results() -> list:  # type: ignore[type-arg]
    return list(iter_check_paths([EXAMPLES / "haliang-3", EXAMPLES / "sifang"], rulebook=BOOK,
                                 base=EXAMPLES))


def _report_of(results: list) -> Report:  # type: ignore[type-arg]
    builder = ReportBuilder(BOOK, "native", None)
    for result in results:
        builder.add(result)
    return builder.build()


def test_merging_changes_neither_the_results_nor_a_report_built_before() -> None:
    results = _results()
    alone = _report_of(results[:1])
    sizes = [(len(r.checked), len(r.records)) for r in results]
    kept = {key: list(ruled) for key, (_, ruled) in results[0].checked.items()}
    builder = ReportBuilder(BOOK, "native", None)
    builder.add(results[0])
    early = builder.build()
    builder.add(results[1])
    both = builder.build()
    assert [(len(r.checked), len(r.records)) for r in results] == sizes
    assert {key: ruled for key, (_, ruled) in results[0].checked.items()} == kept
    assert len(early.checked) == sizes[0][0] and early == alone
    assert len(both.checked) == sizes[0][0] + sizes[1][0]
    assert _report_of(results[:1]) == alone  # the results can be merged again


def test_reports_of_the_same_input_are_equal_whatever_their_timings() -> None:
    first = check_paths([EXAMPLES / "haliang-3"], rulebook=BOOK, base=EXAMPLES)
    again = check_paths([EXAMPLES / "haliang-3"], rulebook=BOOK, base=EXAMPLES)
    assert first.seconds_by_file and first == again
    assert Report.model_validate_json(first.to_json()) == first
    assert Report.model_validate(first.model_dump()) == first
    assert first != check_paths([EXAMPLES / "sifang"], rulebook=BOOK, base=EXAMPLES)
    assert first != "a report"


def test_a_report_prints_as_its_summary() -> None:
    report = check_paths([EXAMPLES / "haliang-3"], rulebook=BOOK, base=EXAMPLES)
    assert str(report) == repr(report) and str(report).startswith("<Report: ")
    assert len(str(report)) < 200


def test_a_rule_set_pickles_before_and_after_it_is_used() -> None:
    book = load_rulebook()
    before = pickle.loads(pickle.dumps(book))
    first = check_paths([EXAMPLES / "haliang-3"], rulebook=book, base=EXAMPLES)
    after = pickle.loads(pickle.dumps(book))
    assert check_paths([EXAMPLES / "haliang-3"], rulebook=after, base=EXAMPLES) == first
    assert check_paths([EXAMPLES / "haliang-3"], rulebook=before, base=EXAMPLES) == first
    assert copy.deepcopy(book).rules == book.rules


def test_a_check_given_no_rule_set_loads_the_bundled_one_once_until_a_file_changes(
        tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """``check_data(files)`` loaded the rule set on every call (50 ms against a check of a few);
    the bundled one is kept, and loaded again when one of its files changes."""
    import os
    import shutil

    from governance_rules.rulebook import default_rulebook, default_rules_dir, loader

    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    monkeypatch.setattr(loader, "default_rules_dir", lambda: rules)
    monkeypatch.setattr(loader, "_DEFAULT", None)
    first = default_rulebook()
    assert default_rulebook() is first
    parameters = rules / "parameters" / "shares.yaml"
    parameters.write_text(parameters.read_text("utf-8").replace('value: "4/5"', 'value: "9/10"'),
                          encoding="utf-8")
    os.utime(parameters, ns=(1, 1))  # a changed file, whatever the clock's resolution
    second = default_rulebook()
    assert second is not first and str(second.parameters["cc.consent_share"].values[0].value) \
        == "9/10"


def test_a_what_if_value_names_its_place_and_cites_no_clause() -> None:
    """A what-if is nobody's document: the 9/10 of a what-if for Heilongjiang does not rest on
    the 80% clause it replaced, and the report says where it applied."""
    from fractions import Fraction

    for place, overlay in (("cn/heilongjiang", "cn/heilongjiang"), (None, None)):
        book = BOOK.with_parameter("cc.consent_share", Fraction(9, 10), place)
        report = check_paths([EXAMPLES / "haliang-3"], rulebook=book, base=EXAMPLES)
        uses = [f.parameters["cc.consent_share"] for f in report.findings
                if f.rule_id == "cc-consent-80"]
        assert uses and all(u.value == "9/10" and u.overlay == overlay and u.source is None
                            for u in uses), uses
    report = check_paths([EXAMPLES / "haliang-3"], rulebook=BOOK, base=EXAMPLES)
    [used] = {f.parameters["cc.consent_share"].source.lines[0] for f in report.findings
              if f.rule_id == "cc-consent-80"}
    assert used == 26  # the bundled value cites its clause


def test_a_what_if_finding_says_its_value_is_not_the_source_s() -> None:
    """Under a what-if 2/3 the finding cited the 80% clause and said nothing of the value it
    was judged by: it now says, in both languages, that the value is a what-if."""
    from governance_rules import check_data, load_rulebook

    files = half_consent()
    book = load_rulebook().with_parameter("cc.consent_share", "2/3")
    [finding] = [f for f in check_data(files, rulebook=book).findings
                 if f.rule_id == "cc-consent-80"]
    assert finding.message.zh.endswith(
        "；本次检查用了假设值：协商议题形成决策性意见所需同意成员比例（以上，含本数）为2/3，非原文的规定")
    assert finding.message.en.endswith(
        "; checked with a what-if value, not the source's: share of committee members whose "
        "consent makes a topic a decision (inclusive) is 2/3")  # was `cc.consent_share = 2/3`
    [plain] = [f for f in check_data(files).findings if f.rule_id == "cc-consent-80"]
    assert "假设" not in plain.message.zh and "what-if" not in plain.message.en
    as_the_source = load_rulebook().with_parameter("cc.consent_share", "4/5")  # HLS-356's 80%
    [same] = [f for f in check_data(files, rulebook=as_the_source).findings
              if f.rule_id == "cc-consent-80"]
    assert (same.message.zh, same.message.en) == (plain.message.zh, plain.message.en)


@pytest.mark.parametrize(("name", "value", "zh", "en"), [
    ("po.half_comparison", "at_least", "党组织“半数以上”的读法为达到半数",
     "reading of 半数以上 for the party committee is at least half"),
    ("rc.term_years", 2, "社区居民委员会每届任期为2年", "term of the residents' committee is 2 years"),
    ("ra.min_age", 20, "社区居民代表任职之日的最低年龄（年满，含本数）为20周岁",
     "the youngest a residents' representative may be on the seat's first day (years, "
     "inclusive: old enough on the birthday itself) is 20 years"),
    ("fin.min_signers", 5, "发票和收据报销所需签字人数（至少）为5",
     "number of different people who must sign a voucher (at least) is 5"),
])
def test_a_what_if_note_says_its_value_in_words(name: str, value: object, zh: str,
                                                en: str) -> None:
    """A choice's code stood in the Chinese note (`…为at_least`) and a term had no unit
    (`每届任期为2`); an age was counted in 年, and a description stated the value it replaced
    (`签字人数（三人以上）为5`)."""
    from governance_rules import load_rulebook

    report = check_paths([EXAMPLES / "sifang"], rulebook=load_rulebook().with_parameter(
        name, value), base=EXAMPLES)
    noted = [f for f in report.findings if "假设值" in f.message.zh]
    assert noted and all(f.message.zh.endswith(f"本次检查用了假设值：{zh}，非原文的规定")
                         and f.message.en.endswith(f"not the source's: {en}") for f in noted)


def test_what_if_values_are_refused_in_words() -> None:
    """A bad what-if value showed a Python repr (Fraction(3, 2)), an exception from Fraction or
    Decimal, or pandas' KeyError for no values; a misspelt parameter had no suggestion."""
    from fractions import Fraction

    import pytest

    from governance_rules import load_rulebook
    from governance_rules.analysis import what_if

    book = load_rulebook()
    with pytest.raises(ValueError, match=r"a share must lie in \(0, 1\], got 3/2$"):
        book.with_parameter("cc.consent_share", Fraction(3, 2))
    with pytest.raises(ValueError, match=r"expected a share written p/q such as \"4/5\", got 'abc'"):
        book.with_parameter("cc.consent_share", "abc")
    with pytest.raises(ValueError, match=r"expected an amount of yuan such as \"100\.00\""):
        book.with_parameter("fin.tier1_limit", "abc")
    with pytest.raises(KeyError, match=r"did you mean 'cc\.consent_share'"):
        book.with_parameter("cc.consent_shar", "1/2")
    with pytest.raises(ValueError, match=r"with at most two decimals, got '149\.995'"):
        book.with_parameter("fin.tier1_limit", "149.995")  # was taken, and said as 150元
    with pytest.raises(ValueError, match=r"no values of cc\.consent_share to try"):
        what_if([], "cc.consent_share", [])


def test_a_finding_judged_with_a_place_s_value_is_titled_with_it() -> None:
    """Under a Heilongjiang 9/10 the finding's title still said "at least 80% of members" beside
    a message saying 90%: the title now states the value the finding was judged with; the
    report's rule title keeps the rule set's own (a run may cover places of both)."""
    from fractions import Fraction

    book = BOOK.with_parameter("cc.consent_share", Fraction(9, 10), "cn/heilongjiang")
    report = check_paths([EXAMPLES / "haliang-3"], rulebook=book, base=EXAMPLES)
    titles = {(f.title.zh, f.title.en) for f in report.findings if f.rule_id == "cc-consent-80"}
    assert titles == {("协商议题须经90%以上成员同意方能形成决策性意见",
                       "A consultation topic becomes a decision only with the consent of at "
                       "least 90% of members")}
    [info] = [r for r in report.rules if r.id == "cc-consent-80"]
    assert "80%" in info.title.zh and "80%" in info.title.en
    everywhere = BOOK.with_parameter("cc.consent_share", Fraction(2, 3))
    assert "two thirds" in everywhere.rule("cc-consent-80").title.en  # the rule set's own
