"""Hypothesis fuzzing of every input surface: record files, in-memory records, overlays, waivers.

Invariants: no exception escapes the API except the documented ones (``RulebookError`` for a
rule folder), every input error carries a location, and every output format renders (JSON and
SARIF parse). Bounded to a few seconds in ``make test``; ``make fuzz`` runs many more examples
(``GR_FUZZ_EXAMPLES``, see docs/hardening.md).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import yaml
from _helpers import body, community
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance_rules import check_data
from governance_rules.errors import RulebookError
from governance_rules.records import read_records
from governance_rules.render import FORMATS
from governance_rules.rulebook import load_rulebook
from governance_rules.waivers import load_waivers

EXAMPLES = int(os.environ.get("GR_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="GR_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
SLOW = settings(FUZZ, max_examples=max(EXAMPLES // 5, 4))
"""For the tests that check a dossier or load the rule book each time."""

SEED = (b"meeting:\n  id: m1\n  body: b\n  date: 2022-03-15\n  present: [b-p0, b-p1]\n"
        b"  motions:\n    - {id: x, title: t, outcome: adopted, votes: {yes: 2, no: 0}}\n"
        b"expense: {id: e, body: b, amount: 12.50, paid_on: 2022-01-05, payee: p, purpose: q}\n")
TOKENS = [b"!!int ", b"!!bool ", b"!!timestamp ", b"!!float ", b"&a ", b"*a", b"<<: ", b"[", b"]",
          b"{", b"}", b"\n", b"  ", b"- ", b": ", b"0x", b"1e999999", b"9999-12-31", b"0000",
          b"\xff", b"\x00", b"\x1b", b"'", b'"', b"\\ud842", b"#", b"---\n", b"1:30", b"-1",
          b"10000000000000000000000", b"~", b"null", b"? "]


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
    _, errors = read_records(raw, name)
    _located(errors)


@FUZZ
@given(st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_random_json(raw: bytes) -> None:
    _, errors = read_records(raw, "m.json")
    _located(errors)


@SLOW
@given(st.dictionaries(st.sampled_from(["meeting", "expense", "body", "report", "hearing",
                                        "community", "meetings", "x"]), VALUES, max_size=3))
def test_random_records_check_and_render(records: dict[str, Any]) -> None:
    files = {"c.yaml": community(), "b.yaml": body("b", "consultation_committee", 2),
             "r.yaml": records}
    report = check_data(files)
    _located(report.input_errors, lines=False)
    for fmt, render in FORMATS.items():
        out = render(report, "en")
        assert "\x1b" not in out
        if fmt in ("json", "sarif"):
            json.loads(out)


@SLOW
@given(VALUES, st.sampled_from(["cc.consent_share", "fin.tier1_limit", "sz.cc_min_members", "new.x"]))
def test_random_overlays(value: Any, name: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "parameters"
        path.mkdir()
        text = yaml.safe_dump({"parameters": {name: {"overlays": {"cn/x": [{"value": value}]}}}},
                              allow_unicode=True)
        (path / "p.yaml").write_text(text, encoding="utf-8")
        try:
            load_rulebook(folder)
        except RulebookError as exc:
            assert exc.file and exc.msg


@FUZZ
@given(mutated(b"waivers:\n  - {rule: ra-quorum, record: 'ra-*', reason: r, approved_by: a, "
               b"expires: 2027-06-30}\n"))
def test_mutated_waivers(raw: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "w.yaml"
        path.write_bytes(raw)
        _, errors = load_waivers(path, Path(folder))
        _located(errors)
