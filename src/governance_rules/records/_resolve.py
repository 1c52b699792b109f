"""Cross-record consistency: every id a record names must exist and make sense on its date.

An inconsistent record is an input error, not a finding, and is left out of the check.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from operator import itemgetter
from typing import Any

from .._words import day_name
from ..errors import InputError
from ..models import ApproverRole, Body, DecisionRef, Expense, Meeting, Seat, SignatureRole
from ._references import References
from ._resolve_township import resolve_township
from ._resolve_work import resolve_work, work_days
from .dossier import Dossier, Located

_BODY_RECORDS = ("hearings", "disclosures", "audits", "reports", "proposals", "reviews",
                 "assessments", "sessions", "party_matters", "work_points_list", "suggestions",
                 "credentials_reviews", "unit_letters", "rectifications", "year_end_filings",
                 "retentions", "mailboxes", "leading_groups", "pilots")
"""Records that belong to a body and may name a decision, a meeting or a body that acted."""


def resolve(dossier: Dossier) -> None:
    """Drop the records that contradict the rest, reporting why (file, line, field)."""
    if dossier.community is None and dossier.files:
        refused = next((e for e in dossier.input_errors if e.loc[:1] == ("community",)), None)
        dossier.input_errors.append(InputError(
            type="missing_community", file=dossier.root,
            msg="no `community:` record in this dossier; add a community.yaml so that the "
            "jurisdiction (and its rule overlays) is known" if refused is None else
            f"the `community:` record in {refused.file} has input errors and was left out, so "
            "the jurisdiction (and its rule overlays) is not known",
            ctx={} if refused is None else {
                "zh": f"{refused.file}中的社区（community）记录有输入错误，未予采用，"
                      "无法确定所属辖区及适用的规则"},
        ))
    refs = References(dossier)
    _check_rosters(dossier, refs)
    # before any record naming an expense is checked: one left out here is named as left out
    refs.keep("expenses", lambda e: _expense_consistent(e, refs))
    _keep_seated_meetings(dossier, refs)
    dossier.forget_indexes()  # the meetings by id, for the links below
    for located_body in list(dossier.bodies.values()):
        body = located_body.record
        refs.decision(located_body, ("established_by",), body.established_by)
        for i, seat in enumerate(body.seats):  # most name no decision: asked only when one does
            if (resignation := seat.resignation) is not None:
                refs.decision(located_body, ("seats", i, "resignation"), resignation)
            for j, term in enumerate(seat.terms):
                if (decision := term.decision) is not None:
                    refs.decision(located_body, ("seats", i, "terms", j, "decision"), decision)
    proposal_ids = {p.record.id for p in dossier.proposals}
    expense_ids = {e.record.id for e in dossier.expenses}
    bodies = dossier.bodies
    unlinked: list[Located[Any]] = []  # convened by a body, or on a proposal, not held
    for located in dossier.meetings:
        meeting = located.record.__dict__  # its fields, read as a dict's items (see above)
        if meeting["emergency_reports"] or meeting["motions"]:
            _check_links(located, meeting, dossier, expense_ids, refs)
        linked = True
        if (convened_by := meeting["convened_by"]) is not None and convened_by not in bodies:
            linked = refs.body(located, "convened_by", convened_by)
        if (proposal := meeting["proposal"]) is not None and proposal not in proposal_ids:
            # left out, not judged as a sitting on no proposal (ra-adhoc-basis)
            linked = refs.missing(located, ("proposal",), "proposals", ("proposal", "提议"),
                                  proposal, f"no proposal with id {proposal!r} in this dossier",
                                  f"本卷宗没有编号为「{proposal}」的提议")
        if not linked:
            unlinked.append(located)
    if unlinked:  # left out as every record naming what is not there is, and listed so
        dropped = {id(m) for m in unlinked}
        dossier.meetings = [m for m in dossier.meetings if id(m) not in dropped]
        dossier.left_out.extend(unlinked)
        dossier.forget_indexes()
    for collection in _BODY_RECORDS:
        refs.keep(collection, lambda located: _body_record_ok(dossier, refs, located))
    resolve_township(dossier, refs)
    _check_inspections(dossier, refs)
    refs.keep("expenses", lambda e: all([
        refs.body(e, "body", e.record.body),
        refs.decision(e, ("assembly_decision",), e.record.assembly_decision)]))
    _resolve_books(dossier, refs)
    refs.keep("archive_handovers", lambda h: all([refs.person(h, "outgoing", h.record.outgoing),
                                                  refs.person(h, "incoming", h.record.incoming)]))
    refs.keep("recalls", lambda r: refs.body(r, "body", r.record.body) and all([
        refs.decision(r, ("decision",), r.record.decision),
        refs.member(r, "person", r.record.person, r.record.body),
        refs.member(r, "replaced_by", r.record.replaced_by, r.record.body)]))
    _party_records(dossier, refs)
    resolve_work(dossier, refs)
    _check_span(dossier)
    refs.close()


def _check_rosters(dossier: Dossier, refs: References) -> None:
    """One seat a person on a body; a term that replaces somebody names a member of the body.

    A body listing somebody on two seats is left out (and the records naming it with it): which
    seat holds on a day is not known, and judged by one of them the body read "马军 held no
    director's seat that day, held that day by 马军"."""
    doubled: list[str] = []
    for body_id, located_body in dossier.bodies.items():
        body = located_body.record
        first: dict[str, int] = {}
        for i, seat in enumerate(body.seats):
            if first.setdefault(seat.person, i) != i:
                if not doubled or doubled[-1] != body_id:
                    doubled.append(body_id)
                refs.fail(located_body, ("seats", i, "person"), "duplicate_id",
                          f"{seat.name} ({seat.person}) has two seats on {body.name} ({body.id}); "
                          "list every term on one seat", seat.person,
                          f"{seat.name}（{seat.person}）在{body.name}（{body.id}）有两个席位；"
                          "同一人的各届任期请列在同一席位下")
            for j, term in enumerate(seat.terms):
                if term.replaces is not None and term.replaces not in refs.seats[body_id]:
                    refs.fail(located_body, ("seats", i, "terms", j, "replaces"), "unknown_id",
                              f"no member {term.replaces!r} on {body.name} ({body.id}) to "
                              "replace",
                              term.replaces, f"{body.name}（{body.id}）没有可接替的成员"
                              f"{refs.person_words(term.replaces)}")
    for body_id in doubled:
        dossier.left_out.append(dossier.bodies.pop(body_id))
    if doubled:
        dossier.forget_indexes()


def _expense_consistent(located: Located[Expense], refs: References) -> bool:
    """An expense that contradicts itself is an input error (docs/readings.md, "Roles are
    seats"): one signature listed twice, two people as the residents' committee director on
    one day, one person signing as its director and as its deputy director. Every problem is
    reported, the people by the names the rosters give them (why this is checked here, with
    the rosters known, and not by the record's model). The signatures are gone through once,
    each field read once (a model's field costs several times a plain value to read)."""
    expense = located.record
    ok = True
    claims: dict[date, dict[str, tuple[str | int, ...]]] = {}
    for i, a in enumerate(expense.approvals):
        if a.role is _RC_DIRECTOR_APPROVES:
            claims.setdefault(a.date, {}).setdefault(a.person, ("approvals", i, "person"))
    seen: set[tuple[SignatureRole, str]] = set()
    directors: set[str] = set()
    deputies: list[tuple[int, str]] = []
    for i, signature in enumerate(expense.signatures):  # two deputies may sign (三人以上)
        role, person = signature.role, signature.person
        if (role, person) in seen:
            ok = False
            refs.fail(located, ("signatures", i, "person"), "value_error",
                      f"`signatures` lists {refs.person_words(person, 'en')} signing "
                      f"as {role.value.replace('_', ' ')} twice", person,
                      f"「signatures」中{refs.person_words(person)}以同一身份签字写了两次")
        seen.add((role, person))
        if role is _DIRECTOR_SIGNS:
            directors.add(person)
            claims.setdefault(expense.signed_on(signature), {}).setdefault(
                person, ("signatures", i, "person"))
        elif role is _DEPUTY_SIGNS:
            deputies.append((i, person))
    for day, persons in sorted(claims.items()):
        if len(persons) > 1:
            ok = False
            second = list(persons)[1]
            named = sorted(persons)
            refs.fail(located, persons[second], "value_error",
                      f"the record names {' and '.join(refs.person_words(p, 'en') for p in named)}"
                      f" as the residents' committee director on {day_name(day, 'en')}", second,
                      f"记录将{'、'.join(refs.person_words(p) for p in named)}均列为"
                      f"{day_name(day, 'zh')}的社区居委会主任")
    for deputy, person in deputies:  # whichever order the signatures are listed in
        if person in directors:
            refs.fail(located, ("signatures", deputy, "person"), "value_error",
                      f"{refs.person_words(person, 'en')} signs both as director and as deputy "
                      "director", person, f"{refs.person_words(person)}同时以主任和副主任身份签字")
            return False
    return ok


_RC_DIRECTOR_APPROVES = ApproverRole.RESIDENTS_COMMITTEE_DIRECTOR
_DIRECTOR_SIGNS = SignatureRole.DIRECTOR
_DEPUTY_SIGNS = SignatureRole.DEPUTY_DIRECTOR
"""The roles :func:`_expense_consistent` compares, read once: an enum's member read from its
class costs a Python-level call (``enum.property``) in Python 3.11."""


def _keep_seated_meetings(dossier: Dossier, refs: References) -> None:
    """Keep the meetings whose body exists, everyone present held a seat on it by the day, and
    chair and convener are on some roster; report every reason a meeting is left out.

    Nearly all meetings are sound, and most are found so without a Python step a person: those
    present all have a seat on the body, the meeting is on or after the day its last member
    was first seated (:func:`_seated_from`), and chair and convener are known or not named.
    Any other meeting is gone through person by person (:func:`_seated_meeting_ok`), which
    reports each reason it fails. The fields are read from each meeting's ``__dict__``: reading
    a field of a pydantic model costs several times a dict's item (the model's ``__getattr__``
    keeps CPython from specialising the attribute read). Each body's first seated days are
    made when its first meeting asks."""
    seated_from: dict[str, tuple[dict[str, date], frozenset[str], date]] = {}
    bodies = dossier.bodies
    named_ok: set[str | None] = {None, *refs.people}
    kept = []
    for located in dossier.meetings:
        meeting = located.record.__dict__
        body, day = meeting["body"], meeting["date"]
        seated = seated_from.get(body)
        if seated is None:
            if body not in bodies:
                refs.body(located, "body", body)
                dossier.left_out.append(located)
                continue
            first_days = _seated_from(bodies[body].record)
            seated = seated_from[body] = (first_days, frozenset(first_days),
                                          max(first_days.values(), default=date.min))
        first_days, members, all_seated_on = seated
        if ((day >= all_seated_on and members.issuperset(meeting["present"])
             and meeting["chair"] in named_ok and meeting["convener"] in named_ok)
                or _seated_meeting_ok(located, meeting, first_days, refs)):
            kept.append(located)
        else:
            dossier.left_out.append(located)
    dossier.meetings = kept


def _seated_meeting_ok(located: Located[Meeting], meeting: dict[str, Any],
                       first_days: dict[str, date], refs: References) -> bool:
    """Whether a meeting (``meeting``: its fields) had everyone present seated on its body by
    its day (``first_days``: :func:`_seated_from` of the body) and names a known chair and
    convener; each reason it did not is reported."""
    body, day = meeting["body"], meeting["date"]
    sound = True
    for i, person in enumerate(meeting["present"]):
        first = first_days.get(person)
        if first is None or day < first:
            sound = False
            refs.fail(located, ("present", i), "not_seated",
                      f"{refs.person_words(person, 'en')} holds no seat on "
                      f"{refs.body_words(body, 'en')} on {day_name(day, 'en')}", person,
                      f"{refs.person_words(person)}{day_name(day, 'zh')}未在"
                      f"{refs.body_words(body)}任职")
    for role in ("chair", "convener"):
        named = meeting[role]
        if named is not None and named not in refs.people:
            sound = refs.person(located, role, named)
    return sound


def _seated_from(body: Body) -> dict[str, date]:
    """The day each member of ``body`` first held their seat: the earliest start of its
    terms, so that a meeting on ``day`` had them seated by then exactly when
    ``body.seat_of(person).latest_term_started_by(day)`` is a term (the first seat of a person
    listed twice, as :meth:`Body.seat_of`).

    >>> from governance_rules.models import Seat, Term
    >>> term = {"obtained_by": "election"}
    >>> _seated_from(Body(id="cc", kind="consultation_committee", name="协商委员会", seats=[
    ...     Seat(person="a", name="甲", terms=[Term(start="2021-01-01", **term),
    ...                                       Term(start="2020-01-01", end="2020-06-30", **term)])]))
    {'a': datetime.date(2020, 1, 1)}
    """
    return {person: min(map(_start, seats[0].terms))  # the plain seats facts read
            for person, seats in body.held_seats().items()}


_start = itemgetter(0)
"""A plain term's first day (:attr:`HeldSeat.terms <governance_rules.models.body.HeldSeat.terms>`:
``(start, end, role)``)."""


def _body_record_ok(dossier: Dossier, refs: References, located: Located[Any]) -> bool:
    record = located.record
    ok = refs.body(located, "body", record.body)
    fields = record.__dict__  # not getattr: a field a model lacks costs pydantic an exception
    for field in ("by", "decision", "assembly", "confirmed_by"):
        value = fields.get(field)
        if value is None:
            continue
        if isinstance(value, DecisionRef):
            ok = refs.decision(located, (field,), value) and ok
        elif field == "assembly" and dossier.meeting(value) is None:
            ok = refs.missing(located, (field,), "meetings", ("meeting", "会议"), value,
                              f"no meeting {value!r} in this dossier", f"本卷宗没有会议「{value}」")
        elif field == "by" and isinstance(value, str):
            ok = refs.body(located, field, value) and ok
    return ok


def _check_links(located: Located[Any], meeting: dict[str, Any], dossier: Dossier,
                 expense_ids: set[str], refs: References) -> None:
    """A meeting's links to other records (the emergency handlings reported to it, the expense a
    motion decides) must name records of the dossier: a dangling link is an input error; the
    meeting itself is still checked, the link counts for nothing (an expense is judged by the
    motions naming it, a motion by nothing its expense holds). A link to a record left out for
    its own errors says where that record is. ``meeting`` is the meeting's fields (its
    ``__dict__``)."""
    for i, handled in enumerate(meeting["emergency_reports"]):
        if dossier.meeting(handled) is None:
            sub: tuple[str | int, ...] = ("emergency_reports", i)
            if (place := refs.left_out("meetings", handled)) is not None:
                refs.link_left_out(located, sub, ("meeting", "会议"), handled, place)
                continue
            refs.fail(located, sub, "unknown_id",
                      f"no meeting {handled!r} in this dossier to report on", handled,
                      f"本卷宗没有可汇报的会议「{handled}」")
    for i, motion in enumerate(meeting["motions"]):
        subject = motion.expense
        if subject is not None and subject.id is not None and subject.id not in expense_ids:
            sub = ("motions", i, "expense", "id")
            if (place := refs.left_out("expenses", subject.id)) is not None:
                refs.link_left_out(located, sub, ("expense", "开支"), subject.id, place)
                continue
            refs.fail(located, sub, "unknown_id",
                      f"no expense with id {subject.id!r} in this dossier", subject.id,
                      f"本卷宗没有编号为「{subject.id}」的开支")


def _party_records(dossier: Dossier, refs: References) -> None:
    """Minutes and leave requests name a meeting of the dossier; a leave request's member holds
    a seat on that meeting's body, and the person asked is somebody on a roster; a member
    record's person holds a seat on its body."""

    def meeting_of(located: Located[Any]) -> Located[Meeting] | None:
        named = located.record.meeting
        meeting = dossier.meeting(named)
        if meeting is None:
            refs.missing(located, ("meeting",), "meetings", ("meeting", "会议"), named,
                         f"no meeting {named!r} in this dossier", f"本卷宗没有会议「{named}」")
        return meeting

    refs.keep("minutes", lambda m: all([meeting_of(m) is not None,
                                        refs.person(m, "taken_by", m.record.taken_by,
                                                    named=False)]))

    def leave_ok(entry: Located[Any]) -> bool:
        leave = entry.record
        meeting = meeting_of(entry)
        if meeting is None:
            return False
        ok = True
        if leave.person not in refs.seats[meeting.record.body]:
            ok = False
            refs.fail(entry, ("person",), "unknown_id",
                      f"{refs.person_words(leave.person, 'en')} holds no seat on "
                      f"{refs.body_words(meeting.record.body, 'en')}", leave.person,
                      f"{refs.person_words(leave.person)}不是"
                      f"{refs.body_words(meeting.record.body)}的成员")
        return refs.person(entry, "to", leave.to, named=False) and ok

    refs.keep("leave_requests", leave_ok)

    def member_record_ok(item: Located[Any], record: dict[str, Any]) -> bool:
        """Whether a member record (``record``: its fields) names a member of its body (and one
        of their households); each reason it does not is reported."""
        body, person, household = record["body"], record["person"], record["household"]
        seats = refs.seats.get(body)  # the bodies' seats by person
        if seats is None:  # no such body: reported
            return refs.body(item, "body", body)
        seat = seats.get(person)
        if seat is None:
            refs.fail(item, ("person",), "unknown_id",
                      f"{refs.person_words(person, 'en')} holds no seat on "
                      f"{refs.body_words(body, 'en')}", person,
                      f"{refs.person_words(person)}不是{refs.body_words(body)}的成员")
            return False
        if household is not None and household not in seat.households:
            refs.fail(item, ("household",), "unknown_id",
                      f"{household!r} is not one of {refs.person_words(person, 'en')}'s "
                      f"assigned households on {refs.body_words(body, 'en')}", household,
                      f"「{household}」不是{refs.person_words(person)}在{refs.body_words(body)}"
                      "联系的住户")
            return False
        return True

    seats_of, kept = refs.seats, []
    for item in dossier.member_records:  # a member's entries: hundreds, nearly all sound
        record = item.record.__dict__  # its fields (see _keep_seated_meetings)
        seat = seats_of.get(record["body"], _NO_SEATS).get(record["person"])
        household = record["household"]
        if ((seat is not None and (household is None or household in seat.households))
                or member_record_ok(item, record)):
            kept.append(item)
        else:
            dossier.left_out.append(item)
    dossier.member_records = kept
    expenses = {e.record.id for e in dossier.expenses}

    def matter_ok(matter: Located[Any]) -> bool:
        expense = matter.record.expense
        if expense is None or expense in expenses or refs.left_out("expenses", expense):
            return True  # one left out for its own errors leaves the matter as it is
        refs.fail(matter, ("expense",), "unknown_id", f"no expense {expense!r} in this dossier",
                  expense, f"本卷宗没有编号为「{expense}」的开支")
        return False

    refs.keep("party_matters", matter_ok)


_NO_SEATS: dict[str, Seat] = {}
"""The seats of a body the dossier lacks, by person: none."""


def _resolve_books(dossier: Dossier, refs: References) -> None:
    """A ledger or asset register names its body, and every entry an expense of the dossier."""
    expenses = {e.record.id for e in dossier.expenses}

    def book_ok(located: Located[Any]) -> bool:
        record = located.record
        ok = refs.body(located, "body", record.body)
        for i, entry in enumerate(record.entries):
            if (entry.expense is not None and entry.expense not in expenses
                    and not refs.left_out("expenses", entry.expense)):
                # an expense left out for its own errors leaves the book as it is: the book's
                # other entries and closings are still judged
                ok = False
                refs.fail(located, ("entries", i, "expense"), "unknown_id",
                          f"no expense {entry.expense!r} in this dossier", entry.expense,
                          f"本卷宗没有编号为「{entry.expense}」的开支")
        return ok

    refs.keep("ledgers", book_ok)
    refs.keep("asset_registers", book_ok)


MAX_WINDOW_YEARS = 20
"""The longest checked window the records may imply (docs/hardening.md)."""


def _check_span(dossier: Dossier) -> None:
    """A ``records_cover`` or a spread of record dates longer than :data:`MAX_WINDOW_YEARS` is
    an input error (``window_too_long``): most often one mistyped year (9022 for 2022), which
    would make the cadence rules judge every month of decades."""
    community = dossier.community
    cover = community.record.records_cover if community is not None else None
    if community is not None and cover is not None:
        years = _years(cover.from_, cover.to)
        if years > MAX_WINDOW_YEARS:
            where = community.where("records_cover")
            dossier.input_errors.append(InputError(
                type="window_too_long", file=where.file, line=where.line,
                loc=(*community.path, "records_cover"),
                msg=f"records_cover spans {years} years; at most {MAX_WINDOW_YEARS} are checked "
                "at once: split the records, or check a part with --from/--to"))
        return
    dated = sorted(_dated(dossier), key=lambda item: item[0])
    if not dated or _years(dated[0][0], dated[-1][0]) <= MAX_WINDOW_YEARS:
        return
    days = sorted([*(item[0] for item in dated), date.today()])
    middle = days[len(days) // 2]  # today counts too: with two records, the mistyped one is far from it
    first, last = dated[0], dated[-1]
    day, located, field = first if (middle - first[0]) > (last[0] - middle) else last
    where = located.where(field)
    dossier.input_errors.append(InputError(
        type="window_too_long", file=where.file, line=where.line, loc=(*located.path, field),
        msg=f"dated {day}, {abs(_years(min(day, middle), max(day, middle)))} years from the middle "
        f"of the other records ({middle}): the checked window would span "
        f"{_years(first[0], last[0])} years, more than {MAX_WINDOW_YEARS} (a mistyped year?); "
        "check a part with --from/--to"))


def _years(start: date, end: date) -> int:
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def _dated(dossier: Dossier) -> Iterator[tuple[date, Located[Any], str]]:
    for m in dossier.meetings:
        yield m.record.date, m, "date"
    for e in dossier.expenses:
        yield e.record.paid_on, e, "paid_on"
    for collection in (dossier.hearings, dossier.disclosures, dossier.audits, dossier.proposals,
                       dossier.reviews, dossier.assessments, dossier.archives, dossier.sessions,
                       dossier.member_records, dossier.party_matters,
                       dossier.work_points_list, dossier.suggestions,
                       dossier.credentials_reviews,
                       dossier.rectifications, dossier.year_end_filings, dossier.retentions,
                       dossier.archive_handovers):
        for located in collection:
            yield located.record.date, located, "date"
    for r in dossier.reports:
        yield r.record.submitted_on, r, "submitted_on"
    yield from work_days(dossier)


def _check_inspections(dossier: Dossier, refs: References) -> None:
    """ZZ-RECTIFICATION: a rectification names an inspection report of its office that ordered
    that unit to rectify."""
    orders = {(r.record.id, r.record.body): {o.unit for o in r.record.rectify}
              for r in dossier.reports if r.record.kind.value == "inspection"}

    def ordered(located: Located[Any]) -> bool:
        record = located.record
        units = orders.get((record.inspection, record.body))
        if units is None:
            return refs.missing(
                located, ("inspection",), "reports", ("inspection report", "检查报告"),
                record.inspection, f"no inspection report {record.inspection!r} of "
                f"{refs.body_words(record.body, 'en')} in this dossier",
                f"本卷宗没有{refs.body_words(record.body)}的检查报告「{record.inspection}」")
        if record.unit not in units:
            refs.fail(located, ("unit",), "unknown_id", f"inspection {record.inspection!r} "
                      f"ordered no rectification of {record.unit!r}", record.unit,
                      f"检查「{record.inspection}」未要求「{record.unit}」整改")
            return False
        return True

    refs.keep("rectifications", ordered)
