"""Run YAML rule cases (:mod:`.cases`) on one engine or both, and say what differed.

>>> from governance_rules import load_rulebook
>>> from governance_rules.authoring.cases import parse_case_file
>>> text = b'''
... base: {c.yaml: {community: {id: c, name: x, jurisdiction: [cn]}}}
... cases: [{name: nothing to judge, findings: []}]'''
>>> case = parse_case_file(text, "c.yaml", load_rulebook())[0]
>>> run_case(case, load_rulebook(), ("native",)).passed
True
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._names import did_you_mean
from .._said import Worded, in_language
from ..records._parse import ParseFailure, read_file
from ..report.model import Finding, Report
from ..rulebook import Rulebook, load_rulebook
from .cases import (
    CaseFileError,
    ExpectedFinding,
    TestCase,
    evidence_label,
    find_case_files,
    overlay_dirs,
    parse_case_file,
)

ENGINE_CHOICES = ("native", "durable", "both")


@dataclass
class CaseResult:
    """How one case went: the problems found on each engine (none: it passed)."""

    case: TestCase
    problems: list[str] = field(default_factory=list)
    diff: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    """Input errors in the case's records: the case file is malformed."""
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return not self.problems and not self.errors


@dataclass
class Run:
    """Every case result, and the case files that could not be read."""

    results: list[CaseResult] = field(default_factory=list)
    malformed: list[CaseFileError] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.results)

    @property
    def failed(self) -> int:
        return len(self.results) - self.passed

    def exit_code(self) -> int:
        """0 every case passed, 1 a case failed, 2 a case file is malformed."""
        if self.malformed or any(r.errors for r in self.results):
            return 2
        return 1 if self.failed else 0


def engines_for(choice: str) -> tuple[str, ...]:
    return ("native", "durable") if choice == "both" else (choice,)


def run_paths(paths: Sequence[str | Path], *, engine: str = "native",
              rules: Sequence[str | Path] = (), base: Path | None = None,
              on_result: Callable[[CaseResult], None] | None = None) -> Run:
    """Run every case file found under ``paths`` (see :func:`.cases.find_case_files`).

    Each file is run with the bundled rules, the ``rules`` folders and the overlay folders the
    file itself names (``rules:``). ``on_result`` is called as each case is done.
    """
    files, run_errors = find_case_files(paths)
    run = Run(malformed=list(run_errors))
    books: dict[tuple[Path, ...], Rulebook] = {}
    extra = tuple(Path(r).resolve() for r in rules)
    for path in files:
        shown = _shown(path, base)
        try:
            try:
                raw = read_file(path, shown)
            except ParseFailure as failure:
                raise CaseFileError(shown, failure.error.line, "", failure.error.msg,
                                    failure.error.text("zh")) from None
            dirs = (*extra, *overlay_dirs(raw, shown, path.parent))
            book = books.get(dirs)
            if book is None:
                book = books[dirs] = _load(dirs, shown)
            cases = parse_case_file(raw, shown, book, path.parent)
        except CaseFileError as exc:
            run.malformed.append(exc)
            continue
        for case in cases:
            result = run_case(case, book, engines_for(engine))
            run.results.append(result)
            if on_result is not None:
                on_result(result)
    return run


def _load(dirs: tuple[Path, ...], shown: str) -> Rulebook:
    from ..errors import RulebookError

    try:
        return load_rulebook(*dirs)
    except RulebookError as exc:
        raise CaseFileError(exc.file, exc.line, "", f"{exc.msg} (loading the rules for "
                            f"{shown})", f"{exc.zh_msg}（载入 {shown} 所用的规则时）") from None


def _shown(path: Path, base: Path | None) -> str:
    try:
        return str(path.resolve().relative_to((base or Path.cwd()).resolve()))
    except ValueError:
        return str(path)


def check_case(case: TestCase, book: Rulebook, engine: str) -> Report:
    """The report on the case's records, on ``engine``."""
    from .. import check_data, check_paths

    if case.folder is not None:
        return check_paths([case.folder], rulebook=book, engine=engine, as_of=case.as_of,
                           window=case.window, base=case.folder)
    files = copy.deepcopy(dict(case.records or {}))
    if case.jurisdiction is not None:
        _set_jurisdiction(files, list(case.jurisdiction))
    return check_data(files, rulebook=book, engine=engine, as_of=case.as_of, window=case.window)


def _set_jurisdiction(files: dict[str, Any], jurisdiction: list[str]) -> None:
    found = False
    for content in files.values():
        if isinstance(content, dict) and isinstance(content.get("community"), dict):
            content["community"] = {**content["community"], "jurisdiction": jurisdiction}
            found = True
    if not found:
        files["community.yaml"] = {"community": {"id": "case", "name": "测试社区",
                                                 "jurisdiction": jurisdiction}}


def run_case(case: TestCase, book: Rulebook, engines: Sequence[str]) -> CaseResult:
    """Run ``case`` on each engine; on two, their findings must also be the same."""
    import time

    result = CaseResult(case)
    started = time.perf_counter()
    seen: dict[str, list[str]] = {}
    for engine in engines:
        report = check_case(case, book, engine)
        if report.input_errors:
            result.errors = [Worded(e.render(), e.render("zh")) for e in report.input_errors]
            break
        problems, diff = judge(case, report)
        tag = f"[{engine}] " if len(engines) > 1 else ""
        result.problems.extend(Worded(tag + p, tag + p.zh) for p in problems)
        if not result.diff:
            result.diff = diff
        seen[engine] = sorted(_line(f, full=True) for f in report.findings)
    if len(seen) == 2:
        (a, left), (b, right) = seen.items()
        if left != right:
            result.problems.append(Worded(
                f"the engines disagree: {a} and {b} give different findings",
                f"两个引擎结果不一致：{a} 与 {b} 给出的问题不同"))
            result.diff.extend(difflib.unified_diff(left, right, a, b, lineterm="", n=0))
    result.seconds = time.perf_counter() - started
    return result


def judge(case: TestCase, report: Report) -> tuple[list[Worded], list[str]]:
    """What in ``report`` differs from what ``case`` expects (in English and Chinese), and the
    findings' diff."""
    problems: list[Worded] = []
    applied = report.summary.applied
    by_rule: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_rule.setdefault(finding.rule_id, []).append(finding)
    for expected in case.expectations:
        count, found = applied.get(expected.rule, 0), len(by_rule.get(expected.rule, []))
        rule = expected.rule
        if expected.outcome == "not_applicable" and count:
            problems.append(Worded(
                f"{rule} was expected not to apply, but it applied to "
                f"{_records(count)} ({found} finding{'s' * (found != 1)})",
                f"规则 {rule} 应当不适用，实际适用于{count}条记录（问题{found}个）"))
        elif expected.outcome == "pass" and not count:
            problems.append(Worded(
                f"{rule} was expected to apply and pass, but it applied to no record",
                f"规则 {rule} 应当适用并通过，实际未适用于任何记录"))
        elif expected.outcome == "pass" and found:
            problems.append(Worded(
                f"{rule} was expected to pass, but gave {found} finding{'s' * (found != 1)}",
                f"规则 {rule} 应当通过，实际给出问题{found}个"))
        elif expected.outcome == "fail" and not found:
            problems.append(Worded(
                f"{rule} was expected to fail, but gave no finding "
                + (f"(it applied to {_records(count)} and passed)" if count
                   else "(it applied to no record)"),
                f"规则 {rule} 应当给出问题，实际没有问题"
                + (f"（适用于{count}条记录，均通过）" if count else "（未适用于任何记录）")))
    if case.cites:
        problems.extend(_cite_problems(case, by_rule))
    diff: list[str] = []
    if case.findings is not None:
        rules = {f.rule for f in case.findings}
        actual = [f for f in report.findings if not rules or f.rule_id in rules]
        diff, missing, extra = _diff(case.findings, actual)
        if missing or extra:
            problems.append(Worded(f"the findings differ: {missing} expected not found, {extra} "
                                   "found not expected",
                                   f"问题与期望不符：期望而未出现{missing}个，出现而未期望{extra}个"))
            problems.extend(_unknown_evidence(case.findings, actual))
    else:
        named = case.named_rules()
        diff = [_marked("+", _line(f)) for f in report.findings if f.rule_id in named]
        if not problems:
            diff = []
    return problems, diff


def _records(count: int) -> str:
    return f"{count} record{'s' * (count != 1)}"


def _cite_problems(case: TestCase, by_rule: dict[str, list[Finding]]) -> list[Worded]:
    rule = next(e.rule for e in case.expectations if e.outcome == "fail")
    sources = [s for f in by_rule.get(rule, []) for s in f.sources]
    cited = sorted({f"{s.document}:{','.join(map(str, s.lines))}" for s in sources})
    quoted = {f"{s.document}:{','.join(map(str, s.lines))} {s.quote}" for s in sources}
    wanted = set(case.cites)
    got = {c for c in cited} | {q for q in quoted if any(" " in w for w in wanted)}
    distinct = {(s.document, tuple(s.lines), s.quote) for s in sources}
    if not wanted <= got or len(distinct) != len(wanted):
        return [Worded(f"{rule} was expected to cite {'; '.join(case.cites)}, but cites "
                       f"{'; '.join(sorted(quoted)) or 'nothing'}",
                       f"规则 {rule} 应当引用 {'；'.join(case.cites)}，实际引用"
                       + ("：" + "；".join(sorted(quoted)) if quoted else "的条文为空"))]
    return []


def _matches(expected: ExpectedFinding, finding: Finding) -> bool:
    if finding.rule_id != expected.rule:
        return False
    if expected.record is not None and finding.record.id != expected.record:
        return False
    if expected.file is not None and finding.record.file != expected.file:
        return False
    if expected.severity is not None and finding.severity.value != expected.severity:
        return False
    return all(v in _evidence(finding, k) for k, v in expected.evidence.items())


def _evidence(finding: Finding, key: str) -> tuple[str, ...]:
    """The evidence value ``key`` as text: a worded value (``measured``, ``required`` …) in
    either language, a number or a date as written."""
    evidence = finding.evidence
    if key in ("dates", "details"):
        return ()
    value = getattr(evidence, key, None) if key in type(evidence).model_fields else None
    if value is None:
        value = evidence.details.get(key, evidence.dates.get(key))
    if value is None:
        return ()
    worded = (getattr(value, "en", None), getattr(value, "zh", None))
    if isinstance(worded[0], str) and isinstance(worded[1], str):
        return (worded[0], worded[1])
    return (str(value),)


def _line(finding: Finding, full: bool = False) -> Worded:
    """A finding as a diff line shows it, in English and Chinese."""
    ev = finding.evidence
    share = (f"{ev.numerator}/{ev.denominator}"
             if ev.numerator is not None and ev.denominator is not None else None)
    where = f"{finding.rule_id} {finding.record.file}:{finding.record.id}"
    en = (f"{finding.severity.value} {where} measured={share or ev.measured.en}, "
          f"required={ev.required.en}")
    zh = (f"{finding.severity.words('zh')} {where} {evidence_label('measured')}="
          f"{share or ev.measured.zh}，{evidence_label('required')}={ev.required.zh}")
    if ev.shortfall is not None:
        en += f", shortfall={ev.shortfall.en}"
        zh += f"，{evidence_label('shortfall')}={ev.shortfall.zh}"
    if full:
        en += f" | {finding.message.en}"
        zh += f"｜{finding.message.zh}"
    return Worded(en, zh)


def _marked(mark: str, line: str) -> Worded:
    """A diff ``line`` (English, with its Chinese when it has one) after its ``mark``."""
    return Worded(f"{mark} {line}", f"{mark} {in_language(line, 'zh')}")


def _unknown_evidence(expected: Sequence[ExpectedFinding],
                      actual: Sequence[Finding]) -> list[Worded]:
    """A hint for an evidence name that no finding of the rule has (a misspelling, mostly)."""
    out = []
    for want in expected:
        found = [f for f in actual if f.rule_id == want.rule]
        if not found:
            continue
        names = {k for f in found for k in _evidence_names(f)}
        for key in sorted(set(want.evidence) - names):
            out.append(Worded(f"no finding of {want.rule} has the evidence {key!r}"
                              f"{did_you_mean(key, names)}; it has: {', '.join(sorted(names))}",
                              f"规则 {want.rule} 的问题都没有证据项「{key}」"
                              f"{did_you_mean(key, names, 'zh')}；有的是：{'、'.join(sorted(names))}"))
    return out


def _evidence_names(finding: Finding) -> set[str]:
    evidence = finding.evidence
    names = {k for k in type(evidence).model_fields
             if k not in ("dates", "details") and getattr(evidence, k) is not None}
    return names | set(evidence.details) | set(evidence.dates)


def _diff(expected: Sequence[ExpectedFinding],
          actual: Sequence[Finding]) -> tuple[list[str], int, int]:
    """Lines ``  `` (expected and found), ``- `` (expected, not found), ``+ `` (found, not
    expected); and the counts of the last two."""
    left = list(actual)
    lines: list[str] = []
    missing = 0
    for want in expected:
        hit = next((f for f in left if _matches(want, f)), None)
        if hit is None:
            lines.append(_marked("-", want.describe()))
            missing += 1
        else:
            left.remove(hit)
            lines.append(_marked(" ", _line(hit)))
    lines.extend(_marked("+", _line(f)) for f in left)
    return lines, missing, len(left)
