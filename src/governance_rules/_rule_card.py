"""One rule as ``governance-rules rules show RULE`` prints it, in Chinese or English.

The card says what a reader of the rule set asks: its catalogue id, severity, which records it
judges, its guard, where it is written, the clauses it cites, the parameter versions it reads
(each place's own) and, as an expression, when a record breaks it. The guard, the parameters
and the expression are shown as the rule file writes them: they are the rule language, not
prose, so the same in both languages.

>>> from governance_rules import load_rulebook
>>> print(rule_card(load_rulebook(), "cc-consent-80", "zh").splitlines()[2])
  严重程度：错误
"""

from __future__ import annotations

import json
import re

from ._simplified import simplified_quote
from ._type_words import type_words
from ._words import chinese_number, ordinal
from .rulebook import ParameterVersion, Rulebook

_LABELS = {
    "en": {"catalogue": "catalogue:  ", "severity": "severity:   ", "kind": "kind:       ",
           "when": "when:       ", "defined": "defined in: ", "sources": "sources:",
           "parameters": "parameters:", "params": "params:     ", "violated": "violated when",
           "always": "always", "decides": " — decides: {}", "overlay": "  (overlay {})",
           "simplified": " (simplified: 「{}」)",
           "each": "{kind} (applies to each {judged})",
           "overlap": "    a breach of the clause \"{clause}\" is also {also}'s: its finding is "
                      "listed under {ids}"},
    "zh": {"catalogue": "目录编号：", "severity": "严重程度：", "kind": "规则类型：",
           "when": "筛选条件：", "defined": "定义位置：", "sources": "依据：",
           "parameters": "参数：", "params": "规则参数：", "violated": "违反条件",
           "always": "无（全部适用）", "decides": "（判定：{}）", "overlay": "（地方规定 {}）",
           "simplified": "（简体：「{}」）",
           "each": "{kind_zh}（{kind}），逐个检查{judged}",
           "overlap": "    违反“{clause}”这一条款的，同时属于{also}：发现列入{ids}"},
}
_KINDS_ZH = {
    "requirement": "要件", "cadence": "定期频次", "count_range": "数量范围", "deadline": "期限",
    "share_threshold": "比例门槛", "acting_within_term": "任期内履职", "term_length": "任期长度",
    "replacement": "成员替换", "reserved_matter": "保留事项", "trigger": "触发事项",
    "signatures": "签字", "splitting": "拆分开支", "tiered_approval": "分级审批",
    "sequence": "先后顺序", "seat_origin": "席位来源",
}
"""The rule kinds (rulebook/kinds) in Chinese; a kind an overlay adds shows its code."""


def rule_card(book: Rulebook, rule_id: str, lang: str) -> str:
    """The card of rule ``rule_id`` in ``lang`` (``zh`` or ``en``), lines ending in newlines."""
    from .rulebook.book import compile_rule
    from .rulebook.conditions import describe

    words = _LABELS["zh" if lang == "zh" else "en"]
    rule = book.rule(rule_id)
    kind = words["each"].format(kind=rule.kind, kind_zh=_KINDS_ZH.get(rule.kind, rule.kind),
                                judged=type_words(rule.applies_to, lang))
    colon = "：" if lang == "zh" else ": "
    reasons = _clause_reasons(book, rule_id, lang)
    listed = "、" if lang == "zh" else ", "
    lines = [
        f"{rule.id}{colon}{rule.title.get(lang)}",
        f"  {words['catalogue']}{', '.join(rule.catalogue)}",
        *(words["overlap"].format(
            clause=_clause_words(name, reasons, lang),
            ids=listed.join(ids), also=listed.join(i for i in ids if i not in rule.catalogue))
          for name, ids in rule.overlaps.items()),
        f"  {words['severity']}{rule.severity.words(lang)}",
        f"  {words['kind']}{kind}",
        f"  {words['when']}"
        f"{json.dumps(rule.when, ensure_ascii=False) if rule.when else words['always']}",
        f"  {words['defined']}{rule.file}:{rule.line}",
        f"  {words['sources']}",
    ]
    for c in rule.source:
        doc = book.documents[c.document]
        decides = words["decides"].format(("；" if lang == "zh" else "; ").join(
            _clause_words(name, reasons, lang) for name in c.for_)) if c.for_ else ""
        title = f"《{doc.title}》" if lang == "zh" else f"({doc.title_in('en')})"
        simplified = simplified_quote(c.quote)  # the document's own characters first
        plain = words["simplified"].format(simplified) if simplified else ""
        lines.append(f"    {c.label()} {title} 「{c.quote}」{plain}{decides}")
    names = book.parameter_names(rule)
    if names:
        lines.append(f"  {words['parameters']}")
        for name in names:
            param = book.parameters[name]
            lines.append(f"    {name}{colon}{param.described(lang)}")
            for version in param.values:
                lines.append(f"      {version_label(version, lang)}")
            for scope, versions in sorted(param.overlays.items()):
                for version in versions:
                    lines.append(f"      {version_label(version, lang)}"
                                 f"{words['overlay'].format(scope)}")
    lines.append(f"  {words['params']}{json.dumps(rule.params, ensure_ascii=False, default=str)}")
    for scope, chosen in _scopes(book, names):
        bound = compile_rule(rule, chosen)
        guard = describe(bound.guard)
        where = (f"（{scope}）" if lang == "zh" else f" ({scope})") if scope else ""
        lines.append(f"  {words['violated']}{where}{colon}"
                     + (f"{guard} and " if guard != "true" else "") + describe(bound.violated))
    return "\n".join(lines) + "\n"


def _clause_reasons(book: Rulebook, rule_id: str, lang: str) -> dict[str, str]:
    """Each named clause of the rule with the reason it gives in ``lang`` (those of one name
    joined), its placeholders as ``…``: what a clause a citation decides says, beside its name.

    >>> from governance_rules import load_rulebook
    >>> _clause_reasons(load_rulebook(), "arch-filing", "zh")["index"]
    '档案没有目录，无目可查'
    """
    from .rulebook.book import compile_rule
    from .rulebook.kinds._clauses import ClauseKind

    rule = book.rule(rule_id)
    bound = compile_rule(rule, {n: book.parameters[n].values[0] if book.parameters[n].values
                                else next(iter(book.parameters[n].overlays.values()))[0]
                                for n in book.parameter_names(rule)})
    if not isinstance(bound.kind, ClauseKind):
        return {}
    said: dict[str, list[str]] = {}
    for clause in bound.kind.clauses(bound.params):
        if clause.name:
            text = _PLACEHOLDER.sub("…", clause.zh if lang == "zh" else clause.en)
            if text not in said.setdefault(clause.name, []):
                said[clause.name].append(text)
    return {name: ("／" if lang == "zh" else " / ").join(texts) for name, texts in said.items()}


_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_TIER = re.compile(r"tier(\d+)")


def _clause_words(name: str, reasons: dict[str, str], lang: str) -> str:
    """A named clause as a reader sees it: the reason it gives (its values as ``…``), a tier
    by its number, else its name (an overlay's kind of its own).

    >>> _clause_words("tier3", {}, "zh"), _clause_words("tier1", {}, "en")
    ('第三档', '1st tier')
    >>> _clause_words("index", {"index": "档案没有目录"}, "zh")
    '档案没有目录'
    """
    if name in reasons:
        return reasons[name]
    tier = _TIER.fullmatch(name)
    if tier is not None:
        n = int(tier.group(1))
        return f"第{chinese_number(n)}档" if lang == "zh" else f"{ordinal(n)} tier"
    return name


def version_label(version: ParameterVersion, lang: str) -> str:
    """A parameter version's value and days in force, as the card lists it (the card says
    whose overlay it is): :meth:`ParameterVersion.words`."""
    return version.words(lang)


def _scopes(book: Rulebook, names: list[str]) -> list[tuple[str, dict[str, ParameterVersion]]]:
    """The first version of each parameter: the base values, else one set per overlay."""
    if all(book.parameters[n].values for n in names):
        return [("", {n: book.parameters[n].values[0] for n in names})]
    scopes = sorted({s for n in names for s in book.parameters[n].overlays})
    out = []
    for scope in scopes:
        versions = {n: (book.parameters[n].overlays.get(scope) or book.parameters[n].values)[0]
                    for n in names
                    if book.parameters[n].overlays.get(scope) or book.parameters[n].values}
        if len(versions) == len(names):
            out.append((scope, versions))
    return out
