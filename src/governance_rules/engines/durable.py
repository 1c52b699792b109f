"""The durable-rules backend: the same conditions, compiled to durable-rules' JSON rule form.

It is built around the defects measured in durable-rules 2.0.28 (docs/engines.md):

- facts are flat and strictly typed before they are posted: ints (never bool, within
  ±2**53) and strings only, checked against the fact schema, so a string is never compared
  with a number;
- conditions use only ``$and``, ``$or``, equality and the four orderings, against a
  constant or another field of the same event (``$m``): no arithmetic, no ``$div``, no
  joins; products such as ``5×consented`` are computed here and posted as fields;
- no field is called ``id``; every event carries the rule variant it is for, and each
  variant has three mutually exclusive durable rules (violated, passed, not applicable),
  so exactly one fires per event and none is left unhandled;
- actions only record their verdict; afterwards every event must have exactly one, so an
  exception swallowed inside durable-rules cannot pass unnoticed (some actions complete on
  durable's own thread after ``post_batch`` returns, so the verdicts are awaited, bounded);
- each check runs in its own session, deleted in ``finally``; one process-wide host is
  reused, started without durable's dispatcher threads (every host starts two that never
  stop): pending actions are dispatched here, under the lock, while a check awaits its
  verdicts;
- a ruleset is registered once per distinct definition and kept in a small LRU
  (``MAX_RULESETS``); the least recently used one is unregistered and its C handle freed,
  which is safe because no durable thread touches it (each one cost ~0.7 MB, so 400 what-ifs
  kept ~380 MB before).
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from .._words import counted
from ..errors import EngineUnavailable
from ..facts.schema import FACT_SCHEMAS
from ..rulebook.book import BoundRule
from ..rulebook.conditions import All, Cmp, Condition, Field, negate
from ..rulebook.conditions import Any as AnyOf
from ._base import Case, EngineError, Verdict

_JSON_OPS = {"<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte", "==": "$eq", "!=": "$neq"}
_SAFE_INT = 2**53
_BATCH = 2000
_SETTLE_SECONDS = 30.0
MAX_RULESETS = 8
"""Rulesets kept registered at once (least recently used first out)."""

_lock = threading.RLock()
_host: Any = None
_registered: OrderedDict[str, None] = OrderedDict()
_results: dict[str, list[tuple[int, Verdict]]] = {}


def _settle(found: list[Any], expected: int, seconds: float, dispatch: Callable[[], Any]) -> None:
    """Dispatch pending actions until ``expected`` verdicts are in (bounded): some actions are
    left pending by ``post_batch`` (durable's own dispatcher thread, not started here, would
    run them later)."""
    deadline = time.monotonic() + seconds
    while len(found) < expected and time.monotonic() < deadline:
        before = len(found)
        dispatch()
        if len(found) == before:
            time.sleep(0.001)


def registered_rulesets() -> list[str]:
    """The rulesets registered in the process-wide host, least recently used first."""
    with _lock:
        return list(_registered)


def _forget(name: str) -> None:
    """Unregister ruleset ``name`` from the host and free its C handle (under ``_lock``)."""
    from durable import engine

    _registered.pop(name, None)
    ruleset = _host._ruleset_directory.pop(name, None)
    if ruleset is None:
        return
    _host._ruleset_list.remove(ruleset)
    engine.durable_rules_engine.delete_ruleset(ruleset._handle)


def _load_durable() -> Any:
    try:
        from durable import engine
    except ImportError as exc:
        raise EngineUnavailable(
            "the durable engine needs durable-rules: pip install 'governance-rules[durable]' "
            f"({exc})",
            "durable 引擎需要安装 durable-rules：pip install 'governance-rules[durable]'"
        ) from None
    return engine


def _recorder(verdict: Verdict) -> Callable[[Any], None]:
    def record(c: Any) -> None:
        _results[c.m["sid"]].append((int(c.m["seq"]), verdict))

    return record


_RECORDERS = {v: _recorder(v) for v in Verdict}


def _name(field: Field) -> str:
    return f"f_{field.name}" if field.times == 1 else f"x_{field.name}_{field.times}"


def _to_json(cond: Condition) -> dict[str, Any] | None:
    """durable-rules JSON for ``cond``; ``None`` stands for "always true"."""
    if isinstance(cond, Cmp):
        op = _JSON_OPS[cond.op]
        right: Any = {"$m": _name(cond.right)} if isinstance(cond.right, Field) else cond.right
        return {op: {_name(cond.left): right}}
    parts = [_to_json(c) for c in cond.items]
    if isinstance(cond, All):
        kept = [p for p in parts if p is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else {"$and": kept}
    if any(p is None for p in parts):
        return None
    return parts[0] if len(parts) == 1 else {"$or": parts}


def _is_false(cond: Condition) -> bool:
    return isinstance(cond, AnyOf) and not cond.items


def _scaled_fields(cond: Condition, out: set[Field]) -> set[Field]:
    if isinstance(cond, Cmp):
        for term in (cond.left, cond.right):
            if isinstance(term, Field) and term.times != 1:
                out.add(term)
    else:
        for item in cond.items:
            _scaled_fields(item, out)
    return out


class DurableEngine:
    """Evaluates cases with durable-rules (``pip install 'governance-rules[durable]'``)."""

    name = "durable"

    def __init__(self) -> None:
        self._engine = _load_durable()

    def evaluate(self, cases: Sequence[Case]) -> list[Verdict]:
        if not cases:
            return []
        variants: dict[str, int] = {}
        bounds: list[BoundRule] = []
        for bound, _ in cases:
            if bound.key not in variants:
                variants[bound.key] = len(bounds)
                bounds.append(bound)
        definition, scaled = self._definition(bounds)
        ruleset = "gr_" + hashlib.sha256(
            json.dumps(definition, sort_keys=True).encode()).hexdigest()[:20]
        with _lock:
            host = self._host()
            if ruleset in _registered:
                _registered.move_to_end(ruleset)
            else:
                while len(_registered) >= MAX_RULESETS:
                    _forget(next(iter(_registered)))
                host.set_rulesets({ruleset: self._with_actions(definition)})
                _registered[ruleset] = None
            dispatch = host.get_ruleset(ruleset).dispatch
            sid = uuid.uuid4().hex
            events = [self._event(sid, i, variants[bound.key], scaled[variants[bound.key]],
                                  bound, fact.values)
                      for i, (bound, fact) in enumerate(cases)]
            _results[sid] = []
            try:
                found = _results[sid]
                for start in range(0, len(events), _BATCH):
                    batch = events[start:start + _BATCH]
                    try:
                        host.post_batch(ruleset, batch)
                    except self._engine.MessageObservedException:
                        self._repost_unseen(host, ruleset, batch, found, dispatch)
                _settle(found, len(events), _SETTLE_SECONDS, dispatch)
            finally:
                _results.pop(sid, None)
                host.delete_state(ruleset, sid)
        verdicts: list[Verdict | None] = [None] * len(cases)
        for seq, verdict in found:
            if verdicts[seq] is not None:
                raise EngineError(f"durable-rules gave case {seq} two verdicts")
            verdicts[seq] = verdict
        missing = [i for i, v in enumerate(verdicts) if v is None]
        if missing:
            raise EngineError(f"durable-rules gave no verdict for {counted(len(missing), 'case', 'en')}, "
                              f"first {missing[0]}; an action may have failed inside it")
        return verdicts  # type: ignore[return-value]

    def _repost_unseen(self, host: Any, ruleset: str, batch: list[dict[str, Any]],
                       found: list[tuple[int, Verdict]], dispatch: Callable[[], Any]) -> None:
        """durable-rules drops a message whose 32-bit content hash it has seen before, and
        rejects the rest of its batch. Post the cases without a verdict again one by one, each
        with a nonce field (which no rule reads) until its hash is new."""
        _settle(found, len(found) + 1, 0.2, dispatch)
        seen = {seq for seq, _ in found}
        for event in batch:
            if event["seq"] in seen:
                continue
            for nonce in range(1, 17):
                try:
                    host.post(ruleset, {**event, "nonce": nonce})
                    break
                except self._engine.MessageObservedException:
                    continue
            else:
                raise EngineError(f"durable-rules refused case {event['seq']} 16 times as "
                                  "already observed")

    def _host(self) -> Any:
        global _host
        if _host is None:
            class QuietHost(self._engine.Host):  # type: ignore[misc,name-defined]
                """A host without durable's two dispatcher threads (see the module notes)."""

                def _run(self) -> None:
                    pass

            _host = QuietHost()
        return _host

    @staticmethod
    def _definition(bounds: list[BoundRule]) -> tuple[dict[str, Any], list[list[Field]]]:
        rules: dict[str, Any] = {}
        scaled: list[list[Field]] = []
        for j, bound in enumerate(bounds):
            tag = {"rule": f"k{j}"}
            fields = _scaled_fields(bound.violated, set())
            scaled.append(sorted(fields, key=lambda f: (f.name, f.times)))
            guard = _to_json(bound.guard)
            outcomes = (
                (Verdict.VIOLATED, bound.violated), (Verdict.PASSED, negate(bound.violated)))
            for verdict, cond in outcomes:
                if _is_false(cond):
                    continue
                parts = [tag, *(p for p in (guard, _to_json(cond)) if p is not None)]
                rules[f"{verdict.name.lower()}_{j}"] = {
                    "all": [{"m": {"$and": parts}}], "run": verdict.name}
            not_guard = negate(bound.guard)
            if not _is_false(not_guard):
                parts = [tag, *(p for p in (_to_json(not_guard),) if p is not None)]
                rules[f"not_applicable_{j}"] = {
                    "all": [{"m": {"$and": parts}}], "run": Verdict.NOT_APPLICABLE.name}
        return rules, scaled

    @staticmethod
    def _with_actions(definition: dict[str, Any]) -> dict[str, Any]:
        return {name: {**rule, "run": _RECORDERS[Verdict[rule["run"]]]}
                for name, rule in definition.items()}

    @staticmethod
    def _event(sid: str, seq: int, variant: int, scaled: list[Field], bound: BoundRule,
               values: dict[str, int | str]) -> dict[str, Any]:
        schema = FACT_SCHEMAS[bound.rule.applies_to]
        event: dict[str, Any] = {"sid": sid, "seq": seq, "rule": f"k{variant}"}
        for name, kind in schema.items():
            value = values[name]
            if type(value) is not kind:
                raise EngineError(f"fact field {name!r} is {type(value).__name__}, "
                                  f"the schema says {kind.__name__}")
            if kind is int and not -_SAFE_INT < value < _SAFE_INT:  # type: ignore[operator]
                raise EngineError(f"fact field {name!r} = {value} is too large for durable-rules")
            event[f"f_{name}"] = value
        for field in scaled:
            product = int(values[field.name]) * field.times
            if not -_SAFE_INT < product < _SAFE_INT:
                raise EngineError(f"{field.times}×{field.name} is too large for durable-rules")
            event[_name(field)] = product
        return event
