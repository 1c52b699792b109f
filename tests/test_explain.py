"""`governance-rules explain`: for every rule kind, on a record where the rule fails and one where
it passes (taken from the bundled YAML cases), the explanation reads the same verdict as the
check, every applicability step is shown, and the conditions it prints agree with the verdict."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from governance_rules import check_data, load_rulebook
from governance_rules.analysis import load_dossiers
from governance_rules.authoring.cases import TestCase, load_case_file
from governance_rules.authoring.explain import (
    ExplainError,
    explain_dossiers,
    render_text,
    to_json,
)
from governance_rules.cli import main
from governance_rules.records.loader import dossier_from_data
from governance_rules.rulebook.kinds import KINDS

ROOT = Path(__file__).resolve().parents[1]
BOOK = load_rulebook()
CASES = [c for p in sorted((ROOT / "rules" / "cases").glob("*.yaml"))
         for c in load_case_file(p, BOOK, p.stem)]


USED_KINDS = sorted({r.kind for r in BOOK.rules})
"""Every kind a bundled rule uses (a kind no rule uses has nothing to explain)."""


def test_the_used_kinds_are_most_kinds() -> None:
    assert set(USED_KINDS) <= set(KINDS) and len(USED_KINDS) >= len(KINDS) - 1


def _case_of_kind(kind: str, outcome: str) -> tuple[TestCase, str]:
    for case in CASES:
        for expected in case.expectations:
            if expected.outcome == outcome and BOOK.rule(expected.rule).kind == kind \
                    and case.records is not None and case.jurisdiction is None:
                return case, expected.rule
    raise LookupError(kind)


@pytest.mark.parametrize("kind", USED_KINDS)
@pytest.mark.parametrize("outcome", ["fail", "pass"])
def test_explain_answers_for_every_kind(kind: str, outcome: str) -> None:
    case, rule_id = _case_of_kind(kind, outcome)
    files = copy.deepcopy(dict(case.records or {}))
    report = check_data(copy.deepcopy(files), rulebook=BOOK, as_of=case.as_of,
                        window=case.window)
    if outcome == "fail":
        record = next(f.record.id for f in report.findings if f.rule_id == rule_id)
    else:
        record = next(c.record.id for c in report.checked if rule_id in c.rules)
    found = explain_dossiers(BOOK, rule_id, record, [dossier_from_data(files)],
                             as_of=case.as_of, window=case.window)
    exact = [e for e in found if e.fact.ref.id == record]
    assert exact, [e.fact.ref.id for e in found]
    for explanation in exact:
        assert explanation.applies
        assert {c.check for c in explanation.checks} >= {"jurisdiction", "in_force", "guard"}
        assert explanation.checks[0].check in ("scope", "adoption")
        assert explanation.condition is not None
        assert explanation.condition.holds is (explanation.verdict == "violated")
    verdicts = {e.verdict for e in exact}
    assert ("violated" in verdicts) is (outcome == "fail")
    if outcome == "fail":
        shown = next(e for e in exact if e.verdict == "violated")
        assert shown.finding is not None and shown.finding.rule_id == rule_id
    for lang in ("zh", "en"):
        text = render_text(exact, lang)
        assert rule_id in text and ("结论" if lang == "zh" else "Verdict") in text
    assert json.loads(json.dumps(to_json(exact)))[0]["rule"] == rule_id


def test_durable_engine_gives_the_same_verdict() -> None:
    case, rule_id = _case_of_kind("share_threshold", "fail")
    files = dict(case.records or {})
    report = check_data(copy.deepcopy(files), rulebook=BOOK)
    record = next(f.record.id for f in report.findings if f.rule_id == rule_id)
    native = explain_dossiers(BOOK, rule_id, record, [dossier_from_data(copy.deepcopy(files))])
    durable = explain_dossiers(BOOK, rule_id, record, [dossier_from_data(copy.deepcopy(files))],
                               engine="durable")
    assert [e.verdict for e in native] == [e.verdict for e in durable]


def test_a_rule_that_does_not_bind_the_community_says_why() -> None:
    files = {"community.yaml": {"community": {"id": "x", "name": "某社区",
                                              "jurisdiction": ["cn", "anhui"]}},
             "cc.yaml": {"body": {"id": "cc", "kind": "consultation_committee", "name": "协商",
                                  "seats": []}}}
    found = explain_dossiers(BOOK, "cc-composition", "cc", [dossier_from_data(files)])
    assert found and not found[0].applies and found[0].verdict == "not_applicable"
    scope = found[0].checks[0]
    assert scope.check == "scope" and not scope.ok and "HLS-356" in scope.text.en
    assert "未被采用" in scope.text.zh
    assert found[0].condition is None


def test_unknown_rule_and_record_suggest_the_nearest() -> None:
    files = {"community.yaml": {"community": {"id": "x", "name": "某社区",
                                              "jurisdiction": ["cn"], "adopts": ["HLS-356"]}},
             "cc.yaml": {"body": {"id": "committee", "kind": "consultation_committee",
                                  "name": "协商", "seats": []}}}
    with pytest.raises(ExplainError, match="did you mean 'cc-composition'"):
        explain_dossiers(BOOK, "cc-compositon", "committee", [dossier_from_data(files)])
    with pytest.raises(ExplainError, match="did you mean 'committee'"):
        explain_dossiers(BOOK, "cc-composition", "comittee", [dossier_from_data(files)])


def test_a_mistyped_meeting_id_suggests_the_meeting_not_a_motion() -> None:
    """RECORD may be a meeting's id: cc-2022-3 suggested 'cc-2022-11/snow' (only motion ids
    were candidates, and the nearest by difflib is the shorter one)."""
    dossier = load_dossiers([ROOT / "examples" / "haliang-3"])[0]
    with pytest.raises(ExplainError, match="did you mean 'cc-2022-03'"):
        explain_dossiers(BOOK, "cc-consent-80", "cc-2022-3", [dossier])


def test_explain_command(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    args = ["explain", "cc-consent-80", "cc-2022-03/parking-plan", "examples/haliang-3"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "5×consented (5×6 = 30) < 4×seated (4×8 = 32)" in out
    assert re.search(r"cc.consent_share = 4/5  \(rules/parameters/shares.yaml:\d+\)", out)
    assert main([*args, "--lang", "zh"]) == 0
    assert "适用且违反" in capsys.readouterr().out
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["verdict"] == "violated" and data[0]["finding"]["rule_id"] == "cc-consent-80"
    assert main(["explain", "cc-consent-80", "nothing", "examples/haliang-3"]) == 2
    assert "records it selects" in capsys.readouterr().err


def test_a_body_id_explains_the_cases_the_rule_selects(capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A cadence rule judges a body's periods: the body's id stands for the periods the rule's
    `when` selects (the half years, not the months)."""
    monkeypatch.chdir(ROOT)
    assert main(["explain", "ra-schedule", "assembly", "examples/sifang", "--format",
                 "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found and all(e["record"]["id"].startswith("assembly/meeting/") for e in found)
    assert all(e["applies"] and e["verdict"] in ("passed", "violated") for e in found)
    assert {e["record"]["id"][-3:-1] for e in found} == {"-H"}


def test_a_records_text_cannot_start_a_line_or_drive_the_terminal(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A motion title with an escape and a line that GitHub Actions would read as a workflow
    command is shown on its line, its control characters as �."""
    import yaml
    from _helpers import body, community, members

    people = members("b", 5)
    files = {"c.yaml": community(), "b.yaml": body("b", "consultation_committee", 5),
             "m.yaml": {"meeting": {"id": "m", "body": "b", "date": "2022-03-15",
                                    "present": people,
                                    "motions": [{"id": "t", "outcome": "adopted",
                                                 "title": "x\x1b[31m\n::error file=y::z",
                                                 "consented": people[:2]}]}}}
    for name, data in files.items():
        (tmp_path / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["explain", "cc-consent-80", "m/t", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\n::error" not in out and "x�[31m�::error" in out, out


def test_an_unrelated_broken_file_does_not_hide_the_answer(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The broken file is said on stderr (and the exit is 2, bad input); the record asked
    about is still explained."""
    import shutil

    folder = tmp_path / "haliang-3"
    shutil.copytree(ROOT / "examples" / "haliang-3", folder)
    (folder / "broken.yaml").write_text("meeting: [\n", encoding="utf-8")
    assert main(["explain", "cc-consent-80", "cc-2022-03/parking-plan", str(folder)]) == 2
    captured = capsys.readouterr()
    assert "broken.yaml" in captured.err and "yaml_syntax" in captured.err
    assert "rule cc-consent-80" in captured.out and "Verdict" in captured.out


@pytest.mark.parametrize(("days", "said"), [
    (["--from", "2022-06-01", "--as-of", "2022-03-01"],
     "governance-rules: --from (1 June 2022) is after --as-of (1 March 2022): no day of the "
     "window has come by then\n"),
    (["--from", "2022-06-01", "--to", "2022-05-01", "--lang", "zh"],
     "governance-rules: --from（2022年6月1日）晚于 --to（2022年5月1日）\n"),
    (["--to", "2021-06-30"],
     "governance-rules: examples/sifang/community.yaml:12: community.records_cover: the days "
     "checked would run from 1 January 2022 (the first day of records_cover) to 30 June 2021 "
     "(--to): the first is after the last, no day is left to check, and none of these records "
     "is checked; ask for days they cover [value_error]\n")])
def test_days_a_check_refuses_are_refused_by_explain_alike(
        days: list[str], said: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """explain over days check refuses said "no record 'residents-committee/regular/2022-05'
    gives a case of rule rc-monthly …; records it selects: none in these files"."""
    monkeypatch.chdir(ROOT)
    asked = ["rc-monthly", "residents-committee/regular/2022-05", "examples/sifang", *days]
    assert main(["explain", *asked]) == 2
    explained = capsys.readouterr()
    assert (explained.out, explained.err) == ("", said)
    assert main(["check", "examples/sifang", *days]) == 2
    checked = capsys.readouterr()
    assert said.removeprefix("governance-rules: ").strip() in checked.out + checked.err


@pytest.mark.parametrize(("asked", "said"), [
    (["po-meetings", "party-committee"],
     "rule po-meetings judges each whole month; the days checked (5 March 2022 to 25 March "
     "2022) hold no whole month, so there is no case of it to explain"),
    (["po-meetings", "party-committee", "--lang", "zh"],
     "规则 po-meetings 逐个检查完整的月份；检查的期间（2022年3月5日至2022年3月25日）不含完整的"
     "月份，没有可供解释的情形"),
    (["rc-monthly", "residents-committee/regular/2022-03"],
     "rule rc-monthly judges each whole month; the days checked (5 March 2022 to 25 March "
     "2022) hold no whole month, so there is no case of it to explain")])
def test_a_window_holding_no_whole_period_is_said_so(
        asked: list[str], said: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """explain over 5 to 25 March said the monthly rule "does not apply" to the committee
    (record 'party-committee' gives only rosters, terms …, so the rule does not apply to it):
    it applies, but those days hold no month it judges."""
    monkeypatch.chdir(ROOT)
    assert main(["explain", asked[0], asked[1], "examples/sifang", "--from", "2022-03-05",
                 "--to", "2022-03-25", *asked[2:]]) == 2
    explained = capsys.readouterr()
    assert (explained.out, explained.err) == ("", f"governance-rules: {said}\n")
    assert main(["explain", asked[0], asked[1], "examples/sifang", "--from", "2022-03-01",
                 "--to", "2022-03-31", *asked[2:]]) == 0
