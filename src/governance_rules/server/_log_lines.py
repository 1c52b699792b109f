"""uvicorn's log lines in the language of ``serve --lang``.

An operator who started the server with ``--lang zh`` read its errors in Chinese and then every
line of its log in English. With ``zh``, the lines uvicorn writes while it starts, serves and
stops are said in Chinese: the level, the lifecycle lines, the request lines' statuses. A line
this table does not know (a new uvicorn's, a traceback) is written as uvicorn wrote it.
"""

from __future__ import annotations

import copy
import logging
import re
from typing import Any

from uvicorn.config import LOGGING_CONFIG
from uvicorn.logging import AccessFormatter, DefaultFormatter

_LEVELS_ZH = {"TRACE": "跟踪", "DEBUG": "调试", "INFO": "信息", "WARNING": "警告",
              "ERROR": "错误", "CRITICAL": "严重"}

_LINES_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern + r"\Z", re.DOTALL), said) for pattern, said in (
        (r"Started server process \[(\d+)\]", r"服务进程 [\1] 已启动"),
        (r"Finished server process \[(\d+)\]", r"服务进程 [\1] 已结束"),
        (r"Started parent process \[(\d+)\]", r"主进程 [\1] 已启动"),
        (r"Stopping parent process \[(\d+)\]", r"主进程 [\1] 正在停止"),
        (r"Waiting for child process \[(\d+)\]", r"等待子进程 [\1] 结束"),
        (r"Terminated child process \[(\d+)\]", r"子进程 [\1] 已终止"),
        (r"Child process \[(\d+)\] died", r"子进程 [\1] 意外退出"),
        (r"Child process \[(\d+)\] failed to start, stopping the parent process\.",
         r"子进程 [\1] 未能启动，主进程随之停止"),
        (r"Waiting for application startup\.", "等待应用启动"),
        (r"Application startup complete\.", "应用已启动"),
        (r"Application startup failed\. Exiting\.", "应用启动失败，退出"),
        (r"Waiting for application shutdown\.", "等待应用关闭"),
        (r"Application shutdown complete\.", "应用已关闭"),
        (r"Application shutdown failed\. Exiting\.", "应用关闭失败，退出"),
        (r"Uvicorn running on (\S+) \(Press CTRL\+C to quit\)", r"服务运行于 \1（按 CTRL+C 停止）"),
        (r"Uvicorn running on unix socket (\S+) \(Press CTRL\+C to quit\)",
         r"服务运行于 Unix 套接字 \1（按 CTRL+C 停止）"),
        (r"Shutting down", "正在关闭"),
        (r"Waiting for connections to close\. \(CTRL\+C to force quit\)",
         "等待连接关闭（按 CTRL+C 强制停止）"),
        (r"Waiting for background tasks to complete\. \(CTRL\+C to force quit\)",
         "等待后台任务完成（按 CTRL+C 强制停止）"),
        (r"Cancel (\d+) running task\(s\), timeout graceful shutdown exceeded",
         r"超过平稳关闭时限，取消 \1 个运行中的任务"),
        (r"Received (SIG[A-Z]+), exiting\.", r"收到信号 \1，退出"),
        (r"Invalid HTTP request received\.", "收到无效的 HTTP 请求"),
        (r"Exception in ASGI application\n(.*)", r"ASGI 应用出错\n\1"),
    ))
"""Each line uvicorn writes (matched whole), and how it is said in Chinese."""

_STATUSES_ZH = {200: "成功", 204: "无内容", 301: "已永久移动", 304: "未修改", 400: "请求有误",
                401: "未授权", 403: "禁止访问", 404: "未找到", 405: "方法不允许",
                408: "请求超时", 413: "请求体过大", 415: "媒体类型不支持",
                422: "内容无法处理", 429: "请求过多", 500: "服务器内部错误",
                503: "服务暂不可用", 504: "处理超时"}
"""The words beside a request line's status; a status not here is shown by its number."""


def said_in_chinese(line: str) -> str:
    """``line`` as uvicorn wrote it, said in Chinese when it is one of the lines it knows.

    >>> said_in_chinese("Started server process [42]")
    '服务进程 [42] 已启动'
    >>> said_in_chinese("Uvicorn running on http://127.0.0.1:8000 (Press CTRL+C to quit)")
    '服务运行于 http://127.0.0.1:8000（按 CTRL+C 停止）'
    >>> said_in_chinese("a line of a newer uvicorn")
    'a line of a newer uvicorn'
    """
    for pattern, said in _LINES_ZH:
        matched = pattern.match(line)
        if matched is not None:
            return matched.expand(said)
    return line


class _ChineseLevels:
    """The level before each line in Chinese (``信息：``), coloured as uvicorn colours it."""

    use_colors: bool

    def _in_chinese(self, record: logging.LogRecord) -> logging.LogRecord:
        shown = copy.copy(record)
        shown.__dict__.pop("color_message", None)  # the English line, with colours
        level = _LEVELS_ZH.get(record.levelname, record.levelname)
        if self.use_colors:
            level = self.color_level_name(level, record.levelno)  # type: ignore[attr-defined]
        shown.__dict__["levelprefix"] = f"{level}："
        return shown


class ChineseFormatter(_ChineseLevels, DefaultFormatter):
    """uvicorn's own lines (``uvicorn.error``) in Chinese.

    >>> line = logging.LogRecord("uvicorn.error", logging.INFO, "", 0,
    ...                          "Started server process [%d]", (7,), None)
    >>> ChineseFormatter("%(levelprefix)s%(message)s", use_colors=False).format(line)
    '信息：服务进程 [7] 已启动'
    """

    def formatMessage(self, record: logging.LogRecord) -> str:
        shown = self._in_chinese(record)
        shown.__dict__["message"] = said_in_chinese(record.getMessage())
        return logging.Formatter.formatMessage(self, shown)


class ChineseAccessFormatter(_ChineseLevels, AccessFormatter):
    """Request lines (``uvicorn.access``) with the status in Chinese words.

    >>> line = logging.LogRecord("uvicorn.access", logging.INFO, "", 0, '%s - "%s %s HTTP/%s" %d',
    ...                          ("127.0.0.1:5000", "POST", "/check", "1.1", 422), None)
    >>> fmt = '%(levelprefix)s%(client_addr)s - "%(request_line)s" %(status_code)s'
    >>> ChineseAccessFormatter(fmt, use_colors=False).format(line)
    '信息：127.0.0.1:5000 - "POST /check HTTP/1.1" 422 内容无法处理'
    """

    def get_status_code(self, status_code: int) -> str:
        words = _STATUSES_ZH.get(status_code)
        shown = f"{status_code} {words}" if words else str(status_code)
        if self.use_colors:
            return self.status_code_colours.get(status_code // 100, str)(shown)
        return shown

    def formatMessage(self, record: logging.LogRecord) -> str:
        shown = self._in_chinese(record)
        client_addr, method, full_path, http_version, status_code = record.args  # type: ignore[misc]
        shown.__dict__.update(client_addr=client_addr,
                              request_line=f"{method} {full_path} HTTP/{http_version}",
                              status_code=self.get_status_code(int(str(status_code))))
        return logging.Formatter.formatMessage(self, shown)


def log_config(lang: str) -> dict[str, Any]:
    """uvicorn's logging configuration, its lines said in ``lang`` (``zh`` or ``en``).

    >>> log_config("zh")["formatters"]["default"]["()"]
    'governance_rules.server._log_lines.ChineseFormatter'
    >>> log_config("en")["formatters"]["default"]["()"]
    'uvicorn.logging.DefaultFormatter'
    """
    config = copy.deepcopy(LOGGING_CONFIG)
    if lang == "zh":  # the full-width colon after the level is its space
        for name, made in (("default", "ChineseFormatter"), ("access", "ChineseAccessFormatter")):
            formatter = config["formatters"][name]
            formatter["()"] = f"{__name__}.{made}"
            formatter["fmt"] = formatter["fmt"].replace("%(levelprefix)s ", "%(levelprefix)s")
    return config
