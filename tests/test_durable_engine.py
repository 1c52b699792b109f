"""The durable-rules backend's guards against the library's measured defects."""

from __future__ import annotations

from typing import Any

import pytest
from _helpers import ADOPTS_ALL, check

pytest.importorskip("durable", reason="the durable extra is installed by `make test`")

from governance_rules.engines import durable as backend


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
