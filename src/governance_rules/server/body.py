"""Turn a request body into dossiers, with the library's own bounded readers.

A JSON body is read by the same parser as a ``.json`` record file (bounded depth, node count
and numbers, exact decimals, no duplicate keys), then each file's data is validated as a record
file would be; an input error's file and ``loc`` map back to a JSON pointer into the body.
Multipart parts are read as the record files they are (YAML, JSON or JSON Lines by suffix), so
their findings carry the same lines as a CLI run. Names are labels only: nothing here, nor
anywhere in the server, opens a path that came from a request.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .._said import Worded, in_language
from ..errors import InputError, printable
from ..records import Dossier, assemble_dossier, dossier_from_data, read_records
from ..records._parse import ParseFailure, parse_record_text
from ..records.loader import RECORD_SUFFIXES
from .models import MAX_DOSSIERS, MAX_FILES, MAX_NAME, NAME_PATTERN, LocatedInputError, ProblemItem

_NAME = re.compile(NAME_PATTERN)
WAIVERS_NAME = "governance-waivers.yaml"
UPLOAD_NOT_A_CHECK = Worded("the upload is not a check request", "上传的内容不是检查请求")


class RequestProblem(Exception):
    """A request the server cannot check at all: answered with this status and the problems,
    each said in English and Chinese (``title`` and each problem's text may be
    :class:`~governance_rules._said.Worded`: the answer is in the language asked for).

    >>> problem = RequestProblem(400, Worded("bad", "有误"), [("x", Worded("why", "原因"), {})])
    >>> problem.answer("zh")[0], problem.answer("zh")[1][0].msg
    ('有误', '原因')
    """

    def __init__(self, status: int, title: str,
                 items: Sequence[tuple[str, str, Mapping[str, Any]]] = ()) -> None:
        super().__init__(title)
        self.status, self.title, self.items = status, title, list(items)

    def answer(self, lang: str) -> tuple[str, list[ProblemItem]]:
        """The title and the located problems in ``lang``."""
        return (in_language(self.title, lang),
                [ProblemItem(type=kind, msg=in_language(msg, lang), **where)
                 for kind, msg, where in self.items])


@dataclass
class Parsed:
    """The dossiers of a request and, for a JSON body, each shown file's pointer prefix."""

    dossiers: list[Dossier]
    pointers: dict[str, str] = field(default_factory=dict)


def escape(part: str | int) -> str:
    """One JSON-pointer segment (RFC 6901).

    >>> escape("meetings/cc.yaml"), escape("a~b"), escape(3)
    ('meetings~1cc.yaml', 'a~0b', '3')
    """
    return str(part).replace("~", "~0").replace("/", "~1")


def pointer(*parts: str | int) -> str:
    return "".join("/" + escape(p) for p in parts)


def name_problem(name: object) -> str | None:
    """Why ``name`` cannot name a file of a dossier (a relative POSIX path), or ``None``.

    >>> name_problem("meetings/cc.yaml"), name_problem("../etc/passwd") is None
    (None, False)
    """
    if not isinstance(name, str) or not name or len(name) > MAX_NAME:
        return Worded(f"a file name is 1 to {MAX_NAME} characters",
                      f"文件名须为1至{MAX_NAME}个字符")
    if not _NAME.match(name) or printable(name) != name:  # a lone surrogate is no text
        return Worded("a file name is a relative path whose steps do not start with a dot, "
                      "without backslashes or control characters, e.g. meetings/cc.yaml",
                      "文件名须为相对路径，各级不以点开头，不含反斜杠或控制字符，如 meetings/cc.yaml")
    return None


def _root_problem(root: object) -> str | None:
    if root is None:
        return None
    if not isinstance(root, str):
        return Worded("root is a text label", "root 须为文本标签")
    return name_problem(root) and Worded("root is a relative path label such as examples/haliang-3",
                                         "root 须为相对路径形式的标签，如 examples/haliang-3")


def _shown(root: str | None, name: str) -> str:
    return f"{root}/{name}" if root else name


def parse_json_body(raw: bytes) -> Parsed:
    """A JSON body: ``{"files": {...}}`` or ``{"dossiers": [{"root": ..., "files": {...}}]}``."""
    try:
        data, _ = parse_record_text(raw, "request.json")
    except ParseFailure as failure:
        error = failure.error
        status = 413 if error.type in ("file_too_large",) else 400
        if error.type == "empty_file":
            said = Worded('the request body is empty; send {"files": {"name.yaml": {...}}} or '
                          '{"dossiers": [...]} (docs/server.md)',
                          '请求体为空；请发送 {"files": {"文件名.yaml": {...}}} 或 '
                          '{"dossiers": [...]}（见 docs/server.md）')
        else:  # the parser's words are about a file: here it is the request's body
            said = Worded(re.sub(r"\b(?:in one|the|this) file\b", "in the request body",
                                 error.msg).replace("file is", "the request body is"),
                          error.text("zh").replace("文件", "请求体"))
        raise RequestProblem(status, Worded("the request body is not usable JSON",
                                            "请求体不是可用的 JSON"), [(
            error.type, said,
            {"pointer": pointer(*error.loc) if error.loc else None, "line": error.line,
             "column": error.column})]) from None
    problems: list[tuple[str, str, Mapping[str, Any]]] = []

    def bad(msg: str, *where: str | int, kind: str = "request_shape") -> None:
        problems.append((kind, msg, {"pointer": pointer(*where)}))

    groups: list[tuple[str | None, Any, tuple[str | int, ...]]] = []
    if not isinstance(data, dict):
        bad(Worded("the body is an object with `files` (one dossier) or `dossiers` (several)",
                   "请求体须为含 files（一个卷宗）或 dossiers（多个卷宗）的对象"))
    else:
        for key in data:
            if key not in ("files", "dossiers"):
                bad(Worded(f"unknown key {key!r}; expected `files` or `dossiers`",
                           f"没有「{key}」这一项，可用的有：files、dossiers"), key)
        if ("files" in data) == ("dossiers" in data):
            bad(Worded("give exactly one of `files` (one dossier) or `dossiers` (several)",
                       "files（一个卷宗）与 dossiers（多个卷宗）须给出且只给出一项"))
        elif "files" in data:
            groups.append((None, data["files"], ("files",)))
        elif not isinstance(data["dossiers"], list):
            bad(Worded("`dossiers` is a list of {root, files}",
                       "dossiers 须为 {root, files} 的列表"), "dossiers")
        elif len(data["dossiers"]) > MAX_DOSSIERS:
            bad(Worded(f"at most {MAX_DOSSIERS} dossiers in one request",
                       f"一次请求至多{MAX_DOSSIERS}个卷宗"), "dossiers")
        else:
            for i, item in enumerate(data["dossiers"]):
                if not isinstance(item, dict):
                    bad(Worded("a dossier is an object {root, files}",
                               "卷宗须为 {root, files} 对象"), "dossiers", i)
                    continue
                for key in item:
                    if key not in ("root", "files"):
                        bad(Worded(f"unknown key {key!r}; expected `root` or `files`",
                                   f"没有「{key}」这一项，可用的有：root、files"),
                            "dossiers", i, key)
                why = _root_problem(item.get("root"))
                if why:
                    bad(why, "dossiers", i, "root")
                if "files" not in item:
                    bad(Worded("a dossier needs `files`", "卷宗须有 files"), "dossiers", i)
                groups.append((item.get("root") if not why else None, item.get("files"),
                               ("dossiers", i, "files")))
    roots = [g[0] for g in groups]
    if len(roots) > 1 and len(set(roots)) != len(roots):
        bad(Worded("each dossier needs its own `root` label (they name the files in the report)",
                   "每个卷宗须有各自的 root 标签（报告中以它称呼各卷宗的文件）"), "dossiers")
    total = 0
    shown_names: set[str] = set()
    for root, files, where in groups:
        if not isinstance(files, dict):
            bad(Worded("`files` is an object: file name → the records of that file",
                       "files 须为对象：文件名 → 该文件的记录"), *where)
            continue
        total += len(files)
        for name in files:
            why = name_problem(name)
            if why is None and _shown(root, name) in shown_names:
                why = Worded(f"{_shown(root, name)} is already a file of another dossier",
                             f"{_shown(root, name)} 已是另一个卷宗的文件")
            if why:
                bad(why, *where, name, kind="bad_file_name")
            shown_names.add(_shown(root, name) if isinstance(name, str) else "")
    if total > MAX_FILES:
        bad(Worded(f"at most {MAX_FILES} files in one request", f"一次请求至多{MAX_FILES}个文件"),
            kind="too_many_files")
    if problems:
        raise RequestProblem(400, Worded("the request body is not a check request",
                                         "请求体不是检查请求"), problems)
    parsed = Parsed([])
    for root, files, where in groups:
        shown: dict[str, Any] = {}
        for name, content in files.items():
            shown[_shown(root, name)] = content
            parsed.pointers[_shown(root, name)] = pointer(*where, name)
        # an error of the whole dossier (no community) is named by its root, pointed at its files
        named = printable(root) if root else "files"
        parsed.pointers.setdefault(named, pointer(*where))
        parsed.dossiers.append(dossier_from_data(shown, root=named))
    return parsed


def parse_upload(files: Sequence[tuple[str | None, bytes]], root: str | None) -> Parsed:
    """Multipart parts ``(filename, bytes)``: one dossier, each part a record file."""
    problems: list[tuple[str, str, Mapping[str, Any]]] = []
    why_root = _root_problem(root)
    if why_root:
        problems.append(("request_shape", why_root, {"parameter": "root"}))
    if not files:
        problems.append(("request_shape", Worded("send the record files in the form field `files`",
                                                 "请在表单字段 files 中发送记录文件"),
                         {"parameter": "files"}))
    if len(files) > MAX_FILES:
        problems.append(("too_many_files", Worded(f"at most {MAX_FILES} files in one request",
                                                  f"一次请求至多{MAX_FILES}个文件"),
                         {"parameter": "files"}))
    seen: set[str] = set()
    for name, _ in files:
        why = name_problem(name)
        if why is None and name is not None:
            if not name.lower().endswith(RECORD_SUFFIXES):
                why = Worded("a record file's name ends in " + ", ".join(RECORD_SUFFIXES),
                             "记录文件名须以 " + "、".join(RECORD_SUFFIXES) + " 结尾")
            elif name.rsplit("/", 1)[-1] == WAIVERS_NAME:
                why = Worded("the server does not apply waivers; send only record files",
                             "服务不应用豁免文件，请只发送记录文件")
            elif name in seen:
                why = Worded("two parts have this file name", "有两个部分使用了这个文件名")
            seen.add(name)
        if why:
            problems.append(("bad_file_name", Worded(
                f"{why} (got {printable(str(name)[:80])!r})",
                f"{in_language(why, 'zh')}（实为「{printable(str(name)[:80])}」）"),
                {"parameter": "files"}))
    if problems:
        raise RequestProblem(400, UPLOAD_NOT_A_CHECK, problems)
    results = {}
    for name, raw in files:
        assert name is not None
        shown = _shown(root, name)
        results[shown] = read_records(raw, shown)
    return Parsed([assemble_dossier(root or "<upload>", results)])


def locate(errors: Sequence[InputError], pointers: Mapping[str, str]) -> list[LocatedInputError]:
    """The report's input errors, each with its JSON pointer into the body where one exists."""
    out = []
    for error in errors:
        prefix = pointers.get(error.file)
        where = prefix + pointer(*error.loc) if prefix is not None else None
        out.append(LocatedInputError(**error.model_dump(), pointer=where))
    return out
