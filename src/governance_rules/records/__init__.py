"""Reading record files into dossiers: safe parsing, validation, cross-record resolution."""

from .dossier import Dossier, Located, Where
from .loader import DossierSource, discover, dossier_from_data, load_dossier, read_records

__all__ = [
    "Dossier",
    "DossierSource",
    "Located",
    "Where",
    "discover",
    "dossier_from_data",
    "load_dossier",
    "read_records",
]
