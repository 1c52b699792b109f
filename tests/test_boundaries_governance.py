"""The governance offices' dates and numbers (ZZB-DINGYUAN, ZZB-TAONAN), tested at and around
every bound with hypothesis: 25 March, the 25th of each quarter's last month, 3000 characters,
the rectification date, the year-end filing allowance and the two years kept."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from _helpers import check, community, rule_ids
from hypothesis import given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=40, deadline=None)
DINGYUAN = ["cn", "anhui", "chuzhou", "dingyuan"]
TAONAN = ["cn", "jilin", "baicheng", "taonan"]
YEAR = (date(2022, 1, 1), date(2022, 12, 31))


def _office(chain: list[str], **records: Any) -> dict[str, Any]:
    seat = {"terms": [{"start": "2020-01-01", "obtained_by": "appointment"}]}
    return {"c.yaml": community(chain),
            "o.yaml": {"bodies": [
                {"id": "o", "kind": "governance_office", "name": "综治办",
                 "seats": [{"person": "lead", "name": "分管领导", "role": "leader", **seat}]},
                {"id": "t", "kind": "township_party_committee", "name": "镇党委",
                 "seats": [{"person": "sec", "name": "书记", "role": "secretary", **seat}]}]},
            **{f"{k}.yaml": v for k, v in records.items()}}


@SETTINGS
@given(day=st.integers(-3, 3), kind=st.sampled_from(["responsibility_letter", "plan"]))
def test_letter_and_plans_are_due_by_25_march(day: int, kind: str) -> None:
    submitted = date(2022, 3, 25) + timedelta(days=day)
    rule = "zz-letter-deadline" if kind == "responsibility_letter" else "zz-plan-deadline"
    files = _office(TAONAN, r={"report": {"id": "r", "body": "o", "kind": kind, "period": "2022",
                                          "submitted_on": submitted.isoformat()}})
    assert (rule in rule_ids(check(files))) is (day > 0)


@SETTINGS
@given(quarter=st.integers(1, 4), day=st.integers(-3, 3))
def test_performance_files_are_due_by_the_25th(quarter: int, day: int) -> None:
    due = date(2022, quarter * 3, 25)
    submitted = due + timedelta(days=day)
    files = [{"id": f"w-{who}", "body": "o", "kind": "work_record", "period": f"2022-Q{quarter}",
              "person": who, "signed_by": who, "sealed": True,
              "submitted_on": (submitted if who == "lead" else due).isoformat()}
             for who in ("sec", "lead")]
    end = date(2022, quarter * 3 + 1, 1) - timedelta(days=1) if quarter < 4 else date(2022, 12, 31)
    start = date(2022, quarter * 3 - 2, 1)
    report = check(_office(TAONAN, r={"reports": files}), window=(start, end))
    assert ("zz-performance-files" in rule_ids(report)) is (day > 0)
    for finding in report.findings:  # the days late, with both days (both languages)
        if finding.rule_id == "zz-performance-files":
            assert f"逾期{day}天：须于2022年{quarter * 3}月25日前上报" in finding.message.zh
            assert f"{day} day{'s' if day > 1 else ''} late: it was due by 25 " \
                in finding.message.en


@SETTINGS
@given(length=st.integers(2990, 3010))
def test_summaries_need_3000_characters(length: int) -> None:
    files = _office(TAONAN, r={"report": {
        "id": "s", "body": "o", "kind": "annual_summary", "period": "2022",
        "submitted_on": "2022-12-28", "length_chars": length,
        "parts": ["practice", "experience", "shortcomings", "next_steps"]}})
    assert ("zz-summary-length" in rule_ids(check(files))) is (length < 3000)


@SETTINGS
@given(day=st.integers(-3, 3))
def test_rectification_is_due_on_the_day_set(day: int) -> None:
    due = date(2022, 8, 31)
    files = _office(DINGYUAN,
                    r={"report": {"id": "i", "body": "o", "kind": "inspection", "period": "2022-H1",
                                  "submitted_on": "2022-07-05", "units": ["甲村"],
                                  "notice": "某综治〔2022〕5号",
                                  "rectify": [{"unit": "甲村", "by": due.isoformat()}]}},
                    x={"rectification": {"id": "x", "body": "o", "inspection": "i", "unit": "甲村",
                                         "date": (due + timedelta(days=day)).isoformat()}})
    assert ("zz-rectification" in rule_ids(check(files, window=YEAR))) is (day > 0)


@SETTINGS
@given(offset=st.sampled_from([-32, -31, -30, -29, 0, 30, 31, 32]))
def test_year_end_filing_allowance(offset: int) -> None:
    """From 1 December (30 days before 31 December) to 31 January (31 days after), included."""
    filed = date(2022, 12, 31) + timedelta(days=offset)
    files = _office(DINGYUAN, f={"year_end_filing": {
        "id": "f", "body": "o", "year": 2022, "date": filed.isoformat(),
        "areas": ["organisation_leadership", "social_stability", "security_prevention",
                  "disputes"]}})
    breached = "zz-year-end-filing" in rule_ids(check(files, window=YEAR))
    assert breached is not (-30 <= offset <= 31)


@SETTINGS
@given(kept=st.sets(st.integers(2018, 2023), max_size=6))
def test_retention_keeps_the_two_years_before(kept: set[int]) -> None:
    files = _office(TAONAN, k={"retention": {"id": "k", "body": "o", "date": "2022-06-30",
                                             "years": sorted(kept)}})
    assert ("zz-retention" in rule_ids(check(files))) is not ({2020, 2021} <= kept)


@SETTINGS
@given(letters=st.sets(st.sampled_from(["甲村", "乙村", "丙社区", "派出所"]), min_size=1),
       inspected=st.sets(st.sampled_from(["甲村", "乙村", "丙社区", "派出所"])))
def test_inspection_covers_every_unit_with_a_letter(letters: set[str],
                                                    inspected: set[str]) -> None:
    files = _office(DINGYUAN,
                    u={"unit_letters": [{"id": f"u{i}", "body": "o", "unit": unit, "year": 2022,
                                         "signed_on": "2022-02-01"}
                                        for i, unit in enumerate(sorted(letters))]},
                    r={"report": {"id": "i", "body": "o", "kind": "inspection", "period": "2022-H1",
                                  "submitted_on": "2022-07-05", "units": sorted(inspected),
                                  "notice": "某综治〔2022〕5号"}})
    assert ("zz-inspection-coverage" in rule_ids(check(files))) is not (letters <= inspected)


@SETTINGS
@given(gap=st.integers(25, 35))
def test_peace_building_group_is_adjusted_within_30_days(gap: int) -> None:
    change = date(2022, 5, 1)
    files = _office(DINGYUAN, g={"leading_group": {
        "id": "g", "body": "o", "area": "peace_building", "established": "2021-03-01",
        "document": "某党〔2021〕1号", "reported_on": "2021-03-05", "issued_on": "2021-03-05",
        "changes": [{"date": change.isoformat(),
                     "adjusted_on": (change + timedelta(days=gap)).isoformat()}]}})
    assert ("zz-leading-group-setup" in rule_ids(check(files, window=YEAR))) is (gap > 30)


@SETTINGS
@given(n=st.integers(0, 4))
def test_one_or_two_pilot_villages(n: int) -> None:
    pilots = [{"id": f"p{i}", "body": "o", "village": f"村{i}", "selected_on": "2021-03-01",
               "work_room": True} for i in range(n)]
    files = _office(DINGYUAN, p={"pilots": pilots})
    assert ("zz-peaceful-pilots" in rule_ids(check(files, window=YEAR))) is not (1 <= n <= 2)


@SETTINGS
@given(skipped=st.sets(st.integers(0, 9), max_size=3))
def test_mailbox_is_checked_every_day_of_the_log(skipped: set[int]) -> None:
    start = date(2022, 3, 1)
    checked = [(start + timedelta(days=i)).isoformat() for i in range(10) if i not in skipped]
    files = _office(TAONAN, m={"mailbox": {
        "id": "m", "body": "o", "address": "zzb@163.com", "name_pinyin": "zong zhi ban",
        "keeper": "lead", "assigned_by": "lead", "assigned_on": "2022-01-04",
        "log": {"from": start.isoformat(), "to": (start + timedelta(days=9)).isoformat(),
                "checked": checked}}})
    assert ("zz-email-keeper" in rule_ids(check(files, window=YEAR))) is bool(skipped)


@SETTINGS
@given(end=st.integers(-2, 2))
def test_committee_director_must_be_a_principal_leader_every_day(end: int) -> None:
    """The director's township-head term ends ``end`` days from the window's end: the seat's last
    day still counts, the day after does not."""
    files = _committee_led_by_the_head_until(YEAR[1] + timedelta(days=end), "镇长")
    assert ("zz-committee" in rule_ids(check(files, window=YEAR))) is (end < 0)


def _committee_led_by_the_head_until(last: date, name: str) -> dict[str, Any]:
    """A governance committee directed by ``boss``, the township head until ``last``."""
    return _office(DINGYUAN,
                   w={"body": {"id": "w", "kind": "governance_committee", "name": "综治委",
                               "seats": [{"person": "boss", "name": name, "role": "director",
                                          "terms": [{"start": "2020-01-01",
                                                     "obtained_by": "appointment"}]}]}},
                   g={"body": {"id": "gov", "kind": "township_government", "name": "镇政府",
                               "seats": [{"person": "boss", "name": name, "role": "head",
                                          "terms": [{"start": "2020-01-01",
                                                     "end": last.isoformat(),
                                                     "obtained_by": "election"}]}]}})


@SETTINGS
@given(digits=st.text("0123456789", max_size=3), tail=st.sampled_from(["", "x", "_a"]),
       upper=st.booleans())
def test_mailbox_name_is_the_initials_then_digits(digits: str, tail: str, upper: bool) -> None:
    local = "wbzzzb" + digits + tail
    files = _office(TAONAN, m={"mailbox": {
        "id": "m", "body": "o", "address": f"{local.upper() if upper else local}@163.com",
        "name_pinyin": "wan bao zhen zong zhi ban", "keeper": "lead", "assigned_by": "lead",
        "assigned_on": "2022-01-04"}})
    assert ("zz-email-name" in rule_ids(check(files))) is bool(tail)


@SETTINGS
@given(end=st.integers(-2, 2))
def test_village_office_director_holds_the_seat_every_day(end: int) -> None:
    """The director's party-secretary term ends ``end`` days from the window's end."""
    last = YEAR[1] + timedelta(days=end)
    open_term = [{"start": "2020-01-01", "obtained_by": "appointment"}]
    files = {"c.yaml": {"community": {"id": "v", "name": "某村", "jurisdiction": ["cn", "test"],
                                      "adopts": ["ZZB-VILLAGE"]}},
             "b.yaml": {"bodies": [
                 {"id": "o", "kind": "governance_office", "name": "村综治办",
                  "seats": [{"person": "sec", "name": "书记", "role": "director",
                             "terms": open_term}]},
                 {"id": "pc", "kind": "party_committee", "name": "村党支部",
                  "seats": [{"person": "sec", "name": "书记", "role": "secretary",
                             "terms": [{"start": "2020-01-01", "end": last.isoformat(),
                                        "obtained_by": "election"}]}]}]}}
    assert ("zz-village-office" in rule_ids(check(files, window=YEAR))) is (end < 0)


def test_a_rectification_of_an_unknown_inspection_is_an_input_error() -> None:
    files = _office(DINGYUAN,
                    r={"report": {"id": "i", "body": "o", "kind": "inspection", "period": "2022-H1",
                                  "submitted_on": "2022-07-05",
                                  "rectify": [{"unit": "甲村", "by": "2022-08-31"}]}},
                    x={"rectifications": [
                        {"id": "x1", "body": "o", "inspection": "nope", "unit": "甲村",
                         "date": "2022-08-01"},
                        {"id": "x2", "body": "o", "inspection": "i", "unit": "乙村",
                         "date": "2022-08-01"}]})
    errors = check(files).input_errors
    assert [(e.type, e.loc[-1]) for e in errors] == [("unknown_id", "inspection"),
                                                     ("unknown_id", "unit")]


def test_the_chinese_names_who_held_which_post_and_when_as_the_english_does() -> None:
    """ZZ-COMMITTEE, ZZ-VILLAGE-OFFICE: the Chinese finding names the person and the day, as
    the English does (it said only 有的日子…, "on some days", where the English named both)."""
    files = _committee_led_by_the_head_until(YEAR[1] - timedelta(days=1), "王镇长")
    (finding,) = [f for f in check(files, window=YEAR).findings if f.rule_id == "zz-committee"]
    assert ("2022年12月31日，王镇长（boss）任综治委主任，但既不是乡镇党委书记，也不是乡（镇）长"
            in finding.message.zh), finding.message.zh
    assert ("on 31 December 2022, 王镇长 (boss) directed the committee but was neither township "
            "party secretary nor township head") in finding.message.en, finding.message.en


def test_a_breach_of_the_posts_is_said_once_with_its_days() -> None:
    """ZZ-COMMITTEE, ZZ-POSTS: a breach that goes on over a day another roster changes (a
    member joins on 1 September) is one breach, from the day it began to the window's end,
    with its days counted and the seat whose end began it; it read 于2022年7月1日任综治委主任
    and again 于2022年9月1日…, as if appointed on each of those days. The committee's finding
    is headed by the committee's name, not the office's."""
    files = _committee_led_by_the_head_until(date(2022, 6, 30), "王镇长")
    files["w.yaml"]["body"]["seats"].append(
        {"person": "m", "name": "委员", "role": "member",
         "terms": [{"start": "2022-09-01", "obtained_by": "appointment"}]})
    (finding,) = [f for f in check(files, window=YEAR).findings if f.rule_id == "zz-committee"]
    assert finding.message.zh == ("综治委：2022年7月1日至2022年12月31日（共184天），王镇长（boss）"
                                  "任综治委主任，但既不是乡镇党委书记，也不是乡（镇）长，"
                                  "其乡（镇）长一职至2022年6月30日止")
    assert finding.message.en == ("综治委: from 1 July 2022 to 31 December 2022 (184 days), 王镇长 "
                                  "(boss) directed the committee but was neither township party "
                                  "secretary nor township head (they held the township head's "
                                  "seat until 30 June 2022)")
    assert finding.body is not None and finding.body.id == "w"
    (posts,) = [f for f in check(files, window=YEAR).findings if f.rule_id == "zz-posts"]
    assert posts.message.zh.count("调处中心") == 1, posts.message.zh  # no centre: said once
    assert "综治办主任空缺：2022年1月1日（检查期首日）至2022年12月31日（共365天）" in posts.message.zh
    assert ("the office had no director: from 1 January 2022 (the first day checked) to "
            "31 December 2022 (365 days)") in posts.message.en, posts.message.en


def test_vacant_days_are_listed_with_their_count() -> None:
    """Four spells without an office director (each from the day the roster leaves the seat
    empty to the day before it is filled): both languages list the first three with their
    days and say how many there are."""
    def term(start: str, end: str) -> dict[str, str]:
        return {"start": start, "end": end, "obtained_by": "election"}

    spells = [term("2022-01-01", "2022-02-28"), term("2022-03-02", "2022-04-29"),
              term("2022-05-02", "2022-06-29"), term("2022-07-02", "2022-08-30"),
              term("2022-09-01", "2022-10-30")]
    files = {"c.yaml": {"community": {"id": "v", "name": "某村", "jurisdiction": ["cn", "test"],
                                      "adopts": ["ZZB-VILLAGE"]}},
             "b.yaml": {"bodies": [
                 {"id": "o", "kind": "governance_office", "name": "村综治办",
                  "seats": [{"person": "sec", "name": "书记", "role": "director",
                             "terms": spells}]},
                 {"id": "pc", "kind": "party_committee", "name": "村党支部",
                  "seats": [{"person": "sec", "name": "书记", "role": "secretary",
                             "terms": [term("2020-01-01", "2023-12-31")]}]}]}}
    window = (date(2022, 1, 1), date(2022, 10, 30))
    (finding,) = [f for f in check(files, window=window).findings
                  if f.rule_id == "zz-village-office"]
    assert ("综治办主任空缺：2022年3月1日；2022年4月30日至2022年5月1日（共2天）；"
            "2022年6月30日至2022年7月1日（共2天）等4处" in finding.message.zh), finding.message.zh
    assert finding.message.en.endswith(
        "the office had no director: on 1 March 2022; from 30 April 2022 to 1 May 2022 (2 days); "
        "from 30 June 2022 to 1 July 2022 (2 days); 4 in all"), finding.message.en
    assert finding.body is not None and (finding.body.id, finding.body.name) == ("o", "村综治办")
    assert finding.message.zh.startswith("村综治办："), finding.message.zh


def test_the_mailbox_and_letter_findings_name_the_seat_holders_in_chinese() -> None:
    """ZZ-EMAIL-KEEPER, ZZ-MAT-LETTER: the Chinese says who held the seat that day and which
    days went unchecked, as the English does."""
    files = _office(TAONAN, m={"mailbox": {
        "id": "m", "body": "o", "address": "zzb@163.com", "name_pinyin": "zong zhi ban",
        "keeper": "stranger", "assigned_by": "sec", "assigned_on": "2022-01-04",
        "log": {"from": "2022-03-01", "to": "2022-03-03", "checked": ["2022-03-02"]}}},
        r={"report": {"id": "l", "body": "o", "kind": "responsibility_letter", "period": "2022",
                      "submitted_on": "2022-03-20", "signed_by": "lead", "sealed": True}})
    findings = {f.rule_id: f.message.zh for f in check(files, window=YEAR).findings}
    keeper = findings["zz-email-keeper"]
    assert "安排人当日不是分管综治的领导：书记（sec）于2022年1月4日未任分管综治的领导，" in keeper
    assert "当日任分管综治的领导的是分管领导（lead）" in keeper
    assert "负责人安排之日不在综治办名册上：「stranger」于2022年1月4日未任综治办成员" in keeper
    assert "有2天未查看邮箱（2022年3月1日、2022年3月3日）" in keeper, keeper
    letter = findings["zz-letter"]
    assert "签订人签订之日不是主要领导：分管领导（lead）于2022年3月20日未任镇党委书记" in letter, letter


@SETTINGS
@given(month=st.integers(1, 12), days=st.lists(st.integers(1, 31), min_size=0, max_size=3))
def test_screenings_are_one_in_each_half_of_the_month(month: int, days: list[int]) -> None:
    """每半月一次 (ZZB-DINGYUAN:50): the 1st to the 15th and the 16th to the month's end each
    need a screening; the 15th is in the first half, the 16th in the second."""
    start = date(2022, month, 1)
    end = (date(2022, month + 1, 1) if month < 12 else date(2023, 1, 1)) - timedelta(days=1)
    on = sorted({min(d, end.day) for d in days})
    files = _office(DINGYUAN, r={"reports": [
        {"id": f"s{d}", "body": "o", "kind": "screening", "period": f"2022-{month:02d}",
         "submitted_on": date(2022, month, d).isoformat()} for d in on]})
    found = "zz-screening" in rule_ids(check(files, window=(start, end)))
    assert found is not (any(d <= 15 for d in on) and any(d >= 16 for d in on)), on


@SETTINGS
@given(late=st.integers(1, 40), chain=st.sampled_from([DINGYUAN, TAONAN]))
def test_a_late_report_says_when_it_came_when_it_was_due_and_how_late(
        late: int, chain: list[str]) -> None:
    """ZZ-SCREENING's monthly report (次月5日前 in Dingyuan, 当月25日前 in Taonan): the finding
    gives the day it came, the day it was due and the days between, in both languages (it said
    only 逾期：须于次月5日前报送, the day it came in the evidence alone)."""
    due = date(2022, 4, 5) if chain == DINGYUAN else date(2022, 3, 25)
    came = due + timedelta(days=late)
    files = _office(chain, r={"report": {"id": "d", "body": "o", "kind": "dispute_monthly",
                                         "period": "2022-03", "submitted_on": came.isoformat()}})
    (finding,) = [f for f in check(files, window=YEAR).findings
                  if f.rule_id == "zz-dispute-report-deadline"]
    rule_zh = "次月5日" if chain == DINGYUAN else "当月25日"
    assert (f"矛盾纠纷月报于{came.year}年{came.month}月{came.day}日报送，逾期{late}天：须于"
            f"{rule_zh}（{due.year}年{due.month}月{due.day}日）前报送") in finding.message.zh, \
        finding.message.zh
    en_days = "1 day" if late == 1 else f"{late} days"
    assert (f"came on {came.day} {came.strftime('%B')} 2022, {en_days} late: it was due by "
            f"the {'5th of the next' if chain == DINGYUAN else '25th of the same'} month "
            f"({due.day} {due.strftime('%B')} 2022)") in finding.message.en, finding.message.en
    assert (finding.evidence.shortfall.zh, finding.evidence.shortfall.en) == (
        f"逾期{late}天", f"{en_days} late")


def test_a_late_letter_says_the_day_it_came_and_the_day_due() -> None:
    files = _office(TAONAN, r={"report": {"id": "r", "body": "o", "kind": "responsibility_letter",
                                          "period": "2022", "submitted_on": "2022-03-28"}})
    (finding,) = [f for f in check(files).findings if f.rule_id == "zz-letter-deadline"]
    assert finding.message.zh.endswith("责任状于2022年3月28日报送，逾期3天：须于2022年3月25日前报送")
    assert finding.message.en.endswith(
        "the responsibility letter came on 28 March 2022, 3 days late: it was due by 25 March 2022")


def test_a_short_summary_and_a_long_title_say_the_bound_they_miss() -> None:
    """ZZ-MAT-SUMMARIES, ZZ-MAT-FORMAT: the finding gives the count and the bound (it said only
    只有 2999 字 and 题目长 21 字)."""
    files = _office(TAONAN, r={"report": {
        "id": "s", "body": "o", "kind": "annual_summary", "period": "2022",
        "submitted_on": "2022-12-28", "length_chars": 2999, "title": "二" * 21,
        "parts": ["practice", "experience", "shortcomings", "next_steps"]}})
    found = {f.rule_id: f.message for f in check(files).findings}
    assert found["zz-summary-length"].zh.endswith("只有2999字，须不少于3000字")
    assert found["zz-summary-length"].en.endswith(
        "only 2999 characters; at least 3000 required")
    assert found["zz-material-title"].zh.endswith("题目长21字，一般不超过20字")
    assert found["zz-material-title"].en.endswith(
        "the title has 21 characters; at most 20 in general")


def test_a_late_or_missing_rectification_and_filing_say_by_how_many_days() -> None:
    """ZZ-RECTIFICATION, ZZ-ARCHIVE: a rectification after its deadline gives the day it came
    and the days late (it read 至2022年8月31日没有整改记录（整改：2022年9月6日）, as if none
    came); a filing outside the year end gives the days from 31 December."""
    def files(rectified: str | None) -> dict[str, Any]:
        return _office(DINGYUAN,
                       r={"report": {"id": "i", "body": "o", "kind": "inspection",
                                     "period": "2022-H1", "submitted_on": "2022-07-05",
                                     "units": ["甲村"], "notice": "某综治〔2022〕5号",
                                     "rectify": [{"unit": "甲村", "by": "2022-08-31"}]}},
                       **({"x": {"rectification": {"id": "x", "body": "o", "inspection": "i",
                                                   "unit": "甲村", "date": rectified}}}
                          if rectified else {}),
                       f={"year_end_filing": {"id": "f", "body": "o", "year": 2022,
                                              "date": "2023-02-01",
                                              "areas": ["organisation_leadership",
                                                        "social_stability",
                                                        "security_prevention", "disputes"]}})
    found = {f.rule_id: f.message for f in check(files("2022-09-06"), window=YEAR).findings}
    assert found["zz-rectification"].zh.endswith("于2022年9月6日才整改，比整改期限2022年8月31日晚6天")
    assert found["zz-rectification"].en.endswith(
        "rectified only on 6 September 2022, 6 days after the deadline of 31 August 2022")
    found = {f.rule_id: f.message for f in check(files(None), window=YEAR).findings}
    assert found["zz-rectification"].zh.endswith("整改期限2022年8月31日已过，没有整改记录")
    assert found["zz-rectification"].en.endswith(
        "the deadline of 31 August 2022 has passed and no rectification is recorded")
    found = {f.rule_id: f.message for f in check(files(None), window=(YEAR[0], date(2023, 2, 28))
                                                 ).findings}
    assert found["zz-year-end-filing"].zh.endswith("2022年的材料于2023年2月1日才归档，比年底晚32天")
    assert found["zz-year-end-filing"].en.endswith(
        "the 2022 materials were filed only on 1 February 2023, 32 days after the year end")
