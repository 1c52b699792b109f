"""``governance-rules serve`` against a real uvicorn server on a free local port, over HTTP.

The findings for each example equal the CLI's (byte for byte when the record files are
uploaded), hostile bodies get 4xx with the problem located, the token and the size and time
limits hold, and a bounded schemathesis run over the OpenAPI schema finds no 5xx and no
response that breaks its schema. Skipped when the ``server`` extra is not installed.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _helpers import EXAMPLES, ROOT

pytest.importorskip("fastapi")
pytest.importorskip("multipart")
uvicorn = pytest.importorskip("uvicorn")
httpx = pytest.importorskip("httpx")

from governance_rules import Rulebook, check_paths  # noqa: E402
from governance_rules.records._parse import parse_record_text  # noqa: E402
from governance_rules.render.json import render_json  # noqa: E402
from governance_rules.server.app import EXIT_HEADER, create_app  # noqa: E402
from governance_rules.server.options import ServerConfig  # noqa: E402

TOKEN = "test-token-9x"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
MAX_BODY = 2 * 1024 * 1024
EXAMPLES_PER_OPERATION = int(os.environ.get("GR_SERVER_EXAMPLES", "4"))
"""Examples per operation of the schemathesis run: few, so that `make test` stays fast."""
EXAMPLE_DIRS = sorted(p for p in EXAMPLES.iterdir() if (p / "community.yaml").is_file())


class _Served:
    """A uvicorn server in a thread, on a socket bound to a free port before it starts."""

    def __init__(self, config: ServerConfig, rulebook: Rulebook) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        app = create_app(config, rulebook=rulebook)
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]},
                                       daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()


@pytest.fixture(scope="module")
def server(rulebook: Rulebook) -> Iterator[str]:
    served = _Served(ServerConfig(token=TOKEN, max_body=MAX_BODY, timeout=60), rulebook)
    yield served.url
    served.stop()


@pytest.fixture(scope="module")
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, headers=AUTH, timeout=120) as c:
        yield c


def _files(example: Path) -> list[Path]:
    return sorted(p for p in example.rglob("*") if p.is_file() and p.suffix in (".yaml", ".json"))


def _upload(example: Path) -> list[tuple[str, tuple[str, bytes, str]]]:
    return [("files", (p.relative_to(example).as_posix(), p.read_bytes(), "application/yaml"))
            for p in _files(example)]


def _as_json(example: Path) -> dict[str, Any]:
    """The example's files as JSON data, as an app would send them (days and amounts as text)."""
    out = {}
    for p in _files(example):
        data, _ = parse_record_text(p.read_bytes(), p.name)
        out[p.relative_to(example).as_posix()] = json.loads(json.dumps(data, default=str))
    return out


# ------------------------------------------------------------------------------- findings


@pytest.mark.parametrize("example", EXAMPLE_DIRS, ids=[e.name for e in EXAMPLE_DIRS])
def test_upload_gives_the_cli_json_byte_for_byte(client: httpx.Client, rulebook: Rulebook,
                                                 example: Path) -> None:
    root = f"examples/{example.name}"
    answer = client.post("/check", files=_upload(example), data={"root": root})
    assert answer.status_code == 200, answer.text
    report = check_paths([example], rulebook=rulebook, base=ROOT)
    assert answer.text == render_json(report)  # what `check --format json` prints
    assert answer.headers[EXIT_HEADER] == ("1" if report.has_errors() else "0")


def test_upload_equals_the_cli_subprocess(client: httpx.Client) -> None:
    example = EXAMPLES / "haliang-3"
    cli = subprocess.run([sys.executable, "-m", "governance_rules", "check", "examples/haliang-3",
                          "--format", "json"], cwd=ROOT, capture_output=True, text=True,
                         timeout=300, check=False)
    answer = client.post("/check", files=_upload(example), data={"root": "examples/haliang-3"})
    assert cli.returncode == int(answer.headers[EXIT_HEADER]) == 1
    assert answer.text == cli.stdout


@pytest.mark.parametrize("example", EXAMPLE_DIRS, ids=[e.name for e in EXAMPLE_DIRS])
def test_json_body_gives_the_cli_findings(client: httpx.Client, rulebook: Rulebook,
                                          example: Path) -> None:
    answer = client.post("/check", json={"files": _as_json(example)})
    assert answer.status_code == 200, answer.text[:2000]
    expected = json.loads(render_json(check_paths([example], rulebook=rulebook, base=example)))
    got = answer.json()

    def unlined(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Lines are those of the YAML files in the CLI's report and absent from a JSON body's
        (its records are located by pointer), and the order of findings follows the lines."""
        out = [{**f, "record": {**f["record"], "line": None}} for f in findings]
        return sorted(out, key=lambda f: json.dumps(f, sort_keys=True))

    assert unlined(got["findings"]) == unlined(expected["findings"])
    assert got["summary"] == expected["summary"]


def test_several_dossiers_and_query_options(client: httpx.Client) -> None:
    body = {"dossiers": [{"root": f"examples/{e.name}", "files": _as_json(e)}
                         for e in EXAMPLE_DIRS[:2]]}
    answer = client.post("/check", json=body, params={"as_of": "2022-06-30", "lang": "zh",
                                                      "fail_on": "never", "from": "2022-01-01"})
    assert answer.status_code == 200 and answer.headers[EXIT_HEADER] == "0"
    report = answer.json()
    assert report["as_of"] == "2022-06-30"
    assert {f["record"]["file"].split("/")[1] for f in report["findings"]} <= {
        e.name for e in EXAMPLE_DIRS[:2]}


def test_durable_engine_gives_the_same_report(client: httpx.Client) -> None:
    pytest.importorskip("durable")
    example = EXAMPLES / "haliang-3"
    native = client.post("/check", files=_upload(example))
    durable = client.post("/check", files=_upload(example), params={"engine": "durable"})
    assert durable.status_code == native.status_code == 200
    assert durable.text.replace('"engine": "durable"', "") == \
        native.text.replace('"engine": "native"', "")


def test_input_errors_are_located_by_json_pointer(client: httpx.Client) -> None:
    files = {"community.yaml": {"community": {"id": "c", "name": "社区", "jurisdiction": ["cn"]}},
             "meetings/a.yaml": {"meetings": [{"id": "m1", "body": "b", "date": "2022-01-01",
                                               "present": "many"}]}}
    answer = client.post("/check", json={"files": files})
    assert answer.status_code == 422 and answer.headers[EXIT_HEADER] == "2"
    pointers = {e["pointer"] for e in answer.json()["input_errors"]}
    assert "/files/meetings~1a.yaml/meetings/0/present" in pointers
    assert all(p.startswith("/files/meetings~1a.yaml/meetings/0") for p in pointers)


def test_days_outside_the_records_name_the_query_parameter(client: httpx.Client) -> None:
    """`?to=2021-01-01` on records of 2022 said `(--to)`, a flag no HTTP caller passed."""
    answer = client.post("/check?to=2021-01-01&lang=zh",
                         json={"files": _as_json(EXAMPLES / "sifang")})
    assert answer.status_code == 422
    [error] = [e for e in answer.json()["input_errors"] if e["loc"][-1] == "records_cover"]
    assert "1 January 2021 (query parameter to)" in error["message"]["en"], error
    assert "2021年1月1日（查询参数to）" in error["message"]["zh"] and "--" not in answer.text


def test_an_error_of_a_whole_dossier_names_it_and_points_at_its_files(
        client: httpx.Client) -> None:
    """A dossier without a community record: the error named the internal ``<memory>`` with no
    pointer, and with several dossiers an app could not tell whose it was."""
    meetings = {"m.yaml": {"meetings": []}}
    answer = client.post("/check", json={"dossiers": [
        {"root": "a", "files": meetings},
        {"root": "b", "files": {**meetings, "c.yaml": {"community": {
            "id": "c", "name": "社区", "jurisdiction": ["cn"]}}}}]})
    [error] = [e for e in answer.json()["input_errors"] if e["type"] == "missing_community"]
    assert (error["file"], error["pointer"]) == ("a", "/dossiers/0/files")
    answer = client.post("/check", json={"files": meetings})
    [error] = [e for e in answer.json()["input_errors"] if e["type"] == "missing_community"]
    assert (error["file"], error["pointer"]) == ("files", "/files")
    assert "<memory>" not in answer.text


def test_upload_errors_keep_file_and_line(client: httpx.Client) -> None:
    files = [("files", ("community.yaml", b"community: {id: c, name: x, jurisdiction: [cn]}\n",
                        "application/yaml")),
             ("files", ("m.yaml", b"meeting:\n  id: m1\n  date: 2022-02-30\n", "application/yaml"))]
    answer = client.post("/check", files=files)
    assert answer.status_code == 422
    errors = answer.json()["input_errors"]
    assert errors and all(e["file"] == "m.yaml" and e["line"] for e in errors)
    dated = next(e for e in errors if e["loc"] == ["meeting", "date"])
    assert dated["message"] == {"zh": "「2022-02-30」不是真实存在的日期", "en": dated["msg"]}


# ------------------------------------------------------------------------------- hostile bodies


@pytest.mark.parametrize(("body", "status", "where"), [
    (b"[" * 5000 + b"]" * 5000, 400, None),                                   # deep
    (b'{"files": {"a.yaml": {"meeting": {"id": 1e999}}}}', 400, "/files/a.yaml/meeting/id"),
    (b'{"files": 3}', 400, "/files"),                                          # wrong type
    (b'{"files": {}, "dossiers": []}', 400, ""),
    (b'{"dossiers": [{"root": "a", "files": {}}, {"root": "a", "files": {}}]}', 400, "/dossiers"),
    (b'{"files": {"../../etc/passwd": {}}}', 400, "/files/..~1..~1etc~1passwd"),
    (b'{"files": {"/etc/passwd": {}}}', 400, "/files/~1etc~1passwd"),
    (b'{"files": {"a.yaml": {}}, "files": {}}', 400, None),                     # duplicate key
    (b"not json", 400, None),
    (b"", 400, None),
    (b'"\xff"', 400, None),
])
def test_hostile_json_bodies_get_4xx(client: httpx.Client, body: bytes, status: int,
                                     where: str | None) -> None:
    answer = client.post("/check", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    problem = answer.json()
    assert problem["status"] == status and problem["errors"]
    if where is not None:
        assert where in {e.get("pointer") for e in problem["errors"]}


def test_wrong_types_in_records_get_422_with_pointers(client: httpx.Client) -> None:
    answer = client.post("/check", json={"files": {"a.yaml": {"meetings": {"id": 3}},
                                                   "b.yaml": [1, 2], "c.yaml": {"nope": 1}}})
    assert answer.status_code == 422
    pointers = {e["pointer"] for e in answer.json()["input_errors"]}
    assert {"/files/a.yaml/meetings", "/files/b.yaml", "/files/c.yaml/nope"} <= pointers


def test_size_limit(client: httpx.Client) -> None:
    big = b'{"files": {"a.yaml": {"x": "' + b"a" * MAX_BODY + b'"}}}'
    answer = client.post("/check", content=big, headers={"content-type": "application/json"})
    assert answer.status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit holds while reading
        yield b'{"files": {"a.yaml": {"x": "'
        for _ in range(MAX_BODY // 65536 + 2):
            yield b"a" * 65536
        yield b'"}}}'

    answer = client.post("/check", content=chunks(), headers={"content-type": "application/json"})
    assert answer.status_code == 413
    files = [("files", ("a.yaml", b"a" * (MAX_BODY + 10), "application/yaml"))]
    assert client.post("/check", files=files).status_code == 413


@pytest.mark.parametrize("name", ["../x.yaml", "/etc/passwd", "a/../../b.yaml", "x.txt",
                                  "governance-waivers.yaml", "a\\b.yaml", ""])
def test_upload_names_are_labels_never_paths(client: httpx.Client, name: str) -> None:
    files = [("files", (name, b"meeting: {id: m}\n", "application/yaml"))]
    assert client.post("/check", files=files).status_code == 400


@pytest.mark.parametrize("params", [{"lang": "fr"}, {"as_of": "2022-02-30"}, {"as_of": "20220101"},
                                    {"from": "2022-05-01", "to": "2022-01-01"},
                                    {"from": "2022-06-01", "as_of": "2022-03-01"},  # was a 500
                                    {"engine": "drools"}, {"fail_on": "sometimes"},
                                    {"as_of": "1066-10-14"}])
def test_bad_query_options_get_400(client: httpx.Client, params: dict[str, str]) -> None:
    answer = client.post("/check", params=params, json={"files": {}})
    assert answer.status_code == 400
    assert answer.json()["errors"][0]["parameter"] in {"lang", "as_of", "from", "engine", "fail_on"}


def test_other_content_types_get_415(client: httpx.Client) -> None:
    answer = client.post("/check", content=b"meeting: {}", headers={"content-type": "text/yaml"})
    assert answer.status_code == 415


# ------------------------------------------------------------------------------- token, limits


def test_token_is_required_except_for_health(server: str) -> None:
    with httpx.Client(base_url=server, timeout=60) as anonymous:
        assert anonymous.get("/health").json() == {"status": "ok"}
        for path in ("/version", "/rules", "/rules/ra-quorum", "/catalogue",
                     "/sources/SQ-SIFANG/382"):
            answer = anonymous.get(path)
            assert answer.status_code == 401 and answer.headers["www-authenticate"] == "Bearer"
        assert anonymous.post("/check", json={"files": {}}).status_code == 401
        wrong = anonymous.get("/version", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401


def test_time_limit(rulebook: Rulebook) -> None:
    served = _Served(ServerConfig(timeout=0.001, concurrency=1), rulebook)
    try:
        answer = httpx.post(f"{served.url}/check", timeout=60,
                            json={"files": _as_json(EXAMPLES / "sifang")})
        assert answer.status_code == 503 and answer.headers["retry-after"]
        assert httpx.get(f"{served.url}/health", timeout=60).status_code == 200
    finally:
        served.stop()


def test_cors_is_off_unless_configured(client: httpx.Client, rulebook: Rulebook) -> None:
    origin = {"Origin": "https://app.example", "Access-Control-Request-Method": "POST"}
    assert "access-control-allow-origin" not in client.get("/health", headers=origin).headers
    served = _Served(ServerConfig(cors_origins=("https://app.example",)), rulebook)
    try:
        answer = httpx.options(f"{served.url}/check", headers=origin, timeout=60)
        assert answer.headers["access-control-allow-origin"] == "https://app.example"
    finally:
        served.stop()


# ------------------------------------------------------------------------------- reading endpoints


def test_rules_and_rule(client: httpx.Client, rulebook: Rulebook) -> None:
    listed = client.get("/rules").json()
    assert listed["ruleset_version"] == rulebook.version
    assert [r["id"] for r in listed["rules"]] == sorted(r.id for r in rulebook.rules)
    rule = client.get("/rules/ra-quorum").json()
    assert rule["sources"][0]["document"] == "SQ-SIFANG"
    assert rule["parameters"][0]["name"] == "ra.quorum_share"
    assert rule["parameters"][0]["versions"][0]["value"] == "1/2"
    assert "present" in rule["violated_when"]
    assert client.get("/rules/no-such-rule").status_code == 404
    # as `rules show`: a catalogue id of one rule names it, a near miss the nearest id
    assert client.get("/rules/RA-QUORUM").json()["id"] == "ra-quorum"
    missed = client.get("/rules/ra-quorom")
    assert missed.status_code == 404 and "did you mean 'ra-quorum'" in missed.text
    several = client.get("/rules/TPC-SESSIONS")
    assert several.status_code == 404 and "tpc-sessions" in several.text


def test_catalogue(client: httpx.Client) -> None:
    answer = client.get("/catalogue")
    if answer.status_code == 404:
        pytest.skip("no rule catalogue beside this checkout")
    body = answer.json()
    assert sum(body["counts"].values()) == len(body["ids"]) > 0
    assert body["counts"]["not covered"] == 0


def test_sources(client: httpx.Client) -> None:
    answer = client.get("/sources/SQ-SIFANG/382", params={"context": 1})
    if answer.status_code == 404 and "not available" in answer.text:
        pytest.skip("no source documents beside this checkout")
    body = answer.json()
    assert "出納" in body["text"] and "(" not in body["plain"].replace("(一)", "")
    assert [c["line"] for c in body["context"]] == [381, 382, 383]
    assert "fin-seg-director" in body["cited_by"]
    assert client.get("/sources/SQ-SIFANG/1").status_code == 404      # outside the document
    assert client.get("/sources/..%2F..%2Fetc/1").status_code == 404
    assert client.get("/sources/SQ-SIFANG/0").status_code == 400
    wide = client.get("/sources/SQ-SIFANG/382", params={"context": 50})
    assert wide.status_code == 400 and "context: must be at most 20, got '50'" in \
        wide.json()["detail"], \
        wide.text  # not pydantic's "Input should be less than or equal to 20"


def test_version_and_openapi(client: httpx.Client, rulebook: Rulebook) -> None:
    version = client.get("/version").json()
    assert version["ruleset"] == rulebook.version and "native" in version["engines"]
    schema = client.get("/openapi.json").json()
    assert {"/check", "/rules", "/rules/{rule_id}", "/catalogue", "/sources/{document}/{line}",
            "/health", "/version"} <= set(schema["paths"])
    body = schema["paths"]["/check"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(body)
    assert "CheckRequest.Meeting" in schema["components"]["schemas"]


def test_check_threads_keep_bounded_caches(rulebook: Rulebook) -> None:
    from governance_rules.server.app import CACHE_LIMIT, _thread_book

    local = threading.local()
    first = _thread_book(rulebook, local)
    assert first is not rulebook and _thread_book(rulebook, local) is first
    assert first._bound is rulebook._bound            # compiled rules: shared, bounded
    first._by_case.update({(str(i), (), None): None for i in range(CACHE_LIMIT + 1)})  # type: ignore[misc]
    fresh = _thread_book(rulebook, local)
    assert fresh is not first and not fresh._by_case


def test_help_does_not_import_the_server_stack() -> None:
    code = ("import sys; from governance_rules.cli import build_parser; build_parser(); "
            "print(any(m.split('.')[0] in ('fastapi', 'uvicorn', 'starlette') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


# ------------------------------------------------------------------------------- schema-based run


def test_schemathesis_finds_no_5xx_and_no_schema_break(server: str) -> None:
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, settings
    from schemathesis.specs.openapi import checks

    schema = schemathesis.openapi.from_url(f"{server}/openapi.json", headers=AUTH)
    failures: list[str] = []
    for operation in schema.get_all_operations():
        op = operation.ok()
        strategy = op.as_strategy()

        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def run(case: Any) -> None:
            response = case.call(base_url=server, headers=AUTH, timeout=60)
            if response.status_code >= 500:
                failures.append(f"{case.operation.label}: {response.status_code} {response.text[:200]}")
            case.validate_response(response, checks=[checks.status_code_conformance,
                                                     checks.content_type_conformance,
                                                     checks.response_schema_conformance])

        from hypothesis import given

        given(strategy)(run)()
    assert not failures


def test_a_token_any_client_can_send_is_accepted(tmp_path: Path) -> None:
    """Printable ASCII with single spaces works (``token_ok`` compares what follows
    ``Bearer``); a byte-order mark a text editor left is not part of the token."""
    from governance_rules.server.options import _read_token, _sendable

    for token in ("p@ss word!", "a:b#c", "s3cret=="):
        assert _sendable(token, "t") == token
    (tmp_path / "t.txt").write_bytes("\ufeffs3cret\n".encode("utf-8"))
    assert _read_token(str(tmp_path / "t.txt")) == "s3cret"


_HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize(("ask", "make"), [
    ({"params": {"lang": "zh"}}, lambda c, kw: c.post("/check", json={"filez": {}}, **kw)),
    ({"params": {"lang": "zh"}}, lambda c, kw: c.post(
        "/check", files=[("files", ("x.txt", b"meeting: {}\n", "application/yaml"))], **kw)),
    ({"params": {"lang": "zh", "as_of": "2022-02-30"}},
     lambda c, kw: c.post("/check", json={"files": {}}, **kw)),
    ({"params": {"lang": "zh", "engine": "drools"}},
     lambda c, kw: c.post("/check", json={"files": {}}, **kw)),
    ({"params": {"lang": "zh"}}, lambda c, kw: c.post(
        "/check", content=b"meeting: {}", headers={"content-type": "text/yaml"}, **kw)),
    ({"headers": {"Accept-Language": "zh-CN,zh;q=0.9"}}, lambda c, kw: c.get("/rules/nope", **kw)),
    ({"headers": {"Accept-Language": "zh-CN"}}, lambda c, kw: c.get("/sources/NOPE/1", **kw)),
    ({"headers": {"Accept-Language": "zh-CN"}}, lambda c, kw: c.get("/no/such/path", **kw)),
    ({"headers": {"Accept-Language": "zh-CN"}}, lambda c, kw: c.delete("/check", **kw)),
    ({"params": {"lang": "zh"}}, lambda c, kw: c.post(
        "/check", content=b"{", headers={"content-type": "application/json"}, **kw)),
])
def test_a_problem_answer_is_in_the_language_asked_for(client: httpx.Client, ask: dict[str, Any],
                                                        make: Any) -> None:
    """``?lang=zh`` (as a check's report is asked for) or ``Accept-Language: zh``: the title,
    the detail and each located problem in Chinese; the same request without it in English."""
    answer = make(client, ask)
    assert 400 <= answer.status_code < 500, answer.text
    body = answer.json()
    texts = [body["title"], body["detail"], *(e["msg"] for e in body.get("errors", []))]
    assert all(_HAN.search(t) for t in texts), texts
    english = make(client, {k: ({n: v for n, v in given.items() if n != "lang"} if k == "params"
                                else {}) for k, given in ask.items()}).json()
    assert not _HAN.search(english["title"]) and english["status"] == body["status"], english


def test_an_unauthorised_answer_is_in_the_language_asked_for(server: str) -> None:
    answer = httpx.get(f"{server}/rules", headers={"Accept-Language": "zh"})
    assert answer.status_code == 401 and _HAN.search(answer.json()["title"]), answer.text


def test_a_body_that_cannot_be_read_is_called_the_request_body(client: httpx.Client) -> None:
    """The parser's words were about a "file" (``file is empty; expected a mapping of records``)
    to an app that sent a request body."""
    empty = client.post("/check", content=b"", headers={"content-type": "application/json"})
    assert empty.status_code == 400
    [error] = empty.json()["errors"]
    assert error["msg"].startswith("the request body is empty; send {\"files\"")
    wide = b'{"files": {"a.yaml": {"x": [' + b",".join([b"1"] * 500_001) + b"]}}}"
    answer = client.post("/check", content=wide, headers={"content-type": "application/json"})
    assert "in the request body" in answer.json()["errors"][0]["msg"], answer.text
    assert "file" not in answer.json()["errors"][0]["msg"]


def test_a_second_root_is_refused(client: httpx.Client) -> None:
    """Two ``root`` fields: the last was used without a word."""
    files = [("files", ("community.yaml", b"community: {id: c, name: x, jurisdiction: [cn]}\n",
                        "application/yaml"))]
    answer = client.post("/check", files=files, data={"root": ["a", "b"]})
    assert answer.status_code == 400 and "`root` is given more than once" in answer.text, \
        answer.text
