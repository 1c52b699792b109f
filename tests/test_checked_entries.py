"""A report's ``checked`` entries are made into models when first read, and behave as the list
they were: equal to it, serialised, validated, pickled and copied as it."""

from __future__ import annotations

import copy
import json
import pickle

import pytest
import yaml
from _helpers import EXAMPLES
from pydantic import ValidationError

from governance_rules import check_data
from governance_rules.facts import RecordRef
from governance_rules.records.dossier import Where
from governance_rules.report import CheckedEntries, CheckedRecord, Report
from governance_rules.report.model import RecordLocation, checked_records

_FILES = {p.relative_to(EXAMPLES / "sifang").as_posix(): yaml.safe_load(p.read_text("utf-8"))
          for p in sorted((EXAMPLES / "sifang").rglob("*.yaml"))}
"""The template community's records as an app gives them."""


def _place(id_: str, file: str = "a.yaml") -> dict[str, object]:
    return {"id": id_, "type": "meeting", "file": file, "line": 3, "path": "meeting"}


def _ref(id_: str, file: str = "a.yaml") -> RecordRef:
    """A record's reference, as a checker keeps it in a ``checked`` entry's parts."""
    return RecordRef(id_, "meeting", Where(file, 3, "meeting"))


def test_entries_are_made_when_first_read_and_then_kept() -> None:
    entries = CheckedEntries.deferred({("b.yaml", "meeting", "m2"): (_ref("m2", "b.yaml"),
                                                                     [("z", {})]),
                                       ("a.yaml", "meeting", "m1"): (_ref("m1"),
                                                                     [("b", {}), ("a", {})])},
                                      ["a.yaml", "b.yaml"])
    assert entries._parts is not None and len(entries) == 2  # counted without being made
    first = entries[0]
    assert entries._parts is None
    assert [e.record.id for e in entries] == ["m1", "m2"]  # report order
    assert first.rules == ["a", "b"] and entries[0] is first


def test_a_check_gives_entries_equal_to_the_models_made_at_once() -> None:
    report = check_data(_FILES)
    assert isinstance(report.checked, CheckedEntries) and report.checked._parts is not None
    again = check_data(_FILES)
    listed = list(again.checked)
    assert report.checked == listed and listed == report.checked
    assert report.checked == again.checked
    assert all(type(e) is CheckedRecord and type(e.record) is RecordLocation for e in listed)
    assert report.checked != listed[1:]
    assert len(listed) > 500


def test_json_pickle_and_copies_carry_the_entries() -> None:
    report = check_data(_FILES)
    text = report.to_json()
    assert json.loads(text)["checked"][0]["record"]["file"]
    back = Report.model_validate_json(text)
    assert isinstance(back.checked, CheckedEntries) and back.to_json() == text
    for made in (pickle.loads(pickle.dumps(check_data(_FILES))), copy.deepcopy(check_data(_FILES)),
                 check_data(_FILES).model_copy()):
        assert made.checked == back.checked
        assert made.to_json() == text


def test_validated_from_a_list_or_entries_and_refused_otherwise() -> None:
    entry = checked_records([(_place("m1"), ["a"], {})])[0]
    base = Report.model_validate_json(check_data({"x.yaml": {}}).to_json()).model_dump()
    assert Report.model_validate({**base, "checked": [entry]}).checked == [entry]
    assert Report.model_validate({**base, "checked": CheckedEntries([entry])}).checked == [entry]
    with pytest.raises(ValidationError):
        Report.model_validate({**base, "checked": "not a list"})
    assert Report.model_validate(base).checked == []


def test_the_schema_is_a_list_of_entries() -> None:
    for mode in ("validation", "serialization"):
        schema = Report.model_json_schema(mode=mode)  # type: ignore[arg-type]
        assert schema["properties"]["checked"] == {
            "items": {"$ref": "#/$defs/CheckedRecord"}, "title": "Checked", "type": "array"}
