"""A command's errors on stderr in the language it was asked for (``--lang zh``, on the command
line or in the configuration file): a configuration file it cannot use, a rule set that does
not load, a report it cannot write, a clause it cannot find, what stops ``serve`` before it
serves. Each error carries both texts (``_said.Said``); a worker's error reaches the parent
with both."""

from __future__ import annotations

import errno
import pickle
import re
import socket
import sys
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path

import pytest

from governance_rules._config import ConfigError
from governance_rules._output import OutputError
from governance_rules._said import Said
from governance_rules.cli import _usage_errors, main
from governance_rules.errors import EngineUnavailable, RulebookError
from governance_rules.scheduling.dask_cluster import DaskFailed
from governance_rules.scheduling.processes import WorkerLost
from governance_rules.sources import SourceError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = str(ROOT / "examples" / "haliang-3")

_ENGLISH_PROSE = re.compile(r"\b(expected|unknown|cannot|must|is not|did you mean|known|no such|"
                            r"needs?|holds?|missing|list of|a mapping)\b", re.IGNORECASE)


def _said_in_chinese(err: str) -> str:
    """The one error line, checked to read as Chinese: its words outside paths, quotes and
    codes are not English."""
    assert err.startswith("governance-rules: ") and err.count("\n") == 1, err
    text = err.removeprefix("governance-rules: ").rstrip("\n")
    assert re.search(r"[\u4e00-\u9fff]", text), text
    assert not _ENGLISH_PROSE.search(re.sub(r"「[^」]*」|\S*/\S*|\S+\.(toml|yaml)", "", text)), text
    return text


def test_every_error_a_command_reports_is_said_in_both_languages() -> None:
    for kind in _usage_errors():
        assert issubclass(kind, Said), kind


@pytest.mark.parametrize(("text", "chinese"), [
    ('fromat = "json"\n', "没有「fromat」这一项（是否指「format」？），可用的有：format、lang"),
    ('format = "jsn"\n',
     "「format = \"jsn\"」不可用（是否指「json」？），须为以下之一：github、gitlab、html、json"),
    ("jobs = 0\n", "「jobs = 0」须为不小于1的进程数"),
    ("lang = 1\n", "「lang = 1」须为加引号的词"),
    ('rules = [1]\n', "rules 须为路径列表（相对于配置文件所在的文件夹）"),
    ("format = \n", "不是有效的 TOML（第1行）"),
])
def test_a_configuration_file_that_cannot_be_used_is_said_in_chinese(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        text: str, chinese: str) -> None:
    (tmp_path / "governance-rules.toml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", EXAMPLE, "--lang", "zh"]) == 2
    said = _said_in_chinese(capsys.readouterr().err)
    assert said.startswith(f"配置文件 {tmp_path / 'governance-rules.toml'}"), said
    assert chinese in said, said
    assert main(["check", EXAMPLE]) == 2  # English without --lang
    assert not re.search(r"[\u4e00-\u9fff]", capsys.readouterr().err)


def test_the_language_of_the_configuration_file_is_used_for_the_errors_after_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "governance-rules.toml").write_text('lang = "zh"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", EXAMPLE, "--rules", "nowhere"]) == 2
    assert _said_in_chinese(capsys.readouterr().err) == "规则集文件 nowhere：没有这个规则文件夹"


def test_a_report_that_cannot_be_written_is_said_in_chinese(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "missing" / "out.txt"
    assert main(["check", EXAMPLE, "--output", str(output), "--lang", "zh"]) == 2
    assert _said_in_chinese(capsys.readouterr().err) == f"无法将报告写入 {output}：文件或文件夹不存在"


def _overlay(tmp_path: Path, name: str, text: str) -> str:
    folder = tmp_path / "local"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return str(folder)


@pytest.mark.parametrize(("name", "text", "chinese"), [
    ("ruleset.yaml", "versoin: x\n",
     "第1行：没有「versoin」这一项（是否指「version」？），可用的有：version、documents"),
    ("ruleset.yaml", "adopt:\n  cn/x: [HLS-365]\n",
     "第2行：adopt.cn/x 中的「HLS-365」既不是规则集中的文件，也不是目录编号（是否指「HLS-356」？）"),
    ("extra.yaml", "rules: 3\n", "第1行：规则文件只有一项 rules:，其下为规则列表"),
    ("extra.yaml", "rules:\n  - id: x\n    severty: error\n",
     "第3行：severty：不是规则的字段（是否指「severity」？），可用的有："),
    ("extra.yaml", "rules: [1, 2\n", "第2行：YAML 格式错误：方括号内缺少逗号，或方括号未闭合，文件未读取"),
    ("extra.yaml", "rules:\n  - id: x\n", "第2行：id：须符合格式「^[a-z0-9][a-z0-9-]{1,63}$」，实为「x」"),
    ("parameters/p.yaml", "parameters:\n  cc.consent_share_typo:\n    overlays: {}\n",
     "第2行：没有参数 cc.consent_share_typo 可加地方规定（是否指「cc.consent_share」？）；"
     "新参数须写明 type"),
])
def test_a_rule_set_that_does_not_load_is_said_in_chinese(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str,
        chinese: str) -> None:
    if "/" in name:
        (tmp_path / "local" / "parameters").mkdir(parents=True)
    folder = _overlay(tmp_path, name, text)
    assert main(["rules", "--rules", folder, "--lang", "zh"]) == 2
    said = _said_in_chinese(capsys.readouterr().err)
    assert said.startswith(f"规则集文件 {folder}/{name} 第") and chinese in said, said


def test_a_rule_that_does_not_compile_says_so_in_chinese_and_quotes_the_compiler(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A field a rule's expression names that the fact does not have is said in Chinese, with
    the nearest field (it was quoted in English as the compiler's words)."""
    rules = (ROOT / "rules" / "consultation-committee.yaml").read_text(encoding="utf-8")
    folder = _overlay(tmp_path, "extra.yaml",
                      rules.replace("field: sectors_missing_most", "field: sectors_mising", 1))
    assert main(["rules", "--rules", folder, "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert re.match(r"governance-rules: 规则集文件 \S+ 第\d+行：规则 \S+ 写法有误，规则集未能载入："
                    r"所判断的事实没有字段「sectors_mising」（是否指「sectors_missing」？）\n$", err), err
    assert main(["rules", "--rules", folder]) == 2
    assert ": rule cc-composition: the fact has no field 'sectors_mising' (did you mean " \
           "'sectors_missing'?)" in capsys.readouterr().err  # the rule named once


def test_a_clause_that_cannot_be_found_is_said_in_chinese(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["source", "HLS-365:26", "--lang", "zh"]) == 2
    said = _said_in_chinese(capsys.readouterr().err)
    assert said.startswith("没有文件「HLS-365」（是否指「HLS-356」？）；已知的有：HLS-356、"), said
    assert main(["source", "HLS-356:0", "--lang", "zh"]) == 2
    assert _said_in_chinese(capsys.readouterr().err) == "行号从1开始，范围须由小到大，实为「0」"
    assert main(["source", "HLS-356:99999", "--lang", "zh"]) == 2
    assert "第99999行不在其中" in _said_in_chinese(capsys.readouterr().err)


@pytest.mark.parametrize("error", [
    ConfigError("c.toml: bad", "配置文件 c.toml 有误"),
    OutputError.at("r.json", PermissionError(13, "Permission denied")),
    SourceError("no document 'X'", "没有文件「X」"),
    EngineUnavailable("needs durable-rules", "需要安装 durable-rules"),
    DaskFailed("lost", "工作进程退出"),
    WorkerLost("lost", "工作进程退出"),
    RulebookError("r.yaml", 3, "bad", "有误"),
    RulebookError("r.yaml", None, "bad"),
])
def test_an_error_crosses_processes_with_both_texts(error: Said) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert (str(copy), copy.text("zh")) == (str(error), error.text("zh"))
    assert copy.text("zh") != str(copy)


@pytest.mark.parametrize(("args", "chinese"), [
    (("check",), "缺少必填参数：PATH"),
    (("check", "x", "--format", "jsn"),
     "参数 --format：「jsn」不可用（是否指「json」？），须为以下之一：github、gitlab、html、json"),
    (("chek", "x"), "子命令「chek」不可用（是否指「check」？），须为以下之一：check、rules"),
    (("check", "x", "--jobs", "0"), "参数 --jobs/-j：须为不小于1的进程数，实为「0」"),
    (("check", "x", "--as-of", "2022-13-01"),
     "参数 --as-of：须为日期（写作 YYYY-MM-DD），实为「2022-13-01」"),
    (("check", "x", "--from", "1200-01-01"),
     "参数 --from：1200年1月1日不在记录可用的年份（1900至2200年）之内"),
    (("check", "x", "--dask", "tcp://h:99999"), "参数 --dask：「tcp://h:99999」：端口99999不在1至65535之间"),
    (("check", "x", "--help-uri-base", "docs/"),
     "参数 --help-uri-base：须为完整的 http(s) 网址，实为「docs/」"),
    (("rules", "shw"), "「shw」不可用（是否指「show」？），须为以下之一：list、show"),
    (("source", "-C", "x"), "参数 --context/-C：须为整数，实为「x」"),
    (("check", "x", "--bogus"), "无法识别的参数：--bogus"),
    (("check", "x", "--progress", "--quiet"), "参数 --quiet/-q 不能与 --progress 同用"),
    (("check", "x", "--output"), "参数 --output 后须跟一个值"),
    (("--config",), "参数 --config 后须跟一个值"),
    (("serve", "--port", "70000"), "参数 --port：须为不大于65535的端口号，实为「70000」"),
    (("serve", "--timeout", "0"), "参数 --timeout：须为大于0、不超过3600的秒数，实为「0」"),
])
def test_a_command_line_that_cannot_be_read_is_said_in_chinese(
        capsys: pytest.CaptureFixture[str], args: tuple[str, ...], chinese: str) -> None:
    assert main([*args, "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    usage, said = err.splitlines()[0], err.splitlines()[-1]
    assert usage.startswith("用法：governance-rules"), err
    assert said.startswith(f"governance-rules: 错误：{chinese}"), err
    assert not _ENGLISH_PROSE.search(said.replace("--help-uri-base", "")), said
    assert main([*args]) == 2  # English without --lang
    assert "governance-rules: error: " in capsys.readouterr().err


def test_the_configuration_files_language_says_the_command_lines_errors(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "governance-rules.toml").write_text('lang = "zh"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "x", "--jobs", "0"]) == 2
    assert "错误：参数 --jobs/-j：须为不小于1的进程数" in capsys.readouterr().err
    assert main(["check", "x", "--jobs", "0", "--lang", "en"]) == 2  # the command line wins
    assert "expected a number of processes ≥ 1" in capsys.readouterr().err


def test_every_argparse_message_has_chinese() -> None:
    """Each message of argparse's that a command line can meet, as this Python words it, has
    its Chinese (a new Python that rewords one shows here)."""
    import argparse

    from governance_rules._arguments import usage_error_zh

    parser = argparse.ArgumentParser(prog="p", exit_on_error=False)
    parser.add_argument("path")
    parser.add_argument("--n", type=int)
    parser.add_argument("--flag", action="store_true")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--a", action="store_true")
    group.add_argument("--b", action="store_true")
    for args in (["x", "--n"], ["x", "--n", "q"], ["x", "--a", "--b"], ["x", "--flag=1"]):
        with pytest.raises(argparse.ArgumentError) as raised:
            parser.parse_args(args)
        assert usage_error_zh(str(raised.value)) != usage_error_zh("?"), raised.value
    messages: list[str] = []
    parser.error = messages.append  # type: ignore[method-assign, assignment]
    parser.parse_known_args([])
    parser.parse_args(["x", "y"])
    assert messages and all(usage_error_zh(m) != usage_error_zh("?") for m in messages), messages


def test_rules_show_without_an_id_says_so_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "show", "", "--lang", "zh"]) == 2
    assert capsys.readouterr().err == "governance-rules: `rules show` 须写明规则编号\n"


# ------------------------------------------------------------------------------------ serve
# Each serve below stops before it serves: at an option, or on a port another socket holds
# (where a serve that got past the option would fail too, rather than run).

needs_server = pytest.mark.skipif(find_spec("uvicorn") is None or find_spec("fastapi") is None,
                                  reason="the server extra is not installed")


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A port of 127.0.0.1 that a socket listens on for the test."""
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        yield held.getsockname()[1]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _token_file(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / "token.txt"
    if kind == "folder":
        path.mkdir()
    elif kind != "missing":
        path.write_bytes({"empty": b" \n", "long": b"t" * 5000, "not utf-8": b"\xff\xfe"}[kind])
    return path


@needs_server
@pytest.mark.parametrize(("kind", "chinese"), [
    ("missing", "无法读取：文件或文件夹不存在"),
    ("folder", "无法读取：这是一个文件夹"),
    ("empty", "为空，没有令牌"),
    ("long", "超过4096字节，未读取"),
    ("not utf-8", "不是 UTF-8 编码的文本"),
])
def test_a_token_file_serve_cannot_use_is_said_in_chinese(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], taken_port: int, kind: str,
        chinese: str) -> None:
    token = _token_file(tmp_path, kind)
    args = ["serve", "--token-file", str(token), "--port", str(taken_port)]
    assert main([*args, "--lang", "zh"]) == 2
    assert _said_in_chinese(capsys.readouterr().err) == f"--token-file {token} {chinese}"
    assert main(args) == 2  # English without --lang
    err = capsys.readouterr().err
    assert err.startswith("governance-rules: ") and not re.search(r"[\u4e00-\u9fff]", err), err


@needs_server
@pytest.mark.parametrize(("given", "chinese"), [
    ("token", "令牌只能由英文字母、数字、标点和单个空格组成"),
    ("env", "令牌只能由英文字母、数字、标点和单个空格组成"),
    ("env long", "超过4096字节"),
    ("sources", "不是文件夹或不存在"),
    ("catalogue", "不是文件或不存在"),
])
def test_a_token_no_client_can_send_or_a_missing_folder_stops_serve(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        taken_port: int, given: str, chinese: str) -> None:
    """Found when serve starts, not at every request (a 401 for all, a 404 for the sources)."""
    args = ["serve", "--port", str(taken_port), "--lang", "zh"]
    if given == "token":
        (tmp_path / "t.txt").write_text("my  secret\n", encoding="utf-8")
        args += ["--token-file", str(tmp_path / "t.txt")]
    elif given.startswith("env"):
        monkeypatch.setenv("GOVERNANCE_RULES_TOKEN", "t" * 5000 if given == "env long" else "密码")
    else:
        args += [f"--{given}", str(tmp_path / "nowhere")]
    assert main(args) == 2
    assert chinese in _said_in_chinese(capsys.readouterr().err)


@needs_server
def test_the_configuration_files_language_says_serves_errors(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        taken_port: int) -> None:
    (tmp_path / "governance-rules.toml").write_text('lang = "zh"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    token = _token_file(tmp_path, "long")
    args = ["serve", "--token-file", str(token), "--port", str(taken_port)]
    assert main(args) == 2
    assert _said_in_chinese(capsys.readouterr().err) == f"--token-file {token} 超过4096字节，未读取"
    assert main([*args, "--lang", "en"]) == 2  # the command line wins
    assert capsys.readouterr().err.endswith("is larger than 4,096 bytes\n")


@needs_server
@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_port_in_use_is_said_in_chinese(capsys: pytest.CaptureFixture[str], taken_port: int,
                                          workers: str) -> None:
    assert main(["serve", "--port", str(taken_port), "--workers", workers, "--lang", "zh"]) == 2
    assert (_said_in_chinese(capsys.readouterr().err)
            == f"无法在 127.0.0.1:{taken_port} 上监听：端口已被其他程序占用")


@needs_server
@pytest.mark.parametrize(("host", "chinese"), [
    ("203.0.113.9", "本机没有这个地址"),  # an address for documentation, no machine's
    ("nosuch.invalid", "无法解析这个主机名"),  # a name no resolver knows
])
def test_an_address_serve_cannot_listen_on_is_said_in_chinese(
        capsys: pytest.CaptureFixture[str], taken_port: int, host: str, chinese: str) -> None:
    try:
        with socket.socket() as probe:
            probe.bind((host, taken_port))
        pytest.skip(f"this machine can listen on {host}")
    except OSError as exc:
        if not isinstance(exc, socket.gaierror) and exc.errno != errno.EADDRNOTAVAIL:
            raise
    assert main(["serve", "--host", host, "--port", str(taken_port), "--lang", "zh"]) == 2
    assert _said_in_chinese(capsys.readouterr().err) == f"无法在 {host}:{taken_port} 上监听：{chinese}"


@needs_server
def test_a_rule_set_serve_cannot_load_is_said_in_chinese(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from governance_rules.server.options import CONFIG_ENV

    monkeypatch.delenv(CONFIG_ENV, raising=False)  # serve leaves its configuration there
    nowhere = tmp_path / "nowhere"
    assert main(["--rules", str(nowhere), "serve", "--port", str(_free_port()), "--lang", "zh"]) == 2
    assert _said_in_chinese(capsys.readouterr().err) == f"规则集文件 {nowhere}：没有这个规则文件夹"


def test_serve_without_the_server_extra_says_so_in_chinese(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # `import uvicorn` fails as if missing
    assert main(["serve", "--lang", "zh"]) == 2
    assert _said_in_chinese(capsys.readouterr().err) == (
        "serve 需要安装附加依赖 server（缺少 uvicorn）：pip install 'governance-rules[server]'")


@needs_server
def test_serves_warning_without_a_token_is_said_in_chinese(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import uvicorn

    from governance_rules.server.options import CONFIG_ENV, TOKEN_ENV

    monkeypatch.delenv(CONFIG_ENV, raising=False)
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)  # serve nothing
    assert main(["serve", "--host", "0.0.0.0", "--port", str(_free_port()), "--lang", "zh"]) == 0
    assert capsys.readouterr().err == ("governance-rules: 警告：在 0.0.0.0 上提供服务而未设令牌，"
                                       "任何能访问该地址的人都可调用本服务（参见 --token-file）\n")



@needs_server
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_servers_log_is_in_the_language_of_serve(lang: str) -> None:
    """uvicorn's lines while it starts, answers and stops: in Chinese with ``--lang zh`` (the
    level, the lifecycle, each request's status), as uvicorn writes them otherwise."""
    import os
    import signal
    import subprocess
    import time

    import httpx

    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("GOVERNANCE_RULES_SERVER_CONFIG", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "governance_rules", "serve", "--port", str(port), "--lang", lang],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                assert httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        assert httpx.get(f"http://127.0.0.1:{port}/no-such-page", timeout=5).status_code == 404
    finally:
        server.send_signal(signal.SIGINT)
        log, _ = server.communicate(timeout=30)
    pid = server.pid
    if lang == "en":
        assert f"INFO:     Started server process [{pid}]" in log, log
        assert '"GET /no-such-page HTTP/1.1" 404 Not Found' in log, log
        return
    lines = log.splitlines()
    assert f"信息：服务进程 [{pid}] 已启动" in lines, log
    assert f"信息：服务运行于 http://127.0.0.1:{port}（按 CTRL+C 停止）" in lines, log
    assert "信息：应用已启动" in lines and "信息：正在关闭" in lines, log
    assert f"信息：服务进程 [{pid}] 已结束" in lines, log
    assert any(line.endswith('"GET /health HTTP/1.1" 200 成功') for line in lines), log
    assert any(line.endswith('"GET /no-such-page HTTP/1.1" 404 未找到') for line in lines), log
    for line in lines:  # no English words but the request lines' methods and the address
        words = re.sub(r'"[A-Z]+ \S+ HTTP/[\d.]+"|\S+://\S+|CTRL\+C|\d+\.\d+\.\d+\.\d+:\d+', "",
                       line)
        assert re.search(r"[\u4e00-\u9fff]", line) and not re.search(r"[A-Za-z]{2,}", words), line
