"""Kinds made of several clauses, each a way to fail with its own reason."""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import dataclass
from typing import TypeVar

from ..._words import period_name
from ...facts.schema import Fact
from ...report.model import Evidence
from ..conditions import Condition, any_of, compile_native
from ._base import Explanation, KindParams, RuleKind, day_texts

P = TypeVar("P", bound=KindParams)


@dataclass(frozen=True)
class Clause:
    """One way to break the rule: a condition, the reason it gives (zh, en), and its name.

    The name is what a rule's citations point at with ``for:``, so that a finding cites the
    clause that failed; an unnamed clause is decided by the rule's untagged citations.
    """

    when: Condition
    zh: str
    en: str
    name: str = ""


class ClauseKind(RuleKind[P]):
    """A rule broken when any of its clauses holds; the finding lists every clause that held."""

    message_fields = frozenset({"reasons", "body_name", "person", "person_name", "subject"})
    fact_fields_in_messages = True

    @abstractmethod
    def clauses(self, params: P) -> list[Clause]: ...

    def violated(self, params: P) -> Condition:
        return any_of(*(c.when for c in self.clauses(params)))

    def clause_names(self, params: P) -> frozenset[str]:
        return frozenset(c.name for c in self.clauses(params) if c.name)

    def measured(self, fact: Fact, params: P) -> str:
        return ""

    def required(self, params: P) -> str:
        return self.summary

    def explain(self, fact: Fact, params: P) -> Explanation:
        failed = [c for c in self.clauses(params) if compile_native(c.when)(fact.values)]
        plain = {**{k: str(v) for k, v in fact.values.items()}, **fact.names}
        zh, en = _in_words(plain, fact, "zh"), _in_words(plain, fact, "en")
        reasons_zh = "；".join(c.zh.format_map(zh) for c in failed)
        reasons_en = "; ".join(c.en.format_map(en) for c in failed)
        return Explanation(
            Evidence(
                measured=self.measured(fact, params) or reasons_en,
                required=self.required(params),
                shortfall=f"{len(failed)} requirement(s) not met",
                dates=day_texts(fact),
                details={k: v for k, v in fact.names.items() if v},
            ),
            {
                **{k: str(v) for k, v in fact.values.items()},
                "reasons": {"zh": reasons_zh, "en": reasons_en},
                "body_name": fact.names.get("body_name", ""),
                "person": fact.names.get("person", ""),
                "person_name": fact.names.get("person_name", ""),
                "subject": {"zh": zh["subject"], "en": en["subject"]},
                "period": {"zh": zh["period"], "en": en["period"]},
            },
            failed=tuple(c.name for c in failed if c.name),
        )


def _in_words(names: dict[str, str], fact: Fact, lang: str) -> _Names:
    """The fact's names for a message in ``lang``: period codes (``2022-Q3``) as words."""
    out = _Names(names)
    for key in ("period", "subject") if fact.type == "period" else ("period",):
        if key in out:
            out[key] = period_name(out[key], lang)
    out.setdefault("subject", "")
    out.setdefault("period", "")
    return out


class _Names(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"
