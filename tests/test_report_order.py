"""The order of a report's ``checked`` entries: keys sorted as their parts joined by NUL come
in the order of the (file, type, id) tuples, whatever the file names."""

from __future__ import annotations

from _helpers import EXAMPLES
from hypothesis import given
from hypothesis import strategies as st

from governance_rules import Rulebook
from governance_rules.records.loader import discover, load_dossier
from governance_rules.report.model import keys_in_report_order

_slug = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,6}", fullmatch=True)
_id = st.lists(_slug, min_size=1, max_size=3).map("/".join)
_file = st.text(min_size=1, max_size=8)  # any characters, NUL and astral ones too


@given(st.lists(st.tuples(_file, _slug, _id), max_size=40))
def test_keys_come_in_the_order_of_their_tuples(keys: list[tuple[str, str, str]]) -> None:
    keys = list(dict.fromkeys(keys))
    assert keys_in_report_order(keys, [file for file, _, _ in keys]) == sorted(keys)


def test_a_file_name_with_nul_falls_back_to_the_tuples() -> None:
    """As tuples, file ``a`` comes before file ``a\\0b`` (a prefix first); joined by NUL,
    ``a\\0b\\0meeting…`` would come before ``a\\0term…``."""
    keys = [("a\0b", "meeting", "x"), ("a", "term", "a")]
    assert sorted(keys, key="\0".join) != sorted(keys)  # what the fallback is for
    assert keys_in_report_order(keys, ["a\0b", "a"]) == sorted(keys)


def test_a_rule_applied_to_two_facts_of_a_record_is_listed_once() -> None:
    """A checker lists a rule for each of a record's facts it applied to; the report's entry
    names it once, in order."""
    from governance_rules.report.model import CheckedRecord

    place = {"id": "m1", "type": "meeting", "file": "a.yaml", "line": 3, "path": "meeting"}
    assert CheckedRecord.at(place, ["b", "a", "b"], {}).rules == ["a", "b"]
    assert CheckedRecord.at(place, ["b", "b"], {}).rules == ["b"]


def test_the_findings_of_several_dossiers_come_merged_in_report_order(rulebook: Rulebook
                                                                       ) -> None:
    """A builder keeps one dossier's findings in the order they came (a checker's are in
    report order) and sorts those of several; given in reverse, they come out the same."""
    from governance_rules import ReportBuilder
    from governance_rules._checker import DossierChecker
    from governance_rules.report.model import Finding

    results = [DossierChecker(rulebook).check(load_dossier(source))
               for source in discover([EXAMPLES])[0]]
    assert sum(bool(r.findings) for r in results) > 1
    reports = []
    for order in (results, results[::-1], results[:1]):
        builder = ReportBuilder(rulebook, "native", None)
        for result in order:
            builder.add(result)
        reports.append(builder.build().findings)
    assert reports[0] == reports[1] == sorted(reports[0], key=Finding.sort_key)
    assert reports[2] == results[0].findings and reports[2] is not results[0].findings


def test_a_result_not_made_by_a_checker_has_its_findings_sorted(rulebook: Rulebook) -> None:
    """Only a checker's result is known to be in report order; one made by hand (its
    findings in any order) alone still gives a report in report order."""
    from governance_rules import DossierResult, ReportBuilder
    from governance_rules._checker import DossierChecker
    from governance_rules.report.model import Finding

    checked = DossierChecker(rulebook).check(load_dossier(discover([EXAMPLES / "sifang"])[0][0]))
    assert checked.in_report_order and len(checked.findings) > 2
    by_hand = DossierResult(root="sifang", findings=checked.findings[::-1])
    assert not by_hand.in_report_order
    builder = ReportBuilder(rulebook, "native", None)
    builder.add(by_hand)
    assert builder.build().findings == sorted(checked.findings, key=Finding.sort_key)
