"""The source documents' text, read bounded and line by line, and where a quote stands in it:
what the rule set (the quotes an overlay cites) and ``governance-rules source`` both read. It
imports nothing of the rule set, which imports it."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path

from ._said import Said, os_reason

SOURCES_ENV = "GOVERNANCE_RULES_SOURCES"
"""Names a folder of source documents to read instead of the bundled one."""

_PACKAGE = Path(__file__).resolve().parent
_PINYIN = re.compile(r"\((?:[a-zü]|[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])+\)")


class SourceError(Said):
    """A reference that cannot be followed: unknown document, line outside it, no sources (in
    English and Chinese)."""


def default_sources_dir() -> Path | None:
    """``$GOVERNANCE_RULES_SOURCES``, else the bundled sources (in the wheel, or ``sources/`` at
    the top of a source checkout); ``None`` when none is there."""
    chosen = os.environ.get(SOURCES_ENV)
    if chosen:
        return Path(chosen)
    for folder in (_PACKAGE / "_bundled" / "sources", _PACKAGE.parents[1] / "sources"):
        if folder.is_dir():
            return folder
    return None


def document_folder(folder: str, file: str) -> Path | None:
    """Where a document's ``file`` is read: beside the rule set that names it (``folder``, an
    overlay's) when something of that name is there (a folder or a FIFO is refused when read,
    not passed over for the sources folder's file), else the sources folder (``None``: no
    sources here)."""
    own = Path(folder) if folder else None
    return own if own is not None and os.path.lexists(own / file) else default_sources_dir()


def document_lines(folder: str, file: str) -> list[str] | None:
    """The lines of a document's ``file`` where :func:`document_folder` finds it; ``None`` when
    it is not there (no sources in this install, a district's notice not given); a
    :class:`SourceError` when it is there and cannot be read (not a regular file, too large,
    not UTF-8), so that a quote is never passed as held by a text nobody read."""
    where = document_folder(folder, file)
    if where is None or not os.path.lexists(where / file):  # a name too long is not there
        return None
    return _file_lines(where, file)


def line_count(text: list[str]) -> int:
    """How many lines ``text`` (a document split at its newlines) holds: a last newline ends a
    line, it begins none.

    >>> line_count(["一", "二", ""]), line_count(["一", "二"])
    (2, 2)
    """
    return len(text) - (text[-1:] == [""])


def quote_misplaced(text: list[str], quote: str, lines: list[int]) -> int | None:
    """The first of ``lines`` the ``quote`` does not stand on in ``text`` (a document's lines;
    pinyin in brackets, punctuation and spaces left out, folded to simplified Chinese), or
    ``None``. A rule set's own quotes are held to this by the test suite; an overlay's are
    checked when it loads, so that a finding never quotes words its cited line does not hold.

    >>> quote_misplaced(["一、设立委员会。", "二、經三分之二以上成員同意。"], "经三分之二以上成员同意", [2])
    >>> quote_misplaced(["一、设立委员会。", "二、經三分之二以上成員同意。"], "经三分之二以上成员同意", [1])
    1
    """
    wanted = _plain(quote)
    for n in lines:
        if not (1 <= n <= len(text) and wanted in _plain(text[n - 1])):
            return n
    return None


def quote_found_on(text: list[str], quote: str, first: int, last: int) -> list[int]:
    """The lines from ``first`` to ``last`` of ``text`` that hold ``quote`` (as
    :func:`quote_misplaced` compares them; the first five), to say where a misplaced quote is."""
    wanted = _plain(quote)
    return [n for n in range(first, min(last, len(text)) + 1)
            if wanted in _plain(text[n - 1])][:5]


def _plain(text: str) -> str:
    """``text`` as quotes are compared: NFKC, no pinyin, no punctuation, symbols or spaces,
    simplified Chinese."""
    text = unicodedata.normalize("NFKC", _PINYIN.sub("", text))
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PZSC")
    convert = _simplifier()
    return convert(text) if convert is not None else text


@cache
def _simplifier() -> Callable[[str], str] | None:
    try:
        import opencc
    except ImportError:
        return None
    converter = opencc.OpenCC("t2s")
    return lambda text: str(converter.convert(text))



MAX_SOURCE_BYTES = 16 << 20
"""The longest source document read (the bundled ones are well under 1 MiB)."""


def _read_source(path: Path) -> bytes:
    """The bytes of the regular file at ``path``, at most :data:`MAX_SOURCE_BYTES`: a device
    or a FIFO named by a rule set is refused, not read for ever."""
    from ._bounded import NotRegular, TooLarge, read_regular

    try:
        return read_regular(path, MAX_SOURCE_BYTES)
    except NotRegular:
        raise SourceError(f"{path} is not a regular file", f"{path} 不是普通文件") from None
    except TooLarge:
        raise SourceError(f"{path} is larger than {MAX_SOURCE_BYTES:,} bytes",
                          f"{path} 超过{MAX_SOURCE_BYTES:,}字节，未读取") from None


@cache
def _file_lines(folder: Path | None, file: str) -> list[str]:
    if folder is None:
        raise SourceError("the source documents are not in this install; set "
                          f"{SOURCES_ENV} to a folder holding them",
                          f"本安装中没有原文文件；请将环境变量 {SOURCES_ENV} 设为存放原文的文件夹")
    try:
        return _read_source(folder / file).decode("utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        if isinstance(exc, UnicodeDecodeError):
            raise SourceError(f"cannot read {folder / file}: {exc}",
                              f"无法读取 {folder / file}：不是 UTF-8 编码的文本") from None
        raise SourceError(f"cannot read {folder / file}: {os_reason(exc, 'en')}",
                          f"无法读取 {folder / file}：{os_reason(exc, 'zh')}") from None

