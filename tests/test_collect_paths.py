"""A dossier's records are put into their collections a run at a time (most dossiers) or a
record at a time (a dossier that repeats an id or the community): both ways must give the same
dossier, the same input errors included, whatever records come in whatever order."""

from __future__ import annotations

from dataclasses import fields
from functools import cache
from typing import Any

import yaml
from _helpers import EXAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from governance_rules.records import Dossier, Located
from governance_rules.records.loader import _collect, _collect_one_by_one, _flat, _record_runs

_COLLECTED = [f.name for f in fields(Dossier) if f.init and f.name not in (
    "root", "input_errors", "files", "meetings_by_id")]
"""The fields :func:`_collect` fills (the community, the bodies and every list of records)."""


@cache
def _pool() -> tuple[tuple[str, Located[Any]], ...]:
    """Every record of two examples (two communities among them), with its collection."""
    pool: list[tuple[str, Located[Any]]] = []
    for example in ("sifang", "dingyuan"):
        for path in sorted((EXAMPLES / example).rglob("*.yaml")):
            runs, errors = _record_runs(yaml.safe_load(path.read_text(encoding="utf-8")),
                                        path.name)
            assert not errors
            pool += _flat(runs)
    return tuple(pool)


def _runs(picked: list[tuple[str, Located[Any]]]) -> list[tuple[str, list[Located[Any]]]]:
    """``picked`` as runs: each stretch of one collection's records a run."""
    runs: list[tuple[str, list[Located[Any]]]] = []
    for collection, located in picked:
        if runs and runs[-1][0] == collection:
            runs[-1][1].append(located)
        else:
            runs.append((collection, [located]))
    return runs


def _state(dossier: Dossier) -> tuple[Any, ...]:
    """What the collection made of ``dossier``: each record by identity, in order; its errors."""
    collected: list[object] = []
    for name in _COLLECTED:
        value = getattr(dossier, name)
        if isinstance(value, dict):
            collected.append([(key, id(located)) for key, located in value.items()])
        elif isinstance(value, list):
            collected.append([id(located) for located in value])
        else:
            collected.append(id(value) if value is not None else None)
    return (*collected, [(e.type, e.file, e.loc, e.msg) for e in dossier.input_errors])


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_run_at_a_time_and_a_record_at_a_time_give_the_same_dossier(data: st.DataObject
                                                                       ) -> None:
    pool = _pool()
    picked = data.draw(st.lists(st.sampled_from(pool), max_size=40))
    if data.draw(st.booleans()):  # no record twice, one community or two (an error)
        picked = list({id(located): (c, located) for c, located in picked}.values())
        communities = [p for p in pool if p[0] == "communities"]
        picked = [p for p in picked if p[0] != "communities"] + communities[
            :data.draw(st.integers(1, len(communities)))]
        picked = data.draw(st.permutations(picked))
    by_runs, by_records = Dossier(root="d"), Dossier(root="d")
    _collect(by_runs, _runs(picked))
    _collect_one_by_one(by_records, picked)
    assert _state(by_runs) == _state(by_records)
