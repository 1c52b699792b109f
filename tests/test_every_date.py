"""Roster counts judged on every date of the window (CC-COMPOSITION, RC-SIZE, RA-SIZE), not on
its last day: the worst day of each count, found from the days the roster changes, agrees with
a count made day by day; and the three rules fail on a breach that was over by the window's end.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from _helpers import check
from hypothesis import given, settings
from hypothesis import strategies as st

from governance_rules.facts._every_date import LEAST, MOST, state_on, worst_states
from governance_rules.models import Body

FIRST, LAST = date(2022, 1, 1), date(2022, 3, 31)
SECTORS = ["party_organisation", "residents_committee", "supervision_committee", "grid_workers",
           "residents", "women", "units", "backbone"]

_days = st.integers(min_value=-20, max_value=110).map(lambda n: FIRST + timedelta(days=n))


@st.composite
def _seats(draw: st.DrawFn) -> list[dict[str, Any]]:
    seats = []
    for i in range(draw(st.integers(min_value=0, max_value=7))):
        start = draw(_days)
        end = draw(st.one_of(st.none(), _days.filter(lambda d, s=start: d >= s)))
        role = draw(st.sampled_from(["member", "unit_representative"]))
        seats.append({"person": f"p{i}", "name": f"成员{i}", "role": role,
                      "sector": draw(st.sampled_from([None, *SECTORS[:3]])),
                      "group": draw(st.sampled_from([None, "g1", "g2"])),
                      "terms": [{"start": start.isoformat(),
                                 **({"end": end.isoformat()} if end else {}),
                                 "obtained_by": "election"}]})
    return seats


@settings(max_examples=300, deadline=None)
@given(seats=_seats(), charter=st.one_of(st.none(), _days))
def test_the_worst_day_of_each_count_is_the_worst_of_every_day(
        seats: list[dict[str, Any]], charter: date | None) -> None:
    body = Body.model_validate({"id": "ra", "kind": "member_representative_assembly",
                                "name": "代表大会", "seats": seats})
    values, later = worst_states(body, FIRST, LAST, charter)
    names = later()
    held = [(h.terms, h.seat.sector, h.seat.group)
            for group in body.held_seats().values() for h in group]
    daily = [(FIRST + timedelta(days=n)) for n in range((LAST - FIRST).days + 1)]
    groups = tuple({g for terms, _, g in held if g is not None
                    and any(role != "unit_representative" for _, _, role in terms)})
    counts = {day: state_on(held, day, charter is not None and charter <= day, groups)
              for day in daily}
    for suffix, pick, names_of in (("least", min, LEAST), ("most", max, MOST)):
        for count in names_of:
            known = [counts[day][count] for day in daily if counts[day][count] >= 0]
            field = f"{count}_{suffix}"
            assert values[field] == (pick(known) if known else -1), field
            if f"{field}_from" in names:  # the first day of the worst, and the run it lasts
                start = date.fromisoformat(names[f"{field}_from"])
                until = date.fromisoformat(names[f"{field}_until"])
                worst = [day for day in daily if counts[day][count] == values[field]]
                assert start == worst[0]
                run = [d for d in daily if start <= d <= until]
                assert all(counts[d][count] == values[field] for d in run)
                after = until + timedelta(days=1)
                assert after > LAST or counts[after][count] != values[field]


def _files(kind: str, seats: list[dict[str, Any]], charter: str | None = "2020-01-01"
           ) -> dict[str, Any]:
    place: dict[str, Any] = {"id": "sf", "name": "四方示例社区",
                             "jurisdiction": ["cn", "shandong", "qingdao", "sifang"],
                             "adopts": ["HLS-356"],
                             "records_cover": {"from": "2022-01-01", "to": "2022-12-31"}}
    if charter:
        place["charter_adopted_on"] = charter
    return {"community.yaml": {"community": place},
            "b.yaml": {"body": {"id": "b", "kind": kind, "name": "机构", "seats": seats}}}


def _seat(person: str, start: str = "2021-06-20", end: str | None = "2024-06-19",
          **extra: Any) -> dict[str, Any]:
    term = {"start": start, "obtained_by": "election", **({"end": end} if end else {})}
    return {"person": person, "name": person, "terms": [term], **extra}


def _finding(files: dict[str, Any], rule: str) -> Any:
    found = [f for f in check(files).findings if f.rule_id == rule]
    assert len(found) <= 1
    return found[0] if found else None


def test_a_sector_vacant_for_two_weeks_breaks_the_composition() -> None:
    seats = [_seat(f"s{i}", sector=s) for i, s in enumerate(SECTORS) if s != "women"]
    women = [_seat("w1", end="2022-06-30", sector="women"),
             _seat("w2", start="2022-07-15", sector="women")]
    finding = _finding(_files("consultation_committee", seats + women), "cc-composition")
    assert finding is not None
    details = finding.evidence.details
    assert (details["sectors_missing_most_from"], details["sectors_missing_most_until"]) == (
        "2022-07-01", "2022-07-14")
    assert "2022年7月1日至2022年7月14日缺少：妇女" in finding.message.zh
    women[1]["terms"][0]["start"] = "2022-07-01"
    assert _finding(_files("consultation_committee", seats + women), "cc-composition") is None


def test_four_members_in_may_break_the_residents_committee_size() -> None:
    seats = [_seat(f"m{i}") for i in range(4)] + [_seat("m4", end="2022-04-30"),
                                                  _seat("m5", start="2022-06-01")]
    finding = _finding(_files("residents_committee", seats), "rc-size")
    assert finding is not None and finding.evidence.details["seated_least"] == "4"
    assert "2022年5月1日至2022年5月31日" in finding.message.zh
    seats[-1]["terms"][0]["start"] = "2022-05-01"
    assert _finding(_files("residents_committee", seats), "rc-size") is None


def _assembly(residents: int, units: int) -> list[dict[str, Any]]:
    return ([_seat(f"r{i}", group=f"g{i // 3}") for i in range(residents)]
            + [_seat(f"u{i}", role="unit_representative") for i in range(units)])


@pytest.mark.parametrize(("charter", "fails", "cites"), [
    (None, False, []),                       # 30 in all, unit representatives counted (:147)
    ("2020-01-01", True, ["每個社區居民代表不少于30名"]),   # 24 residents' representatives (:433)
    ("2022-07-01", True, ["每個社區居民代表不少于30名"]),   # from the charter's day on
])
def test_the_charter_counts_residents_representatives_only(charter: str | None, fails: bool,
                                                           cites: list[str]) -> None:
    finding = _finding(_files("member_representative_assembly", _assembly(24, 6), charter),
                       "ra-size")
    assert (finding is not None) == fails
    if finding is not None:
        assert [s.quote for s in finding.sources] == cites
        assert finding.evidence.details["residents_least_from"] == (
            "2022-07-01" if charter == "2022-07-01" else "2022-01-01")


def test_before_the_charter_twenty_nine_in_all_cite_the_annex() -> None:
    seats = _assembly(24, 5)
    finding = _finding(_files("member_representative_assembly", seats, None), "ra-size")
    assert finding is not None and [s.quote for s in finding.sources] == ["每個社區成員代表不少于30名"]
    assert finding.evidence.details["representatives_least"] == "29"


def test_a_group_left_with_no_representative_is_short() -> None:
    """A residents' group whose representatives have all gone for two weeks has fewer than 2
    (none); counted only among the groups seated it was left out."""
    seats = _assembly(30, 2)
    for seat in seats:
        if seat.get("group") == "g1":
            seat["terms"] = [{"start": "2021-06-20", "end": "2022-03-31", "obtained_by": "election"},
                             {"start": "2022-04-15", "end": "2024-06-19", "obtained_by": "election"}]
    finding = _finding(_files("member_representative_assembly", seats), "ra-size")
    assert finding is not None and "代表少于2名的居民小组数为1（2022年4月1日至2022年4月14日）" \
        in finding.message.zh, finding.message.zh
