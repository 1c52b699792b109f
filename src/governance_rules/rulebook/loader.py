"""Read ``rules/``: the ruleset header, the rule files and the parameter files.

Any problem fails the load with a :class:`~governance_rules.errors.RulebookError` that names
the file and line.
"""

from __future__ import annotations

import os
import threading
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import ValidationError

from .._names import did_you_mean
from .._said import Worded, os_reason
from .._source_files import (
    SourceError,
    document_lines,
    line_count,
    quote_found_on,
    quote_misplaced,
)
from ..errors import RulebookError, dotted, pydantic_error_en, pydantic_error_zh, short_input
from ..models._base import Problem
from ..records._parse import LineIndex, ParseFailure, Path_, parse_record_text, read_file
from .book import Document, Rulebook, RuleProblem, validate_rule
from .model import (
    Citation,
    Localised,
    Parameter,
    ParameterVersion,
    Rule,
    bounded_value,
    parse_typed,
)

HEADER = "ruleset.yaml"


def default_rules_dir() -> Path:
    """The bundled ``rules/`` folder (inside the wheel, or at the top of a source checkout)."""
    bundled = resources.files("governance_rules") / "_bundled" / "rules"
    if bundled.is_dir():
        return Path(str(bundled))
    checkout = Path(__file__).resolve().parents[3] / "rules"
    if checkout.is_dir():
        return checkout
    raise RulebookError(str(bundled), None, "the bundled rules are missing from this install",
                        "本安装中缺少内置规则集")


_DEFAULT: tuple[tuple[tuple[str, int, int], ...], Rulebook] | None = None
_DEFAULT_LOCK = threading.Lock()


def default_rulebook() -> Rulebook:
    """The bundled rule set, loaded once a process and again when one of its files changes:
    what a check given no rule set uses (loading one takes about 50 ms; checking a community
    a few). A rulebook is immutable in use, so every such check can share it.

    >>> default_rulebook() is default_rulebook()
    True
    """
    global _DEFAULT
    folder = default_rules_dir()
    try:
        state = tuple((str(p), *_stamp(p)) for p in sorted(folder.rglob("*.y*ml")))
    except OSError:  # a file went while it was looked at: load afresh
        state = ()
    with _DEFAULT_LOCK:
        if _DEFAULT is None or _DEFAULT[0] != state or not state:
            _DEFAULT = (state, load_rulebook())
        return _DEFAULT[1]


def _stamp(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_mtime_ns, info.st_size


def load_rulebook(*dirs: str | os.PathLike[str]) -> Rulebook:
    """Load the bundled rules, then each folder of ``dirs`` on top of them.

    A later folder may add rules, replace a rule with the same id, add parameters, and add
    jurisdiction ``overlays`` to existing parameters.

    >>> load_rulebook().rule("ra-quorum").severity.value
    'error'
    """
    if any(not os.fspath(d) for d in dirs):  # Path("") is the current folder
        raise RulebookError("", None, "an empty rules folder name (an unset variable?)",
                            "规则文件夹名为空（变量未设置？）")
    folders = [default_rules_dir(), *(Path(d) for d in dirs)]
    version = ""
    documents: dict[str, Document] = {}
    exclusions: dict[str, str] = {}
    pending: dict[str, str] = {}
    adoptions: dict[str, tuple[str, ...]] = {}
    rules: dict[str, Rule] = {}
    parameters: dict[str, Parameter] = {}
    located: dict[str, tuple[Path, LineIndex, int]] = {}
    adopted_at: list[tuple[Path, LineIndex, str, int, str]] = []
    for folder in folders:
        try:
            is_folder = folder.is_dir()
        except (OSError, ValueError) as exc:  # a name too long for the system, a NUL
            raise RulebookError(str(folder), None,
                                f"cannot read this rules folder: {getattr(exc, 'strerror', None) or exc}",
                                f"无法读取这个规则文件夹：{os_reason(exc, 'zh')}") from None
        if not is_folder:
            raise RulebookError(str(folder), None, "no such rules folder", "没有这个规则文件夹")
        header = folder / HEADER
        has_header = header.is_file() or os.path.lexists(header)
        parameter_files = sorted(folder.glob("parameters/*.y*ml"))
        rule_files = [p for p in sorted(folder.glob("*.y*ml")) if p.name != HEADER]
        if not (has_header or parameter_files or rule_files):  # a mistyped folder, /proc …
            raise RulebookError(str(folder), None,
                                f"nothing to load in this rules folder: no {HEADER}, no rule "
                                "file (*.yaml) and no parameters/*.yaml",
                                f"这个规则文件夹中没有可加载的内容：没有{HEADER}、规则文件（*.yaml）"
                                "或parameters/*.yaml")
        if has_header:  # a FIFO or a device: _read refuses
            data, index = _read(header)
            version = _header(header, data, index, documents, exclusions, pending,
                              adoptions, overlay=folder != folders[0]) or version
            adopted_at.extend((header, index, str(prefix), i, str(item))
                              for prefix, ids in (data.get("adopt") or {}).items()
                              for i, item in enumerate(ids))
        for path in parameter_files:
            data, index = _read(path)
            _parameters(path, data, index, parameters)
        for path in rule_files:
            data, index = _read(path)
            for i, rule in enumerate(_rules(path, data, index)):
                rules[rule.id] = rule
                located[rule.id] = (path, index, i)
    book = Rulebook(version or "unversioned", tuple(sorted(rules.values(), key=lambda r: r.id)),
                    parameters, documents, exclusions, pending, adoptions)
    for rule in book.rules:
        try:
            validate_rule(book, rule)
        except RuleProblem as exc:
            if exc.at is not None:
                raise RulebookError(exc.at[0], exc.at[1] or None, str(exc),
                                    exc.zh or str(exc)) from None
            path, index, i = located[rule.id]
            key = dotted(exc.loc)
            raise _fail(path, index, ("rules", i, *exc.loc),
                        f"rule {rule.id}: {key + ': ' if key and not str(exc).startswith(key) else ''}"
                        f"{exc}", _wrong(f"规则 {rule.id}", exc)) from None
        except (ValueError, TypeError, ArithmeticError) as exc:
            detail = str(exc).removeprefix(f"rule {rule.id}: ")  # the compiler may name it
            raise RulebookError(rule.file, rule.line, f"rule {rule.id}: {detail}",
                                _wrong(f"规则 {rule.id}", exc if getattr(exc, "zh", None) else detail)
                                ) from None
    _check_adoptions(book, adopted_at)
    _check_parameter_references(book)
    for folder in folders[1:]:
        _check_overlay_quotes(book, folder, located)
    return book


def _check_overlay_quotes(book: Rulebook, folder: Path,
                          located: dict[str, tuple[Path, LineIndex, int]]) -> None:
    """Each quote of the rules and parameter versions ``folder`` (an overlay) set stands on
    every line it cites, where the document's text can be read: a line number mistyped in an
    overlay cited the wrong line in every finding (the bundled rules are held to it by the
    test suite)."""
    def check(citation: Citation, path: Path, index: LineIndex | None, loc: Path_) -> None:
        document = book.documents.get(citation.document)
        try:
            text = (document_lines(document.folder, document.file) if document is not None
                    else None)
        except SourceError as exc:
            raise _fail(path, index if index is not None else _read(path)[1], loc,
                        f"the text of {citation.document} cannot be read to hold the quote "
                        f"to: {exc}",
                        f"无法读取 {citation.document} 的原文以核对所引文字：{exc.zh}") from None
        if document is None or text is None:  # no text here: nothing to hold the quote to
            return
        line = quote_misplaced(text, citation.quote, citation.lines)
        if line is None:
            return
        found = quote_found_on(text, citation.quote, document.first_line, document.last_line)
        where = (f"; it stands on line {', '.join(map(str, found))}" if found
                 else "; it stands on no line of the document")
        where_zh = (f"；该文字在第{'、'.join(map(str, found))}行" if found
                    else "；文件中没有这段文字")
        raise _fail(path, index if index is not None else _read(path)[1], loc,
                    f"{citation.document}:{line} does not hold the quote "
                    f"{short_input(citation.quote)}{where}",
                    f"{citation.document} 第{line}行没有所引的文字「{citation.quote[:80]}」"
                    f"{where_zh}")

    mine = str(folder.resolve())
    for rule in book.rules:
        path, index, i = located[rule.id]
        if not str(path.resolve()).startswith(mine + os.sep):
            continue
        for j, citation in enumerate(rule.source):
            check(citation, path, index, ("rules", i, "source", j))

    def here(file: str) -> bool:
        return bool(file) and str(Path(file).resolve()).startswith(mine + os.sep)

    for name, param in book.parameters.items():
        cited: list[tuple[str, Citation, Path_]] = []
        if here(param.file) and param.reference is not None:
            cited.append((param.file, param.reference, ("parameters", name, "reference")))
            cited += [(param.file, v.reference, ("parameters", name, "values", k, "reference"))
                      for k, v in enumerate(param.values) if v.reference is not None]
        cited += [(v.file, v.reference, ("parameters", name, "overlays", scope, k, "reference"))
                  for scope, versions in param.overlays.items()
                  for k, v in enumerate(versions) if v.reference is not None and here(v.file)]
        for file, citation, loc in cited:
            check(citation, Path(file), None, loc)  # the file read again only to say where


def _check_parameter_references(book: Rulebook) -> None:
    """Each parameter's ``reference``, and each version's, cites a document of the rule set on
    lines inside it: a finding cites that clause for the value it was judged with."""
    for param in book.parameters.values():
        versions = [*param.values, *(v for vs in param.overlays.values() for v in vs)]
        for where, citation in ((param.file, param.reference),
                                *((v.file or param.file, v.reference) for v in versions)):
            if citation is None:
                continue
            line = param.line or None
            document = book.documents.get(citation.document)
            if document is None:
                raise RulebookError(
                    where, line, f"parameter {param.name!r}: reference cites unknown document "
                    f"{citation.document!r}{did_you_mean(citation.document, book.documents)}",
                    f"参数 {param.name} 的依据引用了规则集中不存在的文件「{citation.document}」"
                    f"{did_you_mean(citation.document, book.documents, 'zh')}")
            outside = [n for n in citation.lines
                       if not document.first_line <= n <= document.last_line]
            if outside:
                raise RulebookError(
                    where, line, f"parameter {param.name!r}: reference cites {citation.document} "
                    f"line {outside[0]}, outside its lines {document.first_line}-"
                    f"{document.last_line}",
                    f"参数 {param.name} 的依据引用 {citation.document} 第{outside[0]}行，不在该文件"
                    f"第{document.first_line}至{document.last_line}行之内")


def _check_adoptions(book: Rulebook, adopted: list[tuple[Path, LineIndex, str, int, str]]) -> None:
    """An overlay's ``adopt:`` names documents or catalogue ids the rule set knows; a typo would
    otherwise adopt nothing, silently."""
    known = set(book.documents) | {c for r in book.rules for c in r.catalogue}
    for path, index, prefix, i, item in adopted:
        if item not in known:
            raise _fail(path, index, ("adopt", prefix, i),
                        f"adopt.{prefix}[{i}]: {item!r} is neither a document nor a catalogue id "
                        f"of the rule set{did_you_mean(item, known)}",
                        f"adopt.{prefix} 中的「{item}」既不是规则集中的文件，也不是目录编号"
                        f"{did_you_mean(item, known, 'zh')}")


def _read(path: Path) -> tuple[Any, LineIndex]:
    try:
        data, index = parse_record_text(read_file(path, str(path)), str(path),
                                        "`rules:`, `parameters:` or a rule set's header")
    except ParseFailure as failure:
        err = failure.error
        raise RulebookError(err.file, err.line, err.msg, err.text("zh")) from None
    if not isinstance(data, dict):
        raise RulebookError(str(path), 1, "expected a mapping at the top of the file",
                            "文件顶层须为键值对")
    return data, index


def _fail(path: Path, index: LineIndex, loc: Path_, msg: str, zh: str) -> RulebookError:
    return RulebookError(str(path), index.locate(loc)[0], msg, zh)


def _rule_schema_zh(error: Any, field: str) -> str:
    """A rule's schema error (pydantic's first) in Chinese."""
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "extra_forbidden" and len(error["loc"]) == 1:
        keys = [f.alias or n for n, f in Rule.model_fields.items() if n not in ("file", "line")]
        return (f"不是规则的字段{did_you_mean(field, keys, 'zh')}，可用的有："
                + "、".join(sorted(keys)))
    if kind == "string_pattern_mismatch":  # the records' ids have another pattern
        return f"须符合格式「{ctx.get('pattern')}」，实为「{error.get('input')}」"
    said = pydantic_error_zh(error)
    if said is None:  # a validator's own reason, in English only: quoted, not lost
        return f"写法有误（校验结果：{error['msg'].removeprefix('Value error, ')}）"
    return said


def _worded(exc: BaseException) -> str:
    """What ``exc`` says, carrying its Chinese (a :class:`~governance_rules._said.Worded`)
    where it has some: a :class:`~governance_rules.models._base.Problem`, or pydantic's first
    error, said from its type where no Problem raised it (see
    :mod:`governance_rules._input_words`)."""
    if isinstance(exc, _ValueAt):
        return exc.said
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        english = pydantic_error_en(first)
        zh = pydantic_error_zh(first)
        return english if zh is None else Worded(english, zh)
    zh = getattr(exc, "zh", None)
    return Worded(str(exc), zh) if isinstance(zh, str) and zh else str(exc)


def _wrong(what: str, detail: object) -> str:
    """A rule or parameter (``what``: 规则 x, 参数 y) that does not load, in Chinese: a problem
    said in Chinese too (a ``zh``: a :class:`~governance_rules.rulebook.book.RuleProblem`'s, a
    :class:`~governance_rules._said.Worded` detail's) in its Chinese words; otherwise the
    checker's words, about the rule language (keys, fields, expressions), quoted as they are.

    >>> _wrong("参数 x", Worded("a share must lie in (0, 1]", "比例须大于0且不大于1"))
    '参数 x 写法有误，规则集未能载入：比例须大于0且不大于1'
    """
    zh = getattr(detail, "zh", None)
    if zh:
        return f"{what} 写法有误，规则集未能载入：{zh}"
    return f"{what} 写法有误，规则集未能载入（校验结果：{detail}）"


def _header(path: Path, data: dict[str, Any], index: LineIndex,
            documents: dict[str, Document], exclusions: dict[str, str],
            pending: dict[str, str], adoptions: dict[str, tuple[str, ...]], *,
            overlay: bool = False) -> str:
    valid = ("version", "documents", "exclusions", "pending", "adopt")
    unknown = sorted(set(data) - set(valid))
    if unknown:
        raise _fail(path, index, (unknown[0],), f"unknown key {unknown[0]!r}"
                    f"{did_you_mean(str(unknown[0]), valid)}; expected: {', '.join(valid)}",
                    f"没有「{unknown[0]}」这一项{did_you_mean(str(unknown[0]), valid, 'zh')}，"
                    f"可用的有：{'、'.join(valid)}")
    listed = data.get("documents") or []
    if not isinstance(listed, list):
        raise _fail(path, index, ("documents",), "`documents` is a list of cited documents",
                    "documents 须为所引文件的列表")
    for i, doc in enumerate(listed):
        unknown = sorted(set(doc) - set(_DOCUMENT_KEYS), key=str) if isinstance(doc, dict) else []
        if unknown:  # a misspelt `binds:` bound nothing, and the rules citing it applied nowhere
            key = unknown[0]
            raise _fail(path, index, ("documents", i, key),
                        f"unknown key {short_input(key)} of a document"
                        f"{did_you_mean(str(key), _DOCUMENT_KEYS)}; expected: "
                        f"{', '.join(_DOCUMENT_KEYS)}",
                        f"文件没有「{str(key)[:40]}」这一项{did_you_mean(str(key), _DOCUMENT_KEYS, 'zh')}，"
                        f"可用的有：{'、'.join(_DOCUMENT_KEYS)}")
        try:
            first, last = doc["lines"]
            binds = doc.get("binds") or []
            unless = doc.get("unless_adopted") or []
            if not all(isinstance(v, list) and all(isinstance(b, str) for b in v)
                       for v in (binds, unless)):
                raise TypeError
            charter = doc.get("charter_lines")
            span = None if charter is None else (int(charter[0]), int(charter[1]))
            title = doc.get("title", "")
            titles = _localised(title) if isinstance(title, dict) else None
            issued = doc.get("issued", "")
            if not isinstance(titles.zh if titles else title, str) or not isinstance(issued, str):
                raise TypeError
            _check_document_place(path, index, i, doc["file"], int(first), int(last))
            documents[doc["id"]] = Document(
                doc["id"], doc["file"], int(first), int(last),
                titles.zh if titles else str(title), tuple(binds), span,
                title_en=titles.en if titles else "", issuer=_localised(doc.get("issuer")),
                issued=issued, place=_localised(doc.get("place")), note=_localised(doc.get("note")),
                folder=str(path.parent) if overlay else "", unless_adopted=tuple(unless))
        except (KeyError, TypeError, ValueError, ValidationError):
            raise _fail(path, index, ("documents", i),
                        "a document needs id, file, lines: [first, last] and title (text, or "
                        "{zh, en}), and may name its issuer and place ({zh, en}), the date it "
                        "was issued (issued: \"YYYY-MM-DD\"), a note ({zh, en}), the "
                        "jurisdictions it binds (binds: [cn/…]), the documents whose adopters "
                        "it does not bind (unless_adopted: [DOC]) and the lines that bind only "
                        "once adopted (charter_lines: [first, last])",
                        "文件须写明 id、file、lines: [起, 止] 和 title（文本，或 {zh, en}），"
                        "可写发文机关和地方 issuer、place（{zh, en}）、发文日期"
                        "（issued: \"YYYY-MM-DD\"）、说明 note（{zh, en}）、适用的辖区"
                        "（binds: [cn/…]）、采用了哪些文件的社区不受其约束（unless_adopted: [文件]）"
                        "以及须经采纳才适用的行（charter_lines: [起, 止]）"
                        ) from None
        if overlay:
            _check_document_text(path, index, i, documents[doc["id"]])
    for i, doc in enumerate(listed):  # each document named, once all of the file's are in
        for k, other in enumerate(documents[doc["id"]].unless_adopted):
            if other not in documents:
                raise _fail(path, index, ("documents", i, "unless_adopted", k),
                            f"unless_adopted[{k}]: {other!r} is not a document of the rule set"
                            f"{did_you_mean(other, documents)}",
                            f"unless_adopted 中的「{other}」不是规则集中的文件"
                            f"{did_you_mean(other, documents, 'zh')}")
    for key, target, meaning, meaning_zh in (
            ("exclusions", exclusions, "the reason it cannot be checked from records",
             "无法凭记录检查的理由"),
            ("pending", pending, "what its implementation still needs", "实现尚缺什么")):
        raw = data.get(key) or {}
        if not isinstance(raw, dict) or not all(isinstance(v, str) and v.strip()
                                                for v in raw.values()):
            raise _fail(path, index, (key,), f"{key} map a catalogue id to {meaning}",
                        f"{key} 须将目录编号对应到{meaning_zh}（文本）")
        target.update({str(k): str(v) for k, v in raw.items()})
    adopt = data.get("adopt") or {}
    if not isinstance(adopt, dict) or not all(
            isinstance(ids, list) and all(isinstance(i, str) for i in ids) for ids in adopt.values()):
        raise _fail(path, index, ("adopt",), "adopt maps a jurisdiction prefix (cn/…) to the "
                    "documents or catalogue ids adopted there",
                    "adopt 须将辖区前缀（cn/…）对应到该地采纳的文件或目录编号列表")
    for prefix, ids in adopt.items():
        adoptions[str(prefix)] = (*adoptions.get(str(prefix), ()), *ids)
    return str(data.get("version", ""))


_DOCUMENT_KEYS = ("id", "file", "lines", "title", "binds", "charter_lines", "issuer", "issued",
                  "place", "note", "unless_adopted")
"""The keys a document of ``ruleset.yaml`` may have."""


def _check_document_place(path: Path, index: LineIndex, i: int, file: Any, first: int,
                          last: int) -> None:
    """A document's ``file`` is a path inside the sources folder (relative, no ``..``), and its
    ``lines`` run from 1 upwards: a rule set cannot make ``source`` read ``/etc/passwd`` or
    ``/dev/zero``, and a reversed span is the registry's error, not its rules'."""
    parts = PurePosixPath(file).parts if isinstance(file, str) else ()
    if (not isinstance(file, str) or not file or "\0" in file or "\\" in file
            or PurePosixPath(file).is_absolute() or ".." in parts):
        raise _fail(path, index, ("documents", i, "file"),
                    f"a document's file is a path inside the sources folder (relative, without "
                    f"'..'), got {str(file)[:80]!r}",
                    f"文件的 file 须为原文文件夹内的相对路径（不含“..”），实为「{str(file)[:80]}」")
    if not 1 <= first <= last:
        raise _fail(path, index, ("documents", i, "lines"),
                    f"a document's lines run from 1 upwards: [first, last], got [{first}, {last}]",
                    f"文件的 lines 须从1起由小到大写作 [起, 止]，实为 [{first}, {last}]")


def _check_document_text(path: Path, index: LineIndex, i: int, document: Document) -> None:
    """An overlay's document, where its text is given, can be read and holds the lines its
    ``lines`` span: a span to line 10^12 of a six-line notice loaded, and only ``source``
    objected."""
    try:
        text = document_lines(document.folder, document.file)
    except SourceError as exc:
        raise _fail(path, index, ("documents", i, "file"),
                    f"the text of {document.id} cannot be read: {exc}",
                    f"无法读取 {document.id} 的原文：{exc.zh}") from None
    if text is not None and document.last_line > (count := line_count(text)):
        raise _fail(path, index, ("documents", i, "lines"),
                    f"{document.id} spans lines {document.first_line}–{document.last_line}, but "
                    f"{document.file} has {count} lines",
                    f"{document.id} 的 lines 为第{document.first_line}至{document.last_line}行，"
                    f"而 {document.file} 只有{count}行")


def _localised(raw: Any) -> Localised | None:
    """``{zh, en}`` from the registry, or ``None`` where it is not given."""
    return None if raw is None else Localised.model_validate(raw)


def _shown(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _rules(path: Path, data: dict[str, Any], index: LineIndex) -> list[Rule]:
    if set(data) != {"rules"} or not isinstance(data["rules"], list):
        raise _fail(path, index, (), "a rule file holds one key, `rules:`, with a list of rules",
                    "规则文件只有一项 rules:，其下为规则列表")
    out = []
    for i, raw in enumerate(data["rules"]):
        line = index.locate(("rules", i))[0] or 0
        try:
            out.append(Rule.model_validate({**raw, "file": _shown(path), "line": line}
                                           if isinstance(raw, dict) else raw))
        except ValidationError as exc:
            errors = exc.errors()
            first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
            loc = ("rules", i, *first["loc"])
            field = dotted(first["loc"])
            msg = pydantic_error_en(first)
            if first["type"] == "extra_forbidden" and len(first["loc"]) == 1:
                keys = [f.alias or n for n, f in Rule.model_fields.items()
                        if n not in ("file", "line")]
                msg = (f"unknown key{did_you_mean(field, keys)}; a rule has: "
                       + ", ".join(sorted(keys)))
            raise _fail(path, index, loc, f"{field}: {msg}",
                        f"{field}：{_rule_schema_zh(first, field)}") from None
    return out


def _parameters(path: Path, data: dict[str, Any], index: LineIndex,
                parameters: dict[str, Parameter]) -> None:
    if set(data) != {"parameters"} or not isinstance(data["parameters"], dict):
        raise _fail(path, index, (), "a parameter file holds one key, `parameters:`, a mapping",
                    "参数文件只有一项 parameters:，其下为参数名到参数的键值对")
    for name, raw in data["parameters"].items():
        loc: Path_ = ("parameters", name)
        if not isinstance(raw, dict):
            raise _fail(path, index, loc, f"parameter {name!r} must be a mapping",
                        f"参数 {name} 须为键值对")
        existing = parameters.get(name)
        if existing is None and "type" not in raw:
            raise _fail(path, index, loc, f"no parameter {name!r} to give overlays to"
                        f"{did_you_mean(str(name), parameters)}; a new parameter needs a `type`",
                        f"没有参数 {name} 可加地方规定{did_you_mean(str(name), parameters, 'zh')}；"
                        "新参数须写明 type")
        try:
            if existing is not None and "type" not in raw:
                overlays = dict(existing.overlays)
                for scope, versions in _overlays(raw).items():
                    overlays[scope] = _placed(_versions(existing.type, versions, scope),
                                              path, index, (*loc, "overlays", scope))
                parameters[name] = existing.model_copy(update={"overlays": overlays})
                continue
            kind = raw.get("type", "")
            overlays = {scope: _placed(_versions(kind, versions, scope), path, index,
                                       (*loc, "overlays", scope))
                        for scope, versions in _overlays(raw).items()}
            parameters[name] = Parameter.model_validate({
                **raw, "name": name, "file": str(path), "line": index.locate(loc)[0] or 0,
                "values": ([] if raw.get("values") == [] and overlays
                           else _placed(_versions(kind, raw.get("values"), ""), path, index,
                                        (*loc, "values"))),
                "overlays": overlays,
            })
        except _ValueAt as exc:
            raise _fail(path, index, (*loc, *exc.loc), f"parameter {name!r}: {exc}",
                        _wrong(f"参数 {name}", exc.said)) from None
        except (ValidationError, ValueError, TypeError, ArithmeticError) as exc:
            said = _worded(exc)
            raise _fail(path, index, loc, f"parameter {name!r}: {said}",
                        _wrong(f"参数 {name}", said)) from None


def _placed(versions: list[ParameterVersion], path: Path, index: LineIndex,
            loc: Path_) -> list[ParameterVersion]:
    """``versions`` with the file and line each was set at (``explain`` shows an overlay's)."""
    return [v.model_copy(update={"file": str(path), "line": index.locate((*loc, i))[0] or 0})
            for i, v in enumerate(versions)]


def _overlays(raw: dict[str, Any]) -> dict[str, Any]:
    """The ``overlays:`` of a parameter: a mapping of jurisdiction prefix to a list of versions."""
    overlays = raw.get("overlays") or {}
    if not isinstance(overlays, dict) or not all(isinstance(k, str) and k for k in overlays):
        raise Problem("`overlays` maps a jurisdiction prefix (such as cn/jilin) to a list of "
                      "versions", "overlays 须为辖区前缀（如 cn/jilin）到版本列表的键值对")
    return overlays


def _versions(kind: str, raw: Any, scope: str) -> list[ParameterVersion]:
    if not isinstance(raw, list) or not raw:
        raise Problem("`values` (and each overlay) is a non-empty list of {from, value}; "
                      "`values: []` is allowed only beside overlays (a purely local rule)",
                      "values（及每个 overlays 项）须为非空的 {from, value} 列表；只有同时给出 "
                      "overlays（纯地方规定）时才可写 values: []")
    out = []
    at: Path_ = ("overlays", scope) if scope else ("values",)
    for i, item in enumerate(raw):
        if not isinstance(item, dict) or "value" not in item:
            extra = [str(k) for k in item if k not in ("from", "until", "reference")] \
                if isinstance(item, dict) else []
            hint = f"; unknown key {extra[0]!r}{did_you_mean(extra[0], ('value',))}" if extra \
                else ""
            hint_zh = f"；「{extra[0]}」不是版本的键{did_you_mean(extra[0], ('value',), 'zh')}" \
                if extra else ""
            raise _ValueAt((*at, i), Worded("each version needs a `value` (and may have `from`, "
                                            f"`until`, `reference`){hint}",
                                            "每个版本须有 value（可另有 from、until、reference）"
                                            f"{hint_zh}"))
        try:
            value = parse_typed(kind, bounded_value(kind, item["value"]))
            out.append(ParameterVersion.model_validate({**item, "value": value, "overlay": scope}))
        except ValidationError as exc:
            first = exc.errors()[0]
            if first["type"] == "extra_forbidden":  # a misspelt `from:` was "extra inputs"
                key = str(first["loc"][-1])
                keys = ("from", "until", "value", "reference")
                raise _ValueAt((*at, i, key), Worded(
                    f"unknown key {key!r} of a version{did_you_mean(key, keys)}; a version "
                    "has value, from, until and reference",
                    f"版本没有「{key[:40]}」这一项{did_you_mean(key, keys, 'zh')}；版本可写 value、"
                    "from、until、reference")) from None
            raise _ValueAt((*at, i, *first["loc"]), _worded(exc)) from None
        except (ValueError, TypeError, ArithmeticError) as exc:
            raise _ValueAt((*at, i, "value"), _worded(exc)) from None
    starts = [v.from_ for v in out]
    twice = next((i for i, day in enumerate(starts) if day in starts[:i]), None)
    if twice is not None:  # which of the two would be in force from that day?
        day = starts[twice]
        raise _ValueAt((*at, twice, "from"), Worded(
            f"a second version from {day or 'the start'}: each version starts on its own day",
            f"{f'有两个版本都自{day.isoformat()}起' if day else '有两个版本都未写 from（均自始生效）'}"
            "：每个版本须从不同的日期起"))
    return out


class _ValueAt(ValueError):
    """A malformed parameter version, with where inside the list it is; ``said`` is the
    problem, a :class:`~governance_rules._said.Worded` where it is said in Chinese too."""

    def __init__(self, loc: Path_, msg: str) -> None:
        super().__init__(msg)
        self.loc, self.said = loc, msg


