"""Facts of the township people's congress (RD-TOWNSHIP) that read several records at once:
who fills a vacated leadership post and when, who chaired the presidium, what a session did
(preparation, sittings, agenda, closing), the presidium's setup and work points, the deputies'
suggestions, the groups' formation and the credentials committee's reports.

Kept apart from ``_records.py`` so that the township's readings live in one place.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Container, Iterator, Sequence
from datetime import date, timedelta
from typing import Any

from .._words import counted
from ..models import (
    Body,
    BodyKind,
    CredentialsReview,
    ReviewKind,
    Role,
    Seat,
    SeatOrigin,
    Session,
    Term,
)
from ..models.township import SessionItem, SittingKind
from ..records.dossier import Dossier
from ._labels import label
from ._seats import _who_zh, general_elections, served_since
from ._seats import who as _who
from ._window import Window, happened
from .schema import Fact, RecordRef

_ONE_DAY = timedelta(days=1)

ELECTED_POSTS: dict[BodyKind, tuple[Role, ...]] = {
    BodyKind.TOWNSHIP_CONGRESS: (Role.CHAIR, Role.VICE_CHAIR),
    BodyKind.TOWNSHIP_GOVERNMENT: (Role.HEAD, Role.DEPUTY_HEAD),
}
"""TPC-ELECTION (b), (c) (RD-TOWNSHIP:499): the posts that only the congress's election fills."""

ELECTED = (SeatOrigin.ELECTION, SeatOrigin.BY_ELECTION)
"""How a seat or post is elected (an appointment or a nomination fills it otherwise)."""

_TOWNSHIP_CONGRESS, _PRESIDIUM = BodyKind.TOWNSHIP_CONGRESS, BodyKind.PRESIDIUM
"""Compared with a body's kind for each term and meeting: names, not members of ``BodyKind``
looked up each time (a class attribute of an enum goes through ``EnumType.__getattr__``)."""


NOT_PRESIDIUM: dict[str, int] = {"chaired_by_tpc_chair": 0, "convened_by_tpc_chair": 0}
"""What :func:`presidium_chair` gives a meeting of a body that is not a presidium (most
meetings; read only)."""
NO_VACANCY: dict[str, int] = {"vacancy": 0, "vacancy_days": 0, "refilled": 0}
""":func:`post_vacancy`'s fields (after the term's role) of a term that leaves no vacancy."""
NO_DEPUTY: dict[str, int] = {"deputy_elected": 0, "credentials_examined": 0, "ended_early": 0,
                             "ending_reported": 0}
""":func:`deputy_credentials`'s fields of a term that is no deputy's."""


def post_vacancy(dossier: Dossier, body: Body, seat: Seat, term: Term,
                 window_end: date, as_of: date | None = None) -> dict[str, int | str]:
    """TPC-ELECTION (c) (出缺应及时召开会议进行补选, RD-TOWNSHIP:499) for one term of an elected
    post: did its end leave the post vacant (fewer elected holders of the role the next day,
    while the congress's term runs on), and how many days from the first vacant day to a
    by-election at a session of the congress (``refilled``); unfilled, the days run to the
    window's end. A term starting after ``as_of`` has not started: it fills nothing yet.

    A term that ends with the congress's term (届: no deputy's seat runs on past that day) leaves
    no vacancy: a new congress is elected, and it elects the posts.
    """
    role = term.role or seat.role
    out: dict[str, int | str] = {"term_role": role.value, **NO_VACANCY}
    end = term.end
    if end is None or end >= window_end or role not in ELECTED_POSTS.get(body.kind, ()):
        return out
    day = end + _ONE_DAY
    if (not _term_runs_on(dossier, end)
            or _elected_holders(body, role, day, dossier) >= _elected_holders(body, role, end)):
        return out
    starts = sorted(t.start for _, _, t in body.terms_in_role(role)
                    if t.start >= day and t.obtained_by in ELECTED and happened(t.start, as_of))
    filled = next((start for start in starts if _session_on(dossier, start)), None)
    out.update(vacancy=1, refilled=int(filled is not None),
               vacancy_days=((filled or window_end) - day).days)
    return out


def _elected_holders(body: Body, role: Role, day: date, dossier: Dossier | None = None) -> int:
    """How many hold ``role`` on ``day`` by an election: an appointee fills no vacancy. Given the
    ``dossier``, a term starting on ``day`` counts only if a session of the congress sat that day,
    as a by-election must (杜绝以组织任命代替选举, RD-TOWNSHIP:499): a deputy head's term marked
    ``by_election`` from 1 July, with no session that day, fills nothing."""
    return sum(1 for _, s, t in body.terms_in_role(role)
               if t.start <= day and (t.end is None or day <= t.end)
               and t.obtained_by in ELECTED and s.term_on(day) is t
               and (dossier is None or t.start < day or _session_on(dossier, day)))


def _term_runs_on(dossier: Dossier, end: date) -> bool:
    """Whether the congress's term runs on past ``end``: a township congress seat held on ``end``
    is held on the next day too."""
    return any(s.term_on(end) is not None and s.term_on(end + _ONE_DAY) is not None
               for b in dossier.bodies_of_kind(BodyKind.TOWNSHIP_CONGRESS) for s in b.seats)


def _session_on(dossier: Dossier, day: date) -> bool:
    """Whether a session of a township congress sat on ``day`` (its opening to closing day)."""
    for located in dossier.sessions:
        session = located.record
        kind = dossier.bodies[session.body].record.kind
        if kind is BodyKind.TOWNSHIP_CONGRESS and session.date <= day <= session.closing_day:
            return True
    return False


def vacancy_names(dossier: Dossier, body: Body, seat: Seat, term: Term,
                  as_of: date | None = None) -> dict[str, str]:
    """The evidence of a township term: its first and last day, and, where its holder left the
    region, that day and how the post ran on (TPC-DEPARTURE, TPC-CREDENTIALS-REVIEW); for an
    elected post, the post, the first vacant day and who held the post afterwards (by
    ``as_of``: a holder from a later day is none yet)."""
    out = {"term_start_on": term.start.isoformat(), "term_end_on": str(term.end or "-"),
           **_departure_names(seat.left_region_on, term)}
    role = term.role or seat.role
    if term.end is None or role not in ELECTED_POSTS.get(body.kind, ()):
        return out
    day = term.end + _ONE_DAY
    later = sorted((t.start, s.person) for _, s, t in body.terms_in_role(role)
                   if t.start >= day and happened(t.start, as_of))
    named = [(_who(dossier, p), start) for start, p in later]
    return {**out, "vacant_from": day.isoformat(), "post": role.value,
            "post_en": label(role, "en"), "post_zh": label(role, "zh"),
            "successors": ", ".join(f"{who} from {start}" for who, start in named) or "nobody",
            "successors_zh": "、".join(f"{who}自{start}起" for who, start in named) or "无人"}


def _departure_names(left: date | None, term: Term) -> dict[str, str]:
    """TPC-DEPARTURE: the day the holder left the region, and the post after it (still held, or
    ended only so many days later), in both languages."""
    if left is None:
        return {}
    out = {"left_region_on": left.isoformat()}
    end = term.end
    if end is None:
        out["after_leaving"] = f"left the region on {left}, and the post has not ended"
        out["after_leaving_zh"] = f"{left}调离本行政区，职务至今未终止"
    elif end > left:
        out["after_leaving"] = f"left the region on {left}, yet the roster keeps the post until {end}"
        out["after_leaving_zh"] = f"{left}调离本行政区，名册上其职务仍延续至{end}"
    return out


def presidium_chair(dossier: Dossier, body: Body, chair: str | None, convener: str | None,
                    day: date) -> tuple[dict[str, int], dict[str, str]]:
    """TPC-PRESIDIUM-CHAIR (乡镇人大主席负责召集并主持主席团会议, RD-TOWNSHIP:506): whether the
    person who chaired (and, where recorded, convened) a presidium meeting held the chair's seat
    on a township congress that day, by the roster; with the evidence naming who held it."""
    if body.kind is not _PRESIDIUM:
        return dict(NOT_PRESIDIUM), {}
    holders = dossier.seat_holders(BodyKind.TOWNSHIP_CONGRESS, (Role.CHAIR,), day)
    names = _holders_named(dossier, "tpc_chair", holders)
    values: dict[str, int] = {}
    for what, person in (("chaired", chair), ("convened", convener)):
        held = dossier.holds_seat(person, BodyKind.TOWNSHIP_CONGRESS, (Role.CHAIR,), day)
        values[f"{what}_by_tpc_chair"] = int(held)
        if person is not None:
            names[f"{what}_by"] = _who(dossier, person)
    return values, names



_SEAL = re.compile(r"^.+[乡镇]人民代表大会主席团$")


def office_staff(dossier: Dossier, day: date) -> tuple[int, str]:
    """How many sit on the presidium office on ``day``, and who: the same for every body's roster
    fact (:func:`setup_fields`), so worked out once a roster day."""
    staff = [s for b in dossier.bodies_of_kind(BodyKind.PRESIDIUM_OFFICE)
             for s in b.seated_members_on(day)]
    return len(staff), ", ".join(_who(dossier, s.person) for s in staff) or "-"


def setup_fields(dossier: Dossier, body: Body, day: date, staff: tuple[int, str] | None = None
                 ) -> tuple[dict[str, int], dict[str, str]]:
    """TPC-SETUP (RD-TOWNSHIP:500, :502, :506) on the roster day: the body's rules of procedure
    adopted by then; the presidium office's staff seated that day (``staff``, from
    :func:`office_staff`); the presidium's seal reading 《某某乡(镇)人民代表大会主席团》 (with
    the town's own name where the community is a town)."""
    rules = body.rules_of_procedure
    staff_count, staff_names = staff if staff is not None else office_staff(dossier, day)
    town = dossier.community.record.name if dossier.community is not None else ""
    seal = body.seal or ""
    wanted = f"{town}人民代表大会主席团" if town.endswith(("乡", "镇")) else ""
    seal_ok = bool(_SEAL.match(seal)) and (not wanted or seal == wanted)
    names = {"office_staff": staff_names,
             "seal": seal or "-", "seal_wanted": wanted or "某某乡(镇)人民代表大会主席团"}
    if rules is not None:
        names["rules_of_procedure"] = f"《{rules.title}》 {rules.adopted_on}"
    return {"rules_of_procedure": int(rules is not None and rules.adopted_on <= day),
            "office_staff": staff_count, "seal_ok": int(seal_ok)}, names


def township_facts(dossier: Dossier, window: Window, as_of: date | None = None
                   ) -> Iterator[Fact]:
    """The work points, the suggestions and the credentials reports dated inside ``window``."""
    yield from _work_points_facts(dossier, window)
    yield from _suggestion_facts(dossier, window, as_of)
    yield from _credentials_facts(dossier, window)


def _work_points_facts(dossier: Dossier, window: Window) -> Iterator[Fact]:
    """TPC-WORK-POINTS (并向乡镇党委报告,党委批准后,由乡镇人大主席组织实施, RD-TOWNSHIP:502)."""
    for located in dossier.work_points_list:
        points = located.record
        if not window.covers(points.date):
            continue
        body = dossier.bodies[points.body].record
        rep, app, imp = points.reported_on, points.approved_on, points.implemented_on
        by = points.implemented_by
        held = imp is not None and dossier.holds_seat(by, BodyKind.TOWNSHIP_CONGRESS,
                                                      (Role.CHAIR,), imp)
        names = {"body_name": body.name, "subject": points.title or points.id,
                 "reported_on": str(rep or "-"), "approved_on": str(app or "-"),
                 "implemented_on": str(imp or "-"),
                 # how many days the first act of implementation preceded the approval
                 "approval_days_late": str((app - imp).days) if app and imp and imp < app
                                        else "0"}
        if imp is not None:
            holders = dossier.seat_holders(BodyKind.TOWNSHIP_CONGRESS, (Role.CHAIR,), imp)
            names |= _holders_named(dossier, "tpc_chair", holders)
            names["implemented_by"] = _who(dossier, by) if by else "-"
        yield Fact("work_points", RecordRef(points.id, "work_points", located.where()),
                   points.date, dossier.jurisdiction,
                   {"body": body.id, "body_kind": body.kind.value,
                    "reported": int(rep is not None), "approved": int(app is not None),
                    "implemented": int(imp is not None),
                    "reported_first": int(rep is not None and app is not None and rep <= app),
                    "approved_in_time": int(app is not None and imp is not None and app <= imp),
                    "implementer_recorded": int(by is not None),
                    "implementer_is_chair": int(held)},
                   {"drawn_up": points.date, **({"approved": app} if app else {}),
                    **({"implemented": imp} if imp else {})},
                   names)


def _suggestion_facts(dossier: Dossier, window: Window, as_of: date | None = None
                      ) -> Iterator[Fact]:
    """TPC-SUGGESTIONS (在规定时限内完成并答复代表…要向乡镇人民代表大会报告,并提请会议审议,
    RD-TOWNSHIP:502): the deputy's seat that day, the days to the answer (unanswered: to the
    window's end; an answer dated after ``as_of`` is none yet), and, once a session of the
    congress opened on or after the answer, whether the suggestion names such a session as the
    one that had the report: its agenda has the report on the handling (a ``suggestions_report``
    item: 要向乡镇人民代表大会报告,并提请会议审议), else the suggestion's own ``reported_at`` is a
    label its session's record contradicts."""
    for located in dossier.suggestions:
        item = located.record
        if not window.covers(item.date):
            continue
        body = dossier.bodies[item.body].record
        answered = item.answered_on if happened(item.answered_on, as_of) else None
        seated = body.holds(item.deputy, None, item.date)
        later = sorted(s.record.date for s in dossier.sessions
                       if s.record.body == body.id and answered is not None
                       and s.record.date >= answered and s.record.date <= window.end)
        at = next((s.record for s in dossier.sessions if s.record.id == item.reported_at), None)
        named = (at is not None and at.body == body.id and answered is not None
                 and at.date >= answered and happened(at.date, as_of))
        on_agenda = at is not None and any(entry.item is SessionItem.SUGGESTIONS_REPORT
                                           for entry in at.agenda)
        yield Fact("suggestion", RecordRef(item.id, "suggestion", located.where()), item.date,
                   dossier.jurisdiction,
                   {"body": body.id, "body_kind": body.kind.value,
                    "deputy_seated": int(seated), "answered": int(answered is not None),
                    "answer_days": ((answered or window.end) - item.date).days,
                    "later_session": int(bool(later)), "reported": int(named and on_agenda),
                    "named_unreported": int(named and not on_agenda)},
                   {"made": item.date, **({"answered": answered} if answered else {})},
                   {"body_name": body.name, "subject": item.title or item.id,
                    "deputy": _who(dossier, item.deputy),
                    "made_on": item.date.isoformat(), "answered_on": str(answered or "-"),
                    "answer_until": window.end.isoformat(),
                    "next_session": str(later[0]) if later else "-",
                    "reported_at": (f"{at.id} ({at.date})" if at is not None else "-"),
                    "reported_at_on": str(at.date) if at is not None else "-"})


_LEADERS = (Role.CHAIR, Role.VICE_CHAIR)


def group_formation(dossier: Dossier, body: Body) -> tuple[dict[str, int], dict[str, str]]:
    """TPC-GROUP-FORMATION (每届人大代表选举产生后,要及时组建代表小组…由乡镇人大主席、副主席
    负责, RD-TOWNSHIP:503) for a representative group: days from the latest election of
    deputies on or before its formation (the start of elected terms on a township congress) to
    its formation (``established``, else its first seat), and whether the person who organised
    it held the congress chair's or a vice-chair's seat that day."""
    if body.kind is not BodyKind.REPRESENTATIVE_GROUP:
        return {"formation_days": 0, "election_known": 0, "organiser_recorded": 0,
                "organiser_is_leader": 0}, {}
    starts = [t.start for s in body.seats for t in s.terms]
    formed = body.established or (min(starts) if starts else None)
    elections = [day for b in dossier.bodies_of_kind(BodyKind.TOWNSHIP_CONGRESS)
                 for day in general_elections([t for s in b.seats for t in s.terms])
                 if formed is not None and day <= formed]  # a chair elected mid-term is none
    elected = max(elections, default=None)
    person = body.organised_by
    held = formed is not None and dossier.holds_seat(person, BodyKind.TOWNSHIP_CONGRESS,
                                                     _LEADERS, formed)
    leaders = (dossier.seat_holders(BodyKind.TOWNSHIP_CONGRESS, _LEADERS, formed)
               if formed is not None else [])
    names = {"formed": str(formed or "-"), "deputies_elected": str(elected or "-"),
             "organised_by": _who(dossier, person) if person else "-",
             **_holders_named(dossier, "tpc_leaders", leaders)}
    return {"formation_days": (formed - elected).days if formed and elected else 0,
            "election_known": int(elected is not None),
            "organiser_recorded": int(person is not None),
            "organiser_is_leader": int(held)}, names


_Q3_FOCUS = (SessionItem.RESOLUTION_CHECK, SessionItem.SPECIAL_SUPERVISION,
             SessionItem.HALF_YEAR_PROGRESS)
_RESOLVED = (SessionItem.GOVERNMENT_WORK_REPORT, SessionItem.ANNUAL_PLANS)
_ITEM_LABELS = {
    SessionItem.GOVERNMENT_WORK_REPORT: "政府工作报告", SessionItem.ANNUAL_PLANS: "全年工作安排",
    SessionItem.PRESIDIUM_REPORT: "主席团工作报告", SessionItem.BUDGET: "财政预算",
    SessionItem.RESOLUTION_CHECK: "检查决议执行", SessionItem.SPECIAL_SUPERVISION: "专项监督",
    SessionItem.HALF_YEAR_PROGRESS: "政府上半年工作进展",
    SessionItem.SUGGESTIONS_REPORT: "代表建议办理情况报告", SessionItem.ELECTION: "选举",
    SessionItem.OTHER: "其他"}
_SITTING_LABELS = {SittingKind.PREPARATORY: "预备会", SittingKind.PRESIDIUM: "主席团会",
                   SittingKind.PLENARY: "全体会"}
_ITEM_LABELS_EN = {
    SessionItem.GOVERNMENT_WORK_REPORT: "the government work report",
    SessionItem.ANNUAL_PLANS: "the year's work plans",
    SessionItem.PRESIDIUM_REPORT: "the presidium's work report", SessionItem.BUDGET: "the budget",
    SessionItem.RESOLUTION_CHECK: "checking how resolutions were carried out",
    SessionItem.SPECIAL_SUPERVISION: "special supervision",
    SessionItem.HALF_YEAR_PROGRESS: "the government's first-half progress",
    SessionItem.SUGGESTIONS_REPORT: "the report on deputies' suggestions",
    SessionItem.ELECTION: "an election", SessionItem.OTHER: "other business"}
_SITTING_LABELS_EN = {SittingKind.PREPARATORY: "preparatory meeting",
                      SittingKind.PRESIDIUM: "presidium meeting",
                      SittingKind.PLENARY: "plenary meeting"}
_CLOSE_LABELS = {"announced": ("公告", "announcement"), "reported": ("上报", "report upwards"),
                 "archived": ("存档", "archiving")}
"""The steps after a session closes, in the source's terms (公告、上报、存档) and in English."""


def session_fields(dossier: Dossier, session: Session) -> tuple[dict[str, int], dict[str, str]]:
    """What a session's own record shows for TPC-PREPARATION (:498), TPC-SESSION-ORDER (:497,
    :500), TPC-SESSION-AGENDA (:500) and TPC-SESSION-CLOSE (:500)."""
    values: dict[str, int] = {}
    names: dict[str, str] = {}
    # TPC-SESSION-AGENDA: the quarter's focus (侧重)
    items = {e.item for e in session.agenda}
    values.update(quarter=(session.date.month - 1) // 3 + 1,
                  has_gov_report=int(SessionItem.GOVERNMENT_WORK_REPORT in items),
                  has_resolution=int(any(e.item in _RESOLVED and e.voted_on is not None
                                         for e in session.agenda)),
                  has_q3_focus=int(bool(items & set(_Q3_FOCUS))))
    names["agenda"] = "、".join(e.title or _ITEM_LABELS[e.item] for e in session.agenda) or "-"
    names["agenda_en"] = "; ".join(e.title or _ITEM_LABELS_EN[e.item]
                                   for e in session.agenda) or "-"
    if session.special_circumstances:
        names["special_circumstances"] = session.special_circumstances
    # TPC-SESSION-ORDER: preparatory, presidium, plenary, in that order; no vote undeliberated
    order = [s.kind for s in session.sittings]
    firsts = [order.index(k) for k in SittingKind if k in order]
    dates = [s.date for s in session.sittings]
    undeliberated = [e for e in session.agenda if e.voted_on is not None
                     and (e.deliberated_on is None or e.deliberated_on > e.voted_on)]
    values.update(
        sittings_missing=len(SittingKind) - len(firsts),
        sittings_out_of_order=int(firsts != sorted(firsts)
                                  or any(b < a for a, b in itertools.pairwise(dates))),
        voted_undeliberated=len(undeliberated))
    absent = [k for k in SittingKind if k not in order]
    names["sittings_missing_kinds"] = " or ".join(_SITTING_LABELS_EN[k] for k in absent) or "-"
    names["sittings_missing_kinds_zh"] = "、".join(_SITTING_LABELS[k] for k in absent) or "-"
    names["sittings"] = "、".join(f"{_SITTING_LABELS[s.kind]} {s.date}"
                                  for s in session.sittings) or "-"
    names["sittings_en"] = ", ".join(f"{_SITTING_LABELS_EN[s.kind]} {s.date}"
                                     for s in session.sittings) or "-"
    names["undeliberated"] = "、".join(e.title or _ITEM_LABELS[e.item] for e in undeliberated) or "-"
    names["undeliberated_en"] = "; ".join(e.title or _ITEM_LABELS_EN[e.item]
                                          for e in undeliberated) or "-"
    # TPC-SESSION-CLOSE: announcement, report to the higher level, archiving, after the close
    closed = session.closing_day
    acts = {"announced": None, "reported": None, "archived": None} if session.closing is None \
        else {"announced": session.closing.announced_on, "reported": session.closing.reported_on,
              "archived": session.closing.archived_on}
    missing = [k for k, v in acts.items() if v is None]
    early = [k for k, v in acts.items() if v is not None and v < closed]
    values.update(close_missing=len(missing), close_early=len(early))
    names.update(closed=closed.isoformat(),
                 close_missing="、".join(_CLOSE_LABELS[k][0] for k in missing) or "-",
                 close_missing_en=", ".join(_CLOSE_LABELS[k][1] for k in missing) or "-",
                 close_early="、".join(f"{_CLOSE_LABELS[k][0]}于{acts[k]}" for k in early) or "-",
                 close_early_en=", ".join(f"{_CLOSE_LABELS[k][1]} on {acts[k]}"
                                          for k in early) or "-")
    values.update(_preparation(dossier, session, names))
    return values, names


def election_names(dossier: Dossier, session: Session, elected: Sequence[Any],
                   unlisted: dict[str, tuple[Role, date]], elected_on: dict[str, date],
                   election_day: date) -> dict[str, str]:
    """TPC-ELECTION's people, in both languages: the posts filled at ``session`` otherwise than
    by election, the newly ``elected`` (the session's posts; ``unlisted``: those the rosters
    show elected whom its posts omit) with no dated oath, and those whose oath predates the day
    they were elected (``elected_on``, else ``election_day``)."""
    kept = {id(post) for post in elected}
    appointed = [p for p in session.posts if id(p) not in kept]
    no_oath = [p.person for p in elected if p.oath_on is None] + sorted(unlisted)
    early = [(p.person, p.oath_on, elected_on.get(p.person, election_day)) for p in elected
             if p.oath_on is not None and p.oath_on < elected_on.get(p.person, election_day)]
    return {
        "appointed_posts": ", ".join(f"{_who(dossier, p.person)} as {label(p.post, 'en')} by "
                                     f"{label(p.obtained_by, 'en')}" for p in appointed) or "-",
        "appointed_posts_zh": "、".join(f"{_who_zh(dossier, p.person)}经{label(p.obtained_by, 'zh')}"
                                       f"任{label(p.post, 'zh')}" for p in appointed) or "-",
        "oath_missing_people": ", ".join(_who(dossier, p) for p in no_oath) or "-",
        "oath_before_people": ", ".join(f"{_who(dossier, p)} sworn on {oath} but elected on {day}"
                                        for p, oath, day in early) or "-",
        "oath_before_people_zh": "、".join(f"{_who_zh(dossier, p)}于{oath}宣誓而{day}才当选"
                                           for p, oath, day in early) or "-",
    }


def _preparation(dossier: Dossier, session: Session, names: dict[str, str]) -> dict[str, int]:
    """TPC-PREPARATION (:498): the party committee's approval, then the presidium meeting's
    decision (an added session's decision to add it counts), then notice and reports, each
    before the session opens; the days ahead are for the rule's parameter."""
    prep = session.preparation
    approved = prep.party_approved_on if prep else None
    ref = (prep.presidium_decision if prep and prep.presidium_decision else None) \
        or session.decision
    found = dossier.motion(ref.meeting, ref.motion) if ref is not None else None
    kind, adopted = dossier.decided_by(ref)
    decided_on = found[0].date if found is not None and adopted \
        and kind is BodyKind.PRESIDIUM else None
    notice = prep.notice_on if prep else None
    sent = prep.reports_sent_on if prep else None
    names.update(party_approved_on=str(approved or "-"), decided_on=str(decided_on or "-"),
                 notice_on=str(notice or "-"), reports_sent_on=str(sent or "-"),
                 **_lead("notice", notice, session.date), **_lead("reports", sent, session.date))
    return {
        "party_approved": int(approved is not None),
        "presidium_decided": int(decided_on is not None),
        "approval_first": int(approved is not None and decided_on is not None
                              and approved <= decided_on),
        "decided_before_notice": int(decided_on is None or notice is None
                                     or decided_on <= notice),
        "notice_days": (session.date - notice).days if notice else -1,
        "reports_days": (session.date - sent).days if sent else -1,
    }


_LEAD_WORDS = {
    "notice": ("会议通知", "下发", "the notice", "went out", "no notice to the deputies"),
    "reports": ("主席团报告和政府工作报告", "发送代表",
                "the presidium's report and the government work report", "reached the deputies",
                "no sending of the presidium's report and the government work report"),
}
"""TPC-PREPARATION's notice and reports (及时下发会议通知,并向人大代表发送…报告): what, the verb."""


def _lead(key: str, day: date | None, opened: date) -> dict[str, str]:
    """``{key}_late`` (English) and its Chinese twin: when the notice or the reports went out
    against the session's opening day, both days named and the days between them (after the
    opening, on its day, or too few days before it)."""
    zh, verb_zh, en, verb_en, none_en = _LEAD_WORDS[key]
    o = opened.isoformat()
    if day is None:
        texts = (f"未见{zh}{verb_zh}的记录（{o}开幕）", f"{none_en} is recorded (opening on {o})")
    elif day > opened:
        n = (day - opened).days
        texts = (f"{zh}于{day}才{verb_zh}，晚于{o}开幕{n}天",
                 f"{en} {verb_en} only on {day}, {counted(n, 'day', 'en')} after the opening on {o}")
    elif day == opened:
        texts = (f"{zh}于{o}开幕当日才{verb_zh}", f"{en} {verb_en} only on the opening day, {o}")
    else:
        n = (opened - day).days
        texts = (f"{zh}于{day}{verb_zh}，距{o}开幕仅{n}天",
                 f"{en} {verb_en} on {day}, only {counted(n, 'day', 'en')} before the opening on {o}")
    return {f"{key}_late_zh": texts[0], f"{key}_late": texts[1]}


def _credentials_facts(dossier: Dossier, window: Window) -> Iterator[Fact]:
    """TPC-CREDENTIALS-REVIEW (RD-TOWNSHIP:507), per report of the credentials committee: an
    examination confirmed by an adopted presidium motion dated on or after the report, and the
    list published no later than the session's opening day (在人代会前: the first day counts);
    a suspension or termination reported to a session opened on or after the report, and a
    termination announced on or after it."""
    for located in dossier.credentials_reviews:
        review = located.record
        if not window.covers(review.date):
            continue
        body = dossier.bodies[review.body].record
        ref = review.confirmed_by
        found = dossier.motion(ref.meeting, ref.motion) if ref is not None else None
        kind, adopted = dossier.decided_by(ref)
        confirmed_on = found[0].date if found and adopted and kind is BodyKind.PRESIDIUM else None
        session = next((s.record for s in dossier.sessions if s.record.id == review.session), None)
        deputies = ", ".join(_who(dossier, p) for p in review.deputies)
        published = review.list_published_on
        announced = review.announced_on
        yield Fact("credentials_review",
                   RecordRef(review.id, "credentials_review", located.where()), review.date,
                   dossier.jurisdiction,
                   {"body": body.id, "body_kind": body.kind.value, "review_kind": review.kind.value,
                    "confirmed": int(confirmed_on is not None),
                    "confirmed_after_review": int(confirmed_on is not None
                                                  and confirmed_on >= review.date),
                    "session_known": int(session is not None),
                    "list_days": ((session.date - published).days
                                  if session is not None and published is not None else -1),
                    "reported": int(session is not None and session.date >= review.date),
                    "announced": int(announced is not None and announced >= review.date)},
                   {"reviewed": review.date},
                   {"body_name": body.name,
                    # the message reads 代表资格审查委员会2022年6月3日关于某某（id）的报告（report-id）,
                    # "… report of 3 June 2022 (report-id) on 某某 (id)": no brackets in brackets
                    "subject": f"({review.id}) on {deputies}",
                    "subject_zh": f"关于{deputies}的报告（{review.id}）",
                    "confirmed_on": str(confirmed_on or "-"),
                    "session": f"{session.id} ({session.date})" if session else "-",
                    "list_published_on": str(published or "-"),
                    **_list_fault(session, published),
                    **_ending_faults(review, session, announced)})


def _ending_faults(review: CredentialsReview, session: Session | None, announced: date | None
                   ) -> dict[str, str]:
    """TPC-CREDENTIALS-REVIEW's suspension or termination: why it was not reported to a
    session (none recorded, or the session named opened before the report) and why a
    termination was not announced (no announcement, or one dated before the report)."""
    made = review.date.isoformat()
    if session is None:
        out = {"report_fault": "not reported to a session of the congress: no session recorded",
               "report_fault_zh": "未记录向哪次乡镇人民代表大会会议报告"}
    else:
        out = {"report_fault": f"the session named ({session.id}) opened on {session.date}, "
                               f"before the report of {made}: not reported to a later session",
               "report_fault_zh": f"所记的代表大会会议（{session.id}）于{session.date}开幕，早于"
                                  f"{made}的报告，未向其后的会议报告"}
    if announced is None:
        out |= {"announce_fault": "the end of the credentials was not announced",
                "announce_fault_zh": "代表资格终止未予公告"}
    else:
        out |= {"announce_fault": f"the announcement of {announced} predates the report of "
                                  f"{made}",
                "announce_fault_zh": f"{announced}的公告早于{made}的报告"}
    return out


def _list_fault(session: Session | None, published: date | None) -> dict[str, str]:
    """TPC-CREDENTIALS-REVIEW's list (在人代会前公布代表名单): why the list was not published by
    the session's opening day, in both languages: no session recorded, no publication
    recorded, or published the given number of days after the opening (both days named)."""
    if session is None:
        return {"list_fault": "the session the report is for is not recorded, so the list's "
                              "publication before it cannot be checked",
                "list_fault_zh": "未记录审查报告所为的代表大会会议，无从核对代表名单是否在会前公布"}
    opened = session.date.isoformat()
    if published is None:
        return {"list_fault": "no publication of the list of deputies is recorded (due no later "
                              f"than the session's opening on {opened})",
                "list_fault_zh": f"未见公布代表名单的记录，应不晚于{opened}代表大会会议开幕之日公布"}
    late = (published - session.date).days
    return {"list_fault": f"the list of deputies was published on {published.isoformat()}, "
                          f"{counted(late, 'day', 'en')} after the session opened on "
                          f"{opened}",
            "list_fault_zh": f"代表名单于{published.isoformat()}公布，晚于{opened}代表大会会议"
                             f"开幕{late}天"}


_EXAMINED = ReviewKind.EXAMINATION
_ENDED = (ReviewKind.TERMINATION, ReviewKind.SUSPENSION)


def deputy_credentials(dossier: Dossier, body: Body, seat: Seat, term: Term,
                       window: Window, general: Container[date]) -> dict[str, int]:
    """TPC-CREDENTIALS-REVIEW for one deputy's term on a township congress: a term won by
    election or by-election that started inside the window and elected a deputy is examined
    (a report of kind ``examination`` naming the deputy, dated on or after the term's start);
    a seat that ends while the congress's term runs on (credentials ended early) is named in a
    ``termination`` or ``suspension`` report dated on or after the last day.

    A term that continues the seat's previous one (:func:`served_since`, ``general``: the days
    of the congress's general elections), a deputy elected vice-chair mid-term or a chair
    whose seat goes on as a deputy's, elects no deputy: 本届补选和选举的下一届本级人大代表
    (RD-TOWNSHIP:507) are deputies by-elected or elected to the next congress."""
    out = dict(NO_DEPUTY)
    if body.kind is not _TOWNSHIP_CONGRESS:
        return out
    reviews = [r.record for r in dossier.credentials_reviews if seat.person in r.record.deputies
               and dossier.bodies[r.record.body].record.kind is BodyKind.CREDENTIALS_COMMITTEE]
    if (term.obtained_by in ELECTED and window.covers(term.start)
            and served_since(seat, term.start, general) == term.start):
        out["deputy_elected"] = 1
        out["credentials_examined"] = int(any(r.kind is _EXAMINED and r.date >= term.start
                                              for r in reviews))
    end = term.end
    if (end is not None and end < window.end and seat.term_on(end + _ONE_DAY) is None
            and _term_runs_on(dossier, end)):
        out["ended_early"] = 1
        out["ending_reported"] = int(any(r.kind in _ENDED and r.date >= end for r in reviews))
    return out


def _holders_named(dossier: Dossier, key: str, holders: Sequence[Any]) -> dict[str, str]:
    """``key`` → who held the seats (``holders``, the roster's), or nobody in both languages
    (a dash would read "not recorded": the roster was read, and no one held them)."""
    if holders:
        return {key: ", ".join(_who(dossier, s.person) for s in holders)}
    return {key: "nobody", f"{key}_en": "nobody", f"{key}_zh": "无人"}
