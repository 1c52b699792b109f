"""The API's request and response bodies, built on the library's own models so that the
OpenAPI schema is generated from the same definitions as ``governance-rules schema``.

A check's response is the library's :class:`~governance_rules.report.model.Report`, byte for
byte what ``check --format json`` writes, except that an input error found in a JSON request
body also carries ``pointer``: where in the request body the problem is (RFC 6901).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, RootModel, StringConstraints

from ..errors import InputError
from ..models import RecordFile
from ..report.model import Report, RuleInfo, Severity, Source, Text

MAX_FILES = 2000
"""Files in one request (a dossier of the examples has 5 to 20)."""
MAX_DOSSIERS = 100
"""Dossiers in one request."""
MAX_NAME = 255
"""Characters of a file name or dossier root."""
_SEGMENT = r"[^/\\\x00-\x1f\x7f.][^/\\\x00-\x1f\x7f]*"
NAME_PATTERN = rf"^{_SEGMENT}(/{_SEGMENT})*$"
"""A file name or root label: a relative POSIX path; no step is empty or starts with a dot (so
no `.` or `..`, and no hidden file, which a folder's check skips too), no backslash or control
character."""
FileName = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME,
                                            pattern=NAME_PATTERN)]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DossierIn(_Body):
    """One dossier: its record files by name (a path relative to the dossier's folder, e.g.
    ``meetings/cc.yaml``), each holding what that file would hold."""

    root: FileName | None = Field(
        default=None,
        description="a label for the dossier's folder; the report shows files as root/name "
        "(e.g. examples/haliang-3, to match a CLI run from the repository's top)")
    files: dict[FileName, RecordFile] = Field(
        max_length=MAX_FILES, description="file name → the records of that file")


class OneDossier(_Body):
    """One dossier: ``{"files": {"community.yaml": {"community": {...}}, ...}}``."""

    files: dict[FileName, RecordFile] = Field(
        max_length=MAX_FILES, description="file name → the records of that file")


class SeveralDossiers(_Body):
    """Several dossiers, each with its own ``root`` label."""

    dossiers: list[DossierIn] = Field(max_length=MAX_DOSSIERS)


class CheckRequest(RootModel[OneDossier | SeveralDossiers]):
    """``{"files": {...}}`` for one dossier, or ``{"dossiers": [{"root": ..., "files": {...}}]}``.

    Example: ``{"files": {"community.yaml": {"community": {"id": "c", "name": "示范社区",
    "jurisdiction": ["cn"]}}}}``.
    """


class LocatedInputError(InputError):
    """An input error of the report, and where it is in a JSON request body."""

    pointer: str | None = Field(
        default=None, description="JSON pointer (RFC 6901) into the request body; absent for "
        "files uploaded as multipart, which are located by file, line and column")


class CheckReport(Report):
    """The JSON report of ``check --format json`` (input errors may carry ``pointer``)."""

    input_errors: list[LocatedInputError]  # type: ignore[assignment]


class ProblemItem(BaseModel):
    """One located problem with a request; ``msg`` in the language the request asked for
    (``?lang=zh`` or ``Accept-Language: zh``), English otherwise."""

    type: str
    msg: str
    pointer: str | None = Field(default=None, description="JSON pointer into the request body")
    parameter: str | None = Field(default=None, description="the query or path parameter")
    file: str | None = None
    line: int | None = None
    column: int | None = None


class Problem(BaseModel):
    """An error answer (RFC 9457 problem details): what went wrong and where."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: list[ProblemItem] = Field(default_factory=list)


class ParameterVersionOut(BaseModel):
    value: str
    from_: str | None = Field(default=None, alias="from")
    until: str | None = None
    overlay: str | None = Field(default=None, description="the jurisdiction prefix it holds for")
    reference: Source | None = None

    model_config = ConfigDict(populate_by_name=True)


class ParameterOut(BaseModel):
    name: str
    type: str
    description: Text
    reference: Source | None = Field(default=None, description="the clause the reading rests on")
    versions: list[ParameterVersionOut]


class CitationOut(Source):
    decides: list[str] = Field(default_factory=list,
                               description="the clauses of the rule this citation decides")


class RuleDetail(BaseModel):
    """A rule as ``rules show`` prints it: citations, parameters and their versions."""

    id: str
    catalogue: list[str]
    severity: Severity
    title: Text
    message: Text
    kind: str
    applies_to: str
    when: dict[str, Any]
    params: dict[str, Any]
    in_force: dict[str, str | None]
    jurisdictions: list[str]
    sources: list[CitationOut]
    parameters: list[ParameterOut]
    violated_when: str = Field(description="the condition, with the base parameter values")
    defined_in: str
    help: str


class RuleList(BaseModel):
    ruleset_version: str
    rules: list[RuleInfo]


class CatalogueRow(BaseModel):
    id: str
    severity: str
    cite: str
    status: str = Field(description="implemented, excluded, pending or not covered")
    rules: list[str]
    exclusion: str | None = None
    pending: str | None = None


class CatalogueOut(BaseModel):
    counts: dict[str, int]
    ids: list[CatalogueRow]


class SourceLine(BaseModel):
    line: int
    text: str


class SourceOut(BaseModel):
    """A line of a source document, the same without pinyin, and the lines around it."""

    document: str
    title: str
    file: str
    line: int
    text: str
    plain: str = Field(description="the text with the pinyin in brackets removed")
    context: list[SourceLine]
    cited_by: list[str] = Field(description="rules citing this line")


class Health(BaseModel):
    status: str = "ok"


class VersionOut(BaseModel):
    package: str
    ruleset: str
    report_format: str
    engines: list[str]
