"""Recall, resignation and vacancy records: a member leaves a seat."""

from __future__ import annotations

from ._base import RecordModel
from ._types import Day, Slug, Text, TextEnum
from .body import DecisionRef


class DepartureKind(TextEnum):
    RECALL = "recall"  # 撤换
    RESIGNATION = "resignation"  # 辞职
    VACANCY = "vacancy"  # 缺额
    REPLACEMENT = "replacement"  # 年度评议后重新推选增补


class Recall(RecordModel):
    """A member leaves ``body`` on ``date``; ``replaced_by`` names the successor's person id.

    The successor's seat carries a term with ``replaces`` pointing back at ``person``.
    """

    id: Slug
    body: Slug
    person: Slug
    date: Day
    kind: DepartureKind
    reason: Text
    decision: DecisionRef | None = None
    replaced_by: Slug | None = None
