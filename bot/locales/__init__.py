"""Every user-facing string, in English and Spanish. `t()` renders one."""

from __future__ import annotations

from bot.locales import en, es

LANGUAGES: tuple[str, ...] = ("en", "es")
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "es": "Español"}
_CATALOGS: dict[str, dict[str, str]] = {"en": en.TEXTS, "es": es.TEXTS}


def norm_lang(code: str | None) -> str:
    """Map a Telegram language code ('es-MX', 'en') to a supported language."""
    return "es" if (code or "").lower().startswith("es") else "en"


def t(lang: str, key: str, **params: object) -> str:
    """The text for `key` in `lang`, with `{params}` filled in."""
    catalog = _CATALOGS.get(lang, en.TEXTS)
    template = catalog.get(key) or en.TEXTS[key]
    return template.format(**params) if params else template


def all_labels(key: str) -> set[str]:
    """The text of `key` in every language, for matching typed button labels."""
    return {_CATALOGS[lang].get(key, en.TEXTS[key]) for lang in LANGUAGES}
