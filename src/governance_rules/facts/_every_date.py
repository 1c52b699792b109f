"""Roster counts judged on every date of the window, not on one day: CC-COMPOSITION (one member
from each sector, none missing and none twice, on every date), RC-SIZE (5–9 members seated on
every date) and RA-SIZE (2–3 representatives a residents' group and at least 30 in all, counted
on every date). A roster changes only on the day a term starts and the day after one ends, so
its states are those days' rosters; each count's worst state is reported with its span.

>>> from governance_rules.models import Body
>>> rc = Body.model_validate({"id": "rc", "kind": "residents_committee", "name": "居委会",
...     "seats": [{"person": f"p{i}", "name": f"委员{i}", "terms": [
...         {"start": "2022-01-01", "end": "2022-04-30" if i == 4 else None,
...          "obtained_by": "election"}]} for i in range(5)]})
>>> values, later = worst_states(rc, date(2022, 1, 1), date(2022, 12, 31), None)
>>> names = later()
>>> values["seated_least"], names["seated_least_from"], names["seated_least_until"]
(4, '2022-05-01', '2022-12-31')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import partial
from typing import Any

from .._words import day_name
from ..models import Body, BodyKind, Role, Sector
from ._labels import labels

EVERY_DATE_KINDS = frozenset({BodyKind.CONSULTATION_COMMITTEE, BodyKind.RESIDENTS_COMMITTEE,
                              BodyKind.MEMBER_REPRESENTATIVE_ASSEMBLY})
"""The kinds of body whose size or composition a rule judges on every date."""

_UNIT_REPRESENTATIVE = Role.UNIT_REPRESENTATIVE
_WORKER = Role.WORKER
_SECTORS = tuple(Sector)
_SECTOR_COUNT = len(_SECTORS)

LEAST = ("seated", "representatives", "residents")
"""Counts whose worst state is the smallest (a size's minimum)."""
MOST = ("seated", "sectors_missing", "sectors_repeated", "groups_short", "groups_over")
"""Counts whose worst state is the largest (a size's maximum, what is missing or repeated)."""

BLANK_VALUES: dict[str, int] = {
    **{f"{count}_least": -1 for count in LEAST}, **{f"{count}_most": -1 for count in MOST}}
"""The fields of a body of another kind: unknown (-1), which no range judges."""


def worst_states(body: Body, first: date, last: date, charter_from: date | None,
                 groups: Iterable[str] = ()) -> tuple[dict[str, int], Callable[[], dict[str, str]]]:
    """Each count's worst value over ``first`` … ``last`` (``{count}_least`` /
    ``{count}_most``), and what makes the names a finding reads (a fact's ``later``): the
    span of each count's first worst state (``{field}_from``, ``{field}_until``, ISO days)
    and the sectors missing or repeated then.

    ``representatives`` counts every representative seated on days before the community
    adopted the model charter (每个社区成员代表不少于30名, SQ-SIFANG:147); ``residents`` the
    residents' representatives alone from ``charter_from`` (每个社区居民代表不少于30名, :433).
    A count no day of the span has is -1 (unknown: no range judges it).
    """
    # each seat's fields read once (a model's field costs several times a tuple's item)
    # a resident or a unit's representative by the role of each term, not the seat's label
    seats = [(held.terms, seat.sector, seat.group)
             for group in body.held_seats().values() for held in group
             for seat in (held.seat,)]
    changes = {first}
    if charter_from is not None and first < charter_from <= last:  # the count changes rule
        changes.add(charter_from)
    for terms, _, _ in seats:
        for start, end, _ in terms:
            if first < start <= last:
                changes.add(start)
            if end is not None and first <= end < last:
                changes.add(end + timedelta(days=1))
    days = sorted(changes)
    # a residents' group the roster has ever seated, or the dossier has (``groups``), counts
    # on a day it has none (0 < 2)
    groups = tuple({*groups, *(group for terms, _, group in seats if group is not None and any(
        role is not _UNIT_REPRESENTATIVE for _, _, role in terms))})
    states = [state_on(seats, day, charter_from is not None and charter_from <= day, groups)
              for day in days]
    values = dict(BLANK_VALUES)
    for counts, suffix, pick in ((LEAST, "least", min), (MOST, "most", max)):
        for count in counts:
            known = [state[count] for state in states if state[count] >= 0]
            if known:
                values[f"{count}_{suffix}"] = pick(known)
    return values, partial(_span_names, values, states, days, last)


def _span_names(values: dict[str, int], states: list[dict[str, Any]], days: list[date],
                last: date) -> dict[str, str]:
    """:func:`worst_states`'s names: each worst state's span, while the count stays the same,
    and the sectors it lacks or doubles; a count whose best is none names no span of none."""
    names: dict[str, str] = {}
    ends = [d - timedelta(days=1) for d in days[1:]] + [last]
    for counts, suffix in ((LEAST, "least"), (MOST, "most")):
        for count in counts:
            field = f"{count}_{suffix}"
            worst = values[field]
            if worst < 0 or (worst == 0 and field in NONE_ALLOWED):
                continue
            at = next(i for i, state in enumerate(states) if state[count] == worst)
            until = at
            while until + 1 < len(states) and states[until + 1][count] == worst:
                until += 1
            names[f"{field}_from"] = days[at].isoformat()
            names[f"{field}_until"] = ends[until].isoformat()
            names.update(span_names(field, days[at], ends[until]))
            if count in _SECTOR_WORDS:
                then = [s for s in _SECTORS if _SECTOR_WORDS[count](states[at]["sectors"], s)]
                names[f"{count}_then"] = labels(then, "en")
                names[f"{count}_then_zh"] = labels(then, "zh")
    return names


Seats = list[tuple[tuple[tuple[date, date | None, Role], ...], Sector | None, str | None]]
"""Each seat of a body as (terms, each with the role it holds; sector; residents' group)."""


def state_on(seats: Seats, day: date, charter: bool, known_groups: tuple[str, ...] = ()
             ) -> dict[str, Any]:
    """The counts of the roster on ``day`` (``charter``: whether the model charter binds;
    ``known_groups``: the residents' groups counted even when none of theirs is seated)."""
    seated = residents = 0
    sectors: dict[Sector, int] = {}
    groups: dict[str, int] = dict.fromkeys(known_groups, 0)
    for terms, sector, group in seats:
        for start, end, role in terms:  # noqa: B007 - the role held is read after the break
            if start <= day and (end is None or day <= end):
                break
        else:
            continue
        if role is _WORKER:  # a professional worker on the committee's roster is no member
            continue
        seated += 1
        if sector is not None:
            sectors[sector] = sectors.get(sector, 0) + 1
        if role is not _UNIT_REPRESENTATIVE:  # a residents' representative in this term's role
            residents += 1
            if group is not None:
                groups[group] = groups.get(group, 0) + 1
    return {
        "seated": seated,
        "representatives": -1 if charter else seated,
        "residents": residents if charter else -1,
        "sectors_missing": _SECTOR_COUNT - len(sectors),
        "sectors_repeated": sum(sectors.values()) - len(sectors),  # each beyond one a sector
        "groups_short": sum(1 for n in groups.values() if n < 2),
        "groups_over": sum(1 for n in groups.values() if n > 3),
        "sectors": sectors,
    }


_SECTOR_WORDS: dict[str, Callable[[dict[Sector, int], Sector], bool]] = {
    "sectors_missing": lambda held, sector: sector not in held,
    "sectors_repeated": lambda held, sector: held.get(sector, 0) > 1,
}
"""The sectors a worst state names: those no member represents, those two or more do."""

NONE_ALLOWED = ("sectors_missing_most", "sectors_repeated_most", "groups_short_most",
                "groups_over_most")
"""Counts whose best is none: their worst state's span is named only when some are."""


def span_names(field: str, first: date, last: date) -> dict[str, str]:
    """``{field}_span`` in words, in both languages: a span of one day is that day.

    >>> span_names("x", date(2022, 4, 1), date(2022, 4, 1))["x_span_en"]
    'on 1 April 2022'
    >>> span_names("x", date(2022, 4, 1), date(2022, 9, 30))["x_span_zh"]
    '2022年4月1日至2022年9月30日'
    """
    en, zh = span_words(first, last)
    return {f"{field}_span": en, f"{field}_span_en": en, f"{field}_span_zh": zh}


def span_words(first: date, last: date, *, iso: bool = False, opened: bool = False,
               counted: bool = False) -> tuple[str, str]:
    """The days from ``first`` to ``last`` in English and Chinese, a span of one day that day.
    ``iso`` writes the days as a fact's text holds them (put in words when a finding is
    written); ``opened``: ``first`` is the window's first day, not the day the span began (it
    may be older); ``counted`` adds how many days it lasted.

    >>> span_words(date(2022, 4, 1), date(2022, 4, 1))
    ('on 1 April 2022', '2022年4月1日')
    >>> en, zh = span_words(date(2022, 1, 1), date(2022, 1, 31), iso=True, opened=True,
    ...                     counted=True)
    >>> en
    'from 2022-01-01 (the first day checked) to 2022-01-31 (31 days)'
    >>> zh
    '2022-01-01（检查期首日）至2022-01-31（共31天）'
    """

    def named(day: date, lang: str) -> str:
        return day.isoformat() if iso else day_name(day, lang)

    opened_en, opened_zh = (" (the first day checked)", "（检查期首日）") if opened else ("", "")
    if first == last:
        return f"on {named(first, 'en')}{opened_en}", f"{named(first, 'zh')}{opened_zh}"
    en = f"from {named(first, 'en')}{opened_en} to {named(last, 'en')}"
    zh = f"{named(first, 'zh')}{opened_zh}至{named(last, 'zh')}"
    if counted:
        days = (last - first).days + 1
        en, zh = f"{en} ({days} days)", f"{zh}（共{days}天）"
    return en, zh


def fewest_full_time(body: Body, first: date, last: date) -> tuple[int, date, date]:
    """ZZ-STAFF (至少配备2—3名专职工作人员, ZZB-DINGYUAN:33) on every date from ``first`` to
    ``last``: the fewest ``full_time`` seats held on one day, and the first span it lasted.

    >>> office = Body.model_validate({"id": "o", "kind": "governance_office", "name": "综治办",
    ...     "seats": [{"person": "a", "name": "甲", "full_time": True, "terms": [
    ...                   {"start": "2022-01-01", "end": "2022-03-31", "obtained_by": "appointment"},
    ...                   {"start": "2022-10-01", "obtained_by": "appointment"}]},
    ...               {"person": "b", "name": "乙", "full_time": True, "terms": [
    ...                   {"start": "2022-01-01", "obtained_by": "appointment"}]}]})
    >>> fewest_full_time(office, date(2022, 1, 1), date(2022, 12, 31))
    (1, datetime.date(2022, 4, 1), datetime.date(2022, 9, 30))
    """
    spans = [(t.start, t.end) for s in body.seats if s.full_time for t in s.terms]
    changes = {first}
    for start, end in spans:
        if first < start <= last:
            changes.add(start)
        if end is not None and first <= end < last:
            changes.add(end + timedelta(days=1))
    days = sorted(changes)
    counts = [sum(1 for start, end in spans if start <= day and (end is None or day <= end))
              for day in days]
    least = min(counts)
    at = counts.index(least)
    until = at
    while until + 1 < len(counts) and counts[until + 1] == least:
        until += 1
    return least, days[at], (days[until + 1] - timedelta(days=1) if until + 1 < len(days)
                             else last)
