"""How a report format is kept on disk while a run's dossiers are checked.

A format that can be written without holding the whole report says so with a ``kept(options)``
function in its module, returning :class:`Kept`: what a worker process makes of each finding
(its entry), in which order the entries are read back, and how the report is written from
them at the end (:class:`~governance_rules._spooled.SpooledReport` keeps the entries). The
command line looks the function up by the format's name (:func:`~governance_rules.render.kept_on_disk`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .._checker import DossierResult
    from .._spooled import SpooledReport
    from ..report.model import Finding, RuleInfo


@dataclass(frozen=True)
class FormatOptions:
    """The command line's choices a format may read."""

    lang: str = "en"
    colour: bool = False
    """Text: colour the severities (a terminal without ``NO_COLOR``)."""
    summary: bool = True
    """Text: end with the line of totals (not ``--quiet``)."""
    help_uri_base: str | None = None
    """SARIF: where each rule's help page is."""
    rules: Callable[[], Sequence[RuleInfo]] = tuple
    """The rule set's rules as the report lists them (SARIF numbers its results' rules so),
    made when a format asks for them: only SARIF does, and a run of another format does not
    spend its start on describing every rule."""


@dataclass(frozen=True)
class Kept:
    """What a format keeps of a report, and how it writes the report from that.

    >>> from governance_rules.render import kept_on_disk
    >>> kept = kept_on_disk("text", FormatOptions(lang="zh"))
    >>> kept.finding_entry.func.__name__, kept.details
    ('text_entry', False)
    """

    write: Callable[[SpooledReport, Callable[[str], object]], None] | None = None
    """Writes a text report piece by piece (one of ``write`` and ``write_bytes``)."""
    write_bytes: Callable[[SpooledReport], bytes] | None = None
    """Makes a binary report (a workbook)."""
    finding_entry: Callable[[Finding], Any] | None = None
    """What is kept of each finding, made where it was found (picklable: a module's function,
    or a ``functools.partial`` of one); ``None`` keeps its JSON entry."""
    finding_key: Callable[[Finding], Any] | None = None
    """The order the entries are read back in; ``None``: the report's."""
    report_entries: bool = False
    """Keep every list of the JSON report (``checked``, ``inputs``, ``scopes``), not only the
    findings and input errors."""
    community_names: bool = False
    """The report names each community (one name kept a community)."""
    details: bool = False
    """The checker notes the rules applied to each record (``checked``)."""
    worker: Callable[..., DossierResult] | None = None
    """What a worker does with a dossier's result before sending it back, given ``findings=``
    (whether to render the findings: not when waivers are to be applied first); ``None``: each
    finding becomes its :attr:`finding_entry`."""
