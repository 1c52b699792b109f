"""Mark waived findings as suppressed and report waivers that expired or match nothing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .._words import day_name
from ..errors import InputError
from ..report.model import (
    Evidence,
    Finding,
    RecordLocation,
    Report,
    Severity,
    Suppression,
    Text,
    in_report_order,
    summarise,
)
from .model import LocatedWaiver

WAIVER_RULES = {
    "waiver-expired": Text(zh="豁免已过期", en="A waiver has expired"),
    "waiver-unused": Text(zh="豁免未匹配任何问题", en="A waiver matches no finding"),
    "waiver-everything": Text(zh="豁免覆盖全部规则和全部记录",
                              en="A waiver silences every rule on every record"),
}


def apply_waivers(report: Report, waivers: Sequence[LocatedWaiver], today: date,
                  errors: Sequence[InputError] = ()) -> Report:
    """Return ``report`` with waived findings suppressed and findings about the waivers added.

    The first waiver in file order that matches a finding decides. An expired waiver
    suppresses nothing, so the finding it covered counts again. A waiver in force with
    ``scope: everything`` is itself shown, as an info finding ``waiver-everything``.
    """
    ledger = WaiverLedger(waivers, today)
    findings = in_report_order([*ledger.apply(report.findings), *ledger.closing_findings()])
    all_errors = sorted([*report.input_errors, *errors], key=InputError.sort_key)
    summary = summarise(findings, all_errors, report.summary.records_checked,
                        report.summary.cases_evaluated, report.summary.applied)
    return report.model_copy(update={"findings": findings, "input_errors": all_errors,
                                     "summary": summary})


class WaiverLedger:
    """:func:`apply_waivers` a batch of findings at a time (a streamed run applies it dossier
    by dossier): :meth:`apply` marks waived findings and counts what each waiver matched;
    :meth:`closing_findings`, once every batch is in, gives the findings about the waivers."""

    def __init__(self, waivers: Sequence[LocatedWaiver], today: date, *,
                 report_unused: bool = True) -> None:
        self.waivers, self.today = waivers, today
        self.report_unused = report_unused
        """Whether a waiver that matched nothing is a finding: not on a check of some files
        only (a commit's), which leaves out the records of the other waivers."""
        self.used: dict[int, int] = {}

    def apply(self, batch: Sequence[Finding]) -> list[Finding]:
        """``batch`` with each finding a waiver in force matches marked as suppressed."""
        waivers, today, used = self.waivers, self.today, self.used
        findings: list[Finding] = []
        for finding in batch:
            match = next((w for w in waivers
                          if w.waiver.matches(finding.rule_id, finding.record.id)), None)
            if match is None:
                findings.append(finding)
                continue
            used[id(match)] = used.get(id(match), 0) + 1
            if match.waiver.expired_on(today):
                findings.append(finding)
                continue
            findings.append(finding.model_copy(update={"suppression": Suppression(
                reason=match.waiver.reason, approved_by=match.waiver.approved_by,
                expires=match.waiver.expires.isoformat(), file=match.file, line=match.line)}))
        return findings

    def closing_findings(self) -> list[Finding]:
        """The findings about the waivers: expired, unused, silencing everything."""
        today, used = self.today, self.used
        findings = []
        for located in self.waivers:
            if located.waiver.expired_on(today):
                findings.append(_about_waiver(located, "waiver-expired", today))
            elif id(located) not in used and self.report_unused:
                findings.append(_about_waiver(located, "waiver-unused", today))
            if located.waiver.everything and not located.waiver.expired_on(today):
                findings.append(_about_waiver(located, "waiver-everything", today,
                                              used.get(id(located), 0)))
        return findings


def _about_waiver(located: LocatedWaiver, rule_id: str, today: date, count: int = 0) -> Finding:
    waiver = located.waiver
    severity = Severity.WARNING
    target = f"{waiver.rule} on {waiver.record}"
    target_zh = f"规则{waiver.rule}、记录{waiver.record}"
    if rule_id == "waiver-expired":
        message = Text(zh=f"豁免（{target_zh}）已于{day_name(waiver.expires, 'zh')}到期，所涉问题重新计入",
                       en=f"the waiver for {target} expired on {day_name(waiver.expires, 'en')}; "
                       "the findings it covered count again")
        evidence = Evidence(
            measured=Text(zh=f"{day_name(waiver.expires, 'zh')}到期",
                          en=f"expired on {day_name(waiver.expires, 'en')}"),
            required=Text(zh=f"有效期至{day_name(today, 'zh')}或以后",
                          en=f"valid on {day_name(today, 'en')} or later"),
                            dates={"expires": waiver.expires.isoformat(), "today": today.isoformat()})
    elif rule_id == "waiver-everything":
        severity = Severity.INFO
        message = Text(zh="豁免（scope: everything）使全部规则对全部记录不计入，"
                       f"至{day_name(waiver.expires, 'zh')}止；"
                       f"本次隐去 {count} 个问题（批准：{waiver.approved_by}）",
                       en=f"a waiver (scope: everything) silences every rule on every record until "
                       f"{day_name(waiver.expires, 'en')}; {count} findings suppressed here (approved by "
                       f"{waiver.approved_by})")
        evidence = Evidence(
            measured=Text(zh=f"隐去{count}个问题", en=f"{count} findings suppressed"),
            required=Text(zh="全部豁免须写明「scope: everything」",
                          en="a waiver of everything says scope: everything"),
                            dates={"expires": waiver.expires.isoformat(), "today": today.isoformat()})
    else:
        message = Text(zh=f"豁免（{target_zh}）未匹配任何问题，应删除或更正",
                       en=f"the waiver for {target} matches no finding; remove or correct it")
        evidence = Evidence(measured=Text(zh="未匹配任何问题", en="no finding matched"),
                            required=Text(zh="至少匹配一个问题", en="at least one finding matched"))
    return Finding(
        rule_id=rule_id, catalogue=[], severity=severity, title=WAIVER_RULES[rule_id],
        record=RecordLocation(id=f"waivers[{located.index}]", type="waiver", file=located.file,
                              line=located.line, path=f"waivers[{located.index}]"),
        message=message, evidence=evidence, source=None, jurisdiction=[],
    )
