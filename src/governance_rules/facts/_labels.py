"""Roles, duties, sectors and work areas in words, for findings in Chinese and in English.

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

from ..models import Duty, Role, Sector, WorkArea

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
}


def label(code: StrEnum | None, lang: str) -> str:
    """The words for a role, duty, sector or work area (``未记录`` / ``not recorded`` for none)."""
    if code is None:
        return "未记录" if lang == "zh" else "not recorded"
    zh, en = _LABELS.get(code, (str(code.value), str(code.value).replace("_", " ")))
    return zh if lang == "zh" else en


def labels(codes: Iterable[StrEnum], lang: str) -> str:
    """Several in words, joined as the language joins a list."""
    return ("、" if lang == "zh" else ", ").join(label(c, lang) for c in codes)
