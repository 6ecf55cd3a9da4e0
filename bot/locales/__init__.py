"""Every user-facing string, in English and Spanish. `t()` renders one."""

from __future__ import annotations

from bot.locales import en, es, formats, insights_en, insights_es, web_en, web_es

LANGUAGES: tuple[str, ...] = ("en", "es")
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "es": "Español"}
# The insights texts (progress, findings, charts, export) and the staff web view's live in
# catalogs of their own.
_CATALOGS: dict[str, dict[str, str]] = {
    "en": {**en.TEXTS, **insights_en.TEXTS, **web_en.TEXTS},
    "es": {**es.TEXTS, **insights_es.TEXTS, **web_es.TEXTS},
}
_EN = _CATALOGS["en"]


def catalog(lang: str) -> dict[str, str]:
    """Every text of one language (for tests that check the catalogs)."""
    return _CATALOGS[lang]


def norm_lang(code: str | None) -> str:
    """Map a Telegram language code ('es-MX', 'en') to a supported language."""
    return "es" if (code or "").lower().startswith("es") else "en"


def t(lang: str, key: str, **params: object) -> str:
    """The text for `key` in `lang`, with `{params}` filled in."""
    catalog = _CATALOGS.get(lang, _EN)
    template = catalog.get(key) or _EN[key]
    return template.format(**params) if params else template


def tn(lang: str, key: str, count: int, **params: object) -> str:
    """The text of `key` for the number `count`: `key.one`, `key.many`, ... as Babel's plural
    rules for `lang` say, `key.other` when the catalog has no text of that form. `{n}` is the
    count; `params` fill the rest. Raises KeyError when `key.other` is missing."""
    form = formats.plural(count, lang)
    catalog = _CATALOGS.get(lang, _EN)
    template = catalog.get(f"{key}.{form}") or catalog.get(f"{key}.other") or _EN[f"{key}.other"]
    return template.format(n=count, **params)


def all_labels(key: str) -> set[str]:
    """The text of `key` in every language, for matching typed button labels."""
    return {_CATALOGS[lang].get(key, _EN[key]) for lang in LANGUAGES}
