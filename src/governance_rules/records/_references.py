"""The references between the records of one dossier, checked: :class:`References` is what
the resolvers (:mod:`._resolve`, :mod:`._resolve_township`, :mod:`._resolve_work`) share."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Any

from ..errors import InputError, short_input
from ..models import Body, DecisionRef, Meeting, Seat
from ._budget import ErrorBudget
from .dossier import Dossier, Located

Sub = str | tuple[str | int, ...]
"""Where in a record a reference is: a field, or a path (``("deputies", 2)``)."""


def _sub(field: Sub) -> tuple[str | int, ...]:
    return (field,) if isinstance(field, str) else field


class References:
    """What the records of one dossier may name, and the input error when one names what is
    not there: ``keep`` leaves a collection with the records its test accepts (the test reports
    every reason it refuses one, at the field's file and line)."""

    def __init__(self, dossier: Dossier) -> None:
        self.dossier = dossier
        self.seats: dict[str, dict[str, Seat]] = {}
        """Each body's seats by person (the first, as :meth:`Body.seat_of`): resolution asks
        about every meeting's and member record's people."""
        for body_id, located in dossier.bodies.items():
            seats = self.seats[body_id] = {}
            for seat in located.record.seats:
                seats.setdefault(seat.person, seat)
        self.people = {person for seats in self.seats.values() for person in seats}
        self._budgets: dict[str, ErrorBudget] = {}

    def close(self) -> None:
        """Add, for each file whose errors were not all listed, the error that counts them."""
        for file, budget in self._budgets.items():
            self.dossier.input_errors += budget.summary(file)

    def fail(self, located: Located[Any], sub: tuple[str | int, ...], kind: str, msg: str,
             value: Any = None, zh: str | None = None) -> None:
        """An input error at ``sub`` of ``located``; ``zh`` says it in Chinese where the error's
        type alone would say less than ``msg`` (what was named, what is known). A file lists
        at most :data:`~._budget.MAX_ERRORS_PER_FILE` (:meth:`close` counts the rest)."""
        budget = self._budgets.get(located.file)
        if budget is None:
            budget = self._budgets[located.file] = ErrorBudget()
        if not budget.take(1):
            return
        loc = (*located.path, *sub)
        index = located.index  # the column as a validation error has it (records as data: none)
        line, column = index.locate(loc) if index is not None else (None, None)
        self.dossier.input_errors.append(InputError(
            type=kind, file=located.file, line=line, column=column, loc=loc, msg=msg,
            input=None if value is None else short_input(value), ctx={"zh": zh} if zh else {}))

    def body_words(self, body_id: str, lang: str = "zh") -> str:
        """A body as a message names it: ``哈量三社区协商委员会（cc）``, in English
        ``哈量三社区协商委员会 (cc)``; its id alone in quotes when the dossier has no such body."""
        located = self.dossier.bodies.get(body_id)
        name = located.record.name if located is not None else body_id
        return _named(name, body_id, lang)

    def person_words(self, person: str, lang: str = "zh") -> str:
        """A person as a message names them: ``李娜（li-na）`` (``李娜 (li-na)``) by the name
        a roster gives, the id alone in quotes when no roster names them."""
        return _named(self.dossier.person_name(person), person, lang)

    def keep(self, collection: str, valid: Callable[[Located[Any]], bool]) -> None:
        """Leave ``collection`` with the records ``valid`` accepts; the others join the
        dossier's ``left_out``."""
        kept: list[Located[Any]] = []
        left_out = self.dossier.left_out
        for located in getattr(self.dossier, collection):
            (kept if valid(located) else left_out).append(located)
        setattr(self.dossier, collection, kept)

    def body(self, located: Located[Any], field: Sub, value: str | None) -> bool:
        """``value`` (when given) is the id of a body of the dossier."""
        if value is None or value in self.dossier.bodies:
            return True
        known = "、".join(f"「{b}」" for b in sorted(self.dossier.bodies)) or "无"
        refused = self.bodies_refused
        self.fail(located, _sub(field), "unknown_id",
                  unknown_id("body", value, self.dossier.bodies, refused), value,
                  f"本卷宗没有编号为「{value}」的机构"
                  + ("（或该机构因输入错误未予检查）" if refused else "") + f"；已有的机构：{known}")
        return False

    @cached_property
    def bodies_refused(self) -> bool:
        """Whether a body record of the dossier was left out for its input errors (a record
        that names it then names what may be there, not what is not)."""
        return any(e.loc[:1] in (("body",), ("bodies",)) for e in self.dossier.input_errors)

    def person(self, located: Located[Any], field: Sub, value: str | None, *,
               named: bool = True) -> bool:
        """``value`` (when given) holds a seat on some body of the dossier; the message names
        the field first when ``named``."""
        if value is None or value in self.people:
            return True
        sub = _sub(field)
        self.fail(located, sub, "unknown_id", f"{f'{sub[0]} ' if named else ''}{value!r} "
                  "is not a member of any body in this dossier", value,
                  f"「{value}」不是本卷宗任何机构的成员")
        return False

    def member(self, located: Located[Any], field: str, value: str | None, body: str) -> bool:
        """``value`` (when given) has a seat on ``body``."""
        if value is None or value in self.seats[body]:
            return True
        self.fail(located, (field,), "unknown_id", f"no member {value!r} on {body!r}", value,
                  f"{self.person_words(value)}不是{self.body_words(body)}的成员")
        return False

    def decision(self, located: Located[Any], sub: tuple[str | int, ...],
                 ref: DecisionRef | None) -> bool:
        """``ref`` (when given) names a motion of a meeting the dossier kept."""
        if ref is None:
            return True
        if self.dossier.meeting(ref.meeting) is None:
            left = next((m for m in self.dossier.left_out
                         if isinstance(m.record, Meeting) and m.record.id == ref.meeting), None)
            if left is not None:  # named where it is, not as if it were missing
                where = left.where()
                place = where.file if where.line is None else f"{where.file}:{where.line}"
                self.fail(located, (*sub, "meeting"), "unknown_id",
                          f"meeting {ref.meeting!r} ({place}) was left out for its input errors, "
                          "so this record is too; correct the meeting and both are checked",
                          ref.meeting,
                          f"会议「{ref.meeting}」（{where.file}"
                          f"{'' if where.line is None else f'第{where.line}行'}）因输入错误未予检查，"
                          "本记录随之未予检查；更正该会议后两者一并检查")
                return False
            self.fail(located, (*sub, "meeting"), "unknown_id",
                      f"no meeting {ref.meeting!r} in this dossier (or it was left out above)",
                      ref.meeting, f"本卷宗没有会议「{ref.meeting}」（或该会议因其他输入错误未予检查）")
            return False
        if self.dossier.motion(ref.meeting, ref.motion) is None:
            self.fail(located, (*sub, "motion"), "unknown_id",
                      f"meeting {ref.meeting!r} has no motion {ref.motion!r}", ref.motion,
                      f"会议「{ref.meeting}」没有议题「{ref.motion}」")
            return False
        return True


def unknown_id(what: str, value: str, known: dict[str, Located[Body]],
               refused: bool = False) -> str:
    """``no body with id 'x'; known: …``, saying that one may have been left out when some
    record of the kind was (``refused``)."""
    choices = ", ".join(sorted(known)) or "none defined"
    caveat = " (or it was left out for its input errors)" if refused else ""
    return f"no {what} with id {value!r}{caveat}; known: {choices}"


def _named(name: str | None, given: str, lang: str) -> str:
    if name and name != given:
        return f"{name}（{given}）" if lang == "zh" else f"{name} ({given})"
    return f"「{given}」" if lang == "zh" else repr(given)
