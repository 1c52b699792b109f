"""Where the time of an in-process check goes: ``check_data`` of the template community's
records given as data, each part timed inside the check (not alone, where its memory would be
warm), against bare ``model_validate`` of the same records, and that validation keeping its
models (as a check must: its facts join records across files) against dropping each at once.

``python benchmarks/check_parts.py [CALLS]`` prints milliseconds a call (the mean of ``CALLS``
calls, 300 by default, after three to warm up; wall time, so run it on an idle machine), the
collector tuned as a check tunes it. The parts are timed by wrapping the functions the check
calls by name: a part's figure includes the parts it calls (the case loop its findings), and
the facts, a generator's steps, carry two clock reads a fact (about 0.2 ms a call).
docs/performance.md has the figures of each round; instruction counts are
``instructions_dicts.py``'s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

PARTS = [
    ("validation", "governance_rules.records.loader", "_record_runs"),
    ("collection", "governance_rules.records.loader", "_collect"),
    ("resolution", "governance_rules.records.loader", "resolve"),
    ("fact building (the facts judged)", "governance_rules._checker", "iter_facts"),
    ("pairing with rules", "governance_rules._checker", "cases_for"),
    ("evaluation", "governance_rules.engines.native", "NativeEngine.evaluate"),
    ("findings", "governance_rules._checker", "finding_for"),
    ("the case loop with its findings", "governance_rules._checker", "DossierChecker._judge"),
    ("the report", "governance_rules._checker", "ReportBuilder.build"),
    ("the dossier", "governance_rules._checker", "dossier_from_data"),
    ("the check of the dossier", "governance_rules._checker", "DossierChecker.check"),
]
"""(label, module, function or Class.method) of each part timed, by where its caller finds it."""


def _timed(spent: Counter[str], label: str, function: Callable[..., Any],
           generator: bool) -> Callable[..., Any]:
    """``function`` adding the seconds of each call to ``spent[label]``; a generator's own
    time is added at each step it takes (what its consumer does in between is not)."""
    if generator:
        def stepped(*args: Any, **kwargs: Any) -> Any:
            steps = function(*args, **kwargs)
            while True:
                started = time.perf_counter()
                try:
                    item = next(steps)
                except StopIteration:
                    spent[label] += time.perf_counter() - started
                    return
                spent[label] += time.perf_counter() - started
                yield item
        return stepped

    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - started
    return timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("calls", type=int, nargs="?", default=300)
    calls = parser.parse_args().calls
    sys.path.insert(0, str(Path(__file__).parent))
    import importlib
    import inspect

    from realistic import template_records

    from governance_rules import check_data, load_rulebook

    book = load_rulebook()
    files, items = template_records()
    spent: Counter[str] = Counter()
    for label, module_name, name in PARTS:
        owner: Any = importlib.import_module(module_name)
        if "." in name:
            class_name, name = name.split(".")
            owner = getattr(owner, class_name)
        function = getattr(owner, name)
        setattr(owner, name, _timed(spent, label, function, inspect.isgeneratorfunction(function)))

    def check() -> None:
        check_data(files, rulebook=book)

    def bare() -> None:
        for model, item in items:
            model.model_validate(item)

    def kept() -> list[Any]:
        return [model.model_validate(item) for model, item in items]

    for _ in range(3):
        check()
    spent.clear()
    started = time.perf_counter()
    for _ in range(calls):
        check()
    whole = (time.perf_counter() - started) / calls
    print(f"check_data of the template community ({len(items)} records), ms a call, mean of "
          f"{calls} calls:")
    print(f"  {'check_data':<34} {whole * 1e3:6.2f}  100%")
    for label, _, _ in PARTS:
        print(f"  {label:<34} {spent[label] / calls * 1e3:6.2f}  {spent[label] / calls / whole:4.0%}")
    for label, run in (("bare model_validate", bare), ("the same, keeping the models", kept)):
        times = []
        for _ in range(calls):
            begun = time.perf_counter()
            made = run()
            times.append(time.perf_counter() - begun)
            del made
        print(f"  {label:<34} {statistics.median(times) * 1e3:6.2f}  (median of {calls})")


if __name__ == "__main__":
    main()
