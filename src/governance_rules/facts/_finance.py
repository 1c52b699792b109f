"""Facts of the finance rules read from the rosters over time (SQ-SIFANG:382, :384, :386).

Who keeps the accounts, the cash and the goods, and whether the residence-affairs supervision
group is seated, must hold *on every date*; so these facts are built from day spans (a term of a
seat, cut by the span of a duty held with it), not from the roster of one day. A span is a pair
of days, both included.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from datetime import date
from functools import partial
from types import MappingProxyType
from typing import Any

from .._words import counted
from ..models import Audit, AuditKind, Body, BodyKind, Duty, Expense, Ledger, Role
from ..records.dossier import Dossier, Located, RefusedRecord
from ._periods import body_start
from ._seats import _who_zh, located_bodies
from ._seats import who as _who
from ._spans import EARLY, Span, clip, days, far, merge, overlap, uncovered
from ._window import Window, calendar, happened
from .schema import Fact, RecordRef


class Books:
    """What the account books and the asset register hold, indexed once per dossier: which
    expenses are entered (FIN-BOOKS, SQ-SIFANG:383), which days the cash was balanced (日清,
    :384), which expenses are in the fixed-asset register (FIN-ASSET-REGISTER, :127)."""

    def __init__(self, dossier: Dossier) -> None:
        self.entered = {(b.record.body, e.expense) for b in dossier.ledgers
                        for e in b.record.entries}
        self.balanced = {(b.record.body, d) for b in dossier.ledgers for d in b.record.balanced_on}
        self.registered = {e.expense for r in dossier.asset_registers for e in r.record.entries
                           if e.expense is not None}

    def values(self, expense: Expense) -> dict[str, int]:
        return {"entered": int((expense.body, expense.id) in self.entered),
                "balanced": int((expense.body, expense.paid_on) in self.balanced),
                "fixed_asset": int(expense.fixed_asset),
                "asset_registered": int(expense.id in self.registered)}


LeftOutRecords = dict[tuple[str, str], list[tuple[frozenset[str], date | None, Located[Any]]]]
"""The records left out for their input errors that a fact of a record (not a period's count)
would have read, by the fact's type and what it is looked up by (:func:`left_out_for`): each
with the fact's fields it would have changed and the day it is dated (``None``: none known)."""

_ENTRY, _DAILY = frozenset({"entered"}), frozenset({"balanced"})
_REVIEWS = frozenset({"reviews_by_group", "reviews_other", "unpublished", "published_early"})
_HANDOVER = frozenset({"handover_audit", "handover_days_before", "handover_days_after",
                       "handover_audits_own"})


def left_out_records(dossier: Dossier, as_of: date | None = None) -> LeftOutRecords:
    """What each record of ``dossier.left_out`` would have given the finance facts: an account
    book's entry of an expense or its cash balanced on the payment day (FIN-BOOKS, by the
    expense), a supervision group's quarterly review (FIN-AUDIT, by the body and the quarter
    its day falls in), a handover audit naming a person (FIN-HANDOVER, by the person, its day
    refused or not). A finding on such a fact names them, as a period's names what it would
    have counted (docs/record-format.md); what is dated after ``as_of`` had not happened."""
    out: LeftOutRecords = {}
    paid = {e.record.id: (e.record.body, e.record.paid_on) for e in dossier.expenses}
    for located in dossier.left_out:
        record = located.record
        if isinstance(record, Ledger):
            balanced = set(record.balanced_on)
            named = {e.expense for e in record.entries}
            for expense, (body, day) in paid.items():
                fields = (_ENTRY if expense in named else frozenset()) | (
                    _DAILY if body == record.body and day in balanced else frozenset())
                if fields:
                    out.setdefault(("expense", expense), []).append((fields, None, located))
        elif isinstance(record, Audit) and happened(record.date, as_of):
            if record.kind is AuditKind.QUARTERLY_REVIEW:
                out.setdefault(("audit_quarter", record.body), []).append(
                    (_REVIEWS, record.date, located))
            elif record.kind is AuditKind.HANDOVER and record.person is not None:
                out.setdefault(("term", record.person), []).append(
                    (_HANDOVER, record.date, located))
        elif (isinstance(record, RefusedRecord) and record.model is Audit
              and record.texts.get("kind") == AuditKind.HANDOVER.value
              and (person := record.texts.get("person"))):
            out.setdefault(("term", person), []).append((_HANDOVER, None, located))
    return out


def left_out_for(fact: Fact, records: LeftOutRecords, reads: Collection[str]
                 ) -> list[tuple[date, Located[Any]]]:
    """The records of :func:`left_out_records` that ``fact`` would have read, for a rule that
    reads the fields ``reads``: each with its day (else the fact's), as a period names the
    records it would have counted. A quarter's are those dated in it."""
    values = fact.values
    kind = fact.type
    key = (str(values.get("person", "")) if kind == "term"
           else str(values.get("body", "")) if kind == "audit_quarter" else fact.ref.id)
    found = records.get((kind, key))
    if not found:
        return []
    first, last = fact.dates.get("period_start"), fact.dates.get("period_end")
    return [(day or fact.day, located) for fields, day, located in found
            if not fields.isdisjoint(reads)
            and (first is None or last is None or (day is not None and first <= day <= last))]


def finance_facts(dossier: Dossier, window: Window) -> Iterator[Fact]:
    """One ``finance_duties`` fact per residents' committee over the window, and one
    ``audit_quarter`` fact per residents' committee and quarter wholly inside it."""
    rosters: _Rosters | None = None  # the same for every committee: worked out once
    for located in located_bodies(dossier, BodyKind.RESIDENTS_COMMITTEE):
        yield from _audit_quarters(dossier, located, window)
        rosters = rosters or _rosters(dossier)
        fact = _duties(dossier, located, window, rosters)
        if fact is not None:
            yield fact


_Rosters = tuple[dict[Duty, dict[str, list[Span]]], dict[str, list[Span]],
                 dict[str, list[Span]], dict[str, list[Span]]]
"""Who holds each duty, and the committee's directors, deputy directors and workers, by day."""


def _rosters(dossier: Dossier) -> _Rosters:
    return (duty_days(dossier),
            _held(dossier, {BodyKind.RESIDENTS_COMMITTEE: (Role.DIRECTOR,)}),
            _held(dossier, {BodyKind.RESIDENTS_COMMITTEE: (Role.DEPUTY_DIRECTOR,)}),
            _held(dossier, WORKER_SEATS))


def _held(dossier: Dossier, seats: Mapping[BodyKind, tuple[Role, ...]]
          ) -> dict[str, list[Span]]:
    """person → the days they hold a seat (of the roles ``seats`` gives a body of its kind)."""
    out: dict[str, list[Span]] = {}  # each person's days merged below: their order is moot
    for kind, roles in seats.items():
        for body in dossier.bodies_of_kind(kind):
            for seat in body.seats:
                for term in seat.terms:
                    if (term.role or seat.role) in roles:
                        out.setdefault(seat.person, []).append((term.start, far(term.end)))
    return {p: merge(s) for p, s in out.items()}


_ALL_DUTIES = tuple(Duty)


def duty_days(dossier: Dossier, wanted: tuple[Duty, ...] = _ALL_DUTIES
              ) -> dict[Duty, dict[str, list[Span]]]:
    """duty → person → the days they hold it (a duty counts only while its seat is held); every
    duty of ``wanted`` in one pass over the seats (the archive facts want one of them)."""
    out: dict[Duty, dict[str, list[Span]]] = {duty: {} for duty in wanted}
    for located in dossier.bodies.values():
        for seat in located.record.seats:
            duties = seat.duties
            if not duties:  # most seats hold none
                continue
            held: dict[Duty, list[Span]] = {}
            for d in duties:
                if d.duty in out:
                    held.setdefault(d.duty, []).append((d.start or EARLY, far(d.end)))
            if not held:
                continue
            terms = merge((t.start, far(t.end)) for t in seat.terms)
            for duty, spans in held.items():
                out[duty].setdefault(seat.person, []).extend(overlap(merge(spans), terms))
    return {duty: {p: merge(s) for p, s in by_person.items()} for duty, by_person in out.items()}


# -- who keeps the accounts, the cash and the goods -------------------------------------------

WORKER_SEATS: Mapping[BodyKind, tuple[Role, ...]] = MappingProxyType({
    BodyKind.RESIDENTS_COMMITTEE: (Role.WORKER,),
    BodyKind.AFFAIRS_CENTRE: (Role.DIRECTOR, Role.WORKER)})
"""The seats of a professional community worker (职业社区工作者): a `worker` seat on the
residents' committee, and every seat of the affairs centre, its director's included
(社区事务受理中心由3—5名职业社区工作者组成,设主任1人, SQ-SIFANG:154): FIN-STAFF's (:382; 副主任
is a `deputy_director` seat on the residents' committee) and FIN-HANDOVER's (:387)."""


def _duties(dossier: Dossier, located: Located[Body], window: Window,
            rosters: _Rosters) -> Fact | None:
    body = located.record
    start = body_start(body)
    lo = max(window.start, start) if start is not None else window.start
    hi = window.end
    if lo > hi:
        return None
    on_duty, all_directors, deputies, workers = rosters
    keepers = {duty: {p: clip(s, lo, hi) for p, s in on_duty[duty].items()} for duty in Duty}
    directors = {p: clip(s, lo, hi) for p, s in all_directors.items()}
    held: dict[str, list[tuple[str, list[Span]]]] = {}  # a note's key → (person, their days)

    def clash(a: dict[str, list[Span]], b: dict[str, list[Span]], key: str) -> int:
        """Days on which one person is in both ``a`` and ``b``; the evidence names them, each
        with the days (the rule's text says what they held)."""
        total = 0
        for person in sorted(set(a) & set(b)):
            both = overlap(a[person], b[person])
            if both:
                total += days(both)
                held.setdefault(key, []).append((person, both))
        return total

    def unqualified(duty: Duty, seats: list[dict[str, list[Span]]], key: str) -> int:
        """Days ``duty`` was held without one of ``seats``; the evidence names who, each with
        the days (the rule's text says which seat was missing)."""
        total = 0
        for person, spans in sorted(keepers[duty].items()):
            cover = merge(s for held in seats for s in held.get(person, []))
            left = uncovered(spans, cover)
            if left:
                total += days(left)
                held.setdefault(key, []).append((person, left))
        return total

    accountants, cashiers = keepers[Duty.ACCOUNTANT], keepers[Duty.CASHIER]
    goods = keepers[Duty.GOODS_KEEPER]
    values: dict[str, int | str] = {
        "body": body.id, "body_kind": body.kind.value,
        "accountant_cashier_days": clash(accountants, cashiers, "accountant_cashier"),
        "director_cashier_days": clash(directors, cashiers, "director_cashier"),
        "goods_accountant_days": clash(goods, accountants, "goods_accountant"),
        "goods_cashier_days": clash(goods, cashiers, "goods_cashier"),
        "accountant_unqualified_days": unqualified(Duty.ACCOUNTANT, [deputies, workers],
                                                   "accountant_seat"),
        "cashier_unqualified_days": unqualified(Duty.CASHIER, [workers], "cashier_seat"),
    }
    names = {"body_name": body.name, "subject": body.name,
             "from": lo.isoformat(), "to": hi.isoformat(),
             **{name: text for key, people in held.items()
                for name, text in _breakdown(dossier, key, people).items()}}
    return Fact("finance_duties", RecordRef(body.id, "body", located.where()), hi,
                dossier.jurisdiction, values, {"from": lo, "to": hi}, names)


# -- FIN-AUDIT: the supervision group, its quarterly review and the publication ---------------


def _audit_quarters(dossier: Dossier, located: Located[Body], window: Window) -> Iterator[Fact]:
    body = located.record
    start = body_start(body)
    group_bodies = {b.id: b for b in dossier.bodies_of_kind(BodyKind.SUPERVISION_COMMITTEE)}
    seated = merge(s for b in group_bodies.values() for seat in b.seats
                    for s in ((t.start, far(t.end)) for t in seat.terms))
    audits = [a.record for a in dossier.audits
              if a.record.body == body.id and a.record.kind is AuditKind.QUARTERLY_REVIEW]
    roster = _roster_words(dossier, [s.person for b in group_bodies.values() for s in b.seats])
    for labelled in calendar("quarter", window):  # cached, each with its label
        period = labelled.period
        if start is not None and period.start < start:
            continue
        gaps = uncovered([(period.start, period.end)], seated)
        by_group, other, unpublished, early, other_zh = [], [], [], [], []
        unpublished_zh, early_zh = [], []
        for audit in sorted((a for a in audits if period.start <= a.date <= period.end),
                            key=lambda a: (a.date, a.id)):
            group = group_bodies.get(audit.by or "")
            if group is None or not group.seated_members_on(audit.date):
                en, zh = _other_review(dossier, audit, group)
                other.append(en)
                other_zh.append(zh)
                continue
            by_group.append(f"{audit.id} ({audit.date}, by {group.name})")
            if audit.published_on is None:
                unpublished.append(f"{audit.id} ({audit.date})")
                unpublished_zh.append(f"{audit.date}审查的「{audit.id}」")
            elif audit.published_on < audit.date:
                early.append(f"{audit.id} (published {audit.published_on}, reviewed {audit.date})")
                early_zh.append(f"「{audit.id}」于{audit.published_on}公布，{audit.date}才审查")
        label = labelled.label
        yield Fact(
            "audit_quarter", RecordRef(f"{body.id}/audit/{label}", "period", located.where()),
            period.end, dossier.jurisdiction,
            {"body": body.id, "body_kind": body.kind.value, "group_gap_days": days(gaps),
             "reviews_by_group": len(by_group), "reviews_other": len(other),
             "unpublished": len(unpublished), "published_early": len(early)},
            {"period_start": period.start, "period_end": period.end}, {},
            partial(_audit_names, body.name, label, gaps, by_group, other, other_zh,
                    (unpublished, unpublished_zh), (early, early_zh), roster))


def _other_review(dossier: Dossier, audit: Audit, group: Body | None) -> tuple[str, str]:
    """A review that is not the supervision group's, by its day and who made it, the body by
    its name (``the review of 2022-06-28 by 居委会 (a2)`` / ``2022-06-28由居委会所作的审查（a2）``):
    the reader is told what it was, not the record's codes."""
    made_by = dossier.bodies.get(audit.by or "")
    if audit.by is None:
        return (f"the review of {audit.date}, by nobody recorded ({audit.id})",
                f"{audit.date}所作、未记录审查方的审查（{audit.id}）")
    if made_by is None:
        return (f"the review of {audit.date} by {audit.by} ({audit.id})",
                f"{audit.date}由「{audit.by}」所作的审查（{audit.id}）")
    name = made_by.record.name
    if group is not None:  # the group's own, on a day it had nobody seated
        return (f"the review of {audit.date} by {name}, which had no member seated that day "
                f"({audit.id})", f"{audit.date}由{name}所作的审查（{audit.id}），当日该小组无在任成员")
    return (f"the review of {audit.date} by {name} ({audit.id})",
            f"{audit.date}由{name}所作的审查（{audit.id}）")


def _audit_names(body_name: str, label: str, gaps: list[Span], by_group: list[str],
                 other: list[str], other_zh: list[str],
                 unpublished: tuple[list[str], list[str]], early: tuple[list[str], list[str]],
                 roster: dict[str, str]) -> dict[str, str]:
    """An ``audit_quarter`` fact's names, in words: only a finding reads them (``unpublished``
    and ``early``: each review named in English and in Chinese)."""
    return {"body_name": body_name, "subject": label, "period": label,
            "group_gap": (f"{counted(days(gaps), 'day', 'en')} from {gaps[0][0]}"
                          if gaps else ""),
            "group_gap_zh": (f"自{gaps[0][0]}起" if gaps else ""),
            "reviews": "; ".join(by_group) or "none",
            "other_reviews": "; ".join(other) or "none",
            "other_reviews_zh": "；".join(other_zh) or "无",
            "other_reviews_note": (f"; not counted: {'; '.join(other)}" if other else ""),
            "other_reviews_note_zh": (f"；不计入的审查：{'；'.join(other_zh)}"
                                      if other_zh else ""),
            "unpublished": "; ".join(unpublished[0]), "published_early": "; ".join(early[0]),
            "unpublished_zh": "；".join(unpublished[1]),
            "published_early_zh": "；".join(early[1]),
            **roster}


def _roster_words(dossier: Dossier, people: list[str]) -> dict[str, str]:
    """Who the supervision group's roster lists, as a sentence of its own: a finding says it
    after the days without the group, not in a bracket around the names' own brackets."""
    if not people:
        return {"group_roster": "there is no supervision group roster",
                "group_roster_zh": "档案中没有居务监督小组名册"}
    return {"group_roster": "the supervision group's roster lists "
                            + ", ".join(_who(dossier, p) for p in people),
            "group_roster_zh": "居务监督小组名册所列为"
                               + "、".join(_who_zh(dossier, p) for p in people)}


def _breakdown(dossier: Dossier, key: str, people: list[tuple[str, list[Span]]]
               ) -> dict[str, str]:
    """Who, and on which days, as the evidence ``key`` and its Chinese twin ``key_zh``: each
    person from their first day, with their days where there are several people (with one,
    the rule's text gives the count: ``on 7 days (马军 (ma-jun) from 2022-10-08)``).

    >>> from datetime import date
    >>> from governance_rules.records.dossier import Dossier
    >>> two = [("a", [(date(2022, 1, 1), date(2022, 1, 3))]), ("b", [(date(2022, 2, 1),) * 2])]
    >>> _breakdown(Dossier(root="c"), "seat", two)["seat_zh"]
    'a自2022-01-01起共3天；b自2022-02-01起共1天'
    >>> _breakdown(Dossier(root="c"), "seat", two[:1])["seat"]
    'a from 2022-01-01'
    """
    several = len(people) > 1
    en, zh = [], []
    for person, spans in people:
        count = f" on {counted(days(spans), 'day', 'en')}" if several else ""
        en.append(f"{_who(dossier, person)}{count} from {spans[0][0]}")
        zh.append(f"{dossier.person_name(person) or person}自{spans[0][0]}起"
                  + (f"共{days(spans)}天" if several else ""))
    return {key: "; ".join(en), f"{key}_zh": "；".join(zh)}


