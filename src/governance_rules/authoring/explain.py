"""Why a rule fired, or did not, on one record: ``governance-rules explain RULE RECORD PATH``.

For each case the record gives the rule (a meeting gives one; a body gives one per period),
the explanation walks the path a check takes: whether the rule judges this kind of record, whether
one of the documents it cites binds the community (or it was adopted there), the model charter's
adoption day, the places the rule is limited to, its days in force, its ``when`` guard and the
parameter versions in force (with the overlay each comes from); then each condition of the rule
with the values it read, and the verdict the engine gave, with the finding's message.

>>> from governance_rules import load_rulebook
>>> from governance_rules.records.loader import dossier_from_data
>>> dossier = dossier_from_data({"c.yaml": {"community": {
...     "id": "c", "name": "x", "jurisdiction": ["cn"], "adopts": ["SQ-SIFANG"]}}})
>>> try:
...     explain_dossiers(load_rulebook(), "rc-size", "c", [dossier])
... except ExplainError as exc:
...     print(str(exc).split(";")[0])
rule rc-size judges rosters
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .._checker import (
    COMMAND_LINE,
    DayOptions,
    _fact_options,
    _no_days,
    _scope_of,
    _window_for,
    finding_for,
    parameter_uses,
)
from .._names import did_you_mean
from .._said import Said
from .._terminal import terminal_safe
from .._type_words import type_words
from .._words import day_name
from ..engines import get_engine
from ..errors import InputError
from ..facts import Fact, Window, build_facts
from ..facts._window import calendar
from ..records.dossier import Dossier
from ..report.model import Finding, Text
from ..rulebook import Rule, Rulebook
from ..rulebook.conditions import All, Cmp, Condition, Field
from ..rulebook.model import render_value
from ..rulebook.scope import Scope


class ExplainError(Said):
    """The rule or record asked about is not there (with the nearest valid name), said in
    English (``str(error)``) and in Chinese (:meth:`text`)."""


@dataclass(frozen=True)
class Check:
    """One question on the way to a verdict: does the rule apply on this count?"""

    check: str
    ok: bool
    text: Text


@dataclass(frozen=True)
class ParameterRead:
    name: str
    value: str
    in_force_from: str | None
    until: str | None
    overlay: str | None
    file: str
    line: int | None


@dataclass(frozen=True)
class ConditionRead:
    """A condition and what it came to on the record: a comparison with the values it read,
    or all/any of further conditions."""

    holds: bool
    op: str
    text: str = ""
    items: tuple[ConditionRead, ...] = ()


@dataclass
class CaseExplanation:
    """The explanation for one case: one fact of the record, judged by one rule."""

    rule: Rule
    fact: Fact
    checks: list[Check] = field(default_factory=list)
    parameters: list[ParameterRead] = field(default_factory=list)
    condition: ConditionRead | None = None
    verdict: str = "not_applicable"
    finding: Finding | None = None

    @property
    def applies(self) -> bool:
        return all(c.ok for c in self.checks)


def explain_dossiers(book: Rulebook, rule_id: str, record: str, dossiers: Iterable[Dossier], *,
                     engine: str = "native", as_of: date | None = None,
                     window: tuple[date | None, date | None] = (None, None)
                     ) -> list[CaseExplanation]:
    """Explain rule ``rule_id`` on the record ``record`` (its id, or ``file:id``)."""
    ids = [r.id for r in book.rules]
    if rule_id not in ids:
        raise ExplainError(f"no rule {rule_id!r}{did_you_mean(rule_id, ids)}; see "
                           "`governance-rules rules`",
                           f"没有规则「{rule_id}」{did_you_mean(rule_id, ids, 'zh')}；"
                           "规则一览见 `governance-rules rules`")
    rule = book.rule(rule_id)
    runner = get_engine(engine)
    out: list[CaseExplanation] = []
    unselected: list[CaseExplanation] = []
    same_type: set[str] = set()
    other_type: dict[str, str] = {}
    checked: list[Window] = []
    for dossier in dossiers:
        days = _window_for(dossier, as_of, window)
        if days.start > days.end:  # refused, as a check refuses it (days_not_asked)
            continue
        checked.append(days)
        facts = build_facts(dossier, as_of, days, _fact_options(book, dossier))
        scope, _ = _scope_of(book, dossier)
        for fact in facts:
            if fact.type == rule.applies_to and rule.selects(fact.values):
                same_type.add(fact.ref.id)  # and its record's id (a motion's meeting), which
                same_type.add(fact.ref.id.partition("/")[0])  # RECORD may name as well
            named = _names(fact, record)
            if not named:
                continue
            if fact.type != rule.applies_to:
                other_type.setdefault(fact.type, fact.ref.id)
                continue
            if named == "part" and not rule.selects(fact.values):
                if not unselected:  # the cases of a body the guard leaves out: one tells why
                    unselected.append(_explain(book, rule, fact, scope, dossier, runner))
                continue
            out.append(_explain(book, rule, fact, scope, dossier, runner))
    if out or unselected:
        return out or unselected
    no_period = _no_whole_period(rule, checked)
    if no_period is not None:
        raise no_period
    judged_en = type_words(rule.applies_to, "en", many=True)
    judged_zh = type_words(rule.applies_to, "zh")
    if other_type:
        kinds = sorted(other_type)
        raise ExplainError(
            f"rule {rule_id} judges {judged_en}; record {record!r} gives only "
            f"{', '.join(type_words(k, 'en', many=True) for k in kinds)} "
            f"({', '.join(kinds)}), so the rule does not apply to it",
            f"规则 {rule_id} 逐个检查{judged_zh}；记录「{record}」只涉及"
            f"{'、'.join(type_words(k, 'zh') for k in kinds)}，本规则不适用于该记录")
    known = sorted(same_type)
    listed = ", ".join(known[:12]) + (" …" if len(known) > 12 else "")
    raise ExplainError(
        f"no record {record!r} gives a case of rule {rule_id} (it judges {judged_en})"
        f"{did_you_mean(record, known)}; records it selects: {listed or 'none in these files'}",
        f"没有记录「{record}」可供规则 {rule_id} 检查{did_you_mean(record, known, 'zh')}；"
        f"该规则逐个检查{judged_zh}，"
        + (f"这些文件中可检查的有：{'、'.join(known[:12])}{' 等' if len(known) > 12 else ''}"
           if known else "这些文件中没有可检查的记录"))


_PERIOD_NOUNS = {"month": ("month", "月份"), "bimonth": ("two-month period", "两个月周期"),
                 "quarter": ("quarter", "季度"), "half": ("half year", "半年"),
                 "year": ("year", "年度")}
"""A calendar period a rule judges (its ``when`` granularity), as a sentence names it."""


def _no_whole_period(rule: Rule, checked: Sequence[Window]) -> ExplainError | None:
    """Why a rule judging whole calendar periods (``granularity: month``) has no case on the
    days ``checked`` (a dossier's each), where they hold none of its periods (5 to 25 March,
    for a monthly rule): not that the rule does not apply to the record. ``None`` where some
    period lies wholly within them, or the rule judges no calendar period."""
    wanted = rule.when.get("granularity")
    granularities = [wanted] if isinstance(wanted, str) else list(wanted or ())
    if (not checked or not granularities or not all(g in _PERIOD_NOUNS for g in granularities)
            or any(calendar(g, days) for g in granularities for days in checked)):
        return None
    en = " or ".join(_PERIOD_NOUNS[g][0] for g in granularities)
    zh = "或".join(_PERIOD_NOUNS[g][1] for g in granularities)
    spans = list(dict.fromkeys((days.start, days.end) for days in checked))
    spans_en = "; ".join(f"{day_name(a, 'en')} to {day_name(b, 'en')}" for a, b in spans)
    spans_zh = "；".join(f"{day_name(a, 'zh')}至{day_name(b, 'zh')}" for a, b in spans)
    return ExplainError(
        f"rule {rule.id} judges each whole {en}; the days checked ({spans_en}) hold no whole "
        f"{en}, so there is no case of it to explain",
        f"规则 {rule.id} 逐个检查完整的{zh}；检查的期间（{spans_zh}）不含完整的{zh}，"
        "没有可供解释的情形")


def days_not_asked(dossier: Dossier, as_of: date | None,
                   window: tuple[date | None, date | None],
                   named: DayOptions = COMMAND_LINE) -> InputError | None:
    """The input error a check gives ``dossier`` when none of the days asked for is one its
    records cover (``records_cover`` from 1 January 2022 and ``--to 2021-06-30``), or
    ``None``: explain says the same, and explains nothing of it, rather than "no record …
    records it selects: none in these files". ``named``: what the caller calls the days (the
    command line's flags by default: explain is a command)."""
    days = _window_for(dossier, as_of, window)
    return _no_days(dossier, as_of, window, days, named) if days.start > days.end else None


def _relative(file: str) -> str:
    from pathlib import Path

    try:
        return str(Path(file).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return file


def _names(fact: Fact, record: str) -> str:
    """How ``record`` names ``fact``: ``"exact"`` (its id, or ``file:id``), ``"part"`` (the
    leading part of its id, such as a body's id for the body's periods), or not (``""``)."""
    if record in (fact.ref.id, f"{fact.ref.where.file}:{fact.ref.id}"):
        return "exact"
    return "part" if fact.ref.id.startswith(record + "/") else ""


def _explain(book: Rulebook, rule: Rule, fact: Fact, scope: Scope, dossier: Dossier,
             runner: Any) -> CaseExplanation:
    out = CaseExplanation(rule, fact)
    out.checks.append(_scope_check(book, rule, scope))
    charter = _charter_check(rule, fact, scope)
    if charter is not None:
        out.checks.append(charter)
    place = scope.place or fact.jurisdiction  # where the check judges it
    out.checks.append(_jurisdiction_check(rule, place))
    out.checks.append(_in_force_check(rule, fact))
    out.checks.extend(_guard_checks(rule, fact))
    params_ok = True
    for name in book.parameter_names(rule):
        param = book.parameters[name]
        version = param.version_for(place, fact.day)
        if version is None:
            params_ok = False
            out.checks.append(Check("parameters", False, Text(
                zh=f"参数 {name} 在{day_name(fact.day, 'zh')}于{'/'.join(place)}无适用取值",
                en=f"parameter {name} has no value in force on {fact.day} in "
                   f"{'/'.join(place)}")))
            continue
        out.parameters.append(ParameterRead(
            name, render_value(version.value),
            version.from_.isoformat() if version.from_ else None,
            version.until.isoformat() if version.until else None,
            version.overlay or None,
            "" if version.what_if else _relative(version.file or param.file),
            None if version.what_if else (version.line if version.file else param.line) or None))
    if not out.applies or not params_ok:
        return out
    bound = book.bind(scope.judging(rule) or rule, place, fact.day)
    if bound is None:  # pragma: no cover - every reason is a check above
        return out
    out.condition = read_condition(bound.violated, fact.values)
    verdict = runner.evaluate([(bound, fact)])[0]
    out.verdict = {0: "not_applicable", 1: "passed", 2: "violated"}[int(verdict)]
    if out.verdict == "violated":
        community = dossier.community.record.id if dossier.community else None
        out.finding = finding_for(bound, fact, book, parameter_uses(book, bound), community,
                                  scope)
    return out


def _scope_check(book: Rulebook, rule: Rule, scope: Scope) -> Check:
    cited = sorted({c.document for c in rule.source})
    binding = [d for d in cited if d in scope.applied]
    adopted = sorted(set(rule.catalogue) & scope.adopted_ids)
    if binding:
        reasons_zh = "；".join(f"{d}（{scope.applied[d].zh}）" for d in binding)
        reasons_en = "; ".join(f"{d} ({scope.applied[d].en})" for d in binding)
        return Check("scope", True, Text(zh=f"所引文件对本社区有效：{reasons_zh}",
                                         en=f"a document it cites binds this community: "
                                            f"{reasons_en}"))
    if adopted:
        return Check("adoption", True, Text(
            zh=f"规则叠加层为本辖区采用了{'、'.join(adopted)}",
            en=f"an overlay adopted {', '.join(adopted)} for this place"))
    overlapping = scope.overlapping(rule)
    if overlapping:
        ids = sorted({i for brought in overlapping.values() for i in brought})
        names = sorted(overlapping)
        return Check("adoption", True, Text(
            zh=f"规则叠加层为本辖区采用了{'、'.join(ids)}；本规则条款"
               f"{'、'.join(f'「{n}」' for n in names)}所查的违反，目录也列在该编号下（重合），"
               "本规则只按该条款检查",
            en=f"an overlay adopted {', '.join(ids)} for this place; the breach the rule's "
               f"clause {', '.join(repr(n) for n in names)} finds is listed under it too (the "
               "catalogue's Overlaps), and only that clause is judged"))
    why_zh = "；".join(f"{d}{scope.not_applied[d].zh}" for d in cited if d in scope.not_applied)
    why_en = "; ".join(f"{d} {scope.not_applied[d].en}" for d in cited if d in scope.not_applied)
    return Check("scope", False, Text(
        zh=f"所引文件均不约束本社区，也未被采用：{why_zh}",
        en=f"no document it cites binds this community, and none of its catalogue ids was "
           f"adopted here: {why_en}"))


def _charter_check(rule: Rule, fact: Fact, scope: Scope) -> Check | None:
    if not scope._charter_only(rule):
        return None
    since = scope.charter_from
    if since is None:
        return Check("charter", False, Text(
            zh="本规则只引用示范章程条款，本社区记录未写明章程采用日期",
            en="the rule cites only model-charter clauses, and the community record gives no "
               "day it adopted the charter (charter_adopted_on)"))
    ok = since <= fact.day
    return Check("charter", ok, Text(
        zh=f"本社区于{day_name(since, 'zh')}采用章程，记录日期{day_name(fact.day, 'zh')}"
           + ("在其后" if ok else "在其前"),
        en=f"the community adopted the charter on {day_name(since, 'en')}; the record is dated "
           f"{day_name(fact.day, 'en')}, "
           + ("on or after it" if ok else "before it")))


def _jurisdiction_check(rule: Rule, chain: tuple[str, ...]) -> Check:
    place = "/".join(chain)
    if not rule.jurisdictions:
        return Check("jurisdiction", True, Text(zh="本规则不限于特定地方",
                                                en="the rule is not limited to a place"))
    ok = rule.applies_in(chain)
    listed = ", ".join(rule.jurisdictions)
    return Check("jurisdiction", ok, Text(
        zh=f"本规则限于{'、'.join(rule.jurisdictions)}；记录所在辖区{place}"
           + ("在其内" if ok else "不在其内"),
        en=f"the rule is limited to {listed}; the record's jurisdiction {place} is "
           + ("within it" if ok else "outside it")))


def _in_force_check(rule: Rule, fact: Fact) -> Check:
    start, until = rule.in_force.from_, rule.in_force.until
    ok = rule.in_force.covers(fact.day)
    if start is None and until is None:
        return Check("in_force", True, Text(zh="本规则无生效期限限制", en="the rule is always in force"))
    span_zh = ((f"自{day_name(start, 'zh')}起" if start else "")
               + (f"至{day_name(until, 'zh')}前" if until else ""))
    span_en = (f"from {day_name(start, 'en')}" if start else "") + (
        " " if start and until else "") + (f"until {day_name(until, 'en')}" if until else "")
    return Check("in_force", ok, Text(
        zh=f"本规则{span_zh}有效；记录日期{day_name(fact.day, 'zh')}"
           + ("在有效期内" if ok else "不在有效期内"),
        en=f"the rule is in force {span_en}; the record is dated {day_name(fact.day, 'en')}, "
           + ("within it" if ok else "outside it")))


def _guard_checks(rule: Rule, fact: Fact) -> list[Check]:
    if not rule.when:
        return [Check("guard", True, Text(zh="本规则不设筛选条件",
                                          en="the rule has no `when` guard"))]
    out = []
    for key, wanted in sorted(rule.when.items()):
        values = [wanted] if isinstance(wanted, str) else list(wanted)
        read = fact.values.get(key)
        ok = read in values
        out.append(Check("guard", ok, Text(
            zh=f"筛选条件 {key} 须为 {' 或 '.join(values)}：记录中为 {read}",
            en=f"`when` {key} is {' or '.join(values)}: the record has {read}")))
    return out


def read_condition(cond: Condition, values: dict[str, int | str]) -> ConditionRead:
    """``cond`` evaluated on ``values``, each comparison with the values it read.

    >>> from governance_rules.rulebook.conditions import Cmp, Field
    >>> read_condition(Cmp(Field("present", 2), "<=", Field("seated")), {"present": 5, "seated": 10}).text
    '2×present (2×5 = 10) <= seated (10)'
    """
    if isinstance(cond, Cmp):
        left = _term(cond.left, values)
        right = _term(cond.right, values)
        holds = _compare(_value(cond.left, values), cond.op, _value(cond.right, values))
        return ConditionRead(holds, cond.op, f"{left} {cond.op} {right}")
    items = tuple(read_condition(c, values) for c in cond.items)
    if isinstance(cond, All):
        return ConditionRead(all(i.holds for i in items), "all", items=items)
    return ConditionRead(any(i.holds for i in items), "any", items=items)


def _value(term: Field | int | str, values: dict[str, int | str]) -> int | str:
    if isinstance(term, Field):
        value = values[term.name]
        return value * term.times if isinstance(value, int) else value
    return term


def _term(term: Field | int | str, values: dict[str, int | str]) -> str:
    if not isinstance(term, Field):
        return repr(term) if isinstance(term, str) else str(term)
    read = values[term.name]
    shown = repr(read) if isinstance(read, str) else str(read)
    if term.times == 1:
        return f"{term.name} ({shown})"
    return f"{term.times}×{term.name} ({term.times}×{shown} = {_value(term, values)})"


def _compare(left: int | str, op: str, right: int | str) -> bool:
    from ..rulebook.conditions import _OPS

    return _OPS[op](left, right)


VERDICTS = {
    "not_applicable": Text(zh="不适用", en="does not apply"),
    "passed": Text(zh="适用且符合", en="applies and passes"),
    "violated": Text(zh="适用且违反", en="applies and is violated"),
}

_HEADINGS = {
    "applies": Text(zh="是否适用", en="Does it apply?"),
    "parameters": Text(zh="所用参数", en="Parameters used"),
    "none": Text(zh="（无）", en="(none)"),
    "conditions": Text(zh="违反条件（成立即违反）", en="Violated when (the rule fails if this holds)"),
    "verdict": Text(zh="结论", en="Verdict"),
    "all": Text(zh="以下全部成立", en="all of"),
    "any": Text(zh="以下任一成立", en="any of"),
    "holds": Text(zh="成立", en="holds"),
    "fails": Text(zh="不成立", en="does not hold"),
    "overlay": Text(zh="地方规定", en="overlay"),
    "what_if": Text(zh="假设取值，无文件依据", en="a what-if value, from no file"),
    "from": Text(zh="自{day}起", en="from {day}"),
    "until": Text(zh="{day}起失效", en="until {day}"),
    "not_reached": Text(zh="未评估：规则不适用", en="not evaluated: the rule does not apply"),
}


def render_text(explanations: Sequence[CaseExplanation], lang: str = "en") -> str:
    """The explanations as a reader would want them, in ``lang`` (``zh`` or ``en``)."""
    return "\n".join(_render_one(e, lang) for e in explanations)


def _render_one(e: CaseExplanation, lang: str) -> str:
    h = {k: v.get(lang) for k, v in _HEADINGS.items()}
    fact, rule = e.fact, e.rule
    where = f"{fact.ref.where.file}:{fact.ref.where.line}" if fact.ref.where.line else \
        fact.ref.where.file
    place = "/".join(fact.jurisdiction)
    if lang == "zh":
        head = (f"规则 {rule.id}（{rule.title.zh}）对记录 {fact.ref.id}（{where}），"
                f"日期 {day_name(fact.day, 'zh')}，辖区 {place}")
    else:
        head = (f"rule {rule.id} ({rule.title.en}) on {fact.ref.type} {fact.ref.id} ({where}), "
                f"dated {day_name(fact.day, 'en')}, in {place}")
    lines = [head, f"  {h['applies']}"]
    lines.extend(f"    {'✓' if c.ok else '✗'} {c.text.get(lang)}" for c in e.checks)
    lines.append(f"  {h['parameters']}")
    if not e.parameters:
        lines.append(f"    {h['none']}")
    for p in e.parameters:
        parts = [f"{p.name} = {p.value}"]
        if p.in_force_from:
            parts.append(h["from"].format(day=_day_in(p.in_force_from, lang)))
        if p.until:
            parts.append(h["until"].format(day=_day_in(p.until, lang)))
        if p.overlay:
            parts.append(f"{h['overlay']} {p.overlay}")
        where = f"{p.file}:{p.line}" if p.line else p.file or h["what_if"]
        lines.append(f"    {' · '.join(parts)}  ({where})")
    lines.append(f"  {h['conditions']}")
    if e.condition is None:
        lines.append(f"    {h['not_reached']}")
    else:
        lines.extend(_render_condition(e.condition, h, 4))
    verdict = VERDICTS[e.verdict].get(lang)
    lines.append(f"  {h['verdict']}{'：' if lang == 'zh' else ': '}{verdict}")
    if e.finding is not None:
        lines.append(f"    {e.finding.message.get(lang)}")
        if e.finding.source is not None:
            s = e.finding.source
            lines.append(f"    {s.document}:{','.join(map(str, s.lines))} 「{s.quote}」")
    # a record's text (a title, an id) cannot start a line or drive the terminal
    return "\n".join(map(terminal_safe, lines)) + "\n"


def _day_in(iso: str, lang: str) -> str:
    """An ISO day in words, as the text around it is written (2021年1月1日, 1 January 2021)."""
    return day_name(date.fromisoformat(iso), lang)


def _render_condition(c: ConditionRead, h: dict[str, str], indent: int) -> list[str]:
    mark = "✓" if c.holds else "✗"
    state = h["holds"] if c.holds else h["fails"]
    pad = " " * indent
    if not c.items and c.op in ("all", "any"):
        return [f"{pad}{mark} {'true' if c.op == 'all' else 'false'} — {state}"]
    if not c.items:
        return [f"{pad}{mark} {c.text} — {state}"]
    lines = [f"{pad}{mark} {h[c.op]} — {state}"]
    for item in c.items:
        lines.extend(_render_condition(item, h, indent + 2))
    return lines


def to_json(explanations: Sequence[CaseExplanation]) -> list[dict[str, Any]]:
    """The explanations as plain data (``--format json``)."""
    return [{
        "rule": e.rule.id,
        "kind": e.rule.kind,
        "record": {"id": e.fact.ref.id, "type": e.fact.ref.type, "file": e.fact.ref.where.file,
                   "line": e.fact.ref.where.line},
        "date": e.fact.day.isoformat(),
        "jurisdiction": list(e.fact.jurisdiction),
        "applies": e.applies,
        "checks": [{"check": c.check, "ok": c.ok, "text": {"zh": c.text.zh, "en": c.text.en}}
                   for c in e.checks],
        "parameters": [{"name": p.name, "value": p.value, "from": p.in_force_from,
                        "until": p.until, "overlay": p.overlay, "file": p.file, "line": p.line}
                       for p in e.parameters],
        "violated_when": _condition_json(e.condition) if e.condition else None,
        "verdict": e.verdict,
        "verdict_text": {"zh": VERDICTS[e.verdict].zh, "en": VERDICTS[e.verdict].en},
        "finding": e.finding.model_dump(mode="json") if e.finding else None,
    } for e in explanations]


def _condition_json(c: ConditionRead) -> dict[str, Any]:
    if c.op in ("all", "any"):
        return {c.op: [_condition_json(i) for i in c.items], "holds": c.holds}
    return {"compare": c.text, "op": c.op, "holds": c.holds}
