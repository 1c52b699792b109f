"""One self-contained HTML page: summary, findings grouped by community, body and rule, filters.

No network and no external assets. Every string from the records is escaped, and a
Content-Security-Policy allows only the page's own inline style and script (by hash), so
even a record text that slipped through escaping could not run.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import defaultdict
from html import escape as _escape

from ..errors import InputError
from ..report.model import Finding, Report, RuleInfo, Severity, Source
from ._common import evidence_text, quoted

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
           "source": "clause",
           "no_community": "Not in a community's dossier",
           "error": "error", "warning": "warning", "info": "info"},
    "zh": {"title": "治理记录检查报告", "summary": "概要", "findings": "问题", "inputs": "输入错误",
           "severity": "级别", "rule": "规则", "all": "全部", "shown": "显示", "waived": "已豁免",
           "records": "检查记录", "ruleset": "规则集", "engine": "引擎", "as_of": "截至",
           "other": "其他", "measured": "实测", "required": "要求", "none": "未发现问题。",
           "source": "依据",
           "no_community": "不属于社区档案",
           "error": "错误", "warning": "警告", "info": "提示"},
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
    w = _WORDS[lang]
    csp = (f"default-src 'none'; style-src '{_sha256(_STYLE)}'; script-src '{_sha256(_SCRIPT)}'; "
           "img-src 'none'; base-uri 'none'; form-action 'none'")
    rules = {r.id: r for r in report.rules}
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
        _summary(report, w),
        _filters(report, w),
    ]
    if report.input_errors:
        parts.append(_input_errors(report.input_errors, w))
    parts.append(f'<section id="findings"><h2>{escape(w["findings"])}</h2>')
    if not report.findings:
        parts.append(f"<p>{escape(w['none'])}</p>")
    names = {s.community: s.name for s in report.scopes if s.community and s.name}
    for community, bodies in _grouped(report.findings, w, names):
        parts.append(f'<section class="group community"><h2>{escape(community)}</h2>')
        for body_label, by_rule in bodies:
            parts.append(f'<section class="group body"><h3>{escape(body_label)}</h3>')
            for rule_id, findings in by_rule:
                parts.append(_rule_group(rule_id, findings, rules.get(rule_id), lang, w))
            parts.append("</section>")
        parts.append("</section>")
    parts += ["</section>", f"<script>{_SCRIPT}</script>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _summary(report: Report, w: dict[str, str]) -> str:
    s = report.summary
    rows = [(w[sev.value], s.by_severity.get(sev.value, 0)) for sev in Severity]
    rows += [(w["waived"], s.suppressed), (w["inputs"], s.input_errors),
             (w["records"], s.records_checked)]
    cells = "".join(f'<tr><th>{escape(k)}</th><td class="count">{v}</td></tr>' for k, v in rows)
    meta = (f"{w['ruleset']} {escape(report.ruleset_version)} · {w['engine']} "
            f"{escape(report.engine)}" + (f" · {w['as_of']} {escape(report.as_of)}"
                                          if report.as_of else ""))
    return (f'<section id="summary"><h2>{escape(w["summary"])}</h2><p>{meta}</p>'
            f'<table class="summary">{cells}</table></section>')


def _filters(report: Report, w: dict[str, str]) -> str:
    severities = "".join(f'<option value="{s.value}">{escape(w[s.value])}</option>' for s in Severity)
    rule_ids = sorted({f.rule_id for f in report.findings})
    rule_options = "".join(f'<option value="{escape(r)}">{escape(r)}</option>' for r in rule_ids)
    return (
        '<section class="filters">'
        f'<label>{escape(w["severity"])} <select id="filter-severity">'
        f'<option value="">{escape(w["all"])}</option>{severities}'
        f'<option value="waived">{escape(w["waived"])}</option></select></label> '
        f'<label>{escape(w["rule"])} <select id="filter-rule">'
        f'<option value="">{escape(w["all"])}</option>{rule_options}</select></label> '
        f'{escape(w["shown"])}: <output id="shown-count">{len(report.findings)}</output>'
        "</section>"
    )


def _input_errors(errors: list[InputError], w: dict[str, str]) -> str:
    items = "".join(f'<li class="input-error"><code>{escape(e.render())}</code></li>' for e in errors)
    return f'<section id="input-errors"><h2>{escape(w["inputs"])}</h2><ul>{items}</ul></section>'


Grouped = list[tuple[str, list[tuple[str, list[tuple[str, list[Finding]]]]]]]


def _grouped(findings: list[Finding], w: dict[str, str],
             names: dict[str, str] | None = None) -> Grouped:
    """Community, then body (by name, the id in brackets: one group per body even when its
    findings come from several files), then rule.

    >>> from governance_rules.report.model import BodyRef
    >>> f = Finding.model_construct(rule_id="r", community="sifang",
    ...                             body=BodyRef(id="rc", name="居委会"))
    >>> [(c, [b for b, _ in bodies]) for c, bodies in _grouped([f, f], _WORDS["zh"])]
    [('sifang', ['居委会（rc）'])]
    >>> [c for c, _ in _grouped([f], _WORDS["en"], {"sifang": "四方社区"})]
    ['四方社区 (sifang)']
    """
    tree: dict[str, dict[str, dict[str, list[Finding]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list)))
    zh = w is _WORDS["zh"]
    for f in findings:
        name = (names or {}).get(f.community or "")
        community = (w["no_community"] if not f.community else f.community if not name
                     else f"{name}（{f.community}）" if zh else f"{name} ({f.community})")
        body = (f"{f.body.name}（{f.body.id}）" if zh else f"{f.body.name} ({f.body.id})"
                ) if f.body else w["other"]
        tree[community][body][f.rule_id].append(f)
    return [(community, [(body, sorted(rules.items())) for body, rules in sorted(bodies.items())])
            for community, bodies in sorted(tree.items())]


def _rule_group(rule_id: str, findings: list[Finding], rule: RuleInfo | None, lang: str,
                w: dict[str, str]) -> str:
    title = rule.title.get(lang) if rule else findings[0].title.get(lang)
    quotes = "".join(
        f"<blockquote>{escape(s.document)}:{','.join(map(str, s.lines))}{_title(s, lang)} "
        f"{escape(quoted(s, lang))}</blockquote>"
        for s in (rule.sources if rule else []))
    items = "".join(_finding(f, lang, w) for f in findings)
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
    return (f'<div class="clause">{escape(w["source"])}: {escape(source.document)}:'
            f"{','.join(map(str, source.lines))}{_title(source, lang)} "
            f"{escape(quoted(source, lang))}</div>")


def _finding(f: Finding, lang: str, w: dict[str, str]) -> str:
    ev = f.evidence
    waiver = ""
    if f.suppression is not None:
        s = f.suppression
        waiver = (f'<div class="waiver">{escape(w["waived"])}: {escape(s.reason)} — '
                  f"{escape(s.approved_by)}, {escape(s.expires)} ({escape(s.file)}:{s.line})</div>")
    return (
        f'<article class="finding" data-severity="{f.severity.value}" '
        f'data-rule="{escape(f.rule_id)}" data-waived="{0 if f.active else 1}">'
        f'<span class="sev">{escape(w[f.severity.value])}</span>'
        f'<span class="message">{escape(f.message.get(lang))}</span>'
        f'<div class="where">{escape(f.record.file)}:{f.record.line or 1} · '
        f"{escape(f.record.type)} {escape(f.record.id)} · {escape(f.record.path)}</div>"
        f'<div class="evidence">{escape(evidence_text(ev, lang))}</div>'
        f"{_clause(f.source, lang, w)}{waiver}</article>"
    )
