"""PO-MATTERS (SQ-SIFANG:299): the plans, purchases, leases, contracts and larger expenditures
the party committee studies and decides, each with the committee's decision on it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from .._words import day_name
from ..models import BodyKind, DecisionRef, Meeting, MeetingKind, Motion, Outcome
from ..records.dossier import Dossier
from ._seats import consent_seated
from ._window import Window, happened
from .schema import Fact, RecordRef


def matter_facts(dossier: Dossier, window: Window, as_of: date | None = None
                 ) -> Iterator[Fact]:
    """One fact per matter record dated in ``window`` and one per expense paid in it (its
    decision taken from the matter record that names it, if any): whether an adopted motion of
    the party committee decided it, on or before its day, and with how many consenting of how
    many seated; the expense's amount, so that the rule can hold "larger amounts" to a
    parameter (较大数额, no number in the text). A decision whose meeting is dated after
    ``as_of`` has not been taken yet: none is on record."""
    by_expense = {m.record.expense: m.record for m in dossier.party_matters
                  if m.record.expense is not None}
    for located in dossier.party_matters:
        matter = located.record
        if matter.expense is not None or not window.covers(matter.date):
            continue
        yield _fact(dossier, RecordRef(matter.id, "party_matter", located.where()), matter.body,
                    matter.kind.value, matter.date, -1, 1, matter.decision, matter.title,
                    as_of=as_of)
    for located_expense in dossier.expenses:
        expense = located_expense.record
        if not window.covers(expense.paid_on):
            continue
        named = by_expense.get(expense.id)
        # a matter is judged by its own kind: the purchase of a fixed asset (固定资产购置) that
        # names its payment needs the decision whatever the amount, as one naming none does;
        # only an expenditure (经费开支) is held to the larger amount
        kind = named.kind.value if named is not None else "expenditure"
        yield _fact(dossier, RecordRef(expense.id, "expense", located_expense.where()),
                    expense.body, kind, expense.paid_on, int(expense.amount * 100),
                    int(named is not None), named.decision if named else None,
                    f"{expense.purpose} ({expense.amount:.2f} yuan)",
                    f"{expense.purpose}（{expense.amount:.2f}元）", as_of)


def _fact(dossier: Dossier, ref: RecordRef, body_id: str, kind: str, day: date, fen: int,
          recorded: int, decision: DecisionRef | None, title: str,
          title_zh: str | None = None, as_of: date | None = None) -> Fact:
    body = dossier.bodies[body_id].record
    found = dossier.motion(decision.meeting, decision.motion) if decision is not None else None
    if found is not None and not happened(found[0].date, as_of):
        found = None  # a meeting not held yet decided nothing
    decided, decided_on, seated, consented = 0, None, 0, 0
    if found is not None:
        meeting, motion = found
        deciding = dossier.bodies[meeting.body].record
        # 研究决定 (SQ-SIFANG:299) is the remit of the committee's own meetings (委员会议,
        # :294): a party members' assembly, a group meeting or a lecture on its body is none
        if (deciding.kind is BodyKind.PARTY_COMMITTEE and meeting.kind in _COMMITTEE_MEETINGS
                and motion.outcome is Outcome.ADOPTED):
            decided, decided_on = 1, meeting.date
            seated = deciding.seated_count_on(meeting.date)
            consented = consent_seated(motion, deciding, meeting.date)
    names = {"body_name": body.name, "subject": title, "title": title,
             **({"subject_zh": title_zh, "title_zh": title_zh} if title_zh else {})}
    if found is not None:
        names["decision"], names["decision_zh"] = _decision_words(dossier, *found)
    return Fact("party_matter", ref, day, dossier.jurisdiction,
                {"body": body.id, "body_kind": body.kind.value, "matter_kind": kind,
                 "amount_fen": fen, "recorded": recorded, "decided": decided,
                 "decision_named": int(found is not None),
                 "decided_in_time": int(decided_on is not None and decided_on <= day),
                 "decision_seated": seated, "decision_consented": consented},
                {"day": day, **({"decided": decided_on} if decided_on else {})}, names)


_COMMITTEE_MEETINGS = (MeetingKind.REGULAR, MeetingKind.AD_HOC)
"""The kinds of meeting of the party committee that are its committee meetings (委员会议)."""
_SITTING_WORDS = {MeetingKind.REGULAR: ("会议", "meeting"),
                  MeetingKind.AD_HOC: ("临时会议", "ad hoc meeting"),
                  MeetingKind.MEMBER_ASSEMBLY: ("党员大会", "party members' assembly"),
                  MeetingKind.PARTY_CONGRESS: ("党员代表大会", "party members' representative assembly"),
                  MeetingKind.PARTY_GROUP: ("党小组会", "party group meeting"),
                  MeetingKind.PARTY_LECTURE: ("党课", "party lecture"),
                  MeetingKind.LIFE_MEETING: ("民主生活会", "democratic life meeting")}
"""What a decision's sitting is called: the kinds of meeting a party body holds."""
_OUTCOME_WORDS = {Outcome.REJECTED: ("未获通过", "rejected"), Outcome.WITHDRAWN: ("已撤回", "withdrawn")}


def _decision_words(dossier: Dossier, meeting: Meeting, motion: Motion) -> tuple[str, str]:
    """The decision a matter names, as an inspector names it: the body, the kind of sitting
    and its day, the motion's title (and its outcome, if it was not adopted), in English and
    in Chinese.

    >>> from governance_rules.records import dossier_from_data
    >>> dossier = dossier_from_data({"pc.yaml": {"body": {
    ...     "id": "pc", "kind": "party_committee", "name": "党委", "seats": []}}})
    >>> meeting = Meeting(id="m", body="pc", date="2022-04-25", present=[])
    >>> en, zh = _decision_words(dossier, meeting, Motion(
    ...     id="x", title="财务收支计划", outcome="rejected", votes={"yes": 1, "no": 4}))
    >>> print(en); print(zh)
    党委 meeting of 25 April 2022 on "财务收支计划", rejected
    党委2022年4月25日会议「财务收支计划」，未获通过
    """
    body = dossier.bodies[meeting.body].record.name if meeting.body in dossier.bodies else ""
    zh, en = _SITTING_WORDS.get(meeting.kind, ("会议", "meeting"))
    outcome_zh, outcome_en = _OUTCOME_WORDS.get(motion.outcome, ("", ""))
    return (f'{body} {en} of {day_name(meeting.date, "en")} on "{motion.title}"'
            + (f", {outcome_en}" if outcome_en else ""),
            f"{body}{day_name(meeting.date, 'zh')}{zh}「{motion.title}」"
            + (f"，{outcome_zh}" if outcome_zh else ""))
