"""Defaults for the command line from a project's own files.

The first folder, from the current one upwards, that has a ``governance-rules.toml`` or a
``pyproject.toml`` with a ``[tool.governance-rules]`` table gives the defaults (the first of the
two where a folder has both). Keys: ``format``, ``lang``, ``fail-on``, ``rules`` and ``waivers``
(lists of paths, relative to the file), ``jobs``. A flag on the command line wins over the file:
``--rules`` or ``--waivers`` given there replace the file's list. ``--config FILE`` names the file
instead, ``--no-config`` ignores any.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "governance-rules.toml").write_text('format = "sarif"\\nrules = ["local"]\\n')
>>> config = find_config(folder / "records")
>>> config.values["format"], config.values["rules"] == [str(folder / "local")]
('sarif', True)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from ._said import Said, os_reason
from ._suggest import did_you_mean

if TYPE_CHECKING:
    import argparse

CONFIG_FILE = "governance-rules.toml"
PYPROJECT_TABLE = "governance-rules"

KEYS = ("format", "lang", "fail-on", "rules", "waivers", "jobs")
LISTS = ("rules", "waivers")


class ConfigError(Said):
    """A configuration file that cannot be used: where, which key, and why (in English and
    Chinese)."""


class Config(NamedTuple):
    """The defaults a file gave (argparse ``dest`` → value) and the file itself. (A named tuple,
    not a dataclass: ``dataclasses`` imports ``inspect``, a sixth of ``--help``'s start-up.)"""

    path: Path | None = None
    values: Mapping[str, Any] = MappingProxyType({})


def find_config(start: Path | None = None) -> Config:
    """The defaults of the nearest configuration at or above ``start`` (the current folder)."""
    folder = (start or Path.cwd()).resolve()
    for here in (folder, *folder.parents):
        own = here / CONFIG_FILE
        if own.is_file():
            return read_config(own)
        pyproject = here / "pyproject.toml"
        if pyproject.is_file():
            table = _table(pyproject)
            if table is not None:
                return _config(pyproject, table, f"[tool.{PYPROJECT_TABLE}]")
    return Config()


def read_config(path: Path) -> Config:
    """The defaults in ``path``: a ``governance-rules.toml``, or a ``pyproject.toml`` whose
    ``[tool.governance-rules]`` table is read (an empty one when it has none)."""
    if path.name == "pyproject.toml":
        return _config(path, _table(path) or {}, f"[tool.{PYPROJECT_TABLE}]")
    return _config(path, _load(path), "")


MAX_CONFIG_BYTES = 1 << 20
"""A configuration file is a few lines; anything larger (``--config /dev/zero``) is refused
before it is read in full."""


def _read_bounded(path: Path) -> str:
    """The text of the regular file at ``path``, at most :data:`MAX_CONFIG_BYTES` (a FIFO or
    a device is refused, not waited on or read for ever)."""
    from ._bounded import NotRegular, TooLarge, read_regular

    try:
        return read_regular(path, MAX_CONFIG_BYTES).decode("utf-8")
    except NotRegular:
        raise ConfigError(f"{path}: not a regular file", f"配置文件 {path} 不是普通文件") from None
    except TooLarge:
        raise ConfigError(f"{path}: larger than {MAX_CONFIG_BYTES:,} bytes",
                          f"配置文件 {path} 超过{MAX_CONFIG_BYTES:,}字节，未读取") from None


def _load(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(_read_bounded(path))
    except RecursionError:
        raise ConfigError(f"{path}: nested too deeply to read",
                          f"配置文件 {path} 嵌套层数过多，无法读取") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {os_reason(exc, 'en')}",
                          f"配置文件 {path} 无法读取：{os_reason(exc, 'zh')}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text",
                          f"配置文件 {path} 不是 UTF-8 编码的文本") from None
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"at line (\d+)", str(exc))  # Python 3.14's error has ``lineno``
        line = getattr(exc, "lineno", None) or (at and at[1])
        raise ConfigError(f"{path}: not valid TOML: {exc}",
                          f"配置文件 {path} 不是有效的 TOML"
                          + (f"（第{line}行）" if line else "")) from None


def _table(pyproject: Path) -> dict[str, Any] | None:
    tool = _load(pyproject).get("tool")
    table = tool.get(PYPROJECT_TABLE) if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{pyproject}: [tool.{PYPROJECT_TABLE}] must be a table",
                          f"配置文件 {pyproject}：[tool.{PYPROJECT_TABLE}] 须为表（table）")
    return table


def _config(path: Path, table: Mapping[str, Any], where: str) -> Config:
    values: dict[str, Any] = {}
    prefix = f"{path}: {where + ' ' if where else ''}"
    prefix_zh = f"配置文件 {path}{f' 的 {where} 表' if where else ''}："
    for key, value in table.items():
        if key not in KEYS:
            near = key.replace("_", "-")
            raise ConfigError(f"{prefix}unknown key {key!r}{did_you_mean(near, KEYS)}"
                              f" (known: {', '.join(KEYS)})",
                              f"{prefix_zh}没有「{key}」这一项{did_you_mean(near, KEYS, 'zh')}"
                              f"，可用的有：{'、'.join(KEYS)}")
        dest = key.replace("-", "_")
        if key in ("format", "lang", "fail-on"):
            if not isinstance(value, str):
                raise ConfigError(f"{prefix}{key} = {_short(value)}: expected a word in quotes",
                                  f"{prefix_zh}「{_written(key, value)}」须为加引号的词")
            values[dest] = value
        elif key == "jobs":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(f"{prefix}jobs = {_short(value)}: expected a number of processes ≥ 1",
                                  f"{prefix_zh}「{_written(key, value)}」须为不小于1的进程数")
            values[dest] = value
        else:
            values[dest] = _paths((prefix, prefix_zh), key, value, path.parent)
    return Config(path, values)


def _written(key: str, value: Any) -> str:
    """``key = value`` as TOML writes it, for a Chinese message (``str`` in double quotes).

    >>> _written("format", "sarifx"), _written("jobs", True)
    ('format = "sarifx"', 'jobs = true')
    """
    if isinstance(value, str):
        return f'{key} = "{_cut(value)}"'
    return f"{key} = {str(value).lower() if isinstance(value, bool) else _cut(str(value))}"


def _cut(text: str, limit: int = 80) -> str:
    """``text`` as an error quotes it: at most ``limit`` characters (a value may be megabytes).

    >>> _cut("x" * 100)[-4:], len(_cut("x" * 100))
    ('xx …', 80)
    """
    return text if len(text) <= limit else text[:limit - 2] + " …"


def _short(value: Any) -> str:
    """``repr(value)`` cut as :func:`_cut` cuts a text."""
    return _cut(repr(value))


def _paths(prefix: tuple[str, str], key: str, value: Any, base: Path) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v and "\0" not in v
                                              for v in value):
        raise ConfigError(f"{prefix[0]}{key} is a list of paths, relative to the file",
                          f"{prefix[1]}{key} 须为路径列表（相对于配置文件所在的文件夹）")
    return [str(base / v) for v in value]



def apply_defaults(parser: argparse.ArgumentParser, config: Config) -> None:
    """Make ``config``'s values the defaults of every subcommand that has the option and
    accepts the value; a value no subcommand accepts is an error (with a "did you mean").
    ``rules`` and ``waivers`` are left to the caller: a flag replaces the file's list rather than
    adding to it."""
    import argparse

    commands = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    subs = list({id(p): p for a in commands for p in a.choices.values()}.values())
    for dest, value in config.values.items():
        if dest in LISTS:
            continue
        accepted = False
        choices: list[str] = []
        for sub in subs:
            action = next((a for a in sub._actions if a.dest == dest), None)
            if action is None:
                continue
            if action.choices is None or value in action.choices:
                sub.set_defaults(**{dest: value})
                accepted = True
            else:
                choices += [str(c) for c in action.choices if str(c) not in choices]
        if not accepted and choices:
            key = dest.replace("_", "-")
            raise ConfigError(f"{config.path}: {key} = {_short(value)} is not one of "
                              f"{', '.join(choices)}{did_you_mean(str(value)[:100], choices)}",
                              f"配置文件 {config.path}：「{_written(key, value)}」不可用"
                              f"{did_you_mean(str(value)[:100], choices, 'zh')}，"
                              f"须为以下之一：{'、'.join(choices)}")
