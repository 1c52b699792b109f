"""Every input error points at the line of the offending field itself, in YAML, JSON and JSONL.

Each case is a record with one bad value and the path of the node that is wrong. The file is
written by a small writer of its own that notes the line where it puts every key and list item,
so the expected line does not come from the parser under test.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from _helpers import body, community, members

from governance_rules import check_paths
from governance_rules.errors import dotted

Loc = tuple[str | int, ...]

CC = members("cc", 3)
MEETING: dict[str, Any] = {
    "id": "m1", "body": "cc", "date": "2022-03-15", "present": CC,
    "motions": [
        {"id": "x", "title": "议题", "outcome": "adopted", "votes": {"yes": 3, "no": 0}},
        {"id": "y", "title": "议题二", "outcome": "adopted", "votes": {"yes": 3},
         "consented": CC},
    ],
}
SEATED = {"start": "2021-01-01", "end": "2023-12-31", "obtained_by": "election"}
BODY: dict[str, Any] = {
    "id": "rc2", "kind": "residents_committee", "name": "第二居委会",
    "seats": [
        {"person": "a", "name": "甲", "role": "director",
         "duties": [{"duty": "accountant", "start": "2021-01-01"}],
         "terms": [{"start": "2018-01-01", "end": "2020-12-31", "obtained_by": "election"},
                   dict(SEATED)]},
        {"person": "b", "name": "乙", "terms": [dict(SEATED)]},
        {"person": "c", "name": "丙", "terms": [dict(SEATED)]},
    ],
}
EXPENSE: dict[str, Any] = {
    "id": "e1", "body": "rc", "amount": "120.00", "paid_on": "2022-05-03", "payee": "某商店",
    "purpose": "办公用品", "voucher": "invoice", "accountant": "rc-p1", "cashier": "rc-p2",
    "approvals": [{"role": "residents_committee_director", "person": "rc-p0",
                   "date": "2022-05-02"}],
    "signatures": [{"role": "handler", "person": "rc-p1"}, {"role": "director", "person": "rc-p0"}],
}
SESSION: dict[str, Any] = {
    "id": "s1", "body": "tpc", "date": "2022-03-10", "number": 1, "days": 2, "election": True,
    "posts": [{"post": "chair", "person": "tpc-p0", "obtained_by": "election"},
              {"post": "head", "person": "tpc-p1", "obtained_by": "election",
               "oath_on": "2022-03-11"}],
}


def _with(record: dict[str, Any], loc: Loc, value: Any) -> dict[str, Any]:
    out = copy.deepcopy(record)
    node: Any = out
    for part in loc[:-1]:
        node = node[part]
    if isinstance(node, list) and loc[-1] == len(node):
        node.append(value)
    else:
        node[loc[-1]] = value
    return out


CASES: list[tuple[str, str, dict[str, Any], Loc, str]] = [
    # meetings: the motions' votes and consents, the people present
    ("too-many-votes", "meeting", _with(MEETING, ("motions", 0, "votes", "no"), 2),
     ("motions", 0, "votes"), "value_error"),
    ("votes-as-text", "meeting", _with(MEETING, ("motions", 1, "votes", "yes"), "3"),
     ("motions", 1, "votes", "yes"), "int_type"),
    ("negative-votes", "meeting", _with(MEETING, ("motions", 0, "votes", "abstain"), -1),
     ("motions", 0, "votes", "abstain"), "greater_than_equal"),
    ("yes-against-consented", "meeting", _with(MEETING, ("motions", 1, "votes", "yes"), 2),
     ("motions", 1, "votes", "yes"), "value_error"),
    ("consented-twice", "meeting", _with(MEETING, ("motions", 1, "consented"),
                                         ["cc-p0", "cc-p1", "cc-p0"]),
     ("motions", 1, "consented", 2), "value_error"),
    ("consented-absent", "meeting", _with(_with(MEETING, ("present",), CC[:2]), ("voters",), 3),
     ("motions", 1, "consented", 2), "value_error"),
    ("motion-id-twice", "meeting", _with(MEETING, ("motions", 1, "id"), "x"),
     ("motions", 1, "id"), "value_error"),
    ("motion-unknown-field", "meeting", _with(MEETING, ("motions", 0, "colour"), "red"),
     ("motions", 0, "colour"), "extra_forbidden"),
    ("present-twice", "meeting", _with(MEETING, ("present",), [*CC, CC[0]]),
     ("present", len(CC)), "value_error"),
    ("notice-after", "meeting", _with(MEETING, ("notice_date",), "2022-03-20"),
     ("notice_date",), "value_error"),
    ("not-seated", "meeting", _with(MEETING, ("present", 1), "stranger"),
     ("present", 1), "not_seated"),
    ("unknown-expense", "meeting", _with(MEETING, ("motions", 1, "expense"), {"id": "nowhere"}),
     ("motions", 1, "expense", "id"), "unknown_id"),
    ("impossible-date", "meeting", _with(MEETING, ("date",), "2022-02-30"),
     ("date",), "value_error"),
    # bodies: seats, their terms and duties
    ("term-start", "body", _with(BODY, ("seats", 1, "terms", 0, "start"), "2021-13-01"),
     ("seats", 1, "terms", 0, "start"), "value_error"),
    ("term-ends-first", "body", _with(BODY, ("seats", 2, "terms", 0, "end"), "2020-01-01"),
     ("seats", 2, "terms", 0, "end"), "value_error"),
    ("terms-overlap", "body", _with(BODY, ("seats", 0, "terms", 1, "start"), "2020-06-01"),
     ("seats", 0, "terms", 1, "start"), "value_error"),
    ("duty-ends-first", "body", _with(BODY, ("seats", 0, "duties", 0, "end"), "2020-01-01"),
     ("seats", 0, "duties", 0, "end"), "value_error"),
    ("replaces-nobody", "body", _with(BODY, ("seats", 1, "terms", 0, "replaces"), "nobody"),
     ("seats", 1, "terms", 0, "replaces"), "unknown_id"),
    ("seat-twice", "body", _with(BODY, ("seats", 2, "person"), "a"),
     ("seats", 2, "person"), "duplicate_id"),
    # expenses: approvals and signatures
    ("approval-date", "expense", _with(EXPENSE, ("approvals", 0, "date"), "2022-05-32"),
     ("approvals", 0, "date"), "value_error"),
    ("approval-role", "expense", _with(EXPENSE, ("approvals", 0, "role"), "mayor"),
     ("approvals", 0, "role"), "enum"),
    ("two-directors", "expense", _with(EXPENSE, ("approvals", 1), {
        "role": "residents_committee_director", "person": "rc-p1", "date": "2022-05-03"}),
     ("signatures", 1, "person"), "value_error"),
    ("two-directors-approving", "expense", _with(EXPENSE, ("approvals", 1), {
        "role": "residents_committee_director", "person": "rc-p2", "date": "2022-05-02"}),
     ("approvals", 1, "person"), "value_error"),
    ("signed-twice", "expense", _with(EXPENSE, ("signatures", 2),
                                      {"role": "handler", "person": "rc-p1"}),
     ("signatures", 2, "person"), "value_error"),
    ("director-and-deputy", "expense", _with(EXPENSE, ("signatures", 2),
                                             {"role": "deputy_director", "person": "rc-p0"}),
     ("signatures", 2, "person"), "value_error"),
    ("amount-cents", "expense", _with(EXPENSE, ("amount",), "12.345"),
     ("amount",), "value_error"),
    ("unknown-decision", "expense", _with(EXPENSE, ("assembly_decision",),
                                          {"meeting": "nowhere", "motion": "x"}),
     ("assembly_decision", "meeting"), "unknown_id"),
    # township sessions: the posts filled
    ("post-kind", "session", _with(SESSION, ("posts", 1, "post"), "king"),
     ("posts", 1, "post"), "enum"),
    ("oath-date", "session", _with(SESSION, ("posts", 1, "oath_on"), "2022-3-11"),
     ("posts", 1, "oath_on"), "value_error"),
    ("method-before", "session", _with(SESSION, ("election_method_adopted_on",), "2022-03-01"),
     ("election_method_adopted_on",), "value_error"),
    # other records: counts, lists and references
    ("signed-over-total", "proposal", {"id": "p", "body": "ra", "date": "2022-01-01",
                                       "residents_signed": 300, "residents_total": 200},
     ("residents_signed",), "value_error"),
    ("attended-uninvited", "hearing", {"id": "h", "body": "rc", "date": "2022-05-10",
                                       "topic": "议题", "invited": ["街道办事处"],
                                       "attended": ["街道办事处", "派出所"]},
     ("attended", 1), "value_error"),
    ("recommended-by", "director_approval", {"id": "da", "body": "ac", "person": "ac-p0",
                                             "recommended_by": ["cc", "nowhere"]},
     ("recommended_by", 1), "unknown_id"),
    ("submission-motion", "submission", {"id": "sub", "decision": {"meeting": "cc-m",
                                                                    "motion": "nope"},
                                         "to": "rc", "date": "2022-03-16"},
     ("decision", "motion"), "unknown_id"),
    ("register-twice", "representative_register", {"id": "reg", "body": "ra", "entries": [
        {"person": "ra-p0"}, {"person": "ra-p1"}, {"person": "ra-p0"}]},
     ("entries", 2, "person"), "value_error"),
    ("ledger-entry", "ledger", {"id": "book", "body": "rc", "entries": [
        {"expense": "e0", "entered_on": "2022-03-03"},
        {"expense": "nowhere", "entered_on": "2022-03-04"}]},
     ("entries", 1, "expense"), "unknown_id"),
    ("ledger-month", "ledger", {"id": "book", "body": "rc", "closings": [
        {"month": "2022-Q1", "closed_on": "2022-03-31"}]},
     ("closings", 0, "month"), "value_error"),
    ("leave-to-oneself", "leave_request", {"id": "l", "meeting": "cc-m", "person": "cc-p0",
                                           "date": "2022-03-01", "to": "cc-p0"},
     ("to",), "value_error"),
    ("credentials-deputy", "credentials_review", {"id": "cr", "body": "dsw", "date": "2022-03-01",
                                                  "kind": "examination",
                                                  "deputies": ["tpc-p0", "nobody"]},
     ("deputies", 1), "unknown_id"),
    ("implemented-undated", "work_points", {"id": "wp", "body": "zxt", "date": "2022-01-10",
                                            "implemented_by": "tpc-p0"},
     ("implemented_by",), "value_error"),
    # a record naming a body of another kind than the one it belongs to (docs/record-format.md)
    ("suggestion-to-the-presidium", "suggestion", {"id": "y", "body": "zxt", "date": "2022-02-24",
                                                   "deputy": "tpc-p0"},
     ("body",), "wrong_body_kind"),
    ("work-points-of-the-congress", "work_points", {"id": "wp", "body": "tpc",
                                                    "date": "2022-01-10"},
     ("body",), "wrong_body_kind"),
    ("session-of-the-presidium", "session", {"id": "s", "body": "zxt", "date": "2022-03-10",
                                             "number": 2, "days": 1},
     ("body",), "wrong_body_kind"),
    ("credentials-of-the-congress", "credentials_review", {
        "id": "cr", "body": "tpc", "date": "2022-03-01", "kind": "examination",
        "deputies": ["tpc-p0"]},
     ("body",), "wrong_body_kind"),
]


def _context() -> dict[str, Any]:
    """A dossier the cases' records fit into: each case adds one file with one bad value."""
    cc_meeting = {"id": "cc-m", "body": "cc", "date": "2022-03-01", "present": CC,
                  "motions": [{"id": "x", "title": "议题", "outcome": "adopted",
                               "votes": {"yes": 3}}]}
    expense = {**EXPENSE, "id": "e0"}
    return {"community.yaml": community(),
            "cc.yaml": body("cc", "consultation_committee", 3),
            "rc.yaml": body("rc", "residents_committee", 3),
            "ra.yaml": body("ra", "member_representative_assembly", 3),
            "ac.yaml": body("ac", "affairs_centre", 3),
            "tpc.yaml": body("tpc", "township_congress", 3),
            "zxt.yaml": body("zxt", "presidium", 3),
            "dsw.yaml": body("dsw", "credentials_committee", 3),
            "cc-m.yaml": {"meeting": cc_meeting}, "e0.yaml": {"expense": expense}}


class _Writer:
    """Writes data as block YAML or indented JSON, noting the line of every key and item."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.at: dict[Loc, int] = {}

    def yaml(self, value: Any, path: Loc = (), indent: str = "", lead: str = "") -> None:
        """Block style; a mapping in a list starts on the dash's line (``- id: x``)."""
        if isinstance(value, dict):
            for n, (key, item) in enumerate(value.items()):
                first = lead if n == 0 else " " * len(lead)
                self.at[(*path, key)] = len(self.lines) + 1
                if isinstance(item, dict | list) and item:
                    self.lines.append(f"{indent}{first}{key}:")
                    self.yaml(item, (*path, key), indent + " " * len(lead) + "  ")
                else:
                    self.lines.append(f"{indent}{first}{key}: {_scalar(item)}")
            return
        for i, item in enumerate(value):
            self.at[(*path, i)] = len(self.lines) + 1
            if isinstance(item, dict) and item:
                self.yaml(item, (*path, i), indent, "- ")
            else:
                self.lines.append(f"{indent}- {_scalar(item)}")

    def json(self, value: Any, path: Loc = (), indent: str = "", lead: str = "") -> None:
        if not isinstance(value, dict | list) or not value:
            self.lines.append(f"{indent}{lead}{_scalar(value)}")
            return
        is_map = isinstance(value, dict)
        self.lines.append(f"{indent}{lead}{'{' if is_map else '['}")
        items = list(value.items()) if is_map else list(enumerate(value))
        for n, (key, item) in enumerate(items):
            self.at[(*path, key)] = len(self.lines) + 1
            self.json(item, (*path, key), indent + "  ", f"{json.dumps(key)}: " if is_map else "")
            if n < len(items) - 1:
                self.lines[-1] += ","
        self.lines.append(f"{indent}{'}' if is_map else ']'}")


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _write(tmp_path: Path, name: str, data: Any, fmt: str) -> dict[Loc, int]:
    writer = _Writer()
    if fmt == "yaml":
        writer.lines.append("# a record with one bad value")
        writer.yaml(data)
    else:
        writer.json(data)
    (tmp_path / name).write_text("\n".join(writer.lines) + "\n", encoding="utf-8")
    return writer.at


def _errors(tmp_path: Path, name: str) -> list[Any]:
    for file, data in _context().items():
        (tmp_path / file).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    report = check_paths([tmp_path], base=tmp_path)
    assert all(e.file == name for e in report.input_errors), [
        e.render() for e in report.input_errors]
    return list(report.input_errors)


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@pytest.mark.parametrize(("case", "key", "record", "loc", "kind"), CASES,
                         ids=[case[0] for case in CASES])
def test_the_error_is_at_the_line_of_its_field(tmp_path: Path, fmt: str, case: str, key: str,
                                               record: dict[str, Any], loc: Loc,
                                               kind: str) -> None:
    name = f"bad.{fmt}"
    at = _write(tmp_path, name, {key: record}, fmt)
    errors = _errors(tmp_path, name)
    assert len(errors) == 1, [e.render() for e in errors]
    error = errors[0]
    assert (error.type, error.field) == (kind, dotted((key, *loc))), error.render()
    assert error.line == at[(key, *loc)], error.render()


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_an_error_in_a_list_of_records_is_at_its_own_record(tmp_path: Path, fmt: str) -> None:
    good = _with(MEETING, ("id",), "m0")
    bad = _with(MEETING, ("motions", 1, "votes", "no"), 5)
    at = _write(tmp_path, f"bad.{fmt}", {"meetings": [good, bad]}, fmt)
    [error] = _errors(tmp_path, f"bad.{fmt}")
    assert error.field == "meetings[1].motions[1].votes"
    assert error.line == at[("meetings", 1, "motions", 1, "votes")] > at[("meetings", 1)]


def test_a_missing_field_is_at_its_nearest_ancestor(tmp_path: Path) -> None:
    motion = {k: v for k, v in MEETING["motions"][1].items() if k not in ("votes", "consented")}
    at = _write(tmp_path, "bad.yaml", {"meeting": _with(MEETING, ("motions", 1), motion)}, "yaml")
    [error] = _errors(tmp_path, "bad.yaml")
    assert error.field == "meeting.motions[1]" and error.line == at[("meeting", "motions", 1)]


def test_flow_style_yaml_and_json_lines(tmp_path: Path) -> None:
    """Hand-written files, the line of the offending node marked by the case itself."""
    (tmp_path / "bad.yaml").write_text(
        "meeting:\n  id: m1\n  body: cc\n  date: 2022-03-15\n  present: [cc-p0, cc-p1, cc-p2]\n"
        "  motions:\n    - {id: x, title: 议题, outcome: adopted, votes: {yes: 1}}\n"
        "    - id: y\n      title: 议题二\n      outcome: adopted\n"
        "      votes: {yes: 3, no: 2}\n", encoding="utf-8")
    [error] = _errors(tmp_path, "bad.yaml")
    assert (error.line, error.field) == (11, "meeting.motions[1].votes")
    (tmp_path / "bad.yaml").unlink()
    lines = ['{"meeting": {"id": "m1", "body": "cc", "date": "2022-03-15",',
             ' "present": ["cc-p0", "cc-p1",', ' "cc-p1"], "motions": []}}']
    (tmp_path / "bad.json").write_text("\n".join(lines), encoding="utf-8")
    [error] = _errors(tmp_path, "bad.json")
    assert (error.line, error.column, error.field) == (3, 2, "meeting.present[2]")


def test_jsonl_errors_are_at_their_line(tmp_path: Path) -> None:
    good = json.dumps({"meeting": _with(MEETING, ("id",), "m0")}, ensure_ascii=False)
    bad = json.dumps({"meeting": _with(MEETING, ("motions", 0, "votes", "no"), 4)},
                     ensure_ascii=False)
    (tmp_path / "bad.jsonl").write_text(f"{good}\n\n{bad}\n", encoding="utf-8")
    [error] = _errors(tmp_path, "bad.jsonl")
    assert (error.line, error.field) == (3, "meeting.motions[0].votes")
    assert error.column == bad.index('"votes"', bad.index('"motions"')) + 1


def _count_fields() -> set[str]:
    """Every field of a record model typed as a count (whole numbers from 0 to 10^7)."""
    from pydantic import BaseModel

    from governance_rules.models.record_file import RECORD_KEYS

    def bounded(annotation: Any, metadata: list[Any]) -> bool:
        found = [*metadata, *getattr(annotation, "__metadata__", ())]
        found += [m for arg in get_args(annotation) for m in getattr(arg, "__metadata__", ())]
        found += [m for item in found for m in getattr(item, "metadata", ())]
        return any(getattr(m, "le", None) == 10_000_000 for m in found)

    def models(annotation: Any) -> list[type[BaseModel]]:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return [annotation]
        return [m for arg in get_args(annotation) for m in models(arg)]

    names: set[str] = set()
    todo = [model for _, model in RECORD_KEYS.values()]
    seen: set[Any] = set()
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():  # type: ignore[attr-defined]
            if bounded(info.annotation, info.metadata):
                names.add(info.alias or name)
            todo += models(info.annotation)
    return names


def test_the_record_format_says_whom_every_count_counts() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "record-format.md").read_text("utf-8")
    section = doc.split("## Counts: whom each number counts", 1)[1].split("\n## ", 1)[0]
    fields = _count_fields()
    assert {"residents_total", "voting_members", "yes", "party_members"} <= fields
    missing = sorted(name for name in fields
                     if not re.search(rf"`(\w+ |[\w.]*\.)?{name}`", section))
    assert not missing, f"docs/record-format.md, Counts: say whom {missing} count"
