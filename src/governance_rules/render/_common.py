"""Small pieces that several output formats share."""

from __future__ import annotations

import hashlib
import re

from ..report.model import Finding, Severity

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
"""SARIF levels (``note`` for info); GitHub uses the same words with ``notice``."""

_BREAKS = re.compile("\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029]")
_NOT_XML = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def fingerprint(finding: Finding) -> str:
    """A hash of what the finding is about, not where: moving unrelated lines keeps it.

    Rule, file, record type and id, and the English message (which names the member or
    motion) identify a finding; its line does not.
    """
    key = "\x1f".join((finding.rule_id, finding.record.file, finding.record.type,
                       finding.record.id, finding.message.en))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def xml_safe(text: str) -> str:
    """Replace characters XML 1.0 cannot carry (control characters, lone surrogates), and those
    a log would act on (C1 controls, line separators), with U+FFFD.

    >>> xml_safe("a\\x01b")
    'a�b'
    """
    return _NOT_XML.sub("\ufffd", text)


def citation_text(finding: Finding) -> str:
    src = finding.source
    if src is None:
        return ""
    return f"{src.document}:{','.join(str(n) for n in src.lines)} 「{src.quote}」"


def one_line(text: str) -> str:
    """Record text on one line: every line break becomes `` ⏎ `` and other control characters
    U+FFFD, so that nothing a record says can start a line of the output (a GitHub Actions
    workflow command such as ``::warning`` is read from the start of any line a step prints).

    >>> one_line("title\\n::warning file=x::pwned\\x1b[2J")
    'title ⏎ ::warning file=x::pwned�[2J'
    """
    return _CONTROLS.sub("\ufffd", _BREAKS.sub(" ⏎ ", text))


def json_inert(text: str) -> str:
    """JSON text with the C1 controls and line separators that ``ensure_ascii=False`` leaves raw
    written as ``\\u`` escapes: the same JSON value, nothing a terminal or a log acts on."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
