"""Waivers: reviewed, justified, expiring acceptances of known findings.

A waivers file (``governance-waivers.yaml`` in a checked folder, or ``--waivers FILE``) lists
entries with a rule id and a record id (each may be a glob), a reason, an approver and an
expiry date. A waived finding stays in the report, marked suppressed, and does not count for
``--fail-on``. An expired waiver, or one that matches nothing, is itself a finding.
"""

from .apply import WAIVER_RULES, apply_waivers
from .loader import WAIVERS_FILE, find_waiver_files, load_waivers
from .model import LocatedWaiver, Waiver, WaiverFile

__all__ = [
    "WAIVERS_FILE",
    "WAIVER_RULES",
    "LocatedWaiver",
    "Waiver",
    "WaiverFile",
    "apply_waivers",
    "find_waiver_files",
    "load_waivers",
]
