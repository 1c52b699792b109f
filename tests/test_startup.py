"""Start-up: `--help` imports neither pydantic nor the record models, renderers or engines;
`rules` reads its listing from the cache when the rule set and package are unchanged."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from _helpers import EXAMPLES, ROOT

from governance_rules import Rulebook, _listing_cache, check_paths, load_rulebook
from governance_rules.cli import WAIVERS_FILE, main
from governance_rules.rulebook import _cached, default_rules_dir
from governance_rules.waivers import WAIVERS_FILE as LOADER_WAIVERS_FILE

HEAVY = ("pydantic", "governance_rules.models", "governance_rules._checker",
         "governance_rules.render.html", "governance_rules.engines.native", "pandas",
         "matplotlib", "distributed", "yaml")


def _imported_after(code: str, env: dict[str, str] | None = None) -> set[str]:
    probe = (f"import sys\n{code}\n"
             "sys.stderr.write('\\n'.join(sorted(sys.modules)))\n")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=False, env={"PYTHONPATH": str(ROOT / "src"),
                                            "PATH": "/usr/bin:/bin", **(env or {})})
    return set(proc.stderr.split("\n"))


def test_help_imports_nothing_heavy() -> None:
    loaded = _imported_after("from governance_rules.cli import main\n"
                             "try:\n    main(['--help'])\nexcept SystemExit:\n    pass")
    assert "governance_rules.cli" in loaded
    assert not [m for m in HEAVY if m in loaded]


def test_cached_rules_listing(tmp_path: Path, rulebook: Rulebook,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    env = {"GOVERNANCE_RULES_CACHE": str(tmp_path / "cache")}
    first = subprocess.run([sys.executable, "-m", "governance_rules", "rules", "--lang", "zh"],
                           capture_output=True, text=True, check=True,
                           env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", **env})
    assert len(list((tmp_path / "cache").glob("rules-*.txt"))) == 1
    loaded = _imported_after("from governance_rules.cli import main\n"
                             "main(['rules', '--lang', 'zh'])", env)
    assert not [m for m in HEAVY if m in loaded]  # a hit: no rule book loaded
    assert first.stdout.count("\n") == len(rulebook.rules)
    # Another rule folder, or a changed one, is another key.
    extra = tmp_path / "extra"
    extra.mkdir()
    monkeypatch.setenv("GOVERNANCE_RULES_CACHE", env["GOVERNANCE_RULES_CACHE"])
    key = _listing_cache.listing_key_for([], "zh")
    assert key == _listing_cache.listing_key_for([], "zh")
    assert key != _listing_cache.listing_key_for([str(extra)], "zh")
    assert key != _listing_cache.listing_key_for([], "en")
    before = _listing_cache.listing_key_for([str(extra)], "zh")
    (extra / "x.yaml").write_text("rules: []\n", encoding="utf-8")
    assert _listing_cache.listing_key_for([str(extra)], "zh") != before
    extra.joinpath("x.yaml").unlink()
    extra.rmdir()
    assert _listing_cache.listing_key_for([str(extra)], "zh") != before
    assert main(["--rules", str(extra), "rules"]) == 2  # missing folder: never a cached hit


def test_constants_the_parser_keeps_agree() -> None:
    assert WAIVERS_FILE == LOADER_WAIVERS_FILE
    assert _listing_cache.bundled_rules_dir() == default_rules_dir()


def test_cached_rulebook_is_the_rulebook(tmp_path: Path, rulebook: Rulebook,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("GOVERNANCE_RULES_CACHE", str(cache))
    first = _cached.load_rulebook_cached()
    [entry] = cache.glob("rulebook-*.pickle")
    assert entry.stat().st_mode & 0o777 == 0o600
    # A hit loads nothing: the same rules, parameters and findings as a rule set just loaded.
    monkeypatch.setattr(_cached, "load_rulebook", _must_not_load)
    again = _cached.load_rulebook_cached()
    assert again is not first
    assert again.rules == rulebook.rules and again.parameters == rulebook.parameters
    assert again.documents == rulebook.documents and again.pending == rulebook.pending
    fresh = check_paths([EXAMPLES], rulebook=rulebook, base=EXAMPLES)
    cached = check_paths([EXAMPLES], rulebook=again, base=EXAMPLES)
    assert cached.model_dump_json(exclude={"seconds_by_file"}) == fresh.model_dump_json(
        exclude={"seconds_by_file"})


def test_cached_rulebook_misses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("GOVERNANCE_RULES_CACHE", str(cache))
    loads: list[tuple[object, ...]] = []
    real = load_rulebook

    def counted(*dirs: object) -> Rulebook:
        loads.append(dirs)
        return real(*dirs)  # type: ignore[arg-type]

    monkeypatch.setattr(_cached, "load_rulebook", counted)
    _cached.load_rulebook_cached()
    [entry] = cache.glob("rulebook-*.pickle")
    entry.write_bytes(b"not a pickle")  # damaged: a miss, loaded and written again
    assert isinstance(_cached.load_rulebook_cached(), Rulebook)
    assert pickle.loads(entry.read_bytes()).version
    entry.chmod(0o666)  # others may write it: never read
    _cached.load_rulebook_cached()
    entry.write_bytes(pickle.dumps({"not": "a rulebook"}))
    entry.chmod(0o600)
    _cached.load_rulebook_cached()
    assert len(loads) == 4
    # An overlay is another key; a change to one of its files, another again.
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "ruleset.yaml").write_text("version: x\n", encoding="utf-8")
    assert _cached.load_rulebook_cached(overlay).version == "x"
    (overlay / "ruleset.yaml").write_text("version: y\n", encoding="utf-8")
    assert _cached.load_rulebook_cached(overlay).version == "y"
    assert len(loads) == 6 and len(list(cache.glob("rulebook-*.pickle"))) == 3
    assert _cached.load_rulebook_cached(overlay).version == "y" and len(loads) == 6
    monkeypatch.setenv("GOVERNANCE_RULES_CACHE", "")  # off: loaded every time, nothing kept
    _cached.load_rulebook_cached()
    assert len(loads) == 7 and len(list(cache.glob("rulebook-*.pickle"))) == 3


def test_a_rule_set_kept_by_code_of_another_shape_is_never_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that imported the package before its files changed (an upgrade under a
    running server, a test run while the code is edited) keeps its rule set after the change,
    when the key made of the files is already the new code's; the new code must not read it:
    the classes' fields are in the key too."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("GOVERNANCE_RULES_CACHE", str(cache))
    with monkeypatch.context() as old_code:  # the old classes had another field
        old_code.setattr(_cached, "_layout", lambda: "Rulebook:version,rules,_guard_getters")
        stale = _cached.load_rulebook_cached()
        stale.__dict__.pop("_may_select")  # as the old code would have pickled it
        [entry] = cache.glob("rulebook-*.pickle")
        entry.write_bytes(pickle.dumps(stale))
    assert "_may_select" in _cached._layout()
    assert _cached.load_rulebook_cached().may_select("meeting", {}) is True
    assert len(list(cache.glob("rulebook-*.pickle"))) == 2


def _must_not_load(*dirs: object) -> Rulebook:
    raise AssertionError("a cached rule set was loaded again")
