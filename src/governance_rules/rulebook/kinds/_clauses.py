"""Kinds made of several clauses, each a way to fail with its own reason."""

from __future__ import annotations

import weakref
from abc import abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from string import Formatter
from typing import Any, TypeVar

from ..._words import count_with_noun, day_name, in_words, period_name, split_placeholder
from ...facts.schema import Fact
from ...report._trusted import trusted
from ...report.model import Text
from ..conditions import Condition, Predicate, any_of, compile_native, condition_fields
from ._base import Explanation, KindParams, RuleKind, day_texts

P = TypeVar("P", bound=KindParams)


@dataclass(frozen=True)
class Clause:
    """One way to break the rule: a condition, the reason it gives (zh, en), and its name.

    The name is what a rule's citations point at with ``for:``, so that a finding cites the
    clause that failed; an unnamed clause is decided by the rule's untagged citations.
    """

    when: Condition
    zh: str
    en: str
    name: str = ""


class ClauseKind(RuleKind[P]):
    """A rule broken when any of its clauses holds; the finding lists every clause that held."""

    message_fields = frozenset({"reasons", "body_name", "person", "person_name", "subject", "day",
                                "purpose", "amount", "payee", "term_days"})
    fact_fields_in_messages = True

    @abstractmethod
    def clauses(self, params: P) -> list[Clause]: ...

    def judged(self, params: P) -> list[Clause]:
        """The clauses judged with ``params``: all of :meth:`clauses`, or those of them its
        :attr:`~._base.KindParams.only` names (a rule bound in a place through its overlaps
        alone)."""
        clauses = self.clauses(params)
        only = params.only
        return clauses if only is None else [c for c in clauses if c.name in only]

    def violated(self, params: P) -> Condition:
        return any_of(*(c.when for c in self.judged(params)))

    def clause_names(self, params: P) -> frozenset[str]:
        return frozenset(c.name for c in self.clauses(params) if c.name)

    def measured(self, fact: Fact, params: P) -> Text | None:
        """What the record shows, when the failed clauses' reasons do not say it best."""
        return None

    def required(self, params: P) -> Text | None:
        """What the rule asks, when the rule's title does not say it best."""
        return None

    def shortfall(self, fact: Fact, params: P, failed: tuple[str, ...]) -> Text | None:
        """By how much the record falls short, where the kind measures it (还差7, 逾期3天,
        超出1年10天); ``failed``: the names of the clauses that failed. Where it gives none,
        none is given for one failed clause (its reason says it) and a count for several."""
        return None

    def derived(self, fact: Fact, params: P) -> dict[str, str]:
        """Names the clauses' reasons may use beyond the fact's own (e.g. a gap in days)."""
        return {}

    def explain(self, fact: Fact, params: P) -> Explanation:
        compiled = _compiled(self, params)
        values = fact.values
        judged = compiled.judged
        if len(judged) > 1:  # a rule of one clause was broken by it: no need to ask
            judged = tuple([j for j in judged if j.holds(values)])
        failing = compiled.failing.get(judged)
        if failing is None:
            failing = compiled.failing_of(judged)
        derived = self.derived(fact, params) if compiled.derives else None
        names = fact.names
        texts = {**names, **derived} if derived else names
        zh, en = _Names(texts, fact, "zh"), _Names(texts, fact, "en")
        if len(judged) == 1:  # most findings: one clause failed
            clause = judged[0].clause
            reasons_zh, reasons_en = clause.zh.format_map(zh), clause.en.format_map(en)
        else:
            reasons_zh = "；".join([j.clause.zh.format_map(zh) for j in judged])
            reasons_en = "; ".join([j.clause.en.format_map(en) for j in judged])
        measured = self.measured(fact, params) if compiled.measures else None
        short = self.shortfall(fact, params, failing.names) if compiled.shorts else None
        return Explanation(
            dict(
                measured=measured or trusted(Text, zh=reasons_zh, en=reasons_en),
                required=compiled.required,
                shortfall=short or failing.shortfall,
                numerator=None, denominator=None, denominator_basis=None,
                dates=day_texts(fact),
                details=_used(failing, fact),
            ),
            _BothLanguages(zh, en, names, values, {
                "reasons": {"zh": reasons_zh, "en": reasons_en},
                "body_name": names.get("body_name", ""),
                "person": names.get("person", ""),
                "person_name": names.get("person_name", ""),
            }),
            failed=failing.names,
        )


RULE_TITLE = trusted(Text, zh="", en="")
"""Stands for "what the rule's title says"; the checker puts the title in its place."""


@lru_cache(maxsize=64)
def _not_met(count: int) -> Text | None:
    """How many of a rule's clauses failed, in words, where more than one did (one object a
    count: report models are frozen); none for one, which the reason says already."""
    if count < 2:
        return None
    return trusted(Text, zh=f"{count}项要求未满足",
                   en=f"{count} requirement{'' if count == 1 else 's'} not met")


@dataclass(frozen=True, eq=False)
class _Judged:
    """A clause compiled once for a rule's parameters: its test, and the fields it decides on
    and names in its reasons (with their stems, see :func:`_stem`). Equal only to itself: a
    finding looks up what its failed clauses share by them (:attr:`_Compiled.failing`)."""

    clause: Clause
    holds: Predicate
    fields: frozenset[str]
    stems: frozenset[str]


@dataclass(frozen=True)
class _Failing:
    """What the findings that fail the same clauses of a rule share, made once: the clauses'
    names, how many failed in words, and the fields they decided on and named (with their
    stems); by the names a fact gives, the fields its ``details`` report (see :func:`_used`)."""

    names: tuple[str, ...]
    shortfall: Text | None
    fields: frozenset[str]
    stems: frozenset[str]
    reported: dict[tuple[str, ...], list[str]] = field(default_factory=dict)


_REPORTED_KEPT = 64
"""How many sets of a fact's names a :class:`_Failing` keeps the reported fields of (the facts
of a kind give the same few)."""

_FAILING_KEPT = 256
"""How many sets of failed clauses a :class:`_Compiled` keeps what they share of."""


@dataclass(frozen=True)
class _Compiled:
    """What a finding needs of a rule's parameters, made once: its clauses compiled, what the
    rule asks in words (:data:`RULE_TITLE` where the rule's title says it), whether the kind
    derives names, says what was measured or by how much it falls short itself, and by the
    clauses that failed what their findings share."""

    judged: tuple[_Judged, ...]
    required: Text
    derives: bool
    measures: bool
    shorts: bool
    failing: dict[tuple[_Judged, ...], _Failing] = field(default_factory=dict)

    def failing_of(self, judged: tuple[_Judged, ...]) -> _Failing:
        """:attr:`failing`'s entry for the failed clauses ``judged``, made at their first
        finding."""
        if len(self.failing) >= _FAILING_KEPT:
            self.failing.clear()
        made = self.failing[judged] = _Failing(
            tuple([j.clause.name for j in judged if j.clause.name]), _not_met(len(judged)),
            frozenset().union(*[j.fields for j in judged]),
            frozenset().union(*[j.stems for j in judged]))
        return made


_JUDGED_CACHED = 4096
_judged: dict[int, tuple[weakref.ref[Any], _Compiled]] = {}
"""Each parameters object's compiled clauses and requirement; an entry leaves when its
parameters do (a what-if's rule set, dropped, takes its entries with it: they used to keep its
parameters alive)."""


def _compiled(kind: ClauseKind[P], params: P) -> _Compiled:
    """``kind``'s clauses and requirement for ``params``, made once per parameters object (the
    rulebook binds each rule's parameters once a place and day; a finding used to rebuild
    them)."""
    hit = _judged.get(id(params))
    if hit is not None and hit[0]() is params:
        return hit[1]
    judged = []
    for clause in kind.judged(params):
        fields = set(condition_fields(clause.when))
        for text in (clause.zh, clause.en):
            fields |= {split_placeholder(name)[0] for _, name, _, _ in Formatter().parse(text)
                       if name}
        stems = frozenset(_stem(w) for f in fields for w in f.split("_")) - {""}
        judged.append(_Judged(clause, compile_native(clause.when), frozenset(fields), stems))
    kind_type = type(kind)
    compiled = _Compiled(tuple(judged), kind.required(params) or RULE_TITLE,
                         kind_type.derived is not ClauseKind.derived,
                         kind_type.measured is not ClauseKind.measured,
                         kind_type.shortfall is not ClauseKind.shortfall)
    if len(_judged) >= _JUDGED_CACHED:
        _judged.clear()
    key, ref = id(params), weakref.ref(params)
    _judged[key] = (ref, compiled)
    weakref.finalize(params, _forget, key, ref)
    return compiled


def _forget(key: int, ref: weakref.ref[Any]) -> None:
    """Drop the entry of parameters that are gone (unless the key already holds another's)."""
    hit = _judged.get(key)
    if hit is not None and hit[0] is ref:
        del _judged[key]


def _used(failing: _Failing, fact: Fact) -> dict[str, str]:
    """The values the failed clauses decided on and named, and the notes about them (who held
    the seat that day, …): only the facts the rule used, not everything known of the record."""
    names, values = fact.names, fact.values
    given = tuple(names)
    reported = failing.reported.get(given)
    if reported is None:
        fields = failing.fields
        if failing.stems:
            fields = fields | _names_sharing(failing.stems, given)
        if len(failing.reported) >= _REPORTED_KEPT:
            failing.reported.clear()
        reported = failing.reported[given] = sorted(fields)
    out = {}
    for name in reported:
        if text := names.get(name):
            out[name] = text
        elif name in _DAY_ORDINALS and isinstance(values.get(name), int):
            out[name] = date.fromordinal(int(values[name])).isoformat()
        elif name in values:
            out[name] = str(values[name])
    return out


_TWINS = ("_zh", "_en")
"""A name's words in one language (``missing_zh``, ``missing_en``) beside its codes: for
messages, not for ``details``."""


@lru_cache(maxsize=4096)
def _names_sharing(stems: frozenset[str], names: tuple[str, ...]) -> frozenset[str]:
    """The ``names`` with a word whose stem is one of ``stems``: the notes about the fields a
    rule used (a name's twin in one language, see :data:`_TWINS`, is none). Remembered by the
    names, never their values: the facts of a kind give the same few."""
    return frozenset(name for name in names if not name.endswith(_TWINS)
                     and not stems.isdisjoint(_name_stems(name)))


@lru_cache(maxsize=4096)
def _name_stems(name: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in name.split("_"))


def _stem(word: str) -> str:
    """A word of a field's name cut to four letters (``seated`` → ``seat``); empty for short or
    general words that would relate every field to every other."""
    return "" if len(word) < 4 or word in _GENERAL else word[:4]


_GENERAL = frozenset({"missing", "days", "count", "recorded", "time", "body", "name", "kind",
                      "total", "known", "found", "late", "none", "subject", "period",
                      "least", "most", "from", "until"})

_DAY_ORDINALS = frozenset({"act_day", "term_end"})
"""Fields the facts give as day ordinals (so that the engines compare whole numbers)."""


class _Names(dict[str, str]):
    """The fact's names for a message in ``lang``, each put in words when a text asks for it
    (a fact has many names, a message a few): period codes (``2022-Q3``) and ISO days as
    words; a name's twin in the language (``missing_areas_zh``, ``ledger_missing_en``: labels
    where the name itself holds codes) where the facts give one; ``?`` for a name the fact
    does not give.

    ``texts`` are the fact's names, with a clause kind's derived names (e.g. a gap in days) in
    their place; a fact's value no name gives is its text.

    >>> from datetime import date
    >>> from governance_rules.facts.schema import RecordRef
    >>> from governance_rules.records.dossier import Where
    >>> fact = Fact("roster", RecordRef("pc", "body", Where("b.yaml", 1, "body")),
    ...             date(2022, 1, 1), (), {"seated": 7, "gap": 3}, names={"seated": "seven"})
    >>> names = _Names({**fact.names, "gap": "3 days"}, fact, "en")
    >>> names["seated"], names["gap"], names["day"], names["missing"]
    ('seven', '3 days', '1 January 2022', '?')
    """

    __slots__ = ("_fact", "_lang", "_texts", "_values")  # two a finding: made bare

    def __init__(self, texts: Mapping[str, str], fact: Fact, lang: str) -> None:
        self._texts, self._values, self._fact, self._lang = texts, fact.values, fact, lang

    def __missing__(self, key: str) -> str:
        texts, values, lang = self._texts, self._values, self._lang
        if key == "day":
            value = day_name(self._fact.day, lang)
        elif "|" in key:  # a count with its noun: {days|day|days} (its form checked on loading)
            count, forms = split_placeholder(key)
            value = count_with_noun(self[count], forms, lang) if forms else "?"
        elif key in texts or key in values:
            twin = f"{key}_{lang}"
            named = twin if twin in texts or twin in values else key
            given = texts[named] if named in texts else str(values[named])
            if given == "-":
                value = _NOT_RECORDED[lang]
            elif "-" in given or " (" in given:  # else in_words leaves it as it is: not called
                value = in_words(given, lang, self._fact.people)
            else:
                value = given
            if key in ("period", "subject"):
                value = period_name(value, lang)
        elif key in ("period", "subject"):
            value = ""
        else:
            return "?"
        self[key] = value
        return value


_NOT_RECORDED = {"zh": "未记录", "en": "not recorded"}
"""What a reader sees where the facts give ``-`` (no day, nobody, no seal on the record): the
words, never the dash."""

_IN_WORDS_ALWAYS = frozenset({"subject", "period", "day"})
"""Values a message may name whatever the fact gives: in words, or empty (see :class:`_Names`)."""


class _BothLanguages(dict[str, "str | Mapping[str, str]"]):
    """A message's values: the fixed ones given, the fact's names in both languages and its
    other values as text, each on use (the record's subject, period and day too: most
    messages name none of them). A value with a twin in either language (``form_en``) is
    that language's words.

    >>> from datetime import date
    >>> from governance_rules.facts.schema import RecordRef
    >>> from governance_rules.records.dossier import Where
    >>> fact = Fact("roster", RecordRef("pc", "body", Where("b.yaml", 1, "body")),
    ...             date(2022, 1, 1), (), {"form": "general_branch", "seated": 5},
    ...             names={"form_en": "general branch"})
    >>> both = _BothLanguages(_Names(fact.names, fact, "zh"), _Names(fact.names, fact, "en"),
    ...                       fact.names, fact.values, {})
    >>> both["form"]["en"], both["seated"]
    ('general branch', '5')
    """

    __slots__ = ("_en", "_names", "_values", "_zh")  # one a finding: made bare

    def __init__(self, zh: _Names, en: _Names, names: Mapping[str, str],
                 values: Mapping[str, int | str], fixed: dict[str, str | Mapping[str, str]]
                 ) -> None:
        self.update(fixed)
        self._zh, self._en, self._names, self._values = zh, en, names, values

    def __missing__(self, key: str) -> str | Mapping[str, str]:
        value: str | Mapping[str, str]
        names = self._names
        if (key in names or key in _IN_WORDS_ALWAYS or f"{key}_zh" in names
                or f"{key}_en" in names):
            value = {"zh": self._zh[key], "en": self._en[key]}
        elif key in self._values:
            value = str(self._values[key])
        else:
            raise KeyError(key)
        self[key] = value
        return value
