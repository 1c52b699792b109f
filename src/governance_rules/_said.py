"""Errors said to a person in English and in Chinese, for the command's ``--lang``.

A command's errors (a configuration file it cannot use, a report it cannot write, a rule file
that does not load …) reach a person on stderr. Each carries both texts, as an input error
carries its ``message``: ``str(error)`` is the English, :meth:`Said.text` either. No imports
beyond the standard library: the command line's start-up reads this module.
"""

from __future__ import annotations

import errno

_OS_REASONS_ZH = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一项不是文件夹",
    errno.ENOSPC: "磁盘空间已满",
    errno.EROFS: "文件系统只读",
    errno.EFBIG: "文件过大",
    errno.EIO: "读写设备出错",
    errno.ENAMETOOLONG: "名称过长",
    errno.ELOOP: "符号链接循环",
    errno.EMFILE: "同时打开的文件过多",
    errno.EEXIST: "已存在",
    errno.EBUSY: "设备忙",
    **({errno.EDQUOT: "超出磁盘配额"} if hasattr(errno, "EDQUOT") else {}),
}


class Said(Exception):
    """An error a person reads: English (``str(error)``) and Chinese (:meth:`text`).

    >>> error = Said("no such folder: rules2", "没有文件夹「rules2」")
    >>> str(error), error.text("zh"), error.text("en")
    ('no such folder: rules2', '没有文件夹「rules2」', 'no such folder: rules2')
    """

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.zh = zh

    def text(self, lang: str) -> str:
        """The message in ``lang`` (``zh`` or ``en``)."""
        return self.zh if lang == "zh" else str(self)

    def __reduce__(self) -> tuple[object, ...]:
        """Both texts, so that a worker process's error reaches the parent whole."""
        return (type(self), (str(self), self.zh))


class Worded(str):
    """A text in English (the string itself) that carries its Chinese (``zh``): a list of
    them compares, joins and prints as the English it always was.

    >>> problem = Worded("ra-quorum was expected to pass", "规则 ra-quorum 应当通过")
    >>> problem == "ra-quorum was expected to pass", problem.zh
    (True, '规则 ra-quorum 应当通过')
    """

    zh: str

    def __new__(cls, en: str, zh: str) -> Worded:
        made = super().__new__(cls, en)
        made.zh = zh
        return made

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (str(self), self.zh))


def in_language(text: str, lang: str) -> str:
    """``text`` in ``lang``: a :class:`Worded`'s Chinese, else the text as it is."""
    return getattr(text, "zh", text) if lang == "zh" else str(text)


def os_reason(exc: BaseException, lang: str) -> str:
    """Why the system refused, as the system says it in English and in words in Chinese
    (the error's code when it has no words here).

    >>> os_reason(FileNotFoundError(2, "No such file or directory"), "zh")
    '文件或文件夹不存在'
    >>> os_reason(PermissionError(13, "Permission denied"), "en")
    'Permission denied'
    """
    number = getattr(exc, "errno", None)
    if lang != "zh":
        return getattr(exc, "strerror", None) or str(exc)
    if number in _OS_REASONS_ZH:
        return _OS_REASONS_ZH[number]
    code = errno.errorcode.get(number) if isinstance(number, int) else None
    return f"系统报告错误（{code}）" if code else "系统报告错误"


def language_asked(argv: list[str], default: str = "en") -> str:
    """The ``--lang`` of a command line that could not be read in full (a configuration file
    that does not load is found before the options are): the last given, else ``default``.

    >>> language_asked(["check", "--lang", "zh", "x"]), language_asked(["rules", "--lang=zh"])
    ('zh', 'zh')
    >>> language_asked(["check", "x"])
    'en'
    """
    lang = default
    for i, word in enumerate(argv):
        if word == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif word.startswith("--lang="):
            lang = word.removeprefix("--lang=")
    return "zh" if lang == "zh" else "en"
