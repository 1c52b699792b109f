"""The references between the records of one dossier, checked: :class:`References` is what
the resolvers (:mod:`._resolve`, :mod:`._resolve_township`, :mod:`._resolve_work`) share."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Any, NamedTuple

from .._type_words import type_words
from ..errors import InputError, short_input
from ..models import (
    Body,
    BodyKind,
    CredentialsReview,
    DecisionRef,
    Seat,
    Session,
    Suggestion,
    WorkPoints,
)
from ..models.body import BODY_KIND_WORDS
from ..models.record_file import RECORD_KEYS
from ._budget import ErrorBudget
from .dossier import Dossier, Located

Sub = str | tuple[str | int, ...]
"""Where in a record a reference is: a field, or a path (``("deputies", 2)``)."""


def _sub(field: Sub) -> tuple[str | int, ...]:
    return (field,) if isinstance(field, str) else field


class LeftOut(NamedTuple):
    """Where a record left out for its input errors is (file, line), and the name it gives
    itself (a body's; ``None`` for a meeting, or a body whose name is not text): a record
    naming it is told it was left out, and which body that is by its name."""

    file: str
    line: int | None
    name: str | None = None

    def words(self, what: tuple[str, str], record_id: str) -> tuple[str, str]:
        """The record as a message names it, in English and Chinese (``what``: its kind in
        words in both): ``body 居委会 (rc)`` and ``机构居委会（rc）`` by its name, ``meeting
        'm-1'`` and ``会议「m-1」`` by its id alone.

        >>> LeftOut("b.yaml", 3, "居委会").words(("body", "机构"), "rc")
        ('body 居委会 (rc)', '机构居委会（rc）')
        """
        return (f"{what[0]} {_named(self.name, record_id, 'en')}",
                f"{what[1]}{_named(self.name, record_id, 'zh')}")


def _left_out_at(located: Located[Any]) -> LeftOut:
    """Where ``located``, parsed and then left out by resolution, is, with its name."""
    where = located.where()
    name = getattr(located.record, "name", None)
    return LeftOut(where.file, where.line, name if isinstance(name, str) else None)


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
        self._left_out_with: dict[tuple[str, str], tuple[tuple[str, str], LeftOut,
                                                         list[Located[Any]]]] = {}
        """By what was left out (its kind in words and id): its kind in English and Chinese,
        where it is and its name, the records left out with it."""

    def close(self) -> None:
        """Add the errors of the records left out with another (:meth:`fail_left_out`), and,
        for each file whose errors were not all listed, the error that counts them."""
        self.dossier.input_errors += self._left_out_with_errors()
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

    def left_out(self, collection: str, record_id: str) -> LeftOut | None:
        """Where the record ``record_id`` of ``collection`` (``expenses``, ``bodies`` …) is,
        and its name, when the dossier holds one that was left out for its input errors
        (refused by its own checks, or for naming what is not there); ``None`` when it holds
        none. A record naming it is then told so, not that there is no such record."""
        refused = self._refused.get((collection, record_id))
        if refused is not None:
            return refused
        for located in self.dossier.left_out:
            record = located.record
            if getattr(record, "id", None) == record_id and _COLLECTION_OF.get(
                    type(record)) == collection:
                return _left_out_at(located)
        return None

    @cached_property
    def _refused(self) -> dict[tuple[str, str], LeftOut]:
        return refused_records(self.dossier.input_errors)

    def fail_left_out(self, located: Located[Any], what: tuple[str, str], record_id: str,
                      left_out: LeftOut) -> bool:
        """``located`` names ``record_id`` (a ``what``: its kind in words, in English and
        Chinese), which was left out for its own input errors (``left_out``: where, and its
        name): it is left out with it, and :meth:`close` lists it in one input error of that
        record's (a body left out for one mistyped date is named by a hundred records: one
        error says so, not a hundred). ``False``."""
        entry = self._left_out_with.get((what[0], record_id))
        if entry is None:
            entry = self._left_out_with[what[0], record_id] = (what, left_out, [])
        entry[2].append(located)
        return False

    def _left_out_with_errors(self) -> list[InputError]:
        """One error for each record left out for its input errors that others name: which
        records were left out with it, by file."""
        errors = []
        for (_, record_id), (what, left_out, named_by) in self._left_out_with.items():
            by_file: dict[str, list[str]] = {}
            for located in named_by:
                shown = getattr(located.record, "id", None) or located.where().path
                by_file.setdefault(located.file, []).append(str(shown))
            listed = list(by_file.items())[:_FILES_LISTED]
            more = len(by_file) - len(listed)
            en = "; ".join(f"{f}: {', '.join(ids[:_IDS_LISTED])}"
                           + (f" and {len(ids) - _IDS_LISTED} more" if len(ids) > _IDS_LISTED else "")
                           for f, ids in listed) + (f"; and in {more} more files" if more else "")
            zh = "；".join(f"{f}：{'、'.join(f'「{i}」' for i in ids[:_IDS_LISTED])}"
                          + (f"等{len(ids)}条" if len(ids) > _IDS_LISTED else "")
                          for f, ids in listed) + (f"；另有{more}个文件" if more else "")
            n = len(named_by)
            named_en, named_zh = left_out.words(what, record_id)
            errors.append(InputError(
                type="left_out_with", file=left_out.file, line=left_out.line, loc=(),
                input=short_input(record_id),
                msg=f"{named_en} was left out for its input errors, and with it "
                    f"{n} record{'' if n == 1 else 's'} that name{'s' if n == 1 else ''} it "
                    f"({en}); correct the {what[0]} and all are checked",
                ctx={"zh": f"{named_zh}因输入错误未予检查，引用它的{n}条记录随之"
                           f"未予检查（{zh}）；更正该{what[1]}后一并检查"}))
        return errors

    def missing(self, located: Located[Any], sub: tuple[str | int, ...], collection: str,
                what: tuple[str, str], value: str, msg: str, zh: str) -> bool:
        """``located`` names ``value``, a record of ``collection`` (``what``: its kind in words,
        in English and Chinese) the dossier does not hold: left out with it when it was left
        out for its input errors (:meth:`fail_left_out`), else the input error ``msg``
        (``zh``). ``False``."""
        left_out = self.left_out(collection, value)
        if left_out is not None:
            return self.fail_left_out(located, what, value, left_out)
        self.fail(located, sub, "unknown_id", msg, value, zh)
        return False

    def link_left_out(self, located: Located[Any], sub: tuple[str | int, ...],
                      what: tuple[str, str], value: str, place: LeftOut) -> None:
        """``located``, still checked, links at ``sub`` to ``value`` (``what``: its kind in
        words, in English and Chinese), a record left out for its own input errors at
        ``place``: the link counts for nothing, and the error says where that record is, not
        that there is none (a motion naming an expense whose ``paid_on`` is mistyped:
        ``expense 'e1' was left out for its input errors (expenses.yaml:5); …``)."""
        file, line = place.file, place.line
        at_en, at_zh = (file, file) if line is None else (f"{file}:{line}", f"{file}第{line}行")
        self.fail(located, sub, "names_left_out",
                  f"{what[0]} {value!r} was left out for its input errors ({at_en}); this link "
                  "to it counts for nothing until it is corrected", value,
                  f"{what[1]}「{value}」因输入错误未予检查（{at_zh}），此处对它的引用不计，"
                  "更正后一并检查")

    def body(self, located: Located[Any], field: Sub, value: str | None) -> bool:
        """``value`` (when given) is the id of a body of the dossier, and, for a record's own
        ``body``, of a kind that record belongs to (:data:`BODY_KINDS`)."""
        if value is None:
            return True
        named = self.dossier.bodies.get(value)
        if named is not None:
            kinds = BODY_KINDS.get(type(located.record)) if field == "body" else None
            return kinds is None or named.record.kind in kinds or self._wrong_kind(
                located, named.record, kinds)
        known = "、".join(f"「{b}」" for b in sorted(self.dossier.bodies)) or "无"
        refused = self.bodies_refused
        return self.missing(located, _sub(field), "bodies", ("body", "机构"), value,
                            unknown_id("body", value, self.dossier.bodies, refused),
                            f"本卷宗没有编号为「{value}」的机构"
                            + ("（或该机构因输入错误未予检查）" if refused else "")
                            + f"；已有的机构：{known}")

    def _wrong_kind(self, located: Located[Any], body: Body, kinds: tuple[BodyKind, ...]
                    ) -> bool:
        """``located``'s ``body`` names ``body``, which is of none of ``kinds``: an input error
        saying what the record belongs to and what that body is. ``False``."""
        what = _RECORD_TYPES[type(located.record)]
        wanted_zh = "或".join(BODY_KIND_WORDS[k][0] for k in kinds)
        wanted_en = " or the ".join(BODY_KIND_WORDS[k][1] for k in kinds)
        is_zh, is_en = BODY_KIND_WORDS[body.kind]
        self.fail(located, ("body",), "wrong_body_kind",
                  f"a {type_words(what, 'en')} belongs to the {wanted_en}; "
                  f"{self.body_words(body.id, 'en')} is the {is_en}", body.id,
                  f"{type_words(what, 'zh')}属于{wanted_zh}，{self.body_words(body.id)}是{is_zh}")
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
            left_out = self.left_out("meetings", ref.meeting)
            if left_out is not None:  # named where it is, not as if it were missing
                return self.fail_left_out(located, ("meeting", "会议"), ref.meeting, left_out)
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


def refused_records(errors: Iterable[InputError]) -> dict[tuple[str, str], LeftOut]:
    """The records that failed validation and gave an id (``ctx.record``), by collection
    (``bodies``, ``expenses`` …) and id: where the first error of each is, and the name the
    record gave (``ctx.record_name``).

    >>> error = InputError(type="value_error", file="b.yaml", line=3, loc=("body", "established"),
    ...                    msg="not a day", ctx={"record": "rc", "record_name": "居委会"})
    >>> refused_records([error])
    {('bodies', 'rc'): LeftOut(file='b.yaml', line=3, name='居委会')}
    """
    out: dict[tuple[str, str], LeftOut] = {}
    for error in errors:
        own = error.ctx.get("record")
        if own and error.loc and error.loc[0] in RECORD_KEYS:
            out.setdefault((RECORD_KEYS[str(error.loc[0])][0], own),
                           LeftOut(error.file, error.line, error.ctx.get("record_name")))
    return out


def bodies_left_out(dossier: Dossier) -> dict[str, LeftOut]:
    """The bodies of ``dossier`` left out for their input errors (refused by their own checks,
    or for a person on two seats), by id: where each is, and its name.

    >>> from governance_rules.records.loader import dossier_from_data
    >>> files = {"b.yaml": {"body": {"id": "rc", "kind": "residents_committee", "name": "居委会",
    ...                              "established": "2022-02-30", "seats": []}}}
    >>> bodies_left_out(dossier_from_data(files))
    {'rc': LeftOut(file='b.yaml', line=None, name='居委会')}
    """
    out = {located.record.id: _left_out_at(located) for located in dossier.left_out
           if isinstance(located.record, Body)}
    for (collection, own), refused in refused_records(dossier.input_errors).items():
        if collection == "bodies":
            out.setdefault(own, refused)
    return out


_FILES_LISTED, _IDS_LISTED = 8, 3
"""How many files, and ids a file, an error of records left out with another lists."""

_COLLECTION_OF: dict[type[object], str] = {model: collection
                                           for collection, model in RECORD_KEYS.values()}
"""The collection each record model's records go into (``Meeting`` → ``meetings``)."""

_RECORD_TYPES: dict[type[object], str] = {model: key for key, (collection, model)
                                          in RECORD_KEYS.items() if key != collection}
"""Each record model's type as a record file names one (``Session`` → ``session``)."""

BODY_KINDS: dict[type[object], tuple[BodyKind, ...]] = {
    Session: (BodyKind.TOWNSHIP_CONGRESS,),
    Suggestion: (BodyKind.TOWNSHIP_CONGRESS,),
    WorkPoints: (BodyKind.PRESIDIUM,),
    CredentialsReview: (BodyKind.CREDENTIALS_COMMITTEE,),
}
"""The kinds of body a record of each type belongs to (its ``body``, docs/record-format.md): a
session or a deputy's suggestion to the congress, work points to its presidium, a credentials
report to its credentials committee. A record naming a body of another kind is an input error,
not a record the rules quietly pass by."""


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
