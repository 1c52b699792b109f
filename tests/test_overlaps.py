"""The catalogue's overlaps: where two ids cover the same act, one finding under the first id of
the pair, with the stricter severity, citing both clauses and naming both ids (rule-catalogue.md,
"Overlaps"; a rule's ``overlaps``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_rulebook_loading import REQUIREMENT_RULE

from governance_rules import RulebookError, check_data, load_rulebook
from governance_rules.authoring.explain import explain_dossiers
from governance_rules.records.loader import dossier_from_data
from governance_rules.report import Finding

_CONGRESS = {
    "community.yaml": {"community": {"id": "tz", "name": "某镇", "adopts": ["RD-TOWNSHIP"],
                                     "jurisdiction": ["cn", "anhui", "chuzhou", "dingyuan"]}},
    "bodies.yaml": {"bodies": [
        {"id": "tpc", "kind": "township_congress", "name": "某镇人民代表大会", "seats": [
            {"person": "c1", "name": "主席", "role": "chair",
             "terms": [{"start": "2021-10-01", "end": "2026-09-30", "obtained_by": "election"}]}]},
        {"id": "zxt", "kind": "presidium", "name": "主席团", "seats": [
            {"person": "c1", "name": "主席", "role": "chair",
             "terms": [{"start": "2021-10-01", "end": "2026-09-30", "obtained_by": "election"}]}]},
    ]},
}
_PREPARED = {"party_approved_on": "2022-04-20", "notice_on": "2022-05-01",
             "reports_sent_on": "2022-05-01"}


def _findings(files: dict[str, Any], *rules: str) -> list[Finding]:
    return [f for f in check_data(files).findings if f.rule_id in rules]


def test_an_added_session_without_any_presidium_decision_is_one_finding() -> None:
    session = {"id": "s9", "body": "tpc", "date": "2022-05-10", "number": 3, "days": 1,
               "extra": True, "preparation": _PREPARED}
    [finding] = _findings({**_CONGRESS, "s.yaml": {"session": session}},
                          "tpc-preparation", "tpc-extra-session")
    assert finding.rule_id == "tpc-preparation" and finding.severity == "error"
    assert finding.catalogue == ["TPC-PREPARATION", "TPC-SESSIONS"]
    assert [(s.document, s.lines) for s in finding.sources] == [("RD-TOWNSHIP", [498]),
                                                                ("RD-TOWNSHIP", [496])]
    assert "增开" in finding.message.zh and "added session" in finding.message.en


def test_a_session_not_added_keeps_its_own_id() -> None:
    session = {"id": "s2", "body": "tpc", "date": "2022-05-10", "number": 2, "days": 1,
               "preparation": _PREPARED}
    [finding] = _findings({**_CONGRESS, "s.yaml": {"session": session}},
                          "tpc-preparation", "tpc-extra-session")
    assert finding.catalogue == ["TPC-PREPARATION"]
    assert [s.lines for s in finding.sources] == [[498]]


@pytest.mark.parametrize(("matter", "catalogue", "lines"), [
    ("major_residents_matter", ["RA-RESERVED", "HEAR-ESCALATE"], [[344], [378]]),
    ("charter", ["HEAR-ESCALATE"], [[378]]),
])
def test_a_hearing_s_vote_on_a_reserved_matter(matter: str, catalogue: list[str],
                                                lines: list[list[int]]) -> None:
    files = {
        "community.yaml": {"community": {"id": "sf", "name": "四方某社区",
                                         "jurisdiction": ["cn", "shandong", "qingdao", "sifang"]}},
        "h.yaml": {"hearing": {"id": "h1", "body": "rc", "date": "2022-05-10", "topic": "改造",
                               "matter": matter, "votes": {"yes": 20, "no": 4},
                               "steps": ["topic_reported", "committee_briefing", "discussion",
                                         "vote"], "published_on": "2022-05-11"}},
        "rc.yaml": {"body": {"id": "rc", "kind": "residents_committee", "name": "居委会",
                             "seats": []}},
    }
    [finding] = _findings(files, "hear-escalate", "ra-reserved")
    assert finding.catalogue == catalogue and finding.severity == "error"
    assert [s.lines for s in finding.sources] == lines


_RULE = REQUIREMENT_RULE.replace(
    "    catalogue: [CC-CONSENT-80]\n", "    catalogue: [CC-CONSENT-80]\n    overlaps: {OVERLAPS}\n"
).replace('          en: "{present} present"\n',
          '          en: "{present} present"\n          name: attended\n')
"""A requirement rule of one named clause, ``attended``, with the overlaps put in its place."""


def test_an_overlap_loads_and_names_its_ids(tmp_path: Path) -> None:
    (tmp_path / "extra.yaml").write_text(
        _RULE.replace("{OVERLAPS}", "{attended: [CC-QUORUM, CC-CONSENT-80]}"), encoding="utf-8")
    rule = load_rulebook(tmp_path).rule("my-req")
    assert rule.catalogue_for(["attended"]) == ["CC-QUORUM", "CC-CONSENT-80"]
    assert rule.catalogue_for([]) == ["CC-CONSENT-80"]


@pytest.mark.parametrize(("overlaps", "said", "zh"), [
    ("{attend: [CC-QUORUM, CC-CONSENT-80]}", "overlaps names 'attend', which is not a clause of "
     "this rule (did you mean 'attended'?)", "overlaps 中的「attend」不是本规则的条款"),
    ("{attended: [CC-QUORUM]}", "the rule's own (CC-CONSENT-80) among them; got CC-QUORUM",
     "其中包括本规则自己的编号（CC-CONSENT-80）"),
    ("{attended: [CC-CONSENT-80]}", "two or more", "至少两个"),
])
def test_an_overlap_that_names_no_clause_or_drops_the_rule_s_id_is_refused(
        tmp_path: Path, overlaps: str, said: str, zh: str) -> None:
    (tmp_path / "extra.yaml").write_text(_RULE.replace("{OVERLAPS}", overlaps), encoding="utf-8")
    with pytest.raises(RulebookError) as caught:
        load_rulebook(tmp_path)
    error = caught.value
    assert said in error.msg and error.line == 4, error
    assert zh in str(error.zh), error.zh


def _adopting(tmp_path: Path, place: str, ids: list[str]) -> Any:
    (tmp_path / "ruleset.yaml").write_text(
        f"adopt:\n  {place}:\n" + "".join(f"    - {i}\n" for i in ids), encoding="utf-8")
    return load_rulebook(tmp_path)


@pytest.mark.parametrize("engine", ["native", "durable"])
def test_a_place_that_adopted_only_the_other_id_of_an_overlap_gets_that_finding(
        tmp_path: Path, engine: str) -> None:
    """A district that adopted TPC-SESSIONS alone got no finding for an added session with no
    presidium decision at all (while one with a late decision was a warning): the catalogue
    routes that breach to tpc-preparation, which was not bound there. It is now, for that
    clause alone: the session's late notice (a TPC-PREPARATION clause) is not judged."""
    book = _adopting(tmp_path, "cn/hebei/baoding", ["TPC-SESSIONS"])
    town = {**_CONGRESS, "community.yaml": {"community": {
        "id": "tz", "name": "某镇", "jurisdiction": ["cn", "hebei", "baoding", "laishui"]}}}
    late = {**_PREPARED, "notice_on": "2022-05-10", "reports_sent_on": "2022-05-10"}
    added = {"id": "s9", "body": "tpc", "date": "2022-05-10", "number": 3, "days": 1,
             "extra": True, "preparation": late}
    report = check_data({**town, "s.yaml": {"session": added}}, rulebook=book, engine=engine)
    [finding] = [f for f in report.findings if f.rule_id.startswith("tpc-")
                 and f.rule_id != "tpc-session-quarters"]
    assert finding.rule_id == "tpc-preparation" and finding.severity == "error"
    assert finding.catalogue == ["TPC-PREPARATION", "TPC-SESSIONS"]
    assert [s.lines for s in finding.sources] == [[498], [496]]
    assert finding.message.en.endswith(
        "the added session has no recorded decision of the presidium, neither to add it nor "
        "fixing its date and agenda"), finding.message.en
    [explained] = explain_dossiers(book, "tpc-preparation", "s9", [dossier_from_data(
        {**town, "s.yaml": {"session": added}})], engine=engine)
    assert explained.verdict == "violated" and explained.checks[0].ok
    assert "only that clause is judged" in explained.checks[0].text.en
    ordinary = {**added, "extra": False}
    report = check_data({**town, "s.yaml": {"session": ordinary}}, rulebook=book, engine=engine)
    assert "tpc-preparation" in report.summary.applied
    assert [f.rule_id for f in report.findings if f.rule_id == "tpc-preparation"] == []


def test_a_hearing_s_vote_where_only_ra_reserved_was_adopted(tmp_path: Path) -> None:
    """Likewise a hearing's vote on a major matter of the residents' interests where an overlay
    adopted RA-RESERVED alone: hear-escalate's overlapping clause, not its others."""
    book = _adopting(tmp_path, "cn/test", ["RA-RESERVED"])

    def hearing(matter: str) -> dict[str, Any]:
        return {"community.yaml": {"community": {"id": "c", "name": "某社区",
                                                 "jurisdiction": ["cn", "test"]}},
                "h.yaml": {"hearing": {"id": "h1", "body": "rc", "date": "2022-05-10",
                                       "topic": "改造", "matter": matter,
                                       "votes": {"yes": 20, "no": 4}}},
                "rc.yaml": {"body": {"id": "rc", "kind": "residents_committee",
                                     "name": "居委会", "seats": []}}}

    [finding] = [f for f in check_data(hearing("major_residents_matter"), rulebook=book).findings
                 if f.rule_id == "hear-escalate"]
    assert finding.catalogue == ["RA-RESERVED", "HEAR-ESCALATE"]
    assert [f for f in check_data(hearing("charter"), rulebook=book).findings
            if f.rule_id == "hear-escalate"] == []
