"""Record and fact types in words: a report in Chinese says 会议, not ``meeting``.

Findings name their record's type (``meeting``, ``term`` …) and rules the type of case they
judge (``motion``, ``member_period`` …); both are codes a program reads. A reader gets these
words instead: a table, one entry a code, that the tests hold complete (every fact type, every
record type a fact names).

>>> type_words("motion", "zh"), type_words("motion", "en"), type_words("motion", "en", many=True)
('议题', 'motion', 'motions')
>>> type_words("no_such_type", "zh")
'no_such_type'
"""

from __future__ import annotations

from ._words import period_name

TYPE_WORDS: dict[str, tuple[str, str, str]] = {
    # code: (Chinese, English one, English many)
    "act": ("成员出席会议", "act of a member", "acts of members"),
    "archive": ("档案", "archive", "archives"),
    "archive_handover": ("档案交接", "archive handover", "archive handovers"),
    "assessment": ("考核", "assessment", "assessments"),
    "audit": ("财务审查", "audit", "audits"),
    "audit_quarter": ("审计季度", "quarter of audits", "quarters of audits"),
    "body": ("机构", "body", "bodies"),
    "cc_decision": ("协商委员会决策性意见", "consultation committee decision",
                    "consultation committee decisions"),
    "centre_meeting": ("事务中心会议", "affairs-centre meeting", "affairs-centre meetings"),
    "centre_week": ("事务中心工作周", "affairs-centre week", "affairs-centre weeks"),
    "community": ("社区", "community", "communities"),
    "community_change": ("社区设立、撤销或调整", "community change", "community changes"),
    "credentials_review": ("代表资格审查", "credentials review", "credentials reviews"),
    "director_term": ("事务中心主任任期", "affairs-centre director's term",
                      "affairs-centre directors' terms"),
    "disclosure": ("公开事项", "disclosure", "disclosures"),
    "ledger": ("账簿", "ledger", "ledgers"),
    "expense": ("开支", "expense", "expenses"),
    "expense_cluster": ("同期开支组", "cluster of expenses", "clusters of expenses"),
    "finance_duties": ("财务岗位", "set of finance duties", "sets of finance duties"),
    "hearing": ("听证会", "hearing", "hearings"),
    "keeper_change": ("档案人员变动", "change of archive keeper", "changes of archive keeper"),
    "leading_group": ("领导小组", "leading group", "leading groups"),
    "mailbox": ("信箱", "mailbox", "mailboxes"),
    "meeting": ("会议", "meeting", "meetings"),
    "member_entry": ("成员工作记录", "member's entry", "members' entries"),
    "member_period": ("成员工作周期", "member's period", "members' periods"),
    "member_record": ("成员记录", "member record", "member records"),
    "motion": ("议题", "motion", "motions"),
    "party_matter": ("党组织事项", "party matter", "party matters"),
    "period": ("周期", "period", "periods"),
    "pilot": ("试点", "pilot", "pilots"),
    "proposal": ("提议", "proposal", "proposals"),
    "rc_review": ("居委会年终评议", "residents' committee review",
                  "residents' committee reviews"),
    "rc_review_year": ("居委会评议年度", "residents' committee review year",
                       "residents' committee review years"),
    "rc_term": ("居委会届期", "residents' committee term", "residents' committee terms"),
    "recall": ("罢免", "recall", "recalls"),
    "replacement": ("成员替换", "replacement", "replacements"),
    "report": ("报告", "report", "reports"),
    "representative_term": ("居民代表任期", "representative's term", "representatives' terms"),
    "retention": ("资料留存", "retention", "retentions"),
    "review": ("评议", "review", "reviews"),
    "roster": ("机构名册", "roster", "rosters"),
    "session": ("人民代表大会会议", "session", "sessions"),
    "standard_title": ("规范化社区称号", "standardised-community title",
                       "standardised-community titles"),
    "suggestion": ("代表建议", "deputy's suggestion", "deputies' suggestions"),
    "supervisors": ("社区监督员", "set of supervisors", "sets of supervisors"),
    "term": ("任期", "term", "terms"),
    "work_points": ("工作要点", "set of work points", "sets of work points"),
    "worker_month": ("工作人员月度", "worker's month", "workers' months"),
    "zz_committee": ("综治委员会", "comprehensive-governance committee",
                     "comprehensive-governance committees"),
    "zz_group": ("综治工作小组", "working group", "working groups"),
    "zz_groups": ("综治工作小组设置", "set of working groups", "sets of working groups"),
    "zz_inspection": ("综治检查", "inspection", "inspections"),
    "zz_mailbox": ("综治信箱", "comprehensive-governance mailbox",
                   "comprehensive-governance mailboxes"),
    "zz_material": ("综治材料", "comprehensive-governance paper",
                    "comprehensive-governance papers"),
    "zz_performance": ("综治述职", "performance filing", "performance filings"),
    "zz_pilot": ("综治试点", "comprehensive-governance pilot", "comprehensive-governance pilots"),
    "zz_posts": ("综治岗位", "set of comprehensive-governance posts",
                 "sets of comprehensive-governance posts"),
    "zz_rectification": ("整改", "rectification", "rectifications"),
    "zz_retention": ("综治资料留存", "retention of papers", "retentions of papers"),
    "zz_village": ("村综治办公室", "village office", "village offices"),
    "zz_year": ("综治工作年度", "year of comprehensive-governance work",
                "years of comprehensive-governance work"),
}
"""Type code → (Chinese, English singular, English plural)."""


def type_words(code: str, lang: str, *, many: bool = False) -> str:
    """The words for a record or fact type; an unknown code (an overlay's own fact type)
    as it is."""
    words = TYPE_WORDS.get(code)
    if words is None:
        return code
    zh, one, more = words
    return zh if lang == "zh" else more if many else one


def record_type(code: str, lang: str) -> str:
    """A finding's record type as a report in ``lang`` shows it, in words: 会议, ``meeting``;
    ``leading_group`` is a ``leading group``.

    >>> record_type("meeting", "zh"), record_type("meeting", "en"), record_type("worker_month", "en")
    ('会议', 'meeting', "worker's month")
    """
    return type_words(code, lang)


CATEGORY_WORDS: dict[str, tuple[str, str]] = {
    # what a period record counts (facts/_periods.py, facts/_station.py): (Chinese, English)
    "meeting": ("会议", "meetings"),
    "regular": ("例会", "regular meetings"),
    "review": ("评议", "reviews"),
    "agenda_work_report": ("听取工作报告", "work reports heard"),
    "agenda_finance_report": ("听取财务收支报告", "finance reports heard"),
    "agenda_link_briefing": ("“一管三带一联”情况通报", "briefings on the household links"),
    "work_report_heard": ("向社区成员（代表）会议汇报工作", "work reports to the community members"),
    "disclosure_government_affairs": ("政务公开", "disclosures of government affairs"),
    "disclosure_affairs": ("居务公开", "disclosures of affairs"),
    "disclosure_finance": ("财务公开", "disclosures of finances"),
    "account_closing": ("月结", "month-end closings"),
    "member_assembly": ("党员大会", "party members' assemblies"),
    "party_group": ("党小组会", "party group meetings"),
    "party_lecture": ("党课", "party lectures"),
    "life_meeting": ("民主生活会", "democratic life meetings"),
    "report_dispute_monthly": ("矛盾纠纷月报", "monthly dispute reports"),
    "report_screening": ("矛盾纠纷排查", "screenings for disputes"),
    "report_security_analysis": ("治安形势分析", "analyses of public security"),
    "report_inspection": ("综治检查", "inspections"),
    "report_work_record": ("工作实绩档案", "performance files"),
    "session": ("人民代表大会会议", "congress sessions"),
    "party_hearing": ("党委听取人大工作汇报", "the party committee's hearing of the congress"),
    "activity": ("活动", "activities"),
    "report_plan": ("活动计划", "activity plans"),
    "contact": ("与社区联系", "contacts with the community"),
    "feedback": ("表现反馈单", "feedback forms"),
    "link_performance": ("“一管三带一联”表现记录", "entries in the household-link register"),
    "household_contact": ("联户", "household contacts"),
}
"""The words for each category a period record (``{body}/…/{category}/{period}``) counts."""


def record_words(code: str, record_id: str, lang: str) -> str:
    """A record's type and id as a reader sees them: a period record's category and period
    in words after the body (and member) it is of, any other record's id as it is.

    >>> record_words("period", "party-committee/party_lecture/2022-B5", "zh")
    '周期 party-committee · 党课 · 2022年9—10月'
    >>> record_words("period", "g1/li/h-1/household_contact/2022-01", "en")
    'period g1/li/h-1 · household contacts · January 2022'
    >>> record_words("meeting", "pc-2022-06", "en")
    'meeting pc-2022-06'
    """
    kind = record_type(code, lang)
    *whose, category, label = record_id.split("/") if code == "period" else ("", "", "")
    words = CATEGORY_WORDS.get(category)
    if not whose or words is None or period_name(label, lang) == label:
        return f"{kind} {record_id}"
    return f"{kind} {'/'.join(whose)} · {words[0] if lang == 'zh' else words[1]} · " \
           f"{period_name(label, lang)}"
