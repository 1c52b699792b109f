from __future__ import annotations

import os
from datetime import date

import pytest
from _helpers import EXAMPLES, ROOT
from _hostile import write_hostile_dossier
from hypothesis import settings

from governance_rules import Report, Rulebook, check_paths, load_rulebook
from governance_rules.waivers import apply_waivers, load_waivers

# CI (`.ci/run`) draws the same examples every run, so that its verdict does not depend on
# luck; a local run draws new ones (and keeps failing ones in .hypothesis/ to replay them).
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def rulebook() -> Rulebook:
    return load_rulebook()


@pytest.fixture(scope="session")
def examples_report(rulebook: Rulebook) -> Report:
    return check_paths([EXAMPLES], rulebook=rulebook, base=ROOT)


@pytest.fixture(scope="session")
def hostile_report(rulebook: Rulebook, tmp_path_factory: pytest.TempPathFactory) -> Report:
    root = write_hostile_dossier(tmp_path_factory.mktemp("hostile"))
    return check_paths([root], rulebook=rulebook, base=root)


@pytest.fixture(scope="session")
def waived_report(examples_report: Report, tmp_path_factory: pytest.TempPathFactory) -> Report:
    """The examples with one finding waived, one expired waiver and one that matches nothing."""
    path = tmp_path_factory.mktemp("waivers") / "governance-waivers.yaml"
    path.write_text(
        "waivers:\n"
        "  - rule: cc-consent-80\n    record: cc-2022-03/*\n"
        "    reason: re-voted at the next meeting\n    approved_by: 街道办 李明\n"
        "    expires: 2099-12-31\n"
        "  - rule: ra-quorum\n    record: ra-2022-07\n    reason: old roster\n"
        "    approved_by: 街道办\n    expires: 2020-01-01\n"
        "  - rule: fin-*\n    record: exp-1999-*\n    reason: typo\n    approved_by: x\n"
        "    expires: 2099-01-01\n", encoding="utf-8")
    waivers, errors = load_waivers(path)
    assert not errors
    return apply_waivers(examples_report, waivers, date(2026, 11, 22))
