"""Small pieces that several output formats share."""

from __future__ import annotations

import hashlib
import re

from ..report.model import Finding, Severity

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
"""SARIF levels (``note`` for info); GitHub uses the same words with ``notice``."""

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def fingerprint(finding: Finding) -> str:
    """A hash of what the finding is about, not where: moving unrelated lines keeps it.

    Rule, file, record type and id, and the English message (which names the member or
    motion) identify a finding; its line does not.
    """
    key = "\x1f".join((finding.rule_id, finding.record.file, finding.record.type,
                       finding.record.id, finding.message.en))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def xml_safe(text: str) -> str:
    """Replace characters XML 1.0 cannot carry (control characters, lone surrogates) with U+FFFD.

    >>> xml_safe("a\\x01b")
    'a�b'
    """
    return _NOT_XML.sub("\ufffd", text)


def citation_text(finding: Finding) -> str:
    src = finding.source
    if src is None:
        return ""
    return f"{src.document}:{','.join(str(n) for n in src.lines)} 「{src.quote}」"
