"""A dossier's facts are judged a batch at a time (the engine's ``batch``), each batch dropped
before the next is built: the report is the same whatever the batch, and a check never holds
a dossier's facts all at once."""

from __future__ import annotations

import gc
from collections.abc import Sequence

import pytest
from _helpers import EXAMPLES, ROOT

from governance_rules import Report, Rulebook, check_paths
from governance_rules.engines import Case, Verdict
from governance_rules.engines.native import NativeEngine
from governance_rules.facts import Fact, build_facts, iter_facts
from governance_rules.records import Dossier, discover, load_dossier


def _dossier(name: str) -> Dossier:
    sources, _ = discover([EXAMPLES / name])
    return load_dossier(sources[0], EXAMPLES)


class _Batched(NativeEngine):
    """The native engine with another batch, noting how many facts are alive at each call."""

    def __init__(self, batch: int | None) -> None:
        self.batch = batch
        self.alive: list[int] = []

    def evaluate(self, cases: Sequence[Case]) -> list[Verdict]:
        self.alive.append(sum(1 for o in gc.get_objects() if type(o) is Fact))
        return super().evaluate(cases)


@pytest.mark.parametrize("batch", [1, 5, None])
def test_the_report_is_the_same_whatever_the_batch(batch: int | None, rulebook: Rulebook,
                                                    examples_report: Report) -> None:
    engine = _Batched(batch)
    report = check_paths([EXAMPLES], rulebook=rulebook, base=ROOT, engine=engine, jobs=1)
    assert report.to_json() == examples_report.to_json()
    assert report.engine == "native"


def test_a_check_holds_a_batch_of_facts_not_the_dossiers(rulebook: Rulebook) -> None:
    folder = EXAMPLES / "sifang"
    gc.collect()
    whole = _Batched(None)
    check_paths([folder], rulebook=rulebook, base=ROOT, engine=whole, jobs=1)
    [every] = whole.alive  # in one call, all of them alive
    engine = _Batched(4)
    check_paths([folder], rulebook=rulebook, base=ROOT, engine=engine, jobs=1)
    assert len(engine.alive) >= every // 4
    # a batch, and the few facts the builder makes together (a meeting's motions and acts,
    # a body's terms)
    assert every > 1000 and max(engine.alive) < every // 20


def test_facts_come_one_at_a_time_as_build_facts_lists_them(rulebook: Rulebook) -> None:
    dossier = _dossier("sifang")
    listed = build_facts(dossier, wanted=rulebook.may_select, lazy_names=True)
    one_by_one = iter_facts(dossier, wanted=rulebook.may_select)
    first = next(one_by_one)
    assert first.people is not None
    rest = list(one_by_one)
    assert [(f.type, f.ref, f.day, f.values) for f in [first, *rest]] == [
        (f.type, f.ref, f.day, f.values) for f in listed]


@pytest.mark.parametrize("batch", [0, -3, 2.5, True, "8"])
def test_an_engine_whose_batch_would_check_nothing_is_refused(batch: object,
                                                               rulebook: Rulebook) -> None:
    engine = _Batched(None)
    engine.batch = batch  # type: ignore[assignment]
    with pytest.raises(ValueError, match="batch is a whole number of facts of at least 1"):
        check_paths([EXAMPLES / "dingyuan"], rulebook=rulebook, base=ROOT, engine=engine, jobs=1)
