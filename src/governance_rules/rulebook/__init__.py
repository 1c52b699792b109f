"""The rulebook: declarative rules from ``rules/``, their parameters, kinds and conditions."""

from .book import BoundRule, Document, Rulebook
from .loader import default_rulebook, default_rules_dir, load_rulebook
from .model import Citation, Localised, Parameter, ParameterVersion, Rule

__all__ = [
    "BoundRule",
    "Citation",
    "Document",
    "Localised",
    "Parameter",
    "ParameterVersion",
    "Rule",
    "Rulebook",
    "default_rulebook",
    "default_rules_dir",
    "load_rulebook",
]
