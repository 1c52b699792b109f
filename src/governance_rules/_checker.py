"""Run a rulebook over dossiers with an engine and assemble the report."""

from __future__ import annotations

import itertools
import os
import time
import weakref
from collections import Counter
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache, partial
from operator import itemgetter
from pathlib import Path
from string import Formatter
from typing import Any, Generic, TypeVar

from ._simplified import simplified_quote
from ._type_words import record_type
from ._words import count_with_noun, day_name, in_words, split_placeholder
from .engines import Case, Engine, Verdict, get_engine
from .errors import InputError, RulebookError, short_input
from .facts import (
    Fact,
    FactOptions,
    LeftOutEvents,
    LeftOutRecords,
    Plans,
    RecordRef,
    Window,
    iter_facts,
    left_out_events,
    left_out_for,
    left_out_records,
    record_window,
)
from .models.record_file import RECORD_KEYS
from .records._references import bodies_left_out
from .records.dossier import Dossier, Located, RefusedRecord
from .records.loader import (
    DossierSource,
    PathNames,
    discover,
    dossier_from_data,
    has_community_file,
    load_dossier,
)
from .report._trusted import trusted
from .report.model import (
    BodyRef,
    CheckedEntries,
    CommunityScope,
    DocumentScope,
    Evidence,
    Finding,
    ParameterUse,
    RecordLocation,
    Report,
    RuledWith,
    RuleInfo,
    Severity,
    Source,
    Text,
    in_report_order,
    summarise,
)
from .rulebook import BoundRule, Rule, Rulebook, default_rulebook
from .rulebook.book import Document, binding_here, citations_for_clauses
from .rulebook.conditions import condition_fields
from .rulebook.kinds._base import Explanation
from .rulebook.model import Citation, Parameter, render_value
from .rulebook.scope import Scope, scope_for

Paths = Sequence[str | os.PathLike[str]] | str | os.PathLike[str]
"""Files and folders to check: a list of them, or one (``check_paths("records")``)."""


def as_path_list(paths: Paths) -> list[str | os.PathLike[str]]:
    """``paths`` as a list: one path given alone is one path, not a sequence of characters.

    >>> as_path_list("records"), as_path_list(["a", "b"])
    (['records'], ['a', 'b'])
    """
    if isinstance(paths, str | os.PathLike):
        return [paths]
    if isinstance(paths, bytes):
        raise TypeError("paths must be text or path objects, not bytes")
    return list(paths)


@dataclass(frozen=True)
class DayOptions:
    """The names a caller gave the days it asked for, each (English, Chinese): a message about
    those days names the option the caller set, not a command-line flag it never passed.

    >>> ARGUMENTS.last, QUERY.as_of
    (('window[1]', '参数window[1]'), ('query parameter as_of', '查询参数as_of'))
    """

    first: tuple[str, str]
    last: tuple[str, str]
    as_of: tuple[str, str]


COMMAND_LINE = DayOptions(("--from", "--from"), ("--to", "--to"), ("--as-of", "--as-of"))
ARGUMENTS = DayOptions(("window[0]", "参数window[0]"), ("window[1]", "参数window[1]"),
                       ("as_of", "参数as_of"))
"""The Python API's: ``check_paths(window=(first, last), as_of=…)``."""
QUERY = DayOptions(("query parameter from", "查询参数from"), ("query parameter to", "查询参数to"),
                   ("query parameter as_of", "查询参数as_of"))
"""The web service's: ``POST /check?from=…&to=…&as_of=…``."""


def check_paths(
    paths: Paths,
    *,
    rulebook: Rulebook | None = None,
    engine: str | Engine = "native",
    as_of: date | None = None,
    base: str | os.PathLike[str] | None = None,
    window: tuple[date | None, date | None] = (None, None),
    jobs: int = 1,
    dask: str | None = None,
) -> Report:
    """Check the record files and folders at ``paths``; files are shown relative to ``base``.

    Dossiers are loaded, checked and dropped one at a time: the report holds findings and
    counts, never a dossier. ``jobs`` > 1 checks dossiers in that many processes; ``dask`` (a
    scheduler address such as ``"tcp://host:8786"``, or ``"local"`` for a LocalCluster of
    ``jobs`` processes) checks them as tasks on a Dask cluster. The report is the same whatever
    ``jobs`` and ``dask`` are (see :mod:`governance_rules.scheduling`, docs/scale.md).

    >>> report = check_paths(["examples/haliang-3"])
    >>> report.summary.by_severity
    {'error': 5, 'warning': 1, 'info': 0}
    """
    book = rulebook or default_rulebook()
    builder = ReportBuilder(book, _engine_name(engine), as_of)
    for result in iter_check_paths(paths, rulebook=book, engine=engine, as_of=as_of, base=base,
                                   window=window, jobs=jobs, dask=dask, days_named=ARGUMENTS):
        builder.add(result)
    return builder.build()


def iter_check_paths(
    paths: Paths,
    *,
    rulebook: Rulebook | None = None,
    engine: str | Engine = "native",
    as_of: date | None = None,
    base: str | os.PathLike[str] | None = None,
    window: tuple[date | None, date | None] = (None, None),
    jobs: int = 1,
    progress: Callable[[int, int, int], None] | None = None,
    dask: str | None = None,
    details: bool = True,
    render: Callable[[Finding], str] | None = None,
    prepare: Callable[[DossierResult], DossierResult] | None = None,
    skip: Collection[str | os.PathLike[str]] = (),
    days_named: DayOptions = COMMAND_LINE,
) -> Iterator[DossierResult]:
    """Check ``paths`` one dossier at a time, yielding each dossier's :class:`DossierResult` as
    soon as it (and every dossier before it) is done, in path order whatever ``jobs`` and
    ``dask`` are (see :func:`check_paths`).

    Problems found before any dossier is read (a path that does not exist) come first, as a
    result with ``root=None`` and only ``input_errors``. :class:`ReportBuilder` turns the
    results into the :class:`Report` that :func:`check_paths` returns.
    ``progress(done, total, records)`` is called with the dossiers done so far and the records
    they held: once the dossiers are known (0 done), then after each. With ``details=False``
    the results carry no per-record ``records`` and ``checked`` entries (only their count) and
    no ``seconds`` by file: a report of findings and counts needs no more, and workers send
    less. With ``render`` (a module-level function, e.g.
    :func:`~governance_rules.render.jsonl.finding_line`) each finding is rendered where its
    dossier was checked, and the result carries the texts (``lines``) and a ``tally`` instead
    of the findings. ``prepare`` (picklable too) is given each result where it was made, and
    what it returns is yielded: e.g. :func:`~governance_rules._spooled.report_texts` renders the
    JSON report's entries in the worker processes, in parallel, rather than here. The files
    at ``skip`` are not read (a report being written inside a checked folder). ``days_named``:
    what the caller calls ``as_of`` and the window's ends, which a message about them names
    (the command line's flags unless given; :func:`check_paths` gives its arguments').
    """
    from .scheduling import units_runner

    days_asked(as_of, window)
    paths = as_path_list(paths)
    book = rulebook or default_rulebook()
    unit = CheckSource(book, engine, as_of, window,
                       Path(base) if base is not None else Path.cwd(), details=details,
                       render=render, prepare=prepare, days_named=days_named)
    # workers for a folder of dossiers start before discovery: its list of files stays here
    with units_runner(unit, jobs=jobs, dask=dask,
                      start_now=jobs > 1 and _holds_dossiers_for(paths, jobs)) as run:
        sources, errors = discover(paths, skip=skip)
        if errors:
            yield DossierResult(root=None, input_errors=sorted(errors, key=InputError.sort_key))
        if progress is None:
            yield from run(sources)
            return
        progress(0, len(sources), 0)
        records = 0
        for done, result in enumerate(run(sources), 1):
            records += result.record_count
            progress(done, len(sources), records)
            yield result


def _holds_dossiers_for(paths: Sequence[str | os.PathLike[str]], jobs: int) -> bool:
    """Whether ``paths`` surely give ``jobs`` workers something to do: as many paths, or a
    folder that is not itself a dossier's root with as many folders in it (a single
    community's folder, or a district's few, starts no worker before discovery)."""
    if len(paths) != 1:
        return len(paths) >= jobs
    path = Path(paths[0])
    try:
        if not path.is_dir() or has_community_file(path):
            return False
        with os.scandir(path) as entries:
            folders = 0
            for entry in entries:
                folders += entry.is_dir()
                if folders >= jobs:
                    return True
    except OSError:  # pragma: no cover - a name too long, a permission problem
        return False
    return False


def check_data(
    files: Mapping[str, Any],
    *,
    rulebook: Rulebook | None = None,
    engine: str | Engine = "native",
    as_of: date | None = None,
    window: tuple[date | None, date | None] = (None, None),
) -> Report:
    """Check records given as data: ``{"file name": {"meeting": {...}}, ...}`` is one dossier.

    Each finding's words (message, evidence, clauses) are made when first read, so a program
    that only counts findings or reads their rules and records does not pay for them
    (:meth:`Finding.explained_later`). Until then a finding keeps the dossier's facts and the
    rule set alive: a report kept unread holds about twice what a read one does (a
    community's year of records: 2 MB against 1 MB).

    >>> check_data({"c": {"community": {"id": "c", "name": "x", "jurisdiction": ["cn"]}}}
    ...            ).summary.total
    0
    """
    from .scheduling import batch_gc

    days_asked(as_of, window)
    with batch_gc():  # the records' models are made under the batch's collector too
        dossier = dossier_from_data(files)
        return check_dossiers([dossier], rulebook=rulebook, engine=engine, as_of=as_of,
                              window=window, explain_later=True)


def days_asked(as_of: object, window: object) -> None:
    """Refuse, with what is wrong, an ``as_of`` day or a ``window`` (from, to) a check cannot
    use: each a :class:`datetime.date` (or ``None``), and, as the command line asks them, in
    the years records may be dated in (1900–2200) and holding a day to judge
    (:func:`~governance_rules._arguments.day_outside_years`,
    :func:`~governance_rules._arguments.days_refused`, whose words in both languages the
    ``ValueError`` carries, each day named as the caller named it).

    >>> try:
    ...     days_asked(date(2022, 1, 1), (None, date(9999, 12, 31)))
    ... except ValueError as error:
    ...     print(error)
    window[1] (31 December 9999) is outside the years 1900–2200 that records may be dated in
    >>> try:
    ...     days_asked(date(2022, 1, 1), (date(2022, 2, 1), None))
    ... except ValueError as error:
    ...     print(error.text("zh"))  # type: ignore[attr-defined]
    window[0]（2022年2月1日）晚于 as_of（2022年1月1日），期间内没有一天已经到来
    """
    from ._arguments import day_outside_years, days_refused

    if not (isinstance(window, tuple) and len(window) == 2):
        raise TypeError(f"window is a pair (first day, last day), each a date or None; got "
                        f"{short_input(window)}")
    for (name, _), day in ((ARGUMENTS.as_of, as_of), (ARGUMENTS.first, window[0]),
                           (ARGUMENTS.last, window[1])):
        if day is None:
            continue
        if not isinstance(day, date):
            raise TypeError(f"{name} is a datetime.date or None, got {short_input(day)}")
        refused = day_outside_years(day, name)
        if refused is not None:
            raise refused
    refused = days_refused(window[0], window[1], as_of if isinstance(as_of, date) else None,
                           (ARGUMENTS.first[0], ARGUMENTS.last[0], ARGUMENTS.as_of[0]))
    if refused is not None:
        raise refused


def check_dossiers(
    dossiers: Iterable[Dossier],
    *,
    rulebook: Rulebook | None = None,
    engine: str | Engine = "native",
    as_of: date | None = None,
    selections: Sequence[frozenset[str] | None] | None = None,
    extra_errors: Sequence[InputError] = (),
    window: tuple[date | None, date | None] = (None, None),
    days_named: DayOptions = ARGUMENTS,
    explain_later: bool = False,
) -> Report:
    """Check resolved dossiers. ``window`` (from, to) bounds the periods cadence rules judge
    and the day rosters are read on; either end defaults to the records' own first or last day.
    ``days_named``: what the caller calls ``as_of`` and the window's ends (:class:`DayOptions`).

    ``dossiers`` may be a generator: each dossier is dropped once checked. The collector is
    tuned for a batch while they are (:func:`~governance_rules.scheduling.batch_gc`).
    ``explain_later``: each finding's message, evidence and clauses are made when first read
    (:meth:`Finding.explained_later`); until then a finding keeps its dossier's facts alive,
    so it is for dossiers the caller holds anyway, not for a stream of them.
    """
    from .scheduling import batch_gc

    days_asked(as_of, window)
    book = rulebook or default_rulebook()
    checker = DossierChecker(book, engine, as_of, window, days_named=days_named,
                             explain_later=explain_later)
    builder = ReportBuilder(book, checker.runner.name, as_of)
    builder.add(DossierResult(root=None, input_errors=list(extra_errors)))
    with batch_gc():
        for i, dossier in enumerate(dossiers):
            builder.add(checker.check(dossier, selections[i] if selections else None))
            del dossier
        return builder.build()


_RecordKey = tuple[str, str, str]
_Checked = tuple[RecordRef, list[RuledWith]]
"""A record (the reference of its first fact a rule applied to: its ``RecordLocation`` is
made of it when the entry is read), and each rule that applied to it with the parameters it
was judged with (in the order they did, a rule listed again for each of the record's facts it
applied to: a list costs less than a set, and most records have one rule; each pair is a bound
rule's own, shared). :func:`~governance_rules.report.model.rules_and_parameters` gives the
entry's rules and parameters."""


@dataclass
class DossierResult:
    """What checking one dossier gives: everything the report needs from it, and no records.

    Picklable, so that a worker process can send it back. ``root`` is the dossier's folder as
    shown in the report (``None`` for problems found before any dossier was read).
    """

    root: str | None
    findings: list[Finding] = field(default_factory=list)
    """In report order (:meth:`Finding.sort_key`) when ``in_report_order`` says so."""
    in_report_order: bool = False
    """Whether ``findings`` are known to be in report order (a checker sorted them): a
    report of this result alone then takes them as they are; else it sorts them."""
    input_errors: list[InputError] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)
    jurisdiction: tuple[str, ...] | None = None
    scope: CommunityScope | None = None
    records: set[_RecordKey] = field(default_factory=set)
    """The records that gave facts, by (file, type, id) (empty when checked without details)."""
    record_count: int = 0
    """How many records gave facts."""
    checked: dict[_RecordKey, _Checked] = field(default_factory=dict)
    """Each record's reference, and the rules that applied to it with their parameters (empty
    when checked without details)."""
    cases: int = 0
    applied: Counter[str] = field(default_factory=Counter)
    seconds: dict[str, float] = field(default_factory=dict)
    """The time the dossier's check took, split among its files by the records of each that a
    rule applied to (the entries of ``checked``): an estimate, which the JUnit report divides
    among each file's test cases (empty when checked without details)."""
    lines: list[str] | None = None
    """The findings as the worker rendered them (``iter_check_paths(render=…)``), in report
    order; ``findings`` is then empty and ``tally`` counts them."""
    tally: list[tuple[str, str, bool]] = field(default_factory=list)
    """(rule id, severity, active) of each rendered finding."""
    texts: dict[str, Any] | None = None
    """Entries of the JSON report rendered where the dossier was checked
    (``iter_check_paths(prepare=…)``, e.g. :func:`governance_rules._spooled.report_texts`):
    each report section's (sort key, text) pairs, the long ones packed as a spool stores them
    (a :class:`~governance_rules.render._spool.PackedRun`, which the checker below the
    renderers does not import); what was rendered is no longer kept as models."""


_NOT_APPLICABLE, _VIOLATED = Verdict.NOT_APPLICABLE, Verdict.VIOLATED
_file_of = itemgetter(0)
"""A record's file, from its key (file, type, id)."""


class DossierChecker:
    """Checks one dossier at a time with a rulebook and an engine (a unit of work's core)."""

    def __init__(self, book: Rulebook, engine: str | Engine = "native", as_of: date | None = None,
                 window: tuple[date | None, date | None] = (None, None), *,
                 details: bool = True, days_named: DayOptions = ARGUMENTS,
                 explain_later: bool = False) -> None:
        self.book = book
        self.explain_later = explain_later
        """Whether findings are explained when first read (:func:`finding_for`'s ``later``):
        their explanations hold the dossier's facts till then."""
        self.days_named = days_named
        self.details = details
        self.runner = get_engine(engine) if isinstance(engine, str) else engine
        self.batch = _batch_of(self.runner)
        self.as_of = as_of
        self.window = window
        self._ruled = _RULED_WITH(book)

    def check(self, dossier: Dossier, selected: frozenset[str] | None = None) -> DossierResult:
        """Check ``dossier``; only the facts of the files in ``selected`` (all when ``None``).

        The facts are judged a batch at a time (the engine's ``batch``, else all at once),
        each batch dropped before the next is built.
        """
        book, as_of = self.book, self.as_of
        started = time.perf_counter()
        result = DossierResult(root=dossier.root, jurisdiction=dossier.jurisdiction)
        result.inputs.extend(f for f in dossier.files if selected is None or f in selected)
        errors = result.input_errors
        # A window the caller asked for with both --from and --to is never too long.
        errors.extend(e for e in dossier.input_errors
                      if not (e.type == "window_too_long" and self.window[0] and self.window[1]))
        unread: set[_RecordKey] = set()  # records read whose fact no rule may select
        window = _window_for(dossier, as_of, self.window)
        empty = window.start > window.end  # the days asked for hold none the records cover
        if empty:
            errors.append(_no_days(dossier, as_of, self.window, window, self.days_named))
        facts = iter(()) if empty else iter_facts(
            dossier, as_of, window, _fact_options(book, dossier), book.may_select,
            unread=unread, plans=_period_plans(book, window))
        scope, result.scope, scope_errors = _scoped(book, dossier)
        errors.extend(scope_errors)
        community = dossier.community.record.id if dossier.community else None
        left_out = (left_out_events(dossier, window, as_of)
                    if dossier.left_out and not empty else None)
        records_left_out = (left_out_records(dossier, as_of)
                            if dossier.left_out and not empty else None)
        bodies_note = bodies_left_out_note(dossier)
        records: set[_RecordKey] = set()  # that gave facts (with details: no rule applied)
        found_at: list[tuple[str, int, str, str, str]] = []  # each finding's place_key
        while batch := list(itertools.islice(facts, self.batch)):
            if selected is not None:
                batch = [f for f in batch if f.ref.where.file in selected]
            unapplied: list[Fact] = []  # facts no rule was paired with, or none applied to
            cases = cases_for(book, batch, scope, unapplied)
            result.cases += len(cases)
            self._judge(cases, self.runner.evaluate(cases), result, unapplied, found_at,
                        community, scope, left_out, bodies_note, records_left_out)
            records.update([(f.ref.where.file, f.ref.type, f.ref.id)
                            for f in (unapplied if self.details else batch)])
        if self.details:  # those of the facts a rule applied to are the keys of ``checked``
            records.update(result.checked)
            result.records = records
        if selected is not None:
            unread = {key for key in unread if key[0] in selected}
        records |= unread
        result.record_count = len(records)
        result.findings = in_report_order(result.findings, found_at)
        result.in_report_order = True
        errors.sort(key=InputError.sort_key)
        if result.checked:
            per_file = Counter(map(_file_of, result.checked))
            share = (time.perf_counter() - started) / len(result.checked)
            result.seconds.update((file, share * count) for file, count in per_file.items())
        return result

    def _judge(self, cases: list[Case], verdicts: list[Verdict], result: DossierResult,
               unapplied: list[Fact], found_at: list[tuple[str, int, str, str, str]],
               community: str | None,
               scope: Scope | None = None, left_out: LeftOutEvents | None = None,
               bodies_note: tuple[str, str, str] | None = None,
               records_left_out: LeftOutRecords | None = None) -> None:
        """Add what ``cases`` gave to ``result``: the rules that applied, each record's entry
        of ``checked`` (with details), the findings (each one's :meth:`Finding.place_key` to
        ``found_at``, made of its fact's reference); the facts no rule applied to are added to
        ``unapplied``. ``left_out``: what the records left out for their input errors would
        have counted for (a finding on a period one of them is dated in says so);
        ``records_left_out``: what they would have given a record's fact (an account book's
        entry of an expense, a handover audit of a person), named by a finding of a rule that
        reads it."""
        book, ruled_with, details, later = self.book, self._ruled, self.details, self.explain_later
        # each case's rule listed, counted at the end by Counter's loop in C
        applied: list[str] = []
        apply = applied.append
        checked = result.checked
        noted: Fact | None = None  # cases come grouped by fact: its entry is looked up once
        ruled_here: list[RuledWith] = []
        for (bound, fact), verdict in zip(cases, verdicts, strict=True):
            if verdict is _NOT_APPLICABLE:
                unapplied.append(fact)  # its record may have no other case
                continue
            rule_id = bound.rule_id
            apply(rule_id)
            if not details and verdict is not _VIOLATED:
                continue
            ruled = ruled_with.get(bound.key)
            if ruled is None:
                ruled = ruled_with[bound.key] = (rule_id, parameter_uses(book, bound))
            if details:
                if fact is not noted:
                    noted = fact
                    ref = fact.ref
                    key = (ref.where.file, ref.type, ref.id)
                    entry = checked.get(key)
                    if entry is None:  # its first fact's reference, made a model when read
                        entry = checked[key] = (ref, [])
                    ruled_here = entry[1]
                ruled_here.append(ruled)
            if verdict is _VIOLATED:
                ref = fact.ref
                where = ref.where
                found_at.append((where.file, where.line or 0, where.path, rule_id, ref.id))
                result.findings.append(finding_for(
                    bound, fact, book, ruled[1], community, scope,
                    _left_out_of(fact, left_out, records_left_out, book, bound)
                    if left_out or records_left_out else (), bodies_note, later=later))
        result.applied.update(applied)


def _left_out_of(fact: Fact, left_out: LeftOutEvents | None,
                 records: LeftOutRecords | None = None, book: Rulebook | None = None,
                 bound: BoundRule | None = None) -> list[tuple[date, Located[Any]]]:
    """The records left out for their input errors that ``fact``'s period would have counted
    (a period fact of a body's events), or that ``fact`` of a record would have read for
    ``bound``'s rule (:func:`~governance_rules.facts.left_out_for`: by the fields the rule
    reads, so that a ledger left out is named by FIN-BOOKS, not by FIN-TIERS on the expense)."""
    values = fact.values
    if fact.type != "period" or "category" not in values:
        if not records or book is None or bound is None:
            return []
        return left_out_for(fact, records, _rule_reads(book, bound))
    if not left_out:
        return []
    events = left_out.get((str(values["body"]), str(values["category"])))
    if not events:
        return []
    first, last = fact.dates["period_start"], fact.dates["period_end"]
    return [(day, located) for day, located in events if first <= day <= last]


def _rule_reads(book: Rulebook, bound: BoundRule) -> frozenset[str]:
    """The fact fields ``bound``'s test reads (made once a bound rule of a live rulebook: few
    findings ask)."""
    kept = _RULE_READS(book)
    reads = kept.get(bound.key)
    if reads is None:
        reads = kept[bound.key] = frozenset(condition_fields(bound.violated))
    return reads


def _batch_of(engine: Engine) -> int | None:
    """How many facts ``engine`` takes the cases of at a time (its ``batch``), ``None`` for
    all of a dossier's at once; a batch that is not a whole number of at least one is refused
    (a batch of none would check nothing).

    >>> class Engine:
    ...     name, batch = "mine", 0
    >>> _batch_of(Engine())
    Traceback (most recent call last):
    ValueError: engine 'mine': batch is a whole number of facts of at least 1, or None; got 0
    """
    batch = getattr(engine, "batch", None)
    if batch is not None and (type(batch) is not int or batch < 1):
        raise ValueError(f"engine {getattr(engine, 'name', '?')!r}: batch is a whole number of "
                         f"facts of at least 1, or None; got {batch!r}")
    return batch


class CheckSource:
    """The unit of work of :func:`iter_check_paths`: load one dossier's files, check it, keep
    only its :class:`DossierResult`. Picklable (the rulebook travels without its caches, the
    engine by name), so that a scheduler can send it once to each worker process."""

    def __init__(self, book: Rulebook, engine: str | Engine, as_of: date | None,
                 window: tuple[date | None, date | None], base: Path, *,
                 details: bool = True, render: Callable[[Finding], str] | None = None,
                 prepare: Callable[[DossierResult], DossierResult] | None = None,
                 days_named: DayOptions = COMMAND_LINE) -> None:
        self.book, self.engine, self.as_of, self.window, self.base = book, engine, as_of, window, base
        self.details, self.render, self.prepare = details, render, prepare
        self.days_named = days_named
        self._checker: DossierChecker | None = None
        self._names: PathNames | None = None

    def __call__(self, source: DossierSource) -> DossierResult:
        if self._checker is None:
            self._checker = DossierChecker(self.book, self.engine, self.as_of, self.window,
                                           details=self.details, days_named=self.days_named)
        if self._names is None:  # one for the whole run: its folders are resolved once
            self._names = PathNames(self.base)
        shown = self._names
        selected = None if source.all_selected else frozenset(shown(p) for p in source.selected)
        result = self._checker.check(load_dossier(source, names=shown), selected)
        if self.render is not None:  # texts travel back, not models with their nested parts
            result.lines = [self.render(f) for f in result.findings]
            result.tally = [f.count_key() for f in result.findings]
            result.findings = []
        if self.prepare is not None:
            result = self.prepare(result)
        return result

    def __getstate__(self) -> dict[str, Any]:
        return {"book": self.book.without_caches(), "engine": _engine_name(self.engine),
                "as_of": self.as_of, "window": self.window, "base": self.base,
                "details": self.details, "render": self.render, "prepare": self.prepare,
                "days_named": self.days_named, "_checker": None, "_names": None}


def _engine_name(engine: str | Engine) -> str:
    return engine if isinstance(engine, str) else engine.name


class ReportBuilder:
    """Merges :class:`DossierResult` objects, in the order given, into a :class:`Report`: the
    same report whichever process checked which dossier.

    With ``details=False`` it keeps only findings, input errors, counts and each community's
    scope (its name and documents, one entry a community; no ``checked`` entries or ``inputs``):
    what a streamed run needs for its closing summary and the reports that name communities.
    """

    def __init__(self, book: Rulebook, engine: str, as_of: date | None, *,
                 details: bool = True) -> None:
        self.book, self.engine, self.as_of, self.details = book, engine, as_of, details
        self.record_count = 0
        self.findings: list[Finding] = []
        self.findings_in_order = True
        """Whether ``findings`` are in report order already: they came from one dossier's
        result, which a checker sorted (:attr:`DossierResult.in_report_order`)."""
        self.errors: list[InputError] = []
        self.inputs: set[str] = set()
        self.jurisdictions: set[tuple[str, ...]] = set()
        self.records: set[_RecordKey] = set()
        self.checked: dict[_RecordKey, _Checked] = {}
        self.scopes: dict[tuple[str | None, tuple[str, ...]], CommunityScope] = {}
        self.seconds: dict[str, float] = {}
        self.cases = 0
        self.applied: Counter[str] = Counter()
        self.dossiers = 0
        self._shared = False
        """Whether ``records`` and ``checked`` are another's (the first result's, taken whole
        to spare a copy, or a built report's): copied before anything is merged into them."""

    def add(self, result: DossierResult) -> None:
        if result.findings:
            self.findings_in_order = not self.findings and result.in_report_order
            self.findings.extend(result.findings)
        self.errors.extend(result.input_errors)
        if result.root is None:
            return
        self.dossiers += 1
        if result.jurisdiction is not None:
            self.jurisdictions.add(result.jurisdiction)
        self.cases += result.cases
        self.applied.update(result.applied)
        if result.scope is not None:
            self.scopes.setdefault((result.scope.community, tuple(result.scope.jurisdiction)),
                                   result.scope)
        if not self.details:  # the files of two dossiers read from paths never overlap
            self.record_count += result.record_count
            return
        self.inputs.update(result.inputs)
        # the first dossier's parts are taken whole (one dossier, the usual call, copies
        # nothing); they are copied before a second is merged, so that neither the results
        # given nor a report built from them change
        if not self.records and not self.checked:
            self.records, self.checked, self._shared = result.records, result.checked, True
        else:
            if self._shared:
                self._own()
            self.records |= result.records
            self._merge_checked(result.checked)
        for file, seconds in result.seconds.items():
            self.seconds[file] = self.seconds.get(file, 0.0) + seconds

    def _own(self) -> None:
        """Copies of ``records`` and ``checked`` (each entry's lists and dicts too) to merge
        into."""
        self.records = set(self.records)
        self.checked = {key: (ref, list(ruled)) for key, (ref, ruled) in self.checked.items()}
        self._shared = False

    def _merge_checked(self, entries: dict[_RecordKey, _Checked]) -> None:
        """Add a dossier's ``checked`` entries: a record given in two dossiers' files gets the
        rules and parameters of both."""
        checked = self.checked
        for key, entry in entries.items():
            mine = checked.get(key)
            if mine is None:
                checked[key] = entry
            else:
                mine[1].extend(entry[1])

    def build_findings_only(self, findings: list[Finding]) -> Report:
        """A report of ``findings`` alone (no counts, no errors), e.g. to apply waivers to."""
        return Report.model_construct(
            ruleset_version=self.book.version, engine=self.engine, jurisdictions=[],
            inputs=[], summary=summarise(findings, [], 0, 0), findings=findings,
            input_errors=[])

    def build(self) -> Report:
        """The report of the results added so far; more may be added after, for a later
        report (this one does not change)."""
        book, checked = self.book, self.checked
        self._shared = True
        findings = (self.findings.copy() if self.findings_in_order
                    else in_report_order(self.findings))
        errors = sorted(self.errors, key=InputError.sort_key)
        inputs = sorted(self.inputs)
        # Made of models and lists made here, all valid: not validated again (each list was
        # walked and copied).
        return trusted(
            Report,
            ruleset_version=book.version,
            engine=self.engine,
            jurisdictions=[list(j) for j in sorted(self.jurisdictions)],
            as_of=self.as_of.isoformat() if self.as_of else None,
            inputs=inputs,
            summary=summarise(findings, errors, len(self.records) + self.record_count, self.cases,
                              self.applied),
            rules=list(_rule_infos(book)),  # the rulebook's, shared: a report's own list
            findings=findings,
            input_errors=errors,
            checked=CheckedEntries.deferred(checked, inputs),  # made when read: shared
            seconds_by_file=dict(sorted(self.seconds.items())),
            scopes=[self.scopes[k] for k in sorted(self.scopes, key=lambda k: (k[0] or "", k[1]))],
        )


_Kept = TypeVar("_Kept")


class _PerRulebook(Generic[_Kept]):
    """What the checker keeps for each live rulebook, made by ``make`` on first use; an entry
    leaves with its rulebook (a what-if's rule set, dropped, takes its entries with it: a cache
    of the last 16 kept up to 16 rule sets alive, and a run of what-ifs grew and shrank by
    them). Keyed by identity: a rulebook is not hashable, and a copy has caches of its own.

    >>> from governance_rules import load_rulebook
    >>> sizes = _PerRulebook(lambda book: [len(book.rules)])
    >>> book = load_rulebook()
    >>> sizes(book) is sizes(book)
    True
    """

    def __init__(self, make: Callable[[Rulebook], _Kept]) -> None:
        self._make = make
        self._kept: dict[int, tuple[weakref.ref[Rulebook], _Kept]] = {}

    def __call__(self, book: Rulebook) -> _Kept:
        key = id(book)
        hit = self._kept.get(key)
        if hit is None or hit[0]() is not book:
            ref = weakref.ref(book)
            hit = self._kept[key] = (ref, self._make(book))
            weakref.finalize(book, self._forget, key, ref)
        return hit[1]

    def _forget(self, key: int, ref: weakref.ref[Rulebook]) -> None:
        """Drop a gone rulebook's entry (unless its key already holds another's)."""
        hit = self._kept.get(key)
        if hit is not None and hit[0] is ref:
            del self._kept[key]


_RULE_INFOS = _PerRulebook(lambda book: [rule_info(rule, book.documents)
                                         for rule in sorted(book.rules, key=lambda r: r.id)])
"""Each live rulebook's rule descriptions, by id (not mutated: an app that checks records one
call at a time gets the same list each time)."""

_RULED_WITH: _PerRulebook[dict[str, RuledWith]] = _PerRulebook(lambda book: {})
"""Each live rulebook's bound rules' ids with their :func:`parameter_uses`, by bound rule
(:attr:`BoundRule.key`), made on first use: the same for every dossier and every call (an app
checking one dossier a call made them again each time); a record's ``checked`` entry lists
the pair of each rule that applied to it."""


_RULE_READS: _PerRulebook[dict[str, frozenset[str]]] = _PerRulebook(lambda book: {})
"""Each live rulebook's fact fields each bound rule's test reads (:func:`_rule_reads`), by
:attr:`BoundRule.key`."""


_PERIOD_PLANS: _PerRulebook[dict[Window, Plans]] = _PerRulebook(lambda book: {})
"""Each live rulebook's calendar periods judged for each kind of body, by window (the same for
every dossier checked over that window: a batch's communities mostly share their years)."""

PERIOD_PLANS_KEPT = 16
"""How many windows' plans :func:`_period_plans` keeps for a rulebook before it starts again."""


def _period_plans(book: Rulebook, window: Window) -> Plans:
    """The calendar periods ``book`` judges over ``window``, as
    :func:`~governance_rules.facts.build_facts` fills them (asking the rule set of every period
    of every kind of body was a third of the period facts' cost, the same for every dossier)."""
    kept = _PERIOD_PLANS(book)
    plans = kept.get(window)
    if plans is None:
        if len(kept) >= PERIOD_PLANS_KEPT:
            kept.clear()
        plans = kept[window] = {}
    return plans


def _rule_infos(book: Rulebook) -> list[RuleInfo]:
    """Every rule of ``book`` as a report describes it, by id; made once a rulebook."""
    return list(_RULE_INFOS(book))


def _scope_of(book: Rulebook, dossier: Dossier) -> tuple[Scope, list[InputError]]:
    """The documents binding the dossier's community; an adopted document the rule set does not
    know is an input error at its place in the community record."""
    scope, _, errors = _scoped(book, dossier)
    return scope, errors


def _scoped(book: Rulebook, dossier: Dossier) -> tuple[Scope, CommunityScope, list[InputError]]:
    """:func:`_scope_of`, with the community's entry of a report's ``scopes``: both made once
    a community (by its id, name, jurisdiction, adopted documents and charter day) and rule
    set, and shared by the checks of it (frozen; the scope keeps what it works out of the
    rules)."""
    located = dossier.community
    community = located.record if located is not None else None
    errors = []
    if located is not None and community is not None:
        for i, doc in enumerate(community.adopts):
            if doc not in book.documents:
                where = located.where("adopts", i)
                errors.append(InputError(
                    type="unknown_document", file=where.file, line=where.line,
                    loc=("community", "adopts", i), input=doc,
                    msg=f"adopts {doc!r}, which is not a document of the rule set; known: "
                        + ", ".join(sorted(book.documents))))
    jurisdiction = dossier.jurisdiction
    key = (jurisdiction, None) if community is None else (
        jurisdiction, community.id, community.name, tuple(community.adopts),
        community.charter_adopted_on)
    kept = _SCOPES(book)
    made = kept.get(key)
    if made is None:
        scope = (scope_for(book, None, jurisdiction) if community is None else scope_for(
            book, community.id, jurisdiction, community.adopts, community.charter_adopted_on))
        if len(kept) >= SCOPES_KEPT:
            kept.clear()
        made = kept[key] = (scope, _scope_entry(book, dossier, scope))
    return made[0], made[1], errors


def _scope_entry(book: Rulebook, dossier: Dossier, scope: Scope) -> CommunityScope:
    community = dossier.community.record if dossier.community else None

    def listed(reasons: Mapping[str, Text]) -> list[DocumentScope]:
        return [DocumentScope(document=d, title=book.documents[d].title, reason=r)
                for d, r in sorted(reasons.items())]

    return CommunityScope(
        community=community.id if community else None,
        name=community.name if community else None,
        jurisdiction=list(dossier.jurisdiction),
        applied=listed(scope.applied), not_applied=listed(scope.not_applied),
        charter_adopted_on=(community.charter_adopted_on.isoformat()
                            if community and community.charter_adopted_on else None))


_SCOPES: _PerRulebook[dict[Hashable, tuple[Scope, CommunityScope]]] = _PerRulebook(
    lambda book: {})
"""Each live rulebook's scopes of the communities checked, with their report entries
(:func:`_scoped`): the same for every check of a community (an app checking one community a
call made them again each time)."""

SCOPES_KEPT = 1024
"""How many communities' scopes :func:`_scoped` keeps for a rulebook before it starts again."""


def _window_for(dossier: Dossier, as_of: date | None,
                window: tuple[date | None, date | None]) -> Window:
    found = record_window(dossier, as_of)
    start, end = window
    return Window(start or found.start, min(end or found.end, as_of or date.max))


def _no_days(dossier: Dossier, as_of: date | None, asked: tuple[date | None, date | None],
             window: Window, named: DayOptions) -> InputError:
    """The input error of a dossier none of whose days the check was asked for: its window
    would start after it ends, e.g. ``records_cover`` from 1 January 2022 and ``--to 2021-06-30``.
    Nothing of it is checked, and the run says so (exit 2) rather than pass on no days; it names
    each end and where it came from, at ``records_cover`` where the dossier has one: a day the
    caller asked for by the name the caller gave it (``named``: ``--to``, ``window[1]`` …).

    (``--from`` after ``--to`` or ``--as-of`` is refused before any dossier is read.)
    """
    community = dossier.community
    cover = community.record.records_cover if community is not None else None
    first_en, first_zh = (named.first if asked[0] is not None
                          else ("the first day of records_cover", "「records_cover」的首日")
                          if cover is not None else ("the first record's day", "最早记录的日期"))
    if as_of is not None and window.end == as_of and (asked[1] is None or as_of < asked[1]):
        last_en, last_zh = named.as_of
    elif asked[1] is not None:
        last_en, last_zh = named.last
    elif cover is not None:
        last_en, last_zh = "the last day of records_cover", "「records_cover」的末日"
    else:
        last_en, last_zh = "the last record's day", "最晚记录的日期"
    en = (f"the days checked would run from {day_name(window.start, 'en')} ({first_en}) to "
          f"{day_name(window.end, 'en')} ({last_en}): the first is after the last, no day is "
          "left to check, and none of these records is checked; ask for days they cover")
    zh = (f"检查期间将自{day_name(window.start, 'zh')}（{first_zh}）至"
          f"{day_name(window.end, 'zh')}（{last_zh}），起日晚于止日，没有一天可检查，"
          "这些记录均未检查；请指定记录覆盖的日子")
    if community is not None:
        field_path = ("records_cover",) if cover is not None else ()
        where = community.where(*field_path)
        return InputError(type="value_error", file=where.file, line=where.line,
                          loc=(*community.path, *field_path), msg=en, ctx={"zh": zh})
    return InputError(type="value_error", file=dossier.files[0] if dossier.files else dossier.root,
                      msg=en, ctx={"zh": zh})


def _fact_options(book: Rulebook, dossier: Dossier) -> FactOptions:
    """The FIN-SPLITTING window and grouping key, from the parameters of the dossier's jurisdiction."""
    values: dict[str, Any] = {}
    community = dossier.community.record.id if dossier.community else None
    place = book.place_of(dossier.jurisdiction, community)
    for name, option in (("fin.split_window_days", "split_window_days"),
                         ("fin.split_group_key", "split_key")):
        param = book.parameters.get(name)
        version = param.version_for(place, date.max) if param else None
        if version is not None:
            values[option] = version.value
    key = values.get("split_key", "payee")
    if key not in ("payee", "purpose"):
        param = book.parameters["fin.split_group_key"]
        raise RulebookError(param.file, param.line or None,
                            f"fin.split_group_key is {key!r}; expected payee or purpose",
                            f"参数 fin.split_group_key 为「{key}」，须为 payee 或 purpose")
    return FactOptions(**values)


@lru_cache(maxsize=4096)
def _titled(zh: str, en: str) -> Text:
    """A title in both languages, one object a title (report models are frozen)."""
    return trusted(Text, zh=zh, en=en)


def _source(citation: Citation, documents: Mapping[str, Document]) -> Source:
    return _cited(citation.document, document_title(documents.get(citation.document)),
                  tuple(citation.lines), citation.quote)


@lru_cache(maxsize=4096)
def _cited(document: str, title: Text | None, lines: tuple[int, ...], quote: str) -> Source:
    """One source object a clause, shared by the findings that cite it (report models are frozen)."""
    return trusted(Source, document=document, title=title, lines=list(lines), quote=quote,
                   quote_simplified=simplified_quote(quote))


def document_title(document: Document | None) -> Text | None:
    """The title of ``document`` in both languages, as clause objects carry it (shared, not
    copied per finding)."""
    if document is None or not document.title:
        return None
    return _titled(document.title, document.title_in("en"))


def parameter_uses(book: Rulebook, bound: BoundRule) -> dict[str, ParameterUse]:
    """The parameter versions ``bound`` was judged with, each with the clause it rests on: the
    version's own reference (a jurisdiction's document), else, for the rule set's own values,
    the parameter's. A what-if rests on none, nor does an overlay's version that cites none:
    the parameter's clause states the value it replaced (HLS-356:26's 80%, not a street's 2/3)."""
    out = {}
    for name, version in sorted(bound.parameters.items()):
        reference = version.reference or (None if version.what_if or version.overlay
                                          else book.parameters[name].reference)
        out[name] = trusted(
            ParameterUse,
            value=render_value(version.value),
            in_force_from=version.from_.isoformat() if version.from_ else None,
            overlay=version.overlay or None,
            source=_source(reference, book.documents) if reference is not None else None,
        )
    return out


def rule_info(rule: Rule, documents: Mapping[str, Document] | None = None) -> RuleInfo:
    """The report's description of ``rule``; ``help`` is its anchor in docs/rules.md. With the
    rule set's ``documents``, each clause names its document's title."""
    return RuleInfo(
        id=rule.id, catalogue=list(rule.catalogue), severity=rule.severity,
        title=Text(zh=rule.title.zh, en=rule.title.en),
        sources=[_source(c, documents or {}) for c in rule.source],
        help=f"docs/rules.md#{rule.id}",
    )


def cases_for(book: Rulebook, facts: Iterable[Fact], scope: Scope | None = None,
              unpaired: list[Fact] | None = None) -> list[Case]:
    """Pair every fact with the rules for its type that select it, are in force on its day and,
    given the community's ``scope``, cite a document that binds it; the facts no rule was
    paired with are added to ``unpaired``, if given.

    Facts of one type with the same guarded values (:meth:`Rulebook.guarded_values`), in one
    place, before or from the day the charter was adopted, are paired with the same bound
    rules wherever no rule's binding changes with the day (most rule sets change on no day):
    those are worked out once for all the communities whose scope admits rules alike
    (:meth:`Rulebook.pairings`), not once a fact. Facts come in runs of one type and place:
    where those are kept (:meth:`Rulebook.paired`) is looked up once a run, and each fact by
    its guarded values alone.
    """
    cases: list[Case] = []
    add = cases.append
    alone = unpaired if unpaired is not None else []
    admitted = scope.admitted if scope is not None else None
    charter_from = scope.charter_from if scope is not None else None
    kept = book.pairings(scope.admission if scope is not None else None)
    own = scope.place if scope is not None else None
    kind: str | None = None
    seen: tuple[str, ...] | None = None
    place: tuple[str, ...] = ()
    bounds: Sequence[BoundRule] | None
    for fact in facts:
        if fact.type is not kind or fact.jurisdiction is not seen:
            kind, seen = fact.type, fact.jurisdiction
            place = own or seen
            guard = book.guarded_values(kind)
            before, after = book.paired(kept, kind, place)
        try:
            key = guard(fact.values)
        except KeyError:  # values without a guarded field: a fact no rule reads
            bounds = _bound_every_day(book, fact, admitted, place)
        else:
            paired = after if charter_from is not None and charter_from <= fact.day else before
            bounds = paired.get(key, _UNKNOWN)
            if bounds is _UNKNOWN:
                bounds = paired[key] = _bound_every_day(book, fact, admitted, place)
        if bounds is None:  # some rule's binding changes with the day
            bounds = _bound_on_day(book, fact, admitted, place)
        if not bounds:
            alone.append(fact)
        for bound in bounds:
            add((bound, fact))
    return cases


_UNKNOWN: Any = object()

_Admitted = Callable[[tuple[Rule, ...], date], tuple[Rule, ...]]


def _bound_every_day(book: Rulebook, fact: Fact, admitted: _Admitted | None,
                     place: tuple[str, ...]) -> tuple[BoundRule, ...] | None:
    """The bound rules that select ``fact`` in ``place`` (:attr:`Scope.place`), if they bind
    alike on every day, else ``None``."""
    rules = _selecting(book, fact, admitted)
    return book.bound_every_day(rules, place, fact.day) if rules else ()


def _bound_on_day(book: Rulebook, fact: Fact, admitted: _Admitted | None,
                  place: tuple[str, ...]) -> list[BoundRule]:
    """The bound rules that select ``fact`` in ``place`` on its day."""
    return [bound for rule in _selecting(book, fact, admitted)
            if (bound := book.bind(rule, place, fact.day)) is not None]


def _selecting(book: Rulebook, fact: Fact, admitted: _Admitted | None) -> tuple[Rule, ...]:
    """The rules that select ``fact`` and that the community's scope admits on its day."""
    rules = book.rules_selecting(fact.type, fact.values)
    return admitted(rules, fact.day) if rules and admitted is not None else rules


def values_no_source_gives(book: Rulebook, bound: BoundRule, fact: Fact,
                           place: tuple[str, ...] | None = None,
                           ) -> tuple[list[tuple[Parameter, Any]], list[tuple[Parameter, Any]]]:
    """The values ``bound`` judged ``fact`` with that no source gives, each with its
    parameter: the what-if values, other than the value the sources give the fact's ``place``
    (its jurisdiction, and its community where the rule set names it: :meth:`Rulebook.place_of
    <governance_rules.rulebook.Rulebook.place_of>`) and day anyway (a what-if of 4/5 for the
    consent share checks a community of HLS-356, whose share is 80%, by its own rule); and,
    apart, an overlay's versions that cite no clause (no ``reference``), other than the rule
    set's own value that day: a place's own setting, which a finding names as such, not as a
    what-if."""
    what_ifs: list[tuple[Parameter, Any]] = []
    unsourced: list[tuple[Parameter, Any]] = []
    for name, version in bound.parameters.items():
        if version.what_if:
            replaced = book.replaced.get(name)
            before = (replaced.version_for(place or fact.jurisdiction, fact.day)
                      if replaced else None)
            kept = what_ifs
        elif version.overlay and version.reference is None:  # a place's value, on no clause
            before = book.parameters[name].version_for((), fact.day)
            kept = unsourced
        else:
            continue
        if before is None or before.value != version.value:
            kept.append((book.parameters[name], version.value))
    return what_ifs, unsourced


def finding_for(bound: BoundRule, fact: Fact, book: Rulebook,
                used: dict[str, ParameterUse] | None = None,
                community: str | None = None, scope: Scope | None = None,
                left_out: Sequence[tuple[date, Located[Any]]] = (),
                bodies_note: tuple[str, str, str] | None = None, *,
                later: bool = False) -> Finding:
    """The finding for a violated case, citing the clauses that decided it.

    ``bodies_note``: :func:`bodies_left_out_note`, where the dossier's bodies were not all
    checked: the finding says its verdict may rest on their absence.

    ``left_out``: the records of the fact's period left out for their input errors, each with
    the day it would have counted on: the finding names them, since it was judged without them
    and may not stand once they are corrected.

    A warning-level norm (一般 / 原则上 / 为宜) met by an exception stated on the record
    (``special_circumstances``) becomes ``info`` and quotes the reason; a mandatory rule never does.
    With the community's ``scope``, a record dated before the community adopted the model
    charter does not cite the charter's lines (a clause the annex and the charter both state is
    cited at the annex's line alone).

    ``later``: the finding's explanation (message, evidence, the clauses cited, the body
    named) is made when first read (:meth:`Finding.explained_later`), for a caller that holds
    the dossier anyway. A warning's too: the exception that makes it ``info`` is a name the
    fact is given when made (its ``later`` adds only words), read without explaining it.
    """
    shared = _shared(bound, book.documents)
    severity = shared.severity
    exception = (fact.names.get("special_circumstances") if severity is Severity.WARNING
                 else None)
    if exception:
        severity = Severity.INFO
    ref = fact.ref
    where = ref.where
    # Built from validated parts only, so validation is skipped (it dominated the cost of a finding).
    made = Finding.explained_later if later else _explained
    return made(
        partial(_explanation, shared, bound, fact, book, scope, left_out, bodies_note, exception),
        rule_id=shared.rule_id,
        severity=severity,
        title=shared.title,
        record=trusted(RecordLocation, id=ref.id, type=ref.type, file=where.file,
                       line=where.line, path=where.path),
        jurisdiction=list(fact.jurisdiction),
        community=community,
        date=fact.day.isoformat(),
        parameters=used if used is not None else parameter_uses(book, bound))


def _explained(explain: Callable[[], dict[str, Any]], /, **values: Any) -> Finding:
    """The finding :meth:`Finding.explained_later` would make of the same arguments, explained
    now."""
    return trusted(Finding, **values, **explain())


def _explanation(shared: _Shared, bound: BoundRule, fact: Fact, book: Rulebook,
                 scope: Scope | None, left_out: Sequence[tuple[date, Located[Any]]],
                 bodies_note: tuple[str, str, str] | None, exception: str | None
                 ) -> dict[str, Any]:
    """The fields of :data:`~governance_rules.report.model.EXPLAINED` for :func:`finding_for`:
    the explanation of the violated case, the clauses that decided it, the message with its
    notes; ``exception``: the reason stated that met a warning (quoted, and held in
    ``evidence.details``)."""
    fact = fact.explained()
    explanation: Explanation = bound.kind.explain(fact, bound.params)
    unadopted = (scope.charter_parts if scope is not None and scope.charter_parts and (
        scope.charter_from is None or fact.day < scope.charter_from) else None)
    cited = shared.sources(explanation.failed, fact.jurisdiction, unadopted, scope)
    people = fact.people
    zh = render_message(shared.message_zh, explanation, "zh", people)
    en = render_message(shared.message_en, explanation, "en", people)
    evidence = explanation.evidence
    required = evidence["required"]
    if not (required.zh and required.en):  # the kind left a language to the rule's title
        title = shared.title
        evidence["required"] = title if not (required.zh or required.en) else trusted(
            Text, zh=required.zh or title.zh, en=required.en or title.en)
    body = _body_of(fact)
    if body is not None:
        zh, en = _naming(zh, en, body.name)
    what_ifs, unsourced = values_no_source_gives(
        book, bound, fact, scope.place if scope is not None else None)
    if what_ifs:  # the clause cited is the rule's basis; the check ran with another value
        zh = (f"{zh}；本次检查用了假设值：" + "，".join(
            f"{p.description.zh}为{p.value_words(v, 'zh')}" for p, v in what_ifs) + "，非原文的规定")
        en = (f"{en}; checked with {'a what-if value' if len(what_ifs) == 1 else 'what-if values'}"
              ", not the source's: " + " and ".join(
            f"{p.description.en} is {p.value_words(v, 'en')}" for p, v in what_ifs))
    if unsourced:  # the rule set's own value for the place, on no clause it names
        zh = (f"{zh}；本次检查用了本地设定值：" + "，".join(
            f"{p.description.zh}为{p.value_words(v, 'zh')}" for p, v in unsourced)
            + "，规则集未注明其依据，非原文的规定")
        en = (f"{en}; checked with {'a local value' if len(unsourced) == 1 else 'local values'}"
              " the rule set gives no source for, not the source's: " + " and ".join(
            f"{p.description.en} is {p.value_words(v, 'en')}" for p, v in unsourced))
    if exception:
        zh, en = f"{zh}（已说明特殊情况：{exception}）", f"{en} (stated exception: {exception})"
        evidence["details"] = {**evidence["details"], "exception": exception}
    if left_out:  # a clause of its own, so that its brackets are not inside another's
        note_zh, note_en = left_out_note(left_out)
        zh, en = f"{zh}；{note_zh}", f"{en}; {note_en}"
        evidence["details"] = {**evidence["details"], "left_out": ", ".join(
            located.record.id for _, located in left_out)}
    if bodies_note is not None:
        note_zh, note_en, ids = bodies_note
        zh, en = f"{zh}；{note_zh}", f"{en}; {note_en}"
        evidence["details"] = {**evidence["details"], "bodies_left_out": ids}
    return {"catalogue": shared.catalogue_for(explanation.failed), "body": body,
            "message": trusted(Text, zh=zh, en=en), "evidence": trusted(Evidence, **evidence),
            "source": cited[0], "sources": cited}


def left_out_note(left_out: Sequence[tuple[date, Located[Any]]]) -> tuple[str, str]:
    """What a finding adds (zh, en) about the records of its period left out for their input
    errors, each named by its kind, id, own day (where it has one) and place.

    >>> from governance_rules.models import Meeting
    >>> meeting = Meeting(id="rc-2022-02", body="rc", kind="regular", date="2022-02-05",
    ...                   present=[])
    >>> left = [(date(2022, 2, 5), Located(meeting, "meetings.yaml", ("meetings", 1)))]
    >>> zh, en = left_out_note(left)
    >>> zh
    '另：会议「rc-2022-02」（2022年2月5日，meetings.yaml）因输入错误未纳入本次检查，更正后本项结论可能改变'
    >>> print(en.replace(", was", ",\\nwas"))
    also: meeting rc-2022-02 of 5 February 2022, meetings.yaml,
    was left out of this check for its input errors; the verdict may change once it is corrected
    """
    zh, en = [], []
    for _, located in left_out:
        record = located.record
        where = located.where()
        code = _RECORD_CODES.get(record.model if isinstance(record, RefusedRecord)
                                 else type(record), "record")
        # the record's own day: a ledger counts on its month, but is dated by none
        day = getattr(record, "date", None) or getattr(record, "submitted_on", None)
        place_zh = where.file + ("" if where.line is None else f"第{where.line}行")
        place_en = where.file + ("" if where.line is None else f":{where.line}")
        zh.append(f"{record_type(code, 'zh')}「{record.id}」（"
                  + (f"{day_name(day, 'zh')}，" if day else "") + f"{place_zh}）")
        en.append(f"{record_type(code, 'en')} {record.id}"
                  + (f" of {day_name(day, 'en')}" if day else "") + f", {place_en}")
    several = len(left_out) > 1
    return (f"另：{'、'.join(zh)}因输入错误未纳入本次检查，更正后本项结论可能改变",
            f"also: {'; '.join(en)}, {'were' if several else 'was'} left out of this check for "
            f"{'their' if several else 'its'} input errors; the verdict may change once "
            f"{'they are' if several else 'it is'} corrected")


def bodies_left_out_note(dossier: Dossier) -> tuple[str, str, str] | None:
    """What every finding of ``dossier`` adds (zh, en, and the bodies' ids) where a body of it
    was left out for its input errors (refused by its own checks, or for a person on two
    seats): the records naming it were left out with it, and a verdict may rest on what it
    would have given (a worker's reports at its meetings, a convener on its roster). ``None``
    where every body was checked.

    >>> from governance_rules.records.loader import dossier_from_data
    >>> files = {"b.yaml": {"body": {"id": "rc", "kind": "residents_committee", "name": "居委会",
    ...                              "established": "2022-02-30", "seats": []}}}
    >>> bodies_left_out_note(dossier_from_data(files))[0]
    '另：机构居委会（rc，b.yaml）因输入错误未予检查，依赖其名册或记录的结论更正后可能改变'
    """
    named = bodies_left_out(dossier)
    if not named:
        return None
    zh = "、".join((f"{name}（{id_}，" if name else f"「{id_}」（") + file
                  + ("" if line is None else f"第{line}行") + "）"
                  for id_, (file, line, name) in named.items())
    en = "; ".join((f"{name} ({id_}, " if name else f"{id_!r} (") + file
                   + ("" if line is None else f":{line}") + ")"
                   for id_, (file, line, name) in named.items())
    several = len(named) > 1
    return (f"另：机构{zh}因输入错误未予检查，依赖其名册或记录的结论更正后可能改变",
            f"also: {'bodies' if several else 'body'} {en} {'were' if several else 'was'} left "
            "out for input errors; a verdict resting on "
            f"{'their' if several else 'its'} roster or records may change once corrected",
            ", ".join(named))


_RECORD_CODES: dict[type[Any], str] = {
    model: key for key, (collection, model) in RECORD_KEYS.items() if key != collection}
"""Each record model's type as a record file names one (``meeting:``)."""


_SOURCES_KEPT = 64
"""How many (failed clauses, place) pairs a bound rule keeps the sources of."""


@dataclass
class _Shared:
    """What the findings of one bound rule share, made once: the rule's id, catalogue,
    severity, title and message (a rule's fields are slow to read), and the sources that
    decide a finding by the clauses that failed, each with its document (asked whether it
    binds the record's place). Report models are frozen: findings share them."""

    rule: Rule
    documents: Mapping[str, Document]
    rule_id: str
    catalogue: tuple[str, ...]
    severity: Severity
    title: Text
    message_zh: str
    message_en: str
    overlay: list[Source]
    """The source of :func:`_overlay_citations`, cited first."""
    by_place: dict[tuple[tuple[str, ...], Hashable, object], list[Source]] = field(
        default_factory=dict)
    """The sources by the clauses that failed, the record's place (its community's scope,
    where known) and the charter's lines not yet adopted."""

    def catalogue_for(self, failed: tuple[str, ...]) -> list[str]:
        """The ids the finding names: the rule's, led by those of the catalogue's overlaps
        for a clause that failed (:meth:`Rule.catalogue_for`)."""
        if not self.rule.overlaps:
            return list(self.catalogue)
        return self.rule.catalogue_for(failed)

    def sources(self, failed: tuple[str, ...], jurisdiction: tuple[str, ...],
                unadopted: Mapping[str, tuple[int, int]] | None = None,
                scope: Scope | None = None) -> list[Source]:
        """The overlay's source, then those of the rule's
        :func:`~governance_rules.rulebook.book.deciding_citations` (a list of its own), the
        documents binding the place read from the community's ``scope`` where given (by its
        place or by adoption: a township that adopted ZZB-TAONAN is cited Taonan's clause, not
        Dingyuan's), without the lines of ``unadopted`` (by document, the charter's span of
        lines that does not bind the record yet)."""
        place = (failed, jurisdiction if scope is None else scope.admission,
                 None if not unadopted else tuple(sorted(unadopted.items())))
        cited = self.by_place.get(place)
        if cited is None:
            documents = self.documents
            chosen = [(_source(c, documents), documents.get(c.document))
                      for c in _adopted_lines(citations_for_clauses(self.rule, failed),
                                              unadopted)]
            if len(self.by_place) >= _SOURCES_KEPT:
                self.by_place.clear()
            cited = self.by_place[place] = [*self.overlay, *binding_here(
                chosen, jurisdiction, None if scope is None else scope.applied)]
        return cited.copy()


def _adopted_lines(citations: list[Citation], unadopted: Mapping[str, tuple[int, int]] | None
                   ) -> list[Citation]:
    """``citations`` without the lines ``unadopted`` spans (by document: the charter before the
    community adopted it); one left with no line is left out, unless none would be left.

    >>> cited = Citation(document="SQ-SIFANG", lines=[343, 449], quote="出席人过半数通过")
    >>> [c.lines for c in _adopted_lines([cited], {"SQ-SIFANG": (422, 480)})]
    [[343]]
    """
    if not unadopted:
        return citations
    kept = []
    for citation in citations:
        span = unadopted.get(citation.document)
        lines = (citation.lines if span is None
                 else [n for n in citation.lines if not span[0] <= n <= span[1]])
        if lines:
            kept.append(citation if len(lines) == len(citation.lines)
                        else citation.model_copy(update={"lines": lines}))
    return kept or citations


_SHARED: weakref.WeakKeyDictionary[BoundRule, _Shared] = weakref.WeakKeyDictionary()
"""Each bound rule's shared finding parts; an entry leaves with its bound rule (that is, with
its rulebook's bindings)."""


def _shared(bound: BoundRule, documents: Mapping[str, Document]) -> _Shared:
    """``bound``'s shared parts, made at its first finding (anew for other ``documents``)."""
    shared = _SHARED.get(bound)
    if shared is None or shared.documents is not documents:
        rule = bound.rule
        shared = _SHARED[bound] = _Shared(
            rule, documents, rule.id, tuple(rule.catalogue), rule.severity,
            _titled(*rule.title_with({n: v.value for n, v in bound.parameters.items()})),
            rule.message.zh, rule.message.en,
            [_source(c, documents) for c in _overlay_citations(bound)])
    return shared


def _overlay_citations(bound: BoundRule) -> list[Citation]:
    """The clause of a place's own document that set the value the rule was judged with (an
    overlay version's ``reference``), when the rule reads that one parameter only: it decided
    the finding, so it is cited first (a district's 2/3, not the 80% it replaced). A rule that
    reads several parameters keeps its own clauses; the overlay's clause is in ``parameters``."""
    if len(bound.parameters) != 1:
        return []
    version = next(iter(bound.parameters.values()))
    return [version.reference] if version.overlay and version.reference is not None else []


def _naming(zh: str, en: str, body: str) -> tuple[str, str]:
    """The message (zh, en), led by the body's name where the rule's text does not say it."""
    return (zh if body in zh else f"{body}：{zh}", en if body in en else f"{body}: {en}")


def _body_of(fact: Fact) -> BodyRef | None:
    body = fact.values.get("body")
    if not isinstance(body, str) or not body:  # "": the record is the community's own
        return None
    return _body_ref(body, fact.names.get("body_name", body))


@lru_cache(maxsize=4096)
def _body_ref(id_: str, name: str) -> BodyRef:
    """A body as a finding names it, one object a body (report models are frozen)."""
    return trusted(BodyRef, id=id_, name=name)


def render_message(template: str, explanation: Explanation, lang: str,
                   people: Mapping[str, str] | None = None) -> str:
    """``template`` filled from the explanation's values in ``lang``, in words (the dossier's
    ``people``, id → name, by name first); only the values the template names are put in
    words."""
    values = explanation.values
    words = {}
    for name, count, forms in _placeholders(template):
        value = values[count]
        text = value if isinstance(value, str) else value[lang]
        if "-" in text or " (" in text:  # else in_words leaves it as it is (most values): not called
            text = in_words(text, lang, people)
        words[name] = text if forms is None else count_with_noun(text, forms, lang)
    return template.format_map(words)


@lru_cache(maxsize=4096)
def _placeholders(template: str) -> tuple[tuple[str, str, tuple[str, str] | None], ...]:
    """Each placeholder of a rule's message once, with the value it names and, for a count
    with its noun, the noun's forms (:func:`~governance_rules._words.split_placeholder`):
    parsed once a template, not once a finding."""
    return tuple((name, *split_placeholder(name)) for name in template_fields(template))


@lru_cache(maxsize=4096)
def template_fields(template: str) -> tuple[str, ...]:
    """The names a ``str.format`` template uses: ``{a} of {b}`` → ``("a", "b")``."""
    return tuple(dict.fromkeys(name for _, name, _, _ in Formatter().parse(template) if name))
