"""What a rule, a citation and a parameter are, as read from ``rules/``."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from string import Formatter
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from .._input_words import quoted_input
from .._words import (
    chinese_number,
    count_with_noun,
    counted,
    day_name,
    due_words,
    share_words,
    split_placeholder,
    threshold_words,
    yuan,
)
from ..errors import short_input
from ..models._base import Problem
from ..models._types import Day, _parse_yuan
from ..report.model import Severity

Slug = str


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Localised(_Strict):
    """The same text in Chinese and English: one line each, printable (a rule set's titles and
    messages reach terminals and CI logs; an escape or a line starting ``::error`` there would
    drive them).

    >>> from pydantic import ValidationError
    >>> try:
    ...     Localised(zh="标题", en="title\\n::error::x")
    ... except ValidationError as error:
    ...     print(error.errors()[0]["msg"])
    Value error, a control character (U+000A) in 'title\\n::error::x'
    """

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)

    @field_validator("zh", "en")
    @classmethod
    def _printable(cls, text: str) -> str:
        if not text.isprintable():
            bad = next(ch for ch in text if not ch.isprintable())
            raise ValueError(f"a control character (U+{ord(bad):04X}) in {text[:60]!r}")
        return text

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class Citation(_Strict):
    """A clause of a source document: its id, 1-based lines in the file, and a short quote.

    The quote is the text as it stands in the file, with the pinyin in brackets removed; it stands
    on every line cited (a clause that runs over two lines is two citations). ``for`` names the
    clauses of the rule's kind this citation decides (``rules show`` lists them): a finding cites
    the citations of the clauses that failed, and the untagged ones when no tagged one failed.

    >>> Citation.model_validate({"document": "SQ-SIFANG", "lines": [382],
    ...                          "quote": "社区居委会主任不得兼任出纳", "for": ["director/cashier"]}).for_
    ['director/cashier']
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True,
                              defer_build=True)

    document: str
    lines: list[int] = Field(min_length=1, max_length=50)
    quote: str = Field(min_length=2, max_length=400)
    for_: list[str] = Field(default_factory=list, alias="for")

    @field_validator("lines")
    @classmethod
    def _positive(cls, lines: list[int]) -> list[int]:
        if any(n < 1 for n in lines):
            raise ValueError("line numbers start at 1")
        return lines

    def label(self) -> str:
        return f"{self.document}:" + ",".join(str(n) for n in self.lines)


class InForce(_Strict):
    from_: Day | None = Field(default=None, alias="from")
    until: Day | None = None

    def covers(self, day: date) -> bool:
        return (self.from_ is None or self.from_ <= day) and (self.until is None or day < self.until)


MAX_WHEN_VALUES = 100
"""The most fields a rule's ``when`` names, and values one field lists: every field has fewer
values than this (a list of 480,000 made the guard an OR of as many comparisons, 1.8 GB)."""


class ParamRef(_Strict):
    """``{param: name}`` in a rule: the value comes from the parameter table."""

    param: str

    def params(self) -> list[str]:
        return [self.param]

    def value_in(self, values: Mapping[str, object]) -> object:
        """The value among ``values`` (parameter name → value); :data:`UNKNOWN` if absent."""
        return values.get(self.param, UNKNOWN)


class ThresholdRef(_Strict):
    """``{share: {param: …}, comparison: {param: …}}``: a share with its reading, said as the
    sources say a threshold (超过半数, 达三分之二以上; more than half, at least two thirds)."""

    share: ParamRef
    comparison: ParamRef | str

    def params(self) -> list[str]:
        return [self.share.param] + ([] if isinstance(self.comparison, str)
                                     else [self.comparison.param])

    def value_in(self, values: Mapping[str, object]) -> object:
        share = self.share.value_in(values)
        comparison = (self.comparison if isinstance(self.comparison, str)
                      else self.comparison.value_in(values))
        if share is UNKNOWN or comparison is UNKNOWN:
            return UNKNOWN
        return Threshold(share=share, comparison=comparison)


class Threshold(_Strict):
    """A share and whether reaching it is enough (``at_least``) or it must be exceeded
    (``more_than``): a text's ``{half}`` says 超过半数 or 达半数以上."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True,
                              defer_build=True)

    share: Fraction
    comparison: str


class DueRef(_Strict):
    """``{day: {param: …}, month_offset: {param: …}}``: the day a report is due, a day of a month
    counted from its period's last month, as a ``deadline`` rule's ``by_day_of_month`` reads
    them, said as the rule says it (次月5日, the 5th of the next month)."""

    day: ParamRef
    month_offset: ParamRef

    def params(self) -> list[str]:
        return [self.day.param, self.month_offset.param]

    def value_in(self, values: Mapping[str, object]) -> object:
        day, offset = self.day.value_in(values), self.month_offset.value_in(values)
        if not isinstance(day, int) or not isinstance(offset, int):  # UNKNOWN
            return UNKNOWN
        return Due(day=day, month_offset=offset)


class Due(_Strict):
    """A day of a month counted from a period's last month (``0`` the month itself)."""

    day: int
    month_offset: int


UNKNOWN: Any = object()
"""A value a text names that the values at hand do not give."""

CHINESE_NUMERALS = "chinese"
"""The one format a text may ask of a value, ``{age:chinese}``: a whole number in Chinese
numerals in a Chinese text (年满十八周岁, 三日内), as the sources write it; digits in English."""


def said(value: object, lang: str, spec: str = "") -> str:
    """A value as a rule's text states it: a share in the sources' words, a threshold with its
    reading, a whole amount without decimals, a number in Chinese numerals where the text asks
    (``{days:chinese}``).

    >>> said(Fraction(2, 3), "zh"), said(18, "zh", "chinese"), said(18, "en", "chinese")
    ('三分之二', '十八', '18')
    >>> said(Threshold(share=Fraction(1, 2), comparison="at_least"), "zh")
    '达半数以上'
    """
    if isinstance(value, Threshold):
        return threshold_words(value.share, value.comparison, lang)
    if isinstance(value, Due):
        return due_words(value.month_offset, value.day, lang)
    if isinstance(value, Fraction):
        return share_words(value, lang)
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return str(int(value))
    if (spec == CHINESE_NUMERALS and lang == "zh" and isinstance(value, int)
            and not isinstance(value, bool)):
        return chinese_number(value)
    return str(value)


def put_values(text: str, values: Mapping[str, object], lang: str) -> str:
    """``text`` with the ``values`` it names put in (:func:`said`, a count with its noun
    agreeing), as a template still: what it names that ``values`` do not give is left to fill
    (a requirement's clause names the fact's values too), and braces stay escaped.

    >>> put_values("只开了{days}天，须不少于{least:chinese}天", {"least": 2}, "zh")
    '只开了{days}天，须不少于二天'
    >>> put_values("{days|day|days}; at least {least|day|days}", {"least": 1}, "en")
    '{days|day|days}; at least 1 day'
    """
    out = []
    for literal, name, spec, conversion in Formatter().parse(text):
        out.append(literal.replace("{", "{{").replace("}", "}}"))
        if name is None:
            continue
        key, forms = split_placeholder(name)
        if key in values:
            shown = said(values[key], lang, spec or "")
            if forms is not None:
                shown = count_with_noun(shown, forms, lang)
            out.append(shown.replace("{", "{{").replace("}", "}}"))
        else:
            out.append(f"{{{name}{'!' + conversion if conversion else ''}"
                       f"{':' + spec if spec else ''}}}")
    return "".join(out)


def placeholders_problem(text: str, names: Collection[str], *, title: bool = False) -> str | None:
    """What is wrong with the placeholders of a text whose every placeholder is one of
    ``names``, each as ``{name}``, ``{name:chinese}`` or ``{count|one|more}``; ``None`` if
    nothing is."""
    for _, name, spec, conversion in Formatter().parse(text):
        if name is None:
            continue
        if split_placeholder(name)[0] not in names:
            return (f"{{{name}}} in {'the title ' if title else ''}{text!r} is not one of "
                    f"{'its ' if title else ''}`values` ({', '.join(sorted(names)) or 'none given'})")
        if conversion or spec not in ("", CHINESE_NUMERALS):
            return (f"{{{name}{'!' + conversion if conversion else ''}:{spec}}} in {text!r}: a "
                    f"value is put in as {{{name}}}, or {{{name}:{CHINESE_NUMERALS}}} for "
                    "Chinese numerals")
    return None


class Title(Localised):
    """A rule's title. A number it states may come from a parameter (``{share}`` with
    ``values: {share: {param: cc.consent_share}}``), so that a finding judged with a place's own
    value (an overlay, a what-if) is not titled with the value it replaced. A number the title
    writes in Chinese numerals is ``{days:chinese}`` (三日内); a share with its reading is
    ``{share: {param: …}, comparison: {param: …}}`` (超过半数); the day a report is due is
    ``{day: {param: …}, month_offset: {param: …}}`` (次月5日). Where the rule set gives a value
    only for places (each county its own deadline), ``general`` says the title for all of them.

    >>> title = Title(zh="须经{share}以上成员同意", en="at least {share} of members",
    ...               values={"share": {"param": "cc.consent_share"}})
    >>> title.filled({"share": Fraction(2, 3)})
    ('须经三分之二以上成员同意', 'at least two thirds of members')
    >>> Title(zh="{days:chinese}日内公示", en="within {days|day|days}",
    ...       values={"days": {"param": "hear.publish_days"}}).filled({"days": 3})
    ('三日内公示', 'within 3 days')
    >>> Title(zh="按时上报（{due}前）", en="on time (by {due})", values={"due": {
    ...     "day": {"param": "d"}, "month_offset": {"param": "m"}}}).filled(
    ...     {"due": Due(day=5, month_offset=1)})
    ('按时上报（次月5日前）', 'on time (by the 5th of the next month)')
    """

    values: dict[str, ParamRef | ThresholdRef | DueRef] = Field(default_factory=dict)
    general: Localised | None = Field(
        default=None, description="the title where a value it names is given only for places "
        "(a county's own deadline, in overlays), not by the rule set for all: what the report's "
        "list of rules, the rule card and docs/rules.md say; a finding is titled with its "
        "place's value")

    @field_validator("values")
    @classmethod
    def _few(cls, values: dict[str, ParamRef | ThresholdRef | DueRef]
             ) -> dict[str, ParamRef | ThresholdRef | DueRef]:
        if len(values) > MAX_WHEN_VALUES:
            raise ValueError(f"a title names at most {MAX_WHEN_VALUES} values")
        return values

    @model_validator(mode="after")
    def _placeholders_are_values(self) -> Title:
        for text in (self.zh, self.en):
            problem = placeholders_problem(text, self.values, title=True)
            if problem is not None:
                raise ValueError(problem)
        for text in (self.general.zh, self.general.en) if self.general else ():
            problem = placeholders_problem(text, ())
            if problem is not None:  # the words for every place name no value
                raise ValueError(f"general: {problem}")
        return self

    def values_in(self, values: Mapping[str, object]) -> dict[str, object] | None:
        """The title's values (by their names) among ``values`` (parameter name → value);
        ``None`` unless all are there."""
        known = {name: ref.value_in(values) for name, ref in self.values.items()}
        return None if any(v is UNKNOWN for v in known.values()) else known

    def filled(self, values: Mapping[str, object]) -> tuple[str, str]:
        """(zh, en) with ``values`` (by the names of :attr:`values`) put in: a share in the
        sources' words (80%, 三分之二), a count with its noun (``{years|year|years}``)."""
        if not self.values:
            return self.zh, self.en
        return (put_values(self.zh, values, "zh").format(),
                put_values(self.en, values, "en").format())


class Rule(_Strict):
    """One rule: an instance of a rule kind with parameters, guards and a citation."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,63}$")
    catalogue: list[str] = Field(min_length=1)
    kind: str
    applies_to: str
    when: dict[str, str | list[str]] = Field(default_factory=dict)
    severity: Severity
    title: Title
    message: Localised
    params: dict[str, Any] = Field(default_factory=dict)
    source: list[Citation] = Field(min_length=1)
    in_force: InForce = InForce()
    jurisdictions: list[str] = Field(
        default_factory=list,
        description="jurisdiction prefixes (e.g. cn/jilin/baicheng/taonan) the rule is limited to; "
        "empty: everywhere")
    overlaps: dict[str, list[str]] = Field(
        default_factory=dict,
        description="clause name → the catalogue ids a finding names when that clause failed, "
        "the first id first: one breach the catalogue lists under two ids (its 'Overlaps'), "
        "reported once")
    file: str = ""
    line: int = 0
    _title_template: Title | None = PrivateAttr(default=None)
    """The title as written, where it names parameter values (``title`` then holds it filled
    with the rule set's own values: :meth:`titled`)."""
    _only: frozenset[str] | None = PrivateAttr(default=None)
    """The names of the only clauses this rule judges (:meth:`judging_only`); ``None``: all."""

    @property
    def only(self) -> frozenset[str] | None:
        """The names of the only clauses this rule judges (:meth:`judging_only`), ``None`` for
        all of them."""
        return self._only

    @property
    def binding_key(self) -> str:
        """What a rule set keeps this rule's bindings by: its id, with the clauses it alone
        judges (:meth:`judging_only`), so that the whole rule and the part of it a place binds
        are never taken for each other.

        >>> rule = Rule.model_construct(id="tpc-preparation")
        >>> rule.binding_key, rule.judging_only(frozenset({"added"})).binding_key
        ('tpc-preparation', 'tpc-preparation#added')
        """
        return self.id if self._only is None else "#".join([self.id, *sorted(self._only)])

    def judging_only(self, clauses: frozenset[str]) -> Rule:
        """This rule judging only its clauses named ``clauses``, under its own id: the rule as
        it applies where no document it cites binds and none of its own catalogue ids was
        adopted, but an id its :attr:`overlaps` name for those clauses was (a place that
        adopted TPC-SESSIONS alone judges ``tpc-preparation``'s ``added`` clause, the added
        session without any presidium decision, and none of its others)."""
        part = self.model_copy()
        part._only = clauses
        return part

    def titled(self, values: Mapping[str, object]) -> Rule:
        """This rule with its title filled with ``values`` (parameter name → value) where the
        title names them: what a rule set gives its rules, with its parameters' values."""
        template = self._title_template or self.title
        known = template.values_in(values)
        if known is not None and template.values:
            zh, en = template.filled(known)
        elif template.values and template.general is not None:  # values only for places
            zh, en = template.general.zh, template.general.en
        else:  # none, or one unknown
            return self  # (the rule set refuses a title naming no parameter of its own)
        titled = self.model_copy(update={"title": Title(zh=zh, en=en)})
        titled._title_template = template
        return titled

    def title_with(self, values: Mapping[str, object]) -> tuple[str, str]:
        """The title (zh, en) with ``values`` (parameter name → value, a finding's) where it
        names them; the rule set's own title otherwise."""
        template = self._title_template
        if template is None:
            return self.title.zh, self.title.en
        known = template.values_in(values)
        return template.filled(known) if known is not None else (self.title.zh, self.title.en)

    @field_validator("when", mode="before")
    @classmethod
    def _few_values(cls, when: Any) -> Any:
        if isinstance(when, dict):
            many = [key for key, value in when.items()
                    if isinstance(value, list) and len(value) > MAX_WHEN_VALUES]
            if len(when) > MAX_WHEN_VALUES or many:
                if many:
                    count = len(when[many[0]])
                    en, zh = f"{many[0]} lists {count:,} values", f"「{many[0]}」列了{count:,}个值"
                else:
                    en, zh = f"it names {len(when):,} fields", f"列了{len(when):,}个字段"
                raise Problem(f"{en}; a `when` names at most {MAX_WHEN_VALUES} fields, and "
                              f"as many values a field",
                              f"{zh}；至多{MAX_WHEN_VALUES}个字段，每个字段至多{MAX_WHEN_VALUES}个值")
        return when

    def selects(self, values: Mapping[str, int | str], partial: bool = False) -> bool:
        """Whether a fact passes the rule's ``when`` guard (text fields equal one of the values);
        ``partial``: ``values`` are only some of its fields, and a field not given may pass.

        Engines evaluate the guard too; this only spares them the cases it rules out.

        >>> rule = Rule.model_construct(when={"body_kind": "residents_committee",
        ...                                   "term_role": ["director", "member"]})
        >>> rule.selects({"body_kind": "party_committee"}, partial=True)
        False
        >>> rule.selects({"body_kind": "residents_committee"}, partial=True)
        True
        """
        for key, wanted in self.when.items():
            if partial and key not in values:
                continue
            value = values.get(key)
            if value != wanted if isinstance(wanted, str) else value not in wanted:
                return False
        return True

    def catalogue_for(self, failed: Sequence[str]) -> list[str]:
        """The catalogue ids a finding names when the clauses ``failed`` (by name): the ids of
        :attr:`overlaps` for a failed clause, in order, then the rule's own.

        >>> rule = Rule.model_construct(catalogue=["HEAR-ESCALATE"], overlaps={
        ...     "major": ["RA-RESERVED", "HEAR-ESCALATE"]})
        >>> rule.catalogue_for(["major"]), rule.catalogue_for(["charter"])
        (['RA-RESERVED', 'HEAR-ESCALATE'], ['HEAR-ESCALATE'])
        """
        named = [i for name in failed for i in self.overlaps.get(name, ())]
        return list(dict.fromkeys([*named, *self.catalogue]))

    def applies_in(self, jurisdiction: tuple[str, ...]) -> bool:
        """Whether a record of ``jurisdiction`` (country first) falls under this rule.

        >>> rule = Rule.model_construct(jurisdictions=["cn/jilin"])
        >>> rule.applies_in(("cn", "jilin", "baicheng")), rule.applies_in(("cn", "anhui"))
        (True, False)
        """
        if not self.jurisdictions:
            return True
        chain = "/".join(jurisdiction)
        return any(chain == prefix or chain.startswith(prefix + "/") for prefix in self.jurisdictions)


ParamValue = Fraction | Decimal | int | str | bool


class ParameterVersion(_Strict):
    """One value of a parameter, in force from ``from`` (inclusive) until ``until`` (exclusive)."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True,
                              defer_build=True)

    from_: Day | None = Field(default=None, alias="from")
    until: Day | None = None
    value: Any
    overlay: str = ""
    reference: Citation | None = Field(
        default=None, description="the clause this value rests on, where it is not the "
        "parameter's own reference (a jurisdiction's own document)")
    file: str = ""
    """The parameter file that set this version (an overlay's own file, for an overlay)."""
    what_if: bool = Field(default=False, description="set by a what-if "
                          "(Rulebook.with_parameter), not by a document: it cites no clause")
    line: int = 0

    def covers(self, day: date) -> bool:
        return (self.from_ is None or self.from_ <= day) and (self.until is None or day < self.until)

    def label(self) -> str:
        since = f" from {self.from_}" if self.from_ else ""
        until = f" until {self.until}" if self.until else ""
        scope = f" [{self.overlay}]" if self.overlay else ""
        return f"{render_value(self.value)}{since}{until}{scope}"

    def words(self, lang: str) -> str:
        """The value and the days in force in ``lang``, without whose overlay it is.

        >>> version = ParameterVersion.model_validate({"value": "4/5", "from": "2021-01-01"})
        >>> version.words("zh"), version.words("en")
        ('4/5，自2021年1月1日起', '4/5 from 1 January 2021')
        """
        shown = render_value(self.value)
        if lang != "zh":
            since = f" from {day_name(self.from_, 'en')}" if self.from_ else ""
            until = f" until {day_name(self.until, 'en')}" if self.until else ""
            return f"{shown}{since}{until}"
        parts = [_VALUES_ZH.get(shown, shown)]
        if self.from_:
            parts.append(f"自{day_name(self.from_, 'zh')}起")
        if self.until:  # exclusive
            parts.append(f"{day_name(self.until, 'zh')}起失效")
        return "，".join(parts)


_VALUES_ZH = {"true": "是", "false": "否", "more_than": "超过（more_than）",
              "at_least": "达到（at_least）", "payee": "收款方（payee）", "purpose": "用途（purpose）"}
"""A yes/no or a choice as Chinese says it (a choice keeps its code, which an overlay writes)."""

_UNITS = {"years": ("year", "年"), "days": ("day", "天")}
"""The noun of a parameter's type that counts: ``5年``, ``3 days``."""


class Parameter(_Strict):
    """A named, dated, jurisdiction-aware value such as the 80% consent share."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True,
                              defer_build=True)

    name: str
    type: str
    description: Localised
    reference: Citation | None = None
    values: list[ParameterVersion]
    overlays: dict[str, list[ParameterVersion]] = Field(default_factory=dict)
    unit: Localised | None = Field(
        default=None, description="what a value counts, where not its type's (an age in 周岁 / "
        "years, where a term is 年): the singular in English")
    choices: dict[str, Localised] = Field(
        default_factory=dict, description="a choice's values in words (more_than: 超过半数 / "
        "more than half): a finding checked with one says it so, not by its code")
    file: str = ""
    line: int = 0

    def described(self, lang: str) -> str:
        """The description, with a choice's values by the codes an overlay writes and in words:
        what a rule card and docs/rules.md say of the parameter.

        >>> Parameter.model_validate({"name": "k", "type": "choice", "values": [],
        ...     "description": {"zh": "分组依据", "en": "what groups expenses"},
        ...     "choices": {"payee": {"zh": "收款方", "en": "the payee"},
        ...                 "purpose": {"zh": "用途", "en": "the purpose"}}}).described("en")
        'what groups expenses; payee (the payee) or purpose (the purpose)'
        """
        if not self.choices:
            return self.description.get(lang)
        if lang == "zh":
            return (f"{self.description.zh}：" + "或".join(
                f"{words.zh}（{code}）" for code, words in self.choices.items()))
        return (f"{self.description.en}; " + " or ".join(
            f"{code} ({words.en})" for code, words in self.choices.items()))

    def value_words(self, value: Any, lang: str) -> str:
        """``value`` as a sentence states it, with the unit the parameter's type gives it: a
        what-if note says ``任期为5年``, not ``为5``.

        >>> term = Parameter.model_validate({"name": "t", "type": "years", "values": [],
        ...                                  "description": {"zh": "任期", "en": "term"}})
        >>> term.value_words(5, "zh"), term.value_words(1, "en")
        ('5年', '1 year')
        """
        if self.unit is not None:
            return counted(value, self.unit.en, lang, self.unit.zh)
        if self.type in _UNITS:
            noun, unit = _UNITS[self.type]
            return counted(value, noun, lang, unit)
        if self.type == "money":
            return yuan(value, lang)
        if value in self.choices:
            return self.choices[value].get(lang)
        if isinstance(value, bool):
            return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
        return render_value(value)

    def version_for(self, jurisdiction: tuple[str, ...], day: date) -> ParameterVersion | None:
        """The value in force on ``day`` for the longest matching jurisdiction prefix."""
        for depth in range(len(jurisdiction), 0, -1):
            versions = self.overlays.get("/".join(jurisdiction[:depth]))
            if versions:
                for version in versions:
                    if version.covers(day):
                        return version
        for version in self.values:
            if version.covers(day):
                return version
        return None


def render_value(value: Any) -> str:
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_SHARE = re.compile(r"^\s*\d{1,9}\s*(/\s*\d{1,9}\s*)?$|^\s*\d{1,9}\.\d{1,9}\s*$")
MAX_SHARE_TERM = 10**8
"""A share's numerator and denominator in lowest terms lie within this: a count of up to 10^7
times a term stays within the durable engine's exact integers (±2^53)."""
MAX_WHOLE = 10**9
"""A whole-number parameter (a count, days, years) lies within ±this."""


def bounded_value(kind: str, raw: Any) -> Any:
    """Refuse, before any arithmetic, a parameter value too large, too precise or malformed:
    shares are ``p/q`` or a decimal whose terms in lowest form are at most
    :data:`MAX_SHARE_TERM`, money is a bounded exact
    amount, whole numbers lie within ±:data:`MAX_WHOLE`."""
    if isinstance(raw, bool) or raw is None:
        return raw
    if kind == "fraction":
        text = str(raw)
        if not isinstance(raw, str | int | Decimal) or not _SHARE.match(text):
            raise Problem(f"expected a share written p/q (such as \"4/5\"), got {short_input(raw)}",
                          f"比例须写成 p/q（如「4/5」），实为{shown_value(raw)}")
        if "/" in text and int(text.split("/")[1]) == 0:
            raise Problem(f"a share p/q needs q > 0, got {short_input(raw)}",
                          f"比例 p/q 的 q 须大于0，实为{shown_value(raw)}")
        share = Fraction("".join(text.split()))
        if max(share.numerator, share.denominator) > MAX_SHARE_TERM:
            raise Problem(f"a share's terms in lowest form must be at most {MAX_SHARE_TERM:,} "
                          f"(such as \"4/5\" or 0.8), got {short_input(raw)}",
                          f"比例约分后分子、分母均不得大于{MAX_SHARE_TERM}（如「4/5」或 0.8），"
                          f"实为{shown_value(raw)}")
    elif kind == "money":
        if isinstance(raw, int | str | Decimal):
            return _parse_yuan(raw)
    elif kind in ("int", "years", "days") and isinstance(raw, int) and not -MAX_WHOLE <= raw <= MAX_WHOLE:
        raise Problem(f"expected a whole number within ±{MAX_WHOLE}, got {short_input(raw)}",
                      f"须为绝对值不超过{MAX_WHOLE}的整数，实为{shown_value(raw)}")
    return raw


def parse_typed(kind: str, raw: Any) -> ParamValue:
    """Read a parameter value of the declared type; floats are refused (use "4/5" or "100.00").

    A refusal is a :class:`~governance_rules.models._base.Problem`: English, and Chinese in ``zh``.
    """
    if isinstance(raw, float):
        raise Problem(f"write {short_input(raw)} exactly, e.g. as a fraction \"4/5\" or a string \"100.00\"",
                      f"{shown_value(raw)}须写成精确值，如分数「4/5」或加引号的「\"100.00\"」")
    if kind == "fraction":
        try:
            value = Fraction(str(raw))
        except (ValueError, ZeroDivisionError):
            raise Problem(f"expected a share written p/q such as \"4/5\", got {short_input(raw)}",
                          f"比例须写成分数，如「4/5」，实为{shown_value(raw)}") from None
        if not 0 < value <= 1:
            raise Problem(f"a share must lie in (0, 1], got {short_input(raw)}",
                          f"比例须大于0且不大于1，实为{shown_value(raw)}")
        return value
    if kind == "money":
        if isinstance(raw, bool) or not isinstance(raw, int | str | Decimal):
            raise Problem(f"expected an amount of yuan, got {short_input(raw)}",
                          f"须为金额（元），实为{shown_value(raw)}")
        try:
            return Decimal(str(raw))
        except ArithmeticError:  # InvalidOperation: "abc"
            raise Problem(f"expected an amount of yuan such as \"100.00\", got {short_input(raw)}",
                          f"须为金额（元），如「100.00」，实为{shown_value(raw)}") from None
    if kind in ("int", "years", "days"):
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise Problem(f"expected a whole number, got {short_input(raw)}",
                          f"须为整数，实为{shown_value(raw)}")
        return raw
    if kind == "bool":
        if not isinstance(raw, bool):
            raise Problem(f"expected true or false, got {short_input(raw)}",
                          f"须为「true」或「false」，实为{shown_value(raw)}")
        return raw
    if kind == "choice":
        if not isinstance(raw, str):
            raise Problem(f"expected a word, got {short_input(raw)}",
                          f"须为文本（选项名），实为{shown_value(raw)}")
        return raw
    raise Problem(f"unknown parameter type {kind!r}", f"没有参数类型「{kind}」")


def shown_value(raw: Any) -> str:
    """A value of a rule set as a Chinese message quotes it: ``「1.5」``, bounded."""
    return quoted_input(short_input(raw))
