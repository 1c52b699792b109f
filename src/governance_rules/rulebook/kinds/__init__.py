"""The closed set of rule kinds. A new kind is a module here, registered in ``KINDS``."""

from ._base import Explanation, RuleKind
from .cadence import Cadence
from .count_range import CountInRange
from .deadline import Deadline
from .distinct_persons import DistinctPersons
from .requirement import Requirement
from .reserved_matter import ReservedMatter
from .sequence import Sequence
from .share_threshold import ShareThreshold
from .signatures import Signatures
from .splitting import Splitting
from .succession import Replacement, SeatOrigin
from .terms import ActingWithinTerm, TermLength
from .tiered_approval import TieredApproval
from .trigger import Trigger

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
        Cadence(),
        Deadline(),
        Sequence(),
        Trigger(),
        CountInRange(),
        ReservedMatter(),
        Splitting(),
        Requirement(),
    )
}

__all__ = ["KINDS", "Explanation", "RuleKind"]
