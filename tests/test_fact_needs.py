"""Facts no rule reads are left out, and results carry no more than the report needs: both
only save work, never change a finding or a case. (A calendar period no cadence rule judges is
not built, so it is not a record checked either.)"""

from __future__ import annotations

from dataclasses import fields
from datetime import date, timedelta

import pytest
from _helpers import EXAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from governance_rules import Rulebook
from governance_rules._checker import DossierChecker, cases_for
from governance_rules.facts import build_facts
from governance_rules.records.loader import discover, load_dossier


def test_a_rule_guarding_a_field_not_given_may_select(rulebook: Rulebook) -> None:
    assert rulebook.may_select("act", {"body_kind": "consultation_committee"})
    assert not rulebook.may_select("act", {"body_kind": "party_committee"})
    assert rulebook.may_select("act", {})  # the guard's field is not given: it may
    assert not rulebook.may_select("no_such_fact", {})


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.iterdir()
                                           if (p / "community.yaml").is_file()))
def test_facts_left_out_change_no_case_and_no_written_record(rulebook: Rulebook,
                                                              example: str) -> None:
    sources, _ = discover([EXAMPLES / example])
    for source in sources:
        dossier = load_dossier(source, EXAMPLES)
        every = build_facts(dossier)
        needed = build_facts(dossier, wanted=rulebook.may_select)
        assert len(needed) < len(every) or example != "sifang"  # acts on bodies no rule is about
        unjudged = {(f.ref.where.file, f.ref.type, f.ref.id) for f in every
                    if f.type == "period" and not rulebook.rules_selecting(f.type, f.values)}
        assert unjudged or example != "sifang"  # its work committees' months, quarters …
        assert {(f.ref.where.file, f.ref.type, f.ref.id) for f in needed} == \
            {(f.ref.where.file, f.ref.type, f.ref.id) for f in every} - unjudged
        assert [(b.rule.id, f.ref, f.values) for b, f in cases_for(rulebook, needed)] == \
            [(b.rule.id, f.ref, f.values) for b, f in cases_for(rulebook, every)]
        unread: set[tuple[str, str, str]] = set()
        read = build_facts(dossier, wanted=rulebook.may_select, unread=unread)
        assert unread or example != "sifang"  # its work committees' meetings: no rule selects
        assert all(key[1] == "meeting" for key in unread)
        assert {(f.ref.where.file, f.ref.type, f.ref.id) for f in read} | unread == \
            {(f.ref.where.file, f.ref.type, f.ref.id) for f in needed}
        assert [(b.rule.id, f.ref, f.values) for b, f in cases_for(rulebook, read)] == \
            [(b.rule.id, f.ref, f.values) for b, f in cases_for(rulebook, needed)]


def test_results_without_details_keep_the_count(rulebook: Rulebook) -> None:
    source = discover([EXAMPLES / "sifang"])[0][0]
    full = DossierChecker(rulebook).check(load_dossier(source, EXAMPLES))
    lean = DossierChecker(rulebook, details=False).check(load_dossier(source, EXAMPLES))
    assert full.records and full.checked
    assert not lean.records and not lean.checked
    assert lean.record_count == full.record_count == len(full.records)
    assert lean.findings == full.findings


@pytest.fixture(scope="module")
def rulebook() -> Rulebook:
    from _helpers import bundled_rulebook

    return bundled_rulebook()


def test_bindings_remembered_are_bounded(rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch) -> None:
    from governance_rules.rulebook import book as book_module

    monkeypatch.setattr(book_module, "MAX_CACHED_CASES", 50)
    fresh = Rulebook(**{f.name: getattr(rulebook, f.name) for f in fields(rulebook)
                        if f.init and not f.name.startswith("_")})
    rule = fresh.rule("cc-consent-80")
    days = [date(2022, 1, 1) + timedelta(days=n) for n in range(200)]
    places = [("cn", "shandong", "qingdao", f"street-{n % 120}") for n in range(200)]
    bound = [fresh.bind(rule, place, day) for place, day in zip(places, days, strict=True)]
    assert len(fresh._by_case) <= 50
    again = [rulebook.bind(rule, place, day) for place, day in zip(places, days, strict=True)]
    assert [b.key if b else None for b in bound] == [b.key if b else None for b in again]
    assert any(b is not None for b in bound)


def _dated(rulebook: Rulebook) -> Rulebook:
    """The rule set with cc-consent-80 in force from 2021-03-01 and its share changed on
    2022-06-01 everywhere, and for Shandong from 2023-01-01 until 2023-07-01."""
    from governance_rules.rulebook.model import InForce, ParameterVersion

    share = rulebook.parameters["cc.consent_share"]
    first = share.values[0]
    dated = share.model_copy(update={
        "values": [first.model_copy(update={"until": date(2022, 6, 1)}),
                   ParameterVersion.model_validate({"from": "2022-06-01", "value": "9/10"})],
        "overlays": {**share.overlays, "cn/shandong": [ParameterVersion.model_validate(
            {"from": "2023-01-01", "until": "2023-07-01", "value": "2/3",
             "overlay": "cn/shandong"})]}})
    rules = tuple(r.model_copy(update={"in_force": InForce.model_validate({"from": "2021-03-01"})})
                  if r.id == "cc-consent-80" else r for r in rulebook.rules)
    return Rulebook(rulebook.version, rules, {**rulebook.parameters, "cc.consent_share": dated},
                    rulebook.documents, rulebook.exclusions, rulebook.pending,
                    rulebook.adoptions)


@settings(max_examples=300, deadline=None)
@given(days=st.lists(st.dates(date(2020, 1, 1), date(2024, 12, 31)), min_size=1, max_size=40),
       places=st.lists(st.sampled_from([("cn",), ("cn", "shandong"), ("cn", "shandong", "qingdao"),
                                        ("cn", "jilin")]), min_size=1, max_size=40))
def test_a_binding_remembered_for_a_span_of_days_is_the_days_own(
        rulebook: Rulebook, days: list[date], places: list[tuple[str, ...]]) -> None:
    """Bindings are remembered per span between the days a rule's binding may change (coming
    into force, a version's first day, the day after its last): each is the one :meth:`_bind`
    makes for that very day, on the change days and either side of them."""
    book = _dated(rulebook)
    rule = book.rule("cc-consent-80")
    assert book._change_days(rule) == [date(2021, 3, 1), date(2022, 6, 1), date(2023, 1, 1),
                                       date(2023, 7, 1)]
    edges = [d + timedelta(days=k) for d in book._change_days(rule) for k in (-1, 0, 1)]
    for day in [*days, *edges]:
        for place in places:
            remembered = book.bind(rule, place, day)
            made = book._bind(rule, place, day)
            assert (remembered.key if remembered else None) == (made.key if made else None)
    assert book.bind(rule, ("cn",), date(2021, 2, 28)) is None
    shares = {day: book.bind(rule, ("cn", "shandong"), day) for day in
              (date(2021, 3, 1), date(2022, 6, 1), date(2023, 1, 1), date(2023, 7, 1))}
    assert len({b.key for b in shares.values() if b is not None}) == 3


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.iterdir()
                                           if (p / "community.yaml").is_file()))
def test_names_made_later_are_the_names_made_at_once(example: str) -> None:
    """A checker builds facts with ``lazy_names``: the names only a finding reads (who held
    which seat that day …) are made for the facts that break a rule. Once asked for, they are
    the names an eager build gives."""
    sources, _ = discover([EXAMPLES / example])
    for source in sources:
        dossier = load_dossier(source, EXAMPLES)
        eager = build_facts(dossier)
        lazy = build_facts(dossier, lazy_names=True)
        assert all(f.later is None for f in eager)
        deferred = [f for f in lazy if f.later is not None]
        assert deferred or example not in ("sifang", "haliang-3")
        assert any(f.later() for f in deferred if f.later) or not deferred
        assert [(f.ref, f.values, f.explained().names) for f in lazy] == \
            [(f.ref, f.values, f.names) for f in eager]


def test_period_plans_kept_give_the_periods_made_anew(rulebook: Rulebook) -> None:
    """The calendar periods judged, kept from one dossier for the next over the same window,
    give the same facts as periods worked out for each dossier; a rule set keeps a bounded
    number of windows' plans."""
    from governance_rules._checker import PERIOD_PLANS_KEPT, _period_plans, _window_for
    from governance_rules.facts import Window

    source = discover([EXAMPLES / "sifang"])[0][0]
    dossier = load_dossier(source, EXAMPLES)
    window = _window_for(dossier, None, (None, None))
    plans = _period_plans(rulebook, window)
    plans.clear()
    fresh = build_facts(dossier, window=window, wanted=rulebook.may_select)
    first = build_facts(dossier, window=window, wanted=rulebook.may_select, plans=plans)
    assert plans  # filled by the first dossier …
    again = build_facts(dossier, window=window, wanted=rulebook.may_select, plans=plans)
    periods = [[(f.ref, f.values, f.dates, f.names) for f in facts if f.type == "period"]
               for facts in (fresh, first, again)]
    assert periods[0] and periods[0] == periods[1] == periods[2]  # … and read by the next
    assert _period_plans(rulebook, window) is plans
    for days in range(PERIOD_PLANS_KEPT + 1):
        _period_plans(rulebook, Window(date(2020, 1, 1), date(2021, 1, 1) + timedelta(days)))
    assert _period_plans(rulebook, window) is not plans  # started again when full
