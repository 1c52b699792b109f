"""The ``test`` and ``explain`` commands; :mod:`governance_rules.cli` only registers them.

Nothing heavy is imported until a command runs (``governance-rules --help`` stays fast).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..rulebook import Rulebook

ENGINE_CHOICES = ("native", "durable", "both")


def add_commands(sub: argparse._SubParsersAction,  # type: ignore[type-arg]
                 day: Callable[[str], date]) -> tuple[argparse.ArgumentParser, ...]:
    """Register ``test`` and ``explain`` on the command line's subparsers; ``day`` parses a date.
    Returns both parsers, for the options every subcommand shares."""
    test = sub.add_parser("test", help="run YAML rule cases (docs/authoring.md)")
    test.add_argument("paths", nargs="+", metavar="PATH",
                      help="case files, or folders searched for cases/*.yaml and *.cases.yaml")
    test.add_argument("--engine", choices=ENGINE_CHOICES, default="native",
                      help="run on this engine, or on both (which must then agree)")
    test.add_argument("--format", choices=("text", "junit"), default="text")
    test.add_argument("--output", metavar="FILE", help="write the results here, not to stdout")
    test.add_argument("--quiet", "-q", action="store_true", help="show only failing cases")
    test.add_argument("--lang", choices=("zh", "en"), default="en")

    explain = sub.add_parser("explain", help="why a rule fired, or did not, on one record")
    explain.add_argument("rule_id", metavar="RULE", help="a rule id (`governance-rules rules`)")
    explain.add_argument("record", metavar="RECORD",
                         help="a record id (a meeting's, a body's …), or FILE:ID")
    explain.add_argument("paths", nargs="+", metavar="PATH", help="the record files or folders")
    explain.add_argument("--lang", choices=("zh", "en"), default="en")
    explain.add_argument("--format", choices=("text", "json"), default="text")
    explain.add_argument("--engine", choices=("native", "durable"), default="native",
                         help="the engine whose verdict is shown")
    explain.add_argument("--as-of", type=day, metavar="DATE",
                         help="judge as of this day, as `check --as-of` does")
    explain.add_argument("--from", dest="window_from", type=day, metavar="DATE",
                         help="first day of the checked window, as `check --from` does")
    explain.add_argument("--to", dest="window_to", type=day, metavar="DATE",
                         help="last day of the checked window, as `check --to` does")
    return test, explain


def run_test(args: argparse.Namespace) -> int:
    """``governance-rules test``: 0 every case passed, 1 one failed, 2 a case file is malformed."""
    from .output import render_junit, render_result, render_summary
    from .runner import run_paths

    text = args.format == "text" and args.output is None

    def shown(result: object) -> None:
        from .runner import CaseResult

        assert isinstance(result, CaseResult)
        if not (args.quiet and result.passed):
            sys.stdout.write(render_result(result, args.lang))
            sys.stdout.flush()

    run = run_paths(args.paths, engine=args.engine, rules=args.rules,
                    on_result=shown if text else None)
    if args.format == "junit":
        out = render_junit(run, args.lang)
    elif text:
        out = render_summary(run, args.lang)
    else:
        out = "".join(render_result(r, args.lang) for r in run.results
                      if not (args.quiet and r.passed))
        out += render_summary(run, args.lang)
    if args.output is None:
        sys.stdout.write(out)
    else:
        from .._output import emit

        emit(out, args.output)
    if args.format == "junit" or args.output is not None:
        sys.stderr.write(render_summary(run, args.lang))
    return run.exit_code()


def run_explain(args: argparse.Namespace, book: Rulebook) -> int:
    """``governance-rules explain``: 0 explained, 2 no such rule or record, days asked for that
    hold none to check (refused as ``check`` refuses them), or bad input. The
    input errors of the dossier are said first, and the record asked about is still explained
    when it was read (an unrelated broken file does not hide the answer)."""
    from pathlib import Path

    from .._arguments import days_refused
    from ..records.loader import discover, load_dossier
    from .explain import ExplainError, days_not_asked, explain_dossiers, render_text, to_json

    refused = days_refused(args.window_from, args.window_to, args.as_of)
    if refused is not None:  # as check refuses them
        sys.stderr.write(f"governance-rules: {refused.text(args.lang)}\n")
        return 2
    window = (args.window_from, args.window_to)
    sources, errors = discover(args.paths)
    dossiers = [load_dossier(s, Path.cwd()) for s in sources]
    unasked = [e for d in dossiers if (e := days_not_asked(d, args.as_of, window)) is not None]
    errors = [*errors, *(e for d in dossiers for e in d.input_errors), *unasked]
    for error in errors:
        sys.stderr.write(f"governance-rules: {error.render(args.lang)}\n")
    if dossiers and len(unasked) == len(dossiers):
        return 2  # no day of any dossier to explain a case on
    try:
        found = explain_dossiers(book, args.rule_id, args.record, dossiers, engine=args.engine,
                                 as_of=args.as_of, window=window)
    except ExplainError as exc:
        sys.stderr.write(f"governance-rules: {exc.text(args.lang)}\n")
        return 2
    if args.format == "json":
        sys.stdout.write(json.dumps(to_json(found), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_text(found, args.lang))
    return 2 if errors else 0
