"""Reading record files into dossiers: safe parsing, validation, cross-record resolution."""

from .dossier import Dossier, Located, Where
from .loader import DossierSource, discover, load_dossier, read_records

__all__ = ["Dossier", "DossierSource", "Located", "Where", "discover", "load_dossier", "read_records"]
