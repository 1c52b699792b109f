"""The ``governance-rules`` command.

Exit codes: 0 no active finding at the ``--fail-on`` severity or worse (default ``error``);
1 at least one; 2 unusable input or usage (an input error anywhere, including in a waivers
file, an unknown rule, a bad option); 3 an internal error (a bug: please report it with the
message); 130 interrupted (Ctrl-C), 143 and 129 stopped by SIGTERM and SIGHUP (``--format
jsonl`` still closes with a summary line that says so). Suppressed (waived) findings never
count.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import signal
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from . import __version__, _completion
from ._arguments import (
    ArgumentWords,
    dask_address,
    day_outside_years,
    days_refused,
    usage_error_zh,
    whole_number,
)
from ._config import CONFIG_FILE
from ._output import OutputError, emit, emit_bytes, emit_with, silence_stdout
from ._said import Said, language_asked
from .engines import ENGINES
from .render import BINARY_FORMAT_NAMES, FORMAT_NAMES

if TYPE_CHECKING:
    from .errors import InputError
    from .report.model import Report
    from .rulebook import Rulebook
    from .waivers.model import LocatedWaiver

# Only what the parser needs is imported here: `governance-rules --help` starts in a fraction of
# the time the record models take to build. Each command imports what it uses.

WAIVERS_FILE = "governance-waivers.yaml"
"""The waivers file looked for at the top of each checked folder (waivers.WAIVERS_FILE)."""

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED = 130
"""Ctrl-C (SIGINT), as shells report a command it stopped."""
FAIL_ON = ("error", "warning", "info", "never")


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose errors exit 2 and are said in ``lang`` (the command line's
    ``--lang``, else the configuration file's)."""

    def __init__(self, *args: Any, lang: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang = lang
        self._refused_zh: str | None = None

    def error(self, message: str) -> None:  # type: ignore[override]
        if self.lang != "zh":
            self.print_usage(sys.stderr)
            sys.stderr.write(f"governance-rules: error: {message}\n")
            raise SystemExit(EXIT_USAGE)
        sys.stderr.write(self.format_usage().replace("usage: ", "用法：", 1))
        sys.stderr.write(f"governance-rules: 错误：{self._refused_zh or usage_error_zh(message)}\n")
        raise SystemExit(EXIT_USAGE)

    def _get_value(self, action: argparse.Action, arg_string: str) -> Any:
        try:
            return super()._get_value(action, arg_string)
        except argparse.ArgumentError as exc:  # an argument type's refusal, in Chinese too
            refused = exc.__context__
            if isinstance(refused, ArgumentWords):
                self._refused_zh = f"参数 {exc.argument_name}：{refused.zh}"
            raise

    def _check_value(self, action: argparse.Action, value: object) -> None:
        """argparse's check of a choice (a format, a subcommand), with a "did you mean"."""
        choices = action.choices
        if choices is not None and value not in choices:
            from ._suggest import did_you_mean

            shown = ", ".join(map(repr, choices))
            what = ("子命令" if isinstance(action, argparse._SubParsersAction)
                    else f"参数 {'/'.join(action.option_strings)}：" if action.option_strings
                    else "")
            self._refused_zh = (f"{what}「{value}」不可用"
                                f"{did_you_mean(str(value), map(str, choices), 'zh')}"
                                f"，须为以下之一：{'、'.join(map(str, choices))}")
            raise argparse.ArgumentError(action, f"invalid choice: {value!r} (choose from {shown})"
                                         f"{did_you_mean(str(value), map(str, choices))}")


class _Version(argparse.Action):
    """``--version``: the package, and the rule set bundled with it (read, not loaded)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        from ._ruleset_peek import version_text

        sys.stdout.write(version_text(__version__))
        parser.exit()


def _common(parser: argparse.ArgumentParser, top: bool) -> None:
    """The options taken before or after the subcommand: ``--rules``, ``--config``,
    ``--no-config`` (and ``--quiet``, which ``check`` takes after it too). After it, each keeps
    what was given before unless given again; ``--rules`` adds to the folders given before.
    A subcommand added here calls this too."""
    keep: dict[str, Any] = {} if top else {"default": argparse.SUPPRESS}
    parser.add_argument("--rules", action="append", dest="rules" if top else "rules_after",
                        metavar="DIR", **keep,
                        help="a folder of extra rules or parameter overlays (repeatable; replaces "
                        "the configuration file's `rules`)")
    parser.add_argument("--config", metavar="FILE", **keep,
                        help=f"read defaults from FILE (default: the nearest {CONFIG_FILE}, or "
                        "pyproject.toml with [tool.governance-rules], here or above)")
    parser.add_argument("--no-config", action="store_true", **keep,
                        help="ignore configuration files")


def _day(text: str) -> date:
    try:
        if len(text) != 10:
            raise ValueError
        day = date.fromisoformat(text)
    except ValueError:
        raise ArgumentWords(f"expected a date YYYY-MM-DD, got {text!r}",
                            f"须为日期（写作 YYYY-MM-DD），实为「{text}」") from None
    refused = day_outside_years(day)
    if refused is not None:
        raise ArgumentWords(str(refused), refused.zh)
    return day


def _absolute_url(text: str) -> str:
    from .render._links import is_absolute_url

    if not is_absolute_url(text):
        raise ArgumentWords(f"expected an absolute http(s) URL, got {text!r}",
                            f"须为完整的 http(s) 网址，实为「{text}」")
    return text


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """The command line's parser; its errors are said in ``lang``."""
    parser = _Parser(lang=lang, prog="governance-rules",
                     description="Check community and township governance records against "
                     "a cited rule set.")
    parser.add_argument("--version", action=_Version, nargs=0,
                        help="the version, and the rule set's version and size")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="no progress, and in text reports only the findings (no summary)")
    _common(parser, top=True)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser("check", help="check record files and folders")
    _common(check, top=False)
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--format", choices=sorted(FORMAT_NAMES + BINARY_FORMAT_NAMES),
                       default="text",
                       help="text (default), json, jsonl, sarif, junit, github, gitlab (Code "
                       "Quality), html, or xlsx (a workbook: needs --output FILE or a pipe, "
                       "and the excel extra)")
    check.add_argument("--lang", choices=("zh", "en"), default="en")
    check.add_argument("--engine", choices=ENGINES, default="native")
    check.add_argument("--as-of", type=_day, metavar="DATE",
                       help="judge as of this day: later records have not happened yet")
    check.add_argument("--from", dest="window_from", type=_day, metavar="DATE",
                       help="first day of the checked window (default: the earliest record)")
    check.add_argument("--to", dest="window_to", type=_day, metavar="DATE",
                       help="last day of the checked window (default: the latest record)")
    check.add_argument("--output", metavar="FILE", help="write the report here, not to stdout")
    check.add_argument("--help-uri-base", type=_absolute_url, metavar="URL",
                       help="where the rule reference is published: SARIF links each rule to "
                       "URL/rules.md#RULE (default: the package's Documentation URL)")
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
    shown.add_argument("--quiet", "-q", action="store_true", default=argparse.SUPPRESS,
                       help="no progress, and in text reports only the findings")
    check.add_argument("--jobs", "-j", type=whole_number("a number of processes", "进程数"),
                       metavar="N",
                       help="check dossiers in N processes (default: the cores available, within a "
                       "container's CPU quota); "
                       "the report is the same for every N")
    check.add_argument("--dask", metavar="SCHEDULER", type=dask_address,
                       help="check dossiers as tasks on a Dask cluster: a scheduler address "
                       "(tcp://host:8786) or `local` for a local cluster of --jobs processes; "
                       "needs the distributed extra (docs/scale.md)")

    rules = sub.add_parser("rules", help="list the rules, or show one")
    _common(rules, top=False)
    rules.add_argument("action", nargs="?", choices=("list", "show"), default="list")
    rules.add_argument("rule_id", nargs="?", metavar="ID",
                       help="a rule id, or a catalogue id for each of its rules"
                       ).completer = _completion.rule_ids  # type: ignore[attr-defined]
    rules.add_argument("--lang", choices=("zh", "en"), default="en")
    rules.add_argument("--coverage", action="store_true",
                       help="for each catalogue id, the rules that implement it or why none can; "
                       "exit 1 if an id has neither")
    rules.add_argument("--catalogue", metavar="FILE",
                       help="the rule catalogue (default: shared/design/rule-catalogue.md found "
                       "beside this checkout or above the current folder)")

    schema = sub.add_parser("schema", help="print a JSON Schema")
    _common(schema, top=False)
    schema.add_argument("which", nargs="?", choices=("records", "report"), default="records")

    from .authoring.cli import add_commands as authoring_commands  # test, explain

    for authoring in authoring_commands(sub, _day):
        _common(authoring, top=False)

    source = sub.add_parser("source", help="print a cited clause with the lines around it, or "
                            "list the source documents")
    _common(source, top=False)
    source.add_argument("reference", nargs="?", metavar="DOC:LINE",
                        help="HLS-356:26, SQ-SIFANG:382,383, SQ-SIFANG:382-390 or a document id; "
                        "none: every document with its title, issuer, date and place"
                        ).completer = _completion.document_ids  # type: ignore[attr-defined]
    source.add_argument("--context", "-C", type=int, default=2, metavar="N",
                        help="lines shown either side of the cited ones (default 2)")
    source.add_argument("--lang", choices=("zh", "en"), default="en")

    completion = sub.add_parser("completion", help="print the shell completion script")
    completion.add_argument("shell", choices=_completion.SHELLS)

    from .server.options import add_arguments as serve_arguments  # no third-party import
    serve = sub.add_parser("serve", help="answer checks over HTTP (docs/server.md)")
    _common(serve, top=False)
    serve_arguments(serve)
    for command in sub.choices.values():
        command.lang = lang
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line, with defaults from the configuration file (flags win); ``rules`` is
    every ``--rules`` folder given before and after the subcommand, else the file's."""
    from ._config import Config, apply_defaults, find_config, read_config

    argv = list(sys.argv[1:] if argv is None else argv)
    pre = _Parser(lang=language_asked(argv), prog="governance-rules", add_help=False)
    pre.add_argument("--config")
    pre.add_argument("--no-config", action="store_true")
    early, _ = pre.parse_known_args(argv)
    if early.no_config:
        config = Config()
    elif early.config:
        config = read_config(Path(early.config))
    else:
        config = find_config()
    parser = build_parser(language_asked(argv, config.values.get("lang", "en")))
    apply_defaults(parser, config)
    if _completion.wanted():
        _completion.complete(parser)
    args = parser.parse_args(argv)
    given = [*(args.rules or []), *getattr(args, "rules_after", [])]
    args.rules = given or list(config.values.get("rules", []))
    if getattr(args, "waivers", None) == [] and config.values.get("waivers"):
        args.waivers = list(config.values["waivers"])
    args.config_file = config.path
    return args


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP (a CI job cancelled, ``docker stop``, a closed terminal): handled as
    Ctrl-C is (workers stopped, JSON Lines closed with its summary line), exit 128 + signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def exit_status_of(interrupt: KeyboardInterrupt) -> int:
    """130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP: what shells report."""
    return 128 + interrupt.signum if isinstance(interrupt, Stopped) else EXIT_INTERRUPTED


@contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP raise :class:`Stopped` while the command runs (the default action
    ended the process at once, leaving its worker processes and a JSON Lines report without
    its summary line); the handlers before are put back after (a test or an app that calls
    :func:`main`)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Stopped(signum)

    wanted = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None))
              if s is not None]
    before = {s: signal.signal(s, stop) for s in wanted}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (see the module docstring)."""
    try:
        with _stopped_by_signals():
            return _main(argv)
    except KeyboardInterrupt as interrupt:  # a signal between the handlers' setting and _main
        return exit_status_of(interrupt)


def _main(argv: Sequence[str] | None) -> int:
    lang = language_asked(list(sys.argv[1:] if argv is None else argv))
    try:
        args = parse_args(argv)
        lang = getattr(args, "lang", lang)
        if args.command == "completion":
            sys.stdout.write(_completion.script(args.shell))
            return EXIT_OK
        if args.command == "serve":
            from .server.run import serve

            return serve(args)
        if args.command == "test":
            from .authoring.cli import run_test

            return run_test(args)
        listing_key = None
        if args.command == "rules" and args.action == "list" and not args.coverage:
            from ._listing_cache import cached_listing, listing_key_for

            listing_key = listing_key_for(args.rules, args.lang)
            listed = cached_listing(listing_key)
            if listed is not None:
                sys.stdout.write(listed)
                return EXIT_OK
        from .rulebook._cached import load_rulebook_cached

        book = load_rulebook_cached(*args.rules)
        if args.command == "check":
            return _check(args, book)
        if args.command == "rules":
            return _rules(args, book, listing_key)
        if args.command == "explain":
            from .authoring.cli import run_explain

            return run_explain(args, book)
        if args.command == "source":
            return _source(args, book)
        return _schema(args)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    except _usage_errors() as exc:
        sys.stderr.write(f"governance-rules: {exc.text(lang)}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt as interrupt:
        return exit_status_of(interrupt)
    except OSError as exc:
        if exc.errno not in _FULL_OR_FAILING:
            return _internal_error(exc)
        import tempfile

        silence_stdout()  # what stdout still holds cannot be written either
        sys.stderr.write(f"governance-rules: cannot write: {exc.strerror} (the report, or its "
                         f"temporary files in {tempfile.gettempdir()})\n")
        return EXIT_USAGE
    except Exception as exc:
        return _internal_error(exc)


_FULL_OR_FAILING = frozenset(getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EIO")
                             if hasattr(errno, name))
"""A write that failed for want of room or of a working device: the user's to fix (exit 2)."""


def _internal_error(exc: Exception) -> int:
    sys.stderr.write(f"governance-rules: internal error: {type(exc).__name__}: {exc}\n"
                     "please report this with the command line and input that caused it\n")
    return EXIT_INTERNAL


def _replaces_records(output: str, paths: Sequence[str]) -> bool:
    """Whether ``--output`` names a record file under the paths checked (other than a report
    an earlier run wrote there, which this run does not read and writes again: all of it a
    report, as the reader decides, not a file that only begins like one)."""
    from .records._parse import ParseFailure, read_file
    from .records.loader import RECORD_SUFFIXES, is_report, is_report_text

    real = os.path.realpath(output)
    inside = any(real == given or real.startswith(given.rstrip(os.sep) + os.sep)
                 for given in map(os.path.realpath, paths))
    try:
        if not inside or not real.lower().endswith(RECORD_SUFFIXES) or not os.path.isfile(real):
            return False
        with open(real, "rb") as handle:
            head = handle.read(256)
    except OSError:
        return False
    if not is_report_text(head):
        return True
    try:
        return not is_report(read_file(real, output))  # bounded as a record file is read
    except ParseFailure:  # too large to be a report this run skips: the run reports it
        return True


def _usage_errors() -> tuple[type[Said], ...]:
    """The errors that are the user's to fix (exit 2); imported only when one is raised."""
    from ._config import ConfigError
    from .errors import EngineUnavailable, RulebookError
    from .render.xlsx import ExcelUnavailable
    from .scheduling.dask_cluster import DaskUnavailable
    from .scheduling.processes import WorkerLost
    from .sources import SourceError

    return (RulebookError, EngineUnavailable, OutputError, DaskUnavailable, ExcelUnavailable,
            ConfigError, SourceError, WorkerLost)


def _say(args: argparse.Namespace, en: str, zh: str) -> None:
    """A command's error on stderr, in the language the command was asked for (``--lang``)."""
    sys.stderr.write(f"governance-rules: {zh if getattr(args, 'lang', 'en') == 'zh' else en}\n")


def _check(args: argparse.Namespace, book: Rulebook) -> int:
    from .scheduling import available_cores
    from .waivers import find_waiver_files, load_waivers

    refused = days_refused(args.window_from, args.window_to, args.as_of)
    if refused is not None:
        _say(args, str(refused), refused.text("zh"))
        return EXIT_USAGE
    if args.output is not None and _replaces_records(args.output, args.paths):
        _say(args, f"--output {args.output} is one of the record files being checked: the report "
             "would replace it; write the report elsewhere",
             f"--output {args.output} 是被检查的记录文件之一，报告会覆盖它；请将报告写到别处")
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
    if args.format in BINARY_FORMAT_NAMES and args.output is None and sys.stdout.isatty():
        _say(args, f"--format {args.format} writes a binary file; name it with --output FILE "
             f"(e.g. --output report.{args.format}) or redirect standard output",
             f"--format {args.format} 输出二进制文件；请用 --output 指定文件"
             f"（如 --output report.{args.format}），或将标准输出重定向到文件")
        return EXIT_USAGE
    if args.format == "xlsx":
        from importlib.util import find_spec

        if find_spec("openpyxl") is None:
            _say(args, "--format xlsx needs openpyxl: pip install 'governance-rules[excel]'",
                 "--format xlsx 需要 openpyxl：pip install 'governance-rules[excel]'")
            return EXIT_USAGE
    try:
        reader_held = _fifo_reader(args.output)
    except OSError as exc:
        _say(args, f"--output {args.output} is a FIFO that no process reads ({exc.strerror}): "
             "start its reader first, or write the report to a file",
             f"--output {args.output} 是没有进程读取的命名管道（FIFO）：请先启动读取它的进程，"
             "或将报告写入文件")
        return EXIT_USAGE
    try:
        if args.format == "jsonl":
            return _check_streamed(args, book, jobs, waivers if waiver_files else None,
                                   waiver_errors, today)
        return _check_spooled(args, book, jobs, waivers if waiver_files else None,
                              waiver_errors, today)
    finally:
        if reader_held is not None:
            os.close(reader_held)


def _fifo_reader(output: str | None) -> int | None:
    """Where ``--output`` is a FIFO (``mkfifo``, or a shell's ``>(gzip > r.gz)``): a write end
    opened without waiting, kept open until the report is written so that its reader sees no
    end before it; an ``OSError`` (ENXIO) when no process reads it, where opening it to write
    would wait for ever. ``None`` for anything else."""
    if output is None:
        return None
    try:
        if not stat.S_ISFIFO(os.stat(output).st_mode):
            return None
    except (OSError, ValueError):  # not there yet, or not a name: the write says why
        return None
    return os.open(output, os.O_WRONLY | os.O_NONBLOCK)


def _check_streamed(args: argparse.Namespace, book: Rulebook, jobs: int,
                    waivers: list[LocatedWaiver] | None, waiver_errors: list[InputError],
                    today: date) -> int:
    """``--format jsonl``: each dossier's findings are written (waivers applied) as soon as it
    and the dossiers before it are done; then the findings about waivers and the summary line.
    Only counts and input errors are kept."""
    from ._checker import iter_check_paths
    from ._spooled import SpooledReport
    from .render.jsonl import finding_line, summary_line
    from .waivers.loader import whole_folders

    spooled = SpooledReport(book, args.engine, args.as_of, waivers=waivers, today=today,
                            unused_waivers=whole_folders(args.paths),
                            entries=False)
    try:
        handle = (sys.stdout if args.output is None
                  else open(args.output, "w", encoding="utf-8"))  # noqa: SIM115 - closed below
    except OSError as exc:
        spooled.close()
        raise OutputError.at(args.output, exc) from None
    try:
        with _progress(args) as progress:
            for result in iter_check_paths(args.paths, rulebook=book, engine=args.engine,
                                           skip=[args.output] if args.output else (),
                                           as_of=args.as_of,
                                           window=(args.window_from, args.window_to),
                                           jobs=jobs, progress=progress, dask=args.dask,
                                           details=False,
                                           render=None if waivers is not None else finding_line):
                shown = spooled.add(result)
                text = "".join(result.lines if result.lines is not None
                               else (finding_line(f) for f in shown))
                if text:
                    handle.write(text)
                    handle.flush()
        spooled.finish(waiver_errors)
        handle.write("".join(finding_line(f) for f in spooled.closing))
        code = spooled.exit_code(args.fail_on)
        handle.write(summary_line(spooled.summary_report(), code))
        handle.flush()
    except BrokenPipeError:
        silence_stdout()
        spooled.finish(waiver_errors)
        return spooled.exit_code(args.fail_on)
    except KeyboardInterrupt as interrupt:  # the reader is told the findings stop short
        spooled.finish(waiver_errors, interrupted=True)
        with contextlib.suppress(OSError, ValueError):
            handle.write(summary_line(spooled.summary_report(), exit_status_of(interrupt),
                                      interrupted=True))
            handle.flush()
        raise
    except OSError as exc:
        if handle is sys.stdout:
            raise
        raise OutputError.at(args.output, exc) from None
    finally:
        spooled.close()
        if handle is not sys.stdout:
            handle.close()
    return code


def _check_spooled(args: argparse.Namespace, book: Rulebook, jobs: int,
                   waivers: list[LocatedWaiver] | None, waiver_errors: list[InputError],
                   today: date) -> int:
    """Every format but JSON Lines, in bounded memory: each dossier's entries go to
    temporary files as it is done (rendered by the worker that checked it, unless waivers are
    to be applied to its findings first), then the report is written from them (the same
    report as rendering it whole). What a format keeps is its module's ``kept``."""
    from ._checker import _rule_infos, iter_check_paths
    from ._spooled import SpooledReport, worker_step
    from .render import kept_on_disk
    from .render._kept import FormatOptions
    from .waivers.loader import whole_folders

    colour = args.output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    kept = kept_on_disk(args.format, FormatOptions(
        lang=args.lang, colour=colour, summary=not args.quiet,
        help_uri_base=args.help_uri_base, rules=partial(_rule_infos, book)))
    with SpooledReport(book, args.engine, args.as_of, waivers=waivers, today=today,
                       unused_waivers=whole_folders(args.paths), entries=kept.report_entries,
                       finding_entry=kept.finding_entry,
                       finding_key=kept.finding_key, community_names=kept.community_names
                       ) as spooled:
        with _progress(args) as progress:
            for result in iter_check_paths(args.paths, rulebook=book, engine=args.engine,
                                           skip=[args.output] if args.output else (),
                                           as_of=args.as_of,
                                           window=(args.window_from, args.window_to),
                                           jobs=jobs, progress=progress, dask=args.dask,
                                           details=kept.details,
                                           prepare=worker_step(kept, findings=waivers is None)):
                spooled.add(result)
        spooled.finish(waiver_errors)
        if kept.write_bytes is not None:
            emit_bytes(kept.write_bytes(spooled), args.output)
        elif kept.write is not None:
            write_report = kept.write
            emit_with(lambda write: write_report(spooled, write), args.output)
        return spooled.exit_code(args.fail_on)


class _ProgressBar:
    """``checked 12/40 dossiers [####      ] 3,120 records/s, ETA 9 s`` on one line of stderr
    (``已检查 12/40 个卷宗 [####      ] 每秒 3,120 条记录，预计还需 9 秒`` with ``--lang zh``),
    redrawn at most ten times a second and ended with a newline."""

    WIDTH = 24
    LINES: ClassVar[dict[str, tuple[str, str]]] = {
        "en": ("checked {done}/{total} dossiers [{bar}] {rate} records/s{eta}", ", ETA {eta} s"),
        "zh": ("已检查 {done}/{total} 个卷宗 [{bar}] 每秒 {rate} 条记录{eta}", "，预计还需 {eta} 秒"),
    }

    def __init__(self, lang: str = "en") -> None:
        self.line, self.eta = self.LINES["zh" if lang == "zh" else "en"]
        self.started = time.monotonic()
        self.drawn = 0.0
        self.shown = False

    def __call__(self, done: int, total: int, records: int) -> None:
        now = time.monotonic()
        if done < total and now - self.drawn < 0.1:
            return
        self.drawn = now
        elapsed = now - self.started
        rate = records / elapsed if elapsed > 0 else 0.0
        eta = (self.eta.format(eta=f"{elapsed * (total - done) / done:.0f}")
               if 0 < done < total else "")
        filled = self.WIDTH * done // total if total else self.WIDTH
        line = self.line.format(done=done, total=total, bar=f"{'#' * filled:<{self.WIDTH}}",
                                rate=f"{rate:,.0f}", eta=eta)
        sys.stderr.write(f"\r{line}\x1b[K")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()


@contextmanager
def _progress(args: argparse.Namespace) -> Iterator[Callable[[int, int, int], None] | None]:
    """The progress callback ``--progress`` / ``--quiet`` ask for; by default one when stderr
    is a terminal."""
    wanted = args.progress if args.progress is not None else (
        sys.stderr.isatty() and not args.quiet)
    if not wanted:
        yield None
        return
    bar = _ProgressBar(getattr(args, "lang", "en"))
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
    from .report.model import Severity

    if report.input_errors:
        return EXIT_USAGE
    threshold = None if fail_on == "never" else Severity(fail_on)
    return EXIT_FINDINGS if report.fails_at(threshold) else EXIT_OK


def _rules(args: argparse.Namespace, book: Rulebook, listing_key: str | None = None) -> int:
    if args.coverage:
        return _coverage(args, book)
    if args.action == "show":
        from ._rule_card import rule_card
        from .rulebook.book import UnknownRule

        if not args.rule_id:
            _say(args, "`rules show` needs a rule id", "`rules show` 须写明规则编号")
            return EXIT_USAGE
        implementing = book.rules_for_catalogue(args.rule_id)
        if implementing and args.rule_id not in {r.id for r in book.rules}:
            sys.stdout.write("\n".join(rule_card(book, r.id, args.lang) for r in implementing))
            return EXIT_OK
        try:
            rule = book.rule(args.rule_id)
        except UnknownRule as exc:
            sys.stderr.write(f"governance-rules: {exc.text(args.lang)}\n")
            return EXIT_USAGE
        sys.stdout.write(rule_card(book, rule.id, args.lang))
        return EXIT_OK
    width = max(len(r.id) for r in book.rules)
    ids = max(len(",".join(r.catalogue)) for r in book.rules)  # a column as wide as its longest
    lines = []
    for rule in book.rules:
        cites = "; ".join(dict.fromkeys(c.label() for c in rule.source))  # a line once
        lines.append(f"{rule.id:<{width}}  {','.join(rule.catalogue):<{ids}} "
                     f"{rule.severity.words(args.lang):<7}  {cites}  {rule.title.get(args.lang)}\n")
    listing = "".join(lines)
    sys.stdout.write(listing)
    if listing_key is not None:
        from ._listing_cache import store_listing

        store_listing(listing_key, listing)
    return EXIT_OK


def _coverage(args: argparse.Namespace, book: Rulebook) -> int:
    from .errors import printable
    from .rulebook.coverage import coverage, find_catalogue, parse_catalogue, read_catalogue

    path = Path(args.catalogue) if args.catalogue else find_catalogue()
    if path is None:
        sys.stderr.write("governance-rules: no rule catalogue found; pass --catalogue FILE\n")
        return EXIT_USAGE
    text, why = read_catalogue(path)
    if text is None:
        assert why is not None
        shown = printable(str(path))
        _say(args, f"cannot read the catalogue {shown}: {why.en}",
             f"无法读取规则目录 {shown}：{why.zh}")
        return EXIT_USAGE
    rows = coverage(book, parse_catalogue(text))
    if not rows:
        sys.stderr.write(f"governance-rules: {path} lists no catalogue ids\n")
        return EXIT_USAGE
    width = max(len(r.entry.id) for r in rows)
    done = [r for r in rows if r.status != "pending"]
    waiting = [r for r in rows if r.status == "pending"]
    zh = args.lang == "zh"
    for row in done:
        if row.rules:
            what = ", ".join(row.rules)
        elif row.exclusion is not None:
            what = f"{'不实现：' if zh else 'excluded: '}{row.exclusion}"
        else:
            what = "未覆盖" if zh else "NOT COVERED"
        sys.stdout.write(f"{row.entry.id:<{width}}  {what}\n")
    if waiting:
        sys.stdout.write(f"-- 待办：{len(waiting)} 个编号暂作进行中的工作（docs/coverage.md） --\n"
                         if zh else f"-- pending: {len(waiting)} ids accepted as work in "
                         "progress (docs/coverage.md) --\n")
        for row in waiting:
            sys.stdout.write(f"{row.entry.id:<{width}}  {'待办：' if zh else 'pending: '}"
                             f"{row.pending}\n")
    counts = {s: sum(1 for r in rows if r.status == s)
              for s in ("implemented", "excluded", "pending", "not covered")}
    if zh:
        sys.stdout.write(f"目录编号共 {len(rows)} 个：已实现 {counts['implemented']}，不实现 "
                         f"{counts['excluded']}，待办 {counts['pending']}，未覆盖 "
                         f"{counts['not covered']}（{path}）\n")
    else:
        sys.stdout.write(f"{len(rows)} catalogue ids: {counts['implemented']} implemented, "
                         f"{counts['excluded']} excluded, {counts['pending']} pending, "
                         f"{counts['not covered']} not covered ({path})\n")
    return EXIT_FINDINGS if counts["not covered"] else EXIT_OK


def _source(args: argparse.Namespace, book: Rulebook) -> int:
    from ._source_text import render_clause, render_registry
    from .sources import read_clause

    if args.reference is None:
        sys.stdout.write(render_registry(book, args.lang))
        return EXIT_OK
    if args.context < 0:
        sys.stderr.write("governance-rules: --context is a number of lines ≥ 0\n")
        return EXIT_USAGE
    emit(render_clause(read_clause(book, args.reference, args.context), args.lang), None)
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from .models import RecordFile
    from .report.model import Report

    # records are read (what they may hold); a report is written (what it holds)
    schema = (RecordFile.model_json_schema(by_alias=True) if args.which == "records" else
              Report.model_json_schema(by_alias=True, mode="serialization"))
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    sys.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return EXIT_OK


def run() -> None:
    """The command's entry point: :func:`main`'s code as the process's exit status.

    A finished command ends the process without the interpreter's teardown, as mypy does:
    freeing every module and object took 45–60 ms of a 1.4 s check of 40k records. Every file
    a command writes is closed by then, and its temporary files have no name; what is left in
    stdout and stderr is flushed first, and if that fails the interpreter's own exit reports it
    as before. An exception (``--help``, an interrupt) leaves the usual way.
    """
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        raise SystemExit(code) from None
    os._exit(code)


