"""The native engine's predicates: one Python expression a condition, judged as the closures
over each comparison judge (the reference), whatever the names and constants hold."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from governance_rules import load_rulebook
from governance_rules.rulebook.conditions import (
    _MAX_SOURCE_DEPTH,
    All,
    Any,
    Cmp,
    Field,
    _closures,
    _source,
    compile_judge,
    compile_native,
)

_NAMES = ["a", "b", "x'y", 'q"\\', "v", "__import__('os')", "名"]
_OPS = ["<", "<=", ">", ">=", "==", "!="]

_ints = st.integers(-10**20, 10**20)
_texts = st.sampled_from(["", "x", "x'y", "')or True#", "\\", "名"])


def _comparisons() -> st.SearchStrategy[Cmp]:
    number = st.builds(Cmp, st.builds(Field, st.sampled_from(_NAMES[:4]), st.integers(1, 7)),
                       st.sampled_from(_OPS),
                       _ints | st.builds(Field, st.sampled_from(_NAMES[:4]), st.integers(1, 7)))
    text = st.builds(Cmp, st.builds(Field, st.sampled_from(_NAMES[4:])),
                     st.sampled_from(_OPS), _texts | st.builds(Field, st.sampled_from(_NAMES[4:])))
    return number | text


_conditions = st.recursive(
    _comparisons(),
    lambda inner: st.builds(All, st.lists(inner, max_size=4).map(tuple))
    | st.builds(Any, st.lists(inner, max_size=4).map(tuple)),
    max_leaves=12)
_values = st.fixed_dictionaries({**{n: _ints for n in _NAMES[:4]},
                                 **{n: _texts for n in _NAMES[4:]}})


@settings(max_examples=300, deadline=None)
@given(cond=_conditions, values=_values)
def test_the_expression_judges_as_the_closures_do(cond: All | Any | Cmp,
                                                 values: dict[str, int | str]) -> None:
    assert _source(cond) is not None
    assert bool(compile_native(cond)(values)) is bool(_closures(cond)(values))


@settings(max_examples=200, deadline=None)
@given(guard=_conditions, violated=_conditions, values=_values)
def test_the_judge_gives_the_verdict_both_conditions_give(guard: All | Any | Cmp,
                                                         violated: All | Any | Cmp,
                                                         values: dict[str, int | str]) -> None:
    """A bound rule's one call a case: 0 where its guard does not hold, else 2 where it is
    violated, else 1; by closures too, where no expression states a condition."""
    expected = 0 if not _closures(guard)(values) else 2 if _closures(violated)(values) else 1
    assert compile_judge(guard, violated)(values) == expected
    deep = guard
    for _ in range(_MAX_SOURCE_DEPTH + 2):
        deep = All((deep,))
    assert compile_judge(deep, violated)(values) == expected


def test_names_and_constants_stay_data() -> None:
    """A name or a constant that reads like code is looked up or compared, never run."""
    cond = All((Cmp(Field("__import__('os')"), "==", "')or True#"),
                Cmp(Field("x'y", 3), ">", Field('q"\\', 2))))
    values = {"__import__('os')": "')or True#", "x'y": 3, 'q"\\': 4}
    assert compile_native(cond)(values) is True
    assert compile_native(cond)({**values, "x'y": 2}) is False


def test_what_no_expression_states_is_judged_by_closures() -> None:
    deep: All | Any | Cmp = Cmp(Field("a"), "<", 1)
    for _ in range(_MAX_SOURCE_DEPTH + 2):
        deep = All((deep,))
    assert _source(deep) is None
    assert compile_native(deep)({"a": 0}) is True
    assert compile_native(deep)({"a": 1}) is False
    odd = Cmp(Field("a"), "<", 1.5)  # type: ignore[arg-type]  # not a constant of the language
    assert _source(odd) is None
    assert compile_native(odd)({"a": 1}) is True
    assert _source(All(())) == "True" and _source(Any(())) == "False"


def test_every_rule_compiles_to_an_expression() -> None:
    """Each rule of the rule set, bound as a check binds it (in its places, on a day it is in
    force, with each place's parameter versions), is judged by one expression."""
    book = load_rulebook()
    overlays = {place for p in book.parameters.values() for place in p.overlays}
    places = [tuple(place.split("/")) for place in sorted(overlays)] + [("cn",)]
    for rule in book.rules:
        day = rule.in_force.from_ or date(2024, 6, 1)
        bound = [b for place in [tuple(j.split("/")) for j in rule.jurisdictions] + places
                 if (b := book.bind(rule, place, day)) is not None]
        assert bound, rule.id
        for one in bound:
            assert _source(one.guard) is not None, rule.id
            assert _source(one.violated) is not None, rule.id
