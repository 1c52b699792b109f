"""Roles, duties, sectors, work areas, archive files and registers, disclosure channels and title
steps in words, for findings in Chinese and in English.

Records name them by code (``security_mediation``); a finding says ``治安调解`` or
``security and mediation``.

>>> label(Sector.RESIDENTS, "zh"), label(Role.DEPUTY_DIRECTOR, "en")
('居民代表', 'deputy director')
>>> labels([WorkArea.SERVICE, WorkArea.AGEING], "zh")
'社区服务、老龄工作'
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from .._words import period_name
from ..models import (
    ArchiveFile,
    BodyKind,
    DisclosureChannel,
    Duty,
    HearingStep,
    PartyForm,
    Register,
    Report,
    Role,
    SeatOrigin,
    Sector,
    TermPlanPart,
    TitleStep,
    WorkArea,
)
from ..models.events import REPORT_KIND_WORDS

_LABELS: dict[StrEnum, tuple[str, str]] = {
    Sector.PARTY_ORGANISATION: ("社区党组织", "the community party organisation"),
    Sector.RESIDENTS_COMMITTEE: ("社区居委会", "the residents' committee"),
    Sector.SUPERVISION_COMMITTEE: ("居务监督委员会", "the residence-affairs supervision committee"),
    Sector.GRID_WORKERS: ("网格员", "grid workers"),
    Sector.RESIDENTS: ("居民代表", "residents"),
    Sector.WOMEN: ("妇女代表", "women"),
    Sector.UNITS: ("驻区单位", "units in the area"),
    Sector.BACKBONE: ("社区骨干", "community backbone"),
    WorkArea.SERVICE: ("社区服务", "community service"),
    WorkArea.SECURITY_MEDIATION: ("治安调解", "security and mediation"),
    WorkArea.FAMILY_PLANNING: ("计划生育", "family planning"),
    WorkArea.CULTURE_EDUCATION: ("文化教育", "culture and education"),
    WorkArea.PUBLIC_HEALTH: ("公共卫生", "public health"),
    WorkArea.WOMEN_CHILDREN: ("妇女儿童", "women and children"),
    WorkArea.SUPPORT_ARMY: ("拥军优属", "support for the army"),
    WorkArea.AGEING: ("老龄工作", "ageing"),
    Role.CONVENER: ("召集人", "convener"),
    Role.ROTATING_DIRECTOR: ("轮值主任", "rotating director"),
    Role.DIRECTOR: ("主任", "director"),
    Role.DEPUTY_DIRECTOR: ("副主任", "deputy director"),
    Role.SECRETARY: ("书记", "secretary"),
    Role.DEPUTY_SECRETARY: ("副书记", "deputy secretary"),
    Role.MEMBER: ("委员", "member"),
    Role.REPRESENTATIVE: ("代表", "representative"),
    Role.UNIT_REPRESENTATIVE: ("单位代表", "unit representative"),
    Role.CHAIR: ("主席", "chair"),
    Role.VICE_CHAIR: ("副主席", "vice chair"),
    Role.HEAD: ("乡镇长", "head"),
    Role.DEPUTY_HEAD: ("副乡镇长", "deputy head"),
    Role.LEADER: ("组长", "leader"),
    Role.WORKER: ("工作人员", "worker"),
    Duty.ACCOUNTANT: ("会计", "accountant"),
    Duty.CASHIER: ("出纳", "cashier"),
    Duty.GOODS_KEEPER: ("实物保管", "keeper of goods"),
    Duty.ARCHIVE_KEEPER: ("档案人员", "archive keeper"),
    # 十档六簿 (SQ-SIFANG:390)
    ArchiveFile.HIGHER_LEVEL_DOCUMENTS: ("上级文件", "higher-level documents"),
    ArchiveFile.PLANS_AND_SUMMARIES: ("计划总结", "plans and summaries"),
    ArchiveFile.PARTY_BUILDING: ("社区党建", "community party building"),
    ArchiveFile.SERVICE: ("社区服务", "community services"),
    ArchiveFile.HEALTH: ("社区卫生", "community health"),
    ArchiveFile.CULTURE: ("社区文化", "community culture"),
    ArchiveFile.SECURITY: ("社区治安", "community security"),
    ArchiveFile.ENVIRONMENT: ("社区环境", "community environment"),
    ArchiveFile.EDUCATION: ("社区教育", "community education"),
    ArchiveFile.WOMEN_AND_DISABLED: ("妇联残联", "women's and disabled persons' federations"),
    Register.MEETINGS: ("会议记录", "meeting minutes"),
    Register.TELEPHONE: ("电话记录", "telephone log"),
    Register.LETTERS_VISITS_MEDIATION: ("来信来访调解记录", "letters, visits and mediation log"),
    Register.ACTIVITIES: ("社区活动记录", "community activities log"),
    Register.RESIDENTS_AND_UNITS: ("社区居民及驻区单位登记", "register of residents and units"),
    Register.SEAL_USE: ("印章使用登记", "seal-use register"),
    # 公开形式 (SQ-SIFANG:368)
    DisclosureChannel.NOTICE_BOARD: ("公开栏", "the notice board"),
    DisclosureChannel.PARTY_MEMBERS_MEETING: ("党员大会", "a party members' meeting"),
    DisclosureChannel.CADRES_MEETING: ("组长以上干部会议", "a meeting of cadres"),
    DisclosureChannel.REPRESENTATIVES_MEETING: ("居民代表会议", "a residents' representatives meeting"),
    DisclosureChannel.BULLETIN: ("通报", "a bulletin"),
    DisclosureChannel.OPEN_LETTER: ("公开信", "an open letter"),
    # 社区党组织的形式 (SQ-SIFANG:144)
    PartyForm.BRANCH: ("党支部", "a branch"),
    PartyForm.GENERAL_BRANCH: ("党总支", "a general branch"),
    PartyForm.PARTY_COMMITTEE: ("党委", "a party committee"),
    # 听证会程序 (SQ-SIFANG:379)
    HearingStep.TOPIC_REPORTED: ("主持人报告议题", "the topic reported"),
    HearingStep.COMMITTEE_BRIEFING: ("居委会通报情况", "the committee's briefing"),
    HearingStep.DISCUSSION: ("成员讨论", "discussion"),
    HearingStep.OFFICIALS_ANSWER: ("政府部门代表答询", "officials' answers"),
    HearingStep.VOTE: ("投票表决", "the vote"),
    # 三年任期目标和工作计划 (SQ-SIFANG:125)
    TermPlanPart.TERM_OBJECTIVES: ("三年任期目标", "three-year term objectives"),
    TermPlanPart.WORK_PLAN: ("工作计划", "work plan"),
    # how a term was obtained
    SeatOrigin.ELECTION: ("选举", "election"),
    SeatOrigin.BY_ELECTION: ("补选", "by-election"),
    SeatOrigin.APPOINTMENT: ("任命", "appointment"),
    SeatOrigin.NOMINATION: ("提名", "nomination"),
    # 规范化社区 (SQ-SIFANG:132)
    TitleStep.SELF_ASSESSMENT: ("自荐自评", "self-assessment"),
    TitleStep.STREET_REVIEW: ("街道办事处初审", "the street office's review"),
    TitleStep.DEMOCRATIC_ASSESSMENT: ("民主测评", "the democratic assessment"),
    TitleStep.PUBLIC_NOTICE: ("公示", "public notice"),
    TitleStep.CIVIL_AFFAIRS_ACCEPTANCE: ("区民政局审查验收", "the civil-affairs bureau's acceptance"),
    TitleStep.DISTRICT_APPROVAL: ("区政府审批", "the district government's approval"),
}
_LABELS.update(REPORT_KIND_WORDS.items())


def label(code: StrEnum | None, lang: str) -> str:
    """The words for a role, duty, sector or work area (``未记录`` / ``not recorded`` for none)."""
    if code is None:
        return "未记录" if lang == "zh" else "not recorded"
    words = _LABELS.get(code)
    if words is None:  # made only on a miss: a member's value is a slow read
        value = str(code.value)
        words = (value, value.replace("_", " "))
    return words[0] if lang == "zh" else words[1]


_MEMBER_WORDS: dict[BodyKind, tuple[str, str]] = {
    BodyKind.MEMBER_REPRESENTATIVE_ASSEMBLY: ("代表", "representative"),
    BodyKind.TOWNSHIP_CONGRESS: ("代表", "deputy"),
    BodyKind.REPRESENTATIVE_GROUP: ("代表", "deputy"),
    BodyKind.RESIDENTS_GROUP: ("组员", "member"),
    BodyKind.PARTY_GROUP: ("党员", "party member"),
    BodyKind.WORK_STATION: ("在职党员", "in-service party member"),
    BodyKind.COMMUNITY_SUPERVISORS: ("社区监督员", "community supervisor"),
    **{kind: ("委员", "member") for kind in (
        BodyKind.CONSULTATION_COMMITTEE, BodyKind.RESIDENTS_COMMITTEE, BodyKind.PARTY_COMMITTEE,
        BodyKind.SUPERVISION_COMMITTEE, BodyKind.WORK_COMMITTEE, BodyKind.ELECTION_COMMITTEE,
        BodyKind.GOVERNANCE_COMMITTEE, BodyKind.CREDENTIALS_COMMITTEE,
        BodyKind.TOWNSHIP_PARTY_COMMITTEE)},
}
"""What a plain seat (``member``) is called on each kind of body: 委员 on a committee (委员会),
代表 at an assembly, 组员 in a residents' group; 成员 where no other word is the body's own."""


def seat_label(role: Role | None, kind: BodyKind, lang: str) -> str:
    """:func:`label` of a seat on a body of ``kind``: a plain member's word is the body's.

    >>> group = BodyKind.RESIDENTS_GROUP
    >>> seat_label(Role.MEMBER, group, "zh"), seat_label(Role.LEADER, group, "zh")
    ('组员', '组长')
    >>> seat_label(Role.MEMBER, BodyKind.MEMBER_REPRESENTATIVE_ASSEMBLY, "zh")
    '代表'
    """
    if role is not Role.MEMBER:
        return label(role, lang)
    words = _MEMBER_WORDS.get(kind, ("成员", "member"))
    return words[0] if lang == "zh" else words[1]


def labels(codes: Iterable[StrEnum], lang: str) -> str:
    """Several in words, joined as the language joins a list."""
    return ("、" if lang == "zh" else ", ").join(label(c, lang) for c in codes)


def report_subject(report: Report) -> dict[str, str]:
    """How a finding names a report: its title, else what it is, for which period, with its id
    (``2022年9月矛盾纠纷月报（disputes-2022-09）``), as names (``subject``, ``subject_zh``).

    >>> report_subject(Report(id="d-9", body="o", kind="dispute_monthly", period="2022-09",
    ...                       submitted_on="2022-10-08"))["subject_zh"]
    '2022年9月矛盾纠纷月报（d-9）'
    """
    if report.title:
        return {"subject": report.title}
    period = report.period
    return {"subject": f"{label(report.kind, 'en')} for {period_name(period, 'en')} ({report.id})",
            "subject_zh": f"{period_name(period, 'zh')}{label(report.kind, 'zh')}（{report.id}）"}
