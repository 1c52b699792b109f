"""Findings and reports: structured, JSON-serialisable, with a published JSON Schema."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from ..errors import InputError

REPORT_FORMAT_VERSION = "1.0"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self.value]


_RANK = {"error": 3, "warning": 2, "info": 1}


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Frozen):
    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class Evidence(_Frozen):
    """The numbers behind a finding: what was measured, what was required, by how much it failed.

    >>> Evidence(measured="6/8", required=">= 4/5", shortfall="1", numerator=6,
    ...          denominator=8, denominator_basis="members seated on 2022-03-15").shortfall
    '1'
    """

    measured: str
    required: str
    shortfall: str | None = Field(default=None, description="how far the record falls short")
    numerator: int | None = None
    denominator: int | None = None
    denominator_basis: str | None = Field(
        default=None, description="which denominator was used, e.g. members seated on the day"
    )
    dates: dict[str, str] = Field(default_factory=dict)
    details: dict[str, str] = Field(default_factory=dict)


class RecordLocation(_Frozen):
    id: str
    type: str
    file: str
    line: int | None
    path: str


class Source(_Frozen):
    document: str
    lines: list[int]
    quote: str


class ParameterUse(_Frozen):
    """Which version of a parameter a finding was judged with."""

    value: str
    in_force_from: str | None = None
    overlay: str | None = Field(default=None, description="jurisdiction prefix of the overlay")


class Finding(_Frozen):
    rule_id: str
    catalogue: list[str]
    severity: Severity
    title: Text
    record: RecordLocation
    message: Text
    evidence: Evidence
    source: Source
    jurisdiction: list[str]
    parameters: dict[str, ParameterUse] = Field(default_factory=dict)

    def sort_key(self) -> tuple[str, int, str, str, str]:
        return (self.record.file, self.record.line or 0, self.record.path, self.rule_id,
                self.message.en)


class Summary(_Frozen):
    total: int
    by_severity: dict[str, int]
    by_rule: dict[str, int]
    applied: dict[str, int] = Field(
        default_factory=dict, description="rule id → cases the rule applied to (passed or not)")
    input_errors: int
    records_checked: int
    cases_evaluated: int


class Report(_Frozen):
    """The result of one check: findings in a stable order, their counts, and input errors.

    Two runs over the same input give byte-identical :meth:`to_json` output.
    """

    format_version: str = REPORT_FORMAT_VERSION
    ruleset_version: str
    engine: str
    jurisdictions: list[list[str]]
    as_of: str | None = None
    inputs: list[str]
    summary: Summary
    findings: list[Finding]
    input_errors: list[InputError]

    def to_json(self) -> str:
        return self.model_dump_json(indent=2) + "\n"

    def worst_severity(self) -> Severity | None:
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=lambda s: s.rank)

    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)
