"""Writes the example dossiers' YAML. Run once by hand; the YAML is what is committed and checked.

    python examples/_generate.py
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import yaml

HERE = Path(__file__).parent


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if value in {"yes", "no", "on", "off", "true", "false", "null"}:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str)


def write(path: Path, data: object, comment: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    path.write_text((f"# {comment}\n" if comment else "") + text, encoding="utf-8")


def haliang() -> None:
    root = HERE / "haliang-3"
    write(root / "community.yaml", {"community": {
        "id": "haliang-3", "name": "哈量三社区",
        "jurisdiction": ["cn", "heilongjiang", "harbin", "xiangfang", "minsheng"],
        "households": 4980, "residents": 12450, "established": "2001-01-01",
        "special_circumstances": "老工业区职工住宅集中，经区人民政府同意不拆分社区",
        "records_cover": {"from": "2022-01-01", "to": "2022-12-31"}}},
        "黑龙江省哈尔滨市香坊区民生路街道哈量三社区")
    start, end = "2021-12-25", "2024-12-24"
    members = [
        ("zhang-wei", "张伟", "convener", "party_organisation", "1-3号楼"),
        ("li-na", "李娜", "member", "women", "4-6号楼"),
        ("wang-fang", "王芳", "member", "residents", "7-9号楼"),
        ("zhao-lei", "赵磊", "rotating_director", "residents_committee", "10-12号楼"),
        ("chen-jing", "陈静", "member", "supervision_committee", "13-15号楼"),
        ("liu-yang", "刘洋", "member", "grid_workers", "16-18号楼"),
        ("sun-li", "孙丽", "member", "backbone", "19-21号楼"),
        ("zhou-hai", "周海", "member", "units", "驻区单位、物业公司"),
    ]
    seats = []
    for person, name, role, sector, zone in members:
        term = {"start": start, "end": end, "obtained_by": "nomination"}
        if person == "li-na":
            term["end"] = "2022-06-30"
        if person == "wang-fang":
            term["end"] = "2022-12-20"
        if person == "sun-li":
            term["end"] = "2025-12-31"
        seats.append({"person": person, "name": name, "role": role, "sector": sector,
                      "zone": zone, "terms": [term]})
    seats.append({"person": "zhou-min", "name": "周敏", "role": "member", "sector": "women",
                  "zone": "4-6号楼", "terms": [{
                      "start": "2022-07-01", "end": end, "obtained_by": "nomination",
                      "replaces": "li-na", "reason": "本人因工作调动提出辞职",
                      "decision": {"meeting": "cc-2022-06", "motion": "replace-li-na"}}]})
    seats.append({"person": "gao-jian", "name": "高建", "role": "member", "sector": "units",
                  "zone": "7-9号楼", "terms": [{
                      "start": "2022-12-21", "end": end, "obtained_by": "nomination",
                      "replaces": "wang-fang", "reason": "年度民主评议满意率较低",
                      "decision": {"meeting": "cc-2022-12", "motion": "replace-wang-fang"}}]})
    write(root / "bodies" / "consultation-committee.yaml", {"body": {
        "id": "consultation-committee", "kind": "consultation_committee",
        "name": "哈量三社区协商委员会", "established": start, "seats": seats}},
        "社区协商委员会：8个方面各推荐1人，均为兼职 (HLS-356:18)")
    topics = {
        1: [("heating", "冬季供暖温度不达标问题协调", "adopted", 8)],
        2: [("stairwell", "楼道堆物集中清理方案", "adopted", 7)],
        3: [("parking-plan", "小区停车位划分方案", "adopted", None)],
        4: [("sorting", "垃圾分类投放点设置", "adopted", 8)],
        5: [("elevator", "老旧楼加装电梯意见征集", "rejected", 5)],
        6: [("canteen", "社区长者食堂选址", "adopted", 7), ("replace-li-na", "增补周敏为协商委员会成员（妇女代表）", "adopted", 7)],
        7: [("fitness", "健身器材更新", "adopted", 8)],
        8: [("greening", "小区绿化带改造", "adopted", 7)],
        9: [("pets", "文明养犬公约", "adopted", 7)],
        10: [("property-fee", "物业服务费调整征求意见", "adopted", 8)],
        11: [("snow", "冬季清雪责任分片", "adopted", 8)],
        12: [("review", "年度工作民主评议结果通报", "adopted", 8), ("replace-wang-fang", "增补高建为协商委员会成员", "adopted", 7)],
    }
    for month, motions in topics.items():
        day = f"2022-{month:02d}-15"
        seated = [m[0] for m in members]
        if month >= 7:
            seated[1] = "zhou-min"
        present = list(seated)
        if month == 3:
            present.remove("sun-li")
        if month == 8:
            present.append("li-na")
        items = []
        for mid, title, outcome, consents in motions:
            motion: dict[str, object] = {"id": mid, "title": title, "outcome": outcome}
            if consents is None:
                motion["votes"] = {"yes": 6, "no": 1, "abstain": 0}
            else:
                motion["consented"] = present[:consents]
            items.append(motion)
        chair = "zhang-wei" if month % 2 else "zhao-lei"
        write(root / "meetings" / f"2022-{month:02d}.yaml", {"meeting": {
            "id": f"cc-2022-{month:02d}", "body": "consultation-committee", "kind": "regular",
            "date": day, "convener": "zhang-wei", "chair": chair, "present": present,
            "motions": items}})
    rc_term = {"start": "2021-06-01", "end": "2024-05-31", "obtained_by": "election"}
    write(root / "bodies" / "residents-committee.yaml", {"body": {
        "id": "residents-committee", "kind": "residents_committee", "name": "哈量三社区居民委员会",
        "seats": [{"person": p, "name": n, "role": r, "terms": [rc_term]}
                  for p, n, r in (("zhao-lei", "赵磊", "director"),
                                  ("qin-yu", "秦雨", "deputy_director"),
                                  ("xu-li", "许丽", "member"))]}},
        "社区居民委员会：年底民主评议的评议人（HLS-356:26）")
    write(root / "bodies" / "residents-representatives.yaml", {"body": {
        "id": "residents-representatives", "kind": "member_representative_assembly",
        "name": "哈量三社区居民代表", "seats": [
            {"person": p, "name": n, "role": "representative", "terms": [rc_term]}
            for p, n in (("feng-qiang", "冯强"), ("wei-hua", "卫华"), ("jiang-mei", "蒋梅"))]}},
        "社区居民代表：年底民主评议的评议人（HLS-356:26）")
    write(root / "review-2022.yaml", {"review": {
        "id": "review-2022", "body": "consultation-committee", "date": "2022-12-28",
        "by": ["residents-committee", "residents-representatives"],
        "reviewers": ["zhao-lei", "qin-yu", "xu-li", "feng-qiang", "wei-hua", "jiang-mei"]}},
        "年底由社区居民委员会和居民代表对协商委员会年度工作进行民主评议")


def sifang() -> None:
    root = HERE / "sifang"
    write(root / "community.yaml", {"community": {
        "id": "xinghua-road", "name": "兴华路社区",
        "jurisdiction": ["cn", "shandong", "qingdao", "sifang"],
        "households": 2400, "established": "2003-05-01",
        "records_cover": {"from": "2022-01-01", "to": "2022-12-31"},
        "charter_adopted_on": "2021-06-20"}},
        "青岛市四方区兴华路街道兴华路社区（示例）")
    election = {"meeting": "ra-2021-06", "motion": "elect-rc"}
    rc = [("ma-jun", "马军", "director"), ("he-ping", "何平", "deputy_director"),
          ("tang-li", "唐莉", "deputy_director"), ("xu-gang", "徐刚", "member"),
          ("lin-xia", "林霞", "member"), ("song-tao", "宋涛", "member"),
          ("fang-yu", "方玉", "member")]
    rc_seats = []
    for person, name, role in rc:
        term: dict[str, object] = {"start": "2021-06-20", "end": "2024-06-19",
                                   "obtained_by": "election", "decision": election}
        if person == "fang-yu":
            term = {"start": "2021-09-01", "end": "2024-06-19", "obtained_by": "appointment",
                    "reason": "街道办事处指派"}
        rc_seats.append({"person": person, "name": name, "role": role,
                         **_duties(person), "terms": [term]})
    write(root / "bodies" / "residents-committee.yaml", {"body": {
        "id": "residents-committee", "kind": "residents_committee", "name": "兴华路社区居民委员会",
        "established": "2003-05-01", "seats": rc_seats}})
    pc = [("ma-jun", "马军", "secretary"), ("guo-hong", "郭红", "deputy_secretary"),
          ("he-ping", "何平", "member"), ("qian-bo", "钱波", "member"), ("yu-lan", "于兰", "member")]
    write(root / "bodies" / "party-committee.yaml", {"body": {
        "id": "party-committee", "kind": "party_committee", "name": "中共兴华路社区委员会",
        "seats": [{"person": p, "name": n, "role": r, "terms": [_pc_term(p)]} for p, n, r in pc]}})
    surnames = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
    reps = []
    for g in range(1, 13):
        for k in range(2):
            i = (g - 1) * 2 + k
            reps.append((f"rep-{g:02d}{'ab'[k]}", f"{surnames[i]}{'建国' if k else '秀英'}",
                         f"group-{g:02d}", "representative"))
    for u, unit in enumerate(["兴华小学", "社区卫生服务站", "青岛银行兴华支行", "华润万家超市",
                              "安居物业公司", "兴华派出所", "四方供电所", "兴华幼儿园"]):
        reps.append((f"unit-{u + 1:02d}", f"{unit}代表", "units", "unit_representative"))
    ra_seats = []
    for person, name, group, role in reps:
        term = {"start": "2021-06-20", "end": "2024-06-19", "obtained_by": "election"}
        if person == "rep-07b":
            term["end"] = "2025-06-30"
        if person == "rep-03a":
            term["end"] = "2022-04-10"
        if person == "rep-09a":
            term["end"] = "2022-08-31"
        ra_seats.append({"person": person, "name": name, "role": role, "group": group,
                         "terms": [term]})
    ra_seats.append({"person": "rep-05c", "name": "邹志强", "role": "representative",
                     "group": "group-05", "terms": [{
                         "start": "2022-05-01", "end": "2024-06-19", "obtained_by": "by_election",
                         "replaces": "rep-03a", "reason": "原代表搬离本社区"}]})
    ra_seats.append({"person": "rep-09c", "name": "柏玉梅", "role": "representative",
                     "group": "group-09", "terms": [{
                         "start": "2022-09-15", "end": "2024-06-19", "obtained_by": "by_election",
                         "replaces": "rep-09a", "reason": "原代表因病提出撤换申请"}]})
    write(root / "bodies" / "assembly.yaml", {"body": {
        "id": "assembly", "kind": "member_representative_assembly",
        "name": "兴华路社区成员代表大会", "established": "2003-05-01", "seats": ra_seats}},
        "每个居民小组推选2名代表，另有8名驻社区单位代表")
    write(root / "recalls.yaml", {"recalls": [
        {"id": "recall-2022-rep-03a", "body": "assembly", "person": "rep-03a",
         "date": "2022-04-10", "kind": "vacancy", "reason": "搬离本社区，出现缺额",
         "replaced_by": "rep-05c"},
        {"id": "recall-2022-rep-09a", "body": "assembly", "person": "rep-09a",
         "date": "2022-08-31", "kind": "recall", "reason": "因病提出撤换申请",
         "replaced_by": "rep-09c"},
    ]})
    all_reps = [r[0] for r in reps]
    ra_meetings = [
        {"id": "ra-2021-06", "body": "assembly", "kind": "regular", "date": "2021-06-20",
         "convened_by": "election-committee", "agenda": ["election"],
         "chair": "ma-jun", "present": all_reps[:28],
         "motions": [{"id": "elect-rc", "title": "选举第七届社区居民委员会成员", "outcome": "adopted",
                      "votes": {"yes": 26, "no": 1, "abstain": 1}}]},
        {"id": "ra-2022-01", "body": "assembly", "kind": "regular", "date": "2022-01-18",
         "convened_by": "residents-committee", "agenda": ["work_report", "finance_report"],
         "chair": "ma-jun", "present": all_reps[:25],
         "motions": [
             {"id": "work-report", "title": "审议2021年度社区居委会工作和财务收支情况报告",
              "outcome": "adopted", "votes": {"yes": 23, "no": 0, "abstain": 2}},
             {"id": "playground", "title": "儿童游乐场改造方案（1200元）", "outcome": "adopted",
              "votes": {"yes": 19, "no": 4, "abstain": 2},
              "expense": {"id": "exp-2022-005", "amount": "1200.00"}},
             {"id": "parking-fee", "title": "临时停车收费标准", "outcome": "adopted",
              "votes": {"yes": 12, "no": 9, "abstain": 4}}]},
        {"id": "ra-2022-07", "body": "assembly", "kind": "regular", "date": "2022-07-12",
         "convened_by": "residents-committee", "agenda": ["work_report", "finance_report"],
         "chair": "ma-jun",
         "present": [r for r in all_reps if r not in ("rep-03a",)][:16],
         "motions": [{"id": "half-year-report", "title": "听取上半年工作和财务收支情况报告",
                      "outcome": "adopted", "votes": {"yes": 15, "no": 0, "abstain": 1}}]},
    ]
    ra_meetings.append(
        {"id": "ra-2022-10", "body": "assembly", "kind": "ad_hoc", "date": "2022-10-20",
         "convened_by": "residents-committee", "proposal": "proposal-2022-10",
         "chair": "ma-jun", "present": [r for r in all_reps if r not in ("rep-03a", "rep-09a")][:22],
         "motions": [{"id": "heating-pipes", "title": "老旧供暖管网改造分摊方案",
                      "matter": "major_residents_matter", "outcome": "adopted",
                      "votes": {"yes": 18, "no": 3, "abstain": 1}}]})
    write(root / "meetings" / "assembly.yaml", {"meetings": ra_meetings})
    write(root / "proposals.yaml", {"proposal": {
        "id": "proposal-2022-10", "body": "assembly", "date": "2022-10-08",
        "households_signed": 512, "households_total": 2400, "assembly": "ra-2022-10"}},
        "512户联名提议临时召开社区成员代表大会（五分之一以上的户）")
    pc_people = [p[0] for p in pc]
    pc_meetings = [
        {"id": "pc-2022-02", "body": "party-committee", "date": "2022-02-08", "chair": "ma-jun",
         "notice_date": "2022-02-06", "present": pc_people,
         "motions": [{"id": "annual-plan", "title": "2022年党建工作计划", "outcome": "adopted",
                      "consented": pc_people},
                     {"id": "disclosure", "title": "2—4月居务公开内容", "outcome": "adopted",
                      "consented": pc_people}]},
        {"id": "pc-2022-03", "body": "party-committee", "date": "2022-03-09", "chair": "ma-jun",
         "notice_date": "2022-03-07", "present": pc_people[:4],
         "motions": [{"id": "volunteers", "title": "党员志愿服务队组建", "outcome": "adopted",
                      "consented": pc_people[:2]}]},
        {"id": "pc-2022-04", "body": "party-committee", "kind": "ad_hoc", "date": "2022-04-02",
         "chair": "ma-jun", "present": pc_people[:2],
         "motions": [{"id": "epidemic", "title": "疫情防控值守安排", "outcome": "adopted",
                      "consented": pc_people[:2]}]},
        {"id": "pc-2022-05", "body": "party-committee", "date": "2022-05-10", "chair": "ma-jun",
         "notice_date": "2022-05-09", "present": pc_people[:3],
         "motions": [{"id": "disclosure", "title": "二季度居务公开内容", "outcome": "adopted",
                      "consented": pc_people[:3]}]},
    ]
    for month in (1, 4, 6, 7, 8, 9, 10, 11, 12):
        day = f"2022-{month:02d}-{15 if month == 4 else 8:02d}"
        meeting = {"id": f"pc-2022-{month:02d}" + ("-regular" if month == 4 else ""),
                   "body": "party-committee", "date": day,
                   "chair": "ma-jun", "notice_date": f"2022-{month:02d}-06", "present": pc_people,
                   "motions": [{"id": "disclosure", "title": f"{month}月居务公开内容",
                                "outcome": "adopted", "consented": pc_people}]}
        if month == 9:
            del meeting["notice_date"]
        pc_meetings.append(meeting)
    pc_meetings.sort(key=lambda m: m["date"])
    for quarter, day in enumerate(["2022-03-25", "2022-06-24", "2022-09-23", "2022-12-23"], 1):
        pc_meetings.append({"id": f"pma-2022-q{quarter}", "body": "party-committee",
                            "kind": "member_assembly", "date": day, "chair": "ma-jun",
                            "present": pc_people[:4]})
    for month in (2, 4, 6, 8, 12):
        pc_meetings.append({"id": f"lecture-2022-{month:02d}", "body": "party-committee",
                            "kind": "party_lecture", "date": f"2022-{month:02d}-26",
                            "chair": "ma-jun", "present": pc_people})
    pc_meetings.append({"id": "life-2022", "body": "party-committee", "kind": "life_meeting",
                        "date": "2022-11-25", "reported_on": "2022-11-18",
                        "notice_date": "2022-11-18", "chair": "ma-jun",
                        "present": pc_people})
    write(root / "meetings" / "party-committee.yaml", {"meetings": pc_meetings})
    sifang_year(root)
    sifang_party(root)
    sifang_supervisors(root)
    sifang_books(root)
    sifang_archives(root)
    sig = [{"role": "handler", "person": "lin-xia"}, {"role": "director", "person": "ma-jun"},
           {"role": "deputy_director", "person": "he-ping"}]
    expenses = [
        {"id": "exp-2022-001", "amount": "80.00", "paid_on": "2022-02-14", "payee": "兴华文具店",
         "purpose": "会议记录本、签字笔", "voucher": "invoice",
         "approvals": [{"role": "residents_committee_director", "person": "ma-jun", "date": "2022-02-14"}]},
        {"id": "exp-2022-002", "amount": "100.00", "paid_on": "2022-03-03", "payee": "快印图文",
         "purpose": "居务公开栏打印", "voucher": "invoice",
         "approvals": [{"role": "residents_committee_director", "person": "ma-jun", "date": "2022-03-01"}]},
        {"id": "exp-2022-003", "amount": "150.00", "paid_on": "2022-03-20", "payee": "绿源园艺",
         "purpose": "花坛补种", "voucher": "invoice",
         "approvals": [{"role": "street_office_deputy_director", "person": "street-zhou", "date": "2022-03-18"}]},
        {"id": "exp-2022-004", "amount": "320.00", "paid_on": "2022-04-12", "payee": "安居物业公司",
         "purpose": "楼道灯更换", "voucher": "invoice",
         "approvals": [{"role": "residents_committee_director", "person": "ma-jun", "date": "2022-04-11"}]},
        {"id": "exp-2022-005", "amount": "1200.00", "paid_on": "2022-05-06", "payee": "童乐设施公司",
         "purpose": "儿童游乐场改造", "voucher": "invoice",
         "assembly_decision": {"meeting": "ra-2022-01", "motion": "playground"},
         "fixed_asset": True,
         "approvals": [{"role": "street_office_deputy_director", "person": "street-zhou", "date": "2022-04-28"}],
         "filing": {"date": "2022-04-29", "with": "兴华路街道办事处"}},
        {"id": "exp-2022-006", "amount": "860.00", "paid_on": "2022-06-15", "payee": "鑫达装饰",
         "purpose": "活动室墙面粉刷", "voucher": "invoice",
         "assembly_decision": {"meeting": "ra-2022-01", "motion": "work-report"},
         "approvals": [{"role": "street_office_deputy_director", "person": "street-zhou", "date": "2022-06-20"}]},
        {"id": "exp-2022-007", "amount": "45.00", "paid_on": "2022-07-02", "payee": "个人（张师傅）",
         "purpose": "门锁维修", "voucher": "informal_slip",
         "approvals": [{"role": "residents_committee_director", "person": "ma-jun", "date": "2022-07-01"}]},
        {"id": "exp-2022-008", "amount": "260.00", "paid_on": "2022-08-09", "payee": "兴华五金",
         "purpose": "应急物资", "voucher": "invoice", "cashier": "he-ping",
         "approvals": [{"role": "street_office_deputy_director", "person": "street-zhou", "date": "2022-08-08"}]},
        {"id": "exp-2022-009", "amount": "60.00", "paid_on": "2022-09-05", "payee": "兴华文具店",
         "purpose": "宣传海报", "voucher": "receipt", "signatures": sig[:1],
         "approvals": [{"role": "residents_committee_director", "person": "ma-jun", "date": "2022-09-05"}]},
        {"id": "exp-2022-010", "amount": "90.00", "paid_on": "2022-11-03", "payee": "兴华五金",
         "purpose": "冬季防滑垫", "voucher": "invoice",
         "approvals": [{"role": "residents_committee_director", "person": "ma-jun", "date": "2022-11-03"}]},
        {"id": "exp-2022-011", "amount": "95.00", "paid_on": "2022-11-10", "payee": "兴华五金",
         "purpose": "冬季防滑垫（续购）", "voucher": "invoice",
         "approvals": [{"role": "residents_committee_director", "person": "ma-jun", "date": "2022-11-10"}]},
    ]
    for e in expenses:
        e.setdefault("signatures", sig)
        e["body"] = "residents-committee"
        e.setdefault("accountant", "he-ping")
        e.setdefault("cashier", "xu-gang")
        ordered = {k: e[k] for k in ("id", "body", "amount", "paid_on", "payee", "purpose",
                                      "voucher") if k in e}
        ordered.update({k: v for k, v in e.items() if k not in ordered})
        write(root / "expenses" / f"{e['id']}.yaml", {"expense": ordered})


def _duties(person: str) -> dict[str, object]:
    """Who keeps the accounts, the cash and the goods (SQ-SIFANG:382, :384): 何平 (a deputy
    director) the accounts, 徐刚 (a committee member, not a professional community worker:
    FIN-STAFF) the cash, 林霞 the goods; the director 马军 stood in as cashier for a week in
    October (FIN-SEG-DIRECTOR). The archives (:392): 唐莉 until 30 June, then 宋涛."""
    duties: dict[str, list[dict[str, str]]] = {
        "he-ping": [{"duty": "accountant"}], "xu-gang": [{"duty": "cashier"}],
        "lin-xia": [{"duty": "goods_keeper"}],
        "ma-jun": [{"duty": "cashier", "start": "2022-10-08", "end": "2022-10-14"}],
        "tang-li": [{"duty": "archive_keeper", "end": "2022-06-30"}],
        "song-tao": [{"duty": "archive_keeper", "start": "2022-07-01"}]}
    return {"duties": duties[person]} if person in duties else {}


def sifang_books(root: Path) -> None:
    """FIN-BOOKS and FIN-ASSET-REGISTER (SQ-SIFANG:127, :383–384): the account book of 2022,
    every payment entered and the cash balanced on its day; every month closed at its end except
    November (a breach); the playground equipment (exp-2022-005) in the asset register."""
    paid = {"exp-2022-001": "2022-02-14", "exp-2022-002": "2022-03-03",
            "exp-2022-003": "2022-03-20", "exp-2022-004": "2022-04-12",
            "exp-2022-005": "2022-05-06", "exp-2022-006": "2022-06-15",
            "exp-2022-007": "2022-07-02", "exp-2022-008": "2022-08-09",
            "exp-2022-009": "2022-09-05", "exp-2022-010": "2022-11-03",
            "exp-2022-011": "2022-11-10"}
    ends = ["01-31", "02-28", "03-31", "04-30", "05-31", "06-30", "07-31", "08-31", "09-30",
            "10-31", "11-30", "12-31"]
    write(root / "finance-books" / "ledger-2022.yaml", {"ledger": {
        "id": "ledger-2022", "body": "residents-committee",
        "entries": [{"expense": e, "entered_on": day} for e, day in paid.items()],
        "balanced_on": sorted(set(paid.values())),
        "closings": [{"month": f"2022-{m + 1:02d}", "closed_on": f"2022-{end}"}
                     for m, end in enumerate(ends) if m + 1 != 11]}},
        "2022年现金日记账与总账：入账、日清、月结 (SQ-SIFANG:383–384)")
    write(root / "finance-books" / "asset-register.yaml", {"asset_register": {
        "id": "asset-register", "body": "residents-committee",
        "entries": [{"asset": "办公桌椅（十套）", "entered_on": "2019-03-12"},
                    {"asset": "儿童游乐设施（滑梯、秋千）", "expense": "exp-2022-005",
                     "entered_on": "2022-05-09"}]}},
        "固定资产登记册 (SQ-SIFANG:127 对固定资产要登记造册,建立帐簿)")


def sifang_archives(root: Path) -> None:
    """ARCH-HANDOVER (SQ-SIFANG:392): 唐莉 hands the archives to 宋涛 when the keeper changes."""
    write(root / "archives" / "handovers.yaml", {"archive_handovers": [
        {"id": "archive-handover-2022-07", "date": "2022-07-04", "outgoing": "tang-li",
         "incoming": "song-tao"}]}, "档案人员工作变动时的交接 (SQ-SIFANG:392)")


def sifang_supervisors(root: Path) -> None:
    """OPEN-SUPERVISORS (SQ-SIFANG:372–373): residents engaged as community supervisors, and
    the supervision day. 孟庆华 moved away at the end of March; 尹红 was engaged only from
    15 April, so nobody supervised for two weeks (a breach)."""
    write(root / "bodies" / "community-supervisors.yaml", {"body": {
        "id": "community-supervisors", "kind": "community_supervisors", "name": "兴华路社区监督员",
        "supervision_day": "每月第一个星期五",
        "seats": [_seat("meng-qinghua", "孟庆华", end="2022-03-31"),
                  _seat("yin-hong", "尹红", start="2022-04-15"),
                  _seat("du-wei", "杜伟", start="2022-09-01")]}},
        "聘请居民担任社区监督员，确定监督议政日 (SQ-SIFANG:372–373)")


def _hearing_decisions(month: int) -> list[dict[str, object]]:
    """HEAR-TIMING (SQ-SIFANG:375): the committee's decisions on the matters heard. The stalls
    are decided in June, after the May hearing; the kitchen-fume rules were decided on 5
    September, before the hearing of 14 September (a breach)."""
    return {6: [{"id": "stalls", "title": "兴华路早市占道摊点整治方案", "outcome": "adopted",
                 "votes": {"yes": 6}}],
            9: [{"id": "fumes", "title": "楼院油烟噪音治理公约", "outcome": "adopted",
                 "votes": {"yes": 6}}]}.get(month, [])


def _seat(person: str, name: str, role: str = "member", start: str = "2021-06-20",
          end: str | None = "2024-06-19", how: str = "appointment", **extra: object) -> dict[str, object]:
    term: dict[str, object] = {"start": start, "obtained_by": how}
    if end:
        term["end"] = end
    return {"person": person, "name": name, "role": role, **extra, "terms": [term]}


def sifang_year(root: Path) -> None:
    """The rest of 2022 in 兴华路社区: the committee's meetings, work committees, disclosures,
    audits, a hearing, the archive, the affairs centre and two residents' groups."""
    rc_people = ["ma-jun", "he-ping", "tang-li", "xu-gang", "lin-xia", "song-tao"]
    rc_meetings = []
    for month in range(1, 13):
        if month == 8:
            continue
        meeting: dict[str, object] = {
            "id": f"rc-2022-{month:02d}", "body": "residents-committee", "kind": "regular",
            "date": f"2022-{month:02d}-05", "chair": "ma-jun", "present": rc_people}
        if month == 5:
            meeting["motions"] = [{"id": "gate-closure", "title": "小区东门封闭改造",
                                   "matter": "major_residents_matter", "outcome": "adopted",
                                   "votes": {"yes": 6}}]
        if _hearing_decisions(month):
            meeting["motions"] = _hearing_decisions(month)
        rc_meetings.append(meeting)
    write(root / "meetings" / "residents-committee.yaml", {"meetings": rc_meetings},
          "社区居委会全体委员会议（每月一次）")
    areas = [("service", "社区服务"), ("security_mediation", "治安调解"),
             ("family_planning", "计划生育"), ("culture_education", "文化教育"),
             ("public_health", "公共卫生"), ("women_children", "妇女儿童"),
             ("support_army", "双拥"), ("ageing", "老龄")]
    committees = []
    for i, (area, label) in enumerate(areas):
        body_id = f"wc-{area.replace('_', '-')}"
        lead = ["he-ping", "tang-li", "xu-gang", "lin-xia", "song-tao", "tang-li", "xu-gang",
                "he-ping"][i]
        exceptions = ([{"period": "2022-02", "reason": "春节期间，工作并入三月例会"}]
                      if area == "culture_education" else [])
        committees.append({"id": body_id, "kind": "work_committee", "area": area,
                           "name": f"{label}工作委员会", "established": "2021-07-01",
                           **({"exceptions": exceptions} if exceptions else {}),
                           "seats": [_seat(lead, "", "director", start="2021-07-01")]})
        meetings = [{"id": f"{body_id}-2022-{m:02d}", "body": body_id,
                     "date": f"2022-{m:02d}-{10 + i:02d}", "present": [lead]}
                    for m in range(1, 13) if not (area == "culture_education" and m == 2)]
        write(root / "meetings" / "work-committees" / f"{area}.yaml", {"meetings": meetings})
    names = {"he-ping": "何平", "tang-li": "唐莉", "xu-gang": "徐刚", "lin-xia": "林霞",
             "song-tao": "宋涛"}
    for c in committees:
        seat = c["seats"][0]  # type: ignore[index]
        seat["name"] = names[seat["person"]]
    write(root / "bodies" / "work-committees.yaml", {"bodies": committees},
          "居委会下设八个工作委员会 (SQ-SIFANG:151)")
    write(root / "bodies" / "other-bodies.yaml", {"bodies": [
        {"id": "affairs-centre", "kind": "affairs_centre", "name": "兴华路社区事务受理中心",
         "seats": [_seat("zheng-yi", "郑毅", "director", how="appointment"),
                   _seat("wu-min", "吴敏", "worker"), _seat("han-xue", "韩雪", "worker"),
                   _seat("jiang-tao", "蒋涛", "worker")]},
        {"id": "coordination-group", "kind": "coordination_group", "name": "社区党建协调小组",
         "seats": [_seat("ma-jun", "马军", "director", how="nomination"),
                   _seat("school-rep", "兴华小学代表", how="nomination"),
                   _seat("bank-rep", "青岛银行兴华支行代表", how="nomination")]},
        {"id": "election-committee", "kind": "election_committee", "name": "社区选举委员会",
         "seats": [_seat("ma-jun", "马军", "director", start="2021-05-01", end="2021-06-30",
                         how="election")]},
        {"id": "group-01", "kind": "residents_group", "name": "第一居民小组", "households": 86,
         "seats": [_seat("zhao-xiuying", "赵秀英", "leader", how="election")]},
        {"id": "group-02", "kind": "residents_group", "name": "第二居民小组", "households": 132,
         "seats": [_seat("qian-jianguo", "钱建国", "leader", how="election")]},
    ]}, "事务受理中心、党建协调小组、选举委员会和居民小组")
    write(root / "bodies" / "street-office.yaml", {"body": {
        "id": "street-office", "kind": "street_office", "name": "兴华路街道办事处",
        "seats": [_seat("street-zhou", "周立", "deputy_director", start="2020-03-01", end=None)]}},
        "街道办事处：分管社区工作的副主任（SQ-SIFANG:385 报街道办事处分管主任同意）")
    write(root / "meetings" / "coordination-group.yaml", {"meetings": [
        {"id": "cg-2022-h1", "body": "coordination-group", "date": "2022-04-15",
         "convener": "ma-jun", "convened_by": "party-committee",
         "notice_date": "2022-04-06", "present": ["ma-jun", "school-rep", "bank-rep"]},
        {"id": "cg-2022-h2", "body": "coordination-group", "date": "2022-10-14",
         "convener": "ma-jun", "convened_by": "party-committee",
         "notice_date": "2022-10-07", "present": ["ma-jun", "school-rep", "bank-rep"]},
    ]})
    disclosures = []
    for month in range(1, 13):
        decision = {"meeting": f"pc-2022-{month:02d}", "motion": "disclosure"}
        if month in (3, 4):  # decided in advance in February (a decision must not come later)
            decision = {"meeting": "pc-2022-02", "motion": "disclosure"}
        for category, label in (("government_affairs", "政务"), ("affairs", "事务")):
            if category == "affairs" and month == 11:
                continue
            item: dict[str, object] = {
                "id": f"open-2022-{month:02d}-{category.replace('_', '-')}",
                "body": "residents-committee", "date": f"2022-{month:02d}-12",
                "category": category, "title": f"2022年{month}月{label}公开"}
            if not (month == 4 and category == "affairs"):
                item["decision"] = decision
            disclosures.append(item)
    disclosures += [
        {"id": "open-2022-h1-finance", "body": "residents-committee", "date": "2022-06-28",
         "category": "finance", "title": "2022年上半年财务收支公开",
         "decision": {"meeting": "pc-2022-06", "motion": "disclosure"}},
        {"id": "open-2022-h2-finance", "body": "residents-committee", "date": "2022-12-28",
         "category": "finance", "title": "2022年下半年财务收支公开",
         "decision": {"meeting": "pc-2022-12", "motion": "disclosure"}},
    ]
    for item in disclosures:  # OPEN-BOARD (SQ-SIFANG:368): July's affairs were only read out
        item["channels"] = (["representatives_meeting"] if item["id"] == "open-2022-07-affairs"
                            else ["notice_board"])
    write(root / "disclosures.yaml", {"disclosures": disclosures}, "三公开：政务、事务每月，财务每半年")
    write(root / "audits.yaml", {"audits": [
        {"id": f"audit-2022-q{q}", "body": "residents-committee", "date": day,
         "kind": "quarterly_review", "by": "supervision-group", "published_on": day}
        for q, day in ((1, "2022-03-29"), (2, "2022-06-28"), (4, "2022-12-27"))]},
        "居务监督小组每季度清理审查财务账目")
    write(root / "bodies" / "supervision-group.yaml", {"body": {
        "id": "supervision-group", "kind": "supervision_committee", "name": "居务监督小组",
        "seats": [_seat("cao-ming", "曹明", "director", how="election")]}})
    write(root / "hearings.yaml", {"hearings": [
        {"id": "hearing-2022-05", "body": "residents-committee", "date": "2022-05-18",
         "chair": "ma-jun", "topic": "兴华路早市占道摊点整治", "concerns_government": True,
         "steps": ["topic_reported", "committee_briefing", "discussion", "vote"],
         "votes": {"yes": 31, "no": 4, "abstain": 2}, "published_on": "2022-05-19",
         "sent_in_writing_on": "2022-05-20",
         "decision": {"meeting": "rc-2022-06", "motion": "stalls"},
         "invited": ["兴华路街道办事处", "四方区城市管理局"], "attended": ["兴华路街道办事处"],
         "voting_members": 37},
        {"id": "hearing-2022-09", "body": "residents-committee", "date": "2022-09-14",
         "chair": "ma-jun", "topic": "楼院油烟噪音治理公约", "steps": ["topic_reported", "committee_briefing",
                                                 "discussion", "vote"],
         "votes": {"yes": 27, "no": 2, "abstain": 0}, "published_on": "2022-09-20",
         "decision": {"meeting": "rc-2022-09", "motion": "fumes"}, "voting_members": 29},
    ]}, "社区听证会")
    write(root / "archive.yaml", {"archive": {
        "id": "archive-2022", "date": "2022-12-20",
        "files": ["higher_level_documents", "plans_and_summaries", "party_building", "service",
                  "health", "culture", "security", "environment", "education",
                  "women_and_disabled"],
        "registers": ["meetings", "telephone", "letters_visits_mediation", "activities",
                      "residents_and_units"],
        "filed_in_volumes": True, "indexed": True, "election_files": "separate",
        "registration": True}},
        "年终档案检查：十档六簿；按立卷归档、有目可查，换届选举档案专立专存")


def _pc_term(person: str) -> dict[str, object]:
    """A party committee term, elected by the party members' assembly of 2021-04-10
    (examples/sifang/party/election.yaml); 于兰 was co-opted instead (PO-ELECTION)."""
    if person == "yu-lan":
        return {"start": "2021-04-10", "end": "2024-04-09", "obtained_by": "appointment",
                "reason": "街道党工委指定增补"}
    return {"start": "2021-04-10", "end": "2024-04-09", "obtained_by": "election",
            "decision": {"meeting": "pma-2021-04", "motion": "elect-committee"}}


def sifang_party(root: Path) -> None:
    """The party organisation's own records in 兴华路社区 (examples/sifang/party/): its two party
    groups with their leaders and monthly meetings (PO-THREE-MEETINGS (c))."""
    party = root / "party"
    members = {"group-1": ("qian-bo", [("qian-bo", "钱波"), ("he-ping", "何平"),
                                       ("dy-zhao", "赵德顺"), ("dy-sun", "孙桂兰"),
                                       ("dy-li", "李文华")]),
               "group-2": ("yu-lan", [("yu-lan", "于兰"), ("guo-hong", "郭红"),
                                      ("dy-zhou", "周福生"), ("dy-wu", "吴秀珍"),
                                      ("dy-zheng", "郑国强")])}
    names = {"group-1": "第一党小组", "group-2": "第二党小组"}
    groups = []
    for gid, (leader, people) in members.items():
        seats = []
        for p, n in people:
            seat = _seat(p, n, "leader" if p == leader else "member", start="2021-04-10",
                         end=None, how="election")
            if p.startswith("dy-"):  # 联户对象: two households each (SQ-SIFANG:329)
                seat = {**{k: v for k, v in seat.items() if k != "terms"},
                        "households": [f"h-{p[3:]}-1", f"h-{p[3:]}-2"], "terms": seat["terms"]}
            seats.append(seat)
        groups.append({"id": f"party-{gid}", "kind": "party_group", "name": names[gid],
                       "seats": seats})
    write(party / "groups.yaml", {"bodies": groups}, "党小组及党小组长（SQ-SIFANG:323）")
    meetings = []
    for gid, (leader, people) in members.items():
        for month in range(1, 13):
            if gid == "group-2" and month == 3:
                continue  # deliberate: the second group skipped March
            chair = "guo-hong" if (gid == "group-1" and month == 6) else leader
            meetings.append({"id": f"pg-{gid[-1]}-2022-{month:02d}", "body": f"party-{gid}",
                             "kind": "party_group", "date": f"2022-{month:02d}-20",
                             "chair": chair, "present": [p for p, _ in people][:4]})
    write(party / "group-meetings.yaml", {"meetings": meetings}, "党小组会，每月一次")
    pc_people = ["ma-jun", "guo-hong", "he-ping", "qian-bo", "yu-lan"]
    write(party / "election.yaml", {"meeting": {
        "id": "pma-2021-04", "body": "party-committee", "kind": "member_assembly",
        "date": "2021-04-10", "chair": "ma-jun", "present": pc_people[:4], "voters": 46,
        "motions": [{"id": "elect-committee", "title": "选举中共兴华路社区委员会委员",
                     "outcome": "adopted", "votes": {"yes": 44, "no": 1, "abstain": 1}}]}},
        "党员大会选举社区党委委员（SQ-SIFANG:144）")
    committee = ["pc-2022-01", "pc-2022-02", "pc-2022-03", "pc-2022-04", "pc-2022-04-regular",
                 *(f"pc-2022-{m:02d}" for m in range(5, 13))]
    write(party / "minutes.yaml", {"minutes": [
        {"id": f"min-{m}", "meeting": m, "taken_by": "guo-hong"}
        for m in committee if m != "pc-2022-11"]  # deliberate: November's minutes are missing
        + [{"id": "min-life-2022", "meeting": "life-2022", "taken_by": "guo-hong",
            "reported_on": "2022-11-28", "reported_to": "兴华路街道党工委"}]},
        # deliberate: the life meeting's problems and measures were not made known
        "党组织委员会议记录（SQ-SIFANG:306, :322）")
    leave = [("pc-2022-03", "yu-lan", "2022-03-08", "ma-jun"),
             ("pc-2022-04", "he-ping", "2022-04-02", "ma-jun"),
             ("pc-2022-04", "qian-bo", "2022-04-02", "ma-jun"),
             ("pc-2022-04", "yu-lan", "2022-04-01", "guo-hong"),  # deliberate: not the secretary
             ("pc-2022-05", "qian-bo", "2022-05-09", "ma-jun"),
             ("pc-2022-05", "yu-lan", "2022-05-11", "ma-jun")]  # deliberate: after the meeting
    write(party / "leave.yaml", {"leave_requests": [
        {"id": f"leave-{m[3:]}-{p}", "meeting": m, "person": p, "date": d, "to": to}
        for m, p, d, to in leave]}, "委员请假（SQ-SIFANG:294）")
    sifang_station(party)
    sifang_link(party, members)
    write(party / "matters.yaml", {
        "meeting": {"id": "pc-2022-04-25", "body": "party-committee", "kind": "regular",
                    "date": "2022-04-25", "chair": "ma-jun", "notice_date": "2022-04-22",
                    "present": pc_people, "motions": [
                        {"id": "finance-plan", "title": "2022年社区财务收支计划",
                         "outcome": "adopted", "consented": pc_people},
                        {"id": "playground", "title": "儿童游乐场改造（1200元）",
                         "outcome": "adopted", "consented": pc_people},
                        {"id": "lease", "title": "社区临街用房出租", "outcome": "adopted",
                         "consented": pc_people[:4]}]},
        "minutes": [{"id": "min-pc-2022-04-25", "meeting": "pc-2022-04-25",
                     "taken_by": "guo-hong"}],
        "party_matters": [
            {"id": "finance-plan-2022", "body": "residents-committee", "kind": "finance_plan",
             "date": "2022-04-26", "title": "2022年社区财务收支计划",
             "decision": {"meeting": "pc-2022-04-25", "motion": "finance-plan"}},
            {"id": "lease-2022-shop", "body": "residents-committee", "kind": "lease",
             "date": "2022-05-01", "title": "社区临街用房出租",
             "decision": {"meeting": "pc-2022-04-25", "motion": "lease"}},
            {"id": "playground-2022", "body": "residents-committee", "kind": "expenditure",
             "date": "2022-05-06", "title": "儿童游乐场改造", "expense": "exp-2022-005",
             "decision": {"meeting": "pc-2022-04-25", "motion": "playground"}}]},
        "党组织委员会研究决定的事项（SQ-SIFANG:299）；860元的粉刷开支没有委员会决定")


def sifang_link(party: Path, members: dict[str, tuple[str, list[tuple[str, str]]]]) -> None:
    """"一管三带一联" (SQ-SIFANG:325–329): the backbone team with its monthly meetings that brief
    on and assess the activity; each group's register, performance entries, household contacts
    and reports back. Deliberate: 何平 (a committee member) is not on the team; July's team
    meeting has no briefing; 郑国强 is missing from the register; 李文华 did not contact one of
    his households in August."""
    team = [("ma-jun", "马军"), ("guo-hong", "郭红"), ("qian-bo", "钱波"), ("yu-lan", "于兰"),
            ("dy-zhao", "赵德顺")]
    write(party / "backbone-team.yaml", {"body": {
        "id": "backbone-team", "kind": "backbone_team", "name": "一管三带一联工作骨干队伍",
        "established": "2021-05-01",
        "seats": [_seat(p, n, start="2021-05-01", end=None) for p, n in team]}},
        "由书记、委员、党小组长等组成的工作骨干队伍（SQ-SIFANG:326）")
    write(party / "backbone-meetings.yaml", {"meetings": [
        {"id": f"team-2022-{m:02d}", "body": "backbone-team", "kind": "regular",
         "date": f"2022-{m:02d}-25", "chair": "ma-jun",
         **({} if m == 7 else {"agenda": ["link_briefing"]}),
         "present": [p for p, _ in team][:4]} for m in range(1, 13)]},
        "骨干队伍每月例会：一管三带一联活动情况通报、讲评")
    records: list[dict[str, object]] = []
    for gid, (_, people) in members.items():
        body = f"party-{gid}"
        for p, _ in people:
            if p != "dy-zheng":
                records.append({"id": f"register-{p}", "body": body, "person": p,
                                "kind": "link_register", "date": "2021-05-01"})
            records.append({"id": f"performance-{p}-2022", "body": body, "person": p,
                            "kind": "link_performance", "date": "2022-12-20"})
            if not p.startswith("dy-"):
                continue
            for m in range(1, 13):
                for k, day in ((1, 5), (2, 12)):
                    if p == "dy-li" and m == 8 and k == 2:
                        continue
                    records.append({"id": f"contact-{p}-{m:02d}-{k}", "body": body,
                                    "person": p, "kind": "household_contact",
                                    "household": f"h-{p[3:]}-{k}", "date": f"2022-{m:02d}-{day:02d}"})
                records.append({"id": f"report-{p}-{m:02d}", "body": body, "person": p,
                                "kind": "contact_report", "date": f"2022-{m:02d}-20"})
    write(party / "link-books.yaml", {"member_records": records},
          "一管三带一联登记表、表现登记、联户与反馈（SQ-SIFANG:327, :329）")


def sifang_station(party: Path) -> None:
    """The in-service party members' work station (SQ-SIFANG:330–340): the secretary heads it;
    six members in building groups; their cards, record book, contacts, activities and the
    feedback forms to their units. Deliberate: 孔令辉 has no registration card, 冯晓东 made no
    contact in the third quarter, 陈静 took part in one activity only."""
    people = [("zs-feng", "冯晓东", "building-1", "四方区税务局"),
              ("zs-chen", "陈静", "building-1", "青岛第九中学"),
              ("zs-chu", "褚建华", "building-2", "四方区人民医院"),
              ("zs-kong", "孔令辉", "building-2", "青岛地铁集团"),
              ("zs-cao", "曹雪梅", "building-3", "四方区市场监管局"),
              ("zs-yan", "严志刚", "building-3", "海尔集团")]
    seats = [_seat("ma-jun", "马军", "head", start="2021-05-01", end=None)]
    seats += [{**_seat(p, n, start="2021-05-01", end=None, how="nomination"),
               "group": g, "unit": u} for p, n, g, u in people]
    for seat in seats[1:]:
        seat["terms"] = seat.pop("terms")  # keep terms last
    write(party / "work-station.yaml", {"body": {
        "id": "work-station", "kind": "work_station", "name": "兴华路社区在职党员工作站",
        "established": "2021-05-01", "seats": seats}}, "在职党员工作站（SQ-SIFANG:330–340）")
    present = ["ma-jun", *(p for p, *_ in people)]
    meetings = [{"id": f"ws-2022-q{q}", "body": "work-station", "kind": "regular",
                 "date": f"2022-{3 * q - 1:02d}-12", "chair": "ma-jun", "present": present[:5]}
                for q in range(1, 5)]
    meetings.append({"id": "ws-2022-assembly", "body": "work-station", "kind": "member_assembly",
                     "date": "2022-12-16", "chair": "ma-jun", "present": present,
                     "motions": [{"id": "plan-2023", "title": "评议社区工作，研究制定2023年活动计划",
                                  "outcome": "adopted", "consented": present}]})
    write(party / "work-station-meetings.yaml", {"meetings": meetings},
          "工作站每季度一次工作会议，每年一次全体在职党员大会")
    records: list[dict[str, object]] = []
    for p, _, _, unit in people:
        if p != "zs-kong":
            records.append({"id": f"card-{p}", "body": "work-station", "person": p,
                            "kind": "registration_card", "date": "2021-05-20"})
        records.append({"id": f"book-{p}", "body": "work-station", "person": p,
                        "kind": "record_book", "date": "2021-05-20"})
        for q in range(1, 5):
            if not (p == "zs-feng" and q == 3):
                records.append({"id": f"contact-{p}-q{q}", "body": "work-station", "person": p,
                                "kind": "contact", "date": f"2022-{3 * q - 1:02d}-15"})
            records.append({"id": f"feedback-{p}-q{q}", "body": "work-station", "person": p,
                            "kind": "feedback", "date": f"2022-{3 * q:02d}-28", "unit": unit})
        for day in (["2022-04-10"] if p == "zs-chen" else ["2022-04-10", "2022-09-10"]):
            records.append({"id": f"activity-{p}-{day[5:7]}", "body": "work-station",
                            "person": p, "kind": "activity", "date": day,
                            "note": "党员义务奉献日" if day[5:7] == "04" else "楼院环境整治"})
    write(party / "work-station-books.yaml", {"member_records": records},
          "一卡一簿一单：登记卡、表现记录簿、反馈单；联系社区与参加活动")


def township() -> None:
    """王村镇人民代表大会 (RD-TOWNSHIP): sessions, presidium, groups, leadership, 2022."""
    root = HERE / "township"
    write(root / "community.yaml", {"community": {
        "id": "wangcun-town", "name": "王村镇", "jurisdiction": ["cn", "hebei", "baoding", "laishui",
                                                             "wangcun"],
        "adopts": ["RD-TOWNSHIP"],
        "records_cover": {"from": "2022-01-01", "to": "2022-12-31"}}},
        "河北省保定市涞水县王村镇（示例）：第十八届镇人民代表大会，2021年10月选举产生")
    term = {"start": "2021-10-12", "end": "2026-10-11", "how": "election"}
    reps = [("wu-qiang", "吴强"), ("zhou-li", "周丽"), ("feng-jun", "冯军"), ("chen-yan", "陈燕"),
            ("chu-hui", "褚辉"), ("wei-dong", "卫东"), ("jiang-ning", "蒋宁"), ("shen-mei", "沈梅"),
            ("han-bin", "韩斌"), ("yang-xue", "杨雪")]
    congress = [_seat("li-guoqing", "李国庆", "chair", **term),
                _seat("zhao-min", "赵敏", "vice_chair", **term, government_post="副镇长")]
    congress += [_seat(p, n, "representative", **term) for p, n in reps]
    congress += [_seat("he-jun", "何军", "representative", start="2021-10-12", end="2022-08-31",
                       how="election"),
                 _seat("qian-hong", "钱红", "representative", start="2022-09-15", end="2026-10-11",
                       how="by_election")]
    write(root / "bodies" / "congress.yaml", {"body": {
        "id": "congress", "kind": "township_congress", "name": "王村镇第十八届人民代表大会",
        "established": "2021-10-12",
        "rules_of_procedure": {"title": "王村镇人民代表大会议事规则", "adopted_on": "2021-10-12"},
        "seats": congress}})
    write(root / "bodies" / "organs.yaml", {"bodies": [
        {"id": "presidium", "kind": "presidium", "name": "镇人大主席团", "established": "2021-10-12",
         "rules_of_procedure": {"title": "王村镇人大主席团议事规则", "adopted_on": "2021-10-20"},
         "seal": "王村镇人大主席团",
         "exceptions": [{"period": "2022-Q2", "reason": "疫情防控期间暂停集中会议，改为书面征求意见"}],
         "seats": [_seat("li-guoqing", "李国庆", "chair", **term),
                   _seat("zhao-min", "赵敏", "member", **term),
                   _seat("wu-qiang", "吴强", "member", **term),
                   _seat("chen-yan", "陈燕", "member", **term)]},
        {"id": "credentials", "kind": "credentials_committee", "name": "代表资格审查委员会",
         "established": "2021-10-12",
         "established_by": {"meeting": "plenary-2021-10", "motion": "credentials-committee"},
         "seats": [_seat("wu-qiang", "吴强", "chair", **term),
                   _seat("jiang-ning", "蒋宁", "member", **term)]},
        {"id": "group-east", "kind": "representative_group", "name": "东片代表小组",
         "established": "2021-11-01", "organised_by": "li-guoqing",
         "seats": [_seat("feng-jun", "冯军", "leader", **term), _seat("chu-hui", "褚辉", **term),
                   _seat("wei-dong", "卫东", **term)]},
        {"id": "group-west", "kind": "representative_group", "name": "西片代表小组",
         "established": "2021-11-01", "organised_by": "shen-mei",
         "seats": [_seat("shen-mei", "沈梅", "leader", **term), _seat("han-bin", "韩斌", **term),
                   _seat("yang-xue", "杨雪", **term)]},
        {"id": "presidium-office", "kind": "presidium_office", "name": "镇人大主席团办公室",
         "established": "2021-10-20",
         "seats": [_seat("gao-yun", "高云", "worker", start="2021-10-20", end=None)]},
        {"id": "government", "kind": "township_government", "name": "王村镇人民政府",
         "seats": [_seat("sun-hao", "孙浩", "head", **term),
                   _seat("zhao-min", "赵敏", "deputy_head", **term),
                   {"person": "qin-lei", "name": "秦磊", "role": "deputy_head",
                    "left_region_on": "2022-06-30",
                    "resignation": {"meeting": "plenary-2022-11", "motion": "accept-resignation"},
                    "terms": [{"start": "2021-10-12", "end": "2022-06-30",
                               "obtained_by": "election"}]},
                   _seat("xu-fang", "徐芳", "deputy_head", start="2022-11-10", end="2026-10-11",
                         how="by_election")]},
    ]}, "主席团、代表资格审查委员会、代表小组和镇人民政府")
    everyone = ["li-guoqing", "zhao-min", *(p for p, _ in reps)]
    def sittings(day: str) -> list[dict[str, str]]:
        return [{"kind": k, "date": day} for k in ("preparatory", "presidium", "plenary")]

    write(root / "sessions.yaml", {"sessions": [
        {"id": "session-2022-1", "body": "congress", "date": "2022-02-24", "number": 2, "days": 1,
         "preparation": {"party_approved_on": "2022-01-12",
                         "presidium_decision": {"meeting": "presidium-2022-q1",
                                                "motion": "convene-session"},
                         "notice_on": "2022-02-14", "reports_sent_on": "2022-02-17"},
         "sittings": sittings("2022-02-24"),
         "agenda": [{"item": "government_work_report", "title": "镇政府工作报告",
                     "deliberated_on": "2022-02-24", "voted_on": "2022-02-24"},
                    {"item": "budget", "title": "2022年财政预算",
                     "deliberated_on": "2022-02-24", "voted_on": "2022-02-24"}],
         "closing": {"announced_on": "2022-02-25", "reported_on": "2022-02-28"}},
        {"id": "session-2022-2", "body": "congress", "date": "2022-11-10", "number": 3, "days": 1,
         "election": True, "election_method_adopted_on": "2022-11-10",
         "posts": [{"post": "deputy_head", "person": "xu-fang", "obtained_by": "by_election",
                    "oath_on": "2022-11-10"}],
         "preparation": {"party_approved_on": "2022-10-18",
                         "presidium_decision": {"meeting": "presidium-2022-10",
                                                "motion": "convene-session"},
                         "notice_on": "2022-11-10", "reports_sent_on": "2022-11-10"},
         "sittings": sittings("2022-11-10"),
         "agenda": [{"item": "election", "title": "补选副镇长", "deliberated_on": "2022-11-10",
                     "voted_on": "2022-11-10"},
                    {"item": "suggestions_report", "title": "代表建议办理情况的报告",
                     "deliberated_on": "2022-11-10"}],
         "closing": {"announced_on": "2022-11-11", "reported_on": "2022-11-14",
                     "archived_on": "2022-11-30"}},
    ]}, "2022年两次会议：第二次会议（一季度）和第三次会议（四季度，补选副镇长）")
    write(root / "meetings" / "plenaries.yaml", {"meetings": [
        {"id": "plenary-2021-10", "body": "congress", "date": "2021-10-12", "present": everyone,
         "motions": [{"id": "credentials-committee", "title": "通过代表资格审查委员会组成人员名单",
                      "matter": "establish_body", "outcome": "adopted", "votes": {"yes": 12}}]},
        {"id": "plenary-2022-11", "body": "congress", "date": "2022-11-10", "present": everyone[:11],
         "motions": [{"id": "accept-resignation", "title": "接受秦磊辞去副镇长职务",
                      "matter": "resignation", "outcome": "adopted",
                      "votes": {"yes": 10, "no": 0, "abstain": 1}}]},
    ]}, "镇人民代表大会全体会议")
    convene = [{"id": "convene-session", "title": "决定召开镇人民代表大会会议，通过会议议程草案",
                "outcome": "adopted", "votes": {"yes": 4}}]
    confirm = [{"id": "confirm-credentials", "title": "确认代表资格审查委员会关于补选代表的审查报告",
                "outcome": "adopted", "votes": {"yes": 4}}]
    write(root / "meetings" / "presidium.yaml", {"meetings": [
        {"id": f"presidium-2022-{q}", "body": "presidium", "date": day, "convener": chair,
         "chair": chair, "present": ["li-guoqing", "zhao-min", "wu-qiang", "chen-yan"],
         **({"motions": convene + (confirm if q == "10" else [])} if q in ("q1", "10") else {})}
        for q, day, chair in (("q1", "2022-01-20", "li-guoqing"), ("q3", "2022-08-18", "li-guoqing"),
                              ("10", "2022-10-25", "li-guoqing"), ("q4", "2022-12-15", "zhao-min"))]},
        "闭会期间主席团会议")
    activities = []
    for group, months in (("group-east", (3, 5, 8, 11)), ("group-west", (2, 6, 12))):
        for m in months:
            leader = "feng-jun" if group == "group-east" else "shen-mei"
            others = ["chu-hui", "wei-dong"] if group == "group-east" else ["han-bin", "yang-xue"]
            activities.append({"id": f"{group}-2022-{m:02d}", "body": group, "kind": "activity",
                               "date": f"2022-{m:02d}-16", "present": [leader, *others]})
    write(root / "meetings" / "group-activities.yaml", {"meetings": activities},
          "代表小组活动：视察、调研、接待选民")
    write(root / "plans.yaml", {"report": {
        "id": "group-east-plan-2022", "body": "group-east", "kind": "plan", "period": "2022",
        "submitted_on": "2022-01-10", "title": "东片代表小组2022年活动计划"}})
    write(root / "work-points.yaml", {"work_points_list": [
        {"id": "work-points-2022", "body": "presidium", "date": "2022-01-20",
         "title": "王村镇人大主席团2022年工作要点", "reported_on": "2022-01-21",
         "approved_on": "2022-01-25", "implemented_on": "2022-02-10",
         "implemented_by": "li-guoqing"},
        {"id": "supervision-plan-2022", "body": "presidium", "date": "2022-08-18",
         "title": "下半年专项监督工作安排", "reported_on": "2022-08-19",
         "approved_on": "2022-09-02", "implemented_on": "2022-08-25",
         "implemented_by": "li-guoqing"},
    ]}, "主席团工作要点：报镇党委批准后由人大主席组织实施")
    write(root / "suggestions.yaml", {"suggestions": [
        {"id": "suggestion-2022-01", "body": "congress", "date": "2022-02-24", "deputy": "feng-jun",
         "title": "关于修缮东片村道的建议", "answered_on": "2022-05-10",
         "reported_at": "session-2022-2"},
        {"id": "suggestion-2022-02", "body": "congress", "date": "2022-02-24", "deputy": "han-bin",
         "title": "关于增设农村公交站点的建议", "answered_on": "2022-06-30"},
    ]}, "代表建议、批评和意见的办理与答复")
    write(root / "credentials.yaml", {"credentials_reviews": [
        {"id": "credentials-2022-ending", "body": "credentials", "date": "2022-09-05",
         "kind": "termination", "deputies": ["he-jun"], "session": "session-2022-2"},
        {"id": "credentials-2022-by-election", "body": "credentials", "date": "2022-10-20",
         "kind": "examination", "deputies": ["qian-hong"],
         "confirmed_by": {"meeting": "presidium-2022-10", "motion": "confirm-credentials"},
         "list_published_on": "2022-11-08", "session": "session-2022-2"},
    ]}, "代表资格审查委员会：补选代表的资格审查，代表资格终止的报告")
    write(root / "party-hearing.yaml", {"report": {
        "id": "congress-report-2022", "body": "congress", "kind": "congress_work_report",
        "period": "2022", "submitted_on": "2022-12-22", "to": "中共王村镇委员会",
        "title": "王村镇人大主席团2022年工作情况汇报"}},
        "镇党委听取镇人大工作汇报（每年一次）")


def dingyuan() -> None:
    """张桥镇综治办 (ZZB-DINGYUAN), 2022: screening, reports, meetings, peaceful villages."""
    root = HERE / "dingyuan"
    write(root / "community.yaml", {"community": {
        "id": "zhangqiao-town", "name": "张桥镇",
        "jurisdiction": ["cn", "anhui", "chuzhou", "dingyuan", "zhangqiao"],
        "records_cover": {"from": "2022-01-01", "to": "2022-12-31"}}},
        "安徽省滁州市定远县张桥镇（示例）")
    write(root / "bodies.yaml", {"bodies": [
        {"id": "office", "kind": "governance_office", "name": "张桥镇综治办", "office_rooms": 2,
         "seats": [_seat("liu-bo", "刘波", "director", start="2020-03-01", end=None, full_time=True),
                   _seat("fang-jie", "方杰", "worker", start="2020-03-01", end=None, full_time=True),
                   _seat("ding-yu", "丁宇", "worker", start="2021-07-01", end=None)]},
        {"id": "committee", "kind": "governance_committee", "name": "张桥镇综治委",
         "seats": [_seat("pan-wei", "潘伟", "director", start="2020-03-01", end=None),
                   _seat("liu-bo", "刘波", "member", start="2020-03-01", end=None),
                   _seat("police-chief", "派出所所长", "member", start="2020-03-01", end=None)]},
    ]}, "综治办（专职2人）和综治委")
    write(root / "township.yaml", {"bodies": [
        {"id": "party-committee", "kind": "township_party_committee", "name": "中共张桥镇委员会",
         "seats": [_seat("pan-wei", "潘伟", "secretary", start="2020-03-01", end=None,
                         how="election"),
                   _seat("liu-bo", "刘波", "deputy_secretary", start="2020-03-01", end=None,
                         how="election")]},
        {"id": "centre", "kind": "mediation_centre", "name": "张桥镇社会矛盾调处中心",
         "seats": [_seat("pan-wei", "潘伟", "director", start="2020-03-01", end=None),
                   _seat("liu-bo", "刘波", "deputy_director", start="2020-03-01", end=None),
                   _seat("zhou-ping", "周平", "deputy_director", start="2020-03-01", end=None)]},
        {"id": "justice", "kind": "judicial_office", "name": "张桥镇司法所",
         "seats": [_seat("zhou-ping", "周平", "head", start="2020-03-01", end=None)]},
    ]}, "镇党委、调处中心和司法所：与综治办合署办公的职务（ZZB-DINGYUAN:32–33）")
    docs = {"reported_on": "2021-03-05", "issued_on": "2021-03-05"}
    groups = [("peace_building", "1"), ("juvenile_crime", "2"), ("school_surroundings", "3"),
              ("released_prisoners", "4"), ("floating_population", "5"), ("drug_control", "6")]
    leading = []
    for area, number in groups:
        group: dict[str, object] = {"id": f"group-{area.replace('_', '-')}", "body": "office",
                                    "area": area, "established": "2021-03-01",
                                    "document": f"张党〔2021〕{number}号", **docs}
        if area == "drug_control":
            del group["issued_on"]
        if area == "peace_building":
            group["changes"] = [{"date": "2022-06-15", "adjusted_on": "2022-06-27"}]
        leading.append(group)
    write(root / "leading-groups.yaml", {"leading_groups": leading},
          "平安创建工作领导小组和六个专门工作领导小组（张桥镇不设铁路护路领导小组）")
    ledger = ["higher_level_documents", "organisation_network", "work_room_rules",
              "peace_building", "disputes", "legal_publicity"]
    write(root / "pilots.yaml", {"pilots": [
        {"id": "pilot-zhangqiao", "body": "office", "village": "张桥村",
         "selected_on": "2021-03-01", "work_room": True, "ledger": ledger},
        {"id": "pilot-lizhuang", "body": "office", "village": "李庄村",
         "selected_on": "2022-04-01", "work_room": True, "ledger": ledger[:-1]},
    ]}, "“零案村”“平安村”活动村：综治工作室和村级台帐")
    write(root / "meetings.yaml", {"meetings": [
        {"id": f"committee-2022-{q}", "body": "committee", "date": day,
         "present": ["pan-wei", "liu-bo", "police-chief"]}
        for q, day in (("q1", "2022-03-28"), ("q2", "2022-06-27"), ("q4", "2022-12-26"))]},
        "综治委全体人员会议（每季度）")
    reports = []
    for m in range(1, 13):
        for half, day in ((1, 14), (2, 28)):
            reports.append({"id": f"screening-2022-{m:02d}-{half}", "body": "office",
                            "kind": "screening", "period": f"2022-{m:02d}",
                            "submitted_on": f"2022-{m:02d}-{day:02d}"})
        if m == 11:
            continue
        due = f"{2022 + m // 12}-{m % 12 + 1:02d}"
        day = {3: 3, 9: 8}.get(m, 4)
        reports.append({"id": f"disputes-2022-{m:02d}", "body": "office", "kind": "dispute_monthly",
                        "period": f"2022-{m:02d}", "submitted_on": f"{due}-{day:02d}",
                        "to": "县综治办", "cases": [2, 0, 1, 3, 0, 0, 1, 2, 0, 1, 0, 1][m - 1]})
    for q, day in ((1, "2022-04-02"), (2, "2022-07-03"), (3, "2022-10-06"), (4, "2022-12-30")):
        reports.append({"id": f"security-2022-q{q}", "body": "office", "kind": "security_analysis",
                        "period": f"2022-Q{q}", "submitted_on": day, "to": "县综治办"})
    units = ["张桥村", "李庄村", "王庄村", "张桥镇派出所", "张桥镇司法所"]
    reports += [
        {"id": "inspection-2022-h1", "body": "office", "kind": "inspection", "period": "2022-H1",
         "submitted_on": "2022-07-04", "to": "县综治办", "units": units,
         "notice": "张综治〔2022〕9号", "rectify": [{"unit": "李庄村", "by": "2022-08-31"}]},
        {"id": "inspection-2022-h2", "body": "office", "kind": "inspection", "period": "2022-H2",
         "submitted_on": "2022-12-29", "to": "县综治办",
         "units": [u for u in units if u != "王庄村"], "notice": "张综治〔2022〕21号"},
    ]
    write(root / "reports.yaml", {"reports": reports},
          "半月排查、月报（零报告）、季度治安分析、半年检查通报")
    write(root / "letters.yaml", {"unit_letters": [
        {"id": f"letter-2022-{i + 1}", "body": "office", "unit": unit, "year": 2022,
         "signed_on": "2022-02-18"} for i, unit in enumerate(units)]},
        "2022年与各村（居）委会、成员单位签订的综治责任书")
    write(root / "rectifications.yaml", {"rectifications": [
        {"id": "rectify-lizhuang-2022", "body": "office", "inspection": "inspection-2022-h1",
         "unit": "李庄村", "date": "2022-09-06"}]}, "检查后限期整改")
    write(root / "filings.yaml", {"year_end_filings": [
        {"id": "filing-2022", "body": "office", "year": 2022, "date": "2022-12-27",
         "areas": ["organisation_leadership", "social_stability", "security_prevention",
                   "disputes"]}]}, "年底综治档案资料规范化整理归档（档案登记簿）")
    write(root / "assessments.yaml", {"assessments": [
        {"id": "peaceful-zhangqiao-2022", "body": "office", "date": "2022-12-20",
         "village": "张桥村", "year": 2022, "accepted": True, "offenders": 2,
         "offenders_previous_year": 4, "satisfaction_percent": "97.20"},
        {"id": "peaceful-lizhuang-2022", "body": "office", "date": "2022-12-20",
         "village": "李庄村", "year": 2022, "accepted": True, "collective_petitions": 1,
         "offenders": 3, "offenders_previous_year": 5, "satisfaction_percent": "93.50"},
        {"id": "peaceful-wangzhuang-2022", "body": "office", "date": "2022-12-20",
         "village": "王庄村", "year": 2022, "accepted": True, "offenders": 4,
         "offenders_previous_year": 4, "prominent_security_problem": True,
         "satisfaction_percent": "96.00"},
    ]}, "“零案村”“平安村”年度验收")


def taonan() -> None:
    """万宝镇综治办 (ZZB-TAONAN), 2022: materials and their deadlines."""
    root = HERE / "taonan"
    write(root / "community.yaml", {"community": {
        "id": "wanbao-town", "name": "万宝镇",
        "jurisdiction": ["cn", "jilin", "baicheng", "taonan", "wanbao"],
        "records_cover": {"from": "2022-01-01", "to": "2022-12-31"}}},
        "吉林省白城市洮南市万宝镇（示例）")
    write(root / "bodies.yaml", {"body": {
        "id": "office", "kind": "governance_office", "name": "万宝镇综治办", "office_rooms": 2,
        "seats": [_seat("bai-lin", "白林", "director", start="2019-05-01", end=None, full_time=True),
                  _seat("gu-hong", "谷红", "worker", start="2019-05-01", end=None, full_time=True),
                  _seat("sun-gang", "孙刚", "leader", start="2021-01-01", end=None)]}},
        "综治办；分管综治的领导（leader）在综治办名册上")
    write(root / "township.yaml", {"body": {
        "id": "party-committee", "kind": "township_party_committee", "name": "中共万宝镇委员会",
        "seats": [_seat("zheng-hua", "郑华", "secretary", start="2021-09-01", end=None,
                        how="election"),
                  _seat("sun-gang", "孙刚", "deputy_secretary", start="2021-09-01", end=None,
                        how="election")]}}, "镇党委：书记即责任状、实绩档案所称主要领导")
    reports: list[dict[str, object]] = []
    for m in range(1, 13):
        submitted = "2022-04-03" if m == 3 else f"2022-{m:02d}-24"
        reports.append({"id": f"disputes-2022-{m:02d}", "body": "office", "kind": "dispute_monthly",
                        "period": f"2022-{m:02d}", "submitted_on": submitted, "to": "市综治办",
                        "cases": [1, 0, 2, 0, 0, 1, 0, 0, 3, 0, 1, 0][m - 1]})
    signed = {"signature": "万宝镇综治委", "dated_on": "2022-03-18"}
    reports += [
        {"id": "plan-2022", "body": "office", "kind": "plan", "plan_kind": "peace_building",
         "period": "2022", "submitted_on": "2022-03-20", "title": "万宝镇2022年综治和平安创建规划",
         **signed},
        {"id": "plan-2022-publicity", "body": "office", "kind": "plan", "plan_kind": "publicity",
         "period": "2022", "submitted_on": "2022-03-20", "title": "万宝镇2022年综治宣传规划",
         "dated_on": "2022-03-18"},
        {"id": "plan-2022-legal", "body": "office", "kind": "plan", "plan_kind": "legal_education",
         "period": "2022", "submitted_on": "2022-03-20", "title": "万宝镇2022年综治普法规划",
         **signed},
        {"id": "letter-2022", "body": "office", "kind": "responsibility_letter", "period": "2022",
         "submitted_on": "2022-03-28", "title": "2022年综治责任状", "signed_by": "zheng-hua",
         "signed_on": "2022-03-15", "sealed": True},
    ]
    for q, day in ((1, "2022-03-24"), (2, "2022-06-22"), (3, "2022-09-28"), (4, "2022-12-23")):
        for person, who in (("zheng-hua", "书记"), ("sun-gang", "分管领导")):
            late = q == 3 and person == "sun-gang"
            reports.append({"id": f"record-2022-q{q}-{person}", "body": "office",
                            "kind": "work_record", "period": f"2022-Q{q}", "person": person,
                            "signed_by": person, "sealed": True,
                            "submitted_on": day if late else day[:8] + "20",
                            "title": f"{who}综治实绩档案（第{q}季度）"})
    parts = ["practice", "experience", "shortcomings", "next_steps"]
    reports += [
        {"id": "summary-2022-h1", "body": "office", "kind": "half_year_summary", "period": "2022-H1",
         "submitted_on": "2022-07-08", "title": "万宝镇2022年上半年社会治安综合治理工作总结",
         "length_chars": 3400, "parts": parts},
        {"id": "summary-2022", "body": "office", "kind": "annual_summary", "period": "2022",
         "submitted_on": "2022-12-28", "title": "万宝镇2022年综治工作总结", "length_chars": 2600,
         "parts": parts},
    ]
    write(root / "reports.yaml", {"reports": reports}, "月报、规划、责任状、实绩档案和总结")
    checked = [f"2022-12-{d:02d}" for d in range(1, 32) if d != 26]
    write(root / "mailbox.yaml", {"mailbox": {
        "id": "mailbox", "body": "office", "address": "wbzzzb@163.com",
        "name_pinyin": "wan bao zhen zong zhi ban", "keeper": "gu-hong", "assigned_by": "sun-gang",
        "assigned_on": "2022-01-04", "log": {"from": "2022-12-01", "to": "2022-12-31",
                                             "checked": checked}}},
        "综治办电子邮箱：分管领导安排专人负责，12月的查看记录")
    write(root / "retention.yaml", {"retention": {
        "id": "retention-2022", "body": "office", "date": "2022-06-30", "years": [2020, 2021]}},
        "综治工作材料保留两年：年中检查")


def village() -> None:
    """红星村 (a village that adopted ZZB-VILLAGE), 2022: its governance office's director."""
    root = HERE / "village"
    write(root / "community.yaml", {"community": {
        "id": "hongxing-village", "name": "红星村",
        "jurisdiction": ["cn", "shandong", "qingdao", "jimo", "hongxing"],
        "adopts": ["ZZB-VILLAGE"],
        "records_cover": {"from": "2022-01-01", "to": "2022-12-31"}}},
        "一个采用《关于加强村（社区）综治办规范化建设的意见》的村（示例）")
    write(root / "bodies.yaml", {"bodies": [
        {"id": "party-branch", "kind": "party_committee", "name": "中共红星村支部委员会",
         "seats": [_seat("gao-shan", "高山", "secretary", start="2021-01-10", end="2026-01-09",
                         how="election")]},
        {"id": "village-committee", "kind": "residents_committee", "name": "红星村村民委员会",
         "seats": [_seat("lu-fang", "陆芳", "director", start="2021-01-10", end="2026-01-09",
                         how="election"),
                   _seat("qi-ming", "齐明", "member", start="2021-01-10", end="2026-01-09",
                         how="election")]},
        {"id": "office", "kind": "governance_office", "name": "红星村综治办",
         "seats": [{"person": "gao-shan", "name": "高山", "role": "director",
                    "terms": [{"start": "2021-01-10", "end": "2022-06-30",
                               "obtained_by": "appointment"}]},
                   {"person": "qi-ming", "name": "齐明", "role": "director",
                    "terms": [{"start": "2022-07-01", "obtained_by": "appointment"}]}]},
    ]}, "村党支部、村委会和村综治办")


def sifang_community_work() -> None:
    """兴华路社区's professional workers and its residents' committee's own work (SQ-SIFANG:125,
    :132, :150, :154, :273–274, :351, :395–396, :432): new files only, under workers/ and
    committee-work/, so that the files above stay as they are."""
    root = HERE / "sifang"
    workers = ["zheng-yi", "wu-min", "han-xue", "jiang-tao"]
    reports = [{"id": f"wr-2022-{m:02d}-{w}", "person": w, "date": f"2022-{m:02d}-26",
                "to": "residents-committee"}
               for m in range(1, 13) for w in workers if (w, m) != ("han-xue", 7)]
    write(root / "workers" / "reports.yaml", {"worker_reports": reports},
          "职业社区工作者每月向社区居委会汇报工作（韩雪7月未汇报）")
    meetings = []
    monday = date(2022, 1, 3)
    while monday <= date(2022, 12, 19):
        tag = monday.strftime("%m%d")
        meetings.append({"id": f"ac-work-{tag}", "body": "affairs-centre", "kind": "regular",
                         "date": monday.isoformat(),
                         "convener": "zheng-yi" if tag == "0704" else "ma-jun",
                         "present": workers})
        if tag != "1003":  # National Day week: no study session
            meetings.append({"id": f"ac-study-{tag}", "body": "affairs-centre", "kind": "study",
                             "date": (monday + timedelta(days=4)).isoformat(),
                             "convener": "ma-jun", "present": workers})
        monday += timedelta(days=7)
    write(root / "workers" / "meetings.yaml", {"meetings": meetings},
          "职业社区工作者每周例会（书记兼主任马军组织）和政治业务学习")
    write(root / "workers" / "director-approval.yaml", {"director_approval": {
        "id": "ac-director-2021", "body": "affairs-centre", "person": "zheng-yi",
        "recommended_by": ["party-committee", "residents-committee"],
        "recommended_on": "2021-06-15", "approved_by": "street-office",
        "approver": "street-zhou", "approved_on": "2021-06-20"}},
        "社区党组织、社区居委会推荐郑毅任事务受理中心主任，报街道办事处审批")
    write(root / "committee-work" / "term-plan.yaml", {"term_plan": {
        "id": "term-plan-2021", "body": "residents-committee", "date": "2021-11-15",
        "parts": ["term_objectives", "work_plan"]}},
        "第七届社区居委会三年任期目标和工作计划（换届近五个月后才制定）")
    write(root / "committee-work" / "community-changes.yaml", {"community_changes": [
        {"id": "resize-2022-07", "kind": "resizing", "date": "2022-07-01",
         "decided_by": "district_government", "decided_on": "2022-06-10",
         "document": "四政发〔2022〕12号", "households_before": 2280, "households_after": 2400},
        {"id": "resize-2022-11", "kind": "resizing", "date": "2022-11-01",
         "decided_by": "street_office", "decided_on": "2022-10-20",
         "document": "兴华路街道〔2022〕8号"},
    ]}, "规模调整：7月经区人民政府决定；11月仅由街道办事处决定")
    write(root / "committee-work" / "standard-title.yaml", {"standard_title": {
        "id": "standard-title-2022", "body": "residents-committee", "granted_on": "2022-12-20",
        "steps": [{"step": "self_assessment", "date": "2022-09-01"},
                  {"step": "street_review", "date": "2022-09-20"},
                  {"step": "democratic_assessment", "date": "2022-10-10"},
                  {"step": "civil_affairs_acceptance", "date": "2022-11-25"},
                  {"step": "district_approval", "date": "2022-12-20"}]}},
        "规范化社区称号：自荐自评、街道初审、民主测评后未经公示即验收、审批")
    group_meetings = []
    for group, leader in (("group-01", "zhao-xiuying"), ("group-02", "qian-jianguo")):
        for month in (3, 6, 9, 12):
            chair = "ma-jun" if (group, month) == ("group-02", 9) else leader
            group_meetings.append({"id": f"{group}-2022-{month:02d}", "body": group,
                                   "date": f"2022-{month:02d}-12", "convener": chair,
                                   "chair": chair, "present": [leader]})
    write(root / "committee-work" / "group-meetings.yaml", {"meetings": group_meetings},
          "居民小组会议由组长召集和主持（第二组9月由居委会主任主持）")
    reviewers = [f"rep-{g:02d}{k}" for g in range(1, 13) for k in "ab"
                 if f"rep-{g:02d}{k}" not in ("rep-03a", "rep-09a")][:18]
    committee = ["ma-jun", "he-ping", "tang-li", "xu-gang", "lin-xia", "song-tao", "fang-yu"]
    write(root / "committee-work" / "year-end-review.yaml", {"review": {
        "id": "rc-review-2022", "body": "residents-committee", "date": "2022-12-22",
        "by": ["assembly"], "reviewers": reviewers,
        "reviewed": [*committee, "zheng-yi", "wu-min", "han-xue"]}},
        "年终社区成员代表对居委会成员和职业社区工作者的评议（漏评蒋涛）")
    entries: list[dict[str, object]] = [
        {"person": f"rep-{g:02d}{k}", "born_on": f"{1950 + 2 * g + (k == 'b')}-0{1 + g % 9}-15",
         "voting_rights": True} for g in range(1, 13) for k in "ab"]
    entries += [{"person": "rep-05c", "born_on": "1981-11-02", "voting_rights": True},
                {"person": "rep-09c", "born_on": "2004-09-16", "voting_rights": True}]
    units = ["兴华小学", "社区卫生服务站", "青岛银行兴华支行", "华润万家超市", "安居物业公司",
             "兴华派出所", "四方供电所", "兴华幼儿园"]
    entries += [{"person": f"unit-{u + 1:02d}", "unit": unit, "unit_in_area": True}
                for u, unit in enumerate(units)]
    write(root / "committee-work" / "representatives.yaml", {"representative_register": {
        "id": "assembly-register", "body": "assembly", "entries": entries}},
        "社区成员代表名册：出生日期、选举权和被选举权、辖区单位（柏玉梅补选时未满十八周岁）")


def haliang_submissions() -> None:
    """哈量三社区: every decision of the consultation committee goes to the community party
    organisation and the residents' committee (HLS-356:26); new files only."""
    root = HERE / "haliang-3"
    write(root / "bodies" / "party-organisation.yaml", {"body": {
        "id": "party-organisation", "kind": "party_committee", "name": "中共哈量三社区委员会",
        "seats": [{"person": "zhang-wei", "name": "张伟", "role": "secretary", "terms": [
            {"start": "2021-03-01", "end": "2026-02-28", "obtained_by": "election"}]}]}},
        "社区党组织：协商委员会决策性意见的接收方之一（HLS-356:26）")
    submissions = []
    for path in sorted((root / "meetings").glob("2022-*.yaml")):
        meeting = yaml.safe_load(path.read_text(encoding="utf-8"))["meeting"]
        held = date.fromisoformat(str(meeting["date"]))
        for motion in meeting["motions"]:
            if motion["outcome"] != "adopted" or "consented" not in motion:
                continue
            for to in ("party-organisation", "residents-committee"):
                if (motion["id"], to) == ("pets", "party-organisation"):
                    continue  # the dog-keeping convention never reached the party organisation
                submissions.append({
                    "id": f"submit-{motion['id']}-{to.split('-')[0]}",
                    "decision": {"meeting": meeting["id"], "motion": motion["id"]},
                    "to": to, "date": (held + timedelta(days=2)).isoformat()})
    write(root / "submissions.yaml", {"submissions": submissions},
          "协商形成的决策性意见或建议提交社区党组织和社区居民委员会统筹落实（文明养犬公约未提交党组织）")


if __name__ == "__main__":
    haliang()
    sifang()
    township()
    dingyuan()
    taonan()
    village()
    sifang_community_work()
    haliang_submissions()
