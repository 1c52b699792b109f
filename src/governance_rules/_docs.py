"""Generate ``docs/rules.md`` from the rulebook: ``python -m governance_rules._docs``.

A test fails when the committed file differs from what this prints.
"""

from __future__ import annotations

import sys

from .rulebook import Rulebook, load_rulebook
from .rulebook.kinds import KINDS


def rule_reference(book: Rulebook) -> str:
    out = [
        "# Rule reference",
        "",
        "Generated from `rules/` by `make docs` (`python -m governance_rules._docs`); "
        "do not edit by hand.",
        f"Rule set version {book.version}.",
        "",
        "| rule | catalogue | severity | kind | applies to | source | title |",
        "|---|---|---|---|---|---|---|",
    ]
    for rule in book.rules:
        cites = "; ".join(c.label() for c in rule.source)
        out.append(f"| `{rule.id}` | {', '.join(rule.catalogue)} | {rule.severity.value} | "
                   f"`{rule.kind}` | {rule.applies_to} | {cites} | {rule.title.en} |")
    out += ["", "## Rules in detail", ""]
    for rule in book.rules:
        out += [f"### `{rule.id}`", "", f"**{rule.title.zh}**  ", rule.title.en, ""]
        when = ", ".join(f"{k} = {v}" for k, v in sorted(rule.when.items())) or "always"
        out += [f"- catalogue: {', '.join(rule.catalogue)}; severity: {rule.severity.value}",
                f"- kind: `{rule.kind}`, for each {rule.applies_to} where {when}",
                f"- defined in `{rule.file}`"]
        out += [f"- clause `{name}` also breaches {', '.join(i for i in ids if i not in rule.catalogue)}"
                f": its finding names {', '.join(ids)} (catalogue overlap)"
                for name, ids in rule.overlaps.items()]
        for c in rule.source:
            decides = f" (decides: {', '.join(c.for_)})" if c.for_ else ""
            out.append(f"- source {c.label()}: 「{c.quote}」{decides}")
        for name in book.parameter_names(rule):
            param = book.parameters[name]
            values = "; ".join(v.label() for v in param.values)
            out.append(f"- parameter `{name}` = {values}: {param.described('en')}")
        out.append("")
    out += ["## Rule kinds", "", "| kind | applies to | what it checks |", "|---|---|---|"]
    for name, kind in sorted(KINDS.items()):
        out.append(f"| `{name}` | {', '.join(sorted(kind.fact_types))} | {kind.summary} |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(rule_reference(load_rulebook()))
