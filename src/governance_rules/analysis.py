"""Tables, pictures and what-if runs for policy-analysis notebooks.

Needs the ``analysis`` extra (pandas, matplotlib, a CJK font): ``pip install
'governance-rules[analysis]'``.

>>> from governance_rules import check_paths
>>> from governance_rules.analysis import findings_frame
>>> findings_frame(check_paths(["examples/haliang-3"]))[["rule_id", "severity"]].head(2)  # doctest: +SKIP
          rule_id severity
0  cc-composition    error
1  cc-term-length  warning
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ._checker import Paths, as_path_list, check_dossiers
from ._plotting import cjk_font, pyplot
from ._type_words import record_type
from .errors import EngineUnavailable
from .records import Dossier, load_dossier
from .records.loader import PathNames, discover
from .report._notebook import community_names
from .report.model import Finding, Report
from .rulebook import Rulebook, default_rulebook

FINDING_COLUMNS = ["rule_id", "catalogue", "severity", "suppressed", "community", "jurisdiction",
                   "body", "body_key", "body_name", "record_type", "record_id", "date", "period",
                   "file", "line", "message", "measured", "required", "shortfall", "numerator",
                   "denominator", "document",
                   "document_title", "lines", "source_line", "quote"]
"""The columns of :func:`findings_frame`, in order. ``body_key`` (``community/body``) tells apart
bodies of different communities that share an id; ``date`` is the day the record was judged on;
``measured``, ``required`` and ``shortfall`` are in the frame's language, and so are
``severity`` and ``record_type`` (错误, 会议 in Chinese; ``error``, ``meeting`` in English);
``numerator`` and ``denominator`` the counts a share rule compared (empty for other rules);
``period`` the period a record of a period (a month's meetings) or a report stands for, as its
code (``2022-08``); ``document_title`` is the title of the clause's document in the frame's
language."""

RULE_COLUMNS = ["rule_id", "catalogue", "severity", "title", "applied", "findings",
                "failure_rate"]
"""The columns of :func:`rules_frame`, in order; ``severity`` and ``title`` in its language."""

_FINDING_TYPES = {"suppressed": "bool", "line": "Int64", "numerator": "Int64",
                  "denominator": "Int64", "source_line": "Int64"}
"""The columns of :func:`findings_frame` that are not text (``date`` aside): nullable whole
numbers, so that a count reads 6, not 6.0, and an empty report's frame has them too."""

_LABELS = {
    "findings": {"zh": "发现问题数", "en": "findings"},
    "month": {"zh": "月份", "en": "month"},
    "rule": {"zh": "规则", "en": "rule"},
    "community": {"zh": "社区", "en": "community"},
    "severity": {"zh": "严重程度", "en": "severity"},
    "per_month": {"zh": "每月发现问题数（按{by}）", "en": "Findings per month by {by}"},
    "value": {"zh": "参数取值", "en": "parameter value"},
}
def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise EngineUnavailable("tables need pandas: pip install 'governance-rules[analysis]' "
                                f"({exc})",
                                "表格需要安装 pandas：pip install 'governance-rules[analysis]'"
                                ) from None
    return pandas


def findings_frame(report: Report, lang: str = "en") -> Any:
    """One row per finding, with where it was found (community, jurisdiction, body, record, date,
    period) and the clause it breaks; a ``pandas.DataFrame`` with :data:`FINDING_COLUMNS`.

    >>> frame = findings_frame(report)  # doctest: +SKIP
    >>> frame.groupby(["community", frame["date"].dt.to_period("M")]).size()  # doctest: +SKIP
    """
    _check_lang(lang)
    pandas = _pandas()
    rows = [{
        "rule_id": f.rule_id, "catalogue": ",".join(f.catalogue),
        "severity": f.severity.words(lang),
        "suppressed": f.suppression is not None, "community": f.community,
        "jurisdiction": "/".join(f.jurisdiction), "body": f.body.id if f.body else None,
        "body_key": f"{f.community or ''}/{f.body.id}" if f.body else None,
        "body_name": f.body.name if f.body else None,
        "record_type": record_type(f.record.type, "zh") if lang == "zh" else f.record.type,
        "record_id": f.record.id, "date": f.date, "period": _period_of(f),
        "file": f.record.file, "line": f.record.line, "message": f.message.get(lang),
        "measured": f.evidence.measured.get(lang), "required": f.evidence.required.get(lang),
        "shortfall": f.evidence.shortfall.get(lang) if f.evidence.shortfall else None,
        "numerator": f.evidence.numerator, "denominator": f.evidence.denominator,
        "document": f.source.document if f.source else None,
        "document_title": f.source.title.get(lang) if f.source and f.source.title else None,
        "lines": ",".join(map(str, f.source.lines)) if f.source else None,
        "source_line": f.source.lines[0] if f.source and f.source.lines else None,
        "quote": f.source.quote if f.source else None,
    } for f in report.findings]
    typed = rows or [{**dict.fromkeys(FINDING_COLUMNS, ""), "date": "2022-01-01",
                      **dict.fromkeys(_FINDING_TYPES, 0)}]  # no findings: the dtypes of some
    frame = pandas.DataFrame(typed, columns=FINDING_COLUMNS).astype(_FINDING_TYPES)
    frame["date"] = pandas.to_datetime(frame["date"], format="%Y-%m-%d")
    return frame if rows else frame.iloc[:0]


def _period_of(finding: Finding) -> str | None:
    """The period ``finding``'s record stands for: a report's, or a period record's (whose id
    ends in its period, ``residents-committee/regular/2022-08``, as the facts name it)."""
    period = finding.evidence.details.get("period")
    if period is None and finding.record.type == "period":
        period = finding.record.id.rsplit("/", 1)[-1]
    return period


def rules_frame(report: Report, lang: str = "en") -> Any:
    """One row per rule: how often it applied, how often it failed, and the failure rate."""
    _check_lang(lang)
    rows = []
    for rule in report.rules:
        applied = report.summary.applied.get(rule.id, 0)
        failed = report.summary.by_rule.get(rule.id, 0)
        rows.append({"rule_id": rule.id, "catalogue": ",".join(rule.catalogue),
                     "severity": rule.severity.words(lang), "title": rule.title.get(lang),
                     "applied": applied, "findings": failed,
                     "failure_rate": failed / applied if applied else None})
    return _pandas().DataFrame(rows, columns=RULE_COLUMNS).astype(
        {"applied": "int64", "findings": "int64", "failure_rate": "float64"})


def load_dossiers(paths: Paths, base: str | os.PathLike[str] | None = None) -> list[Dossier]:
    """Read the dossiers under ``paths`` (a list, or one path) once, to check them under
    several rulebooks. Files are named relative to ``base`` (the working folder by default),
    as :func:`~governance_rules.check_paths` names them, so that frames of both join on
    ``file``. A path that is missing or cannot be read raises ``ValueError`` (a what-if over
    no dossier would read as "no findings").

    >>> load_dossiers(["exmaples/haliang-3"])
    Traceback (most recent call last):
    ValueError: cannot read the dossiers: exmaples/haliang-3: no such file or folder [path_not_found]
    """
    sources, errors = discover(as_path_list(paths))
    if errors:
        listed = "; ".join(e.render() for e in errors[:5])
        raise ValueError(f"cannot read the dossiers: {listed}"
                         + (f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""))
    names = PathNames(Path(base) if base is not None else Path.cwd())
    return [load_dossier(source, names=names) for source in sources]


def what_if(dossiers: Iterable[Dossier], parameter: str, values: Iterable[Any],
            rulebook: Rulebook | None = None,
            jurisdictions: Sequence[str | Sequence[str]] | None = None) -> Any:
    """Findings per rule as ``parameter`` takes each of ``values`` (e.g. the 80% consent share).

    Without ``jurisdictions`` each value applies everywhere (every overlay of that parameter set
    aside); with them, each value applies as an overlay of one place at a time (``"cn/shandong"``),
    every other overlay kept, and the rows are indexed by (jurisdiction, value). Columns: the rules
    that found anything under some value, by id, then ``total``; rows in the order given. The
    longest place wins, as for any overlay: a value for ``cn/anhui`` changes nothing where a
    county of Anhui has an overlay of its own (docs/jurisdictions.md).

    >>> from fractions import Fraction
    >>> table = what_if(load_dossiers(["examples"]), "cc.consent_share",
    ...                 [Fraction(2, 3), Fraction(4, 5)],
    ...                 jurisdictions=["cn/heilongjiang", "cn/shandong"])  # doctest: +SKIP
    """
    pandas = _pandas()
    book = rulebook or default_rulebook()
    dossiers = list(dossiers)
    values = list(values)
    if not values:
        raise ValueError(f"no values of {parameter} to try: give at least one")
    places: list[str | None] = (
        [None] if jurisdictions is None
        else [p if isinstance(p, str) else "/".join(p) for p in jurisdictions])
    rows = []
    for place in places:
        for value in values:
            # counted only: no finding's words are made (the dossiers are held here anyway)
            report = check_dossiers(dossiers, rulebook=book.with_parameter(parameter, value, place),
                                    explain_later=True)
            rows.append({"jurisdiction": place, "value": str(value), **report.summary.by_rule,
                         "total": report.summary.total})
    frame = pandas.DataFrame(rows).fillna(0)
    rules = sorted(c for c in frame.columns if c not in ("jurisdiction", "value", "total"))
    index = ["value"] if jurisdictions is None else ["jurisdiction", "value"]
    frame = frame.set_index(index)[[*rules, "total"]]
    return frame.astype(int)


def plot_what_if(table: Any, rules: Sequence[str] | None = None, ax: Any = None,
                 lang: str = "en") -> Any:
    """A line per rule (and per place, for a table of :func:`what_if` by jurisdiction):
    findings against the parameter's value. A rule asked for that found nothing under any
    value is a line at 0. Returns the matplotlib Axes."""
    _check_lang(lang)
    plt = pyplot()
    font = cjk_font()
    columns = list(rules) if rules is not None else [c for c in table.columns if c != "total"]
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))
    by_place = getattr(table.index, "nlevels", 1) == 2
    places = list(dict.fromkeys(table.index.get_level_values(0))) if by_place else [None]
    for place in places:
        rows = table.loc[place] if by_place else table
        values = [str(v) for v in rows.index]
        for column in columns:
            counts = rows[column].tolist() if column in rows.columns else [0] * len(values)
            ax.plot(values, counts, marker="o",
                    label=column if place is None else f"{column} · {place}")
    ax.set_xlabel(_LABELS["value"][lang], fontproperties=font)
    ax.set_ylabel(_LABELS["findings"][lang], fontproperties=font)
    ax.legend(loc="best", prop=font)
    return ax


def _check_lang(lang: str) -> None:
    """A frame's or a plot's language: ``zh`` or ``en`` (anything else was English in a frame
    and a ``KeyError`` in a plot)."""
    if lang not in ("zh", "en"):
        raise ValueError(f"lang is 'zh' or 'en', not {lang!r}")


def plot_findings(report: Report, by: str = "rule", lang: str = "en", ax: Any = None,
                  top: int = 10) -> Any:
    """Findings per month (of the day each record was judged on), stacked by ``rule``,
    ``community`` or ``severity``; the ``top`` largest groups by name, the rest as one. Chinese
    labels draw with a CJK font. Returns the matplotlib Axes.

    >>> plot_findings(check_paths(["examples"]), by="community", lang="zh")  # doctest: +SKIP
    """
    if by not in ("rule", "community", "severity"):
        raise ValueError(f"by must be rule, community or severity, not {by!r}")
    plt = pyplot()
    font = cjk_font()
    frame = findings_frame(report, lang)
    column = {"rule": "rule_id", "community": "community", "severity": "severity"}[by]
    frame = frame.dropna(subset=["date"])
    groups = frame[column].fillna("—")
    if by == "community":
        named = community_names(report, lang)
        groups = groups.map(lambda community: named.get(community, community))
    keep = set(groups.value_counts().index[:top])
    other = "其他" if lang == "zh" else "other"
    frame = frame.assign(group=groups.where(groups.isin(keep), other),
                         month=frame["date"].dt.strftime("%Y-%m"))
    table = frame.groupby(["month", "group"]).size().unstack(fill_value=0).sort_index()
    if lang == "zh":  # sorted as 2022-04 … 2022-10, then named 2022年4月
        table.index = [f"{month[:4]}年{int(month[5:])}月" for month in table.index]
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4))
    bottom = [0] * len(table.index)
    for group in table.columns:
        counts = table[group].tolist()
        ax.bar(list(table.index), counts, bottom=bottom, label=str(group))
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    ax.set_title(_LABELS["per_month"][lang].format(by=_LABELS[by][lang]), fontproperties=font)
    ax.set_xlabel(_LABELS["month"][lang], fontproperties=font)
    ax.set_ylabel(_LABELS["findings"][lang], fontproperties=font)
    ax.tick_params(axis="x", labelrotation=45)
    for tick in ax.get_xticklabels():  # months in Chinese: 2022年4月
        tick.set_fontproperties(font)
    if len(table.columns):
        ax.legend(loc="best", prop=font)
    ax.figure.tight_layout()  # the rotated months and the axis's label inside the figure
    return ax
