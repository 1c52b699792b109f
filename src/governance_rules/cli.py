"""The ``governance-rules`` command.

Exit codes: 0 no active finding at the ``--fail-on`` severity or worse (default ``error``);
1 at least one; 2 unusable input or usage (an input error anywhere, including in a waivers
file, an unknown rule, a bad option); 3 an internal error (a bug: please report it with the
message). Suppressed (waived) findings never count.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from . import __version__
from ._checker import ReportBuilder, iter_check_paths
from .engines import ENGINES
from .errors import EngineUnavailable, InputError, RulebookError
from .models import RecordFile
from .models._types import FIRST_YEAR, LAST_YEAR
from .render import FORMATS
from .render.jsonl import finding_line, summary_line
from .report.model import Report, Severity
from .rulebook import ParameterVersion, Rulebook, load_rulebook
from .rulebook.book import compile_rule
from .rulebook.conditions import describe
from .rulebook.coverage import coverage, find_catalogue, parse_catalogue
from .scheduling import available_cores
from .waivers import WAIVERS_FILE, apply_waivers, find_waiver_files, load_waivers
from .waivers.apply import WAIVER_RULES
from .waivers.model import LocatedWaiver

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
FAIL_ON = ("error", "warning", "info", "never")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"governance-rules: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def _day(text: str) -> date:
    try:
        if len(text) != 10:
            raise ValueError
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            f"{text} is outside the years {FIRST_YEAR}–{LAST_YEAR} that records may be dated in")
    return day


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes ≥ 1, got {text!r}")
    return jobs


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="governance-rules",
                     description="Check community and township governance records against "
                     "a cited rule set.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--rules", action="append", default=[], metavar="DIR",
                        help="a folder of extra rules or parameter overlays (repeatable)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser("check", help="check record files and folders")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--format", choices=sorted(FORMATS), default="text")
    check.add_argument("--lang", choices=("zh", "en"), default="en")
    check.add_argument("--engine", choices=ENGINES, default="native")
    check.add_argument("--as-of", type=_day, metavar="DATE",
                       help="judge as of this day: later records have not happened yet")
    check.add_argument("--from", dest="window_from", type=_day, metavar="DATE",
                       help="first day of the checked window (default: the earliest record)")
    check.add_argument("--to", dest="window_to", type=_day, metavar="DATE",
                       help="last day of the checked window (default: the latest record)")
    check.add_argument("--output", metavar="FILE", help="write the report here, not to stdout")
    check.add_argument("--fail-on", choices=FAIL_ON, default="error",
                       help="exit 1 when an active finding has this severity or worse "
                       "(default: error; never: only input errors fail)")
    check.add_argument("--waivers", action="append", default=[], metavar="FILE",
                       help=f"a waivers file (repeatable); by default {WAIVERS_FILE} at the top "
                       "of each checked folder")
    check.add_argument("--today", type=_day, metavar="DATE",
                       help="the day waiver expiry is judged on (default: --as-of, else today)")
    shown = check.add_mutually_exclusive_group()
    shown.add_argument("--progress", action="store_true", default=None,
                       help="show progress on stderr (default: when stderr is a terminal)")
    shown.add_argument("--quiet", "-q", dest="progress", action="store_false",
                       help="no progress")
    check.add_argument("--jobs", "-j", type=_jobs, metavar="N",
                       help="check dossiers in N processes (default: the cores available); "
                       "the report is the same for every N")

    rules = sub.add_parser("rules", help="list the rules, or show one")
    rules.add_argument("action", nargs="?", choices=("list", "show"), default="list")
    rules.add_argument("rule_id", nargs="?", metavar="ID")
    rules.add_argument("--lang", choices=("zh", "en"), default="en")
    rules.add_argument("--coverage", action="store_true",
                       help="for each catalogue id, the rules that implement it or why none can; "
                       "exit 1 if an id has neither")
    rules.add_argument("--catalogue", metavar="FILE",
                       help="the rule catalogue (default: shared/design/rule-catalogue.md found "
                       "beside this checkout or above the current folder)")

    schema = sub.add_parser("schema", help="print a JSON Schema")
    schema.add_argument("which", nargs="?", choices=("records", "report"), default="records")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (see the module docstring)."""
    try:
        args = build_parser().parse_args(argv)
        book = load_rulebook(*args.rules)
        if args.command == "check":
            return _check(args, book)
        if args.command == "rules":
            return _rules(args, book)
        return _schema(args)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    except (RulebookError, EngineUnavailable, OutputError) as exc:
        sys.stderr.write(f"governance-rules: {exc}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        sys.stderr.write(f"governance-rules: internal error: {type(exc).__name__}: {exc}\n"
                         "please report this with the command line and input that caused it\n")
        return EXIT_INTERNAL


def _check(args: argparse.Namespace, book: Rulebook) -> int:
    if args.window_from and args.window_to and args.window_from > args.window_to:
        sys.stderr.write("governance-rules: --from is after --to\n")
        return EXIT_USAGE
    jobs = args.jobs or available_cores()
    waiver_files = [Path(p) for p in args.waivers] or find_waiver_files(args.paths)
    waivers: list[LocatedWaiver] = []
    waiver_errors = []
    for path in waiver_files:
        found, problems = load_waivers(path)
        waivers.extend(found)
        waiver_errors.extend(problems)
    today = args.today or args.as_of or date.today()
    if args.format == "jsonl":
        return _check_streamed(args, book, jobs, waivers if waiver_files else None,
                               waiver_errors, today)
    builder = ReportBuilder(book, args.engine, args.as_of)
    with _progress(args) as progress:
        for result in iter_check_paths(args.paths, rulebook=book, engine=args.engine,
                                       as_of=args.as_of, window=(args.window_from, args.window_to),
                                       jobs=jobs, progress=progress):
            builder.add(result)
    report = builder.build()
    if waiver_files:
        report = apply_waivers(report, waivers, today, waiver_errors)
    if args.format == "text":
        from .render.text import render_text

        colour = args.output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        out = render_text(report, args.lang, colour=colour)
    else:
        out = FORMATS[args.format](report, args.lang)
    _emit(out, args.output)
    return exit_code(report, args.fail_on)


def _check_streamed(args: argparse.Namespace, book: Rulebook, jobs: int,
                    waivers: list[LocatedWaiver] | None, waiver_errors: list[InputError],
                    today: date) -> int:
    """``--format jsonl``: each dossier's findings are written (waivers applied) as soon as it
    and the dossiers before it are done; then the findings about waivers and the summary line.
    Only findings and counts are kept, not the ``checked`` entries of the JSON report."""
    builder = ReportBuilder(book, args.engine, args.as_of, details=False)
    try:
        handle = (sys.stdout if args.output is None
                  else open(args.output, "w", encoding="utf-8"))  # noqa: SIM115 - closed below
    except OSError as exc:
        raise OutputError(f"cannot write the report to {args.output}: "
                          f"{exc.strerror or exc}") from None
    try:
        with _progress(args) as progress:
            for result in iter_check_paths(args.paths, rulebook=book, engine=args.engine,
                                           as_of=args.as_of,
                                           window=(args.window_from, args.window_to),
                                           jobs=jobs, progress=progress):
                builder.add(result)
                if result.findings:
                    shown = result.findings
                    if waivers is not None:  # the same decision apply_waivers makes on the whole
                        partial = builder.build_findings_only(shown)
                        shown = [f for f in apply_waivers(partial, waivers, today).findings
                                 if f.rule_id not in WAIVER_RULES]
                    handle.write("".join(finding_line(f) for f in shown))
                    handle.flush()
        report = builder.build()
        if waivers is not None:
            report = apply_waivers(report, waivers, today, waiver_errors)
            handle.write("".join(finding_line(f) for f in report.findings
                                 if f.rule_id in WAIVER_RULES))
        code = exit_code(report, args.fail_on)
        handle.write(summary_line(report, code))
        handle.flush()
    except BrokenPipeError:
        _silence_stdout()
        return exit_code(builder.build(), args.fail_on)
    except OSError as exc:
        if handle is sys.stdout:
            raise
        raise OutputError(f"cannot write the report to {args.output}: "
                          f"{exc.strerror or exc}") from None
    finally:
        if handle is not sys.stdout:
            handle.close()
    return code


class _ProgressBar:
    """``checked 12/40 dossiers [####      ] 3.1/s, ETA 9 s`` on one line of stderr, redrawn at
    most ten times a second and cleared at the end."""

    WIDTH = 24

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.drawn = 0.0
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.drawn < 0.1:
            return
        self.drawn = now
        elapsed = now - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        filled = self.WIDTH * done // total if total else self.WIDTH
        eta = f", ETA {(total - done) / rate:.0f} s" if rate and done < total else ""
        sys.stderr.write(f"\rchecked {done}/{total} dossiers [{'#' * filled:<{self.WIDTH}}] "
                         f"{rate:.1f}/s{eta}\x1b[K")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()


@contextmanager
def _progress(args: argparse.Namespace) -> Iterator[Callable[[int, int], None] | None]:
    """The progress callback ``--progress`` / ``--quiet`` ask for; by default one when stderr
    is a terminal."""
    wanted = args.progress if args.progress is not None else sys.stderr.isatty()
    if not wanted:
        yield None
        return
    bar = _ProgressBar()
    try:
        yield bar
    finally:
        bar.close()


def exit_code(report: Report, fail_on: str = "error") -> int:
    """0, 1 or 2 for ``report`` judged at the ``--fail-on`` level (see the module docstring).

    >>> from governance_rules import check_data
    >>> exit_code(check_data({}), "info")
    0
    """
    if report.input_errors:
        return EXIT_USAGE
    threshold = None if fail_on == "never" else Severity(fail_on)
    return EXIT_FINDINGS if report.fails_at(threshold) else EXIT_OK


class OutputError(Exception):
    """The report could not be written where ``--output`` asked (exit 2, with the reason)."""


def _emit(text: str, output: str | None) -> None:
    """Write the report to ``output`` or stdout. A reader that closes the pipe early (``| head``)
    is not an error: the rest of the output is dropped quietly and the exit code kept."""
    if output is None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            _silence_stdout()
        return
    try:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise OutputError(f"cannot write the report to {output}: "
                          f"{exc.strerror or exc}") from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # pragma: no cover - stdout without a file descriptor
        pass


def _rules(args: argparse.Namespace, book: Rulebook) -> int:
    if args.coverage:
        return _coverage(args, book)
    if args.action == "show":
        if not args.rule_id:
            sys.stderr.write("governance-rules: `rules show` needs a rule id\n")
            return EXIT_USAGE
        try:
            rule = book.rule(args.rule_id)
        except KeyError as exc:
            sys.stderr.write(f"governance-rules: {exc.args[0]}\n")
            return EXIT_USAGE
        sys.stdout.write(_show_rule(book, rule.id, args.lang))
        return EXIT_OK
    width = max(len(r.id) for r in book.rules)
    for rule in book.rules:
        cites = "; ".join(c.label() for c in rule.source)
        sys.stdout.write(f"{rule.id:<{width}}  {','.join(rule.catalogue):<18} "
                         f"{rule.severity.value:<7}  {cites}  {rule.title.get(args.lang)}\n")
    return EXIT_OK


def _coverage(args: argparse.Namespace, book: Rulebook) -> int:
    path = Path(args.catalogue) if args.catalogue else find_catalogue()
    if path is None or not path.is_file():
        sys.stderr.write("governance-rules: no rule catalogue found; pass --catalogue FILE\n")
        return EXIT_USAGE
    rows = coverage(book, parse_catalogue(path.read_text(encoding="utf-8")))
    if not rows:
        sys.stderr.write(f"governance-rules: {path} lists no catalogue ids\n")
        return EXIT_USAGE
    width = max(len(r.entry.id) for r in rows)
    done = [r for r in rows if r.status != "pending"]
    waiting = [r for r in rows if r.status == "pending"]
    for row in done:
        if row.rules:
            what = ", ".join(row.rules)
        elif row.exclusion is not None:
            what = f"excluded: {row.exclusion}"
        else:
            what = "NOT COVERED"
        sys.stdout.write(f"{row.entry.id:<{width}}  {what}\n")
    if waiting:
        sys.stdout.write(f"-- pending: {len(waiting)} ids accepted as work in progress "
                         "(docs/coverage.md) --\n")
        for row in waiting:
            sys.stdout.write(f"{row.entry.id:<{width}}  pending: {row.pending}\n")
    counts = {s: sum(1 for r in rows if r.status == s)
              for s in ("implemented", "excluded", "pending", "not covered")}
    sys.stdout.write(f"{len(rows)} catalogue ids: {counts['implemented']} implemented, "
                     f"{counts['excluded']} excluded, {counts['pending']} pending, "
                     f"{counts['not covered']} not covered ({path})\n")
    return EXIT_FINDINGS if counts["not covered"] else EXIT_OK


def _show_rule(book: Rulebook, rule_id: str, lang: str) -> str:
    rule = book.rule(rule_id)
    lines = [
        f"{rule.id}: {rule.title.get(lang)}",
        f"  catalogue:  {', '.join(rule.catalogue)}",
        f"  severity:   {rule.severity.value}",
        f"  kind:       {rule.kind} (applies to each {rule.applies_to})",
        f"  when:       {json.dumps(rule.when, ensure_ascii=False) if rule.when else 'always'}",
        f"  defined in: {rule.file}:{rule.line}",
        "  sources:",
    ]
    for c in rule.source:
        doc = book.documents[c.document]
        decides = f" — decides: {', '.join(c.for_)}" if c.for_ else ""
        lines.append(f"    {c.label()} ({doc.file}) 「{c.quote}」{decides}")
    names = book.parameter_names(rule)
    if names:
        lines.append("  parameters:")
        for name in names:
            param = book.parameters[name]
            lines.append(f"    {name}: {param.description.get(lang)}")
            for version in param.values:
                lines.append(f"      {version.label()}")
            for scope, versions in sorted(param.overlays.items()):
                for version in versions:
                    lines.append(f"      {version.label()}  (overlay {scope})")
    lines.append(f"  params:     {json.dumps(rule.params, ensure_ascii=False, default=str)}")
    for scope, chosen in _scopes(book, names):
        bound = compile_rule(rule, chosen)
        guard = describe(bound.guard)
        where = f" ({scope})" if scope else ""
        lines.append(f"  violated when{where}: " + (f"{guard} and " if guard != "true" else "")
                     + describe(bound.violated))
    return "\n".join(lines) + "\n"


def _scopes(book: Rulebook, names: list[str]) -> list[tuple[str, dict[str, ParameterVersion]]]:
    """The first version of each parameter: the base values, else one set per overlay."""
    if all(book.parameters[n].values for n in names):
        return [("", {n: book.parameters[n].values[0] for n in names})]
    scopes = sorted({s for n in names for s in book.parameters[n].overlays})
    out = []
    for scope in scopes:
        versions = {n: (book.parameters[n].overlays.get(scope) or book.parameters[n].values)[0]
                    for n in names
                    if book.parameters[n].overlays.get(scope) or book.parameters[n].values}
        if len(versions) == len(names):
            out.append((scope, versions))
    return out


def _schema(args: argparse.Namespace) -> int:
    model = RecordFile if args.which == "records" else Report
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    sys.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return EXIT_OK


def run() -> None:
    raise SystemExit(main())


