"""Findings explained when first read (``check_data``): a program that counts findings does
not pay for their words, and one that reads, dumps, compares, copies or pickles them gets what
an eager check gives, byte for byte."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from _helpers import EXAMPLES
from hypothesis import given
from hypothesis import strategies as st

import governance_rules._checker as checker
from governance_rules import Rulebook, check_data
from governance_rules.facts import iter_facts
from governance_rules.records import dossier_from_data
from governance_rules.records.loader import discover, load_dossier
from governance_rules.report.model import (
    EXPLAINED,
    Evidence,
    Finding,
    RecordLocation,
    Severity,
    Text,
    in_report_order,
)

_DOSSIER = EXAMPLES / "sifang"


def _files(root: Path) -> dict[str, Any]:
    return {p.relative_to(root).as_posix(): yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in sorted(root.rglob("*.yaml"))}


@pytest.fixture(scope="module")
def files() -> dict[str, Any]:
    return _files(_DOSSIER)


@pytest.fixture
def explanations(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The rule ids of the findings explained so far, in order."""
    made: list[str] = []
    explain = checker._explanation

    def counted(shared: Any, *args: Any) -> dict[str, Any]:
        made.append(shared.rule_id)
        return explain(shared, *args)

    monkeypatch.setattr(checker, "_explanation", counted)
    yield made


def _eager(files: dict[str, Any], rulebook: Rulebook) -> str:
    return checker.check_dossiers([dossier_from_data(files)], rulebook=rulebook).to_json()


def test_a_check_of_data_explains_only_the_findings_read(
        files: dict[str, Any], rulebook: Rulebook, explanations: list[str]) -> None:
    report = check_data(files, rulebook=rulebook)
    warnings = sum(f.severity is not Severity.ERROR for f in report.findings)
    assert len(report.findings) > 2 and warnings  # a warning's severity needs no words
    assert report.summary.total == len(report.findings)  # counting explains nothing
    assert len(explanations) <= 1  # findings whose place and rule tie: ordered by message
    before = len(explanations)
    finding = next(f for f in report.findings if "_explain" in f.__dict__)
    assert finding.message.zh and finding.sources  # read: explained, once
    assert finding.evidence.measured.en
    assert len(explanations) == before + 1


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.iterdir()
                                           if (p / "community.yaml").is_file()))
def test_a_stated_exception_is_a_name_given_when_the_fact_is_made(example: str) -> None:
    """A finding's severity reads it before the fact is explained (:func:`finding_for`):
    a fact's ``later`` names never add it."""
    sources, _ = discover([EXAMPLES / example])
    for source in sources:
        for fact in iter_facts(load_dossier(source, EXAMPLES)):
            given = fact.names.get("special_circumstances")
            assert fact.explained().names.get("special_circumstances") == given


def test_explained_later_the_report_is_the_eager_report_byte_for_byte(
        files: dict[str, Any], rulebook: Rulebook) -> None:
    assert check_data(files, rulebook=rulebook).to_json() == _eager(files, rulebook)


@pytest.mark.parametrize("use", [
    pytest.param(lambda f: pickle.loads(pickle.dumps(f)), id="pickled"),
    pytest.param(copy.copy, id="copied"),
    pytest.param(copy.deepcopy, id="deep-copied"),
    pytest.param(lambda f: f.model_copy(), id="model_copy"),
    pytest.param(lambda f: Finding.model_validate_json(f.model_dump_json()), id="dumped"),
    pytest.param(lambda f: Finding.model_validate(f.model_dump()), id="dumped-to-python"),
])
def test_a_finding_used_before_it_is_read_is_the_eager_one(
        files: dict[str, Any], rulebook: Rulebook, use: Any) -> None:
    eager = checker.check_dossiers([dossier_from_data(files)], rulebook=rulebook).findings
    later = check_data(files, rulebook=rulebook).findings
    assert any("_explain" in f.__dict__ for f in later)
    for mine, theirs in zip(later, eager, strict=True):
        used = use(mine)
        assert "_explain" not in used.__dict__
        assert used == theirs
        assert list(used.__dict__) == list(Finding.model_fields)  # fields in their order


def test_a_finding_explained_later_counts_the_fields_the_eager_one_does(
        files: dict[str, Any], rulebook: Rulebook) -> None:
    eager = checker.check_dossiers([dossier_from_data(files)], rulebook=rulebook).findings
    later = check_data(files, rulebook=rulebook).findings
    assert any("_explain" in f.__dict__ for f in later)
    assert [f.model_fields_set for f in later] == [f.model_fields_set for f in eager]


def test_a_field_given_to_a_copy_stands_when_it_is_explained(
        files: dict[str, Any], rulebook: Rulebook) -> None:
    finding = next(f for f in check_data(files, rulebook=rulebook).findings
                   if "_explain" in f.__dict__)
    said = Text(zh="另说", en="said otherwise")
    changed = finding.model_copy(update={"message": said})
    assert changed.message == said and changed.evidence == finding.evidence
    assert list(changed.__dict__) == list(Finding.model_fields)
    assert finding.message != said


def test_repr_and_equality_explain_both_sides(files: dict[str, Any], rulebook: Rulebook
                                              ) -> None:
    one, two = (check_data(files, rulebook=rulebook).findings[0] for _ in range(2))
    assert "message=" in repr(one)
    assert one == two  # ``two`` was unexplained
    assert "_explain" not in two.__dict__


def test_a_field_that_is_not_explained_is_still_an_error_to_read_if_it_is_not_one(
        files: dict[str, Any], rulebook: Rulebook) -> None:
    finding = check_data(files, rulebook=rulebook).findings[0]
    with pytest.raises(AttributeError):
        finding.no_such_field  # noqa: B018
    assert set(EXPLAINED) < set(Finding.model_fields)


_place = st.tuples(st.sampled_from(["a.yaml", "b.yaml"]), st.integers(1, 3),
                   st.sampled_from(["r1", "r2"]), st.sampled_from(["x", "y"]))


@given(st.lists(st.tuples(_place, st.sampled_from(["甲", "乙", "丙"])), max_size=12))
def test_findings_come_in_sort_key_order_reading_messages_only_where_places_tie(
        made: list[tuple[tuple[str, int, str, str], str]]) -> None:
    read: list[str] = []

    def finding(place: tuple[str, int, str, str], words: str, n: int) -> Finding:
        file, line, rule, record = place
        text = Text(zh=words, en=f"{words}{n % 2}")

        def explain() -> dict[str, Any]:
            read.append(record)
            return {"catalogue": [], "body": None, "message": text, "source": None,
                    "sources": [], "evidence": Evidence(measured=text, required=text)}

        return Finding.explained_later(
            explain, rule_id=rule, severity=Severity.ERROR, title=text,
            record=RecordLocation(id=record, type="meeting", file=file, line=line,
                                  path="meeting"), jurisdiction=[])

    findings = [finding(place, words, n) for n, (place, words) in enumerate(made)]
    places = [f.place_key() for f in findings]
    ordered = in_report_order(findings)
    tied = sum(places.count(p) for p in set(places) if places.count(p) > 1)
    assert len(read) == tied  # the messages of findings whose places tie, no others
    assert [id(f) for f in ordered] == [id(f) for f in sorted(findings, key=Finding.sort_key)]


def test_a_finding_iterated_gives_every_field(files: dict[str, Any], rulebook: Rulebook
                                              ) -> None:
    """``dict(finding)`` and pandas read a model's fields by iterating it."""
    eager = checker.check_dossiers([dossier_from_data(files)], rulebook=rulebook).findings
    later = check_data(files, rulebook=rulebook).findings
    assert [dict(f) for f in later] == [dict(f) for f in eager]
    assert all(Finding(**dict(f)) == f for f in later)


def test_threads_reading_one_finding_at_once_all_read_it(files: dict[str, Any],
                                                         rulebook: Rulebook) -> None:
    """A thread whose look-up missed a field another thread is explaining reads it once that
    thread is done, not an ``AttributeError``."""
    import sys
    import threading

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads switch as often as they can
    failures: list[BaseException] = []
    try:
        for _ in range(15):
            report = check_data(files, rulebook=rulebook)

            def read(findings: list[Finding] = report.findings) -> None:
                try:
                    for finding in findings:
                        finding.message, finding.sources, finding.body  # noqa: B018
                except BaseException as error:
                    failures.append(error)

            threads = [threading.Thread(target=read) for _ in range(4)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert failures == []
