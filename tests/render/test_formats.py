"""What every format owes: a registered renderer, and input errors at file:line:column."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest

from governance_rules import Report, Rulebook, check_paths
from governance_rules.render import BINARY_FORMAT_NAMES, FORMATS
from governance_rules.report.model import RuleInfo


@pytest.fixture(scope="module")
def broken_report(rulebook: Rulebook, tmp_path_factory: pytest.TempPathFactory) -> Report:
    root = tmp_path_factory.mktemp("broken")
    (root / "community.yaml").write_text("community: {id: c, name: x, jurisdiction: [cn]}\n")
    (root / "m.yaml").write_text("meeting:\n  id: m\n  date: 2022-02-30\n")
    return check_paths([root], rulebook=rulebook, base=root)


def test_the_formats_the_cli_offers() -> None:
    assert sorted(FORMATS) == ["github", "gitlab", "html", "json", "jsonl", "junit", "sarif", "text"]
    assert BINARY_FORMAT_NAMES == ("xlsx",)


def test_every_format_but_json_lines_is_kept_on_disk() -> None:
    """A run of any size writes every report in bounded memory: JSON Lines as it goes, the
    others from entries kept on disk, each as its module's ``kept`` says (one writer, text or
    bytes as the format is)."""
    from governance_rules.render import KEPT_FORMAT_NAMES, kept_on_disk
    from governance_rules.render._kept import FormatOptions

    assert sorted(KEPT_FORMAT_NAMES) == sorted({*FORMATS, *BINARY_FORMAT_NAMES} - {"jsonl"})
    for name in KEPT_FORMAT_NAMES:
        kept = kept_on_disk(name, FormatOptions())
        assert (kept.write is None) is (name in BINARY_FORMAT_NAMES) is \
            (kept.write_bytes is not None), name
    with pytest.raises(KeyError):
        kept_on_disk("jsonl", FormatOptions())


def test_only_sarif_asks_for_the_rules_descriptions() -> None:
    """Describing every rule takes a run's start about 10 ms: a format is given a function
    that makes the descriptions, and only SARIF (which numbers its results' rules) calls it."""
    from governance_rules.render import KEPT_FORMAT_NAMES, kept_on_disk
    from governance_rules.render._kept import FormatOptions

    asked: list[str] = []

    def describe(name: str) -> list[RuleInfo]:
        asked.append(name)
        return []

    for name in sorted(KEPT_FORMAT_NAMES):
        kept_on_disk(name, FormatOptions(rules=partial(describe, name)))
    assert asked == ["sarif"]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_input_errors_keep_file_line_and_column(fmt: str, broken_report: Report) -> None:
    error = next(e for e in broken_report.input_errors if e.field == "meeting.date")
    out = FORMATS[fmt](broken_report, "en")
    if fmt in ("json", "jsonl"):
        errors = json.loads(out.splitlines()[-1] if fmt == "jsonl" else out)["input_errors"]
        data = next(e for e in errors if e["loc"] == ["meeting", "date"])
        assert (data["file"], data["line"], data["column"]) == ("m.yaml", 3, 3)
    else:
        assert "m.yaml:3:3" in out and error.msg in out.replace("&#x27;", "'")
    if fmt == "github":
        assert "::error file=m.yaml,line=3,col=3,title=input error [" in out


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_is_deterministic_apart_from_timings(fmt: str, examples_report: Report,
                                                          tmp_path: Path) -> None:
    first = FORMATS[fmt](examples_report, "zh")
    second = FORMATS[fmt](examples_report.model_copy(update={"seconds_by_file": {}}), "zh")
    if fmt != "junit":
        assert first == second
    assert len(first) > 200
