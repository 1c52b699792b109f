"""Findings and reports: structured, JSON-serialisable, with a published JSON Schema."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from enum import StrEnum
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    SerializerFunctionWrapHandler,
    model_serializer,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from ..errors import InputError
from ._engines import engine_words as engine_words  # the renderers name the engine with it
from ._trusted import all_whole, trusted, trusted_apart

REPORT_FORMAT_VERSION = "2.1"
"""2.1: input errors carry ``message: {zh, en}``. 2.0: ``evidence.measured``, ``required``,
``shortfall`` and ``denominator_basis`` are ``{zh, en}`` objects (they were English strings in
1.x); clause objects carry the document's ``title`` (``{zh, en}``, since 1.3); see
docs/report-format.md."""


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self.value]

    def words(self, lang: str) -> str:
        """The severity as a report in ``lang`` says it.

        >>> Severity.WARNING.words("zh"), Severity.WARNING.words("en")
        ('警告', 'warning')
        """
        return _IN_CHINESE[self.value] if lang == "zh" else self.value


_RANK = {"error": 3, "warning": 2, "info": 1}
_IN_CHINESE = {"error": "错误", "warning": "警告", "info": "提示"}


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Frozen):
    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class Evidence(_Frozen):
    """The facts behind a finding, in words (zh and en) for people and typed values for machines.

    ``measured``, ``required`` and ``shortfall`` say what the record shows, what the rule asks
    and by how much it falls short; ``numerator``, ``denominator``, ``dates`` (ISO days) and
    ``details`` (ids, codes, amounts) stay beside them for programs.

    >>> Evidence(measured=Text(zh="8人中6人同意", en="6 of 8 consented"),
    ...          required=Text(zh="须达80%以上", en="at least 80%"),
    ...          shortfall=Text(zh="还差1人", en="1 more needed"), numerator=6,
    ...          denominator=8).shortfall.en
    '1 more needed'
    """

    measured: Text
    required: Text
    shortfall: Text | None = Field(default=None, description="how far the record falls short")
    numerator: int | None = None
    denominator: int | None = None
    denominator_basis: Text | None = Field(
        default=None, description="which denominator was used, e.g. members seated on the day")
    dates: dict[str, str] = Field(
        default_factory=dict, description="the days the rule compared, ISO 8601, by role")
    details: dict[str, str] = Field(
        default_factory=dict, description="typed values for programs: ids, codes, amounts, counts")


class RecordLocation(_Frozen):
    id: str
    type: str
    file: str
    line: int | None
    path: str


class Source(_Frozen):
    """A clause: the document's id and title, the lines of its file, and the words quoted.

    ``governance-rules source DOC:LINE`` prints the clause with the lines around it.
    """

    document: str
    title: Text | None = Field(
        default=None, description="the document's title in Chinese and English (the registry in "
        "rules/ruleset.yaml); none for a document an overlay names without a title")
    lines: list[int]
    quote: str
    quote_simplified: str | None = Field(
        default=None, description="the quote in simplified characters, where the document is "
        "written in traditional ones (SQ-SIFANG); none where the quote already is simplified")


class ParameterUse(_Frozen):
    """Which version of a parameter a finding (or a pass) was judged with, and its clause."""

    value: str
    in_force_from: str | None = None
    overlay: str | None = Field(default=None, description="jurisdiction prefix of the overlay")
    source: Source | None = Field(default=None, description="the clause the value rests on")


class Suppression(_Frozen):
    """Why a finding does not count: the waiver that accepted it.

    >>> Suppression(reason="rebuilt roster", approved_by="Street office",
    ...             expires="2027-06-30", file="governance-waivers.yaml", line=4).expires
    '2027-06-30'
    """

    reason: str
    approved_by: str
    expires: str
    file: str = Field(description="the waivers file")
    line: int | None = Field(default=None, description="the line of the waiver entry")


class BodyRef(_Frozen):
    id: str
    name: str


class Finding(_Frozen):
    rule_id: str
    catalogue: list[str]
    severity: Severity
    title: Text
    record: RecordLocation
    body: BodyRef | None = Field(default=None, description="the body whose record this is")
    message: Text
    evidence: Evidence
    source: Source | None = Field(description="the clause broken; none for findings about waivers")
    sources: list[Source] = Field(
        default_factory=list, description="every clause that decided the finding, `source` first")
    jurisdiction: list[str]
    community: str | None = Field(
        default=None, description="the id of the community whose dossier holds the record")
    date: str | None = Field(
        default=None, description="the day the record was judged on (a meeting's date, a "
        "payment's, a period's last day): the day that chose the parameter versions")
    parameters: dict[str, ParameterUse] = Field(default_factory=dict)
    suppression: Suppression | None = None

    @property
    def active(self) -> bool:
        """A finding counts for the exit code unless a waiver suppressed it."""
        return self.suppression is None

    def count_key(self) -> tuple[str, str, bool]:
        """(rule id, severity, active): what a report's summary counts of the finding (a
        worker that renders findings sends only these back)."""
        return self.rule_id, self.severity.value, self.active

    def sort_key(self) -> tuple[str, int, str, str, str, str]:
        """File, line, rule, then record id: a body's missing periods (ids ending in the period
        code) come in calendar order; then the message (:func:`in_report_order` reads it
        only where the rest ties)."""
        return (*self.place_key(), self.message.en)

    def place_key(self) -> tuple[str, int, str, str, str]:
        """:meth:`sort_key` without the message: the record's place and the rule."""
        record = self.record  # read once: a model's field is slow to read
        return record.file, record.line or 0, record.path, self.rule_id, record.id

    @classmethod
    def explained_later(cls, explain: Callable[[], dict[str, Any]], /, **values: Any
                        ) -> Finding:
        """A finding whose explanation (the fields of ``EXPLAINED``: its message, evidence,
        the clauses cited, the body named) ``explain`` makes when one of them is first read, or the finding is
        dumped, compared, copied or pickled: a program that counts findings, or reads their
        rules and records only, never pays for the words. ``values`` are the other fields.

        >>> text = Text(zh="甲", en="A")
        >>> place = RecordLocation(id="m", type="meeting", file="m.yaml", line=1, path="m")
        >>> finding = Finding.explained_later(
        ...     lambda: {"catalogue": [], "body": None, "message": text, "source": None, "sources": [],
        ...              "evidence": Evidence(measured=text, required=text)},
        ...     rule_id="r", severity=Severity.ERROR, title=text, record=place, jurisdiction=[])
        >>> finding.message.en
        'A'
        """
        finding: Finding = trusted_apart(cls, _EXPLAINED_APART, values)
        finding.__dict__[_EXPLAIN] = explain
        return finding

    def explain(self) -> Finding:
        """This finding with its explanation made, if it was left for later
        (:meth:`explained_later`); a field given already stands."""
        parts = self.__dict__
        explain = parts.get(_EXPLAIN)
        if explain is not None:
            made = explain()
            _set_dict(self, {name: parts[name] if name in parts else made[name]
                             for name in type(self).__pydantic_fields__})  # in field order
        return self

    @model_serializer(mode="wrap")
    def _explained_first(self, handler: SerializerFunctionWrapHandler):  # type: ignore[no-untyped-def]
        # no return type: pydantic would publish it as the schema of a dumped finding
        return handler(self.explain())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Finding):
            self.explain(), other.explain()
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]  # lists inside: as unhashable as before

    def __getstate__(self) -> dict[Any, Any]:
        return super(Finding, self.explain()).__getstate__()

    def __repr_args__(self) -> Any:
        return super(Finding, self.explain()).__repr_args__()

    def __copy__(self) -> Finding:
        return super(Finding, self.explain()).__copy__()

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Finding:
        return super(Finding, self.explain()).__deepcopy__(memo)

    def __iter__(self) -> Any:  # ``dict(finding)``, pandas: every field
        return super(Finding, self.explain()).__iter__()

    if not TYPE_CHECKING:
        def __getattr__(self, name: str) -> Any:
            if name in EXPLAINED:
                # explained here, or by another thread since this lookup missed the field
                return self.explain().__dict__[name]
            return super().__getattr__(name)


EXPLAINED = ("catalogue", "body", "message", "evidence", "source", "sources")
"""The fields of a finding that its explanation gives (:meth:`Finding.explained_later`)."""
_EXPLAINED_APART = frozenset(EXPLAINED)
_EXPLAIN = "_explain"
"""Where a finding explained later keeps how (a key of its ``__dict__`` that is no field, so
that serialising never sees it)."""
_set_dict = BaseModel.__dict__["__dict__"].__set__


def in_report_order(findings: list[Finding],
                    keys: list[tuple[str, int, str, str, str]] | None = None) -> list[Finding]:
    """``findings`` sorted by :meth:`Finding.sort_key`, reading the messages only of findings
    whose place and rule tie (a finding explained later stays unexplained otherwise).
    ``keys``: each finding's :meth:`Finding.place_key`, where the caller made them already (a
    checker, of the facts' references: a finding's fields are slow to read).

    >>> in_report_order([]) == []
    True
    """
    if keys is None:
        keys = [f.place_key() for f in findings]
    order = sorted(range(len(findings)), key=keys.__getitem__)
    ordered = [findings[i] for i in order]
    start = 0
    for end in range(1, len(order) + 1):
        if end == len(order) or keys[order[end]] != keys[order[start]]:
            if end - start > 1:
                ordered[start:end] = sorted(ordered[start:end], key=_message_en)
            start = end
    return ordered


def _message_en(finding: Finding) -> str:
    return finding.message.en


class RuleInfo(_Frozen):
    """What a report says about each rule it ran: enough for SARIF, JUnit and HTML."""

    id: str
    catalogue: list[str]
    severity: Severity
    title: Text
    sources: list[Source]
    help: str = Field(description="the rule's entry in the rule reference, relative to the project")


class CheckedRecord(_Frozen):
    """A record and the rules that applied to it, passed or not, with the parameter versions
    each rule was judged with (so that a pass is as traceable as a failure)."""

    record: RecordLocation
    rules: list[str]
    parameters: dict[str, dict[str, ParameterUse]] = Field(
        default_factory=dict, description="rule id → parameter → the version applied")

    @classmethod
    def at(cls, place: Mapping[str, Any], rules: Iterable[str],
           parameters: Mapping[str, dict[str, ParameterUse]]) -> CheckedRecord:
        """The entry of the record at ``place`` (its ``id``, ``type``, ``file``, ``line`` and
        ``path``, as a checker keeps them), its rules and parameters in order, from parts
        already valid (one report entry a record checked: its two models are made directly).

        >>> place = {"id": "m1", "type": "meeting", "file": "a.yaml", "line": 3, "path": "meeting"}
        >>> made = CheckedRecord.at(place, {"b", "a"}, {})
        >>> made == CheckedRecord(record=RecordLocation(**place), rules=["a", "b"])
        True
        """
        own = {name: place[name] for name in RecordLocation.model_fields}  # in field order
        return checked_records([(own, list(rules), dict(parameters))])[0]


def checked_records(entries: Iterable[tuple[dict[str, Any], Collection[str],
                                            dict[str, dict[str, ParameterUse]]]],
                    ) -> list[CheckedRecord]:
    """:meth:`CheckedRecord.at` of each (place, rules, parameters) of ``entries``, made two
    models at a time by :func:`~._trusted.all_whole`: a report has an entry a record checked,
    and a call or two an entry were a fifth of their cost. Each place is a dict of a
    :class:`RecordLocation`'s fields in their order, which becomes the model's own (the
    caller gives it up). A rule may be given more than once. Most records have one rule and
    at most one rule's parameters: those are copied, not sorted."""
    entries = list(entries)
    records = all_whole(RecordLocation, list(map(_place_of, entries)), _LOCATION_FIELDS)
    return all_whole(CheckedRecord, [
        {"record": record, "rules": sorted(set(rules)) if len(rules) > 1 else [*rules],
         "parameters": dict(sorted(parameters.items())) if len(parameters) > 1
         else {**parameters}}
        for record, (_, rules, parameters) in zip(records, entries, strict=True)],
        _CHECKED_FIELDS)


def keys_in_report_order(keys: Iterable[tuple[str, str, str]], files: Collection[str]
                         ) -> list[tuple[str, str, str]]:
    """Records' keys, (file, type, id), in the order of a report's ``checked`` entries, the
    keys' ``files`` being among ``files``. Each key is sorted as its parts joined by NUL:
    the order of the tuples (NUL comes before any character, and the type and id are slugs,
    joined by ``/``) in about two thirds of the instructions, for a report has a key a
    record checked. Keys are sorted as tuples when a file name has a NUL in it, which only
    records given as data can have.

    >>> keys_in_report_order([("b.yaml", "meeting", "m1"), ("a.yaml", "term", "x"),
    ...                       ("a.yaml", "body", "y")], ["a.yaml", "b.yaml"])
    [('a.yaml', 'body', 'y'), ('a.yaml', 'term', 'x'), ('b.yaml', 'meeting', 'm1')]
    """
    if any("\0" in file for file in files):
        return sorted(keys)
    return sorted(keys, key="\0".join)


_place_of = itemgetter(0)
_LOCATION_FIELDS = frozenset(RecordLocation.model_fields)
_CHECKED_FIELDS = frozenset(CheckedRecord.model_fields)


RuledWith = tuple[str, dict[str, ParameterUse]]
"""A rule's id and the parameters it was judged with (of one bound rule)."""

_CheckedParts = tuple[Any, Sequence[RuledWith]]
"""A record's reference (:class:`~governance_rules.facts.RecordRef`: its ``id``, ``type`` and
``where``, the ``file``, ``line`` and ``path``), and each rule that applied to it with its
parameters (:func:`rules_and_parameters`)."""


def rules_and_parameters(ruled: Sequence[RuledWith]) -> tuple[list[str], dict[str, dict[str, ParameterUse]]]:
    """The rules of a ``checked`` entry (a rule listed as often as it applied) and each one's
    parameters, from the rules that applied to its record with the parameters each was judged
    with, in the order they did: a rule's first parameters where it applied more than once.

    >>> rules_and_parameters([("b", {}), ("a", {"x": "1"}), ("a", {"x": "2"})])
    (['b', 'a', 'a'], {'a': {'x': '1'}})
    """
    if len(ruled) == 1:  # most records
        rule_id, used = ruled[0]
        return [rule_id], {rule_id: used} if used else {}
    parameters: dict[str, dict[str, ParameterUse]] = {}
    for rule_id, used in ruled:
        if used and rule_id not in parameters:
            parameters[rule_id] = used
    return [rule_id for rule_id, _ in ruled], parameters


def location_fields(ref: Any) -> dict[str, Any]:
    """The fields of a record's :class:`RecordLocation`, in their order, from its reference
    (:class:`~governance_rules.facts.RecordRef`).

    >>> from governance_rules.facts import RecordRef
    >>> from governance_rules.records.dossier import Where
    >>> location_fields(RecordRef("m1", "meeting", Where("a.yaml", 3, "meeting")))
    {'id': 'm1', 'type': 'meeting', 'file': 'a.yaml', 'line': 3, 'path': 'meeting'}
    """
    where = ref.where
    return {"id": ref.id, "type": ref.type, "file": where.file, "line": where.line,
            "path": where.path}


class CheckedEntries(Sequence[CheckedRecord]):
    """A report's ``checked`` entries: a list of :class:`CheckedRecord` to read, made into
    models the first time one is read.

    A report has an entry a record checked, and an app that wants the findings alone (most
    calls of :func:`~governance_rules.check_data`) never reads them: made at once, their
    models were a tenth of a check from dicts. A checker gives the entries as parts (each
    record's reference, rules and parameters, by record: :data:`_CheckedParts`) with the
    files that order them; reading
    one, comparing, serialising or pickling the report makes them all, once. Equal to a list
    of the same entries; validated from a list and serialised as one, so the report's JSON and
    its schema are as they were.

    >>> from governance_rules.facts import RecordRef
    >>> from governance_rules.records.dossier import Where
    >>> ref = RecordRef("m1", "meeting", Where("a.yaml", 3, "meeting"))
    >>> entries = CheckedEntries.deferred({("a.yaml", "meeting", "m1"): (ref, [("b", {}), ("a", {})])},
    ...                                   ["a.yaml"])
    >>> len(entries), entries[0].rules
    (1, ['a', 'b'])
    """

    __slots__ = ("_made", "_parts")

    def __init__(self, entries: Iterable[CheckedRecord] = ()) -> None:
        self._made: list[CheckedRecord] = list(entries)
        self._parts: tuple[Mapping[tuple[str, str, str], _CheckedParts], Collection[str]] | None = (
            None)

    @classmethod
    def deferred(cls, parts: Mapping[tuple[str, str, str], _CheckedParts],
                 files: Collection[str]) -> CheckedEntries:
        """The entries of ``parts`` (by each record's key, (file, type, id): its reference and
        rules with their parameters, none changed after), in report order among ``files``,
        made when first read."""
        entries = cls()
        if parts:
            entries._parts = (parts, files)
        return entries

    def _entries(self) -> list[CheckedRecord]:
        parts = self._parts
        if parts is not None:
            # two threads reading at once may both make them: equal entries, one kept
            by_key, files = parts
            self._made = checked_records([
                (location_fields(ref), *rules_and_parameters(ruled)) for ref, ruled in
                map(by_key.__getitem__, keys_in_report_order(by_key, files))])
            self._parts = None
        return self._made

    def __len__(self) -> int:
        parts = self._parts
        return len(self._made) if parts is None else len(parts[0])

    def __getitem__(self, index: Any) -> Any:
        return self._entries()[index]

    def __iter__(self) -> Iterator[CheckedRecord]:
        return iter(self._entries())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, CheckedEntries):
            return self._entries() == other._entries()
        if isinstance(other, list):
            return self._entries() == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # a list's entries: not hashable either

    def __repr__(self) -> str:
        return repr(self._entries())

    def __reduce__(self) -> tuple[type[CheckedEntries], tuple[list[CheckedRecord]]]:
        return CheckedEntries, (self._entries(),)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler
                                     ) -> core_schema.CoreSchema:
        """A list of entries as the report's schema has it: validated from a list (or entries)
        into entries, serialised as the list."""
        as_list = handler.generate_schema(list[CheckedRecord])
        return core_schema.no_info_before_validator_function(
            _listed, core_schema.no_info_after_validator_function(cls, as_list),
            serialization=core_schema.plain_serializer_function_ser_schema(
                _listed, return_schema=as_list))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return handler(schema)


def _listed(value: Any) -> Any:
    """Entries as the list they are; anything else as it is (validation judges it)."""
    return value._entries() if isinstance(value, CheckedEntries) else value


class DocumentScope(_Frozen):
    """A source document and why it does or does not bind a community."""

    document: str
    title: str
    reason: Text


class CommunityScope(_Frozen):
    """Which documents applied to a community's records, by scope or adoption, and which not.

    A rule applies to a record only when a document it cites is among ``applied`` (or one of its
    catalogue ids was adopted for the place by an overlay).
    """

    community: str | None = Field(description="the community's id; none when no record names it")
    name: str | None = Field(default=None, description="the community's name")
    jurisdiction: list[str]
    applied: list[DocumentScope]
    not_applied: list[DocumentScope]
    charter_adopted_on: str | None = None


class Summary(_Frozen):
    total: int
    by_severity: dict[str, int] = Field(description="active (not suppressed) findings by severity")
    suppressed: int = 0
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
    rules: list[RuleInfo] = Field(default_factory=list)
    findings: list[Finding]
    input_errors: list[InputError]
    checked: CheckedEntries = Field(default_factory=CheckedEntries)
    scopes: list[CommunityScope] = Field(
        default_factory=list, description="per community: the documents applied and not applied")
    seconds_by_file: dict[str, float] = Field(
        default_factory=dict, exclude=True,
        description="evaluation time per file; kept out of JSON so that it stays byte-identical")

    def to_json(self) -> str:
        return self.model_dump_json(indent=2) + "\n"

    def __eq__(self, other: object) -> bool:
        """Equal when everything but the timings is: two checks of the same input, or a
        report and its JSON read back, are equal (``seconds_by_file`` differs run to run and
        is not in the JSON)."""
        if not isinstance(other, Report):
            return NotImplemented
        mine, theirs = dict(self.__dict__), dict(other.__dict__)
        mine.pop("seconds_by_file", None)
        theirs.pop("seconds_by_file", None)
        return mine == theirs

    __hash__ = None  # type: ignore[assignment]  # lists inside: as unhashable as before

    def __repr__(self) -> str:
        from ._notebook import summary_line

        return f"<Report: {summary_line(self)}>"

    def __str__(self) -> str:
        """The summary line (``print(report)``), not every field; ``to_json`` has them all."""
        return self.__repr__()

    def to_html(self, lang: str = "en") -> str:
        """The notebook view in ``lang`` (``zh`` or ``en``): summary, then findings and input
        errors, collapsible; ``IPython.display.HTML(report.to_html("zh"))`` shows it."""
        from ._notebook import report_html

        if lang not in ("zh", "en"):
            raise ValueError(f"lang is 'zh' or 'en', not {lang!r}")
        return report_html(self, lang)

    def _repr_html_(self) -> str:
        """The notebook view: in English, then in Chinese under 中文 (collapsed)."""
        return (self.to_html("en")
                + f"<details><summary>中文</summary>{self.to_html('zh')}</details>")

    def active_findings(self) -> list[Finding]:
        return [f for f in self.findings if f.active]

    def worst_severity(self) -> Severity | None:
        active = self.active_findings()
        if not active:
            return None
        return max((f.severity for f in active), key=lambda s: s.rank)

    def has_errors(self) -> bool:
        return self.fails_at(Severity.ERROR)

    def fails_at(self, threshold: Severity | None) -> bool:
        """True when an active finding is at ``threshold`` or worse (``None``: never).

        >>> Report.model_validate({"ruleset_version": "x", "engine": "native", "jurisdictions": [],
        ...     "inputs": [], "summary": summarise([], [], 0, 0), "findings": [],
        ...     "input_errors": []}).fails_at(Severity.INFO)
        False
        """
        if threshold is None:
            return False
        return any(f.severity.rank >= threshold.rank for f in self.findings if f.active)


def _is_count(value: object) -> bool:
    return type(value) is int and value >= 0


_TEXT, _WHOLE = frozenset({str}), frozenset({int})


def summarise(findings: Sequence[Finding], errors: Sequence[InputError], records: int,
              cases: int, applied: dict[str, int] | None = None) -> Summary:
    """Count ``findings`` (suppressed ones apart) into a :class:`Summary`: of whole numbers by
    text, made here, so not validated again (a report's summary counts every rule applied).
    The counts the caller gives are checked: each a whole number, none below zero.

    >>> summarise([], [], 3, 4, {"cc-quorum": 2}).cases_evaluated
    4
    >>> summarise([], [], -1, 0)
    Traceback (most recent call last):
    ValueError: records and cases are counts (whole numbers, at least 0); got -1 and 0
    """
    if not (_is_count(records) and _is_count(cases)):
        raise ValueError("records and cases are counts (whole numbers, at least 0); "
                         f"got {records!r} and {cases!r}")
    applied = applied or {}
    # checked in C first (a report counts every rule applied): the loop names the one wrong
    if not (set(map(type, applied)) <= _TEXT and set(map(type, applied.values())) <= _WHOLE
            and min(applied.values(), default=0) >= 0):
        wrong = next((r, n) for r, n in applied.items() if not (type(r) is str and _is_count(n)))
        raise ValueError("applied counts each rule's cases by its id (text), each a whole "
                         f"number, at least 0; got {wrong[0]!r}: {wrong[1]!r}")
    active = [f.severity for f in findings if f.suppression is None]  # Finding.active
    severities = Counter(active)  # by member: an enum's ``value`` is slow to read
    return trusted(
        Summary,
        total=len(findings),
        by_severity={s.value: severities[s] for s in Severity},
        suppressed=len(findings) - len(active),
        by_rule=dict(sorted(Counter(f.rule_id for f in findings).items())),
        applied=dict(sorted(applied.items())),
        input_errors=len(errors),
        records_checked=records,
        cases_evaluated=cases,
    )
