"""Report models built by ``trusted`` are the models ``model_construct`` builds."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, Field, PrivateAttr

from governance_rules.report._trusted import trusted
from governance_rules.report.model import (
    Evidence,
    Finding,
    RecordLocation,
    Report,
    Summary,
    Text,
)


def _same(a: BaseModel, b: BaseModel) -> None:
    assert a == b
    assert a.model_fields_set == b.model_fields_set
    assert list(a.__dict__) == list(b.__dict__)
    assert a.model_dump_json() == b.model_dump_json()


def test_all_fields_given() -> None:
    values = {"id": "m1", "type": "meeting", "file": "a.yaml", "line": 3, "path": "meeting"}
    _same(trusted(RecordLocation, **values), RecordLocation.model_construct(**values))


def test_defaults_fill_what_is_not_given_and_only_the_given_count_as_set() -> None:
    text = Text(zh="甲", en="A")
    built = trusted(Evidence, measured=text, required=text)
    _same(built, Evidence.model_construct(measured=text, required=text))
    assert built.model_fields_set == {"measured", "required"}
    # a default factory makes a new object for each model
    assert built.details is not trusted(Evidence, measured=text, required=text).details


def test_an_unknown_or_missing_field_is_an_error_not_a_half_built_model() -> None:
    with pytest.raises(TypeError, match="no field 'colour'"):
        trusted(Text, zh="甲", en="A", colour="red")
    with pytest.raises(TypeError, match=r"Text\.en is required"):
        trusted(Text, zh="甲")


def test_models_with_private_attributes_or_aliases_take_pydantic_s_way() -> None:
    class Private(BaseModel):
        a: int
        _b: int = PrivateAttr(default=7)

    class Aliased(BaseModel):
        a: int = Field(alias="A")

    assert trusted(Private, a=1)._b == 7
    assert trusted(Aliased, A=2).a == 2


def test_a_finding_built_either_way_renders_the_same(examples_report: Report) -> None:
    finding = examples_report.findings[0]
    values = {name: getattr(finding, name) for name in finding.model_fields_set}
    _same(trusted(Finding, **values), Finding.model_construct(**values))


@pytest.mark.parametrize("counts", [
    {"records": -1}, {"cases": 2.0}, {"records": True}, {"cases": "3"},
    {"applied": {"cc-quorum": -2}}, {"applied": {"cc-quorum": None}}, {"applied": {3: 1}},
])
def test_a_summary_is_not_made_of_counts_that_are_not_counts(counts: dict[str, Any]) -> None:
    """A summary is made without validation: what its caller counted is checked instead."""
    from governance_rules.report import summarise

    given = {"records": 1, "cases": 2, "applied": {"cc-quorum": 2}} | counts
    with pytest.raises(ValueError, match=r"are counts|each rule's cases by its id"):
        summarise([], [], given["records"], given["cases"], given["applied"])
    made = summarise([], [], 1, 2, {"cc-quorum": 2})
    assert made == Summary.model_validate(made.model_dump())
