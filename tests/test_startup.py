"""Start-up: `--help` imports neither pydantic nor the record models, renderers or engines;
`rules` reads its listing from the cache when the rule set and package are unchanged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from _helpers import ROOT

from governance_rules import Rulebook, _listing_cache
from governance_rules.cli import WAIVERS_FILE, main
from governance_rules.rulebook import default_rules_dir
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


def test_cached_rules_listing(tmp_path: Path, rulebook: Rulebook) -> None:
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
    os.environ["GOVERNANCE_RULES_CACHE"] = env["GOVERNANCE_RULES_CACHE"]
    try:
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
    finally:
        del os.environ["GOVERNANCE_RULES_CACHE"]


def test_constants_the_parser_keeps_agree() -> None:
    assert WAIVERS_FILE == LOADER_WAIVERS_FILE
    assert _listing_cache.bundled_rules_dir() == default_rules_dir()
