"""The app factory: one rule set loaded at start-up, no state kept between requests.

Every endpoint reads the rule set, which never changes after start-up; a check builds its
dossiers and report inside the request and drops them. See docs/server.md for the endpoints.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from .. import __version__
from .._arguments import days_refused
from .._checker import QUERY, check_dossiers, rule_info
from .._names import did_you_mean
from .._said import Worded, in_language
from ..engines import ENGINES
from ..errors import EngineUnavailable, printable, pydantic_error_en, pydantic_error_zh
from ..models._types import FIRST_YEAR, LAST_YEAR
from ..render._common import json_inert
from ..render.json import render_json
from ..report.model import REPORT_FORMAT_VERSION, Report, Severity
from ..rulebook import Rulebook, load_rulebook
from ..rulebook.book import compile_rule
from ..rulebook.conditions import describe
from ..rulebook.coverage import coverage, find_catalogue, parse_catalogue, read_catalogue
from ..rulebook.model import Citation, ParameterVersion, render_value
from .body import UPLOAD_NOT_A_CHECK, Parsed, RequestProblem, locate, parse_json_body, parse_upload
from .limits import BadLength, BodyLimit, BodyTooLarge, Busy, CheckSlots, token_ok
from .models import (
    MAX_FILES,
    CatalogueOut,
    CatalogueRow,
    CheckReport,
    CheckRequest,
    CitationOut,
    Health,
    ParameterOut,
    ParameterVersionOut,
    Problem,
    ProblemItem,
    RuleDetail,
    RuleList,
    SourceLine,
    SourceOut,
    VersionOut,
)
from .options import CONFIG_ENV, SOURCES_ENV, ServerConfig

EXIT_HEADER = "Governance-Rules-Exit-Code"
"""The exit code ``check --fail-on`` would give: 0 clean, 1 findings at that level, 2 input errors."""
_PINYIN = re.compile(r"\((?:[a-zü]|[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])+\)")
_DAY = r"^\d{4}-\d{2}-\d{2}$"
_DATE = {"format": "date"}
_BEARER = HTTPBearer(auto_error=False, description="the token given to the server with "
                     "--token-file or GOVERNANCE_RULES_TOKEN")
"""Declares the scheme in the OpenAPI schema; ``auth`` compares the token itself."""


def create_app_from_env() -> FastAPI:
    """The factory uvicorn's workers call: the configuration comes from :data:`CONFIG_ENV`."""
    raw = os.environ.get(CONFIG_ENV)
    return create_app(ServerConfig.from_json(raw) if raw else ServerConfig())


_PARAMETER_NOT_USABLE = Worded("a parameter is not usable", "参数不可用")


def _language(request: Request) -> str:
    """The language an answer is said in: ``?lang=zh`` (as a check's report is asked for), else
    ``Accept-Language`` whose first choice is Chinese, else English."""
    asked = request.query_params.get("lang")
    if asked in ("zh", "en"):
        return asked
    first = request.headers.get("accept-language", "").split(",")[0].strip().lower()
    return "zh" if first.startswith("zh") else "en"


def _joined(items: list[ProblemItem], lang: str) -> str:
    """The problems' texts as one ``detail``, listed as ``lang`` lists."""
    return ("；" if lang == "zh" else "; ").join(i.msg for i in items)


def _problem(status: int, title: str, detail: str, items: list[ProblemItem] | None = None,
             headers: dict[str, str] | None = None) -> JSONResponse:
    body = Problem(title=title, status=status, detail=detail, errors=items or [])
    return JSONResponse(_printable_json(body.model_dump(exclude_none=True)), status_code=status,
                        media_type="application/problem+json", headers=headers)


_ROUTING = {404: Worded("no such path; GET /openapi.json lists the service's paths",
                        "没有这个路径；GET /openapi.json 列出本服务的路径"),
            405: Worded("this path does not take that method; GET /openapi.json lists them",
                        "这个路径不接受该请求方法；GET /openapi.json 列出可用的方法")}
"""What the router says of a path or method it does not know, in both languages."""


def _printable_json(value: Any) -> Any:
    """``value`` with every text as JSON in UTF-8 can hold it: a request's key or name may be a
    lone surrogate (``"\ud800"``), which a problem quotes back (:func:`printable`)."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable(k) if isinstance(k, str) else k: _printable_json(v)
                for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_printable_json(v) for v in value]
    return value


def _problems(*codes: int) -> dict[int | str, dict[str, Any]]:
    what = {400: "the request is malformed (each problem located)", 401: "a bearer token is needed",
            404: "no such thing", 413: "the body is over the size limit",
            415: "send application/json or multipart/form-data",
            503: "busy, or past the time limit; retry later"}
    return {code: {"description": what[code], "content": {"application/problem+json": {
        "schema": {"$ref": "#/components/schemas/Problem"}}}} for code in codes}


def _day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        day = None
    if day is None or not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise RequestProblem(400, _PARAMETER_NOT_USABLE, [("bad_date", Worded(
            f"expected a real day YYYY-MM-DD in the years {FIRST_YEAR}–{LAST_YEAR}",
            f"应为{FIRST_YEAR}至{LAST_YEAR}年间真实存在的日期，写作 YYYY-MM-DD"),
            {"parameter": name})])
    return day


def create_app(config: ServerConfig | None = None, *, rulebook: Rulebook | None = None) -> FastAPI:
    """The API over ``rulebook`` (else the bundled rules with ``config.rules`` overlays)."""
    config = config or ServerConfig()
    book = rulebook or load_rulebook(*config.rules)
    slots = CheckSlots(config.concurrency, config.timeout)
    durable_lock = threading.Lock()
    per_thread = threading.local()
    catalogue_once: list[CatalogueOut | None] = []  # read on first use: the file does not change
    rule_list = RuleList(ruleset_version=book.version,
                         rules=[rule_info(r, book.documents)
                                for r in sorted(book.rules, key=lambda r: r.id)])

    app = FastAPI(
        title="governance-rules", version=__version__,
        description="Check community and township governance records against a cited rule set "
        "(docs/server.md).",
        docs_url="/docs" if config.docs_ui else None, redoc_url=None)

    async def auth(request: Request,
                   _: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)]) -> None:
        if config.token is not None and not token_ok(request.headers.get("authorization"),
                                                     config.token):
            raise HTTPException(401, Worded(
                "a valid `Authorization: Bearer <token>` header is needed",
                "需要有效的 Authorization: Bearer <令牌> 请求头"),
                headers={"WWW-Authenticate": "Bearer"})

    guarded: list[Any] = [Depends(auth)] if config.token is not None else []

    # ------------------------------------------------------------------------- errors
    @app.exception_handler(RequestProblem)
    async def _request_problem(request: Request, exc: RequestProblem) -> Response:
        lang = _language(request)
        title, items = exc.answer(lang)
        return _problem(exc.status, title, _joined(items, lang) or title, items)

    @app.exception_handler(BodyTooLarge)
    async def _too_large(request: Request, exc: BodyTooLarge) -> Response:
        zh = _language(request) == "zh"
        return _problem(413, "请求体过大" if zh else "the request body is too large",
                        f"至多接受{exc.limit}字节（服务的 --max-body）" if zh else
                        f"at most {exc.limit} bytes are accepted (the server's --max-body)")

    @app.exception_handler(BadLength)
    async def _bad_length(request: Request, exc: BadLength) -> Response:
        zh = _language(request) == "zh"
        return _problem(400, "Content-Length 有误" if zh else "bad Content-Length",
                        "Content-Length 须为字节数" if zh else str(exc))

    @app.exception_handler(Busy)
    async def _busy(request: Request, exc: Busy) -> Response:
        lang = _language(request)
        return _problem(503, "未能按时完成检查" if lang == "zh" else
                        "the check could not be done in time", in_language(exc.reason, lang),
                        headers={"Retry-After": str(exc.retry_after)})

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        lang = _language(request)
        colon = "：" if lang == "zh" else ": "
        items = [ProblemItem(type=str(e.get("type", "invalid")),
                             msg=(f"{e['loc'][-1]}{colon}" if e.get("loc") else "")
                             + ((pydantic_error_zh(e) or pydantic_error_en(e)) if lang == "zh"
                                else pydantic_error_en(e)),
                             parameter=str(e["loc"][-1]) if e.get("loc") else None)
                 for e in exc.errors()]  # each said of its parameter: context: must be …
        title = in_language(_PARAMETER_NOT_USABLE, lang)
        return _problem(400, title, _joined(items, lang), items)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, Worded) else _ROUTING.get(
            exc.status_code, exc.detail)  # the router's own: Not Found, Method Not Allowed
        said = in_language(detail, _language(request))
        return _problem(exc.status_code, said, said, headers=dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:
        if _language(request) == "zh":
            return _problem(500, "内部错误", f"{type(exc).__name__}：请连同引起错误的请求一并报告")
        return _problem(500, "internal error", f"{type(exc).__name__}: please report it with the "
                        "request that caused it")

    # ------------------------------------------------------------------------- check
    request_body = {"required": True, "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/CheckRequest"}},
        "multipart/form-data": {"schema": {
            "type": "object", "required": ["files"],
            "properties": {
                "files": {"type": "array", "maxItems": MAX_FILES,
                          "items": {"type": "string", "format": "binary"},
                          "description": "record files; each part's filename is its path in "
                          "the dossier (community.yaml, meetings/cc.yaml)"},
                "root": {"type": "string", "description": "a label for the dossier's folder"}}}},
    }}

    @app.post("/check", dependencies=guarded, response_class=Response,
              openapi_extra={"requestBody": request_body},
              responses={200: {"model": CheckReport, "description": "the JSON report "
                               "(as `check --format json`); the exit-code header says 0 or 1"},
                         422: {"model": CheckReport, "description": "the report, with input "
                               "errors located (exit code 2)"},
                         **_problems(400, 401, 413, 415, 503)})
    async def check(
        request: Request,
        lang: Literal["zh", "en"] = "en",
        as_of: Annotated[str | None, Query(pattern=_DAY, json_schema_extra=_DATE,
                                           description="judge as of this day")] = None,
        window_from: Annotated[str | None, Query(alias="from", pattern=_DAY,
                                                 json_schema_extra=_DATE)] = None,
        window_to: Annotated[str | None, Query(alias="to", pattern=_DAY,
                                               json_schema_extra=_DATE)] = None,
        engine: Literal["native", "durable"] = "native",
        fail_on: Literal["error", "warning", "info", "never"] = "error",
    ) -> Response:
        """Check one dossier (or several): the same JSON report as ``check --format json``."""
        day, start, end = (_day(as_of, "as_of"), _day(window_from, "from"), _day(window_to, "to"))
        refused = days_refused(start, end, day, ("from", "to", "as_of"))
        if refused is not None:  # a window holding no day, refused as the command line does
            said = Worded(str(refused), refused.zh)
            raise RequestProblem(400, said, [("bad_window", said, {"parameter": "from"})])
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        work: Callable[[], Parsed]
        if kind == "application/json" or kind.endswith("+json"):
            raw = await request.body()
            work = lambda: parse_json_body(raw)  # noqa: E731
        elif kind == "multipart/form-data":
            parts, root = await _read_form(request)
            work = lambda: parse_upload(parts, root)  # noqa: E731
        else:
            raise RequestProblem(415, Worded("unsupported content type", "不支持的内容类型"), [(
                "content_type", Worded("send application/json or multipart/form-data",
                                       "请发送 application/json 或 multipart/form-data"), {})])

        def run() -> tuple[str, int]:
            parsed = work()
            mine = _thread_book(book, per_thread)
            try:
                if engine == "durable":  # its rule sets are shared: one check at a time
                    with durable_lock:
                        report = check_dossiers(parsed.dossiers, rulebook=mine, engine=engine,
                                                as_of=day, window=(start, end), days_named=QUERY)
                else:
                    report = check_dossiers(parsed.dossiers, rulebook=mine, engine=engine,
                                            as_of=day, window=(start, end), days_named=QUERY)
            except EngineUnavailable as exc:
                raise RequestProblem(400, Worded("engine unavailable", "引擎不可用"), [(
                    "engine_unavailable", Worded(str(exc), exc.text("zh")),
                    {"parameter": "engine"})]) from None
            code = _exit_code(report, fail_on)
            return _render(report, parsed), code

        text, code = await slots.run(run)
        return Response(text, status_code=422 if code == 2 else 200,
                        media_type="application/json", headers={EXIT_HEADER: str(code)})

    # ------------------------------------------------------------------------- rules
    @app.get("/rules", dependencies=guarded, responses=_problems(400, 401))
    async def rules() -> RuleList:
        """Every rule: id, catalogue ids, severity, title and citations."""
        return rule_list

    @app.get("/rules/{rule_id}", dependencies=guarded, responses=_problems(400, 401, 404),
             response_model_by_alias=True)
    async def rule(rule_id: Annotated[str, PathParam(max_length=64)]) -> RuleDetail:
        """One rule with its citations, reading, parameters and their versions."""
        detail = _rule_detail(book, rule_id)
        if detail is None:  # a catalogue id names its rule when it has one, as `rules show` does
            implementing = book.rules_for_catalogue(rule_id) if len(rule_id) < 64 else []
            if len(implementing) == 1:
                detail = _rule_detail(book, implementing[0].id)
        if detail is None:
            known = [r.id for r in book.rules]
            if implementing:
                ids = [r.id for r in implementing]
                raise HTTPException(404, Worded(
                    f"catalogue id {rule_id!r} is checked by several rules: {', '.join(ids)}; "
                    "ask for one",
                    f"目录编号「{rule_id}」由多条规则检查：{'、'.join(ids)}；请指定其中一条"))
            raise HTTPException(404, Worded(
                f"no rule {rule_id!r}{did_you_mean(rule_id, known)}; GET /rules lists them",
                f"没有规则「{rule_id}」{did_you_mean(rule_id, known, 'zh')}；规则一览见 GET /rules"))
        return detail

    @app.get("/catalogue", dependencies=guarded, responses=_problems(400, 401, 404))
    async def catalogue() -> CatalogueOut:
        """For each catalogue id: implemented (by which rules), excluded, pending or not covered."""
        if not catalogue_once:
            catalogue_once.append(_catalogue(book, config.catalogue))
        found = catalogue_once[0]
        if found is None:
            raise HTTPException(404, Worded(
                "no rule catalogue is configured (serve --catalogue FILE)",
                "服务未配置规则目录（serve --catalogue FILE）"))
        return found

    @app.get("/sources/{document}/{line}", dependencies=guarded,
             responses=_problems(400, 401, 404))
    async def source(document: Annotated[str, PathParam(max_length=64)],
                     line: Annotated[int, PathParam(ge=1, le=1_000_000)],
                     context: Annotated[int, Query(ge=0, le=20)] = 2) -> SourceOut:
        """A line of a source document (a clause rules cite), with the lines around it."""
        doc = book.documents.get(document)
        if doc is None:
            raise HTTPException(404, Worded(
                f"no document {document!r}; known: " + ", ".join(sorted(book.documents)),
                f"没有文件「{document}」；已有：" + "、".join(sorted(book.documents))))
        if not doc.first_line <= line <= doc.last_line:
            raise HTTPException(404, Worded(
                f"{document} spans lines {doc.first_line}–{doc.last_line}",
                f"{document} 只有第{doc.first_line}至{doc.last_line}行"))
        folder = _sources_folder(config)
        lines = _file_lines(str(folder), doc.file) if folder is not None else None
        if lines is None or line > len(lines):
            raise HTTPException(404, Worded(
                "the source documents are not available to this server "
                f"(serve --sources DIR or {SOURCES_ENV})",
                f"本服务没有原始文件（serve --sources DIR 或 {SOURCES_ENV}）"))
        low, high = max(doc.first_line, line - context), min(doc.last_line, line + context)
        cited = sorted({r.id for r in book.rules for c in r.source
                        if c.document == document and line in c.lines})
        return SourceOut(document=document, title=doc.title, file=doc.file, line=line,
                         text=lines[line - 1], plain=_PINYIN.sub("", lines[line - 1]),
                         context=[SourceLine(line=n, text=lines[n - 1])
                                  for n in range(low, high + 1)], cited_by=cited)

    @app.get("/health")
    async def health() -> Health:
        """Always open (no token): the server is up and its rule set loaded."""
        return Health()

    @app.get("/version", dependencies=guarded, responses=_problems(400, 401))
    async def version() -> VersionOut:
        """The package, rule set and report format versions."""
        return VersionOut(package=__version__, ruleset=book.version,
                          report_format=REPORT_FORMAT_VERSION, engines=list(ENGINES))

    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    app.add_middleware(BodyLimit, limit=config.max_body)
    if config.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(config.cors_origins),
                           allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"],
                           expose_headers=[EXIT_HEADER])
    app.router.on_shutdown.append(slots.close)
    return app


async def _read_form(request: Request) -> tuple[list[tuple[str | None, bytes]], str | None]:
    """The ``files`` parts (name, bytes) and the ``root`` field of a multipart body."""
    try:
        form = await request.form(max_files=MAX_FILES + 1, max_fields=8)
    except (BodyTooLarge, BadLength):
        raise
    except Exception as exc:  # a malformed multipart body, or past its limits
        said = str(getattr(exc, "detail", "") or exc)
        why = (Worded(f"more than {MAX_FILES} files", f"文件超过{MAX_FILES}个")
               if "Too many files" in said else
               Worded("more fields than a check takes (files and root)",
                      "字段过多（检查只接受 files 和 root）") if "Too many fields" in said else
               Worded(said[:200] or "malformed multipart body", "multipart 请求体格式有误"))
        raise RequestProblem(400, Worded("the multipart body cannot be read",
                                         "无法读取 multipart 请求体"), [("multipart", why, {})]
                             ) from None
    try:
        parts: list[tuple[str | None, bytes]] = []
        for value in form.getlist("files"):
            if not isinstance(value, UploadFile):
                raise RequestProblem(400, UPLOAD_NOT_A_CHECK, [(
                    "request_shape", Worded("each `files` part is a file (with a filename)",
                                            "files 的每个部分须为带文件名的文件"),
                    {"parameter": "files"})])
            parts.append((value.filename, await value.read()))
        if len(form.getlist("root")) > 1:
            raise RequestProblem(400, UPLOAD_NOT_A_CHECK, [(
                "request_shape", Worded("`root` is given more than once", "root 写了不止一次"),
                {"parameter": "root"})])
        root = form.get("root")
        if root is not None and not isinstance(root, str):
            raise RequestProblem(400, UPLOAD_NOT_A_CHECK, [(
                "request_shape", Worded("`root` is a text field", "root 须为文本字段"),
                {"parameter": "root"})])
        return parts, root
    finally:
        await form.close()


CACHE_LIMIT = 20_000
"""Entries a check thread's rule-set caches may hold before they are dropped."""


def _thread_book(shared: Rulebook, local: threading.local) -> Rulebook:
    """The rule set a check thread uses: a copy of the shared one with its own caches of rules
    bound per place and span of days (keyed by what the records say, so they would grow without
    end in a long-running server, and a cache is not safe to clear under another thread), and
    the shared cache of compiled rules (bounded by the rule set). When the thread's caches pass
    :data:`CACHE_LIMIT` entries it starts again from a fresh copy."""
    book: Rulebook | None = getattr(local, "book", None)
    if book is None or len(book._by_case) + len(book._selected) > CACHE_LIMIT:
        book = local.book = replace(shared, _by_case={}, _selected={}, _paired={})
    return book


def _render(report: Report, parsed: Parsed) -> str:
    """The JSON report; for a JSON body its input errors carry their pointers."""
    if not parsed.pointers or not report.input_errors:
        return render_json(report)
    fields = {name: getattr(report, name) for name in Report.model_fields}
    fields["input_errors"] = locate(report.input_errors, parsed.pointers)
    return json_inert(CheckReport.model_construct(**fields).to_json())


def _exit_code(report: Report, fail_on: str) -> int:
    """As the CLI's: 2 for input errors, 1 for an active finding at ``fail_on`` or worse."""
    if report.input_errors:
        return 2
    return 1 if fail_on != "never" and report.fails_at(Severity(fail_on)) else 0


def _source(citation: Citation | None) -> Any:
    if citation is None:
        return None
    return {"document": citation.document, "lines": list(citation.lines), "quote": citation.quote}


def _version(version: ParameterVersion) -> ParameterVersionOut:
    return ParameterVersionOut.model_validate({
        "value": render_value(version.value),
        "from": version.from_.isoformat() if version.from_ else None,
        "until": version.until.isoformat() if version.until else None,
        "overlay": version.overlay or None, "reference": _source(version.reference)})


def _rule_detail(book: Rulebook, rule_id: str) -> RuleDetail | None:
    try:
        rule = book.rule(rule_id)
    except KeyError:
        return None
    names = book.parameter_names(rule)
    parameters, first = [], {}
    for name in names:
        param = book.parameters[name]
        versions = [*param.values, *(v for _, vs in sorted(param.overlays.items()) for v in vs)]
        if versions:
            first[name] = versions[0]
        parameters.append(ParameterOut(
            name=name, type=param.type, description=param.description.model_dump(),
            reference=_source(param.reference), versions=[_version(v) for v in versions]))
    violated = ""
    if len(first) == len(names):
        bound = compile_rule(rule, first)
        guard = describe(bound.guard)
        violated = (f"{guard} and " if guard != "true" else "") + describe(bound.violated)
    info = rule_info(rule, book.documents)
    return RuleDetail(
        id=rule.id, catalogue=list(rule.catalogue), severity=rule.severity,
        title=info.title, message=rule.message.model_dump(), kind=rule.kind,
        applies_to=rule.applies_to, when=dict(rule.when), params=_plain(rule.params),
        in_force={"from": rule.in_force.from_.isoformat() if rule.in_force.from_ else None,
                  "until": rule.in_force.until.isoformat() if rule.in_force.until else None},
        jurisdictions=list(rule.jurisdictions),
        sources=[CitationOut(document=c.document, lines=list(c.lines), quote=c.quote,
                             decides=list(c.for_)) for c in rule.source],
        parameters=parameters, violated_when=violated, defined_in=f"{rule.file}:{rule.line}",
        help=info.help)


def _plain(value: Any) -> Any:
    """Rule parameters as JSON values (exact numbers as text)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    return render_value(value)


def _catalogue(book: Rulebook, configured: str | None) -> CatalogueOut | None:
    """Coverage of the catalogue the server was given (else the one beside this checkout)."""
    text = _catalogue_text(configured)
    if text is None:
        return None
    rows = coverage(book, parse_catalogue(text))
    counts = {s: sum(1 for r in rows if r.status == s)
              for s in ("implemented", "excluded", "pending", "not covered")}
    return CatalogueOut(counts=counts, ids=[CatalogueRow(
        id=r.entry.id, severity=r.entry.severity, cite=r.entry.cite, status=r.status,
        rules=list(r.rules), exclusion=r.exclusion, pending=r.pending) for r in rows])


@cache
def _catalogue_text(configured: str | None) -> str | None:
    """The catalogue's text, read once (bounded, :func:`read_catalogue`); ``None`` where there
    is none to read."""
    path = Path(configured) if configured else find_catalogue()
    return None if path is None else read_catalogue(path)[0]


def _sources_folder(config: ServerConfig) -> Path | None:
    if config.sources:
        return Path(config.sources)
    from ..sources import default_sources_dir  # SOURCES_ENV, else the bundled sources

    return default_sources_dir()


@cache
def _file_lines(folder: str, file: str) -> list[str] | None:
    """The lines of a source file named by the rule set (never by a request)."""
    try:
        return (Path(folder) / file).read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema, with the check request's and the problem's models added."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description,
                         routes=app.routes)
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for model, name in ((CheckRequest, "CheckRequest"), (Problem, "Problem")):
        found = model.model_json_schema(ref_template="#/components/schemas/" + name + ".{model}")
        for sub, definition in found.pop("$defs", {}).items():
            components[f"{name}.{sub}"] = definition
        components[name] = found
    app.openapi_schema = schema
    return schema
