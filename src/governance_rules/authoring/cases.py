"""Rule test cases written in YAML: records in, the findings that must come out.

A case file holds records shared by its cases (``base``) and a list of ``cases``. Each case adds
or replaces record files (``records``, in the record format) or reads a ``folder`` of records,
may set ``as_of``, the checked ``window`` and the community's ``jurisdiction``, and says what must
come out::

    rules: [..]                       # overlay folders to load, relative to this file
    base:
      community.yaml: {community: {id: sf, name: 示例社区, jurisdiction: [cn, test]}}
    cases:
      - name: exactly half present is no quorum
        records:
          m.yaml: {meeting: {id: m1, body: ra, date: 2022-01-10, present: [r0, r1]}}
        findings:                     # exactly these findings of the rules named here
          - {rule: ra-quorum, record: m1, severity: error, evidence: {measured: 2/4}}
        passes: [ra-majority]         # applies to some record and finds nothing
        not_applicable: [rc-size]     # applies to no record

``rule: ID`` with ``expect: pass | fail | not_applicable`` is the short form of one expectation;
a failing case may list ``cites: [DOC:LINE, …]``, exactly the clauses its findings cite.
``findings: []`` alone says the records give no finding at all. Every mistake is a
:class:`CaseFileError` naming the file, line and key, with the nearest valid name.

>>> from governance_rules import load_rulebook
>>> case = parse_case_file(b"cases: [{name: x, rule: ra-quorum, expect: pass}]", "c.yaml",
...                        load_rulebook())[0]
>>> case.expectations[0].outcome
'pass'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .._arguments import day_outside_years, days_refused
from .._names import did_you_mean
from .._said import Said, Worded
from ..records._parse import LineIndex, ParseFailure, Path_, parse_record_text, read_file
from ..report.model import Evidence, Severity
from ..rulebook import Rulebook

FILE_KEYS = frozenset({"base", "rules", "folder", "as_of", "window", "jurisdiction", "cases"})
CASE_KEYS = frozenset({"name", "rule", "expect", "records", "folder", "as_of", "window",
                       "jurisdiction", "findings", "passes", "not_applicable", "cites", "note"})
FINDING_KEYS = frozenset({"rule", "record", "file", "severity", "evidence"})
OUTCOMES = ("pass", "fail", "not_applicable")
EVIDENCE_KEYS = frozenset(Evidence.model_fields) - {"dates", "details"}
CASES_FOLDER = "cases"
CASES_SUFFIXES = (".cases.yaml", ".cases.yml")


class CaseFileError(Said):
    """A malformed case file: the file, the line and the key, and what was expected, in
    English (``str(error)``, ``msg``) and Chinese (:meth:`text`, ``zh_msg``).

    >>> CaseFileError("c.yaml", 3, "cases[0]", "no name", "缺少名称").text("zh")
    'c.yaml 第3行，cases[0]：缺少名称'
    """

    def __init__(self, file: str, line: int | None, key: str, msg: str, zh: str) -> None:
        self.file, self.line, self.key, self.msg, self.zh_msg = file, line, key, msg, zh
        where = f"{file}:{line}" if line else file
        where_zh = f"{file} 第{line}行" if line else file
        super().__init__(f"{where}: {key}: {msg}" if key else f"{where}: {msg}",
                         f"{where_zh}，{key}：{zh}" if key else f"{where_zh}：{zh}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.file, self.line, self.key, self.msg, self.zh_msg))


@dataclass(frozen=True)
class Expectation:
    """That ``rule`` fails (gives a finding), passes (applies and finds nothing) or does not
    apply to the case's records."""

    rule: str
    outcome: str


@dataclass(frozen=True)
class ExpectedFinding:
    """A finding that must come out: its rule, and optionally its record, file, severity and
    evidence values (each compared as text)."""

    rule: str
    record: str | None = None
    file: str | None = None
    severity: str | None = None
    evidence: Mapping[str, str] = field(default_factory=dict)

    def describe(self) -> Worded:
        """The expected finding as a diff line shows it, in English and Chinese, its evidence
        labelled as a found finding's is (what the case leaves open: any).

        >>> made = ExpectedFinding("ra-quorum", "m1", severity="error", evidence={"numerator": "3"})
        >>> made.describe(), made.describe().zh
        ('error ra-quorum m1 numerator=3', '错误 ra-quorum m1 分子=3')
        >>> ExpectedFinding("ra-quorum").describe().zh
        '任意级别 ra-quorum 任意记录'
        """
        file = f"{self.file}:" if self.file else ""
        where, where_zh = (f"{self.rule} {file}{self.record or 'any record'}",
                           f"{self.rule} {file}{self.record or '任意记录'}")
        items = sorted(self.evidence.items())
        evidence = f" {', '.join(f'{k}={v}' for k, v in items)}" if items else ""
        evidence_zh = (" " + "，".join(f"{evidence_label(k)}={v}" for k, v in items)
                       if items else "")
        known = {s.value: s for s in Severity}
        zh = (known[self.severity].words("zh") if self.severity in known
              else self.severity or "任意级别")
        return Worded(f"{self.severity or 'any'} {where}{evidence}", f"{zh} {where_zh}{evidence_zh}")


EVIDENCE_LABELS_ZH = {"measured": "实测", "required": "要求", "shortfall": "差距",
                      "numerator": "分子", "denominator": "分母"}
"""The Chinese label of each evidence field a case may expect, as a diff line shows it."""


def evidence_label(key: str) -> str:
    """``差距`` for ``shortfall``: the Chinese label of a case file's evidence key, the one a
    found finding's line gives it, so that an author lines up the two; another key as it is."""
    return EVIDENCE_LABELS_ZH.get(key, key)


@dataclass(frozen=True)
class TestCase:
    """One case, ready to run: its records (inline or a folder) and what must come out."""

    __test__ = False  # not a pytest class

    file: str
    line: int | None
    name: str
    records: Mapping[str, Any] | None
    folder: Path | None
    as_of: date | None
    window: tuple[date | None, date | None]
    jurisdiction: tuple[str, ...] | None
    expectations: tuple[Expectation, ...]
    findings: tuple[ExpectedFinding, ...] | None
    cites: tuple[str, ...] = ()
    rules_dirs: tuple[Path, ...] = ()

    @property
    def title(self) -> str:
        return f"{self.file}: {self.name}"

    def named_rules(self) -> set[str]:
        return {e.rule for e in self.expectations} | {f.rule for f in self.findings or ()}


def is_case_file(path: Path) -> bool:
    """Whether a file found under a folder holds cases: in a ``cases/`` folder, or named
    ``*.cases.yaml``."""
    name = path.name.lower()
    return name.endswith(CASES_SUFFIXES) or (
        path.parent.name == CASES_FOLDER and name.endswith((".yaml", ".yml")))


def find_case_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[CaseFileError]]:
    """The case files under ``paths`` (a file given by name always counts), sorted."""
    found: list[Path] = []
    errors = []
    for given in paths:
        path = Path(given)
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.y*ml")
                                if p.is_file() and is_case_file(p)))
        else:
            errors.append(CaseFileError(str(path), None, "", "no such file or folder",
                                        "文件或文件夹不存在"))
    return list(dict.fromkeys(found)), errors


def load_case_file(path: Path, book: Rulebook, shown: str | None = None,
                   rules_known: Iterable[str] = ()) -> list[TestCase]:
    """The cases of the file at ``path``; a :class:`CaseFileError` if it is malformed."""
    name = shown or str(path)
    try:
        raw = read_file(path, name)
    except ParseFailure as failure:
        raise CaseFileError(name, failure.error.line, "", failure.error.msg,
                            failure.error.text("zh")) from None
    return parse_case_file(raw, name, book, path.parent, rules_known)


def parse_case_file(raw: bytes, file: str, book: Rulebook, folder: Path | None = None,
                    rules_known: Iterable[str] = ()) -> list[TestCase]:
    """The cases in ``raw``; rule ids are checked against ``book`` and ``rules_known`` (the
    rules of the overlays the file names, which ``book`` may not hold yet)."""
    try:
        data, index = parse_record_text(raw, file, "a mapping with `cases:`")
    except ParseFailure as failure:
        raise CaseFileError(file, failure.error.line, "", failure.error.msg,
                            failure.error.text("zh")) from None
    return _Reader(file, index, book, folder or Path("."), set(rules_known)).read(data)


def overlay_dirs(raw: bytes, file: str, folder: Path) -> tuple[Path, ...]:
    """The overlay folders (``rules:``) a case file asks for, to load before reading its cases."""
    try:
        data, index = parse_record_text(raw, file, "a mapping with `cases:`")
    except ParseFailure as failure:
        raise CaseFileError(file, failure.error.line, "", failure.error.msg,
                            failure.error.text("zh")) from None
    return _overlay_dirs(data, index, file, folder) if isinstance(data, dict) else ()


def _overlay_dirs(data: Mapping[str, Any], index: LineIndex, file: str,
                  folder: Path) -> tuple[Path, ...]:
    listed = data.get("rules") or []
    if isinstance(listed, str):
        listed = [listed]
    if not isinstance(listed, list) or not all(isinstance(d, str) for d in listed):
        raise CaseFileError(file, index.locate(("rules",))[0], "rules",
                            "a list of overlay folders, relative to this file",
                            "须为地方规则文件夹的列表（相对于本文件）")
    out = []
    for i, item in enumerate(listed):
        path = (folder / item).resolve()
        if not path.is_dir():
            raise CaseFileError(file, index.locate(("rules", i))[0], f"rules[{i}]",
                                f"no rules folder {item!r} beside this file",
                                f"本文件旁没有规则文件夹「{item}」")
        out.append(path)
    return tuple(out)


class _Reader:
    def __init__(self, file: str, index: LineIndex, book: Rulebook, folder: Path,
                 rules_known: set[str]) -> None:
        self.file, self.index, self.book, self.folder = file, index, book, folder
        self.rule_ids = {r.id for r in book.rules} | rules_known

    def fail(self, loc: Path_, msg: str, zh: str) -> CaseFileError:
        from ..errors import dotted

        return CaseFileError(self.file, self.index.locate(loc)[0], dotted(loc), msg, zh)

    def read(self, data: Any) -> list[TestCase]:
        if not isinstance(data, dict):
            raise self.fail((), "a case file is a mapping with `cases:` (and optionally `base:`)",
                            "用例文件须为键值对，含 cases:（可另有 base:）")
        self.keys(data, (), FILE_KEYS)
        if not isinstance(data.get("cases"), list) or not data["cases"]:
            raise self.fail(("cases",) if "cases" in data else (),
                            "`cases:` must be a non-empty list of cases",
                            "cases: 须为非空的用例列表")
        base = self.files(data.get("base"), ("base",))
        rules_dirs = _overlay_dirs(data, self.index, self.file, self.folder)
        defaults = {k: data[k] for k in ("folder", "as_of", "window", "jurisdiction") if k in data}
        out = []
        names: dict[str, int] = {}
        for i, raw in enumerate(data["cases"]):
            loc: Path_ = ("cases", i)
            if not isinstance(raw, dict):
                raise self.fail(loc, "each case is a mapping with a `name`",
                                "每个用例须为键值对，含 name")
            self.keys(raw, loc, CASE_KEYS)
            case = self.case({**defaults, **raw}, raw, loc, base, rules_dirs)
            if case.name in names:
                raise self.fail((*loc, "name"), f"a second case named {case.name!r} "
                                f"(the first is case {names[case.name] + 1})",
                                f"又一个名为「{case.name}」的用例（第一个是第{names[case.name] + 1}个用例）")
            names[case.name] = i
            out.append(case)
        return out

    def keys(self, raw: Mapping[str, Any], loc: Path_, valid: frozenset[str]) -> None:
        for key in raw:
            if key not in valid:
                raise self.fail((*loc, key), f"unknown key {key!r}{did_you_mean(str(key), valid)}; "
                                f"expected one of: {', '.join(sorted(valid))}",
                                f"没有「{key}」这一项{did_you_mean(str(key), valid, 'zh')}，"
                                f"可用的有：{'、'.join(sorted(valid))}")

    def files(self, raw: Any, loc: Path_) -> dict[str, Any]:
        if raw is None:
            return {}
        if not isinstance(raw, dict) or not all(isinstance(v, dict) for v in raw.values()):
            raise self.fail(loc, "records are given as a mapping of file name to the file's "
                            "content, e.g. `m.yaml: {meeting: {...}}`",
                            "记录须写成文件名到文件内容的键值对，如 m.yaml: {meeting: {...}}")
        return dict(raw)

    def case(self, raw: dict[str, Any], own: dict[str, Any], loc: Path_, base: dict[str, Any],
             rules_dirs: tuple[Path, ...]) -> TestCase:
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise self.fail((*loc, "name") if "name" in raw else loc, "each case needs a `name`",
                            "每个用例须有名称（name）")
        if not name.isprintable():  # it is printed on a line of its own, in CI logs too
            raise self.fail((*loc, "name"), "a case's name is one line without control "
                            "characters", "用例名称须为一行，不含控制字符")
        records = None
        folder = None
        if "folder" in raw:
            where = (*loc, "folder") if "folder" in own else ("folder",)
            if not isinstance(raw["folder"], str):
                raise self.fail(where, "a folder of records, relative to this file",
                                "须为记录所在的文件夹（相对于本文件）")
            folder = (self.folder / raw["folder"]).resolve()
            if not folder.is_dir():
                raise self.fail(where, f"no folder {raw['folder']!r} beside this file",
                                f"本文件旁没有文件夹「{raw['folder']}」")
            for key in ("records", "jurisdiction"):
                if key in own:
                    raise self.fail((*loc, key), f"a case reads either `{key}` or a `folder`, "
                                    "not both (a folder's community record names its "
                                    "jurisdiction)",
                                    f"用例只能用 {key} 或 folder 之一（文件夹中的社区记录已写明辖区）")
        else:
            records = {**base, **self.files(raw.get("records"), (*loc, "records"))}
        expectations = self.expectations(raw, loc)
        findings = self.expected_findings(raw, loc)
        clash = sorted({f.rule for f in findings or ()}
                       & {e.rule for e in expectations if e.outcome != "fail"})
        if clash:
            raise self.fail((*loc, "findings"), f"rule {clash[0]} is expected to give findings "
                            "and also to pass or not to apply",
                            f"规则 {clash[0]} 既被期望给出问题，又被期望通过或不适用")
        if not expectations and findings is None:
            raise self.fail(loc, "a case says what must come out: `findings`, `passes`, "
                            "`not_applicable`, or `rule` with `expect`",
                            "用例须写明期望的结果：findings、passes、not_applicable，"
                            "或 rule 与 expect")
        cites = raw.get("cites") or []
        if not isinstance(cites, list) or not all(isinstance(c, str) for c in cites):
            raise self.fail((*loc, "cites"), "a list of clauses DOC:LINE (optionally with the quote)",
                            "须为条文出处的列表，写作 文件编号:行号（可附原文）")
        if cites and not any(e.outcome == "fail" for e in expectations):
            raise self.fail((*loc, "cites"), "`cites` goes with `expect: fail`",
                            "cites 须与 expect: fail 同用")
        as_of = self.day(raw, own, loc, "as_of")
        return TestCase(
            file=self.file, line=self.index.locate(loc)[0], name=name.strip(), records=records,
            folder=folder, as_of=as_of, window=self.window(raw, own, loc, as_of),
            jurisdiction=self.jurisdiction(raw, own, loc),
            expectations=expectations, findings=findings, cites=tuple(cites),
            rules_dirs=rules_dirs)

    def rule_id(self, value: Any, loc: Path_) -> str:
        if value is None:
            raise self.fail(loc, "a rule id is needed here (`rule: ra-quorum`)",
                            "此处须写明规则编号（如 rule: ra-quorum）")
        if not isinstance(value, str) or value not in self.rule_ids:
            shown = value if isinstance(value, str) else repr(value)
            raise self.fail(loc, f"no rule {shown!r}{did_you_mean(str(value), self.rule_ids)}; "
                            "see `governance-rules rules`",
                            f"没有规则「{value}」{did_you_mean(str(value), self.rule_ids, 'zh')}；"
                            "规则一览见 `governance-rules rules`")
        return value

    def expectations(self, raw: dict[str, Any], loc: Path_) -> tuple[Expectation, ...]:
        out = []
        if "rule" in raw or "expect" in raw:
            if "rule" not in raw or "expect" not in raw:
                raise self.fail(loc, "`rule` and `expect` go together", "rule 与 expect 须同时写")
            rule = self.rule_id(raw["rule"], (*loc, "rule"))
            outcome = raw["expect"]
            if outcome not in OUTCOMES:
                raise self.fail((*loc, "expect"), f"expected one of {', '.join(OUTCOMES)}, got "
                                f"{outcome!r}{did_you_mean(str(outcome), OUTCOMES)}",
                                f"「{outcome}」不可用{did_you_mean(str(outcome), OUTCOMES, 'zh')}，"
                                f"须为以下之一：{'、'.join(OUTCOMES)}")
            out.append(Expectation(rule, outcome))
        for key, outcome in (("passes", "pass"), ("not_applicable", "not_applicable")):
            listed = raw.get(key) or []
            if not isinstance(listed, list):
                raise self.fail((*loc, key), "a list of rule ids", "须为规则编号的列表")
            out.extend(Expectation(self.rule_id(r, (*loc, key, i)), outcome)
                       for i, r in enumerate(listed))
        seen: dict[str, str] = {}
        for expectation in out:
            if seen.setdefault(expectation.rule, expectation.outcome) != expectation.outcome:
                raise self.fail(loc, f"rule {expectation.rule} is expected both to "
                                f"{seen[expectation.rule]} and to {expectation.outcome}",
                                f"规则 {expectation.rule} 被期望"
                                f"{_OUTCOME_ZH[seen[expectation.rule]]}，"
                                f"又被期望{_OUTCOME_ZH[expectation.outcome]}")
        return tuple(out)

    def expected_findings(self, raw: dict[str, Any], loc: Path_) -> tuple[ExpectedFinding, ...] | None:
        if "findings" not in raw:
            return None
        listed = raw["findings"]
        if listed is None:
            listed = []
        if not isinstance(listed, list):
            raise self.fail((*loc, "findings"), "a list of findings, each with a `rule`",
                            "须为问题的列表，每项写明 rule")
        out = []
        severities = [s.value for s in Severity]
        for i, item in enumerate(listed):
            at: Path_ = (*loc, "findings", i)
            if isinstance(item, str):
                item = {"rule": item}
            if not isinstance(item, dict):
                raise self.fail(at, "a finding is a mapping with `rule` (and optionally `record`, "
                                "`file`, `severity`, `evidence`)",
                                "每个问题须为键值对，含 rule（可另写 record、file、severity、evidence）")
            self.keys(item, at, FINDING_KEYS)
            rule = self.rule_id(item.get("rule"), (*at, "rule"))
            severity = item.get("severity")
            if severity is not None and severity not in severities:
                raise self.fail((*at, "severity"), f"expected one of {', '.join(severities)}, got "
                                f"{severity!r}{did_you_mean(str(severity), severities)}",
                                f"「{severity}」不可用{did_you_mean(str(severity), severities, 'zh')}，"
                                f"须为以下之一：{'、'.join(severities)}")
            for key in ("record", "file"):
                if key in item and not isinstance(item[key], str | int):
                    raise self.fail((*at, key), f"the {key} is given as text", f"{key} 须写成文本")
            evidence = item.get("evidence") or {}
            if not isinstance(evidence, dict):
                raise self.fail((*at, "evidence"), "a mapping of evidence field to its value, "
                                f"e.g. `measured: 5/10`; fields: {', '.join(sorted(EVIDENCE_KEYS))} "
                                "or a detail's or date's name",
                                "须为证据字段到其值的键值对，如 measured: 5/10；字段有："
                                f"{'、'.join(sorted(EVIDENCE_KEYS))}，或某项细节、日期的名称")
            out.append(ExpectedFinding(
                rule, str(item["record"]) if "record" in item else None,
                str(item["file"]) if "file" in item else None, severity,
                {str(k): _text(v) for k, v in evidence.items()}))
        return tuple(out)

    def day(self, raw: Mapping[str, Any], own: Mapping[str, Any], loc: Path_,
            key: str, value: Any = None) -> date | None:
        value = raw.get(key) if value is None else value
        if value is None:
            return None
        where = (*loc, key) if key in own else (key,)
        try:
            day = value if isinstance(value, date) else date.fromisoformat(str(value))
        except ValueError:
            raise self.fail(where, f"expected a date YYYY-MM-DD, got {value!r}",
                            f"须为日期（写作 YYYY-MM-DD），实为「{value}」") from None
        refused = day_outside_years(day)
        if refused is not None:
            raise self.fail(where, str(refused), refused.zh)
        return day

    def window(self, raw: Mapping[str, Any], own: Mapping[str, Any], loc: Path_,
               as_of: date | None) -> tuple[date | None, date | None]:
        """The case's checked window, refused here as the command line refuses ``--from``
        after ``--to`` or ``--as-of`` (:func:`~governance_rules._arguments.days_refused`): a
        window starting after ``as_of`` was the run's internal error.

        ``window: [2022-06-01, 2022-06-30]`` with ``as_of: 2022-03-01`` is refused at the
        window: ``window[0] (1 June 2022) is after as_of (1 March 2022): …``.
        """
        value = raw.get("window")
        if value is None:
            return None, None
        where = (*loc, "window") if "window" in own else ("window",)
        if not isinstance(value, list) or len(value) != 2:
            raise self.fail(where, "the checked window is [first day, last day]",
                            "检查期间须写作 [首日, 末日]")
        start = self.day({"window": value[0]}, own, loc, "window") if value[0] else None
        end = self.day({"window": value[1]}, own, loc, "window") if value[1] else None
        refused = days_refused(start, end, as_of, ("window[0]", "window[1]", "as_of"))
        if refused is not None:
            raise self.fail(where, str(refused), refused.zh)
        return start, end

    def jurisdiction(self, raw: Mapping[str, Any], own: Mapping[str, Any],
                     loc: Path_) -> tuple[str, ...] | None:
        value = raw.get("jurisdiction")
        if value is None:
            return None
        if isinstance(value, str):
            value = value.split("/")
        if not isinstance(value, list) or not value or not all(
                isinstance(v, str) and v for v in value):
            raise self.fail((*loc, "jurisdiction") if "jurisdiction" in own else ("jurisdiction",),
                            "a jurisdiction is a list from the country down, e.g. [cn, jilin] "
                            "or cn/jilin",
                            "辖区须从国家起逐级列出，如 [cn, jilin] 或 cn/jilin")
        return tuple(value)


_OUTCOME_ZH = {"pass": "通过", "fail": "给出问题", "not_applicable": "不适用"}


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
