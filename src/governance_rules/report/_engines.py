"""How a report names the engine that judged it, in each language."""

from __future__ import annotations

__all__ = ["engine_words"]


def engine_words(engine: str, lang: str) -> str:
    """An engine as a report in ``lang`` names it (another engine: by its own name).

    >>> engine_words("native", "zh"), engine_words("durable", "en")
    ('内置', 'durable-rules')
    """
    return _ENGINES.get(engine, {}).get("zh" if lang == "zh" else "en", engine)


_ENGINES = {"native": {"zh": "内置", "en": "native"},
            "durable": {"zh": "durable-rules", "en": "durable-rules"}}
