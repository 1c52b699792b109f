"""Benchmark: `make bench` (or `python benchmarks/run.py --dossiers 750`); see also formats.py.

Generates synthetic dossiers in memory (≥ 100k motions and expenses by default) and prints, per
engine, µs per record and records/s for the end-to-end check (validate, resolve, derive facts,
evaluate, explain, report), the peak memory (max RSS), and the ratio of the native check to bare
`model_validate` of the same records. The durable backend runs on a sample (it is ~100× slower).
"""

from __future__ import annotations

import argparse
import resource
import time
from typing import Any

from governance_rules import check_dossiers, dossier_from_data, load_rulebook
from governance_rules.models import Body, Community, Expense, Meeting


def _seats(prefix: str, n: int, roles: dict[int, str] | None = None) -> list[dict[str, Any]]:
    sectors = ["party_organisation", "residents_committee", "supervision_committee",
               "grid_workers", "residents", "women", "units", "backbone"]
    return [{"person": f"{prefix}{i}", "name": f"成员{i}", "role": (roles or {}).get(i, "member"),
             "sector": sectors[i % 8], "group": f"g{i // 2}",
             "terms": [{"start": "2021-06-20", "end": "2024-06-19", "obtained_by": "election"}]}
            for i in range(n)]


def dossier(k: int) -> dict[str, Any]:
    cc, ra, pc = _seats("c", 8), _seats("r", 30), _seats("p", 5, {0: "secretary"})
    rc = _seats("d", 7, {0: "director"})
    files: dict[str, Any] = {
        "community.yaml": {"community": {"id": f"c{k}", "name": "社区",
                                         "jurisdiction": ["cn", "bench", f"d{k % 10}"],
                                         # the documents whose rules the benchmark exercises
                                         "adopts": ["HLS-356", "SQ-SIFANG", "RD-TOWNSHIP"]}},
        "bodies.yaml": {"bodies": [
            {"id": "cc", "kind": "consultation_committee", "name": "协商委员会", "seats": cc},
            {"id": "ra", "kind": "member_representative_assembly", "name": "代表大会", "seats": ra},
            {"id": "pc", "kind": "party_committee", "name": "党委", "seats": pc},
            {"id": "rc", "kind": "residents_committee", "name": "居委会", "seats": rc}]},
    }
    meetings = []
    for month in range(1, 13):
        people = [s["person"] for s in cc][: 6 + (month + k) % 3]
        meetings.append({"id": f"cc-{month}", "body": "cc", "date": f"2022-{month:02d}-15",
                         "present": people, "motions": [
                             {"id": f"t{i}", "title": "议题", "outcome": "adopted",
                              "votes": {"yes": len(people) - (i + k) % 3, "no": (i + k) % 3}}
                             for i in range(4)]})
        pp = [s["person"] for s in pc][: 2 + (month + k) % 4]
        meetings.append({"id": f"pc-{month}", "body": "pc", "date": f"2022-{month:02d}-08",
                         "present": pp, "motions": [
                             {"id": f"t{i}", "title": "议题", "outcome": "adopted",
                              "consented": pp[: len(pp) - i]} for i in range(2)]})
    for half in (1, 7):
        people = [s["person"] for s in ra][: 14 + (half + k) % 4]
        meetings.append({"id": f"ra-{half}", "body": "ra", "date": f"2022-{half:02d}-20",
                         "present": people, "motions": [
                             {"id": f"t{i}", "title": "议题", "outcome": "adopted",
                              "votes": {"yes": len(people) // 2 + i - 1, "no": 1}}
                             for i in range(3)]})
    files["meetings.yaml"] = {"meetings": meetings}
    amounts = ["80.00", "100.00", "100.01", "320.00", "500.00", "500.01", "1200.00"]
    files["expenses.yaml"] = {"expenses": [
        {"id": f"e{i}", "body": "rc", "amount": amounts[(i + k) % 7],
         "paid_on": f"2022-{i % 12 + 1:02d}-10", "payee": "商户", "purpose": "用品",
         "voucher": "invoice" if i % 11 else "informal_slip",
         "accountant": "d1", "cashier": "d2" if i % 13 else "d1",
         "approvals": [{"role": "residents_committee_director", "person": "d0",
                        "date": f"2022-{i % 12 + 1:02d}-09"}],
         "signatures": [{"role": "handler", "person": "d3"}, {"role": "director", "person": "d0"},
                        {"role": "party_secretary", "person": "p0"}]}
        for i in range(60)]}
    return files


def records_of(files: dict[str, Any]) -> int:
    meetings = files["meetings.yaml"]["meetings"]
    return sum(len(m["motions"]) for m in meetings) + len(files["expenses.yaml"]["expenses"])


def bare_validate(all_files: list[dict[str, Any]]) -> None:
    for files in all_files:
        Community.model_validate(files["community.yaml"]["community"])
        for b in files["bodies.yaml"]["bodies"]:
            Body.model_validate(b)
        for m in files["meetings.yaml"]["meetings"]:
            Meeting.model_validate(m)
        for e in files["expenses.yaml"]["expenses"]:
            Expense.model_validate(e)


def end_to_end(all_files: list[dict[str, Any]], engine: str) -> int:
    book = load_rulebook()
    dossiers = [dossier_from_data(files) for files in all_files]
    report = check_dossiers(dossiers, rulebook=book, engine=engine)
    return report.summary.total


def timed(fn: Any, *args: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=750)
    parser.add_argument("--durable-dossiers", type=int, default=20)
    args = parser.parse_args()
    all_files = [dossier(k) for k in range(args.dossiers)]
    n = sum(records_of(f) for f in all_files)
    print(f"{args.dossiers} dossiers, {n} motions and expenses")
    t_validate, _ = timed(bare_validate, all_files)
    t_native, findings = timed(end_to_end, all_files, "native")
    print(f"bare model_validate : {t_validate * 1e6 / n:8.2f} µs/record  {n / t_validate:10.0f} records/s")
    print(f"native end-to-end   : {t_native * 1e6 / n:8.2f} µs/record  {n / t_native:10.0f} records/s"
          f"  ({findings} findings)")
    print(f"native / validate   : {t_native / t_validate:8.2f}×")
    sample = all_files[: args.durable_dossiers]
    m = sum(records_of(f) for f in sample)
    try:
        t_native_s, _ = timed(end_to_end, sample, "native")
        t_durable, _ = timed(end_to_end, sample, "durable")
        print(f"durable end-to-end  : {t_durable * 1e6 / m:8.2f} µs/record  {m / t_durable:10.0f} "
              f"records/s  (sample of {m})")
        print(f"durable / native    : {t_durable / t_native_s:8.2f}× on the same sample")
    except Exception as exc:
        print(f"durable end-to-end  : skipped ({exc})")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak:.0f} MiB")


if __name__ == "__main__":
    main()
