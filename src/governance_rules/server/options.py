"""The ``serve`` command's options and the :class:`ServerConfig` they make.

No third-party import here: the CLI builds its parser from this module whether or not the
``server`` extra is installed. The configuration travels to uvicorn's worker processes as JSON
in an environment variable (:data:`CONFIG_ENV`), so that one app factory serves 1 or N workers.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from pathlib import Path
from typing import NamedTuple

from .._arguments import ArgumentWords, whole_number
from .._said import Said, os_reason

CONFIG_ENV = "GOVERNANCE_RULES_SERVER_CONFIG"
"""Where :func:`~governance_rules.server.run.serve` leaves the configuration for the workers."""
TOKEN_ENV = "GOVERNANCE_RULES_TOKEN"
"""A bearer token every request except ``GET /health`` must carry (``--token-file`` wins)."""
SOURCES_ENV = "GOVERNANCE_RULES_SOURCES"
"""A folder of source documents for ``GET /sources/...`` instead of the bundled copy."""

DEFAULT_MAX_BODY = 8 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0
MAX_WORKERS = 64
MAX_TOKEN_BYTES = 4096
"""A token is one line; a longer ``--token-file`` (``/dev/zero``, a file named by mistake) is
refused after reading this much, not read for ever."""


class ServerConfig(NamedTuple):
    """Everything the app needs; plain values only (it is sent to workers as JSON). A named
    tuple: ``--help`` builds this module's options, and ``dataclasses`` would import ``inspect``.

    >>> ServerConfig.from_json(ServerConfig(port=9000).to_json()).port
    9000
    """

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    rules: tuple[str, ...] = ()
    token: str | None = None
    max_body: int = DEFAULT_MAX_BODY
    timeout: float = DEFAULT_TIMEOUT
    concurrency: int = 4
    cors_origins: tuple[str, ...] = ()
    sources: str | None = None
    catalogue: str | None = None
    docs_ui: bool = False
    log_level: str = "info"

    def to_json(self) -> str:
        return json.dumps(self._asdict())

    @classmethod
    def from_json(cls, text: str) -> ServerConfig:
        data = json.loads(text)
        data["rules"] = tuple(data.get("rules", ()))
        data["cors_origins"] = tuple(data.get("cors_origins", ()))
        return cls(**data)


_positive_int = whole_number()


def _port(text: str) -> int:
    value = _positive_int(text)
    if value > 65535:
        raise ArgumentWords(f"a port is at most 65535, got {text!r}",
                            f"须为不大于65535的端口号，实为「{text}」")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value <= 3600:
        raise ArgumentWords(f"expected seconds in (0, 3600], got {text!r}",
                            f"须为大于0、不超过3600的秒数，实为「{text}」")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``serve`` subcommand's options (``--rules`` is the CLI's global option)."""
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to bind (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=_port, default=8000, help="port (default 8000)")
    parser.add_argument("--workers", type=_positive_int, default=1,
                        help="worker processes, each with its own copy of the rule set (default 1)")
    parser.add_argument("--token-file", metavar="FILE",
                        help="require `Authorization: Bearer <token>` with the token in FILE "
                        f"(else the {TOKEN_ENV} environment variable, if set)")
    parser.add_argument("--max-body", type=_positive_int, default=DEFAULT_MAX_BODY, metavar="BYTES",
                        help=f"largest request body accepted (default {DEFAULT_MAX_BODY})")
    parser.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help=f"time limit of one check (default {DEFAULT_TIMEOUT:g})")
    parser.add_argument("--concurrency", type=_positive_int, default=4, metavar="N",
                        help="checks run at once per worker; more wait (default 4)")
    parser.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                        help="allow browser pages from ORIGIN to call the API (repeatable; "
                        "default: none)")
    parser.add_argument("--sources", metavar="DIR",
                        help="the folder of source documents for GET /sources (default: "
                        f"{SOURCES_ENV}, else the sources bundled with the package)")
    parser.add_argument("--catalogue", metavar="FILE",
                        help="the rule catalogue for GET /catalogue (default: "
                        "shared/design/rule-catalogue.md beside this checkout)")
    parser.add_argument("--docs-ui", action="store_true",
                        help="serve the interactive API pages at /docs (they load scripts "
                        "from a CDN; /openapi.json is always served)")
    parser.add_argument("--log-level", default="info",
                        choices=("critical", "error", "warning", "info", "debug"))
    parser.add_argument("--lang", choices=("zh", "en"), default="en",
                        help="the language of the command's own errors and of the server's "
                        "log (a check's answer takes ?lang=)")


class ConfigError(Said):
    """An option that cannot be used, in English and Chinese (``serve --lang``).

    >>> ConfigError("--token-file t is empty", "--token-file t 为空").text("zh")
    '--token-file t 为空'
    """


def config_from_args(args: argparse.Namespace) -> ServerConfig:
    """The configuration ``serve`` was asked for; the token is read here, once."""
    token = None
    if args.token_file:
        token = _sendable(_read_token(args.token_file), f"--token-file {args.token_file}")
    elif os.environ.get(TOKEN_ENV, "").strip():
        token = os.environ[TOKEN_ENV].strip()
        if len(token.encode("utf-8")) > MAX_TOKEN_BYTES:
            raise ConfigError(f"{TOKEN_ENV} is longer than {MAX_TOKEN_BYTES:,} bytes",
                              f"{TOKEN_ENV} 超过{MAX_TOKEN_BYTES}字节")
        token = _sendable(token, TOKEN_ENV)
    sources = args.sources or os.environ.get(SOURCES_ENV) or None
    for option, path, is_kind, kind, kind_zh in (
            ("--sources", sources, Path.is_dir, "a folder", "文件夹"),
            ("--catalogue", args.catalogue, Path.is_file, "a file", "文件")):
        try:
            usable = not path or is_kind(Path(path))
        except (OSError, ValueError):  # a name too long for the system, a NUL
            usable = False
        if not usable:
            raise ConfigError(f"{option} {path} is not {kind} (or is not there)",
                              f"{option} {path} 不是{kind_zh}或不存在")
    if args.catalogue:
        from ..rulebook.coverage import read_catalogue

        why = read_catalogue(args.catalogue)[1]
        if why is not None:
            raise ConfigError(f"--catalogue {args.catalogue}: {why.en}",
                              f"--catalogue {args.catalogue}：{why.zh}")
    return ServerConfig(
        host=args.host, port=args.port, workers=min(args.workers, MAX_WORKERS),
        rules=tuple(str(Path(r).resolve()) for r in args.rules), token=token,
        max_body=args.max_body, timeout=args.timeout, concurrency=args.concurrency,
        cors_origins=tuple(args.cors_origin),
        sources=str(Path(sources).resolve()) if sources else None,
        catalogue=str(Path(args.catalogue).resolve()) if args.catalogue else None,
        docs_ui=args.docs_ui, log_level=args.log_level)


_TOKEN = re.compile(r"[\x21-\x7e]+(?: [\x21-\x7e]+)*")
"""A token a client can send after ``Authorization: Bearer``: printable ASCII, single spaces
between (a header's value is Latin-1 text, and its ends are trimmed)."""


def _sendable(token: str, given: str) -> str:
    """``token``, when a client can send it in ``Authorization: Bearer …``: with a Chinese
    character, a control character or a run of spaces in it, every request would be a 401.

    >>> _sendable("s3cret-token", "--token-file t")
    's3cret-token'
    """
    if _TOKEN.fullmatch(token) is None:
        raise ConfigError(f"{given}: a token is printable ASCII (letters, digits, punctuation, "
                          "single spaces), as a client sends it after `Authorization: Bearer`",
                          f"{given}：令牌只能由英文字母、数字、标点和单个空格组成，以便客户端在 "
                          "Authorization: Bearer 之后原样发送")
    return token


def _read_token(path: str) -> str:
    """The token in the file at ``path``, its line's spaces and newline dropped. Read bounded:
    a pipe (``--token-file <(pass show api)``) is read as a file is, and ``/dev/zero`` is
    refused, not read for ever.

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as file:
    ...     _ = file.write("s3cret\\n")
    >>> _read_token(file.name)
    's3cret'
    >>> os.remove(file.name)
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_TOKEN_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"cannot read --token-file {path}: {os_reason(exc, 'en')}",
                          f"--token-file {path} 无法读取：{os_reason(exc, 'zh')}") from None
    if len(data) > MAX_TOKEN_BYTES:
        raise ConfigError(f"--token-file {path} is larger than {MAX_TOKEN_BYTES:,} bytes",
                          f"--token-file {path} 超过{MAX_TOKEN_BYTES}字节，未读取")
    try:
        token = data.decode("utf-8-sig").strip()
    except UnicodeDecodeError:
        raise ConfigError(f"--token-file {path} is not UTF-8 text",
                          f"--token-file {path} 不是 UTF-8 编码的文本") from None
    if not token:
        raise ConfigError(f"--token-file {path} is empty", f"--token-file {path} 为空，没有令牌")
    return token
