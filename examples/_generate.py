"""Writes the example dossiers' YAML. Run once by hand; the YAML is what is committed and checked.

    python examples/_generate.py
"""

from __future__ import annotations

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
        "households": 4980, "residents": 12450, "established": "2001-01-01"}},
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


def sifang() -> None:
    root = HERE / "sifang"
    write(root / "community.yaml", {"community": {
        "id": "xinghua-road", "name": "兴华路社区",
        "jurisdiction": ["cn", "shandong", "qingdao", "sifang"],
        "households": 2400, "established": "2003-05-01"}},
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
        rc_seats.append({"person": person, "name": name, "role": role, "terms": [term]})
    write(root / "bodies" / "residents-committee.yaml", {"body": {
        "id": "residents-committee", "kind": "residents_committee", "name": "兴华路社区居民委员会",
        "established": "2003-05-01", "seats": rc_seats}})
    pc = [("ma-jun", "马军", "secretary"), ("guo-hong", "郭红", "deputy_secretary"),
          ("he-ping", "何平", "member"), ("qian-bo", "钱波", "member"), ("yu-lan", "于兰", "member")]
    write(root / "bodies" / "party-committee.yaml", {"body": {
        "id": "party-committee", "kind": "party_committee", "name": "中共兴华路社区委员会",
        "seats": [{"person": p, "name": n, "role": r,
                   "terms": [{"start": "2021-04-10", "end": "2024-04-09", "obtained_by": "election"}]}
                  for p, n, r in pc]}})
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
         "chair": "ma-jun", "present": all_reps[:28],
         "motions": [{"id": "elect-rc", "title": "选举第七届社区居民委员会成员", "outcome": "adopted",
                      "votes": {"yes": 26, "no": 1, "abstain": 1}}]},
        {"id": "ra-2022-01", "body": "assembly", "kind": "regular", "date": "2022-01-18",
         "chair": "ma-jun", "present": all_reps[:25],
         "motions": [
             {"id": "work-report", "title": "审议2021年度社区居委会工作和财务收支情况报告",
              "outcome": "adopted", "votes": {"yes": 23, "no": 0, "abstain": 2}},
             {"id": "playground", "title": "儿童游乐场改造方案（1200元）", "outcome": "adopted",
              "votes": {"yes": 19, "no": 4, "abstain": 2}},
             {"id": "parking-fee", "title": "临时停车收费标准", "outcome": "adopted",
              "votes": {"yes": 12, "no": 9, "abstain": 4}}]},
        {"id": "ra-2022-07", "body": "assembly", "kind": "regular", "date": "2022-07-12",
         "chair": "ma-jun",
         "present": [r for r in all_reps if r not in ("rep-03a",)][:16],
         "motions": [{"id": "half-year-report", "title": "听取上半年工作和财务收支情况报告",
                      "outcome": "adopted", "votes": {"yes": 15, "no": 0, "abstain": 1}}]},
    ]
    write(root / "meetings" / "assembly.yaml", {"meetings": ra_meetings})
    pc_people = [p[0] for p in pc]
    pc_meetings = [
        {"id": "pc-2022-02", "body": "party-committee", "date": "2022-02-08", "chair": "ma-jun",
         "notice_date": "2022-02-06", "present": pc_people,
         "motions": [{"id": "annual-plan", "title": "2022年党建工作计划", "outcome": "adopted",
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
    write(root / "meetings" / "party-committee.yaml", {"meetings": pc_meetings})
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


if __name__ == "__main__":
    haliang()
    sifang()
