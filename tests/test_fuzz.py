"""Hypothesis fuzzing of every input surface: record files, in-memory records, overlays, waivers.

Invariants: no exception escapes the API except the documented ones (``RulebookError`` for a
rule folder), every input error carries a location, every output format renders (JSON and
SARIF parse, JUnit is XML), and both engines agree on the generated records (when the durable
extra is installed). Bounded to a few seconds in ``make test``; ``make fuzz`` runs many more
examples (``GR_FUZZ_EXAMPLES``, see docs/hardening.md), and then also fails an input that runs
over 10 s or brings the process over 500 MB, and writes the counts of outcomes and the slowest
input of each test to ``GR_FUZZ_STATS`` (JSON).
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import json
import os
import signal
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from _helpers import body, community
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from governance_rules import Report, Rulebook, check_data, check_dossiers
from governance_rules.errors import InputError, RulebookError
from governance_rules.records import load_dossier, read_records
from governance_rules.records._parse import ParseFailure, parse_record_text
from governance_rules.records.loader import discover
from governance_rules.render import FORMATS
from governance_rules.rulebook import load_rulebook
from governance_rules.waivers import apply_waivers, load_waivers

FUZZING = "GR_FUZZ_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("GR_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not FUZZING,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
SLOW = settings(FUZZ, max_examples=max(EXAMPLES // 5, 4))
"""For the tests that check a dossier or load the rule book each time."""
ENGINES = ["native", "durable"] if importlib.util.find_spec("durable") else ["native"]
HANG_SECONDS = 10.0
MAX_PEAK_MB = 500.0
"""The bounds of the hardening issue, enforced per input in ``make fuzz``."""

STATS: dict[str, dict[str, Any]] = {}


@functools.cache
def _book() -> Rulebook:
    """The bundled rule book, loaded once (``check_data`` would load it for every input)."""
    return load_rulebook()


class Hung(Exception):
    """An input ran longer than HANG_SECONDS."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise Hung(f"an input ran over {HANG_SECONDS:g} s")


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as refs:  # resets VmHWM (Linux)
            refs.write("5")
        return True
    except OSError:
        return False


def _peak_mb() -> float | None:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


@contextlib.contextmanager
def measured(test: str, sample: Any) -> Iterator[Counter[str]]:
    """Time one input and its peak memory, collect its outcomes (also as hypothesis events); in
    ``make fuzz``, fail it when it runs over HANG_SECONDS or the process over MAX_PEAK_MB."""
    outcomes: Counter[str] = Counter()
    peak_known = _reset_peak()
    if FUZZING:
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    start = time.perf_counter()
    try:
        yield outcomes
    except Exception as exc:
        outcomes[f"escaped: {type(exc).__name__}"] += 1
        raise
    finally:
        if FUZZING:
            signal.setitimer(signal.ITIMER_REAL, 0)
        elapsed = time.perf_counter() - start
        peak = _peak_mb() if peak_known else None
        stats = STATS.setdefault(test, {"inputs": 0, "outcomes": Counter(), "slowest_s": 0.0,
                                        "slowest_peak_mb": None, "slowest_input": None,
                                        "max_peak_mb": 0.0, "over_10s": 0, "over_500mb": 0})
        stats["inputs"] += 1
        stats["outcomes"].update(outcomes)
        if elapsed > stats["slowest_s"]:
            stats.update(slowest_s=elapsed, slowest_peak_mb=peak, slowest_input=repr(sample)[:400])
        if peak is not None:
            stats["max_peak_mb"] = max(stats["max_peak_mb"], peak)
        stats["over_10s"] += elapsed > HANG_SECONDS
        stats["over_500mb"] += peak is not None and peak > MAX_PEAK_MB
    for outcome in outcomes:
        event(outcome)
    if FUZZING:
        assert elapsed <= HANG_SECONDS, f"{elapsed:.1f} s"
        assert peak is None or peak <= MAX_PEAK_MB, f"peak {peak:.0f} MB"


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """In ``make fuzz``, the rule set loaded and each engine's rules compiled before the first
    input is timed: the slowest input reported is then an input's own time (it was the first
    input's, the start-up's: 1.5 s, 7.6 s under the sanitizers)."""
    if FUZZING:
        files = {"c.yaml": community(), "b.yaml": body("b", "consultation_committee", 2),
                 "r.yaml": GOOD}
        _engines_agree(lambda engine: check_data(files, rulebook=_book(), engine=engine))


@pytest.fixture(scope="module", autouse=True)
def _write_stats() -> Iterator[None]:
    yield
    target = os.environ.get("GR_FUZZ_STATS")
    if target:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        Path(target).write_text(json.dumps(STATS, indent=1, ensure_ascii=False, default=dict),
                                encoding="utf-8")


def classify(outcomes: Counter[str], errors: list[InputError], report: Report | None = None) -> None:
    """One outcome per input: input errors (also counted by type), else findings, else clean."""
    if errors:
        outcomes["input errors"] += 1
        for kind in sorted({e.type for e in errors}):
            outcomes[f"input error: {kind}"] += 1
    elif report is not None and report.findings:
        outcomes["findings"] += 1
    else:
        outcomes["clean"] += 1

SEED = (b"meeting:\n  id: m1\n  body: b\n  date: 2022-03-15\n  present: [b-p0, b-p1]\n"
        b"  motions:\n    - {id: x, title: t, outcome: adopted, votes: {yes: 2, no: 0}}\n"
        b"expense: {id: e, body: b, amount: 12.50, paid_on: 2022-01-05, payee: p, purpose: q,\n"
        b"          voucher: invoice, accountant: b-p0, cashier: b-p1, approvals: []}\n")
"""A valid file (a meeting and an expense) that the mutations break."""
GOOD = {"meeting": {"id": "m1", "body": "b", "date": "2022-03-15", "present": ["b-p0", "b-p1"],
                    "motions": [{"id": "x", "title": "t", "outcome": "adopted",
                                 "votes": {"yes": 2, "no": 0}}]},
        "expense": {"id": "e", "body": "rc", "amount": "12.50", "paid_on": "2022-01-05",
                    "payee": "p", "purpose": "q", "voucher": "invoice", "accountant": "rc-p1",
                    "cashier": "rc-p2", "approvals": []}}
"""The seed's records as data (PyYAML would read ``yes:`` as a boolean)."""
TOKENS = [b"!!int ", b"!!bool ", b"!!timestamp ", b"!!float ", b"&a ", b"*a", b"<<: ", b"[", b"]",
          b"{", b"}", b"\n", b"  ", b"- ", b": ", b"0x", b"1e999999", b"9999-12-31", b"0000",
          b"\xff", b"\x00", b"\x1b", b"'", b'"', b"\\ud842", b"#", b"---\n", b"1:30", b"-1",
          b"10000000000000000000000", b"~", b"null", b"? ", b"'*'", b"'?*'", b"scope: everything",
          b", scope: everything", b"2200-12-31", b"1899-12-31", b"999999999.99", b"9007199254740993"]


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        if draw(st.booleans()):
            data[at:at] = draw(st.sampled_from(TOKENS))
        else:
            del data[at:at + draw(st.integers(1, 8))]
    return bytes(data)


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-(10**30), 10**30), st.text(max_size=20),
                    st.sampled_from(["2022-03-15", "9999-12-31", "0001-01-01", "1e999999", "1/0",
                                     "2022-Q4", "9999-Q4", "12.345", "NaN", "-1"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)


def _located(errors: list[Any], lines: bool = True) -> None:
    for error in errors:
        assert error.file and error.msg, error
        if lines and error.type not in {"unreadable", "missing_community", "path_not_found"}:
            assert error.line is not None, error.render()


@FUZZ
@given(mutated(SEED), st.sampled_from(["m.yaml", "m.json", "m.jsonl"]))
def test_mutated_record_files(raw: bytes, name: str) -> None:
    with measured("mutated_record_files", raw) as outcomes:
        _, errors = read_records(raw, name)
        _located(errors)
        classify(outcomes, errors)


@FUZZ
@given(st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_random_json(raw: bytes) -> None:
    with measured("random_json", raw) as outcomes:
        _, errors = read_records(raw, "m.json")
        _located(errors)
        classify(outcomes, errors)


def _rendered(report: Report) -> None:
    for fmt, render in FORMATS.items():
        out = render(report, "en")
        assert "\x1b" not in out
        if fmt in ("json", "sarif"):
            json.loads(out)
        elif fmt == "junit":
            ET.fromstring(out)


def _engines_agree(check: Any, engines: list[str] = ENGINES) -> Report:
    """Check with every installed engine; the reports must be identical."""
    reports = [check(engine) for engine in engines]
    first = reports[0].model_dump_json(exclude={"engine"})
    for other in reports[1:]:
        assert other.model_dump_json(exclude={"engine"}) == first
    return reports[0]


@SLOW
@given(st.dictionaries(st.sampled_from(["meeting", "expense", "body", "report", "hearing",
                                        "community", "meetings", "x"]), VALUES, max_size=3))
def test_random_records_check_and_render(records: dict[str, Any]) -> None:
    files = {"c.yaml": community(), "b.yaml": body("b", "consultation_committee", 2),
             "r.yaml": records}
    with measured("random_records_check_and_render", records) as outcomes:
        report = _engines_agree(lambda engine: check_data(files, rulebook=_book(), engine=engine))
        _located(report.input_errors, lines=False)
        _rendered(report)
        classify(outcomes, report.input_errors, report)


@SLOW
@given(mutated(SEED), st.sampled_from(["m.yaml", "m.json"]))
def test_mutated_dossiers_both_engines(raw: bytes, name: str) -> None:
    """A mutated record file inside a good dossier, read from disk, checked by both engines."""
    with tempfile.TemporaryDirectory() as folder, measured("mutated_dossiers", raw) as outcomes:
        root = Path(folder)
        (root / "community.yaml").write_text(yaml.safe_dump(community()), encoding="utf-8")
        (root / "b.yaml").write_text(yaml.safe_dump(body("b", "consultation_committee", 2),
                                                    allow_unicode=True), encoding="utf-8")
        if name.endswith(".json"):
            with contextlib.suppress(ParseFailure):  # a mutant that is not YAML stays as it is
                data, _ = parse_record_text(raw, "m.yaml")
                raw = json.dumps(data, default=str, ensure_ascii=False).encode()
        (root / name).write_bytes(raw)
        sources, found = discover([root])
        dossiers = [load_dossier(source, root) for source in sources]
        report = _engines_agree(lambda engine: check_dossiers(dossiers, rulebook=_book(), engine=engine,
                                                              extra_errors=found))
        _located(report.input_errors)
        _rendered(report)
        classify(outcomes, report.input_errors, report)


def _mostly(valid: st.SearchStrategy[Any], hostile: list[Any]) -> st.SearchStrategy[Any]:
    """Valid values 19 times in 20, so that the engines decide most records."""
    return st.integers(0, 19).flatmap(lambda k: st.sampled_from(hostile) if k == 0 else valid)


HOSTILE_INTS = _mostly(st.integers(0, 8), [-1, -3, 2**31, 2**53 - 1, 2**53, 2**53 + 1, 10**20,
                                            10**39, 10**40, -(2**53)])
HOSTILE_DAYS = _mostly(st.dates(date(2021, 1, 1), date(2023, 12, 31)).map(str),
                       ["1900-01-01", "1899-12-31", "2200-12-31", "2201-01-01", "9999-12-31",
                        "2022-02-29", "2024-02-29", "0001-01-01"])
HOSTILE_AMOUNTS = _mostly(st.decimals(0, 2000, places=2).map(str),
                          ["0", "-0.01", "999999999.99", "1000000000", "12.345", "1e3", "1E-2",
                           "NaN", "Infinity", 7, 10**20, 1.5, "1_000"])


@st.composite
def hostile_dossiers(draw: st.DrawFn) -> dict[str, Any]:
    """Well-shaped records with values at and past every bound, so that the engines decide."""
    seated = draw(st.integers(1, 6))
    files: dict[str, Any] = {"c.yaml": community(), "b.yaml": body(
        "b", draw(st.sampled_from(["consultation_committee", "residents_committee",
                                   "member_representative_assembly", "party_committee"])), seated,
        end=draw(st.sampled_from([None, "2023-12-31", "2200-12-31"])))}
    files["rc.yaml"] = body("rc", "residents_committee", 3, roles={0: "director"})
    people = [f"b-p{i}" for i in range(seated)] + draw(st.lists(st.sampled_from(["x", "b-p0"]),
                                                                max_size=2))
    files["m.yaml"] = {"meetings": [
        {"id": f"m{i}", "body": "b", "date": draw(HOSTILE_DAYS),
         "present": draw(st.lists(st.sampled_from(people), max_size=8)),
         "motions": [{"id": "x", "title": "议题", "outcome": draw(st.sampled_from(
             ["adopted", "rejected"])), "votes": {"yes": draw(HOSTILE_INTS),
                                                  "no": draw(HOSTILE_INTS)}}]}
        for i in range(draw(st.integers(0, 3)))]}
    files["e.yaml"] = {"expenses": [
        {"id": f"e{i}", "body": "rc", "amount": draw(HOSTILE_AMOUNTS), "paid_on": draw(HOSTILE_DAYS),
         "payee": "店", "purpose": "用品", "voucher": "invoice", "accountant": "rc-p1",
         "cashier": "rc-p2", "approvals": []}
        for i in range(draw(st.integers(0, 3)))]}
    return files


@SLOW
@given(hostile_dossiers())
def test_hostile_values_both_engines(files: dict[str, Any]) -> None:
    with measured("hostile_values", files) as outcomes:
        report = _engines_agree(lambda engine: check_data(files, rulebook=_book(), engine=engine))
        _located(report.input_errors, lines=False)
        _rendered(report)
        classify(outcomes, report.input_errors, report)


OVERLAY_VALUES = st.one_of(
    VALUES, st.integers(-(10**10), 10**10),
    st.fractions(min_value=-2, max_value=2, max_denominator=10**6).map(str),
    st.decimals(allow_nan=True, allow_infinity=True, places=3).map(str),
    st.sampled_from(["3/5", "4/5", "0.5", "1", "1/3", "500.00", "0.01", "999999999.99", 1, 3, 7,
                     "0.000000000000000001", "1e-999999999", "1/0", "-1/3", True]))


@SLOW
@given(OVERLAY_VALUES, st.sampled_from(["cc.consent_share", "ra.quorum_share", "fin.tier1_limit",
                                        "rc.min_members", "hear.publish_days", "new.x"]))
def test_random_overlays(value: Any, name: str) -> None:
    """An overlay for the test community's jurisdiction: refused at its line, or loaded and then
    applied to a dossier by both engines."""
    with tempfile.TemporaryDirectory() as folder, measured("random_overlays", value) as outcomes:
        path = Path(folder) / "parameters"
        path.mkdir()
        text = yaml.safe_dump({"parameters": {name: {"overlays": {"cn/test": [{"value": value}]}}}},
                              allow_unicode=True)
        (path / "p.yaml").write_text(text, encoding="utf-8")
        try:
            book = load_rulebook(folder)
        except RulebookError as exc:
            assert exc.file and exc.msg
            outcomes["rulebook error"] += 1
            return
        files = {"c.yaml": community(), "b.yaml": body("b", "consultation_committee", 2),
                 "rc.yaml": body("rc", "residents_committee", 3, roles={0: "director"}),
                 "r.yaml": GOOD}
        report = _engines_agree(lambda engine: check_data(files, rulebook=book, engine=engine),
                                ENGINES)
        _rendered(report)
        classify(outcomes, report.input_errors, report)


@FUZZ
@given(mutated(b"waivers:\n  - {rule: ra-quorum, record: 'ra-*', reason: r, approved_by: a, "
               b"expires: 2027-06-30}\n"))
def test_mutated_waivers(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder, measured("mutated_waivers", raw) as outcomes:
        path = Path(folder) / "w.yaml"
        path.write_bytes(raw)
        waivers, errors = load_waivers(path, Path(folder))
        _located(errors)
        report = apply_waivers(_waivable(), waivers, date(2026, 11, 22), errors)
        if waivers:
            _rendered(report)
        classify(outcomes, errors, report)


_WAIVABLE: list[Report] = []


def _waivable() -> Report:
    """A small report with findings (cc-consent-80 on the seed meeting among them), made once."""
    if not _WAIVABLE:
        _WAIVABLE.append(check_data({"c.yaml": community(), "r.yaml": GOOD,
                                     "b.yaml": body("b", "consultation_committee", 3),
                                     "rc.yaml": body("rc", "residents_committee", 3)},
                                    rulebook=_book()))
    return _WAIVABLE[0]
