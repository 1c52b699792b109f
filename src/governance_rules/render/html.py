"""One self-contained HTML page: summary, findings grouped by community, body and rule, filters.

No network and no external assets. Every string from the records is escaped, and a
Content-Security-Policy allows only the page's own inline style and script (by hash), so
even a record text that slipped through escaping could not run.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from functools import partial
from html import escape as _escape
from itertools import groupby
from typing import TYPE_CHECKING, Any

from .._type_words import record_words
from .._words import day_name
from ..errors import InputError
from ..report.model import Finding, Report, RuleInfo, Severity, Source, engine_words
from ._common import evidence_text, quoted, waiver_note
from ._kept import FormatOptions, Kept

if TYPE_CHECKING:
    from .._spooled import SpooledReport

_STYLE = """
body{font:14px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem;color:#1d1d1f;max-width:72rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;margin-top:2rem}
h3{font-size:1.05rem;margin-bottom:.2rem}h4{font-size:1rem;margin-bottom:.2rem}
table.summary td,table.summary th{padding:.2rem .8rem;text-align:left}
.filters{position:sticky;top:0;background:#fff;padding:.5rem 0;border-bottom:1px solid #ddd}
.finding{border-left:4px solid #999;padding:.3rem .8rem;margin:.4rem 0;background:#fafafa}
.finding[data-severity=error]{border-color:#c62828}.finding[data-severity=warning]{border-color:#ef8f00}
.finding[data-severity=info]{border-color:#1e88e5}.finding[data-waived="1"]{opacity:.6}
.sev{font-weight:600;text-transform:uppercase;font-size:.8rem;margin-right:.5rem}
.where,.evidence,.waiver,.clause{color:#555;font-size:.9rem}blockquote{margin:.2rem 0 .5rem 1rem;color:#444}
.input-error{color:#b71c1c}[hidden]{display:none!important}
"""

_SCRIPT = """
(function(){
  var sev=document.getElementById('filter-severity'),rule=document.getElementById('filter-rule');
  var count=document.getElementById('shown-count');
  function apply(){
    var s=sev.value,r=rule.value,n=0;
    document.querySelectorAll('.finding').forEach(function(f){
      var ok=(!r||f.dataset.rule===r)&&(!s||(s==='waived'?f.dataset.waived==='1':
        f.dataset.severity===s&&f.dataset.waived==='0'));
      f.hidden=!ok;if(ok){n++;}
    });
    document.querySelectorAll('.group').forEach(function(g){
      g.hidden=!g.querySelector('.finding:not([hidden])');
    });
    count.textContent=String(n);
  }
  sev.addEventListener('change',apply);rule.addEventListener('change',apply);apply();
})();
"""

_WORDS = {
    "en": {"title": "Governance records check", "summary": "Summary", "findings": "Findings",
           "inputs": "Input errors", "severity": "Severity", "rule": "Rule", "all": "all",
           "shown": "shown", "waived": "waived", "records": "records checked",
           "ruleset": "rule set", "engine": "engine", "as_of": "as of", "other": "Other",
           "measured": "measured", "required": "required", "none": "No findings.",
           "source": "clause", "colon": ": ",
           "no_community": "Not in a community's dossier"},
    "zh": {"title": "治理记录检查报告", "summary": "概要", "findings": "问题", "inputs": "输入错误",
           "severity": "级别", "rule": "规则", "all": "全部", "shown": "显示", "waived": "已豁免",
           "records": "检查记录", "ruleset": "规则集", "engine": "引擎", "as_of": "截至",
           "other": "其他", "measured": "实测", "required": "要求", "none": "未发现问题。",
           "source": "依据", "colon": "：",
           "no_community": "不属于社区档案"},
}


_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def escape(text: str) -> str:
    """HTML-escaped text with no raw control character (ESC, C1 → U+FFFD) and no raw line
    break: ``&#10;`` reads the same in the page, and no record text can start a line of the
    file (a GitHub Actions workflow command is read from the start of any line printed).

    >>> escape("<b>\\n::warning\\x1b")
    '&lt;b&gt;&#10;::warning�'
    """
    return _CONTROLS.sub("\ufffd", _escape(text)).replace("\r", "&#13;").replace(
        "\n", "&#10;").replace("\u2028", "&#8232;").replace("\u2029", "&#8233;")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def render_html(report: Report, lang: str = "en") -> str:
    """>>> from governance_rules import check_data
    >>> page = render_html(check_data({}))
    >>> page.startswith("<!DOCTYPE html>"), "://" in page
    (True, False)
    """
    names = {s.community: s.name for s in report.scopes if s.community and s.name}
    w = _WORDS[lang]
    entries = sorted(((html_key(f, lang), html_entry(f, lang)) for f in report.findings),
                     key=lambda item: (_community_label(item[0][0], names, w), *item[0][1:]))
    parts: list[str] = []
    _write_html(parts.append, report, sorted({f.rule_id for f in report.findings}),
                len(report.findings), report.input_errors,
                (text for _, text in _communities(entries, names, report.rules, lang)), lang)
    return "".join(parts)


HtmlKey = tuple[str, str, str, Any]
"""(community id, body label, rule id, the finding's report order)."""


def html_key(finding: Finding, lang: str = "en") -> HtmlKey:
    """Where a finding goes on the page: its community (by id: its name, and so the order of
    the communities on the page, is known once every community's scope is), body, rule, and
    its place in the report."""
    w = _WORDS[lang]
    body = (f"{finding.body.name}（{finding.body.id}）" if lang == "zh"
            else f"{finding.body.name} ({finding.body.id})") if finding.body else w["other"]
    return finding.community or "", body, finding.rule_id, finding.sort_key()


def html_entry(finding: Finding, lang: str = "en") -> tuple[str, str]:
    """The finding's title (its rule's heading when the rule set does not know the rule) and
    its ``<article>``: what a report kept on disk holds of it, rendered where it was found."""
    return finding.title.get(lang), _finding(finding, lang, _WORDS[lang])


def kept(options: FormatOptions) -> Kept:
    """The page kept on disk: each finding's article (:func:`html_entry`), in the order of
    :func:`html_key`."""
    return Kept(write=partial(write_html, lang=options.lang),
                finding_entry=partial(html_entry, lang=options.lang),
                finding_key=partial(html_key, lang=options.lang), community_names=True)


def write_html(spooled: SpooledReport, write: Callable[[str], object], lang: str = "en") -> None:
    """Write the page of ``spooled`` (whose findings were kept by :func:`html_entry`) with
    ``write``: the page :func:`render_html` gives for the whole report.

    The findings arrive by community id; the page orders communities by name. Each
    community's section goes to a temporary file as it is written, and the sections are
    copied from there in the page's order: one community's findings in memory at a time.
    """
    head = spooled.head()
    names = spooled.community_names()
    with tempfile.TemporaryFile(prefix="governance-rules-") as sections:
        places: list[tuple[str, int, int]] = []
        for label, text in _communities(iter(spooled.findings), names, head.rules, lang):
            data = text.encode("utf-8")
            places.append((label, sections.tell(), len(data)))
            sections.write(data)
        sections.flush()
        places.sort(key=lambda place: place[0])

        def in_page_order() -> Iterator[str]:
            for _, start, size in places:
                yield os.pread(sections.fileno(), size, start).decode("utf-8")

        _write_html(write, head, sorted(spooled.by_rule), spooled.total,
                    spooled.input_errors(), in_page_order(), lang)


def _write_html(write: Callable[[str], object], report: Report, rule_ids: list[str], count: int,
                errors: Sequence[InputError], communities: Iterable[str], lang: str) -> None:
    """The page, its communities' sections given in the page's order. ``report`` gives the
    summary (its findings are not read)."""
    w = _WORDS[lang]
    csp = (f"default-src 'none'; style-src '{_sha256(_STYLE)}'; script-src '{_sha256(_SCRIPT)}'; "
           "img-src 'none'; base-uri 'none'; form-action 'none'")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(csp)}">',
        f"<title>{escape(w['title'])}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(w['title'])}</h1>",
        _summary(report, lang, w),
        _filters(rule_ids, count, lang, w),
    ]
    if errors:
        parts.append(_input_errors(errors, w, lang))
    parts.append(f'<section id="findings"><h2>{escape(w["findings"])}</h2>')
    if not count:
        parts.append(f"<p>{escape(w['none'])}</p>")
    write("".join(part + "\n" for part in parts))
    for section in communities:
        write(section)
    write("".join(part + "\n" for part in
                  ("</section>", f"<script>{_SCRIPT}</script>", "</body>", "</html>")))


def _community_label(community: str, names: dict[str, str], w: dict[str, str]) -> str:
    """A community's heading: its name with its id, its id alone, or the words for findings
    outside any community's dossier."""
    if not community:
        return w["no_community"]
    name = names.get(community)
    if not name:
        return community
    return f"{name}（{community}）" if w is _WORDS["zh"] else f"{name} ({community})"


def _communities(entries: Iterable[tuple[HtmlKey, tuple[str, str]]], names: dict[str, str],
                 rules: Sequence[RuleInfo], lang: str) -> Iterator[tuple[str, str]]:
    """(heading, section) of each community in ``entries`` (grouped by community, body and
    rule, as :func:`html_key` orders them), in their order.

    >>> key = ("sifang", "居委会（rc）", "r", ())
    >>> [(c, "<h3>居委会（rc）</h3>" in s) for c, s in _communities(
    ...     [(key, ("标题", "<article/>"))], {"sifang": "四方社区"}, [], "zh")]
    [('四方社区（sifang）', True)]
    """
    w = _WORDS[lang]
    by_id = {r.id: r for r in rules}
    for community, of_community in groupby(entries, key=lambda item: item[0][0]):
        label = _community_label(community, names, w)
        parts = [f'<section class="group community"><h2>{escape(label)}</h2>']
        for body, of_body in groupby(of_community, key=lambda item: item[0][1]):
            parts.append(f'<section class="group body"><h3>{escape(body)}</h3>')
            for rule_id, of_rule in groupby(of_body, key=lambda item: item[0][2]):
                entries_of_rule = [payload for _, payload in of_rule]
                parts.append(_rule_group(rule_id, entries_of_rule, by_id.get(rule_id), lang, w))
            parts.append("</section>")
        parts.append("</section>")
        yield label, "".join(part + "\n" for part in parts)


def _summary(report: Report, lang: str, w: dict[str, str]) -> str:
    s = report.summary
    rows = [(sev.words(lang), s.by_severity.get(sev.value, 0)) for sev in Severity]
    rows += [(w["waived"], s.suppressed), (w["inputs"], s.input_errors),
             (w["records"], s.records_checked)]
    cells = "".join(f'<tr><th>{escape(k)}</th><td class="count">{v}</td></tr>' for k, v in rows)
    engine = engine_words(report.engine, lang)
    as_of = day_name(date.fromisoformat(report.as_of), lang) if report.as_of else ""
    meta = (f"{w['ruleset']} {escape(report.ruleset_version)} · {w['engine']} "
            f"{escape(engine)}" + (f" · {w['as_of']} {escape(as_of)}" if as_of else ""))
    return (f'<section id="summary"><h2>{escape(w["summary"])}</h2><p>{meta}</p>'
            f'<table class="summary">{cells}</table></section>')


def _filters(rule_ids: list[str], count: int, lang: str, w: dict[str, str]) -> str:
    severities = "".join(f'<option value="{s.value}">{escape(s.words(lang))}</option>'
                         for s in Severity)
    rule_options = "".join(f'<option value="{escape(r)}">{escape(r)}</option>' for r in rule_ids)
    return (
        '<section class="filters">'
        f'<label>{escape(w["severity"])} <select id="filter-severity">'
        f'<option value="">{escape(w["all"])}</option>{severities}'
        f'<option value="waived">{escape(w["waived"])}</option></select></label> '
        f'<label>{escape(w["rule"])} <select id="filter-rule">'
        f'<option value="">{escape(w["all"])}</option>{rule_options}</select></label> '
        f'{escape(w["shown"])}{w["colon"]}<output id="shown-count">{count}</output>'
        "</section>"
    )


def _input_errors(errors: Sequence[InputError], w: dict[str, str], lang: str) -> str:
    items = "".join(f'<li class="input-error"><code>{escape(e.render(lang))}</code></li>'
                    for e in errors)
    return f'<section id="input-errors"><h2>{escape(w["inputs"])}</h2><ul>{items}</ul></section>'


def _rule_group(rule_id: str, entries: list[tuple[str, str]], rule: RuleInfo | None, lang: str,
                w: dict[str, str]) -> str:
    title = rule.title.get(lang) if rule else entries[0][0]
    quotes = "".join(
        f"<blockquote>{escape(s.document)}:{','.join(map(str, s.lines))}{_title(s, lang)} "
        f"{escape(quoted(s, lang))}</blockquote>"
        for s in (rule.sources if rule else []))
    items = "".join(article for _, article in entries)
    return (f'<section class="group rule" data-rule="{escape(rule_id)}">'
            f"<h4><code>{escape(rule_id)}</code> {escape(title)}</h4>{quotes}{items}</section>")


def _title(source: Source, lang: str) -> str:
    """The document's title after its id, as a citation: 《…》 in Chinese, italic in English."""
    if source.title is None:
        return ""
    title = escape(source.title.get(lang))
    return (f' <cite class="doc">《{title}》</cite>' if lang == "zh"
            else f' <cite class="doc">{title}</cite>')


def _clause(source: Source | None, lang: str, w: dict[str, str]) -> str:
    """The clause that decided a finding, with its document's title."""
    if source is None:
        return ""
    return (f'<div class="clause">{escape(w["source"])}{w["colon"]}{escape(source.document)}:'
            f"{','.join(map(str, source.lines))}{_title(source, lang)} "
            f"{escape(quoted(source, lang))}</div>")


def _finding(f: Finding, lang: str, w: dict[str, str]) -> str:
    ev = f.evidence
    waiver = ""
    if f.suppression is not None:
        s = f.suppression
        waiver = f'<div class="waiver">{escape(waiver_note(s, lang))}</div>'
    return (
        f'<article class="finding" data-severity="{f.severity.value}" '
        f'data-rule="{escape(f.rule_id)}" data-waived="{0 if f.active else 1}">'
        f'<span class="sev">{escape(f.severity.words(lang))}</span>'
        f'<span class="message">{escape(f.message.get(lang))}</span>'
        f'<div class="where">{escape(f.record.file)}:{f.record.line or 1} · '
        f"{escape(record_words(f.record.type, f.record.id, lang))} · "
        f"{escape(f.record.path)}</div>"
        f'<div class="evidence">{escape(evidence_text(ev, lang))}</div>'
        f"{_clause(f.source, lang, w)}{waiver}</article>"
    )
