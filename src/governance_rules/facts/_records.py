"""Facts about rosters (as of a day) and about the records besides meetings and expenses."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from decimal import Decimal
from functools import partial
from typing import Any, TypeVar

from ..models import (
    ArchiveFile,
    Body,
    BodyKind,
    DecisionRef,
    DisclosureChannel,
    Expense,
    HearingStep,
    Matter,
    Outcome,
    Proposal,
    Register,
    Report,
    Role,
    Sector,
    WorkArea,
)
from ..models.township import SessionItem
from ..records.dossier import Dossier, Located
from ._every_date import (
    BLANK_VALUES,
    EVERY_DATE_KINDS,
    fewest_full_time,
    span_names,
    worst_states,
)
from ._labels import label, labels, report_subject
from ._periods import body_start
from ._seats import RC_MEMBERS, _who_zh, consent_seated, seated_on, who
from ._station import NO_STATION, STATION_KINDS, station_roster
from ._township import (
    ELECTED,
    election_names,
    group_formation,
    office_staff,
    session_fields,
    setup_fields,
    township_facts,
)
from ._window import Window, happened, month_index, period_of, report_day
from .schema import Fact, RecordRef, Wanted

R = TypeVar("R")

_SECTOR_COUNT = len(Sector)
"""How many sectors a roster may represent."""

_LEADERS = (Role.CHAIR, Role.VICE_CHAIR)
_UNIT_REPRESENTATIVE = Role.UNIT_REPRESENTATIVE
_PARTY_COMMITTEE = BodyKind.PARTY_COMMITTEE
_CREDENTIALS_COMMITTEE = BodyKind.CREDENTIALS_COMMITTEE
_TOWNSHIP_CONGRESS = BodyKind.TOWNSHIP_CONGRESS
_CONSULTATION_COMMITTEE = BodyKind.CONSULTATION_COMMITTEE
_NOTICE_BOARD = DisclosureChannel.NOTICE_BOARD
_ADOPTED = Outcome.ADOPTED
_CHAIR = Role.CHAIR
_MEMBER_REPRESENTATIVE_ASSEMBLY = BodyKind.MEMBER_REPRESENTATIVE_ASSEMBLY
_GOVERNANCE_OFFICE = BodyKind.GOVERNANCE_OFFICE
_OFFICIALS_ANSWER = HearingStep.OFFICIALS_ANSWER
_PRESIDIUM = BodyKind.PRESIDIUM
_REPRESENTATIVE_GROUP = BodyKind.REPRESENTATIVE_GROUP
_RESIDENTS_COMMITTEE = BodyKind.RESIDENTS_COMMITTEE
_TOWNSHIP_GOVERNMENT = BodyKind.TOWNSHIP_GOVERNMENT
_VICE_CHAIR = Role.VICE_CHAIR
_WORK_COMMITTEE = BodyKind.WORK_COMMITTEE
"""Members of enums compared with each seat, body or disclosure: names, not members looked up
each time (a class attribute of an enum goes through ``EnumType.__getattr__``'s slow path)."""

_NO_FORMATION: tuple[dict[str, int], dict[str, str]] = (
    {"formation_days": 0, "election_known": 0, "organiser_recorded": 0, "organiser_is_leader": 0},
    {})
""":func:`group_formation`'s fields of a body that is not a representative group."""


def roster_facts(dossier: Dossier, day: date, window: Window | None = None,
                 wanted: Wanted | None = None) -> Iterator[Fact]:
    """One fact per body: who sits on it on ``day`` and what that adds up to.

    The fields only some kinds of body have (a work station's books, a representative group's
    formation, a seal or rules of procedure) are worked out for those bodies; every other body
    shares their blank values, made once.

    With ``wanted``, the fact of a body no roster rule may select (asked once a kind of body, by
    its kind alone) keeps only the record and the guarded values: still a record checked, with
    none of its fields worked out (13 of the 23 bodies of the benchmark's community).
    """
    presidium = {s.person for b in dossier.bodies_of_kind(_PRESIDIUM)
                 for s in b.seated_members_on(day)}
    areas = {b.area for b in dossier.bodies_of_kind(_WORK_COMMITTEE) if b.area}
    staff = office_staff(dossier, day)
    areas_missing = sum(1 for a in WorkArea if a not in areas)
    blank_setup: tuple[dict[str, int], dict[str, str]] | None = None
    jurisdiction = dossier.jurisdiction
    unread: dict[BodyKind, bool] = {}  # whether no rule may select a body of the kind
    written = day.isoformat()  # every body's roster day: written out once
    charter_from = (dossier.community.record.charter_adopted_on
                    if dossier.community is not None else None)
    for located in dossier.bodies.values():
        body = located.record
        since = body_start(body)
        if since is not None and day < since:  # not set up by the roster's day: no roster
            continue
        kind, name, form = body.kind, body.name, body.form  # a record's fields: read once
        if wanted is not None:
            skipped = unread.get(kind)
            if skipped is None:
                skipped = unread[kind] = not wanted("roster", {"body_kind": kind.value})
            if skipped:
                yield Fact("roster", RecordRef(body.id, "body", located.where()), day,
                           jurisdiction, {"body": body.id, "body_kind": kind.value})
                continue
        seated = 0
        sectors: dict[Sector, int] = {}
        groups: dict[str, int] = {}
        roles: dict[str, int] = {}  # by the role held that day (a ``StrEnum``: its text finds it)
        full_time = zones_missing = leaders_outside = 0
        full_timers: list[str] = []  # who, for the consultation committee's findings
        zoneless: list[str] = []
        ever: set[str] = set()  # the residents' groups the roster has seated on any day
        for held in body.held_seats().values():  # counts only: the roster's order is moot
            for seat in held:
                if seat.seat.group is not None and any(
                        role is not _UNIT_REPRESENTATIVE for _, _, role in seat.terms):
                    ever.add(seat.seat.group)  # a resident's seat in some term
                # held on ``day``, in the role of that term (HeldSeat.role_on, inline): a
                # deputy elected vice-chair holds the post by a term of that role
                for start, end, role in seat.terms:  # noqa: B007 - read after the break
                    if start <= day and (end is None or day <= end):
                        break
                else:
                    continue
                s = seat.seat
                seated += 1
                sector, group = s.sector, s.group  # each field read once
                if sector is not None:
                    sectors[sector] = sectors.get(sector, 0) + 1
                if group is not None and role is not _UNIT_REPRESENTATIVE:
                    groups[group] = groups.get(group, 0) + 1
                roles[role] = roles.get(role, 0) + 1
                if s.full_time:
                    full_time += 1
                    full_timers.append(s.person)
                if not s.zone:
                    zones_missing += 1
                    zoneless.append(s.person)
                if role in _LEADERS and s.person not in presidium:
                    leaders_outside += 1
        gov = _government_posts(dossier, body) if kind is _TOWNSHIP_CONGRESS else {}
        outside = _off_presidium(dossier, body, day) if kind is _CREDENTIALS_COMMITTEE else {}
        station, station_names = (station_roster(dossier, body, window or Window(day, day))
                                  if kind in STATION_KINDS else NO_STATION)
        if body.rules_of_procedure is None and body.seal is None:
            setup, setup_names = blank_setup = (blank_setup
                                                or setup_fields(dossier, body, day, staff))
        else:
            setup, setup_names = setup_fields(dossier, body, day, staff)
        formation, formation_names = (group_formation(dossier, body)
                                      if kind is _REPRESENTATIVE_GROUP else _NO_FORMATION)
        spans: Callable[[], dict[str, str]] | None = None
        if kind in EVERY_DATE_KINDS:  # judged on every date of the window the body existed
            first = min(day, max(window.start, since or day) if window is not None else day)
            group_ids = (_groups_since(dossier, first)
                      if kind is _MEMBER_REPRESENTATIVE_ASSEMBLY else ())
            worst, spans = worst_states(body, first, day, charter_from, group_ids)
        else:
            worst = BLANK_VALUES
        full_time_least = -1  # ZZ-STAFF: the fewest full-time staff on any day of the window
        if kind is _GOVERNANCE_OFFICE:
            first = min(day, max(window.start, since or day) if window is not None else day)
            full_time_least, least_from, least_until = fewest_full_time(body, first, day)
        exceptions = body.exceptions
        exception = next((e.reason for e in exceptions
                          if period_of(e.period).start <= day <= period_of(e.period).end),
                         None) if exceptions else None
        names = {"body_name": name, "subject": name, "day": written,
                 **({"government_posts": "; ".join(en for en, _ in gov.values()),
                     "government_posts_zh": "；".join(zh for _, zh in gov.values())}
                    if gov else {}),
                 **({"off_presidium": "; ".join(en for en, _ in outside.values()),
                     "off_presidium_zh": "；".join(zh for _, zh in outside.values())}
                    if outside else {}),
                 **({"special_circumstances": exception} if exception else {}),
                 **station_names, **setup_names, **formation_names}
        if full_time_least >= 0:
            names.update(span_names("full_time_least", least_from, least_until))
        if kind is _CONSULTATION_COMMITTEE:  # CC-PART-TIME, CC-ZONES name whom they count
            for field, people in (("full_time_members", full_timers),
                                  ("zones_missing", zoneless)):
                if people:
                    names[f"{field}_named"] = ", ".join(who(dossier, p) for p in people)
                    names[f"{field}_named_zh"] = "、".join(_who_zh(dossier, p) for p in people)
        if kind is _PARTY_COMMITTEE:  # PO-FORM's message says how it is constituted
            names["form_zh"] = f"设{label(form, 'zh')}" if form else "形式未记录"
            names["form_en"] = (f"constituted as {label(form, 'en')}" if form
                                else "its form not recorded")
            members = body.party_members  # a count not recorded is said so, never -1
            names["party_members_zh"] = (f"党员{members}人" if members is not None
                                         else "党员人数未记录")
            names["party_members_en"] = (
                f"{members} party member{'' if members == 1 else 's'}"
                if members is not None else "party members not recorded")
        get = roles.get
        values: dict[str, int | str] = {
            "body": body.id, "body_kind": kind.value, "seated": seated,
            "form": form.value if form else "",
            "party_members": _known(body.party_members),
            "households": _known(body.households), "office_rooms": _known(body.office_rooms),
            "full_time_members": full_time, "full_time_least": full_time_least,
            "sectors_missing": _SECTOR_COUNT - len(sectors),  # ``sectors``: those seats name
            "sectors_repeated": sum(n - 1 for n in sectors.values() if n > 1),
            "zones_missing": zones_missing,
            "groups": len(groups),
            # a group with none of its representatives seated that day is short too (0 < 2)
            "groups_short": sum(1 for n in groups.values() if n < 2) + len(ever - groups.keys()),
            "groups_over": sum(1 for n in groups.values() if n > 3),
            "unit_reps": get(_UNIT_REPRESENTATIVE, 0),
            "gov_posts": len(gov),
            "work_committees_missing": areas_missing,
            "leaders_outside_presidium": (len(outside) if kind is _CREDENTIALS_COMMITTEE
                                          else leaders_outside),
            "established_by_plenary": _established_by_plenary(dossier, body),
            "special_circumstances": int(exception is not None), **setup, **formation,
            "n_director": get("director", 0), "n_deputy_director": get("deputy_director", 0),
            "n_chair": get("chair", 0), "n_vice_chair": get("vice_chair", 0),
            "n_secretary": get("secretary", 0), "n_convener": get("convener", 0),
            "n_leader": get("leader", 0),
            **station, **worst,
        }
        yield Fact("roster", RecordRef(body.id, "body", located.where()), day,
                   jurisdiction, values, {"roster_day": day}, names,
                   partial(_missing_names, sectors, areas, spans))
    if dossier.community is not None:
        community = dossier.community.record
        names = {"subject": community.name, "body_name": community.name}
        if community.special_circumstances:
            names["special_circumstances"] = community.special_circumstances
        yield Fact("community", RecordRef(community.id, "community", dossier.community.where()),
                   day, dossier.jurisdiction,
                   {"households": _known(community.households),
                    "special_circumstances": int(community.special_circumstances is not None),
                    "single_estate": int(community.single_estate)},
                   {}, names)


def _missing_names(sectors: dict[Sector, int], areas: set[WorkArea],
                   spans: Callable[[], dict[str, str]] | None = None) -> dict[str, str]:
    """The sectors no seat represents (``sectors``: how many seats represent each) and the work
    areas no committee covers, in words; with ``spans``, the worst states' spans over the
    window (:func:`~._every_date.worst_states`)."""
    missing_sectors = [x for x in Sector if not sectors.get(x)]
    missing_areas = [a for a in WorkArea if a not in areas]
    return {"missing_sectors": labels(missing_sectors, "en"),
            "missing_sectors_zh": labels(missing_sectors, "zh"),
            "missing_areas": labels(missing_areas, "en"),
            "missing_areas_zh": labels(missing_areas, "zh"),
            **(spans() if spans is not None else {})}


_COMMITTEE_POSTS = {_CHAIR: ("主任委员", "chair"), _VICE_CHAIR: ("副主任委员", "vice-chair")}
"""A credentials committee's chair and vice-chair as the source names them (主任委员、副主任委员)."""


def _off_presidium(dossier: Dossier, body: Body, until: date) -> dict[str, tuple[str, str]]:
    """TPC-CREDENTIALS (RD-TOWNSHIP:507): the credentials committee's chairs and vice-chairs who,
    on some day they held that post (up to ``until``), held no presidium seat by the roster;
    person → who, the post and the first such day (English, Chinese)."""
    out: dict[str, tuple[str, str]] = {}
    if body.kind is not _CREDENTIALS_COMMITTEE:
        return out
    presidium = dossier.bodies_of_kind(_PRESIDIUM)
    for seat in body.seats:
        for term in seat.terms:
            if (term.role or seat.role) not in (_CHAIR, _VICE_CHAIR) or term.start > until:
                continue
            end = min(term.end or until, until)
            spans = sorted((t.start, t.end) for b in presidium
                           for p in b.seats_of(seat.person) for t in p.terms)
            day: date | None = term.start
            for start, stop in spans:
                if day is None or start > day:
                    break
                if stop is None or stop >= day:
                    day = None if stop is None or stop >= end else stop + timedelta(days=1)
            if day is not None and day <= end:
                zh, en = _COMMITTEE_POSTS[term.role or seat.role]
                out.setdefault(seat.person, (
                    f"{seat.person} ({seat.name}), its {en}, held no presidium seat on {day}",
                    f"{seat.person} ({seat.name})任{zh}，{day}不是主席团成员"))
    return out


def _government_posts(dossier: Dossier, body: Body) -> dict[str, tuple[str, str]]:
    """TPC-LEADERSHIP (RD-TOWNSHIP:506): the chairs and vice-chairs of ``body`` who, on any date,
    also held a seat on a township government, by the rosters; person → the evidence (English,
    Chinese). A seat's ``government_post`` is read only where the dossier has no township
    government roster: a role is a seat on the roster, and a roster that does not seat the
    person contradicts the label."""
    out: dict[str, tuple[str, str]] = {}
    if body.kind is not _TOWNSHIP_CONGRESS:
        return out
    government = dossier.bodies_of_kind(_TOWNSHIP_GOVERNMENT)
    for seat in body.seats:
        for term in seat.terms:
            role = term.role or seat.role
            if role not in (_CHAIR, _VICE_CHAIR):
                continue
            for gov in government:
                other = gov.seat_of(seat.person)
                if other is None:
                    continue
                for held in other.terms:
                    start = max(term.start, held.start)
                    ends = [e for e in (term.end, held.end) if e is not None]
                    if not ends or start <= min(ends):
                        post = held.role or other.role
                        out.setdefault(seat.person, (
                            f"{seat.person} ({seat.name}), {label(role, 'en')}, held a "
                            f"{label(post, 'en')} seat on {gov.name} from {start}",
                            f"{seat.name}（{seat.person}）任{label(role, 'zh')}，{start}起同时在"
                            f"{gov.name}任{label(post, 'zh')}"))
            if seat.government_post and not government:
                out.setdefault(seat.person, (
                    f"{seat.person} ({seat.name}), {label(role, 'en')}, holds the government "
                    f"post {seat.government_post} (as the congress roster states)",
                    f"{seat.name}（{seat.person}）任{label(role, 'zh')}，名册载其兼任政府职务"
                    f"{seat.government_post}"))
    return out


def _established_by_plenary(dossier: Dossier, body: Body) -> int:
    kind, adopted = dossier.decided_by(body.established_by)
    return int(kind is _TOWNSHIP_CONGRESS and adopted)


def _known(value: int | None) -> int:
    return -1 if value is None else value


def record_facts(dossier: Dossier, window: Window, as_of: date | None = None) -> Iterator[Fact]:
    """Hearings, disclosures, reports, proposals, sessions, assessments and archives in ``window``
    (a report also when the period it covers ends in it, if it was made by ``as_of``)."""
    yield from _archive_facts(dossier, window)
    yield from _hearing_facts(dossier, window, as_of)
    yield from _disclosure_facts(dossier, window)
    yield from _report_facts(dossier, window, as_of)
    yield from _proposal_facts(dossier, window, as_of)
    yield from _session_facts(dossier, window)
    yield from _assessment_facts(dossier, window)
    yield from _review_facts(dossier, window)
    yield from township_facts(dossier, window, as_of)


def _kept(dossier: Dossier, collection: Sequence[Located[R]], window: Window,
          day: Callable[[R], date]) -> Iterator[tuple[Located[R], R, Body, dict[str, int | str]]]:
    """The records of ``collection`` dated inside ``window``, with their body and its fields."""
    for located in collection:
        record = located.record
        if window.covers(day(record)):
            body = dossier.bodies[record.body].record  # type: ignore[attr-defined]
            yield located, record, body, {"body": body.id, "body_kind": body.kind.value}


def _archive_facts(dossier: Dossier, window: Window) -> Iterator[Fact]:
    for located in dossier.archives:
        archive = located.record
        if window.covers(archive.date):
            files = [f for f in ArchiveFile if f not in archive.files]
            registers = [r for r in Register if r not in archive.registers]
            absent: list[ArchiveFile | Register] = [*files, *registers]
            yield Fact("archive", RecordRef(archive.id, "archive", located.where()), archive.date,
                       dossier.jurisdiction,
                       {"files_missing": len(files), "registers_missing": len(registers),
                        # ARCH-FILING (SQ-SIFANG:389)
                        "filed_in_volumes": int(archive.filed_in_volumes),
                        "indexed": int(archive.indexed),
                        "election_files": archive.election_files.value,
                        "registration": int(archive.registration)},
                       {"inspected": archive.date},
                       {"subject": archive.id, "missing": ", ".join(f.value for f in absent),
                        "missing_zh": labels(absent, "zh"), "missing_en": labels(absent, "en"),
                        "files_absent": labels(files, "en"), "files_absent_zh": labels(files, "zh"),
                        "registers_absent": labels(registers, "en"),
                        "registers_absent_zh": labels(registers, "zh")})


def _hearing_facts(dossier: Dossier, window: Window, as_of: date | None = None
                   ) -> Iterator[Fact]:
    """Each hearing in ``window``; its publication and written reply only if made by ``as_of``
    (published on 20 September is not published yet as of 16 September)."""
    for located, hearing, body, common in _kept(dossier, dossier.hearings, window, _date):
        missing, disorder = _step_faults(hearing.steps, hearing.involves_law_or_policy,
                                         hearing.matter in _REFERRED)
        published = hearing.published_on if happened(hearing.published_on, as_of) else None
        in_writing = happened(hearing.sent_in_writing_on, as_of)
        # a result to publish and send, unless the steps recorded show none was voted (a
        # matter referred to the assembly, :378); steps not recorded leave it owed
        voted = (hearing.votes is not None or hearing.outcome is not None
                 or not hearing.steps or HearingStep.VOTE in hearing.steps)
        found = _found(dossier, hearing.decision)
        decided = ({"decision": f"\"{found[1].title}\" ({hearing.decision.meeting}/"
                                f"{hearing.decision.motion}) on {found[0].date}",
                    "decision_zh": f"「{found[1].title}」（{hearing.decision.meeting}/"
                                   f"{hearing.decision.motion}，{found[0].date}）"}
                   if found and hearing.decision else {})
        yield Fact("hearing", RecordRef(hearing.id, "hearing", located.where()), hearing.date,
                   dossier.jurisdiction,
                   {**common, "matter": hearing.matter.value,
                    "decided": int(hearing.votes is not None or hearing.outcome is not None),
                    "result": "voted" if voted else "none",
                    "steps_missing": len(missing), "steps_out_of_order": disorder,
                    "publish_days": (published - hearing.date).days if published else -1,
                    "days_run": (window.end - hearing.date).days,
                    "concerns_government": int(hearing.concerns_government),
                    "sent_in_writing": int(in_writing),
                    "chair_recorded": int(hearing.chair is not None),
                    "chair_on_rc": int(dossier.holds_seat(hearing.chair,
                                                          _RESIDENTS_COMMITTEE, None,
                                                          hearing.date)),
                    **_hearing_decision(dossier, hearing),
                    # HEAR-PARTICIPANTS (SQ-SIFANG:376-377): invitations where a department is
                    # concerned or must answer; votes only by the members given a vote
                    "needs_invitation": int(hearing.concerns_government
                                            or hearing.involves_law_or_policy),
                    "invited": len(hearing.invited),
                    "invited_absent": len(set(hearing.invited) - set(hearing.attended)),
                    "voters_set": int(hearing.voting_members is not None),
                    "voting_members": hearing.voting_members or 0,
                    "votes_cast": hearing.votes.cast if hearing.votes else -1},
                   {"hearing": hearing.date, **({"published": published} if published else {}),
                    **({"decided": found[0].date} if found else {})},
                   {"body_name": body.name, "subject": hearing.topic, "title": hearing.topic,
                    "hearing_day": hearing.date.isoformat(),
                    # published after the check's day: not yet, not "not recorded"
                    **({"publish_days_not_by": as_of.isoformat()}
                       if as_of is not None and hearing.published_on and published is None
                       else {}),
                    **({"decided_day": found[0].date.isoformat()} if found else {}),
                    "steps": ", ".join(s.value for s in hearing.steps) or "-",
                    "steps_zh": "→".join(label(s, "zh") for s in hearing.steps) or "-",
                    "steps_en": " → ".join(label(s, "en") for s in hearing.steps) or "-",
                    "missing_steps": ", ".join(label(s, "en") for s in missing),
                    "missing_steps_zh": "、".join(label(s, "zh") for s in missing),
                    "missing_steps_en": ", ".join(label(s, "en") for s in missing),
                    **decided,
                    "invited": ", ".join(hearing.invited) or "nobody",
                    "absent": ", ".join(sorted(set(hearing.invited) - set(hearing.attended)))},
                   partial(_hearing_chair, dossier, hearing.chair, hearing.date))


def _found(dossier: Dossier, ref: DecisionRef | None) -> tuple[Any, Any] | None:
    return dossier.motion(ref.meeting, ref.motion) if ref is not None else None


def _hearing_decision(dossier: Dossier, hearing: Any) -> dict[str, int | str]:
    """HEAR-TIMING (SQ-SIFANG:375): the decision on the matter heard, its body and its day as
    days after the hearing (negative: decided before the hearing was held)."""
    found = _found(dossier, hearing.decision)
    if found is None:
        return {"decision_recorded": 0, "decision_days_after": 0, "decision_body_kind": ""}
    meeting = found[0]
    return {"decision_recorded": 1, "decision_days_after": (meeting.date - hearing.date).days,
            "decision_body_kind": dossier.bodies[meeting.body].record.kind.value}


def _hearing_chair(dossier: Dossier, person: str | None, day: date) -> dict[str, str]:
    """The evidence: the chair's residents' committee seat that day, and who held the seats
    (only a finding reads it)."""
    if person is None:
        return {}
    rc = dossier.bodies_of_kind(_RESIDENTS_COMMITTEE)
    seated = [s for b in rc for s in b.seats if s.role_on(day) is not None]
    who = ", ".join(f"{s.person} ({s.name}, {s.role_on(day)})" for s in seated) or "nobody"
    name = dossier.person_name(person)
    held = dossier.holds_seat(person, _RESIDENTS_COMMITTEE, None, day)
    return {"chair": f"{person} ({name})" if name else person,
            "chair_seat": (f"{person} {'held' if held else 'held no'} residents' committee seat "
                           f"on {day}; seated that day: {who}")}


def _disclosure_facts(dossier: Dossier, window: Window) -> Iterator[Fact]:
    """Each disclosure in ``window``, with the party committee's sitting that decided it (one
    decision is disclosed by several: each sitting is worked out once)."""
    sittings: dict[tuple[str, str], tuple[date, int, int, int] | None] = {}
    jurisdiction = dossier.jurisdiction
    for located, disclosure, body, common in _kept(dossier, dossier.disclosures, window, _date):
        decision, disclosed, title = disclosure.decision, disclosure.date, disclosure.title
        channels = disclosure.channels
        if decision is None:
            sitting = None
        elif (key := (decision.meeting, decision.motion)) in sittings:
            sitting = sittings[key]
        else:
            sitting = sittings[key] = _party_sitting(dossier, decision)
        decided = int(sitting is not None)
        day = sitting[0] if sitting else None
        yield Fact("disclosure", RecordRef(disclosure.id, "disclosure", located.where()),
                   disclosed, jurisdiction,
                   {**common, "category": disclosure.category.value, "decided_by_party": decided,
                    # OPEN-PROCEDURE: the decision is dated on or before the disclosure
                    "decided_in_time": int(day is not None and day <= disclosed),
                    "decision_present": sitting[1] if sitting else 0,
                    "decision_seated": sitting[2] if sitting else 0,
                    "decision_consented": sitting[3] if sitting else 0,
                    # OPEN-BOARD (SQ-SIFANG:368): an item for all residents is on the board
                    "to_all_residents": int(disclosure.to_all_residents),
                    "on_notice_board": int(_NOTICE_BOARD in channels)},
                   {"disclosed": disclosed, **({"decided": day} if day else {})},
                   {"body_name": body.name, "subject": title, "title": title},
                   partial(_disclosure_named, channels, decision, day))


def _disclosure_named(channels: list[DisclosureChannel], decision: DecisionRef | None,
                      day: date | None) -> dict[str, str]:
    """A disclosure's channels and, taken on ``day``, its decision, in words: only a finding
    reads them."""
    names = {"channels": ", ".join(c.value for c in channels) or "none recorded",
             "channels_en": labels(channels, "en") or "none recorded",
             "channels_zh": labels(channels, "zh") or "未记录"}
    if decision is not None and day is not None:
        names["decision"] = f"{decision.meeting}/{decision.motion} on {day}"
        names["decision_zh"] = f"{decision.meeting}/{decision.motion}，{day}"
    return names


def _party_sitting(dossier: Dossier, ref: DecisionRef | None
                   ) -> tuple[date, int, int, int] | None:
    """(day, present, seated, consented) of the sitting of the party committee that adopted the
    decision ``ref`` (``None`` if no such motion: :meth:`Dossier.decided_by` and the sitting
    in one look-up of the motion)."""
    found = dossier.motion(ref.meeting, ref.motion) if ref is not None else None
    if found is None:
        return None
    meeting, motion = found
    body = dossier.bodies[meeting.body].record
    if body.kind is not _PARTY_COMMITTEE or motion.outcome is not _ADOPTED:
        return None
    return (meeting.date, len(meeting.present), body.seated_count_on(meeting.date),
            consent_seated(motion, body, meeting.date))


def _report_facts(dossier: Dossier, window: Window, as_of: date | None = None
                  ) -> Iterator[Fact]:
    """Each report submitted in ``window``, or covering a period that ends in it and submitted
    by ``as_of`` (if given): the cadence counts a report in the period it covers, so a December
    report filed in January is judged (late, incomplete) with the year it counts for, not left
    to a window nobody runs; one filed after the day the check is as of has not happened."""
    def day(report: Report) -> date:
        return report_day(report.submitted_on, report.period, window, as_of)

    for located, report, body, common in _kept(dossier, dossier.reports, window, day):
        period = period_of(report.period)
        sub = report.submitted_on
        yield Fact("report", RecordRef(report.id, "report", located.where()), sub,
                   dossier.jurisdiction,
                   {**common, "report_kind": report.kind.value, "granularity": period.granularity,
                    "months_after": month_index(sub) - month_index(period.end),
                    "year_offset": sub.year - period.start.year, "submitted_month": sub.month,
                    "submitted_day": sub.day,
                    "title_length": len(report.title) if report.title else -1,
                    "page_size": (report.page_size or "").upper(),
                    "line_spacing_pt": _known(report.line_spacing_pt),
                    "length_chars": _known(report.length_chars)},
                   {"submitted": sub, "period_end": period.end},
                   {"body_name": body.name, **report_subject(report),
                    "period": report.period, "title": report.title or "",
                    # a stated exception to a norm (一般不超过20字): the finding quotes it
                    **({"special_circumstances": report.special_circumstances}
                       if report.special_circumstances else {})})


def _proposal_facts(dossier: Dossier, window: Window, as_of: date | None = None
                    ) -> Iterator[Fact]:
    """Each proposal in ``window``; the assembly it names follows it only if held by ``as_of``
    (a sitting dated after the check's day has not been held: the days still run)."""
    for located, proposal, body, common in _kept(dossier, dossier.proposals, window, _date):
        held = dossier.meeting(proposal.assembly or "")
        followed = int(held is not None and held.record.body == proposal.body
                       and held.record.date >= proposal.date
                       and happened(held.record.date, as_of))
        counts, note = proposal_counts(dossier, proposal)
        # RA-ADHOC (a): how soon the assembly followed, and how long the window gave it
        follow_days = (held.record.date - proposal.date).days if followed and held else -1
        yield Fact("proposal", RecordRef(proposal.id, "proposal", located.where()), proposal.date,
                   dossier.jurisdiction,
                   {**common, "followed": followed, "follow_days": follow_days,
                    "days_to_window_end": (window.end - proposal.date).days, **counts},
                   {"proposed": proposal.date},
                   {"body_name": body.name, "subject": proposal.id, "representatives": note})


_PROPOSERS = ("residents", "households", "groups", "representatives")


def proposal_counts(dossier: Dossier, proposal: Proposal | None) -> tuple[dict[str, int], str]:
    """The signed and total counts of a proposal (RA-ADHOC, SQ-SIFANG:176, :448), and the
    evidence for the representatives' denominator.

    The representatives' total is not the count the proposal states: it is the number of
    representatives seated on the assembly the proposal names, on the proposal date, by that
    assembly's roster (三分之一以上代表, :448). Residents, households and groups are counts of the
    community that no roster holds; the proposal's own totals stand for them.
    """
    if proposal is None:
        return {f"{w}_{n}": 0 for w in _PROPOSERS for n in ("signed", "total")}, ""
    counts = {f"{w}_{n}": getattr(proposal, f"{w}_{n}") or 0
              for w in _PROPOSERS for n in ("signed", "total")}
    assembly = dossier.bodies[proposal.body].record
    seated = assembly.seated_count_on(proposal.date)
    counts["representatives_total"] = seated
    stated = proposal.representatives_total
    signed = proposal.representatives_signed
    note = (("no representatives' signatures recorded" if signed is None
             else f"{signed} representatives signed") + f"; {seated} seated on "
            f"{assembly.name} on {proposal.date} by its roster"
            + (f" (the proposal states {stated})" if stated is not None and stated != seated
               else ""))
    return counts, note


def _session_facts(dossier: Dossier, window: Window) -> Iterator[Fact]:
    for located, session, body, common in _kept(dossier, dossier.sessions, window, _date):
        # TPC-ELECTION (b): only an election or a by-election elects (an appointment or a
        # nomination fills a post instead of an election, RD-TOWNSHIP:499); the roster decides
        # who was elected to a post at the session, the session's list only adds to it
        last_day = session.closing_day
        by_roster = _elected_to_posts(dossier, session.date, last_day)
        elected = [post for post in session.posts
                   if post.obtained_by in ELECTED or post.person in by_roster]
        unlisted = len(by_roster.keys() - {post.person for post in session.posts})
        # the day of the election: its agenda item's vote where recorded, else the session's
        voted = [entry.voted_on for entry in session.agenda
                 if entry.item is SessionItem.ELECTION and entry.voted_on is not None]
        election_day = min(voted, default=None)
        # TPC-DURATION, TPC-ELECTION (a): a session holds elections when its record shows one
        # (an election item on its agenda, a post it filled by election, a leadership term the
        # rosters start in its days), whatever its own ``election`` flag says
        elects = (session.election or bool(elected)
                  or any(entry.item is SessionItem.ELECTION for entry in session.agenda))
        elected_on = {person: start for person, (_, start) in by_roster.items()}
        kind, adopted = dossier.decided_by(session.decision)
        found = (dossier.motion(session.decision.meeting, session.decision.motion)
                 if session.decision is not None else None)
        decided = int(kind is _PRESIDIUM and adopted)
        # TPC-SESSIONS: an added session rests on a presidium decision dated no later than it
        in_time = int(bool(decided) and found is not None and found[0].date <= session.date)
        more, more_names = session_fields(dossier, session)
        yield Fact("session", RecordRef(session.id, "session", located.where()), session.date,
                   dossier.jurisdiction,
                   # the days it sat by its dated sittings, where they are recorded: a stated
                   # length its own sittings contradict is not taken (TPC-DURATION)
                   {**common, "number": session.number, "days": session.days_held,
                    "extra": int(session.extra), "extra_decided": decided,
                    "extra_decided_in_time": in_time, "election": int(elects),
                    "method_adopted": int(session.election_method_adopted_on is not None),
                    # TPC-ELECTION (a): adopted, then applied: no later than the day of the
                    # election's vote, else the session's last day (records give no hour)
                    "method_in_time": int(session.election_method_adopted_on is None
                                          or session.election_method_adopted_on
                                          <= (election_day or last_day)),
                    "posts_appointed": len(session.posts) - len(elected),
                    # TPC-ELECTION (d): a dated oath, on or after the election (RD-TOWNSHIP:499);
                    # one elected by the roster whom the session's posts omit has none recorded
                    "oath_missing": sum(1 for post in elected if post.oath_on is None) + unlisted,
                    # on or after the day the person was elected: the roster's term start,
                    # else the election's vote, else the session's first day
                    "oath_before": sum(1 for post in elected if post.oath_on is not None
                                       and post.oath_on < elected_on.get(
                                           post.person, election_day or session.date)),
                    **more},
                   {"session": session.date},
                   {"body_name": body.name, "subject": session.id,
                    **election_names(dossier, session, elected,
                                     {p: by_roster[p] for p in by_roster.keys()
                                      - {post.person for post in session.posts}},
                                     elected_on, election_day or session.date),
                    # TPC-SESSIONS: the presidium's decision to add the session, and how late
                    **({"extra_decided_on": found[0].date.isoformat(),
                        "extra_days_late": str((found[0].date - session.date).days)}
                       if decided and found is not None else {}),
                    "method_adopted_on": str(session.election_method_adopted_on or "-"),
                    # the election: its vote, else no later than the session's last day
                    "elected_on": str(election_day or last_day),
                    **more_names})


_POSTS = frozenset({Role.CHAIR, Role.VICE_CHAIR, Role.HEAD, Role.DEPUTY_HEAD})
"""The leadership posts a township session elects (RD-TOWNSHIP:499)."""


def _elected_to_posts(dossier: Dossier, first: date, last: date
                      ) -> dict[str, tuple[Role, date]]:
    """The people the township rosters show elected to a leadership post by a term starting
    from ``first`` to ``last`` (a session's days), by person: the post and the term's start."""
    found: dict[str, tuple[Role, date]] = {}
    for kind in (BodyKind.TOWNSHIP_CONGRESS, BodyKind.TOWNSHIP_GOVERNMENT):
        for body in dossier.bodies_of_kind(kind):
            for seat in body.seats:
                for term in seat.terms:
                    role = term.role or seat.role
                    if (first <= term.start <= last and term.obtained_by in ELECTED
                            and role in _POSTS):
                        found[seat.person] = (role, term.start)
    return found


def _assessment_facts(dossier: Dossier, window: Window) -> Iterator[Fact]:
    for located, assessment, body, common in _kept(dossier, dossier.assessments, window, _date):
        yield Fact("assessment", RecordRef(assessment.id, "assessment", located.where()),
                   assessment.date, dossier.jurisdiction,
                   {**common, "accepted": int(assessment.accepted),
                    "cult_activity": assessment.cult_activity,
                    "collective_petitions": assessment.collective_petitions,
                    "criminal_cases": assessment.criminal_cases,
                    "major_accidents": assessment.major_accidents,
                    # ZZ-PEACEFUL-VILLAGE (ZZB-DINGYUAN:65): fewer offenders than the year
                    # before; -1 where a count is not recorded
                    "offenders": _known(assessment.offenders),
                    "offenders_previous_year": _known(assessment.offenders_previous_year),
                    "prominent_security_problem": int(assessment.prominent_security_problem),
                    "satisfaction_bp": int(assessment.satisfaction_percent * 100)},
                   {"assessed": assessment.date},
                   {"body_name": body.name, "subject": f"{assessment.village} {assessment.year}",
                    "subject_zh": f"{assessment.village}（{assessment.year}年度）",
                    "satisfaction": f"{assessment.satisfaction_percent}%",
                    "offenders": _shown(assessment.offenders),
                    "offenders_previous_year": _shown(assessment.offenders_previous_year)})


def _shown(count: int | None) -> str:
    return "?" if count is None else str(count)


_UNIT_REPRESENTATIVES = (Role.UNIT_REPRESENTATIVE,)
"""CC-ANNUAL-REVIEW (HLS-356:26): 社区居民代表 is any seat on the member representative assembly
but a unit representative's (the plain ``member`` too, as RA-ELIGIBILITY reads it)."""


def _review_facts(dossier: Dossier, window: Window) -> Iterator[Fact]:
    """CC-ANNUAL-REVIEW: who reviewed, by the seat each held on the review date (a hired
    worker on the residents' committee's roster is none of its members)."""
    for located, review, body, common in _kept(dossier, dossier.reviews, window, _date):
        day, reviewers = review.date, review.reviewers
        seated = seated_on(dossier, _RESIDENTS_COMMITTEE, RC_MEMBERS, day)
        on_rc = [p for p in reviewers if p in seated]
        seated = seated_on(dossier, _MEMBER_REPRESENTATIVE_ASSEMBLY, None, day)
        units = seated_on(dossier, _MEMBER_REPRESENTATIVE_ASSEMBLY, _UNIT_REPRESENTATIVES, day)
        reps = [p for p in reviewers if p in seated and p not in units]
        unseated = [p for p in reviewers if p not in on_rc and p not in reps]
        yield Fact("review", RecordRef(review.id, "review", located.where()), day,
                   dossier.jurisdiction,
                   {**common, "reviewers": len(reviewers), "rc_reviewers": len(on_rc),
                    "rep_reviewers": len(reps), "unseated_reviewers": len(unseated),
                    "days_to_year_end": (date(day.year, 12, 31) - day).days},
                   {"review": day},
                   {"body_name": body.name, "subject": review.id},
                   partial(_reviewers_named, dossier, on_rc, reps, unseated, day))


def _reviewers_named(dossier: Dossier, on_rc: list[str], reps: list[str], unseated: list[str],
                     day: date) -> dict[str, str]:
    """Who of a review's reviewers held a residents' committee seat on ``day``, who a residents'
    representative's, who neither: only a finding reads them."""

    def named(persons: list[str]) -> str:
        return ", ".join(who(dossier, p) for p in persons) or "nobody"

    return {"rc_reviewers": f"{named(on_rc)} held a residents' committee member's seat on {day}",
            "rep_reviewers": f"{named(reps)} held a residents' representative's seat on {day}",
            "unseated": named(unseated),
            "unseated_zh": "、".join(_who_zh(dossier, p) for p in unseated) or "无人"}


def _date(record: Any) -> date:
    return record.date  # type: ignore[no-any-return]


_ORDER = list(HearingStep)
_VOTE = HearingStep.VOTE


_REFERRED = frozenset({Matter.MAJOR_RESIDENTS_MATTER, Matter.RC_ELECTION, Matter.CHARTER,
                       Matter.EXPENSE_OVER_500, Matter.RC_OWNERS_DISPUTE})
"""The matters reserved to the assembly: a hearing on one is referred to the assembly, not
voted (对应由社区成员代表大会讨论决定的事项……提请, SQ-SIFANG:378), so its vote is no missing step."""


def _step_faults(steps: list[HearingStep], needs_officials: bool,
                 referred: bool = False) -> tuple[list[HearingStep], int]:
    """(the steps missing, how many steps are out of order) against SQ-SIFANG:379; a hearing
    whose matter is ``referred`` to the assembly (:378) misses no vote."""
    required = [s for s in _ORDER if (s is not _OFFICIALS_ANSWER or needs_officials)
                and not (referred and s is _VOTE)]
    missing = [s for s in required if s not in steps]
    ranks = [_ORDER.index(s) for s in steps]
    disorder = sum(1 for a, b in itertools.pairwise(ranks) if b < a)
    return missing, disorder


def cluster_facts(dossier: Dossier, window: Window, days: int, key: str) -> Iterator[Fact]:
    """For each expense, the sum of the expenses of the same ``key`` (payee or purpose) paid
    within ``days`` days up to it: the material for FIN-SPLITTING."""
    ordered = sorted((e for e in dossier.expenses if window.covers(e.record.paid_on)),
                     key=lambda e: (e.record.paid_on, e.record.id))
    for i, located in enumerate(ordered):
        expense = located.record
        group_key = getattr(expense, key)
        since = expense.paid_on - timedelta(days=days - 1)
        group = [e.record for e in ordered[: i + 1]
                 if getattr(e.record, key) == group_key and e.record.body == expense.body
                 and e.record.paid_on >= since]
        body = dossier.bodies[expense.body].record
        total = sum((e.amount for e in group), Decimal(0))
        yield Fact("expense_cluster", RecordRef(expense.id, "expense", located.where()),
                   expense.paid_on, dossier.jurisdiction,
                   {"body": body.id, "body_kind": body.kind.value, "cluster_size": len(group),
                    "cluster_fen": _fen(total), "cluster_before_fen": _fen(total - expense.amount),
                    "max_single_fen": max(_fen(e.amount) for e in group)},
                   {"paid": expense.paid_on, "since": since},
                   {"body_name": body.name, "subject": expense.id, "group_key": str(group_key)},
                   partial(_cluster_names, total, group, days))


def _cluster_names(total: Decimal, group: list[Expense], days: int) -> dict[str, str]:
    """An expense cluster's total and expenses in words, each by its purpose, amount and id
    (「冬季防滑垫」90.00元（exp-2022-010）): only a finding reads them."""
    return {"cluster_total": f"{total:.2f}",
            "expenses": ", ".join(f'"{e.purpose}" {e.amount:.2f} yuan ({e.id})' for e in group),
            "expenses_zh": "、".join(f"「{e.purpose}」{e.amount:.2f}元（{e.id}）" for e in group),
            "window_days": str(days)}


def _fen(amount: Decimal) -> int:
    return int(amount * 100)


def _groups_since(dossier: Dossier, first: date) -> tuple[str, ...]:
    """The residents' groups the dossier has by ``first`` (its ``residents_group`` bodies that
    existed then, or whose start no record gives): each owes the assembly 2–3 representatives
    (SQ-SIFANG:147), the ones that never had any too."""
    return tuple(group.id for group in dossier.bodies_of_kind(BodyKind.RESIDENTS_GROUP)
                 if (start := body_start(group)) is None or start <= first)
