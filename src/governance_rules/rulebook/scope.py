"""Which documents bind a community: by the place they were issued for, or by adoption.

A document binds the places it was issued for (``binds:`` in ``rules/ruleset.yaml``, jurisdiction
prefixes; the last step may be a community id). A community may adopt a document in its own record
(``adopts: [HLS-356]``), and an overlay folder may adopt documents, or single catalogue ids, for a
whole jurisdiction (``adopt: {cn/hebei/baoding/laishui: [RD-TOWNSHIP]}``). A rule applies to a
record when one of the documents it cites binds the record's community, or when one of its
catalogue ids was adopted there; where neither, but an id its ``overlaps`` name for a clause was
(one breach the catalogue lists under two ids), it applies with those clauses alone
(:meth:`Scope.judging`). A document part that binds only from a day the community
chose (the SQ-SIFANG model charter, ``charter_lines``) applies from that day: a rule that cites
only such lines applies from the community's ``charter_adopted_on``.

>>> from governance_rules import load_rulebook
>>> scope = scope_for(load_rulebook(), "xinghua-road", ("cn", "shandong", "qingdao", "sifang"))
>>> sorted(scope.applied)
['SQ-SIFANG']
>>> scope.admits(load_rulebook().rule("rc-size"), date(2022, 1, 1))
True
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from ..report.model import Text
from .book import Document, Rulebook
from .model import Rule


@dataclass(frozen=True)
class Scope:
    """The documents that bind one community, each with the reason, and those that do not."""

    applied: Mapping[str, Text]
    not_applied: Mapping[str, Text]
    adopted_ids: frozenset[str] = frozenset()
    charter_from: date | None = None
    charter_parts: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    place: tuple[str, ...] | None = None
    """Where the community's records are judged (:meth:`Rulebook.place_of
    <governance_rules.rulebook.Rulebook.place_of>`): the parameter versions and the rules'
    ``jurisdictions`` of its chain, and of the community itself where the rule set names it;
    ``None``: the facts' own jurisdiction."""
    _admits: dict[str, tuple[Rule | None, bool]] = field(default_factory=dict, repr=False)
    """Rule id → the rule as this community judges it (:meth:`judging`), and whether it cites
    only the charter's lines."""
    _admitted: dict[int, tuple[tuple[Rule, ...], tuple[Rule, ...], tuple[Rule, ...]]] = field(
        default_factory=dict, repr=False)

    @cached_property
    def admission(self) -> Hashable:
        """What decides which rules :meth:`admitted` gives on either side of the charter day:
        the documents applied, the catalogue ids adopted and the charter's parts. Communities
        with the same admission pair their facts with the same rules
        (:meth:`Rulebook.pairings <governance_rules.rulebook.Rulebook.pairings>`)."""
        return (frozenset(self.applied), self.adopted_ids,
                frozenset(self.charter_parts.items()))

    def admits(self, rule: Rule, day: date) -> bool:
        """Whether ``rule`` applies in this community to a record dated ``day`` (whole, or only
        some of its clauses: :meth:`judging`)."""
        judged, charter_only = self._binding(rule)
        if judged is None:
            return False
        return not charter_only or (self.charter_from is not None and self.charter_from <= day)

    def judging(self, rule: Rule) -> Rule | None:
        """``rule`` as this community judges it: whole where a document it cites binds here or
        one of its own catalogue ids was adopted here; where neither, but an overlay adopted
        here an id that its :attr:`~.model.Rule.overlaps` name for some of its clauses (one
        breach the catalogue lists under two ids), the rule judging those clauses alone
        (:meth:`~.model.Rule.judging_only`); ``None`` where it does not apply.

        >>> from governance_rules import load_rulebook
        >>> book = load_rulebook()
        >>> rule = book.rule("tpc-preparation")
        >>> scope = Scope({}, {}, frozenset({"TPC-SESSIONS"}))
        >>> sorted(scope.judging(rule).only)
        ['added']
        >>> Scope({}, {}, frozenset({"TPC-PREPARATION"})).judging(rule) is rule
        True
        """
        return self._binding(rule)[0]

    def overlapping(self, rule: Rule) -> dict[str, list[str]]:
        """The clauses of ``rule`` this community judges through its overlaps alone, each with
        the ids adopted here that bring it (empty where the whole rule applies, or none of it)."""
        judged = self.judging(rule)
        if judged is None or judged.only is None:
            return {}
        return {name: [i for i in rule.overlaps[name] if i in self.adopted_ids]
                for name in sorted(judged.only)}

    def _binding(self, rule: Rule) -> tuple[Rule | None, bool]:
        cached = self._admits.get(rule.id)
        if cached is None:
            cited = {c.document for c in rule.source}
            judged: Rule | None = rule
            if not (cited & set(self.applied) or set(rule.catalogue) & self.adopted_ids):
                clauses = frozenset(name for name, ids in rule.overlaps.items()
                                    if not self.adopted_ids.isdisjoint(ids))
                judged = rule.judging_only(clauses) if clauses else None
            cached = self._admits[rule.id] = (judged, self._charter_only(rule))
        return cached

    def admitted(self, rules: tuple[Rule, ...], day: date) -> tuple[Rule, ...]:
        """Those of ``rules`` that :meth:`admits` on ``day``, in their order.

        Asked with the rules that select a kind of fact (:meth:`Rulebook.rules_selecting`
        gives the same tuple to every fact of a kind): the answer is worked out once a tuple,
        for before and from the day the charter was adopted.

        >>> from governance_rules import load_rulebook
        >>> book = load_rulebook()
        >>> scope = scope_for(book, "xinghua-road", ("cn", "shandong", "qingdao", "sifang"))
        >>> rules = (book.rule("rc-size"), book.rule("tpc-sessions"))
        >>> [r.id for r in scope.admitted(rules, date(2022, 1, 1))]
        ['rc-size']
        """
        hit = self._admitted.get(id(rules))
        if hit is None or hit[0] is not rules:  # kept with its answer: its id is not reused
            before = tuple(self._binding(r)[0] or r for r in rules if self.admits(r, date.min))
            after = (before if self.charter_from is None else
                     tuple(self._binding(r)[0] or r for r in rules
                           if self.admits(r, self.charter_from)))
            hit = self._admitted[id(rules)] = (rules, before, after)
        return hit[2] if self.charter_from is not None and self.charter_from <= day else hit[1]

    def _charter_only(self, rule: Rule) -> bool:
        for citation in rule.source:
            span = self.charter_parts.get(citation.document)
            if span is None or not all(span[0] <= n <= span[1] for n in citation.lines):
                return False
        return True


def _within(prefix: str, chain: str) -> bool:
    return chain == prefix or chain.startswith(prefix + "/")


def _place_words(doc: Document) -> dict[str, str]:
    """The place a document binds, as its registry names it, with the scope's path in brackets
    (``山东省青岛市四方区（cn/shandong/qingdao/sifang）``); empty where the registry names no
    place or the document binds several."""
    place = doc.place
    if place is None or len(doc.binds) != 1 or not place.zh or not place.en:
        return {"zh": "", "en": ""}
    return {"zh": f"{place.zh}（{doc.binds[0]}）", "en": f"{place.en} ({doc.binds[0]})"}


def scope_for(book: Rulebook, community_id: str | None, jurisdiction: Iterable[str],
              adopts: Iterable[str] = (), charter_adopted_on: date | None = None) -> Scope:
    """The scope of the community ``community_id`` in ``jurisdiction`` under ``book``."""
    chain = tuple(jurisdiction)
    place = "/".join(chain)
    full = f"{place}/{community_id}" if community_id else place
    own = set(adopts)
    adopted_here = {i for prefix, ids in book.adoptions.items() if _within(prefix, full)
                    for i in ids}
    applied: dict[str, Text] = {}
    not_applied: dict[str, Text] = {}
    # the catalogue ids adopted here, by the documents their rules cite: a document not bound
    # here may still have some of its procedures adopted (an overlay's ``adopt``)
    ids_of: dict[str, set[str]] = {}
    for catalogue_id in adopted_here - set(book.documents):
        for rule in book.rules_for_catalogue(catalogue_id):
            for citation in rule.source:
                ids_of.setdefault(citation.document, set()).add(catalogue_id)
    for doc_id, doc in sorted(book.documents.items()):
        where = next((p for p in doc.binds if _within(p, full)), None)
        named = _place_words(doc)
        apart = sorted(own.intersection(doc.unless_adopted))  # a village, not a township
        if where is not None and apart and doc_id not in own | adopted_here:
            not_applied[doc_id] = Text(
                zh=f"适用范围：{named['zh'] or where}，但不含采用{'、'.join(apart)}的社区"
                   "（本社区已采用）",
                en=f"issued for {named['en'] or where}, but not for a community that adopted "
                   f"{', '.join(apart)}, as this one did")
        elif where is not None:
            applied[doc_id] = Text(zh=f"适用范围：{named['zh'] or where}",
                                   en=f"issued for {named['en'] or where}")
        elif doc_id in own:
            applied[doc_id] = Text(zh="本社区已采用", en="adopted by the community")
        elif doc_id in adopted_here:
            applied[doc_id] = Text(zh="规则叠加层为本辖区采用", en="adopted for this place by an "
                                   "overlay")
        elif doc.binds:
            some = sorted(ids_of.get(doc_id, ()))
            not_applied[doc_id] = Text(
                zh=f"仅适用于{named['zh'] or '、'.join(doc.binds)}，本社区未采用"
                + (f"（规则叠加层为本辖区采用了其中的{'、'.join(some)}）" if some else ""),
                en=f"binds only {named['en'] or ', '.join(doc.binds)}; not adopted here"
                + (f" (its {', '.join(some)} adopted for this place by an overlay)"
                   if some else ""))
        else:
            not_applied[doc_id] = Text(zh="未指明适用地方，本社区未采用",
                                       en="names no place it binds; not adopted here")
    parts = {d: doc.charter_lines for d, doc in book.documents.items()
             if doc.charter_lines is not None}
    return Scope(applied, not_applied, frozenset(adopted_here - set(book.documents)),
                 charter_adopted_on, parts, book.place_of(chain, community_id))
