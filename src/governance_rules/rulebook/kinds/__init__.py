"""The closed set of rule kinds. A new kind is a module here, registered in ``KINDS``."""

from ._base import Explanation, RuleKind
from .distinct_persons import DistinctPersons
from .share_threshold import ShareThreshold
from .signatures import Signatures
from .succession import Replacement, SeatOrigin
from .terms import ActingWithinTerm, TermLength
from .tiered_approval import TieredApproval

KINDS: dict[str, RuleKind] = {  # type: ignore[type-arg]
    kind.name: kind
    for kind in (
        ShareThreshold(),
        TieredApproval(),
        Signatures(),
        DistinctPersons(),
        TermLength(),
        ActingWithinTerm(),
        Replacement(),
        SeatOrigin(),
    )
}

__all__ = ["KINDS", "Explanation", "RuleKind"]
