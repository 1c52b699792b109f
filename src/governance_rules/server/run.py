"""``governance-rules serve``: check the options and the address, load the rule set once to fail
early, then hand over to uvicorn (each worker process builds the app from the same
configuration). What stops it before it serves is said in ``--lang``, as every command's errors
are, and so are uvicorn's log lines once it serves (:mod:`._log_lines`)."""

from __future__ import annotations

import argparse
import errno
import os
import socket
import sys
from typing import Any

from .._said import Said, os_reason
from ..errors import RulebookError
from .options import CONFIG_ENV, ConfigError, config_from_args

EXIT_OK, EXIT_USAGE = 0, 2

_BIND_REASONS_ZH = {errno.EADDRINUSE: "端口已被其他程序占用", errno.EADDRNOTAVAIL: "本机没有这个地址"}


class ServeError(Said):
    """What keeps ``serve`` from starting that no option check can see: the ``server`` extra
    not installed, an address it cannot listen on.

    >>> ServeError("cannot listen on h:1: x", "无法在 h:1 上监听：x").text("zh")
    '无法在 h:1 上监听：x'
    """


def serve(args: argparse.Namespace) -> int:
    """Run the server until interrupted; 2 when the extra is missing or an option is unusable."""
    lang = getattr(args, "lang", "en")
    try:
        return _serve(args, lang)
    except (ServeError, ConfigError, RulebookError) as exc:
        sys.stderr.write(f"governance-rules: {exc.text(lang)}\n")
        return EXIT_USAGE


def _serve(args: argparse.Namespace, lang: str) -> int:
    try:
        import uvicorn

        from ._log_lines import log_config
        from .app import create_app_from_env
    except ImportError as exc:
        raise ServeError(f"serve needs the server extra ({exc.name} is missing): "
                         "pip install 'governance-rules[server]'",
                         f"serve 需要安装附加依赖 server（缺少 {exc.name}）："
                         "pip install 'governance-rules[server]'") from None
    config = config_from_args(args)
    check_listening(config.host, config.port, config.workers)
    os.environ[CONFIG_ENV] = config.to_json()
    app = create_app_from_env()  # loads the rule set: a broken overlay stops here
    if config.host not in ("127.0.0.1", "localhost", "::1") and config.token is None:
        sys.stderr.write(
            f"governance-rules: 警告：在 {config.host} 上提供服务而未设令牌，任何能访问该地址的人"
            "都可调用本服务（参见 --token-file）\n" if lang == "zh" else
            f"governance-rules: warning: serving on {config.host} without a token; anyone who "
            "can reach it may call it (see --token-file)\n")
    target = "governance_rules.server.app:create_app_from_env" if config.workers > 1 else app
    try:
        uvicorn.run(target, factory=config.workers > 1, host=config.host, port=config.port,
                    workers=config.workers, log_level=config.log_level,
                    log_config=log_config(lang), server_header=False,
                    proxy_headers=False, timeout_graceful_shutdown=5)
    except SystemExit as exc:  # uvicorn exits 1 when it cannot bind (taken since the check)
        return EXIT_USAGE if exc.code else EXIT_OK
    return EXIT_OK


def check_listening(host: str, port: int, workers: int = 1) -> None:
    """Bind ``host:port`` as uvicorn will, and let go: a port in use, an address this machine
    does not have or a host name that does not resolve is said before the rule set loads, in
    both languages, not logged by uvicorn in English after it. Never stricter than uvicorn:
    one worker binds every address the host name has (asyncio's ``create_server``, which
    passes over one the machine lacks when another binds), several bind one socket.

    >>> try:
    ...     check_listening("203.0.113.9", 8000)  # an address for documentation, no machine's
    ... except ServeError as exc:
    ...     print(exc.text("zh"))
    无法在 203.0.113.9:8000 上监听：本机没有这个地址
    """
    where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    places: list[tuple[int, tuple[Any, ...]]]
    try:
        if workers > 1:  # uvicorn's Config.bind_socket
            places = [(socket.AF_INET6 if ":" in host else socket.AF_INET, (host, port))]
        else:
            found = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM,
                                       flags=socket.AI_PASSIVE)
            places = list(dict.fromkeys((family, address) for family, *_, address in found))
        bound, missing = 0, None
        for family, address in places:
            try:
                made = socket.socket(family, socket.SOCK_STREAM)
            except OSError:  # a family this kernel lacks (IPv6 off): asyncio passes it over
                if workers > 1:
                    raise
                continue
            with made as probe:
                if workers > 1 or (os.name == "posix" and sys.platform != "cygwin"):
                    probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                if workers == 1 and family == socket.AF_INET6 and hasattr(socket, "IPPROTO_IPV6"):
                    probe.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                try:
                    probe.bind(address)
                    bound += 1
                except OSError as exc:
                    if exc.errno != errno.EADDRNOTAVAIL:
                        raise
                    missing = exc
        if missing is not None and not bound:
            raise missing
    except OSError as exc:
        reason_zh = ("无法解析这个主机名" if isinstance(exc, socket.gaierror)
                     else _BIND_REASONS_ZH.get(exc.errno or 0) or os_reason(exc, "zh"))
        raise ServeError(f"cannot listen on {where}: {os_reason(exc, 'en')}",
                         f"无法在 {where} 上监听：{reason_zh}") from None
