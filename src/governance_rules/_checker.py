"""Run a rulebook over dossiers with an engine and assemble the report."""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from .engines import Case, Engine, Verdict, get_engine
from .errors import InputError, RulebookError
from .facts import Fact, FactOptions, Window, build_facts, record_window
from .records.dossier import Dossier
from .records.loader import discover, display_path, dossier_from_data, load_dossier
from .report.model import (
    BodyRef,
    CheckedRecord,
    CommunityScope,
    DocumentScope,
    Finding,
    ParameterUse,
    RecordLocation,
    Report,
    RuleInfo,
    Severity,
    Source,
    Text,
    summarise,
)
from .rulebook import BoundRule, Rule, Rulebook, load_rulebook
from .rulebook.book import deciding_citations
from .rulebook.kinds._base import Explanation
from .rulebook.model import Citation, render_value
from .rulebook.scope import Scope, scope_for


def check_paths(
    paths: Sequence[str | os.PathLike[str]],
    *,
    rulebook: Rulebook | None = None,
    engine: str | Engine = "native",
    as_of: date | None = None,
    base: str | os.PathLike[str] | None = None,
    window: tuple[date | None, date | None] = (None, None),
) -> Report:
    """Check the record files and folders at ``paths``; files are shown relative to ``base``.

    >>> report = check_paths(["examples/haliang-3"])  # doctest: +SKIP
    >>> report.summary.by_severity  # doctest: +SKIP
    {'error': 3, 'warning': 1, 'info': 0}
    """
    sources, errors = discover(paths)
    base_path = Path(base) if base is not None else Path.cwd()
    dossiers = []
    selections: list[frozenset[str] | None] = []
    for source in sources:
        dossier = load_dossier(source, base_path)
        dossiers.append(dossier)
        selections.append(frozenset(display_path(p, base_path) for p in source.selected))
    return check_dossiers(dossiers, rulebook=rulebook, engine=engine, as_of=as_of,
                          selections=selections, extra_errors=errors, window=window)


def check_data(
    files: Mapping[str, Any],
    *,
    rulebook: Rulebook | None = None,
    engine: str | Engine = "native",
    as_of: date | None = None,
    window: tuple[date | None, date | None] = (None, None),
) -> Report:
    """Check records given as data: ``{"file name": {"meeting": {...}}, ...}`` is one dossier.

    >>> check_data({"c": {"community": {"id": "c", "name": "x", "jurisdiction": ["cn"]}}}
    ...            ).summary.total
    0
    """
    dossier = dossier_from_data(files)
    return check_dossiers([dossier], rulebook=rulebook, engine=engine, as_of=as_of, window=window)


def check_dossiers(
    dossiers: Iterable[Dossier],
    *,
    rulebook: Rulebook | None = None,
    engine: str | Engine = "native",
    as_of: date | None = None,
    selections: Sequence[frozenset[str] | None] | None = None,
    extra_errors: Sequence[InputError] = (),
    window: tuple[date | None, date | None] = (None, None),
) -> Report:
    """Check resolved dossiers. ``window`` (from, to) bounds the periods cadence rules judge
    and the day rosters are read on; either end defaults to the records' own first or last day.
    """
    book = rulebook or load_rulebook()
    runner = get_engine(engine) if isinstance(engine, str) else engine
    findings: list[Finding] = []
    errors: list[InputError] = list(extra_errors)
    inputs: list[str] = []
    jurisdictions: set[tuple[str, ...]] = set()
    records: set[tuple[str, str, str]] = set()
    checked: dict[tuple[str, str, str], _Checked] = {}
    scopes: dict[tuple[str | None, tuple[str, ...]], CommunityScope] = {}
    uses: dict[str, dict[str, ParameterUse]] = {}
    seconds: dict[str, float] = {}
    cases_total = 0
    applied: Counter[str] = Counter()
    for i, dossier in enumerate(dossiers):
        started = time.perf_counter()
        selected = selections[i] if selections else None
        inputs.extend(f for f in dossier.files if selected is None or f in selected)
        # A window the caller asked for with both --from and --to is never too long.
        errors.extend(e for e in dossier.input_errors
                      if not (e.type == "window_too_long" and window[0] and window[1]))
        jurisdictions.add(dossier.jurisdiction)
        facts = [f for f in build_facts(dossier, as_of, _window_for(dossier, as_of, window),
                                        _fact_options(book, dossier))
                 if selected is None or f.ref.where.file in selected]
        scope, scope_errors = _scope_of(book, dossier)
        errors.extend(scope_errors)
        entry = _scope_entry(book, dossier, scope)
        scopes.setdefault((entry.community, tuple(entry.jurisdiction)), entry)
        cases = cases_for(book, facts, scope)
        cases_total += len(cases)
        records.update((f.ref.where.file, f.ref.type, f.ref.id) for f in facts)
        verdicts = runner.evaluate(cases)
        per_file: Counter[str] = Counter()
        for (bound, fact), verdict in zip(cases, verdicts, strict=True):
            if verdict is Verdict.NOT_APPLICABLE:
                continue
            applied[bound.rule.id] += 1
            used = uses.get(bound.key)
            if used is None:
                used = uses[bound.key] = parameter_uses(book, bound)
            _note_checked(checked, fact, bound.rule.id, used)
            per_file[fact.ref.where.file] += 1
            if verdict is Verdict.VIOLATED:
                findings.append(finding_for(bound, fact, book, used))
        elapsed = time.perf_counter() - started
        total = sum(per_file.values()) or 1
        for file, count in per_file.items():
            seconds[file] = seconds.get(file, 0.0) + elapsed * count / total
    findings.sort(key=Finding.sort_key)
    errors.sort(key=InputError.sort_key)
    return Report(
        ruleset_version=book.version,
        engine=runner.name,
        jurisdictions=[list(j) for j in sorted(jurisdictions)],
        as_of=as_of.isoformat() if as_of else None,
        inputs=sorted(set(inputs)),
        summary=summarise(findings, errors, len(records), cases_total, applied),
        rules=[rule_info(rule) for rule in sorted(book.rules, key=lambda r: r.id)],
        findings=findings,
        input_errors=errors,
        checked=[CheckedRecord(record=loc, rules=sorted(ids),
                               parameters={r: params[r] for r in sorted(params)})
                 for _, (loc, ids, params) in sorted(checked.items())],
        seconds_by_file=dict(sorted(seconds.items())),
        scopes=[scopes[k] for k in sorted(scopes, key=lambda k: (k[0] or "", k[1]))],
    )


def _scope_of(book: Rulebook, dossier: Dossier) -> tuple[Scope, list[InputError]]:
    """The documents binding the dossier's community; an adopted document the rule set does not
    know is an input error at its place in the community record."""
    located = dossier.community
    if located is None:
        return scope_for(book, None, dossier.jurisdiction), []
    community = located.record
    errors = []
    for i, doc in enumerate(community.adopts):
        if doc not in book.documents:
            where = located.where("adopts", i)
            errors.append(InputError(
                type="unknown_document", file=where.file, line=where.line,
                loc=("community", "adopts", i), input=doc,
                msg=f"adopts {doc!r}, which is not a document of the rule set; known: "
                    + ", ".join(sorted(book.documents))))
    return scope_for(book, community.id, dossier.jurisdiction, community.adopts,
                     community.charter_adopted_on), errors


def _scope_entry(book: Rulebook, dossier: Dossier, scope: Scope) -> CommunityScope:
    community = dossier.community.record if dossier.community else None

    def listed(reasons: Mapping[str, Text]) -> list[DocumentScope]:
        return [DocumentScope(document=d, title=book.documents[d].title, reason=r)
                for d, r in sorted(reasons.items())]

    return CommunityScope(
        community=community.id if community else None,
        jurisdiction=list(dossier.jurisdiction),
        applied=listed(scope.applied), not_applied=listed(scope.not_applied),
        charter_adopted_on=(community.charter_adopted_on.isoformat()
                            if community and community.charter_adopted_on else None))


def _window_for(dossier: Dossier, as_of: date | None,
                window: tuple[date | None, date | None]) -> Window:
    found = record_window(dossier, as_of)
    start, end = window
    return Window(start or found.start, min(end or found.end, as_of or date.max))


def _fact_options(book: Rulebook, dossier: Dossier) -> FactOptions:
    """The FIN-SPLITTING window and grouping key, from the parameters of the dossier's jurisdiction."""
    values: dict[str, Any] = {}
    for name, option in (("fin.split_window_days", "split_window_days"),
                         ("fin.split_group_key", "split_key")):
        param = book.parameters.get(name)
        version = param.version_for(dossier.jurisdiction, date.max) if param else None
        if version is not None:
            values[option] = version.value
    key = values.get("split_key", "payee")
    if key not in ("payee", "purpose"):
        param = book.parameters["fin.split_group_key"]
        raise RulebookError(param.file, param.line or None,
                            f"fin.split_group_key is {key!r}; expected payee or purpose")
    return FactOptions(**values)


_Checked = tuple[RecordLocation, set[str], dict[str, dict[str, ParameterUse]]]


def _note_checked(checked: dict[tuple[str, str, str], _Checked], fact: Fact, rule_id: str,
                  used: dict[str, ParameterUse]) -> None:
    where = fact.ref.where
    key = (where.file, fact.ref.type, fact.ref.id)
    entry = checked.get(key)
    if entry is None:
        location = RecordLocation(id=fact.ref.id, type=fact.ref.type, file=where.file,
                                  line=where.line, path=where.path)
        checked[key] = entry = (location, set(), {})
    entry[1].add(rule_id)
    if used:
        entry[2].setdefault(rule_id, used)


def _source(citation: Citation) -> Source:
    return Source.model_construct(document=citation.document, lines=list(citation.lines),
                                  quote=citation.quote)


def parameter_uses(book: Rulebook, bound: BoundRule) -> dict[str, ParameterUse]:
    """The parameter versions ``bound`` was judged with, each with the clause it rests on: the
    version's own reference (a jurisdiction's document), else the parameter's."""
    out = {}
    for name, version in sorted(bound.parameters.items()):
        reference = version.reference or book.parameters[name].reference
        out[name] = ParameterUse.model_construct(
            value=render_value(version.value),
            in_force_from=version.from_.isoformat() if version.from_ else None,
            overlay=version.overlay or None,
            source=_source(reference) if reference is not None else None,
        )
    return out


def rule_info(rule: Rule) -> RuleInfo:
    """The report's description of ``rule``; ``help`` is its anchor in docs/rules.md."""
    return RuleInfo(
        id=rule.id, catalogue=list(rule.catalogue), severity=rule.severity,
        title=Text(zh=rule.title.zh, en=rule.title.en),
        sources=[Source(document=c.document, lines=list(c.lines), quote=c.quote)
                 for c in rule.source],
        help=f"docs/rules.md#{rule.id}",
    )


def cases_for(book: Rulebook, facts: Iterable[Fact], scope: Scope | None = None) -> list[Case]:
    """Pair every fact with the rules for its type that select it, are in force on its day and,
    given the community's ``scope``, cite a document that binds it."""
    cases: list[Case] = []
    for fact in facts:
        for rule in book.rules_selecting(fact.type, fact.values):
            if scope is not None and not scope.admits(rule, fact.day):
                continue
            bound = book.bind(rule, fact.jurisdiction, fact.day)
            if bound is not None:
                cases.append((bound, fact))
    return cases


def finding_for(bound: BoundRule, fact: Fact, book: Rulebook,
                used: dict[str, ParameterUse] | None = None) -> Finding:
    """The finding for a violated case, citing the clauses that decided it.

    A warning-level norm (一般 / 原则上 / 为宜) met by an exception stated on the record
    (``special_circumstances``) becomes ``info`` and quotes the reason; a mandatory rule never does.
    """
    rule = bound.rule
    explanation: Explanation = bound.kind.explain(fact, bound.params)
    cited = [_source(c) for c in deciding_citations(rule, explanation.failed, fact.jurisdiction,
                                                     book.documents)]
    where = fact.ref.where
    severity = rule.severity
    message = Text.model_construct(zh=render_message(rule.message.zh, explanation, "zh"),
                                   en=render_message(rule.message.en, explanation, "en"))
    evidence = explanation.evidence
    reason = fact.names.get("special_circumstances")
    if reason and severity is Severity.WARNING:
        severity = Severity.INFO
        message = Text.model_construct(zh=f"{message.zh}（已说明特殊情况：{reason}）",
                                       en=f"{message.en} (stated exception: {reason})")
        evidence = evidence.model_copy(update={"details": {**evidence.details, "exception": reason}})
    # Built from validated parts only, so validation is skipped (it dominated the cost of a finding).
    return Finding.model_construct(
        rule_id=rule.id,
        catalogue=list(rule.catalogue),
        severity=severity,
        title=Text.model_construct(zh=rule.title.zh, en=rule.title.en),
        record=RecordLocation.model_construct(id=fact.ref.id, type=fact.ref.type, file=where.file,
                                              line=where.line, path=where.path),
        body=_body_of(fact),
        message=message,
        evidence=evidence,
        source=cited[0],
        sources=cited,
        jurisdiction=list(fact.jurisdiction),
        parameters=used if used is not None else parameter_uses(book, bound),
    )


def _body_of(fact: Fact) -> BodyRef | None:
    body = fact.values.get("body")
    if not isinstance(body, str):
        return None
    return BodyRef.model_construct(id=body, name=fact.names.get("body_name", body))


def render_message(template: str, explanation: Explanation, lang: str) -> str:
    values = {k: (v if isinstance(v, str) else v[lang]) for k, v in explanation.values.items()}
    return template.format_map(values)
