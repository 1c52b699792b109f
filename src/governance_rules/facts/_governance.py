"""Facts of the township governance offices (ZZB-DINGYUAN, ZZB-TAONAN): what an inspection
covered, whether ordered rectifications came in time, the Taonan materials (letter, plans,
performance files, summaries), what each year of an office holds, and the materials kept.

Each fact carries precomputed flags so that the rules stay plain comparisons; who acted is
decided by the roster (:func:`seat_check`), never by a label on the record.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from .._words import period_name
from ..models import (
    Body,
    BodyKind,
    FilingArea,
    GroupArea,
    LedgerPart,
    PlanKind,
    Report,
    ReportKind,
    Role,
    SummaryPart,
)
from ..records.dossier import Dossier, Located
from ._every_date import span_words
from ._labels import report_subject
from ._periods import body_start, counts_for_its_period
from ._seats import located_bodies, seat_check, seat_note_zh
from ._seats import who as _who
from ._window import Window, happened, period_of, periods_within, report_day
from .schema import Fact, RecordRef

MATERIALS = frozenset({ReportKind.PLAN, ReportKind.RESPONSIBILITY_LETTER, ReportKind.WORK_RECORD,
                       ReportKind.HALF_YEAR_SUMMARY, ReportKind.ANNUAL_SUMMARY})
"""The materials ZZB-TAONAN:97–101 asks the office to submit."""

PRINCIPAL = (BodyKind.TOWNSHIP_PARTY_COMMITTEE, (Role.SECRETARY,), "township party secretary")
"""主要领导 (ZZB-TAONAN:98–99): the township party committee's secretary (docs/readings.md)."""
IN_CHARGE = (BodyKind.GOVERNANCE_OFFICE, (Role.LEADER,), "leader in charge of governance")
"""分管领导 / 分管综治的领导 (ZZB-TAONAN:99, :106): a ``leader`` seat on the office's roster."""

ZH: dict[str, str] = {
    "practice": "做法", "experience": "经验体会", "shortcomings": "存在的不足",
    "next_steps": "下步工作设想", "peace_building": "平安创建", "juvenile_crime": "预防青少年违法犯罪",
    "school_surroundings": "校园及周边环境整治", "released_prisoners": "刑释解教人员安置帮教",
    "floating_population": "流动人口管理", "drug_control": "禁毒", "railway": "铁路护路",
    "other": "其他", "higher_level_documents": "上级综治工作文件",
    "organisation_network": "综治组织网络资料", "work_room_rules": "综治工作室工作规范资料",
    "disputes": "矛盾纠纷排查调处资料", "legal_publicity": "法制宣传资料",
}
"""Chinese labels of the values a finding lists (a Chinese message names no enum value)."""


EN: dict[str, str] = {
    "practice": "its practice", "experience": "lessons learned",
    "shortcomings": "shortcomings", "next_steps": "next steps",
    "peace_building": "peace building", "juvenile_crime": "preventing juvenile crime",
    "school_surroundings": "schools and their surroundings",
    "released_prisoners": "resettling released prisoners",
    "floating_population": "the floating population", "drug_control": "drug control",
    "railway": "railway protection", "other": "other",
    "higher_level_documents": "higher-level governance documents",
    "organisation_network": "the governance organisation network",
    "work_room_rules": "the work room's rules", "disputes": "dispute mediation records",
    "legal_publicity": "legal publicity materials",
    "organisation_leadership": "organisation and leadership",
    "social_stability": "social stability", "security_prevention": "security prevention",
}
"""The same in English (an English message names no enum value either): a name's ``_en``
twin, as ``_zh`` is its Chinese one; the name itself keeps the codes, for programs."""


def _zh(values: list[str], *, ledger: bool = False) -> str:
    labels = {**ZH, "peace_building": "平安创建资料"} if ledger else ZH
    return "、".join(labels.get(v, v) for v in values)


def _en(values: list[str], *, ledger: bool = False) -> str:
    """``values`` in English words, as :func:`_zh` in Chinese.

    >>> _en(["legal_publicity", "peace_building"], ledger=True)
    'legal publicity materials, peace-building materials'
    """
    labels = {**EN, "peace_building": "peace-building materials"} if ledger else EN
    return ", ".join(labels.get(v, v.replace("_", " ")) for v in values)


_PERFORMANCE_DAY = 25
"""每季度(即3月25日、6月25日、9月25日、12月25日前) (ZZB-TAONAN:99): the 25th of the quarter's
last month, included."""


def governance_facts(dossier: Dossier, window: Window, as_of: date | None,
                     reach: date | None = None) -> Iterator[Fact]:
    offices = located_bodies(dossier, BodyKind.GOVERNANCE_OFFICE)
    if not offices:  # the committee is judged without an office: ZZ-COMMITTEE is its own
        if located_bodies(dossier, BodyKind.GOVERNANCE_COMMITTEE):
            yield from _township(dossier, window, None)
        return
    made = [r for r in dossier.reports if happened(r.record.submitted_on, as_of)]
    yield from _inspections(dossier, window, made, as_of)
    yield from _materials(dossier, window, made, as_of)
    for located in offices:
        yield from _years(dossier, window, located, made, reach or window.end, as_of)
        yield from _performance(dossier, window, located, made)
    yield from _retentions(dossier, window)
    yield from _township(dossier, window, offices[0])
    yield from _groups(dossier, window, offices[0], as_of)
    yield from _pilots(dossier, window)
    yield from _mailboxes(dossier, window)


def village_facts(dossier: Dossier, window: Window) -> Iterator[Fact]:
    """ZZ-VILLAGE-OFFICE (ZZB-VILLAGE:7): one fact per dossier. ZZB-VILLAGE binds no place, so
    the rule applies only where a community (a village or urban community) adopted it."""
    if dossier.community is None:
        return
    community = dossier.community
    offices = located_bodies(dossier, BodyKind.GOVERNANCE_OFFICE)
    where = offices[0].where() if offices else community.where()
    kinds = (BodyKind.GOVERNANCE_OFFICE, BodyKind.PARTY_COMMITTEE, BodyKind.RESIDENTS_COMMITTEE)
    spans = _Spans()  # each breach once, as the days it lasted (see _township)
    days = _change_days(dossier, window, kinds)
    for i, day in enumerate(days):
        last = days[i + 1] - timedelta(days=1) if i + 1 < len(days) else window.end
        directors = _holders(dossier, BodyKind.GOVERNANCE_OFFICE, (Role.DIRECTOR,), day)
        if _set_up(dossier, BodyKind.GOVERNANCE_OFFICE, day) and not directors:
            spans.add("missing", "", day, last)
        for person in directors:
            if not _any_seat(dossier, person, day, VILLAGE_DIRECTOR_SEATS):
                spans.add("bad", person, day, last)
    bad: list[str] = []
    missing: list[str] = []
    bad_zh: list[str] = []
    missing_zh: list[str] = []
    for key, person, first, last in spans.sorted():
        opened = first == window.start
        span_en, span_zh = _breach_span(first, last, opened)
        if key == "missing":
            missing.append(span_en)
            missing_zh.append(span_zh)
            continue
        who = _who(dossier, person)
        left_en, left_zh = _seat_left(dossier, person, first, VILLAGE_DIRECTOR_SEATS, window)
        bad.append(f"{span_en}, {who} directed the office but held neither the party "
                   f"secretary's nor a residents' committee director's or deputy director's "
                   f"seat{left_en}")
        bad_zh.append(f"{span_zh}，{who}任综治办主任，但既不是村（社区）党组织书记，"
                      f"也不是居委会主任、副主任{left_zh}")
    office = offices[0].record if offices else None
    yield Fact("zz_village", RecordRef(office.id if office else community.record.id,
                                       "body" if office else "community", where),
               window.end, dossier.jurisdiction,
               {"body": office.id if office else "", "body_kind": office.kind.value if office else "",
                "has_office": int(bool(offices)), "director_missing": len(missing),
                "director_unseated": len(bad)},
               {"window_end": window.end},
               {"body_name": office.name if office else community.record.name,
                "subject": office.name if office else community.record.name,
                "director_missing": _first_three_en(missing),
                "director_unseated": _first_three_en(bad),
                "director_missing_zh": _first_three_zh(missing_zh),
                "director_unseated_zh": _first_three_zh(bad_zh)})


def _first_three_en(faults: list[str]) -> str:
    """The first three of ``faults`` (each already a sentence), and how many there are in all
    when there are more.

    >>> _first_three_en(["a", "b", "c", "d"])
    'a; b; c; 4 in all'
    """
    shown = "; ".join(faults[:3])
    return f"{shown}; {len(faults)} in all" if len(faults) > 3 else shown


def _first_three_zh(faults: list[str]) -> str:
    """:func:`_first_three_en` in Chinese.

    >>> _first_three_zh(["甲", "乙", "丙", "丁"])
    '甲；乙；丙等4处'
    """
    shown = "；".join(faults[:3])
    return f"{shown}等{len(faults)}处" if len(faults) > 3 else shown


VILLAGE_DIRECTOR_SEATS = (
    (BodyKind.PARTY_COMMITTEE, (Role.SECRETARY,)),
    (BodyKind.RESIDENTS_COMMITTEE, (Role.DIRECTOR, Role.DEPUTY_DIRECTOR)),
)
"""由村党组织书记或居委会负责同志担任 (ZZB-VILLAGE:7): the community (village) party
organisation's secretary, or the residents' committee's director or a deputy director
(负责同志, docs/readings.md)."""
PRINCIPALS = ((BodyKind.TOWNSHIP_PARTY_COMMITTEE, (Role.SECRETARY,)),
              (BodyKind.TOWNSHIP_GOVERNMENT, (Role.HEAD,)))
"""党政主要领导 (ZZB-DINGYUAN:31, :32): the township party secretary or the township head."""
_PARTY_DEPUTY = ((BodyKind.TOWNSHIP_PARTY_COMMITTEE, (Role.DEPUTY_SECRETARY, Role.MEMBER)),)
"""党委副书记或党委委员 (ZZB-DINGYUAN:32)."""
_ROSTER_KINDS = (BodyKind.GOVERNANCE_COMMITTEE, BodyKind.GOVERNANCE_OFFICE,
                 BodyKind.TOWNSHIP_PARTY_COMMITTEE, BodyKind.TOWNSHIP_GOVERNMENT,
                 BodyKind.MEDIATION_CENTRE, BodyKind.JUDICIAL_OFFICE)
RAILWAY_TOWNSHIPS = ("炉桥", "年家岗")
"""铁路护路领导小组〈炉桥镇、年家岗需设立〉 (ZZB-DINGYUAN:34): matched in the community's name."""


def _change_days(dossier: Dossier, window: Window, kinds: tuple[BodyKind, ...]) -> list[date]:
    """The window's first day and every day inside it on which a body of those kinds is set up
    or a seat of them begins or ends: between two such days every roster stands still, so
    checking these is checking every day of the window."""
    days = {window.start}
    for kind in kinds:
        for body in dossier.bodies_of_kind(kind):
            start = body_start(body)
            if start is not None:
                days.add(start)
            for seat in body.seats:
                for term in seat.terms:
                    days.add(term.start)
                    if term.end is not None and term.end < date.max:
                        days.add(term.end + timedelta(days=1))
    return sorted(d for d in days if window.covers(d))


def _set_up(dossier: Dossier, kind: BodyKind, day: date) -> bool:
    """Whether a body of ``kind`` exists on ``day``: it is judged from the day it was set up
    (``established``, else its first term; docs/readings.md), so an office set up on 1 March
    had no director missing in February."""
    return any((start := body_start(body)) is None or start <= day
               for body in dossier.bodies_of_kind(kind))


def _not_yet(dossier: Dossier, kind: BodyKind, day: date) -> bool:
    """Whether the dossier has bodies of ``kind`` but none set up by ``day``: a seat on one
    is not asked for before (a judicial office head is not the office's deputy director
    before the office exists); a kind the dossier has no body of is asked for all along."""
    return bool(dossier.bodies_of_kind(kind)) and not _set_up(dossier, kind, day)


def _holders(dossier: Dossier, kind: BodyKind, roles: tuple[Role, ...], day: date) -> list[str]:
    return sorted({s.person for s in dossier.seat_holders(kind, roles, day)})


def _any_seat(dossier: Dossier, person: str, day: date,
              seats: tuple[tuple[BodyKind, tuple[Role, ...]], ...]) -> bool:
    return any(dossier.holds_seat(person, kind, roles, day) for kind, roles in seats)


def _township(dossier: Dossier, window: Window, office: Located[Body] | None) -> Iterator[Fact]:
    """ZZ-COMMITTEE and ZZ-POSTS, judged on every day of the window by the rosters: each
    breach once, as the days it lasted (from a day the rosters change to the day before the
    next, joined while it goes on), not once for every day a roster changed. Without an
    ``office`` (a dossier with the committee's roster and none of the office's), ZZ-COMMITTEE
    alone: ZZ-POSTS is the office's."""
    committee = located_bodies(dossier, BodyKind.GOVERNANCE_COMMITTEE)
    centre = dossier.bodies_of_kind(BodyKind.MEDIATION_CENTRE)
    judicial = dossier.bodies_of_kind(BodyKind.JUDICIAL_OFFICE)
    keys = ("committee_director_missing", "committee_director_unseated", "centre_director_missing",
            "centre_director_unseated", "office_director_missing", "office_director_not_party",
            "office_director_not_centre", "judicial_head_missing", "judicial_head_not_centre",
            "judicial_head_not_office")
    spans = _Spans()
    what: dict[str, tuple[str, str]] = {}  # key → (en, zh) of what a person did wrong
    wanted: dict[str, tuple[tuple[BodyKind, tuple[Role, ...]], ...]] = {}  # key → the seats

    def check(key: str, persons: list[str], seats: tuple[tuple[BodyKind, tuple[Role, ...]], ...],
              en: str, zh: str, first: date, last: date) -> None:
        what[key], wanted[key] = (en, zh), seats
        if all(_not_yet(dossier, kind, first) for kind, _ in seats):
            return
        for person in persons:
            if not _any_seat(dossier, person, first, seats):
                spans.add(key, person, first, last)

    principals_zh = "，但既不是乡镇党委书记，也不是乡（镇）长"
    days = _change_days(dossier, window, _ROSTER_KINDS)
    for i, day in enumerate(days):
        last = days[i + 1] - timedelta(days=1) if i + 1 < len(days) else window.end
        directors = _holders(dossier, BodyKind.GOVERNANCE_COMMITTEE, (Role.DIRECTOR,), day)
        if _set_up(dossier, BodyKind.GOVERNANCE_COMMITTEE, day) and not directors:
            spans.add("committee_director_missing", "", day, last)
        check("committee_director_unseated", directors, PRINCIPALS,
              "directed the committee but was neither township party secretary nor township head",
              f"任综治委主任{principals_zh}", day, last)
        heads = _holders(dossier, BodyKind.MEDIATION_CENTRE, (Role.DIRECTOR,), day)
        if _set_up(dossier, BodyKind.MEDIATION_CENTRE, day) and not heads:
            spans.add("centre_director_missing", "", day, last)
        check("centre_director_unseated", heads, PRINCIPALS,
              "directed the centre but was neither township party secretary nor township head",
              f"任调处中心主任{principals_zh}", day, last)
        office_heads = _holders(dossier, BodyKind.GOVERNANCE_OFFICE, (Role.DIRECTOR,), day)
        if _set_up(dossier, BodyKind.GOVERNANCE_OFFICE, day) and not office_heads:
            spans.add("office_director_missing", "", day, last)
        check("office_director_not_party", office_heads, _PARTY_DEPUTY,
              "directed the office but was neither deputy party secretary nor party committee "
              "member", "任综治办主任，但既不是党委副书记，也不是党委委员", day, last)
        check("office_director_not_centre", office_heads,
              ((BodyKind.MEDIATION_CENTRE, (Role.DEPUTY_DIRECTOR,)),),
              "directed the office but was not the centre's (first) deputy director",
              "任综治办主任，但未兼任调处中心第一副主任", day, last)
        justice = _holders(dossier, BodyKind.JUDICIAL_OFFICE, (Role.HEAD,), day)
        if _set_up(dossier, BodyKind.JUDICIAL_OFFICE, day) and not justice:
            spans.add("judicial_head_missing", "", day, last)
        check("judicial_head_not_centre", justice,
              ((BodyKind.MEDIATION_CENTRE, (Role.DEPUTY_DIRECTOR,)),),
              "headed the judicial office but was not the centre's deputy director",
              "任司法所所长，但未兼任调处中心副主任", day, last)
        check("judicial_head_not_office", justice,
              ((BodyKind.GOVERNANCE_OFFICE, (Role.DEPUTY_DIRECTOR,)),),
              "headed the judicial office but was not the office's deputy director",
              "任司法所所长，但未兼任综治办副主任", day, last)
    faults: dict[str, list[tuple[str, str]]] = {k: [] for k in keys}
    for key, person, first, last in spans.sorted():
        opened = first == window.start  # the breach may be older: the window's first day
        span_en, span_zh = _breach_span(first, last, opened)
        if not person:  # a vacancy: the days it lasted
            faults[key].append((span_en, span_zh))
        else:
            who, (en, zh) = _who(dossier, person), what[key]
            left_en, left_zh = _seat_left(dossier, person, first, wanted[key], window)
            faults[key].append((f"{span_en}, {who} {en}{left_en}",
                                f"{span_zh}，{who}{zh}{left_zh}"))
    counts = {k: len(v) for k, v in faults.items()}
    texts = {**{k: _first_three_en([en for en, _ in v]) for k, v in faults.items()},
             **{f"{k}_zh": _first_three_zh([zh for _, zh in v]) for k, v in faults.items()}}
    target = committee[0] if committee or office is None else office  # one of them is there
    yield Fact("zz_committee", RecordRef(target.record.id, "body", target.where()), window.end,
               dossier.jurisdiction,
               {**_common(target.record), "has_committee": int(bool(committee)),
                **{k: counts[k] for k in ("committee_director_missing",
                                          "committee_director_unseated")}},
               {"window_end": window.end},
               {"body_name": target.record.name, "subject": target.record.name, **texts})
    if office is None:
        return
    body = office.record
    yield Fact("zz_posts", RecordRef(body.id, "body", office.where()), window.end,
               dossier.jurisdiction,
               {**_common(body), "has_centre": int(bool(centre)),
                "has_judicial_office": int(bool(judicial)),
                **{k: v for k, v in counts.items() if not k.startswith("committee")}},
               {"window_end": window.end}, {"body_name": body.name, "subject": body.name, **texts})


_SEAT_WORDS: dict[tuple[BodyKind, Role], tuple[str, str]] = {
    (BodyKind.TOWNSHIP_PARTY_COMMITTEE, Role.SECRETARY):
        ("the township party secretary's seat", "乡镇党委书记"),
    (BodyKind.TOWNSHIP_GOVERNMENT, Role.HEAD): ("the township head's seat", "乡（镇）长"),
    (BodyKind.TOWNSHIP_PARTY_COMMITTEE, Role.DEPUTY_SECRETARY):
        ("the deputy party secretary's seat", "党委副书记"),
    (BodyKind.TOWNSHIP_PARTY_COMMITTEE, Role.MEMBER):
        ("a party committee member's seat", "党委委员"),
    (BodyKind.MEDIATION_CENTRE, Role.DEPUTY_DIRECTOR):
        ("the centre's deputy director seat", "调处中心副主任"),
    (BodyKind.GOVERNANCE_OFFICE, Role.DEPUTY_DIRECTOR):
        ("the office's deputy director seat", "综治办副主任"),
    (BodyKind.PARTY_COMMITTEE, Role.SECRETARY): ("the party secretary's seat", "党组织书记"),
    (BodyKind.RESIDENTS_COMMITTEE, Role.DIRECTOR):
        ("the residents' committee director's seat", "居委会主任"),
    (BodyKind.RESIDENTS_COMMITTEE, Role.DEPUTY_DIRECTOR):
        ("a residents' committee deputy director's seat", "居委会副主任"),
}
"""The seats ZZ-COMMITTEE, ZZ-POSTS and ZZ-VILLAGE-OFFICE ask for, as a finding names one a
person left."""


def _seat_left(dossier: Dossier, person: str, first: date,
               seats: tuple[tuple[BodyKind, tuple[Role, ...]], ...], window: Window
               ) -> tuple[str, str]:
    """What ended the day before a breach began inside the window, when it was a seat the
    person had to hold (他于6月30日卸任党委书记, not 于7月1日任调处中心主任): the note to add,
    in English and in Chinese; empty where no such seat ended (the breach began with the
    window or with a new post)."""
    if first <= window.start:
        return "", ""
    before = first - timedelta(days=1)
    for kind, roles in seats:
        for role in roles:
            if (dossier.holds_seat(person, kind, (role,), before)
                    and not dossier.holds_seat(person, kind, (role,), first)):
                en, zh = _SEAT_WORDS.get((kind, role), ("a seat the document asks for", "规定兼任的职务"))
                return f" (they held {en} until {before})", f"，其{zh}一职至{before}止"
    return "", ""


class _Spans:
    """The days each breach lasted, by what it is and who (``""`` for a vacancy): a span
    that ends the day before the next begins is the same breach going on.

    >>> spans = _Spans()
    >>> spans.add("k", "p", date(2022, 1, 1), date(2022, 6, 30))
    >>> spans.add("k", "p", date(2022, 7, 1), date(2022, 12, 31))
    >>> spans.add("k", "q", date(2022, 3, 1), date(2022, 3, 1))
    >>> [(person, str(first), str(last)) for _, person, first, last in spans.sorted()]
    [('p', '2022-01-01', '2022-12-31'), ('q', '2022-03-01', '2022-03-01')]
    """

    def __init__(self) -> None:
        self._spans: dict[tuple[str, str], list[list[date]]] = {}

    def add(self, key: str, person: str, first: date, last: date) -> None:
        spans = self._spans.setdefault((key, person), [])
        if spans and spans[-1][1] + timedelta(days=1) == first:
            spans[-1][1] = last
        else:
            spans.append([first, last])

    def sorted(self) -> list[tuple[str, str, date, date]]:
        return sorted(((key, person, first, last) for (key, person), spans in self._spans.items()
                       for first, last in spans), key=lambda s: (s[0], s[2], s[1]))


def _breach_span(first: date, last: date, opened: bool) -> tuple[str, str]:
    """The days of a breach as the facts give them (ISO days, put in words for a reader), in
    English and Chinese; ``opened``: ``first`` is the window's first day, not the day the
    breach began.

    >>> _breach_span(date(2022, 7, 1), date(2022, 12, 31), False)
    ('from 2022-07-01 to 2022-12-31 (184 days)', '2022-07-01至2022-12-31（共184天）')
    >>> _breach_span(date(2022, 3, 1), date(2022, 3, 1), True)
    ('on 2022-03-01 (the first day checked)', '2022-03-01（检查期首日）')
    """
    return span_words(first, last, iso=True, opened=opened, counted=True)


def _groups(dossier: Dossier, window: Window, office: Located[Body],
            as_of: date | None = None) -> Iterator[Fact]:
    """ZZ-LEADING-GROUPS: which groups exist by the window's end, and each one's document and
    membership adjustments; a report, an issue or an adjustment dated after ``as_of`` has not
    happened yet (a document issued on 1 March 2023 is not issued as of 4 January 2023)."""
    body = office.record
    name = dossier.community.record.name if dossier.community else ""
    railway = any(t in name for t in RAILWAY_TOWNSHIPS)
    required = [a for a in GroupArea if a is not GroupArea.OTHER
                and (railway or a is not GroupArea.RAILWAY)]
    existing = {g.record.area for g in dossier.leading_groups
                if g.record.body == body.id and g.record.established <= window.end}
    missing = [a.value for a in required if a not in existing]
    yield Fact("zz_groups", RecordRef(body.id, "body", office.where()), window.end,
               dossier.jurisdiction,
               {**_common(body), "groups_missing": len(missing), "railway_required": int(railway)},
               {"window_end": window.end},
               {"body_name": body.name, "subject": body.name, "missing": ", ".join(missing),
                "missing_en": _en(missing),
                "missing_zh": _zh(missing)})
    for located in dossier.leading_groups:
        group = located.record
        if group.established > window.end or group.body != body.id:
            continue
        adjusted = [(c.date, c.adjusted_on if happened(c.adjusted_on, as_of) else None)
                    for c in group.changes if window.covers(c.date)]
        gaps = [((done or window.end) - changed).days for changed, done in adjusted]
        late = [str(changed) for (changed, _), gap in zip(adjusted, gaps, strict=True)
                if gap == max(gaps, default=-1)]
        yield Fact("zz_group", RecordRef(group.id, "leading_group", located.where()),
                   group.established, dossier.jurisdiction,
                   {**_common(body), "area": group.area.value,
                    "document": int(group.document is not None),
                    "reported": int(happened(group.reported_on, as_of)),
                    "issued": int(happened(group.issued_on, as_of)),
                    "adjust_gap_max": max(gaps, default=-1)},
                   {"established": group.established},
                   {"body_name": body.name, "subject": group.id,
                    "area_zh": _zh([group.area.value]), "area_en": _en([group.area.value]),
                    "change": ", ".join(late[:1]) or "-"})


def _pilots(dossier: Dossier, window: Window) -> Iterator[Fact]:
    """ZZ-PEACEFUL-PILOT: each pilot village's work room and six-part ledger."""
    for located in dossier.pilots:
        pilot = located.record
        if pilot.selected_on > window.end or (pilot.ended_on and pilot.ended_on < window.start):
            continue
        body = dossier.bodies[pilot.body].record
        missing = [p.value for p in LedgerPart if p not in pilot.ledger]
        yield Fact("zz_pilot", RecordRef(pilot.id, "pilot", located.where()),
                   max(pilot.selected_on, window.start), dossier.jurisdiction,
                   {**_common(body), "work_room": int(pilot.work_room),
                    "ledger_missing": len(missing)},
                   {"selected": pilot.selected_on},
                   {"body_name": body.name, "subject": pilot.village,
                    "ledger_missing": ", ".join(missing),
                    "ledger_missing_en": _en(missing, ledger=True),
                    "ledger_missing_zh": _zh(missing, ledger=True)})


def _initials(pinyin: str) -> str:
    return "".join(syllable[0] for syllable in pinyin.lower().split())


def _mailboxes(dossier: Dossier, window: Window) -> Iterator[Fact]:
    """ZZ-EMAIL: the mailbox's name, who keeps it and who assigned them, and the daily log."""
    for located in dossier.mailboxes:
        box = located.record
        body = dossier.bodies[box.body].record
        local = box.address.split("@", 1)[0].lower()
        expected = _initials(box.name_pinyin)
        digits = local[len(expected):]
        name_ok = local.startswith(expected) and (digits == "" or digits.isdigit())
        keeper, keeper_note = _seat(dossier, box.keeper, BodyKind.GOVERNANCE_OFFICE,
                                    tuple(Role), "governance office", box.assigned_on)
        assigner, assigner_note = _seat(dossier, box.assigned_by, *IN_CHARGE, box.assigned_on)
        keeper_zh = seat_note_zh(dossier, box.keeper, BodyKind.GOVERNANCE_OFFICE, tuple(Role),
                                 box.assigned_on, "综治办成员")
        assigner_zh = seat_note_zh(dossier, box.assigned_by, *IN_CHARGE[:2], box.assigned_on,
                                   "分管综治的领导")
        unchecked: list[date] = []
        if box.log is not None:
            checked = set(box.log.checked)
            day = max(box.log.from_, window.start)
            while day <= min(box.log.to, window.end):
                if day not in checked:
                    unchecked.append(day)
                day += timedelta(days=1)
        yield Fact("zz_mailbox", RecordRef(box.id, "mailbox", located.where()), box.assigned_on,
                   dossier.jurisdiction,
                   {**_common(body), "name_ok": int(name_ok), "keeper_seated": int(keeper),
                    "assigner_in_charge": int(assigner), "log_kept": int(box.log is not None),
                    "days_unchecked": len(unchecked)},
                   {"assigned": box.assigned_on},
                   {"body_name": body.name, "subject": box.address, "expected": expected,
                    "keeper_seat": keeper_note, "assigner_seat": assigner_note,
                    "keeper_seat_zh": keeper_zh, "assigner_seat_zh": assigner_zh,
                    "unchecked": ", ".join(map(str, unchecked[:5]))
                    + (f" … ({len(unchecked)} days)" if len(unchecked) > 5 else ""),
                    "unchecked_zh": "、".join(map(str, unchecked[:5]))
                    + (f"等（共{len(unchecked)}天）" if len(unchecked) > 5 else "")})


def _common(body: Body) -> dict[str, int | str]:
    return {"body": body.id, "body_kind": body.kind.value}



def _inspections(dossier: Dossier, window: Window, reports: list[Located[Report]],
                 as_of: date | None) -> Iterator[Fact]:
    """ZZ-INSPECTION coverage and notice, judged when the report was submitted in the window or
    covers a period ending in it (:func:`report_day`: the second half's inspection submitted
    in January is judged with its year); ZZ-RECTIFICATION, one fact per unit ordered."""
    done: dict[tuple[str, str, str], list[date]] = {}
    for r in dossier.rectifications:
        rec = r.record
        done.setdefault((rec.body, rec.inspection, rec.unit), []).append(rec.date)
    for located in reports:
        report = located.record
        body = dossier.bodies[report.body].record
        if report.kind is not ReportKind.INSPECTION or body.kind is not BodyKind.GOVERNANCE_OFFICE:
            continue
        period = period_of(report.period)
        if window.covers(report_day(report.submitted_on, report.period, window, as_of)):
            letters = sorted({u.record.unit for u in dossier.unit_letters
                              if u.record.body == body.id and u.record.year == period.start.year
                              and u.record.signed_on <= period.end})
            missing = [u for u in letters if u not in report.units]
            yield Fact("zz_inspection", RecordRef(report.id, "report", located.where()),
                       report.submitted_on, dossier.jurisdiction,
                       {**_common(body), "letters": len(letters), "units_missing": len(missing),
                        "notified": int(report.notice is not None)},
                       {"submitted": report.submitted_on, "period_end": period.end},
                       {"body_name": body.name, **report_subject(report),
                        "period": report.period, "year": str(period.start.year),
                        "missing": "、".join(missing), "letters": "、".join(letters)})
        for i, order in enumerate(report.rectify):
            due = order.by
            inside = window.covers(report.submitted_on) or (due is not None and window.covers(due))
            if not inside or (due is not None and due > window.end):
                continue  # neither ordered nor due inside the window, or not yet due
            days = [d for d in done.get((body.id, report.id, order.unit), [])
                    if happened(d, as_of)]
            in_time = due is not None and any(d <= due for d in days)
            yield Fact("zz_rectification",
                       RecordRef(f"{report.id}/{i}", "report", located.where("rectify", i)),
                       due or report.submitted_on, dossier.jurisdiction,
                       {**_common(body), "deadline_set": int(due is not None),
                        "rectified": int(bool(days)), "rectified_in_time": int(in_time)},
                       {"ordered": report.submitted_on, **({"due": due} if due else {}),
                        **({"rectified": min(days)} if days else {})},
                       {"body_name": body.name, "subject": order.unit, "unit": order.unit,
                        "due": str(due or "-"),
                        "rectified_on": ", ".join(map(str, sorted(days))) or "-",
                        "rectified_on_zh": "、".join(map(str, sorted(days))) or "-",
                        "first_rectified": str(min(days)) if days else "-",
                        "days_late": str((min(days) - due).days) if due and days else "-"})


def _materials(dossier: Dossier, window: Window, reports: list[Located[Report]],
               as_of: date | None = None) -> Iterator[Fact]:
    """ZZ-MAT-LETTER, -PLANS, -SUMMARIES: what each submitted material shows of itself, judged
    when it was submitted in the window or covers a period ending in it (:func:`report_day`:
    the year's summary submitted in January is judged with its year)."""
    for located in reports:
        report = located.record
        body = dossier.bodies[report.body].record
        if (report.kind not in MATERIALS or body.kind is not BodyKind.GOVERNANCE_OFFICE
                or not window.covers(report_day(report.submitted_on, report.period, window,
                                                as_of))):
            continue
        signed_on = report.signed_on or report.dated_on or report.submitted_on
        held, note = _seat(dossier, report.signed_by, *PRINCIPAL, signed_on)
        note_zh = seat_note_zh(dossier, report.signed_by, *PRINCIPAL[:2], signed_on, "镇党委书记")
        if report.signed_by is None:  # nobody to hold the seat: the signer is what is missing
            note, note_zh = "the material names no signer", "材料未记录签署人"
        parts = [p.value for p in SummaryPart if p not in report.parts]
        yield Fact("zz_material", RecordRef(report.id, "report", located.where()),
                   report.submitted_on, dossier.jurisdiction,
                   {**_common(body), "report_kind": report.kind.value,
                    "plan_kind": report.plan_kind.value if report.plan_kind else "",
                    "signature": int(report.signature is not None),
                    "dated": int(report.dated_on is not None), "sealed": int(report.sealed),
                    "signer_recorded": int(report.signed_by is not None),
                    "signer_principal": int(held), "parts_missing": len(parts),
                    "length_chars": -1 if report.length_chars is None else report.length_chars},
                   {"submitted": report.submitted_on, "signed": signed_on},
                   {"body_name": body.name, **report_subject(report),
                    "period": report.period, "signer_seat": note, "signer_seat_zh": note_zh,
                    "parts_missing": ", ".join(parts), "parts_missing_zh": _zh(parts),
                    "parts_missing_en": _en(parts)})


def _seat(dossier: Dossier, person: str | None, kind: BodyKind, roles: tuple[Role, ...],
          seat: str, day: date) -> tuple[bool, str]:

    return seat_check(dossier, person, kind, roles, day, seat)


def _years(dossier: Dossier, window: Window, located: Located[Body],
           reports: list[Located[Report]], reach: date, as_of: date | None = None
           ) -> Iterator[Fact]:
    """One fact per office and calendar year wholly inside the window: the yearly materials
    (ZZ-MAT-LETTER, -PLANS, -SUMMARIES) and the year-end filing (ZZ-ARCHIVE), one filed after
    ``as_of`` none yet (filed on 10 February is not filed as of 15 January)."""
    body = located.record
    start = body_start(body)
    own = [r.record for r in reports if r.record.body == body.id]
    for period in periods_within("year", window):
        if start is not None and period.start < start:
            continue
        year = period.start.year

        def count(kind: ReportKind, label: str, plan: PlanKind | None = None) -> int:
            return sum(1 for r in own if r.kind is kind and r.period == label
                       and (plan is None or r.plan_kind is plan))

        end = date(year, 12, 31)
        filings = [f.record for f in dossier.year_end_filings
                   if f.record.body == body.id and f.record.year == year
                   and happened(f.record.date, as_of)]
        best = min(filings, key=lambda f: (abs((f.date - end).days), f.date), default=None)
        areas = [a.value for a in FilingArea if best is None or a not in best.areas]
        yield Fact("zz_year", RecordRef(f"{body.id}/{year}", "body", located.where()), end,
                   dossier.jurisdiction,
                   {**_common(body), "year": year,
                    "letters": count(ReportKind.RESPONSIBILITY_LETTER, str(year)),
                    **{f"plans_{k.value}": count(ReportKind.PLAN, str(year), k) for k in PlanKind},
                    "half_year_summaries": count(ReportKind.HALF_YEAR_SUMMARY, f"{year}-H1"),
                    "annual_summaries": count(ReportKind.ANNUAL_SUMMARY, str(year)),
                    "filings": len(filings),
                    "filing_lead": max(0, (end - best.date).days) if best else 0,
                    "filing_lag": max(0, (best.date - end).days) if best else 0,
                    "filing_areas_missing": len(areas) if best else 0,
                    "pilots": len({p.record.village for p in dossier.pilots
                                   if p.record.body == body.id
                                   and p.record.selected_on <= period.end
                                   and (p.record.ended_on is None
                                        or p.record.ended_on >= period.start)}),
                    "days_run": (reach - end).days},  # a filing may come in January
                   {"year_end": end, **({"filed": best.date} if best else {})},
                   {"body_name": body.name, "subject": f"{body.name} {year}", "period": str(year),
                    "filed_on": str(best.date) if best else "-",
                    "areas_missing": ", ".join(areas) if best else "",
                    "areas_missing_en": _en(areas) if best else "",
                    "areas_missing_zh": "、".join(_FILING_AREAS_ZH.get(a, a) for a in areas)
                    if best else ""})


_FILING_AREAS_ZH = {"organisation_leadership": "组织领导", "social_stability": "社会稳定",
                    "security_prevention": "治安防范", "disputes": "矛盾纠纷"}
"""ZZ-ARCHIVE (ZZB-TAONAN): the areas a year-end filing is sorted by, as the source names them."""


def _performance(dossier: Dossier, window: Window, located: Located[Body],
                 reports: list[Located[Report]]) -> Iterator[Fact]:
    """ZZ-MAT-PERFORMANCE: for each quarter whose deadline falls in the window, one fact per
    person who held the principal leader's or the leader in charge's seat on that day (one
    for a person holding both: 每人每季度), and one per seat nobody held; it is
    the person's file for the quarter (the first submitted) where there is one, so that a late
    or unsigned file is found where it is written, else the office's."""
    body = located.record
    start = body_start(body)
    files = [r for r in reports
             if r.record.body == body.id and r.record.kind is ReportKind.WORK_RECORD]
    # every quarter whose 25th may lie in the window, the one the window starts in included
    # (a window from 2 July still holds 25 September)
    begun = window.start.replace(month=(window.start.month - 1) // 3 * 3 + 1, day=1)
    for quarter in periods_within("quarter", Window(begun, date(window.end.year, 12, 31))):
        due = quarter.end.replace(day=_PERFORMANCE_DAY)
        if not window.covers(due) or (start is not None and due < start):
            continue
        # 每人每季度: one file a person and quarter, whichever of the two seats (or both) the
        # person held on the day; a seat nobody held is a vacancy of its own
        owed: dict[tuple[str, str], list[tuple[str, str, str]]] = {}  # (person, vacant seat)
        for what, (kind, roles, seat), seat_zh in (("principal", PRINCIPAL, "主要领导"),
                                                  ("in_charge", IN_CHARGE, "分管领导")):
            holders = sorted({s.person for s in dossier.seat_holders(kind, roles, due)})
            for person in holders:
                owed.setdefault((person, ""), []).append((what, seat, seat_zh))
            if not holders:
                owed[("", what)] = [(what, seat, seat_zh)]
        for (person, _), seats in owed.items():
            what = seats[0][0]
            seat = " and ".join(s for _, s, _ in seats)
            seat_zh = "、".join(z for _, _, z in seats)
            kept = sorted((f for f in files if f.record.period == quarter.label
                           and f.record.person == person
                           and counts_for_its_period(f.record, quarter)),
                          key=lambda f: f.record.submitted_on)
            mine = [f.record for f in kept]
            on_time = [f for f in mine if f.submitted_on <= due]
            yield Fact(
                "zz_performance",
                RecordRef(mine[0].id, "report", kept[0].where()) if mine else
                RecordRef(f"{body.id}/{quarter.label}/{what}/{person or '-'}", "body",
                          located.where()),
                due, dossier.jurisdiction,
                {**_common(body), "year": quarter.start.year, "seat": what,
                 "holder_known": int(bool(person)), "filed": int(bool(mine)),
                 "filed_in_time": int(bool(on_time)),
                 "signed_by_person": int(any(f.signed_by == person for f in on_time)),
                 "sealed": int(any(f.sealed for f in on_time))},
                {"due": due, **({"submitted": min(f.submitted_on for f in mine)}
                                if mine else {})},
                {"body_name": body.name, "period": quarter.label,
                 "subject": f"{period_name(quarter.label, 'en')}, "
                            f"{_who(dossier, person) if person else seat}",
                 "subject_zh": f"{period_name(quarter.label, 'zh')}，"
                               f"{_who(dossier, person) if person else seat_zh}",
                 "person": person, "person_name": dossier.person_name(person) if person else "",
                 "seat": seat, "seat_zh": seat_zh, "due": str(due),
                 "submitted": ", ".join(str(f.submitted_on) for f in mine) or "not submitted",
                 "submitted_zh": "、".join(str(f.submitted_on) for f in mine) or "未报送",
                 "days_late": str((mine[0].submitted_on - due).days) if mine else "-"})


def _retentions(dossier: Dossier, window: Window) -> Iterator[Fact]:
    """ZZ-RETENTION: at each check, the materials of the two calendar years before are kept."""
    for located in dossier.retentions:
        check = located.record
        if not window.covers(check.date):
            continue
        body = dossier.bodies[check.body].record
        wanted = [check.date.year - 1, check.date.year - 2]
        missing = [y for y in wanted if y not in check.years]
        yield Fact("zz_retention", RecordRef(check.id, "retention", located.where()), check.date,
                   dossier.jurisdiction,
                   {**_common(body), "years_missing": len(missing)},
                   {"checked": check.date},
                   {"body_name": body.name, "subject": check.id,
                    "missing_years": ", ".join(map(str, missing)) or "-"})

