"""The one roster check every rule uses: whether a person held a seat on a day, by the roster.

A role written on a record never decides (docs/readings.md, "Roles are seats"): the bodies'
seats and terms do, on the day of the act.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping, Sequence
from datetime import date, timedelta

from ..models import Body, BodyKind, Motion, Role, SeatOrigin
from ..models.body import HeldSeat, Seat, Term
from ..records.dossier import Dossier, Located

ROLE_VALUES = {role: role.value for role in Role}
"""Each role's text as a fact gives it, looked up for every term and act: a member's
``value`` is an ``enum.property``, a Python call, where hashing it into a dict is about a
third of it."""


def who(dossier: Dossier, person: str) -> str:
    """``id (name)``: a person as the evidence names them."""
    return _named(person, dossier.person_name(person))


def _who_zh(dossier: Dossier, person: str) -> str:
    """:func:`who` for a Chinese sentence: an id no roster names in 「」 (not bare in the text)."""
    name = dossier.person_name(person)
    return _named(person, name) if name else f"「{person}」"


def _named(person: str, name: str) -> str:
    """:func:`who` of ``person``, given the name a roster gives them ("" when none does)."""
    return f"{person} ({name})" if name else person


class PeopleNamed(dict[str, str]):
    """People as the evidence names them (:func:`who`), each made once from the dossier's
    ``roster`` names (:meth:`~governance_rules.records.dossier.Dossier.roster_names`): a long
    roster's absent members are named one after another."""

    __slots__ = ("_roster",)

    def __init__(self, roster: Mapping[str, str]) -> None:
        self._roster = roster

    def __missing__(self, person: str) -> str:
        said = self[person] = _named(person, self._roster.get(person, ""))
        return said


RC_MEMBERS: tuple[Role, ...] = (Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.MEMBER)
"""The roles of a residents' committee's members (rc-election's and rc-term-length's
``term_role``): a ``worker`` seat on its roster is a hired worker's, not a member's
(docs/record-format.md), who neither reviews as the committee nor chairs its assembly."""


def located_bodies(dossier: Dossier, kind: BodyKind) -> list[Located[Body]]:
    """The bodies of ``kind`` with their places, in file order (``kind``, a member of an enum, is
    looked up once by the caller: each lookup goes through ``EnumType.__getattr__``)."""
    return [located for located in dossier.bodies.values() if located.record.kind is kind]


def seated_on(dossier: Dossier, kind: BodyKind, roles: tuple[Role, ...] | None,
              day: date) -> set[str]:
    """The people of whom :meth:`Dossier.holds_seat
    <governance_rules.records.dossier.Dossier.holds_seat>` says they hold a seat on a body of
    ``kind`` on ``day`` (with one of ``roles``, when given): one pass over the rosters, for
    asking about many people on one day (a review's reviewers)."""
    return {person for body in dossier.bodies_of_kind(kind)
            for person, held in body.held_seats().items()
            if (role := held[0].role_on(day)) is not None and (roles is None or role in roles)}


def held_role(seats: Mapping[str, tuple[HeldSeat, ...]], person: str | None,
              day: date) -> Role | None:
    """The role ``person``'s (first) seat holds on ``day``, of a body's ``seats`` as plain
    values (:meth:`Body.held_seats <governance_rules.models.Body.held_seats>`); ``None`` when
    it holds none, as :meth:`Body.holds <governance_rules.models.Body.holds>` reads it."""
    held = seats.get(person) if person else None
    return held[0].role_on(day) if held else None


def seated_among(seats: Mapping[str, tuple[HeldSeat, ...]], people: Iterable[str],
                 day: date) -> int:
    """How many of ``people`` hold a seat of ``seats`` (a body's, as :func:`held_role` reads
    them) on ``day``: the present a quorum counts, the consents a decision counts."""
    count = 0
    for person in people:  # held_role, without two calls for each of them
        held = seats.get(person)
        if held:
            for start, end, _ in held[0].terms:  # HeldSeat.role_on
                if start <= day and (end is None or day <= end):
                    count += 1
                    break
    return count


def consent_seated(motion: Motion, body: Body, day: date) -> int:
    """How many consents of ``motion`` count on ``day``: of the people it names (``consented``),
    those holding a seat on ``body`` that day, as a quorum counts the present (someone whose
    term has ended consents as nobody's member); without names, its votes for.

    >>> term = {"start": "2021-01-01", "end": "2021-12-31", "obtained_by": "election"}
    >>> body = Body(id="cc", kind="consultation_committee", name="协商委员会",
    ...             seats=[{"person": "a", "name": "甲", "terms": [term]}])
    >>> motion = Motion(id="m", title="议题", outcome="adopted", consented=["a", "x"])
    >>> consent_seated(motion, body, date(2021, 6, 1)), consent_seated(motion, body, date(2022, 1, 1))
    (1, 0)
    """
    named = motion.consented
    if named is None:
        return motion.votes.yes if motion.votes is not None else 0
    return seated_among(body.held_seats(), named, day)


def seat_check(dossier: Dossier, person: str | None, kind: BodyKind, roles: tuple[Role, ...],
               day: date, seat: str) -> tuple[bool, str]:
    """Whether ``person`` held ``seat`` (a seat of one of ``roles`` on a body of ``kind``) on
    ``day`` by the roster, and a sentence for the evidence naming who held it that day.

    A role label on a record never decides: where the dossier has no roster of ``kind`` the
    seat cannot be verified, and it is not held.
    """
    if person is None:
        return False, f"no {seat} is recorded"
    if not dossier.bodies_of_kind(kind):
        return False, (f"the dossier has no {kind.value.replace('_', ' ')} roster, so whether "
                       f"{who(dossier, person)} held the {seat} seat on {day} cannot be "
                       "verified")
    if dossier.holds_seat(person, kind, roles, day):
        return True, f"{who(dossier, person)} held the {seat} seat on {day}"
    holders = dossier.seat_holders(kind, roles, day)
    held_by = ", ".join(who(dossier, s.person) for s in holders)
    return False, (f"{who(dossier, person)} held no {seat} seat on {day}, "
                   + (f"held that day by {held_by}" if held_by else "and nobody held one that day"))


def seat_note_zh(dossier: Dossier, person: str | None, kind: BodyKind, roles: tuple[Role, ...],
                 day: date, seat_zh: str) -> str:
    """:func:`seat_check`'s sentence in Chinese (``seat_zh``: the seat as the source names it,
    e.g. 镇党委书记): who held the seat on ``day``, by the roster."""
    if person is None:
        return f"未记录{seat_zh}"
    if not dossier.bodies_of_kind(kind):
        return f"档案中没有相应机构的名册，无法核对{_who_zh(dossier, person)}于{day}是否任{seat_zh}"
    if dossier.holds_seat(person, kind, roles, day):
        return f"{_who_zh(dossier, person)}于{day}任{seat_zh}"
    holders = "、".join(_who_zh(dossier, s.person) for s in dossier.seat_holders(kind, roles, day))
    return (f"{_who_zh(dossier, person)}于{day}未任{seat_zh}，"
            + (f"当日任{seat_zh}的是{holders}" if holders else f"当日无人任{seat_zh}"))


def general_elections(terms: Sequence[Term]) -> list[date]:
    """The days of ``terms`` (a body's members' terms) that began a term of the body (届) by a
    general election: days on which most of the members seated that day start a term by
    ``election``. A member elected to another post mid-term, or a by-election, is none.

    >>> from governance_rules.models import Term
    >>> def elected(start: str) -> Term:
    ...     return Term.model_validate({"start": start, "obtained_by": "election"})
    >>> [d.isoformat() for d in general_elections(
    ...     [elected("2021-06-20"), elected("2021-06-20"), elected("2022-01-10")])]
    ['2021-06-20']
    """
    election = SeatOrigin.ELECTION

    def general(day: date) -> bool:
        seated = elected = 0
        for t in terms:
            start, end = t.start, t.end
            if start <= day and (end is None or day <= end):  # Term.covers
                seated += 1
                if start == day and t.obtained_by is election:
                    elected += 1
        return 2 * elected > seated

    # each day asked once (a general election starts many terms on one day)
    return sorted(filter(general, {t.start for t in terms if t.obtained_by is election}))


def served_since(seat: Seat, start: date, general: Container[date]) -> date:
    """The day a member's term starting on ``start`` began to be served: a term that follows
    the seat's previous one without a gap, and does not start at a general election (one of
    ``general``), continues it. A member from 2021-06-20 elected deputy director on 2022-10-20
    has served since 2021-06-20: the term is three years from then (SQ-SIFANG:151); a deputy
    elected vice-chair mid-term was elected a deputy when that seat's first term began, not
    again (RD-TOWNSHIP:507)."""
    before = {t.end: t.start for t in seat.terms if t.end is not None}
    while start not in general and (previous := before.get(start - timedelta(days=1))):
        start = previous
    return start
