"""docs/authoring.md is executed: every YAML block that starts with ``# PATH`` is written to PATH
in an empty folder, in order, and every ``$ governance-rules …`` line of a console block is run
there; its output must hold the lines shown under it, in order (``...`` skips any lines), and
it must exit with the status the line's ``# exits N`` gives (0 when none)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from governance_rules.cli import main

DOC = Path(__file__).resolve().parents[1] / "docs" / "authoring.md"
BLOCK = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```", re.M | re.S)


def _steps() -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(DOC.read_text(encoding="utf-8"))]


def _commands(block: str) -> list[tuple[list[str], int, list[str]]]:
    out: list[tuple[list[str], int, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            command, _, comment = line[2:].partition("  # ")
            exits = re.fullmatch(r"exits (\d+)", comment.strip())
            words = shlex.split(command)
            assert words[0] == "governance-rules", line
            out.append((words[1:], int(exits.group(1)) if exits else 0, []))
        else:
            out[-1][2].append(line)
    return out


def _holds_in_order(expected: list[str], actual: list[str]) -> None:
    position = 0
    for want in expected:
        if want.strip() == "...":
            continue
        try:
            position = actual.index(want, position) + 1
        except ValueError:
            raise AssertionError(f"line not found in order: {want!r}\n--- output:\n"
                                 + "\n".join(actual)) from None


def test_the_walk_through_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    files = commands = 0
    for lang, text in _steps():
        if lang == "text" and re.fullmatch(r"# \S+\.txt", text.splitlines()[0]):
            # a document the overlay cites: its lines after the path, as they are numbered
            first, _, body = text.partition("\n")
            path = tmp_path / first[2:].strip()
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
            files += 1
        elif lang == "yaml":
            first = text.splitlines()[0]
            assert first.startswith("# "), f"a YAML block without its path: {first!r}"
            path = tmp_path / first[2:].strip()
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            files += 1
        elif lang == "console":
            for args, status, expected in _commands(text):
                code = main(args)
                captured = capsys.readouterr()
                assert code == status, (args, captured.out, captured.err)
                _holds_in_order(expected, captured.out.splitlines())
                commands += 1
    assert files >= 7 and commands >= 5


def test_the_misspelt_rule_is_named_with_the_nearest(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """The stderr the walk-through quotes after its last command."""
    test_the_walk_through_runs(tmp_path, monkeypatch, capsys)
    assert main(["--rules", "anning", "explain", "anning-cc-atendance", "cc-2023-04",
                 "records/"]) == 2
    assert "no rule 'anning-cc-atendance' (did you mean 'anning-cc-attendance'?)" in \
        capsys.readouterr().err
    assert "no rule 'anning-cc-atendance' (did you mean 'anning-cc-attendance'?)" in \
        DOC.read_text(encoding="utf-8")
