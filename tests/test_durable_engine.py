"""The durable-rules backend's guards against the library's measured defects."""

from __future__ import annotations

import os
import threading
from typing import Any

import pytest
from _helpers import ADOPTS_ALL, check

pytest.importorskip("durable", reason="the durable extra is installed by `make test`")

from governance_rules.engines import durable as backend
from governance_rules.rulebook import load_rulebook


class _RefusingHost:
    """Wraps the real host; refuses the first batch and the first single post as 'observed'."""

    def __init__(self, host: Any, engine: Any) -> None:
        self.host, self.engine = host, engine
        self.refused_batches = self.refused_posts = 0
        self.nonces: list[int] = []

    def post_batch(self, ruleset: str, events: list[dict[str, Any]]) -> Any:
        if self.refused_batches == 0:
            self.refused_batches += 1
            raise self.engine.MessageObservedException(events[:1])
        return self.host.post_batch(ruleset, events)

    def post(self, ruleset: str, event: dict[str, Any]) -> Any:
        self.nonces.append(event["nonce"])
        if self.refused_posts == 0:
            self.refused_posts += 1
            raise self.engine.MessageObservedException(event)
        return self.host.post(ruleset, event)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.host, name)


def _files() -> dict[str, Any]:
    return {
        "c.yaml": {"community": {"id": "c", "name": "社区", "jurisdiction": ["cn"], "adopts": ADOPTS_ALL}},
        "rc.yaml": {"body": {"id": "rc", "kind": "residents_committee", "name": "居委会",
                             "seats": [{"person": f"p{i}", "name": f"委员{i}",
                                        "terms": [{"start": "2021-01-01", "obtained_by": "election"}]}
                                       for i in range(3)]}},
        "h.yaml": {"hearing": {"id": "h", "body": "rc", "date": "2022-05-10", "topic": "议题",
                               "published_on": "2022-05-20"}},
    }


def test_cases_refused_as_already_observed_are_posted_again(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = backend.DurableEngine()
    refusing = _RefusingHost(engine._host(), engine._engine)
    monkeypatch.setattr(backend.DurableEngine, "_host", lambda self: refusing)
    report = check(_files(), engine=engine)  # type: ignore[arg-type]
    assert refusing.refused_batches == 1 and refusing.refused_posts == 1
    assert refusing.nonces[:2] == [1, 2]
    native = check(_files(), engine="native")
    assert report.model_dump_json(exclude={"engine"}) == native.model_dump_json(exclude={"engine"})
    assert "rc-size" in report.summary.by_rule and "hear-publish" in report.summary.by_rule


def _rss_mb() -> float:
    """The resident memory kept, once the collector has freed what is only garbage: durable's
    actions leave reference cycles (each promise is its own root; each run makes a recursive
    timer closure), which a batch's collector, tuned to run seldom, frees late."""
    import gc

    gc.collect()
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def test_distinct_rule_sets_do_not_accumulate() -> None:
    """Each distinct rule set used to stay registered (~0.7 MB each, 400 what-ifs → ~300 MB):
    at most MAX_RULESETS are kept, the least recently used is freed, and no thread is added.

    Memory is measured once the LRU has been full a while (the rule sets it keeps are freed
    only as newer ones come in, and the allocator's arenas settle a few later)."""
    book = load_rulebook()
    engine = backend.DurableEngine()
    threads = threading.active_count()
    check(_files(), engine=engine)  # type: ignore[arg-type]
    warm = 2 * backend.MAX_RULESETS + 1
    count = warm + 3 * backend.MAX_RULESETS
    for top in range(10, 10 + count):
        if top == 10 + warm:
            before = _rss_mb()
        report = check(_files(), rulebook=book.with_parameter("rc.max_members", top),
                       engine=engine)  # type: ignore[arg-type]
        assert len(backend.registered_rulesets()) <= backend.MAX_RULESETS
        assert len(engine._host()._ruleset_directory) <= backend.MAX_RULESETS
    assert threading.active_count() == threads
    assert _rss_mb() - before < 0.15 * (count - warm)  # ~0.7 MB each if kept
    again = check(_files(), engine=engine)  # type: ignore[arg-type]  (its ruleset was freed)
    native = check(_files(), engine="native")
    assert again.model_dump_json(exclude={"engine"}) == native.model_dump_json(exclude={"engine"})
    assert report.summary.by_rule == native.summary.by_rule


def test_explanations_do_not_keep_dropped_rule_sets_alive() -> None:
    """The compiled clauses a finding is explained with are kept by parameters object; they
    kept those objects (and so every what-if's rule set) alive up to 4,096 entries. An entry
    now leaves with its parameters: fifty what-ifs leave a handful, not 9 × 50."""
    import gc

    from governance_rules.rulebook.kinds import _clauses

    book = load_rulebook()
    gc.collect()
    before = len(_clauses._judged)  # other tests' rule sets, still alive
    for top in range(10, 60):
        check(_files(), rulebook=book.with_parameter("rc.max_members", top))
    gc.collect()
    grown = len(_clauses._judged) - before
    assert grown < 9 * 2, grown


def test_reports_do_not_keep_dropped_rule_sets_alive() -> None:
    """A report's rule descriptions are made once a rule set; the cache of the last 16 kept
    those rule sets (and everything they had compiled) alive after the caller dropped them.
    Each entry now leaves with its rule set."""
    import gc
    import weakref

    what_if = load_rulebook().with_parameter("rc.max_members", 12)
    assert check(_files(), rulebook=what_if).rules
    gone = weakref.ref(what_if)
    del what_if
    gc.collect()
    assert gone() is None
