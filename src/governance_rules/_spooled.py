"""A whole report in bounded memory: what :class:`~governance_rules._checker.ReportBuilder`
keeps in memory goes to temporary files here, each entry already rendered.

:class:`SpooledReport` takes the same :class:`~governance_rules._checker.DossierResult` objects,
in the same order, and keeps only counts (the summary, the exit code) and the set of
jurisdictions; each finding, input error, ``checked`` entry, input file and community scope is
rendered to its JSON text (as it appears inside the JSON report) and written to a
:class:`~governance_rules.render._spool.SortedSpool` as soon as its dossier's result arrives.
:func:`governance_rules.render.json.write_json` then streams the document from the spools, byte
for byte the document :func:`~governance_rules.render.json.render_json` gives for the
:class:`~governance_rules.report.model.Report` that ``ReportBuilder`` would have built.

Waivers are applied as findings arrive (:class:`~governance_rules.waivers.apply.WaiverLedger`),
so the spool holds findings as the report shows them.

The other formats (the text report, SARIF, GitHub annotations, GitLab Code Quality, the HTML
page, the workbook) use the same spools for their findings and input errors alone
(``entries=False``, ``finding_entry=`` the format's, e.g.
:func:`~governance_rules.render.text.text_entry`, in the format's order, ``finding_key=``), and
the format's writer (e.g. :func:`~governance_rules.render.text.write_text`) writes them from
those; each format's module says so in its ``kept`` (:mod:`governance_rules.render._kept`).
JUnit's findings spool holds its test cases too, in its own order
(:func:`~governance_rules.render.junit.junit_items`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from functools import partial
from json.encoder import encode_basestring
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Protocol

from pydantic_core import to_json

from .errors import InputError
from .render._common import json_inert
from .render._spool import PackedRun, SortedSpool
from .report.model import (
    CheckedRecord,
    CommunityScope,
    Finding,
    Report,
    Severity,
    Summary,
    keys_in_report_order,
    rules_and_parameters,
)

if TYPE_CHECKING:
    from ._checker import DossierResult
    from .rulebook import Rulebook
    from .waivers.model import LocatedWaiver

INDENT = "    "
"""Entries of the report's top-level lists sit two levels deep in the indented JSON."""


def _entry(text: str) -> str:
    """A model's ``model_dump_json(indent=2)`` as an entry of a top-level list, inert
    (:func:`~governance_rules.render._common.json_inert`: made so where it is rendered, often a
    worker process, not when the report is written)."""
    return json_inert(INDENT + text.replace("\n", "\n" + INDENT))


class SpooledReport:
    """Merges dossier results into a report kept on disk, entry by entry (see the module).

    >>> from governance_rules import load_rulebook
    >>> spooled = SpooledReport(load_rulebook(), "native", None)
    >>> spooled.finish()
    >>> spooled.summary().total, spooled.exit_code()
    (0, 0)
    """

    def __init__(self, book: Rulebook, engine: str, as_of: date | None, *,
                 waivers: Sequence[LocatedWaiver] | None = None, today: date | None = None,
                 entries: bool = True, finding_entry: Callable[[Finding], Any] | None = None,
                 finding_key: Callable[[Finding], Any] | None = None,
                 community_names: bool = False, unused_waivers: bool = True) -> None:
        from .waivers.apply import WaiverLedger

        self.book, self.engine, self.as_of = book, engine, as_of
        self.ledger = (WaiverLedger(waivers, today or date.today(),
                                    report_unused=unused_waivers)
                       if waivers is not None else None)
        self.findings, self.errors = SortedSpool(), SortedSpool()
        self.checked, self.inputs, self.scopes = SortedSpool(), SortedSpool(), SortedSpool()
        self.record_keys = SortedSpool()
        """The records that gave facts, of results checked here from data (counted once each
        at the end: dossiers given as data may share file names); a worker's results
        (:func:`report_texts`, dossiers read from paths) are counted as they come."""
        self.jurisdictions: set[tuple[str, ...]] = set()
        self._titles: dict[str, tuple[tuple[str, tuple[str, ...]], str]] = {}
        self._names: dict[str, dict[tuple[str, ...], str | None]] | None = (
            {} if community_names else None)
        """With ``community_names``, each community's names by its places (for
        :meth:`community_names`: one entry a community)."""
        self.active: Counter[str] = Counter()
        self.by_rule: Counter[str] = Counter()
        self.applied: Counter[str] = Counter()
        self.suppressed = self.records = self.cases = self.dossiers = self.total = 0
        self.entries = entries
        """False: no ``checked`` entries, inputs or scopes are kept; records are then counted
        without de-duplication, which is exact for dossiers read from paths (their files never
        overlap)."""
        self.finding_entry = finding_entry
        """What the findings spool keeps of a finding (:meth:`finding_payloads`): by default
        its JSON entry (:func:`json_entry`), e.g. its text lines for ``--format text``. With
        neither ``entries`` nor ``finding_entry`` only counts and input errors are kept
        (``--format jsonl``, whose findings are written as they come)."""
        self.finding_key = finding_key
        """The order of the findings spool (by default :meth:`Finding.sort_key`, the report's)."""
        self.keeps_findings = entries or finding_entry is not None
        self.closing: list[Finding] = []
        """The findings about waivers, once :meth:`finish` has run."""
        self._finished = False

    def add(self, result: DossierResult) -> list[Finding]:
        """Spool one dossier's result (results come in the order a report merges them);
        returns its findings as the report shows them (waivers applied). Entries the worker
        rendered (:func:`report_texts`) are spooled as they came."""
        texts = result.texts or {}
        findings: list[Finding] = result.findings
        if self.ledger is not None and findings:
            findings = self.ledger.apply(findings)
        self._add_findings(findings)
        rendered = texts.get("findings")
        if result.lines is not None or rendered is not None:  # rendered by the worker: counted
            if self.ledger is not None or (self.keeps_findings and rendered is None):
                raise ValueError("findings rendered by the workers cannot be waived or spooled")
            self._add_tally(result.tally)
            if rendered is not None and self.keeps_findings:
                self.findings.add_packed(rendered)
        if "cases" in texts:  # JUnit's records checked, when its findings were not rendered
            self.findings.add_packed(texts["cases"])
        self.errors.add_run((e.sort_key(), _entry(e.model_dump_json(indent=2)))
                            for e in result.input_errors)
        if result.root is None:
            return findings
        self.dossiers += 1
        if result.jurisdiction is not None:
            self.jurisdictions.add(result.jurisdiction)
        self.cases += result.cases
        self.applied.update(result.applied)
        if result.scope is not None:
            self._note_titles(result.scope)
        if not self.entries:
            self.records += result.record_count
            return findings
        if "checked" in texts:  # rendered by a worker: a dossier read from paths, whose
            self.records += result.record_count  # files no other dossier shares: counted
            self.inputs.add_packed(texts["inputs"])
            self.checked.add_packed(texts["checked"])
        else:
            self.record_keys.add_run(_record_keys(result))
            self.inputs.add_run(_input_names(result))
            self.checked.add_run(_checked_texts(result))
        for key, text in texts["scopes"] if "scopes" in texts else _scope_texts(result):
            self.scopes.add(key, text)
        return findings

    def _note_titles(self, scope: CommunityScope) -> None:
        key = (scope.community or "", tuple(scope.jurisdiction))
        if scope.community and self._names is not None:
            self._names.setdefault(scope.community, {}).setdefault(key[1], scope.name)
        for doc in (*scope.applied, *scope.not_applied):
            if doc.title:
                seen = self._titles.get(doc.document)
                if seen is None or key < seen[0]:
                    self._titles[doc.document] = (key, doc.title)

    def community_names(self) -> dict[str, str]:
        """Community id → name, as a report's scopes give them (a community whose places
        differ between its dossiers has a scope for each: the last one in report order with a
        name gives it), kept as dossiers arrive (``community_names=True``): a name a
        community."""
        if self._names is None:
            raise ValueError("community names are kept only with community_names=True")
        names = {}
        for community, by_places in self._names.items():
            named = [name for _, name in sorted(by_places.items()) if name]
            if named:
                names[community] = named[-1]
        return names

    def document_titles(self) -> dict[str, str]:
        """Document id → title, as :func:`~governance_rules.render._common.document_titles`
        reads them from the report's scopes (the first scope in report order that names the
        document), kept as dossiers arrive: a document a title, however many communities."""
        return {document: title for document, (_, title) in sorted(self._titles.items())}

    def _add_tally(self, tally: Sequence[tuple[str, str, bool]]) -> None:
        for rule_id, severity, active in tally:
            self.by_rule[rule_id] += 1
            if active:
                self.active[severity] += 1
            else:
                self.suppressed += 1
        self.total += len(tally)

    def _add_findings(self, findings: Sequence[Finding]) -> None:
        self._add_tally([f.count_key() for f in findings])
        if self.keeps_findings:
            self.findings.add_run(_finding_entries(findings, self.finding_entry,
                                                   self.finding_key))

    def finding_payloads(self) -> Iterator[Any]:
        """What :attr:`finding_entry` made of each finding, in report order."""
        return (payload for _, payload in self.findings)

    def finish(self, extra_errors: Sequence[InputError] = (), *, interrupted: bool = False
               ) -> None:
        """Once every result is in: the findings about waivers and ``extra_errors`` (e.g. those
        of the waivers files). ``interrupted``: not every result came in, so there are no
        findings about waivers (one unused so far may be used by a dossier not checked)."""
        if self._finished:
            return
        self._finished = True
        if self.ledger is not None and not interrupted:
            self.closing = sorted(self.ledger.closing_findings(), key=Finding.sort_key)
            self._add_findings(self.closing)
        self.errors.add_run((e.sort_key(), _entry(e.model_dump_json(indent=2)))
                            for e in sorted(extra_errors, key=InputError.sort_key))
        if self.entries:
            self.records += sum(1 for _ in _first_of_each(self.record_keys))
        self.record_keys.close()

    def summary(self) -> Summary:
        """The report's counts (once :meth:`finish` has run)."""
        return Summary(
            total=self.total,
            by_severity={s.value: self.active.get(s.value, 0) for s in Severity},
            suppressed=self.suppressed,
            by_rule=dict(sorted(self.by_rule.items())),
            applied=dict(sorted(self.applied.items())),
            input_errors=self.errors.count,
            records_checked=self.records,
            cases_evaluated=self.cases,
        )

    def exit_code(self, fail_on: str = "error") -> int:
        """What :func:`governance_rules.cli.exit_code` gives for the whole report."""
        if self.errors.count:
            return 2
        if fail_on == "never":
            return 0
        rank = Severity(fail_on).rank
        return 1 if any(self.active[s.value] for s in Severity if s.rank >= rank) else 0

    def head(self) -> Report:
        """The report without its long lists (``inputs``, ``findings``, ``input_errors``,
        ``checked``, ``scopes``): those come from :meth:`sections`."""
        from ._checker import _rule_infos

        book = self.book
        return Report(
            ruleset_version=book.version, engine=self.engine,
            jurisdictions=[list(j) for j in sorted(self.jurisdictions)],
            as_of=self.as_of.isoformat() if self.as_of else None,
            inputs=[], summary=self.summary(),
            rules=_rule_infos(book),
            findings=[], input_errors=[], checked=[], scopes=[])

    def sections(self) -> dict[str, Iterator[str]]:
        """Each long list of the report as the JSON text of its entries, in report order, each
        entry already inert."""
        return {
            "inputs": (json_inert(INDENT + to_json(name).decode())
                       for name, _ in _first_of_each(self.inputs)),
            "findings": (text for _, text in self.findings),
            "input_errors": (text for _, text in self.errors),
            "checked": _merged_checked(self.checked),
            "scopes": (text for _, text in _first_of_each(self.scopes)),
        }

    def iter_findings(self) -> Iterator[Finding]:
        """The findings in report order, read back from the spool."""
        for _, text in self.findings:
            yield Finding.model_validate_json(text)

    def input_errors(self) -> list[InputError]:
        """Every input error in report order, read back from the spool."""
        return [InputError.model_validate_json(text) for _, text in self.errors]

    def summary_report(self) -> Report:
        """The report's head with its input errors (no findings): what a closing summary
        line needs."""
        return self.head().model_copy(update={"input_errors": self.input_errors(),
                                              "rules": []})

    def close(self) -> None:
        for spool in (self.findings, self.errors, self.checked, self.inputs, self.scopes,
                      self.record_keys):
            spool.close()

    def __enter__(self) -> SpooledReport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class KeptFormat(Protocol):
    """What :func:`worker_step` reads of a format kept on disk
    (:class:`governance_rules.render._kept.Kept`)."""

    @property
    def worker(self) -> Callable[..., DossierResult] | None: ...
    @property
    def report_entries(self) -> bool: ...
    @property
    def finding_entry(self) -> Callable[[Finding], Any] | None: ...
    @property
    def finding_key(self) -> Callable[[Finding], Any] | None: ...


def worker_step(kept: KeptFormat, findings: bool = True
                ) -> Callable[[DossierResult], DossierResult] | None:
    """What a worker process does with each dossier's result for a report kept as ``kept``
    says: the format's own step (JUnit's items), or the JSON report's entries
    (:func:`report_texts`), or each finding's entry (:func:`finding_entries`). With
    ``findings=False`` (waivers are to be applied first) findings come back as models.

    >>> from governance_rules.render import kept_on_disk
    >>> from governance_rules.render._kept import FormatOptions
    >>> worker_step(kept_on_disk("json", FormatOptions())).func.__name__
    'report_texts'
    """
    if kept.worker is not None:
        return partial(kept.worker, findings=findings)
    if kept.report_entries:
        return partial(report_texts, findings=findings)
    if not findings:
        return None
    return partial(finding_entries, entry=kept.finding_entry, key=kept.finding_key)


def report_texts(result: DossierResult, findings: bool = True) -> DossierResult:
    """``result`` with its entries of the JSON report rendered as :class:`SpooledReport` spools
    them (``checked``, the scope and, with ``findings``, the findings with their ``tally``),
    the long sections packed as the spool stores them (the scope, one entry, as its pair): a
    worker process renders and packs them in parallel, and sends bytes rather than models.

    Findings stay models when waivers are to be applied to them (``findings=False``). The
    records are counted, not listed: a dossier read from paths shares no file with another.

    >>> from governance_rules import load_rulebook
    >>> from governance_rules._checker import DossierChecker
    >>> from governance_rules.records import dossier_from_data
    >>> result = DossierChecker(load_rulebook()).check(dossier_from_data({"c": {"community": {
    ...     "id": "c", "name": "x", "jurisdiction": ["cn"]}}}))
    >>> sorted(report_texts(result).texts or {})
    ['checked', 'findings', 'inputs', 'scopes']
    """
    texts: dict[str, Any] = {"checked": PackedRun.of(_checked_texts(result)),
                             "inputs": PackedRun.of(_input_names(result)),
                             "scopes": _scope_texts(result)}
    result.checked, result.records, result.inputs = {}, set(), []
    result.texts = texts
    return finding_entries(result) if findings else result


def finding_entries(result: DossierResult, entry: Callable[[Finding], Any] | None = None,
                    key: Callable[[Finding], Any] | None = None) -> DossierResult:
    """``result`` with its findings packed as :class:`SpooledReport` spools them, each as
    ``entry`` makes it (its JSON entry by default; :attr:`SpooledReport.finding_entry`) in the
    order of ``key`` (the report's by default; :attr:`SpooledReport.finding_key`), and only
    their ``tally`` kept: what a worker process does for a report that keeps its findings on
    disk.

    >>> from pathlib import Path
    >>> from governance_rules import load_rulebook
    >>> from governance_rules._checker import DossierChecker
    >>> from governance_rules.records.loader import discover, load_dossier
    >>> (source,), _ = discover([Path("examples/taonan")])
    >>> result = DossierChecker(load_rulebook()).check(load_dossier(source))
    >>> found = len(result.findings)
    >>> packed = finding_entries(result, lambda finding: finding.rule_id)
    >>> packed.findings, len(packed.tally) == packed.texts["findings"].count == found > 0
    ([], True)
    """
    texts = result.texts if result.texts is not None else {}
    texts["findings"] = PackedRun.of(_finding_entries(result.findings, entry, key))
    result.tally = [f.count_key() for f in result.findings]
    result.findings = []
    result.texts = texts
    return result


def _record_keys(result: DossierResult) -> Iterator[tuple[Any, None]]:
    return ((key, None) for key in sorted(result.records))


def _input_names(result: DossierResult) -> Iterator[tuple[Any, None]]:
    return ((name, None) for name in sorted(set(result.inputs)))


def json_entry(finding: Finding) -> str:
    """The finding as an entry of the JSON report's ``findings`` (inert)."""
    return _entry(finding.model_dump_json(indent=2))


def _finding_entries(findings: Sequence[Finding], entry: Callable[[Finding], Any] | None,
                     key: Callable[[Finding], Any] | None) -> list[tuple[Any, Any]]:
    """(key, entry) of each finding, sorted by key: its JSON entry in report order unless a
    format says otherwise."""
    make, order = entry or json_entry, key or Finding.sort_key
    return sorted(((order(f), make(f)) for f in findings), key=_first)


def _checked_texts(result: DossierResult) -> Iterator[tuple[Any, str]]:
    """Each ``checked`` entry as ``_entry(CheckedRecord.at(...).model_dump_json(indent=2))``
    renders it, from parts made ready once a dossier (indented and inert: both act on one
    character at a time, so a text's parts can be prepared apart): the records of a body share
    their rules and the parameter versions they were judged with."""
    rules_texts: dict[tuple[str, ...], str] = {}
    uses_texts: dict[tuple[tuple[str, int], ...], str] = {}
    strings: dict[str, str] = {}  # types, files and paths recur record after record
    checked = result.checked
    for key in keys_in_report_order(checked, result.inputs):  # the keys alone: pairs compare slower
        ref, ruled = checked[key]
        rules, uses = rules_and_parameters(ruled)
        where = ref.where
        id_, type_, file, line, path = ref.id, ref.type, where.file, where.line, where.path
        ordered = tuple(sorted(set(rules)) if len(rules) > 1 else rules)
        rules_text = rules_texts.get(ordered)
        if rules_text is None:
            rules_text = rules_texts[ordered] = _part(to_json(ordered, indent=2))
        shared = tuple([(r, id(uses[r])) for r in sorted(uses)]) if uses else ()
        uses_text = uses_texts.get(shared)
        if uses_text is None:
            uses_text = uses_texts[shared] = _part(
                to_json({r: uses[r] for r, _ in shared}, indent=2))
        type_text = strings.get(type_) or strings.setdefault(type_, _string(type_))
        file_text = strings.get(file) or strings.setdefault(file, _string(file))
        path_text = strings.get(path) or strings.setdefault(path, _string(path))
        record = (f'{{{_FIELD}"id": {_string(id_)},{_FIELD}"type": {type_text},'
                  f'{_FIELD}"file": {file_text},'
                  f'{_FIELD}"line": {"null" if line is None else int(line)},'
                  f'{_FIELD}"path": {path_text}\n  {INDENT}}}')
        yield key, (f'{_OPEN}{record},{_RULES}{rules_text},{_PARAMETERS}{uses_text}{_CLOSE}')


_OPEN = f'{INDENT}{{\n{INDENT}  "record": '
_RULES = f'\n{INDENT}  "rules": '
_PARAMETERS = f'\n{INDENT}  "parameters": '
_CLOSE = f'\n{INDENT}}}'


_FIELD = f"\n  {INDENT}  "
"""Before each field of an entry's ``record``."""


def _string(text: str) -> str:
    """``text`` as a JSON string as pydantic writes it (``ensure_ascii=False``: the same
    escapes), inert."""
    encoded = encode_basestring(text)
    return encoded if encoded.isascii() and "\x7f" not in encoded else json_inert(encoded)


def _part(text: bytes) -> str:
    """JSON rendered with ``indent=2``, as the value of a key of an entry :func:`_entry`
    makes."""
    return json_inert(text.decode().replace("\n", "\n  " + INDENT))


def _scope_texts(result: DossierResult) -> list[tuple[Any, str]]:
    scope = result.scope
    if scope is None:
        return []
    return [((scope.community or "", tuple(scope.jurisdiction)),
             _entry(scope.model_dump_json(indent=2)))]


def _first_of_each(spool: SortedSpool) -> Iterator[tuple[Any, Any]]:
    """The first item of each key (a scope two dossiers share is listed once, as the first)."""
    last: Any = _NOTHING
    for key, payload in spool:
        if key != last:
            yield key, payload
            last = key


def _merged_checked(spool: SortedSpool) -> Iterator[str]:
    """``checked`` entries; two entries for one record (only from records given as data under
    the same file name) are merged as :class:`ReportBuilder` merges them."""
    pending: tuple[Any, str] | None = None
    for key, text in spool:
        if pending is not None and pending[0] == key:
            first, second = json.loads(pending[1]), json.loads(text)
            first["rules"] = sorted({*first["rules"], *second["rules"]})
            params = {**second["parameters"], **first["parameters"]}
            first["parameters"] = {r: params[r] for r in sorted(params)}
            pending = (key, _entry(CheckedRecord.model_validate(first).model_dump_json(indent=2)))
            continue
        if pending is not None:
            yield pending[1]
        pending = (key, text)
    if pending is not None:
        yield pending[1]


_NOTHING = object()
_first = itemgetter(0)
