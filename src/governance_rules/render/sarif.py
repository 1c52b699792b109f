"""SARIF 2.1.0, for code-scanning dashboards (GitHub, GitLab, Azure DevOps).

Rules go in ``tool.driver.rules`` with their catalogue ids, citations and a ``help`` text (the
rule's reading in both languages, each clause with its document's title and quote) and an
absolute ``helpUri`` (the rule's page in the reference, under the package's ``Documentation``
URL or ``--help-uri-base``); each finding is a result at ``file`` / ``startLine`` with a
fingerprint that survives unrelated edits; waived findings carry ``suppressions``; input
errors are ``input-error`` results at file:line:column. GitHub code scanning and Microsoft's
SARIF multitool (``validate --rule-kind "Gh;Sarif"``) accept it without errors.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Sequence
from functools import partial
from itertools import chain
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .. import __version__
from ..errors import InputError
from ..report.model import Finding, Report, RuleInfo, Severity, Text
from ..waivers import WAIVER_RULES
from ._common import (
    LEVELS,
    citation_text,
    document_titles,
    fingerprint,
    indented_json,
    input_fingerprint,
    json_inert,
    source_label,
)
from ._kept import FormatOptions, Kept
from ._links import as_uri, documentation_url, rule_help_uri

if TYPE_CHECKING:
    from .._spooled import SpooledReport

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INPUT_ERROR_RULE = "input-error"


def render_sarif(report: Report, lang: str = "en", help_uri_base: str | None = None) -> str:
    """The SARIF log of ``report``; rule pages are linked under ``help_uri_base`` (default: the
    package's ``Documentation`` URL).

    >>> from governance_rules import check_data
    >>> import json
    >>> log = json.loads(render_sarif(check_data({}), help_uri_base="https://example.org/docs"))
    >>> log["version"], log["runs"][0]["tool"]["driver"]["informationUri"]
    ('2.1.0', 'https://example.org/docs')
    """
    base = as_uri(help_uri_base or documentation_url())
    descriptors = _descriptors(report.rules, lang, base, document_titles(report))
    index = rule_indexes(report.rules)
    results = [_result(f, lang, index) for f in report.findings]
    results += [_input_result(e, index, lang) for e in report.input_errors]
    return json_inert(indented_json(_log(report, base, descriptors, results))) + "\n"


def rule_indexes(rules: Sequence[RuleInfo]) -> dict[str, int]:
    """Each rule id's place in ``tool.driver.rules``: the rule set's rules (``rules``, in the
    report's order), then the waivers' rules, then ``input-error``."""
    ids = [*(r.id for r in rules), *sorted(WAIVER_RULES), INPUT_ERROR_RULE]
    return {rule_id: i for i, rule_id in enumerate(ids)}


def sarif_entry(finding: Finding, lang: str, index: dict[str, int]) -> str:
    """The finding's result as it stands in the log :func:`render_sarif` writes (indented,
    inert): what a report kept on disk holds of it
    (:attr:`~governance_rules._spooled.SpooledReport.finding_entry`)."""
    return _as_entry(_result(finding, lang, index))


def write_sarif(spooled: SpooledReport, write: Callable[[str], object], lang: str = "en",
                help_uri_base: str | None = None) -> None:
    """Write the SARIF log of ``spooled`` (whose findings were kept by :func:`sarif_entry`)
    with ``write``, result by result: the log :func:`render_sarif` gives for the whole report,
    without holding it."""
    base = as_uri(help_uri_base or documentation_url())
    errors = spooled.input_errors()
    head = spooled.head().model_copy(update={"input_errors": errors})
    index = rule_indexes(head.rules)
    marker = f"results-{uuid.uuid4().hex}"
    results = [marker] if spooled.summary().total or errors else []
    descriptors = _descriptors(head.rules, lang, base, spooled.document_titles())
    text = json_inert(indented_json(_log(head, base, descriptors, results))) + "\n"
    before, marked, after = text.partition(f'{_RESULT_INDENT}"{marker}"')
    write(before)
    if marked:
        entries = chain(spooled.finding_payloads(),
                        (_as_entry(_input_result(e, index, lang)) for e in errors))
        write(next(entries))
        for entry in entries:
            write(",\n" + entry)
    write(after)


_RESULT_INDENT = " " * 8
"""A result's indent in the log (``runs[0].results[i]``, two spaces a level)."""


def kept(options: FormatOptions) -> Kept:
    """The SARIF log kept on disk: each finding's result (:func:`sarif_entry`)."""
    return Kept(write=partial(write_sarif, lang=options.lang,
                              help_uri_base=options.help_uri_base),
                finding_entry=partial(sarif_entry, lang=options.lang,
                                      index=rule_indexes(options.rules())))


def _as_entry(result: dict[str, Any]) -> str:
    text = indented_json(result)
    return json_inert(_RESULT_INDENT + text.replace("\n", "\n" + _RESULT_INDENT))


def _descriptors(rules: Sequence[RuleInfo], lang: str, base: str | None,
                 titles: dict[str, str]) -> list[dict[str, Any]]:
    descriptors = [_descriptor(rule, lang, base, titles) for rule in rules]
    descriptors += [_plain_descriptor(rule_id, text, "warning", base, lang)
                    for rule_id, text in sorted(WAIVER_RULES.items())]
    descriptors.append(_plain_descriptor(INPUT_ERROR_RULE, _INPUT_ERROR_TEXT, "error", base,
                                         lang=lang))
    return descriptors


def _log(report: Report, base: str | None, descriptors: list[dict[str, Any]],
         results: list[Any]) -> dict[str, Any]:
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "governance-rules",
                "version": __version__,
                "semanticVersion": __version__,
                **({"informationUri": base} if base else {}),
                "rules": descriptors,
                "properties": {"rulesetVersion": report.ruleset_version},
            }},
            "invocations": [{"executionSuccessful": not report.input_errors}],
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"engine": report.engine, "asOf": report.as_of,
                           "recordsChecked": report.summary.records_checked},
        }],
    }


_INPUT_ERROR_TEXT = Text(zh="记录无法读取或校验", en="A record cannot be read or validated")
_HELP_WORDS = {
    "zh": {"reading": "规则：", "source": "依据：", "reference": "规则说明：", "catalogue": "目录编号：",
           "fix": "请按所引条款补正记录，或经审批后在豁免文件中说明理由。",
           "input": "按报告所指的文件、行和列改正该记录后重新检查。",
           "waiver": "请在豁免文件中续期、收窄或删除该条豁免。"},
    "en": {"reading": "Rule: ", "source": "Source: ", "reference": "Reference: ",
           "catalogue": "Catalogue: ",
           "fix": "Bring the record in line with the clause cited, or record an approved waiver "
                  "with its reason.",
           "input": "Correct the record at the file, line and column the result names, then "
                    "check again.",
           "waiver": "Renew, narrow or remove the waiver entry in the waivers file."},
}


def _name(rule_id: str) -> str:
    """A name distinct from the id, as SARIF asks: ``cc-consent-80`` → ``CcConsent80``."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^0-9A-Za-z]+", rule_id))


def _help(rule: RuleInfo, lang: str, uri: str | None, titles: dict[str, str]) -> dict[str, str]:
    """The rule's reading in both languages and every clause it rests on, as text and Markdown."""
    words = _HELP_WORDS[lang]
    other = "en" if lang == "zh" else "zh"
    clauses = [(source_label(s, titles, lang), s.quote) for s in rule.sources]
    text = [f"{words['reading']}{rule.title.get(lang)}", rule.title.get(other),
            f"{words['catalogue']}{', '.join(rule.catalogue)}"]
    text += [f"{words['source']}{label} 「{quote_}」" for label, quote_ in clauses]
    text.append(words["fix"])
    markdown = [f"**{_md(rule.title.get(lang))}**", "", _md(rule.title.get(other)), "",
                f"{words['catalogue']}{', '.join(f'`{c}`' for c in rule.catalogue)}", ""]
    for label, quote_ in clauses:
        markdown += [f"{words['source']}{_md(label)}", "", f"> {_md(quote_)}", ""]
    markdown.append(words["fix"])
    if uri:
        text.append(f"{words['reference']}{uri}")
        markdown += ["", f"[{words['reference'].rstrip(': ：')}]({uri})"]
    return {"text": "\n".join(text), "markdown": "\n".join(markdown)}


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")


def _md(text: str) -> str:
    """Record or rule text inside Markdown: its special characters escaped, one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _descriptor(rule: RuleInfo, lang: str, base: str | None,
                titles: dict[str, str]) -> dict[str, Any]:
    cites = "; ".join(f"{source_label(s, titles, lang)} 「{s.quote}」" for s in rule.sources)
    uri = rule_help_uri(base, rule.help)
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": _name(rule.id),
        "shortDescription": {"text": rule.title.get(lang)},
        "fullDescription": {"text": f"{rule.title.get(lang)} ({cites})"},
        "help": _help(rule, lang, uri, titles),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "catalogue": rule.catalogue,
            "sources": [s.model_dump() for s in rule.sources],
            "tags": ["governance", *rule.catalogue],
        },
    }
    if uri:
        descriptor["helpUri"] = uri
    return descriptor


def _plain_descriptor(rule_id: str, text: Text, level: str, base: str | None,
                      lang: str = "en") -> dict[str, Any]:
    """A rule of the checker itself (waivers, input errors): its page is the CI guide."""
    words = _HELP_WORDS[lang]
    advice = words["input"] if rule_id == INPUT_ERROR_RULE else words["waiver"]
    other = "en" if lang == "zh" else "zh"
    descriptor: dict[str, Any] = {
        "id": rule_id, "name": _name(rule_id), "shortDescription": {"text": text.get(lang)},
        "fullDescription": {"text": text.get(lang)},
        "help": {"text": f"{text.get(lang)}\n{text.get(other)}\n{advice}",
                 "markdown": f"**{_md(text.get(lang))}**\n\n{_md(text.get(other))}\n\n{advice}"},
        "defaultConfiguration": {"level": level}}
    uri = rule_help_uri(base, "docs/ci.md#waivers" if rule_id != INPUT_ERROR_RULE
                        else "docs/ci.md#exit-codes")
    if uri:
        descriptor["helpUri"] = uri
    return descriptor


def _location(file: str, line: int | None, column: int | None = None) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": max(line or 1, 1)}
    if column:
        region["startColumn"] = column
    path = PurePosixPath(file)
    artifact = ({"uri": path.as_uri()} if path.is_absolute()
                else {"uri": quote(file), "uriBaseId": "%SRCROOT%"})
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def _result(finding: Finding, lang: str, index: dict[str, int]) -> dict[str, Any]:
    message = finding.message.get(lang)
    citation = citation_text(finding, lang)
    location = _location(finding.record.file, finding.record.line)
    location["logicalLocations"] = [{"name": finding.record.id, "kind": finding.record.type,
                                     "fullyQualifiedName": finding.record.path}]
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "level": LEVELS[finding.severity],
        "message": {"text": f"{message} — {citation}" if citation else message},
        "locations": [location],
        "partialFingerprints": {"governanceFinding/v1": fingerprint(finding)},
        "properties": {
            "catalogue": finding.catalogue,
            "evidence": finding.evidence.model_dump(exclude_none=True),
            "parameters": {k: v.model_dump(exclude_none=True) for k, v in finding.parameters.items()},
        },
    }
    if finding.rule_id in index:
        result["ruleIndex"] = index[finding.rule_id]
    if finding.suppression is not None:
        s = finding.suppression
        result["suppressions"] = [{
            "kind": "external", "status": "accepted", "justification": s.reason,
            "location": _location(s.file, s.line),
            "properties": {"approvedBy": s.approved_by, "expires": s.expires},
        }]
    return result


def _input_result(error: InputError, index: dict[str, int], lang: str = "en") -> dict[str, Any]:
    return {
        "ruleId": INPUT_ERROR_RULE,
        "ruleIndex": index[INPUT_ERROR_RULE],
        "level": LEVELS[Severity.ERROR],
        "message": {"text": error.render(lang)},
        "locations": [_location(error.file, error.line, error.column)],
        "partialFingerprints": {"governanceInputError/v1": input_fingerprint(error)},
        "properties": {"type": error.type, "field": error.field},
    }


