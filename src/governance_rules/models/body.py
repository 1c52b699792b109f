"""Governing bodies, their seats and the terms by which members hold them."""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date

from pydantic import Field, model_validator

from ._base import RecordModel, field_error, field_errors, field_problem
from ._types import Count, Day, Period, Slug, Text, TextEnum
from .instrument import Instrument


class BodyKind(TextEnum):
    """The kinds of body the sources define."""

    CONSULTATION_COMMITTEE = "consultation_committee"  # 社区协商委员会
    MEMBER_REPRESENTATIVE_ASSEMBLY = "member_representative_assembly"  # 社区成员代表大会
    RESIDENTS_COMMITTEE = "residents_committee"  # 社区居民委员会
    PARTY_COMMITTEE = "party_committee"  # 社区党组织委员会
    AFFAIRS_CENTRE = "affairs_centre"  # 社区事务受理中心
    SUPERVISION_COMMITTEE = "supervision_committee"  # 居务监督委员会
    GOVERNANCE_OFFICE = "governance_office"  # 综治办
    TOWNSHIP_CONGRESS = "township_congress"  # 乡镇人民代表大会
    STREET_OFFICE = "street_office"  # 街道办事处
    RESIDENTS_GROUP = "residents_group"  # 居民小组
    WORK_COMMITTEE = "work_committee"  # 居委会下设工作委员会
    COORDINATION_GROUP = "coordination_group"  # 社区党建协调小组
    ELECTION_COMMITTEE = "election_committee"  # 社区选举委员会
    GOVERNANCE_COMMITTEE = "governance_committee"  # 乡镇综治委
    TOWNSHIP_GOVERNMENT = "township_government"  # 乡镇人民政府
    TOWNSHIP_PARTY_COMMITTEE = "township_party_committee"  # 乡镇党委
    MEDIATION_CENTRE = "mediation_centre"  # 乡镇社会矛盾调处中心
    JUDICIAL_OFFICE = "judicial_office"  # 司法所
    PRESIDIUM = "presidium"  # 人大主席团
    REPRESENTATIVE_GROUP = "representative_group"  # 人大代表小组
    CREDENTIALS_COMMITTEE = "credentials_committee"  # 代表资格审查委员会
    PRESIDIUM_OFFICE = "presidium_office"  # 人大主席团办公室 (its staff are its seats)
    COMMUNITY_MEMBERS = "community_members"  # 社区成员会议 (all members: a direct election)
    PARTY_GROUP = "party_group"  # 党小组 (its leader: a `leader` seat, SQ-SIFANG:323)
    WORK_STATION = "work_station"  # 在职党员工作站 (its head: a `head` seat, SQ-SIFANG:332)
    BACKBONE_TEAM = "backbone_team"  # "一管三带一联"工作骨干队伍 (SQ-SIFANG:326)
    COMMUNITY_SUPERVISORS = "community_supervisors"  # 社区监督员 (residents engaged, SQ-SIFANG:372)


BODY_KIND_WORDS: dict[BodyKind, tuple[str, str]] = {
    BodyKind.CONSULTATION_COMMITTEE: ("社区协商委员会", "consultation committee"),
    BodyKind.MEMBER_REPRESENTATIVE_ASSEMBLY: ("社区成员代表大会", "member representative assembly"),
    BodyKind.RESIDENTS_COMMITTEE: ("社区居民委员会", "residents' committee"),
    BodyKind.PARTY_COMMITTEE: ("社区党组织委员会", "community party committee"),
    BodyKind.AFFAIRS_CENTRE: ("社区事务受理中心", "community affairs centre"),
    BodyKind.SUPERVISION_COMMITTEE: ("居务监督委员会", "residence-affairs supervision committee"),
    BodyKind.GOVERNANCE_OFFICE: ("综治办", "comprehensive-governance office"),
    BodyKind.TOWNSHIP_CONGRESS: ("乡镇人民代表大会", "township people's congress"),
    BodyKind.STREET_OFFICE: ("街道办事处", "street office"),
    BodyKind.RESIDENTS_GROUP: ("居民小组", "residents' group"),
    BodyKind.WORK_COMMITTEE: ("居委会下设工作委员会", "work committee of the residents' committee"),
    BodyKind.COORDINATION_GROUP: ("社区党建协调小组", "party-building coordination group"),
    BodyKind.ELECTION_COMMITTEE: ("社区选举委员会", "community election committee"),
    BodyKind.GOVERNANCE_COMMITTEE: ("乡镇综治委", "township comprehensive-governance committee"),
    BodyKind.TOWNSHIP_GOVERNMENT: ("乡镇人民政府", "township government"),
    BodyKind.TOWNSHIP_PARTY_COMMITTEE: ("乡镇党委", "township party committee"),
    BodyKind.MEDIATION_CENTRE: ("乡镇社会矛盾调处中心", "township dispute mediation centre"),
    BodyKind.JUDICIAL_OFFICE: ("司法所", "judicial office"),
    BodyKind.PRESIDIUM: ("人大主席团", "presidium of the congress"),
    BodyKind.REPRESENTATIVE_GROUP: ("人大代表小组", "deputies' group"),
    BodyKind.CREDENTIALS_COMMITTEE: ("代表资格审查委员会", "credentials committee"),
    BodyKind.PRESIDIUM_OFFICE: ("人大主席团办公室", "presidium office"),
    BodyKind.COMMUNITY_MEMBERS: ("社区成员会议", "meeting of all community members"),
    BodyKind.PARTY_GROUP: ("党小组", "party group"),
    BodyKind.WORK_STATION: ("在职党员工作站", "in-service party members' work station"),
    BodyKind.BACKBONE_TEAM: ("工作骨干队伍", "party backbone team"),
    BodyKind.COMMUNITY_SUPERVISORS: ("社区监督员", "community supervisors"),
}
"""Each kind of body in words, Chinese and English: an input error names the kind a record's
body is and the kind it must be in these, never by code."""


class Sector(TextEnum):
    """The eight sectors of the consultation committee (HLS-356:18)."""

    PARTY_ORGANISATION = "party_organisation"
    RESIDENTS_COMMITTEE = "residents_committee"
    SUPERVISION_COMMITTEE = "supervision_committee"
    GRID_WORKERS = "grid_workers"
    RESIDENTS = "residents"
    WOMEN = "women"
    UNITS = "units"
    BACKBONE = "backbone"


class Role(TextEnum):
    """A member's role on a body."""

    CONVENER = "convener"
    ROTATING_DIRECTOR = "rotating_director"
    DIRECTOR = "director"
    DEPUTY_DIRECTOR = "deputy_director"
    SECRETARY = "secretary"
    DEPUTY_SECRETARY = "deputy_secretary"
    MEMBER = "member"
    REPRESENTATIVE = "representative"
    UNIT_REPRESENTATIVE = "unit_representative"
    CHAIR = "chair"  # 主席 / 主任委员
    VICE_CHAIR = "vice_chair"
    HEAD = "head"  # 乡镇长
    DEPUTY_HEAD = "deputy_head"
    LEADER = "leader"  # 组长
    WORKER = "worker"  # 职业社区工作者 / 专职工作人员


class PartyForm(TextEnum):
    """How a community party organisation is constituted (SQ-SIFANG:144)."""

    BRANCH = "branch"  # 党支部
    GENERAL_BRANCH = "general_branch"  # 党总支
    PARTY_COMMITTEE = "party_committee"  # 党委


class WorkArea(TextEnum):
    """The eight work committees of a residents' committee (SQ-SIFANG:151)."""

    SERVICE = "service"
    SECURITY_MEDIATION = "security_mediation"
    FAMILY_PLANNING = "family_planning"
    CULTURE_EDUCATION = "culture_education"
    PUBLIC_HEALTH = "public_health"
    WOMEN_CHILDREN = "women_children"
    SUPPORT_ARMY = "support_army"
    AGEING = "ageing"


class SeatOrigin(TextEnum):
    """How a term was obtained."""

    ELECTION = "election"
    BY_ELECTION = "by_election"
    APPOINTMENT = "appointment"
    NOMINATION = "nomination"


class Duty(TextEnum):
    """A duty held concurrently with a seat (兼任): the finance posts of SQ-SIFANG:382, :384, and
    the keeper of the archives (:392)."""

    ACCOUNTANT = "accountant"  # 会计
    CASHIER = "cashier"  # 出纳
    GOODS_KEEPER = "goods_keeper"  # 实物保管
    ARCHIVE_KEEPER = "archive_keeper"  # 档案人员 (SQ-SIFANG:392)


class DecisionRef(RecordModel):
    """Points at the motion of a meeting that took a decision."""

    meeting: Slug
    motion: Slug


class Term(RecordModel):
    """One term of office on a seat.

    ``end`` is the last day of the term; an open term has none. A term that
    ``replaces`` somebody names why (``reason``) and the ``decision`` behind it.
    """

    start: Day
    end: Day | None = None
    obtained_by: SeatOrigin
    role: Role | None = Field(default=None, description="the role held in this term, where it "
                              "differs from the seat's (e.g. a member elected director)")
    decision: DecisionRef | None = None
    replaces: Slug | None = None
    reason: Text | None = None

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Term:
        if self.end is not None and self.end < self.start:
            raise field_error(self, ("end",), f"term ends ({self.end}) before it starts "
                              f"({self.start})", self.end.isoformat(),
                              zh=f"任期结束日（{self.end}）早于开始日（{self.start}）")
        return self

    def covers(self, day: date) -> bool:
        """Whether ``day`` lies inside this term as declared (an open term has no end)."""
        return self.start <= day and (self.end is None or day <= self.end)


class DutySpan(RecordModel):
    """A duty (accountant, cashier, keeper of goods) held with a seat, from ``start`` to ``end``
    (both included; by default for as long as the seat is held)."""

    duty: Duty
    start: Day | None = None
    end: Day | None = None

    @model_validator(mode="after")
    def _ordered(self) -> DutySpan:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise field_error(self, ("end",), f"duty ends ({self.end}) before it starts "
                              f"({self.start})", self.end.isoformat(),
                              zh=f"职责结束日（{self.end}）早于开始日（{self.start}）")
        return self

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class Seat(RecordModel):
    """A person's seat on a body, with every term they held on it.

    ``full_time`` marks a full-time post; ``handled_funds`` a member who kept the
    community's money (audited on leaving); ``government_post`` a post held in the township
    government; ``left_region_on`` the day the person moved out of the administrative region,
    and ``resignation`` the decision that accepted their resignation.
    """

    person: Slug
    name: Text
    role: Role = Role.MEMBER
    sector: Sector | None = None
    group: Slug | None = None
    zone: Text | None = None
    unit: Text | None = Field(default=None, description="the unit an in-service party member "
                              "works for (在职党员所在单位, SQ-SIFANG:335, :340)")
    households: list[Slug] = Field(
        default_factory=list, max_length=100, description="the households a party member is "
        "assigned to contact (联户对象, SQ-SIFANG:329), by id")
    full_time: bool = False
    handled_funds: bool = False
    government_post: Text | None = None
    left_region_on: Day | None = None
    resignation: DecisionRef | None = None
    duties: list[DutySpan] = Field(default_factory=list, max_length=100)
    terms: list[Term] = Field(min_length=1, max_length=100)

    @model_validator(mode="after")
    def _terms_do_not_overlap(self) -> Seat:
        if len(self.terms) < 2:  # most seats: nothing to sort
            return self
        ordered = sorted(enumerate(self.terms), key=lambda item: item[1].start)
        problems = [field_problem(
            ("terms", j, "start"),
            f"terms overlap: the term starting {before.start} is still running "
            f"when the term starting {after.start} begins", after.start.isoformat(),
            zh=f"任期重叠：{before.start}开始的任期在{after.start}开始的任期起始时仍未结束")
            for (_, before), (j, after) in itertools.pairwise(ordered)
            if before.end is None or after.start <= before.end]
        if problems:
            raise field_errors(self, problems)
        return self

    def term_on(self, day: date) -> Term | None:
        """The declared term covering ``day``, if any."""
        for term in self.terms:  # Term.covers, inline: facts ask this tens of thousands of times
            if term.start <= day and (term.end is None or day <= term.end):
                return term
        return None

    def role_on(self, day: date) -> Role | None:
        """The role held on ``day``: the covering term's own role, else the seat's; ``None``
        when no term covers the day (the person holds no seat on it that day)."""
        term = self.term_on(day)
        if term is None:
            return None
        return term.role or self.role

    def roles(self) -> set[Role]:
        """Every role this seat was ever declared with."""
        return {self.role, *(t.role for t in self.terms if t.role is not None)}

    def duty_on(self, duty: Duty, day: date) -> bool:
        """Whether the seat is held on ``day`` with ``duty`` (accountant, cashier …)."""
        return self.term_on(day) is not None and any(
            d.duty is duty and d.covers(day) for d in self.duties)

    def latest_term_started_by(self, day: date) -> Term | None:
        """The most recent term that had started by ``day`` (it may have ended); of two
        starting the same day, the first listed."""
        latest: Term | None = None
        for term in self.terms:
            if term.start <= day and (latest is None or term.start > latest.start):
                latest = term
        return latest


@dataclass(slots=True)
class HeldSeat:
    """A seat as plain values: the seat, the name its roster gives and each term as ``(start,
    end, role held)``, the role being the term's own, else the seat's. Facts ask a seat on
    thousands of days; a field of a model costs several times what a plain value does to read.
    Read-only by convention, not frozen: every seat of every roster is made into one, and a
    frozen dataclass sets each field through ``object.__setattr__`` (three times slower).

    >>> seat = HeldSeat.of(Seat(person="a", name="甲", role="director", terms=[
    ...     Term(start="2020-01-01", end="2020-12-31", obtained_by="election")]))
    >>> seat.role_on(date(2020, 6, 1)), seat.role_on(date(2021, 6, 1))
    (<Role.DIRECTOR: 'director'>, None)
    """

    seat: Seat
    name: str
    terms: tuple[tuple[date, date | None, Role], ...]

    @classmethod
    def of(cls, seat: Seat) -> HeldSeat:
        role = seat.role
        return cls(seat, seat.name, tuple([(t.start, t.end, t.role or role) for t in seat.terms]))

    def role_on(self, day: date) -> Role | None:
        """:meth:`Seat.role_on`: the role of the (first) term covering ``day``; ``None`` when
        none does."""
        for start, end, role in self.terms:
            if start <= day and (end is None or day <= end):
                return role
        return None

    def latest_start_by(self, day: date) -> tuple[date, date | None, Role] | None:
        """:meth:`Seat.latest_term_started_by`, as the term's plain values."""
        latest = None
        for term in self.terms:
            if term[0] <= day and (latest is None or term[0] > latest[0]):
                latest = term
        return latest


class PeriodException(RecordModel):
    """A stated reason why a norm (一般 / 原则上) was not met in one period, e.g. no meeting in
    ``2022-02`` because of the Spring Festival. Turns a warning into info; never an error."""

    period: Period
    reason: Text


class Body(RecordModel):
    """A governing body of the community, e.g. its consultation committee.

    >>> Body(id="cc", kind="consultation_committee", name="协商委员会", seats=[]).kind
    <BodyKind.CONSULTATION_COMMITTEE: 'consultation_committee'>
    """

    id: Slug
    kind: BodyKind
    name: Text
    established: Day | None = None
    established_by: DecisionRef | None = None
    form: PartyForm | None = None
    party_members: Count | None = None
    households: Count | None = None
    area: WorkArea | None = None
    office_rooms: Count | None = None
    rules_of_procedure: Instrument | None = Field(
        default=None, description="the body's written rules of procedure (议事规则, "
        "RD-TOWNSHIP:500, :502)")
    seal: Text | None = Field(default=None, description="the text of the seal the body uses "
                              "(某某乡(镇)人民代表大会主席团, RD-TOWNSHIP:506)")
    organised_by: Slug | None = Field(
        default=None, description="who organised the body's formation on `established` (a "
        "representative group: the congress chair or a vice-chair, RD-TOWNSHIP:503)")
    supervision_day: Text | None = Field(
        default=None, description="the fixed supervision day of the community supervisors "
        "(确定监督议政日, SQ-SIFANG:373), e.g. 每月第一个星期五")
    exceptions: list[PeriodException] = Field(default_factory=list, max_length=1000)
    seats: list[Seat] = Field(default_factory=list, max_length=100_000)

    def seated_members_on(self, day: date) -> list[Seat]:
        """Seats whose declared term covers ``day``: the denominator of "X% of members"."""
        return [held.seat for held in self._held()[1] if held.role_on(day) is not None]

    def seated_count_on(self, day: date) -> int:
        """``len(self.seated_members_on(day))``, without a pass over the seats: a seat's terms
        never overlap (:class:`Seat` refuses it), so the seats held on ``day`` are the terms
        covering it, counted in the sorted starts and ends (cached; every meeting asks).

        >>> term = {"obtained_by": "election"}
        >>> body = Body(id="cc", kind="consultation_committee", name="协商委员会", seats=[
        ...     Seat(person="a", name="甲", terms=[
        ...         Term(start="2020-01-01", end="2022-12-31", **term),
        ...         Term(start="2023-01-01", **term)]),
        ...     Seat(person="b", name="乙", terms=[
        ...         Term(start="2021-06-01", end="2021-12-31", **term)])])
        >>> [body.seated_count_on(date(y, 7, 1)) for y in (2019, 2020, 2021, 2022, 2023)]
        [0, 1, 2, 1, 1]
        """
        cached: tuple[list[Seat], list[date], list[date]] | None = self.__dict__.get(
            "_term_bounds")
        if cached is None or cached[0] is not self.seats:
            terms = [t for seat in self.seats for t in seat.terms]
            cached = (self.seats, sorted(t.start for t in terms),
                      sorted(t.end for t in terms if t.end is not None))
            self.__dict__["_term_bounds"] = cached
        return bisect_right(cached[1], day) - bisect_left(cached[2], day)

    def seat_of(self, person: str) -> Seat | None:
        """The person's seat on this body, if any (the first, should a person be listed twice)."""
        cached = self.__dict__.get("_people")
        if cached is None or cached[0] is not self.seats:  # first call, or a copy, other seats
            cached = self._index_people()
        seats = cached[1].get(person)
        return seats[0] if seats else None

    def seats_of(self, person: str) -> tuple[Seat, ...]:
        """Every seat of the person on this body (a person listed twice has two), in roster
        order.

        >>> term = {"obtained_by": "election"}
        >>> body = Body(id="cc", kind="consultation_committee", name="协商委员会", seats=[
        ...     Seat(person="a", name="甲", terms=[Term(start="2020-01-01", **term)])])
        >>> [s.name for s in body.seats_of("a")], body.seats_of("b")
        (['甲'], ())
        """
        cached = self.__dict__.get("_people")
        if cached is None or cached[0] is not self.seats:
            cached = self._index_people()
        return cached[1].get(person, ())

    def held_seats(self) -> dict[str, tuple[HeldSeat, ...]]:
        """Each person's seats as plain values (:class:`HeldSeat`), in roster order (the first
        is :meth:`seat_of`'s); made once a roster, as :meth:`seat_of`'s index. Not to be
        changed by the caller.

        >>> term = {"obtained_by": "election"}
        >>> body = Body(id="cc", kind="consultation_committee", name="协商委员会", seats=[
        ...     Seat(person="a", name="甲", terms=[Term(start="2020-01-01", **term)])])
        >>> [(h.name, h.role_on(date(2021, 1, 1))) for h in body.held_seats()["a"]]
        [('甲', <Role.MEMBER: 'member'>)]
        """
        return self._held()[2]

    def _held(self) -> tuple[list[Seat], tuple[HeldSeat, ...], dict[str, tuple[HeldSeat, ...]]]:
        """The seats as plain values (:meth:`held_seats`), in roster order and by person."""
        cached = self.__dict__.get("_held_seats")
        if cached is None or cached[0] is not self.seats:
            ordered = tuple([HeldSeat.of(seat) for seat in self.seats])
            by_person: dict[str, list[HeldSeat]] = {}
            for held in ordered:
                by_person.setdefault(held.seat.person, []).append(held)
            cached = (self.seats, ordered,
                      {person: tuple(seats) for person, seats in by_person.items()})
            self.__dict__["_held_seats"] = cached
        return cached

    def _index_people(self) -> tuple[list[Seat], dict[str, tuple[Seat, ...]]]:
        """The seats by person, made once a roster (facts ask tens of thousands of times a
        dossier; :meth:`seat_of` reads it without a call) and again for a copy's seats."""
        by_person: dict[str, list[Seat]] = {}
        for seat in self.seats:
            by_person.setdefault(seat.person, []).append(seat)
        cached = (self.seats, {person: tuple(seats) for person, seats in by_person.items()})
        self.__dict__["_people"] = cached
        return cached

    def terms_in_role(self, role: Role) -> tuple[tuple[int, Seat, Term], ...]:
        """Every term held in ``role`` (its own role, else its seat's), with its seat and the
        seat's place on the roster, in roster order; indexed once, as :meth:`seat_of` (a
        post's holders, its vacancies and successors are asked term after term: a few among a
        congress's hundreds of seats).

        >>> term = {"obtained_by": "election"}
        >>> body = Body(id="cc", kind="consultation_committee", name="协商委员会", seats=[
        ...     Seat(person="a", name="甲", role="convener", terms=[
        ...         Term(start="2020-01-01", end="2020-12-31", **term),
        ...         Term(start="2021-01-01", role="member", **term)])])
        >>> [(i, s.person, t.start.year) for i, s, t in body.terms_in_role(Role.CONVENER)]
        [(0, 'a', 2020)]
        """
        cached = self.__dict__.get("_roles")
        if cached is None or cached[0] is not self.seats:
            by_role: dict[Role, list[tuple[int, Seat, Term]]] = {}
            for i, seat in enumerate(self.seats):
                for term in seat.terms:
                    by_role.setdefault(term.role or seat.role, []).append((i, seat, term))
            cached = (self.seats, {r: tuple(terms) for r, terms in by_role.items()})
            self.__dict__["_roles"] = cached
        return cached[1].get(role, ())

    def holders_of(self, role: Role, day: date) -> list[Seat]:
        """The seats holding ``role`` on ``day`` (a term's own role counts over the seat's), in
        roster order: those with a term held in ``role`` that covers the day (a seat's terms
        never overlap: :class:`Seat` refuses it), found among the few such terms
        (:meth:`terms_in_role`) rather than by asking every seat."""
        return [seat for _, seat, term in self.terms_in_role(role)
                if term.start <= day and (term.end is None or day <= term.end)]

    def holder_of(self, role: Role, day: date) -> str | None:
        """The person holding ``role`` on ``day``, if exactly one seat does."""
        holders = self.holders_of(role, day)
        return holders[0].person if len(holders) == 1 else None

    def holds(self, person: str | None, roles: tuple[Role, ...] | None, day: date) -> bool:
        """Whether ``person`` holds a seat on this body on ``day`` (with one of ``roles``,
        when given)."""
        held = self._held()[2].get(person) if person else None
        role = held[0].role_on(day) if held else None
        return role is not None and (roles is None or role in roles)
