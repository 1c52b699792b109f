"""The one roster check every rule uses: whether a person held a seat on a day, by the roster.

A role written on a record never decides (docs/readings.md, "Roles are seats"): the bodies'
seats and terms do, on the day of the act.
"""

from __future__ import annotations

from datetime import date

from ..models import BodyKind, Role
from ..records.dossier import Dossier


def who(dossier: Dossier, person: str) -> str:
    """``id (name)``: a person as the evidence names them."""
    name = dossier.person_name(person)
    return f"{person} ({name})" if name else person


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
        return False, (f"{person}: the dossier has no {kind.value.replace('_', ' ')} roster, so "
                       f"the {seat} seat on {day} cannot be verified")
    if dossier.holds_seat(person, kind, roles, day):
        return True, f"{who(dossier, person)} held the {seat} seat on {day}"
    holders = dossier.seat_holders(kind, roles, day)
    held_by = ", ".join(who(dossier, s.person) for s in holders) or "nobody"
    return False, (f"{who(dossier, person)} held no {seat} seat on {day}; "
                   f"held that day by {held_by}")
