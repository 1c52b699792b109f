"""A dossier: one community's records, each with the file and line it came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from ..errors import InputError, dotted
from ..models import (
    Archive,
    ArchiveHandover,
    Assessment,
    AssetRegister,
    Audit,
    Body,
    BodyKind,
    Community,
    CredentialsReview,
    DecisionRef,
    Disclosure,
    Expense,
    Hearing,
    LeadingGroup,
    LeaveRequest,
    Ledger,
    Mailbox,
    Meeting,
    MemberRecord,
    Minutes,
    Outcome,
    PartyMatter,
    Pilot,
    Proposal,
    Recall,
    Rectification,
    Report,
    Retention,
    Review,
    Role,
    Seat,
    Session,
    Suggestion,
    UnitLetter,
    WorkPoints,
    YearEndFiling,
)
from ..models.community_work import (
    CommunityChange,
    DirectorApproval,
    RepresentativeRegister,
    StandardTitle,
    Submission,
    TermPlan,
    WorkerReport,
)
from ..models.meeting import Motion
from ._parse import LineIndex, Path_

T = TypeVar("T")

_dotted = lru_cache(maxsize=65_536)(dotted)
"""Every dossier of a corpus asks for the same few thousand paths."""


@dataclass(slots=True, unsafe_hash=True)
class Where:
    """Where a record (or one of its fields) is: file, 1-based line, and dotted path."""

    file: str
    line: int | None
    path: str


@dataclass(slots=True)
class Located(Generic[T]):
    """A validated record plus the file position of it and of every field under it."""

    record: T
    file: str
    path: Path_
    index: LineIndex | None = None
    _here: Where | None = field(default=None, init=False, repr=False, compare=False)

    def where(self, *sub: str | int) -> Where:
        """Where the record (or its field at ``sub``) is; the record's own place is worked out
        once (resolution and every fact of the record ask for it)."""
        if not sub and self._here is not None:
            return self._here
        full = self.path + sub
        index = self.index  # records given as data have no lines: nothing to look up
        line = index.locate(full)[0] if index is not None and index.positions else None
        here = Where(self.file, line, _dotted(full))
        if not sub:
            self._here = here
        return here


_RosterIndex = tuple[int, dict[BodyKind, tuple[Body, ...]], dict[str, str],
                     dict[tuple[BodyKind, tuple[Role, ...] | None, str],
                          tuple[tuple[date, date | None], ...]]]
"""How many bodies it was made of; the bodies by kind; each person's first name on a roster;
the terms :meth:`Dossier.holds_seat` gathered, by kind, roles and person."""


COUNTED_RECORDS: Mapping[type[Any], str] = MappingProxyType({
    Meeting: "meetings", Session: "sessions", Disclosure: "disclosures", Audit: "audits",
    Report: "reports", Review: "reviews", Ledger: "ledgers"})
"""The records whose events a calendar period counts (a meeting held, a report made for it),
each with its collection: one refused by its own checks is still named by a period it would
have counted (:func:`~governance_rules.facts.left_out_events`)."""


@dataclass(frozen=True, slots=True)
class RefusedRecord:
    """What can still be told of a record refused by its own checks that has no sound part (a
    field it is counted by, its day, was refused): its model, its id and the texts of its
    fields that were not refused. It counts for no period, but a finding it bears on still
    names it (a handover audit with an impossible date, by the person it names); it joins the
    dossier's ``left_out``.

    >>> from governance_rules.models import Audit
    >>> RefusedRecord(Audit, "a1", {"kind": "handover", "person": "p"}).texts["person"]
    'p'
    """

    model: type[Any]
    id: str
    texts: Mapping[str, str]


@dataclass
class Dossier:
    """Everything one community's records say, after loading and resolving.

    Records that were inconsistent with the rest were left out and reported in
    ``input_errors``; everything else is here, in file order. A caller may change the records
    between two checks (a what-if in a notebook: another roster, a meeting replaced): each
    check indexes them afresh (:meth:`forget_indexes`).
    """

    root: str
    community: Located[Community] | None = None
    bodies: dict[str, Located[Body]] = field(default_factory=dict)
    meetings: list[Located[Meeting]] = field(default_factory=list)
    expenses: list[Located[Expense]] = field(default_factory=list)
    recalls: list[Located[Recall]] = field(default_factory=list)
    hearings: list[Located[Hearing]] = field(default_factory=list)
    disclosures: list[Located[Disclosure]] = field(default_factory=list)
    audits: list[Located[Audit]] = field(default_factory=list)
    reports: list[Located[Report]] = field(default_factory=list)
    proposals: list[Located[Proposal]] = field(default_factory=list)
    reviews: list[Located[Review]] = field(default_factory=list)
    assessments: list[Located[Assessment]] = field(default_factory=list)
    archives: list[Located[Archive]] = field(default_factory=list)
    sessions: list[Located[Session]] = field(default_factory=list)
    minutes: list[Located[Minutes]] = field(default_factory=list)
    leave_requests: list[Located[LeaveRequest]] = field(default_factory=list)
    member_records: list[Located[MemberRecord]] = field(default_factory=list)
    party_matters: list[Located[PartyMatter]] = field(default_factory=list)
    work_points_list: list[Located[WorkPoints]] = field(default_factory=list)
    suggestions: list[Located[Suggestion]] = field(default_factory=list)
    credentials_reviews: list[Located[CredentialsReview]] = field(default_factory=list)
    unit_letters: list[Located[UnitLetter]] = field(default_factory=list)
    rectifications: list[Located[Rectification]] = field(default_factory=list)
    year_end_filings: list[Located[YearEndFiling]] = field(default_factory=list)
    retentions: list[Located[Retention]] = field(default_factory=list)
    mailboxes: list[Located[Mailbox]] = field(default_factory=list)
    leading_groups: list[Located[LeadingGroup]] = field(default_factory=list)
    pilots: list[Located[Pilot]] = field(default_factory=list)
    # community work (records/_resolve_work.py)
    worker_reports: list[Located[WorkerReport]] = field(default_factory=list)
    term_plans: list[Located[TermPlan]] = field(default_factory=list)
    community_changes: list[Located[CommunityChange]] = field(default_factory=list)
    standard_titles: list[Located[StandardTitle]] = field(default_factory=list)
    director_approvals: list[Located[DirectorApproval]] = field(default_factory=list)
    submissions: list[Located[Submission]] = field(default_factory=list)
    representative_registers: list[Located[RepresentativeRegister]] = field(default_factory=list)
    ledgers: list[Located[Ledger]] = field(default_factory=list)
    asset_registers: list[Located[AssetRegister]] = field(default_factory=list)
    archive_handovers: list[Located[ArchiveHandover]] = field(default_factory=list)
    input_errors: list[InputError] = field(default_factory=list)
    left_out: list[Located[Any]] = field(default_factory=list)
    """The records left out for their input errors: those a period counts that their own
    checks refused, as read from their sound fields (:data:`COUNTED_RECORDS`), then those
    resolution left out (a meeting with somebody present who held no seat …), in the order
    they were: a finding they might have changed says so."""
    files: list[str] = field(default_factory=list)
    meetings_by_id: dict[str, Located[Meeting]] = field(default_factory=dict, repr=False)
    _roster_index: _RosterIndex | None = field(default=None, init=False, repr=False,
                                               compare=False)
    _jurisdiction: tuple[Located[Community] | None, tuple[str, ...]] | None = field(
        default=None, init=False, repr=False, compare=False)
    _entry_index: tuple[int, dict[tuple[str, str], list[MemberRecord]]] | None = field(
        default=None, init=False, repr=False, compare=False)
    _expense_motions: tuple[int, dict[tuple[str, ...], list[tuple[int, Meeting, Motion]]]
                            ] | None = field(default=None, init=False, repr=False, compare=False)

    def forget_indexes(self) -> None:
        """Drop what was indexed from the records (bodies by kind, member entries, motions by
        expense), to be made again when next asked, and look the meetings up by id again: a
        fact builder does so before it starts. The indexes are kept while records are only
        added (their count says so), but a record replaced in place leaves the count as it was.

        >>> rc = lambda name: Located(Body(id="rc", kind="residents_committee", name=name,
        ...                                seats=[]), "rc.yaml", ("body",))
        >>> dossier = Dossier(root="c", bodies={"rc": rc("居委会")})
        >>> [b.name for b in dossier.bodies_of_kind(BodyKind.RESIDENTS_COMMITTEE)]
        ['居委会']
        >>> dossier.bodies["rc"] = rc("社区居委会")
        >>> dossier.forget_indexes()
        >>> [b.name for b in dossier.bodies_of_kind(BodyKind.RESIDENTS_COMMITTEE)]
        ['社区居委会']
        """
        self._roster_index = self._entry_index = self._expense_motions = None
        self.meetings_by_id = {m.record.id: m for m in self.meetings}

    @property
    def jurisdiction(self) -> tuple[str, ...]:
        """The community's places, most general first (``()`` without a community); made
        once a community record (every fact of the dossier carries it)."""
        community, known = self._jurisdiction or (None, None)
        if known is None or community is not self.community:
            known = tuple(self.community.record.jurisdiction) if self.community else ()
            self._jurisdiction = (self.community, known)
        return known

    def meeting(self, meeting_id: str) -> Located[Meeting] | None:
        return self.meetings_by_id.get(meeting_id)

    def motion(self, meeting_id: str, motion_id: str) -> tuple[Meeting, Motion] | None:
        located = self.meeting(meeting_id)
        if located is None:
            return None
        for motion in located.record.motions:
            if motion.id == motion_id:
                return located.record, motion
        return None

    def decided_by(self, ref: DecisionRef | None) -> tuple[BodyKind | None, bool]:
        """The kind of body whose meeting holds the motion ``ref`` names, and whether the motion
        was adopted; ``(None, False)`` when there is no such motion."""
        found = self.motion(ref.meeting, ref.motion) if ref is not None else None
        if found is None:
            return None, False
        meeting, motion = found
        return self.bodies[meeting.body].record.kind, motion.outcome is Outcome.ADOPTED

    def bodies_of_kind(self, kind: BodyKind) -> tuple[Body, ...]:
        """The bodies of ``kind``, in file order."""
        return self._roster_index_now()[1].get(kind, ())

    def _rosters(self) -> tuple[dict[BodyKind, tuple[Body, ...]], dict[str, str]]:
        """The bodies by kind and each person's first name on a roster, made once the bodies
        are all in (facts ask for them thousands of times a dossier); bodies are only added."""
        index = self._roster_index_now()
        return index[1], index[2]

    def _roster_index_now(self) -> _RosterIndex:
        """The roster index (:meth:`_rosters`), with the terms :meth:`holds_seat` gathered."""
        index = self._roster_index
        if index is None or index[0] != len(self.bodies):
            by_kind: dict[BodyKind, list[Body]] = {}
            names: dict[str, str] = {}
            for located in self.bodies.values():
                body = located.record
                by_kind.setdefault(body.kind, []).append(body)
                for seat in body.seats:
                    names.setdefault(seat.person, seat.name)
            index = self._roster_index = (
                len(self.bodies), {k: tuple(v) for k, v in by_kind.items()}, names, {})
        return index

    def role_holder(self, kind: BodyKind, role: Role, day: date) -> str | None:
        """Who holds ``role`` on the (first) body of ``kind`` on ``day``."""
        for body in self.bodies_of_kind(kind):
            holder = body.holder_of(role, day)
            if holder is not None:
                return holder
        return None

    def seat_holders(self, kind: BodyKind, roles: tuple[Role, ...], day: date) -> list[Seat]:
        """Every seat on a body of ``kind`` that holds one of ``roles`` on ``day``, in roster
        order: found among each body's terms held in those roles (:meth:`Body.terms_in_role`),
        not by asking every seat (meetings and posts ask for a chair, a director, a secretary:
        a few terms among a congress's hundreds of seats)."""
        wanted = set(roles)
        held: list[Seat] = []
        for body in self.bodies_of_kind(kind):
            found = {i: seat for role in wanted for i, seat, term in body.terms_in_role(role)
                     if term.start <= day and (term.end is None or day <= term.end)}
            held.extend(seat for _, seat in sorted(found.items()) if seat.role_on(day) in roles)
        return held

    def holds_seat(self, person: str | None, kind: BodyKind, roles: tuple[Role, ...] | None,
                   day: date) -> bool:
        """Whether ``person`` holds a seat on a body of ``kind`` on ``day`` (with one of
        ``roles``, when given): the roster, not a label on the record, decides.

        A term of the person's (first) seat on each such body, held in one of ``roles``,
        covers the day (:meth:`Body.holds`); the terms asked about are gathered once a person,
        kind and roles while the bodies stay as they are (the same few people, the chairs,
        organisers, approvers and reviewers, are asked about on many days).

        >>> from governance_rules.models import Seat, Term
        >>> rc = Body(id="rc", kind="residents_committee", name="居委会", seats=[
        ...     Seat(person="a", name="甲", role="director", terms=[
        ...         Term(start="2020-01-01", end="2020-12-31", obtained_by="election")])])
        >>> dossier = Dossier(root="c", bodies={"rc": Located(rc, "rc.yaml", ("body",))})
        >>> [dossier.holds_seat("a", BodyKind.RESIDENTS_COMMITTEE, (Role.DIRECTOR,), date(y, 6, 1))
        ...  for y in (2020, 2021)]
        [True, False]
        """
        if not person:
            return False
        terms = self._roster_index_now()[3]
        key = (kind, roles, person)
        held = terms.get(key)
        if held is None:
            held = terms[key] = tuple(
                (term.start, term.end) for body in self.bodies_of_kind(kind)
                if (seat := body.seat_of(person)) is not None for term in seat.terms
                if roles is None or (term.role or seat.role) in roles)
        for start, end in held:  # noqa: SIM110 - any() of a generator costs more than the few terms
            if start <= day and (end is None or day <= end):
                return True
        return False

    def member_entries(self) -> dict[tuple[str, str], list[MemberRecord]]:
        """Each member's entries in the books (activities, contacts, cards …), by (body,
        person), in file order; made once the records are all in (every station roster and
        member period asks: it was made again for each, a cost that grew with bodies times
        entries). Not to be changed by the caller."""
        index = self._entry_index
        if index is None or index[0] != len(self.member_records):
            by_member: dict[tuple[str, str], list[MemberRecord]] = {}
            for located in self.member_records:
                record = located.record
                by_member.setdefault((record.body, record.person), []).append(record)
            index = self._entry_index = (len(self.member_records), by_member)
        return index[1]

    def motions_on_expense(self, expense: Expense) -> list[tuple[Meeting, Motion]]:
        """The motions that name ``expense`` (``motion.expense``): by its id, or, without one,
        by its purpose and payee (SQ-SIFANG:385, FIN-TIERS tier 3 (i): a motion may decide an
        expense before it has a record), with their meetings, in file order; indexed once the
        meetings are all in (each expense asked every motion of every meeting).

        >>> from governance_rules.models import Meeting
        >>> motions = [{"id": "a", "title": "甲", "outcome": "adopted", "votes": {"yes": 1},
        ...             "expense": {"purpose": "屋顶", "payee": "某公司", "amount": "10.00"}},
        ...            {"id": "b", "title": "乙", "outcome": "adopted", "votes": {"yes": 1},
        ...             "expense": {"id": "e1"}}]
        >>> meeting = Meeting(id="m", body="ra", date="2022-01-05", present=["r"], motions=motions)
        >>> dossier = Dossier(root="c", meetings=[Located(meeting, "m.yaml", ("meeting",))])
        >>> paid = Expense(id="e1", body="rc", amount="10.00", paid_on="2022-02-01",
        ...                payee="某公司", purpose="屋顶", voucher="invoice", accountant="k",
        ...                cashier="c")
        >>> [motion.id for _, motion in dossier.motions_on_expense(paid)]
        ['a', 'b']
        """
        index = self._expense_motions
        if index is None or index[0] != len(self.meetings):
            by_expense: dict[tuple[str, ...], list[tuple[int, Meeting, Motion]]] = {}
            order = 0
            for located in self.meetings:
                for motion in located.record.motions:
                    subject = motion.expense
                    if subject is None:
                        continue
                    key = ((subject.id,) if subject.id is not None
                           else (subject.purpose or "", subject.payee or ""))
                    by_expense.setdefault(key, []).append((order, located.record, motion))
                    order += 1
            index = self._expense_motions = (len(self.meetings), by_expense)
        found = index[1].get((expense.id,), []) + index[1].get(
            (expense.purpose, expense.payee), [])
        return [(meeting, motion) for _, meeting, motion in sorted(found, key=lambda f: f[0])]

    def person_name(self, person: str) -> str:
        """The name a roster gives ``person`` ("" when no roster names them)."""
        return self._roster_index_now()[2].get(person, "")

    def roster_names(self) -> Mapping[str, str]:
        """Each person on a roster, by id, with the name the first roster gives them (the
        facts name people ``id (name)``; a text for a reader puts these names first)."""
        return MappingProxyType(self._rosters()[1])
