"""Reading record files into dossiers: safe parsing, validation, cross-record resolution."""

from .dossier import Dossier, Located, Where
from .loader import (
    DossierSource,
    assemble_dossier,
    discover,
    dossier_from_data,
    load_dossier,
    read_records,
)

__all__ = [
    "Dossier",
    "DossierSource",
    "Located",
    "Where",
    "assemble_dossier",
    "discover",
    "dossier_from_data",
    "load_dossier",
    "read_records",
]
