"""A loaded rulebook: rules, parameters and source documents, and how rules bind to a case."""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from dataclasses import MISSING, dataclass, field, fields, replace
from datetime import date
from enum import Enum
from fractions import Fraction
from functools import cached_property
from operator import itemgetter
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .._input_words import english_message
from .._names import did_you_mean
from .._words import split_placeholder
from ..errors import dotted, pydantic_error_en, pydantic_error_zh, short_input
from ..facts.schema import FACT_SCHEMAS
from .conditions import (
    Condition,
    Judge,
    Predicate,
    all_of,
    any_of,
    check_types,
    compile_judge,
    compile_native,
    eq,
)
from .kinds import KINDS, RuleKind
from .kinds._base import KindParams
from .kinds._clauses import ClauseKind
from .model import (
    Citation,
    Localised,
    Parameter,
    ParameterVersion,
    ParamRef,
    Rule,
    bounded_value,
)

_ABSENT = object()
"""A guarded field the caller did not give."""

MAX_CACHED_CASES = 65_536
"""How many (rule, place) pairs :meth:`Rulebook.bind` remembers the bindings of before it
starts again: a province's records name more places than are worth keeping."""

MAX_PAIRED_SCOPES = 64
MAX_PAIRED_PER_SCOPE = 4096
"""How many ways of admitting rules, and how many fact types and places each (and guarded
values each of those), :meth:`Rulebook.pairings` keeps before it starts again (a community
pairs its facts with a few hundred)."""

Paired = dict[object, "tuple[BoundRule, ...] | None"]
"""Facts' bound rules by their guarded values (:meth:`Rulebook.guarded_values`); ``None``
where the day matters."""

Pairings = dict[tuple[str, tuple[str, ...]], tuple[Paired, Paired]]
"""By fact type and place, the facts' bound rules (:data:`Paired`) before and from the day the
community adopted the charter (:meth:`Rulebook.paired`)."""


@dataclass(frozen=True)
class Document:
    """A source document: its id, the file it is in, the lines of that file it spans, and what a
    reader needs to find it elsewhere (title, issuer, date, place, in Chinese and English).

    ``title`` is the Chinese title (as the report's ``scopes`` show it); :meth:`title_in` gives
    either language, falling back to the Chinese where an overlay's document has no English.

    >>> Document("X", "f", 1, 2, "关于规范的意见", title_en="Opinions on standards").title_in("en")
    'Opinions on standards'
    """

    id: str
    file: str
    first_line: int
    last_line: int
    title: str
    binds: tuple[str, ...] = ()
    """Jurisdiction prefixes the document was issued for (its scope); empty: none named."""
    charter_lines: tuple[int, int] | None = None
    """Lines that bind a community only from the day it adopted them (SQ-SIFANG's charter)."""
    title_en: str = ""
    issuer: Localised | None = None
    issued: str = ""
    """The date the document bears (``YYYY-MM-DD``, or ``YYYY`` where only the year is known)."""
    place: Localised | None = None
    note: Localised | None = None
    """What the text leaves unsaid (no date, no issuer) and where the registry's answer is from."""
    folder: str = ""
    """The overlay folder that registered the document (empty for the bundled rule set's):
    its ``file`` is looked for there first, then in the sources folder."""
    unless_adopted: tuple[str, ...] = ()
    """Documents a community adopting (its own ``adopts:``) lies outside ``binds`` by that: a
    county's document addressed to its townships does not take in a village that keeps its
    office by ZZB-VILLAGE."""

    def title_in(self, lang: str) -> str:
        return self.title_en if lang == "en" and self.title_en else self.title

    def binds_in(self, jurisdiction: tuple[str, ...]) -> bool:
        """Whether a record of ``jurisdiction`` lies in the document's scope.

        >>> Document("X", "f", 1, 2, "", ("cn/jilin/baicheng/taonan",)).binds_in(
        ...     ("cn", "jilin", "baicheng", "taonan", "wanbao"))
        True
        """
        return f"{'/'.join(jurisdiction)}/".startswith(self._scope_folders)

    @cached_property
    def _scope_folders(self) -> tuple[str, ...]:
        """The scope's prefixes, each ending ``/``: a place lies in the scope when its path,
        ending ``/``, starts with one (``cn/jilin/`` holds ``cn/jilin/`` and ``cn/jilin/…/``,
        not ``cn/jilinx/``)."""
        return tuple(f"{prefix}/" for prefix in self.binds)


@dataclass(frozen=True, eq=False)
class BoundRule:
    """A rule with its parameters resolved for one jurisdiction and day, compiled to conditions."""

    rule: Rule
    kind: RuleKind  # type: ignore[type-arg]
    params: BaseModel
    guard: Condition
    violated: Condition
    parameters: Mapping[str, ParameterVersion]
    key: str
    guard_test: Predicate
    violation_test: Predicate
    rule_id: str
    """``rule.id``, read once: a checker reads it for every case (a field of a rule costs
    several times what this does to read)."""
    judge: Judge
    """``guard_test`` and ``violation_test`` in one call: the case's verdict as a number
    (:func:`~governance_rules.rulebook.conditions.compile_judge`)."""

    @property
    def clause_names(self) -> frozenset[str]:
        return self.kind.clause_names(self.params)


def deciding_citations(rule: Rule, failed: Sequence[str], jurisdiction: tuple[str, ...],
                       documents: Mapping[str, Document]) -> list[Citation]:
    """The citations of ``rule`` that decide a finding whose clauses ``failed`` (by name).

    Citations ``for`` a failed clause come first; without one, the untagged citations; and of
    those, the ones whose document binds the record's jurisdiction, where any does (Taonan's
    deadline is not cited with Dingyuan's clause). Never empty.

    >>> from governance_rules import load_rulebook
    >>> rule = load_rulebook().rule("fin-seg-director")
    >>> [c.quote for c in deciding_citations(rule, ["director/cashier"], ("cn",), {})]
    ['社區居委會主任不得兼任出納']
    """
    chosen = citations_for_clauses(rule, failed)
    return binding_here([(c, documents.get(c.document)) for c in chosen], jurisdiction)


_Cited = TypeVar("_Cited")


def binding_here(cited: Sequence[tuple[_Cited, Document | None]],
                 jurisdiction: tuple[str, ...], applied: Collection[str] | None = None
                 ) -> list[_Cited]:
    """Of clauses with their documents (a citation, or a report's source of one), those whose
    document binds the place: one of ``applied`` (the documents of the community's scope, by
    its place or by adoption) where the scope is known, else one whose scope holds
    ``jurisdiction``; all of them when none does (a rule applied by an adopted catalogue id
    alone cites that id's clauses).

    >>> binding_here([("a", None), ("b", None)], ("cn",))
    ['a', 'b']
    >>> d, t = (Document(i, "f", 1, 2, "", (p,)) for i, p in (("D", "cn/d"), ("T", "cn/t")))
    >>> binding_here([("d", d), ("t", t)], ("cn", "q"), applied={"T"})
    ['t']
    """
    binding = [item for item, document in cited if document is not None and (
        document.binds_in(jurisdiction) if applied is None else document.id in applied)]
    return binding or [item for item, _ in cited]


def citations_for_clauses(rule: Rule, failed: Sequence[str]) -> list[Citation]:
    """The citations of ``rule`` for the clauses that ``failed`` (by name): those ``for`` a
    failed clause, else the untagged ones, else all; the part of :func:`deciding_citations`
    that a rule's place does not change."""
    failing = set(failed)
    chosen = [c for c in rule.source if not failing.isdisjoint(c.for_)]
    if not chosen:
        chosen = [c for c in rule.source if not c.for_] or list(rule.source)
    return chosen


@dataclass
class Rulebook:
    """The rule set: use :func:`governance_rules.load_rulebook` to get one.

    Immutable in use; :meth:`with_parameter` returns a new rulebook for what-if analysis.

    >>> from governance_rules import load_rulebook
    >>> book = load_rulebook()
    >>> book.rule("cc-consent-80").catalogue
    ['CC-CONSENT-80']
    """

    version: str
    rules: tuple[Rule, ...]
    parameters: dict[str, Parameter]
    documents: dict[str, Document]
    exclusions: dict[str, str] = field(default_factory=dict)
    """Catalogue id → why it cannot be checked from records."""
    pending: dict[str, str] = field(default_factory=dict)
    """Catalogue id → what its implementation still needs (not yet a rule, not excluded)."""
    adoptions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Jurisdiction prefix → documents or catalogue ids an overlay adopted for it."""
    replaced: dict[str, Parameter] = field(default_factory=dict)
    """Parameter name → the parameter as the rule set gave it, before a what-if
    (:meth:`with_parameter`) replaced it: a finding checked with the value the sources give its
    place and day anyway says nothing of the what-if."""
    _bound: dict[tuple[str, tuple[int, ...]], BoundRule] = field(default_factory=dict, repr=False)
    _by_type: dict[str, tuple[Rule, ...]] = field(default_factory=dict, repr=False)
    _guards: dict[str, tuple[Callable[[Mapping[str, int | str]], object], tuple[str, ...]]] = (
        field(default_factory=dict, repr=False))
    """Fact type → the function giving the values of the fields its rules' ``when`` guards
    read (:meth:`_guard_key`), and those fields."""
    _selected: dict[tuple[str, object], tuple[Rule, ...]] = field(
        default_factory=dict, repr=False)
    _may_select: dict[str, dict[object, bool]] = field(default_factory=dict, repr=False)
    """Fact type → :meth:`may_select`'s answers, by the guarded fields' values."""
    _names: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _by_case: dict[tuple[str, tuple[str, ...]], tuple[list[date], dict[int, BoundRule | None]]] = (
        field(default_factory=dict, repr=False))
    """(rule id, place) → the days its binding may change on (:meth:`_change_days`), and the
    binding in each span between them, by the span's number."""
    _change_days_of: dict[str, list[date]] = field(default_factory=dict, repr=False)
    _paired: dict[Hashable, Pairings] = field(default_factory=dict, repr=False)
    """:meth:`pairings`, by the way a scope admits rules."""

    def __post_init__(self) -> None:
        base = {name: param.values[-1].value for name, param in self.parameters.items()
                if param.values}
        self.rules = tuple(rule.titled(base) for rule in self.rules)  # titles with its values
        by_type: dict[str, list[Rule]] = {}
        for rule in self.rules:
            by_type.setdefault(rule.applies_to, []).append(rule)
        self._by_type = {k: tuple(v) for k, v in by_type.items()}

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without its caches (compiled conditions are closures), whether or not it
        was used: a rule set sent to a worker process pickles the same before a check and
        after."""
        return dict(self.without_caches().__dict__)

    def without_caches(self) -> Rulebook:
        """A copy with empty caches, to pickle (compiled conditions are closures): what a worker
        process or the rule set's cache on disk receives; the copy fills its caches as it works."""
        empty = {f.name: f.default_factory() for f in fields(self)
                 if f.name.startswith("_") and f.init and f.default_factory is not MISSING}
        return replace(self, **empty)

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        from .._suggest import did_you_mean as nearest

        known = [r.id for r in self.rules] + sorted({c for r in self.rules for c in r.catalogue})
        raise UnknownRule(f"no rule {rule_id!r}{nearest(rule_id, known)} "
                          "(`governance-rules rules` lists them)",
                          f"没有规则「{rule_id}」{did_you_mean(rule_id, known, 'zh')}；"
                          "规则一览见 `governance-rules rules`")

    def rules_for_catalogue(self, catalogue_id: str) -> list[Rule]:
        """The rules that implement catalogue id ``catalogue_id`` (any letter case).

        >>> from governance_rules import load_rulebook
        >>> [r.id for r in load_rulebook().rules_for_catalogue("cc-consent-80")]
        ['cc-consent-80']
        """
        wanted = catalogue_id.upper()
        return [r for r in self.rules if wanted in r.catalogue]

    def rules_for(self, fact_type: str) -> tuple[Rule, ...]:
        return self._by_type.get(fact_type, ())

    def rules_selecting(self, fact_type: str, values: Mapping[str, int | str]) -> tuple[Rule, ...]:
        """The rules for ``fact_type`` whose ``when`` guard selects a fact with ``values``.

        Cached on the values of the guarded fields, which are few (body kind, granularity …).
        """
        key = self._guard_key(fact_type, values, None)
        selected = self._selected.get(key)
        if selected is None:
            selected = self._selected[key] = tuple(
                r for r in self.rules_for(fact_type) if r.selects(values))
        return selected

    def may_select(self, fact_type: str, values: Mapping[str, int | str]) -> bool:
        """Whether some rule for ``fact_type`` may select a fact with ``values``, which may
        be only some of its fields: a rule whose guard the fields given pass may, whatever it
        asks of a field not given.

        Lets the fact builder leave out what no rule reads (an act on a body no act rule is
        about). Cached on the guarded fields' values, as :meth:`rules_selecting`, by fact type:
        a dossier asks hundreds of times (each calendar period of each body), nearly always
        what an earlier dossier asked.
        """
        try:
            return self._may_select[fact_type][self._guards[fact_type][0](values)]
        except KeyError:  # not asked before, or only some of the guarded fields given
            pass
        key = self._guard_key(fact_type, values, _ABSENT)[1]
        answers = self._may_select.setdefault(fact_type, {})
        known = answers.get(key)
        if known is None:
            known = answers[key] = any(r.selects(values, partial=True)
                                       for r in self.rules_for(fact_type))
        return known

    def _guard_key(self, fact_type: str, values: Mapping[str, int | str],
                   missing: object) -> tuple[str, object]:
        """What both caches key on: the fact's type and the values of the fields its rules'
        ``when`` guards read (one value, or a tuple of them), or, where only some are given,
        a tuple with ``missing`` for each field not given.

        >>> from governance_rules import load_rulebook
        >>> book = load_rulebook()
        >>> book._guard_key("act", {"body": "rc", "body_kind": "residents_committee",
        ...                         "term_role": "member"}, None)
        ('act', ('residents_committee', 'member'))
        >>> book._guard_key("act", {"body_kind": "residents_committee"}, None)
        ('act', ('residents_committee', None))
        """
        pick, fields = self._guard(fact_type)
        try:
            return fact_type, pick(values)
        except KeyError:  # only some of a fact's values (a meeting no rule reads)
            return fact_type, tuple(values.get(k, missing) for k in fields)

    def guarded_values(self, fact_type: str) -> Callable[[Mapping[str, int | str]], object]:
        """The function giving what :meth:`rules_selecting` decides on for a fact of
        ``fact_type``: the values of the fields its rules' ``when`` guards read (one value, or
        a tuple of them). It raises ``KeyError`` for values without one of those fields.

        Facts with the same type and guarded values are selected by the same rules, so a
        caller pairing many facts may remember its answer by them.

        >>> from governance_rules import load_rulebook
        >>> load_rulebook().guarded_values("act")({"body": "rc", "body_kind": "party_committee",
        ...                                        "term_role": "secretary"})
        ('party_committee', 'secretary')
        """
        return self._guard(fact_type)[0]

    def _guard(self, fact_type: str) -> tuple[Callable[[Mapping[str, int | str]], object],
                                              tuple[str, ...]]:
        guard = self._guards.get(fact_type)
        if guard is None:
            fields = tuple(sorted({k for r in self.rules_for(fact_type) for k in r.when}))
            guard = self._guards[fact_type] = (itemgetter(*fields) if fields else _no_fields,
                                               fields)
        return guard

    def parameter_names(self, rule: Rule) -> list[str]:
        names = self._names.get(rule.id)
        if names is None:
            names = self._names[rule.id] = sorted(_refs(rule.params))
        return names

    def bind(self, rule: Rule, jurisdiction: tuple[str, ...], day: date) -> BoundRule | None:
        """The rule as it applies on ``day`` in ``jurisdiction``; ``None`` if not in force.

        Remembered per place for each span of days between two days on which a rule's
        binding may change (:meth:`_change_days`), not per day: records name every day of
        the year, a rule set changes on a few.
        """
        place = (rule.binding_key, jurisdiction)
        slot = self._by_case.get(place)
        if slot is None:
            if len(self._by_case) >= MAX_CACHED_CASES:  # many places: start again
                self._by_case.clear()
            slot = self._by_case[place] = (self._change_days(rule), {})
        days, by_span = slot
        span = bisect_right(days, day)
        bound = by_span.get(span, _ABSENT)
        if bound is _ABSENT:
            bound = by_span[span] = self._bind(rule, jurisdiction, day)
        return bound  # type: ignore[return-value]

    def place_of(self, jurisdiction: tuple[str, ...], community: str | None) -> tuple[str, ...]:
        """The place a community's records are judged in: its ``jurisdiction`` chain, and its
        own id after it where the rule set names the community itself, as ``binds:`` and
        ``adopt:`` may (a parameter overlay keyed ``cn/…/heping/haliang-4``, a rule's
        ``jurisdictions``); else the chain alone, so that the communities of one place share
        their bound rules.

        >>> from governance_rules import load_rulebook
        >>> book = load_rulebook().with_parameter("cc.consent_share", "2/3", "cn/heilongjiang/c9")
        >>> book.place_of(("cn", "heilongjiang"), "c9"), book.place_of(("cn", "heilongjiang"), "c8")
        (('cn', 'heilongjiang', 'c9'), ('cn', 'heilongjiang'))
        """
        if community is None:
            return jurisdiction
        if "/".join((*jurisdiction, community)) in self._places_named:
            return (*jurisdiction, community)
        return jurisdiction

    @cached_property
    def _places_named(self) -> frozenset[str]:
        """The places the rule set names (a parameter overlay's key, a what-if's replaced
        parameter's too, which a finding's note measures the what-if against; a rule's
        ``jurisdictions``), each with every place above it (``cn/a/c9`` holds ``cn/a`` and
        ``cn``): made once, not for each dossier :meth:`place_of` is asked about (a copy,
        :meth:`without_caches`, makes its own)."""
        named = (*(key for p in (*self.parameters.values(), *self.replaced.values())
                   for key in p.overlays),
                 *(key for rule in self.rules for key in rule.jurisdictions))
        places: set[str] = set()
        for key in named:
            parts = key.split("/")
            places.update("/".join(parts[:end]) for end in range(1, len(parts) + 1))
        return frozenset(places)

    def pairings(self, admission: Hashable) -> Pairings:
        """Where a checker keeps the bound rules it paired facts with, for the communities
        whose scope admits rules as ``admission`` says (:attr:`Scope.admission
        <governance_rules.rulebook.scope.Scope.admission>`; ``None`` without a scope): the
        same for every dossier of those communities and every call, so a batch or an app
        works each out once. Bounded: it starts again when full.

        >>> from governance_rules import load_rulebook
        >>> book = load_rulebook()
        >>> book.pairings(None) is book.pairings(None), book.pairings(None) is book.pairings(1)
        (True, False)
        """
        kept = self._paired.get(admission)
        if kept is None:
            if len(self._paired) >= MAX_PAIRED_SCOPES:
                self._paired.clear()
            kept = self._paired[admission] = {}
        elif len(kept) >= MAX_PAIRED_PER_SCOPE:
            kept.clear()
        return kept

    @staticmethod
    def paired(kept: Pairings, fact_type: str, place: tuple[str, ...]) -> tuple[Paired, Paired]:
        """What ``kept`` (:meth:`pairings`) holds for facts of ``fact_type`` in ``place``: their
        bound rules by their guarded values, before and from the day the community adopted the
        charter. A checker asks once a run of facts of one type, then looks each fact up by its
        guarded values alone. Bounded: each starts again when full.

        >>> from governance_rules import load_rulebook
        >>> book = load_rulebook()
        >>> kept = book.pairings(None)
        >>> book.paired(kept, "act", ("cn",)) is book.paired(kept, "act", ("cn",))
        True
        """
        both = kept.get((fact_type, place))
        if both is None or len(both[0]) >= MAX_PAIRED_PER_SCOPE \
                or len(both[1]) >= MAX_PAIRED_PER_SCOPE:
            both = kept[fact_type, place] = ({}, {})
        return both

    def bound_every_day(self, rules: Sequence[Rule], jurisdiction: tuple[str, ...],
                        day: date) -> tuple[BoundRule, ...] | None:
        """What :meth:`bind` gives each of ``rules`` in ``jurisdiction`` on ``day`` (those in
        force), when that is the same on every day; ``None`` when some rule's binding may
        change with the day (:meth:`_change_days`).

        Lets the checker pair the facts that the same rules select with their bound rules
        once (:meth:`pairings`), not once a fact: most rule sets change on no day at all.

        >>> from governance_rules import load_rulebook
        >>> book = load_rulebook()
        >>> [b.key for b in book.bound_every_day([book.rule("rc-size")], ("cn",), date(2022, 1, 1))]
        ['rc-size|rc.max_members=9-rc.min_members=5']
        """
        bound = []
        for rule in rules:
            if self._by_case_days(rule, jurisdiction):
                return None
            one = self.bind(rule, jurisdiction, day)
            if one is not None:
                bound.append(one)
        return tuple(bound)

    def _by_case_days(self, rule: Rule, jurisdiction: tuple[str, ...]) -> list[date]:
        """:meth:`_change_days` of ``rule``, as :meth:`bind` keeps them for the place."""
        slot = self._by_case.get((rule.binding_key, jurisdiction))
        return self._change_days(rule) if slot is None else slot[0]

    def _change_days(self, rule: Rule) -> list[date]:
        """The days on which ``rule``'s binding may change, in order: where it comes into or
        goes out of force, and where a version of a parameter it reads (a value or any
        place's overlay) begins or ends. Between two of them every ``covers`` that
        :meth:`_bind` asks gives the same answer.

        >>> from governance_rules import load_rulebook
        >>> book = load_rulebook()  # its values and overlays are undated: one span, always
        >>> book._change_days(book.rule("cc-consent-80"))
        []
        """
        days = self._change_days_of.get(rule.id)
        if days is None:
            ends: set[date | None] = {rule.in_force.from_, rule.in_force.until}
            for name in self.parameter_names(rule):
                parameter = self.parameters.get(name)
                if parameter is None:
                    continue
                for version in (*parameter.values,
                                *(v for versions in parameter.overlays.values() for v in versions)):
                    ends.update((version.from_, version.until))
            days = self._change_days_of[rule.id] = sorted(d for d in ends if d is not None)
        return days

    def _bind(self, rule: Rule, jurisdiction: tuple[str, ...], day: date) -> BoundRule | None:
        if not rule.in_force.covers(day) or not rule.applies_in(jurisdiction):
            return None
        names = self.parameter_names(rule)
        versions: dict[str, ParameterVersion] = {}
        for name in names:
            version = self.parameters[name].version_for(jurisdiction, day)
            if version is None:
                return None
            versions[name] = version
        key = (rule.binding_key, tuple(id(versions[n]) for n in names))
        bound = self._bound.get(key)
        if bound is None:
            bound = compile_rule(rule, versions)
            self._bound[key] = bound
        return bound

    def with_parameter(self, name: str, value: Any,
                       jurisdiction: Sequence[str] | str | None = None) -> Rulebook:
        """A copy in which parameter ``name`` takes ``value`` at all dates: everywhere (every
        overlay dropped), or, given ``jurisdiction`` (``"cn/shandong"`` or a list), only there,
        as an overlay for that place that keeps every other value and overlay. The value is a
        what-if: a report names its place (``overlay``) and cites no clause for it.

        >>> from fractions import Fraction
        >>> from governance_rules import load_rulebook
        >>> book = load_rulebook().with_parameter("cc.consent_share", Fraction(2, 3))
        >>> book.parameters["cc.consent_share"].values[0].value
        Fraction(2, 3)
        >>> there = load_rulebook().with_parameter("cc.consent_share", "2/3", "cn/heilongjiang")
        >>> there.parameters["cc.consent_share"].version_for(("cn", "heilongjiang"), date(2022, 1, 1)).value
        Fraction(2, 3)
        """
        from .model import parse_typed

        if name not in self.parameters:
            raise KeyError(f"no parameter {name!r}{did_you_mean(name, self.parameters)}")
        old = self.parameters[name]
        parsed = parse_typed(old.type, value)
        if not isinstance(value, Fraction):  # refused as a parameter file refuses it: 149.995 yuan
            parsed = parse_typed(old.type, bounded_value(old.type, value))
        if jurisdiction is None:
            version = ParameterVersion(value=parsed, what_if=True)
            new = old.model_copy(update={"values": [version], "overlays": {}})
            label = f"+{name}={value}"
        else:
            place = jurisdiction if isinstance(jurisdiction, str) else "/".join(jurisdiction)
            version = ParameterVersion(value=parsed, overlay=place, what_if=True)
            new = old.model_copy(update={"overlays": {**old.overlays, place: [version]}})
            label = f"+{name}@{place}={value}"
        params = {**self.parameters, name: new}
        book = Rulebook(self.version + label, self.rules, params, self.documents,
                        self.exclusions, self.pending, self.adoptions,
                        {name: old, **self.replaced})
        for rule in book.rules:
            validate_rule(book, rule)
        return book


def compile_rule(rule: Rule, versions: Mapping[str, ParameterVersion]) -> BoundRule:
    kind = KINDS[rule.kind]
    raw = _substitute(rule.params, {n: v.value for n, v in versions.items()})
    params = kind.parse_params(raw)
    if rule.only is not None and isinstance(params, KindParams):
        params = params.judging_only(rule.only)
    schema = FACT_SCHEMAS[rule.applies_to]
    guard = all_of(*(any_of(*(eq(k, v) for v in ([vals] if isinstance(vals, str) else vals)))
                     for k, vals in sorted(rule.when.items())))
    violated = kind.violated(params)
    check_types(guard, schema, f"rule {rule.id} (when)")
    check_types(violated, schema, f"rule {rule.id}")
    suffix = "-".join(f"{n}={v.label()}" for n, v in sorted(versions.items()))
    return BoundRule(rule, kind, params, guard, violated, dict(versions),
                     f"{rule.binding_key}|{suffix}" if suffix else rule.binding_key,
                     compile_native(guard), compile_native(violated), rule.id,
                     compile_judge(guard, violated))


class UnknownRule(KeyError):
    """No rule of that id (:meth:`Rulebook.rule`), with the nearest ids, in English
    (``args[0]``) and in Chinese (:meth:`text`)."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.zh = zh

    def text(self, lang: str) -> str:
        """The message in ``lang`` (``zh`` or ``en``)."""
        return self.zh if lang == "zh" else str(self.args[0])


class RuleProblem(ValueError):
    """A rule that does not validate, with the key inside the rule it is about (``loc``);
    ``zh`` says a wrong value in Chinese (a rule-language problem, an unknown key or kind, has
    none: the Chinese quotes the English)."""

    def __init__(self, msg: str, loc: tuple[str | int, ...] = (), zh: str | None = None, *,
                 at: tuple[str, int] | None = None) -> None:
        super().__init__(msg)
        self.loc, self.zh, self.at = loc, zh, at


def validate_rule(book: Rulebook, rule: Rule) -> None:
    """Raise ``ValueError`` unless the rule compiles under every version of its parameters;
    a :class:`RuleProblem` names the key, and the nearest valid name where one is near (or, for
    a parameter version the rule cannot use, ``at`` the version's own file and line)."""
    if rule.kind not in KINDS:
        raise RuleProblem(f"unknown rule kind {rule.kind!r}{did_you_mean(rule.kind, KINDS)}; "
                          f"known: {', '.join(sorted(KINDS))}", ("kind",),
                          f"没有规则类型「{rule.kind}」{did_you_mean(rule.kind, KINDS, 'zh')}；"
                          f"可用的有：{'、'.join(sorted(KINDS))}")
    kind = KINDS[rule.kind]
    template = rule._title_template or rule.title
    for name, ref in template.values.items():
        for param in ref.params():
            if param in book.parameters:
                if not book.parameters[param].values and template.general is None:
                    raise RuleProblem(
                        f"the title's {{{name}}} names {param!r}, which has a value only for "
                        "places (overlays): give the title's `general` words, said for all of "
                        "them", ("title", "values", name),
                        f"标题的 {{{name}}} 所指的参数「{param}」只有地方规定的取值：须写明标题的 "
                        "general（对各地通用的说法）")
                continue
            raise RuleProblem(f"the title's {{{name}}} names no parameter {param!r}"
                              f"{did_you_mean(param, book.parameters)}",
                              ("title", "values", name), f"标题的 {{{name}}} 所指的参数"
                              f"「{param}」不存在{did_you_mean(param, book.parameters, 'zh')}")
    if rule.applies_to not in kind.fact_types:
        raise RuleProblem(f"kind {rule.kind!r} applies to {sorted(kind.fact_types)}, "
                          f"not {rule.applies_to!r}"
                          f"{did_you_mean(rule.applies_to, kind.fact_types)}", ("applies_to",),
                          f"规则类型「{rule.kind}」不能用于「{rule.applies_to}」"
                          f"{did_you_mean(rule.applies_to, kind.fact_types, 'zh')}；可用于："
                          f"{'、'.join(sorted(kind.fact_types))}")
    schema = FACT_SCHEMAS[rule.applies_to]
    for key in rule.when:
        if schema.get(key) is not str:
            texts = [k for k, t in schema.items() if t is str]
            raise RuleProblem(f"`when` can only test text fields of a {rule.applies_to}; "
                              f"{key!r} is not one{did_you_mean(key, texts)}", ("when", key),
                              f"when 只能筛选「{rule.applies_to}」的文本字段，「{key}」不是"
                              f"{did_you_mean(key, texts, 'zh')}")
        known = _WHEN_VALUES.get(key, frozenset())
        wanted = rule.when[key]
        for value in ([wanted] if isinstance(wanted, str) else wanted) if known else ():
            if value not in known:  # a misspelt value would make the rule never apply
                raise RuleProblem(f"`when` {key} {value!r} is not one of its values"
                                  f"{did_you_mean(str(value), known)}: {', '.join(sorted(known))}",
                                  ("when", key),
                                  f"when 的 {key} 没有「{value}」这个取值"
                                  f"{did_you_mean(str(value), known, 'zh')}；可用的有："
                                  f"{'、'.join(sorted(known))}")
    for lang in ("zh", "en"):
        allowed = kind.message_fields | (frozenset(schema) if kind.fact_fields_in_messages
                                         else frozenset())
        try:
            _check_template(rule.message.get(lang), allowed, f"message.{lang}")
        except RuleProblem as exc:
            raise RuleProblem(str(exc), ("message", lang), exc.zh) from None
    for i, citation in enumerate(rule.source):
        document = book.documents.get(citation.document)
        if document is None:
            raise RuleProblem(f"source cites unknown document {citation.document!r}"
                              f"{did_you_mean(citation.document, book.documents)}; known: "
                              + ", ".join(sorted(book.documents)), ("source", i, "document"),
                              f"依据引用了未登记的文件「{citation.document}」"
                              f"{did_you_mean(citation.document, book.documents, 'zh')}；"
                              f"已登记的有：{'、'.join(sorted(book.documents))}")
        for line in citation.lines:
            if not document.first_line <= line <= document.last_line:
                raise RuleProblem(
                    f"source cites {citation.document} line {line}, outside its lines "
                    f"{document.first_line}-{document.last_line}", ("source", i, "lines"),
                    f"依据引用 {citation.document} 第{line}行，不在该文件的第{document.first_line}"
                    f"至{document.last_line}行之内")
    names = book.parameter_names(rule)
    for name in names:
        if name not in book.parameters:
            raise RuleProblem(f"unknown parameter {name!r}{did_you_mean(name, book.parameters)}",
                              ("params", *_ref_path(rule.params, name)),
                              f"没有参数「{name}」{did_you_mean(name, book.parameters, 'zh')}")
    variants: list[dict[str, ParameterVersion]] = []
    base = {n: _all_versions(book.parameters[n])[0] for n in names}
    variants.append(base)
    for name in names:
        for version in _all_versions(book.parameters[name]):
            variants.append({**base, name: version})
    for versions in variants:
        try:
            compile_rule(rule, versions)
        except (ValueError, TypeError, ArithmeticError) as exc:
            blamed = _blamed_version(versions, base)
            if blamed is not None:  # a version set apart (an overlay's): at its own line
                raise _version_problem(rule, *blamed, exc) from None
            if not isinstance(exc, ValidationError):
                raise
            errors = exc.errors()
            first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
            loc = dotted(("params", *first["loc"]))  # as the loader names the key
            msg = pydantic_error_en(first)
            zh = None
            if first["type"] == "extra_forbidden" and len(first["loc"]) == 1:
                fields = KINDS[rule.kind].params_model.model_fields
                key = str(first["loc"][-1])
                msg = (f"unknown key for a {rule.kind} rule"
                       f"{did_you_mean(key, fields)}; its params: " + ", ".join(sorted(fields)))
                zh = (f"params 中没有「{key}」这一项{did_you_mean(key, fields, 'zh')}；"
                      f"{rule.kind} 规则的参数有：" + "、".join(sorted(fields)))
            elif (said := pydantic_error_zh(first)) is not None:
                zh = f"{loc}：{said}"
            raise RuleProblem(f"{loc}: {msg}", ("params", *first["loc"]), zh) from None
    bound = compile_rule(rule, base)
    clause_names = bound.clause_names
    if isinstance(bound.kind, ClauseKind):
        for i, clause in enumerate(bound.kind.clauses(bound.params)):
            for lang, text in (("zh", clause.zh), ("en", clause.en)):
                _check_reason(text, f"clause {i + 1} ({lang})")
    for name, ids in rule.overlaps.items():
        if name not in clause_names:
            raise RuleProblem(f"overlaps names {name!r}, which is not a clause of this rule"
                              + (f"{did_you_mean(name, clause_names)}; its clauses: "
                                 f"{', '.join(sorted(clause_names))}" if clause_names
                                 else f"; a {rule.kind} rule has a single clause"),
                              ("overlaps", name),
                              f"overlaps 中的「{name}」不是本规则的条款"
                              + (f"；本规则的条款：{'、'.join(sorted(clause_names))}"
                                 if clause_names else "；本规则只有一项条款"))
        if len(set(ids)) < 2 or not set(rule.catalogue) <= set(ids):
            raise RuleProblem(f"overlaps {name!r} lists the catalogue ids a finding of that clause "
                              f"names: two or more, the rule's own ({', '.join(rule.catalogue)}) "
                              f"among them; got {', '.join(ids) or 'none'}", ("overlaps", name),
                              f"overlaps「{name}」列出该条款的发现所属的目录编号：至少两个，"
                              f"其中包括本规则自己的编号（{'、'.join(rule.catalogue)}）；"
                              f"现为：{'、'.join(ids) or '无'}")
    for citation in rule.source:
        unknown = sorted(set(citation.for_) - clause_names)
        if unknown:
            raise ValueError(f"source {citation.label()} is `for` {unknown[0]!r}, which is not a "
                             f"clause of this rule; its clauses: {', '.join(sorted(clause_names))}"
                             if clause_names else f"source {citation.label()} has `for`, but a "
                             f"{rule.kind} rule has a single clause")


def _blamed_version(versions: Mapping[str, ParameterVersion],
                    base: Mapping[str, ParameterVersion]) -> tuple[str, ParameterVersion] | None:
    """The parameter and version by which ``versions`` differ from ``base`` (the rule's values
    as the rule set first gives them), ``None`` when they do not: what to blame when a rule
    does not compile with ``versions`` but does with ``base``."""
    return next(((name, version) for name, version in versions.items()
                 if version is not base.get(name)), None)


def _version_problem(rule: Rule, name: str, version: ParameterVersion,
                     exc: BaseException) -> RuleProblem:
    """The problem of a parameter version the rule cannot use, at the version's own file and
    line (an overlay's value is the overlay's mistake, not the rule's)."""
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        said = english_message(first["type"], short_input(first.get("input")),
                               first.get("ctx") or {}, first["msg"].removeprefix("Value error, "))
        zh = pydantic_error_zh(first)
    else:
        said, zh = str(exc), getattr(exc, "zh", None)
    scope = f"（{version.overlay}）" if version.overlay else ""
    return RuleProblem(
        f"parameter {name!r}, version {version.label()}: {said} (as rule {rule.id} reads it)",
        (), f"参数 {name} 的取值「{version.words('zh')}」{scope}：{zh or said}"
        f"（规则 {rule.id} 据此判断）", at=(version.file, version.line) if version.file else None)


def _when_values() -> dict[str, frozenset[str]]:
    from ..models import BodyKind, MeetingKind, Outcome, Role

    def values(kind: type[Enum]) -> frozenset[str]:
        return frozenset(str(member.value) for member in kind)

    return {"body_kind": values(BodyKind), "meeting_kind": values(MeetingKind),
            "outcome": values(Outcome), "role": values(Role), "term_role": values(Role)}


_WHEN_VALUES = _when_values()
"""The values a ``when`` guard may test on the fields whose values the record models fix."""


def _all_versions(param: Parameter) -> list[ParameterVersion]:
    out = list(param.values)
    for versions in param.overlays.values():
        out.extend(versions)
    return out


def _check_template(template: str, allowed: frozenset[str], where: str) -> None:
    """A message's placeholders: shaped as a reason's are (:func:`_check_reason`), each
    naming one of ``allowed``."""
    _check_reason(template, where)
    for _, field_name, _, _ in string.Formatter().parse(template):
        if field_name is None:
            continue
        try:
            field_name = split_placeholder(field_name)[0]
        except ValueError as exc:
            raise RuleProblem(f"{where}: {exc}", (), f"{where}：占位符 {{{field_name}}} 写法有误："
                              "带量词的数写作 {数|单数|复数}") from None
        if field_name not in allowed:
            raise RuleProblem(f"{where}: placeholder {{{field_name}}} is not one of "
                              f"{', '.join(sorted(allowed))}{did_you_mean(field_name, allowed)}",
                              (), f"{where}：占位符 {{{field_name}}} 不可用"
                              f"{did_you_mean(field_name, allowed, 'zh')}；可用的有："
                              f"{'、'.join(sorted(allowed))}")


_PLACEHOLDER_NAME = re.compile(r"[A-Za-z_]\w*(?:\|[^|{}.\[\]:!]+\|[^|{}.\[\]:!]+)?")


def _check_reason(text: str, where: str) -> None:
    """A clause's reason names values only as ``{name}`` or ``{count|one|more}``: no format
    spec, conversion, attribute or index (``{present:d}``, ``{subject.amount}``), which would
    fail at the first finding rather than here."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise RuleProblem(f"{where}: {exc} in {text!r}", (),
                          f"{where}：「{text[:80]}」中的花括号不成对（占位符写作 {{名称}}）") from None
    for _, name, spec, conversion in parsed:
        if name is not None and (spec or conversion or not _PLACEHOLDER_NAME.fullmatch(name)):
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise RuleProblem(f"{where}: placeholder {{{shown}}} in {text!r}: a value is named "
                              "{name}, or a count with its noun {count|one|more}", (),
                              f"{where}：「{text[:80]}」中的占位符 {{{shown}}} 写法有误：取值写作 "
                              "{名称}，带量词的数写作 {数|单数|复数}")


def _refs(raw: Any) -> set[str]:
    if isinstance(raw, ParamRef):
        return {raw.param}
    if isinstance(raw, dict):
        if set(raw) == {"param"} and isinstance(raw["param"], str):
            return {raw["param"]}
        return set().union(*(_refs(v) for v in raw.values())) if raw else set()
    if isinstance(raw, list):
        return set().union(*(_refs(v) for v in raw)) if raw else set()
    return set()


def _ref_path(raw: Any, name: str) -> tuple[str | int, ...]:
    """Where inside ``raw`` the reference ``{param: name}`` is (empty if nowhere)."""
    items: Any = raw.items() if isinstance(raw, dict) else enumerate(raw) \
        if isinstance(raw, list) else ()
    if isinstance(raw, dict) and set(raw) == {"param"} and raw["param"] == name:
        return ("param",)
    for key, value in items:
        inner = _ref_path(value, name)
        if inner:
            return (key, *inner)
    return ()


def _substitute(raw: Any, values: Mapping[str, Any]) -> Any:
    if isinstance(raw, dict):
        if set(raw) == {"param"} and isinstance(raw["param"], str):
            return values[raw["param"]]
        return {k: _substitute(v, values) for k, v in raw.items()}
    if isinstance(raw, list):
        return [_substitute(v, values) for v in raw]
    return raw


def _no_fields(values: Mapping[str, int | str]) -> tuple[()]:
    """The guarded values of a fact whose rules guard on no field: none."""
    return ()
