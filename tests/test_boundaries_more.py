"""The thresholds added with the full catalogue, tested at and around every bound with hypothesis:
proposal shares, day gaps, report deadlines, body sizes, satisfaction, split sums."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

from _helpers import body, check, community, rule_ids
from hypothesis import example, given, settings
from hypothesis import strategies as st

from governance_rules import Rulebook

SETTINGS = settings(max_examples=40, deadline=None)


def _assembly(proposal: dict[str, int], followed: bool) -> dict[str, Any]:
    files: dict[str, Any] = {
        "c.yaml": community(),
        "ra.yaml": body("ra", "member_representative_assembly", 3),
        "p.yaml": {"proposal": {"id": "p", "body": "ra", "date": "2022-05-02", **proposal,
                                **({"assembly": "m"} if followed else {})}},
    }
    if followed:
        files["m.yaml"] = {"meeting": {"id": "m", "body": "ra", "kind": "ad_hoc", "proposal": "p",
                                       "date": "2022-05-20", "present": ["ra-p0", "ra-p1"]}}
    return files


@SETTINGS
@given(who=st.sampled_from([("residents", Fraction(1, 5)), ("households", Fraction(1, 5)),
                            ("groups", Fraction(1, 3))]),
       total=st.integers(1, 3000), data=st.data())
def test_proposal_thresholds_include_the_bound(who: tuple[str, Fraction], total: int,
                                                data: st.DataObject) -> None:
    name, share = who
    exact = share * total
    signed = data.draw(st.sampled_from(sorted({max(0, min(total, int(exact) + d))
                                               for d in (-1, 0, 1)})))
    qualifies = Fraction(signed, total) >= share
    counts = {f"{name}_signed": signed, f"{name}_total": total}
    year = (date(2022, 1, 1), date(2022, 12, 31))  # the assembly's ra.adhoc_days have run
    assert ("ra-adhoc-follow-up" in rule_ids(check(_assembly(counts, False), window=year))) \
        is qualifies
    basis = [f for f in check(_assembly(counts, True)).findings if f.rule_id == "ra-adhoc-basis"]
    assert bool(basis) is not qualifies
    assert all(f.severity == "warning" for f in basis)


@SETTINGS
@given(after=st.integers(0, 60), to_end=st.integers(0, 60), followed=st.booleans())
@example(after=0, to_end=29, followed=False)
@example(after=0, to_end=30, followed=False)
@example(after=30, to_end=0, followed=True)
@example(after=31, to_end=0, followed=True)
def test_the_ad_hoc_assembly_is_due_within_ra_adhoc_days(after: int, to_end: int,
                                                         followed: bool) -> None:
    """应当临时召集 has no number: ``ra.adhoc_days`` (30) after the proposal, the day included;
    a proposal with no assembly is judged once the window reaches that day, the last allowed."""
    files = _assembly({"groups_signed": 2, "groups_total": 6}, followed)
    if followed:
        files["m.yaml"]["meeting"]["date"] = (date(2022, 5, 2) + timedelta(days=after)).isoformat()
    end = date(2022, 5, 2) + timedelta(days=to_end + (after if followed else 0))
    found = "ra-adhoc-follow-up" in rule_ids(check(files, window=(date(2022, 1, 1), end)))
    assert found is (after > 30 if followed else to_end >= 30)


def _representatives(seated: int, signed: int, stated: int) -> dict[str, Any]:
    """An assembly with ``seated`` representatives on 2022-05-02, one whose term ended the day
    before and one who starts the day after (neither counts), and an ad hoc sitting on a
    proposal signed by ``signed`` of them that states a total of ``stated``."""
    files = _assembly({"representatives_signed": signed, "representatives_total": stated}, True)
    seats = files["ra.yaml"]["body"]["seats"]
    seats[:] = [{"person": f"r{i}", "name": f"代表{i}",
                 "terms": [{"start": "2021-01-01", "obtained_by": "election"}]}
                for i in range(seated)]
    seats.append({"person": "gone", "name": "离任", "terms": [
        {"start": "2021-01-01", "end": "2022-05-01", "obtained_by": "election"}]})
    seats.append({"person": "new", "name": "新任", "terms": [
        {"start": "2022-05-03", "obtained_by": "by_election"}]})
    files["m.yaml"]["meeting"]["present"] = [f"r{i}" for i in range(seated)]
    return files


@SETTINGS
@given(seated=st.integers(1, 60), data=st.data(), engine=st.sampled_from(["native", "durable"]))
def test_a_third_of_the_representatives_is_counted_on_the_roster(seated: int, data: st.DataObject,
                                                                 engine: str) -> None:
    """RA-ADHOC (b), SQ-SIFANG:448: 三分之一以上代表 divides by the representatives seated on the
    assembly on the proposal date by its roster, bound included, whatever total the proposal
    states; 1/3 of the representatives permits an assembly but obliges none."""
    exact = Fraction(seated, 3)
    signed = data.draw(st.sampled_from(sorted({max(0, min(seated, int(exact) + d))
                                               for d in (-1, 0, 1)})))
    stated = data.draw(st.integers(signed, 3 * seated + 3))
    files = _representatives(seated, signed, stated)
    qualifies = 3 * signed >= seated
    basis = [f for f in check(files, engine=engine).findings if f.rule_id == "ra-adhoc-basis"]
    assert bool(basis) is not qualifies
    assert all(f.severity == "warning" for f in basis)
    del files["m.yaml"]
    del files["p.yaml"]["proposal"]["assembly"]
    assert "ra-adhoc-follow-up" not in rule_ids(check(files, engine=engine))


def _party_meeting(days_ahead: int | None, kind: str = "regular") -> dict[str, Any]:
    meeting: dict[str, Any] = {"id": "m", "body": "pc", "kind": kind, "date": "2022-03-15",
                               "present": ["pc-p0"]}
    if days_ahead is not None:
        field = "reported_on" if kind == "life_meeting" else "notice_date"
        meeting[field] = (date(2022, 3, 15) - timedelta(days=days_ahead)).isoformat()
    return {"c.yaml": community(), "pc.yaml": body("pc", "party_committee", 1),
            "m.yaml": {"meeting": meeting}}


@SETTINGS
@given(days=st.integers(0, 8))
def test_notice_and_report_days_include_the_bound(days: int) -> None:
    assert ("po-notice" in rule_ids(check(_party_meeting(days)))) is (days < 1)
    assert ("po-life-meeting-report" in rule_ids(check(_party_meeting(days, "life_meeting")))) is (
        days < 5)


def test_a_missing_notice_is_a_finding_but_not_for_ad_hoc_meetings() -> None:
    assert "po-notice" in rule_ids(check(_party_meeting(None)))
    assert "po-notice" not in rule_ids(check(_party_meeting(None, "ad_hoc")))


@SETTINGS
@given(days=st.integers(0, 6))
def test_hearing_publication_within_three_days(days: int) -> None:
    published = (date(2022, 5, 10) + timedelta(days=days)).isoformat()
    files = {"c.yaml": community(), "rc.yaml": body("rc", "residents_committee", 1),
             "h.yaml": {"hearing": {"id": "h", "body": "rc", "date": "2022-05-10", "topic": "议题",
                                    "published_on": published}}}
    assert ("hear-publish" in rule_ids(check(files))) is (days > 3)


@SETTINGS
@given(jurisdiction=st.sampled_from(["dingyuan", "taonan"]),
       day=st.integers(0, 70))
def test_dispute_report_deadlines(jurisdiction: str, day: int) -> None:
    submitted = date(2022, 3, 1) + timedelta(days=day)
    chain = (["cn", "anhui", "chuzhou", "dingyuan"] if jurisdiction == "dingyuan"
             else ["cn", "jilin", "baicheng", "taonan"])
    files = {"c.yaml": community(chain),
             "o.yaml": {"body": {"id": "o", "kind": "governance_office", "name": "综治办",
                                 "seats": []}},
             "r.yaml": {"report": {"id": "r", "body": "o", "kind": "dispute_monthly",
                                   "period": "2022-03", "submitted_on": submitted.isoformat()}}}
    due = date(2022, 4, 5) if jurisdiction == "dingyuan" else date(2022, 3, 25)
    assert ("zz-dispute-report-deadline" in rule_ids(check(files))) is (submitted > due)


@SETTINGS
@given(seated=st.integers(0, 12))
def test_residents_committee_has_five_to_nine(seated: int) -> None:
    files = {"c.yaml": community(), "rc.yaml": body("rc", "residents_committee", seated)}
    if seated == 0:
        files["m.yaml"] = {}
    assert ("rc-size" in rule_ids(check(files))) is not (5 <= seated <= 9)


@SETTINGS
@given(hundredths=st.integers(9400, 9600))
def test_peaceful_village_needs_95_percent(hundredths: int) -> None:
    percent = Decimal(hundredths) / 100
    files = {"c.yaml": community(["cn", "anhui", "chuzhou", "dingyuan"]),
             "o.yaml": {"body": {"id": "o", "kind": "governance_office", "name": "综治办",
                                 "seats": []}},
             "a.yaml": {"assessment": {"id": "a", "body": "o", "date": "2022-12-20",
                                       "village": "村", "year": 2022, "accepted": True,
                                       "offenders": 1, "offenders_previous_year": 2,
                                       "satisfaction_percent": f"{percent:.2f}"}}}
    assert ("zz-peaceful-village" in rule_ids(check(files))) is (percent < 95)


@SETTINGS
@given(before=st.integers(0, 50), change=st.integers(-2, 2))
def test_peaceful_village_needs_fewer_offenders(before: int, change: int) -> None:
    """违法犯罪人员减少 (ZZB-DINGYUAN:65): strictly fewer than the year before; as many fails,
    but for none in either year (nothing left to reduce)."""
    now = max(0, before + change)
    files = {"c.yaml": community(["cn", "anhui", "chuzhou", "dingyuan"]),
             "o.yaml": {"body": {"id": "o", "kind": "governance_office", "name": "综治办",
                                 "seats": []}},
             "a.yaml": {"assessment": {"id": "a", "body": "o", "date": "2022-12-20",
                                       "village": "村", "year": 2022, "accepted": True,
                                       "offenders": now, "offenders_previous_year": before,
                                       "satisfaction_percent": "99.00"}}}
    assert ("zz-peaceful-village" in rule_ids(check(files))) is (now >= before and now > 0)


@SETTINGS
@given(first=st.sampled_from(["40.00", "49.99", "50.00", "50.01", "100.00", "100.01"]),
       second=st.sampled_from(["50.00", "50.01", "99.99", "100.00"]),
       gap=st.integers(0, 40))
def test_splitting_crosses_a_limit_within_the_window(first: str, second: str, gap: int) -> None:
    def expense(eid: str, amount: str, day: date) -> dict[str, Any]:
        return {"id": eid, "body": "rc", "amount": amount, "paid_on": day.isoformat(),
                "payee": "店", "purpose": "用品", "voucher": "invoice", "accountant": "a",
                "cashier": "b", "approvals": []}

    start = date(2022, 3, 1)
    files = {"c.yaml": community(), "rc.yaml": body("rc", "residents_committee", 1),
             "e.yaml": {"expenses": [expense("e1", first, start),
                                     expense("e2", second, start + timedelta(days=gap))]}}
    a, b = Decimal(first), Decimal(second)
    flagged = gap < 30 and any(a <= limit and b <= limit and a + b > limit
                               for limit in (Decimal(100), Decimal(500)))
    assert ("fin-splitting" in rule_ids(check(files))) is flagged


def test_splitting_window_and_grouping_key_are_parameters(rulebook: Rulebook) -> None:
    def expense(eid: str, payee: str, day: str) -> dict[str, Any]:
        return {"id": eid, "body": "rc", "amount": "80.00", "paid_on": day, "payee": payee,
                "purpose": "灯具", "voucher": "invoice", "accountant": "a", "cashier": "b",
                "approvals": []}

    files = {"c.yaml": community(), "rc.yaml": body("rc", "residents_committee", 1),
             "e.yaml": {"expenses": [expense("e1", "甲店", "2022-03-01"),
                                     expense("e2", "乙店", "2022-03-20")]}}
    assert "fin-splitting" not in rule_ids(check(files, rulebook=rulebook))
    by_purpose = rulebook.with_parameter("fin.split_group_key", "purpose")
    assert "fin-splitting" in rule_ids(check(files, rulebook=by_purpose))
    narrow = by_purpose.with_parameter("fin.split_window_days", 10)
    assert "fin-splitting" not in rule_ids(check(files, rulebook=narrow))


def test_an_unknown_grouping_key_is_a_rulebook_error(rulebook: Rulebook) -> None:
    import pytest

    from governance_rules import RulebookError

    files = {"c.yaml": community(), "rc.yaml": body("rc", "residents_committee", 1)}
    with pytest.raises(RulebookError, match="expected payee or purpose"):
        check(files, rulebook=rulebook.with_parameter("fin.split_group_key", "colour"))
