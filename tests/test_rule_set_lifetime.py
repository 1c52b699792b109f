"""A rule set the caller dropped is freed: whatever the checker keeps between checks (pairings,
rule descriptions, parameter versions, compiled clauses, period plans …) holds it weakly.

A what-if is a rule set of its own; a notebook that tries fifty of them must not keep fifty.
The dossier of the lifetime tests in ``test_durable_engine.py`` has a roster and a hearing and
no meeting, so a cache kept by the meeting builder slipped past them (tried: one list that
kept the builder's ``wanted``); this one checks a whole community, with every kind of fact.
"""

from __future__ import annotations

import gc
import weakref
from collections import Counter

import pytest
from _helpers import ROOT

from governance_rules import check_paths, load_rulebook

COMMUNITY = ROOT / "examples" / "sifang"


@pytest.mark.parametrize("engine", ["native", "durable"])
def test_a_whole_community_checked_keeps_no_dropped_rule_set_alive(engine: str) -> None:
    if engine == "durable":
        pytest.importorskip("durable", reason="the durable extra is installed by `make test`")
    what_if = load_rulebook().with_parameter("rc.max_members", 12)
    report = check_paths([COMMUNITY], rulebook=what_if, engine=engine)
    kinds = Counter(entry.record.type for entry in report.checked)
    assert {"period", "meeting", "motion", "term", "member_record", "worker_month",
            "disclosure", "expense", "body"} <= kinds.keys()
    assert len(report.findings) > 20
    gone = weakref.ref(what_if)
    del what_if, report
    gc.collect()
    assert gone() is None
