"""A dossier's indexes (each member's book entries, the motions naming each expense) give what a
scan of its records gives, and follow records added later. Fact builders ask them once a body or
an expense: scanning instead made a large dossier's check grow with its bodies times its entries
and its expenses times its motions (a community's records copied 64 times: 8.5 s, now 3.7 s)."""

from __future__ import annotations

import copy

from _helpers import EXAMPLES

from governance_rules.records.loader import discover, load_dossier


def _sifang():  # type: ignore[no-untyped-def]
    sources, _ = discover([EXAMPLES / "sifang"])
    return load_dossier(sources[0], EXAMPLES)


def test_member_entries_are_each_members_entries_in_file_order() -> None:
    dossier = _sifang()
    scanned: dict[tuple[str, str], list[object]] = {}
    for located in dossier.member_records:
        scanned.setdefault((located.record.body, located.record.person), []).append(
            located.record)
    assert dossier.member_entries() == scanned and len(scanned) > 5
    assert dossier.member_entries() is dossier.member_entries()  # made once
    added = copy.copy(dossier.member_records[0])
    dossier.member_records.append(added)
    key = (added.record.body, added.record.person)
    assert dossier.member_entries()[key][-1] is added.record


def test_motions_on_an_expense_are_those_that_name_it() -> None:
    dossier = _sifang()
    expense_ids = [e.record.id for e in dossier.expenses]
    found = {i: dossier.motions_on_expense(i) for i in expense_ids}
    assert found == {i: [(m.record, motion) for m in dossier.meetings
                         for motion in m.record.motions
                         if motion.expense is not None and motion.expense.id == i]
                     for i in expense_ids}
    assert any(found.values()) and dossier.motions_on_expense("no-such-expense") == []
    named = next(pair for pairs in found.values() for pair in pairs)
    meeting = copy.copy(next(m for m in dossier.meetings if m.record is named[0]))
    dossier.meetings.append(meeting)
    assert dossier.motions_on_expense(named[1].expense.id)[-1] == (meeting.record, named[1])
